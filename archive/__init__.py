"""archive: news articles about diplomatic meetings → a relational archive."""

__version__ = "0.1.0"
# Bumped whenever extraction output may change; stored with every extracted row.
EXTRACTOR_VERSION = "kk-ru-en/0.1.0"
