"""Working-day (hari kerja) arithmetic for every deadline in the portal (DESIGN §4.1).

A working day is Monday to Friday and neither a national holiday nor cuti bersama
(``holidays.Indonesia``, categories ``public`` and ``government``) nor an extra
closure an admin entered as :class:`~portal.models.HariLibur`. Day 0 is the date
of receipt in WIB.
"""

import datetime
from dataclasses import dataclass
from functools import lru_cache

import holidays
from django.apps import apps
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

# Enough calendar days to hold any deadline of the domain (60 hari kerja plus holidays).
_SEARCH_WINDOW_DAYS = 400


@lru_cache(maxsize=16)
def _national_holidays(year):
    """Indonesia's holidays and cuti bersama of one year, names in Bahasa Indonesia."""
    return holidays.Indonesia(
        years=year,
        categories=(holidays.PUBLIC, holidays.GOVERNMENT),
        language="id",
    )


def to_local_date(value):
    """The WIB calendar date of a date or (aware) datetime.

    WIB is the project's default time zone (``TIME_ZONE``), read from Django's
    cached default rather than the per-thread current zone: deadlines never follow
    a zone activated for a request, and long lists convert fast.
    """
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value, timezone.get_default_timezone()).date()
    return value


def holiday_name(day):
    """The national holiday or cuti bersama name of ``day``, or ``None``."""
    return _national_holidays(day.year).get(day)


class WorkingDayCalendar:
    """Working-day arithmetic over a date range, with the admins' closures read once.

    Use one calendar for many computations (statistics, listings); the functions
    below make one for a single computation.
    """

    def __init__(self, start, end):
        from portal.models import HariLibur

        self.closures = set(
            HariLibur.objects.filter(tanggal__range=(start, end)).values_list(
                "tanggal", flat=True
            )
        )
        self._cache = {}

    @classmethod
    def complete(cls):
        """A calendar holding every closure, for computations over many unrelated dates."""
        return cls(datetime.date.min, datetime.date.max)

    def is_working_day(self, day):
        if day not in self._cache:
            self._cache[day] = (
                day.weekday() < 5
                and holiday_name(day) is None
                and day not in self.closures
            )
        return self._cache[day]

    def add(self, start, count):
        """The ``count``-th working day after ``start`` (day 0)."""
        if count < 0:
            raise ValueError("count must not be negative")
        day = start
        while count:
            day += datetime.timedelta(days=1)
            if self.is_working_day(day):
                count -= 1
        return day

    def between(self, start, end):
        """Working days after ``start`` up to and including ``end``.

        Negative when ``end`` is earlier than ``start``.
        """
        if end < start:
            return -self.between(end, start)
        return sum(
            1
            for offset in range(1, (end - start).days + 1)
            if self.is_working_day(start + datetime.timedelta(days=offset))
        )


def is_working_day(day):
    """Whether offices are open on ``day`` (a date)."""
    return WorkingDayCalendar(day, day).is_working_day(day)


def add_working_days(received, count, calendar=None):
    """The date of the ``count``-th working day after ``received`` (day 0).

    ``received`` is a date or an aware datetime, which counts from its WIB date.
    ``calendar`` spares the query when many deadlines are computed at once.
    """
    day = to_local_date(received)
    calendar = calendar or WorkingDayCalendar(
        day, day + datetime.timedelta(days=_SEARCH_WINDOW_DAYS)
    )
    return calendar.add(day, count)


def working_days_between(start, end):
    """Working days after ``start`` up to and including ``end``.

    Negative when ``end`` is earlier than ``start``.
    """
    start, end = to_local_date(start), to_local_date(end)
    return WorkingDayCalendar(min(start, end), max(start, end)).between(start, end)


