# Conecta eLearn. `make run` serves the demo site; `make test` runs the whole suite.
# Both start from a fresh clone: they create .venv, install the pinned dependencies and
# the npm packages, and build the translation catalogs first.

PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
I18N_IGNORE := --ignore=.venv --ignore=node_modules --ignore=staticfiles --ignore=tests
HOST ?= 127.0.0.1
PORT ?= 8000
# The languages: a folder under locale/ for each in settings.LANGUAGES. `make messages`
# starts a catalog in a new folder; install builds every catalog there is.
LANGUAGES := $(notdir $(wildcard locale/*))
CATALOGS := $(patsubst %.po,%.mo,$(wildcard locale/*/LC_MESSAGES/django.po))

# Test order: the files' own order by default, the same on every run. SEED=random shuffles
# the order (pytest-randomly) and prints its seed at the end; SEED=<that number> repeats it.
SEED ?=
ifeq ($(SEED),)
TEST_ORDER := -p no:randomly
else ifeq ($(SEED),random)
TEST_ORDER :=
else
TEST_ORDER := --randomly-seed=$(SEED)
endif

.PHONY: install run test test-fast check lint layers migrations-check i18n-check messages collectstatic serve-production clean

$(VENV)/.installed: requirements.txt requirements-dev.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund
	mkdir -p node_modules && touch $@

# compilemessages also builds locale_wagtail/ (admin strings Wagtail leaves untranslated).
locale/%/LC_MESSAGES/django.mo: locale/%/LC_MESSAGES/django.po $(wildcard locale_wagtail/*/LC_MESSAGES/*.po) $(VENV)/.installed
	$(MANAGE) compilemessages $(I18N_IGNORE) --locale $*

install: $(VENV)/.installed node_modules/.installed $(CATALOGS)

run: install
	$(MANAGE) migrate --noinput
	$(MANAGE) load_demo
	@echo "Serving on http://$(HOST):$(PORT)/  (admin: http://$(HOST):$(PORT)/admin/)"
	$(MANAGE) runserver $(HOST):$(PORT)

test: install
	$(PY) -m pytest $(TEST_ORDER) $(PYTEST_ARGS)

# Pure and unit tests only: no browser, nothing marked slow (the demo, large data, subprocesses).
test-fast: install
	$(PY) -m pytest $(TEST_ORDER) -m "not browser and not slow" $(PYTEST_ARGS)

# What CI checks besides the tests: lint, apps layered one way, migrations in step with
# models, catalogs complete.
check: lint layers migrations-check i18n-check

lint: install
	$(VENV)/bin/ruff check .

# import-linter: a lower app never imports a higher one (contract in pyproject.toml).
layers: install
	$(VENV)/bin/lint-imports

migrations-check: install
	$(MANAGE) makemigrations --check --dry-run

i18n-check: install
	@status=0; for po in locale/*/LC_MESSAGES/django.po locale_wagtail/*/LC_MESSAGES/*.po; do \
		stats=$$(msgfmt --check --statistics -o /dev/null $$po 2>&1 | tail -n 1); \
		echo "$$po: $$stats"; \
		case "$$stats" in *untranslated*|*fuzzy*) status=1;; esac; \
	done; exit $$status

# After adding or changing strings: update both catalogs, then translate the new entries.
messages: install
	$(MANAGE) makemessages $(foreach language,$(LANGUAGES),-l $(language)) $(I18N_IGNORE) --add-location=file --no-obsolete

collectstatic: install
	$(MANAGE) collectstatic --noinput

# Production-like serving on this machine (needs SECRET_KEY etc. in the environment).
serve-production: install collectstatic
	DJANGO_SETTINGS_MODULE=elearn.settings.production $(VENV)/bin/gunicorn elearn.wsgi -c gunicorn.conf.py

clean:
	rm -rf $(VENV) node_modules staticfiles locale/*/LC_MESSAGES/*.mo locale_wagtail/*/LC_MESSAGES/*.mo
