"""What maintainers run: doctor, outputs, stamp, canary, benchmarks, the tiny builder.

Run from a clone's root as `python -m tools.<name>` (the Makefile targets do). Notebooks never
import this package; `helpers` (what they import) never imports it either, and a test checks both.
"""
