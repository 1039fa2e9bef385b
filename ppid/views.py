"""Public KIP views, hosted by the routes of :class:`~pengaduan.models.LayananInformasiPage`.

Forms, secret links and tracking answer ``Cache-Control: private, no-cache,
no-store`` (see :func:`pengaduan.views.private`). No public view shows the
requester's identity: the register and tracking load only the request's own columns,
and the requester's name only for :func:`portal.masking.mask_personal_data` to take
it out of the texts they show.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from portal.csv_export import csv_response, write_csv
from portal.http import FORM_REFERRER_POLICY, NO_REFERRER, private, private_redirect
from portal.masking import mask_personal_data
from portal.pagination import paginate
from portal.ratelimit import mark_limited, refuse_form, submit_limit
from portal.routes import page_context, route_url
from portal.storage import private_file_response
from portal.tracking_views import ConfirmationView, SecretPageView, TrackView
from portal.uploads import download_name
from portal.validators import validation_messages
from portal.working_days import WorkingDayCalendar, to_local_date
from ppid import report as kip_report
from ppid import services
from ppid.choices import KeputusanPermohonan, StatusPermohonan
from ppid.deadlines import (
    ANSWER_DAYS,
    EXTENSION_DAYS,
    OBJECTION_ANSWER_DAYS,
    OBJECTION_FILING_DAYS,
)
from ppid.forms import (
    IdentitasPemohonForm,
    KeberatanForm,
    PermohonanInformasiForm,
)
from ppid.models import (
    CatatanPermohonan,
    DokumenJawaban,
    PermohonanInformasi,
)

REGISTER_PER_PAGE = 25
#: The columns public pages may read: never the requester's identity nor the text
#: they typed (``informasi_diminta``); the register shows the PPID's public summary.
PUBLIC_COLUMNS = (
    "kode_lacak",
    "ringkasan_publik",
    "status",
    "diterima_pada",
    "batas_waktu",
    "diperpanjang_pada",
    "alasan_perpanjangan",
    "keputusan",
    "dasar_penolakan",
    "uji_konsekuensi",
    "jawaban",
    "diputuskan_pada",
    "disampaikan_pada",
)
#: Read by public views only to mask the requester's name out of the texts above.
MASKING_COLUMNS = ("nama",)
#: What the register shows until the PPID has written a public summary.
SUMMARY_PLACEHOLDER = _("Ringkasan belum tersedia")
REFUSALS = (KeputusanPermohonan.DITOLAK, KeputusanPermohonan.DIBERIKAN_SEBAGIAN)


def _deadline_rows(permohonan):
    """(label, DeadlineStatus, working days overdue) for the deadlines table."""
    rows = [(gettext("Jawaban PPID"), permohonan.deadline)]
    keberatan = getattr(permohonan, "keberatan", None)
    if keberatan is not None:
        rows.append(
            (gettext("Tanggapan atasan PPID atas keberatan"), keberatan.deadline)
        )
    return [
        (label, status, max(0, -status.working_days_left)) for label, status in rows
    ]


def _labelled(entries):
    """Timeline entries with the label of the status they moved to."""
    labels = dict(StatusPermohonan.choices)
    for entry in entries:
        entry.status_label = labels.get(entry.status_to, "")
    return entries


def _status_context(permohonan):
    """What anyone with the registration number may see; never the identity."""
    return {
        "permohonan": permohonan,
        "keberatan": getattr(permohonan, "keberatan", None),
        "deadlines": _deadline_rows(permohonan),
        "is_refusal": permohonan.keputusan in REFUSALS
        and bool(permohonan.dasar_penolakan),
        "komisi_informasi_notice": services.KOMISI_INFORMASI_NOTICE,
        "answer_days": ANSWER_DAYS,
        "extension_days": EXTENSION_DAYS,
    }


def _public_requests():
    return PermohonanInformasi.objects.select_related("keberatan").only(
        *PUBLIC_COLUMNS,
        *MASKING_COLUMNS,
        "keberatan__status",
        "keberatan__alasan",
        "keberatan__diajukan_pada",
        "keberatan__putusan",
        "keberatan__tanggapan",
        "keberatan__dijawab_pada",
        "keberatan__permohonan_id",
    )


# ---------- Request form and confirmation ----------

FIELDSETS = (
    (
        _("Identitas pemohon"),
        (
            "nama",
            "alamat",
            "jenis_identitas",
            "nomor_identitas",
            "pekerjaan",
            "telepon",
            "email",
        ),
    ),
    (_("Informasi yang diminta"), ("informasi_diminta", "tujuan")),
    (_("Cara memperoleh"), ("cara_memperoleh", "cara_penyampaian")),
)


def request_form(request, page):
    """The request form; a valid request is registered and the requester redirected."""
    limited = None
    if request.method == "POST":
        form = PermohonanInformasiForm(request.POST)
        decision = submit_limit("ppid").hit(request)
        if not decision.allowed:
            limited = decision
            refuse_form(form, decision)
        elif form.is_valid():
            try:
                permohonan = services.submit_permohonan(form.save(commit=False))
            except ValidationError as error:
                form.add_error(None, error)
            else:
                return private_redirect(
                    route_url(page, "confirmation", permohonan.token_rahasia),
                    referrer_policy=NO_REFERRER,
                )
    else:
        form = PermohonanInformasiForm()
    response = TemplateResponse(
        request,
        "ppid/request_form.html",
        page_context(
            page,
            form=form,
            fieldsets=[
                (legend, [form[name] for name in names]) for legend, names in FIELDSETS
            ],
            answer_days=ANSWER_DAYS,
        ),
    )
    if limited is not None:
        mark_limited(response, limited)
    return private(response)


class RequestConfirmationView(ConfirmationView):
    """After submission: the registration number, the secret link and what follows."""

    model = PermohonanInformasi
    context_object_name = "permohonan"
    template_name = "ppid/confirmation.html"
    code_field = "nomor"
    code_label = _("Nomor registrasi")
    receipt_title = _("Tanda Terima Permohonan Informasi Publik")

    def get_receipt_details(self, permohonan):
        details = [
            (gettext("Layanan"), gettext("Permohonan informasi publik (UU 14/2008)")),
            (gettext("Cara memperoleh"), permohonan.get_cara_memperoleh_display()),
        ]
        if permohonan.cara_penyampaian:
            details.append(
                (
                    gettext("Cara mendapatkan salinan"),
                    permohonan.get_cara_penyampaian_display(),
                )
            )
        return details

    def get_next_steps_context(self, permohonan):
        return {
            "deadline": permohonan.deadline,
            "answer_days": ANSWER_DAYS,
            "extension_days": EXTENSION_DAYS,
        }


# ---------- Tracking ----------


class RequestTrackView(TrackView):
    """Tracking by number: status, deadlines, decision and objection; no identity."""

    model = PermohonanInformasi
    context_object_name = "permohonan"
    template_name = "ppid/track.html"
    code_field = "nomor"
    code_label = _("Nomor registrasi")

    def get_queryset(self):
        return _public_requests()

    def get_status_context(self, permohonan):
        # Open to anyone with the number: the written answers are masked.
        return {
            **_status_context(permohonan),
            "mask_personal": True,
            "mask_name": permohonan.nama,
        }


# ---------- The requester's secret page ----------


def _serve_document(permohonan, document_id):
    """One answer document of ``permohonan`` as a download; anything else 404."""
    try:
        document_id = int(document_id)
    except (TypeError, ValueError):
        raise Http404 from None
    document = get_object_or_404(DokumenJawaban, pk=document_id, permohonan=permohonan)
    return private_file_response(
        document.berkas,
        document.content_type,
        download_name(document.judul, document.content_type),
    )


def _file_objection(permohonan, form):
    """Run the objection through the service; returns the requester's confirmation."""
    services.file_keberatan(
        permohonan, form.cleaned_data["alasan"], form.cleaned_data["uraian"]
    )
    return gettext(
        "Keberatan Anda sudah kami terima. Atasan PPID menanggapinya paling "
        "lambat %(days)s hari kerja; pemberitahuan dikirim ke email Anda."
    ) % {"days": OBJECTION_ANSWER_DAYS}


