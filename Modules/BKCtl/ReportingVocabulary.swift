import BKCharts
import ArgumentParser
import BKProto
import BKServiceKit
import Foundation
import IdentityVocabulary

typealias ReportKind = Binakarier_Reporting_V1_ReportKind
typealias ReportFormat = Binakarier_Reporting_V1_ReportFormat
typealias ReportFile = Binakarier_Reporting_V1_ReportFile
typealias ReportResponse = Binakarier_Reporting_V1_ReportResponse
typealias ReportTable = Binakarier_Reporting_V1_Table
typealias ReportColumn = Binakarier_Reporting_V1_Column
typealias ReportCell = Binakarier_Reporting_V1_Cell
typealias ValueKind = Binakarier_Reporting_V1_ValueKind
typealias Verdict = Binakarier_Reporting_V1_Verdict
typealias DataPositions = Binakarier_Reporting_V1_DataPositions
typealias DataStatus = Binakarier_Reporting_V1_DataStatus
typealias PublishedReport = Binakarier_Reporting_V1_PublishedReport
typealias OutcomeKind = Binakarier_Reporting_V1_OutcomeKind
typealias IpAsnScore = Binakarier_Reporting_V1_IpAsnScore
typealias IpAsnSummary = Binakarier_Reporting_V1_IpAsnSummary
typealias IpAsnComponent = Binakarier_Reporting_V1_IpAsnComponent

/// How a person may type the reporting service's values, and how we show its answers: Indonesian
/// number formats (dot thousands, decimal comma), hidden and missing cells. Only parsing and display:
/// what is hidden, and every figure, is the service's.
enum ReportingVocabulary {
    /// The k a group report hides counts under when the answer does not say (the service's default).
    static let defaultK: Int32 = 5

    // MARK: checks of what is typed

    static func checkYear(_ year: Int32?) throws {
        guard let year, !(2000...2100).contains(year) else { return }
        throw ValidationError(L("--year \(year) di luar 2000–2100", en: "--year \(year) is outside 2000–2100"))
    }

    static func checkQuarter(_ quarter: Int32?) throws {
        guard let quarter, !(1...4).contains(quarter) else { return }
        throw ValidationError(L("--quarter \(quarter) harus 1, 2, 3 atau 4", en: "--quarter \(quarter) must be 1, 2, 3 or 4"))
    }

    static func checkNIP(_ nip: String) throws {
        guard !ProgramsVocabulary.isNIP(nip) else { return }
        throw ValidationError(L("NIP '\(nip)' harus 18 angka", en: "NIP '\(nip)' must be 18 digits"))
    }

    /// A program or agency code: anything but blank (whether it exists is the service's to say).
    static func checkCode(_ code: String, _ what: String) throws {
        guard code.trimmingCharacters(in: .whitespaces).isEmpty else { return }
        throw ValidationError(L("\(what) tidak boleh kosong", en: "\(what) must not be empty"))
    }

    // MARK: report kinds

    static func reportKind(_ text: String) -> ReportKind? {
        switch Vocabulary.normalized(text) {
        case "program": .program
        case "agency", "opd", "instansi", "perangkatdaerah": .agency
        case "city", "kota", "pemda": .city
        case "person", "orang", "pegawai", "asn", "perorangan": .person
        default: nil
        }
    }

    static func requireReportKind(_ text: String) throws -> ReportKind {
        guard let kind = reportKind(text) else {
            throw ValidationError(L(
                "jenis laporan '\(text)' tidak dikenal (program, agency, city atau person)",
                en: "unknown report kind '\(text)' (program, agency, city or person)"))
        }
        return kind
    }

    /// What the scope of a report of `kind` must be: a program or agency code, a NIP, none for the city.
    static func checkScope(_ scope: String?, for kind: ReportKind) throws {
        switch kind {
        case .city:
            if scope != nil {
                throw ValidationError(L("laporan kota tidak memakai cakupan", en: "a city report takes no scope"))
            }
        case .person:
            guard let scope else { throw ValidationError(L("sebutkan NIP orangnya", en: "give the person's NIP")) }
            try checkNIP(scope)
        case .program, .agency:
            let what = kind == .program ? L("kode program", en: "the program code") : L("kode OPD", en: "the agency code")
            try checkCode(scope ?? "", what)
        case .unspecified:
            break
        }
    }

