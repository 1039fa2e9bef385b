from .berita import BeritaIndexPage, BeritaPage, BeritaTag
from .pages import HomePage, StandardPage

__all__ = ["BeritaIndexPage", "BeritaPage", "BeritaTag", "HomePage", "StandardPage"]
