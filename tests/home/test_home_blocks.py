"""The home page's e-laga figures block shows this month's numbers, or nothing."""

import pytest

from pengaduan import services
from portal.models import PerangkatDaerah
from tests.factories import UserFactory
from tests.pengaduan.factories import LaporanFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def home_with_figures(home_page):
    home_page.body.append(("complaint_figures", {"heading": "Pengaduan bulan ini"}))
    home_page.save()
    return home_page


def test_without_reports_the_block_renders_nothing(client, home_with_figures):
    html = client.get(home_with_figures.url).content.decode()
    assert "Pengaduan bulan ini" not in html


def test_this_months_reports_are_counted(client, home_with_figures):
    officer = UserFactory()
    LaporanFactory.create_batch(2)
    resolved = LaporanFactory(nama_pelapor="Pelapor Rahasia Sekali")
    services.verify(resolved, officer)
    services.dispatch(resolved, officer, PerangkatDaerah.objects.get(slug="dinas-pupr"))
    services.resolve(resolved, officer, "Selesai diperbaiki.")

    html = client.get(home_with_figures.url).content.decode()

    assert "Pengaduan bulan ini" in html
    assert "<dd>3</dd>" in html
    assert "<dd>1</dd>" in html
    assert "<dd>100%</dd>" in html
    assert "Pelapor Rahasia Sekali" not in html


def test_the_block_keeps_a_constant_number_of_queries(
    client, home_with_figures, django_assert_max_num_queries
):
    LaporanFactory.create_batch(2)
    with django_assert_max_num_queries(40) as few:
        client.get(home_with_figures.url)
    LaporanFactory.create_batch(20)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(home_with_figures.url)
