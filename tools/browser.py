"""The browser that the review app's test drives: found on this machine, or installed.

`python -m tools.browser` (what `make system-packages` runs, before `make test` builds or tests
anything) looks for Chromium or Chrome and a chromedriver. Where they are missing and the system
has Debian's `apt-get` (Debian, Ubuntu), it installs Debian's packages (with `sudo` when not
root); elsewhere it stops at once with the one line that installs them on that system.
`CHROMIUM=/path/to/browser CHROMEDRIVER=/path/to/driver` point at a browser installed elsewhere.

Standard library only: it runs with the system's Python before `.venv` exists.
"""

from __future__ import annotations

import os
import platform
import shutil
import subprocess
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from helpers import environment

BROWSER_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
MACOS_BROWSERS = (
    "/Applications/Chromium.app/Contents/MacOS/Chromium",
    "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
)
DRIVER_NAME = "chromedriver"
# The browser, its driver, and a Hangul font so that the app's screenshot is readable.
DEBIAN_PACKAGES = ("chromium", "chromium-driver", "fonts-nanum")
HANGUL_FONT_DIR = Path("/usr/share/fonts/truetype/nanum")
# The line that installs a browser and its driver, by the package manager found first.
INSTALL_LINES = {
    "brew": "brew install --cask chromium chromedriver",
    "dnf": "sudo dnf install -y chromium chromedriver",
    "pacman": "sudo pacman -S --needed chromium",
    "zypper": "sudo zypper install -y chromium chromedriver",
}
Which = Callable[[str], str | None]


@dataclass(frozen=True)
class Browser:
    """A Chromium-family browser and the chromedriver that drives it."""

    binary: Path
    driver: Path


def find(env: Mapping[str, str] | None = None, which: Which = shutil.which) -> Browser | None:
    """The browser and driver to use: `CHROMIUM` and `CHROMEDRIVER` when set (in `env`, else
    the environment), else the first browser on PATH (then macOS's application folders) and
    `chromedriver` on PATH."""
    get = env.get if env is not None else environment.read
    binary = get("CHROMIUM") or next(filter(None, map(which, BROWSER_NAMES)), None)
    if binary is None:
        binary = next((p for p in MACOS_BROWSERS if Path(p).is_file()), None)
    driver = get("CHROMEDRIVER") or which(DRIVER_NAME)
    if binary and driver and Path(binary).is_file() and Path(driver).is_file():
        return Browser(Path(binary), Path(driver))
    return None


def install_line(which: Which = shutil.which, system: str | None = None) -> str:
    """The command that installs a browser and its driver on this system."""
    system = system or platform.system()
    managers = ("brew",) if system == "Darwin" else tuple(INSTALL_LINES)
    for manager in managers:
        if which(manager):
            return INSTALL_LINES[manager]
    if system == "Darwin":
        return "install Homebrew (https://brew.sh), then: " + INSTALL_LINES["brew"]
    return (
        "install Chromium (or Chrome) and the chromedriver of the same version with your "
        "package manager, or set CHROMIUM=... and CHROMEDRIVER=... to their paths"
    )


def debian_install(which: Which = shutil.which) -> list[list[str]] | None:
    """The apt-get commands that install what is missing, or None where there is no apt-get."""
    if not which("apt-get"):
        return None
    sudo = [] if os.geteuid() == 0 else ["sudo"]
    env = ["env", "DEBIAN_FRONTEND=noninteractive"]
    return [
        [*sudo, "apt-get", "update", "-qq"],
        [*sudo, *env, "apt-get", "install", "-y", "-qq", *DEBIAN_PACKAGES],
    ]


def main() -> int:
    """Find the browser, install it with apt-get where that exists, or say how to install it."""
    browser = find()
    apt = debian_install()
    if browser and (apt is None or HANGUL_FONT_DIR.is_dir()):
        print(f"browser: {browser.binary} (driver {browser.driver})")
        return 0
    if apt is None:
        print(
            "make test drives the review app in a real browser, and none was found. "
            f"Install one, then run make test again:\n    {install_line()}",
            file=sys.stderr,
        )
        return 1
    if os.geteuid() != 0 and not shutil.which("sudo"):
        print(
            "make test needs Debian's packages it cannot install without root or sudo; "
            f"as root run:\n    apt-get install -y {' '.join(DEBIAN_PACKAGES)}",
            file=sys.stderr,
        )
        return 1
    print(f"Installing Debian's {', '.join(DEBIAN_PACKAGES)} (the review app's browser test)")
    for command in apt:
        if subprocess.run(command, stdout=subprocess.DEVNULL, check=False).returncode:
            print(f"This failed, so make test stopped: {' '.join(command)}", file=sys.stderr)
            return 1
    browser = find()
    if browser is None:
        print("apt-get installed the packages but no browser was found on PATH", file=sys.stderr)
        return 1
    print(f"browser: {browser.binary} (driver {browser.driver})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
