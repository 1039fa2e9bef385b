from .berita import BeritaIndexPage, BeritaPage, BeritaTag
from .informasi_publik import (
    InformasiPublikDokumen,
    InformasiPublikIndexPage,
    InformasiPublikPage,
    InformasiPublikTag,
    is_dikecualikan_document,
)
from .pages import HomePage, StandardPage
from .pengumuman import PengumumanIndexPage, PengumumanPage, active_announcements
from .ppid import PPIDPage

__all__ = [
    "BeritaIndexPage",
    "BeritaPage",
    "BeritaTag",
    "HomePage",
    "InformasiPublikDokumen",
    "InformasiPublikIndexPage",
    "InformasiPublikPage",
    "InformasiPublikTag",
    "PPIDPage",
    "PengumumanIndexPage",
    "PengumumanPage",
    "StandardPage",
    "active_announcements",
    "is_dikecualikan_document",
]
