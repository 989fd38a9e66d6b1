# Every command a developer or CI needs. Each target creates what it needs on first use.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
SAM_VENV := .venv-sam
SAM := $(SAM_VENV)/bin/sam
SAM_CLI_VERSION := 1.170.0
CHECKOV_VENV := .venv-checkov
CHECKOV_VERSION := 3.3.30
export PYTHONPATH := functions:.
export SAM_CLI_TELEMETRY := 0
ROLE ?= admin

.PHONY: run test token sms status sweep fuzz lint typecheck template unit integration e2e deploy bench clean

# Two stamps on one venv: `make run` installs only what the service and the local server
# need; the test and lint tools come with the first target that needs them.
$(VENV)/.run-installed: requirements.txt requirements-run.txt functions/requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-run.txt
	touch $@

$(VENV)/.installed: $(VENV)/.run-installed requirements-dev.txt
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

$(SAM_VENV)/.installed:
	$(PYTHON) -m venv $(SAM_VENV)
	$(SAM_VENV)/bin/pip install --quiet aws-sam-cli==$(SAM_CLI_VERSION)
	touch $@

# checkov in its own venv: its pins would fight the service's.
$(CHECKOV_VENV)/.installed:
	$(PYTHON) -m venv $(CHECKOV_VENV)
	$(CHECKOV_VENV)/bin/pip install --quiet checkov==$(CHECKOV_VERSION)
	touch $@

## run: the whole API on http://127.0.0.1:$${PORT:-3000} with an embedded DynamoDB
run: $(VENV)/.run-installed
	$(PY) -m infra.local_server

## token: a local JWT for ROLE (rep, manager, admin, support, integration)
token: $(VENV)/.run-installed
	@$(PY) -m infra.token $(ROLE)

## sms: a signed fake Twilio text to the local server (FROM=+14155550100 BODY=STOP [SID=SM…])
sms: $(VENV)/.run-installed
	@$(PY) -m infra.twilio_sim sms --from "$(FROM)" --body "$(BODY)" $(if $(SID),--sid "$(SID)")

## status: a signed fake Twilio status callback (TO=+14155550100 [ERROR_CODE=21610])
status: $(VENV)/.run-installed
	@$(PY) -m infra.twilio_sim status --to "$(TO)" --error-code "$(or $(ERROR_CODE),21610)"

## sweep: run a scheduled sweep on the local server's data (NAME=sms-fallback|compliance|audit-verify)
sweep: $(VENV)/.run-installed
	@$(PY) -m infra.sweep "$(NAME)"

## deploy: sam build and sam deploy of ENV (dev|prod) with a digest of its parameters (README "Deploy to AWS")
ENV ?= dev
deploy: $(SAM_VENV)/.installed
	$(SAM) build
	$(PYTHON) -m infra.deploy $(ENV) $(SAM)

## test: lint, type check, template checks and every test (the three tiers in one run)
test: lint typecheck template
	$(PY) -m pytest

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check functions infra tests bench
	$(VENV)/bin/ruff format --check functions infra tests bench

typecheck: $(VENV)/.installed
	$(VENV)/bin/mypy functions/optout

## template: cfn-lint on the source and on the SAM-transformed template, checkov, sam validate and build
template: $(VENV)/.installed $(SAM_VENV)/.installed $(CHECKOV_VENV)/.installed
	$(VENV)/bin/cfn-lint template.yaml
	$(PY) -m infra.template_check
	$(CHECKOV_VENV)/bin/checkov -f template.yaml --framework cloudformation --skip-download --compact --quiet
	$(SAM) validate --lint
	$(SAM) build --parameter-overrides PythonRuntime=python3.11 --build-dir .aws-sam/build-ci >/dev/null
	@echo "sam build: ok"

## unit, integration, e2e: one tier of the tests (unit: no network, no tables; integration:
## handlers and use cases against moto; e2e: the local server in a subprocess, a real browser)
unit: $(VENV)/.installed $(SAM_VENV)/.installed
	$(PY) -m pytest tests/unit

integration: $(VENV)/.installed
	$(PY) -m pytest tests/integration

e2e: $(VENV)/.installed
	$(PY) -m pytest tests/e2e

## fuzz: ten times the fuzzing budget of make test (over 100,000 generated inputs)
fuzz: $(VENV)/.installed
	FUZZ_FACTOR=10 $(PY) -m pytest tests/integration/test_fuzz.py -q

## bench: request counts and import-time ratios (see bench/README section in README.md)
bench: $(VENV)/.installed
	$(PY) bench/bench.py

clean:
	rm -rf $(VENV) $(SAM_VENV) $(CHECKOV_VENV) .aws-sam .pytest_cache .mypy_cache .ruff_cache test-output
