"""The admin speaks Indonesian to every officer: menus, listings, records, history,
the page editor, workflow screens and moderation emails; yes/no reads "Ya"/"Tidak"
and exported times are WIB.

Wagtail's own Indonesian catalogue covers about a third of its admin; the rest comes
from the project's catalogue in ``locale/id/`` (compiled, loaded after every app's
catalogue). The walk below logs in as each role, opens the dashboard, every item of
the role's admin menu (searched too), the first record's inspect, edit and history
pages it links to, and fails on any English string officers used to meet.

Input values are left out of the visible text: the listing header's
screen-reader-only submit button reads "Search", written without a translation in
Wagtail's ``wagtailadmin/shared/header.html``.
"""

import csv
import datetime
import io
import json
import re
from html.parser import HTMLParser
from http import HTTPStatus
from pathlib import Path
from zoneinfo import ZoneInfo

import openpyxl
import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Group
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import GroupApprovalTask, Workflow, WorkflowPage, WorkflowTask

from layanan.choices import StatusPermohonan
from pengaduan.choices import StatusLaporan
from portal.csv_export import SafeSpreadsheetExportMixin, csv_cell, write_csv
from portal.models import ScopedLogEntry
from portal.roles import (
    ADMIN_PORTAL,
    ATASAN_PPID,
    EDITOR_LAYANAN,
    EDITOR_PPID,
    MODERATOR_PASAR,
    MODERATOR_PENGADUAN,
    PETUGAS_KECAMATAN,
    PETUGAS_OPD,
)
from ppid.choices import KeputusanPermohonan
from tests.factories import StandardPageFactory, UserFactory
from tests.layanan.factories import PermohonanFactory, StandarLayananFactory
from tests.pasar.factories import UMKMFactory
from tests.pengaduan.factories import (
    KategoriLaporanFactory,
    LaporanFactory,
    PetugasFactory,
    advance_laporan,
)
from tests.ppid.factories import create_kip_request

pytestmark = pytest.mark.django_db

LOCALE_DIR = Path(settings.BASE_DIR) / "locale" / "id" / "LC_MESSAGES"

#: English that officers met in the admin before the project's catalogue. Words an
#: Indonesian text also uses ("Status", "No." of an address) are not listed.
ENGLISH = [
    "Dashboard",
    "Search",
    "Search all pages",
    "Edit",
    "Delete",
    "Actions",
    "More actions",
    "Save",
    "Save draft",
    "Cancel",
    "Log out",
    "Account",
    "Pages",
    "Snippets",
    "Documents",
    "Images",
    "Settings",
    "Reports",
    "Help",
    "Collapse all",
    "Expand all",
    "History",
    "Site history",
    "Date / Time",
    "There are",
    "There is",
    "matches",
    "True",
    "False",
    "Request changes",
    "Approve",
    "Approve with comment",
    "Publish",
    "Submit",
    "Keyboard shortcuts",
    "Shortcuts",
    "Toggle",
    "Lock",
    "Unlock",
    "Workflow",
    "Sort by",
    "Filter by",
    "Show filters",
    "ago",
    "Preview",
]
ENGLISH_PATTERN = re.compile(
    r"(?<![\w-])("
    + "|".join(re.escape(phrase) for phrase in sorted(ENGLISH, key=len, reverse=True))
    + r")(?![\w-])"
)

#: A permission as Django names it ("app | model | name"): the group form's hidden
#: checkbox labels print the name stored in the database, in English for Wagtail's
#: own page permissions; the visible headings are translated.
PERMISSION_LABEL = re.compile(r"^[^|]+ \| [^|]+ \| ")

#: English of Wagtail's moderation emails.
EMAIL_ENGLISH = re.compile(
    r"\b(Hello|has been|submitted|approval|approved|rejected|You can|"
    r"notification preferences|moderation stage|workflow|preview)\b"
)


