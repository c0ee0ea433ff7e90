import Foundation

public enum SpreadsheetError: Error, Sendable, Hashable, CustomStringConvertible {
    /// `Spreadsheet.xlsx` was given no sheets. A report without sections is the caller's mistake,
    /// so no file with an invented empty sheet is made.
    case noSheets
    /// A cell whose value Excel cannot hold: NaN, an infinity, or a day outside 1900...9999 or not in
    /// the calendar. `sheet` is the name as written in the file, `cell` like `B7`.
    case invalidCell(sheet: String, cell: String, reason: String)
    /// libxlsxwriter refused: `code` is its `lxw_error`, `message` its `lxw_strerror` text, and
    /// `operation` what was being done (such as "writing Ringkasan!XFE3" or "closing the workbook").
    case library(code: Int, message: String, operation: String)
    /// The temporary file in `directory` could not be created or read back (`errno`).
    case temporaryFile(directory: String, operation: String, errno: Int32)

    public var description: String {
        switch self {
        case .noSheets:
            "spreadsheet has no sheets"
        case .invalidCell(let sheet, let cell, let reason):
            "spreadsheet cell \(sheet)!\(cell): \(reason)"
        case .library(let code, let message, let operation):
            "libxlsxwriter error \(code) \(operation): \(message)"
        case .temporaryFile(let directory, let operation, let errno):
            "spreadsheet temporary file in \(directory): \(operation) failed: \(String(cString: strerror(errno))) (errno \(errno))"
        }
    }
}
