import pytest

from layanan.models import EKecamatanIndexPage


@pytest.fixture
def ekecamatan_page(home_page):
    """The live e-kecamatan index page under the home page, at ``/e-kecamatan/``."""
    page = EKecamatanIndexPage(
        title="e-kecamatan",
        slug="e-kecamatan",
        introduction="<p>Ajukan layanan kantor camat dari rumah.</p>",
        confirmation_text="Terima kasih telah menggunakan e-kecamatan.",
    )
    home_page.add_child(instance=page)
    return page
