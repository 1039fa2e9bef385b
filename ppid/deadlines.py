"""Every KIP deadline, computed by one function from the stored facts and the calendar.

The rules, as UU 14/2008 reads:

- **Pasal 22 ayat (7)**: the PPID answers a request in writing at the latest
  10 hari kerja after receiving it.
- **Pasal 22 ayat (8)**: the PPID may extend that period once, by at most 7 hari
  kerja, with written reasons. It extends a *running* period: only while the
  10 hari kerja run and no decision exists. An extension entered later would erase a
  lateness that already happened.
- **Pasal 35 ayat (1) and Pasal 36 ayat (1)**: the requester may object within
  30 hari kerja after the ground for the objection arises. That is the decision
  when one exists, however late it came (a refusal, a partial answer, costs,
  manner). While none exists, it is the missed answer deadline (Pasal 35 ayat (1)
  huruf e and g: a request not answered in time).
- **Pasal 36 ayat (2)**: the atasan PPID answers an objection at the latest
  30 hari kerja after it was registered.

Day 0 is the date of the event in WIB; working days come from
:mod:`portal.working_days`, including the admins' extra closures. Nothing here is
stored; ``batas_waktu`` columns are copies refreshed from this module (see
:class:`portal.working_days.RunningDeadlineMixin`).
"""

import datetime
from dataclasses import dataclass

from portal.working_days import WorkingDayCalendar, to_local_date

#: Pasal 22 ayat (7): hari kerja to answer a request.
ANSWER_DAYS = 10
#: Pasal 22 ayat (8): the single extension, in hari kerja.
EXTENSION_DAYS = 7
#: Pasal 36 ayat (1): hari kerja to file an objection once its ground arises.
OBJECTION_FILING_DAYS = 30
#: Pasal 36 ayat (2): hari kerja for the atasan PPID to answer an objection.
OBJECTION_ANSWER_DAYS = 30

# Calendar days a calendar must reach past its last event to hold every deadline.
_CALENDAR_REACH_DAYS = 120


@dataclass(frozen=True)
class KIPDeadlines:
    """The deadlines of one request and its objection, as dates (WIB)."""

    #: The answer deadline: 10 hari kerja, or 17 after the extension.
    answer: datetime.date
    #: The last day an extension may still be given: the end of the 10 hari kerja.
    extension_until: datetime.date
    #: The day the 30 hari kerja to object count from: the decision, or while
    #: there is none, the missed answer deadline.
    objection_from: datetime.date
    #: The last day to file an objection.
    objection_until: datetime.date
    #: The atasan PPID's deadline, once an objection is filed.
    objection_answer: datetime.date | None


def kip_deadlines(
    received, *, extended=False, decided=None, objection_filed=None, calendar=None
):
    """The deadlines of a request received on ``received`` (a date or datetime).

    ``extended``: whether the one extension was given; ``decided`` and
    ``objection_filed``: when the decision and the objection came, if they did.
    Pass a ``calendar`` to compute many requests with one query.
    """
    received = to_local_date(received)
    decided = to_local_date(decided) if decided else None
    filed = to_local_date(objection_filed) if objection_filed else None
    if calendar is None:
        latest = max(day for day in (received, decided, filed) if day)
        calendar = WorkingDayCalendar(
            received, latest + datetime.timedelta(days=_CALENDAR_REACH_DAYS)
        )
    extension_until = calendar.add(received, ANSWER_DAYS)
    answer = (
        calendar.add(received, ANSWER_DAYS + EXTENSION_DAYS)
        if extended
        else extension_until
    )
    objection_from = decided or answer
    return KIPDeadlines(
        answer=answer,
        extension_until=extension_until,
        objection_from=objection_from,
        objection_until=calendar.add(objection_from, OBJECTION_FILING_DAYS),
        objection_answer=(
            calendar.add(filed, OBJECTION_ANSWER_DAYS) if filed else None
        ),
    )
