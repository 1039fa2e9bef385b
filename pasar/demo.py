"""Demo content of e-pasar: the market page, categories, UMKM with owner accounts, and
products with generated photos, built through the e-pasar services as owners and
moderators would: most products published, a few waiting for moderation and one
sent back with a moderator's comment.
"""

import datetime
import random
import secrets
from io import BytesIO

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.rich_text import RichText

from pasar import services
from pasar.models import UMKM, KategoriProduk, PasarIndexPage, ProdukPage
from pasar.moderation import ensure_moderation_setup
from portal.demo import add_area_index
from portal.models import Kecamatan
from portal.roles import MODERATOR_PASAR
from portal.uploads import clean_upload

MODERATOR_USERNAME = "moderator.pasar"
#: The owner whose login the demo prints.
SHOWN_OWNER = "dapur.melayu@example.com"

# (slug, name, description, colour of the photos)
CATEGORIES = [
    ("kuliner", "Kuliner", "Makanan dan minuman olahan UMKM Langkat.", "#b45309"),
    ("kerajinan", "Kerajinan", "Anyaman, ukiran dan kerajinan tangan.", "#6d28d9"),
    ("pertanian", "Pertanian", "Hasil kebun dan olahan pertanian.", "#15803d"),
    ("perikanan", "Perikanan", "Hasil laut dan tambak pesisir Langkat.", "#0369a1"),
    ("fesyen", "Fesyen", "Tenun, songket, batik dan busana.", "#be123c"),
]

