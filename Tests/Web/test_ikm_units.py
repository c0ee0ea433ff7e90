"""IKM as service units run it, in the browser: the QR posters of a unit and its counters (A4, print
styles), a counter's QR address carrying the counter to the public form with its optional profile
questions, a paper questionnaire typed in by the agency head (refused while incomplete, then counted),
and the yearly publication with its elements, profile, counters, follow-up plan and trend; axe checks
each page.

The demo city's Puskesmas Talawi has counters 1 and 2, online and paper answers in both semesters and a
follow-up plan of three items (tools/bk-demo-data); what is added here carries a unique stamp.
"""
import datetime
import re
import time

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from conftest import ASN_PASSWORD

HEAD = "197101171996042001"  # head of DINKES (agency head)
UNIT = "/DINKES/PKM-TALAWI"
YEAR = 2026


def serious(page: Page) -> list:
    results = Axe().run(page)
    assert results.response["passes"], f"axe did not run on {page.url}"
    return [f"{v['id']}: {v['help']}" for v in results.response["violations"] if v.get("impact") in ("serious", "critical")]


def test_posters_per_unit_and_counter_print_on_a4(page: Page, login, shot):
    login(page, HEAD, ASN_PASSWORD)
    page.goto("/kelola/ikm")
    unit = page.locator("li.card", has_text="PKM-TALAWI")
    expect(unit).to_be_visible()
    unit.get_by_role("link", name=re.compile("Poster kode QR")).click()
    expect(page).to_have_url(re.compile(r"/kelola/ikm/DINKES/PKM-TALAWI/poster$"))
    posters = page.locator("section.ikm-poster")
    expect(posters).to_have_count(3)  # the unit, counter 1, counter 2
    expect(posters.nth(1)).to_contain_text("Loket 1 · Loket Pendaftaran")
    expect(posters.nth(2)).to_contain_text("Loket 2 · Loket Apotek")
    expect(posters.nth(0)).to_contain_text("Pindai kode QR ini")
    expect(posters.nth(1).locator(".ikm-poster-url")).to_have_text(re.compile(r"^http://[^/]+/survei/DINKES/PKM-TALAWI\?loket=1$"))
    expect(posters.nth(1).locator("svg[role=img]")).to_have_attribute("aria-label", re.compile("Loket 1"))
    assert serious(page) == []
    shot(page, "ikm-posters")
    # In print each poster is a page of its own, the page's own heading and links hidden.
    page.emulate_media(media="print")
    assert posters.nth(0).evaluate("e => getComputedStyle(e).breakAfter") == "page"
    expect(page.locator("h1", has_text="Poster kode QR")).to_be_hidden()


def test_the_counters_qr_carries_the_counter_and_offers_the_profile(page: Page):
    page.goto("/survei" + UNIT + "?loket=2")
    expect(page).to_have_url(re.compile(r"/ikm/[a-z0-9]+\?loket=2$"))
    expect(page.locator("input[type=hidden][name=loket]")).to_have_value("2")
    for label in ("Umur", "Jenis kelamin", "Pendidikan terakhir", "Pekerjaan"):
        expect(page.get_by_label(label)).to_be_visible()
    expect(page.get_by_label("Pekerjaan").locator("option")).to_have_count(7)
    assert serious(page) == []


def test_a_paper_questionnaire_is_entered_and_counted(page: Page, login, shot):
    login(page, HEAD, ASN_PASSWORD)
    page.goto("/kelola/ikm" + UNIT + "/kertas")
    expect(page.locator("h1")).to_have_text("Masukkan kuesioner kertas")
    counted = int(re.search(r"(\d+)$", page.locator("p.muted", has_text="Jawaban tercatat").inner_text()).group(1))
    # Nothing answered: each element is marked, nothing is stored.
    page.get_by_role("button", name="Simpan kuesioner").click()
    expect(page.locator(".fb-error-summary")).to_be_visible()
    expect(page.locator("fieldset.fb-q-invalid")).to_have_count(9)
    assert serious(page) == []
    for question in range(1, 10):
        page.locator(f"input[name=q{question}][value='{3 if question % 2 else 4}']").check()
    page.get_by_label("Loket", exact=True).select_option("1")
    page.get_by_label("Jenis kelamin").select_option(label="Perempuan")
    page.get_by_label("Umur").select_option(label="40–49 tahun")
    page.get_by_role("button", name="Simpan kuesioner").click()
    expect(page.locator(".flash")).to_contain_text("Kuesioner kertas disimpan")
    expect(page.locator("p.muted", has_text="Jawaban tercatat")).to_have_text(re.compile(rf"{counted + 1}$"))
    shot(page, "ikm-paper")


def test_the_yearly_publication_with_its_follow_up_plan(page: Page, login, shot):
    login(page, HEAD, ASN_PASSWORD)
    page.goto(f"/laporan/ikm{UNIT}?tahun={YEAR}")
    expect(page.locator("h1")).to_have_text(f"Laporan Survei Kepuasan Masyarakat {YEAR}")
    figures = page.locator("section.ikm-figures")
    expect(figures).to_contain_text("Nilai IKM")
    expect(figures).to_contain_text(re.compile(r"daring \d+ · kertas [1-9]\d*"))
    grade = figures.locator(".card", has_text="Mutu pelayanan").locator(".ikm-grade").inner_text()
    assert grade in ("A", "B", "C", "D")
    rows = page.locator("section", has_text="Nilai per unsur pelayanan").locator("tbody tr")
    expect(rows).to_have_count(10)  # U1…U9 and the total
    expect(rows.nth(0)).to_contain_text("U1 Persyaratan")
    assert page.locator(".ikm-lowest").count() >= 3
    expect(page.locator("table caption", has_text="Jenis kelamin")).to_be_visible()
    expect(page.locator("section", has_text="Per loket")).to_contain_text("1 · Loket Pendaftaran")
    plan = page.locator("section", has_text="Rencana tindak lanjut")
    expect(plan.locator("tbody tr", has_text="ruang tunggu")).to_have_count(1)
    expect(page.locator("section", has_text="Tren IKM").locator("svg")).to_be_visible()
    assert serious(page) == []

    # A new item of the plan becomes an action item.
    stamp = time.strftime("%H%M%S")
    title = f"Pelatihan pelayanan prima bagi petugas loket {stamp}"
    page.locator("summary", has_text="Tambah butir").click()
    page.get_by_label("Unsur yang diperbaiki").select_option("7")
    page.get_by_label("Program/kegiatan").fill(title)
    page.get_by_label("Penanggung jawab").fill("123")
    page.get_by_label("Waktu (tenggat)").fill((datetime.date.today() + datetime.timedelta(days=60)).isoformat())
    page.get_by_role("button", name="Simpan").click()
    expect(page.locator("#ikm-pj-error")).to_be_visible()
    assert serious(page) == []
    page.get_by_label("Penanggung jawab").fill(HEAD)
    page.get_by_role("button", name="Simpan").click()
    expect(page.locator(".flash")).to_contain_text("Butir rencana tindak lanjut ditambahkan")
    row = page.locator("tbody tr", has_text=title)
    expect(row).to_contain_text("U7 Perilaku Pelaksana")
    row.get_by_role("link", name=title).click()
    expect(page).to_have_url(re.compile(r"/tindak-lanjut/TL-"))
    expect(page.locator("main")).to_contain_text(title)

    page.goto(f"/laporan/ikm{UNIT}?tahun={YEAR}")
    shot(page, "ikm-report")
    page.emulate_media(media="print")
    expect(page.locator("details", has_text="Tambah butir")).to_be_hidden()
