"""Hypothesis profiles: CI runs the same examples every time (a landing must not hinge
on luck), with failing examples printed so they can be replayed; a developer's run
explores new ones."""

import os

from hypothesis import settings

settings.register_profile("ci", derandomize=True, print_blob=True)
settings.register_profile("dev", print_blob=True)
settings.load_profile("ci" if os.environ.get("CI") else "dev")
