import Foundation

/// One worksheet, built as data and written by `Spreadsheet.xlsx`.
///
/// Layout: an optional bold `title` on row 1, then the bold header row with the column titles (row 2
/// with a title, row 1 without), then `rows`. The panes are frozen under the header, so the header
/// (and the title) stay visible while scrolling. With `autofilter`, Excel's filter buttons cover the
/// header and every data row. A sheet without columns has no header, no frozen panes and no filter.
public struct Sheet: Sendable, Hashable {
    /// The tab name. Excel's rules are applied when writing, never by failing: the characters
    /// `[ ] : * ? / \` become `-`, control characters are removed, leading and trailing apostrophes
    /// and spaces are dropped, an empty name becomes `SheetN` (N its position, from 1), names are cut
    /// to 31 characters, and a name already used (compared case-insensitively, as Excel does) gets
    /// " (2)", " (3)", …. `Spreadsheet.sheetNames(_:)` tells the names the file will have.
    public var name: String
    /// A line above the table, in bold; it does not widen the first column.
    public var title: String?
    public var columns: [Column]
    /// The data rows. A row may be shorter than `columns` (the rest stays empty) or longer (the
    /// extra cells have no header).
    public var rows: [[Cell]]
    public var autofilter: Bool

    public init(name: String, title: String? = nil, columns: [Column], rows: [[Cell]] = [], autofilter: Bool = false) {
        self.name = name
        self.title = title
        self.columns = columns
        self.rows = rows
        self.autofilter = autofilter
    }
}

public struct Column: Sendable, Hashable {
    /// The header text.
    public var title: String
    /// The width in Excel's units (about one digit of the default font); `nil` fits the column to its
    /// header and cells, approximately (between 6 and 60). Explicit widths are kept within 0...255
    /// (a NaN or infinite width counts as `nil`).
    public var width: Double?

    public init(_ title: String, width: Double? = nil) {
        self.title = title
        self.width = width
    }
}

public enum Cell: Sendable, Hashable {
    case empty
    /// Always written as a string, never as a formula, also when it starts with `=`, `+`, `-` or `@`.
    /// Characters XML cannot carry (NUL and the other C0 controls except tab, line feed and carriage
    /// return; U+FFFE, U+FFFF) are removed, and the text is cut to Excel's 32,767 characters
    /// (UTF-16 code units, never inside a character). A text with a line break wraps.
    case text(String)
    /// A real number that Excel computes with; the style only chooses how it is shown. NaN and
    /// infinities are refused (`SpreadsheetError.invalidCell`): the caller decides what to show instead.
    case number(Double, NumberStyle)
    /// A real Excel date (a serial number, computable), shown as `dd/mm/yyyy`.
    case date(ExcelDate)
}

/// How a number is shown. Excel shows the thousands and decimal separators of the viewer's locale
/// (an Indonesian Excel shows 1.234,5), so these formats use Excel's neutral `,` and `.`.
public enum NumberStyle: Sendable, Hashable {
    /// Counts: `#,##0`.
    case integer
    /// `#,##0.00` with `places` decimals (0...10).
    case decimal(places: Int = 2)
    /// Excel's own percent: the cell holds the fraction and the format multiplies by 100, so store
    /// 0.792 to show 79.2% (79,2% in an Indonesian Excel) and formulas see 0.792. Format `0.0%`
    /// with `places` decimals (0...10).
    case percent(places: Int = 1)
    /// Rupiah without decimals: `"Rp "#,##0` (Rp 1,500,000; Rp 1.500.000 in an Indonesian Excel).
    case rupiah

    /// The Excel number format string.
    public var excelFormat: String {
        switch self {
        case .integer: "#,##0"
        case .decimal(let places): "#,##0" + Self.decimals(places)
        case .percent(let places): "0" + Self.decimals(places) + "%"
        case .rupiah: "\"Rp \"#,##0"
        }
    }

    static func clamped(_ places: Int) -> Int { min(max(places, 0), 10) }

    private static func decimals(_ places: Int) -> String {
        let places = clamped(places)
        return places == 0 ? "" : "." + String(repeating: "0", count: places)
    }
}

/// A calendar day (no time, no time zone), written as a real Excel date.
/// Excel's dates run from 1900-01-01 to 9999-12-31; other years, months or days that do not exist
/// (31 April) are refused when writing (`SpreadsheetError.invalidCell`).
public struct ExcelDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// The day `date` falls on in `timeZone`. Which zone a report counts in (WIB, WITA, WIT) is the
    /// caller's decision, so there is no default.
    public init(_ date: Date, in timeZone: TimeZone) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        self.init(year: parts.year ?? 1900, month: parts.month ?? 1, day: parts.day ?? 1)
    }

    /// ISO 8601, such as 2025-03-14.
    public var description: String {
        func padded(_ value: Int, _ width: Int) -> String {
            let digits = String(abs(value))
            return (value < 0 ? "-" : "") + String(repeating: "0", count: max(width - digits.count, 0)) + digits
        }
        return "\(padded(year, 4))-\(padded(month, 2))-\(padded(day, 2))"
    }

    public static func < (a: ExcelDate, b: ExcelDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    /// Whether Excel can hold this day (Gregorian calendar, 1900...9999).
    var isValid: Bool {
        guard (1900...9999).contains(year), (1...12).contains(month), day >= 1 else { return false }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= lengths[month - 1]
    }
}

/// The document properties Excel shows under File > Info.
public struct DocumentProperties: Sendable, Hashable {
    public var title: String?
    public var subject: String?
    public var author: String
    /// The creation time recorded in the file; `nil` records the time of writing.
    public var created: Date?

    public init(title: String? = nil, subject: String? = nil, author: String = "BinaKarier", created: Date? = nil) {
        self.title = title
        self.subject = subject
        self.author = author
        self.created = created
    }
}
