"""Scorers for Dateline's stages against labelled data: ``timeml`` (temporal expressions,
as TempEval-3 scores them), ``actors`` and ``events``."""
