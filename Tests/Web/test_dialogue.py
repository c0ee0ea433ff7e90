"""Leaders' open dialogues and their action items, in the browser.

The head of DINKES opens a dialogue (an empty form first: errors next to the fields), a member of staff
raises an aspiration on it, a colleague supports it, the head answers it and gives a direction with an
action item, and the action item is followed on /tindak-lanjut to closure with evidence. An anonymous
aspiration shows no name to the head. Every dialogue and text is made here with a unique stamp, so the
test runs on fresh demo data as on a shared system.
"""
import datetime
import re
import time

from playwright.sync_api import Page, expect

from conftest import ASN_PASSWORD, ORGANIZER

HEAD = "197101171996042001"  # head of DINKES (agency head)
STAFF = "200208222022111001"  # DINKES staff
COLLEAGUE = "198811192019032001"  # DINKES supervisor, head of its Sekretariat


def days_from_today(days: int) -> str:
    return (datetime.date.today() + datetime.timedelta(days=days)).isoformat()


def aspiration_card(page: Page, text: str):
    return page.locator("ol.dlg-aspirations > li", has_text=text)


def flash(page: Page):
    return page.locator("p.flash")


def test_dialogue_from_opening_to_closed_action(new_page, login, shot):
    stamp = time.strftime("%Y%m%d%H%M%S") + f"{time.time_ns() % 1000:03d}"
    topic = f"Uji dialog terbuka {stamp}"
    named_text = f"Mohon ruang laktasi di kantor dinas ({stamp})."
    anonymous_text = f"Beban jaga malam terlalu berat ({stamp})."
    direction_text = f"Setiap bidang menyusun rencana aksi pelayanan prima ({stamp})."
    answer_text = f"Disetujui; Sekretariat menyiapkan ruang laktasi ({stamp})."

    # The head opens a dialogue: an empty form first shows the errors next to their fields.
    head = new_page()
    login(head, HEAD, ASN_PASSWORD)
    head.goto("/dialog")
    expect(head.get_by_role("heading", level=1)).to_have_text("Dialog terbuka")
    shot(head, "dialogue-list-head")
    head.get_by_role("link", name="Buat dialog baru").click()
    expect(head).to_have_url(re.compile(r"/dialog/baru$"))
    head.get_by_role("button", name="Buat dialog").click()
    expect(head.locator("p.error[role=alert]")).to_be_visible()
    for field in ("topik", "tanggal", "cakupan"):
        control = head.locator(f"#dlg-{field}")
        expect(control).to_have_attribute("aria-invalid", "true")
        expect(control).to_have_attribute("aria-describedby", re.compile(f"dlg-{field}-error"))
        expect(head.locator(f"#dlg-{field}-error")).to_be_visible()
    expect(head.locator("#dlg-topik-error")).to_have_text("Wajib diisi.")
    shot(head, "dialogue-new-errors")

    head.fill("#dlg-topik", topic)
    head.fill("#dlg-tanggal", days_from_today(14))
    head.fill("#dlg-waktu", "09:30")
    head.fill("#dlg-tempat", "Aula Dinas Kesehatan")
    head.select_option("#dlg-cakupan", "DINKES")
    head.get_by_role("button", name="Buat dialog").click()
    expect(head).to_have_url(re.compile(r"/dialog/DLG-[A-Z0-9]+"))
    dialogue_path = re.sub(r"^https?://[^/]+", "", head.url).split("?")[0]
    expect(head.get_by_role("heading", level=1)).to_have_text(topic)
    expect(flash(head)).to_be_visible()
    expect(head.locator(".dlg-facts")).to_contain_text("pukul 09.30 WIB")
    shot(head, "dialogue-detail-new")

    # The new dialogue is listed among the upcoming ones.
    head.goto("/dialog")
    expect(head.locator("ul.dlg-cards").get_by_role("link", name=topic)).to_be_visible()

    # A member of staff raises a named aspiration and an anonymous one (on a phone).
    staff = new_page(390, 844)
    login(staff, STAFF, ASN_PASSWORD)
    staff.goto(dialogue_path)
    expect(staff.locator("#dlg-anonim-hint")).to_contain_text("tidak dapat mengetahui penulisnya")
    shot(staff, "dialogue-detail-staff-phone")
    staff.select_option("#dlg-kategori", "sarana")
    staff.fill("#dlg-teks", named_text)
    staff.get_by_role("button", name="Kirim aspirasi").click()
    expect(flash(staff)).to_have_text("Aspirasi Anda terkirim.")
    mine = aspiration_card(staff, named_text)
    expect(mine).to_contain_text("0 dukungan")
    expect(mine).to_contain_text("Aspirasi Anda")
    expect(mine.get_by_role("button", name="Dukung aspirasi ini")).to_have_count(0)
    staff_name = mine.locator(".dlg-author").inner_text().replace("Dari:", "").strip()
    assert staff_name and staff_name != "Anonim"

    staff.fill("#dlg-teks", anonymous_text)
    staff.check("#dlg-anonim")
    staff.get_by_role("button", name="Kirim aspirasi").click()
    # An anonymous aspiration answers with its receipt, once (test_dialogue_scale follows it up).
    expect(staff.get_by_role("heading", level=1)).to_have_text("Tanda terima aspirasi anonim")
    expect(staff.locator("main")).to_contain_text("NIP Anda tidak disimpan")
    staff.get_by_role("link", name="Kembali ke dialog").click()
    expect(aspiration_card(staff, anonymous_text).locator(".dlg-author")).to_contain_text("Anonim")

    # A colleague supports the named aspiration: the count goes up, once.
    colleague = new_page()
    login(colleague, COLLEAGUE, ASN_PASSWORD)
    colleague.goto(dialogue_path)
    card = aspiration_card(colleague, named_text)
    expect(card).to_contain_text("0 dukungan")
    card.get_by_role("button", name="Dukung aspirasi ini").click()
    expect(flash(colleague)).to_have_text("Dukungan Anda tercatat.")
    card = aspiration_card(colleague, named_text)
    expect(card).to_contain_text("1 dukungan")
    expect(card).to_contain_text("Anda mendukung aspirasi ini")
    expect(card.get_by_role("button", name="Dukung aspirasi ini")).to_have_count(0)
    shot(colleague, "dialogue-detail-supported")

    # The head sees the author of the named aspiration, and no name on the anonymous one.
    head.goto(dialogue_path)
    named = aspiration_card(head, named_text)
    expect(named.locator(".dlg-author")).to_contain_text(staff_name)
    expect(named).to_contain_text("1 dukungan")
    anonymous = aspiration_card(head, anonymous_text)
    expect(anonymous.locator(".dlg-author")).to_contain_text("Anonim")
    expect(anonymous).not_to_contain_text(staff_name)
    expect(anonymous).not_to_contain_text(STAFF)
    # Most supported first: the supported one comes before the anonymous one.
    texts = head.locator("ol.dlg-aspirations > li .dlg-text").all_inner_texts()
    assert texts.index(named_text) < texts.index(anonymous_text)

    # The head answers it and opens an action item for the colleague.
    named.locator("summary").click()
    named.locator("textarea[name=jawaban]").fill(answer_text)
    named.locator("input[name=pj]").fill(COLLEAGUE)
    named.locator("input[name=batas]").fill(days_from_today(30))
    named.get_by_role("button", name="Simpan tanggapan").click()
    expect(flash(head)).to_contain_text("tindak lanjut dibuka")
    named = aspiration_card(head, named_text)
    expect(named.locator(".dlg-answer")).to_contain_text(answer_text)
    expect(named.locator(".dlg-answer .badge").first).to_have_text("Terbuka")

    # A direction with an owner but no due date is refused next to the field; then given.
    head.fill("#dlg-arahan", direction_text)
    head.fill("#dlg-arahan-pj", COLLEAGUE)
    head.get_by_role("button", name="Simpan arahan").click()
    expect(head.locator("#dlg-arahan-batas")).to_have_attribute("aria-invalid", "true")
    expect(head.locator("#dlg-arahan-batas-error")).to_be_visible()
    expect(head.locator("#dlg-arahan")).to_have_value(direction_text)
    head.fill("#dlg-arahan-batas", days_from_today(45))
    head.get_by_role("button", name="Simpan arahan").click()
    expect(flash(head)).to_contain_text("Arahan disimpan")
    expect(head.locator("ol.dlg-directions")).to_contain_text(direction_text)
    expect(head.locator("#dlg-h-tindak-lanjut")).to_contain_text("(2)")
    shot(head, "dialogue-detail-head")

    # The direction's action item is on /tindak-lanjut, open and not overdue.
    head.goto("/tindak-lanjut?status=terbuka")
    row = head.locator("tbody tr", has_text=direction_text)
    expect(row).to_have_count(1)
    expect(row).to_contain_text("Terbuka")
    expect(row).not_to_contain_text("Terlambat")
    shot(head, "dialogue-actions-head")
    row.get_by_role("link").click()
    expect(head).to_have_url(re.compile(r"/tindak-lanjut/TL-[A-Z0-9]+"))
    action_path = re.sub(r"^https?://[^/]+", "", head.url).split("?")[0]
    expect(head.get_by_role("heading", level=1)).to_have_text(direction_text)
    expect(head.locator(".dlg-facts")).to_contain_text(topic)

    # Its owner marks it in progress with a note.
    colleague.goto(action_path)
    colleague.get_by_label("Sedang dikerjakan").check()
    colleague.fill("#dlg-catatan", f"Rencana aksi bidang sedang dihimpun ({stamp}).")
    colleague.get_by_role("button", name="Simpan perubahan").click()
    expect(flash(colleague)).to_have_text("Tindak lanjut diperbarui.")
    expect(colleague.locator("main > p .badge").first).to_have_text("Sedang dikerjakan")
    expect(colleague.locator("ol.dlg-history")).to_contain_text("Rencana aksi bidang sedang dihimpun")

    # The head closes it: without evidence it is refused next to the field, then done with a link.
    head.goto(action_path)
    head.get_by_label("Selesai", exact=True).check()
    head.get_by_role("button", name="Simpan perubahan").click()
    expect(head.locator("#dlg-bukti")).to_have_attribute("aria-invalid", "true")
    expect(head.locator("#dlg-bukti-error")).to_be_visible()
    evidence = f"https://intranet.sawahluntokota.go.id/dinkes/rencana-aksi-{stamp}.pdf"
    head.get_by_label("Selesai", exact=True).check()
    head.fill("#dlg-bukti", evidence)
    head.get_by_role("button", name="Simpan perubahan").click()
    expect(flash(head)).to_have_text("Tindak lanjut diperbarui.")
    expect(head.locator("main > p .badge").first).to_have_text("Selesai")
    expect(head.get_by_role("link", name=evidence)).to_have_attribute("href", evidence)
    expect(head.locator("ol.dlg-history")).to_contain_text("Dinyatakan selesai")
    expect(head.get_by_role("button", name="Simpan perubahan")).to_have_count(0)
    shot(head, "dialogue-action-done")

    # Done: it is listed among the done ones.
    head.goto("/tindak-lanjut?status=selesai")
    expect(head.locator("tbody tr", has_text=direction_text)).to_contain_text("Selesai")

    # The head closes the dialogue; the minutes appear and no one can raise aspirations any more.
    head.goto(dialogue_path)
    head.fill("#dlg-kesimpulan", f"Ruang laktasi disiapkan; rencana aksi dihimpun ({stamp}).")
    head.get_by_role("button", name="Tutup dialog").click()
    expect(flash(head)).to_contain_text("Dialog ditutup")
    expect(head.locator("pre.dlg-minutes")).to_contain_text("NOTULEN DIALOG TERBUKA")
    expect(head.locator("pre.dlg-minutes")).to_contain_text(named_text)
    shot(head, "dialogue-detail-closed")
    staff.goto(dialogue_path)
    expect(staff.locator("#dlg-teks")).to_have_count(0)
    expect(staff.locator("p.notice")).to_contain_text("sudah ditutup")


def test_staff_cannot_open_dialogues_and_organiser_filters(new_page, login, shot):
    staff = new_page()
    login(staff, STAFF, ASN_PASSWORD)
    staff.goto("/dialog")
    expect(staff.get_by_role("link", name="Buat dialog baru")).to_have_count(0)
    response = staff.goto("/dialog/baru")
    assert response is not None and response.status == 403
    staff.goto("/tindak-lanjut")
    expect(staff.get_by_role("heading", level=1)).to_have_text("Tindak lanjut")
    shot(staff, "dialogue-actions-staff")

    organiser = new_page()
    login(organiser, *ORGANIZER)
    organiser.goto("/dialog?opd=DINKES")
    expect(organiser.locator("#dlg-f-opd")).to_have_value("DINKES")
    shot(organiser, "dialogue-list-organiser")
    organiser.goto("/tindak-lanjut?terlambat=1")
    expect(organiser.locator("#dlg-f-late")).to_be_checked()
    for row in organiser.locator("tbody tr").all():
        expect(row).to_contain_text("Terlambat")
    shot(organiser, "dialogue-actions-organiser")
