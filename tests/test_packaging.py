"""Packaging keeps its word: a non-editable install fails at once, naming the fix."""

import os
import subprocess
import sys

from helpers.paths import REPO_ROOT as REPO


def test_a_non_editable_install_says_to_install_from_a_clone(tmp_path):
    target = tmp_path / "site"
    build = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "--no-index",
            "--target",
            str(target),
            str(REPO),
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert build.returncode == 0, build.stderr[-2000:]
    assert (target / "helpers" / "metric_modules" / "glue" / "glue.py").is_file()
    code = (
        f"import sys; sys.path.insert(0, {str(target)!r}); import helpers; "
        "print(helpers.__file__); helpers.setup_notebook()"
    )
    env = {k: v for k, v in os.environ.items() if k != "COURSE_DATA_DIR"}
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
        env=env,
    )
    assert done.stdout.startswith(str(target)), done.stdout + done.stderr[-1000:]
    assert done.returncode == 1
    assert "CourseError" in done.stderr and "pip install -e ." in done.stderr


def test_the_license_is_in_the_repository_and_declared():
    import tomllib

    project = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
    assert project["license"] == "Apache-2.0" and project["license-files"] == ["LICENSE"]
    assert "Apache License" in (REPO / "LICENSE").read_text().splitlines()[0]
