"""Every state change of a KIP information request or objection goes through here."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.log_actions import log

from portal.notifications import notify
from portal.status import STATUS_CHANGE_ACTION, StatusMachine, change_status
from ppid.choices import (
    AlasanKeberatan,
    KeputusanPermohonan,
    PutusanKeberatan,
    StatusKeberatan,
    StatusPermohonan,
)
from ppid.models import DokumenJawaban, Keberatan

S = StatusPermohonan
PERMOHONAN_STATUS = StatusMachine(
    transitions={
        S.DITERIMA: {S.DIPERPANJANG, S.DIPUTUSKAN},
        S.DIPERPANJANG: {S.DIPUTUSKAN},
        S.DIPUTUSKAN: {S.DISAMPAIKAN},
        S.DISAMPAIKAN: set(),
    },
    labels=dict(StatusPermohonan.choices),
)

#: Audit-log action of writing or correcting a request's public summary.
PUBLIC_SUMMARY_ACTION = "ppid.ringkasan_publik"
#: Audit-log action, on the request, of the requester filing an objection.
OBJECTION_FILED_ACTION = "ppid.keberatan_diajukan"
PUBLIC_SUMMARY_MAX_LENGTH = 300

KOMISI_INFORMASI_NOTICE = gettext_lazy(
    "Apabila Anda tidak puas dengan tanggapan atas keberatan ini, Anda dapat mengajukan "
    "permohonan penyelesaian sengketa informasi kepada Komisi Informasi Provinsi Sumatera "
    "Utara paling lambat 14 hari kerja setelah menerima tanggapan ini (Pasal 37 UU 14/2008)."
)


def _email_requester(permohonan, subject, message):
    notify(
        [permohonan.email],
        _("[PPID Langkat] %(code)s: %(subject)s")
        % {"code": permohonan.kode_lacak, "subject": subject},
        "ppid/email/permohonan.txt",
        {
            "permohonan": permohonan,
            "message": message,
            "secret_url": permohonan.secret_url(),
        },
    )


def _change(permohonan, to_status, user, message, log_data=None):
    return change_status(
        permohonan,
        PERMOHONAN_STATUS,
        to_status,
        timeline=permohonan.linimasa,
        user=user,
        message=message,
        data=log_data,
    )


@transaction.atomic
def submit_permohonan(permohonan):
    """Register a validated, unsaved request; the requester gets its number by email."""
    permohonan.status = StatusPermohonan.DITERIMA
    permohonan.diterima_pada = timezone.now()
    permohonan.store_running_deadline()
    permohonan.save()
    message = _(
        "Permohonan informasi Anda telah diterima dengan nomor registrasi %(code)s. "
        "PPID akan menjawab paling lambat %(deadline)s."
    ) % {
        "code": permohonan.kode_lacak,
        "deadline": date_format(permohonan.batas_waktu, "j F Y"),
    }
    permohonan.linimasa.create(status_to=StatusPermohonan.DITERIMA, message=message)
    _email_requester(permohonan, _("permohonan diterima"), message)
    return permohonan


def extension_refusal(permohonan, today=None):
    """Why the answer period cannot be extended now, or ``None`` when it can.

    Pasal 22 ayat (8) UU 14/2008 extends a running period, once: not after the
    10 hari kerja have lapsed, nor once a decision or an objection exists.
    """
    today = today or timezone.localdate()
    if permohonan.diperpanjang_pada:
        return _("Jangka waktu hanya dapat diperpanjang satu kali.")
    if permohonan.status != StatusPermohonan.DITERIMA or permohonan.diputuskan_pada:
        return _("Permohonan yang sudah diputuskan tidak dapat diperpanjang.")
    if hasattr(permohonan, "keberatan"):
        return _("Permohonan yang sudah diajukan keberatan tidak dapat diperpanjang.")
    until = permohonan.kip_deadlines().extension_until
    if today > until:
        return _(
            "Jangka waktu 10 hari kerja berakhir pada %(deadline)s; perpanjangan hanya "
            "dapat diberikan selama jangka waktu itu berjalan (Pasal 22 ayat (8) "
            "UU 14/2008)."
        ) % {"deadline": date_format(until, "j F Y")}
    return None


@transaction.atomic
def extend(permohonan, user, reason, today=None):
    """Extend the answer deadline once by 7 hari kerja, with a written reason."""
    refusal = extension_refusal(permohonan, today=today)
    if refusal:
        raise ValidationError(refusal)
    if not reason or not reason.strip():
        raise ValidationError({"alasan": _("Alasan perpanjangan wajib diisi.")})
    permohonan.diperpanjang_pada = timezone.now()
    permohonan.alasan_perpanjangan = reason.strip()
    permohonan.store_running_deadline()
    message = _(
        "Jangka waktu jawaban diperpanjang sampai %(deadline)s. Alasan: %(reason)s"
    ) % {
        "deadline": date_format(permohonan.batas_waktu, "j F Y"),
        "reason": reason.strip(),
    }
    entry = _change(
        permohonan,
        StatusPermohonan.DIPERPANJANG,
        user,
        message,
        log_data={
            "keterangan": _("sampai %(date)s")
            % {"date": date_format(permohonan.batas_waktu, "j F Y")},
            "catatan": reason.strip(),
        },
    )
    _email_requester(permohonan, _("jangka waktu diperpanjang"), message)
    return entry


@transaction.atomic
def decide(
    permohonan,
    user,
    keputusan,
    jawaban,
    dasar_penolakan="",
    uji_konsekuensi="",
    dokumen=(),
):
    """Record the PPID's written decision; a refusal needs its Pasal 17 ground and test.

    ``dokumen`` are (title, CleanUpload) pairs given to the requester.
    """
    errors = {}
    if keputusan not in KeputusanPermohonan.values:
        errors["keputusan"] = _("Pilih keputusan.")
    if not jawaban or not jawaban.strip():
        errors["jawaban"] = _("Isi jawaban tertulis kepada pemohon.")
    refused = keputusan in (
        KeputusanPermohonan.DITOLAK,
        KeputusanPermohonan.DIBERIKAN_SEBAGIAN,
    )
    if keputusan == KeputusanPermohonan.DITOLAK and not dasar_penolakan:
        errors["dasar_penolakan"] = _("Penolakan wajib menyebut dasar Pasal 17.")
    if refused and dasar_penolakan and not (uji_konsekuensi or "").strip():
        errors["uji_konsekuensi"] = _("Sertakan uji konsekuensi atas pengecualian.")
    if errors:
        raise ValidationError(errors)
    permohonan.keputusan = keputusan
    permohonan.jawaban = jawaban.strip()
    permohonan.dasar_penolakan = dasar_penolakan if refused else ""
    permohonan.uji_konsekuensi = (uji_konsekuensi or "").strip() if refused else ""
    permohonan.diputuskan_pada = timezone.now()
    permohonan.diputuskan_oleh = user
    permohonan.store_running_deadline()
    decision = str(permohonan.get_keputusan_display())
    if permohonan.dasar_penolakan:
        decision = _("%(decision)s, Pasal 17 huruf %(ground)s") % {
            "decision": decision,
            "ground": permohonan.dasar_penolakan,
        }
    entry = _change(
        permohonan,
        StatusPermohonan.DIPUTUSKAN,
        user,
        _("Keputusan: %(decision)s.")
        % {"decision": permohonan.get_keputusan_display()},
        # The decision, not the letter: it is addressed to the requester by name.
        log_data={"catatan": decision},
    )
    for title, upload in dokumen:
        DokumenJawaban.objects.create(
            permohonan=permohonan,
            judul=title,
            berkas=upload.content,
            content_type=upload.content_type,
        )
    _email_requester(permohonan, _("keputusan PPID"), permohonan.jawaban)
    return entry


@transaction.atomic
def deliver(permohonan, user, delivered_on=None):
    """Record the date the information or the decision letter reached the requester."""
    delivered_on = delivered_on or timezone.localdate()
    if delivered_on > timezone.localdate():
        raise ValidationError(
            {"disampaikan_pada": _("Tanggal tidak boleh di masa depan.")}
        )
    if permohonan.diputuskan_pada and delivered_on < timezone.localdate(
        permohonan.diputuskan_pada
    ):
        raise ValidationError(
            {
                "disampaikan_pada": _(
                    "Tanggal penyampaian tidak boleh sebelum keputusan."
                )
            }
        )
    permohonan.disampaikan_pada = delivered_on
    return _change(
        permohonan,
        StatusPermohonan.DISAMPAIKAN,
        user,
        _("Informasi disampaikan kepada pemohon pada %(date)s.")
        % {"date": date_format(delivered_on, "j F Y")},
        log_data={"keterangan": date_format(delivered_on, "j F Y"), "catatan": ""},
    )


@transaction.atomic
def set_public_summary(permohonan, user, text, reason):
    """Write or correct the summary the public register shows instead of the raw text.

    The requester's own text never changes; the change is logged with its reason and
    noted on the internal timeline (not shown to the requester).
    """
    text = (text or "").strip()
    reason = (reason or "").strip()
    if not text:
        raise ValidationError({"ringkasan_publik": _("Ringkasan publik wajib diisi.")})
    if not reason:
        raise ValidationError({"alasan": _("Tuliskan alasan ringkasan ini.")})
    if len(text) > PUBLIC_SUMMARY_MAX_LENGTH:
        raise ValidationError(
            {
                "ringkasan_publik": _(
                    "Ringkasan publik paling banyak %(max)s karakter."
                )
                % {"max": PUBLIC_SUMMARY_MAX_LENGTH}
            }
        )
    previous = permohonan.ringkasan_publik
    permohonan.ringkasan_publik = text
    permohonan.save(update_fields=["ringkasan_publik"])
    log(
        instance=permohonan,
        action=PUBLIC_SUMMARY_ACTION,
        user=user,
        data={"sebelumnya": previous, "ringkasan": text, "alasan": reason},
    )
    message = (
        _("Ringkasan publik diubah menjadi: %(summary)s")
        if previous
        else _("Ringkasan publik ditulis: %(summary)s")
    ) % {"summary": text}
    message += " " + _("Alasan: %(reason)s") % {"reason": reason}
    return permohonan.linimasa.create(author=user, message=message, is_public=False)


def objection_refusal(permohonan, today=None):
    """Why an objection cannot be filed now, or ``None`` when it can.

    Pasal 36 ayat (1) UU 14/2008: within 30 hari kerja of the decision, however
    late it came, or while there is none, of the missed answer deadline.
    """
    today = today or timezone.localdate()
    if hasattr(permohonan, "keberatan"):
        return _("Keberatan atas permohonan ini sudah diajukan.")
    deadlines = permohonan.kip_deadlines()
    if not permohonan.diputuskan_pada and today <= deadlines.answer:
        return _(
            "Permohonan masih dalam jangka waktu jawaban sampai %(deadline)s; keberatan "
            "dapat diajukan setelah ada keputusan atau bila batas waktu terlewati."
        ) % {"deadline": date_format(deadlines.answer, "j F Y")}
    if today > deadlines.objection_until:
        return _(
            "Batas waktu pengajuan keberatan (30 hari kerja, sampai %(deadline)s) telah "
            "terlewati."
        ) % {"deadline": date_format(deadlines.objection_until, "j F Y")}
    return None


@transaction.atomic
def file_keberatan(permohonan, alasan, uraian, today=None):
    """The requester objects on one or more Pasal 35(1) grounds, within 30 hari kerja."""
    refusal = objection_refusal(permohonan, today=today)
    if refusal:
        raise ValidationError(refusal)
    alasan = sorted(set(alasan or []))
    if not alasan or not set(alasan) <= set(AlasanKeberatan.values):
        raise ValidationError(
            {"alasan": _("Pilih paling sedikit satu alasan keberatan.")}
        )
    if not uraian or not uraian.strip():
        raise ValidationError({"uraian": _("Uraikan keberatan Anda.")})
    keberatan = Keberatan.objects.create(
        permohonan=permohonan,
        alasan=alasan,
        uraian=uraian.strip(),
        diajukan_pada=timezone.now(),
    )
    keberatan.store_running_deadline()
    keberatan.save(update_fields=["batas_waktu"])
    message = _(
        "Keberatan diterima dan akan dijawab atasan PPID paling lambat %(deadline)s."
    ) % {"deadline": date_format(keberatan.batas_waktu, "j F Y")}
    permohonan.linimasa.create(message=message)
    # The grounds only: the requester's own account stays on the objection.
    log(
        instance=permohonan,
        action=OBJECTION_FILED_ACTION,
        data={"alasan": alasan, "batas_waktu": keberatan.batas_waktu.isoformat()},
    )
    _email_requester(permohonan, _("keberatan diterima"), message)
    return keberatan


@transaction.atomic
def answer_keberatan(keberatan, user, putusan, tanggapan):
    """The atasan PPID answers an objection; the answer points to the Komisi Informasi."""
    if keberatan.status != StatusKeberatan.DIAJUKAN:
        raise ValidationError(_("Keberatan ini sudah dijawab."))
    errors = {}
    if putusan not in PutusanKeberatan.values:
        errors["putusan"] = _("Pilih putusan atas keberatan.")
    if not tanggapan or not tanggapan.strip():
        errors["tanggapan"] = _("Isi tanggapan tertulis.")
    if errors:
        raise ValidationError(errors)
    keberatan.putusan = putusan
    keberatan.tanggapan = tanggapan.strip()
    keberatan.status = StatusKeberatan.DIJAWAB
    keberatan.dijawab_pada = timezone.now()
    keberatan.dijawab_oleh = user
    keberatan.store_running_deadline()
    keberatan.save()
    log(
        instance=keberatan,
        action=STATUS_CHANGE_ACTION,
        user=user,
        data={
            "from": StatusKeberatan.DIAJUKAN,
            "to": StatusKeberatan.DIJAWAB,
            # The outcome, not the letter addressed to the requester.
            "keterangan": str(keberatan.get_putusan_display()),
        },
    )
    message = _("Tanggapan atas keberatan: %(outcome)s. %(answer)s\n\n%(notice)s") % {
        "outcome": keberatan.get_putusan_display(),
        "answer": keberatan.tanggapan,
        "notice": KOMISI_INFORMASI_NOTICE,
    }
    keberatan.permohonan.linimasa.create(author=user, message=message)
    _email_requester(keberatan.permohonan, _("tanggapan keberatan"), message)
    return keberatan
