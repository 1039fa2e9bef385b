import pytest

from portal.models import PerangkatDaerah
from ppid.choices import KategoriInformasi
from tests.ppid.factories import (
    InformasiPublikIndexPageFactory,
    InformasiPublikPageFactory,
    PPIDPageFactory,
)


@pytest.fixture
def ppid_page(home_page):
    return PPIDPageFactory(parent=home_page)


@pytest.fixture
def dip_index(ppid_page):
    return InformasiPublikIndexPageFactory(parent=ppid_page)


@pytest.fixture
def sample_dip(dip_index):
    """Five items across categories, offices and years."""
    dinkes = PerangkatDaerah.objects.get(slug="dinkes")
    bpbd = PerangkatDaerah.objects.get(slug="bpbd")
    return {
        "apbd": InformasiPublikPageFactory(
            parent=dip_index, title="APBD 2026", nomor="DIP-1", tahun=2026
        ),
        "renstra": InformasiPublikPageFactory(
            parent=dip_index,
            title="Renstra Dinas Kesehatan",
            nomor="DIP-2",
            tahun=2025,
            perangkat_daerah=dinkes,
        ),
        "banjir": InformasiPublikPageFactory(
            parent=dip_index,
            title="Peringatan banjir",
            nomor="DIP-3",
            kategori=KategoriInformasi.SERTA_MERTA,
            perangkat_daerah=bpbd,
        ),
        "sop": InformasiPublikPageFactory(
            parent=dip_index,
            title="SOP PPID",
            nomor="DIP-4",
            kategori=KategoriInformasi.SETIAP_SAAT,
        ),
        "bansos": InformasiPublikPageFactory(
            parent=dip_index,
            title="Data penerima bansos",
            nomor="DIP-5",
            kategori=KategoriInformasi.DIKECUALIKAN,
            dasar_pengecualian="h",
            uji_konsekuensi="Mengungkap data pribadi penerima bantuan.",
        ),
    }
