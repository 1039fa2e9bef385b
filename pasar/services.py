"""e-pasar state changes: UMKM profiles, products and their moderation (DESIGN §4.5).

The owner dashboard, the owner API and the demo call these functions; nothing else
writes profiles or product pages. Owners' edits of a product are saved as new
revisions only, so the live page keeps its approved content until a Moderator Pasar
approves the change in the "Moderasi Produk" workflow.
"""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.images import get_image_model
from wagtail.log_actions import log
from wagtail.models import Page, WorkflowState
from wagtail.users.models import UserProfile

from pasar.models import MAX_PRODUCT_IMAGES, UMKM, GambarProduk, PasarIndexPage
from pasar.moderation import (
    LOGO_COLLECTION_NAME,
    PRODUCT_COLLECTION_NAME,
    moderation_workflow,
)
from portal.base_url import absolute_url, page_url
from portal.notifications import notify
from portal.wagtail_setup import top_level_collection

#: Audit-log actions of a moderator verifying an UMKM and withdrawing that.
UMKM_VERIFY_ACTION = "pasar.umkm.verify"
UMKM_UNVERIFY_ACTION = "pasar.umkm.unverify"

#: Fields of an owner's product form that are copied onto the page.
PRODUCT_FIELDS = (
    "title",
    "kategori",
    "deskripsi",
    "harga",
    "harga_maks",
    "satuan",
    "ketersediaan",
)
#: Fields of the UMKM profile an owner may change.
PROFILE_FIELDS = (
    "nama_usaha",
    "nib",
    "kecamatan",
    "desa",
    "alamat",
    "whatsapp",
    "deskripsi",
)


# ---------- Helpers ----------


def market_index():
    """The live market index that hosts every product."""
    index = PasarIndexPage.objects.live().first()
    if index is None:
        raise ValidationError(
            _("Halaman e-pasar belum tersedia. Silakan hubungi pengelola portal.")
        )
    return index


def unique_slug(base, taken, max_length=80):
    """``base`` slugified, with ``-2``, ``-3``, … until ``taken(slug)`` is False."""
    root = slugify(base)[:max_length].strip("-") or "produk"
    slug, number = root, 1
    while taken(slug):
        number += 1
        suffix = f"-{number}"
        slug = root[: max_length - len(suffix)] + suffix
    return slug


def save_image(clean_upload, title, collection_name):
    """Store a cleaned upload as a Wagtail image in ``collection_name``."""
    image = get_image_model()(
        title=str(title)[:255],
        file=clean_upload.content,
        collection=top_level_collection(collection_name),
    )
    image.save()
    return image


def _silence_wagtail_notifications(user):
    """Owners get our emails on each decision, not Wagtail's admin notifications."""
    profile = UserProfile.get_for_user(user)
    if profile.approved_notifications or profile.rejected_notifications:
        profile.approved_notifications = False
        profile.rejected_notifications = False
        profile.save(update_fields=["approved_notifications", "rejected_notifications"])


def dashboard_url():
    return reverse("pasar:dashboard")


# ---------- UMKM profile ----------


@transaction.atomic
def save_umkm_profile(owner, data, logo=None, umkm=None):
    """Create (``umkm`` is None) or update the owner's UMKM profile.

    ``data`` holds :data:`PROFILE_FIELDS`; ``logo`` is a cleaned upload or None
    (keep). A new profile waits for a moderator's verification; editing a verified
    profile keeps it verified (moderators can withdraw verification in the admin).
    """
    creating = umkm is None
    if creating:
        if UMKM.objects.filter(pemilik=owner).exists():
            raise ValidationError(_("Akun ini sudah memiliki profil UMKM."))
        umkm = UMKM(pemilik=owner)
    for field in PROFILE_FIELDS:
        if field in data:
            setattr(umkm, field, data[field])
    if creating:
        umkm.slug = unique_slug(
            umkm.nama_usaha,
            lambda slug: UMKM.objects.filter(slug=slug).exists(),
            max_length=170,
        )
    if logo is not None:
        umkm.logo = save_image(
            logo, _("Logo %(name)s") % {"name": umkm.nama_usaha}, LOGO_COLLECTION_NAME
        )
    umkm.full_clean()
    umkm.save()
    return umkm


@transaction.atomic
def verify_umkm(umkm, moderator):
    """Mark ``umkm`` verified by ``moderator`` and tell the owner."""
    umkm = UMKM.objects.select_for_update().select_related("pemilik").get(pk=umkm.pk)
    if umkm.terverifikasi:
        raise ValidationError(_("UMKM ini sudah terverifikasi."))
    umkm.terverifikasi = True
    umkm.diverifikasi_pada = timezone.now()
    umkm.diverifikasi_oleh = moderator
    umkm.save(update_fields=["terverifikasi", "diverifikasi_pada", "diverifikasi_oleh"])
    log(instance=umkm, action=UMKM_VERIFY_ACTION, user=moderator)
    notify(
        [umkm.pemilik.email],
        _("Profil UMKM %(name)s telah diverifikasi") % {"name": umkm.nama_usaha},
        "pasar/email/umkm_verified.txt",
        {"umkm": umkm, "dashboard_url": absolute_url(dashboard_url())},
    )
    return umkm