    static func display(_ kind: ReportKind) -> String {
        switch kind {
        case .unspecified: ""
        case .program: L("program", en: "program")
        case .agency: L("OPD", en: "agency")
        case .city: L("kota", en: "city")
        case .person: L("perorangan", en: "person")
        }
    }

    /// "2026" or "2026 triwulan 2".
    static func period(year: Int32, quarter: Int32) -> String {
        quarter == 0 ? String(year) : L("\(year) triwulan \(quarter)", en: "\(year) Q\(quarter)")
    }

    static func display(_ verdict: Verdict) -> String {
        switch verdict {
        case .unspecified: ""
        case .positive: L("positif", en: "positive")
        case .negative: L("negatif", en: "negative")
        case .neutral: L("tidak ada pengaruh terukur", en: "no measurable effect")
        case .inconclusive: L("belum dapat disimpulkan", en: "inconclusive")
        }
    }

    // MARK: outcome data

    static func outcomeKind(_ text: String) -> OutcomeKind? {
        switch Vocabulary.normalized(text) {
        case "skp", "kinerja", "performance": .skp
        case "discipline", "disiplin", "hukumandisiplin", "sanksi": .discipline
        case "ikm", "skm": .ikm
        default: nil
        }
    }

    static func requireOutcomeKind(_ text: String) throws -> OutcomeKind {
        guard let kind = outcomeKind(text) else {
            throw ValidationError(L(
                "jenis data hasil '\(text)' tidak dikenal (skp, discipline atau ikm)",
                en: "unknown kind of outcome data '\(text)' (skp, discipline or ikm)"))
        }
        return kind
    }

    // MARK: numbers (Indonesian formats, the one place they are written)

    /// "1.250.000,5": dot thousands and a decimal comma (BKCharts writes every number of the project).
    static func number(_ value: Double, decimals: Int = 0) -> String {
        value.isFinite ? IndonesianNumber.format(value, decimals: min(max(decimals, 0), 6)) : "–"
    }

    /// "79,2 %" (the value is already 0 to 100).
    static func percent(_ value: Double, decimals: Int = 1) -> String {
        number(value, decimals: decimals) + " %"
    }

    /// "Rp 1.250.000".
    static func rupiah(_ value: Double, decimals: Int = 0) -> String {
        let amount = number(value, decimals: decimals)
        return amount.hasPrefix("-") ? "-Rp " + String(amount.dropFirst()) : "Rp " + amount
    }

    /// Points as few decimals as they need: "25", "12,5", "7,25".
    static func points(_ value: Double) -> String {
        var text = number(value, decimals: 2)
        guard text.contains(",") else { return text }
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(",") { text.removeLast() }
        return text
    }

    // MARK: dates

    /// A date as id_ID writes it, "12/03/2026" for "2026-03-12" (as the service's exports do); a text
    /// that is not a date is shown as it is.
    static func date(_ text: String) -> String {
        guard let date = CalendarDate(parsing: text) else { return text }
        return "\(CalendarDate.pad(date.day, 2))/\(CalendarDate.pad(date.month, 2))/\(date.year)"
    }

    // MARK: report tables

    /// A cell as its kind reads (its own where it has one, otherwise its column's): "<5" when hidden (k of
    /// the report), "–" when there is no data.
    static func cell(_ cell: ReportCell, _ column: ReportColumn?, k: Int32) -> String {
        switch cell.state {
        case .suppressed: return "<\(k > 0 ? k : defaultK)"
        case .missing: return "–"
        case .unspecified, .value: break
        }
        let ownKind = cell.kind != .unspecified
        let kind: ValueKind = ownKind ? cell.kind : (column?.kind ?? .unspecified)
        let decimals = Int(ownKind ? cell.decimals : (column?.decimals ?? 0))
        if kind == .date { return date(cell.text) }
        // A text in a column of numbers (a summary's worded value) is shown as written.
        if !cell.text.isEmpty { return cell.text }
        switch kind {
        case .count: return number(cell.number, decimals: 0)
        case .number, .unspecified: return number(cell.number, decimals: decimals)
        case .percent: return percent(cell.number, decimals: decimals)
        case .rupiah: return rupiah(cell.number, decimals: decimals)
        case .text, .date: return ""
        }
    }