class RequestSecretPageView(SecretPageView):
    """The requester's own page: the request, the answer, documents, the objection."""

    model = PermohonanInformasi
    context_object_name = "permohonan"
    template_name = "ppid/secret_page.html"

    def get_queryset(self):
        return PermohonanInformasi.objects.select_related("keberatan").prefetch_related(
            "dokumen",
            Prefetch(
                "linimasa",
                queryset=CatatanPermohonan.objects.filter(is_public=True).order_by(
                    "created_at"
                ),
            ),
        )

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.objection_form = KeberatanForm()

    def serve_file(self, request):
        if "dokumen" not in request.GET:
            return None
        return _serve_document(self.submission, request.GET["dokumen"])

    def bind_action_form(self, request):
        self.objection_form = KeberatanForm(request.POST)
        return self.objection_form

    def handle_post(self, request):
        form = self.bind_action_form(request)
        refusal = services.objection_refusal(self.submission)
        if refusal:
            self.action_errors.append(refusal)
            return None
        if not form.is_valid():
            return None
        try:
            return _file_objection(self.submission, form)
        except ValidationError as error:
            self.action_errors.extend(validation_messages(error))
            return None

    def get_page_context(self):
        permohonan = self.submission
        return {
            **_status_context(permohonan),
            "documents": list(permohonan.dokumen.all()),
            "timeline": _labelled(list(permohonan.linimasa.all())),
            "objection_form": self.objection_form,
            "objection_refusal": services.objection_refusal(permohonan),
            "objection_filing_days": OBJECTION_FILING_DAYS,
            "objection_until": permohonan.objection_deadline(),
        }


