"""Change projects (aksi perubahan) of the demo's PKP batch in the browser: BKPSDM's overview of the batch,
the mentor's queue (a return needs a note; a confirmation is level-3 evidence), a participant with a
returned milestone, and the participant who had not written theirs writing it and reporting a milestone.
The people are looked up through the API (the demo picks the health office's pengawas)."""
import re

from conftest import ASN_PASSWORD, ORGANIZER

BATCH = "PKP-2026-01"


def _token(page, username, password):
    response = page.request.post("/api/v1/auth:login", data={"username": username, "password": password})
    assert response.ok, response.text()
    return response.json()["token"]


def _get(page, token, path):
    response = page.request.get(path, headers={"Authorization": f"Bearer {token}"})
    assert response.ok, f"{path}: {response.status} {response.text()}"
    return response.json()


def _projects(page):
    token = _token(page, *ORGANIZER)
    return token, _get(page, token, f"/api/v1/change-projects?sessionId={BATCH}&pageSize=100").get("projects", [])


def _ensure_account(page, nip):
    """The demo makes accounts for those it acts as; the participant with no project has none yet."""
    if page.request.post("/api/v1/auth:login", data={"username": nip, "password": ASN_PASSWORD}).ok:
        return
    admin = _token(page, "admin", "admin-demo-2026")
    response = page.request.post("/api/v1/accounts", data={"username": nip, "nip": nip, "password": ASN_PASSWORD, "roles": ["ROLE_EMPLOYEE"]},
                                 headers={"Authorization": f"Bearer {admin}"})
    assert response.ok, response.text()


def test_bkpsdm_sees_every_participant_of_the_batch(page, login, shot):
    token, projects = _projects(page)
    enrolled = _get(page, token, f"/api/v1/enrolments?sessionId={BATCH}&state=ENROLMENT_STATE_ENROLLED&pageSize=100").get("enrolments", [])
    assert len(enrolled) >= 6 and len(projects) >= 5, (len(enrolled), len(projects))
    login(page, *ORGANIZER)
    page.goto(f"/kelola/sesi/{BATCH}/aksi-perubahan")
    assert page.locator("h1").inner_text() == f"Aksi perubahan angkatan {BATCH}"
    assert page.locator("tbody tr").count() == len(enrolled)
    assert page.locator("tbody a[href^='/aksi-perubahan/AP-']").count() == len(projects)
    assert f"{len(enrolled)} peserta terdaftar; aksi perubahan tersusun: {len(projects)}" in page.locator("main").inner_text()
    shot(page, "change-project-overview")
    page.locator("tbody a[href^='/aksi-perubahan/AP-']").first.click()
    assert page.locator("#ap-progress").is_visible()


def test_the_mentor_returns_without_a_note_never_and_confirms(page, new_page, login, shot):
    token, projects = _projects(page)
    waiting = [p for p in projects if int(p.get("awaitingReview", 0)) > 0]
    assert waiting, "the demo has a report waiting for its mentor"
    project = waiting[0]
    milestone = next(m for m in project["milestones"] if m["state"] == "MILESTONE_STATE_REPORTED")
    _ensure_account(page, project["mentorNip"])
    mentor = new_page()
    login(mentor, project["mentorNip"], ASN_PASSWORD)
    mentor.goto("/aksi-perubahan")
    mentor.get_by_role("link", name=re.compile("Laporan kemajuan yang menunggu konfirmasi Anda")).click()
    mentor.wait_for_url("**/aksi-perubahan/mentor")
    item = mentor.locator("article", has=mentor.locator(f"a[href='/aksi-perubahan/{project['id']}']")).filter(
        has=mentor.locator(f"form[action$='/tahapan/{milestone['id']}/tinjau']")).first
    assert milestone["title"] in item.inner_text()
    shot(mentor, "change-project-mentor-queue")
    item.get_by_role("button", name=re.compile("^Kembalikan")).click()
    assert "Tulis catatan untuk peserta" in mentor.locator("main").inner_text()
    item = mentor.locator("article", has=mentor.locator(f"form[action='/aksi-perubahan/{project['id']}/tahapan/{milestone['id']}/tinjau']")).first
    item.get_by_label(re.compile("Catatan")).fill("Sudah terlihat di unit kerja.")
    item.get_by_role("button", name=re.compile("^Konfirmasi")).click()
    assert "Tahapan dikonfirmasi." in mentor.locator("[role=status]").first.inner_text()
    after = _get(page, token, f"/api/v1/change-projects/{project['id']}")
    confirmed = next(m for m in after["milestones"] if m["id"] == milestone["id"])
    assert confirmed["state"] == "MILESTONE_STATE_CONFIRMED" and confirmed["reviewedBy"] == project["mentorNip"]


