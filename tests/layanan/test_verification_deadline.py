"""The verification deadline: an application waiting for verification (``diajukan``)
has its own deadline in hari kerja, from submission or from the last fix, shown to
the applicant and to the officers (DESIGN §4.1, issue 17)."""

import datetime

import pytest
from django.urls import reverse
from freezegun import freeze_time

from layanan import services
from layanan.choices import StatusPermohonan
from layanan.models import Permohonan
from tests.layanan.factories import (
    StandarLayananFactory,
    kecamatan,
    kecamatan_officer,
)

pytestmark = pytest.mark.django_db

S = StatusPermohonan
#: Tuesday 3 March 2026, 10:00 WIB; the next working day is Wednesday 4 March.
SUBMITTED = "2026-03-03 10:00:00+07:00"


def submit(service=None):
    permohonan = Permohonan(
        layanan=service or StandarLayananFactory(),
        kecamatan=kecamatan("babalan"),
        nama="Rina Sembiring",
        nik="1205015203850002",
        telepon="081234567890",
        alamat="Jl. Pelabuhan No. 12",
    )
    with freeze_time(SUBMITTED):
        return services.submit_permohonan(permohonan)


def track_url(page):
    return page.url + page.reverse_subpage("track")


def secret_url(page, permohonan):
    return page.url + page.reverse_subpage(
        "secret_page", args=[permohonan.token_rahasia]
    )


def test_a_submitted_application_must_be_verified_within_one_working_day():
    permohonan = submit()
    assert permohonan.waktu_verifikasi_hari_kerja == 1
    assert permohonan.batas_waktu == datetime.date(2026, 3, 4)
    with freeze_time("2026-03-04 09:00:00+07:00"):
        assert Permohonan.objects.overdue().count() == 0
    with freeze_time("2026-03-05 09:00:00+07:00"):
        assert list(Permohonan.objects.overdue()) == [permohonan]


def test_a_service_may_give_more_days_to_verify():
    # Friday 6 March is the third working day after Tuesday 3 March.
    permohonan = submit(StandarLayananFactory(waktu_verifikasi_hari_kerja=3))
    assert permohonan.waktu_verifikasi_hari_kerja == 3
    assert permohonan.batas_waktu == datetime.date(2026, 3, 6)


def test_verification_starts_the_completion_deadline_and_a_fix_restarts_it():
    officer = kecamatan_officer("babalan")
    permohonan = submit()
    with freeze_time("2026-03-03 15:00:00+07:00"):
        services.request_fix(permohonan, officer, "Foto KTP buram.")
    permohonan.refresh_from_db()
    # Waiting for the applicant: no deadline runs for the office.
    assert permohonan.batas_waktu is None
    with freeze_time("2026-03-09 08:00:00+07:00"):
        services.resubmit(permohonan, permohonan.jawaban)
    permohonan.refresh_from_db()
    assert permohonan.batas_waktu == datetime.date(2026, 3, 10)
    with freeze_time("2026-03-10 08:00:00+07:00"):
        services.verify(permohonan, officer, "Lengkap.")
    permohonan.refresh_from_db()
    # The service's 3 working days from verification.
    assert permohonan.batas_waktu == datetime.date(2026, 3, 13)


def test_the_applicant_sees_the_verification_deadline_and_when_it_is_missed(
    client, ekecamatan_page
):
    permohonan = submit()
    with freeze_time("2026-03-03 12:00:00+07:00"):
        html = client.get(
            track_url(ekecamatan_page), {"kode": permohonan.kode_lacak}
        ).content.decode()
    assert "Batas verifikasi" in html
    assert "Rabu, 4 Maret 2026" in html
    assert "1 hari kerja lagi" in html
    # Eleven days later nobody has verified it: the pages say so.
    with freeze_time("2026-03-14 12:00:00+07:00"):
        for response in (
            client.get(track_url(ekecamatan_page), {"kode": permohonan.kode_lacak}),
            client.get(secret_url(ekecamatan_page, permohonan)),
        ):
            html = response.content.decode()
            assert "Sudah lewat batas waktu verifikasi" in html


def test_officers_see_the_waiting_application_as_overdue(client):
    permohonan = submit()
    client.force_login(kecamatan_officer("babalan"))
    with freeze_time("2026-03-14 12:00:00+07:00"):
        detail = client.get(
            reverse("permohonan_layanan:inspect", args=[permohonan.pk])
        ).content.decode()
        dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
        overdue_list = client.get(
            reverse("permohonan_layanan:index"), {"terlambat": "true"}
        ).content.decode()
    assert "Batas waktu verifikasi" in detail
    assert "Tidak ada batas waktu berjalan" not in detail
    assert "Terlambat 7 hari kerja." in detail
    panel = dashboard[dashboard.index("permohonan-e-kecamatan") :]
    assert permohonan.kode_lacak in panel
    assert permohonan.kode_lacak in overdue_list
