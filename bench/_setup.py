"""Django setup shared by the benchmark scripts."""

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

import django

django.setup()


def measure(label, function, repeat):
    """Run ``function`` ``repeat`` times and print calls per second."""
    started = time.perf_counter()
    for _ in range(repeat):
        function()
    elapsed = time.perf_counter() - started
    print(
        f"{label:<55} {repeat / elapsed:>10.1f} /s  ({elapsed * 1000 / repeat:.3f} ms)"
    )
