"""Public views of the Daftar Informasi Publik and the Pasal 17 document rule."""

from django.http import Http404, HttpResponse
from django.template.response import TemplateResponse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext_lazy as _
from wagtail.permissions import policy_registry

from portal.csv_export import SafeSpreadsheetExportMixin
from portal.pagination import paginate
from portal.routes import page_context
from ppid.forms import DIPFilterForm

DIP_PER_PAGE = 25


class DIPSpreadsheet(SafeSpreadsheetExportMixin):
    """The Daftar Informasi Publik as CSV or XLSX, with the DIP's own column names."""

    list_export = [
        "nomor",
        "title",
        "ringkasan",
        "perangkat_daerah.nama",
        "penanggung_jawab",
        "waktu_pembuatan",
        "tempat_pembuatan",
        "get_bentuk_display",
        "jangka_waktu_penyimpanan",
        "get_kategori_display",
        "tahun",
    ]
    export_headings = {
        "nomor": _("Nomor"),
        "title": _("Judul Informasi"),
        "ringkasan": _("Ringkasan Isi Informasi"),
        "perangkat_daerah.nama": _("Pejabat/Unit yang Menguasai Informasi"),
        "penanggung_jawab": _("Penanggung Jawab Pembuatan Informasi"),
        "waktu_pembuatan": _("Waktu Pembuatan Informasi"),
        "tempat_pembuatan": _("Tempat Pembuatan Informasi"),
        "get_bentuk_display": _("Bentuk Informasi"),
        "jangka_waktu_penyimpanan": _("Jangka Waktu Penyimpanan"),
        "get_kategori_display": _("Kategori"),
        "tahun": _("Tahun"),
    }
    export_filename = "daftar-informasi-publik"
    sheet_title = _("Daftar Informasi Publik")

    def response(self, queryset, export_format):
        if export_format == self.FORMAT_CSV:
            return self.write_csv_response(queryset)
        return self.write_xlsx_response(queryset)


def _dip_filter_form(request, index_page):
    years = (
        index_page.items().order_by("-tahun").values_list("tahun", flat=True).distinct()
    )
    return DIPFilterForm(request.GET or None, years=years)


def dip_index(request, index_page):
    """The DIP as a filterable, paginated table."""
    form = _dip_filter_form(request, index_page)
    items = form.filter(index_page.items())
    return TemplateResponse(
        request,
        "ppid/informasi_publik_index_page.html",
        {
            **page_context(index_page),
            "form": form,
            "items": paginate(request, items, DIP_PER_PAGE),
            "is_filtered": form.is_bound,
            "query_string": request.GET.urlencode(),
        },
    )


def dip_export(request, index_page, export_format):
    """The filtered DIP as a CSV or XLSX download."""
    if export_format not in DIPSpreadsheet.FORMATS:
        raise Http404
    form = _dip_filter_form(request, index_page)
    return DIPSpreadsheet().response(form.filter(index_page.items()), export_format)


def _exempt_file_for_staff(document):
    """The private file as an attachment nobody caches.

    Read whole: Wagtail's serve view passes on a plain ``HttpResponse`` only, not a
    streaming one; documents are at most ``WAGTAILDOCS_MAX_UPLOAD_SIZE``.
    """
    try:
        with document.file.open("rb") as handle:
            content = handle.read()
    except OSError:
        raise Http404 from None
    response = HttpResponse(content, content_type=document.content_type)
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=document.filename
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, no-store"
    return response


def refuse_dikecualikan_document(document, request):
    """Answer 403 instead of serving a document of dikecualikan (Pasal 17) information.

    Staff who may edit the document get its file from the private storage, never
    cached.
    """
    from ppid.models import is_dikecualikan_document

    if is_dikecualikan_document(document):
        policy = policy_registry.get_by_type(type(document))
        if policy.user_has_permission_for_instance(request.user, "change", document):
            return _exempt_file_for_staff(document)
        return TemplateResponse(
            request,
            "ppid/dokumen_dikecualikan.html",
            {"document": document},
            status=403,
        )
    return None
