"""Build the tiny offline stand-ins for the hub checkpoints the course uses."""
