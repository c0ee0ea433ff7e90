"""Evaluation forms (/evaluasi), every question kind, anonymity notices, and the public IKM survey (/ikm).

Each test opens its own campaigns through the API as the organiser (unique titles and codes), so it
passes on a fresh demo system and on a shared one alike, however often it runs.
"""
import re
import time
import uuid

from playwright.sync_api import Page, expect

from conftest import ASN_PASSWORD, ORGANIZER

# A staff member of the health office (DINKES) in the demo city.
STAFF = "200208222022111001"


def api_token(page: Page, base_url: str, username: str, password: str) -> str:
    response = page.request.post(f"{base_url}/api/v1/auth:login", data={"username": username, "password": password})
    assert response.ok, response.text()
    return response.json()["token"]


def api(page: Page, base_url: str, token: str, path: str, body: dict) -> dict:
    response = page.request.post(f"{base_url}{path}", data=body, headers={"authorization": f"Bearer {token}"})
    assert response.ok, f"{path}: {response.status} {response.text()}"
    return response.json()


def open_campaign(page: Page, base_url: str, token: str, instrument: str, title: str, anonymous: bool, audience: dict) -> dict:
    return api(page, base_url, token, "/api/v1/campaigns:open", {
        "campaign": {"title": title, "instrumentCode": instrument, "anonymous": anonymous, "audience": audience},
    })


def fill_everything(page: Page, number: str | None = None, text: str = "Jawaban uji") -> None:
    """Answers every question of the form on the page: the last choice of every radio group (scales,
    single choice, test items, each facilitator, before and after), the first two checkboxes of each
    group, a number in range (or `number`), a name for every facilitator row, text everywhere."""
    form = page.locator("form.fb-form")
    seen = set()
    for radio in form.locator("input[type=radio]").all():
        name = radio.get_attribute("name")
        if name in seen:
            continue
        seen.add(name)
        form.locator(f"input[type=radio][name='{name}']").last.check()
    boxes = {}
    for box in form.locator("input[type=checkbox]").all():
        boxes.setdefault(box.get_attribute("name"), []).append(box)
    for group in boxes.values():
        for box in group[:2]:
            box.check()
    for field in form.locator("input.fb-number").all():
        low = float(field.get_attribute("data-min") or 0)
        high = float(field.get_attribute("data-max") or low)
        field.fill(number if number is not None else str(int((low + high) / 2)))
    named = 0
    for field in form.locator("input[type=text]:not(.fb-number)").all():
        if (field.get_attribute("name") or "").endswith("_nama"):
            named += 1
            field.fill(f"Narasumber Uji {named}")
        else:
            field.fill(text)
    for area in form.locator("textarea").all():
        area.fill(text)


def close_campaign(page: Page, base_url: str, token: str, campaign: dict) -> None:
    api(page, base_url, token, f"/api/v1/campaigns/{campaign['id']}:close", {})


def submit(page: Page) -> None:
    page.locator("form.fb-form button[type=submit]").click()
    page.wait_for_load_state("domcontentloaded")


