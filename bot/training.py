"""Train the models only when their inputs changed.

Two models, each with its own inputs, hashed; the hash of the last successful training is kept
next to the model. A second `make run` with nothing changed starts without training.
- the danger model (bot/danger_model.py) from the danger corpus in data/danger/ (and data/nlu/'s
  everyday messages): a few seconds;
- the Rasa model from config.yml, domain/, data/nlu/, data/rules/ and the custom components.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

from bot import PROJECT_ROOT

MODELS_DIR = PROJECT_ROOT / "models"
MODEL_NAME = "current"
RASA_DATA = ("data/nlu", "data/rules")
INPUTS = (
    "config.yml", "domain", *RASA_DATA,
    "bot/nlu_components.py", "bot/intent_classifier.py", "bot/rule_policy.py",
)  # fmt: skip
DANGER_INPUTS = (
    "data/danger", "data/nlu", "bot/danger_model.py", "bot/danger.py", "bot/text_features.py",
)  # fmt: skip


def inputs_hash(root: Path = PROJECT_ROOT, inputs: tuple[str, ...] = INPUTS) -> str:
    """SHA-256 over the paths and contents of every training input file."""
    digest = hashlib.sha256()
    for name in inputs:
        path = root / name
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for f in files:
            digest.update(str(f.relative_to(root)).encode())
            digest.update(f.read_bytes())
    return digest.hexdigest()


def train(force: bool = False) -> int:
    """Train both models unless they are up to date; return an exit code."""
    return train_danger(force) or train_rasa(force)


def train_danger(force: bool = False) -> int:
    """Train the danger model into models/danger.npz unless it is up to date."""
    from bot import danger_model

    stamp = MODELS_DIR / "danger.inputs"
    wanted = inputs_hash(inputs=DANGER_INPUTS)
    up_to_date = danger_model.MODEL_PATH.exists() and stamp.exists() and stamp.read_text() == wanted
    if not force and up_to_date:
        print("Danger model is up to date.")
        return 0
    print("Training the danger model ...", flush=True)
    model = danger_model.train()
    limits = model.thresholds
    print(
        f"Danger thresholds (set on the development set): acute {limits.acute:.3f}, "
        f"uncertain {limits.uncertain:.3f}, uncertain after earlier danger "
        f"{limits.uncertain_context:.3f}"
    )
    stamp.write_text(wanted)
    return 0


def train_rasa(force: bool = False) -> int:
    """Train into models/current.tar.gz unless the model is up to date."""
    model = MODELS_DIR / f"{MODEL_NAME}.tar.gz"
    stamp = MODELS_DIR / f"{MODEL_NAME}.inputs"
    wanted = inputs_hash()
    if not force and model.exists() and stamp.exists() and stamp.read_text() == wanted:
        print("Model is up to date.")
        return 0
    print("Training the model ...", flush=True)
    env = dict(os.environ, RASA_TELEMETRY_ENABLED="false", TF_CPP_MIN_LOG_LEVEL="3")
    result = subprocess.run(
        [
            sys.executable, "-m", "bot.rasa_cli", "train",
            "--config", "config.yml", "--domain", "domain", "--data", *RASA_DATA,
            "--out", str(MODELS_DIR), "--fixed-model-name", MODEL_NAME, "--force",
        ],
        cwd=PROJECT_ROOT,
        env=env,
    )  # fmt: skip
    if result.returncode == 0:
        stamp.write_text(wanted)
    return result.returncode
