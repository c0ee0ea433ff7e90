"""Attendance by rotating QR code: the organiser's screen (/kelola/sesi/ID/qr) shows today's code, a
participant's phone opens the address it holds (/hadir?kode=…) and checks in; a changed code is refused,
and the organiser's grid shows the mark. The session is created here for today, so the test runs on any
day on a fresh demo system and on a shared one alike."""
import datetime
import re
import time

from conftest import ASN_PASSWORD, ORGANIZER

STAFF_NIP = "200208222022111001"  # a demo ASN of the health office (DINKES)
WIB = datetime.timezone(datetime.timedelta(hours=7))


def _api(page, token, path, body):
    response = page.request.post(path, data=body, headers={"Authorization": f"Bearer {token}"})
    assert response.ok, f"{path}: {response.status} {response.text()}"
    return response.json()


def _running_session_today(page):
    token = page.request.post("/api/v1/auth:login", data={"username": ORGANIZER[0], "password": ORGANIZER[1]}).json()["token"]
    code = "QR-" + time.strftime("%m%d%H%M%S") + f"{int(time.time() * 1000) % 1000:03d}"
    now = datetime.datetime.now(WIB)
    _api(page, token, "/api/v1/programs", {"program": {
        "code": code, "title": "Uji presensi QR", "kind": "PROGRAM_KIND_BIMTEK", "goals": ["Presensi tanpa titip absen"],
        "competencies": [{"competencyCode": "MNJ-INTEGRITAS", "level": 2}], "jp": 8, "organizerAgencyCode": "BKPSDM"}})
    # The day starts now (WIB), so a scan in the next quarter hour counts as hadir, not terlambat.
    start = now.strftime("%H:%M") if now.hour < 23 else "23:00"
    session = _api(page, token, "/api/v1/sessions", {"session": {
        "programCode": code, "days": [{"date": now.date().isoformat(), "startTime": start, "endTime": "23:59", "jp": 8}],
        "venue": "Aula BKPSDM", "capacity": 10}})
    sid = session["id"]
    _api(page, token, f"/api/v1/sessions/{sid}:transition", {"transition": "SESSION_TRANSITION_OPEN"})
    _api(page, token, f"/api/v1/sessions/{sid}:enrol", {"nips": [STAFF_NIP]})
    _api(page, token, f"/api/v1/sessions/{sid}:transition", {"transition": "SESSION_TRANSITION_START"})
    return sid


def test_participant_checks_in_by_scanning_the_organisers_rotating_code(page, new_page, login, shot):
    sid = _running_session_today(page)
    login(page, *ORGANIZER)
    page.goto(f"/kelola/sesi/{sid}/qr")
    assert page.locator("h1").inner_text() == f"Presensi QR {sid}"
    qr = page.locator(".qr-code svg.qr")
    assert qr.is_visible()
    assert qr.get_attribute("aria-label") == "Kode QR presensi hari ini"
    refresh = page.locator("meta[http-equiv=refresh]").get_attribute("content")
    assert 1 <= int(refresh) <= 30, refresh
    assert "0 dari 1 peserta sudah tercatat hari ini" in page.locator(".qr-screen").inner_text()
    page.locator(".qr-screen details summary").click()
    code = page.locator(".qr-text code").inner_text().strip()
    assert re.fullmatch(rf"P1\.{re.escape(sid)}\.\d{{4}}-\d\d-\d\d\.\d+\.[A-Za-z0-9_-]+", code), code
    shot(page, "checkin-screen")

    phone = new_page(390, 844)
    login(phone, STAFF_NIP, ASN_PASSWORD)
    # A code changed by hand (another session's) is refused, and nothing is marked.
    forged = code.replace(sid, sid[:-1] + ("1" if sid[-1] != "1" else "2"))
    phone.goto(f"/hadir?kode={forged}")
    phone.get_by_role("button", name="Catat kehadiran saya").click()
    assert "Kode presensi tidak sah" in phone.locator("[role=alert]").inner_text()

    # The real one: the code on screen now (a fresh one if the screen has turned over meanwhile).
    page.reload()
    page.locator(".qr-screen details summary").click()
    code = page.locator(".qr-text code").inner_text().strip()
    phone.goto(f"/hadir?kode={code}")
    assert "Catat kehadiran hari ini atas nama" in phone.locator("main").inner_text()
    shot(phone, "checkin-phone")
    phone.get_by_role("button", name="Catat kehadiran saya").click()
    assert phone.locator("[role=status]").inner_text() == "Kehadiran Anda tercatat: Hadir."
    assert sid in phone.locator("main").inner_text()
    shot(phone, "checkin-done")
    phone.goto(f"/hadir?kode={code}")
    phone.get_by_role("button", name="Catat kehadiran saya").click()
    assert "Anda sudah tercatat hari ini: Hadir." in phone.locator("[role=status]").inner_text()

    page.reload()
    assert "1 dari 1 peserta sudah tercatat hari ini" in page.locator(".qr-screen").inner_text()
    page.get_by_role("link", name="Buka daftar presensi").click()
    page.wait_for_url(f"**/kelola/sesi/{sid}/presensi")
    row = page.locator("tr", has=page.locator(f"input[value='{STAFF_NIP}']"))
    assert row.locator("input[type=radio][value='1']").is_checked(), "the scan shows as hadir in the grid"


def test_the_check_in_page_asks_for_a_login_first(page):
    page.goto("/hadir?kode=P1.X.2026-01-01.1.AAAA")
    page.wait_for_url(re.compile(r".*/masuk\?lanjut=.*"))
    assert "%2Fhadir" in page.url
