# zhangye-cli: everything a fresh clone needs is two commands away.
#   make demo   create .venv, install, extract the bundled pages (Markdown of one, JSON of all)
#   make test   create .venv with the test extras, run the test suite
#   make bench  accuracy and speed against the peers (needs ../shared/bench)

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DEMO_PAGES := fixtures/pages
DEMO_OUT := demo-output

.PHONY: demo test lint bench bench-repair clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

$(VENV)/.installed-bench: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	touch $@

demo: $(VENV)/.installed
	@mkdir -p $(DEMO_OUT)
	@echo "== zhangye extract $(DEMO_PAGES)/seedlike-gbk-declared/source.html (Markdown)"
	$(BIN)/zhangye extract $(DEMO_PAGES)/seedlike-gbk-declared/source.html \
		--url http://www.zgzyw.com.cn/zgzywzx/wz/2022-03-04/870591.html
	@echo
	@echo "== JSON of every bundled page -> $(DEMO_OUT)/"
	@for page in $(DEMO_PAGES)/*/; do \
		slug=$$(basename $$page); \
		url=$$($(BIN)/python -c "import json,sys; print(json.load(open(sys.argv[1])).get('url') or '')" $$page/response.json); \
		$(BIN)/zhangye extract $$page/source.html --format json --url "$$url" -o $(DEMO_OUT)/$$slug.json \
			&& echo "   $(DEMO_OUT)/$$slug.json"; \
	done

test: $(VENV)/.installed-test
	$(BIN)/python -m pytest -q

lint: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/mypy

bench: $(VENV)/.installed-bench
	$(BIN)/python benchmarks/run_bench.py

bench-repair: $(VENV)/.installed-test
	$(BIN)/python benchmarks/repair_bench.py

clean:
	rm -rf $(VENV) $(DEMO_OUT) .pytest_cache .mypy_cache .ruff_cache *.egg-info
