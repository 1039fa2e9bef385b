"""How fast deadlines are computed (one query for closures per call)."""

import datetime
import itertools

from _setup import measure

from portal.working_days import add_working_days, working_days_between

starts = itertools.cycle(
    datetime.date(2026, 1, 1) + datetime.timedelta(days=offset) for offset in range(365)
)

for count in (3, 10, 14, 60):
    measure(
        f"add_working_days(…, {count})",
        lambda count=count: add_working_days(next(starts), count),
        repeat=2000,
    )
measure(
    "working_days_between(a year apart)",
    lambda: working_days_between(
        datetime.date(2026, 1, 1), datetime.date(2026, 12, 31)
    ),
    repeat=500,
)
