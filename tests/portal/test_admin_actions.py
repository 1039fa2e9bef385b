"""The shared processing actions: one description, one availability rule, one view.

The pieces are tested alone with stand-in records and policies, then through a real
app's admin (e-laga), where an action is offered only in the right state and to
users holding its permission, and a refused POST changes nothing.
"""

from http import HTTPStatus
from types import SimpleNamespace

import pytest
from django.contrib.messages import get_messages
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse

from pengaduan.choices import StatusLaporan
from portal.admin_actions import Action, ActionSet
from portal.roles import MODERATOR_PENGADUAN, PETUGAS_OPD
from tests.pengaduan.factories import (
    DispatchedLaporanFactory,
    LaporanFactory,
    PetugasFactory,
)

S = StatusLaporan


def make_action(name="verifikasi", permission="process", **kwargs):
    return Action(
        name=name,
        label=name.title(),
        permission=permission,
        form_class=object,
        success_message="%(code)s",
        run=lambda obj, user, data: None,
        **kwargs,
    )


class GrantedPermissions:
    """A stand-in policy: ``user`` is the set of permissions it holds."""

    def user_has_permission(self, user, permission):
        return permission in user


# The pieces alone.


def test_an_action_is_available_only_in_its_statuses():
    action = make_action(statuses=frozenset({"baru", "diverifikasi"}))
    assert action.is_available(SimpleNamespace(status="baru"))
    assert action.is_available(SimpleNamespace(status="diverifikasi"))
    assert not action.is_available(SimpleNamespace(status="ditutup"))


def test_an_action_without_statuses_or_predicate_is_never_available():
    assert not make_action().is_available(SimpleNamespace(status="baru"))


def test_a_predicate_decides_availability_instead_of_the_statuses():
    action = make_action(
        statuses=frozenset({"baru"}),
        available_when=lambda obj: obj.jumlah_tanda > 0,
    )
    assert action.is_available(SimpleNamespace(status="ditutup", jumlah_tanda=2))
    assert not action.is_available(SimpleNamespace(status="baru", jumlah_tanda=0))


def test_the_set_offers_only_actions_available_and_permitted_in_table_order():
    verify = make_action("verifikasi", statuses=frozenset({"baru"}))
    reject = make_action("tolak", statuses=frozenset({"baru"}))
    follow_up = make_action(
        "tindak-lanjut", permission="followup", statuses=frozenset({"baru"})
    )
    close = make_action("tutup", statuses=frozenset({"selesai"}))
    actions = ActionSet([verify, reject, follow_up, close], GrantedPermissions())
    record = SimpleNamespace(status="baru")

    assert actions.available({"process"}, record) == [verify, reject]
    assert actions.available({"followup"}, record) == [follow_up]
    assert actions.available(set(), record) == []
    assert actions.get("tutup") is close
    assert actions.get("hapus") is None
    assert actions.may_take({"process"}, close)
    assert not actions.may_take({"followup"}, close)


def test_two_actions_with_one_name_are_refused():
    with pytest.raises(ImproperlyConfigured, match="verifikasi"):
        ActionSet([make_action(), make_action()], GrantedPermissions())


# Through the e-laga admin.


def _offered(client, laporan):
    response = client.get(reverse("laporan:inspect", args=[laporan.pk]))
    assert response.status_code == HTTPStatus.OK
    return [item["action"].name for item in response.context["action_links"]]


def _post(client, laporan, action, data=None):
    return client.post(reverse("laporan:action", args=[laporan.pk, action]), data or {})


def _messages(response):
    return [(m.level_tag, str(m)) for m in get_messages(response.wsgi_request)]


@pytest.fixture
def moderator_client(client):
    client.force_login(PetugasFactory(username="moderator", role=MODERATOR_PENGADUAN))
    return client


@pytest.fixture
def officer_client(client):
    client.force_login(
        PetugasFactory(username="pupr", role=PETUGAS_OPD, opd="dinas-pupr")
    )
    return client


