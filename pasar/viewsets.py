"""Admin of e-pasar: UMKM profiles (verification) and product categories.

Products themselves are pages: moderators approve them or request changes through
Wagtail's workflow UI ("Menunggu tinjauan Anda" on the dashboard, the page editor's
workflow actions).
"""

from http import HTTPStatus

import django_filters
from django import forms
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
from portal.admin_views import SafeExportIndexView
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


def verification_url(umkm, action):
    """The admin address of ``action`` (``verify`` or ``unverify``) on ``umkm``."""
    return reverse(f"{UMKM_URL_NAMESPACE}:{action}", args=[quote(umkm.pk)])


def verification_buttons(umkm, user):
    """For market moderators: verify ``umkm``, or withdraw its verification."""
    if not is_market_moderator(user):
        return []
    if umkm.terverifikasi:
        return [
            Button(
                _("Cabut verifikasi"),
                url=verification_url(umkm, "unverify"),
                icon_name="circle-xmark",
                priority=5,
            )
        ]
    return [
        Button(
            _("Verifikasi"),
            url=verification_url(umkm, "verify"),
            icon_name="success",
            priority=5,
        )
    ]


class UMKMIndexView(SafeExportIndexView):
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
        buttons.extend(verification_buttons(instance, self.request.user))
        return buttons


class UMKMEditView(generic.EditView):
    """Moderators may correct a profile; verification has its own actions."""

    @cached_property
    def header_more_buttons(self):
        buttons = super().header_more_buttons
        buttons.extend(verification_buttons(self.object, self.request.user))
        return buttons


class UMKMVerificationView(WagtailAdminTemplateMixin, TemplateView):
    """Confirm (GET) and carry out (POST) a verification decision on an UMKM
    profile; market moderators only."""

    #: ``verify`` or ``unverify``: the URL name of the view.
    action = None
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
                "action_url": verification_url(self.object, self.action),
                "cancel_url": reverse(self.index_url_name),
            }
        )
        return context

    def decide(self):
        """Carry out the decision through its service."""
        raise NotImplementedError

    def get_success_message(self):
        raise NotImplementedError

    def post(self, request, pk):
        try:
            self.decide()
        except ValidationError as error:
            for message in validation_messages(error):
                messages.error(request, message)
        else:
            messages.success(request, self.get_success_message())
        return redirect(self.index_url_name)


class UMKMVerifyView(UMKMVerificationView):
    """Verify an UMKM profile: it and its live products go public; the owner is
    emailed."""

    action = "verify"
    template_name = "pasar/admin/confirm_verify.html"
    page_title = _("Verifikasi UMKM")
    header_icon = "success"

    def decide(self):
        services.verify_umkm(self.object, self.request.user)

    def get_success_message(self):
        return _("UMKM %(name)s terverifikasi; pemilik diberi tahu lewat email.") % {
            "name": self.object.nama_usaha
        }


class UnverifyForm(forms.Form):
    """Why a verification is withdrawn; the owner reads it in the email."""

    alasan = forms.CharField(
        label=_("Alasan pencabutan"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Dikirim kepada pemilik UMKM lewat email."),
    )


class UMKMUnverifyView(UMKMVerificationView):
    """Withdraw an UMKM's verification: its profile and products leave the public
    site, search, sitemap and APIs at once."""

    action = "unverify"
    template_name = "pasar/admin/confirm_unverify.html"
    page_title = _("Cabut verifikasi UMKM")
    header_icon = "circle-xmark"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["live_products"] = self.object.produk.live().count()
        context.setdefault("form", UnverifyForm())
        return context

    def post(self, request, pk):
        form = UnverifyForm(request.POST)
        if form.is_valid():
            self.reason = form.cleaned_data["alasan"]
            return super().post(request, pk)
        # The reason is required: show the form again, keeping what was typed.
        return self.render_to_response(
            self.get_context_data(form=form), status=HTTPStatus.BAD_REQUEST
        )

    def decide(self):
        services.unverify_umkm(self.object, self.request.user, self.reason)

    def get_success_message(self):
        return _(
            "Verifikasi UMKM %(name)s dicabut; profil dan produknya tidak lagi "
            "tampil untuk publik."
        ) % {"name": self.object.nama_usaha}


class UMKMViewSet(ModelViewSet):
    """UMKM profiles: list, correct, verify and withdraw verification."""

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

    @property
    def unverify_view(self):
        return UMKMUnverifyView.as_view(index_url_name=self.get_url_name("index"))

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("verifikasi/<int:pk>/", self.verify_view, name="verify"),
            path("cabut-verifikasi/<int:pk>/", self.unverify_view, name="unverify"),
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
