"""Chapter plumbing, one module per chapter (`chNN_topic`): what only that chapter (and
those that build on it) needs. The kernel (the modules of helpers/ itself) never imports these;
tools import them only from the builders (tests/test_layout.py)."""
