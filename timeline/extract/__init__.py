"""From article text to a draft story: dated, located events an editor can correct."""
from .article import Article, ArticleError, read_article
from .events import Extraction, PlaceMention, extract

__all__ = ["Article", "ArticleError", "Extraction", "PlaceMention", "extract", "read_article"]
