"""/healthz answers while the process runs; /readyz only while the database, cache,
storages and task queue serve (portal.health)."""

import datetime
from http import HTTPStatus

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

pytestmark = pytest.mark.django_db

ALL_CHECKS = {"database", "cache", "media_storage", "private_storage", "task_queue"}


def queue_task(waiting_seconds, **fields):
    """A task ready to run, queued ``waiting_seconds`` ago."""
    task = DBTaskResult.objects.create(
        task_path="portal.notifications.send_email",
        args_kwargs={"args": [], "kwargs": {}},
        backend_name="default",
        **fields,
    )
    queued_at = timezone.now() - datetime.timedelta(seconds=waiting_seconds)
    DBTaskResult.objects.filter(pk=task.pk).update(enqueued_at=queued_at)
    return task


def assert_probe_headers(response):
    assert response["Content-Type"] == "application/json"
    assert "no-store" in response["Cache-Control"]


def test_liveness_answers_without_touching_the_database(
    client, django_assert_num_queries
):
    with django_assert_num_queries(0):
        response = client.get("/healthz")
    assert response.status_code == HTTPStatus.OK
    assert response.json() == {"status": "ok"}
    assert_probe_headers(response)


def test_readiness_is_ok_when_every_service_answers(client):
    response = client.get("/readyz")
    assert response.status_code == HTTPStatus.OK
    assert response.json() == {
        "status": "ok",
        "checks": dict.fromkeys(ALL_CHECKS, "ok"),
    }
    assert_probe_headers(response)


def test_a_task_waiting_beyond_the_limit_makes_the_server_not_ready(client, settings):
    settings.READYZ_MAX_TASK_LAG_SECONDS = 300
    queue_task(waiting_seconds=60)
    assert client.get("/readyz").status_code == HTTPStatus.OK

    queue_task(waiting_seconds=301)
    response = client.get("/readyz")
    assert response.status_code == HTTPStatus.SERVICE_UNAVAILABLE
    body = response.json()
    assert body["status"] == "error"
    assert body["checks"]["task_queue"] == "error"
    assert body["checks"]["database"] == "ok"


def test_finished_or_scheduled_tasks_do_not_count_as_lag(client):
    queue_task(waiting_seconds=3600, status="SUCCESSFUL")
    # Queued an hour ago to run in a day: not due, so not waiting.
    queue_task(
        waiting_seconds=3600,
        run_after=timezone.now() + datetime.timedelta(days=1),
    )
    # Due a minute ago: waiting for a minute, whenever it was queued.
    queue_task(
        waiting_seconds=3600,
        run_after=timezone.now() - datetime.timedelta(seconds=60),
    )
    assert client.get("/readyz").status_code == HTTPStatus.OK


def test_an_unreachable_cache_makes_the_server_not_ready(client, settings):
    # Port 1 on this machine: nothing listens, the connection is refused at once.
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
        }
    }
    response = client.get("/readyz")
    assert response.status_code == HTTPStatus.SERVICE_UNAVAILABLE
    body = response.json()
    assert body == {
        "status": "error",
        "checks": {**dict.fromkeys(ALL_CHECKS, "ok"), "cache": "error"},
    }
    assert "127.0.0.1" not in response.content.decode()
    assert_probe_headers(response)
