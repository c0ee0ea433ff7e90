"""The organiser's pages (/kelola): a program, a session for it, its lifecycle, enrolment by NIP, a
request decided, and the attendance grid of its first day (desktop and phone). Everything the test needs
is created here with unique codes, so it runs on a fresh demo system and on a shared one alike."""
import datetime
import re
import time

from conftest import ASN_PASSWORD, ORGANIZER

# Demo ASN of the health office (DINKES): a staff member enrolled by NIP, a supervisor who asks for a seat.
STAFF_NIP = "200208222022111001"
SUPERVISOR_NIP = "198811192019032001"

WIB = datetime.timezone(datetime.timedelta(hours=7))


def _api_token(page, username, password):
    response = page.request.post("/api/v1/auth:login", data={"username": username, "password": password})
    assert response.ok, response.text()
    return response.json()["token"]


def _bottom(page):
    """Scrolls to the end, so that a full-page screenshot shows the sticky save bar in its place."""
    page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")


def test_organiser_runs_a_program_from_creation_to_attendance(page, new_page, login, shot):
    login(page, *ORGANIZER)
    code = "UJI-" + time.strftime("%m%d%H%M%S") + f"{int(time.time() * 1000) % 1000:03d}"
    today = datetime.datetime.now(WIB).date()
    day1, day2 = today.isoformat(), (today + datetime.timedelta(days=1)).isoformat()

    # The overview.
    page.goto("/kelola")
    assert page.locator("h1").inner_text() == "Kelola program"
    assert page.get_by_role("heading", name="Permintaan pendaftaran menunggu").is_visible()
    assert page.get_by_role("heading", name="Semua program dan angkatannya").is_visible()
    shot(page, "manage-overview")

    # A new program, first without its title: the daemon's error shows next to the field and the rest stays.
    page.get_by_role("link", name="Program baru").first.click()
    page.wait_for_url("**/kelola/program/baru")
    page.fill("#code", code)
    page.select_option("#kind", label="Pelatihan")
    page.fill("#description", "Program uji otomatis: penyusunan jadwal kerja.")
    page.fill("#goals", "Peserta menyusun jadwal mingguan\nRapat lebih singkat")
    page.fill("#jp", "16")
    page.select_option("#level-MNJ-ORIENTASI-HASIL", "3")
    page.select_option("#level-MNJ-KERJA-SAMA", "2")
    page.check("input[name=agencies][value=DINKES]")
    page.fill("#min_attendance", "75")
    page.fill("#cost", "12500000")
    page.get_by_role("button", name="Buat program").click()
    page.wait_for_load_state()
    assert page.locator("#title-error").is_visible()
    assert page.locator("#title").get_attribute("aria-invalid") == "true"
    assert page.locator("#title").get_attribute("aria-describedby") == "title-error"
    assert page.input_value("#code") == code
    assert page.input_value("#jp") == "16"
    assert page.input_value("#level-MNJ-ORIENTASI-HASIL") == "3"
    assert page.is_checked("input[name=agencies][value=DINKES]")
    shot(page, "manage-program-error")

    page.fill("#title", f"Uji Manajemen Waktu {code}")
    page.get_by_role("button", name="Buat program").click()
    page.wait_for_url(f"**/kelola/program/{code}*")
    assert "Program dibuat" in page.locator(".flash").inner_text()
    assert page.input_value("#title") == f"Uji Manajemen Waktu {code}"
    assert page.input_value("#level-MNJ-ORIENTASI-HASIL") == "3"
    assert page.input_value("#min_attendance") == "75"

    # Editing it keeps the change.
    page.fill("#description", "Program uji otomatis: jadwal kerja dan prioritas.")
    page.get_by_role("button", name="Simpan perubahan").click()
    page.wait_for_url(f"**/kelola/program/{code}*")
    assert "disimpan" in page.locator(".flash").inner_text()
    assert page.input_value("#description") == "Program uji otomatis: jadwal kerja dan prioritas."
    shot(page, "manage-program-edit")

    # A session: two days of 8 JP from today; a wrong total first.
    page.get_by_role("link", name="Angkatan baru").first.click()
    page.wait_for_url(f"**/kelola/sesi/baru?program={code}")
    page.fill("#day-date-0", day1)
    page.fill("#day-start-0", "08:00")
    page.fill("#day-end-0", "15:00")
    page.fill("#day-jp-0", "8")
    page.fill("#capacity", "10")
    page.fill("#venue", "Aula BKPSDM Sawahlunto")
    page.fill("#fac-name-0", "Dra. Uji Fasilitator")
    page.fill("#fac-role-0", "Fasilitator")
    page.get_by_role("button", name="Simpan", exact=True).click()
    page.wait_for_load_state()
    assert page.locator("#days-error").is_visible()
    assert "16" in page.locator("#days-error").inner_text()
    assert page.input_value("#venue") == "Aula BKPSDM Sawahlunto"
    page.fill("#day-date-1", day2)
    page.fill("#day-start-1", "08:00")
    page.fill("#day-end-1", "15:00")
    page.fill("#day-jp-1", "8")
    page.get_by_role("button", name="Simpan", exact=True).click()
    page.wait_for_url(re.compile(rf".*/kelola/sesi/{code}-01.*"))
    session_path = f"/kelola/sesi/{code}-01"
    assert "Draf" in page.locator(".mng-facts").inner_text()
    # Only the moves a draft allows.
    assert page.get_by_role("button", name="Buka pendaftaran").is_visible()
    assert page.get_by_role("button", name="Mulai angkatan").count() == 0
    shot(page, "manage-session-draft")

    page.get_by_role("button", name="Buka pendaftaran").click()
    page.wait_for_url(re.compile(rf".*{session_path}\?pesan=.*"))
    assert "Pendaftaran dibuka" in page.locator(".mng-facts").inner_text()
    assert page.get_by_role("button", name="Mulai angkatan").is_visible()

    # A supervisor asks for a seat (through the API); the organiser refuses it without a reason, then with one.
    asn = new_page()
    token = _api_token(asn, SUPERVISOR_NIP, ASN_PASSWORD)
    asked = asn.request.post(
        f"/api/v1/sessions/{code}-01:requestEnrolment", data={}, headers={"authorization": f"Bearer {token}"})
    assert asked.ok, asked.text()

    page.get_by_role("link", name="Peserta", exact=True).click()
    page.wait_for_url(f"**{session_path}/peserta")
    assert SUPERVISOR_NIP in page.locator("#mng-requests + .table-wrap").inner_text()
    page.locator(f"form:has(input[name=nip][value='{SUPERVISOR_NIP}']) button[value=refuse]").click()
    page.wait_for_load_state()
    assert page.locator(f"[id='reason-{SUPERVISOR_NIP}-error']").is_visible()
    page.fill(f"[id='reason-{SUPERVISOR_NIP}']", "Kuota unit kerja sudah terpenuhi")
    page.locator(f"form:has(input[name=nip][value='{SUPERVISOR_NIP}']) button[value=refuse]").click()
    page.wait_for_url("**/peserta?pesan=mng_decided_refused")
    assert "ditolak" in page.locator(".flash").inner_text()

    # Enrol a demo ASN by NIP, with a bad NIP beside it: one enrolled, one refused with why.
    page.fill("#nips", f"{STAFF_NIP}\n123")
    page.get_by_role("button", name="Daftarkan").click()
    page.wait_for_load_state()
    results = page.locator(".mng-results").inner_text()
    assert "1 didaftarkan, 1 tidak" in results
    assert STAFF_NIP in page.locator("#mng-participants + .table-wrap").inner_text()
    assert page.input_value("#nips") == "123"
    shot(page, "manage-participants")

    # Start it.
    page.get_by_role("link", name="Angkatan", exact=True).click()
    page.get_by_role("button", name="Mulai angkatan").click()
    page.wait_for_url(re.compile(rf".*{session_path}\?pesan=.*"))
    assert "Berjalan" in page.locator(".mng-facts").inner_text()
    assert page.get_by_role("button", name="Selesaikan angkatan").is_visible()

    # A pre-test score.
    page.goto(session_path + "/peserta")
    page.select_option("#score-nip", STAFF_NIP)
    page.check("input[name=kind][value='1']")
    page.fill("#score", "62.5")
    page.get_by_role("button", name="Simpan nilai").click()
    page.wait_for_url("**/peserta?pesan=mng_score_saved")
    assert "62,5" in page.locator("#mng-participants + .table-wrap").inner_text()

    # The attendance grid of the first day: mark "Terlambat" with a note, save, reload, still there.
    page.get_by_role("link", name="Presensi", exact=True).click()
    page.wait_for_url(f"**{session_path}/presensi")
    page.get_by_role("link", name=re.compile(r"Hari 1")).click()
    page.wait_for_url(f"**/presensi?hari={day1}")
    row = page.locator("table.mng-grid tbody tr", has=page.locator(f"input[name=nip][value='{STAFF_NIP}']"))
    row.get_by_label(re.compile(r"^Terlambat")).check()
    row.locator("input[name^=note_]").fill("Datang 08.20")
    page.get_by_role("button", name="Simpan presensi hari ini").click()
    page.wait_for_url(re.compile(r".*disimpan=1.*"))
    assert "1 catatan presensi disimpan" in page.locator(".flash").inner_text()
    page.goto(f"{session_path}/presensi?hari={day1}")
    row = page.locator("table.mng-grid tbody tr", has=page.locator(f"input[name=nip][value='{STAFF_NIP}']"))
    assert row.get_by_label(re.compile(r"^Terlambat")).is_checked()
    assert not row.get_by_label(re.compile(r"^Hadir")).is_checked()
    assert row.locator("input[name^=note_]").input_value() == "Datang 08.20"
    _bottom(page)
    shot(page, "manage-attendance")

    # The same grid on a phone at the door: big radio targets, nothing cut off.
    phone = new_page(390, 844)
    login(phone, *ORGANIZER)
    phone.goto(f"{session_path}/presensi?hari={day1}")
    cell = phone.locator("table.mng-grid td.mng-mark label").first
    box = cell.bounding_box()
    assert box and box["width"] >= 44 and box["height"] >= 44
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390 + 1
    # The save button stays in reach while scrolling the list.
    assert phone.get_by_role("button", name="Simpan presensi hari ini").is_visible()
    _bottom(phone)
    shot(phone, "manage-attendance-phone")

    # The second day shows unmarked rows; the other days keep their marks.
    page.goto(f"{session_path}/presensi?hari={day2}")
    row = page.locator("table.mng-grid tbody tr", has=page.locator(f"input[name=nip][value='{STAFF_NIP}']"))
    assert not row.get_by_label(re.compile(r"^Terlambat")).is_checked()
    # "Fill Present" pre-fills the unmarked rows without saving anything.
    page.get_by_role("link", name=re.compile("Isi \"Hadir\"")).click()
    page.wait_for_url(re.compile(r".*isi=hadir.*"))
    row = page.locator("table.mng-grid tbody tr", has=page.locator(f"input[name=nip][value='{STAFF_NIP}']"))
    assert row.get_by_label(re.compile(r"^Hadir")).is_checked()
    assert "0/1 sudah ditandai" in page.locator(".mng-days a[aria-current]").inner_text()


def test_asn_cannot_manage(page, login, shot):
    login(page, STAFF_NIP, ASN_PASSWORD)
    assert page.locator("nav a[href='/kelola']").count() == 0
    response = page.goto("/kelola")
    assert response.status == 403
    assert "penyelenggara" in page.locator("main").inner_text()
    shot(page, "manage-forbidden")
    response = page.goto("/kelola/sesi/LAT-MANWAKTU-06/presensi")
    assert response.status == 403
