"""Citizens' reports are append-only for staff (DESIGN §4.5, issue 12).

The text a citizen submitted and their privacy choices never change through the
admin; a moderator may only make a report confidential, with a reason, as a logged
action.
"""

from http import HTTPStatus

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from pengaduan.choices import JenisCatatan, JenisLaporan
from pengaduan.models import Laporan
from pengaduan.services import CONFIDENTIAL_ACTION
from portal.models import ScopedLogEntry
from portal.roles import MODERATOR_PENGADUAN, PETUGAS_OPD
from tests.pengaduan.factories import (
    DispatchedLaporanFactory,
    PetugasFactory,
    PublishedLaporanFactory,
    create_elaga_page,
)

pytestmark = pytest.mark.django_db

OPEN311_REQUESTS = "/open311/v2/requests.json"
REASON = "Menyebut nama dan alamat rumah seorang ASN."


@pytest.fixture
def moderator_client(client):
    client.force_login(PetugasFactory(username="moderator", role=MODERATOR_PENGADUAN))
    return client


@pytest.fixture
def elaga(home_page):
    return create_elaga_page(home_page)


def url(page, route, *args):
    return page.url + page.reverse_subpage(route, args=args)


def _messages(response):
    return [(m.level_tag, str(m)) for m in get_messages(response.wsgi_request)]


def _edit(client, laporan, **data):
    return client.post(reverse("laporan:edit", args=[laporan.pk]), data)


def _make_confidential(client, laporan, reason):
    return client.post(
        reverse("laporan:action", args=[laporan.pk, "jadikan-rahasia"]),
        {"jadikan-rahasia-alasan": reason},
    )


def _published_codes(client, elaga):
    html = client.get(url(elaga, "published_list")).content.decode()
    open311 = {
        item["service_request_id"] for item in client.get(OPEN311_REQUESTS).json()
    }
    return html, open311


def test_unticking_rahasia_in_the_edit_view_keeps_the_report_confidential(
    moderator_client, client, elaga
):
    laporan = PublishedLaporanFactory(rahasia=True, judul="Laporan rahasia warga")
    response = _edit(
        moderator_client,
        laporan,
        jenis=laporan.jenis,
        judul=laporan.judul,
        isi=laporan.isi,
        alamat=laporan.alamat,
        # ``rahasia`` and ``anonim`` unticked: absent from the POST.
    )
    assert response.status_code in (HTTPStatus.OK, HTTPStatus.FOUND)
    laporan.refresh_from_db()
    assert laporan.rahasia is True
    assert Laporan.objects.published().filter(pk=laporan.pk).exists() is False

    client.logout()
    html, open311 = _published_codes(client, elaga)
    assert laporan.kode_lacak not in html and "Laporan rahasia warga" not in html
    assert laporan.kode_lacak not in open311
    detail = url(elaga, "published_detail", laporan.kode_lacak)
    assert client.get(detail).status_code == HTTPStatus.NOT_FOUND


def test_the_edit_view_never_changes_the_citizens_text_or_privacy(moderator_client):
    laporan = PublishedLaporanFactory(
        jenis=JenisLaporan.PENGADUAN,
        judul="Jalan berlubang di Stabat",
        isi="Lubang besar di depan pasar.",
        alamat="Jl. Proklamasi",
        anonim=True,
    )
    _edit(
        moderator_client,
        laporan,
        jenis=JenisLaporan.ASPIRASI,
        judul="Judul diganti petugas",
        isi="Isi diganti petugas",
        alamat="Alamat diganti",
        anonim="",
        rahasia="on",
    )
    laporan.refresh_from_db()
    assert laporan.judul == "Jalan berlubang di Stabat"
    assert laporan.isi == "Lubang besar di depan pasar."
    assert laporan.alamat == "Jl. Proklamasi"
    assert laporan.anonim is True
    assert laporan.rahasia is False
    # The classification remains the moderator's to correct.
    assert laporan.jenis == JenisLaporan.ASPIRASI