    static func isNumeric(_ kind: ValueKind) -> Bool {
        kind == .count || kind == .number || kind == .percent || kind == .rupiah
    }

    /// The cells of `columns` padded on the left so that `table` lines their numbers up on the right.
    static func rightAligned(_ rows: [[String]], header: [String], columns: [Int]) -> [[String]] {
        var aligned = rows
        for column in columns where column < header.count {
            let widest = max(header[column].count, rows.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0)
            for index in aligned.indices where column < aligned[index].count {
                let text = aligned[index][column]
                aligned[index][column] = String(repeating: " ", count: widest - text.count) + text
            }
        }
        return aligned
    }

    /// One report table in aligned columns, with a rule above its total rows and its note below.
    static func render(_ source: ReportTable, k: Int32) -> String {
        let header = source.columns.map(\.title)
        guard !header.isEmpty else { return source.title }
        let rows: [[String]] = source.rows.map { (row: Binakarier_Reporting_V1_Row) -> [String] in
            source.columns.indices.map { (index: Int) -> String in
                guard index < row.cells.count else { return "" }
                // A cell is one line of the grid.
                return cell(row.cells[index], source.columns[index], k: k).replacingOccurrences(of: "\n", with: " ")
            }
        }
        let numeric = source.columns.indices.filter { isNumeric(source.columns[$0].kind) }
        var lines = table(header, rightAligned(rows, header: header, columns: numeric)).components(separatedBy: "\n")
        let rule = String(repeating: "-", count: lines.map(\.count).max() ?? 0)
        // Line 0 is the header, so row i is line i + 1; inserting from the bottom keeps that true.
        for index in source.rows.indices.reversed() where source.rows[index].total && (index == 0 || !source.rows[index - 1].total) {
            lines.insert(rule, at: index + 1)
        }
        if !source.title.isEmpty { lines.insert(source.title, at: 0) }
        if !source.note.isEmpty { lines.append(source.note) }
        return lines.joined(separator: "\n")
    }

    // MARK: where the data stood

    /// "1.234 dari 1.240 (tertinggal 6)": a feed position against the newest the source has.
    static func feedPosition(_ applied: Int64, newest: Int64) -> String {
        if newest == 0 { return L("\(applied) (sumber tidak dapat ditanya)", en: "\(applied) (the source could not be asked)") }
        if applied >= newest { return L("\(applied) (terkini)", en: "\(applied) (up to date)") }
        return L("\(applied) dari \(newest) (tertinggal \(newest - applied))", en: "\(applied) of \(newest) (\(newest - applied) behind)")
    }

    static func timeOrNever(_ unix: Int64) -> String {
        unix == 0 ? L("belum pernah", en: "never") : formatUnix(unix)
    }

    /// The data positions a report was computed from, as labelled values; with the sources' newest
    /// sequences (the replica's status), how far behind each feed is.
    static func positions(_ positions: DataPositions?, programsNewest: Int64? = nil, feedbackNewest: Int64? = nil) -> [(String, String)] {
        let at = positions ?? DataPositions()
        let programs: String = programsNewest.map { feedPosition(at.programsSequence, newest: $0) } ?? String(at.programsSequence)
        let feedback: String = feedbackNewest.map { feedPosition(at.feedbackSequence, newest: $0) } ?? String(at.feedbackSequence)
        return [
            (L("Umpan programs", en: "Programs feed"), programs),
            (L("Umpan feedback", en: "Feedback feed"), feedback),
            (L("Data pegawai per", en: "Employees as of"), timeOrNever(at.identitySyncedUnix)),
            (L("Versi data hasil", en: "Outcome data version"), String(at.outcomeVersion)),
        ]
    }

    // MARK: run-time failures

    /// A failure after the arguments were accepted: the message on standard error, exit code 1.
    static func failure(_ message: String) -> ExitCode {
        FileHandle.standardError.write(Data((L("galat", en: "error") + ": " + TextRules.printable(message) + "\n").utf8))
        return ExitCode.failure
    }
}

// MARK: list responses of the reporting service

extension Binakarier_Reporting_V1_ListPublishedReportsResponse: PagedResponse {
    var items: [PublishedReport] {
        get { reports }
        set { reports = newValue }
    }
}
