"""Small drill-hole folders written inline by the tests."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

COLLAR = "hole_id,easting,northing,elevation,depth\nH1,0,0,100,200\nH2,10,0,100,200\n"


@pytest.fixture
def folder(tmp_path: Path) -> Callable[..., Path]:
    """Write ``assays`` (CSV text) and a collar (default: H1, H2, 200 m deep) to a folder."""

    def make(assays: str, collar: str = COLLAR, survey: str | None = None,
             name: str = "holes") -> Path:
        d = tmp_path / name
        d.mkdir()
        (d / "assays.csv").write_text(assays)
        (d / "collar.csv").write_text(collar)
        if survey is not None:
            (d / "survey.csv").write_text(survey)
        return d

    return make
