"""Train the models only when their inputs changed.

Three models, each with its own inputs, hashed; the hash of the last successful training is kept
next to the model. A second `make run` with nothing changed starts without training.
- the danger model (bot/understanding/danger_model.py) from the danger corpus in data/danger/ (and
  data/nlu/'s everyday messages): a few seconds;
- the role model (bot/understanding/role_model.py) from the role corpus in data/roles/ (and the
  danger corpus): a few seconds;
- the Rasa model from config.yml, domain/, data/nlu/, data/rules/, the role corpus's messages
  as topic examples (bot/tools/corpus_intents.py, written to models/) and the custom components.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from bot import PROJECT_ROOT

MODELS_DIR = PROJECT_ROOT / "models"
MODEL_NAME = "current"
RASA_DATA = ("data/nlu", "data/rules")
CORPUS_NLU = MODELS_DIR / "nlu-from-role-corpus.yml"  # generated at training, never committed
INPUTS = (
    "config.yml", "domain", *RASA_DATA, "data/roles/train", "bot/tools/corpus_intents.py",
    "bot/understanding/role_model.py", "bot/understanding/roles.py",
    "bot/rasa_plugins/nlu_components.py", "bot/rasa_plugins/intent_classifier.py", "bot/rasa_plugins/rule_policy.py",
)  # fmt: skip
ROLE_INPUTS = (
    "data/roles", "data/danger/train", "data/nlu",
    "bot/understanding/role_model.py", "bot/understanding/role_cues.py", "bot/understanding/roles.py", "bot/understanding/text_features.py", "bot/understanding/danger.py",
)  # fmt: skip
DANGER_INPUTS = (
    "data/danger", "data/nlu", "bot/understanding/danger_model.py", "bot/understanding/danger.py", "bot/understanding/text_features.py",
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
    return train_danger(force) or train_roles(force) or train_rasa(force)


def train_small_model(
    name: str, model: Path, inputs: tuple[str, ...], fit: Callable[[], str | None], force: bool
) -> int:
    """Run `fit()` (it saves the model to `model`) unless the model is up to date; `fit` may
    return a line to print."""
    stamp = model.with_suffix(".inputs")
    wanted = inputs_hash(inputs=inputs)
    if not force and model.exists() and stamp.exists() and stamp.read_text() == wanted:
        print(f"{name} is up to date.")
        return 0
    print(f"Training the {name.lower()} ...", flush=True)
    summary = fit()
    if summary:
        print(summary)
    stamp.write_text(wanted)
    return 0


def train_danger(force: bool = False) -> int:
    """Train the danger model into models/danger.npz unless it is up to date."""
    from bot.understanding import danger_model

    def fit() -> str:
        limits = danger_model.train().thresholds
        return (
            f"Danger thresholds (set on the development set): acute {limits.acute:.3f}, "
            f"uncertain {limits.uncertain:.3f}, uncertain after earlier danger "
            f"{limits.uncertain_context:.3f}"
        )

    return train_small_model("Danger model", danger_model.MODEL_PATH, DANGER_INPUTS, fit, force)


def train_roles(force: bool = False) -> int:
    """Train the role model into models/role.npz unless it is up to date."""
    from bot.understanding import role_model

    def fit() -> None:
        role_model.train()

    return train_small_model("Role model", role_model.MODEL_PATH, ROLE_INPUTS, fit, force)


def train_rasa(force: bool = False) -> int:
    """Train into models/current.tar.gz unless the model is up to date."""
    model = MODELS_DIR / f"{MODEL_NAME}.tar.gz"
    stamp = MODELS_DIR / f"{MODEL_NAME}.inputs"
    wanted = inputs_hash()
    if not force and model.exists() and stamp.exists() and stamp.read_text() == wanted:
        print("Model is up to date.")
        return 0
    from bot.tools.corpus_intents import write_nlu

    print(f"Training the model ({write_nlu(CORPUS_NLU)} topic examples from the role corpus) ...",
          flush=True)  # fmt: skip
    env = dict(os.environ, RASA_TELEMETRY_ENABLED="false", TF_CPP_MIN_LOG_LEVEL="3")
    result = subprocess.run(
        [
            sys.executable, "-m", "bot.rasa_plugins.rasa_cli", "train",
            "--config", "config.yml", "--domain", "domain", "--data", *RASA_DATA, str(CORPUS_NLU),
            "--out", str(MODELS_DIR), "--fixed-model-name", MODEL_NAME, "--force",
        ],
        cwd=PROJECT_ROOT,
        env=env,
    )  # fmt: skip
    if result.returncode == 0:
        stamp.write_text(wanted)
    return result.returncode
