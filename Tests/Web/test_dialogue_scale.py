"""Dialogues at scale, in the browser: an anonymous author follows the answer by receipt (also after the
dialogue closed, also from a browser with no login), abusive anonymous text is held out of sight until
the head releases it in the moderation queue, and an agency's action board is public.

Every dialogue and text is made here with a unique stamp, so the tests run on fresh demo data as on a
shared system; axe checks the new pages.
"""
import datetime
import json
import re
import time

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from conftest import ASN_PASSWORD, ORGANIZER

HEAD = "197101171996042001"  # head of DINKES (agency head)
STAFF = "200208222022111001"  # DINKES staff
COLLEAGUE = "198811192019032001"  # DINKES supervisor, head of its Sekretariat


def stamp() -> str:
    return time.strftime("%Y%m%d%H%M%S") + f"{time.time_ns() % 1000:03d}"


def days_from_today(days: int) -> str:
    return (datetime.date.today() + datetime.timedelta(days=days)).isoformat()


def serious(page: Page) -> list:
    results = Axe().run(page)
    assert results.response["passes"], f"axe did not run on {page.url}"
    return [f"{v['id']}: {v['help']}" for v in results.response["violations"] if v.get("impact") in ("serious", "critical")]


def open_dialogue(head: Page, topic: str) -> str:
    head.goto("/dialog/baru")
    head.fill("#dlg-topik", topic)
    head.fill("#dlg-tanggal", days_from_today(7))
    head.select_option("#dlg-cakupan", "DINKES")
    head.get_by_role("button", name="Buat dialog").click()
    expect(head).to_have_url(re.compile(r"/dialog/DLG-[A-Z0-9]+"))
    return re.sub(r"^https?://[^/]+", "", head.url).split("?")[0]


def raise_anonymous(staff: Page, path: str, text: str) -> str:
    staff.goto(path)
    staff.fill("#dlg-teks", text)
    staff.check("#dlg-anonim")
    staff.get_by_role("button", name="Kirim aspirasi").click()
    expect(staff.get_by_role("heading", level=1)).to_have_text("Tanda terima aspirasi anonim")
    code = staff.locator("#rcpt-code").inner_text().strip()
    assert re.fullmatch(r"[a-z0-9]{4}(-[a-z0-9]{4}){4}", code), code
    return code


def card(page: Page, text: str):
    return page.locator("ol.dlg-aspirations > li", has_text=text)


def test_an_anonymous_author_sees_the_answer_by_receipt(new_page, login, shot):
    s = stamp()
    topic = f"Uji tanda terima {s}"
    text = f"Jadwal piket malam tidak adil ({s})."
    answer = f"Jadwal piket disusun bergilir mulai bulan depan ({s})."

    head = new_page()
    login(head, HEAD, ASN_PASSWORD)
    path = open_dialogue(head, topic)

    staff = new_page(390, 844)
    login(staff, STAFF, ASN_PASSWORD)
    code = raise_anonymous(staff, path, text)
    expect(staff.locator("main")).to_contain_text("ditampilkan sekali ini saja")
    shot(staff, "dialogue-receipt-phone")
    assert serious(staff) == []

    # The head answers with an action item and closes the dialogue; the head never sees the code.
    head.goto(path)
    anonymous = card(head, text)
    expect(anonymous.locator(".dlg-author")).to_contain_text("Anonim")
    expect(head.locator("main")).not_to_contain_text(code)
    anonymous.locator("summary", has_text="Tanggapi").click()
    anonymous.locator("textarea[name=jawaban]").fill(answer)
    anonymous.locator("input[name=pj]").fill(COLLEAGUE)
    anonymous.locator("input[name=batas]").fill(days_from_today(20))
    anonymous.get_by_role("button", name="Simpan tanggapan").click()
    expect(head.locator("p.flash")).to_contain_text("tindak lanjut dibuka")
    head.fill("#dlg-kesimpulan", f"Selesai ({s}).")
    head.get_by_role("button", name="Tutup dialog").click()
    expect(head.locator("p.flash")).to_contain_text("Dialog ditutup")

    # The author's own browser kept the receipt: the answer and the action item, after the close.
    staff.goto("/aspirasi-saya")
    entry = staff.locator("li.rcpt-entry", has_text=text)
    expect(entry).to_contain_text(answer)
    expect(entry).to_contain_text("ditutup")
    expect(entry.locator(".rcpt-action")).to_contain_text("Terbuka")
    shot(staff, "dialogue-my-aspirations-phone")
    assert serious(staff) == []

    # Any browser, with no login at all, finds it by the code as written (capitals, dashes).
    stranger = new_page()
    stranger.goto("/aspirasi-saya")
    stranger.fill("#rcpt-kode", "zzzz-zzzz-zzzz-zzzz-zzzz")
    stranger.get_by_role("button", name="Lihat aspirasi").click()
    expect(stranger.locator("#rcpt-kode")).to_have_attribute("aria-invalid", "true")
    expect(stranger.locator("#rcpt-kode-error")).to_contain_text("tidak dikenal")
    stranger.fill("#rcpt-kode", code.upper())
    stranger.get_by_role("button", name="Lihat aspirasi").click()
    expect(stranger.locator("li.rcpt-entry", has_text=text)).to_contain_text(answer)

    # A colleague on another browser has none of it kept.
    colleague = new_page()
    login(colleague, COLLEAGUE, ASN_PASSWORD)
    colleague.goto("/aspirasi-saya")
    expect(colleague.locator("main")).not_to_contain_text(text)


