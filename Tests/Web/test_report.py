"""Report pages (/laporan): the reports each role may open, charts as inline SVG, downloads in every
format reporting exports, and publishing.

The demo city has its data in the current year (2026 when this was written; the earlier years the
reports offer exist but hold no programs), so the tests read this year, in WIB like the gateway.
"""
import json
import re
from datetime import datetime, timedelta, timezone

from playwright.sync_api import Page, expect

from conftest import ASN_PASSWORD, ORGANIZER

YEAR = str(datetime.now(timezone(timedelta(hours=7))).year)
HEAD_DINKES = "197101171996042001"
SUPERVISOR = "198811192019032001"
STAFF = "200208222022111001"

# What each format must look like: its extension, Content-Type and first bytes.
FORMATS = {
    "csv": "text/csv",
    "json": "application/json",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "html": "text/html",
}


def check_file(fmt: str, data: bytes) -> None:
    if fmt == "csv":
        assert data[:3] == b"\xef\xbb\xbf", "CSV starts with a UTF-8 byte order mark"
        assert b";" in data
    elif fmt == "xlsx":
        assert data[:2] == b"PK", "XLSX is a zip"
    elif fmt == "json":
        document = json.loads(data.decode("utf-8"))
        assert document["tahun"] == int(YEAR)
        assert "bagian" in document
    elif fmt == "html":
        assert data.decode("utf-8").startswith("<!DOCTYPE html>")


def download_all(page: Page, prefix: str) -> None:
    """Clicks every download button: each gives a file of its type, also with the right headers."""
    for fmt, content_type in FORMATS.items():
        link = page.get_by_role("link", name=re.compile(rf"^(Unduh|Download) {fmt.upper()}$"))
        expect(link).to_have_count(1)
        with page.expect_download() as info:
            link.click()
        download = info.value
        assert download.suggested_filename.startswith(prefix), download.suggested_filename
        assert download.suggested_filename.endswith("." + fmt), download.suggested_filename
        assert re.fullmatch(r"[A-Za-z0-9._-]+", download.suggested_filename)
        with open(download.path(), "rb") as f:
            check_file(fmt, f.read())
        response = page.request.get(link.get_attribute("href"))
        assert response.status == 200
        assert response.headers["content-type"].startswith(content_type), response.headers["content-type"]
        assert response.headers["content-disposition"].startswith("attachment; filename=\"")


def visible_chart(page: Page) -> None:
    charts = page.locator(".report figure.chart svg")
    assert charts.count() >= 1, "the report draws at least one chart"
    first = charts.first
    expect(first).to_be_visible()
    box = first.bounding_box()
    assert box and box["width"] > 150 and box["height"] > 80, box
    title = first.locator("title").first
    assert title.text_content().strip(), "each chart has a <title>"


def test_organizer_city_report_charts_and_downloads(page: Page, login, shot):
    login(page, *ORGANIZER)
    page.goto("/laporan")
    expect(page.locator("h1")).to_have_count(1)
    shot(page, "report-hub-organizer")
    page.select_option("#rpt-city-year", YEAR)
    page.select_option("#rpt-city-quarter", "0")
    page.locator("#rpt-city-year").locator("xpath=ancestor::form").get_by_role("button").click()
    expect(page).to_have_url(re.compile(rf"/laporan/kota\?tahun={YEAR}&kuartal=0$"))
    expect(page.locator("h1")).to_have_count(1)
    expect(page.locator(".report h2").first).to_be_visible()
    visible_chart(page)
    # Tables come with column headers and hidden or missing numbers never show a value.
    expect(page.locator(".report table th[scope=col]").first).to_be_visible()
    page.locator(".report figure.chart").first.scroll_into_view_if_needed()
    shot(page, "report-city")
    download_all(page, "laporan-kota")

    # The chooser switches to a quarter.
    page.select_option("#rpt-quarter", "1")
    page.locator(".rpt-chooser button").click()
    expect(page).to_have_url(re.compile(rf"/laporan/kota\?tahun={YEAR}&kuartal=1$"))
    expect(page.locator(".rpt-eyebrow")).to_contain_text(re.compile("Triwulan I|1st quarter"))


def test_city_report_on_a_phone(new_page, login, shot):
    page = new_page(390, 844)
    login(page, *ORGANIZER)
    page.goto(f"/laporan/kota?tahun={YEAR}")
    visible_chart(page)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 400, f"the page scrolls sideways on a phone ({width}px)"
    shot(page, "report-city-phone")


def test_organizer_opens_program_and_agency_reports(page: Page, login, shot):
    login(page, *ORGANIZER)
    page.goto("/laporan")
    program = page.locator("#rpt-programs ~ .table-wrap a").first
    program.click()
    expect(page).to_have_url(re.compile(r"/laporan/program/[A-Z0-9-]+\?tahun="))
    expect(page.locator(".report")).to_be_visible()
    shot(page, "report-program")
    page.goto("/laporan")
    page.select_option("#rpt-agency-code", "DINKES")
    page.select_option("#rpt-agency-year", YEAR)
    page.locator("#rpt-agency-code").locator("xpath=ancestor::form").get_by_role("button").click()
    expect(page).to_have_url(re.compile(rf"/laporan/instansi/DINKES\?tahun={YEAR}$"))
    # A NIP that is not 18 digits is refused next to the field.
    page.goto("/laporan/pegawai?nip=123")
    expect(page.locator("#rpt-nip")).to_have_attribute("aria-invalid", "true")


