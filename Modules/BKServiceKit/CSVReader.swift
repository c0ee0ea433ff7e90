import BKRPC
import Foundation
/// RFC 4180 CSV as spreadsheets write it: quoted fields with doubled quotes, CRLF or LF, a UTF-8 byte
/// order mark, and `;` as the delimiter where the header uses it (Excel in Indonesian locales does).
///
/// It scans bytes, not Characters: every byte that matters (quote, delimiter, line ends) is ASCII, and
/// walking grapheme clusters made a 100,000-row file several times slower to read.
public struct CSVReader {
    public struct Record {
        /// 1-based line on which the record starts.
        public var line: Int
        public var fields: [String]
    }

    public enum Failure: Error, Equatable, Sendable {
        case notUTF8
        case unterminatedQuote(line: Int)
        case tooManyColumns(line: Int)
        case fieldTooLong(line: Int)
        case deadlineExceeded

        /// What to tell the person who sent the file.
        public var text: LocalizedText {
            switch self {
            case .notUTF8: .init(id: "berkas bukan teks UTF-8 (simpan sebagai CSV UTF-8)", en: "the file is not UTF-8 text (save it as CSV UTF-8)")
            case .unterminatedQuote(let line): .init(id: "tanda kutip di baris \(line) tidak ditutup", en: "unclosed quote on line \(line)")
            case .tooManyColumns(let line): .init(id: "baris \(line) memiliki lebih dari \(CSVReader.maximumColumns) kolom", en: "line \(line) has more than \(CSVReader.maximumColumns) columns")
            case .fieldTooLong(let line): .init(id: "baris \(line) memiliki isian lebih dari \(CSVReader.maximumFieldBytes) bita", en: "line \(line) has a value longer than \(CSVReader.maximumFieldBytes) bytes")
            case .deadlineExceeded: .init(id: "waktu habis saat membaca berkas", en: "the deadline passed while reading the file")
            }
        }
    }

    /// A header cell as a key: lower case letters and digits only ("Tanggal Mulai" → "tanggalmulai").
    public static func headerKey(_ cell: String) -> String {
        String(cell.lowercased().unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) })
    }

    /// Bounds that keep a hostile file from costing more than a real one: no spreadsheet of ours has
    /// 64 columns or a 4 KiB cell.
    public static let maximumColumns = 64
    public static let maximumFieldBytes = 4096

    private static let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), semicolon = UInt8(ascii: ";")
    private static let newline = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r")

    /// Reads every record; stops with `.deadlineExceeded` once `deadline` has passed (checked every 64 KiB).
    public static func records(_ input: [UInt8], deadline: ContinuousClock.Instant? = nil) throws(Failure) -> [Record] {
        let start = input.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        guard String(validating: input[start...], as: UTF8.self) != nil else { throw .notUTF8 }
        return try input.withUnsafeBufferPointer { (all) throws(Failure) -> [Record] in
            let bytes = UnsafeBufferPointer(rebasing: all[start...])
            var firstLineEnd = 0
            while firstLineEnd < bytes.count, bytes[firstLineEnd] != newline, bytes[firstLineEnd] != carriageReturn { firstLineEnd += 1 }
            let header = bytes[0..<firstLineEnd]
            let delimiter = header.count(where: { $0 == semicolon }) > header.count(where: { $0 == comma }) ? semicolon : comma

            var records: [Record] = []
            var fields: [String] = []
            var field: [UInt8] = []
            var line = 1
            var recordLine = 1
            var index = 0
            var quoted = false
            var tooManyColumns = false
            func endField() {
                guard fields.count < maximumColumns else {
                    tooManyColumns = true
                    return
                }
                fields.append(String(decoding: field, as: UTF8.self))
                field.removeAll(keepingCapacity: true)
            }
            func endRecord() {
                endField()
                if !(fields.count == 1 && fields[0].isEmpty) { records.append(Record(line: recordLine, fields: fields)) }
                fields.removeAll(keepingCapacity: true)
            }
            while index < bytes.count {
                if index & 0xFFFF == 0, let deadline, ContinuousClock.now >= deadline { throw .deadlineExceeded }
                if tooManyColumns { throw .tooManyColumns(line: recordLine) }
                if field.count > maximumFieldBytes { throw .fieldTooLong(line: recordLine) }
                let byte = bytes[index]
                index += 1
                if quoted {
                    if byte == quote {
                        if index < bytes.count, bytes[index] == quote {
                            field.append(quote)
                            index += 1
                        } else {
                            quoted = false
                        }
                    } else {
                        if byte == newline { line += 1 }
                        field.append(byte)
                    }
                    continue
                }
                switch byte {
                case quote where field.isEmpty:
                    quoted = true
                case delimiter:
                    endField()
                case carriageReturn, newline:
                    if byte == carriageReturn, index < bytes.count, bytes[index] == newline { index += 1 }
                    endRecord()
                    line += 1
                    recordLine = line
                default:
                    field.append(byte)
                }
            }
            if quoted { throw .unterminatedQuote(line: recordLine) }
            if field.count > maximumFieldBytes { throw .fieldTooLong(line: recordLine) }
            if !field.isEmpty || !fields.isEmpty { endRecord() }
            if tooManyColumns { throw .tooManyColumns(line: recordLine) }
            return records
        }
    }
}
