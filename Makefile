# make run   - set up (venv, model) if needed and start the service on http://127.0.0.1:8080/
# make test  - set up if needed and run every check and test
VENV   := .venv
PY     := $(VENV)/bin/python
RASA   := $(PY) -m bot.rasa_plugins.rasa_cli
STAMP  := $(VENV)/.installed

export RASA_TELEMETRY_ENABLED := false
export TF_CPP_MIN_LOG_LEVEL := 3
export PYTHONWARNINGS := ignore
export SQLALCHEMY_SILENCE_UBER_WARNING := 1

.PHONY: run test setup model packages lint validate stories pytest clean

run: setup
	$(PY) -m bot serve

test: setup packages lint validate stories pytest

setup: $(STAMP) model

$(STAMP): pyproject.toml scripts/setup.sh
	scripts/setup.sh
	touch $(STAMP)

model: $(STAMP)
	$(PY) -m bot train

packages:
	scripts/ensure-packages.sh

# resources.yml, resource ids, sv+en, coverage, no hard-coded numbers, and rasa data validate
validate: $(STAMP)
	$(PY) -m bot check

stories: model
	$(RASA) test core --model models/current.tar.gz --stories tests/stories \
		--fail-on-prediction-errors --out results/core --no-plot

pytest: setup
	$(PY) -m pytest

lint: $(STAMP)
	$(VENV)/bin/ruff check bot actions tests bench

clean:
	rm -rf $(VENV) models results
