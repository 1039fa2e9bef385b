"""Every page type of the KIP tree can be created only where it belongs."""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from home.models import BeritaIndexPage, BeritaPage, HomePage, StandardPage
from layanan.models import EKecamatanIndexPage
from pasar.models import PasarIndexPage
from pengaduan.models import ELagaIndexPage
from ppid.models import (
    InformasiPublikIndexPage,
    InformasiPublikPage,
    LayananInformasiPage,
    PengumumanIndexPage,
    PengumumanPage,
    PPIDPage,
)


class TestKIPPageTree(WagtailPageTestCase):
    def test_home_page_children(self):
        self.assertAllowedSubpageTypes(
            HomePage,
            {
                StandardPage,
                PPIDPage,
                BeritaIndexPage,
                ELagaIndexPage,
                EKecamatanIndexPage,
                PasarIndexPage,
            },
        )
        self.assertAllowedParentPageTypes(HomePage, {Page})

    def test_ppid_section_holds_the_dip_announcements_and_profile_pages(self):
        self.assertAllowedParentPageTypes(PPIDPage, {HomePage})
        self.assertAllowedSubpageTypes(
            PPIDPage,
            {
                InformasiPublikIndexPage,
                PengumumanIndexPage,
                StandardPage,
                LayananInformasiPage,
            },
        )

    def test_dip_items_live_only_under_the_dip_index(self):
        self.assertAllowedParentPageTypes(InformasiPublikIndexPage, {PPIDPage})
        self.assertAllowedSubpageTypes(InformasiPublikIndexPage, {InformasiPublikPage})
        self.assertAllowedParentPageTypes(
            InformasiPublikPage, {InformasiPublikIndexPage}
        )
        self.assertAllowedSubpageTypes(InformasiPublikPage, set())

    def test_news_articles_live_only_under_the_news_index(self):
        self.assertAllowedParentPageTypes(BeritaIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(BeritaIndexPage, {BeritaPage})
        self.assertAllowedSubpageTypes(BeritaPage, set())

    def test_announcements_live_only_under_their_index(self):
        self.assertAllowedParentPageTypes(PengumumanIndexPage, {PPIDPage})
        self.assertAllowedSubpageTypes(PengumumanIndexPage, {PengumumanPage})
        self.assertAllowedSubpageTypes(PengumumanPage, set())

    def test_single_instance_sections(self):
        for model in [
            HomePage,
            PPIDPage,
            InformasiPublikIndexPage,
            BeritaIndexPage,
            PengumumanIndexPage,
        ]:
            assert model.max_count == 1, model
