"""The approval chain of a request for a seat, in the browser: a member of staff asks for a place, their
direct supervisor approves it at /persetujuan (a refusal without a reason is refused), BKPSDM confirms
it, and the member of staff opens the numbered duty letter (surat tugas) from the session page. The
session is created here, so the test runs on a fresh demo system and on a shared one alike."""
import datetime
import re
import time

from conftest import ASN_PASSWORD, ORGANIZER

STAFF_NIP = "200208222022111001"  # a demo ASN of the health office (DINKES)
WIB = datetime.timezone(datetime.timedelta(hours=7))


def _token(page, username, password):
    response = page.request.post("/api/v1/auth:login", data={"username": username, "password": password})
    assert response.ok, response.text()
    return response.json()["token"]


def _post(page, token, path, body):
    response = page.request.post(path, data=body, headers={"Authorization": f"Bearer {token}"})
    assert response.ok, f"{path}: {response.status} {response.text()}"
    return response.json()


def _open_session(page):
    token = _token(page, *ORGANIZER)
    code = "ST-" + time.strftime("%m%d%H%M%S") + f"{int(time.time() * 1000) % 1000:03d}"
    day = (datetime.datetime.now(WIB).date() + datetime.timedelta(days=14)).isoformat()
    _post(page, token, "/api/v1/programs", {"program": {
        "code": code, "title": "Bimtek penyusunan SKP", "kind": "PROGRAM_KIND_BIMTEK", "goals": ["SKP tepat waktu"],
        "competencies": [{"competencyCode": "MNJ-INTEGRITAS", "level": 2}], "jp": 8, "organizerAgencyCode": "BKPSDM"}})
    session = _post(page, token, "/api/v1/sessions", {"session": {
        "programCode": code, "days": [{"date": day, "startTime": "08:00", "endTime": "16:00", "jp": 8}],
        "venue": "Aula BKPSDM", "capacity": 5}})
    _post(page, token, f"/api/v1/sessions/{session['id']}:transition", {"transition": "SESSION_TRANSITION_OPEN"})
    supervisor = page.request.get(f"/api/v1/employees/{STAFF_NIP}", headers={"Authorization": f"Bearer {token}"}).json()["supervisorNip"]
    return session["id"], supervisor


def _ensure_account(page, nip):
    """The demo creates accounts for the ASN who answer its forms; a supervisor may have none yet."""
    if page.request.post("/api/v1/auth:login", data={"username": nip, "password": ASN_PASSWORD}).ok:
        return
    admin = _token(page, "admin", "admin-demo-2026")
    _post(page, admin, "/api/v1/accounts", {"username": nip, "nip": nip, "password": ASN_PASSWORD, "roles": ["ROLE_EMPLOYEE"]})


def _row(page, sid):
    return page.locator("tbody tr", has=page.locator(f"input[name=sesi][value='{sid}']"))


def test_request_goes_through_supervisor_then_bkpsdm_and_yields_a_duty_letter(page, new_page, login, shot):
    sid, supervisor_nip = _open_session(page)
    assert supervisor_nip, "the demo staff member has a direct supervisor"

    staff = new_page()
    login(staff, STAFF_NIP, ASN_PASSWORD)
    staff.goto(f"/sesi/{sid}")
    staff.get_by_role("button", name=re.compile("Minta tempat")).click()
    assert "atasan langsung Anda menyetujui lebih dulu" in staff.locator("main").inner_text()
    assert "Menunggu persetujuan atasan langsung, paling lambat" in staff.locator("main").inner_text()

    _ensure_account(page, supervisor_nip)
    boss = new_page()
    login(boss, supervisor_nip, ASN_PASSWORD)
    boss.goto("/persetujuan")
    assert boss.get_by_role("link", name="Persetujuan").get_attribute("aria-current") == "page"
    row = _row(boss, sid)
    assert "Persetujuan atasan" in row.inner_text()
    shot(boss, "approval-supervisor")
    # Refusing needs a reason: the row says so and nothing changes.
    row.get_by_role("button", name=re.compile("^Tolak")).click()
    assert boss.locator(".field-error").first.inner_text() == "Tulis alasan penolakan."
    _row(boss, sid).get_by_role("button", name=re.compile("^Setujui")).click()
    assert "diteruskan ke BKPSDM" in boss.locator("[role=status]").first.inner_text()
    assert _row(boss, sid).count() == 0

    login(page, *ORGANIZER)
    page.goto("/persetujuan")
    row = _row(page, sid)
    assert "Konfirmasi BKPSDM" in row.inner_text() and "disetujui atasan" in row.inner_text()
    row.get_by_role("button", name=re.compile("^Setujui")).click()
    assert "surat tugas diterbitkan" in page.locator("[role=status]").first.inner_text()

    staff.goto(f"/sesi/{sid}")
    letter = staff.get_by_role("link", name=re.compile("^Surat tugas "))
    number = letter.inner_text().removeprefix("Surat tugas ").strip()
    assert re.fullmatch(r"800\.1\.11\.1/\d{4}/BKPSDM/\d{4}", number), number
    letter.click()
    staff.wait_for_url(f"**/surat-tugas/{sid}/{STAFF_NIP}")
    text = staff.locator("body").inner_text()
    assert "SURAT TUGAS" in text and f"Nomor: {number}" in text and STAFF_NIP in text and "Bimtek penyusunan SKP" in text
    # The letter's own stylesheet applies (the CSP would drop an inline one).
    assert staff.locator("h1").evaluate("e => getComputedStyle(e).textDecorationLine") == "underline"
    shot(staff, "duty-letter")


def test_a_duty_letter_is_only_for_its_holder_their_superiors_and_bkpsdm(page, login):
    page.goto("/surat-tugas/LAT-MANWAKTU-01/196905112000062001")
    page.wait_for_url(re.compile(r".*/masuk\?lanjut=.*"))
    login(page, STAFF_NIP, ASN_PASSWORD)
    response = page.goto("/surat-tugas/LAT-MANWAKTU-01/196905112000062001")
    assert response.status in (403, 404), response.status
    assert "SURAT TUGAS" not in page.locator("body").inner_text()
