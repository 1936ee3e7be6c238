"""`python -m tools.image {build,test} [--model DIR]`: the review analyser's container image.

`build` gathers the image's context (chapter 11's app and Dockerfile from apps/review_analyser,
the model folder: the committed tiny analyser unless `--model` names the one chapter 11 wrote in
full mode, the requirements at the lock file's versions, and their wheels, downloaded on the host
so the build needs no network) and builds `review-analyser:latest`.

`test` (what `make test-image` runs) starts the engine when missing (tools/engine.py), builds the
image twice (cold, without the cache; then warm), starts it on a free loopback port, waits for its
health endpoint, and drives it in headless Chromium: an example, a typed review, bad input of every
kind, markup shown as text, 20 requests in a row. It then serves the same app with `streamlit run`
as `make app` does, measures both answers' latency, prints the figures and writes them to
runs/image/report.json. Every container and process it starts, it ends.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import time
from pathlib import Path

from helpers.checkpoints import REVIEW_ANALYSER, checkpoint
from helpers.errors import CourseError
from helpers.paths import REPO_ROOT, free_port, run_dir
from tools import engine
from tools.drive_app import serve_locally, wait_for_health

IMAGE = "review-analyser:latest"
APP_DIR = REPO_ROOT / "apps" / "review_analyser"
LOCK = REPO_ROOT / "requirements-lock.txt"
NEEDED = ("numpy", "onnxruntime", "streamlit", "tokenizers")  # what the app imports
REVIEW = "배송이 정말 빨라서 좋았어요. 색상도 예뻐요!"
BAD = {
    "": "empty",
    "가" * 10_000: "10,000 characters",
    "great quality, fast delivery": "no Korean letter",
    "😀👍🔥": "no Korean letter",
}
MARKUP = "<b>배송</b>이 빨라요 <img src=x onerror=alert(1)>"
LATENCY_REPEATS = 5


def requirements(lock: Path = LOCK) -> str:
    """The app's packages at the lock file's versions, one per line."""
    pins = [line.strip() for line in lock.read_text().splitlines()]
    chosen = [p for p in pins if p.split("==")[0] in NEEDED]
    if len(chosen) != len(NEEDED):
        raise CourseError(f"{lock.name} pins {chosen}, not all of {NEEDED}")
    return "\n".join(chosen) + "\n"


def context(model: Path) -> Path:
    """A fresh build context: app, Dockerfile, model folder, requirements and their wheels."""
    if not (model / "analyser.json").is_file():
        raise CourseError(
            f"{model} is not a review analyser folder (no analyser.json): pass the serve/model "
            "folder chapter 11 wrote, e.g. --model runs/full/11_compression_and_serving/serve/model"
        )
    root = run_dir("image")
    folder = root / "context"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    for name in ("app.py", "Dockerfile"):
        shutil.copy(APP_DIR / name, folder / name)
    shutil.copytree(model, folder / "model")
    (folder / "requirements.txt").write_text(requirements())
    wheels = root / "wheels"  # kept between runs: pip downloads only what is missing
    download = [
        sys.executable, "-m", "pip", "download", "--quiet", "--only-binary=:all:",
        "-r", str(folder / "requirements.txt"), "-c", str(LOCK), "-d", str(wheels),
    ]  # fmt: skip
    done = engine.run(*download)
    if done.returncode:
        raise CourseError(f"pip could not download the app's wheels:\n{done.stderr[-2000:]}")
    shutil.copytree(wheels, folder / "wheels")
    return folder


def build(folder: Path, base: str, cache: bool = True) -> float:
    """Build the image from `folder` on `base`; the seconds it took."""
    start = time.perf_counter()
    command = [
        "docker", "build", "--network", "host", "--build-arg", f"BASE={base}",
        "--build-arg", "PIP_NO_INDEX=1", "-t", IMAGE, str(folder),
    ]  # fmt: skip
    if not cache:
        command.insert(2, "--no-cache")
    done = engine.run(*command)
    if done.returncode:
        raise CourseError(f"docker build failed:\n{done.stdout[-3000:]}{done.stderr[-3000:]}")
    return time.perf_counter() - start


def drive(url: str, checks: bool = True) -> dict:
    """Use the app at `url` as a person would, with `checks` failing on the first wrong page.
    Returns when the first answer came (a `time.perf_counter` reading) and the median seconds
    per typed review, as seen in the browser."""
    from tools.browser import find
    from tools.drive_app import AppPage

    chrome = find()
    if chrome is None:
        raise CourseError("No Chromium and chromedriver: run `make system-packages` first")
    with AppPage(chrome, url) as page:
        first = page.example("배송이")
        figures = {"first answer at": time.perf_counter()}
        check("an example is analysed", "p = " in first.text and first.words)
        if checks:
            typed_bad_and_many(page)
        times = []
        for i in range(LATENCY_REPEATS):
            start = time.perf_counter()
            page.analyse(f"{REVIEW} {i}")
            times.append(time.perf_counter() - start)
        page.screenshot(run_dir("image") / "review_analyser.png")
    figures["answer (s, median)"] = round(statistics.median(times), 3)
    return figures


def typed_bad_and_many(page) -> None:
    """A typed review, bad input of every kind, markup, then 20 requests in a row."""
    typed = page.analyse(REVIEW)
    check("a typed review is analysed", "p = " in typed.text and "빨라서" in typed.words)
    for text, says in BAD.items():
        answer = page.analyse(text)
        check(f"{says!r} is said", any(says in w for w in answer.warnings))
    markup = page.analyse(MARKUP)
    check("markup is shown as text", "<b>배송</b>이" in markup.words)
    for i in range(20):
        answer = page.analyse(f"포장이 꼼꼼해요 {i}" if i % 2 else "")
        check(f"request {i + 1} of 20 answered", answer.warnings or "p = " in answer.text)


def check(what: str, ok: object) -> None:
    """Print `what` with ok or FAILED; raise on FAILED."""
    print(f"  {'ok' if ok else 'FAILED':6s} {what}", flush=True)
    if not ok:
        raise CourseError(f"The served app failed: {what}")


def test_image(model: Path) -> dict:
    """The whole of `make test-image` (see the module); returns the report."""
    report: dict = {}
    started = engine.Engine.start(run_dir("image") / "dockerd.log")
    container = None
    try:
        base = engine.base_image()
        folder = context(model)
        report["base"] = base
        report["cold build (s)"] = round(build(folder, base, cache=False), 1)
        report["warm build (s)"] = round(build(folder, base), 1)
        size = engine.run("docker", "image", "inspect", "-f", "{{.Size}}", IMAGE).stdout
        report["image size (MB)"] = round(int(size) / 1e6)
        port = free_port()
        start = time.perf_counter()
        container = engine.run(
            "docker", "run", "-d", "--rm", "--network", "host",
            "-e", f"STREAMLIT_SERVER_PORT={port}", "-e", "STREAMLIT_SERVER_ADDRESS=127.0.0.1",
            IMAGE,
        ).stdout.strip()  # fmt: skip
        if not container:
            raise CourseError("docker run did not start the image")
        report["cold start to health (s)"] = round(wait_for_health(port), 2)
        served = drive(f"http://127.0.0.1:{port}/")
        report["cold start to first answer (s)"] = round(served["first answer at"] - start, 2)
        report["container: answer (s, median)"] = served["answer (s, median)"]
        port = free_port()
        with serve_locally(APP_DIR / "app.py", model, port):
            local = drive(f"http://127.0.0.1:{port}/", checks=False)["answer (s, median)"]
        report["make app: answer (s, median)"] = local
    finally:
        if container:
            engine.run("docker", "stop", "-t", "5", container)
        started.stop()
    (run_dir("image") / "report.json").write_text(json.dumps(report, indent=1) + "\n")
    return report


def main(argv: list[str] | None = None) -> int:
    """Parse the command line; build or test; print the figures."""
    parser = argparse.ArgumentParser(prog="python -m tools.image", description=__doc__)
    parser.add_argument("command", choices=["build", "test"])
    parser.add_argument("--model", type=Path, default=None, help="a serve/model folder")
    args = parser.parse_args(argv)
    model = args.model or Path(checkpoint(REVIEW_ANALYSER, "tiny"))
    try:
        if args.command == "build":
            if not engine.answers():
                raise CourseError("No Docker engine answers: start Docker, then run make image")
            seconds = build(context(model), engine.base_image())
            print(f"built {IMAGE} in {seconds:.0f} s; run it with make serve-image")
            return 0
        for name, value in test_image(model).items():
            print(f"{name:34s} {value}")
    except CourseError as error:
        print(f"make test-image: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
