"""Serta-merta announcements show while active, and their times must make sense."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from ppid.models import PengumumanPage, active_announcements
from tests.ppid.factories import PengumumanIndexPageFactory, PengumumanPageFactory

pytestmark = pytest.mark.django_db

HOUR = datetime.timedelta(hours=1)


@pytest.fixture
def announcement_index(ppid_page):
    return PengumumanIndexPageFactory(parent=ppid_page)


def test_only_live_announcements_within_their_window_are_active(announcement_index):
    now = timezone.now()
    active = PengumumanPageFactory(parent=announcement_index, title="Banjir")
    open_ended = PengumumanPageFactory(
        parent=announcement_index, title="Kemarau", berakhir=None
    )
    PengumumanPageFactory(
        parent=announcement_index,
        title="Lalu",
        mulai=now - 5 * HOUR,
        berakhir=now - HOUR,
    )
    PengumumanPageFactory(parent=announcement_index, title="Nanti", mulai=now + HOUR)
    PengumumanPageFactory(parent=announcement_index, title="Draf", live=False)

    assert set(active_announcements()) == {active, open_ended}


def test_an_announcement_stops_at_its_end_time(announcement_index):
    page = PengumumanPageFactory(parent=announcement_index)
    assert page.is_active()
    assert not page.is_active(now=page.berakhir)
    assert list(active_announcements(now=page.berakhir + HOUR)) == []


def test_end_time_must_come_after_start_time():
    now = timezone.now()
    page = PengumumanPage(title="Salah", pesan="x", mulai=now, berakhir=now - HOUR)
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert "berakhir" in error.value.message_dict
