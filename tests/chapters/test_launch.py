"""Lesson 05's launch decisions and the portability check's choice of another code path."""

import pytest

from helpers.chapters.ch05_launch import launch_plan
from tools.runner import other_code_path


def test_no_gpu_means_two_cpu_processes():
    plan = launch_plan(0, "fp16")
    assert (plan.num_processes, plan.cpu, plan.mixed_precision) == (2, True, "no")


def test_one_gpu_means_one_process_on_it():
    plan = launch_plan(1, "fp16")
    assert (plan.num_processes, plan.cpu, plan.mixed_precision) == (1, False, "fp16")
    assert "one process" in plan.explanation


@pytest.mark.parametrize("gpus", [2, 4, 8])
def test_several_gpus_mean_one_process_each(gpus):
    plan = launch_plan(gpus, "no")
    assert (plan.num_processes, plan.cpu, plan.mixed_precision) == (gpus, False, "no")


def test_a_negative_count_is_refused():
    with pytest.raises(ValueError, match="gpus"):
        launch_plan(-1)


def test_another_code_path_goes_one_level_down():
    assert other_code_path("AVX512")["ATEN_CPU_CAPABILITY"] == "avx2"
    assert other_code_path("AVX2")["ATEN_CPU_CAPABILITY"] == "default"
    assert other_code_path("DEFAULT") == {"COURSE_TINY_THREADS": "2"}
    assert other_code_path("SVE256") == {"COURSE_TINY_THREADS": "2"}


def test_the_other_code_path_really_changes_torch(tmp_path):
    import os
    import subprocess
    import sys

    import torch

    native = torch.backends.cpu.get_cpu_capability()
    env = {**os.environ, **other_code_path()}
    code = "import torch; print(torch.backends.cpu.get_cpu_capability())"
    done = subprocess.run(
        [sys.executable, "-c", code],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    if "ATEN_CPU_CAPABILITY" in other_code_path():
        assert done.stdout.strip() != native
    else:  # no lower code path here: the thread count changes instead
        assert other_code_path() == {"COURSE_TINY_THREADS": "2"} and done.stdout.strip() == native
