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
    return [item["action"].name for item in response.context["action_forms"]]


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