@dataclass(frozen=True)
class DeadlineStatus:
    """Where an item stands against its deadline, as every status page shows it."""

    deadline: datetime.date
    reference: datetime.date
    working_days_left: int
    completed_on: datetime.date | None = None

    @property
    def is_overdue(self):
        """Still open after the deadline day."""
        return self.completed_on is None and self.reference > self.deadline

    @property
    def was_met(self):
        """Completed on or before the deadline (``None`` while still open)."""
        if self.completed_on is None:
            return None
        return self.completed_on <= self.deadline


def deadline_status(received, count, completed=None, today=None, calendar=None):
    """The deadline ``count`` working days after ``received``, and the days left.

    While open, ``working_days_left`` counts from ``today`` (WIB) to the deadline:
    0 on the deadline itself, negative once overdue. Once ``completed``, it counts
    from the completion.
    """
    return status_against(
        add_working_days(received, count, calendar),
        completed=completed,
        today=today,
        calendar=calendar,
    )


def status_against(deadline, completed=None, today=None, calendar=None):
    """Where an item stands against a ``deadline`` date (see :func:`deadline_status`)."""
    completed_on = to_local_date(completed) if completed else None
    reference = completed_on or to_local_date(today or timezone.localdate())
    if calendar is None:
        left = working_days_between(reference, deadline)
    else:
        left = calendar.between(reference, deadline)
    return DeadlineStatus(
        deadline=deadline,
        reference=reference,
        working_days_left=left,
        completed_on=completed_on,
    )


class RunningDeadlineMixin:
    """A model that stores the deadline now running in ``batas_waktu``.

    The stored date serves lists, filters, overdue flags and reminders in SQL. It is
    never set by hand: :meth:`running_deadline` computes it from the stored facts and
    the calendar, services store it through :meth:`store_running_deadline`, and a
    change of the calendar (a :class:`~portal.models.HariLibur` added, moved or
    removed) refreshes every running row, so pages, reminders and overdue flags move
    together.
    """

    def running_deadline(self, calendar=None):
        """The date now due, or ``None`` when nothing runs (closed, or not started)."""
        raise NotImplementedError

    def deadline_timeline(self):
        """The related manager of timeline entries that record a moved deadline."""
        return self.linimasa

    def completion_deadline(self, calendar=None):
        """Once the item is completed, the deadline its completion was held to (a
        :class:`DeadlineStatus`: ``was_met`` says whether it came in time, and
        ``-working_days_left`` how many working days late); ``None`` before.

        Lists and exports pass one ``calendar`` for every row.
        """
        return None

    def store_running_deadline(self, calendar=None):
        self.batas_waktu = self.running_deadline(calendar)
        return self.batas_waktu

    @classmethod
    def with_running_deadline(cls):
        return cls._default_manager.filter(batas_waktu__isnull=False)


def running_deadline_models():
    return [
        model for model in apps.get_models() if issubclass(model, RunningDeadlineMixin)
    ]


@transaction.atomic
def refresh_running_deadlines():
    """Recompute the stored deadline of every running item after the calendar changed.

    Each moved deadline is noted on the item's timeline, which citizens see, so the
    date in the header and the latest date in the timeline agree. Returns the number
    of items whose deadline moved.
    """
    calendar = WorkingDayCalendar.complete()
    moved = 0
    for model in running_deadline_models():
        changed = []
        for item in model.with_running_deadline().iterator():
            previous = item.batas_waktu
            if item.store_running_deadline(calendar) == previous:
                continue
            changed.append(item)
            if item.batas_waktu:
                item.deadline_timeline().create(
                    message=_(
                        "Batas waktu disesuaikan dari %(previous)s menjadi %(new)s "
                        "karena perubahan hari libur."
                    )
                    % {
                        "previous": date_format(previous, "j F Y"),
                        "new": date_format(item.batas_waktu, "j F Y"),
                    }
                )
        model._default_manager.bulk_update(changed, ["batas_waktu"])
        moved += len(changed)
    return moved


def calendar_changed(raw=False, **kwargs):
    """``post_save``/``post_delete`` of a :class:`~portal.models.HariLibur`."""
    if not raw:
        refresh_running_deadlines()
