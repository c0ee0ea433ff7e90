import BKRPC
import Foundation

/// Every text of the web pages, by key, in Bahasa Indonesia and English. Templates read them as
/// `{{t.key}}`; handlers with `Strings.text(key, language)`. Each page keeps its texts in its own group
/// (an extension with a `static let` dictionary), listed once in `groups`.
enum Strings {
    static let groups: [[String: LocalizedText]] = [common, login, home, catalogue, feedback, dialogue, manage, report, checkIn, dialogueScale, ikm, approval, changeProject, siasn]

    static let common: [String: LocalizedText] = [
        "app_name": .init(id: "BinaKarier", en: "BinaKarier"),
        "app_tagline": .init(id: "Pengembangan kompetensi ASN", en: "Civil servants' competence development"),
        "skip": .init(id: "Langsung ke isi", en: "Skip to content"),
        "nav_label": .init(id: "Navigasi utama", en: "Main navigation"),
        "nav_beranda": .init(id: "Beranda", en: "Home"),
        "nav_katalog": .init(id: "Katalog", en: "Catalogue"),
        "nav_evaluasi": .init(id: "Evaluasi", en: "Evaluations"),
        "nav_dialog": .init(id: "Dialog", en: "Dialogues"),
        "nav_tindaklanjut": .init(id: "Tindak lanjut", en: "Actions"),
        "nav_tim": .init(id: "Tim saya", en: "My team"),
        "nav_kelola": .init(id: "Kelola program", en: "Manage programs"),
        "nav_laporan": .init(id: "Laporan", en: "Reports"),
        "logout": .init(id: "Keluar", en: "Log out"),
        "login": .init(id: "Masuk", en: "Log in"),
        "language": .init(id: "Bahasa", en: "Language"),
        "save": .init(id: "Simpan", en: "Save"),
        "send": .init(id: "Kirim", en: "Send"),
        "cancel": .init(id: "Batal", en: "Cancel"),
        "back": .init(id: "Kembali", en: "Back"),
        "none": .init(id: "Belum ada.", en: "None yet."),
        "error_title": .init(id: "Terjadi masalah", en: "Something went wrong"),
        "error_home": .init(id: "Kembali ke beranda", en: "Back to the home page"),
        "form_errors": .init(id: "Periksa isian yang ditandai.", en: "Check the marked fields."),
        "footer": .init(
            id: "BinaKarier · BKPSDM. Halaman ini tidak memuat skrip atau sumber dari luar.",
            en: "BinaKarier · BKPSDM. This page loads no script and nothing from elsewhere."),
        "service_down": .init(
            id: "Layanan sedang tidak tersedia. Bagian lain tetap dapat dipakai; coba lagi sebentar lagi.",
            en: "This service is unavailable for now. Other parts still work; try again shortly."),
    ]

    static let login: [String: LocalizedText] = [
        "login_title": .init(id: "Masuk ke BinaKarier", en: "Log in to BinaKarier"),
        "login_username": .init(id: "NIP atau nama pengguna", en: "NIP or username"),
        "login_username_hint": .init(id: "ASN masuk dengan NIP 18 angka.", en: "Civil servants log in with their 18-digit NIP."),
        "login_password": .init(id: "Kata sandi", en: "Password"),
        "login_submit": .init(id: "Masuk", en: "Log in"),
        "login_failed": .init(id: "NIP/nama pengguna atau kata sandi salah.", en: "Wrong NIP/username or password."),
        "login_required": .init(id: "Isi NIP/nama pengguna dan kata sandi.", en: "Enter your NIP/username and password."),
        "logged_out": .init(id: "Anda telah keluar.", en: "You have logged out."),
    ]

