"""The one list of the course's libraries (standard library only: the doctor imports it first)."""

# What every notebook's setup cell prints the versions of.
COURSE_LIBRARIES = ("transformers", "datasets", "evaluate", "accelerate", "peft", "torch")
# The Hugging Face releases the upgrade canary tries at their newest (torch stays pinned).
HF_LIBRARIES = (
    "transformers",
    "datasets",
    "evaluate",
    "accelerate",
    "peft",
    "trl",
    "huggingface_hub",
    "tokenizers",
    "safetensors",
)
# Packages whose rows the doctor always shows, and the modules it tries to import.
KEY_PACKAGES = (*COURSE_LIBRARIES, "trl", "tokenizers", "huggingface_hub", "safetensors", "nbval")
