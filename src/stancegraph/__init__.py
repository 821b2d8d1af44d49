"""stancegraph: news articles in, a graph of who supports, doubts, warns or opposes whom out."""

__version__ = "0.1.0"
