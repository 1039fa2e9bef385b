"""Every state change of an e-laga report goes through these functions (STYLE §2)."""

import hashlib

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from pengaduan.choices import JenisCatatan, StatusLaporan
from pengaduan.models import (
    FLAGS_TO_HIDE,
    REOPEN_WINDOW_DAYS,
    CatatanLaporan,
    DukunganLaporan,
    LampiranLaporan,
    Laporan,
    TandaLaporan,
)
from portal.log_actions import logged_note
from portal.notifications import notify
from portal.status import StatusMachine, change_status
from portal.uploads import original_file_name
from portal.working_days import working_days_between

MAX_ATTACHMENTS = 5

#: Audit-log action of a moderator making a report confidential.
CONFIDENTIAL_ACTION = "pengaduan.make_confidential"
#: Audit-log action of a follow-up or internal note that changes no status.
NOTE_ACTION = "pengaduan.note"
#: Audit-log action of a moderator's decision on readers' flags.
FLAGS_ACTION = "pengaduan.flags_decision"
#: Audit-log actions of the reporter adding information and rating the answer.
REPORTER_INFORMATION_ACTION = "pengaduan.reporter_information"
RATING_ACTION = "pengaduan.rating"

S = StatusLaporan
LAPORAN_STATUS = StatusMachine(
    transitions={
        S.BARU: {S.DIVERIFIKASI, S.DITOLAK},
        S.DIVERIFIKASI: {S.DIDISPOSISIKAN, S.DITOLAK},
        S.DIDISPOSISIKAN: {S.DIDISPOSISIKAN, S.DITINDAKLANJUTI, S.SELESAI},
        S.DITINDAKLANJUTI: {S.DIDISPOSISIKAN, S.SELESAI},
        S.SELESAI: {S.DITUTUP, S.DIDISPOSISIKAN},
        S.DITUTUP: set(),
        S.DITOLAK: set(),
    },
    labels=dict(StatusLaporan.choices),
)


def _timeline_email(laporan, entry):
    """Tell the reporter about a public timeline entry."""
    if not entry.is_public:
        return
    notify(
        [laporan.email],
        _("[e-laga] %(code)s: %(status)s")
        % {"code": laporan.kode_lacak, "status": laporan.get_status_display()},
        "pengaduan/email/timeline_entry.txt",
        {"laporan": laporan, "entry": entry, "secret_url": laporan.secret_url()},
    )


def _change(laporan, to_status, user, message, public=True, log_data=None):
    entry = change_status(
        laporan,
        LAPORAN_STATUS,
        to_status,
        timeline=laporan.linimasa,
        user=user,
        message=message,
        public=public,
        data=log_data,
    )
    _timeline_email(laporan, entry)
    return entry


@transaction.atomic
def submit_laporan(laporan, uploads=()):
    """Save a new report with its cleaned attachments; the reporter is emailed the code.

    ``laporan`` is an unsaved, validated :class:`Laporan`; ``uploads`` are
    :class:`portal.uploads.CleanUpload` objects.
    """
    if len(uploads) > MAX_ATTACHMENTS:
        raise ValidationError(
            {
                "lampiran": _("Paling banyak %(max)s lampiran.")
                % {"max": MAX_ATTACHMENTS}
            }
        )
    laporan.status = StatusLaporan.BARU
    laporan.diterima_pada = timezone.now()
    laporan.store_running_deadline()
    laporan.save()
    for upload in uploads:
        LampiranLaporan.objects.create(
            laporan=laporan,
            berkas=upload.content,
            content_type=upload.content_type,
            ukuran=upload.size,
            nama_asli=original_file_name(upload.original_name),
        )
    entry = laporan.linimasa.create(
        status_to=StatusLaporan.BARU,
        message=_("Laporan diterima dan menunggu verifikasi."),
    )
    _timeline_email(laporan, entry)
    return laporan


