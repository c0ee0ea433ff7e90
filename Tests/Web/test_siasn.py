"""SIASN-ready course history in the browser: BKPSDM downloads Dinas Kesehatan's riwayat kursus for SIASN
(CSV with SIASN's column names, each row linking the certificate's printable page), reads the
reconciliation with the demo's SIASN export (tools/bk-demo-data DemoSiasn: some records matched, some
to upload, older training to check), tries an upload of a SIASN export (a bad line refused by its
number, a good file checked in a trial run), and a member of staff downloads their own from /jp.
"""
import csv
import io
import json
import re

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from conftest import ASN_PASSWORD, ORGANIZER

HEAD = "197101171996042001"  # head of DINKES
STAFF = "200208222022111001"  # a member of DINKES staff


def serious(page: Page) -> list:
    results = Axe().run(page)
    assert results.response["passes"], f"axe did not run on {page.url}"
    return [f"{v['id']}: {v['help']}" for v in results.response["violations"] if v.get("impact") in ("serious", "critical")]


def download_text(page: Page, link) -> tuple[str, str]:
    with page.expect_download() as info:
        link.click()
    download = info.value
    with open(download.path(), encoding="utf-8-sig") as handle:
        return download.suggested_filename, handle.read()


def test_bkpsdm_downloads_an_agencys_history_for_siasn(page: Page, login, shot):
    login(page, *ORGANIZER)
    page.goto("/kelola")
    page.get_by_role("link", name="Riwayat kursus SIASN").click()
    expect(page).to_have_url(re.compile(r"/kelola/siasn$"))
    page.get_by_label("Kode perangkat daerah").fill("DINKES")
    page.get_by_label("Tahun").select_option("2026")
    page.get_by_role("button", name="Tampilkan").click()
    expect(page.locator("h2", has_text="DINKES")).to_be_visible()
    expect(page.get_by_text(re.compile(r"Impor terakhir: .*baris oleh bkpsdm"))).to_be_visible()
    assert serious(page) == []
    shot(page, "siasn-home")

    name, text = download_text(page, page.get_by_role("link", name="Unduh CSV"))
    assert name == "riwayat-kursus-siasn-DINKES-2026.csv"
    rows = list(csv.DictReader(io.StringIO(text), delimiter=";"))
    assert rows, "DINKES completed learning in 2026"
    assert list(rows[0].keys())[:8] == ["nipBaru", "pnsOrangId", "namaKursus", "jenisDiklatId", "jenisKursus", "jenisKursusSertipikat", "jumlahJam", "nomorSertipikat"]
    assert all(row["tahunKursus"] == "2026" and re.fullmatch(r"\d{2}-\d{2}-2026", row["tanggalSelesaiKursus"]) for row in rows)
    session_rows = [row for row in rows if row["sumber"] == "sesi"]
    assert session_rows and all(row["tautanSertifikat"].startswith("http") and "/verifikasi/V1." in row["tautanVerifikasi"] for row in session_rows)
    # The demo's SIASN export told SIASN's person ids: they fill pnsOrangId.
    assert any(row["pnsOrangId"].startswith("A5EB") for row in rows)

    # The link in the file opens the certificate's printable page.
    page.goto(session_rows[0]["tautanSertifikat"])
    expect(page.locator("main")).to_contain_text(session_rows[0]["nomorSertipikat"])

    page.goto("/kelola/siasn?opd=DINKES&tahun=2026")
    name, text = download_text(page, page.get_by_role("link", name="Unduh JSON"))
    records = json.loads(text)
    assert name.endswith(".json") and len(records) == len(rows)
    assert all(record["id"] is None and record["path"] == [] and isinstance(record["jumlahJam"], int) for record in records)


def test_the_reconciliation_shows_what_to_upload_and_what_to_check(page: Page, login, shot):
    login(page, HEAD, ASN_PASSWORD)  # the agency head: their own agency
    page.goto("/kelola/siasn")
    page.get_by_role("link", name="Rekonsiliasi dengan SIASN").click()
    expect(page).to_have_url(re.compile(r"/kelola/siasn/rekonsiliasi\?opd=DINKES"))
    expect(page.locator("h1")).to_contain_text("Rekonsiliasi dengan SIASN")
    for total in ("#siasn-here-total", "#siasn-siasn-total", "#siasn-matched-total"):
        assert int(page.locator(total).inner_text()) > 0
    upload = page.locator("section", has=page.locator("#siasn-upload"))
    check = page.locator("section", has=page.locator("#siasn-check"))
    expect(upload.locator("tbody tr").first).to_be_visible()
    expect(check).to_contain_text("Pelatihan Dasar CPNS")
    expect(check).to_contain_text("SIASN baris")
    expect(page.locator("#siasn-diff")).to_be_visible()  # the demo export has other hours for some
    expect(page.get_by_text("jumlahJam").first).to_be_visible()
    assert serious(page) == []
    shot(page, "siasn-reconciliation")


def test_an_upload_is_refused_by_line_and_checked_in_a_trial_run(page: Page, login, tmp_path):
    login(page, *ORGANIZER)
    page.goto("/kelola/siasn?opd=DINKES")
    bad = tmp_path / "siasn-dinkes.json"
    bad.write_text(json.dumps({"data": [
        {"nipBaru": HEAD, "namaKursus": "Seminar Nasional Kesehatan", "jumlahJam": 8, "tahunKursus": "2026"},
        {"nipBaru": HEAD, "namaKursus": "Pelatihan", "jumlahJam": "delapan", "tahunKursus": "2026"},
    ]}, indent=2))
    page.get_by_label("Berkas ekspor SIASN").set_input_files(str(bad))
    page.get_by_role("button", name="Impor").click()
    expect(page.get_by_role("status")).to_contain_text("Tidak ada yang disimpan")
    expect(page.locator("tr", has_text="jumlahJam").locator("td").first).to_have_text("9")  # the second record starts on line 9
    good = tmp_path / "siasn-dinkes-ok.json"
    good.write_text(json.dumps([{"nipBaru": HEAD, "namaKursus": "Seminar Nasional Kesehatan", "jumlahJam": 8, "tahunKursus": 2026}]))
    page.get_by_label("Berkas ekspor SIASN").set_input_files(str(good))
    page.get_by_label("Uji coba saja (tidak disimpan)").check()
    page.get_by_role("button", name="Impor").click()
    expect(page.get_by_role("status")).to_contain_text("Uji coba: semua baris dapat diimpor.")


def test_a_person_downloads_their_own_from_the_jp_page(page: Page, login):
    login(page, STAFF, ASN_PASSWORD)
    page.goto("/jp?tahun=2026")
    links = page.locator("#jp-siasn")
    expect(links).to_contain_text("Riwayat untuk SIASN 2026")
    name, text = download_text(page, links.get_by_role("link", name="CSV"))
    assert name == f"riwayat-kursus-siasn-{STAFF}-2026.csv"
    rows = list(csv.DictReader(io.StringIO(text), delimiter=";"))
    assert all(row["nipBaru"] == STAFF for row in rows)
    links.get_by_role("link", name="bandingkan dengan SIASN").click()
    expect(page.locator("h1")).to_contain_text(STAFF)
