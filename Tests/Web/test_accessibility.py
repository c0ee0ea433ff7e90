"""axe-core over the main pages, for each role: no serious or critical accessibility violation.

axe runs inside the page (the test injects it; the gateway itself serves no script), against the
rendered DOM of the real pages with the demo data.
"""
import pytest
from axe_playwright_python.sync_playwright import Axe

from conftest import ASN_PASSWORD, ORGANIZER

STAFF = "200208222022111001"
SUPERVISOR = "198811192019032001"
HEAD = "197101171996042001"

PUBLIC_PAGES = ["/masuk", "/verifikasi"]
PAGES = {
    STAFF: [
        "/beranda", "/katalog", "/katalog/LAT-MANWAKTU", "/sesi/LAT-MANWAKTU-06", "/evaluasi", "/jp", "/sertifikat",
        "/dialog", "/tindak-lanjut", "/laporan", "/laporan/pegawai/200208222022111001?tahun=2026",
    ],
    SUPERVISOR: ["/beranda", "/tim", "/sertifikat"],
    HEAD: ["/beranda", "/dialog", "/dialog/baru", "/tindak-lanjut", "/laporan", "/laporan/instansi/DINKES?tahun=2026"],
    ORGANIZER[0]: [
        "/beranda", "/kelola", "/kelola/program/baru", "/kelola/program/LAT-MANWAKTU", "/kelola/sesi/LAT-MANWAKTU-06/peserta",
        "/kelola/sesi/LAT-MANWAKTU-05/presensi", "/laporan", "/laporan/kota?tahun=2026", "/laporan/program/LAT-MANWAKTU?tahun=2026",
    ],
}
PASSWORDS = {STAFF: ASN_PASSWORD, SUPERVISOR: ASN_PASSWORD, HEAD: ASN_PASSWORD, ORGANIZER[0]: ORGANIZER[1]}
BLOCKING = ("serious", "critical")


def violations(page):
    results = Axe().run(page)
    # axe ran and checked something (a CSP that blocked it would leave this empty).
    assert results.response["passes"], f"axe did not run on {page.url}"
    found = [v for v in results.response["violations"] if v.get("impact") in BLOCKING]
    return [f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}" for v in found]


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_public_pages_have_no_serious_violation(page, path):
    response = page.goto(path)
    assert response is not None and response.ok, f"{path}: {response.status if response else 'no answer'}"
    assert violations(page) == [], path


@pytest.mark.parametrize("username", list(PAGES))
def test_main_pages_have_no_serious_violation(page, login, shot, username):
    login(page, username, PASSWORDS[username])
    problems = {}
    for path in PAGES[username]:
        response = page.goto(path)
        assert response is not None and response.status < 500, f"{path} as {username}: {response.status if response else 'no answer'}"
        found = violations(page)
        if found:
            problems[path] = found
    assert problems == {}, f"as {username}: {problems}"


def test_phone_layout_has_no_serious_violation(new_page, login):
    phone = new_page(390, 844)
    login(phone, STAFF, ASN_PASSWORD)
    phone.goto("/beranda")
    assert violations(phone) == []


def test_pages_reached_by_links_have_no_serious_violation(page, login):
    """Pages whose address depends on the data: a certificate and a dialogue, reached as a person does."""
    login(page, SUPERVISOR, ASN_PASSWORD)
    page.goto("/sertifikat")
    page.locator("main a[href^='/sertifikat/']").first.click()
    assert page.locator("svg[role=img]").count() >= 1, "the certificate shows its QR code"
    assert violations(page) == [], page.url
    page.goto("/dialog")
    page.locator("main a[href^='/dialog/DLG-']").first.click()
    assert violations(page) == [], page.url
