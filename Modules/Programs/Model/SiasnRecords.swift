import BKProto
import BKServiceKit
import Foundation

public typealias SiasnCourse = Binakarier_Programs_V1_SiasnCourse

/// SIASN's riwayat kursus vocabulary: the kinds of training, its dates, and the keys records are
/// matched on. Where the field names and codes come from (and what is unsure) is written at the top of
/// proto/binakarier/programs/v1/siasn.proto.
public enum SiasnVocabulary {
    /// SIASN's jenisDiklatId for a program kind. A pelatihan is Diklat Teknis unless its competencies are
    /// all manajerial (Pelatihan Manajerial) or all sosial-kultural (Pelatihan Sosial Kultural). SIASN's
    /// reference has no e-learning, coaching or mentoring: they go as Diklat Teknis (unsure; BKPSDM can
    /// change the code in SIASN's form on upload).
    public static func jenisDiklatId(
        _ kind: Binakarier_Programs_V1_ProgramKind, competencyTypes: Set<Binakarier_Programs_V1_CompetencyType> = []
    ) -> String {
        switch kind {
        case .seminar: "9"
        case .lokakarya: "4"
        case .bimtek: "8"
        case .magang: "10"
        case .pelatihan:
            competencyTypes == [.manajerial] ? "5" : competencyTypes == [.sosialKultural] ? "6" : "3"
        default: "3"
        }
    }

    /// jenisKursusSertipikat as SIASN's jenis diklat reference pairs it with jenisDiklatId.
    public static func jenisKursusSertipikat(_ jenisDiklatId: String) -> String {
        switch jenisDiklatId {
        case "2": "F"
        case "3": "T"
        case "4", "7", "8", "9", "10": "P"
        default: ""
        }
    }

    /// The names of SIASN's jenis diklat codes, for pages and the command line.
    public static let jenisDiklatNames: [String: String] = [
        "1": "Diklat Struktural", "2": "Diklat Fungsional", "3": "Diklat Teknis", "4": "Workshop", "5": "Pelatihan Manajerial",
        "6": "Pelatihan Sosial Kultural", "7": "Sosialisasi", "8": "Bimbingan Teknis", "9": "Seminar", "10": "Magang",
    ]

    /// "2026-03-30" → "30-03-2026" (SIASN's form); anything else as given.
    public static func siasnDate(_ ymd: String) -> String {
        let parts = ymd.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4 else { return ymd }
        return "\(parts[2])-\(parts[1])-\(parts[0])"
    }

    /// "30-03-2026" (or 2026-03-30, 30/03/2026) → "2026-03-30"; nil when it is no date.
    public static func isoDate(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        // SIASN sometimes sends a time after the date ("30-03-2026 00:00:00").
        let day = trimmed.split(separator: " ").first.map(String.init) ?? ""
        guard let date = CalendarDate(parsing: day), (1900...2100).contains(date.year) else { return nil }
        return date.description
    }

    /// A certificate number as compared: capitals, no spaces.
    public static func numberKey(_ number: String) -> String {
        String(number.uppercased().unicodeScalars.filter { !CharacterSet.whitespacesAndNewlines.contains($0) })
    }

    /// Words that name the same kind of course, and the batch and year that SIASN entries often add.
    static let synonyms: [String: String] = ["diklat": "pelatihan", "training": "pelatihan", "workshop": "lokakarya", "webinar": "seminar"]
    static let batchWords: Set<String> = ["angkatan", "angk", "batch", "gelombang", "kelas", "ke"]

    /// A course name as compared: lower case without accents or punctuation, "bimbingan teknis" as
    /// "bimtek", "diklat" as "pelatihan", and without a trailing batch ("Angkatan II", "Angkatan 3") or
    /// year ("Tahun 2026", "2026").
    public static func courseKey(_ name: String) -> String {
        let folded = name.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: Locale(identifier: "id_ID")).lowercased()
        var words = folded.split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init)
        var joined = words.joined(separator: " ").replacingOccurrences(of: "bimbingan teknis", with: "bimtek")
        words = joined.split(separator: " ").map { synonyms[String($0)] ?? String($0) }
        var changed = true
        while changed, words.count > 1 {
            changed = false
            let last = words[words.count - 1]
            let isYear = last.count == 4 && Int(last).map { (1900...2100).contains($0) } == true
            if words.count >= 2, batchWords.contains(words[words.count - 2]), last.count <= 5 {
                words.removeLast(2)
                changed = true
            } else if isYear {
                words.removeLast()
                if words.last == "tahun" { words.removeLast() }
                changed = true
            }
        }
        joined = words.joined(separator: " ")
        return joined
    }

    /// The web application's printable page of a certificate: `/sertifikat/` and the number with `/`
    /// as `~` (the gateway's CatalogueFormat.certificateKey does the same).
    public static func certificatePath(_ number: String) -> String {
        let allowed = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._")
        return "/sertifikat/" + (number.addingPercentEncoding(withAllowedCharacters: allowed) ?? "").replacingOccurrences(of: "%2F", with: "~")
    }

    /// The public check of a certificate: `/verifikasi/<code>?nomor=<number>` (the gateway's verificationPath).
    public static func verificationPath(code: String, number: String) -> String {
        let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
        return "/verifikasi/" + (code.addingPercentEncoding(withAllowedCharacters: unreserved) ?? "")
            + "?nomor=" + (number.addingPercentEncoding(withAllowedCharacters: unreserved.union(CharacterSet(charactersIn: "/:"))) ?? "")
    }

    /// `base` (scheme and host, no trailing slash) when it is an http(s) address, otherwise nil.
    public static func baseURL(_ text: String) -> String? {
        var base = text.trimmingCharacters(in: .whitespaces)
        while base.hasSuffix("/") { base.removeLast() }
        guard base.count <= 200, base.hasPrefix("http://") || base.hasPrefix("https://"),
            let url = URL(string: base), url.host != nil, url.query == nil, url.fragment == nil,
            !base.unicodeScalars.contains(where: { $0.value <= 0x20 || $0 == "\"" || $0 == "<" || $0 == ">" || $0 == "\\" })
        else { return nil }
        return base
    }
}