def test_making_a_report_confidential_requires_a_reason(moderator_client):
    laporan = PublishedLaporanFactory()
    response = _make_confidential(moderator_client, laporan, "  ")
    laporan.refresh_from_db()
    assert laporan.rahasia is False
    assert laporan.linimasa.count() == 0
    # The action's page comes back with the error beside the reason.
    assert response.status_code == HTTPStatus.OK
    assert response.context["form"].errors["alasan"] == [
        "Alasan menjadikan laporan rahasia wajib diisi."
    ]
    assert not ScopedLogEntry.objects.filter(action=CONFIDENTIAL_ACTION).exists()


def test_making_a_report_confidential_hides_it_logs_and_notes_the_reason(
    moderator_client, client, elaga
):
    laporan = PublishedLaporanFactory(judul="Laporan yang akan dirahasiakan")
    html, open311 = _published_codes(client, elaga)
    assert "Laporan yang akan dirahasiakan" in html and laporan.kode_lacak in open311

    detail = moderator_client.get(reverse("laporan:inspect", args=[laporan.pk]))
    offered = [item["action"].name for item in detail.context["action_links"]]
    assert "jadikan-rahasia" in offered

    response = _make_confidential(moderator_client, laporan, REASON)
    assert response.status_code == HTTPStatus.FOUND
    laporan.refresh_from_db()
    assert laporan.rahasia is True
    assert (
        "success",
        f"Laporan {laporan.kode_lacak} dijadikan rahasia dan tidak lagi dipublikasikan.",
    ) in _messages(response)

    entry = laporan.linimasa.get()
    assert entry.is_public is False
    assert entry.jenis == JenisCatatan.CATATAN_INTERNAL
    assert REASON in entry.message
    assert entry.author.username == "moderator"

    log_entry = ScopedLogEntry.objects.get(
        action=CONFIDENTIAL_ACTION, object_id=str(laporan.pk)
    )
    assert log_entry.user.username == "moderator"

    # Not offered again, and no action makes it public.
    detail = moderator_client.get(reverse("laporan:inspect", args=[laporan.pk]))
    offered = [item["action"].name for item in detail.context["action_links"]]
    assert "jadikan-rahasia" not in offered
    again = _make_confidential(moderator_client, laporan, REASON)
    assert [level for level, _text in _messages(again)] == ["error"]
    assert laporan.linimasa.count() == 1

    html, open311 = _published_codes(client, elaga)
    assert "Laporan yang akan dirahasiakan" not in html
    assert laporan.kode_lacak not in open311
    assert (
        client.get(url(elaga, "published_detail", laporan.kode_lacak)).status_code
        == HTTPStatus.NOT_FOUND
    )
    for page in (
        url(elaga, "secret_page", laporan.token_rahasia),
        url(elaga, "track") + f"?kode={laporan.kode_lacak}",
    ):
        tracking = client.get(page)
        assert tracking.status_code == HTTPStatus.OK
        assert REASON not in tracking.content.decode()


def test_an_opd_officer_cannot_make_a_report_confidential(client):
    laporan = DispatchedLaporanFactory()
    client.force_login(PetugasFactory(role=PETUGAS_OPD, opd="dinas-pupr"))
    detail = client.get(reverse("laporan:inspect", args=[laporan.pk]))
    assert detail.status_code == HTTPStatus.OK
    offered = [item["action"].name for item in detail.context["action_links"]]
    assert "jadikan-rahasia" not in offered
    response = _make_confidential(client, laporan, REASON)
    # Wagtail answers a refused permission with a redirect to the dashboard.
    assert response.status_code in (HTTPStatus.FORBIDDEN, HTTPStatus.FOUND)
    assert response.status_code == HTTPStatus.FORBIDDEN or response.url == "/admin/"
    laporan.refresh_from_db()
    assert laporan.rahasia is False
    assert laporan.linimasa.count() == 0


def test_an_opd_officer_cannot_edit_a_report(client):
    laporan = DispatchedLaporanFactory(judul="Judul warga")
    client.force_login(PetugasFactory(role=PETUGAS_OPD, opd="dinas-pupr"))
    response = _edit(client, laporan, jenis=laporan.jenis, judul="Diganti")
    assert response.status_code in (HTTPStatus.FORBIDDEN, HTTPStatus.FOUND)
    laporan.refresh_from_db()
    assert laporan.judul == "Judul warga"