@transaction.atomic
def unverify_umkm(umkm, moderator, alasan):
    """Withdraw the verification of ``umkm`` for ``alasan`` and tell the owner why;
    its products stay as they are but leave the public site until verified again."""
    alasan = alasan.strip()
    if not alasan:
        raise ValidationError({"alasan": _("Tuliskan alasan pencabutan verifikasi.")})
    umkm = UMKM.objects.select_for_update().select_related("pemilik").get(pk=umkm.pk)
    if not umkm.terverifikasi:
        raise ValidationError(_("UMKM ini belum terverifikasi."))
    umkm.terverifikasi = False
    umkm.diverifikasi_pada = None
    umkm.diverifikasi_oleh = None
    umkm.save(update_fields=["terverifikasi", "diverifikasi_pada", "diverifikasi_oleh"])
    log(
        instance=umkm,
        action=UMKM_UNVERIFY_ACTION,
        user=moderator,
        data={"alasan": alasan},
    )
    notify(
        [umkm.pemilik.email],
        _("Verifikasi profil UMKM %(name)s dicabut") % {"name": umkm.nama_usaha},
        "pasar/email/umkm_unverified.txt",
        {
            "umkm": umkm,
            "alasan": alasan,
            "dashboard_url": absolute_url(dashboard_url()),
        },
    )
    return umkm


# ---------- Products ----------


def _apply_product_data(page, data):
    for field in PRODUCT_FIELDS:
        if field in data:
            setattr(page, field, data[field])
    if "tags" in data:
        page.tags.set(list(data["tags"]))


def _set_images(page, keep_ids, uploads, title):
    """Keep the existing images ``keep_ids`` in that order, then add ``uploads``."""
    by_id = {item.image_id: item.image for item in page.gambar.all()}
    kept = [by_id[image_id] for image_id in keep_ids if image_id in by_id]
    if len(kept) + len(uploads) > MAX_PRODUCT_IMAGES:
        raise ValidationError(
            {
                "gambar_baru": _("Paling banyak %(max)s foto per produk.")
                % {"max": MAX_PRODUCT_IMAGES}
            }
        )
    images = kept + [
        save_image(upload, title, PRODUCT_COLLECTION_NAME) for upload in uploads
    ]
    page.gambar = [
        GambarProduk(image=image, sort_order=order)
        for order, image in enumerate(images)
    ]


def _check_owner(umkm, user):
    if umkm.pemilik_id != user.pk:
        raise ValidationError(_("Produk ini bukan milik Anda."))


@transaction.atomic
def create_product(umkm, data, images, user):
    """A new product of ``umkm`` under the market index: not live, one revision saved.

    ``data`` holds the product fields (see :data:`PRODUCT_FIELDS`, plus ``tags``);
    ``images`` are cleaned uploads (``portal.uploads.clean_upload``).
    """
    from pasar.models import ProdukPage

    _check_owner(umkm, user)
    index = market_index()
    page = ProdukPage(umkm=umkm, owner=user, live=False, has_unpublished_changes=True)
    _apply_product_data(page, data)
    page.slug = unique_slug(
        page.title,
        lambda slug: Page.objects.child_of(index).filter(slug=slug).exists(),
    )
    _set_images(page, [], images, page.title)
    index.add_child(instance=page)
    page.save_revision(user=user, log_action=True)
    return page


def latest_product(page):
    """The latest revision of ``page`` as a ProdukPage (what the owner last saved).

    Reads the page row again, so a stale ``page`` object still gives the latest.
    """
    from pasar.models import ProdukPage

    return ProdukPage.objects.get(pk=page.pk).get_latest_revision_as_object()


@transaction.atomic
def update_product(page, data, images, user):
    """Save the owner's changes as a NEW REVISION of ``page``; the live row is untouched.

    ``data`` may hold ``gambar``: the ids of the current images to keep, in order
    (missing means keep all as they are). A product under review cannot be changed.
    """
    page = type(page).objects.select_for_update().get(pk=page.pk)
    _check_owner(page.umkm, user)
    state = current_workflow_state(page)
    if state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS:
        raise ValidationError(
            _(
                "Produk sedang ditinjau moderator dan belum dapat diubah. Tunggu "
                "hasil tinjauan."
            )
        )
    draft = latest_product(page)
    _apply_product_data(draft, data)
    keep_ids = data.get("gambar")
    if keep_ids is None:
        keep_ids = [item.image_id for item in draft.gambar.all()]
    _set_images(draft, keep_ids, images, draft.title)
    revision = draft.save_revision(user=user, log_action=True)
    return draft, revision


