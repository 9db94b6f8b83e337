"""Train the Rasa model only when its inputs changed.

The inputs (config.yml, domain/, data/ and the custom NLU components) are hashed; the hash of the
last successful training is kept next to the model. A second `make run` with nothing changed
starts without training.
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
INPUTS = (
    "config.yml", "domain", "data",
    "bot/nlu_components.py", "bot/danger.py", "bot/intent_classifier.py", "bot/rule_policy.py",
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
    """Train into models/current.tar.gz unless the model is up to date; return an exit code."""
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
            "--config", "config.yml", "--domain", "domain", "--data", "data",
            "--out", str(MODELS_DIR), "--fixed-model-name", MODEL_NAME, "--force",
        ],
        cwd=PROJECT_ROOT,
        env=env,
    )  # fmt: skip
    if result.returncode == 0:
        stamp.write_text(wanted)
    return result.returncode
