from .audit import ScopedLogEntry
from .calendar import HariLibur
from .organisation import PerangkatDaerah
from .pages import BasePage
from .profiles import ProfilPetugas
from .site_settings import PengaturanPortal
from .wilayah import Desa, Kecamatan

__all__ = [
    "BasePage",
    "Desa",
    "HariLibur",
    "Kecamatan",
    "PengaturanPortal",
    "PerangkatDaerah",
    "ProfilPetugas",
    "ScopedLogEntry",
]