class VisibleText(HTMLParser):
    """The text a reader meets on an admin page: text outside scripts and styles
    (dialogs and templates included), placeholders, titles and accessible names,
    the menu labels and the interface strings Wagtail passes to its scripts."""

    ATTRIBUTES = ("placeholder", "title", "aria-label", "alt")
    JSON_SCRIPTS = ("wagtail-sidebar-props", "wagtail-config")

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.texts = []
        self._script = None  # the id of the script or style being read

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.texts.extend(
            attributes[name] for name in self.ATTRIBUTES if attributes.get(name)
        )
        if tag in ("script", "style"):
            self._script = attributes.get("id", "")

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self._script = None

    def handle_data(self, data):
        if self._script in self.JSON_SCRIPTS:
            self.texts.extend(json_strings(json.loads(data), self._script))
        elif self._script is None and data.strip():
            self.texts.append(" ".join(data.split()))


def unpacked(value):
    """A value of the sidebar's JSON, where repeated values come as ``{"_val": …}``."""
    return value.get("_val") if isinstance(value, dict) else value


def json_strings(node, script):
    """The human-readable strings in the sidebar's and the admin config's JSON: the
    menu labels and the ``STRINGS`` Wagtail's scripts show."""
    if isinstance(node, dict):
        for key, value in node.items():
            if script == "wagtail-sidebar-props" and key == "label":
                if isinstance(unpacked(value), str):
                    yield unpacked(value)
            elif script == "wagtail-config" and key == "STRINGS":
                yield from json_strings(value, "strings")
            elif script in ("strings", "wagtail-sidebar-props"):
                yield from json_strings(value, script)
    elif isinstance(node, list):
        for value in node:
            yield from json_strings(value, script)
    elif isinstance(node, str) and script == "strings":
        yield node


def english_in(html):
    """The English phrases of :data:`ENGLISH` found in ``html``'s visible text."""
    parser = VisibleText()
    parser.feed(html)
    found = []
    for text in parser.texts:
        if PERMISSION_LABEL.match(text):
            continue
        for match in ENGLISH_PATTERN.finditer(text):
            found.append(f"{match.group(1)!r} in {text[:90]!r}")
    return found


def menu_urls(html):
    """The admin URLs of the sidebar menu in ``html`` (every level)."""
    props = re.search(
        r'<script id="wagtail-sidebar-props" type="application/json">(.*?)</script>',
        html,
        re.S,
    )
    urls = []

    def walk(node):
        if isinstance(node, dict):
            url = unpacked(node.get("url"))
            if isinstance(url, str) and url.startswith("/admin/"):
                urls.append(url)
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(json.loads(props.group(1)))
    return list(dict.fromkeys(urls))


def record_urls(html, listing_url):
    """The first inspect, edit and history links of a listing or record page."""
    found = {}
    for href in re.findall(r'href="([^"#?]+)"', html):
        if not href.startswith(listing_url):
            continue
        match = re.search(r"/(inspect|edit|history)/(?:[^/]+/)?$", href)
        if match:
            found.setdefault(match.group(1), href)
    return list(found.values())


class AdminWalk:
    """Pages one officer opens, with the English found on each."""

    def __init__(self, user):
        self.client = Client()
        self.client.force_login(user)
        self.seen = set()
        self.failures = []

    def open(self, url, required=False):
        if url in self.seen:
            return ""
        self.seen.add(url)
        response = self.client.get(url, follow=True)
        if required:
            assert response.status_code == HTTPStatus.OK, url
        if response.status_code != HTTPStatus.OK or "html" not in response.get(
            "Content-Type", ""
        ):
            return ""
        html = response.content.decode()
        self.failures.extend(f"{url}: {found}" for found in english_in(html))
        return html

    def walk(self, extra_urls=()):
        dashboard = self.open(reverse("wagtailadmin_home"), required=True)
        for url in [*menu_urls(dashboard), *extra_urls]:
            html = self.open(url, required=True)
            self.open(f"{url}?q=jalan")
            for record_url in record_urls(html, url)[:3]:
                record = self.open(record_url)
                for history_url in record_urls(record, url):
                    if "/history/" in history_url:
                        self.open(history_url)
        return self


