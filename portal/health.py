"""Liveness and readiness endpoints for load balancers and orchestrators.

``/healthz`` says only that the process answers (no database, nothing shared), so a
restart is never triggered by a service the app depends on. ``/readyz`` runs
django-health-check's checks of the database, the cache and both storages, plus the
task queue's lag, and answers 503 while any fails, so the balancer sends no traffic
to an app server that cannot serve.

Why our own view on django-health-check's checks rather than its ``HealthCheckView``:
that view answers 500 on failure and names checks by their ``repr``; probes expect
503 and one stable JSON shape. The answers name each check and say "ok" or "error",
nothing more: details (host names, error texts) go to the log, never to the public.
"""

import asyncio
import dataclasses
import datetime

from django.conf import settings
from django.db.models import Case, F, Min, When
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django_tasks_db.models import DBTaskResult, get_date_max
from health_check.base import HealthCheck
from health_check.checks import Cache, Database, Storage
from health_check.exceptions import ServiceUnavailable
from health_check.views import HealthCheckView


@dataclasses.dataclass
class TaskQueueLag(HealthCheck):
    """The oldest task ready to run has waited at most ``READYZ_MAX_TASK_LAG_SECONDS``.

    A task waits from when it was queued, or from its ``run_after`` time if it was
    scheduled; a longer wait means no worker (``manage.py db_worker``) keeps up.
    """

    async def run(self):
        # The async ORM runs in the request's own thread and connection.
        waiting_since = await (
            DBTaskResult.objects.ready()
            .annotate(
                due=Case(
                    When(run_after=get_date_max(), then=F("enqueued_at")),
                    default=F("run_after"),
                )
            )
            .aaggregate(oldest=Min("due"))
        )
        oldest = waiting_since["oldest"]
        limit = datetime.timedelta(seconds=settings.READYZ_MAX_TASK_LAG_SECONDS)
        if oldest is not None and timezone.now() - oldest > limit:
            raise ServiceUnavailable("The oldest ready task waits beyond the limit.")


#: The name of each readiness check in the answer, and the check.
READINESS_CHECKS = {
    "database": (Database, {}),
    "cache": (Cache, {}),
    "media_storage": (Storage, {"alias": "default"}),
    "private_storage": (Storage, {"alias": "private"}),
    "task_queue": (TaskQueueLag, {}),
}


class ReadinessView(HealthCheckView):
    """``/readyz``: 200 when every check passes, 503 otherwise; never cached."""

    checks = tuple(READINESS_CHECKS.values())

    async def get(self, request, *args, **kwargs):
        with self.get_executor() as executor:
            results = await asyncio.gather(
                *(check.get_result(executor) for check in self.get_checks())
            )
        checks = {
            name: "error" if result.error else "ok"
            for name, result in zip(READINESS_CHECKS, results, strict=True)
        }
        ready = "error" not in checks.values()
        return JsonResponse(
            {"status": "ok" if ready else "error", "checks": checks},
            status=200 if ready else 503,
        )


@never_cache
def liveness(request):
    """``/healthz``: the process answers; touches no database or cache."""
    return JsonResponse({"status": "ok"})