def test_reaction_form_errors_then_answered(page: Page, base_url, login, shot):
    token = api_token(page, base_url, *ORGANIZER)
    title = f"Uji Reaksi L1 {uuid.uuid4().hex[:8]}"
    campaign = open_campaign(page, base_url, token, "L1-STANDAR", title, True, {"kind": "AUDIENCE_KIND_PEOPLE", "nips": [STAFF]})
    try:
        login(page, STAFF, ASN_PASSWORD)
        page.goto("/evaluasi")
        expect(page.locator("h1")).to_have_text(re.compile("Evaluasi saya"))
        card = page.locator(".fb-card", has=page.get_by_role("link", name=title, exact=True))
        expect(card).to_be_visible()
        expect(card).to_contain_text("Reaksi peserta (L1)")
        expect(card).to_contain_text("Anonim")
        expect(card).to_contain_text("WIB")
        shot(page, "feedback-list")
        card.get_by_role("link", name=title, exact=True).click()
        expect(page).to_have_url(re.compile(f"/evaluasi/{campaign['id']}$"))
        expect(page.locator("h1")).to_have_text(title)

        # An anonymous campaign says so first, and what it means.
        notice = page.locator(".fb-privacy")
        expect(notice.locator("h2")).to_have_text("Formulir ini anonim")
        expect(notice).to_contain_text("tanpa nama dan NIP")
        expect(notice).to_contain_text("sekurang-kurangnya 5")
        expect(notice).to_contain_text("hanya mencatat bahwa Anda sudah mengisi")
        # Every kind of L1-STANDAR: Likert 4 with its anchors, facilitator rows, before/after, NPS, long text.
        expect(page.locator("#q1 legend")).to_contain_text("(wajib)")
        expect(page.locator("#q1 input[type=radio]")).to_have_count(4)
        expect(page.locator("#q1")).to_contain_text("Sangat tidak setuju")
        expect(page.locator("#q9 fieldset.fb-sub")).to_have_count(2)
        expect(page.locator("#q11 fieldset.fb-sub legend")).to_have_text(["Sebelum", "Sesudah (sekarang)"])
        expect(page.locator("#q13 input[type=radio]")).to_have_count(11)
        expect(page.locator("#q14 textarea")).to_have_count(1)
        shot(page, "feedback-form-l1")

        # Empty: each required question shows its error next to it; nothing is lost but nothing sent.
        page.locator("#q2-o3").check()
        submit(page)
        expect(page.locator(".fb-error-summary")).to_be_visible()
        first = page.locator("#q1")
        expect(first.locator(".field-error")).to_contain_text("wajib dijawab")
        expect(first.locator("input[type=radio]").first).to_have_attribute("aria-invalid", "true")
        expect(first.locator("input[type=radio]").first).to_have_attribute("aria-describedby", "q1-error")
        expect(first).to_have_attribute("aria-describedby", re.compile(r"\bq1-error\b"))
        expect(page.locator("#q1-error")).to_be_visible()
        expect(page.locator("#q2-o3")).to_be_checked()
        expect(page.locator("#q2 .field-error")).to_have_count(0)
        expect(page.locator("#q14 .field-error")).to_have_count(0)
        expect(page.locator("#q13-error")).to_contain_text("wajib dijawab")
        expect(page.locator("#q11-error")).to_be_visible()
        shot(page, "feedback-form-errors")

        fill_everything(page, text="Materinya langsung terpakai di puskesmas.")
        submit(page)
        expect(page.locator("h1")).to_have_text("Terima kasih")
        expect(page.locator(".fb-receipt")).to_have_text(re.compile(r"\S{10,}"))
        shot(page, "feedback-thanks")

        page.goto("/evaluasi")
        expect(page.locator(".fb-card", has_text=title)).to_have_count(0)
        answered = page.locator("table tr", has_text=title)
        expect(answered).to_contain_text("Anonim")
        # Opening it again says it is answered, without the answers (they are not linked to the person).
        page.goto(f"/evaluasi/{campaign['id']}")
        expect(page.locator("h1")).to_have_text("Anda sudah mengisi formulir ini")
        expect(page.locator(".fb-answers")).to_have_count(0)
    finally:
        close_campaign(page, base_url, token, campaign)


def every_kind_instrument(code: str) -> dict:
    agree5 = ["Sangat tidak setuju", "Tidak setuju", "Netral", "Setuju", "Sangat setuju"]
    return {
        "code": code,
        "title": f"Formulir uji semua jenis {code}",
        "purpose": "PURPOSE_SURVEY",
        "description": "Formulir uji yang memuat setiap jenis pertanyaan.",
        "passMark": 50,
        "questions": [
            {"id": "likert4", "kind": "QUESTION_KIND_LIKERT_4", "text": "Materi relevan dengan pekerjaan saya.", "required": True, "section": "Skala"},
            {"id": "likert5", "kind": "QUESTION_KIND_LIKERT_5", "text": "Jadwal pelatihan sesuai.", "required": True, "options": agree5, "section": "Skala"},
            {"id": "nps", "kind": "QUESTION_KIND_NPS", "text": "Seberapa mungkin Anda merekomendasikannya?", "required": True, "section": "Skala"},
            {"id": "single", "kind": "QUESTION_KIND_SINGLE_CHOICE", "text": "Bentuk kegiatan yang paling cocok?", "required": True,
             "options": ["Klasikal", "Daring", "Campuran"], "section": "Pilihan"},
            {"id": "multi", "kind": "QUESTION_KIND_MULTIPLE_CHOICE", "text": "Topik lanjutan yang diminati?", "required": True,
             "options": ["Kepemimpinan", "Pelayanan publik", "Digitalisasi", "Keuangan"], "section": "Pilihan"},
            {"id": "angka", "kind": "QUESTION_KIND_NUMBER", "text": "Berapa jam per minggu Anda memakai materi ini?", "required": True,
             "minimum": 0, "maximum": 40, "section": "Isian"},
            {"id": "pendek", "kind": "QUESTION_KIND_SHORT_TEXT", "text": "Satu kata untuk pelatihan ini.", "required": True, "section": "Isian"},
            {"id": "panjang", "kind": "QUESTION_KIND_LONG_TEXT", "text": "Saran perbaikan.", "required": False, "section": "Isian"},
            {"id": "narasumber", "kind": "QUESTION_KIND_FACILITATOR_RATING", "text": "Nilai setiap narasumber.", "required": True, "section": "Narasumber"},
            {"id": "sebelum-sesudah", "kind": "QUESTION_KIND_BEFORE_AFTER", "text": "Kepercayaan diri memimpin rapat.", "required": True, "section": "Perubahan"},
            {"id": "soal", "kind": "QUESTION_KIND_TEST_ITEM", "text": "Ibu kota Provinsi Sumatera Barat adalah ...", "required": True,
             "options": ["Bukittinggi", "Sawahlunto", "Padang"], "key": [2], "points": 2, "section": "Soal"},
        ],
    }


