"""The KIP pages in a real browser: the DIP filter on a phone and accessibility."""

import datetime
import re
from types import SimpleNamespace

import pytest
import wagtail_factories
from django.utils import timezone
from playwright.sync_api import expect

from portal.models import PerangkatDaerah
from ppid.choices import KategoriInformasi, TingkatPengumuman
from tests.e2e.conftest import E2E_DB, assert_no_serious_a11y_violations
from tests.home.factories import (
    BeritaIndexPageFactory,
    BeritaPageFactory,
    DokumenFactory,
)
from tests.ppid.factories import (
    InformasiPublikIndexPageFactory,
    InformasiPublikPageFactory,
    PengumumanIndexPageFactory,
    PengumumanPageFactory,
    PPIDPageFactory,
)

pytestmark = [pytest.mark.e2e, E2E_DB]

#: (title, category) of the DIP items; two of them serta-merta.
DIP_ITEMS = [
    ("APBD Kabupaten Langkat 2026", KategoriInformasi.BERKALA),
    ("LKPJ Bupati 2025", KategoriInformasi.BERKALA),
    ("Peringatan dini banjir DAS Wampu", KategoriInformasi.SERTA_MERTA),
    ("Kejadian luar biasa demam berdarah", KategoriInformasi.SERTA_MERTA),
    ("SOP Pelayanan Informasi Publik", KategoriInformasi.SETIAP_SAAT),
    ("Data penerima bantuan sosial", KategoriInformasi.DIKECUALIKAN),
]


@pytest.fixture
def kip_site(portal_site):
    """The portal with a PPID section, a DIP in all four categories, news and an
    active serta-merta announcement, and a home page using every section block."""
    home = portal_site.home
    ppid = PPIDPageFactory(
        parent=home,
        slug="ppid",
        title="PPID",
        maklumat_pelayanan="<p>Kami sanggup melayani sesuai standar.</p>",
        prosedur=[
            ("langkah", {"judul": "Ajukan permohonan", "uraian": "Isi formulir."})
        ],
        jam_layanan="Senin-Jumat 08.00-16.00",
        email="ppid@langkatkab.go.id",
    )
    dip_index = InformasiPublikIndexPageFactory(
        parent=ppid, introduction="<p>Daftar informasi publik Kabupaten Langkat.</p>"
    )
    bpbd = PerangkatDaerah.objects.get(slug="bpbd")
    items = {}
    for number, (title, kategori) in enumerate(DIP_ITEMS, start=1):
        extra = {}
        if kategori == KategoriInformasi.SERTA_MERTA:
            extra = {"perangkat_daerah": bpbd}
        if kategori == KategoriInformasi.DIKECUALIKAN:
            extra = {
                "dasar_pengecualian": "h",
                "uji_konsekuensi": "Membuka data ini mengungkap rahasia pribadi.",
            }
        items[title] = InformasiPublikPageFactory(
            parent=dip_index,
            title=title,
            nomor=f"DIP-2026-{number:03d}",
            kategori=kategori,
            **extra,
        )
    for item in items.values():
        DokumenFactory(page=item)

    announcements = PengumumanIndexPageFactory(parent=ppid)
    PengumumanPageFactory(
        parent=announcements,
        title="Banjir DAS Wampu",
        tingkat=TingkatPengumuman.AWAS,
        pesan="Air sungai naik: warga bantaran segera mengungsi.",
    )
    PengumumanPageFactory(
        parent=announcements,
        title="Gangguan air bersih",
        tingkat=TingkatPengumuman.WASPADA,
        mulai=timezone.now() - datetime.timedelta(hours=2),
    )

    news = BeritaIndexPageFactory(parent=home, introduction="Kabar terbaru.")
    articles = [
        BeritaPageFactory(
            parent=news,
            title=f"Berita pembangunan {number}",
            image=wagtail_factories.ImageFactory(title=f"Foto {number}"),
        )
        for number in range(4)
    ]
    articles[0].tags.add("pembangunan")
    articles[0].save()

    home.body = [
        *[(block.block_type, block.value) for block in home.body],
        ("latest_announcements", {"heading": "Pengumuman serta-merta", "count": 3}),
        ("latest_news", {"heading": "Berita terbaru", "count": 3}),
    ]
    home.save()
    return SimpleNamespace(
        url=portal_site.url,
        ppid=ppid,
        dip_index=dip_index,
        items=items,
        news=news,
        article=articles[0],
    )


def assert_no_sideways_scroll(tab):
    width = tab.evaluate("document.documentElement.scrollWidth")
    assert width <= tab.viewport_size["width"], f"{tab.url} scrolls sideways"


def test_dip_filter_by_category_on_a_phone(kip_site, phone):
    phone.goto(kip_site.url + kip_site.dip_index.url)
    rows = phone.locator("tbody .dip-table__row")
    expect(rows).to_have_count(len(DIP_ITEMS))
    assert_no_sideways_scroll(phone)

    phone.get_by_label("Kategori", exact=True).select_option("serta_merta")
    phone.get_by_role("button", name="Terapkan filter").click()

    expect(phone).to_have_url(re.compile(r"[?&]kategori=serta_merta"))
    expect(phone.get_by_role("status")).to_have_text("2 informasi publik")
    expect(rows).to_have_count(2)
    for row in rows.all():
        expect(row).to_contain_text("Serta-merta")
    expect(
        rows.get_by_role("link", name="Peringatan dini banjir DAS Wampu")
    ).to_be_visible()
    expect(phone.get_by_role("link", name="Unduh CSV")).to_have_attribute(
        "href", re.compile(r"unduh/csv/\?.*kategori=serta_merta")
    )
    assert_no_sideways_scroll(phone)

    phone.get_by_role("link", name="Atur ulang").click()
    expect(rows).to_have_count(len(DIP_ITEMS))


def test_the_serta_merta_banner_leads_every_page(kip_site, phone):
    phone.goto(kip_site.url + kip_site.article.url)

    banner = phone.get_by_role("region", name="Pengumuman serta-merta")
    expect(banner).to_be_visible()
    expect(banner).to_contain_text("Air sungai naik: warga bantaran segera mengungsi.")
    banner.get_by_role("link", name=re.compile("Banjir DAS Wampu")).click()
    expect(phone.get_by_role("heading", level=1)).to_have_text("Banjir DAS Wampu")


@pytest.mark.parametrize("viewport", ["desktop", "phone"])
@pytest.mark.parametrize("target", ["home", "dip_index", "exempt_item", "article"])
def test_axe_finds_no_serious_issue_on_the_kip_pages(
    kip_site, request, viewport, target
):
    tab = request.getfixturevalue(viewport)
    urls = {
        "home": "/",
        "dip_index": kip_site.dip_index.url,
        "exempt_item": kip_site.items["Data penerima bantuan sosial"].url,
        "article": kip_site.article.url,
    }
    tab.goto(kip_site.url + urls[target])
    expect(tab.get_by_role("heading", level=1)).to_have_count(1)

    assert_no_serious_a11y_violations(tab)
    assert_no_sideways_scroll(tab)