@pytest.mark.django_db
def test_an_action_in_the_wrong_state_is_not_offered_and_its_post_changes_nothing(
    moderator_client,
):
    laporan = DispatchedLaporanFactory()
    assert "verifikasi" not in _offered(moderator_client, laporan)

    response = _post(moderator_client, laporan, "verifikasi")

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == reverse("laporan:inspect", args=[laporan.pk])
    assert _messages(response) == [
        (
            "error",
            "Tindakan “Verifikasi” tidak tersedia untuk status laporan ini.",
        )
    ]
    laporan.refresh_from_db()
    assert laporan.status == S.DIDISPOSISIKAN
    assert not laporan.linimasa.exists()


@pytest.mark.django_db
def test_an_action_without_the_permission_is_not_offered_and_its_post_is_refused(
    officer_client,
):
    laporan = DispatchedLaporanFactory()
    offered = _offered(officer_client, laporan)
    assert offered == ["tindak-lanjut", "selesaikan"]

    response = _post(officer_client, laporan, "disposisi")

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == reverse("wagtailadmin_home")
    laporan.refresh_from_db()
    assert laporan.status == S.DIDISPOSISIKAN
    assert not laporan.linimasa.exists()


@pytest.mark.django_db
def test_the_flag_decision_is_offered_only_while_readers_flagged_the_report(
    moderator_client,
):
    unflagged = LaporanFactory(status=S.DIVERIFIKASI, batas_waktu=None)
    assert "tanda-pembaca" not in _offered(moderator_client, unflagged)
    response = _post(
        moderator_client,
        unflagged,
        "tanda-pembaca",
        {"tanda-pembaca-keputusan": "sembunyikan"},
    )
    assert [level for level, _text in _messages(response)] == ["error"]
    unflagged.refresh_from_db()
    assert not unflagged.disembunyikan
    assert not unflagged.linimasa.exists()

    flagged = DispatchedLaporanFactory(jumlah_tanda=2, disembunyikan=True)
    assert "tanda-pembaca" in _offered(moderator_client, flagged)


@pytest.mark.django_db
def test_an_unknown_action_answers_404(moderator_client):
    laporan = LaporanFactory()
    response = _post(moderator_client, laporan, "hapus")
    assert response.status_code == HTTPStatus.NOT_FOUND


# The action's own page (a form view).


def _action_url(laporan, action):
    return reverse("laporan:action", args=[laporan.pk, action])


@pytest.mark.django_db
def test_an_actions_page_shows_the_records_status_deadline_and_the_form(
    moderator_client,
):
    laporan = LaporanFactory()
    response = moderator_client.get(_action_url(laporan, "verifikasi"))

    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    summary = html[html.index('class="processing-summary"') : html.index("<form")]
    assert "Baru" in summary
    assert "Batas waktu tahap ini" in summary
    assert laporan.batas_waktu.strftime("%Y") in summary
    assert 'name="verifikasi-catatan"' in html
    detail_url = reverse("laporan:inspect", args=[laporan.pk])
    assert f'href="{detail_url}"' in html
    assert f"Verifikasi: {laporan.kode_lacak}" in html


@pytest.mark.django_db
def test_an_unavailable_actions_page_redirects_with_a_message(moderator_client):
    laporan = DispatchedLaporanFactory()
    response = moderator_client.get(_action_url(laporan, "verifikasi"))
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == reverse("laporan:inspect", args=[laporan.pk])
    assert [level for level, _text in _messages(response)] == ["error"]


@pytest.mark.django_db
def test_an_actions_page_outside_the_officers_scope_answers_404(client):
    laporan = DispatchedLaporanFactory()
    client.force_login(PetugasFactory(role=PETUGAS_OPD, opd="dinkes"))
    for method in (client.get, client.post):
        response = method(_action_url(laporan, "tindak-lanjut"))
        assert response.status_code == HTTPStatus.NOT_FOUND