@pytest.fixture
def admin_world(home_page):
    """A little of everything each role works on, made through the services."""
    moderator = PetugasFactory(username="moderator.uji", role=MODERATOR_PENGADUAN)
    KategoriLaporanFactory(nama="Jalan rusak", slug="jalan-rusak")
    LaporanFactory(judul="Jalan berlubang di Stabat")
    advance_laporan(
        LaporanFactory(judul="Jalan amblas di Babalan"),
        StatusLaporan.DITINDAKLANJUTI,
        user=moderator,
    )
    create_kip_request(decided=KeputusanPermohonan.DITOLAK, objection=True)
    create_kip_request(informasi_diminta="Daftar jalan kabupaten yang rusak.")
    PermohonanFactory(layanan=StandarLayananFactory(nama="Surat Keterangan Usaha"))
    PermohonanFactory(status=StatusPermohonan.DIAJUKAN)
    UMKMFactory()
    profile = StandardPageFactory(parent=home_page, title="Profil PPID")
    return {"moderator": moderator, "page": profile}


def page_in_moderation(page, submitter, approvers):
    """``page`` submitted to a one-step workflow whose task the ``approvers`` group
    approves; returns the workflow state."""
    task = GroupApprovalTask.objects.create(name="Persetujuan PPID")
    task.groups.set([approvers])
    workflow = Workflow.objects.create(name="Publikasi Informasi Uji")
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.create(workflow=workflow, page=page)
    page.title = "Profil PPID (perubahan)"
    page.save_revision(user=submitter)
    return workflow.start(page, submitter)


ROLE_USERS = {
    MODERATOR_PENGADUAN: lambda world: world["moderator"],
    PETUGAS_OPD: lambda world: PetugasFactory(role=PETUGAS_OPD, opd="dinas-pupr"),
    EDITOR_PPID: lambda world: PetugasFactory(role=EDITOR_PPID),
    ATASAN_PPID: lambda world: PetugasFactory(role=ATASAN_PPID),
    PETUGAS_KECAMATAN: lambda world: PetugasFactory(
        role=PETUGAS_KECAMATAN, kecamatan_tugas="babalan"
    ),
    EDITOR_LAYANAN: lambda world: PetugasFactory(role=EDITOR_LAYANAN),
    MODERATOR_PASAR: lambda world: PetugasFactory(role=MODERATOR_PASAR),
    ADMIN_PORTAL: lambda world: PetugasFactory(role=ADMIN_PORTAL),
}


@pytest.mark.parametrize("role", list(ROLE_USERS))
def test_each_role_meets_no_english_on_its_main_admin_pages(role, admin_world):
    user = ROLE_USERS[role](admin_world)

    walk = AdminWalk(user).walk(extra_urls=[reverse("wagtailadmin_account")])

    assert len(walk.seen) > 3
    assert walk.failures == [], "\n".join(walk.failures)


def test_a_superuser_meets_no_english_in_the_page_editor_and_workflow_screens(
    admin_world,
):
    admin = UserFactory(username="admin.uji", is_superuser=True)
    approvers = Group.objects.create(name="Penyetuju uji")
    approvers.user_set.add(admin)
    page = admin_world["page"]
    page_in_moderation(page, PetugasFactory(role=EDITOR_PPID), approvers)

    walk = AdminWalk(admin).walk(
        extra_urls=[
            reverse("wagtailadmin_explore", args=[page.get_parent().pk]),
            reverse("wagtailadmin_pages:edit", args=[page.pk]),
            reverse("wagtailadmin_pages:history", args=[page.pk]),
            reverse("wagtailadmin_pages:workflow_history", args=[page.pk]),
        ]
    )

    assert walk.failures == [], "\n".join(walk.failures)
    editor = walk.client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    html = editor.content.decode()
    # Once "Approve with comment dan Publikasikan": a half-translated label.
    assert "Setujui dengan komentar lalu terbitkan" in html
    assert "Minta perubahan" in html
    assert "Riwayat" in html


def test_the_admin_scripts_get_indonesian_strings():
    client = Client()
    client.force_login(UserFactory(is_superuser=True))

    catalogue = client.get(reverse("wagtailadmin_javascript_catalog")).content.decode()

    for indonesian in ("Ciutkan semua", "Bentangkan semua", "Tindakan lain", "Aksi"):
        assert indonesian in catalogue


