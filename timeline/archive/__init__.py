"""A newsroom's archive as an index: every article through the same extraction as
``chronoatlas extract``, on Dask distributed, into Parquet tables that DuckDB queries
for story maps (see docs/archive.md).

Needs the ``archive`` extra (Dask, pyarrow, DuckDB); nothing else in chronoatlas does.
"""
from .sources import ArticleRecord, Partition, SourceError, partitions, read_partition

__all__ = ["ArticleRecord", "Partition", "SourceError", "partitions", "read_partition"]
