import pytest
from wagtail.models import Page, Site

# Importing the URLconf builds the API schemas before any test freezes time:
# freezegun swaps datetime.date, which pydantic cannot build schemas from.
import config.urls  # noqa: F401
from home.models import HomePage
from portal.base_url import site_address


@pytest.fixture
def home_page(db):
    """A live home page at the root of the default site, as a fresh install has."""
    root = Page.get_first_root_node()
    home = HomePage(
        title="Beranda",
        slug="beranda",
        body=[
            (
                "hero",
                {"heading": "Portal Langkat", "text": "", "show_urgent_notice": True},
            ),
            ("quick_links", {"heading": "Layanan portal", "pages": []}),
        ],
    )
    root.add_child(instance=home)
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={
            **site_address(),
            "root_page": home,
            "site_name": "Portal Langkat",
        },
    )
    return home
