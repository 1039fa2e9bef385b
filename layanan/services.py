"""Every state change of a service application goes through these functions (STYLE §2)."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from layanan.choices import StatusPermohonan
from layanan.ikm import ELEMENT_FIELDS
from layanan.models import BerkasPermohonan, SurveiIKM
from portal.notifications import notify
from portal.status import StatusMachine, change_status
from portal.uploads import original_file_name

S = StatusPermohonan
PERMOHONAN_STATUS = StatusMachine(
    transitions={
        S.DIAJUKAN: {S.DIVERIFIKASI, S.PERLU_PERBAIKAN, S.DITOLAK},
        S.PERLU_PERBAIKAN: {S.DIAJUKAN, S.DITOLAK},
        S.DIVERIFIKASI: {S.DIPROSES, S.DITOLAK},
        S.DIPROSES: {S.SELESAI, S.DITOLAK},
        S.SELESAI: set(),
        S.DITOLAK: set(),
    },
    labels=dict(StatusPermohonan.choices),
)


def _email_applicant(permohonan, entry):
    if not entry.is_public:
        return
    notify(
        [permohonan.email],
        _("[e-kecamatan] %(code)s: %(status)s")
        % {"code": permohonan.kode_lacak, "status": permohonan.get_status_display()},
        "layanan/email/status_change.txt",
        {
            "permohonan": permohonan,
            "entry": entry,
            "secret_url": permohonan.secret_url(),
            "survey_url": permohonan.secret_url("survey")
            if permohonan.status == S.SELESAI
            else "",
        },
    )


def _email_officers(permohonan, subject, template_name):
    officers = permohonan.kecamatan.petugas.filter(user__is_active=True).select_related(
        "user"
    )
    notify(
        [profile.user.email for profile in officers],
        subject % {"code": permohonan.kode_lacak},
        template_name,
        {"permohonan": permohonan},
    )


def _require(message, field="pesan", text=None):
    message = (message or "").strip()
    if not message:
        raise ValidationError({field: text or _("Catatan wajib diisi.")})
    return message


def _change(permohonan, to_status, user, message, public=True, log_data=None):
    if user is not None and user.is_authenticated:
        permohonan.petugas = user
    entry = change_status(
        permohonan,
        PERMOHONAN_STATUS,
        to_status,
        timeline=permohonan.linimasa,
        user=user,
        message=message,
        public=public,
        data=log_data,
    )
    _email_applicant(permohonan, entry)
    return entry


def _store_uploads(permohonan, uploads):
    """Save ``(kunci, label, CleanUpload)`` triples, replacing earlier files of a key."""
    for kunci, label, upload in uploads:
        permohonan.berkas.filter(kunci=kunci).delete()
        BerkasPermohonan.objects.create(
            permohonan=permohonan,
            kunci=kunci,
            label=label,
            berkas=upload.content,
            content_type=upload.content_type,
            ukuran=upload.size,
            nama_asli=original_file_name(upload.original_name),
        )


@transaction.atomic
def submit_permohonan(permohonan, uploads=()):
    """Save a new, validated application with its files; applicant and officers are told.

    ``permohonan`` is unsaved with ``layanan``, ``kecamatan``, identity and ``jawaban``
    set; ``uploads`` are ``(kunci, label, CleanUpload)`` triples.
    """
    if not permohonan.layanan.live:
        raise ValidationError(_("Layanan ini tidak tersedia."))
    if not permohonan.layanan.is_offered_in(permohonan.kecamatan):
        raise ValidationError(
            {"kecamatan": _("Layanan ini tidak tersedia di kecamatan yang dipilih.")}
        )
    permohonan.status = S.DIAJUKAN
    permohonan.diajukan_pada = timezone.now()
    permohonan.waktu_hari_kerja = permohonan.layanan.waktu_hari_kerja
    permohonan.save()
    _store_uploads(permohonan, uploads)
    entry = permohonan.linimasa.create(
        status_to=S.DIAJUKAN,
        message=_("Permohonan diterima dan menunggu verifikasi petugas kecamatan."),
    )
    _email_applicant(permohonan, entry)
    _email_officers(
        permohonan,
        _("[e-kecamatan] Permohonan baru %(code)s"),
        "layanan/email/new_application.txt",
    )
    return permohonan


@transaction.atomic
def verify(permohonan, user, message):
    """The documents are complete: the service time starts counting (hari kerja)."""
    message = _require(message)
    permohonan.diverifikasi_pada = timezone.now()
    permohonan.store_running_deadline()
    return _change(permohonan, S.DIVERIFIKASI, user, message)


@transaction.atomic
def request_fix(permohonan, user, message):
    """Send the application back: the applicant fixes and resubmits via the secret link."""
    message = _require(message, text=_("Tuliskan apa yang harus diperbaiki pemohon."))
    permohonan.catatan_perbaikan = message
    return _change(permohonan, S.PERLU_PERBAIKAN, user, message)


@transaction.atomic
def resubmit(permohonan, jawaban, uploads=(), message=""):
    """The applicant's fixed application goes back to verification."""
    if permohonan.status != S.PERLU_PERBAIKAN:
        raise ValidationError(_("Permohonan ini tidak sedang menunggu perbaikan."))
    permohonan.jawaban = jawaban
    _store_uploads(permohonan, uploads)
    text = _("Pemohon mengirim perbaikan.")
    if message and message.strip():
        text = f"{text}\n{message.strip()}"
    # The audit log keeps what happened, not the applicant's own words.
    entry = _change(
        permohonan,
        S.DIAJUKAN,
        None,
        text,
        log_data={"catatan": _("Pemohon mengirim perbaikan")},
    )
    _email_officers(
        permohonan,
        _("[e-kecamatan] Perbaikan permohonan %(code)s"),
        "layanan/email/resubmitted.txt",
    )
    return entry


