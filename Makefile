# Two commands do all the set-up on a fresh machine:
#   make demo   creates .venv, installs planner, runs the gap analysis of the example
#   make test   the same set-up and the pyNTM oracle's .venv-oracle, then ruff,
#               mypy and pytest
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# pyNTM, the bandwidth tests' oracle, pins networkx==3.1: it gets its own
# environment so that planner keeps a current networkx (tests/oracle/).
ORACLE := .venv-oracle
ORACLE_STAMP := $(ORACLE)/.installed

.PHONY: fuzz demo test lint typecheck pytest graphviz oracle chromium poppler libreoffice bench bench-bandwidth bench-plan bench-report bench-design bench-transit bench-site bench-speed bench-intake plans golden update-golden schemas format clean
.PHONY: netbox redis netbox-hint bench-export bench-netbox
.PHONY: bench-memory

$(STAMP): setup.cfg pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,netbox]'
	touch $(STAMP)

$(ORACLE_STAMP): tests/oracle/requirements.txt
	$(PYTHON) -m venv $(ORACLE)
	$(ORACLE)/bin/python -m pip install --quiet --upgrade pip
	$(ORACLE)/bin/python -m pip install --quiet -r tests/oracle/requirements.txt
	touch $(ORACLE_STAMP)

oracle: $(ORACLE_STAMP)

# Graphviz's `dot` renders the diagrams: installed from Debian when we are root.
graphviz:
	@command -v dot >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "installing Graphviz (Debian package graphviz)"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq graphviz >/dev/null; \
	  else \
	    echo "Graphviz is missing: install it (Debian/Ubuntu: sudo apt-get install graphviz; macOS: brew install graphviz)"; \
	  fi; }

# Headless Chromium opens the HTML report in the tests (tests/render/chromium.py);
# installed from Debian when we are root, the tests skip it where it is missing.
chromium:
	@command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || \
	command -v google-chrome >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "installing Chromium (Debian package chromium)"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else \
	    echo "Chromium is missing, so the browser tests of the report are skipped: install it (Debian/Ubuntu: sudo apt-get install chromium)"; \
	  fi; }

# The real NetBox of the importer's tests (tests/netbox/server.py) needs
# redis-server: installed from Debian when we are root.
redis:
	@command -v redis-server >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "installing Redis (Debian package redis-server)"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null; \
	  else \
	    echo "redis-server is missing: install it (Debian/Ubuntu: sudo apt-get install redis-server)"; \
	  fi; }

# NetBox 4 with Python 3.12 and a migrated database dump, in
# ~/.cache/planner/netbox (outside the clone): ~10 minutes once, seconds after.
netbox: $(STAMP) redis
	$(BIN)/python tests/netbox/server.py setup

NETBOX_CACHE := $(or $(XDG_CACHE_HOME),$(HOME)/.cache)/planner/netbox/migrated.dump
ifeq ($(PLANNER_NETBOX),1)
NETBOX_DEP := netbox
else
NETBOX_DEP := netbox-hint
endif

netbox-hint:
	@[ -f "$(NETBOX_CACHE)" ] || echo "note: the real NetBox test is skipped; PLANNER_NETBOX=1 make test runs it (builds its environment once, ~10 minutes)"

# poppler-utils (pdftoppm, pdftotext) reads the report's PDF in the tests
# (tests/render/test_pdf.py); installed from Debian when we are root.
poppler:
	@command -v pdftoppm >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "installing poppler-utils (Debian package poppler-utils)"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils >/dev/null; \
	  else \
	    echo "poppler-utils is missing, so the PDF tests of the report are skipped: install it (Debian/Ubuntu: sudo apt-get install poppler-utils)"; \
	  fi; }

# LibreOffice re-saves exported workbooks in the intake tests
# (tests/intake/test_libreoffice.py); installed from Debian when we are root,
# the test skips where it is missing.
libreoffice:
	@command -v soffice >/dev/null 2>&1 || command -v libreoffice >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "installing LibreOffice Calc (Debian package libreoffice-calc-nogui; a few minutes)"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libreoffice-calc-nogui >/dev/null; \
	  else \
	    echo "LibreOffice is missing, so the LibreOffice-saved workbook test is skipped: install it (Debian/Ubuntu: sudo apt-get install libreoffice-calc-nogui)"; \
	  fi; }

demo: $(STAMP) graphviz
	$(BIN)/planner gap inventories/kongsberg.yaml
	$(BIN)/planner plan inventories/kongsberg.yaml -t topologies/kongsberg-target.yaml -p plans/kongsberg.yaml

# Regenerate the example plan that tests/commands/test_plan_golden.py keeps
# identical to what the tool produces (never done silently by the tests).
plans: $(STAMP)
	$(BIN)/planner plan inventories/kongsberg.yaml -t topologies/kongsberg-target.yaml -p plans/kongsberg.yaml -o plans/kongsberg