def test_every_question_kind(page: Page, base_url, login, shot):
    token = api_token(page, base_url, *ORGANIZER)
    code = f"UJI-SEMUA-{uuid.uuid4().hex[:8].upper()}"
    api(page, base_url, token, "/api/v1/instruments:save", {"instrument": every_kind_instrument(code)})
    api(page, base_url, token, f"/api/v1/instruments/{code}:publish", {})
    title = f"Uji semua jenis {code}"
    campaign = open_campaign(page, base_url, token, code, title, False, {"kind": "AUDIENCE_KIND_PEOPLE", "nips": [STAFF]})
    try:
        login(page, STAFF, ASN_PASSWORD)
        page.goto("/evaluasi")
        card = page.locator(".fb-card", has=page.get_by_role("link", name=title, exact=True))
        expect(card).to_contain_text("Dengan nama")
        card.get_by_role("link", name=title, exact=True).click()
        expect(page.locator(".fb-privacy h2")).to_have_text("Formulir ini tidak anonim")
        expect(page.locator(".fb-privacy")).to_contain_text("disimpan bersama NIP Anda")

        # Each kind, as a fieldset with its legend and the right inputs.
        expect(page.locator("fieldset.fb-q > legend")).to_have_count(11)
        expect(page.locator("#q1 input[type=radio]")).to_have_count(4)
        expect(page.locator("#q2 input[type=radio]")).to_have_count(5)
        expect(page.locator("#q2")).to_contain_text("Netral")
        expect(page.locator("#q3 input[type=radio]")).to_have_count(11)
        expect(page.locator("#q3 .fb-anchors")).to_contain_text("Sangat mungkin")
        expect(page.locator("#q4 input[type=radio]")).to_have_count(3)
        expect(page.locator("#q5 input[type=checkbox]")).to_have_count(4)
        number = page.locator("#q6 input.fb-number")
        expect(number).to_have_attribute("inputmode", "decimal")
        expect(page.locator("#q6 .hint")).to_contain_text("0 sampai 40")
        expect(page.locator("#q7 input[type=text]:not(.fb-number)")).to_have_count(1)
        expect(page.locator("#q8 textarea")).to_have_count(1)
        expect(page.locator("#q8 legend")).not_to_contain_text("(wajib)")
        expect(page.locator("#q9 input[name$=_nama]")).to_have_count(2)
        expect(page.locator("#q10 fieldset.fb-sub")).to_have_count(2)
        expect(page.locator("#q11 input[type=radio]")).to_have_count(3)
        expect(page.locator("#q11 legend")).to_contain_text("2 poin")
        expect(page.get_by_role("heading", level=2, name="Pilihan")).to_be_visible()
        shot(page, "feedback-form-every-kind")

        # A number out of range is the daemon's to refuse: its message comes back at that question, the
        # other answers kept.
        fill_everything(page, number="99")
        submit(page)
        expect(page.locator("#q6 input.fb-number")).to_have_attribute("aria-invalid", "true")
        expect(page.locator("#q6-error")).to_contain_text("0 sampai 40")
        expect(page.locator("#q6 input.fb-number")).to_have_value("99")
        expect(page.locator("#q4-o2")).to_be_checked()
        expect(page.locator("#q5-o0")).to_be_checked()
        expect(page.locator("#q7 input[type=text]")).to_have_value("Jawaban uji")
        expect(page.locator("#q9 input[name$=_nama]").first).to_have_value("Narasumber Uji 1")

        page.locator("#q6 input.fb-number").fill("12,5")
        submit(page)
        expect(page.locator("h1")).to_have_text("Terima kasih")
        # The one test item was answered right (the last choice is the key): full marks.
        expect(page.locator(".fb-score")).to_contain_text("100")
        shot(page, "feedback-thanks-score")

        page.goto("/evaluasi")
        row = page.locator("table tr", has_text=title)
        expect(row).to_contain_text("Dengan nama")
        row.get_by_role("link", name=title, exact=True).click()
        expect(page.locator("h1")).to_have_text("Anda sudah mengisi formulir ini")
        answers = page.locator(".fb-answers")
        expect(answers).to_contain_text("12,5")
        expect(answers).to_contain_text("Kepemimpinan; Pelayanan publik")
        expect(answers).to_contain_text("Narasumber Uji 1: Sangat baik (5)")
        expect(answers).to_contain_text("Padang")
        shot(page, "feedback-answered")
    finally:
        close_campaign(page, base_url, token, campaign)


