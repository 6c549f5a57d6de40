"""kg: Japanese government spending documents (行政事業レビューシート, 政策評価) as a knowledge graph."""

__version__ = "0.1.0"
