"""Prices read as Indonesians write them: ``Rp 15.000``, ranges ``Rp 15.000 - Rp 25.000``."""

import pytest
from django.template import Context, Template

from pasar.templatetags.pasar_tags import rupiah


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        (0, "Rp 0"),
        (500, "Rp 500"),
        (15000, "Rp 15.000"),
        (1250000, "Rp 1.250.000"),
        (1_000_000_000, "Rp 1.000.000.000"),
    ],
)
def test_whole_rupiah_with_dots_between_thousands(amount, expected):
    assert rupiah(amount) == expected


def test_range_shows_both_ends():
    assert rupiah(15000, 25000) == "Rp 15.000 - Rp 25.000"


def test_range_top_not_above_the_price_shows_one_price():
    assert rupiah(15000, None) == "Rp 15.000"
    assert rupiah(15000, 15000) == "Rp 15.000"


def test_missing_or_non_numeric_amount_gives_nothing():
    assert rupiah(None) == ""
    assert rupiah("gratis") == ""


def test_filter_in_a_template():
    template = Template("{% load pasar_tags %}{{ harga|rupiah:harga_maks }}")
    assert (
        template.render(Context({"harga": 90000, "harga_maks": 150000}))
        == "Rp 90.000 - Rp 150.000"
    )
