"""The personal-data masker every public rendering of citizens' free text uses."""

import pytest
from django.template import Context, Template
from django.utils.safestring import SafeData, mark_safe

from portal.masking import mask_personal_data

NIK = "[NIK disamarkan]"
PHONE = "[nomor telepon disamarkan]"
EMAIL = "[email disamarkan]"
NAME = "[nama disamarkan]"


@pytest.mark.parametrize(
    "nik",
    [
        "1205011203850009",
        "1205 0112 0385 0009",
        "1205-0112-0385-0009",
        "120501 120385 0009",
        "120501-120385-0009",
        "12.05.01.120385.0009",
        "12 05 01 12 03 85 0009",
    ],
)
def test_a_nik_in_any_usual_writing_is_masked(nik):
    masked = mask_personal_data(f"NIK saya {nik}, mohon dicek.")
    assert masked == f"NIK saya {NIK}, mohon dicek."


def test_a_nik_glued_to_its_label_or_next_to_a_phone_is_masked():
    assert mask_personal_data("NIK:1205011203850009 HP 081277778888") == (
        f"NIK:{NIK} HP {PHONE}"
    )


@pytest.mark.parametrize(
    "phone",
    [
        "08127777888",
        "081277778888",
        "0812-7777-8888",
        "0812 7777 8888",
        "0812.7777.8888",
        "0811 123 456",
        "+62 812-7777-8888",
        "+6281277778888",
        "+62-812-7777-8888",
        "(+62) 812 7777 8888",
        "62 812 7777 8888",
        "6281277778888",
        "0062 812 7777 8888",
        "(061) 4567890",
        "061-4567890",
        "0620-21234",
        "(0620) 21234",
        "021-12345678",
        "+62 61 4567890",
    ],
)
def test_mobile_and_landline_numbers_are_masked(phone):
    assert mask_personal_data(f"Hubungi {phone} sore hari.") == (
        f"Hubungi {PHONE} sore hari."
    )


def test_a_number_in_parentheses_keeps_its_parentheses_balanced():
    assert mask_personal_data("Pelapor (0812 7777 8888) menunggu.") == (
        f"Pelapor ({PHONE}) menunggu."
    )


def test_a_number_glued_to_wa_or_hp_is_masked():
    assert mask_personal_data("WA0812777788 atau HP:081277778888") == (
        f"WA{PHONE} atau HP:{PHONE}"
    )


@pytest.mark.parametrize(
    "email",
    [
        "rahmat.siregar@contoh-pribadi.id",
        "RAHMAT_99+laporan@mail.co.id",
        "rahmat [at] contoh.id",
        "rahmat(at)contoh(dot)id",
    ],
)
def test_email_addresses_are_masked(email):
    assert mask_personal_data(f"Balas ke {email}.") == f"Balas ke {EMAIL}."


def test_the_full_name_is_masked_whatever_its_case_and_spacing():
    text = (
        "Saya Rahmat Hidayat Siregar; RAHMAT  HIDAYAT\nSIREGAR; rahmat hidayat siregar."
    )
    assert mask_personal_data(text, ["Rahmat Hidayat Siregar"]) == (
        f"Saya {NAME}; {NAME}; {NAME}."
    )


def test_runs_of_two_name_words_are_masked():
    masked = mask_personal_data(
        "Ditandatangani Rahmat Hidayat, adik Hidayat Siregar.",
        ["Rahmat Hidayat Siregar"],
    )
    assert masked == f"Ditandatangani {NAME}, adik {NAME}."


def test_a_single_name_word_is_masked_only_after_a_word_of_address():
    masked = mask_personal_data(
        "Pak Rahmat datang, Bu Siregar juga, Sdr. Hidayat menyusul. "
        "Rahmat Allah menyertai. Siregar adalah marga.",
        "Rahmat Hidayat Siregar",
    )
    assert masked == (
        f"Pak {NAME} datang, Bu {NAME} juga, Sdr. {NAME} menyusul. "
        "Rahmat Allah menyertai. Siregar adalah marga."
    )


def test_a_one_word_name_is_masked_as_a_whole_word_only():
    masked = mask_personal_data("Sutrisno melapor; Sutrisnowati tidak.", "Sutrisno")
    assert masked == f"{NAME} melapor; Sutrisnowati tidak."


@pytest.mark.parametrize("name", ["", None, "A", "  ", "Al"])
def test_empty_or_tiny_names_leave_the_text_as_it_is(name):
    text = "A dan Al melapor jalan rusak."
    assert mask_personal_data(text, [name]) == text


def test_names_with_regex_characters_are_taken_literally():
    masked = mask_personal_data("M. Rizki (Ucok) dan MX Rizki", ["M. Rizki (Ucok)"])
    assert masked == f"{NAME} dan MX Rizki"


@pytest.mark.parametrize(
    "text",
    [
        "Kejadian 12-03-2026, 05-03-2026, 08/12/2025 dan 12.03.2026.",
        "Pukul 08.30-10.00 WIB, sejak tahun 2019, periode 2020-2025.",
        "Ditulis 05032026 di buku tamu.",
        "Pungutan Rp 1.500.000, Rp. 62.800.000 dan Rp 250.000,00.",
        "Anggaran 628.000.000 rupiah tidak jelas.",
        "Di RT 03/RW 05, RT.003 RW.005, rumah No. 12.",
        "Truk BK 1234 AB dan BK 8123 XY parkir sembarangan.",
        "Jalan rusak 300 meter, 150 KK terdampak, 16 orang sakit.",
        "Kode pos 20852, km 12,5, lampu jalan nomor 0812.",
        "Kode lacak LGK-6282-8888 dan KIP-0812-3456 belum dijawab.",
    ],
)
def test_dates_money_rt_rw_plates_and_short_numbers_are_not_masked(text):
    assert mask_personal_data(text) == text


def test_the_result_is_plain_text_even_for_safe_input():
    masked = mask_personal_data(mark_safe("<b>0812-7777-8888</b>"))
    assert masked == f"<b>{PHONE}</b>"
    assert not isinstance(masked, SafeData)
    assert not isinstance(mask_personal_data(mark_safe("tanpa data")), SafeData)


def test_none_becomes_empty_text():
    assert mask_personal_data(None) == ""


def render(source, **context):
    return Template("{% load masking %}" + source).render(Context(context))


def test_the_template_filter_masks_then_escapes_and_goes_before_linebreaks():
    html = render(
        "{{ text|mask_personal_data:name|linebreaks }}",
        text="<script>Rahmat Siregar</script>\nHP 0812-7777-8888",
        name="Rahmat Siregar",
    )
    assert html == (f"<p>&lt;script&gt;{NAME}&lt;/script&gt;<br>HP {PHONE}</p>")


def test_the_template_filter_masks_before_truncating():
    html = render(
        "{{ text|mask_personal_data:name|truncatechars:30 }}",
        text="Rahmat Siregar melapor 0812-7777-8888 dan lainnya",
        name="Rahmat Siregar",
    )
    assert "Rahmat" not in html and "0812" not in html
    assert html.startswith(NAME)


def test_the_template_filter_takes_a_list_of_names_or_none():
    assert (
        render(
            "{{ text|mask_personal_data:names }}",
            text="Siti Aminah dan Budi Santoso",
            names=["Siti Aminah", "Budi Santoso"],
        )
        == f"{NAME} dan {NAME}"
    )
    assert render("{{ text|mask_personal_data }}", text="HP 081277778888") == (
        f"HP {PHONE}"
    )