# (owner email, business name, kecamatan, category, about, products)
# product: (title, price, top price or None, unit, tags)
UMKM_DATA = [
    (
        SHOWN_OWNER,
        "Dapur Melayu Stabat",
        "Stabat",
        "kuliner",
        "Kue dan masakan Melayu Langkat buatan rumah, dipesan untuk kenduri dan oleh-oleh.",
        [
            ("Rendang Daging Sapi", 90000, 150000, "per 500 g", ["rendang", "lauk"]),
            ("Kue Bangkit Santan", 35000, None, "per toples", ["kue kering"]),
            ("Lemang Bambu", 25000, None, "per batang", ["lemang"]),
            ("Dodol Pulut Hitam", 30000, None, "per kotak", ["dodol", "oleh-oleh"]),
        ],
    ),
    (
        "keripik.brandan@example.com",
        "Keripik Brandan Jaya",
        "Babalan",
        "kuliner",
        "Keripik pisang, ubi dan sukun dari petani Babalan, digoreng tiap hari.",
        [
            ("Keripik Pisang Kepok", 15000, None, "per bungkus 250 g", ["keripik"]),
            ("Keripik Ubi Balado", 12000, None, "per bungkus 250 g", ["keripik"]),
            ("Keripik Sukun", 18000, None, "per bungkus 200 g", ["keripik"]),
            ("Rempeyek Kacang", 10000, None, "per bungkus", ["rempeyek"]),
        ],
    ),
    (
        "kopi.bahorok@example.com",
        "Kopi Lembah Bahorok",
        "Bahorok",
        "pertanian",
        "Kopi robusta dan arabika dari lereng Leuser, disangrai dalam jumlah kecil.",
        [
            ("Kopi Robusta Bubuk", 35000, 65000, "per 250-500 g", ["kopi"]),
            ("Kopi Arabika Biji", 85000, None, "per 250 g", ["kopi"]),
            ("Madu Hutan Leuser", 120000, None, "per botol 500 ml", ["madu"]),
            ("Gula Aren Cetak", 25000, None, "per kg", ["gula aren"]),
        ],
    ),
    (
        "ikan.asin.pangkalan@example.com",
        "Ikan Asin Pangkalan Susu",
        "Pangkalan Susu",
        "perikanan",
        "Ikan asin, teri dan udang kering dari nelayan Pangkalan Susu, dijemur tanpa pengawet.",
        [
            ("Ikan Teri Medan", 45000, None, "per 250 g", ["teri", "ikan asin"]),
            ("Udang Kering", 60000, None, "per 250 g", ["udang"]),
            ("Ikan Asin Gulama", 40000, None, "per 500 g", ["ikan asin"]),
            ("Terasi Udang", 20000, None, "per bungkus", ["terasi"]),
        ],
    ),
    (
        "songket.tanjungpura@example.com",
        "Songket Tanjungpura",
        "Tanjungpura",
        "fesyen",
        "Tenun songket Melayu Langkat dengan motif pucuk rebung dan bunga cengkih.",
        [
            ("Kain Songket Pucuk Rebung", 750000, 1500000, "per helai", ["songket"]),
            ("Selendang Songket", 350000, None, "per helai", ["songket"]),
            ("Tanjak Melayu", 150000, None, "per buah", ["tanjak"]),
            ("Peci Songket", 120000, None, "per buah", ["songket"]),
        ],
    ),
    (
        "anyaman.secanggang@example.com",
        "Anyaman Pandan Secanggang",
        "Secanggang",
        "kerajinan",
        "Tikar, tas dan topi anyaman pandan laut buatan ibu-ibu pesisir Secanggang.",
        [
            ("Tikar Pandan", 150000, 250000, "per lembar", ["anyaman", "pandan"]),
            ("Tas Anyaman Pandan", 85000, None, "per buah", ["anyaman", "tas"]),
            ("Topi Pandan", 40000, None, "per buah", ["anyaman"]),
            ("Bakul Nasi Pandan", 35000, None, "per buah", ["anyaman"]),
        ],
    ),
    (
        "tambak.kuala@example.com",
        "Tambak Kepiting Kuala",
        "Kuala",
        "perikanan",
        "Kepiting bakau dan udang windu segar dari tambak rakyat.",
        [
            ("Kepiting Bakau Segar", 120000, 180000, "per kg", ["kepiting"]),
            ("Udang Windu", 110000, None, "per kg", ["udang"]),
            ("Ikan Bandeng Presto", 45000, None, "per ekor", ["bandeng"]),
            ("Kerupuk Kepiting", 25000, None, "per bungkus", ["kerupuk"]),
        ],
    ),
    (
        "sawit.seberang@example.com",
        "Tani Makmur Sawit Seberang",
        "Sawit Seberang",
        "pertanian",
        "Kelompok tani sayur dan buah; panen dikirim langsung ke pembeli.",
        [
            ("Jeruk Manis Langkat", 25000, None, "per kg", ["jeruk", "buah"]),
            ("Cabai Merah Keriting", 45000, None, "per kg", ["cabai"]),
            ("Beras Lokal Pulen", 75000, None, "per karung 5 kg", ["beras"]),
            ("Pisang Barangan", 30000, None, "per sisir", ["pisang"]),
        ],
    ),
    (
        "rotan.salapian@example.com",
        "Rotan Salapian",
        "Salapian",
        "kerajinan",
        "Kursi, keranjang dan hiasan rotan dari pengrajin kaki Bukit Barisan.",
        [
            ("Kursi Rotan Teras", 450000, None, "per buah", ["rotan", "mebel"]),
            ("Keranjang Rotan", 65000, 120000, "per buah", ["rotan"]),
            ("Tudung Saji Rotan", 55000, None, "per buah", ["rotan"]),
            ("Lampu Hias Rotan", 95000, None, "per buah", ["rotan", "lampu"]),
        ],
    ),
    (
        "batik.binjai@example.com",
        "Batik Tulis Langkat",
        "Binjai",
        "fesyen",
        "Batik tulis dan cap bermotif daun tembakau Deli dan rumah panggung Melayu.",
        [
            ("Kemeja Batik Tembakau", 185000, None, "per potong", ["batik"]),
            ("Kain Batik Tulis", 350000, 600000, "per 2 meter", ["batik"]),
            ("Daster Batik", 85000, None, "per potong", ["batik"]),
            ("Masker Kain Batik", 15000, None, "per buah", ["batik"]),
        ],
    ),
    (
        "sambal.hinai@example.com",
        "Sambal Andaliman Hinai",
        "Hinai",
        "kuliner",
        "Sambal dan bumbu siap masak dalam botol kaca, tanpa bahan pengawet.",
        [
            ("Sambal Teri Andaliman", 35000, None, "per botol 200 g", ["sambal"]),
            ("Sambal Cumi", 45000, None, "per botol 200 g", ["sambal"]),
            ("Bumbu Rendang Instan", 20000, None, "per bungkus", ["bumbu"]),
            ("Kerupuk Jengkol", 15000, None, "per bungkus", ["kerupuk"]),
        ],
    ),
    (
        "ukir.besitang@example.com",
        "Ukiran Kayu Besitang",
        "Besitang",
        "kerajinan",
        "Ukiran kayu dan miniatur rumah adat dari sisa kayu kebun.",
        [
            ("Miniatur Rumah Melayu", 250000, None, "per buah", ["ukiran"]),
            ("Talenan Kayu Ukir", 60000, None, "per buah", ["ukiran", "dapur"]),
            ("Gantungan Kunci Kayu", 10000, None, "per buah", ["suvenir"]),
            ("Kotak Tisu Ukir", 75000, None, "per buah", ["ukiran"]),
        ],
    ),
    (
        "jamur.padangtualang@example.com",
        "Jamur Tiram Padang Tualang",
        "Padang Tualang",
        "pertanian",
        "Budidaya jamur tiram dan olahannya: segar, keripik dan nugget.",
        [
            ("Jamur Tiram Segar", 25000, None, "per kg", ["jamur"]),
            ("Keripik Jamur", 20000, None, "per bungkus", ["jamur", "keripik"]),
            ("Nugget Jamur", 30000, None, "per kotak", ["jamur"]),
            ("Bibit Jamur (Baglog)", 3500, None, "per baglog", ["jamur", "bibit"]),
        ],
    ),
    (
        "bordir.gebang@example.com",
        "Bordir Kerawang Gebang",
        "Gebang",
        "fesyen",
        "Kerudung, baju kurung dan mukena dengan bordir kerawang.",
        [
            ("Kerudung Bordir", 65000, None, "per helai", ["bordir"]),
            ("Baju Kurung Bordir", 250000, 350000, "per stel", ["bordir"]),
            ("Mukena Bordir", 175000, None, "per stel", ["bordir", "mukena"]),
            ("Taplak Meja Bordir", 90000, None, "per helai", ["bordir"]),
        ],
    ),
    (
        "olahan.wampu@example.com",
        "Olahan Nanas Wampu",
        "Wampu",
        "kuliner",
        "Selai, dodol dan keripik nanas dari kebun nanas Wampu. Profil menunggu verifikasi.",
        [
            ("Selai Nanas", 25000, None, "per botol", ["nanas", "selai"]),
            ("Dodol Nanas", 20000, None, "per kotak", ["nanas", "dodol"]),
        ],
    ),
]