/// Matching the records here with SIASN's: certificate number first, then NIP + normalised course name
/// + year. Each record is matched at most once.
public enum SiasnMatching {
    public struct Match: Sendable {
        public var here: Int
        public var siasn: Int
        public var rule: Binakarier_Programs_V1_SiasnMatchRule
        public var differences: [String]
    }

    public struct Outcome: Sendable {
        public var matches: [Match] = []
        /// Indices of records here that SIASN lacks, and of SIASN's that are missing here.
        public var toUpload: [Int] = []
        public var toCheck: [Int] = []
    }

    static func nameKey(_ course: SiasnCourse) -> String {
        "\(course.nipBaru)|\(SiasnVocabulary.courseKey(course.namaKursus))|\(course.tahunKursus)"
    }

    public static func reconcile(here: [SiasnCourse], siasn: [SiasnCourse]) -> Outcome {
        var byNumber: [String: [Int]] = [:]
        for (index, course) in siasn.enumerated() {
            let key = SiasnVocabulary.numberKey(course.nomorSertipikat)
            if !key.isEmpty, key != "-" { byNumber[key, default: []].append(index) }
        }
        var taken = [Bool](repeating: false, count: siasn.count)
        var matchedHere = [Bool](repeating: false, count: here.count)
        var outcome = Outcome()
        for (index, course) in here.enumerated() {
            let key = SiasnVocabulary.numberKey(course.nomorSertipikat)
            guard !key.isEmpty, let candidates = byNumber[key], let found = candidates.first(where: { !taken[$0] }) else { continue }
            taken[found] = true
            matchedHere[index] = true
            outcome.matches.append(.init(here: index, siasn: found, rule: .certificateNumber, differences: differences(course, siasn[found])))
        }
        var byName: [String: [Int]] = [:]
        for (index, course) in siasn.enumerated() where !taken[index] { byName[nameKey(course), default: []].append(index) }
        for (index, course) in here.enumerated() where !matchedHere[index] {
            guard let candidates = byName[nameKey(course)], let found = candidates.first(where: { !taken[$0] }) else {
                outcome.toUpload.append(index)
                continue
            }
            taken[found] = true
            matchedHere[index] = true
            outcome.matches.append(.init(here: index, siasn: found, rule: .nipNameYear, differences: differences(course, siasn[found])))
        }
        outcome.toCheck = siasn.indices.filter { !taken[$0] }
        return outcome
    }

    /// What differs between a record here and its SIASN match, SIASN's field names first.
    public static func differences(_ here: SiasnCourse, _ siasn: SiasnCourse) -> [String] {
        var found: [String] = []
        if here.nipBaru != siasn.nipBaru { found.append("nipBaru \(here.nipBaru) ≠ \(siasn.nipBaru)") }
        if here.jumlahJam != siasn.jumlahJam { found.append("jumlahJam \(here.jumlahJam) ≠ \(siasn.jumlahJam)") }
        if here.tahunKursus != siasn.tahunKursus { found.append("tahunKursus \(here.tahunKursus) ≠ \(siasn.tahunKursus)") }
        let ours = SiasnVocabulary.numberKey(here.nomorSertipikat), theirs = SiasnVocabulary.numberKey(siasn.nomorSertipikat)
        if !ours.isEmpty, ours != theirs { found.append("nomorSertipikat \(here.nomorSertipikat) ≠ \(siasn.nomorSertipikat.isEmpty ? "(kosong)" : siasn.nomorSertipikat)") }
        if !siasn.tanggalSelesaiKursus.isEmpty, SiasnVocabulary.isoDate(here.tanggalSelesaiKursus) != SiasnVocabulary.isoDate(siasn.tanggalSelesaiKursus) {
            found.append("tanggalSelesaiKursus \(here.tanggalSelesaiKursus) ≠ \(siasn.tanggalSelesaiKursus)")
        }
        return found
    }
}
