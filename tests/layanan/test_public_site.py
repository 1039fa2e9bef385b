"""The public service list and service standards of e-kecamatan."""

from http import HTTPStatus

import pytest

from layanan.models import StandarLayanan
from tests.factories import UserFactory
from tests.layanan.factories import StandarLayananFactory, kecamatan

pytestmark = pytest.mark.django_db


def url(page, route, *args):
    return page.url + page.reverse_subpage(route, args=args)


def only_in(slug, **fields):
    service = StandarLayananFactory(semua_kecamatan=False, **fields)
    service.kecamatan.set([kecamatan(slug)])
    service.save()  # a ParentalManyToManyField is written on save
    return service


# ---------- Service list ----------


def test_the_list_shows_live_services_with_time_cost_and_links(client, ekecamatan_page):
    StandarLayananFactory(
        nama="Surat Keterangan Domisili",
        ringkasan="Keterangan tempat tinggal.",
        waktu_hari_kerja=3,
        biaya=0,
    )
    StandarLayananFactory(
        nama="Legalisasi Dokumen Tanah", waktu_hari_kerja=7, biaya=25000
    )
    StandarLayananFactory(nama="Layanan Draf Rahasia", live=False)

    response = client.get(ekecamatan_page.url)

    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert "Surat Keterangan Domisili" in html
    assert "Keterangan tempat tinggal." in html
    assert "3 hari kerja" in html and "7 hari kerja" in html
    assert "Gratis" in html
    assert "Rp25.000" in html
    assert "Layanan Draf Rahasia" not in html
    assert url(ekecamatan_page, "track") in html
    assert url(ekecamatan_page, "ikm") in html


def test_the_kecamatan_filter_lists_only_services_offered_there(
    client, ekecamatan_page
):
    StandarLayananFactory(nama="Layanan Untuk Semua")
    only_in("babalan", nama="Layanan Khusus Babalan")
    only_in("stabat", nama="Layanan Khusus Stabat")

    html = client.get(ekecamatan_page.url, {"kecamatan": "babalan"}).content.decode()

    assert "Layanan Untuk Semua" in html
    assert "Layanan Khusus Babalan" in html
    assert "Layanan Khusus Stabat" not in html
    assert "tersedia di Kecamatan Babalan" in html
    # The detail links carry the kecamatan on to the application form.
    assert "?kecamatan=babalan" in html
    assert '<meta name="robots" content="noindex">' in html


def test_the_text_search_matches_name_summary_or_product(client, ekecamatan_page):
    StandarLayananFactory(nama="Surat Keterangan Usaha", produk="SKU")
    StandarLayananFactory(
        nama="Rekomendasi", ringkasan="Rekomendasi izin keramaian pesta."
    )
    StandarLayananFactory(nama="Surat Keterangan Ahli Waris")

    html = client.get(ekecamatan_page.url, {"q": "keramaian"}).content.decode()
    assert "Rekomendasi" in html
    assert "Surat Keterangan Usaha" not in html

    html = client.get(ekecamatan_page.url, {"q": "surat usaha"}).content.decode()
    assert "Surat Keterangan Usaha" in html
    assert "Ahli Waris" not in html


def test_an_unknown_kecamatan_filter_is_reported_and_lists_everything(
    client, ekecamatan_page
):
    StandarLayananFactory(nama="Layanan Untuk Semua")
    response = client.get(ekecamatan_page.url, {"kecamatan": "atlantis"})
    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert "Sebagian filter tidak valid" in html
    assert "Layanan Untuk Semua" in html


def test_the_list_links_to_each_kecamatan_office_page(client, ekecamatan_page):
    from layanan.models import KantorKecamatanPage

    office = KantorKecamatanPage(
        title="Kantor Camat Babalan",
        slug="babalan",
        kecamatan=kecamatan("babalan"),
        alamat="Jl. Pelabuhan, Pangkalan Brandan",
        jam_layanan="Senin-Jumat 08.00-16.00 WIB",
    )
    ekecamatan_page.add_child(instance=office)

    html = client.get(ekecamatan_page.url).content.decode()

    assert f'href="{office.url}"' in html
    assert ">Babalan</a>" in html


@pytest.mark.parametrize("count", [3, 30])
def test_the_list_runs_a_constant_number_of_queries(
    client, ekecamatan_page, django_assert_max_num_queries, count
):
    for number in range(count):
        if number % 2:
            only_in("babalan", nama=f"Layanan Khusus {number}")
        else:
            StandarLayananFactory(nama=f"Layanan Umum {number}")
    client.get(ekecamatan_page.url)  # warm the site and settings caches

    with django_assert_max_num_queries(17):
        response = client.get(ekecamatan_page.url, {"kecamatan": "babalan"})

    assert response.content.decode().count('class="item-list__item"') == count


