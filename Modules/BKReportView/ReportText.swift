import BKCharts
import BKProto
import Foundation

/// How a report's values read in every format (HTML, CSV, JSON, XLSX): cells with Indonesian number and
/// date formats, hidden cells as "<k" (never their value), missing ones as "–", the time a report was
/// made, where its data stood, and what a verdict says. One copy: reporting's exports call these too.
public enum ReportText {
    public typealias Cell = Binakarier_Reporting_V1_Cell
    public typealias Column = Binakarier_Reporting_V1_Column

    /// The cell's own kind where it has one (a summary table's rows are of many kinds), else its column's.
    public static func kind(_ cell: Cell, _ column: Column) -> Binakarier_Reporting_V1_ValueKind {
        cell.kind != .unspecified ? cell.kind : column.kind
    }

    /// Counts and rupiah have none; the others take the cell's (or column's) places.
    public static func decimals(_ cell: Cell, _ column: Column) -> Int {
        let kind = kind(cell, column)
        if kind == .count || kind == .rupiah { return 0 }
        return Int(cell.kind != .unspecified ? cell.decimals : column.decimals)
    }

    /// A cell as people read it: "1.234", "79,2 %", "Rp 1.250.000", "12/03/2026", "<5", "–".
    public static func text(_ cell: Cell, _ column: Column, k: Int32) -> String {
        switch cell.state {
        case .suppressed: return "<\(hiddenBelow(k))"
        case .missing: return "–"
        default: break
        }
        switch kind(cell, column) {
        case .text: return cell.text
        case .date: return displayDate(cell.text)
        case .percent: return IndonesianNumber.percent(cell.number, decimals: decimals(cell, column))
        case .rupiah: return "Rp " + IndonesianNumber.format(cell.number, decimals: 0)
        default: return cell.text.isEmpty ? IndonesianNumber.format(cell.number, decimals: decimals(cell, column)) : cell.text
        }
    }

    /// The size under which a group is hidden: the report's k, never less than 5.
    public static func hiddenBelow(_ k: Int32) -> Int32 { max(k, 5) }

    /// A date (YYYY-MM-DD, DD-MM-YYYY or DD/MM/YYYY) as DD/MM/YYYY; anything else as it is.
    public static func displayDate(_ text: String) -> String {
        guard let date = CivilDate(parsing: text) else { return text }
        return "\(pad(date.day, 2))/\(pad(date.month, 2))/\(date.year)"
    }

    /// A moment as "12/03/2026 14.05 WIB" (Western Indonesia, UTC+7).
    public static func stamp(_ unix: Int64) -> String {
        let date = CivilDate(wib: unix)
        let seconds = ((unix + 7 * 3600) % 86_400 + 86_400) % 86_400
        return "\(pad(date.day, 2))/\(pad(date.month, 2))/\(date.year) \(pad(Int(seconds / 3600), 2)).\(pad(Int(seconds % 3600 / 60), 2)) WIB"
    }

    /// Where the report's data stood when it was made.
    public static func positions(_ report: Binakarier_Reporting_V1_Report) -> String {
        let p = report.positions ?? .init()
        return "posisi data: programs #\(p.programsSequence), feedback #\(p.feedbackSequence), data pegawai \(p.identitySyncedUnix > 0 ? stamp(p.identitySyncedUnix) : "–"), data hasil v\(p.outcomeVersion)"
    }

    /// What a conclusion's verdict says.
    public static func verdict(_ verdict: Binakarier_Reporting_V1_Verdict) -> String {
        switch verdict {
        case .positive: "positif"
        case .negative: "perlu perbaikan"
        case .neutral: "tidak ada perubahan berarti"
        case .inconclusive: "belum dapat disimpulkan"
        default: ""
        }
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}

/// A day of the (proleptic Gregorian) calendar, as much of one as the report's texts need; Foundation
/// does the calendar arithmetic.
struct CivilDate {
    let year: Int
    let month: Int
    let day: Int

    private static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0)!
        return calendar
    }()

    /// `YYYY-MM-DD`, `DD-MM-YYYY` or `DD/MM/YYYY`, a real date.
    init?(parsing text: String) {
        let parts = text.split(whereSeparator: { $0 == "-" || $0 == "/" }).map(String.init)
        guard parts.count == 3, let a = Int(parts[0]), let b = Int(parts[1]), let c = Int(parts[2]) else { return nil }
        let (year, month, day): (Int, Int, Int)
        if parts[0].count == 4 {
            (year, month, day) = (a, b, c)
        } else if parts[2].count == 4 {
            (year, month, day) = (c, b, a)
        } else {
            return nil
        }
        guard (1...12).contains(month), day >= 1,
              let first = Self.calendar.date(from: DateComponents(year: year, month: month, day: 1)),
              let days = Self.calendar.range(of: .day, in: .month, for: first), days.contains(day)
        else { return nil }
        (self.year, self.month, self.day) = (year, month, day)
    }

    /// The date in Western Indonesia (UTC+7, no daylight saving) at `unix`.
    init(wib unix: Int64) {
        let components = Self.calendar.dateComponents([.year, .month, .day], from: Date(timeIntervalSince1970: TimeInterval(unix + 7 * 3600)))
        (year, month, day) = (components.year!, components.month!, components.day!)
    }
}
