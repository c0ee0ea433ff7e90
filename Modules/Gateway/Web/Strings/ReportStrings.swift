import BKRPC

extension Strings {
    /// The texts of `ReportPages`. The reports' own words (titles, sections, tables, conclusions) come
    /// from reporting in Bahasa Indonesia; these are the pages around them.
    static let report: [String: LocalizedText] = [
        "rpt_title": .init(id: "Laporan", en: "Reports"),
        "rpt_intro": .init(
            id: "Laporan evaluasi pembinaan karier yang dapat Anda buka, dengan grafik, tabel dan kesimpulan. Setiap laporan dapat diunduh sebagai CSV, JSON, XLSX atau HTML.",
            en: "The career-development evaluation reports you may open, with charts, tables and conclusions. Each can be downloaded as CSV, JSON, XLSX or HTML."),
        "rpt_back": .init(id: "Semua laporan", en: "All reports"),
        "rpt_language_note": .init(id: "Isi laporan ditulis dalam Bahasa Indonesia.", en: "The report itself is written in Bahasa Indonesia."),

        // The hub.
        "rpt_mine": .init(id: "Laporan saya", en: "My report"),
        "rpt_mine_text": .init(
            id: "Rekam jejak pengembangan Anda: jam pelajaran (JP), program yang diikuti, kinerja dan IP ASN.",
            en: "Your development record: learning hours (JP), the programs you attended, performance and professionalism index (IP ASN)."),
        "rpt_mine_link": .init(id: "Buka rekam jejak pengembangan saya", en: "Open my development record"),
        "rpt_staff": .init(id: "Laporan staf saya", en: "My staff's reports"),
        "rpt_staff_text": .init(id: "Rekam jejak pengembangan staf yang Anda bina langsung.", en: "The development records of the staff you supervise directly."),
        "rpt_staff_none": .init(id: "Tidak ada staf yang Anda bina langsung.", en: "No one reports to you directly."),
        "rpt_agency": .init(id: "Laporan perangkat daerah", en: "Agency report"),
        "rpt_agency_text": .init(
            id: "Pemenuhan 20 JP, hasil program, kinerja dan IP ASN perangkat daerah Anda, per unit.",
            en: "Your agency's 20-JP compliance, program results, performance and IP ASN, by unit."),
        "rpt_agency_open": .init(id: "Buka laporan perangkat daerah", en: "Open the agency report of"),
        "rpt_agency_any_text": .init(id: "Laporan satu perangkat daerah.", en: "The report of one agency."),
        "rpt_city": .init(id: "Laporan kota", en: "City report"),
        "rpt_city_text": .init(
            id: "Evaluasi program pembinaan karier seluruh ASN kota, setahun penuh atau per triwulan.",
            en: "The evaluation of the career-development program for all of the city's civil servants, for a year or a quarter."),
        "rpt_programs": .init(id: "Laporan program", en: "Program reports"),
        "rpt_programs_text": .init(
            id: "Evaluasi satu program dari reaksi peserta sampai dampak pada unit kerja (tingkat 1–4 dan ROI).",
            en: "The evaluation of one program, from participants' reaction to the impact on their units (levels 1–4 and ROI)."),
        "rpt_programs_none": .init(id: "Belum ada program.", en: "No programs yet."),
        "rpt_person": .init(id: "Laporan pegawai", en: "Employee report"),
        "rpt_person_text": .init(id: "Rekam jejak pengembangan seorang pegawai, dicari dengan NIP.", en: "One employee's development record, by NIP."),
        "rpt_nip": .init(id: "NIP pegawai", en: "Employee's NIP"),
        "rpt_nip_hint": .init(id: "18 angka, tanpa spasi.", en: "18 digits, no spaces."),
        "rpt_nip_invalid": .init(id: "NIP terdiri dari tepat 18 angka.", en: "A NIP has exactly 18 digits."),
        "rpt_agency_field": .init(id: "Perangkat daerah", en: "Agency"),
        "rpt_agency_invalid": .init(id: "Pilih perangkat daerah.", en: "Choose an agency."),
        "rpt_year": .init(id: "Tahun", en: "Year"),
        "rpt_period": .init(id: "Periode", en: "Period"),
        "rpt_whole_year": .init(id: "Setahun penuh", en: "The whole year"),
        "rpt_quarter_1": .init(id: "Triwulan I", en: "1st quarter"),
        "rpt_quarter_2": .init(id: "Triwulan II", en: "2nd quarter"),
        "rpt_quarter_3": .init(id: "Triwulan III", en: "3rd quarter"),
        "rpt_quarter_4": .init(id: "Triwulan IV", en: "4th quarter"),
        "rpt_show": .init(id: "Tampilkan laporan", en: "Show the report"),
        "rpt_col_code": .init(id: "Kode", en: "Code"),
        "rpt_col_program": .init(id: "Program", en: "Program"),
        "rpt_col_report": .init(id: "Laporan", en: "Report"),
        "rpt_col_kind": .init(id: "Jenis", en: "Kind"),
        "rpt_col_scope": .init(id: "Cakupan", en: "Scope"),
        "rpt_col_period": .init(id: "Periode", en: "Period"),
        "rpt_col_published": .init(id: "Diterbitkan", en: "Published"),
        "rpt_col_id": .init(id: "ID terbit", en: "Publication id"),
        "rpt_col_name": .init(id: "Nama", en: "Name"),
        "rpt_col_position": .init(id: "Jabatan", en: "Position"),
        "rpt_kind_city": .init(id: "Kota", en: "City"),
        "rpt_kind_agency": .init(id: "Perangkat daerah", en: "Agency"),
        "rpt_kind_program": .init(id: "Program", en: "Program"),
        "rpt_kind_person": .init(id: "Pegawai", en: "Employee"),
        "rpt_published_list": .init(id: "Laporan terbit", en: "Published reports"),
        "rpt_published_list_text": .init(
            id: "Laporan yang dibekukan beserta hash dan tanda tangannya: isinya tetap sama walau data berubah.",
            en: "Reports frozen with their hash and signature: they read the same whatever the data becomes."),
        "rpt_published_none": .init(id: "Belum ada laporan terbit yang dapat Anda lihat.", en: "There is no published report you may see yet."),
        "rpt_next_page": .init(id: "Laporan terbit berikutnya", en: "More published reports"),
        "rpt_by": .init(id: "oleh", en: "by"),

        // A report.
        "rpt_made": .init(id: "Dibuat", en: "Made"),
        "rpt_choose": .init(id: "Pilih periode", en: "Choose the period"),
        "rpt_downloads": .init(id: "Unduh laporan", en: "Download the report"),
        "rpt_download_csv": .init(id: "Unduh CSV", en: "Download CSV"),
        "rpt_download_json": .init(id: "Unduh JSON", en: "Download JSON"),
        "rpt_download_xlsx": .init(id: "Unduh XLSX", en: "Download XLSX"),
        "rpt_download_html": .init(id: "Unduh HTML", en: "Download HTML"),
        "rpt_downloads_hint": .init(
            id: "CSV dibuka di Excel (pemisah titik koma), JSON untuk olah data, XLSX satu lembar per bagian, HTML dapat dicetak ke PDF.",
            en: "CSV opens in Excel (semicolon-separated), JSON is for data processing, XLSX has a sheet per section, HTML prints to PDF."),
        "rpt_format_invalid": .init(id: "Pilih format csv, json, xlsx atau html.", en: "Choose the format csv, json, xlsx or html."),
        "rpt_publish_heading": .init(id: "Terbitkan", en: "Publish"),
        "rpt_publish_text": .init(
            id: "Menerbitkan membekukan angka laporan ini beserta posisi datanya, hash SHA-256 dan tanda tangan layanan laporan. Laporan terbit tetap sama walau data berubah kemudian.",
            en: "Publishing freezes this report's numbers with where the data stood, a SHA-256 hash and the reporting service's signature. A published report reads the same whatever the data becomes."),
        "rpt_publish": .init(id: "Terbitkan laporan ini", en: "Publish this report"),
        "rpt_published": .init(id: "Laporan telah diterbitkan.", en: "The report has been published."),

        // A published report.
        "rpt_pub_heading": .init(id: "Laporan terbit", en: "Published report"),
        "rpt_pub_id": .init(id: "ID terbit", en: "Publication id"),
        "rpt_pub_hash": .init(id: "SHA-256", en: "SHA-256"),
        "rpt_pub_signature": .init(id: "Tanda tangan", en: "Signature"),
        "rpt_pub_signature_ok": .init(id: "Sah", en: "Valid"),
        "rpt_pub_signature_ok_text": .init(
            id: "Layanan laporan memeriksa angka, hash dan tanda tangan ini saat laporan dibuka.",
            en: "The reporting service checked these numbers, their hash and the signature when the report was opened."),
        "rpt_pub_signature_missing": .init(id: "Tidak bertanda tangan", en: "Not signed"),
        "rpt_pub_by": .init(id: "Diterbitkan oleh", en: "Published by"),
        "rpt_pub_time": .init(id: "Waktu terbit", en: "Published on"),
        "rpt_pub_positions": .init(id: "Posisi data", en: "Data as of"),
        "rpt_pub_live": .init(id: "Lihat laporan ini dengan data terkini", en: "See this report with current data"),
        "rpt_pub_broken_title": .init(id: "Laporan terbit tidak utuh", en: "Published report no longer intact"),
        "rpt_pub_broken": .init(
            id: "Angka laporan terbit ini tidak lagi cocok dengan hash atau tanda tangannya, sehingga tidak ditampilkan. Jangan gunakan salinannya; laporkan ke BKPSDM.",
            en: "This published report's numbers no longer match their hash or signature, so it is not shown. Do not use copies of it; tell BKPSDM."),
    ]
}