def test_abusive_anonymous_text_is_held_until_the_head_releases_it(new_page, login, shot):
    s = stamp()
    topic = f"Uji moderasi {s}"
    rude = f"Kepala ruangan itu goblok, kerjanya marah-marah saja ({s})."

    head = new_page()
    login(head, HEAD, ASN_PASSWORD)
    path = open_dialogue(head, topic)

    staff = new_page()
    login(staff, STAFF, ASN_PASSWORD)
    raise_anonymous(staff, path, rude)
    expect(staff.locator("p.notice")).to_contain_text("ditahan untuk moderasi (kata kasar: goblok)")

    # Others do not see it; the author sees on their page that it is held.
    colleague = new_page()
    login(colleague, COLLEAGUE, ASN_PASSWORD)
    colleague.goto(path)
    expect(colleague.locator("main")).not_to_contain_text(rude)
    staff.goto("/aspirasi-saya")
    expect(staff.locator("li.rcpt-entry", has_text=rude)).to_contain_text("Ditahan untuk moderasi")

    # The head sees it held, in the dialogue and in the queue; a decision without a reason is refused.
    head.goto(path)
    expect(head.locator("#dlg-held-notice")).to_contain_text("1 aspirasi anonim ditahan")
    expect(card(head, rude).locator(".badge.warn")).to_have_text("Ditahan untuk moderasi")
    head.locator("#dlg-held-notice").get_by_role("link", name="Antrean moderasi").click()
    expect(head.get_by_role("heading", level=1)).to_have_text("Antrean moderasi")
    item = head.locator("ol.mod-list > li", has_text=rude)
    expect(item).to_contain_text("kata kasar: goblok")
    shot(head, "dialogue-moderation-queue")
    assert serious(head) == []
    item.get_by_label("Lepaskan (tampilkan)").check()
    item.get_by_role("button", name="Simpan keputusan").click()
    item = head.locator("ol.mod-list > li", has_text=rude)
    expect(item.locator("input[name=alasan]")).to_have_attribute("aria-invalid", "true")
    item.get_by_label("Lepaskan (tampilkan)").check()
    item.locator("input[name=alasan]").fill("Keluhan sah tentang cara memimpin")
    item.get_by_role("button", name="Simpan keputusan").click()
    expect(head.locator("p.flash")).to_contain_text("Aspirasi dilepas")
    expect(head.locator("ol.mod-list > li", has_text=rude)).to_have_count(0)

    # Released: the colleague sees it now, and may report or support it.
    colleague.goto(path)
    expect(card(colleague, rude)).to_be_visible()
    expect(card(colleague, rude).locator(".badge", has_text="Dilepas moderator")).to_be_visible()


def test_the_public_action_board_needs_no_login(page: Page, new_page, login, shot):
    page.goto("/papan-aksi")
    page.fill("#board-opd", "dinkes")
    page.get_by_role("button", name="Tampilkan papan aksi").click()
    expect(page).to_have_url(re.compile(r"/papan-aksi/DINKES$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Papan aksi Dinas Kesehatan")
    rows = page.locator("table.board-table tbody tr")
    assert rows.count() >= 5
    # The demo year has items past their due date: they come first, marked.
    expect(rows.first).to_contain_text("Terlambat")
    body = page.locator("main").inner_text()
    assert not re.search(r"\b\d{18}\b", body), "no NIP on the public board"
    shot(page, "action-board-public")
    assert serious(page) == []
    answer = page.request.get("/api/v1/action-boards/DINKES")
    assert answer.ok
    board = json.loads(answer.text())
    assert board["agencyName"] == "Dinas Kesehatan" and int(board.get("overdue", 0)) >= 1
    assert not re.search(r"\d{18}", answer.text())
    assert page.goto("/papan-aksi/TIDAKADA").status == 404

    # The demo's held aspiration waits in BKPSDM's queue and is hidden from the staff.
    organiser = new_page()
    login(organiser, *ORGANIZER)
    organiser.goto("/moderasi?opd=DINKES")
    held = organiser.locator("ol.mod-list > li", has_text="loket obat itu goblok")
    expect(held).to_have_count(1)
    held.get_by_role("link").click()
    dialogue_path = re.sub(r"^https?://[^/]+", "", organiser.url).split("?")[0]
    staff = new_page()
    login(staff, STAFF, ASN_PASSWORD)
    staff.goto(dialogue_path)
    expect(staff.get_by_role("heading", level=1)).to_be_visible()
    expect(staff.locator("main")).not_to_contain_text("loket obat itu goblok")