def test_the_moderation_emails_are_indonesian(
    home_page, django_capture_on_commit_callbacks
):
    editor = PetugasFactory(username="editor.uji", role=EDITOR_PPID)
    approver = UserFactory(username="penyetuju.uji")
    approvers = Group.objects.create(name="Penyetuju uji")
    approvers.user_set.add(approver)
    page = StandardPageFactory(parent=home_page, title="Profil PPID")

    with django_capture_on_commit_callbacks(execute=True):
        workflow_state = page_in_moderation(page, editor, approvers)
    submitted = [message for message in mail.outbox if approver.email in message.to]
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        workflow_state.current_task_state.specific.task.specific.on_action(
            workflow_state.current_task_state,
            approver,
            "reject",
            comment="Judul perlu diperbaiki.",
        )
    rejected = [message for message in mail.outbox if editor.email in message.to]

    assert submitted and rejected
    assert submitted[0].subject == (
        'Halaman "Profil PPID (perubahan)" telah diajukan untuk persetujuan pada '
        'tahap moderasi "Persetujuan PPID"'
    )
    assert "Halo penyetuju.uji," in submitted[0].body
    assert "dikembalikan untuk perubahan" in rejected[0].subject
    assert "Judul perlu diperbaiki." in rejected[0].body
    for message in [*submitted, *rejected]:
        html = message.alternatives[0][0] if message.alternatives else ""
        for text in (message.subject, message.body, html):
            words = re.sub(r"https?://\S+", "", text)  # links name admin views
            assert not EMAIL_ENGLISH.search(words), text


# Yes/no and times in lists and exports.


def test_csv_cells_read_ya_tidak_and_wib_to_the_minute():
    utc = datetime.datetime(2026, 12, 2, 7, 5, 42, 123456, tzinfo=datetime.UTC)

    assert csv_cell(True) == "Ya"
    assert csv_cell(False) == "Tidak"
    assert csv_cell(utc) == "2026-12-02 14:05"
    assert csv_cell(utc.astimezone(ZoneInfo("Asia/Makassar"))) == "2026-12-02 14:05"
    assert csv_cell(datetime.datetime(2026, 12, 2, 14, 5, 42)) == "2026-12-02 14:05"
    assert csv_cell(datetime.date(2026, 12, 2)) == "2026-12-02"
    assert write_csv([[True, False, utc]]) == "Ya,Tidak,2026-12-02 14:05\r\n"


def test_xlsx_cells_read_ya_tidak_and_keep_dates_in_wib():
    export = SafeSpreadsheetExportMixin()
    utc = datetime.datetime(2026, 12, 2, 7, 5, 42, 123456, tzinfo=datetime.UTC)

    assert export.preprocess_field_value("aktif", True, "xlsx") == "Ya"
    assert export.preprocess_field_value("aktif", False, "xlsx") == "Tidak"
    assert export.preprocess_field_value("dibuat", utc, "xlsx") == (
        datetime.datetime(2026, 12, 2, 14, 5, 42)
    )


def test_the_report_export_reads_ya_tidak_and_wib(client):
    moderator = PetugasFactory(role=MODERATOR_PENGADUAN)
    received = datetime.datetime(2026, 12, 2, 7, 5, 42, 123456, tzinfo=datetime.UTC)
    LaporanFactory(
        judul="Lampu jalan padam", anonim=True, rahasia=False, diterima_pada=received
    )
    client.force_login(moderator)

    response = client.get(reverse("laporan:index"), {"export": "csv"})
    rows = list(
        csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode()))
    )
    workbook = openpyxl.load_workbook(
        io.BytesIO(
            b"".join(
                client.get(
                    reverse("laporan:index"), {"export": "xlsx"}
                ).streaming_content
            )
        )
    )

    row = next(row for row in rows if row["Judul"] == "Lampu jalan padam")
    assert (row["Anonim"], row["Rahasia"]) == ("Ya", "Tidak")
    assert row["Diterima"] == "2026-12-02 14:05"
    header, *cells = workbook.active.iter_rows(values_only=True)
    xlsx_row = dict(
        zip(header, next(r for r in cells if "Lampu jalan padam" in r), strict=True)
    )
    assert (xlsx_row["Anonim"], xlsx_row["Rahasia"]) == ("Ya", "Tidak")
    assert xlsx_row["Diterima"] == datetime.datetime(2026, 12, 2, 14, 5, 42)


