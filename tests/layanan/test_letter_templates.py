"""Letter templates in the admin: placeholders checked, carried by the standard's
revisions and "Publikasi Standar Layanan" workflow, previewed on sample data."""

from http import HTTPStatus

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, rich_text, streamfield

from layanan.models import StandarLayanan, TemplateSurat
from portal.roles import ADMIN_PORTAL, EDITOR_LAYANAN
from tests.layanan.factories import (
    StandarLayananFactory,
    TemplateSuratFactory,
    role_user,
)
from tests.layanan.test_standar_workflow import URLS, act_on_workflow, form_data

pytestmark = pytest.mark.django_db

KEPERLUAN = ("teks", {"label": "Keperluan surat", "wajib": True, "bantuan": ""})


def with_template(isi, pola_nomor="470/{nomor}/{kode_kecamatan}/{tahun}", **extra):
    return form_data(
        isian=streamfield([KEPERLUAN]),
        template_surat=inline_formset(
            [
                {
                    "nama": "Surat Keterangan Usaha",
                    "judul": "Surat Keterangan Usaha",
                    "pola_nomor": pola_nomor,
                    "isi": rich_text(isi),
                }
            ]
        ),
        **extra,
    )


@pytest.fixture
def editor(client):
    user = role_user(EDITOR_LAYANAN, username="editor.layanan")
    client.force_login(user)
    return user


def test_unknown_placeholders_are_refused_and_named(client, editor):
    response = client.post(
        reverse(f"{URLS}:add"),
        with_template("<p>{{ nama_pemohon }} untuk {{ keperluan }} {{ nama_ibu }}</p>"),
    )
    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert "Penanda tidak dikenal: {{ keperluan }}, {{ nama_ibu }}." in html
    # The message lists what may be used, including the service's own field.
    assert "keperluan_surat" in html
    assert not StandarLayanan.objects.exists()


def test_a_number_pattern_needs_its_number_and_known_placeholders(client, editor):
    response = client.post(
        reverse(f"{URLS}:add"),
        with_template("<p>{{ nama_pemohon }}</p>", pola_nomor="470/{kode}/{tahun}"),
    )
    assert "Penanda nomor tidak dikenal: {kode}." in response.content.decode()
    response = client.post(
        reverse(f"{URLS}:add"),
        with_template("<p>{{ nama_pemohon }}</p>", pola_nomor="470/{tahun}"),
    )
    assert "Pola nomor harus memuat {nomor}." in response.content.decode()


def test_a_template_edit_waits_for_the_workflow_like_the_rest_of_the_standard(
    client, editor
):
    service = StandarLayananFactory(
        nama="Surat Keterangan Usaha", slug="surat-keterangan-usaha"
    )
    service.save_revision().publish()
    body = "<p>{{ nama_pemohon }} untuk {{ keperluan_surat }}</p>"
    response = client.post(
        reverse(f"{URLS}:edit", args=[service.pk]),
        {**with_template(body), "action-submit": "Submit"},
    )
    assert response.status_code == HTTPStatus.FOUND
    # Submitted for approval: officers cannot issue from it yet.
    assert not TemplateSurat.objects.filter(standar=service).exists()
    service.refresh_from_db()
    draft = service.latest_revision.as_object()
    [drafted] = draft.template_surat.all()
    assert "{{ keperluan_surat }}" in drafted.isi

    client.force_login(role_user(ADMIN_PORTAL, username="admin.portal"))
    act_on_workflow(client, service, "approve")
    published = TemplateSurat.objects.get(standar=service)
    assert "{{ keperluan_surat }}" in published.isi


def test_the_letter_preview_mode_fills_sample_values(rf):
    template = TemplateSuratFactory(standar=StandarLayananFactory())
    service = template.standar
    request = rf.get("/")
    response = service.make_preview_request(request, "surat")
    html = response.content.decode()
    assert "SURAT KETERANGAN DOMISILI" in html
    assert "Rina Sembiring" in html
    assert "[Keperluan]" in html
    assert "[Status rumah]" in html
    assert "{{" not in html
    assert ("surat", "Contoh surat") in [
        (mode, str(label)) for mode, label in service.preview_modes
    ]