@pytest.mark.django_db
def test_a_refused_form_comes_back_with_what_was_typed_and_saves_nothing(
    moderator_client,
):
    laporan = DispatchedLaporanFactory()
    response = _post(
        moderator_client,
        laporan,
        "tindak-lanjut",
        {"tindak-lanjut-pesan": "x" * 4001, "tindak-lanjut-publik": "on"},
    )
    assert response.status_code == HTTPStatus.OK
    assert response.context["form"].errors["pesan"]
    assert "x" * 4001 in response.content.decode()
    assert not laporan.linimasa.exists()


@pytest.mark.django_db
def test_a_service_error_goes_beside_its_field_or_above_the_fields():
    from django import forms
    from django.core.exceptions import ValidationError

    from portal.admin_actions import add_service_errors

    class NoteForm(forms.Form):
        catatan = forms.CharField(required=False)

    form = NoteForm({"catatan": ""})
    assert form.is_valid()
    add_service_errors(
        form, ValidationError({"catatan": "Wajib.", "pesan": "Tidak di formulir."})
    )
    add_service_errors(form, ValidationError("Sudah terlambat."))
    assert form.errors["catatan"] == ["Wajib."]
    assert form.non_field_errors() == ["Tidak di formulir.", "Sudah terlambat."]


# Where the actions are offered.


@pytest.mark.django_db
def test_the_records_page_opens_with_its_status_and_the_actions_as_header_buttons(
    moderator_client,
):
    laporan = LaporanFactory()
    html = moderator_client.get(
        reverse("laporan:inspect", args=[laporan.pk])
    ).content.decode()
    header = html[html.index("<header") : html.index("</header>")]
    for action in ("verifikasi", "tolak"):
        assert f'href="{_action_url(laporan, action)}"' in header
    # The irreversible one waits in the header's "more" menu, still in the header.
    assert _action_url(laporan, "jadikan-rahasia") in header
    # The status and deadline come before the record's own sections.
    assert html.index('class="processing-summary"') < html.index("ringkasan-heading")
    # The forms are on the actions' pages, not far down this one.
    assert "<textarea" not in html


@pytest.mark.django_db
def test_a_record_without_actions_says_so_at_the_top(officer_client):
    laporan = DispatchedLaporanFactory(status=S.SELESAI, batas_waktu=None)
    html = officer_client.get(
        reverse("laporan:inspect", args=[laporan.pk])
    ).content.decode()
    assert "Tidak ada tindakan yang dapat Anda lakukan pada status ini." in html
    assert "Tidak ada batas waktu berjalan" in html


@pytest.mark.django_db
def test_each_list_row_offers_the_actions_available_to_the_user(client):
    new = LaporanFactory()
    dispatched = DispatchedLaporanFactory()
    client.force_login(PetugasFactory(username="moderator", role=MODERATOR_PENGADUAN))
    html = client.get(reverse("laporan:index")).content.decode()
    for action in ("verifikasi", "tolak", "jadikan-rahasia"):
        assert _action_url(new, action) in html
    assert _action_url(dispatched, "verifikasi") not in html
    assert _action_url(dispatched, "disposisi") in html

    client.force_login(
        PetugasFactory(username="pupr", role=PETUGAS_OPD, opd="dinas-pupr")
    )
    html = client.get(reverse("laporan:index")).content.decode()
    assert _action_url(dispatched, "tindak-lanjut") in html
    assert _action_url(dispatched, "disposisi") not in html
    assert _action_url(new, "verifikasi") not in html


def test_an_action_may_stay_off_the_list_rows():
    listed = make_action("proses", statuses=frozenset({"baru"}))
    costly = make_action("perpanjang", statuses=frozenset({"baru"}), in_listing=False)
    actions = ActionSet([listed, costly], GrantedPermissions())
    record = SimpleNamespace(status="baru")
    assert actions.available({"process"}, record) == [listed, costly]
    assert actions.available({"process"}, record, listing=True) == [listed]
