from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save, pre_save
from django.utils.translation import gettext_lazy as _


class PengaduanConfig(AppConfig):
    """e-laga: complaints and aspirations, their statistics, and Open311."""

    name = "pengaduan"
    verbose_name = _("e-laga")

    def ready(self):
        from pengaduan import statistics_rollup as rollup
        from pengaduan.models import KategoriLaporan, Laporan
        from portal.models import HariLibur

        # Connected here, not in wagtail_hooks, so that every process (the admin,
        # the API, the task worker, a management command) keeps the rollup exact.
        pre_save.connect(rollup.remember_stored_figures, sender=Laporan)
        post_save.connect(rollup.count_saved_report, sender=Laporan)
        post_delete.connect(rollup.uncount_deleted_report, sender=Laporan)
        pre_save.connect(rollup.remember_target, sender=KategoriLaporan)
        post_save.connect(rollup.rebuild_after_target_change, sender=KategoriLaporan)
        for signal in (post_save, post_delete):
            signal.connect(rollup.rebuild_after_calendar_change, sender=HariLibur)