# ---------- Objection by registration number ----------


def objection_form(request, page):
    """An objection by number: identity check first, then the grounds.

    The identity is checked again with the objection, so nothing is kept between
    the two steps; a mismatch says nothing about which part did not match.
    """
    identity_form = IdentitasPemohonForm(
        request.POST if request.method == "POST" else None
    )
    objection = KeberatanForm()
    context = page_context(
        page,
        identity_form=identity_form,
        objection_form=objection,
        verified=False,
        mismatch=False,
        objection_refusal=None,
        action_errors=[],
        objection_filing_days=OBJECTION_FILING_DAYS,
    )
    status = 200
    decision = submit_limit("ppid").hit(request) if request.method == "POST" else None
    if decision is not None and not decision.allowed:
        # No identity check while refused; what was typed comes back as it was.
        refuse_form(identity_form, decision)
        if request.POST.get("langkah") == "keberatan":
            context.update(
                objection_form=KeberatanForm(request.POST), keep_objection=True
            )
    elif request.method == "POST":
        permohonan = identity_form.permohonan()
        if permohonan is None:
            context["mismatch"] = identity_form.is_valid()
            status = 400
        else:
            context["verified"] = True
            refusal = services.objection_refusal(permohonan)
            context["objection_refusal"] = refusal
            if request.POST.get("langkah") == "keberatan" and not refusal:
                objection = KeberatanForm(request.POST)
                context["objection_form"] = objection
                if objection.is_valid():
                    try:
                        success = _file_objection(permohonan, objection)
                    except ValidationError as error:
                        context["action_errors"] = validation_messages(error)
                    else:
                        messages.success(request, success)
                        return private_redirect(
                            route_url(page, "secret_page", permohonan.token_rahasia),
                            referrer_policy=NO_REFERRER,
                        )
                status = 400
    response = TemplateResponse(
        request, "ppid/objection_form.html", context, status=status
    )
    if decision is not None and not decision.allowed:
        mark_limited(response, decision)
    return private(response, referrer_policy=FORM_REFERRER_POLICY, noindex=True)


# ---------- Public register ----------


class RegisterFilterForm(forms.Form):
    """The GET filters of the register; invalid values are reported, not applied."""

    tahun = forms.TypedChoiceField(
        label=_("Tahun"), coerce=int, required=False, empty_value=None
    )
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("Semua status")), *StatusPermohonan.choices],
    )
    keputusan = forms.ChoiceField(
        label=_("Keputusan"),
        required=False,
        choices=[("", _("Semua keputusan")), *KeputusanPermohonan.choices],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tahun"].choices = [
            ("", _("Semua tahun")),
            *((year, str(year)) for year in kip_report.report_years()),
        ]

    def filter(self, queryset):
        """``queryset`` narrowed by the filters, or unfiltered if any is invalid."""
        if not self.is_bound or not self.is_valid():
            return queryset
        data = self.cleaned_data
        if data["tahun"]:
            start, end = kip_report.year_bounds(data["tahun"])
            queryset = queryset.filter(diterima_pada__gte=start, diterima_pada__lt=end)
        if data["status"]:
            queryset = queryset.filter(status=data["status"])
        if data["keputusan"]:
            queryset = queryset.filter(keputusan=data["keputusan"])
        return queryset


