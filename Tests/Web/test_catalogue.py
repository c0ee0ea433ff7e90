"""Browser tests of the catalogue group: the role-aware home page, the catalogue, a session's enrolment
(request, approval, nomination, enrolment by NIP), the team and JP pages, certificates with their QR code
and the public verification page.

Each test makes what it changes itself (a session of its own, opened through the API with the
organiser's token, cancelled at the end), so it runs on a fresh demo city and on a shared one alike.
"""
import datetime
import re

import pytest
from playwright.sync_api import Page, expect

from conftest import ADMIN, ASN_PASSWORD, ORGANIZER

STAFF = ("200208222022111001", ASN_PASSWORD)  # Andika Pratama, DINKES, staff
SUPERVISOR = ("198811192019032001", ASN_PASSWORD)  # Yesi Syahputra, head of DINKES's Sekretariat
HEAD = ("197101171996042001", ASN_PASSWORD)  # Rahmi Harahap, head of DINKES
SUPERVISORS_STAFF = "199001092012101001"  # Doni Saputra, reports to SUPERVISOR
OPEN_PROGRAM = "LAT-KERJASAMA-TIM"  # 16 JP, open to every ASN


def supervisor_approves(page: Page, session_id: str, nip: str) -> None:
    """The first step of a request's approval chain, through the API, as the person's direct supervisor
    (given an account when the demo made none). `page` holds no session cookie (the API would ask for CSRF)."""
    admin = api_token(page, ADMIN)
    boss = page.request.get(f"/api/v1/employees/{nip}", headers={"authorization": f"Bearer {admin}"}).json()["supervisorNip"]
    if not page.request.post("/api/v1/auth:login", data={"username": boss, "password": ASN_PASSWORD}).ok:
        made = page.request.post("/api/v1/accounts", headers={"authorization": f"Bearer {admin}"},
                                 data={"username": boss, "nip": boss, "password": ASN_PASSWORD, "roles": ["ROLE_EMPLOYEE"]})
        assert made.ok, made.text()
    token = api_token(page, (boss, ASN_PASSWORD))
    decided = page.request.post(f"/api/v1/sessions/{session_id}/enrolments/{nip}:decide", headers={"authorization": f"Bearer {token}"},
                                data={"approve": True, "reason": "Sesuai rencana pengembangan"})
    assert decided.ok, decided.text()


def api_token(page: Page, account) -> str:
    response = page.request.post("/api/v1/auth:login", data={"username": account[0], "password": account[1]})
    assert response.ok, response.text()
    return response.json()["token"]


@pytest.fixture()
def own_session(browser, base_url):
    """A new session of OPEN_PROGRAM, open for enrolment, cancelled again afterwards."""
    context = browser.new_context(base_url=base_url)
    page = context.new_page()
    token = api_token(page, ORGANIZER)
    headers = {"authorization": f"Bearer {token}"}
    start = datetime.date.today() + datetime.timedelta(days=45)
    days = [
        {"date": (start + datetime.timedelta(days=i)).isoformat(), "startTime": "08:00", "endTime": "15:00", "jp": 8}
        for i in range(2)
    ]
    created = page.request.post(
        "/api/v1/sessions",
        headers=headers,
        data={"session": {"programCode": OPEN_PROGRAM, "days": days, "venue": "Aula uji katalog", "capacity": 5}},
    )
    assert created.ok, created.text()
    session_id = created.json()["id"]
    opened = page.request.post(
        f"/api/v1/sessions/{session_id}:transition", headers=headers, data={"transition": "SESSION_TRANSITION_OPEN"}
    )
    assert opened.ok, opened.text()
    yield session_id
    page.request.post(
        f"/api/v1/sessions/{session_id}:transition",
        headers=headers,
        data={"transition": "SESSION_TRANSITION_CANCEL", "reason": "Angkatan uji otomatis selesai"},
    )
    context.close()


# MARK: the home page, by role


def test_beranda_staff(page, login, shot):
    login(page, *STAFF)
    page.goto("/beranda")
    asn = page.locator("section[aria-labelledby=home-asn]")
    expect(asn).to_be_visible()
    expect(asn.locator("meter")).to_have_count(1)
    expect(asn.get_by_role("link", name="Lihat catatan JP saya")).to_have_attribute("href", "/jp")
    expect(asn.locator("h3")).to_have_count(4)
    expect(page.locator("#home-head")).to_have_count(0)
    expect(page.locator("#home-city")).to_have_count(0)
    expect(page.locator("h1")).to_have_count(1)
    shot(page, "catalogue-beranda-staff")


