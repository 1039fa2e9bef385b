"""e-pasar's part of ``generate_scale_data``: live product pages of the demo UMKM.

Pages go in through ``portal.scale_kit.bulk_create_pages`` (no revisions, not in
the search index until ``update_index``). Needs ``load_demo_data``.
"""

from django.core.management.base import CommandError

from pasar.models import UMKM, KategoriProduk, PasarIndexPage, ProdukPage
from portal.scale_kit import Progress, batches, bulk_create_pages

OPTION = "produk"
HELP = "Number of live e-pasar product pages (produk) to add."


def real_data_exists():
    """Products are public pages, not citizens' records: scale rows never clash."""
    return False


def generate(count, rng, stream):
    index = PasarIndexPage.objects.live().first()
    businesses = list(UMKM.objects.filter(terverifikasi=True))
    categories = list(KategoriProduk.objects.all())
    if index is None or not businesses or not categories:
        raise CommandError("Muat data contoh dahulu: manage.py load_demo_data.")
    progress = Progress(OPTION, count, stream)
    number = ProdukPage.objects.count()
    for size in batches(count, 1000):
        pages = []
        for _index in range(size):
            number += 1
            umkm = rng.choice(businesses)
            price = rng.randrange(5, 500) * 1000
            pages.append(
                ProdukPage(
                    title=f"Produk Uji Skala {number}",
                    slug=f"produk-uji-skala-{number}",
                    umkm=umkm,
                    owner_id=umkm.pemilik_id,
                    kategori=rng.choice(categories),
                    kecamatan_id=umkm.kecamatan_id,
                    deskripsi="Produk buatan untuk uji beban.",
                    harga=price,
                    harga_maks=price * 2 if rng.random() < 0.2 else None,
                    satuan="per buah",
                )
            )
        bulk_create_pages(index, pages)
        progress.advance(size)
    return count
