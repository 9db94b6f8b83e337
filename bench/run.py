"""Benchmark the real service against Rasa's default pipeline, on this machine, in one run.

    .venv/bin/python -m bench.run            # ours and the baseline (trains the baseline first)
    .venv/bin/python -m bench.run --quick    # shorter load phases, no baseline

Each system runs as `python -m bot serve --rasa-workers N` (action server, N Rasa processes,
gateway; N = cores by default, the same for both) on loopback ports and is driven through
POST /api/chat with simulated conversations. Printed: training time, ready time,
unloaded latency p50/p95/p99, open-loop latency and errors at fixed arrival rates, saturation
throughput (the highest rate whose p95 stays under 250 ms without errors), and the RSS of each
process after 1,000 and after 20,000 conversations; then our/baseline ratios.
All traffic goes to 127.0.0.1, every loop is bounded in count and time.
"""

from __future__ import annotations

import argparse
import asyncio
import heapq
import os
import random
import secrets
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import aiohttp

from bot import PROJECT_ROOT
from bot.rasa_plugins.redis_store import connect
from bot.tools.evaluation import train_with
from bot.tools.training import INPUTS, MODELS_DIR, inputs_hash

BASELINE_CONFIG = PROJECT_ROOT / "bench" / "config-default.yml"
# What the baseline model is trained from (our config.yml and classifier are not among them)
BASELINE_INPUTS = (
    "bench/config-default.yml", "domain", "data", "bot/rasa_plugins/nlu_components.py", "bot/understanding/danger.py",
)  # fmt: skip
BENCH_MODELS = MODELS_DIR / "bench"
SATURATION_P95_MS = 250.0
THINK_SECONDS = 2.0  # at least this long between two messages of one person

# What people bring, roughly in proportion: several turns each (buttons and free text).
CONVERSATIONS = [
    ["hej", "/victim", "/shelter", "/safety_plan"],
    ["min sambo slår mig och jag vet inte vad jag ska göra", "/police_report", "tack"],
    ["jag har slagit min fru och vill sluta", "/first_call"],
    ["min familj bestämmer vem jag ska gifta mig med", "/honour_rights"],
    ["är det här anonymt?", "/hide_traces"],
    ["jag är orolig för min kompis", "/report_concern_child"],
    ["hello", "/victim", "is this anonymous"],
    ["han slår mig nu"],
    ["vem kan jag ringa nu"],
    ["jag är 15 och pappa slår mig", "/adult_reports_concern"],
]


def trained(config: Path, reuse: bool) -> tuple[Path, float, bool]:
    """A model for `config` and its training seconds; with `reuse`, a model trained earlier on the
    same inputs (kept in models/bench/ with the seconds it took) is taken instead of retraining."""
    key = inputs_hash(inputs=BASELINE_INPUTS if config == BASELINE_CONFIG else INPUTS)
    stamp = BENCH_MODELS / f"{config.stem}.inputs"
    model = BENCH_MODELS / f"{config.stem}.tar.gz"
    seconds_file = BENCH_MODELS / f"{config.stem}.seconds"
    if reuse and stamp.exists() and stamp.read_text() == key and model.exists():
        return model, float(seconds_file.read_text()), True
    BENCH_MODELS.mkdir(parents=True, exist_ok=True)
    model, seconds = train_with(config, BENCH_MODELS)
    seconds_file.write_text(f"{seconds:.1f}")
    stamp.write_text(key)
    return model, seconds, False


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    return ordered[min(len(ordered) - 1, int(round(pct / 100 * (len(ordered) - 1))))]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Running:
    name: str
    url: str
    process: subprocess.Popen
    ready_seconds: float

    def children(self) -> dict[str, list[int]]:
        """The pids of `bot serve`'s children by role: rasa (all of them), actions, gateway."""
        found: dict[str, list[int]] = {}
        for task in Path(f"/proc/{self.process.pid}/task").iterdir():
            for pid in (task / "children").read_text().split():
                cmd = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
                role = (
                    "rasa"
                    if "rasa_cli" in cmd
                    else "actions"
                    if "action_server" in cmd
                    else "gateway"
                )
                found.setdefault(role, []).append(int(pid))
        return found

    def rss_mb(self) -> dict[str, float]:
        """RSS of each role's processes together (from /proc), in MB."""
        found = {}
        for role, pids in self.children().items():
            for pid in pids:
                for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                    if line.startswith("VmRSS:"):
                        found[role] = found.get(role, 0) + int(line.split()[1]) / 1024
        return found

    def cpu_seconds(self) -> dict[str, float]:
        """CPU time (user + system) used so far by each role's processes together."""
        tick = os.sysconf("SC_CLK_TCK")
        found = {}
        for role, pids in self.children().items():
            for pid in pids:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
                found[role] = found.get(role, 0) + (int(fields[11]) + int(fields[12])) / tick
        return found

    def stop(self) -> None:
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()