def test_head_of_dinkes_opens_the_agency_report(page: Page, login, shot):
    login(page, HEAD_DINKES, ASN_PASSWORD)
    page.goto("/laporan")
    expect(page.locator("#rpt-city")).to_have_count(0)
    page.get_by_role("link", name=re.compile("DINKES$")).click()
    expect(page).to_have_url(re.compile(r"/laporan/instansi/DINKES\?tahun=\d{4}$"))
    page.goto(f"/laporan/instansi/DINKES?tahun={YEAR}")
    expect(page.locator("h1")).to_have_count(1)
    expect(page.locator(".rpt-subtitle")).to_contain_text("DINKES")
    visible_chart(page)
    expect(page.locator(".rpt-publish button")).to_be_visible()
    shot(page, "report-agency-dinkes")
    download_all(page, "laporan-perangkat-daerah-dinkes")
    # Another agency's report and the city's are not theirs.
    assert page.goto(f"/laporan/instansi/DISDIKBUD?tahun={YEAR}").status in (403, 404)
    assert page.goto(f"/laporan/kota?tahun={YEAR}").status == 403


def test_supervisor_sees_their_staff(page: Page, login):
    login(page, SUPERVISOR, ASN_PASSWORD)
    page.goto("/laporan")
    staff = page.locator("#rpt-staff ~ .table-wrap a")
    assert staff.count() >= 1
    staff.first.click()
    expect(page).to_have_url(re.compile(r"/laporan/pegawai/\d{18}\?tahun="))
    expect(page.locator(".report")).to_be_visible()


def test_asn_opens_own_report_not_anothers(page: Page, login, shot):
    login(page, STAFF, ASN_PASSWORD)
    page.goto("/laporan")
    expect(page.locator("#rpt-city")).to_have_count(0)
    expect(page.locator("#rpt-person")).to_have_count(0)
    page.get_by_role("link", name=re.compile("^(Buka rekam jejak pengembangan saya|Open my development record)$")).click()
    expect(page).to_have_url(re.compile(rf"/laporan/pegawai/{STAFF}\?tahun=\d{{4}}$"))
    page.goto(f"/laporan/pegawai/{STAFF}?tahun={YEAR}")
    expect(page.locator(".rpt-subtitle")).to_contain_text(STAFF)
    expect(page.locator(".report h2").first).to_be_visible()
    shot(page, "report-person-own")
    download_all(page, f"laporan-pegawai-{STAFF}")
    # Someone else's record: not found (reporting does not even say whether the person exists).
    response = page.goto(f"/laporan/pegawai/{HEAD_DINKES}?tahun={YEAR}")
    assert response.status in (403, 404)
    expect(page.locator("h1")).to_have_count(1)
    shot(page, "report-person-other")
    assert page.request.get(f"/laporan/pegawai/{HEAD_DINKES}/unduh?format=csv&tahun={YEAR}").status in (403, 404)


def test_publish_and_open_the_published_report(page: Page, login, shot):
    login(page, STAFF, ASN_PASSWORD)
    page.goto(f"/laporan/pegawai/{STAFF}?tahun={YEAR}")
    page.locator(".rpt-publish button").click()
    expect(page).to_have_url(re.compile(r"/laporan/terbit/[^/?]+\?pesan=rpt_published$"))
    expect(page.locator(".flash")).to_be_visible()
    published_id = re.search(r"/laporan/terbit/([^/?]+)", page.url).group(1)
    facts = page.locator(".rpt-facts")
    expect(facts).to_contain_text(published_id)
    expect(facts.locator(".rpt-hash").first).to_have_text(re.compile(r"^[0-9a-f]{64}$"))
    expect(facts.locator(".badge.ok")).to_be_visible()
    expect(page.locator(".report h2").first).to_be_visible()
    shot(page, "report-published")
    with page.expect_download() as info:
        page.get_by_role("link", name=re.compile(r"^(Unduh|Download) CSV$")).click()
    with open(info.value.path(), "rb") as f:
        data = f.read()
    assert data[:3] == b"\xef\xbb\xbf"
    assert published_id.encode() in data, "the published file names its id"
    # It is listed among the published reports the person may see.
    page.goto("/laporan")
    expect(page.locator(f"#rpt-published ~ .table-wrap a[href='/laporan/terbit/{published_id}']")).to_have_count(1)


def test_organizer_publishes_a_quarter_of_the_city(page: Page, login):
    login(page, *ORGANIZER)
    page.goto(f"/laporan/kota?tahun={YEAR}&kuartal=2")
    page.locator(".rpt-publish button").click()
    expect(page).to_have_url(re.compile(r"/laporan/terbit/[^/?]+"))
    expect(page.locator(".rpt-eyebrow")).to_contain_text(re.compile("Triwulan II|2nd quarter"))
    live = page.get_by_role("link", name=re.compile("data terkini|current data"))
    expect(live).to_have_attribute("href", f"/laporan/kota?tahun={YEAR}&kuartal=2")