@transaction.atomic
def verify(laporan, user, message=""):
    """Accept a new report as genuine; the dispatch stage starts."""
    laporan.diverifikasi_pada = timezone.now()
    # The verification deadline keeps running until the report is dispatched.
    return _change(
        laporan,
        StatusLaporan.DIVERIFIKASI,
        user,
        message or _("Laporan telah diverifikasi."),
    )


@transaction.atomic
def reject(laporan, user, reason):
    """Refuse a report (spam, out of scope, duplicate); the reason is shown to the reporter."""
    if not reason or not reason.strip():
        raise ValidationError({"alasan": _("Alasan penolakan wajib diisi.")})
    laporan.alasan_penolakan = reason.strip()
    laporan.ditolak_oleh = user
    laporan.diverifikasi_pada = laporan.diverifikasi_pada or timezone.now()
    laporan.store_running_deadline()
    return _change(laporan, StatusLaporan.DITOLAK, user, reason.strip())


@transaction.atomic
def dispatch(laporan, user, perangkat_daerah, message=""):
    """Send the report to an OPD (again, if it was elsewhere); its officers are emailed."""
    if perangkat_daerah is None or not perangkat_daerah.aktif:
        raise ValidationError(
            {"perangkat_daerah": _("Pilih perangkat daerah yang aktif.")}
        )
    laporan.perangkat_daerah = perangkat_daerah
    laporan.didisposisikan_pada = timezone.now()
    laporan.tindak_lanjut_pertama_pada = None
    laporan.store_running_deadline()
    public_message = _("Laporan diteruskan ke %(opd)s.") % {
        "opd": perangkat_daerah.nama
    }
    if message:
        public_message = f"{public_message}\n{message}"
    entry = _change(
        laporan,
        StatusLaporan.DIDISPOSISIKAN,
        user,
        public_message,
        log_data={"keterangan": perangkat_daerah.nama, "catatan": message},
    )
    officers = perangkat_daerah.petugas.filter(user__is_active=True).select_related(
        "user"
    )
    notify(
        [profile.user.email for profile in officers],
        _("[e-laga] Disposisi laporan %(code)s") % {"code": laporan.kode_lacak},
        "pengaduan/email/dispatch.txt",
        {"laporan": laporan, "perangkat_daerah": perangkat_daerah},
    )
    return entry


@transaction.atomic
def verify_and_dispatch(laporan, user, perangkat_daerah, message=""):
    """The moderator's usual step on a genuine report: verify and send it on at once.

    Both changes are recorded as if taken one after the other; either both happen
    or neither.
    """
    verify(laporan, user)
    return dispatch(laporan, user, perangkat_daerah, message)


@transaction.atomic
def add_followup(laporan, user, message, public=True):
    """An officer's answer or progress note; the first one starts ``ditindaklanjuti``."""
    if not message or not message.strip():
        raise ValidationError({"pesan": _("Isi tindak lanjut wajib diisi.")})
    if laporan.status == StatusLaporan.DIDISPOSISIKAN and public:
        laporan.tindak_lanjut_pertama_pada = timezone.now()
        laporan.store_running_deadline()
        entry = _change(laporan, StatusLaporan.DITINDAKLANJUTI, user, message.strip())
        entry.jenis = JenisCatatan.TINDAK_LANJUT
        entry.save(update_fields=["jenis"])
        return entry
    if laporan.status not in (
        StatusLaporan.DIDISPOSISIKAN,
        StatusLaporan.DITINDAKLANJUTI,
    ):
        raise ValidationError(
            _(
                "Tindak lanjut hanya dapat ditulis untuk laporan yang sedang ditangani OPD."
            )
        )
    entry = laporan.linimasa.create(
        author=user,
        message=message.strip(),
        is_public=public,
        jenis=JenisCatatan.TINDAK_LANJUT if public else JenisCatatan.CATATAN_INTERNAL,
    )
    log(
        instance=laporan,
        action=NOTE_ACTION,
        user=user if user and user.is_authenticated else None,
        data={"publik": public, "catatan": logged_note(message)},
    )
    _timeline_email(laporan, entry)
    return entry


