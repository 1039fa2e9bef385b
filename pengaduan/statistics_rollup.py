"""The statistics rollup (``StatistikLaporan``): kept exact as reports change.

A report's *contribution* is one count per grouping (kategori, kecamatan, OPD) under
its month of receipt, status, on-time flag and working days to the first answer.
Saving a report replaces its old contribution by the new one in the same
transaction (``pre_save`` reads the stored row, ``post_save`` applies the
difference); deleting one removes it. Writes that bypass signals (``update()``,
``bulk_create``) must call :func:`rebuild_statistics`, as must anything that changes
the calendar or a category's resolution target, which the on-time flags and the
working days depend on: the receivers below do that for ``HariLibur`` and
``KategoriLaporan``.
"""

from collections import Counter

from django.db import connections, router, transaction
from django.utils.functional import SimpleLazyObject

from pengaduan.choices import StatusLaporan
from pengaduan.models import (
    DimensiStatistik,
    KategoriLaporan,
    Laporan,
    StatistikLaporan,
)
from portal.working_days import WorkingDayCalendar, to_local_date

RESOLVED_STATUSES = (StatusLaporan.SELESAI, StatusLaporan.DITUTUP)

#: The report's columns that its contribution depends on.
FIELDS = (
    "diterima_pada",
    "status",
    "selesai_pada",
    "ditutup_pada",
    "tindak_lanjut_pertama_pada",
    "kategori_id",
    "kecamatan_id",
    "perangkat_daerah_id",
)
_VALUES = (*FIELDS, "kategori__target_hari_kerja")
_KEY_FIELDS = (
    "bulan",
    "dimensi",
    "kunci",
    "status",
    "tepat_waktu",
    "ada_tanggapan",
    "hari_tanggapan",
)


def contribution(values, target_days, calendar):
    """The rollup keys one report counts under (one per grouping).

    ``values`` maps :data:`FIELDS` to the report's values; ``calendar`` is a
    ``WorkingDayCalendar`` covering its dates.
    """
    received_on = to_local_date(values["diterima_pada"])
    status = values["status"]
    resolved = status in RESOLVED_STATUSES
    resolved_at = values["selesai_pada"] or values["ditutup_pada"]
    resolved_on = to_local_date(resolved_at) if resolved and resolved_at else None
    on_time = bool(
        resolved_on and resolved_on <= calendar.add(received_on, target_days)
    )
    first_answer = values["tindak_lanjut_pertama_pada"] or (
        values["selesai_pada"] if resolved else None
    )
    days = (
        calendar.between(received_on, to_local_date(first_answer))
        if first_answer
        else 0
    )
    month = received_on.replace(day=1)
    figures = (status, on_time, first_answer is not None, max(days, 0))
    return [
        (month, dimension, key, *figures)
        for dimension, key in (
            (DimensiStatistik.KATEGORI.value, values["kategori_id"]),
            (DimensiStatistik.KECAMATAN.value, values["kecamatan_id"]),
            (DimensiStatistik.OPD.value, values["perangkat_daerah_id"] or 0),
        )
    ]


def _stored_contribution(pk):
    row = Laporan.objects.filter(pk=pk).values(*_VALUES).first()
    if row is None:
        return []
    target = row["kategori__target_hari_kerja"] or 0
    return contribution(row, target, WorkingDayCalendar.complete())


def _instance_contribution(laporan):
    values = {name: getattr(laporan, name) for name in FIELDS}
    # Read only when needed: a new report (the common save) is neither answered
    # nor resolved, and the target decides only whether a resolved one was on time.
    calendar = SimpleLazyObject(WorkingDayCalendar.complete)
    target = 0
    if values["status"] in RESOLVED_STATUSES:
        target = (
            KategoriLaporan.objects.filter(pk=laporan.kategori_id)
            .values_list("target_hari_kerja", flat=True)
            .first()
        )
    return contribution(values, target or 0, calendar)