def test_beranda_supervisor_and_team(page, login, shot):
    login(page, *SUPERVISOR)
    page.goto("/beranda")
    expect(page.locator("#home-asn")).to_be_visible()
    team_link = page.locator("main a[href='/tim']")
    expect(team_link).to_be_visible()
    shot(page, "catalogue-beranda-supervisor")
    team_link.click()
    expect(page.locator("h1")).to_have_text(re.compile("Tim saya"))
    row = page.locator("tbody tr", has_text=SUPERVISORS_STAFF)
    expect(row).to_have_count(1)
    expect(row.locator("meter")).to_have_count(1)
    expect(row.locator(f"a[href='/katalog?untuk={SUPERVISORS_STAFF}']")).to_have_count(1)
    shot(page, "catalogue-tim")
    row.locator(f"a[href='/jp?nip={SUPERVISORS_STAFF}']").click()
    expect(page.locator("h1")).to_contain_text("Catatan JP")
    shot(page, "catalogue-jp-staff-member")


def test_beranda_agency_head(page, login, shot):
    login(page, *HEAD)
    page.goto("/beranda")
    expect(page.locator("#home-asn")).to_be_visible()
    head = page.locator("section[aria-labelledby=home-head]")
    expect(head).to_be_visible()
    expect(head.locator("h2")).to_contain_text("Dinas Kesehatan")
    expect(head.locator("meter")).to_have_count(1)
    expect(head.get_by_role("link", name="Semua dialog")).to_be_visible()
    expect(head.get_by_role("link", name="Semua tindak lanjut")).to_be_visible()
    # The ASN part comes first.
    order = page.locator("main h2").all_text_contents()
    assert order[0].startswith("Pengembangan kompetensi saya"), order
    # The demo city's DINKES has dialogues; each links to its page.
    expect(head.locator("a[href^='/dialog/']").first).to_be_visible()
    shot(page, "catalogue-beranda-agency-head")


@pytest.mark.parametrize("account,name", [(ORGANIZER, "organizer"), (ADMIN, "admin")])
def test_beranda_city(page, login, shot, account, name):
    login(page, *account)
    page.goto("/beranda")
    city = page.locator("section[aria-labelledby=home-city]")
    expect(city).to_be_visible()
    chart = city.locator("figure.chart svg[role=img]")
    expect(chart).to_have_count(1)
    expect(chart.locator("title").first).to_contain_text("JP")
    expect(city.locator("a[href='/kelola']")).to_be_visible()
    expect(city.locator("a[href='/laporan']")).to_be_visible()
    city.locator("details summary").click()
    expect(city.locator("details tbody tr").first).to_be_visible()
    expect(page.locator("#home-asn")).to_have_count(0)
    shot(page, f"catalogue-beranda-{name}")


def test_beranda_phone(new_page, login, shot):
    page = new_page(390, 844)
    login(page, *HEAD)
    page.goto("/beranda")
    expect(page.locator("#home-asn")).to_be_visible()
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"the home page scrolls sideways on a phone ({width}px)"
    shot(page, "catalogue-beranda-phone")


# MARK: the catalogue


def test_catalogue_search_program_and_session(page, login, shot):
    login(page, *STAFF)
    page.goto("/katalog")
    expect(page.locator("h1")).to_have_count(1)
    expect(page.locator("ul.cat-list > li").first).to_be_visible()
    shot(page, "catalogue-katalog")
    page.fill("#cat-q", "manajemen waktu")
    page.locator("form[role=search] button[type=submit]").click()
    result = page.locator("ul.cat-list > li", has_text="Manajemen Waktu")
    expect(result.first).to_be_visible()
    shot(page, "catalogue-katalog-search")
    page.goto("/katalog?jenis=e_learning")
    expect(page.locator("#cat-jenis")).to_have_value("e_learning")
    for badge in page.locator("ul.cat-list > li .badge:first-child").all_text_contents():
        assert badge == "E-learning"
    page.goto("/katalog/LAT-MANWAKTU")
    expect(page.locator("h1")).to_have_text("Pelatihan Manajemen Waktu")
    expect(page.locator("dl.cat-facts")).to_contain_text("JP")
    expect(page.locator("a[href^='/sesi/LAT-MANWAKTU-']").first).to_be_visible()
    shot(page, "catalogue-program")
    page.locator("a[href^='/sesi/LAT-MANWAKTU-']").first.click()
    expect(page.locator("h1")).to_contain_text("Pelatihan Manajemen Waktu")
    expect(page.locator("table tbody tr").first).to_be_visible()
    shot(page, "catalogue-session")


def test_unknown_program_is_404(page, login):
    login(page, *STAFF)
    response = page.goto("/katalog/TIDAK-ADA-PROGRAM")
    assert response.status == 404


# MARK: enrolment