#: Business names whose profile waits for verification (no product goes live).
UNVERIFIED = {"Olahan Nanas Wampu"}
#: Products sent to moderation and still waiting.
IN_MODERATION = {
    "Bibit Jamur (Baglog)",
    "Taplak Meja Bordir",
    "Masker Kain Batik",
    "Selai Nanas",
}
#: The product a moderator sent back, with the comment the owner sees.
CHANGES_REQUESTED = {
    "Kotak Tisu Ukir": (
        "Foto produk masih buram dan harga belum mencantumkan ukuran. Mohon unggah "
        "foto yang lebih jelas dan tulis ukuran kotak pada deskripsi."
    ),
}
#: Products moderators feature on the home page.
FEATURED = {
    "Kain Songket Pucuk Rebung",
    "Kopi Robusta Bubuk",
    "Rendang Daging Sapi",
    "Tikar Pandan",
}


def load(stdout, style):
    """Build the e-pasar page, categories, UMKM with owners, and products."""
    index = _index_page()
    ensure_moderation_setup(index)
    categories = _categories()
    moderator = _moderator(stdout, style)
    created = 0
    for number, data in enumerate(UMKM_DATA):
        umkm = _umkm(stdout, style, moderator, number, *data[:5])
        created += _products(index, umkm, categories, moderator, number, data[5])
    stdout.write(
        f"  e-pasar: {len(categories)} kategori, {len(UMKM_DATA)} UMKM, "
        f"{created} produk baru."
    )


