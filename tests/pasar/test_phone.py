import pytest
from django.core.exceptions import ValidationError

from pasar.phone import normalise_whatsapp, validate_whatsapp


@pytest.mark.parametrize(
    "typed",
    [
        "081234567890",
        "0812-3456-7890",
        "6281234567890",
        "+62 812-3456-7890",
        "+62 (812) 3456 7890",
        "81234567890",
    ],
)
def test_mobile_numbers_are_normalised_to_plus_62(typed):
    number = normalise_whatsapp(typed)
    assert number == "+6281234567890"
    validate_whatsapp(number)


@pytest.mark.parametrize(
    "typed",
    [
        "0621-22334",  # landline in Stabat
        "061 4567890",  # landline in Medan
        "0812345",  # too short
        "08123456789012345",  # too long
        "nomor saya",
        "+1 415 555 0100",
    ],
)
def test_landline_short_and_non_numbers_are_refused(typed):
    with pytest.raises(ValidationError) as error:
        validate_whatsapp(normalise_whatsapp(typed))
    assert "WhatsApp tidak valid" in error.value.messages[0]
