import BKRPC
import Foundation

/// Every text of the web pages, by key, in Bahasa Indonesia and English. Templates read them as
/// `{{t.key}}`; handlers with `Strings.text(key, language)`. Each page keeps its texts in its own group
/// (an extension with a `static let` dictionary), listed once in `groups`.
enum Strings {
    static let groups: [[String: LocalizedText]] = [common, login, home, catalogue, feedback, dialogue, manage, report]

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

    /// One text; an unknown key reads as the key itself (and `StringsTests` fails on it).
    static func text(_ key: String, _ language: Language) -> String {
        table(language)[key] ?? key
    }
}
