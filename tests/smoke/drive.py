"""The production smoke test's driver: a citizen's visit, over HTTP only.

Started by ``.ci/smoke`` once gunicorn (``deploy/bin/web``) and the task worker
(``deploy/bin/worker``) run with production settings. It submits an e-laga complaint
with an attachment, a KIP information request and a kecamatan application with a
file, checks each confirmation page, waits until the worker has delivered their
emails (file-based backend), checks that every link in them lies on the base URL,
follows the secret links and reads the files back, checks ``/healthz`` and
``/readyz``, and finds no secret token in the servers' logs. Any failure exits
non-zero with what went wrong. Not a pytest module: it talks to real processes.

    python tests/smoke/drive.py --base-url http://127.0.0.1:8123 \\
        --mail-dir /tmp/mail --log web.log --log worker.log --record out.json
"""

import argparse
import email
import json
import re
import sys
import time
import uuid
from html.parser import HTMLParser
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.error import HTTPError
from urllib.parse import urljoin, urlsplit
from urllib.request import HTTPRedirectHandler, Request, build_opener

CITIZEN_EMAIL = "warga.uji@example.com"
NIK = "1205015203850002"
ELAGA_PATH = "/e-laga/"
KIP_PATH = "/informasi-publik/layanan-informasi/"
KECAMATAN_PATH = "/e-kecamatan/"
MAIL_TIMEOUT_SECONDS = 120
URL_PATTERN = re.compile(r"https?://[^\s<>\"')\]]+")


class SmokeFailure(Exception):
    """A check of the smoke test failed."""


def check(condition, message):
    if not condition:
        raise SmokeFailure(message)


def say(message):
    sys.stdout.write(f"smoke: {message}\n")
    sys.stdout.flush()


def minimal_pdf(text):
    """A small valid one-page PDF holding ``text`` (unique per run)."""
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
    ]
    pdf = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(pdf))
        pdf += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(pdf)
    pdf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    pdf += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    pdf += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(pdf)


class _NoRedirect(HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Response:
    def __init__(self, status, url, headers, body):
        self.status, self.url, self.headers, self.body = status, url, headers, body

    @property
    def text(self):
        return self.body.decode("utf-8", errors="replace")


class Browser:
    """A minimal HTTP client that keeps cookies itself: production cookies are
    ``Secure``, and the loopback test server speaks plain HTTP."""

    def __init__(self, base_url):
        self.base_url = base_url
        self.cookies = {}
        self.opener = build_opener(_NoRedirect)

    def request(self, method, url, fields=None, files=None, follow=True):
        url = urljoin(self.base_url, url)
        for _ in range(5):
            response = self._send(method, url, fields, files)
            location = response.headers.get("Location")
            if not (follow and location and 300 <= response.status < 400):
                return response
            method, fields, files = "GET", None, None
            url = urljoin(url, location)
        raise SmokeFailure(f"too many redirects from {url}")

    def get(self, url, **kwargs):
        return self.request("GET", url, **kwargs)

    def _send(self, method, url, fields, files):
        headers = {"User-Agent": "portal-smoke-test"}
        data = None
        if fields is not None or files:
            boundary = uuid.uuid4().hex
            data = _multipart(boundary, fields or [], files or [])
            headers["Content-Type"] = f"multipart/form-data; boundary={boundary}"
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        request = Request(url, data=data, headers=headers, method=method)  # noqa: S310
        try:
            with self.opener.open(request, timeout=30) as answer:
                response = Response(answer.status, url, answer.headers, answer.read())
        except HTTPError as error:
            response = Response(error.code, url, error.headers, error.read())
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                self.cookies[name] = morsel.value
        return response


def _multipart(boundary, fields, files):
    parts = []
    for name, value in fields:
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'
            f"{value}\r\n".encode()
        )
    for name, filename, content_type, content in files:
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
            f'filename="{filename}"\r\nContent-Type: {content_type}\r\n\r\n'.encode()
            + content
            + b"\r\n"
        )
    return b"".join(parts) + f"--{boundary}--\r\n".encode()


class FormParser(HTMLParser):
    """The forms of a page (action, fields) and its links."""

    def __init__(self):
        super().__init__()
        self.forms, self.links = [], []
        self._form = self._select = self._textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        elif tag == "form":
            self._form = {"action": attrs.get("action") or "", "fields": []}
            self.forms.append(self._form)
        elif self._form is None:
            return
        elif tag == "input":
            self._form["fields"].append({"tag": "input", **attrs})
        elif tag == "textarea":
            self._textarea = {"tag": "textarea", "value": "", **attrs}
            self._form["fields"].append(self._textarea)
        elif tag == "select":
            self._select = {"tag": "select", "options": [], **attrs}
            self._form["fields"].append(self._select)
        elif tag == "option" and self._select is not None:
            self._select["options"].append(attrs.get("value", ""))
            if "selected" in attrs:
                self._select["selected"] = attrs.get("value", "")

    def handle_endtag(self, tag):
        if tag == "textarea" and self._textarea is not None:
            # A browser drops the newline right after <textarea>.
            self._textarea["value"] = self._textarea["value"].removeprefix("\n")
        if tag == "form":
            self._form = None
        elif tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea["value"] += data


