"""News is in the main menu: a new news index is shown there unless an editor
takes it out."""

import pytest

from tests.home.factories import BeritaIndexPageFactory

pytestmark = pytest.mark.django_db


def menu_html(client, path="/"):
    html = client.get(path).content.decode()
    menu = html.split('id="menu-utama"', 1)[1].split("</nav>", 1)[0]
    return menu


def test_a_new_news_index_appears_in_the_main_menu(client, home_page):
    news = BeritaIndexPageFactory(parent=home_page)

    assert news.show_in_menus
    menu = menu_html(client)
    assert f'href="{news.url}"' in menu
    assert ">Berita</a>" in menu


def test_the_news_section_is_marked_current_in_the_menu(client, home_page):
    news = BeritaIndexPageFactory(parent=home_page)

    menu = menu_html(client, news.url)

    assert f'href="{news.url}" aria-current="page">Berita</a>' in menu


def test_an_editor_can_take_news_out_of_the_menu(client, home_page):
    BeritaIndexPageFactory(parent=home_page, show_in_menus=False)

    html = client.get("/").content.decode()

    assert 'id="menu-utama"' not in html