def test_a_returned_milestone_shows_the_note_and_takes_a_new_report(page, new_page, login, shot):
    _, projects = _projects(page)
    returned = [p for p in projects if any(m["state"] == "MILESTONE_STATE_RETURNED" for m in p["milestones"])]
    assert returned, "the demo has a milestone returned by its mentor"
    project = returned[0]
    milestone = next(m for m in project["milestones"] if m["state"] == "MILESTONE_STATE_RETURNED")
    participant = new_page()
    login(participant, project["participantNip"], ASN_PASSWORD)
    participant.goto("/aksi-perubahan")
    participant.get_by_role("link", name=project["title"]).click()
    card = participant.locator(f"#tahapan-{milestone['id']}")
    assert "Dikembalikan mentor" in card.inner_text() and milestone["mentorNote"] in card.inner_text()
    card.get_by_label(re.compile("^Laporan kemajuan")).fill("Notulen rapat bidang terlampir.")
    card.get_by_label(re.compile("^Bukti")).fill("Notulen 12 Desember 2026")
    card.get_by_role("button", name=re.compile("^Kirim laporan kemajuan")).click()
    assert "menunggu konfirmasi mentor" in participant.locator("[role=status]").first.inner_text()
    assert "Menunggu konfirmasi mentor" in participant.locator(f"#tahapan-{milestone['id']}").inner_text()
    shot(participant, "change-project-participant")


def test_the_participant_without_a_project_writes_one_and_reports(page, new_page, login, shot):
    token, projects = _projects(page)
    enrolled = _get(page, token, f"/api/v1/enrolments?sessionId={BATCH}&state=ENROLMENT_STATE_ENROLLED&pageSize=100").get("enrolments", [])
    written = {p["participantNip"] for p in projects}
    nip = next(e["nip"] for e in enrolled if e["nip"] not in written)
    _ensure_account(page, nip)
    participant = new_page(390, 844)
    login(participant, nip, ASN_PASSWORD)
    participant.goto("/aksi-perubahan")
    assert "Anda belum mempunyai aksi perubahan." in participant.locator("main").inner_text()
    participant.get_by_role("link", name="Susun aksi perubahan").click()
    assert participant.get_by_label("Tahapan 3").input_value() == "", "empty rows are empty"
    participant.get_by_label("Kode angkatan").fill(BATCH)
    participant.get_by_label("Tahapan 1").fill("Pemetaan alur layanan rujukan")
    participant.get_by_label("Tenggat 1").fill("2026-12-15")
    participant.get_by_role("button", name="Simpan aksi perubahan").click()
    # No title: the form says so at the field and keeps what was typed.
    assert participant.locator("#judul[aria-invalid=true]").count() == 1
    assert participant.get_by_label("Tahapan 1").input_value() == "Pemetaan alur layanan rujukan"
    participant.get_by_label("Judul aksi perubahan").fill("Rujukan daring puskesmas ke RSUD")
    participant.get_by_label("Tahapan 2").fill("Rujukan daring berjalan di tiga puskesmas")
    participant.get_by_label("Jangka 2").select_option("menengah")
    participant.get_by_label("Tenggat 2").fill("2027-02-28")
    participant.get_by_role("button", name="Simpan aksi perubahan").click()
    participant.wait_for_load_state()
    assert re.search(r"/aksi-perubahan/AP-[A-Z0-9]+", participant.url), participant.locator("main").inner_text()
    assert "Aksi perubahan tersimpan." in participant.locator("[role=status]").first.inner_text()
    assert "0 dari 2 tahapan dikonfirmasi mentor" in participant.locator("#ap-progress").inner_text()
    card = participant.locator("#tahapan-T1")
    card.get_by_label(re.compile("^Laporan kemajuan")).fill("Alur rujukan dipetakan bersama RSUD.")
    card.get_by_role("button", name=re.compile("^Kirim laporan kemajuan")).click()
    assert "Menunggu konfirmasi mentor" in participant.locator("#tahapan-T1").inner_text()
    shot(participant, "change-project-new-phone")


def test_the_change_project_pages_have_no_serious_accessibility_violation(page, new_page, login):
    from test_accessibility import violations

    _, projects = _projects(page)
    project = projects[0]
    problems = {}
    for username, password, paths in [
        (project["participantNip"], ASN_PASSWORD, ["/aksi-perubahan", "/aksi-perubahan/baru", f"/aksi-perubahan/{project['id']}"]),
        (project["mentorNip"], ASN_PASSWORD, ["/aksi-perubahan/mentor", f"/aksi-perubahan/{project['id']}"]),
        (ORGANIZER[0], ORGANIZER[1], [f"/kelola/sesi/{BATCH}/aksi-perubahan"]),
    ]:
        _ensure_account(page, username) if username.isdigit() else None
        viewer = new_page()
        login(viewer, username, password)
        for path in paths:
            response = viewer.goto(path)
            assert response is not None and response.ok, f"{path}: {response.status if response else 'no answer'}"
            found = violations(viewer)
            if found:
                problems[path] = found
    assert problems == {}, problems
