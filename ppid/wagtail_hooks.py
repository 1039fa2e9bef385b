from django.db.models.signals import post_save
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.documents import get_document_model
from wagtail.permissions import register_permission_policy
from wagtail.signals import page_published

from ppid import documents
from ppid.dip_views import refuse_dikecualikan_document
from ppid.models import (
    InformasiPublikDokumen,
    InformasiPublikPage,
    Keberatan,
    PermohonanInformasi,
)
from ppid.services import PUBLIC_SUMMARY_ACTION
from ppid.tasks import KIP_REMINDER_ACTION
from ppid.viewsets import (
    KeberatanPermissionPolicy,
    LayananInformasiViewSetGroup,
    PPIDDashboardPanel,
    PPIDPermissionPolicy,
)

register_permission_policy(
    PermohonanInformasi, PPIDPermissionPolicy(PermohonanInformasi)
)
register_permission_policy(Keberatan, KeberatanPermissionPolicy(Keberatan))
hooks.register("before_serve_document", refuse_dikecualikan_document)

# Files of dikecualikan (Pasal 17) documents live in the private storage.
post_save.connect(documents.place_files_of_saved_item, sender=InformasiPublikPage)
page_published.connect(
    documents.place_files_of_published_item, sender=InformasiPublikPage
)
post_save.connect(
    documents.place_file_of_attached_document, sender=InformasiPublikDokumen
)
post_save.connect(documents.place_file_of_saved_document, sender=get_document_model())


@hooks.register("register_admin_viewset")
def register_layanan_informasi():
    return LayananInformasiViewSetGroup()


@hooks.register("construct_homepage_panels")
def add_layanan_informasi_panel(request, panels):
    panels.append(PPIDDashboardPanel(request))


@hooks.register("register_log_actions")
def register_reminder_action(actions):
    actions.register_action(
        KIP_REMINDER_ACTION,
        _("Pengingat batas waktu PPID"),
        _("Pengingat batas waktu dikirim ke petugas PPID"),
    )
    actions.register_action(
        PUBLIC_SUMMARY_ACTION,
        _("Ringkasan publik"),
        _("Ringkasan publik register ditulis atau dikoreksi"),
    )
