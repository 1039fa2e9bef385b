"""generate_scale_data at tiny sizes: rows, a sound page tree, exact statistics."""

import io
from http import HTTPStatus

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Page

from layanan.models import Permohonan, SurveiIKM
from pasar.models import ProdukPage
from pengaduan.models import Laporan
from pengaduan.statistics import compute_statistics
from portal.working_days import to_local_date
from ppid.models import InformasiPublikPage, PermohonanInformasi
from tests.layanan.factories import StandarLayananFactory
from tests.pasar.factories import (
    KategoriProdukFactory,
    PasarIndexPageFactory,
    UMKMFactory,
)
from tests.pengaduan.factories import (
    KategoriLaporanFactory,
    LaporanFactory,
    create_elaga_page,
)
from tests.ppid.factories import InformasiPublikIndexPageFactory, PPIDPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_site(home_page):
    """The pages and reference rows the generator builds on (as the demo has)."""
    create_elaga_page(home_page)
    KategoriLaporanFactory(slug="jalan", target_hari_kerja=14)
    StandarLayananFactory()
    PasarIndexPageFactory(parent=home_page)
    UMKMFactory()
    KategoriProdukFactory(nama="Kuliner", slug="kuliner")
    InformasiPublikIndexPageFactory(parent=PPIDPageFactory(parent=home_page))


def generate(*arguments):
    stderr = io.StringIO()
    call_command("generate_scale_data", *arguments, stdout=io.StringIO(), stderr=stderr)
    return stderr.getvalue()


def test_generates_every_kind_with_a_sound_tree_and_exact_statistics(client, demo_site):
    progress = generate(
        "--laporan", "60", "--permohonan", "30", "--produk", "12", "--dip", "8",
        "--kip", "10",
    )  # fmt: skip
    assert "laporan" in progress and "60/60" in progress
    assert Laporan.objects.count() == 60
    assert Permohonan.objects.count() == 30
    assert SurveiIKM.objects.exists()
    assert PermohonanInformasi.objects.count() == 10
    assert ProdukPage.objects.live().count() == 12
    assert InformasiPublikPage.objects.live().count() == 8
    assert Page.find_problems() == ([], [], [], [], [])

    product = ProdukPage.objects.live().last()
    assert client.get(product.url).status_code == HTTPStatus.OK
    item = InformasiPublikPage.objects.live().last()
    assert client.get(item.url).status_code == HTTPStatus.OK

    years = {
        to_local_date(moment).year
        for moment in Laporan.objects.values_list("diterima_pada", flat=True)
    }
    received = sum(compute_statistics(year).total.received for year in years)
    assert received == 60


def test_refuses_a_database_with_real_reports_unless_forced(demo_site):
    LaporanFactory(email="warga.asli@gmail.com")
    with pytest.raises(CommandError, match="data warga yang nyata"):
        generate("--laporan", "5")
    assert Laporan.objects.count() == 1
    generate("--laporan", "5", "--force")
    assert Laporan.objects.count() == 6


def test_asks_for_an_amount(demo_site):
    with pytest.raises(CommandError, match="Sebutkan jumlah data"):
        generate()
