# Setup, lessons and checks of the course. Every target creates .venv from the lock file if missing.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-stamp
# Tiny mode's variables and the libraries the canary upgrades: one definition each, in helpers
# (`=`, not `:=`: read only by the targets that use them).
TINY    = $(shell $(PYTHON) -c 'from helpers.mode import TINY_ENV as e; print(*(f"{k}={v}" for k, v in e.items()))')
CANARY ?= .venv-canary
TORCH_PIN := $(shell grep '^torch==' requirements-lock.txt)
HF_NEWEST = $(shell $(PYTHON) -c 'from helpers.libraries import HF_LIBRARIES as n; print(*n)')
CANARY_TOOLS := matplotlib scikit-learn pandas tqdm packaging nbclient nbformat ipykernel jupytext psutil nbval

APP_PORT ?= 8501

.PHONY: lab app test test-fast system-packages lint scripts outputs rehearsal tiny-checkpoints manifest stamp \
	publish-review-models bench bench-full bench-mrpc doctor canary lock clean-runs

# PyTorch's CPU wheels on Linux (PyPI's Linux torch is the CUDA build, gigabytes of CUDA
# libraries); macOS and Windows get PyPI's build. TORCH_INDEX= (empty) uses your pip settings only.
TORCH_INDEX ?= $(if $(filter Linux,$(shell uname -s)),https://download.pytorch.org/whl/cpu)

$(STAMP): requirements-lock.txt pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "The course needs Python 3.11 or newer; this is $$($(PYTHON) --version)." \
		"Run make with PYTHON=python3.11 (or newer)."; exit 1; }
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet --no-deps "$(TORCH_PIN)" $(if $(TORCH_INDEX),--extra-index-url $(TORCH_INDEX))
	$(PY) -m pip install --quiet -r requirements-lock.txt
	$(PY) -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

lab: $(STAMP)  ## open JupyterLab on notebooks/ (saving a notebook also updates its sources/ text)
	$(VENV)/bin/jupyter lab --ServerApp.root_dir=. --LabApp.default_url=/lab/tree/notebooks

app: $(STAMP)  ## the review app (chapter 11) on http://127.0.0.1:$(APP_PORT), tiny stand-ins unless COURSE_MODE=full
	COURSE_MODE=$${COURSE_MODE:-tiny} $(VENV)/bin/streamlit run apps/review_app.py --server.headless true \
		--server.address 127.0.0.1 --server.port $(APP_PORT) --browser.gatherUsageStats false

# What the tests need from the system, before anything is built: the review app's browser test
# drives Chromium (Debian's packages where apt-get exists; elsewhere the one line to run).
system-packages:  ## find Chromium and chromedriver, or install them (apt-get, with sudo when not root)
	@$(PYTHON) -m tools.browser

test: system-packages $(STAMP) lint  ## lint, unit tests, guards, and every notebook under nbval, in tiny mode
	$(TINY) $(PY) -m pytest -n 2 --dist loadgroup --durations=15

test-fast: $(STAMP) lint  ## lint, unit tests and guards; no notebook runs (quick loops)
	$(TINY) $(PY) -m pytest -n 2 --dist loadgroup --durations=5 -m "not end_to_end" tests

LINTED := helpers tools tests scripts apps
lint: $(STAMP)  ## ruff (rules and format) and the GitHub workflow's schema
	$(VENV)/bin/ruff check $(LINTED)
	$(VENV)/bin/ruff format --check $(LINTED)
	$(VENV)/bin/check-jsonschema --builtin-schema vendor.github-workflows .github/workflows/*.yml

scripts: $(STAMP)  ## write scripts/ from the notebook cells tagged `export` (committed; a test checks them)
	$(PY) -m tools.export_script

outputs: $(STAMP)  ## re-execute every notebook in tiny mode and save the outputs nbval compares
	$(TINY) $(PY) -m tools.outputs

rehearsal: $(STAMP)  ## every notebook alone in full mode, offline, as Colab runs it (make test does too)
	$(PY) -m tools.rehearsal

tiny-checkpoints: $(STAMP)  ## rebuild the committed tiny checkpoints under data/checkpoints (and their manifest)
	$(PY) -m tools.tiny build --out data/checkpoints

manifest: $(STAMP)  ## rewrite data/checkpoints/MANIFEST.sha256 from the files there
	$(PY) -m tools.manifest

stamp: $(STAMP)  ## stamp the Colab badge and install cell from [tool.course]; then `make outputs`
	$(PY) -m tools.stamp

publish-review-models: $(STAMP)  ## publish chapter 09's full-mode models for chapters 10-12 (needs a token)
	$(PY) -m tools.publish_review_models

bench: $(STAMP)  ## time every notebook in tiny mode (table, and JSON under runs/bench)
	$(TINY) $(PY) -m tools.bench_notebooks

bench-full: $(STAMP)  ## time each notebook alone in full mode, offline (COURSE_MODELS_DIR, GLUE_DIR: real copies; RECORD=1 writes tools/records/full_cpu.json)
	$(PY) -m tools.rehearsal --bench $(if $(RECORD),--record)

doctor: $(STAMP)  ## check Python, pins, torch, GPU, hub, mode, run folder, tiny checkpoints
	$(PY) -m tools.doctor

# The canary's environment: the course with every extra a notebook imports, the newest releases.
canary:  ## run every notebook on the newest HF releases: breaks fail, drift is listed ($(CANARY), torch pinned)
	$(PYTHON) -m venv --clear $(CANARY)
	$(CANARY)/bin/python -m pip install --quiet --upgrade pip
	echo "$(TORCH_PIN)" > $(CANARY)/constraints.txt
	$(CANARY)/bin/python -m pip install --quiet -c $(CANARY)/constraints.txt \
		"$(TORCH_PIN)" -e ".[serve,tracking]" $(HF_NEWEST) $(CANARY_TOOLS)
	$(TINY) $(CANARY)/bin/python -m tools.canary

GLUE_DIR ?= ../shared/glue
MODEL    ?= models/bert-base-uncased
bench-mrpc: $(STAMP)  ## chapter 03's recipe on real MRPC files with a local model (GLUE_DIR=..., MODEL=...)
	$(PY) -m tools.bench_mrpc mrpc --glue-dir $(GLUE_DIR) --model $(MODEL)

lock:  ## recompile requirements-lock.txt from pyproject.toml (keeps pins that still fit)
	$(PY) -m piptools compile --quiet --extra dev --extra serve --extra tracking --allow-unsafe --strip-extras --no-emit-index-url \
		--no-emit-find-links -o requirements-lock.txt pyproject.toml
	sed -i.bak 's/+cpu$$//' requirements-lock.txt && rm requirements-lock.txt.bak

clean-runs:
	rm -rf runs
