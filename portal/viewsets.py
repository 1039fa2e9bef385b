"""Admin views for the shared reference data (DESIGN §3) and login lockouts."""

from axes.models import AccessAttempt
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from portal.admin_views import SafeExportIndexView
from portal.models import Desa, HariLibur, Kecamatan, PerangkatDaerah, ProfilPetugas


class KecamatanIndexView(IndexView):
    def get_base_queryset(self):
        queryset = super().get_base_queryset()
        return queryset.annotate(jumlah_desa=Count("desa")).order_by("nama")


class KecamatanViewSet(ModelViewSet):
    """The 23 kecamatan, read-only (loaded from reference data)."""

    model = Kecamatan
    icon = "site"
    menu_label = _("Kecamatan")
    index_view_class = KecamatanIndexView
    list_display = ["nama", Column("jumlah_desa", label=_("Jumlah desa/kelurahan"))]
    form_fields = ["nama", "slug"]
    search_fields = ["nama"]
    search_backend_name = None
    inspect_view_enabled = True
    copy_view_enabled = False


class DesaIndexView(IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("kecamatan")


class DesaViewSet(ModelViewSet):
    """The 277 desa/kelurahan, read-only, filterable by kecamatan."""

    model = Desa
    icon = "home"
    menu_label = _("Desa/Kelurahan")
    index_view_class = DesaIndexView
    list_display = ["nama", "kecamatan", "jenis", "kode_pos"]
    form_fields = ["kecamatan", "nama", "jenis", "kode_pos"]
    list_filter = ["kecamatan", "jenis"]
    search_fields = ["nama", "kode_pos"]
    search_backend_name = None
    list_per_page = 50
    inspect_view_enabled = True
    copy_view_enabled = False


class PerangkatDaerahViewSet(ModelViewSet):
    """The regency's offices (OPD), editable by the Admin Portal."""

    model = PerangkatDaerah
    icon = "group"
    menu_label = _("Perangkat Daerah")
    index_view_class = SafeExportIndexView
    list_display = ["nama", "singkatan", "jenis", "telepon", "aktif"]
    list_filter = ["jenis", "aktif"]
    list_export = [
        "nama",
        "singkatan",
        "jenis",
        "alamat",
        "telepon",
        "email",
        "situs_web",
    ]
    export_filename = "perangkat-daerah"
    search_fields = ["nama", "singkatan"]
    search_backend_name = None
    inspect_view_enabled = True
    copy_view_enabled = False


class HariLiburViewSet(ModelViewSet):
    """Extra closures counted as non-working days in every deadline."""

    model = HariLibur
    icon = "date"
    menu_label = _("Hari Libur Tambahan")
    list_display = ["tanggal", "nama"]
    search_fields = ["nama"]
    search_backend_name = None
    copy_view_enabled = False


class ProfilPetugasIndexView(IndexView):
    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .select_related("user", "perangkat_daerah", "kecamatan")
        )


class ProfilPetugasViewSet(ModelViewSet):
    """Which OPD or kecamatan each officer works for."""

    model = ProfilPetugas
    icon = "user"
    menu_label = _("Penugasan Petugas")
    index_view_class = ProfilPetugasIndexView
    list_display = ["user", "perangkat_daerah", "kecamatan", "jabatan"]
    list_filter = ["perangkat_daerah", "kecamatan"]
    search_fields = ["user__username", "user__first_name", "user__last_name", "jabatan"]
    search_backend_name = None
    copy_view_enabled = False


class ReferenceDataGroup(ViewSetGroup):
    """The "Data Referensi" menu."""

    menu_label = _("Data Referensi")
    menu_icon = "table"
    menu_order = 900
    items = [
        KecamatanViewSet,
        DesaViewSet,
        PerangkatDaerahViewSet,
        HariLiburViewSet,
        ProfilPetugasViewSet,
    ]


class LoginLockoutViewSet(ModelViewSet):
    """Failed logins counted by django-axes; deleting a row unlocks that login."""

    model = AccessAttempt
    icon = "lock"
    menu_label = _("Login terkunci")
    menu_order = 900
    add_to_settings_menu = True
    url_prefix = "login-terkunci"
    name = "login_lockouts"
    list_display = [
        Column("username", label=_("Nama pengguna / email")),
        Column("ip_address", label=_("Alamat IP")),
        Column("failures_since_start", label=_("Gagal")),
        Column("path_info", label=_("Halaman login")),
        Column("attempt_time", label=_("Percobaan terakhir")),
    ]
    list_filter = ["path_info"]
    search_fields = ["username", "ip_address"]
    search_backend_name = None
    ordering = ["-attempt_time"]
    form_fields = ["username", "ip_address", "failures_since_start"]
    inspect_view_enabled = True
    inspect_view_fields = [
        "username",
        "ip_address",
        "path_info",
        "failures_since_start",
        "attempt_time",
        "user_agent",
    ]
    copy_view_enabled = False
