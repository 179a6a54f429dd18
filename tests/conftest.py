"""Settings shared by the whole suite."""

from __future__ import annotations

import os

from hypothesis import settings

# Under CI the property tests draw the same examples on every run, so that a build fails
# only for a change in the code; on a developer's machine they draw new ones each time and
# go on looking for counterexamples (`make fuzz` looks harder).
settings.register_profile("ci", derandomize=True)
if os.environ.get("CI"):
    settings.load_profile("ci")
