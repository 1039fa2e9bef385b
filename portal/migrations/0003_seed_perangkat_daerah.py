"""Seeds the regency's offices (OPD); admins edit the list afterwards."""

from django.db import migrations
from django.utils.text import slugify

OFFICES = [
    ("Sekretariat Daerah", "Setda", "sekretariat"),
    ("Sekretariat DPRD", "Setwan", "sekretariat"),
    ("Inspektorat", "Inspektorat", "inspektorat"),
    ("Dinas Pendidikan", "Disdik", "dinas"),
    ("Dinas Kesehatan", "Dinkes", "dinas"),
    ("Dinas Pekerjaan Umum dan Penataan Ruang", "Dinas PUPR", "dinas"),
    ("Dinas Perumahan, Kawasan Permukiman dan Pertanahan", "Disperkimtan", "dinas"),
    ("Dinas Sosial", "Dinsos", "dinas"),
    ("Dinas Tenaga Kerja", "Disnaker", "dinas"),
    (
        "Dinas Pemberdayaan Perempuan, Perlindungan Anak, Pengendalian Penduduk dan "
        "Keluarga Berencana",
        "DP3AP2KB",
        "dinas",
    ),
    ("Dinas Ketahanan Pangan", "DKP", "dinas"),
    ("Dinas Lingkungan Hidup", "DLH", "dinas"),
    ("Dinas Kependudukan dan Pencatatan Sipil", "Disdukcapil", "dinas"),
    ("Dinas Pemberdayaan Masyarakat dan Desa", "Dinas PMD", "dinas"),
    ("Dinas Perhubungan", "Dishub", "dinas"),
    ("Dinas Komunikasi dan Informatika", "Diskominfo", "dinas"),
    ("Dinas Koperasi, Usaha Kecil dan Menengah", "Diskop UKM", "dinas"),
    ("Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", "DPMPTSP", "dinas"),
    ("Dinas Pemuda, Olahraga dan Pariwisata", "Disporapar", "dinas"),
    ("Dinas Perpustakaan dan Kearsipan", "Dispusip", "dinas"),
    ("Dinas Pertanian", "Distan", "dinas"),
    ("Dinas Kelautan dan Perikanan", "DKP Perikanan", "dinas"),
    ("Dinas Perindustrian dan Perdagangan", "Disperindag", "dinas"),
    ("Badan Perencanaan Pembangunan Daerah", "Bappeda", "badan"),
    ("Badan Pengelolaan Keuangan dan Aset Daerah", "BPKAD", "badan"),
    ("Badan Pendapatan Daerah", "Bapenda", "badan"),
    ("Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", "BKPSDM", "badan"),
    ("Badan Kesatuan Bangsa dan Politik", "Kesbangpol", "badan"),
    ("Badan Penanggulangan Bencana Daerah", "BPBD", "badan"),
    ("Satuan Polisi Pamong Praja", "Satpol PP", "satuan"),
]


def seed_offices(apps, schema_editor):
    PerangkatDaerah = apps.get_model("portal", "PerangkatDaerah")
    for nama, singkatan, jenis in OFFICES:
        PerangkatDaerah.objects.get_or_create(
            nama=nama,
            defaults={"singkatan": singkatan, "slug": slugify(singkatan), "jenis": jenis},
        )


class Migration(migrations.Migration):
    dependencies = [("portal", "0002_load_wilayah")]

    operations = [migrations.RunPython(seed_offices, migrations.RunPython.noop)]