def _with_days_taken(requests):
    """Set ``register_days_taken`` on each request with one holiday query in all."""
    decided = [item for item in requests if item.diputuskan_pada]
    if not decided:
        return requests
    start = min(to_local_date(item.diterima_pada) for item in decided)
    end = max(to_local_date(item.diputuskan_pada) for item in decided)
    calendar = WorkingDayCalendar(start, end)
    for item in decided:
        item.register_days_taken = calendar.between(
            to_local_date(item.diterima_pada), to_local_date(item.diputuskan_pada)
        )
    return requests


def _register_csv(requests):
    """The public register as CSV text, one row per request."""
    header = [
        gettext("nomor_registrasi"),
        gettext("ringkasan_informasi"),
        gettext("tanggal_diterima"),
        gettext("status"),
        gettext("keputusan"),
        gettext("hari_kerja"),
    ]
    rows = (
        [
            item.kode_lacak,
            mask_personal_data(item.ringkasan_publik, item.nama)
            or gettext(SUMMARY_PLACEHOLDER),
            timezone.localdate(item.diterima_pada).isoformat(),
            item.get_status_display(),
            item.get_keputusan_display() if item.keputusan else "",
            getattr(item, "register_days_taken", ""),
        ]
        for item in requests
    )
    return write_csv(rows, header=header)


def register(request, page):
    """The public register: number, public summary, dates, decision, days taken."""
    filter_keys = {"tahun", "status", "keputusan"}
    form = RegisterFilterForm(request.GET if filter_keys & set(request.GET) else None)
    requests = form.filter(
        PermohonanInformasi.objects.only(*PUBLIC_COLUMNS, *MASKING_COLUMNS)
    ).order_by("-diterima_pada", "-pk")
    if request.GET.get("format") == "csv":
        return csv_response(
            _register_csv(_with_days_taken(list(requests))),
            "register-permohonan-informasi.csv",
        )
    page_obj = paginate(request, requests, REGISTER_PER_PAGE)
    page_obj.object_list = _with_days_taken(list(page_obj.object_list))
    csv_query = request.GET.copy()
    csv_query.pop("page", None)
    csv_query["format"] = "csv"
    return TemplateResponse(
        request,
        "ppid/register.html",
        page_context(
            page,
            form=form,
            requests=page_obj,
            is_filtered=form.is_bound,
            list_url=route_url(page, "register"),
            csv_url="?" + csv_query.urlencode(),
        ),
    )


# ---------- Yearly report ----------

BAR_SECTIONS = ("keputusan", "pengecualian")


def _bars(rows):
    """(label, value, percent of the largest) for a horizontal bar chart."""
    largest = max((value for _label, value in rows), default=0) or 1
    return [(label, value, round(value * 100 / largest, 1)) for label, value in rows]


def yearly_report(request, page):
    """The Perki 1/2021 Pasal 56 report of a year, as tables, CSV and PDF."""
    form = kip_report.YearForm(request.GET if "tahun" in request.GET else None)
    report = kip_report.yearly_report(form.year())
    download = request.GET.get("format")
    if download == "csv":
        return csv_response(
            kip_report.report_csv(report), f"laporan-kip-{report.year}.csv"
        )
    if download == "pdf":
        response = HttpResponse(
            kip_report.report_pdf(report), content_type="application/pdf"
        )
        response["Content-Disposition"] = (
            f'attachment; filename="laporan-kip-{report.year}.pdf"'
        )
        return response
    sections = [
        (section, _bars(section.rows) if section.key in BAR_SECTIONS else None)
        for section in report.sections()
    ]
    return TemplateResponse(
        request,
        "ppid/yearly_report.html",
        page_context(
            page,
            form=form,
            report=report,
            sections=sections,
            csv_url=f"?tahun={report.year}&format=csv",
            pdf_url=f"?tahun={report.year}&format=pdf",
        ),
    )
