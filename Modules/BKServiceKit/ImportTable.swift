import BKRPC
import Foundation

/// A CSV file with a header row, its columns found by name.
public struct ImportTable {
    public let rows: [CSVReader.Record]
    public let columns: [String: Int]

    public init(_ bytes: [UInt8], deadline: ContinuousClock.Instant?, columns aliases: [String: [String]], required: [String]) throws(ServiceError) {
        let records: [CSVReader.Record]
        do {
            records = try CSVReader.records(bytes, deadline: deadline)
        } catch {
            throw .invalid(field: "csv", reason: error.text)
        }
        guard let header = records.first else { throw .invalid(field: "csv", reason: .init(id: "berkas kosong", en: "the file is empty")) }
        var columns: [String: Int] = [:]
        for (index, cell) in header.fields.enumerated() {
            let key = CSVReader.headerKey(cell)
            if let column = aliases.first(where: { $0.value.contains(key) })?.key, columns[column] == nil { columns[column] = index }
        }
        let missing = required.filter { columns[$0] == nil }.map { aliases[$0]?.first ?? $0 }
        guard missing.isEmpty else {
            throw .invalid(field: "csv", reason: .init(
                id: "kolom tidak ada di baris judul: \(missing.joined(separator: ", "))", en: "columns missing from the header row: \(missing.joined(separator: ", "))"))
        }
        self.rows = Array(records.dropFirst())
        self.columns = columns
    }

    public func value(_ column: String, _ record: CSVReader.Record) -> String {
        guard let index = columns[column], index < record.fields.count else { return "" }
        return record.fields[index].trimmingCharacters(in: .whitespaces)
    }

    /// A refusal as the report carries it: in the caller's language, control characters shown escaped
    /// and cut to 200 characters (a refusal may quote a cell of up to 4 KiB).
    public static func report(_ reason: LocalizedText, _ language: Language) -> String {
        let text = TextRules.printable(reason.text(language))
        return text.count <= 200 ? text : String(text.prefix(199)) + "…"
    }

    /// A row's refusal as the report shows it: the column, then why.
    public static func reason(_ error: ServiceError) -> LocalizedText {
        switch error {
        case .invalid(let field, let reason): .init(id: "\(field): \(reason.indonesian)", en: "\(field): \(reason.english)")
        default:
            .init(id: error.rpcError.localized(.indonesian).message, en: error.rpcError.localized(.english).message)
        }
    }
}