def parse(page):
    parser = FormParser()
    parser.feed(page.text)
    return parser


def the_form(page, field_name):
    """The page's form that has a field called ``field_name``."""
    for form in parse(page).forms:
        if any(field.get("name") == field_name for field in form["fields"]):
            return form
    raise SmokeFailure(f"{page.url}: no form with a field {field_name!r}")


def fill(form, values, upload):
    """Form data as a browser sends it (hidden and typed values, selected options,
    checked boxes), with ``values`` by name, an answer in every other required empty
    field, and ``upload`` (name, bytes) in each file field."""
    fields, files, radios = [], [], set()
    for field in form["fields"]:
        name = field.get("name")
        kind = field.get("type", "text")
        if not name or kind in {"submit", "button", "reset"}:
            continue
        if kind == "file":
            filename, content = upload
            files.append((name, filename, "application/pdf", content))
        elif kind == "radio":
            if name not in radios and (
                name in values or "checked" in field or "required" in field
            ):
                radios.add(name)
                fields.append((name, values.get(name, field.get("value", ""))))
        elif kind == "checkbox":
            if "checked" in field or "required" in field:
                fields.append((name, field.get("value", "on")))
        elif name in values:
            fields.append((name, values[name]))
        elif field["tag"] == "select":
            options = field["options"]
            chosen = field.get("selected", options[0] if options else "")
            if not chosen and "required" in field:
                chosen = next(value for value in options if value)
            fields.append((name, chosen))
        else:
            value = field.get("value", "")
            if not value and "required" in field and kind != "hidden":
                value = _answer(kind)
            fields.append((name, value))
    return fields, files


def _answer(kind):
    return {
        "email": CITIZEN_EMAIL,
        "tel": "081234567890",
        "date": "2026-01-05",
        "number": "1",
    }.get(kind, "Uji produksi otomatis")


def form_errors(page):
    """The error summary of a re-rendered form, for the failure message."""
    summary = re.search(r'class="error-summary".*?</div>', page.text, re.DOTALL)
    text = re.sub(r"<[^>]+>", " ", summary.group(0)) if summary else ""
    return " ".join(text.split()) or page.text[:300]


def submit(browser, form_page, form, values, upload, expected_route):
    """Post ``form`` and return the confirmation page and the tracking code."""
    fields, files = fill(form, values, upload)
    action = urljoin(form_page.url, form["action"] or form_page.url)
    page = browser.request("POST", action, fields=fields, files=files)
    check(
        page.status == 200 and expected_route in page.url,
        f"{action}: expected the confirmation page ({expected_route}), got "
        f"{page.status} at {urlsplit(page.url).path}: {form_errors(page)}",
    )
    code = re.search(r"\b(LGK|KIP|KCM)-[A-Z0-9]{4}-[A-Z0-9]{4}\b", page.text)
    check(code, f"{page.url}: no tracking code on the confirmation page")
    return code.group(0)


def submit_complaint(browser, upload):
    page = browser.get(ELAGA_PATH)
    check(page.status == 200, f"{ELAGA_PATH}: {page.status}")
    form = the_form(page, "judul")
    values = {
        "judul": "Lampu jalan padam (uji produksi)",
        "isi": "Lampu jalan di depan pasar padam sejak seminggu. Uji produksi.",
        "email": CITIZEN_EMAIL,
        "nama_pelapor": "Warga Uji",
    }
    return submit(browser, page, form, values, upload, "/terkirim/")


def submit_information_request(browser, upload):
    page = browser.get(KIP_PATH)
    check(page.status == 200, f"{KIP_PATH}: {page.status}")
    form = the_form(page, "informasi_diminta")
    values = {
        "nama": "Warga Uji",
        "alamat": "Jalan Proklamasi 1, Stabat",
        "nomor_identitas": NIK,
        "pekerjaan": "Wiraswasta",
        "email": CITIZEN_EMAIL,
        "informasi_diminta": "Daftar proyek jalan tahun 2026 (uji produksi).",
        "tujuan": "Pemantauan warga.",
    }
    return submit(browser, page, form, values, upload, "/terdaftar/")


def submit_application(browser, upload):
    """The first kecamatan service whose application form takes a file."""
    listing = browser.get(KECAMATAN_PATH)
    check(listing.status == 200, f"{KECAMATAN_PATH}: {listing.status}")
    services = sorted(
        {
            link
            for link in parse(listing).links
            if re.search(r"/layanan/[\w-]+/$", urlsplit(link).path)
        }
    )
    for service in services:
        page = browser.get(urljoin(listing.url, service) + "ajukan/")
        if page.status != 200:
            continue
        form = the_form(page, "nik")
        if any(field.get("type") == "file" for field in form["fields"]):
            values = {
                "nik": NIK,
                "email": CITIZEN_EMAIL,
                "nama": "Warga Uji",
                "alamat": "Jalan Proklamasi 1, Stabat",
            }
            return submit(browser, page, form, values, upload, "/terkirim/")
    raise SmokeFailure(f"{KECAMATAN_PATH}: no service form takes a file")