@transaction.atomic
def resolve(laporan, user, message):
    """Mark the report resolved with the final public answer."""
    if not message or not message.strip():
        raise ValidationError({"pesan": _("Jawaban penyelesaian wajib diisi.")})
    laporan.selesai_pada = timezone.now()
    laporan.store_running_deadline()
    return _change(laporan, StatusLaporan.SELESAI, user, message.strip())


@transaction.atomic
def close(laporan, user, message=""):
    """Close a resolved report for good."""
    laporan.ditutup_pada = timezone.now()
    return _change(
        laporan, StatusLaporan.DITUTUP, user, message or _("Laporan ditutup.")
    )


# The reporter's actions, from the secret link.


@transaction.atomic
def add_reporter_information(laporan, message):
    """The reporter adds information while the report is open."""
    if not laporan.is_open:
        raise ValidationError(_("Laporan ini sudah tidak menerima tambahan informasi."))
    if not message or not message.strip():
        raise ValidationError({"pesan": _("Tuliskan informasi tambahan Anda.")})
    entry = laporan.linimasa.create(
        message=message.strip(), is_public=True, jenis=JenisCatatan.INFO_PELAPOR
    )
    # What the reporter wrote stays on the timeline only.
    log(instance=laporan, action=REPORTER_INFORMATION_ACTION)
    return entry


def can_reopen(laporan, today=None):
    """Once, within REOPEN_WINDOW_DAYS working days of ``selesai``."""
    if laporan.status != StatusLaporan.SELESAI or laporan.dibuka_kembali:
        return False
    today = today or timezone.localdate()
    return working_days_between(laporan.selesai_pada, today) <= REOPEN_WINDOW_DAYS


@transaction.atomic
def reopen(laporan, reason):
    """The reporter reopens a resolved report; it goes back to the same OPD."""
    if not can_reopen(laporan):
        raise ValidationError(
            _(
                "Laporan hanya dapat dibuka kembali satu kali, paling lambat "
                "%(days)s hari kerja setelah selesai."
            )
            % {"days": REOPEN_WINDOW_DAYS}
        )
    if not reason or not reason.strip():
        raise ValidationError({"alasan": _("Jelaskan mengapa laporan dibuka kembali.")})
    laporan.dibuka_kembali = True
    laporan.selesai_pada = None
    laporan.didisposisikan_pada = timezone.now()
    laporan.tindak_lanjut_pertama_pada = None
    laporan.store_running_deadline()
    return _change(
        laporan,
        StatusLaporan.DIDISPOSISIKAN,
        None,
        _("Dibuka kembali oleh pelapor: %(reason)s") % {"reason": reason.strip()},
        # The audit log keeps what happened, not the reporter's own words.
        log_data={"catatan": _("Dibuka kembali oleh pelapor")},
    )


@transaction.atomic
def rate(laporan, score, comment=""):
    """The reporter rates the answer (1-5) once the report is resolved."""
    if laporan.status not in (StatusLaporan.SELESAI, StatusLaporan.DITUTUP):
        raise ValidationError(_("Penilaian dapat diberikan setelah laporan selesai."))
    if score not in range(1, 6):
        raise ValidationError({"penilaian": _("Pilih nilai 1 sampai 5.")})
    laporan.penilaian = score
    laporan.komentar_penilaian = (comment or "").strip()[:1000]
    laporan.save(update_fields=["penilaian", "komentar_penilaian"])
    log(instance=laporan, action=RATING_ACTION, data={"nilai": score})
    return laporan


def reader_fingerprint(client_address):
    """A salted hash of the reader's address, so flags are counted without storing IPs."""
    return hashlib.sha256(
        f"{settings.SECRET_KEY}:{client_address}".encode()
    ).hexdigest()


def flag(laporan, client_address, reason=""):
    """A reader flags a public report; the third flag hides it until a moderator decides.

    Returns ``False`` when this reader had already flagged it.
    """
    try:
        with transaction.atomic():
            TandaLaporan.objects.create(
                laporan=laporan,
                penanda=reader_fingerprint(client_address),
                alasan=(reason or "")[:200],
            )
    except IntegrityError:
        return False
    Laporan.objects.filter(pk=laporan.pk).update(jumlah_tanda=F("jumlah_tanda") + 1)
    Laporan.objects.filter(pk=laporan.pk, jumlah_tanda__gte=FLAGS_TO_HIDE).update(
        disembunyikan=True
    )
    laporan.refresh_from_db(fields=["jumlah_tanda", "disembunyikan"])
    return True