def test_the_report_list_and_history_show_times_in_wib(client):
    moderator = PetugasFactory(role=MODERATOR_PENGADUAN)
    utc = datetime.datetime(2026, 12, 2, 7, 5, tzinfo=datetime.UTC)
    laporan = advance_laporan(
        LaporanFactory(judul="Lampu jalan padam", diterima_pada=utc),
        StatusLaporan.DIVERIFIKASI,
        user=moderator,
    )
    ScopedLogEntry.objects.filter(object_id=str(laporan.pk)).update(timestamp=utc)
    client.force_login(moderator)

    listing = client.get(reverse("laporan:index")).content.decode()
    history = client.get(reverse("laporan:history", args=[laporan.pk])).content
    history = history.decode()

    row = next(row for row in listing.split("<tr")[1:] if "Lampu jalan padam" in row)
    assert "2 Des 2026 14:05" in row
    assert 'datetime="2026-12-02T14:05:00+07:00"' in history
    assert "2 Des. 2026, 14.05" in history
    assert "07:05" not in row + history and "7.05" not in history


def test_the_category_list_its_filter_pill_and_inspect_views_read_ya_tidak(client):
    moderator = PetugasFactory(role=MODERATOR_PENGADUAN)
    KategoriLaporanFactory(nama="Kebersihan", boleh_anonim=True, selalu_rahasia=False)
    client.force_login(moderator)

    listing = client.get(
        reverse("wagtailsnippets_pengaduan_kategorilaporan:list"), {"aktif": "true"}
    ).content.decode()

    row = next(row for row in listing.split("<tr")[1:] if "Kebersihan" in row)
    cells = [
        " ".join(cell.split()) for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)
    ]
    assert "Ya" in cells and "Tidak" in cells
    assert not re.search(r"\b(True|False)\b", row)
    assert re.search(r'<b class="w-ml-1">\s*Ya\s*</b>', listing)


# The catalogue itself.


def read_po(path):
    """``{(context, msgid): msgstr}`` of a .po file (enough of the format for ours)."""
    entries, entry, key = {}, {}, None
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        if not line.strip():
            if entry.get("msgid"):
                entries[(entry.get("msgctxt"), entry["msgid"])] = entry.get(
                    "msgstr", entry.get("msgstr[0]")
                )
            entry, key = {}, None
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):
            entry[key] += json.loads(line)
        else:
            key, value = line.split(" ", 1)
            entry[key] = json.loads(value)
    return entries


@pytest.mark.parametrize("domain", ["django", "djangojs"])
def test_the_compiled_catalogue_matches_its_source(domain):
    import gettext

    with (LOCALE_DIR / f"{domain}.mo").open("rb") as compiled:
        catalogue = gettext.GNUTranslations(compiled)

    for (context, msgid), msgstr in read_po(LOCALE_DIR / f"{domain}.po").items():
        key = f"{context}\x04{msgid}" if context else msgid
        assert catalogue._catalog.get(key, catalogue._catalog.get((key, 0))) == msgstr


def test_the_catalogue_holds_only_package_strings_and_wins_over_wagtails():
    package_msgids = set()
    for app in apps.get_app_configs():  # the project's apps have no locale folder
        for domain in ("django", "djangojs"):
            sources = sorted(
                Path(app.path).glob(f"locale/*/LC_MESSAGES/{domain}.po"),
                key=lambda po: po.parts[-3] != "en",  # English first: every msgid
            )
            if sources:
                package_msgids.update(msgid for _, msgid in read_po(sources[0]))
    own = read_po(LOCALE_DIR / "django.po")

    assert {msgid for _, msgid in own} <= package_msgids | {""}
    with translation.override(settings.LANGUAGE_CODE):
        assert translation.gettext("Publish") == "Terbitkan"  # Wagtail: "Publikasikan"
        assert translation.gettext("Reports") == "Laporan"
        # The project's own (Indonesian) strings are untouched.
        assert translation.gettext("Terapkan filter") == "Terapkan filter"
        assert translation.gettext("Melewati batas waktu") == "Melewati batas waktu"
    assert timezone.get_default_timezone_name() == "Asia/Jakarta"
