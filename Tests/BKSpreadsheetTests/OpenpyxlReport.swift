import Foundation
import Testing

/// What openpyxl (Debian's python3-openpyxl, run with /usr/bin/python3) reads from an XLSX file.
struct OpenpyxlReport: Decodable {
    enum Value: Decodable, Equatable {
        case number(Double)
        case string(String)
        case null

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() {
                self = .null
            } else if let number = try? container.decode(Double.self) {
                self = .number(number)
            } else {
                self = .string(try container.decode(String.self))
            }
        }
    }

    struct Cell: Decodable {
        var coordinate: String
        /// openpyxl's: "n" number, "s" string, "d" date (a number under a date format), "f" formula.
        var dataType: String
        var value: Value
        var pythonType: String
        var numberFormat: String
        var bold: Bool
    }

    struct Sheet: Decodable {
        var name: String
        var freezePanes: String?
        var autoFilter: String?
        var widths: [String: Double]
        var cells: [Cell]

        subscript(coordinate: String) -> Cell? { cells.first { $0.coordinate == coordinate } }
    }

    struct Properties: Decodable {
        var title: String?
        var creator: String?
        var created: String?
    }

    var sheets: [Sheet]
    /// `<f>` elements in all worksheets of the archive: formulas, which an export must never contain.
    var formulaCount: Int
    var properties: Properties

    static let python = "/usr/bin/python3"

    /// Fails the test (never skips it) when Debian's openpyxl is missing.
    struct Unavailable: Error, CustomStringConvertible {
        var problem: String
        var description: String {
            "\(OpenpyxlReport.python) cannot import openpyxl (\(problem)): run tools/install-deps, which installs python3-openpyxl"
        }
    }

    static let script = #"""
        import datetime, json, sys, zipfile
        import openpyxl

        path = sys.argv[1]
        book = openpyxl.load_workbook(path)

        def plain(value):
            if isinstance(value, (datetime.datetime, datetime.date, datetime.time)):
                return value.isoformat()
            return value

        sheets = []
        for sheet in book.worksheets:
            cells = []
            for row in sheet.iter_rows():
                for cell in row:
                    if cell.value is None:
                        continue
                    cells.append({
                        "sheet": sheet.title, "coordinate": cell.coordinate, "data_type": cell.data_type,
                        "value": plain(cell.value), "python_type": type(cell.value).__name__,
                        "number_format": cell.number_format, "bold": bool(cell.font.b),
                    })
            widths = {letter: d.width for letter, d in sheet.column_dimensions.items() if d.width is not None}
            sheets.append({
                "name": sheet.title, "freeze_panes": sheet.freeze_panes, "auto_filter": sheet.auto_filter.ref,
                "widths": widths, "cells": cells,
            })

        with zipfile.ZipFile(path) as archive:
            formulas = 0
            for name in archive.namelist():
                if name.startswith("xl/worksheets/"):
                    xml = archive.read(name)
                    formulas += xml.count(b"<f>") + xml.count(b"<f ")

        properties = book.properties
        print(json.dumps({
            "sheets": sheets, "formula_count": formulas,
            "properties": {"title": properties.title, "creator": properties.creator, "created": plain(properties.created)},
        }))
        """#

    /// Why openpyxl cannot be used, or nil when it can; asked once.
    static let openpyxlProblem: String? = {
        do {
            let result = try run(["-c", "import openpyxl"])
            // The last line of Python's traceback, such as "ModuleNotFoundError: No module named 'openpyxl'".
            return result.status == 0 ? nil : result.error.split(separator: "\n").last.map(String.init) ?? "exit \(result.status)"
        } catch {
            return "\(error)"
        }
    }()

    static func read(_ bytes: [UInt8]) throws -> OpenpyxlReport {
        if let problem = openpyxlProblem {
            throw Unavailable(problem: problem.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let path = directory.path + "/report.xlsx"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let result = try run(["-c", script, path])
        try #require(result.status == 0, "openpyxl could not read the file: \(result.error)")
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(OpenpyxlReport.self, from: result.output)
    }

    private static func run(_ arguments: [String]) throws -> (status: Int32, output: Data, error: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = arguments
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, out, String(decoding: err, as: UTF8.self))
    }
}