# PLANNER_NO_ORACLE=1 make test: no oracle environment (offline), its tests skipped.
ifeq ($(PLANNER_NO_ORACLE),1)
ORACLE_DEP :=
else
ORACLE_DEP := $(ORACLE_STAMP)
endif

test: $(STAMP) $(ORACLE_DEP) graphviz chromium poppler libreoffice $(NETBOX_DEP) lint typecheck pytest

lint: $(STAMP)
	$(BIN)/ruff check planner tests benchmarks
	$(BIN)/ruff format --check planner tests benchmarks

typecheck: $(STAMP)
	$(BIN)/mypy

pytest: $(STAMP) $(ORACLE_DEP)
	$(BIN)/pytest

# Thousands of mutated copies of the shipped files through the CLI; any
# internal error (exit 3) fails and names its reproducer (tests/fuzz/crashes/).
fuzz: $(STAMP)
	PLANNER_FUZZ_CASES=$${PLANNER_FUZZ_CASES:-5000} $(BIN)/pytest tests/fuzz -q

format: $(STAMP)
	$(BIN)/ruff format planner tests benchmarks
	$(BIN)/ruff check --fix planner tests benchmarks

# Regenerate the JSON Schemas editors use (tests fail when they are stale).
schemas: $(STAMP)
	for k in inventory municipality target plan scenarios; do $(BIN)/planner schema $$k -o schemas/$$k.schema.json; done

# Regenerate the golden DOT files of the diagram tests: only when a change to
# the diagrams is intended; review the diff before committing.
golden: $(STAMP)
	$(BIN)/python -m tests.render.make_golden

# Rewrite every golden file the tests compare with (bad-file messages, DOT
# diagrams, the example plan) from what planner produces now: the one switch
# for all of them. Only when a change is intended; review the diff.
update-golden: $(STAMP)
	$(BIN)/pytest -q --update-golden

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_gap.py

# planner bandwidth --failures n-1 on the national inventory against its YAML
# parse, and side by side with pyNTM at 500 and 2,000 nodes (minutes: pyNTM
# takes about a minute per failure at 2,000 nodes).
bench-bandwidth: $(STAMP) $(ORACLE_STAMP)
	$(BIN)/python benchmarks/bench_bandwidth.py

# Cold and warm runs of gap, bandwidth, plan and report against the parse
# of the national inventory (ratios in CPU and wall time), and the stages.
bench-speed: $(STAMP)
	$(BIN)/python benchmarks/bench_speed.py

bench-plan: $(STAMP)
	$(BIN)/python benchmarks/bench_plan.py

# Diagrams and the report, stage by stage, for Kongsberg and the national inventory.
# planner export archimate on the national inventory, stage by stage, CPU and
# wall (85,534 elements, 480,192 relationships, 149 MB: model + XML + write
# 4.1-4.9 s CPU, was 5.6 s; docs/interop.md).
bench-export: $(STAMP)
	$(BIN)/python benchmarks/bench_export.py

# planner import netbox of a national NetBox (357 tenants, 18,762 sites, 1,628
# servers, 19,182 circuits) against the real NetBox of tests/netbox: seeded
# once (~5 minutes) and cached in ~/.cache/planner/netbox, then the import's
# wall time, NetBox's, PostgreSQL's and planner's CPU, and the requests.
bench-netbox: $(STAMP) netbox
	$(BIN)/python benchmarks/bench_netbox.py

bench-report: $(STAMP) graphviz chromium
	$(BIN)/python benchmarks/bench_report.py

# planner design on the national inventory with ~3 candidate links per town
# hall: solver time, and the cost of networkx's k_edge_augmentation beside it.
bench-design: $(STAMP)
	$(BIN)/python benchmarks/bench_design.py

# bandwidth --failures n-1 on the national inventory with transit: false backup
# lines (incremental against from scratch) and with a standby secondary.
bench-transit: $(STAMP)
	$(BIN)/python benchmarks/bench_transit.py

# planner site --count 2 on Kongsberg and a national-shaped inventory, and the
# bound of the exhaustive national run (minutes).
bench-site: $(STAMP)
	$(BIN)/python benchmarks/bench_site.py

# planner export xlsx and import xlsx on the national inventory (~19,000 rows
# per sheet), stage by stage.
bench-intake: $(STAMP)
	$(BIN)/python benchmarks/bench_intake.py

# Peak RSS of validate and gap on a ~100 MB inventory (4,200 municipalities,
# generated once into benchmarks/out/), and /dev/zero and a 1 GB sparse file
# refused up front (minutes).
bench-memory: $(STAMP)
	$(BIN)/python benchmarks/bench_memory.py

clean:
	rm -rf $(VENV) $(ORACLE) build *.egg-info .mypy_cache .ruff_cache .pytest_cache benchmarks/out

# The report's templates compiled ahead (planner/render/report/templates/compiled.json):
# after changing a template (tests/render/report/test_precompiled.py says when).
.PHONY: templates
templates: $(STAMP)
	$(BIN)/python -m planner.render.report.precompiled
