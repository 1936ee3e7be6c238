# Setup, lessons and checks of the course. Every target creates .venv from the lock file if missing.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-stamp
TINY   := COURSE_MODE=tiny HF_HUB_OFFLINE=1 PYTHONHASHSEED=0

.PHONY: lab test outputs tiny-checkpoints bench-mrpc lint clean-runs

$(STAMP): requirements-lock.txt pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-lock.txt
	$(PY) -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

lab: $(STAMP)  ## open JupyterLab on the notebooks (mode chosen automatically)
	$(VENV)/bin/jupyter lab notebooks/

test: $(STAMP)  ## unit tests, guards, and every notebook under nbval, in tiny mode
	$(TINY) $(PY) -m pytest

outputs: $(STAMP)  ## re-execute every notebook in tiny mode and save the outputs nbval compares
	$(TINY) $(PY) -m helpers.outputs

tiny-checkpoints: $(STAMP)  ## rebuild the committed tiny checkpoints under data/checkpoints
	$(PY) -m helpers.tiny build --out data/checkpoints

GLUE_DIR ?= ../shared/glue
MODEL    ?= models/bert-base-uncased
bench-mrpc: $(STAMP)  ## chapter 03's recipe on real MRPC files with a local model (GLUE_DIR=..., MODEL=...)
	$(PY) -m helpers.bench mrpc --glue-dir $(GLUE_DIR) --model $(MODEL)

lint: $(STAMP)
	$(VENV)/bin/ruff check helpers tests

clean-runs:
	rm -rf runs
