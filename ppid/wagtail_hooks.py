from django.db.models.signals import post_save
from wagtail import hooks
from wagtail.documents import get_document_model
from wagtail.permissions import register_permission_policy
from wagtail.signals import page_published

from portal.log_actions import register_formatters
from ppid import documents, log_actions, permissions
from ppid.dashboard import KeberatanDashboardPanel, PermohonanInformasiDashboardPanel
from ppid.dip_views import refuse_dikecualikan_document
from ppid.models import (
    InformasiPublikDokumen,
    InformasiPublikPage,
    Keberatan,
    PermohonanInformasi,
    PPIDPage,
)
from ppid.viewsets import (
    KeberatanPermissionPolicy,
    LayananInformasiViewSetGroup,
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

# A new PPID page gets the "Publikasi Informasi Publik" workflow and the KIP roles'
# page rights on its subtree.
post_save.connect(
    permissions.set_up_new_ppid_page,
    sender=PPIDPage,
    dispatch_uid="ppid_page_kip_rights",
)


@hooks.register("register_admin_viewset")
def register_layanan_informasi():
    return LayananInformasiViewSetGroup()


@hooks.register("construct_homepage_panels")
def add_layanan_informasi_panels(request, panels):
    panels.append(PermohonanInformasiDashboardPanel(request))
    panels.append(KeberatanDashboardPanel(request))


@hooks.register("register_log_actions")
def register_kip_actions(actions):
    register_formatters(actions, log_actions.FORMATTERS)
