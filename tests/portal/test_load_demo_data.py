"""``load_demo_data --app`` loads one app's demo on top of the base site."""

import io

import pytest
from django.core.management import CommandError, call_command

from home.models import HomePage
from layanan.models import StandarLayanan
from pasar.models import ProdukPage
from pengaduan.models import Laporan

pytestmark = pytest.mark.django_db


def test_one_app_is_loaded_with_the_base_site_and_nothing_else():
    call_command("load_demo_data", app=["pengaduan"], stdout=io.StringIO())

    assert HomePage.objects.exists()
    assert Laporan.objects.exists()
    assert not StandarLayanan.objects.exists()
    assert not ProdukPage.objects.exists()


def test_an_unknown_app_is_refused_before_anything_is_loaded():
    with pytest.raises(CommandError, match="Unknown app: kantor"):
        call_command("load_demo_data", app=["kantor"], stdout=io.StringIO())

    assert not HomePage.objects.exists()


def test_the_demo_queues_no_email_for_the_production_worker(settings):
    """With production's task queue the demo's emails would wait for the worker and
    go out by real SMTP to example.com; the loader sends them nowhere at once."""
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

    call_command("load_demo_data", app=["pengaduan"], stdout=io.StringIO())

    assert Laporan.objects.exists()
    assert not DBTaskResult.objects.exists()