    static let home: [String: LocalizedText] = [
        "home_title": .init(id: "Beranda", en: "Home"),
        "home_greeting": .init(id: "Selamat datang", en: "Welcome"),
        "home_asn_heading": .init(id: "Pengembangan kompetensi saya", en: "My competence development"),
        "home_jp_heading": .init(id: "JP tahun ini", en: "JP this year"),
        "home_jp_link": .init(id: "Lihat catatan JP saya", en: "View my JP record"),
        "home_pending_heading": .init(id: "Evaluasi yang perlu diisi", en: "Evaluations to fill in"),
        "home_pending_none": .init(id: "Tidak ada evaluasi yang menunggu.", en: "No evaluation is waiting."),
        "home_until": .init(id: "Terbuka sampai", en: "Open until"),
        "home_upcoming_heading": .init(id: "Pelatihan saya yang akan datang", en: "My upcoming sessions"),
        "home_upcoming_none": .init(id: "Belum ada pelatihan yang akan Anda ikuti.", en: "You have no upcoming session."),
        "home_catalogue_link": .init(id: "Cari pelatihan di katalog", en: "Find a training in the catalogue"),
        "home_certificates_heading": .init(id: "Sertifikat saya", en: "My certificates"),
        "home_certificates_none": .init(id: "Belum ada sertifikat.", en: "No certificate yet."),
        "home_certificates_more": .init(id: "Semuanya {1} sertifikat.", en: "{1} certificates in all."),
        "home_certificates_link": .init(id: "Semua sertifikat saya", en: "All my certificates"),
        "home_team_link": .init(id: "JP tim saya", en: "My team's JP"),
        "home_head_heading": .init(id: "Instansi saya", en: "My agency"),
        "home_compliance_heading": .init(id: "Pemenuhan 20 JP", en: "Meeting 20 JP in"),
        "home_compliance_sentence": .init(id: "{1} dari {2} PNS aktif sudah mencapai {3} JP.", en: "{1} of {2} active PNS have reached {3} JP."),
        "home_average_jp": .init(id: "Rata-rata", en: "Average"),
        "home_below_target": .init(id: "Belum mencapai target", en: "Below target"),
        "home_below_heading": .init(id: "Beberapa yang belum mencapai target", en: "Some below the target"),
        "home_by_unit_note": .init(id: "Rincian per unit kerja ada di laporan instansi.", en: "The breakdown by unit is in the agency report."),
        "home_dialogues_heading": .init(id: "Dialog terbuka", en: "Open dialogues"),
        "home_dialogues_none": .init(id: "Belum ada dialog.", en: "No dialogue yet."),
        "home_dialogues_link": .init(id: "Semua dialog", en: "All dialogues"),
        "home_dialogue_closed": .init(id: "Selesai", en: "Closed"),
        "home_dialogue_scheduled": .init(id: "Dijadwalkan", en: "Scheduled"),
        "home_dialogue_aspirations": .init(id: "{1} aspirasi", en: "{1} aspirations"),
        "home_overdue_heading": .init(id: "Tindak lanjut yang terlambat", en: "Overdue action items"),
        "home_overdue_count": .init(id: "terlambat", en: "overdue"),
        "home_overdue_none": .init(id: "Tidak ada tindak lanjut yang terlambat.", en: "No action item is overdue."),
        "home_due": .init(id: "Tenggat", en: "Due"),
        "home_actions_link": .init(id: "Semua tindak lanjut", en: "All action items"),
        "home_action_open": .init(id: "Belum dikerjakan", en: "Open"),
        "home_action_in_progress": .init(id: "Sedang dikerjakan", en: "In progress"),
        "home_action_done": .init(id: "Selesai", en: "Done"),
        "home_action_dropped": .init(id: "Dihentikan", en: "Dropped"),
        "home_city_heading": .init(id: "Kota Sawahlunto", en: "City of Sawahlunto"),
        "home_running": .init(id: "Angkatan berlangsung", en: "Sessions running"),
        "home_open": .init(id: "Menerima pendaftaran", en: "Taking enrolments"),
        "home_participants": .init(id: "Peserta tahun ini", en: "Participants this year"),
        "home_completed": .init(id: "Angkatan selesai", en: "Sessions completed"),
        "home_city_compliance": .init(id: "PNS yang mencapai 20 JP", en: "PNS reaching 20 JP"),
        "home_chart_heading": .init(id: "Pemenuhan JP per instansi", en: "JP compliance by agency"),
        "home_chart_title": .init(id: "Persentase PNS yang mencapai {1} JP per instansi, {2}", en: "Share of PNS reaching {1} JP by agency, {2}"),
        "home_chart_description": .init(
            id: "Batang mendatar per instansi, diurutkan dari persentase tertinggi; angka rinci ada di tabel di bawahnya. Target {1} JP per PNS per tahun.",
            en: "One horizontal bar per agency, highest share first; the figures are in the table below. Target {1} JP per PNS a year."),
        "home_chart_series": .init(id: "PNS mencapai target", en: "PNS meeting the target"),
        "home_chart_table": .init(id: "Angka per instansi", en: "Figures by agency"),
        "home_col_agency": .init(id: "Instansi", en: "Agency"),
        "home_col_percent": .init(id: "Mencapai target", en: "Meeting the target"),
        "home_col_meeting": .init(id: "PNS (mencapai / aktif)", en: "PNS (meeting / active)"),
        "home_col_average": .init(id: "Rata-rata JP", en: "Average JP"),
        "home_manage_link": .init(id: "Kelola program", en: "Manage programs"),
        "home_reports_link": .init(id: "Laporan", en: "Reports"),
    ]

    private static let tables: (indonesian: [String: String], english: [String: String]) = {
        var indonesian: [String: String] = [:]
        var english: [String: String] = [:]
        for group in groups {
            for (key, text) in group {
                precondition(indonesian[key] == nil, "text key \(key) is defined twice")
                indonesian[key] = text.indonesian
                english[key] = text.english
            }
        }
        return (indonesian, english)
    }()

    static func table(_ language: Language) -> [String: String] {
        language == .english ? tables.english : tables.indonesian
    }

    /// One text; an unknown key reads as the key itself (`TemplateTests` checks every key templates use).
    static func text(_ key: String, _ language: Language) -> String {
        table(language)[key] ?? key
    }
}
