"""Admin of e-pasar: UMKM profiles (verification) and product categories.

Products themselves are pages: moderators approve them or request changes through
Wagtail's workflow UI ("Menunggu tinjauan Anda" on the dashboard, the page editor's
workflow actions).
"""

import django_filters
from django.contrib import messages
from django.contrib.admin.utils import quote
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import Button
from wagtail.snippets.views.snippets import SnippetViewSet

from pasar import services
from pasar.models import UMKM, KategoriProduk
from portal.admin_scoping import ServiceRecordPermissionPolicy
from portal.models import Kecamatan
from portal.roles import MODERATOR_PASAR, group_names
from portal.validators import validation_messages

UMKM_URL_NAMESPACE = "umkm"
OWNER_EMAIL_COLUMN = "email_pemilik"


def is_market_moderator(user):
    """Moderator Pasar members (and superusers) decide on UMKM and see owners' emails."""
    return user.is_active and (
        user.is_superuser or MODERATOR_PASAR in group_names(user)
    )


class UMKMPermissionPolicy(ServiceRecordPermissionPolicy):
    """Profiles are created by owners on the public site: never added in the admin;
    only superusers delete them (products protect them anyway)."""


class UMKMFilterSet(WagtailFilterSet):
    terverifikasi = django_filters.BooleanFilter(label=_("Terverifikasi"))
    kecamatan = django_filters.ModelChoiceFilter(
        label=_("Kecamatan"), queryset=Kecamatan.objects.order_by("nama")
    )

    class Meta:
        model = UMKM
        fields = ["terverifikasi", "kecamatan"]


def verify_button_url(umkm):
    return reverse(f"{UMKM_URL_NAMESPACE}:verify", args=[quote(umkm.pk)])


class UMKMIndexView(generic.IndexView):
    """The UMKM list; the owner's email only for market moderators."""

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("kecamatan", "pemilik")

    @cached_property
    def columns(self):
        columns = super().columns
        if is_market_moderator(self.request.user):
            return columns
        return [column for column in columns if column.name != OWNER_EMAIL_COLUMN]

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if not instance.terverifikasi and is_market_moderator(self.request.user):
            buttons.append(
                Button(
                    _("Verifikasi"),
                    url=verify_button_url(instance),
                    icon_name="success",
                    priority=5,
                )
            )
        return buttons


class UMKMEditView(generic.EditView):
    """Moderators may correct a profile; verification has its own action."""

    @cached_property
    def header_more_buttons(self):
        buttons = super().header_more_buttons
        if not self.object.terverifikasi and is_market_moderator(self.request.user):
            buttons.append(
                Button(
                    _("Verifikasi"),
                    url=verify_button_url(self.object),
                    icon_name="success",
                    priority=5,
                )
            )
        return buttons


class UMKMVerifyView(WagtailAdminTemplateMixin, TemplateView):
    """Confirm (GET) and verify (POST) an UMKM profile; the owner is emailed."""

    template_name = "pasar/admin/confirm_verify.html"
    page_title = _("Verifikasi UMKM")
    header_icon = "success"
    index_url_name = None
    edit_url_name = None

    def dispatch(self, request, pk):
        if not is_market_moderator(request.user):
            raise PermissionDenied
        self.object = get_object_or_404(
            UMKM.objects.select_related("pemilik", "kecamatan"), pk=pk
        )
        return super().dispatch(request, pk)

    def get_page_subtitle(self):
        return self.object.nama_usaha

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            {
                "umkm": self.object,
                "verify_url": verify_button_url(self.object),
                "cancel_url": reverse(self.index_url_name),
            }
        )
        return context

    def post(self, request, pk):
        try:
            services.verify_umkm(self.object, request.user)
        except ValidationError as error:
            for message in validation_messages(error):
                messages.error(request, message)
        else:
            messages.success(
                request,
                _("UMKM %(name)s terverifikasi; pemilik diberi tahu lewat email.")
                % {"name": self.object.nama_usaha},
            )
        return redirect(self.index_url_name)


class UMKMViewSet(ModelViewSet):
    """UMKM profiles: list, correct and verify."""

    model = UMKM
    name = UMKM_URL_NAMESPACE
    icon = "group"
    menu_label = _("UMKM")
    menu_order = 100
    index_view_class = UMKMIndexView
    edit_view_class = UMKMEditView
    filterset_class = UMKMFilterSet
    search_fields = ["nama_usaha", "alamat", "nib"]
    search_backend_name = None
    copy_view_enabled = False
    list_display = [
        "nama_usaha",
        "kecamatan",
        BooleanColumn("terverifikasi", label=_("Terverifikasi")),
        Column(
            OWNER_EMAIL_COLUMN,
            label=_("Email pemilik"),
            accessor=lambda umkm: umkm.pemilik.email,
        ),
        "dibuat_pada",
    ]
    list_export = [
        "nama_usaha",
        "nib",
        "kecamatan",
        "alamat",
        "whatsapp",
        "terverifikasi",
        "diverifikasi_pada",
        "dibuat_pada",
    ]
    export_filename = "umkm-e-pasar"
    panels = [
        FieldPanel("nama_usaha"),
        FieldPanel("slug"),
        FieldPanel("nib"),
        FieldPanel("kecamatan"),
        FieldPanel("desa"),
        FieldPanel("alamat"),
        FieldPanel("whatsapp"),
        FieldPanel("deskripsi"),
        FieldPanel("logo"),
    ]

    @property
    def verify_view(self):
        return UMKMVerifyView.as_view(index_url_name=self.get_url_name("index"))

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("verifikasi/<int:pk>/", self.verify_view, name="verify"),
        ]


class KategoriProdukViewSet(SnippetViewSet):
    """Product categories of the catalogue."""

    model = KategoriProduk
    icon = "tag"
    menu_label = _("Kategori produk")
    list_display = ["nama", "slug", "urutan"]
    search_fields = ["nama"]
    search_backend_name = None
    copy_view_enabled = False


class PasarViewSetGroup(ViewSetGroup):
    """The "e-pasar" admin menu."""

    menu_label = _("e-pasar")
    menu_icon = "tag"
    menu_order = 270
    items = [UMKMViewSet, KategoriProdukViewSet]