def start(name: str, model: Path, rasa_workers: int, redis_url: str | None) -> Running:
    """`bot serve` with `model` on free loopback ports; output discarded (it holds no text)."""
    port = free_port()
    started = time.monotonic()
    proc = subprocess.Popen(
        [
            sys.executable, "-m", "bot", "serve", "--model", str(model),
            "--port", str(port), "--rasa-port", str(free_port()), "--actions-port", str(free_port()),
            "--address-rate", "100000", "--rasa-workers", str(rasa_workers),
            *(["--redis-url", redis_url] if redis_url else []),
        ],
        cwd=PROJECT_ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        env=dict(os.environ, PYTHONUNBUFFERED="1"),
    )  # fmt: skip
    for line in proc.stdout:
        if "Ready in" in line:
            break
    else:
        raise RuntimeError(f"{name} did not start")
    ready = time.monotonic() - started
    # measure nothing until every Rasa process has started (they start after the first answers)
    for line in proc.stdout if rasa_workers > 1 else []:
        if "Rasa processes up in" in line:
            break
    # keep draining the pipe so the children never block on a full buffer
    asyncio.get_event_loop().run_in_executor(None, lambda: [None for _ in proc.stdout])
    return Running(name, f"http://127.0.0.1:{port}", proc, ready)


@dataclass
class Sample:
    latencies_ms: list[float] = field(default_factory=list)
    errors: int = 0
    degraded: int = 0
    degraded_at: list[float] = field(default_factory=list)  # perf_counter() of each card's send

    def degraded_per(self, start: float, seconds: float) -> list[int]:
        """Crisis cards per `seconds`-long window from `start` (a perf_counter() time)."""
        counts: list[int] = []
        for at in self.degraded_at:
            window = int((at - start) // seconds)
            counts += [0] * (window + 1 - len(counts))
            counts[window] += 1
        return counts


async def send(
    session: aiohttp.ClientSession, url: str, sid: str, text: str, sample: Sample
) -> None:
    started = time.perf_counter()
    try:
        async with session.post(f"{url}/api/chat", json={"session": sid, "text": text}) as resp:
            body = await resp.json()
            if resp.status != 200:
                sample.errors += 1
                return
            if body.get("degraded"):
                sample.degraded += 1
                sample.degraded_at.append(started)
    except (aiohttp.ClientError, asyncio.TimeoutError):
        sample.errors += 1
        return
    sample.latencies_ms.append((time.perf_counter() - started) * 1000)


def messages(count: int, seed: int = 1) -> list[tuple[str, str]]:
    """(session, text) pairs: whole conversations, one after another (for one-at-a-time use)."""
    rng = random.Random(seed)
    out: list[tuple[str, str]] = []
    while len(out) < count:
        sid = secrets.token_hex(24)
        out += [(sid, text) for text in rng.choice(CONVERSATIONS)]
    return out[:count]


def schedule(
    rate: float, seconds: float, seed: int = 1, think: float = THINK_SECONDS
) -> list[tuple[float, str, str]]:
    """(send time, session, text) for an open loop at `rate` messages/s: conversations overlap,
    and a person's next message comes at least `think` seconds after their previous one (a real
    person reads the answer first; Rasa holds a conversation's later messages until the earlier
    one is answered, so messages fired back to back would measure that lock, not the service)."""
    rng = random.Random(seed)
    waiting: list[tuple[float, int, str, list[str]]] = []  # (ready at, tie-break, session, texts)
    out = []
    for i in range(int(rate * seconds)):
        at = i / rate
        if waiting and waiting[0][0] <= at:
            _, _, sid, texts = heapq.heappop(waiting)
        else:
            sid, texts = secrets.token_hex(24), list(rng.choice(CONVERSATIONS))
        out.append((at, sid, texts.pop(0)))
        if texts:
            heapq.heappush(waiting, (at + think, i, sid, texts))
    return out


async def unloaded(url: str, count: int) -> Sample:
    sample = Sample()
    async with aiohttp.ClientSession() as session:
        for sid, text in messages(count):
            await send(session, url, sid, text, sample)
    return sample


async def open_loop(url: str, rate: float, seconds: float) -> Sample:
    """Send at a fixed arrival rate whatever the answers do (bounded: rate x seconds messages)."""
    sample = Sample()
    timeout = aiohttp.ClientTimeout(total=10)
    async with aiohttp.ClientSession(
        timeout=timeout, connector=aiohttp.TCPConnector(limit=0)
    ) as session:
        tasks = []
        start_at = time.perf_counter()
        for at, sid, text in schedule(rate, seconds, seed=int(rate)):
            delay = start_at + at - time.perf_counter()
            if delay > 0:
                await asyncio.sleep(delay)
            tasks.append(asyncio.create_task(send(session, url, sid, text, sample)))
        await asyncio.gather(*tasks)
    return sample


async def many_conversations(url: str, count: int, concurrency: int = 16) -> None:
    """`count` conversations of one message each, never ended (the person just leaves): the
    service must expire or cap them."""
    sample = Sample()
    queue = list(range(count))

    async def worker(session: aiohttp.ClientSession) -> None:
        while queue:
            queue.pop()
            sid = secrets.token_hex(24)
            await send(session, url, sid, "hej", sample)

    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=0)) as session:
        await asyncio.gather(*(worker(session) for _ in range(concurrency)))