def test_request_approve_nominate_enrol(page, new_page, login, shot, own_session):
    session_path = f"/sesi/{own_session}"

    # The ASN asks for a place and sees it waiting.
    login(page, *STAFF)
    page.goto(session_path)
    mine = page.locator("section[aria-labelledby=cat-mine-h]")
    expect(mine).to_contain_text("belum terdaftar")
    mine.locator(f"form[action='{session_path}/minta'] button").click()
    expect(page.locator(".flash")).to_be_visible()
    expect(mine.locator(".badge")).to_have_text("Menunggu persetujuan")
    shot(page, "catalogue-session-requested")

    # The home page lists it among the person's upcoming sessions.
    page.goto("/beranda")
    expect(page.locator(f"section[aria-labelledby=home-asn] a[href='{session_path}']")).to_be_visible()

    # The organiser approves it on the session page.
    organizer = new_page()
    login(organizer, *ORGANIZER)
    organizer.goto(session_path)
    request = organizer.locator("li", has_text=STAFF[0])
    expect(request).to_be_visible()
    shot(organizer, "catalogue-session-organizer")
    # Rejecting without a reason is refused next to the field.
    request.locator("form.cat-reject button").click()
    reason = organizer.locator(f"#cat-reject-{STAFF[0]}")
    expect(reason).to_have_attribute("aria-invalid", "true")
    # BKPSDM confirms once the direct supervisor has approved (the chain itself: test_approval.py).
    supervisor_approves(new_page(), own_session, STAFF[0])
    organizer.locator("li", has_text=STAFF[0]).locator("form:not(.cat-reject) button").click()
    expect(organizer.locator(".flash")).to_contain_text("disetujui")
    expect(organizer.locator("li", has_text=STAFF[0])).to_have_count(0)

    # The ASN now holds a place, and may cancel it.
    page.goto(session_path)
    expect(mine.locator(".badge")).to_have_text("Terdaftar")
    expect(mine.locator(f"form[action='{session_path}/batal']")).to_be_visible()
    shot(page, "catalogue-session-enrolled")

    # The supervisor nominates one of their staff; a second time is refused next to the form.
    supervisor = new_page()
    login(supervisor, *SUPERVISOR)
    supervisor.goto(session_path)
    supervisor.select_option("#cat-nominate-nip", SUPERVISORS_STAFF)
    supervisor.locator(f"form[action='{session_path}/usulkan'] button").click()
    expect(supervisor.locator(".flash")).to_contain_text("Usulan tercatat")
    supervisor.select_option("#cat-nominate-nip", SUPERVISORS_STAFF)
    supervisor.locator(f"form[action='{session_path}/usulkan'] button").click()
    expect(supervisor.locator("#cat-nominate-error")).to_contain_text("sudah terdaftar")
    expect(supervisor.locator("#cat-nominate-nip")).to_have_attribute("aria-invalid", "true")
    shot(supervisor, "catalogue-session-nominate-refused")

    # The organiser enrols by NIP: a malformed NIP is refused next to the field, the good one enrolled.
    organizer.goto(session_path)
    organizer.fill("#cat-enrol-nips", "123\n198304192002072001")
    organizer.locator(f"form[action='{session_path}/daftarkan'] button").click()
    expect(organizer.locator("#cat-enrol-nips")).to_have_attribute("aria-invalid", "true")
    expect(organizer.locator("#cat-enrol-nips")).to_have_value("123")
    results = organizer.locator("table", has_text="198304192002072001")
    expect(results).to_contain_text("Terdaftar")
    shot(organizer, "catalogue-session-enrol-results")


# MARK: JP and certificates


def test_ledger_page(page, login, shot):
    login(page, *SUPERVISOR)
    year = datetime.date.today().year
    page.goto(f"/jp?tahun={year}")
    expect(page.locator("h1")).to_contain_text(str(year))
    expect(page.locator("main meter")).to_have_count(1)
    expect(page.locator("main table tbody tr").first).to_be_visible()
    shot(page, "catalogue-jp")


def test_certificate_qr_and_public_verification(page, new_page, login, shot):
    login(page, *SUPERVISOR)
    page.goto("/sertifikat")
    link = page.locator("main table a[href^='/sertifikat/']").first
    expect(link).to_be_visible()
    shot(page, "catalogue-sertifikat")
    link.click()
    certificate = page.locator("article.cat-certificate")
    expect(certificate).to_contain_text(SUPERVISOR[0])
    qr = certificate.locator(".cat-qr svg[role=img]")
    expect(qr).to_have_count(1)
    expect(qr).to_have_attribute("aria-label", re.compile("QR"))
    expect(qr.locator("path")).to_have_attribute("d", re.compile(r"^M\d"))
    verify = certificate.locator("a[href^='/verifikasi/']")
    href = verify.get_attribute("href")
    assert "nomor=" in href
    shot(page, "catalogue-sertifikat-page")

    # The public page, without logging in.
    public = new_page()
    response = public.goto(href)
    assert response.status == 200
    expect(public.locator("h1")).to_have_text("Sertifikat sah")
    expect(public.locator("dl.cat-facts")).to_contain_text("JP")
    expect(public.locator("nav[aria-label]")).to_have_count(0)
    shot(public, "catalogue-verifikasi-valid")

    response = public.goto("/verifikasi/V1.kode-yang-tidak-ada?nomor=800/BKPSDM/2026/9999")
    assert response.status == 404
    expect(public.locator("h1")).to_have_text("Sertifikat tidak sah")
    shot(public, "catalogue-verifikasi-invalid")

    public.goto("/verifikasi")
    expect(public.locator("#cat-nomor")).to_be_visible()
    shot(public, "catalogue-verifikasi-form")
