"""The container engine `make test-image` needs, and the local base image it builds on.

Where `docker info` answers, that engine is used as it is. Elsewhere on Debian or Ubuntu, the
engine is installed with apt-get (Debian's `docker.io`, with sudo when not root) and `dockerd`
is started for the test only, as root, without a bridge or iptables rules: containers then share
the host's network (`--network host`) and the test talks to 127.0.0.1 only. `Engine.stop` ends
a daemon this module started and nothing else.

No registry needed: when the official `python:3.11-slim` is neither present nor pullable, a
Debian base with Python is made once with `debootstrap` from the machine's configured mirror
and `docker import`-ed as `course-base:bookworm` (kept between runs on one machine).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from helpers.errors import CourseError

OFFICIAL_BASE = "python:3.11-slim"
LOCAL_BASE = "course-base:bookworm"
DEBIAN_PACKAGES = ("docker.io", "debootstrap")
SUITE = "bookworm"
DAEMON_FLAGS = ("--bridge=none", "--iptables=false", "--ip6tables=false")
SOCKET_WAIT_SECONDS = 60


def sudo() -> list[str]:
    """`sudo` when not root (and it exists), else nothing."""
    return [] if os.geteuid() == 0 or not shutil.which("sudo") else ["sudo"]


def run(*command: str, quiet: bool = True, **kwargs) -> subprocess.CompletedProcess:
    """Run `command`; its output captured as text."""
    return subprocess.run(command, capture_output=quiet, text=True, check=False, **kwargs)


def program(name: str) -> str | None:
    """The path of the program `name`: on the PATH, else in the system folders root's PATH has
    (apt installs dockerd and debootstrap in /usr/sbin, which a user's PATH may lack)."""
    found = shutil.which(name)
    if found:
        return found
    return next(
        (str(p) for p in (Path("/usr/sbin") / name, Path("/sbin") / name) if p.is_file()), None
    )


def answers() -> bool:
    """Whether a Docker engine answers the docker command."""
    return bool(shutil.which("docker")) and run("docker", "info").returncode == 0


def apt_install(packages: tuple[str, ...]) -> None:
    """Install Debian packages with apt-get, or raise CourseError saying how to get them."""
    if not shutil.which("apt-get"):
        raise CourseError(
            "make test-image needs Docker, and this system has no apt-get to install it: "
            "install Docker (https://docs.docker.com/engine/install/), start it, and run again."
        )
    if os.geteuid() != 0 and not sudo():
        raise CourseError(f"As root, run: apt-get install -y {' '.join(packages)}")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for command in (["apt-get", "update", "-qq"], ["apt-get", "install", "-y", "-qq", *packages]):
        done = run(*sudo(), *command, env=env)
        if done.returncode:
            raise CourseError(f"This failed: {' '.join(command)}\n{done.stderr[-2000:]}")


@dataclass
class Engine:
    """A Docker engine that answers; `daemon` is the dockerd this module started, if any."""

    daemon: subprocess.Popen | None = None

    @classmethod
    def start(cls, log: Path) -> Engine:
        """The engine that answers now, or one installed and started here (see the module)."""
        if answers():
            return cls()
        if not program("dockerd") or not program("debootstrap"):
            print("Installing Debian's docker.io and debootstrap (make test-image)", flush=True)
            apt_install(DEBIAN_PACKAGES)
            if answers():  # the package started its own service
                return cls()
        dockerd = program("dockerd")
        if dockerd is None:
            raise CourseError("docker.io is installed but dockerd was not found")
        log.parent.mkdir(parents=True, exist_ok=True)
        with log.open("w") as out:
            daemon = subprocess.Popen(
                [*sudo(), dockerd, *DAEMON_FLAGS], stdout=out, stderr=subprocess.STDOUT
            )
        engine = cls(daemon)
        deadline = time.monotonic() + SOCKET_WAIT_SECONDS
        while not answers():
            if daemon.poll() is not None or time.monotonic() > deadline:
                engine.stop()
                raise CourseError(f"dockerd did not start; its log: {log}")
            time.sleep(0.5)
        return engine

    def stop(self) -> None:
        """Stop the daemon this module started (nothing when the engine was already running)."""
        if self.daemon is not None and self.daemon.poll() is None:
            self.daemon.terminate()
            try:
                self.daemon.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.daemon.kill()
        self.daemon = None


def has_image(name: str) -> bool:
    """Whether the engine holds the image `name`."""
    return run("docker", "image", "inspect", name).returncode == 0


def debian_mirror(sources: Path = Path("/etc/apt")) -> str:
    """The first Debian mirror the machine's apt configuration names."""
    texts = [p.read_text() for p in sorted(sources.glob("sources.list.d/*.sources"))]
    texts += [p.read_text() for p in sources.glob("sources.list") if p.is_file()]
    for text in texts:
        found = re.search(r"(?:URIs:|deb)\s+(\S*?/debian)/?\s", text)
        if found:
            return found.group(1)
    return "http://deb.debian.org/debian"


def base_image() -> str:
    """The image to build on: the official slim Python when present or pullable, else the
    local Debian base (made once with debootstrap, then kept)."""
    if has_image(OFFICIAL_BASE) or run("docker", "pull", "-q", OFFICIAL_BASE).returncode == 0:
        return OFFICIAL_BASE
    if has_image(LOCAL_BASE):
        return LOCAL_BASE
    print(f"Making {LOCAL_BASE} with debootstrap (once per machine, about 2 minutes)", flush=True)
    with tempfile.TemporaryDirectory(prefix="base-") as root:
        done = run(
            *sudo(), program("debootstrap") or "debootstrap", "--variant=minbase", "--include=python3,python3-venv",
            SUITE, root, debian_mirror(),
        )  # fmt: skip
        if done.returncode:
            raise CourseError(f"debootstrap failed:\n{done.stdout[-1500:]}{done.stderr[-1500:]}")
        tar = subprocess.Popen([*sudo(), "tar", "-C", root, "-c", "."], stdout=subprocess.PIPE)
        imported = run("docker", "import", "-", LOCAL_BASE, stdin=tar.stdout)
        tar.wait()
        run(*sudo(), "rm", "-rf", root)
        if imported.returncode:
            raise CourseError(f"docker import failed: {imported.stderr[-1500:]}")
    return LOCAL_BASE
