"""Many filings at once: inputs expanded, documents read and audited by workers (local
processes or Dask), and every outcome stored in one DuckDB file."""

from .inputs import Item, expand
from .run import Summary, run_batch
from .store import SCHEMA, Store, export_parquet, query

__all__ = ["SCHEMA", "Item", "Store", "Summary", "expand", "export_parquet", "query",
           "run_batch"]
