"""No reporter identity on any public e-laga page, for any kind of report (DESIGN §4.2)."""

from http import HTTPStatus

import pytest

from pengaduan import services
from pengaduan.choices import StatusLaporan
from tests.factories import UserFactory
from tests.pengaduan.factories import (
    KategoriLaporanFactory,
    LaporanFactory,
    advance_laporan,
    create_elaga_page,
)

pytestmark = pytest.mark.django_db

REPORTERS = {
    # key: (anonim, rahasia)
    "terbuka": (False, False),
    "anonim": (True, False),
    "rahasia": (False, True),
    "anonim_rahasia": (True, True),
}


def identity(key):
    number = list(REPORTERS).index(key)
    return {
        "nama_pelapor": f"Zulkarnaen Pelapor{key.title()}",
        "nik": f"120501520385{number:04d}",
        "telepon": f"08991234{number:04d}",
        "email": f"pelapor.{key}@contoh-pribadi.id",
    }


def private_strings():
    strings = []
    for key in REPORTERS:
        strings.extend(identity(key).values())
    strings.append("Zulkarnaen")
    return strings


@pytest.fixture
def elaga(home_page):
    return create_elaga_page(home_page)


@pytest.fixture
def reports():
    kategori = KategoriLaporanFactory(slug="jalan-rusak", nama="Jalan rusak")
    moderator = UserFactory(username="moderator-privasi", first_name="Budi")
    made = {}
    for key, (anonim, rahasia) in REPORTERS.items():
        laporan = LaporanFactory(
            kategori=kategori,
            judul=f"Laporan {key}",
            anonim=anonim,
            rahasia=rahasia,
            **identity(key),
        )
        advance_laporan(laporan, StatusLaporan.SELESAI, user=moderator)
        made[key] = laporan
    return made


def url(page, route, *args):
    return page.url + page.reverse_subpage(route, args=args)


def public_pages(elaga, reports):
    pages = [
        (url(elaga, "published_list"), {}),
        (url(elaga, "published_list"), {"kategori": "jalan-rusak"}),
        (url(elaga, "statistics"), {}),
        (url(elaga, "statistics"), {"format": "csv"}),
    ]
    for laporan in reports.values():
        pages.append((url(elaga, "track"), {"kode": laporan.kode_lacak}))
        pages.append((url(elaga, "published_detail", laporan.kode_lacak), {}))
        pages.append(
            (url(elaga, "published_detail", laporan.kode_lacak), {"tandai": "1"})
        )
    return pages


def test_no_identity_appears_on_any_public_page(client, elaga, reports):
    for path, params in public_pages(elaga, reports):
        response = client.get(path, params)
        assert response.status_code in (HTTPStatus.OK, HTTPStatus.NOT_FOUND), path
        text = response.content.decode()
        for private in private_strings():
            assert private not in text, f"{private} leaked on {path} {params}"
        assert "moderator-privasi" not in text and "Budi" not in text


def test_confidential_reports_are_absent_from_the_list_and_their_details_404(
    client, elaga, reports
):
    html = client.get(url(elaga, "published_list")).content.decode()
    assert "Laporan terbuka" in html and "Laporan anonim" in html
    assert "Laporan rahasia" not in html and "Laporan anonim_rahasia" not in html
    for key in ("rahasia", "anonim_rahasia"):
        detail = url(elaga, "published_detail", reports[key].kode_lacak)
        assert client.get(detail).status_code == HTTPStatus.NOT_FOUND


def test_hidden_reports_are_absent_from_the_list_and_their_details_404(
    client, elaga, reports
):
    laporan = reports["terbuka"]
    for address in ("10.0.0.1", "10.0.0.2", "10.0.0.3"):
        services.flag(laporan, address)
    html = client.get(url(elaga, "published_list")).content.decode()
    assert "Laporan terbuka" not in html
    detail = url(elaga, "published_detail", laporan.kode_lacak)
    assert client.get(detail).status_code == HTTPStatus.NOT_FOUND


def test_the_submitted_form_does_not_echo_identity_on_the_confirmation(
    client, elaga, reports
):
    # The confirmation page shows the code and the secret link, not who reported.
    laporan = reports["anonim"]
    html = client.get(
        url(elaga, "confirmation", laporan.token_rahasia)
    ).content.decode()
    assert laporan.kode_lacak in html
    for private in identity("anonim").values():
        assert private not in html


def test_the_secret_page_does_not_show_identity_either(client, elaga, reports):
    laporan = reports["terbuka"]
    html = client.get(url(elaga, "secret_page", laporan.token_rahasia)).content.decode()
    assert laporan.isi in html
    for private in identity("terbuka").values():
        assert private not in html
