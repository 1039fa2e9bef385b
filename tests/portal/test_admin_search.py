"""The admin lists find records by the words of their texts (issue 13).

Every word typed must appear in one of the searched fields. Reports are searched by
code, title and text; KIP requests by the information asked for and the public
summary; applications by service, kecamatan and answers. A citizen's identity
(name, phone, email; an ID number only whole) is searched only by the users who may
see it: an OPD officer never finds an anonymous report by its reporter's name.
"""

import pytest
from django.urls import reverse

from layanan.choices import StatusPermohonan
from portal.roles import ATASAN_PPID, EDITOR_PPID, MODERATOR_PENGADUAN, PETUGAS_OPD
from ppid.choices import KeputusanPermohonan
from tests.layanan.factories import (
    PermohonanFactory,
    StandarLayananFactory,
    kecamatan_officer,
)
from tests.pengaduan.factories import DispatchedLaporanFactory, PetugasFactory
from tests.ppid.factories import (
    DecidedPermohonanFactory,
    PermohonanInformasiFactory,
    create_kip_request,
)

pytestmark = pytest.mark.django_db


def found(client, namespace, query):
    response = client.get(reverse(f"{namespace}:index"), {"q": query})
    assert response.status_code == 200
    return set(response.context["object_list"])


@pytest.fixture
def reports():
    named = DispatchedLaporanFactory(
        judul="Drainase tersumbat",
        isi="Saluran di depan pasar Stabat meluap setiap hujan.",
        nama_pelapor="Siti Rahmawati",
    )
    anonymous = DispatchedLaporanFactory(
        judul="Pungutan di kantor desa",
        isi="Petugas meminta uang untuk surat pengantar.",
        nama_pelapor="Siti Aminah",
        nik="1205015203850099",
        anonim=True,
    )
    return named, anonymous


def test_a_report_is_found_by_words_of_its_title_and_text(client, reports):
    named, anonymous = reports
    client.force_login(PetugasFactory(username="moderator", role=MODERATOR_PENGADUAN))

    assert found(client, "laporan", "pasar meluap") == {named}
    assert found(client, "laporan", "drainase hujan") == {named}
    assert found(client, "laporan", "uang") == {anonymous}
    assert found(client, "laporan", "pasar uang") == set()


def test_an_opd_officer_finds_no_anonymous_report_by_its_reporters_name(
    client, reports
):
    named, anonymous = reports
    client.force_login(
        PetugasFactory(username="pupr", role=PETUGAS_OPD, opd="dinas-pupr")
    )

    assert found(client, "laporan", "Siti") == {named}
    assert found(client, "laporan", "Aminah") == set()
    assert found(client, "laporan", anonymous.nik) == set()
    assert found(client, "laporan", "pungutan") == {anonymous}


def test_moderators_find_any_reporter_and_a_nik_only_whole(client, reports):
    named, anonymous = reports
    client.force_login(PetugasFactory(username="moderator", role=MODERATOR_PENGADUAN))

    assert found(client, "laporan", "Siti") == {named, anonymous}
    assert found(client, "laporan", anonymous.nik) == {anonymous}
    assert found(client, "laporan", anonymous.nik[:12]) == set()


def test_a_kip_request_is_found_by_the_information_asked_and_its_summary(client):
    apbd = PermohonanInformasiFactory(
        informasi_diminta="Salinan kontrak pembangunan jembatan Securai 2025."
    )
    summarised = DecidedPermohonanFactory(
        informasi_diminta="Daftar penerima bantuan sosial.",
        ringkasan_publik="Data penerima bansos Kecamatan Babalan",
        nama="Ahmad Fauzi",
    )
    client.force_login(PetugasFactory(username="ppid", role=EDITOR_PPID))

    assert found(client, "permohonan_informasi", "jembatan kontrak") == {apbd}
    assert found(client, "permohonan_informasi", "bansos") == {summarised}
    assert found(client, "permohonan_informasi", "Fauzi") == {summarised}
    assert found(client, "permohonan_informasi", apbd.nomor_identitas[:6]) == set()


def test_an_objection_is_found_by_the_words_of_its_request(client):
    permohonan = create_kip_request(
        informasi_diminta="Laporan keuangan BUMD 2025.",
        decided=KeputusanPermohonan.DITOLAK,
        objection=True,
    )
    create_kip_request(decided=KeputusanPermohonan.DITOLAK, objection=True)
    client.force_login(PetugasFactory(username="atasan", role=ATASAN_PPID))

    assert found(client, "keberatan_informasi", "BUMD keuangan") == {
        permohonan.keberatan
    }


def test_an_application_is_found_by_its_service_and_answers(client):
    ktp = PermohonanFactory(
        layanan=StandarLayananFactory(nama="Surat Keterangan Tidak Mampu"),
        status=StatusPermohonan.DIAJUKAN,
        jawaban=[
            {"kunci": "keperluan", "label": "Keperluan", "nilai": "Beasiswa kuliah"}
        ],
    )
    other = PermohonanFactory(nama="Rina Sembiring")
    client.force_login(kecamatan_officer("babalan"))

    assert found(client, "permohonan_layanan", "tidak mampu") == {ktp}
    assert found(client, "permohonan_layanan", "beasiswa") == {ktp}
    assert found(client, "permohonan_layanan", "Sembiring") == {ktp, other}
    assert found(client, "permohonan_layanan", other.nik) == {ktp, other}


def test_another_kecamatans_application_is_not_found_by_any_word(client):
    babalan = PermohonanFactory(nama="Rina Sembiring")
    client.force_login(kecamatan_officer("stabat"))

    assert found(client, "permohonan_layanan", "Rina") == set()
    assert found(client, "permohonan_layanan", babalan.kode_lacak) == set()
