import BKProto
import BKRPC
import BKServiceKit
import Foundation

/// The export files in SIASN's shape, written a page at a time: the pages' parts put together are the
/// file (the first part starts it, the last ends it), so no caller has to know the format.
public enum SiasnFiles {
    /// SIASN's fields (riwayat kursus, as kursus/save takes them), then BinaKarier's, named in SIASN's manner.
    public static let siasnColumns = [
        "nipBaru", "pnsOrangId", "namaKursus", "jenisDiklatId", "jenisKursus", "jenisKursusSertipikat", "jumlahJam", "nomorSertipikat",
        "institusiPenyelenggara", "tanggalKursus", "tanggalSelesaiKursus", "tahunKursus", "instansiId", "lokasiId",
    ]
    public static let ownColumns = ["namaPegawai", "kodePerangkatDaerah", "sumber", "idSumber", "tautanSertifikat", "tautanVerifikasi", "bukti"]

    static func source(_ source: Binakarier_Programs_V1_SiasnSource) -> String {
        switch source {
        case .session: "sesi"
        case .outside: "luar"
        case .siasn: "siasn"
        default: ""
        }
    }

    static func texts(_ course: SiasnCourse) -> [String: String] {
        [
            "nipBaru": course.nipBaru, "pnsOrangId": course.pnsOrangId, "namaKursus": course.namaKursus, "jenisDiklatId": course.jenisDiklatId,
            "jenisKursus": course.jenisKursus, "jenisKursusSertipikat": course.jenisKursusSertipikat, "jumlahJam": String(course.jumlahJam),
            "nomorSertipikat": course.nomorSertipikat, "institusiPenyelenggara": course.institusiPenyelenggara, "tanggalKursus": course.tanggalKursus,
            "tanggalSelesaiKursus": course.tanggalSelesaiKursus, "tahunKursus": String(course.tahunKursus), "instansiId": course.instansiId,
            "lokasiId": course.lokasiId, "namaPegawai": course.holderName, "kodePerangkatDaerah": course.agencyCode, "sumber": source(course.source),
            "idSumber": course.sourceId, "tautanSertifikat": course.certificateUrl, "tautanVerifikasi": course.verificationUrl, "bukti": course.evidence,
        ]
    }

    /// Semicolon separated (what Excel in Indonesian locales reads), UTF-8 with a byte order mark, CRLF.
    public static func csv(_ courses: [SiasnCourse], first: Bool) -> [UInt8] {
        let columns = siasnColumns + ownColumns
        var lines: [String] = []
        if first { lines.append(columns.joined(separator: ";")) }
        for course in courses {
            let values = texts(course)
            lines.append(columns.map { column in
                let value = values[column] ?? ""
                return field(column == "jumlahJam" || column == "tahunKursus" ? value : neutralised(value))
            }.joined(separator: ";"))
        }
        let body = lines.isEmpty ? "" : lines.joined(separator: "\r\n") + "\r\n"
        return (first ? [0xEF, 0xBB, 0xBF] : []) + Array(body.utf8)
    }

