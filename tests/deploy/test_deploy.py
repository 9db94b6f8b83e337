"""The deployment files in deploy/ stay true to the code: flags that exist, Redis without disk."""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import sys
import zipfile

import pytest
import yaml

from bot import PROJECT_ROOT

DEPLOY = PROJECT_ROOT / "deploy"


@pytest.fixture(scope="module")
def serve_flags() -> set[str]:
    help_text = subprocess.run(
        [sys.executable, "-m", "bot", "serve", "--help"],
        cwd=PROJECT_ROOT, capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    return set(re.findall(r"--[a-z-]+", help_text))


def exec_start(unit: str) -> list[str]:
    text = (DEPLOY / "systemd" / unit).read_text(encoding="utf-8").replace("\\\n", " ")
    line = next(row for row in text.splitlines() if row.startswith("ExecStart="))
    return shlex.split(line.removeprefix("ExecStart="))


def manifests(name: str) -> list[dict]:
    return list(yaml.safe_load_all((DEPLOY / "kubernetes" / name).read_text(encoding="utf-8")))


def containers(name: str) -> list[dict]:
    return [
        c
        for doc in manifests(name)
        if doc["kind"] == "Deployment"
        for c in doc["spec"]["template"]["spec"]["containers"]
    ]


def assert_no_persistence(argv: list[str]) -> None:
    assert argv[argv.index("--save") + 1] == "", argv
    assert argv[argv.index("--appendonly") + 1] == "no", argv


def test_systemd_units_use_real_flags_and_a_memory_only_redis(serve_flags):
    service = exec_start("orebro-stod.service")
    assert service[1:4] == ["-m", "bot", "serve"]
    assert {a for a in service if a.startswith("--")} <= serve_flags
    assert_no_persistence(exec_start("redis-orebro-stod.service"))


def test_kubernetes_manifests_use_real_flags_and_a_memory_only_redis(serve_flags):
    (chat,) = containers("chat.yaml")
    assert chat["command"][1:4] == ["-m", "bot", "serve"]
    assert {a for a in chat["command"] if a.startswith("--")} <= serve_flags
    assert any(e["name"] == "BOT_REDIS_URL" for e in chat["env"])
    (redis,) = containers("redis.yaml")
    assert_no_persistence(redis["args"])
    assert "volumeMounts" not in redis  # nothing to write to


def test_the_package_carries_its_data_files(tmp_path):
    # Built from a copy, so that no build/ directory is left in the checkout.
    source = tmp_path / "source"
    files = ["pyproject.toml", "README.md"]
    for name in files:
        (source / name).parent.mkdir(parents=True, exist_ok=True)
        (source / name).write_bytes((PROJECT_ROOT / name).read_bytes())
    for package in ("bot", "actions"):
        for path in (PROJECT_ROOT / package).rglob("*"):
            if path.is_file() and "__pycache__" not in path.parts:
                target = source / path.relative_to(PROJECT_ROOT)
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(path.read_bytes())
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(source), "--no-deps", "--no-build-isolation",
         "--quiet", "-w", str(tmp_path / "wheel")],
        check=True, capture_output=True,
    )  # fmt: skip
    (wheel,) = (tmp_path / "wheel").glob("*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert {"bot/core/texts/sv.yml", "bot/core/texts/ar.yml", "bot/core/crisis_catalogue.yml"} <= names


def exposure(unit: str) -> float:
    """systemd's own score of how exposed a unit is (0 best, 10 worst)."""
    out = subprocess.run(
        ["systemd-analyze", "security", "--offline=true", str(DEPLOY / "systemd" / unit)],
        capture_output=True, text=True,
    ).stdout  # fmt: skip
    return float(re.search(r"Overall exposure level for \S+: ([\d.]+)", out).group(1))


@pytest.mark.parametrize("unit", ["orebro-stod.service", "redis-orebro-stod.service"])
def test_systemd_units_are_hardened(unit):
    if shutil.which("systemd-analyze") is None:
        pytest.skip("systemd-analyze is not installed on this machine")
    assert exposure(unit) <= 2.0  # "OK" in systemd's words; before hardening: 7.7 and 8.5


def pod_specs(name: str) -> list[dict]:
    return [d["spec"]["template"]["spec"] for d in manifests(name) if d["kind"] == "Deployment"]


@pytest.mark.parametrize("name", ["chat.yaml", "redis.yaml"])
def test_kubernetes_pods_are_hardened_and_pinned(name):
    for pod in pod_specs(name):
        assert pod["automountServiceAccountToken"] is False
        assert pod["securityContext"]["seccompProfile"] == {"type": "RuntimeDefault"}
        for container in pod["containers"]:
            context = container["securityContext"]
            assert context["capabilities"] == {"drop": ["ALL"]}
            assert context["allowPrivilegeEscalation"] is False
            assert context["readOnlyRootFilesystem"] is True and context["runAsNonRoot"] is True
            assert "@sha256:" in container["image"]
    policies = [d for d in manifests(name) if d["kind"] == "NetworkPolicy"]
    assert len(policies) == 1 and policies[0]["spec"]["ingress"]
