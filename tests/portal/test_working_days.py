"""Deadlines count hari kerja over the real Indonesian calendar (DESIGN §4.1)."""

import datetime
import zoneinfo

import pytest

from portal.working_days import (
    add_working_days,
    deadline_status,
    holiday_name,
    is_working_day,
    working_days_between,
)
from tests.factories import HariLiburFactory

pytestmark = pytest.mark.django_db

WIB = zoneinfo.ZoneInfo("Asia/Jakarta")
date = datetime.date


@pytest.mark.parametrize(
    ("received", "count", "expected"),
    [
        # DESIGN §4.1: Nyepi, Idul Fitri and their cuti bersama, then the weekend.
        (date(2026, 3, 17), 3, date(2026, 3, 27)),
        # An ordinary week: Monday + 5 hari kerja is the next Monday.
        (date(2026, 2, 2), 5, date(2026, 2, 9)),
        # Received on a Saturday: Monday is the first working day.
        (date(2026, 2, 7), 1, date(2026, 2, 9)),
        # Imlek: cuti bersama Monday 16 Feb and Imlek Tuesday 17 Feb are skipped.
        (date(2026, 2, 13), 1, date(2026, 2, 18)),
        # Ascension Thursday 14 May and its cuti bersama Friday 15 May.
        (date(2026, 5, 13), 1, date(2026, 5, 18)),
        # Idul Adha 27 May and cuti bersama 28 May; Friday 29 May counts.
        (date(2026, 5, 26), 2, date(2026, 6, 2)),
        # Independence Day, Monday 17 August.
        (date(2026, 8, 14), 1, date(2026, 8, 18)),
        # Year end: cuti bersama 24 Dec, Christmas 25 Dec, New Year 1 Jan 2027.
        (date(2026, 12, 23), 3, date(2026, 12, 30)),
        (date(2026, 12, 30), 2, date(2027, 1, 4)),
        # KIP answer window of 10 hari kerja across Idul Fitri and Good Friday.
        (date(2026, 3, 13), 10, date(2026, 4, 6)),
        # 14 hari kerja over Good Friday (3 April).
        (date(2026, 3, 30), 14, date(2026, 4, 20)),
        # Day 0 with no working days to add is the day itself.
        (date(2026, 3, 17), 0, date(2026, 3, 17)),
    ],
)
def test_deadline_counts_only_working_days(received, count, expected):
    assert add_working_days(received, count) == expected


def test_deadline_counts_from_the_wib_date_of_a_late_evening_receipt():
    # 23:30 WIB on Monday 2 Feb is still Monday in WIB (16:30 UTC).
    received = datetime.datetime(2026, 2, 2, 16, 30, tzinfo=datetime.UTC)
    assert add_working_days(received, 1) == date(2026, 2, 3)
    # 00:30 WIB on Tuesday is Monday 17:30 UTC: day 0 is Tuesday.
    received = datetime.datetime(2026, 2, 2, 17, 30, tzinfo=datetime.UTC)
    assert add_working_days(received, 1) == date(2026, 2, 4)


def test_an_extra_closure_entered_by_an_admin_moves_the_deadline():
    assert add_working_days(date(2026, 2, 2), 2) == date(2026, 2, 4)
    HariLiburFactory(tanggal=date(2026, 2, 3), nama="Hari Jadi Kabupaten Langkat")
    assert add_working_days(date(2026, 2, 2), 2) == date(2026, 2, 5)
    assert not is_working_day(date(2026, 2, 3))


def test_holidays_have_indonesian_names():
    assert "Nyepi" in holiday_name(date(2026, 3, 19))
    assert "Cuti Bersama" in holiday_name(date(2026, 3, 23))
    assert holiday_name(date(2026, 3, 25)) is None


def test_weekends_and_holidays_are_not_working_days():
    assert not is_working_day(date(2026, 3, 21))  # Saturday
    assert not is_working_day(date(2026, 8, 17))  # Independence Day
    assert is_working_day(date(2026, 8, 18))


def test_working_days_between_counts_both_directions():
    assert working_days_between(date(2026, 3, 17), date(2026, 3, 27)) == 3
    assert working_days_between(date(2026, 3, 27), date(2026, 3, 17)) == -3
    assert working_days_between(date(2026, 3, 27), date(2026, 3, 27)) == 0


def test_open_item_shows_days_left_then_overdue():
    status = deadline_status(date(2026, 3, 17), 3, today=date(2026, 3, 25))
    assert status.deadline == date(2026, 3, 27)
    assert status.working_days_left == 2
    assert not status.is_overdue
    assert status.was_met is None

    late = deadline_status(date(2026, 3, 17), 3, today=date(2026, 3, 31))
    assert late.is_overdue
    assert late.working_days_left == -2


def test_overdue_on_the_weekend_right_after_the_deadline():
    status = deadline_status(date(2026, 3, 17), 3, today=date(2026, 3, 28))
    assert status.is_overdue


def test_completed_item_records_whether_the_deadline_was_met():
    on_time = deadline_status(
        date(2026, 3, 17),
        3,
        completed=datetime.datetime(2026, 3, 27, 15, 0, tzinfo=WIB),
    )
    assert on_time.was_met is True
    assert not on_time.is_overdue

    late = deadline_status(date(2026, 3, 17), 3, completed=date(2026, 3, 30))
    assert late.was_met is False
    assert late.working_days_left == -1