def test_public_ikm_once_per_browser(page: Page, base_url, new_page, shot):
    token = api_token(page, base_url, *ORGANIZER)
    # A unit of its own per run: the gateway throttles answers per address and unit.
    unit = f"UJI-{uuid.uuid4().hex[:6].upper()}"
    title = f"Survei Kepuasan Masyarakat Unit Uji {unit}"
    campaign = open_campaign(page, base_url, token, "IKM-PERMENPANRB-14-2017", title, True,
                             {"kind": "AUDIENCE_KIND_PUBLIC", "agencyCode": "DINKES", "unitCode": unit})
    try:
        phone = new_page(390, 844)
        # The unit's own address (what its counter's QR code holds) opens its one open survey.
        phone.goto(f"/survei/DINKES/{unit}")
        assert phone.url.endswith(f"/ikm/{campaign['id']}"), phone.url
        expect(phone.locator("h1")).to_have_text(title)
        expect(phone.locator(".fb-privacy")).to_contain_text("tanpa nama")
        expect(phone.locator("fieldset.fb-q .fb-element")).to_have_count(9)
        expect(phone.locator("#q1 .fb-element")).to_contain_text("Unsur 1")
        expect(phone.locator("#q4")).to_contain_text("Gratis")
        expect(phone.locator("#q1 input[type=radio]")).to_have_count(4)
        # On a phone the choices are stacked, full width, easy to tap.
        box = phone.locator("#q1 .fb-opt").first.bounding_box()
        assert box and box["width"] > 300 and box["height"] >= 44, box
        shot(phone, "feedback-ikm-phone")

        submit(phone)
        expect(phone.locator(".fb-error-summary li")).to_have_count(9)
        expect(phone.locator("#q9 input[type=radio]").first).to_have_attribute("aria-invalid", "true")

        fill_everything(phone, text="Antrean pagi perlu dipercepat.")
        submit(phone)
        expect(phone.locator("h1")).to_have_text("Terima kasih")
        cookies = {c["name"]: c for c in phone.context.cookies()}
        mark = cookies.get(f"bk_ikm_{campaign['id']}")
        assert mark, cookies.keys()
        assert mark["httpOnly"] and mark["sameSite"] == "Lax"
        assert mark["expires"] > time.time() + 360 * 86400
        shot(phone, "feedback-ikm-thanks-phone")

        # The same browser: already answered, no form.
        phone.goto(f"/ikm/{campaign['id']}")
        expect(phone.locator("h1")).to_have_text("Anda sudah mengisi survei ini")
        expect(phone.locator("form.fb-form")).to_have_count(0)
        shot(phone, "feedback-ikm-already-phone")

        # Another browser still sees the form.
        other = new_page()
        other.goto(f"/ikm/{campaign['id']}")
        expect(other.locator("form.fb-form")).to_be_visible()
        # The nine elements, the suggestion, and the optional respondent profile.
        expect(other.locator("fieldset.fb-q")).to_have_count(11)
        shot(other, "feedback-ikm-desktop")
    finally:
        close_campaign(page, base_url, token, campaign)
    # Once closed, the unit's address says no survey is open (404), in a page, not an error.
    response = page.goto(f"/survei/DINKES/{unit}")
    assert response is not None and response.status == 404
    expect(page.locator("h1")).to_have_text("Belum ada survei yang dibuka")