def _index_page():
    existing = PasarIndexPage.objects.first()
    if existing:
        return existing
    return add_area_index(
        PasarIndexPage(
            title="e-pasar",
            slug="e-pasar",
            show_in_menus=True,
            listing_summary=(
                "Katalog produk UMKM Langkat: kuliner, kerajinan, hasil pertanian "
                "dan perikanan, langsung dari pelaku usaha."
            ),
            introduction=RichText(
                "<p>Produk pelaku UMKM Kabupaten Langkat. Setiap produk diperiksa "
                "moderator sebelum tayang; pembeli menghubungi penjual langsung "
                "melalui WhatsApp.</p>"
            ),
        ),
        after_slug=None,
    )


def _categories():
    categories = {}
    for order, (slug, nama, deskripsi, _colour) in enumerate(CATEGORIES):
        categories[slug], _created = KategoriProduk.objects.get_or_create(
            slug=slug,
            defaults={"nama": nama, "deskripsi": deskripsi, "urutan": order},
        )
    return categories


def _moderator(stdout, style):
    User = get_user_model()
    user = User.objects.filter(username=MODERATOR_USERNAME).first()
    if user is None:
        password = secrets.token_urlsafe(12)
        user = User.objects.create_user(
            username=MODERATOR_USERNAME,
            email=f"{MODERATOR_USERNAME}@langkatkab.go.id",
            password=password,
            first_name="Moderator",
            last_name="e-pasar",
        )
        user.groups.add(Group.objects.get(name=MODERATOR_PASAR))
        stdout.write(
            style.WARNING(
                f"  Akun {MODERATOR_PASAR} dibuat: pengguna '{MODERATOR_USERNAME}', "
                f"kata sandi '{password}' (simpan sekarang; tidak akan ditampilkan "
                "lagi)."
            )
        )
    return user


def _owner(stdout, style, email, name):
    User = get_user_model()
    owner = User.objects.filter(username=email).first()
    if owner is None:
        password = secrets.token_urlsafe(12)
        first_name, _space, last_name = name.partition(" ")
        owner = User.objects.create_user(
            username=email,
            email=email,
            password=password,
            first_name=first_name,
            last_name=last_name,
        )
        if email == SHOWN_OWNER:
            stdout.write(
                style.WARNING(
                    f"  Akun pemilik UMKM dibuat: masuk di /akun/masuk/ dengan "
                    f"'{email}', kata sandi '{password}' (simpan sekarang; tidak "
                    "akan ditampilkan lagi)."
                )
            )
    return owner


def _umkm(
    stdout, style, moderator, number, email, nama_usaha, kecamatan, kategori, about
):
    owner = _owner(stdout, style, email, f"Pemilik {nama_usaha}")
    umkm = UMKM.objects.filter(pemilik=owner).first()
    if umkm is not None:
        return umkm
    colour = {slug: colour for slug, _n, _d, colour in CATEGORIES}[kategori]
    umkm = services.save_umkm_profile(
        owner,
        {
            "nama_usaha": nama_usaha,
            "kecamatan": Kecamatan.objects.get(nama=kecamatan),
            "alamat": f"Jl. Pasar No. {number + 1}, {kecamatan}",
            "whatsapp": f"+62812000{number + 1:05d}",
            "deskripsi": about,
        },
        logo=_upload(_logo(nama_usaha, colour), f"logo-{number + 1}.png"),
    )
    if nama_usaha not in UNVERIFIED:
        services.verify_umkm(umkm, moderator)
        umkm.refresh_from_db()
    return umkm


