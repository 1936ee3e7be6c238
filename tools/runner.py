"""Run one notebook source in a fresh kernel in tiny mode, timing each cell and sampling memory.

Shared by `tools.outputs`, the notebook benchmark (`tools.bench_notebooks`), the upgrade canary
(`tools.canary`) and the rerun guards in tests/.
"""

from __future__ import annotations

import os
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from helpers.mode import TINY_ENV
from tools.sources import read_source

# Another CPU code path than the native one, to catch saved outputs that depend on the machine:
# torch's kernels (ATEN_CPU_CAPABILITY), MKL's and oneDNN's instruction sets, one level down.
LOWER_CODE_PATH = {
    "AVX512": {
        "ATEN_CPU_CAPABILITY": "avx2",
        "MKL_ENABLE_INSTRUCTIONS": "AVX2",
        "ONEDNN_MAX_CPU_ISA": "AVX2",
    },
    "AVX2": {
        "ATEN_CPU_CAPABILITY": "default",
        "MKL_ENABLE_INSTRUCTIONS": "SSE4_2",
        "ONEDNN_MAX_CPU_ISA": "SSE41",
    },
}
# Where there is no lower code path (no AVX2, or an Arm CPU): two torch threads instead of one.
OTHER_THREADS = {"COURSE_TINY_THREADS": "2"}


def other_code_path(capability: str | None = None) -> dict[str, str]:
    """Environment variables that make torch compute on another code path than this CPU's own.

    `capability` is torch's name for the native one (`torch.backends.cpu.get_cpu_capability()`,
    read when None): AVX-512 goes down to AVX2, AVX2 to the plain code, anything else changes
    the thread count of tiny mode instead.
    """
    if capability is None:
        import torch

        capability = torch.backends.cpu.get_cpu_capability()
    return dict(LOWER_CODE_PATH.get(capability.upper(), OTHER_THREADS))


@dataclass
class NotebookRun:
    """What one execution of a notebook measured and produced."""

    name: str
    seconds: float = 0.0
    peak_rss_mb: float = 0.0
    cells: int = 0
    cell_seconds: dict[int, float] = field(default_factory=dict)
    error: str = ""
    notebook: object = None

    @property
    def ok(self) -> bool:
        """True when every cell ran without an error."""
        return not self.error

    @property
    def slowest(self) -> tuple[int, float]:
        """(index among code cells, seconds) of the slowest cell; (-1, 0.0) when none ran."""
        if not self.cell_seconds:
            return -1, 0.0
        index = max(self.cell_seconds, key=self.cell_seconds.get)
        return index, self.cell_seconds[index]


def _process_peak_mb(pid: int) -> float:
    """Peak resident memory of one process so far (VmHWM on Linux, else current RSS), in MB."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    import psutil

    return psutil.Process(pid).memory_info().rss / 2**20


class MemorySampler(threading.Thread):
    """Samples a process tree: the kernel's own peak, and kernel plus children together."""

    def __init__(self, pid: int, interval: float = 0.1) -> None:
        super().__init__(daemon=True)
        self.pid, self.interval, self.peak_mb = pid, interval, 0.0
        self._stop_event = threading.Event()

    def sample(self) -> None:
        """Take one sample (ignores processes that are gone)."""
        import psutil

        try:
            kernel = psutil.Process(self.pid)
            tree = kernel.memory_info().rss
            for child in kernel.children(recursive=True):
                try:
                    tree += child.memory_info().rss
                except psutil.Error:
                    pass
            self.peak_mb = max(self.peak_mb, tree / 2**20, _process_peak_mb(self.pid))
        except (psutil.Error, OSError):
            pass

    def run(self) -> None:
        """Sample until stopped."""
        while not self._stop_event.is_set():
            self.sample()
            self._stop_event.wait(self.interval)

    def stop(self) -> float:
        """Stop sampling; returns the peak in MB."""
        self._stop_event.set()
        self.join()
        return self.peak_mb


def _first_error(notebook) -> str:
    """`cell N: Name: message` for the first error output of an executed notebook."""
    code = [c for c in notebook.cells if c.cell_type == "code"]
    for index, cell in enumerate(code):
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                message = str(output.get("evalue", "")).strip().splitlines()
                return f"cell {index}: {output.get('ename')}: {message[0] if message else ''}"
    return ""


def run_notebook(
    source: Path, cwd: Path | None = None, env: dict[str, str] | None = None, timeout: int = 600
) -> NotebookRun:
    """Execute `source` (a jupytext .py) in a fresh kernel; errors are recorded, not raised."""
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError, DeadKernelError

    notebook = read_source(source)
    run = NotebookRun(source.stem, cells=sum(c.cell_type == "code" for c in notebook.cells))
    started: dict[int, float] = {}
    code_index = {
        id(c): i for i, c in enumerate(c for c in notebook.cells if c.cell_type == "code")
    }
    client = NotebookClient(
        notebook,
        timeout=timeout,
        kernel_name="python3",
        coalesce_streams=True,
        # The last cell has run: stop the kernel at once, as nbval does, rather than wait 2-3 s
        # for a graceful exit that only tears down the kernel's objects.
        shutdown_kernel="immediate",
        # The kernel's own log at ERROR: its warning that local TCP is unencrypted, printed at
        # every start, would fill the output of `make bench`, `make outputs` and the canary.
        extra_arguments=["--IPKernelApp.log_level=ERROR"],
        resources={"metadata": {"path": str(cwd or source.parent)}},
    )
    sampler: list[MemorySampler] = []

    def on_start(**_) -> None:
        sampler.append(MemorySampler(client.km.provisioner.process.pid))
        sampler[0].start()

    def on_execute(cell, **_) -> None:
        started[code_index[id(cell)]] = time.perf_counter()

    def on_executed(cell, **_) -> None:
        index = code_index[id(cell)]
        run.cell_seconds[index] = time.perf_counter() - started[index]
        if sampler:
            sampler[0].sample()

    client.on_notebook_start, client.on_cell_execute = on_start, on_execute
    client.on_cell_executed = on_executed
    start = time.perf_counter()
    try:
        client.execute(env={**os.environ, **TINY_ENV, **(env or {})})
    except (CellExecutionError, DeadKernelError, TimeoutError, RuntimeError) as error:
        run.error = _first_error(notebook) or f"{type(error).__name__}: {str(error).strip()[:200]}"
    finally:
        run.seconds = time.perf_counter() - start
        run.peak_rss_mb = sampler[0].stop() if sampler else 0.0
    run.notebook = notebook
    return run


def text_outputs(notebook, streams: tuple[str, ...] = ("stdout", "stderr")) -> list[str]:
    """Per code cell, its text outputs as one string (of the output streams named in `streams`);
    consecutive chunks of a stream are merged."""
    return [
        "".join(_cell_texts(cell, streams)) for cell in notebook.cells if cell.cell_type == "code"
    ]


def _cell_texts(cell, streams: tuple[str, ...]) -> list[str]:
    """A cell's text outputs: `stdout: ...` per run of one stream, text/plain, errors."""
    parts, stream = [], None
    for output in cell.get("outputs", []):
        if output.get("output_type") == "stream":
            if output["name"] not in streams:
                continue
            if output["name"] == stream:
                parts[-1] += output["text"]
            else:
                parts.append(f"{output['name']}: {output['text']}")
            stream = output["name"]
            continue
        stream = None
        if "data" in output:
            parts.append(str(output["data"].get("text/plain", "")))
        elif output.get("output_type") == "error":
            parts.append(f"error: {output.get('ename')}: {output.get('evalue')}")
    return parts
