"""KIP deadlines as UU 14/2008 reads them, on the real 2026 calendar (issue 12).

Pasal 22 ayat (7)-(8): 10 hari kerja to answer, one extension of 7 while they run.
Pasal 36 ayat (1): 30 hari kerja to object, from the decision however late, or
from the missed deadline while there is none. Pasal 36 ayat (2): 30 hari kerja for
the atasan PPID. A closure added later moves every stored and shown deadline.
"""

import datetime
import zoneinfo
from http import HTTPStatus

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.formats import date_format
from freezegun import freeze_time

from portal.models import HariLibur
from portal.roles import ATASAN_PPID, EDITOR_PPID
from ppid import report as kip_report
from ppid import services
from ppid.choices import KeputusanPermohonan, PutusanKeberatan
from ppid.models import Keberatan, PermohonanInformasi
from ppid.tasks import requests_due
from tests.pengaduan.factories import PetugasFactory
from tests.ppid.factories import (
    PermohonanInformasiFactory,
    create_layanan_informasi_page,
)

pytestmark = pytest.mark.django_db

WIB = zoneinfo.ZoneInfo("Asia/Jakarta")
D = datetime.date
OBJECTION_API = "/api/portal/v1/informasi-publik/permohonan/{}/keberatan"


def at(day, hour=10):
    return datetime.datetime(day.year, day.month, day.day, hour, tzinfo=WIB)


@pytest.fixture
def editor():
    return PetugasFactory(username="ppid", role=EDITOR_PPID)


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def received_on(day):
    with freeze_time(at(day)):
        return services.submit_permohonan(PermohonanInformasiFactory.build())


def refuse_on(permohonan, day, user):
    with freeze_time(at(day, 14)):
        services.decide(
            permohonan,
            user,
            KeputusanPermohonan.DITOLAK,
            "Informasi dikecualikan.",
            dasar_penolakan="h",
            uji_konsekuensi="Memuat data pribadi.",
        )


def object_on(permohonan, day):
    with freeze_time(at(day, 9)):
        return services.file_keberatan(permohonan, ["a"], "Saya keberatan.")


# Pasal 36 ayat (1): the objection window.


def test_after_a_late_refusal_the_window_runs_thirty_days_from_the_refusal(editor):
    permohonan = received_on(D(2026, 3, 2))
    assert permohonan.batas_waktu == D(2026, 3, 16)
    refuse_on(permohonan, D(2026, 4, 15), editor)
    assert permohonan.objection_window() == (D(2026, 4, 15), D(2026, 6, 4))
    # Not the 15 hari kerja left of a window counted from the missed deadline.
    assert services.objection_refusal(permohonan, today=D(2026, 5, 7)) is None
    assert "telah terlewati" in services.objection_refusal(
        permohonan, today=D(2026, 6, 5)
    )
    keberatan = object_on(permohonan, D(2026, 6, 4))
    assert keberatan.pk


def test_while_there_is_no_decision_the_window_runs_from_the_missed_deadline():
    permohonan = received_on(D(2026, 3, 2))
    assert "masih dalam jangka waktu" in services.objection_refusal(
        permohonan, today=D(2026, 3, 16)
    )
    assert permohonan.objection_window()[0] == D(2026, 3, 16)
    assert services.objection_refusal(permohonan, today=D(2026, 3, 17)) is None
    last_day = permohonan.objection_window()[1]
    assert "telah terlewati" in services.objection_refusal(
        permohonan, today=last_day + datetime.timedelta(days=1)
    )


def test_a_refusal_long_after_the_window_for_silence_can_still_be_objected_to(
    client, editor
):
    permohonan = received_on(D(2026, 3, 2))
    silence_window_end = permohonan.objection_window()[1]
    refusal_day = D(2026, 7, 1)
    assert refusal_day > silence_window_end + datetime.timedelta(days=30)
    refuse_on(permohonan, refusal_day, editor)
    with freeze_time(at(D(2026, 7, 6))):
        response = client.post(
            OBJECTION_API.format(permohonan.kode_lacak),
            {
                "nomor_identitas": permohonan.nomor_identitas,
                "email": permohonan.email,
                "telepon": permohonan.telepon,
                "alasan": "a",
                "uraian": "Penolakan ini tidak berdasar.",
            },
        )
    assert response.status_code == HTTPStatus.CREATED, response.content
    assert Keberatan.objects.filter(permohonan=permohonan).count() == 1


# Pasal 22 ayat (8): the extension.


def test_an_extension_is_possible_only_while_the_ten_days_run(editor):
    permohonan = received_on(D(2026, 3, 2))
    with freeze_time(at(D(2026, 3, 17))), pytest.raises(ValidationError) as refused:
        services.extend(permohonan, editor, "Dokumen tersebar di tiga OPD.")
    assert "Pasal 22 ayat (8)" in str(refused.value)
    permohonan.refresh_from_db()
    assert not permohonan.diperpanjang_pada
    assert permohonan.batas_waktu == D(2026, 3, 16)

    with freeze_time(at(D(2026, 3, 16))):
        services.extend(permohonan, editor, "Dokumen tersebar di tiga OPD.")
    permohonan.refresh_from_db()
    # 17 hari kerja across Nyepi, Idul Fitri and its cuti bersama.
    assert permohonan.batas_waktu == D(2026, 4, 1)