def _products(index, umkm, categories, moderator, number, products):
    if ProdukPage.objects.filter(umkm=umkm).exists():
        return 0
    rng = random.Random(number)  # noqa: S311 (repeatable demo data, not secrets)
    category_slug = UMKM_DATA[number][3]
    colour = {slug: colour for slug, _n, _d, colour in CATEGORIES}[category_slug]
    owner = umkm.pemilik
    now = timezone.now()
    for position, (title, harga, harga_maks, satuan, tags) in enumerate(products):
        photos = [
            _upload(_photo(title, colour, shape), f"produk-{number}-{position}.jpg")
            for shape in range(1 + (position % 2))
        ]
        page = services.create_product(
            umkm,
            {
                "title": title,
                "kategori": categories[category_slug],
                "deskripsi": (
                    f"{title} dari {umkm.nama_usaha}, Kecamatan "
                    f"{umkm.kecamatan.nama}. {UMKM_DATA[number][4]}"
                ),
                "harga": harga,
                "harga_maks": harga_maks,
                "satuan": satuan,
                "ketersediaan": "pesan_dulu" if position == 3 else "tersedia",
                "tags": tags,
            },
            photos,
            owner,
        )
        if title in IN_MODERATION or not umkm.terverifikasi:
            services.submit_product(page, owner)
        elif title in CHANGES_REQUESTED:
            services.submit_product(page, owner)
            _request_changes(page, moderator, CHANGES_REQUESTED[title])
        else:
            page.unggulan = title in FEATURED
            page.save_revision(user=moderator).publish(user=moderator)
            published = now - datetime.timedelta(
                days=rng.randint(1, 90), hours=rng.randint(0, 12)
            )
            ProdukPage.objects.filter(pk=page.pk).update(
                first_published_at=published, last_published_at=published
            )
    return len(products)


def _request_changes(page, moderator, comment):
    state = services.current_workflow_state(page)
    state.current_task_state.reject(user=moderator, comment=comment)


def _upload(data, filename):
    content_type = "image/png" if filename.endswith(".png") else "image/jpeg"
    return clean_upload(
        SimpleUploadedFile(filename, data, content_type=content_type), allow_pdf=False
    )


def _photo(title, colour, variant):
    """A small JPEG: the category colour, simple shapes and the product name."""
    picture = PILImage.new("RGB", (800, 600), colour)
    draw = ImageDraw.Draw(picture)
    if variant == 0:
        draw.ellipse((460, 80, 760, 380), fill="#fde68a")
        draw.rectangle((60, 360, 420, 520), fill="#ffffff")
    else:
        draw.polygon([(400, 60), (720, 520), (80, 520)], fill="#fef3c7")
        draw.ellipse((330, 300, 470, 440), fill=colour)
    draw.rectangle((0, 0, 800, 90), fill="#00000080")
    draw.text((30, 22), title, fill="white", font_size=40)
    buffer = BytesIO()
    picture.save(buffer, format="JPEG", quality=70)
    return buffer.getvalue()


def _logo(name, colour):
    """A small PNG logo: a coloured disc with the business initials."""
    picture = PILImage.new("RGB", (240, 240), "white")
    draw = ImageDraw.Draw(picture)
    draw.ellipse((10, 10, 230, 230), fill=colour)
    initials = "".join(word[0] for word in name.split()[:2]).upper()
    draw.text((62, 72), initials, fill="white", font_size=84)
    buffer = BytesIO()
    picture.save(buffer, format="PNG")
    return buffer.getvalue()