def browser_fingerprint(browser_token):
    """A salted hash of the supporter's browser cookie (see :func:`support`)."""
    return hashlib.sha256(
        f"{settings.SECRET_KEY}:peramban:{browser_token}".encode()
    ).hexdigest()


def support(laporan, browser_token, client_address):
    """A resident supports a published report ("Dukung laporan ini") instead of
    filing a duplicate: one support per browser and one per address, both stored
    only as salted hashes.

    Returns ``False`` when this browser or address had already supported it.
    """
    if not laporan.is_published:
        raise ValidationError(_("Laporan ini tidak dapat didukung."))
    try:
        with transaction.atomic():
            DukunganLaporan.objects.create(
                laporan=laporan,
                penanda_peramban=browser_fingerprint(browser_token),
                penanda_alamat=reader_fingerprint(client_address),
            )
    except IntegrityError:
        return False
    Laporan.objects.filter(pk=laporan.pk).update(
        jumlah_dukungan=F("jumlah_dukungan") + 1
    )
    laporan.refresh_from_db(fields=["jumlah_dukungan"])
    return True


def has_supported(laporan, browser_token, client_address):
    """Whether this browser or address already supports ``laporan``."""
    same = Q(penanda_alamat=reader_fingerprint(client_address))
    if browser_token:
        same |= Q(penanda_peramban=browser_fingerprint(browser_token))
    return DukunganLaporan.objects.filter(same, laporan=laporan).exists()


@transaction.atomic
def decide_flags(laporan, user, keep_public):
    """A moderator decides on a flagged report: show it again, or keep it hidden."""
    laporan.disembunyikan = not keep_public
    if keep_public:
        laporan.tanda.all().delete()
        laporan.jumlah_tanda = 0
    laporan.save(update_fields=["disembunyikan", "jumlah_tanda"])
    CatatanLaporan.objects.create(
        laporan=laporan,
        author=user,
        is_public=False,
        jenis=JenisCatatan.CATATAN_INTERNAL,
        message=_("Tanda pembaca ditinjau: laporan %(decision)s.")
        % {
            "decision": _("ditampilkan kembali")
            if keep_public
            else _("tetap disembunyikan")
        },
    )
    log(
        instance=laporan,
        action=FLAGS_ACTION,
        user=user if user and user.is_authenticated else None,
        data={"ditampilkan": keep_public},
    )


@transaction.atomic
def make_confidential(laporan, user, reason):
    """A moderator makes a report confidential (never public again), with a reason.

    Citizens' privacy choices may only be strengthened by staff (DESIGN §4.5): there is
    no way back to a public report. Writes an internal timeline entry and the audit log.
    """
    if not reason or not reason.strip():
        raise ValidationError(
            {"alasan": _("Alasan menjadikan laporan rahasia wajib diisi.")}
        )
    locked = Laporan.objects.select_for_update().get(pk=laporan.pk)
    if locked.rahasia:
        raise ValidationError(_("Laporan ini sudah rahasia."))
    laporan.rahasia = True
    Laporan.objects.filter(pk=laporan.pk).update(rahasia=True)
    entry = CatatanLaporan.objects.create(
        laporan=laporan,
        author=user if user and user.is_authenticated else None,
        is_public=False,
        jenis=JenisCatatan.CATATAN_INTERNAL,
        message=_("Laporan dijadikan rahasia. Alasan: %(reason)s")
        % {"reason": reason.strip()},
    )
    log(
        instance=laporan,
        action=CONFIDENTIAL_ACTION,
        user=user if user and user.is_authenticated else None,
        data={"rahasia": True, "catatan": entry.pk, "alasan": logged_note(reason)},
    )
    return entry