def apply_difference(old_keys, new_keys):
    """Move counts from ``old_keys`` to ``new_keys`` (each key counts once)."""
    change = Counter(new_keys)
    change.subtract(Counter(old_keys))
    # One order for every writer, so concurrent transactions never deadlock.
    _add_counts(sorted((key, amount) for key, amount in change.items() if amount))


def _add_counts(rows):
    """Add each ``(key, amount)`` to its rollup row, creating the rows not there
    yet, in one statement (an upsert, which Django's ORM does not write for an
    increment): a new report touched three rows with three updates before.
    PostgreSQL and SQLite take the rows in the order given."""
    if not rows:
        return
    connection = connections[router.db_for_write(StatistikLaporan)]
    quote = connection.ops.quote_name
    fields = [StatistikLaporan._meta.get_field(name) for name in _KEY_FIELDS]
    key_columns = ", ".join(quote(field.column) for field in fields)
    table, count = quote(StatistikLaporan._meta.db_table), quote("jumlah")
    placeholders = "(" + ", ".join(["%s"] * (len(fields) + 1)) + ")"
    params = []
    for key, amount in rows:
        params += [
            field.get_db_prep_save(value, connection)
            for field, value in zip(fields, key, strict=True)
        ]
        params.append(amount)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} ({key_columns}, {count}) "  # noqa: S608 - names quoted
            f"VALUES {', '.join([placeholders] * len(rows))} "
            f"ON CONFLICT ({key_columns}) "
            f"DO UPDATE SET {count} = {table}.{count} + excluded.{count}",
            params,
        )


def _touches_figures(update_fields):
    return update_fields is None or bool(set(update_fields) & set(FIELDS))


def remember_stored_figures(sender, instance, update_fields=None, raw=False, **kw):
    """``pre_save``: note the report's contribution as stored before this save."""
    if raw or instance._state.adding or not _touches_figures(update_fields):
        instance._statistik_lama = None
        return
    instance._statistik_lama = _stored_contribution(instance.pk)


def count_saved_report(sender, instance, update_fields=None, raw=False, **kwargs):
    """``post_save``: replace the report's old contribution by its new one."""
    if raw or not _touches_figures(update_fields):
        return
    old = getattr(instance, "_statistik_lama", None) or []
    apply_difference(old, _instance_contribution(instance))
    instance._statistik_lama = None


def uncount_deleted_report(sender, instance, **kwargs):
    """``post_delete``: remove the report's contribution."""
    apply_difference(_instance_contribution(instance), [])


def rebuild_statistics(laporan_model=Laporan, rollup_model=StatistikLaporan):
    """Recount the whole rollup from the reports (idempotent).

    Takes the models as arguments so the data migration can pass its historical
    ones. Reads the reports in chunks, so memory stays flat at any size.
    """
    calendar = WorkingDayCalendar.complete()
    counts = Counter()
    rows = laporan_model.objects.order_by().values(*_VALUES).iterator(chunk_size=5000)
    for row in rows:
        target = row["kategori__target_hari_kerja"] or 0
        counts.update(contribution(row, target, calendar))
    with transaction.atomic():
        rollup_model.objects.all().delete()
        rollup_model.objects.bulk_create(
            (
                rollup_model(**dict(zip(_KEY_FIELDS, key, strict=True)), jumlah=amount)
                for key, amount in counts.items()
            ),
            batch_size=2000,
        )
    return sum(counts.values()) // len(DimensiStatistik)


def rebuild_after_calendar_change(sender, raw=False, **kwargs):
    """A closure added or removed changes on-time flags and working-day counts."""
    if not raw:
        rebuild_statistics()


def remember_target(sender, instance, raw=False, **kwargs):
    """``pre_save`` of a category: note its stored resolution target."""
    instance._target_lama = (
        None
        if raw or instance._state.adding
        else KategoriLaporan.objects.filter(pk=instance.pk)
        .values_list("target_hari_kerja", flat=True)
        .first()
    )


def rebuild_after_target_change(sender, instance, raw=False, **kwargs):
    """A changed resolution target changes the category's on-time flags."""
    old = getattr(instance, "_target_lama", None)
    if not raw and old is not None and old != instance.target_hari_kerja:
        rebuild_statistics()
