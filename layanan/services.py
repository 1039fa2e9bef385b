"""Every state change of a service application goes through these functions (STYLE §2)."""

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.log_actions import log

from layanan import letters
from layanan.choices import JenisHasil, StatusPermohonan
from layanan.ikm import ELEMENT_FIELDS, PROFILE_FIELDS
from layanan.models import BerkasPermohonan, SuratHasil, SurveiIKM
from portal.log_actions import logged_note
from portal.notifications import notify
from portal.status import StatusMachine, change_status
from portal.uploads import original_file_name

S = StatusPermohonan
LETTER_ISSUED_ACTION = "layanan.letter_issued"
LETTER_REVOKED_ACTION = "layanan.letter_revoked"
NO_RESULT_MESSAGE = gettext_lazy(
    "Permohonan tidak dapat diselesaikan tanpa hasil. Pilih salah satu: terbitkan "
    "surat dari templat, unggah dokumen hasil, atau nyatakan dokumen diambil di "
    "kantor camat dengan pemberitahuan pengambilan."
)
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


def _store_uploads(permohonan, uploads, replace=True):
    """Save ``(kunci, label, CleanUpload)`` triples, replacing earlier files of a key
    (``replace=False`` for a new application, which has none)."""
    for kunci, label, upload in uploads:
        if replace:
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
    permohonan.waktu_verifikasi_hari_kerja = (
        permohonan.layanan.waktu_verifikasi_hari_kerja
    )
    permohonan.menunggu_verifikasi_sejak = permohonan.diajukan_pada
    permohonan.store_running_deadline()
    permohonan.save()
    _store_uploads(permohonan, uploads, replace=False)
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
    entry = _change(permohonan, S.PERLU_PERBAIKAN, user, message)
    _store_deadline(permohonan)
    return entry


@transaction.atomic
def resubmit(permohonan, jawaban, uploads=(), message=""):
    """The applicant's fixed application goes back to verification."""
    if permohonan.status != S.PERLU_PERBAIKAN:
        raise ValidationError(_("Permohonan ini tidak sedang menunggu perbaikan."))
    permohonan.jawaban = jawaban
    permohonan.menunggu_verifikasi_sejak = timezone.now()
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
    _store_deadline(permohonan)
    _email_officers(
        permohonan,
        _("[e-kecamatan] Perbaikan permohonan %(code)s"),
        "layanan/email/resubmitted.txt",
    )
    return entry


def _store_deadline(permohonan):
    """Store the deadline of the new status (``change_status`` saved the row)."""
    permohonan.__dict__.pop("verification_deadline", None)
    permohonan.store_running_deadline()
    type(permohonan).objects.filter(pk=permohonan.pk).update(
        batas_waktu=permohonan.batas_waktu
    )


@transaction.atomic
def start_processing(permohonan, user, message):
    return _change(permohonan, S.DIPROSES, user, _require(message))


@transaction.atomic
def complete(
    permohonan, user, message, result=None, letter_template=None, pickup=False
):
    """Finish with exactly one result: a letter issued from ``letter_template``, an
    uploaded ``result`` file (``CleanUpload``), or ``pickup`` (the document is
    collected at the office; ``message`` is the pick-up notice).

    Completing without a result is refused. The applicant is invited to the IKM
    survey.
    """
    PERMOHONAN_STATUS.check(permohonan.status, S.SELESAI)
    kinds = [
        kind
        for kind, given in (
            (JenisHasil.SURAT, letter_template is not None),
            (JenisHasil.BERKAS, result is not None),
            (JenisHasil.AMBIL, bool(pickup)),
        )
        if given
    ]
    if len(kinds) != 1:
        raise ValidationError({"jenis_hasil": NO_RESULT_MESSAGE})
    message = _require(
        message,
        text=_("Tuliskan catatan hasil, mis. cara mengambil dokumen."),
    )
    permohonan.jenis_hasil = kinds[0]
    if result is not None:
        permohonan.hasil_berkas.save(
            f"hasil{_extension(result)}", result.content, save=False
        )
        permohonan.hasil_content_type = result.content_type
    permohonan.catatan_hasil = message
    permohonan.selesai_pada = timezone.now()
    letter = None
    if letter_template is not None:
        letter = issue_letter(permohonan, letter_template, user)
    keterangan = {
        JenisHasil.SURAT: _("dengan surat %(number)s")
        % {"number": letter.nomor_surat if letter else ""},
        JenisHasil.BERKAS: _("dengan dokumen hasil"),
        JenisHasil.AMBIL: _("diambil di kantor camat"),
    }[kinds[0]]
    return _change(
        permohonan, S.SELESAI, user, message, log_data={"keterangan": keterangan}
    )


