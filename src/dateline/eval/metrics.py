"""The arithmetic every scorer shares: ratios that are 0 on empty sets, precision, recall, F1."""

from __future__ import annotations


def ratio(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def prf(correct: int, system: int, gold: int) -> tuple[float, float, float]:
    """Precision, recall and F1 of ``correct`` answers among ``system`` given and ``gold``."""
    precision, recall = ratio(correct, system), ratio(correct, gold)
    return precision, recall, f1(precision, recall)
