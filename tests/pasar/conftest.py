import pytest

from tests.pasar.factories import PasarIndexPageFactory


@pytest.fixture
def pasar_page(home_page):
    """The live e-pasar index page, a child of the home page, at /e-pasar/."""
    return PasarIndexPageFactory(parent=home_page)
