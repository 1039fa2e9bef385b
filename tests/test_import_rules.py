"""The rooms of ARCHITECTURE.md, enforced: who may import whom.

- ``portal`` (the shared core) imports no app above it;
- an area app (``ppid``, ``pengaduan``, ``layanan``, ``pasar``) imports only ``portal``;
- ``home`` and ``search`` show other apps' items, through the public functions and
  page models listed in ``ALLOWED`` (and in ARCHITECTURE.md) only;
- only ``config`` (the composition root) imports every app.

Every import counts, also those inside functions.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
APPS = ("portal", "home", "ppid", "pengaduan", "layanan", "pasar", "search")
#: What home and search may use of another app: module -> names.
ALLOWED = {
    "home": {
        "ppid.models": {"current_announcements"},
        "pengaduan.models": {"ELagaIndexPage"},
        "pengaduan.statistics": {"period_total"},
        "pasar.catalogue": {"featured_products"},
        "pasar.models": {"PasarIndexPage"},
    },
    "search": {
        "home.models": {"BeritaPage"},
        "ppid.models": {"InformasiPublikPage", "PengumumanPage"},
        "layanan.models": {"EKecamatanIndexPage", "StandarLayanan"},
        "pasar.models": {"ProdukPage"},
        "pasar.catalogue": {"exclude_hidden_products"},
    },
}


def imports_of(app):
    """(file, module, name) for every import of another app in ``app``."""
    found = []
    for path in sorted((ROOT / app).rglob("*.py")):
        if "migrations" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
            if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                pairs = [(node.module, alias.name) for alias in node.names]
            elif isinstance(node, ast.Import):
                pairs = [(alias.name, "") for alias in node.names]
            else:
                continue
            for module, name in pairs:
                top = module.split(".")[0]
                if top in (*APPS, "config") and top != app:
                    found.append((path.relative_to(ROOT), module, name))
    return found


def forbidden_imports(app):
    allowed = ALLOWED.get(app, {})
    return [
        (str(path), module, name)
        for path, module, name in imports_of(app)
        if not (module == "portal" or module.startswith("portal."))
        and name not in allowed.get(module, set())
    ]


def test_the_shared_core_imports_no_app_above_it():
    assert imports_of("portal") == []


@pytest.mark.parametrize("app", ["ppid", "pengaduan", "layanan", "pasar"])
def test_an_area_app_imports_only_the_shared_core(app):
    assert forbidden_imports(app) == []


@pytest.mark.parametrize("app", ["home", "search"])
def test_home_and_search_use_only_the_listed_public_functions(app):
    assert forbidden_imports(app) == []


def test_the_scan_sees_imports_inside_functions(tmp_path, monkeypatch):
    """The rule would be hollow if a function-level import slipped past the scan."""
    app = tmp_path / "pengaduan"
    app.mkdir()
    (app / "views.py").write_text(
        "def view():\n    from pasar.models import ProdukPage\n    return ProdukPage\n"
    )
    monkeypatch.setattr(f"{__name__}.ROOT", tmp_path)
    assert forbidden_imports("pengaduan") == [
        ("pengaduan/views.py", "pasar.models", "ProdukPage")
    ]
