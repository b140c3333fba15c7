"""The real filings of ``../shared/corpus`` (beside the project, never copied into it)."""

from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus"


@pytest.fixture(scope="session")
def corpus() -> Path:
    if not (CORPUS / "MANIFEST.md").exists():
        pytest.skip(f"the corpus of real filings is not at {CORPUS} (CI has it)")
    return CORPUS