def cpu_line(
    before: dict[str, float], after: dict[str, float], load_before: os.times_result, count: int
) -> str:
    """CPU ms per message of each role, and of this load generator, between two readings."""
    now = os.times()
    load = now.user + now.system - load_before.user - load_before.system
    parts = [f"{role} {(after[role] - before.get(role, 0)) / count * 1000:.1f}" for role in after]
    return f"CPU per message (ms)         {', '.join(sorted(parts))}, load generator {load / count * 1000:.1f}"


def line(label: str, sample: Sample) -> str:
    lat = sample.latencies_ms
    return (
        f"{label:<28} p50 {percentile(lat, 50):7.1f} ms  p95 {percentile(lat, 95):7.1f} ms  "
        f"p99 {percentile(lat, 99):7.1f} ms  n={len(lat)} errors={sample.errors} crisis cards={sample.degraded}"
    )


def redis_cpu_seconds(redis_url: str | None) -> float:
    """CPU time the Redis server has used so far (0 without Redis)."""
    if not redis_url:
        return 0.0
    info = connect(redis_url).info("cpu")
    return float(info["used_cpu_sys"]) + float(info["used_cpu_user"])


async def measure(
    run: Running, rates: list[float], seconds: float, quick: bool, redis_url: str | None = None
) -> dict[str, float]:
    print(f"\n== {run.name}: ready in {run.ready_seconds:.1f} s")
    results: dict[str, float] = {"ready": run.ready_seconds}
    sample = await unloaded(run.url, 100 if quick else 300)
    print(line("unloaded (one at a time)", sample))
    results["unloaded_p95"] = percentile(sample.latencies_ms, 95)
    saturation = 0.0
    for index, rate in enumerate(rates):
        before, load_before = run.cpu_seconds(), os.times()
        before["redis"] = redis_cpu_seconds(redis_url)
        sample = await open_loop(run.url, rate, seconds)
        print(line(f"open loop {rate:.0f} msg/s", sample))
        if index == 0:  # where the CPU goes, at a rate both systems carry
            after = run.cpu_seconds() | (
                {"redis": redis_cpu_seconds(redis_url)} if redis_url else {}
            )
            print(cpu_line(before, after, load_before, len(sample.latencies_ms)))
        results[f"p95_at_{rate:.0f}"] = percentile(sample.latencies_ms, 95)
        if (
            sample.errors
            or sample.degraded
            or percentile(sample.latencies_ms, 95) > SATURATION_P95_MS
        ):
            break
        saturation = rate
    results["saturation"] = saturation
    print(
        f"saturation throughput        {saturation:.0f} msg/s (p95 <= {SATURATION_P95_MS:.0f} ms, no errors)"
    )
    for total in (1_000, 20_000) if not quick else (1_000, 3_000):
        await many_conversations(run.url, total - (1_000 if total > 1_000 else 0))
        rss = run.rss_mb()
        results[f"rss_{total}"] = sum(rss.values())
        print(
            f"RSS after {total:>6} conversations: "
            + ", ".join(f"{k} {v:.0f} MB" for k, v in sorted(rss.items()))
        )
        if redis_url:
            red = connect(redis_url)
            used, keys = red.info("memory")["used_memory"], red.dbsize()
            print(
                f"Redis: {keys} keys, {used / 1e6:.1f} MB used ({used / max(keys, 1) / 1e3:.1f} kB a key)"
            )
    return results