def current_workflow_state(page):
    """The in-progress or needs-changes workflow state of ``page``, if any."""
    return (
        WorkflowState.objects.active()
        .filter(
            base_content_type=ContentType.objects.get_for_model(Page),
            object_id=str(page.pk),
        )
        .select_related("current_task_state__finished_by")
        .first()
    )


@transaction.atomic
def submit_product(page, user):
    """Send the latest revision of ``page`` to "Moderasi Produk".

    Starts the workflow, or resumes it when the moderator requested changes (a
    workflow state that needs changes blocks a new start).
    """
    page = type(page).objects.select_for_update().get(pk=page.pk)
    _check_owner(page.umkm, user)
    _silence_wagtail_notifications(user)
    state = current_workflow_state(page)
    if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        state.resume(user=user)
        return page
    if state is not None:
        raise ValidationError(_("Produk ini sudah dikirim dan sedang ditinjau."))
    if page.live and not page.has_unpublished_changes:
        raise ValidationError(
            _("Tidak ada perubahan untuk dikirim: produk sudah tayang apa adanya.")
        )
    workflow = moderation_workflow()
    if workflow is None:
        raise ValidationError(
            _("Moderasi produk belum tersedia. Silakan hubungi pengelola portal.")
        )
    if page.latest_revision_id is None:
        page.save_revision(user=user, log_action=True)
    workflow.start(page, user)
    return page


# ---------- Product state ----------


DRAFT = "draft"
IN_MODERATION = "in_moderation"
PUBLISHED = "published"
PUBLISHED_WITH_DRAFT = "published_with_draft"
PUBLISHED_CHANGES_IN_MODERATION = "published_changes_in_moderation"
CHANGES_REQUESTED = "changes_requested"

STATE_LABELS = {
    DRAFT: _("Draf, belum dikirim"),
    IN_MODERATION: _("Sedang ditinjau"),
    PUBLISHED: _("Tayang"),
    PUBLISHED_WITH_DRAFT: _("Tayang, ada perubahan belum dikirim"),
    PUBLISHED_CHANGES_IN_MODERATION: _("Tayang, perubahan sedang ditinjau"),
    CHANGES_REQUESTED: _("Perlu perbaikan"),
}


@dataclass(frozen=True)
class ProductState:
    """Where a product stands, as the owner sees it."""

    code: str
    comment: str = ""
    decided_by: object = None
    decided_at: object = None

    @property
    def label(self):
        return STATE_LABELS[self.code]

    @property
    def can_edit(self):
        return self.code not in {IN_MODERATION, PUBLISHED_CHANGES_IN_MODERATION}

    @property
    def can_submit(self):
        return self.code in {DRAFT, PUBLISHED_WITH_DRAFT, CHANGES_REQUESTED}


def _state_from(page, workflow_state):
    if workflow_state is not None:
        if workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES:
            task_state = workflow_state.current_task_state
            return ProductState(
                CHANGES_REQUESTED,
                comment=task_state.comment if task_state else "",
                decided_by=task_state.finished_by if task_state else None,
                decided_at=task_state.finished_at if task_state else None,
            )
        return ProductState(
            PUBLISHED_CHANGES_IN_MODERATION if page.live else IN_MODERATION
        )
    if page.live:
        return ProductState(
            PUBLISHED_WITH_DRAFT if page.has_unpublished_changes else PUBLISHED
        )
    return ProductState(DRAFT)


def product_state(page):
    """The :class:`ProductState` of one product (one query)."""
    return _state_from(page, current_workflow_state(page))


def product_states(pages):
    """``{page.pk: ProductState}`` for many products in one query."""
    pages = list(pages)
    states = {
        int(state.object_id): state
        for state in WorkflowState.objects.active()
        .filter(
            base_content_type=ContentType.objects.get_for_model(Page),
            object_id__in=[str(page.pk) for page in pages],
        )
        .select_related("current_task_state__finished_by")
    }
    return {page.pk: _state_from(page, states.get(page.pk)) for page in pages}


# ---------- Emails on moderation decisions ----------


def notify_product_published(page):
    """Tell the owner their product (or its change) is approved and online."""
    owner = page.umkm.pemilik
    notify(
        [owner.email],
        _("Produk %(title)s telah tayang di e-pasar") % {"title": page.title},
        "pasar/email/product_published.txt",
        {
            "page": page,
            "umkm": page.umkm,
            "public_url": page_url(page),
            "dashboard_url": absolute_url(dashboard_url()),
        },
    )


def notify_changes_requested(page, comment):
    """Tell the owner what the moderator asks them to change."""
    owner = page.umkm.pemilik
    notify(
        [owner.email],
        _("Produk %(title)s perlu diperbaiki") % {"title": page.draft_title},
        "pasar/email/changes_requested.txt",
        {
            "page": page,
            "umkm": page.umkm,
            "comment": comment,
            "dashboard_url": absolute_url(dashboard_url()),
            "edit_url": absolute_url(reverse("pasar:product_edit", args=[page.pk])),
        },
    )
