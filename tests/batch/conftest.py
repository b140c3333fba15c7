from tests.corpus.conftest import corpus  # noqa: F401  (the fixture of the real filings)