async def main_async(args: argparse.Namespace) -> None:
    # steps of 10-25%, so that the saturation ratio is not an artefact of a coarse grid
    full_rates = [20, 25, 30, 40, 50, 60, 70, 80, 90, 100, 110, 120, 135, 150, 175, 200, 250, 300]
    rates = [25, 50, 100] if args.quick else full_rates
    seconds = 5.0 if args.quick else 10.0
    systems = [("ours (config.yml)", PROJECT_ROOT / "config.yml")]
    if not args.quick:
        systems.append(("baseline (Rasa default)", BASELINE_CONFIG))
    results = {}
    for name, config in systems:
        # our model is always trained in this run; the baseline's DIET/TED training takes 20+ min
        model, train_seconds, reused = trained(
            config, reuse=args.reuse_baseline and config == BASELINE_CONFIG
        )
        note = " (earlier run on the same inputs, reused)" if reused else ""
        print(f"\n{name}: trained in {train_seconds:.1f} s{note}")
        if args.train_only:
            continue
        if args.redis_url:
            connect(args.redis_url).flushdb()
        run = start(name, model, args.rasa_workers, args.redis_url)
        try:
            results[name] = await measure(run, rates, seconds, args.quick, args.redis_url) | {
                "train": train_seconds
            }
        finally:
            run.stop()
    if len(results) == 2:
        ours, base = results.values()
        print("\n== ratios (ours / baseline; below 1 is better except throughput)")
        for key in ("train", "ready", "unloaded_p95", "rss_20000"):
            print(f"{key:<14} {ours[key] / base[key]:6.2f}   ({ours[key]:.1f} / {base[key]:.1f})")
        print(f"{'saturation':<14} {ours['saturation'] / max(base['saturation'], 1):6.2f}   "
              f"({ours['saturation']:.0f} / {base['saturation']:.0f} msg/s; above 1 is better)")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="short phases and no baseline")
    parser.add_argument(
        "--reuse-baseline",
        action="store_true",
        help="take the baseline model (and its training time) from an earlier run on the same inputs",
    )
    parser.add_argument(
        "--train-only", action="store_true", help="train the models, measure nothing"
    )
    parser.add_argument(
        "--redis-url", help="keep conversations in this Redis (persistence off) for both systems"
    )
    parser.add_argument(
        "--rasa-workers",
        type=int,
        default=os.cpu_count() or 1,
        help="Rasa processes for both systems (default: one per core)",
    )
    asyncio.run(main_async(parser.parse_args()))


if __name__ == "__main__":
    main()
