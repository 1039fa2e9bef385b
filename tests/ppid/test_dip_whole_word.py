"""The DIP's keyword filter matches words from their beginning: "anggaran" finds
"Anggaran" and "anggarannya" but never the middle of "Pelanggaran"."""

import pytest

from tests.ppid.factories import InformasiPublikPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def dip_items(dip_index):
    items = {
        "DIP-A": ("Rencana Anggaran 2026", "Ringkasan isi informasi."),
        "DIP-B": ("Laporan pelanggaran disiplin", "Sanksi atas pelanggaran."),
        "DIP-C": ("Realisasi belanja", "Penggunaan anggarannya per triwulan."),
        "DIP-D": ("Data kepegawaian", "Jumlah pegawai per OPD."),
    }
    for nomor, (title, ringkasan) in items.items():
        InformasiPublikPageFactory(
            parent=dip_index, nomor=nomor, title=title, ringkasan=ringkasan
        )
    return items


def listed(client, dip_index, query):
    response = client.get(dip_index.url, {"q": query})
    return {item.nomor for item in response.context["items"]}


def test_a_word_never_matches_inside_another_word(client, dip_items, dip_index):
    assert listed(client, dip_index, "anggaran") == {"DIP-A", "DIP-C"}


def test_matching_ignores_case_and_finds_a_word_by_its_beginning(
    client, dip_items, dip_index
):
    assert listed(client, dip_index, "PELANGGARAN") == {"DIP-B"}
    assert listed(client, dip_index, "pegawai") == {"DIP-D"}
    assert listed(client, dip_index, "kepeg") == {"DIP-D"}


def test_every_word_typed_must_be_found(client, dip_items, dip_index):
    assert listed(client, dip_index, "anggaran rencana") == {"DIP-A"}
    assert listed(client, dip_index, "anggaran disiplin") == set()


def test_signs_in_the_keyword_are_ignored_not_read_as_a_pattern(
    client, dip_items, dip_index
):
    assert listed(client, dip_index, "anggaran.*") == {"DIP-A", "DIP-C"}
    assert listed(client, dip_index, "(") == {"DIP-A", "DIP-B", "DIP-C", "DIP-D"}