@transaction.atomic
def start_processing(permohonan, user, message):
    return _change(permohonan, S.DIPROSES, user, _require(message))


@transaction.atomic
def complete(permohonan, user, message, result=None):
    """Finish: a result file (``CleanUpload``) or a pick-up notice in ``message``.

    The applicant is invited to the IKM survey.
    """
    message = _require(
        message,
        text=_("Tuliskan catatan hasil, mis. cara mengambil dokumen."),
    )
    if result is not None:
        permohonan.hasil_berkas.save(
            f"hasil{_extension(result)}", result.content, save=False
        )
        permohonan.hasil_content_type = result.content_type
    permohonan.catatan_hasil = message
    permohonan.selesai_pada = timezone.now()
    return _change(
        permohonan,
        S.SELESAI,
        user,
        message,
        log_data={"keterangan": _("dengan dokumen hasil") if result else ""},
    )


def _extension(upload):
    return (
        ".pdf"
        if upload.content_type == "application/pdf"
        else ("." + upload.content_type.split("/")[-1].replace("jpeg", "jpg"))
    )


@transaction.atomic
def reject(permohonan, user, reason):
    reason = _require(reason, field="alasan", text=_("Alasan penolakan wajib diisi."))
    permohonan.alasan_penolakan = reason
    permohonan.store_running_deadline()
    return _change(permohonan, S.DITOLAK, user, reason)


def submit_survey(permohonan, scores, saran=""):
    """Record the applicant's IKM answers, once; ``scores`` maps u1…u9 to 1-4."""
    if permohonan.status != S.SELESAI:
        raise ValidationError(_("Survei dapat diisi setelah permohonan selesai."))
    errors = {
        field: _("Pilih nilai 1 sampai 4.")
        for field in ELEMENT_FIELDS
        if scores.get(field) not in (1, 2, 3, 4)
    }
    if errors:
        raise ValidationError(errors)
    try:
        with transaction.atomic():
            return SurveiIKM.objects.create(
                permohonan=permohonan,
                kecamatan_id=permohonan.kecamatan_id,
                layanan_id=permohonan.layanan_id,
                saran=(saran or "").strip(),
                **{field: scores[field] for field in ELEMENT_FIELDS},
            )
    except IntegrityError:
        raise ValidationError(
            _("Survei untuk permohonan ini sudah diisi. Terima kasih.")
        ) from None
