"""The serta-merta banner: each active announcement once per page, closable by the
reader (a button the script reveals), always visible without JavaScript."""

from http import HTTPStatus

import pytest

from ppid.choices import TingkatPengumuman
from tests.ppid.factories import PengumumanIndexPageFactory, PengumumanPageFactory

pytestmark = pytest.mark.django_db

MESSAGE = "Air sungai naik: warga bantaran segera mengungsi."


@pytest.fixture
def announcement(ppid_page):
    index = PengumumanIndexPageFactory(parent=ppid_page)
    return PengumumanPageFactory(
        parent=index, tingkat=TingkatPengumuman.AWAS, pesan=MESSAGE
    )


def home_html(client, home_page, announcement):
    # The home page as editors compose it: a hero with the urgent notice and the
    # latest-announcements section.
    home_page.body.append(
        ("latest_announcements", {"heading": "Pengumuman", "count": 3})
    )
    home_page.save_revision().publish()
    response = client.get(home_page.url)
    assert response.status_code == HTTPStatus.OK
    return response.content.decode()


def test_home_page_shows_the_announcement_once(client, home_page, announcement):
    html = home_html(client, home_page, announcement)
    assert html.count(MESSAGE) == 1


def test_the_banner_can_be_closed_until_the_announcement_changes(
    client, home_page, announcement
):
    announcement.save_revision().publish()
    announcement.refresh_from_db()
    html = home_html(client, home_page, announcement)
    # The key changes when the announcement is published again.
    published = int(announcement.last_published_at.timestamp())
    key = f"pengumuman-{announcement.pk}-{published}"
    assert f'data-dismissible="{key}"' in html
    # Hidden until the script runs: without JavaScript nothing promises to close.
    assert 'class="serta-merta__dismiss" data-dismiss hidden' in html
    assert "Tutup pengumuman" in html
    assert "/static/portal/js/dismiss.js" in html
