"""The admin roles of DESIGN §5; their groups are created by a migration."""

from django.utils.translation import gettext_lazy as _

ADMIN_PORTAL = "Admin Portal"
EDITOR_PPID = "Editor PPID"
EDITOR_INFORMASI_PUBLIK = "Editor Informasi Publik"
ATASAN_PPID = "Atasan PPID"
MODERATOR_PENGADUAN = "Moderator Pengaduan"
PETUGAS_OPD = "Petugas OPD"
PETUGAS_KECAMATAN = "Petugas Kecamatan"
EDITOR_LAYANAN = "Editor Layanan"
MODERATOR_PASAR = "Moderator Pasar"

ROLE_DESCRIPTIONS = {
    ADMIN_PORTAL: _(
        "Mengelola pengaturan, pengguna, data wilayah dan perangkat daerah."
    ),
    EDITOR_PPID: _(
        "Menyetujui halaman Informasi Publik dan menjawab permohonan informasi."
    ),
    EDITOR_INFORMASI_PUBLIK: _(
        "Menyusun halaman Informasi Publik (PPID, DIP, pengumuman); perubahan "
        "tayang setelah disetujui PPID."
    ),
    ATASAN_PPID: _("Menjawab keberatan atas keputusan PPID."),
    MODERATOR_PENGADUAN: _(
        "Memverifikasi, mendisposisikan dan menjawab laporan e-laga."
    ),
    PETUGAS_OPD: _("Menindaklanjuti laporan yang didisposisikan ke OPD-nya."),
    PETUGAS_KECAMATAN: _("Memproses permohonan layanan di kecamatannya."),
    EDITOR_LAYANAN: _("Mengelola standar layanan kecamatan."),
    MODERATOR_PASAR: _("Menyetujui atau mengembalikan halaman produk UMKM."),
}

ALL_ROLES = list(ROLE_DESCRIPTIONS)


def group_names(user):
    """The names of ``user``'s groups, read once per request (cached on the user)."""
    if not hasattr(user, "_portal_group_names"):
        user._portal_group_names = set(user.groups.values_list("name", flat=True))
    return user._portal_group_names
