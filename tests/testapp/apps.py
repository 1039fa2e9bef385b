from django.apps import AppConfig


class TestAppConfig(AppConfig):
    """Concrete models for testing abstract core machinery; installed in tests only."""

    name = "tests.testapp"
    label = "testapp"