# ---------- Service detail ----------


def test_the_detail_shows_every_standard_component(client, ekecamatan_page):
    service = only_in(
        "babalan",
        nama="Surat Keterangan Domisili",
        dasar_hukum="<p>Perbup Langkat Nomor 12 Tahun 2020.</p>",
        produk="Surat Keterangan Domisili bertanda tangan camat",
        saluran_pengaduan="Kotak saran kantor camat.",
        biaya=0,
        waktu_hari_kerja=3,
    )

    response = client.get(url(ekecamatan_page, "service_detail", service.slug))

    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert "Perbup Langkat Nomor 12 Tahun 2020." in html
    assert "KTP pemohon" in html and "Kartu Keluarga" in html
    assert "Pas foto 3x4" in html and "dibawa saat mengambil" in html
    assert html.count("Diunggah pada permohonan daring") == 2
    assert "Dibawa ke kantor camat" in html
    assert "Petugas memverifikasi berkas" in html
    assert "3 hari kerja sejak berkas diverifikasi" in html
    assert "Gratis" in html
    assert "Surat Keterangan Domisili bertanda tangan camat" in html
    assert "Kotak saran kantor camat." in html
    assert "Babalan" in html
    assert "Ajukan permohonan" in html
    assert url(ekecamatan_page, "application_form", service.slug) in html


def test_the_detail_passes_a_valid_kecamatan_on_to_the_form(client, ekecamatan_page):
    service = only_in("babalan")
    form_url = url(ekecamatan_page, "application_form", service.slug)
    detail = url(ekecamatan_page, "service_detail", service.slug)

    html = client.get(detail, {"kecamatan": "babalan"}).content.decode()
    assert f"{form_url}?kecamatan=babalan" in html

    html = client.get(detail, {"kecamatan": "stabat"}).content.decode()
    assert "?kecamatan=stabat" not in html


def test_a_draft_service_is_not_found(client, ekecamatan_page):
    service = StandarLayananFactory(live=False)
    for route in ("service_detail", "application_form"):
        response = client.get(url(ekecamatan_page, route, service.slug))
        assert response.status_code == HTTPStatus.NOT_FOUND
    assert client.get(
        url(ekecamatan_page, "service_detail", "tidak-ada")
    ).status_code == (HTTPStatus.NOT_FOUND)


def test_a_change_in_moderation_does_not_reach_the_public_page(client, ekecamatan_page):
    service = StandarLayananFactory(
        nama="Surat Keterangan Domisili", waktu_hari_kerja=3, biaya=0
    )
    service.save_revision().publish()
    editor = UserFactory(username="editor-layanan")
    service.nama = "Nama Baru Belum Disetujui"
    service.waktu_hari_kerja = 9
    service.biaya = 50000
    revision = service.save_revision(user=editor)
    service.get_workflow().start(service, editor)
    service = StandarLayanan.objects.get(pk=service.pk)
    assert service.latest_revision == revision
    assert service.workflow_in_progress
    assert service.live

    html = client.get(
        url(ekecamatan_page, "service_detail", service.slug)
    ).content.decode()

    assert "Surat Keterangan Domisili" in html
    assert "3 hari kerja" in html and "Gratis" in html
    assert "Nama Baru Belum Disetujui" not in html
    assert "9 hari kerja" not in html and "50.000" not in html
    list_html = client.get(ekecamatan_page.url).content.decode()
    assert "Nama Baru Belum Disetujui" not in list_html


def test_the_admin_preview_renders_the_same_standard(rf):
    service = StandarLayananFactory(
        nama="Surat Keterangan Domisili",
        dasar_hukum="<p>Perbup Langkat Nomor 12 Tahun 2020.</p>",
    )
    request = rf.get("/")
    response = service.serve_preview(request, service.default_preview_mode)
    response.render()
    html = response.content.decode()
    assert "Pratinjau standar layanan" in html
    assert "Perbup Langkat Nomor 12 Tahun 2020." in html
    assert "Diunggah pada permohonan daring" in html


def test_the_model_keeps_live_values_for_drafts_assumption():
    # Pins what the public pages rely on: a saved draft leaves the row alone.
    service = StandarLayananFactory(nama="Nama Live")
    service.nama = "Nama Draf"
    service.save_revision()
    assert StandarLayanan.objects.get(pk=service.pk).nama == "Nama Live"
