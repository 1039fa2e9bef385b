"""The owner dashboard: the UMKM profile and the owner's products.

Every view starts from the logged-in owner's own UMKM: a product id of another owner
answers 404. State changes go through :mod:`pasar.services`.
"""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from pasar import services
from pasar.account_views import private_page
from pasar.forms import ProdukForm, UMKMProfileForm
from pasar.models import UMKM, ProdukPage
from portal.validators import validation_messages


def _owner_umkm(user):
    return (
        UMKM.objects.select_related("kecamatan", "desa", "logo")
        .filter(pemilik=user)
        .first()
    )


def owner_required(view):
    """Logged in, with an UMKM profile (``request.umkm``); otherwise create it first."""

    @wraps(view)
    @login_required
    def wrapper(request, *args, **kwargs):
        umkm = _owner_umkm(request.user)
        if umkm is None:
            messages.info(
                request, _("Lengkapi dulu profil usaha Anda sebelum menambah produk.")
            )
            return redirect("pasar:profile_create")
        request.umkm = umkm
        return view(request, *args, **kwargs)

    return private_page(wrapper)


def own_product(request, pk):
    """The product ``pk`` of the logged-in owner's UMKM; 404 for anybody else's."""
    return get_object_or_404(
        ProdukPage.objects.select_related("umkm"), pk=pk, umkm=request.umkm
    )


def _add_errors(form, error):
    """Put a service's ValidationError on the form (per field when it names one)."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


# ---------- Dashboard ----------


@owner_required
def dashboard(request):
    """The owner's products with their moderation state."""
    products = list(
        ProdukPage.objects.filter(umkm=request.umkm).order_by(
            "-latest_revision_created_at", "-pk"
        )
    )
    states = services.product_states(products)
    rows = [(product, states[product.pk]) for product in products]
    return render(
        request,
        "pasar/dasbor/dashboard.html",
        {"umkm": request.umkm, "rows": rows},
    )


# ---------- Profile ----------


def _profile_form_page(request, form, umkm):
    return render(
        request,
        "pasar/dasbor/profile_form.html",
        {"form": form, "umkm": umkm, "files_dropped": bool(request.FILES)},
    )


@private_page
@login_required
def profile_create(request):
    """The first step after sign-up: the business profile."""
    if _owner_umkm(request.user) is not None:
        return redirect("pasar:profile_edit")
    if request.method == "POST":
        form = UMKMProfileForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                services.save_umkm_profile(
                    request.user,
                    form.profile_data(),
                    logo=form.cleaned_data.get("logo_baru"),
                )
            except ValidationError as error:
                _add_errors(form, error)
            else:
                messages.success(
                    request,
                    _(
                        "Profil usaha tersimpan. Moderator akan memverifikasinya; "
                        "sementara itu Anda sudah dapat menambah produk."
                    ),
                )
                return redirect("pasar:dashboard")
    else:
        form = UMKMProfileForm()
    return _profile_form_page(request, form, None)


@owner_required
def profile_edit(request):
    """Change the business profile; a verified profile stays verified."""
    umkm = request.umkm
    if request.method == "POST":
        form = UMKMProfileForm(request.POST, request.FILES, instance=umkm)
        if form.is_valid():
            try:
                services.save_umkm_profile(
                    request.user,
                    form.profile_data(),
                    logo=form.cleaned_data.get("logo_baru"),
                    umkm=umkm,
                )
            except ValidationError as error:
                _add_errors(form, error)
            else:
                messages.success(request, _("Profil usaha tersimpan."))
                return redirect("pasar:dashboard")
    else:
        form = UMKMProfileForm(instance=umkm)
    return _profile_form_page(request, form, umkm)


# ---------- Products ----------


def _product_form_page(request, form, product=None, state=None):
    return render(
        request,
        "pasar/dasbor/product_form.html",
        {
            "form": form,
            "product": product,
            "state": state,
            "umkm": request.umkm,
            "files_dropped": bool(request.FILES),
        },
    )


@owner_required
def product_create(request):
    """A new product, saved as a draft; "Simpan dan kirim" also submits it."""
    if request.method == "POST":
        form = ProdukForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                product = services.create_product(
                    request.umkm,
                    form.product_data(),
                    form.cleaned_data["gambar_baru"],
                    request.user,
                )
                if "kirim" in request.POST:
                    services.submit_product(product, request.user)
            except ValidationError as error:
                _add_errors(form, error)
            else:
                messages.success(
                    request,
                    _("Produk dikirim untuk ditinjau moderator.")
                    if "kirim" in request.POST
                    else _(
                        "Produk tersimpan sebagai draf. Kirim untuk ditinjau agar "
                        "tayang di e-pasar."
                    ),
                )
                return redirect("pasar:dashboard")
    else:
        form = ProdukForm()
    return _product_form_page(request, form)


@owner_required
def product_edit(request, pk):
    """Edit a product from its latest revision; the live page stays as approved."""
    product = own_product(request, pk)
    state = services.product_state(product)
    draft = services.latest_product(product)
    existing = [item.image for item in draft.gambar.all()]
    if request.method == "POST":
        if not state.can_edit:
            messages.error(
                request,
                _("Produk sedang ditinjau moderator dan belum dapat diubah."),
            )
            return redirect("pasar:dashboard")
        form = ProdukForm(request.POST, request.FILES, existing_images=existing)
        if form.is_valid():
            try:
                services.update_product(
                    product,
                    form.product_data(),
                    form.cleaned_data["gambar_baru"],
                    request.user,
                )
                if "kirim" in request.POST:
                    services.submit_product(product, request.user)
            except ValidationError as error:
                _add_errors(form, error)
            else:
                messages.success(
                    request,
                    _("Perubahan dikirim untuk ditinjau moderator.")
                    if "kirim" in request.POST
                    else _(
                        "Perubahan tersimpan sebagai draf. Kirim untuk ditinjau "
                        "agar tayang."
                    ),
                )
                return redirect("pasar:dashboard")
    else:
        form = ProdukForm(
            initial=ProdukForm.initial_from(draft), existing_images=existing
        )
    return _product_form_page(request, form, product, state)


@owner_required
@require_POST
def product_submit(request, pk):
    """Send the latest version of a product to the moderators."""
    product = own_product(request, pk)
    try:
        services.submit_product(product, request.user)
    except ValidationError as error:
        for message in validation_messages(error):
            messages.error(request, message)
    else:
        messages.success(
            request,
            _("“%(title)s” dikirim untuk ditinjau moderator.")
            % {"title": product.draft_title},
        )
    return redirect("pasar:dashboard")
