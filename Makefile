# Verkko: `make run` sets everything up and serves the site; `make test` runs lint and the suite;
# `make serve` serves it as production does (gunicorn, WhiteNoise, DEBUG off) for local trials.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
export DJANGO_SETTINGS_MODULE := verkko.settings

.PHONY: run serve setup test lint messages bench clean-var

# Stamp files make the steps safe to run again: each reinstalls only when its lock file changes.
$(VENV)/.runtime: requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev: requirements-dev.txt $(VENV)/.runtime
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

node_modules/.installed: package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

messages: $(VENV)/.runtime
	@command -v msgfmt >/dev/null || { echo "GNU gettext (msgfmt) is needed: apt-get install gettext"; exit 1; }
	$(PY) manage.py compilemessages --ignore=.venv --ignore=node_modules -v 0

setup: $(VENV)/.runtime node_modules/.installed messages
	$(PY) manage.py migrate --no-input -v 0
	$(PY) manage.py load_demo

run: setup
	@echo "Serving Verkko at http://127.0.0.1:$(PORT)/ (Ctrl-C stops)"
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

# Production-like settings on plain local http: DEBUG off, a secret key of this checkout's own,
# local host names, no redirect to https (browsers keep secure cookies on localhost).
SERVE_ENV = DEBUG=0 SECRET_KEY="$$(cat var/secret_key)" ALLOWED_HOSTS=127.0.0.1,localhost \
	SECURE_SSL_REDIRECT=0 SECURE_HSTS_SECONDS=0 CACHE_DIR=var/cache PORT=$(PORT)

var/secret_key:
	mkdir -p var
	umask 077 && $(PY) -c "import secrets; print(secrets.token_urlsafe(64))" > $@

serve: setup var/secret_key
	$(SERVE_ENV) $(PY) manage.py collectstatic --no-input -v 0
	@echo "Serving Verkko with gunicorn at http://127.0.0.1:$(PORT)/ (Ctrl-C stops)"
	$(SERVE_ENV) $(VENV)/bin/gunicorn verkko.wsgi

lint: $(VENV)/.dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

test: $(VENV)/.dev node_modules/.installed messages lint
	$(PY) -m pytest $(PYTEST_ARGS)

bench: $(VENV)/.dev node_modules/.installed messages
	@for script in bench/*.py; do echo "== $$script"; $(PY) $$script || exit 1; done
