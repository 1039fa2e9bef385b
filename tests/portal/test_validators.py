"""NIK validation and masking; phone numbers as citizens type them."""

import pytest
from django.core.exceptions import ValidationError

from portal.validators import mask_nik, normalise_phone, validate_nik


@pytest.mark.parametrize(
    "nik",
    [
        "1205011203850001",  # Langkat region code, born 12-03-1985
        "1205015203850002",  # a woman: day 12 + 40
        "3171010101990123",
    ],
)
def test_plausible_niks_are_accepted(nik):
    validate_nik(nik)


@pytest.mark.parametrize(
    "nik",
    [
        "120501120385000",  # 15 digits
        "12050112038500011",  # 17 digits
        "12050112038500AB",  # letters
        "0905011203850001",  # province below 11
        "1205013203850001",  # day 32
        "1205011213850001",  # month 13
        "1205011203850000",  # serial 0000
        "",
    ],
)
def test_implausible_niks_are_refused_with_a_message(nik):
    with pytest.raises(ValidationError) as error:
        validate_nik(nik)
    assert "NIK" in error.value.messages[0]


def test_masked_nik_shows_only_the_ends():
    assert mask_nik("1205011203850001") == "1205**********01"
    assert mask_nik("") == ""


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("0812-3456-7890", "081234567890"),
        ("+62 812 3456 7890", "+6281234567890"),
        ("(061) 891.0001", "0618910001"),
        ("", ""),
        ("   ", ""),
    ],
)
def test_a_phone_number_keeps_only_its_digits_and_leading_plus(typed, stored):
    assert normalise_phone(typed) == stored


@pytest.mark.parametrize("typed", ["tidak ada", "0812", "1" * 16, "+62 81"])
def test_a_phone_number_without_8_to_15_digits_is_refused(typed):
    with pytest.raises(ValidationError, match="Nomor telepon tidak valid"):
        normalise_phone(typed)
