"""Run one malformed case through one command in a guarded child process, and judge it.

Each run is a fresh ``python -m web.cli`` with ``RLIMIT_DATA`` at 1 GB (``RLIMIT_AS``
would also count the address space V8 reserves for vl-convert, which is not memory)
and ``RLIMIT_CPU`` just above the 5 s budget, plus a wall-clock guard: a case that
regresses into a bomb or a hang ends that child, not the test run. The verdict is one
of two: a located error (exit 1, the file named with a line or row, no traceback) or a
valid output for the format asked for.
"""
from __future__ import annotations

import csv
import io
import json
import os
import re
import resource
import subprocess
import sys
import threading
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
CASES = Path(__file__).parent / "cases"
CPU_SECONDS = 5.0
MEMORY_BYTES = 1 << 30
WALL_SECONDS = 90  # only a guard: the budget is CPU time, fair on a shared machine

TEXT_FORMATS = ["yaml", "json", "timelinejs", "csv", "geojson", "kml"]
HEAVY_FORMATS = ["svg", "png", "map-svg", "map-png", "pdf", "html", "site"]
ALL_FORMATS = TEXT_FORMATS + HEAVY_FORMATS


@dataclass
class Run:
    returncode: int
    stdout: bytes
    stderr: str
    cpu: float
    max_rss: int  # bytes
    wall: float
    out: Path | None


def cases() -> list[Path]:
    """Every file in cases/ except sidecars: adding a case is adding a file."""
    return sorted(p for p in CASES.iterdir() if p.is_file() and p.suffix != ".expect")


def expectation(case: Path) -> dict:
    """The optional sidecar ``<case>.expect``: {"outcome": "error"|"valid", "message":
    "text the error must contain", "exports": "all"|"text"|"none"|[formats]}."""
    sidecar = case.with_name(case.name + ".expect")
    return json.loads(sidecar.read_text()) if sidecar.exists() else {}


def export_formats(case: Path) -> list[str]:
    """Which exports a case goes through: valid cases reach the exporters' code, so they
    get the formats their sidecar asks for; a case that fails validation goes through
    one export (every export loads the story the same way first) to show export
    refuses it too."""
    exp = expectation(case)
    exports = exp.get("exports")
    if exports is None:
        exports = "text" if exp.get("outcome") == "valid" else ["json"]
    if exports == "all":
        return ALL_FORMATS
    if exports == "text":
        return TEXT_FORMATS
    if exports == "none":
        return []
    return list(exports)


def _limits() -> None:
    resource.setrlimit(resource.RLIMIT_DATA, (MEMORY_BYTES, MEMORY_BYTES))
    cpu = int(CPU_SECONDS) + 2
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))


# The child reports its own peak memory after exec (VmHWM): ru_maxrss of a forked child
# also counts the parent's pages at the fork, so in a long test run every case would
# seem to use as much memory as pytest itself.
_WRAPPER = """
import atexit, os, runpy, sys
def _peak():
    try:
        with open('/proc/self/status') as f:
            kb = next(line.split()[1] for line in f if line.startswith('VmHWM:'))
        with open(os.environ['CHRONOATLAS_PEAK_FILE'], 'w') as f:
            f.write(kb)
    except (OSError, StopIteration):
        pass
atexit.register(_peak)
sys.argv = ['chronoatlas', *sys.argv[1:]]
runpy.run_module('web.cli', run_name='__main__')
"""


def _peak_bytes(path: str, fallback: int) -> int:
    try:
        with open(path, encoding="ascii") as f:
            return int(f.read()) * 1024
    except (OSError, ValueError):
        return fallback  # killed before exit (a CPU limit): the CPU check reports it
    finally:
        try:
            os.unlink(path)
        except OSError:
            pass


def run_cli(args: list[str], out: Path | None = None) -> Run:
    import tempfile

    fd, peak_file = tempfile.mkstemp(prefix="malformed-peak-")
    os.close(fd)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONDONTWRITEBYTECODE": "1",
           "CHRONOATLAS_PEAK_FILE": peak_file}
    started = time.monotonic()
    proc = subprocess.Popen([sys.executable, "-c", _WRAPPER, *args], cwd=ROOT, env=env,
                            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, preexec_fn=_limits)
    timer = threading.Timer(WALL_SECONDS, proc.kill)
    timer.start()
    chunks: dict[str, bytes] = {}

    def drain(name, stream):
        with stream:
            chunks[name] = stream.read()

    readers = [threading.Thread(target=drain, args=("out", proc.stdout)),
               threading.Thread(target=drain, args=("err", proc.stderr))]
    for t in readers:
        t.start()
    _, status, usage = os.wait4(proc.pid, 0)
    for t in readers:
        t.join()
    timer.cancel()
    proc.returncode = os.waitstatus_to_exitcode(status)
    return Run(proc.returncode, chunks.get("out", b""),
               chunks.get("err", b"").decode("utf-8", "replace"),
               usage.ru_utime + usage.ru_stime, _peak_bytes(peak_file, 0),
               time.monotonic() - started, out)


