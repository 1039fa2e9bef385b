from .dokumen import Dokumen
from .informasi_publik import (
    InformasiPublikDokumen,
    InformasiPublikIndexPage,
    InformasiPublikPage,
    InformasiPublikTag,
    exempt_document_ids,
    is_dikecualikan_document,
)
from .pengumuman import (
    PengumumanIndexPage,
    PengumumanPage,
    active_announcements,
    current_announcements,
)
from .permohonan import (
    CatatanPermohonan,
    DokumenJawaban,
    Keberatan,
    LayananInformasiPage,
    PermohonanInformasi,
)
from .ppid import PPIDPage

__all__ = [
    "CatatanPermohonan",
    "Dokumen",
    "DokumenJawaban",
    "InformasiPublikDokumen",
    "InformasiPublikIndexPage",
    "InformasiPublikPage",
    "InformasiPublikTag",
    "Keberatan",
    "LayananInformasiPage",
    "PPIDPage",
    "PengumumanIndexPage",
    "PengumumanPage",
    "PermohonanInformasi",
    "active_announcements",
    "current_announcements",
    "exempt_document_ids",
    "is_dikecualikan_document",
]
