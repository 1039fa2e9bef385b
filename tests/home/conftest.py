import pytest

from tests.home.factories import (
    InformasiPublikIndexPageFactory,
    PPIDPageFactory,
)


@pytest.fixture
def ppid_page(home_page):
    return PPIDPageFactory(parent=home_page)


@pytest.fixture
def dip_index(ppid_page):
    return InformasiPublikIndexPageFactory(parent=ppid_page)