def read_mails(mail_dir):
    """Every message the file-based email backend wrote."""
    messages = []
    for path in sorted(Path(mail_dir).glob("*.log")):
        for chunk in path.read_text(encoding="utf-8").split("-" * 79):
            if chunk.strip():
                messages.append(email.message_from_string(chunk.strip() + "\n"))
    return messages


def body_of(message):
    part = next(p for p in message.walk() if p.get_content_type() == "text/plain")
    return part.get_payload(decode=True).decode(part.get_content_charset() or "utf-8")


def wait_for_mails(mail_dir, codes):
    """The citizen's email of each code, once the worker has delivered them all."""
    deadline = time.monotonic() + MAIL_TIMEOUT_SECONDS
    while True:
        mails = [(m, body_of(m)) for m in read_mails(mail_dir)]
        found = {
            code: body
            for code in codes
            for message, body in mails
            if code in body and CITIZEN_EMAIL in message["To"]
        }
        if len(found) == len(codes):
            return found, [body for _, body in mails]
        if time.monotonic() > deadline:
            missing = sorted(set(codes) - set(found))
            raise SmokeFailure(
                f"no email for {missing} after {MAIL_TIMEOUT_SECONDS} s: "
                "is the task worker running?"
            )
        time.sleep(0.5)


def check_links(bodies, base_url):
    links = [link for body in bodies for link in URL_PATTERN.findall(body)]
    check(links, "the emails hold no link")
    elsewhere = sorted({link for link in links if not link.startswith(base_url + "/")})
    check(not elsewhere, f"links not on {base_url}: {elsewhere}")
    return links


def secret_link(body, code):
    for link in URL_PATTERN.findall(body):
        if re.search(r"/(laporan-saya|permohonan-saya)/[^/]+/$", link):
            return link
    raise SmokeFailure(f"the email of {code} holds no secret link")


def check_secret_pages(browser, bodies, upload):
    """Each secret page opens; the complaint's attachment comes back byte for byte
    and the application lists its file."""
    filename, content = upload
    tokens = []
    for code, body in bodies.items():
        link = secret_link(body, code)
        tokens.append(urlsplit(link).path.rstrip("/").rsplit("/", 1)[1])
        page = browser.get(link)
        check(page.status == 200 and code in page.text, f"{code}: secret page")
        if code.startswith("LGK"):
            downloads = [
                urljoin(link, href)
                for href in parse(page).links
                if href.startswith("?lampiran=")
            ]
            check(downloads, f"{code}: no attachment on the secret page")
            file = browser.get(downloads[0])
            check(
                file.status == 200 and file.body == content,
                f"{code}: the attachment read back differs ({file.status})",
            )
        if code.startswith("KCM"):
            check(filename in page.text, f"{code}: the uploaded file is not listed")
        say(f"{code}: secret page and files read back")
    return tokens


def check_health(browser):
    for path in ("/healthz", "/readyz"):
        response = browser.get(path)
        check(
            response.status == 200,
            f"{path}: {response.status} {response.text[:500]}",
        )
        json.loads(response.body)
        say(f"{path}: 200")


def check_logs(log_paths, tokens):
    for path in log_paths:
        text = Path(path).read_text(encoding="utf-8", errors="replace")
        leaked = [token for token in tokens if token in text]
        check(not leaked, f"{path}: holds {len(leaked)} secret token(s)")
    say(f"no secret token in {len(log_paths)} log files")


def wait_until_up(browser):
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if browser.get("/healthz").status == 200:
                return
        except OSError:
            pass
        time.sleep(0.3)
    raise SmokeFailure("the web server did not answer /healthz within 30 s")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base-url", required=True)
    parser.add_argument("--mail-dir", required=True)
    parser.add_argument("--log", action="append", default=[])
    parser.add_argument("--record", help="write the tracking codes here (JSON)")
    args = parser.parse_args()
    base_url = args.base_url.rstrip("/")
    browser = Browser(base_url)
    run = uuid.uuid4().hex[:8]
    upload = (f"bukti-{run}.pdf", minimal_pdf(f"Bukti uji produksi {run}"))

    try:
        wait_until_up(browser)
        codes = [
            submit_complaint(browser, upload),
            submit_information_request(browser, upload),
            submit_application(browser, upload),
        ]
        say(f"submitted {', '.join(codes)}")
        bodies, all_bodies = wait_for_mails(args.mail_dir, codes)
        say(f"the worker delivered {len(all_bodies)} emails")
        links = check_links(all_bodies, base_url)
        say(f"all {len(links)} links in the emails start with {base_url}/")
        tokens = check_secret_pages(browser, bodies, upload)
        check_health(browser)
        check_logs(args.log, tokens)
    except SmokeFailure as failure:
        sys.stderr.write(f"smoke: FAILED: {failure}\n")
        return 1
    if args.record:
        Path(args.record).write_text(json.dumps({"codes": codes}), encoding="utf-8")
    say("passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
