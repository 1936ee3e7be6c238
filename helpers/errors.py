"""The one exception type the course raises for bad input, with a fix in its message."""

__all__ = ["CourseError"]


class CourseError(RuntimeError):
    """A problem the learner can fix; the message names the problem and the fix."""
