"""The linking stories are written once, in tests/store/story_corpus.py: import them here."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "store"))
