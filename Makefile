# Setup, lessons and checks of the course. Every target creates .venv from the lock file if missing.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-stamp
TINY   := COURSE_MODE=tiny HF_HUB_OFFLINE=1 PYTHONHASHSEED=0
CANARY ?= .venv-canary
TORCH_PIN := $(shell grep '^torch==' requirements-lock.txt)
HF_NEWEST := transformers datasets evaluate accelerate peft huggingface_hub tokenizers safetensors
CANARY_TOOLS := matplotlib scikit-learn pandas tqdm packaging nbclient nbformat ipykernel jupytext psutil

.PHONY: lab test outputs tiny-checkpoints manifest stamp bench bench-mrpc doctor canary lint clean-runs

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

lab: $(STAMP)  ## open JupyterLab on the notebooks (mode chosen automatically)
	$(VENV)/bin/jupyter lab notebooks/

test: $(STAMP)  ## unit tests, guards, and every notebook under nbval, in tiny mode
	$(TINY) $(PY) -m pytest -n 2 --dist loadgroup

outputs: $(STAMP)  ## re-execute every notebook in tiny mode and save the outputs nbval compares
	$(TINY) $(PY) -m helpers.outputs

tiny-checkpoints: $(STAMP)  ## rebuild the committed tiny checkpoints under data/checkpoints (and their manifest)
	$(PY) -m helpers.tiny build --out data/checkpoints

manifest: $(STAMP)  ## rewrite data/checkpoints/MANIFEST.sha256 from the files there
	$(PY) -m helpers.manifest

stamp: $(STAMP)  ## stamp the Colab badge and install cell from [tool.course]; then `make outputs`
	$(PY) -m helpers.stamp

bench: $(STAMP)  ## time every notebook in tiny mode (table, and JSON under runs/bench)
	$(TINY) $(PY) -m helpers.notebook_bench

doctor: $(STAMP)  ## check Python, pins, torch, GPU, hub, mode, run folder, tiny checkpoints
	$(PY) -m helpers.doctor

canary:  ## run every notebook on the newest HF releases, in a separate $(CANARY) (torch pinned)
	$(PYTHON) -m venv --clear $(CANARY)
	$(CANARY)/bin/python -m pip install --quiet --upgrade pip
	echo "$(TORCH_PIN)" > $(CANARY)/constraints.txt
	$(CANARY)/bin/python -m pip install --quiet -c $(CANARY)/constraints.txt \
		"$(TORCH_PIN)" $(HF_NEWEST) $(CANARY_TOOLS)
	$(TINY) $(CANARY)/bin/python -m helpers.canary

GLUE_DIR ?= ../shared/glue
MODEL    ?= models/bert-base-uncased
bench-mrpc: $(STAMP)  ## chapter 03's recipe on real MRPC files with a local model (GLUE_DIR=..., MODEL=...)
	$(PY) -m helpers.bench mrpc --glue-dir $(GLUE_DIR) --model $(MODEL)

lint: $(STAMP)
	$(VENV)/bin/ruff check helpers tests

clean-runs:
	rm -rf runs