def _new_verification_code():
    for _attempt in range(10):
        code = letters.generate_verification_code()
        if not SuratHasil.objects.filter(kode_verifikasi=code).exists():
            return code
    raise RuntimeError("No free verification code after 10 attempts.")


@transaction.atomic
def issue_letter(permohonan, template, user):
    """Number, render and store a letter of ``permohonan`` from ``template``.

    The number is taken under a row lock (unique per kecamatan and year); the PDF
    carries the QR code of its verification page, and its SHA-256 is kept.
    """
    if template.standar_id != permohonan.layanan_id:
        raise ValidationError(
            {"template": _("Templat surat ini bukan milik layanan permohonan.")}
        )
    if permohonan.active_letter is not None:
        raise ValidationError(
            _("Permohonan ini sudah memiliki surat yang berlaku; cabut dahulu.")
        )
    day = timezone.localdate()
    kantor = letters.kantor_for(permohonan.kecamatan)
    sequence = letters.take_number(permohonan.kecamatan, day.year)
    number = letters.letter_number(
        template, kantor, permohonan.kecamatan, sequence, day
    )
    code = _new_verification_code()
    pdf = letters.render_pdf(
        letters.letter_content(permohonan, template, number, day, code)
    )
    surat = SuratHasil(
        permohonan=permohonan,
        template=template,
        kecamatan=permohonan.kecamatan,
        judul=template.judul,
        tahun=day.year,
        nomor_urut=sequence,
        nomor_surat=number,
        kode_verifikasi=code,
        sha256=letters.sha256_hex(pdf),
        diterbitkan_oleh=user if user is not None and user.is_authenticated else None,
    )
    surat.berkas.save(f"surat-{code}.pdf", ContentFile(pdf), save=False)
    surat.save()
    permohonan.__dict__["active_letter"] = surat
    log(
        instance=permohonan,
        action=LETTER_ISSUED_ACTION,
        user=surat.diterbitkan_oleh,
        data={"nomor": number, "kode": code},
    )
    return surat


@transaction.atomic
def revoke_letter(permohonan, user, reason):
    """Revoke the application's letter (never edited in place): the verification
    page says "dicabut" from now on and a new letter may be issued."""
    reason = _require(reason, field="alasan", text=_("Alasan pencabutan wajib diisi."))
    surat = (
        SuratHasil.objects.select_for_update()
        .filter(permohonan=permohonan, dicabut_pada__isnull=True)
        .first()
    )
    if surat is None:
        raise ValidationError(_("Permohonan ini tidak memiliki surat yang berlaku."))
    surat.dicabut_pada = timezone.now()
    surat.alasan_pencabutan = reason
    surat.dicabut_oleh = user
    surat.save(update_fields=["dicabut_pada", "alasan_pencabutan", "dicabut_oleh"])
    permohonan.__dict__.pop("active_letter", None)
    entry = permohonan.linimasa.create(
        author=user,
        is_public=True,
        message=_("Surat nomor %(number)s dicabut: %(reason)s")
        % {"number": surat.nomor_surat, "reason": reason},
    )
    log(
        instance=permohonan,
        action=LETTER_REVOKED_ACTION,
        user=user,
        data={"nomor": surat.nomor_surat, "alasan": logged_note(reason)},
    )
    _email_applicant(permohonan, entry)
    return surat


@transaction.atomic
def reissue_letter(permohonan, user, template):
    """A new letter after the mistaken one was revoked; the applicant is told."""
    if permohonan.status != S.SELESAI or permohonan.jenis_hasil != JenisHasil.SURAT:
        raise ValidationError(
            _("Surat hanya diterbitkan ulang untuk permohonan selesai.")
        )
    surat = issue_letter(permohonan, template, user)
    entry = permohonan.linimasa.create(
        author=user,
        is_public=True,
        message=_("Surat pengganti nomor %(number)s diterbitkan.")
        % {"number": surat.nomor_surat},
    )
    _email_applicant(permohonan, entry)
    return surat


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


def submit_survey(permohonan, scores, saran="", profile=None):
    """Record the applicant's IKM answers, once; ``scores`` maps u1…u9 to 1-4 and
    ``profile`` the optional respondent profile (jenis kelamin, usia, pendidikan,
    pekerjaan)."""
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
                **{
                    field: value
                    for field, value in (profile or {}).items()
                    if field in PROFILE_FIELDS and value not in (None, "")
                },
            )
    except IntegrityError:
        raise ValidationError(
            _("Survei untuk permohonan ini sudah diisi. Terima kasih.")
        ) from None