    /// A leading apostrophe on text a spreadsheet would run (= + - @, a tab or a carriage return).
    static func neutralised(_ value: String) -> String {
        guard let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return value }
        return "'" + value
    }

    static func field(_ value: String) -> String {
        guard value.contains(where: { $0 == ";" || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// One record as SIASN's kursus/save takes it (id null, path empty: documents are uploaded to SIASN
    /// apart), with BinaKarier's fields after.
    public static func jsonObject(_ course: SiasnCourse) -> [String: Any] {
        var object: [String: Any] = texts(course)
        object["jumlahJam"] = Int(course.jumlahJam)
        object["tahunKursus"] = Int(course.tahunKursus)
        object["id"] = course.id.isEmpty ? NSNull() : course.id
        object["path"] = [Any]()
        return object
    }

    /// An array, one record per line.
    public static func json(_ courses: [SiasnCourse], first: Bool, last: Bool) -> [UInt8] {
        var text = first ? "[" : ""
        for (index, course) in courses.enumerated() {
            let data = (try? JSONSerialization.data(withJSONObject: jsonObject(course), options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
            text += (first && index == 0 ? "\n" : ",\n") + String(decoding: data, as: UTF8.self)
        }
        if last { text += "\n]\n" }
        return Array(text.utf8)
    }
}

/// An agency's SIASN export as SIASN gives it: JSON (riwayat kursus or diklat records, an array or
/// {"data": [...]}) or CSV (SIASN's field names or their labels as the header). Every bad row is
/// reported with its line.
public enum SiasnImportFile {
    public struct Row: Sendable {
        public var line: Int
        public var course: SiasnCourse
    }

    public typealias Parsed = (format: Binakarier_Programs_V1_SiasnFileFormat, rows: [Row], errors: [(line: Int, reason: LocalizedText)])

    /// More rows than any agency's history; a bound on what one call may cost.
    public static let maximumRows = 100_000

    /// The columns by header key (CSVReader.headerKey), SIASN's names first.
    static let columns: [String: [String]] = [
        "nip": ["nipbaru", "nip", "nippns"],
        "pnsOrangId": ["pnsorangid", "idpns", "pnsid", "orangid"],
        "id": ["id", "rwkursusid", "idriwayat", "idriwayatkursus"],
        "name": ["namakursus", "latihanstrukturalnama", "namadiklat", "namapelatihan", "namakegiatan", "kursus", "diklat"],
        "jenisDiklatId": ["jenisdiklatid", "idjenisdiklat"],
        "jenisKursus": ["jeniskursus", "jeniskursusnama", "jenisdiklat"],
        "jenisKursusSertipikat": ["jeniskursussertipikat", "jeniskursussertifikat"],
        "hours": ["jumlahjam", "jam", "jp", "jumlahjp", "durasijam", "lamajam"],
        "number": ["nomorsertipikat", "nosertipikat", "nomorsertifikat", "nosertifikat", "nomor", "nosttpp", "nomorsttpp"],
        "institution": ["institusipenyelenggara", "penyelenggara", "instansipenyelenggara"],
        "start": ["tanggalkursus", "tanggal", "tanggalmulai", "tglmulai", "tanggalmulaikursus"],
        "end": ["tanggalselesaikursus", "tanggalselesai", "tglselesai"],
        "year": ["tahunkursus", "tahun", "tahundiklat"],
        "instansiId": ["instansiid"],
        "lokasiId": ["lokasiid"],
    ]

    public static func detect(_ bytes: [UInt8]) -> Binakarier_Programs_V1_SiasnFileFormat {
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        let first = bytes[start...].first { !($0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D) }
        return first == UInt8(ascii: "[") || first == UInt8(ascii: "{") ? .json : .csv
    }

    public static func parse(
        _ bytes: [UInt8], format: Binakarier_Programs_V1_SiasnFileFormat = .unspecified, deadline: ContinuousClock.Instant?
    ) throws(ProgramsError) -> Parsed {
        let format = format == .unspecified ? detect(bytes) : format
        let records: [(line: Int, values: [String: String])]
        switch format {
        case .json: records = try jsonRecords(bytes)
        default: records = try csvRecords(bytes, deadline: deadline)
        }
        guard records.count <= maximumRows else {
            throw .invalid(field: "content", reason: .init(
                id: "lebih dari \(maximumRows) baris; bagi berkasnya", en: "more than \(maximumRows) rows; split the file"))
        }
        var rows: [Row] = []
        var errors: [(line: Int, reason: LocalizedText)] = []
        for record in records {
            do throws(ProgramsError) {
                rows.append(Row(line: record.line, course: try course(record.values, line: record.line)))
            } catch {
                errors.append((record.line, ImportTable.reason(error)))
            }
        }
        return (format, rows, errors)
    }

    static func csvRecords(_ bytes: [UInt8], deadline: ContinuousClock.Instant?) throws(ProgramsError) -> [(line: Int, values: [String: String])] {
        let table = try ImportTable(bytes, deadline: deadline, columns: columns, required: ["nip", "name"])
        return table.rows.compactMap { record in
            guard record.fields.contains(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) else { return nil }
            var values: [String: String] = [:]
            for column in table.columns.keys { values[column] = table.value(column, record) }
            values["kind"] = "kursus"
            return (record.line, values)
        }
    }

    /// The records of a JSON export, each with the line on which it starts.
    static func jsonRecords(_ bytes: [UInt8]) throws(ProgramsError) -> [(line: Int, values: [String: String])] {
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
        let parsed: Any
        do {
            parsed = try JSONSerialization.jsonObject(with: Data(body), options: [])
        } catch {
            throw .invalid(field: "content", reason: .init(id: "bukan JSON yang sah", en: "not valid JSON"))
        }
        let list: [Any], depth: Int
        if let array = parsed as? [Any] {
            (list, depth) = (array, 1)
        } else if let object = parsed as? [String: Any], let array = object["data"] as? [Any] {
            (list, depth) = (array, 2)
        } else {
            throw .invalid(field: "content", reason: .init(
                id: "JSON harus berupa daftar riwayat, atau objek dengan daftar di \"data\"", en: "JSON must be a list of records, or an object with the list in \"data\""))
        }
        let lines = objectLines(body, depth: depth)
        var records: [(line: Int, values: [String: String])] = []
        for (index, item) in list.enumerated() {
            let line = index < lines.count ? lines[index] : 0
            guard let object = item as? [String: Any] else {
                records.append((line, ["_notObject": "1"]))
                continue
            }
            var values: [String: String] = [:]
            var keys: [String: String] = [:]
            for (key, value) in object { keys[CSVReader.headerKey(key)] = text(value) }
            for (column, aliases) in columns {
                if let alias = aliases.first(where: { keys[$0] != nil }) { values[column] = keys[alias] }
            }
            values["kind"] = keys["latihanstrukturalnama"] != nil && keys["namakursus"] == nil ? "diklat" : "kursus"
            records.append((line, values))
        }
        return records
    }

    static func text(_ value: Any) -> String {
        switch value {
        case let string as String: return string.trimmingCharacters(in: .whitespaces)
        case let number as NSNumber: return number.stringValue
        default: return ""
        }
    }

    /// The line on which each object of the records' array begins: objects opened `depth` containers deep
    /// inside an array, in the order they appear (objects nested in a record are deeper).
    static func objectLines(_ bytes: [UInt8], depth target: Int) -> [Int] {
        var lines: [Int] = []
        var line = 1, inString = false, escaped = false
        var stack: [UInt8] = []
        for byte in bytes {
            if inString {
                if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inString = false }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                if byte == UInt8(ascii: "{"), stack.count == target, stack.last == UInt8(ascii: "[") { lines.append(line) }
                stack.append(byte)
            case UInt8(ascii: "}"), UInt8(ascii: "]"): if !stack.isEmpty { stack.removeLast() }
            case UInt8(ascii: "\n"): line += 1
            default: break
            }
        }
        return lines
    }

    /// One row as a record of what SIASN holds, its fields checked.
    static func course(_ values: [String: String], line: Int) throws(ProgramsError) -> SiasnCourse {
        guard values["_notObject"] == nil else {
            throw .invalid(field: "data", reason: .init(id: "bukan objek riwayat", en: "not a record object"))
        }
        func value(_ column: String) -> String { (values[column] ?? "").trimmingCharacters(in: .whitespaces) }
        var course = SiasnCourse()
        course.source = .siasn
        course.sourceId = String(line)
        course.siasnKind = values["kind"] ?? "kursus"
        course.nipBaru = try Validation.nip(value("nip"), field: "nipBaru")
        course.namaKursus = try Validation.required(value("name"), field: "namaKursus", maxBytes: TextRules.name)
        course.id = try Validation.optionalText(value("id"), field: "id", maxBytes: TextRules.shortText)
        course.pnsOrangId = try Validation.optionalText(value("pnsOrangId"), field: "pnsOrangId", maxBytes: TextRules.shortText)
        course.jenisDiklatId = try Validation.optionalText(value("jenisDiklatId"), field: "jenisDiklatId", maxBytes: TextRules.shortText)
        course.jenisKursus = try Validation.optionalText(value("jenisKursus"), field: "jenisKursus", maxBytes: TextRules.shortText)
        course.jenisKursusSertipikat = try Validation.optionalText(value("jenisKursusSertipikat"), field: "jenisKursusSertipikat", maxBytes: TextRules.shortText)
        course.nomorSertipikat = try Validation.optionalText(value("number"), field: "nomorSertipikat", maxBytes: TextRules.shortText)
        course.institusiPenyelenggara = try Validation.optionalText(value("institution"), field: "institusiPenyelenggara", maxBytes: TextRules.name)
        course.instansiId = try Validation.optionalText(value("instansiId"), field: "instansiId", maxBytes: TextRules.shortText)
        course.lokasiId = try Validation.optionalText(value("lokasiId"), field: "lokasiId", maxBytes: TextRules.shortText)
        let hours = value("hours")
        if !hours.isEmpty {
            // SIASN writes whole hours; a spreadsheet may have made "24.0" of them.
            guard let number = Double(hours.replacingOccurrences(of: ",", with: ".")), number.rounded() == number, (0...10_000).contains(number) else {
                throw .invalid(field: "jumlahJam", reason: .init(id: "'\(hours)' bukan bilangan bulat 0 sampai 10.000", en: "'\(hours)' is not a whole number from 0 to 10,000"))
            }
            course.jumlahJam = Int32(number)
        }
        var dates: [String] = []
        for (column, field) in [("start", "tanggalKursus"), ("end", "tanggalSelesaiKursus")] {
            let text = value(column)
            guard !text.isEmpty else { dates.append(""); continue }
            guard let iso = SiasnVocabulary.isoDate(text) else {
                throw .invalid(field: field, reason: .init(id: "tanggal '\(text)' tidak sah (HH-BB-TTTT)", en: "date '\(text)' is not valid (DD-MM-YYYY)"))
            }
            dates.append(iso)
        }
        if !dates[0].isEmpty, !dates[1].isEmpty, dates[1] < dates[0] {
            throw .invalid(field: "tanggalSelesaiKursus", reason: .init(id: "sebelum tanggal mulai", en: "is before the start date"))
        }
        course.tanggalKursus = SiasnVocabulary.siasnDate(dates[0])
        course.tanggalSelesaiKursus = SiasnVocabulary.siasnDate(dates[1])
        let yearText = value("year")
        if !yearText.isEmpty {
            guard let year = Int32(yearText), (1900...2100).contains(year) else {
                throw .invalid(field: "tahunKursus", reason: .init(id: "'\(yearText)' bukan tahun", en: "'\(yearText)' is not a year"))
            }
            course.tahunKursus = year
        } else if let year = (dates[1].isEmpty ? dates[0] : dates[1]).split(separator: "-").first.flatMap({ Int32($0) }) {
            course.tahunKursus = year
        } else {
            throw .invalid(field: "tahunKursus", reason: .init(id: "wajib diisi (atau tanggal kursus)", en: "is required (or the course's dates)"))
        }
        return course
    }
}
