"""Session fixture: the seed, read and audited once."""

from __future__ import annotations

import pytest
from audit_fixtures import SEED

from assay.audit import Audit, audit
from assay.read import read_release


@pytest.fixture(scope="session")
def seed_audit() -> Audit:
    return audit(read_release(SEED))