def test_a_late_extension_cannot_hide_a_late_answer_in_the_yearly_report(editor):
    permohonan = received_on(D(2026, 3, 2))
    with freeze_time(at(D(2026, 3, 20))), pytest.raises(ValidationError):
        services.extend(permohonan, editor, "Terlambat.")
    refuse_on(permohonan, D(2026, 3, 23), editor)
    report = kip_report.yearly_report(2026, today=D(2026, 12, 1))
    assert report.extended == 0
    assert report.late_decided == 1


def test_no_extension_after_an_objection_to_silence_was_decided(editor):
    atasan = PetugasFactory(username="atasan", role=ATASAN_PPID)
    permohonan = received_on(D(2026, 3, 2))
    keberatan = object_on(permohonan, D(2026, 3, 18))
    with freeze_time(at(D(2026, 3, 20))):
        services.answer_keberatan(
            keberatan, atasan, PutusanKeberatan.DIKABULKAN, "PPID wajib menjawab."
        )
    permohonan = PermohonanInformasi.objects.get(pk=permohonan.pk)
    assert services.extension_refusal(permohonan, today=D(2026, 3, 20))
    with pytest.raises(ValidationError):
        services.extend(permohonan, editor, "Menunggu data.")


def test_the_admin_offers_no_late_extension_and_says_why(editor_client):
    permohonan = received_on(D(2026, 3, 2))
    url = reverse("permohonan_informasi:action", args=[permohonan.pk, "perpanjang"])
    detail = reverse("permohonan_informasi:inspect", args=[permohonan.pk])
    with freeze_time(at(D(2026, 3, 16))):
        assert url in editor_client.get(detail).content.decode()
    with freeze_time(at(D(2026, 3, 17))):
        assert url not in editor_client.get(detail).content.decode()
        response = editor_client.post(
            url, {"perpanjang-alasan": "Dokumen tersebar."}, follow=True
        )
    assert "tidak tersedia" in response.content.decode()
    permohonan.refresh_from_db()
    assert not permohonan.diperpanjang_pada


# One computation: a closure added later moves every deadline together.


def test_a_closure_added_after_receipt_moves_page_reminders_and_overdue_together(
    client, home_page
):
    layanan = create_layanan_informasi_page(home_page)
    permohonan = received_on(D(2026, 3, 2))
    assert permohonan.batas_waktu == D(2026, 3, 16)
    HariLibur.objects.create(tanggal=D(2026, 3, 10), nama="Hari Jadi (contoh)")

    permohonan = PermohonanInformasi.objects.get(pk=permohonan.pk)
    assert permohonan.batas_waktu == D(2026, 3, 17)
    assert permohonan.deadline.deadline == D(2026, 3, 17)
    on_the_16th = D(2026, 3, 16)
    assert not PermohonanInformasi.objects.overdue(today=on_the_16th).exists()
    assert permohonan in requests_due(today=on_the_16th)
    assert PermohonanInformasi.objects.overdue(today=D(2026, 3, 18)).exists()
    track = layanan.url + layanan.reverse_subpage("track")
    html = client.get(track, {"nomor": permohonan.kode_lacak}).content.decode()
    assert "17 Maret 2026" in html
    note = permohonan.linimasa.order_by("-pk").first()
    assert "16 Maret 2026" in note.message and "17 Maret 2026" in note.message
    assert note.is_public

    HariLibur.objects.filter(tanggal=D(2026, 3, 10)).delete()
    permohonan.refresh_from_db()
    assert permohonan.batas_waktu == D(2026, 3, 16)


def test_an_objection_header_and_timeline_agree_after_a_new_closure(editor_client):
    permohonan = received_on(D(2026, 3, 2))
    keberatan = object_on(permohonan, D(2026, 3, 18))
    filed_deadline = keberatan.batas_waktu
    # A Wednesday inside the atasan's 30 hari kerja.
    HariLibur.objects.create(tanggal=D(2026, 4, 8), nama="Penutupan kantor (contoh)")
    keberatan.refresh_from_db()
    assert keberatan.batas_waktu > filed_deadline
    fresh = Keberatan.objects.get(pk=keberatan.pk)
    assert fresh.deadline.deadline == keberatan.batas_waktu
    latest = permohonan.linimasa.order_by("-pk").first()
    assert date_format(keberatan.batas_waktu, "j F Y") in latest.message
    with freeze_time(at(keberatan.batas_waktu)):
        html = editor_client.get(
            reverse("permohonan_informasi:inspect", args=[permohonan.pk])
        ).content.decode()
    # On the moved deadline the objection is not yet late, and the date shown is it.
    assert "batas waktu tanggapan keberatan" not in html
    assert date_format(keberatan.batas_waktu, "l, j F Y") in html


def test_the_secret_page_names_the_last_day_to_object(client, home_page, editor):
    create_layanan_informasi_page(home_page)
    permohonan = received_on(D(2026, 3, 2))
    refuse_on(permohonan, D(2026, 4, 15), editor)
    with freeze_time(at(D(2026, 5, 7))):
        html = client.get(permohonan.secret_url()).content.decode()
    assert "Kamis, 4 Juni 2026" in html
    assert "Pasal 36 ayat (1)" in html
