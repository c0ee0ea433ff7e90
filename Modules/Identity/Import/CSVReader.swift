/// RFC 4180 CSV as spreadsheets write it: quoted fields with doubled quotes, CRLF or LF, a UTF-8 byte
/// order mark, and `;` as the delimiter where the header uses it (Excel in Indonesian locales does).
struct CSVReader {
    struct Record {
        /// 1-based line on which the record starts.
        var line: Int
        var fields: [String]
    }

    enum Failure: Error, Equatable {
        case notUTF8
        case unterminatedQuote(line: Int)
    }

    static func records(_ bytes: [UInt8]) throws(Failure) -> [Record] {
        var bytes = bytes[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        guard let text = String(validating: bytes, as: UTF8.self) else { throw .notUTF8 }
        let firstLine = text.prefix { $0 != "\n" && $0 != "\r" }
        let delimiter: Character = firstLine.filter { $0 == ";" }.count > firstLine.filter { $0 == "," }.count ? ";" : ","

        var records: [Record] = []
        var fields: [String] = []
        var field = ""
        var inQuotes = false
        var line = 1
        var recordLine = 1
        var iterator = text.makeIterator()
        var pending: Character?
        func nextCharacter() -> Character? {
            if let character = pending { pending = nil; return character }
            return iterator.next()
        }
        func endRecord() {
            fields.append(field)
            field = ""
            if !(fields.count == 1 && fields[0].isEmpty) { records.append(Record(line: recordLine, fields: fields)) }
            fields = []
        }
        while let character = nextCharacter() {
            if inQuotes {
                if character == "\"" {
                    if let following = nextCharacter() {
                        if following == "\"" { field.append("\"") } else { inQuotes = false; pending = following }
                    } else {
                        inQuotes = false
                    }
                } else {
                    if character == "\n" || character == "\r\n" { line += 1 }
                    field.append(character)
                }
                continue
            }
            switch character {
            case "\"" where field.isEmpty:
                inQuotes = true
            case delimiter:
                fields.append(field)
                field = ""
            case "\n", "\r\n", "\r":
                endRecord()
                line += 1
                recordLine = line
            default:
                field.append(character)
            }
        }
        if inQuotes { throw .unterminatedQuote(line: recordLine) }
        if !field.isEmpty || !fields.isEmpty { endRecord() }
        return records
    }
}