def _located(stderr: str, case: Path) -> bool:
    where = re.escape(str(case))
    return re.search(rf"{where}(, row \d+)?, line \d+: |{where}, row \d+: ", stderr) is not None


def judge(run: Run, case: Path, fmt: str | None) -> str | None:
    """None when the run is acceptable, else what was wrong."""
    exp = expectation(case)
    head = f"{case.name} {'validate' if fmt is None else 'export --to ' + fmt}"
    if run.cpu > CPU_SECONDS:
        return f"{head}: took {run.cpu:.1f} s of CPU (budget {CPU_SECONDS} s)"
    if run.max_rss > MEMORY_BYTES:
        return f"{head}: used {run.max_rss >> 20} MB (budget {MEMORY_BYTES >> 20} MB)"
    if "Traceback (most recent call last)" in run.stderr:
        return f"{head}: traceback\n{run.stderr[-3000:]}"
    if run.returncode == 1:
        if not _located(run.stderr, case):
            return f"{head}: exit 1 without a located error:\n{run.stderr[-2000:]}"
        if exp.get("outcome") == "valid":
            return f"{head}: expected a valid story, got:\n{run.stderr[-2000:]}"
        message = exp.get("message")
        if message and message not in run.stderr:
            return f"{head}: the error does not say {message!r}:\n{run.stderr[-2000:]}"
        return None
    if run.returncode != 0:
        return f"{head}: exit {run.returncode} (killed by a limit?)\n{run.stderr[-2000:]}"
    if exp.get("outcome") == "error":
        return f"{head}: expected a located error, got exit 0\n{run.stderr[-1000:]}"
    if fmt is None:
        return None
    try:
        check_output(fmt, run.stdout, run.out)
    except Exception as exc:  # noqa: BLE001 - any failure to read the output is the verdict
        return f"{head}: invalid {fmt} output: {type(exc).__name__}: {exc}"
    return None


def _strict_json(data: bytes):
    def no_constants(name):
        raise ValueError(f"{name} is not JSON")
    return json.loads(data.decode("utf-8"), parse_constant=no_constants)


def check_output(fmt: str, stdout: bytes, out: Path | None) -> None:
    """Raise unless the bytes are a well-formed file of the format (and, for story
    formats, a story that loads back)."""
    data = out.read_bytes() if out is not None and out.is_file() else stdout
    if fmt in ("yaml", "json", "timelinejs", "csv"):
        from timeline.formats import load_text

        text = data.decode("utf-8")
        if fmt == "csv":
            # Well-formed CSV with the TimelineJS headers; not loaded back, as an undated
            # event is written with an empty Year the sheet reader refuses (sheet.py).
            rows = list(csv.reader(io.StringIO(text)))
            assert rows and "Headline" in rows[0], rows[:1]
            return
        elif fmt == "yaml":
            yaml.safe_load(text)
        else:
            _strict_json(data)
        suffix = {"yaml": "yaml", "csv": "csv"}.get(fmt, "json")
        load_text(text, name=f"roundtrip.{suffix}")
    elif fmt == "geojson":
        doc = _strict_json(data)
        assert doc["type"] == "FeatureCollection"
        for f in doc["features"]:
            lon, lat = f["geometry"]["coordinates"]
            assert -180 <= lon <= 180 and -90 <= lat <= 90, (lon, lat)
    elif fmt in ("kml", "svg", "map-svg"):
        ET.fromstring(data)
    elif fmt in ("png", "map-png"):
        assert data.startswith(b"\x89PNG\r\n\x1a\n"), data[:8]
    elif fmt == "pdf":
        assert data.startswith(b"%PDF-") and b"%%EOF" in data[-1024:]
    elif fmt == "html":
        text = data.decode("utf-8")
        assert "<html" in text.lower() and "</html>" in text.lower()
    elif fmt == "site":
        assert out is not None and (out / "index.html").is_file(), "no index.html"
    else:
        raise ValueError(f"no check for {fmt}")


def run_case(case: Path, fmt: str | None, tmp: Path) -> tuple[Run, str | None]:
    if fmt is None:
        run = run_cli(["validate", str(case)])
        return run, judge(run, case, None)
    out = None
    args = ["export", str(case), "--to", fmt]
    if fmt in HEAVY_FORMATS:  # binary and folder outputs go to a file
        out = tmp / (f"{case.stem}-{fmt}" + ("" if fmt == "site" else "." + fmt.split("-")[-1]))
        args += ["-o", str(out)]
    run = run_cli(args, out)
    return run, judge(run, case, fmt)
