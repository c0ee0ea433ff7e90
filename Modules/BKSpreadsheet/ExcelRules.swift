/// Excel's limits on names and text, and the approximate column widths; pure functions, no C.
enum ExcelRules {
    static let sheetNameLimit = 31
    static let textLimit = 32_767
    static let rowCount = 1_048_576
    static let columnCount = 16_384

    // MARK: sheet names

    /// The names the sheets get in the file, in order: see `Sheet.name`.
    static func sheetNames(_ names: [String]) -> [String] {
        // Excel reserves "History" (its change tracking sheet).
        var used: Set<String> = ["history"]
        var result: [String] = []
        result.reserveCapacity(names.count)
        for (index, name) in names.enumerated() {
            var base = cleanSheetName(name)
            if base.isEmpty { base = "Sheet\(index + 1)" }
            var candidate = trimmedForSheetName(truncated(base, toUTF16: sheetNameLimit))
            var number = 2
            while used.contains(candidate.lowercased()) {
                let suffix = " (\(number))"
                candidate = trimmedForSheetName(truncated(base, toUTF16: sheetNameLimit - suffix.utf16.count)) + suffix
                number += 1
            }
            used.insert(candidate.lowercased())
            result.append(candidate)
        }
        return result
    }

    private static func cleanSheetName(_ name: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in name.unicodeScalars {
            switch scalar {
            case "[", "]", ":", "*", "?", "/", "\\": scalars.append("-")
            case _ where scalar.value < 0x20 || scalar.value == 0x7F || scalar.value == 0xFFFE || scalar.value == 0xFFFF:
                continue
            default: scalars.append(scalar)
            }
        }
        return trimmedForSheetName(String(scalars))
    }

    /// Excel refuses names that start or end with an apostrophe; spaces at the ends are invisible.
    private static func trimmedForSheetName(_ name: String) -> String {
        var characters = Substring(name)
        while let first = characters.first, first == "'" || first.isWhitespace { characters.removeFirst() }
        while let last = characters.last, last == "'" || last.isWhitespace { characters.removeLast() }
        return String(characters)
    }

    // MARK: text

    /// Removes what XML 1.0 cannot carry and cuts to Excel's limit: see `Cell.text`.
    static func cleanText(_ text: String, limit: Int = textLimit) -> String {
        var result = text
        if text.unicodeScalars.contains(where: isForbidden) {
            var scalars = String.UnicodeScalarView()
            for scalar in text.unicodeScalars where !isForbidden(scalar) { scalars.append(scalar) }
            result = String(scalars)
        }
        return result.utf16.count > limit ? truncated(result, toUTF16: limit) : result
    }

    private static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: false
        case 0x00..<0x20, 0xFFFE, 0xFFFF: true
        default: false
        }
    }

    /// The longest prefix of whole characters that fits in `limit` UTF-16 code units (Excel counts
    /// those; libxlsxwriter counts code points, never more).
    static func truncated(_ text: String, toUTF16 limit: Int) -> String {
        guard text.utf16.count > limit else { return text }
        var count = 0
        var end = text.startIndex
        for index in text.indices {
            let next = text.index(after: index)
            let width = text.utf16.distance(from: index, to: next)
            if count + width > limit { break }
            count += width
            end = next
        }
        return String(text[..<end])
    }

    // MARK: cells

    /// `A1`-style name of a zero-based cell (for error messages).
    static func cellName(row: Int, column: Int) -> String {
        var letters = ""
        var number = column + 1
        while number > 0 {
            let remainder = (number - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + remainder))) + letters
            number = (number - 1) / 26
        }
        return "\(letters)\(row + 1)"
    }

    // MARK: widths

    /// An approximate width, in Excel's units, for a column whose bold header and widest cell are
    /// `headerWidth` and `contentWidth` characters wide.
    static func fittedWidth(headerWidth: Int, contentWidth: Int) -> Double {
        min(max(max(Double(headerWidth) * 1.1, Double(contentWidth)) + 2, 6), 60)
    }

    static func displayWidth(_ cell: Cell) -> Int {
        switch cell {
        case .empty: 0
        case .text(let text): displayWidth(text)
        case .date: 10
        case .number(let value, let style):
            switch style {
            case .integer: groupedDigits(value)
            case .decimal(let places): groupedDigits(value) + decimalsWidth(places)
            case .percent(let places): digits(value * 100) + decimalsWidth(places) + 1
            case .rupiah: groupedDigits(value) + 3
            }
        }
    }

    /// The widest line, counting wide characters (CJK, emoji) as two.
    static func displayWidth(_ text: String) -> Int {
        var widest = 0
        var current = 0
        for character in text {
            if character.isNewline {
                current = 0
                continue
            }
            current += isWide(character) ? 2 : 1
            widest = max(widest, current)
        }
        return widest
    }

    private static func isWide(_ character: Character) -> Bool {
        guard let scalar = character.unicodeScalars.first else { return false }
        if scalar.properties.isEmojiPresentation { return true }
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F,
             0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1FAFF, 0x20000...0x3FFFD:
            return true
        default:
            return false
        }
    }

    private static func digits(_ value: Double) -> Int {
        guard value.isFinite else { return 3 }
        let magnitude = abs(value).rounded()
        let count = magnitude < 10 ? 1 : Int(magnitude.exponent10) + 1
        return count + (value < 0 ? 1 : 0)
    }

    private static func groupedDigits(_ value: Double) -> Int {
        let count = digits(value) - (value < 0 ? 1 : 0)
        return count + (count - 1) / 3 + (value < 0 ? 1 : 0)
    }

    private static func decimalsWidth(_ places: Int) -> Int {
        let places = NumberStyle.clamped(places)
        return places == 0 ? 0 : places + 1
    }
}

private extension Double {
    /// floor(log10(self)) for self >= 1, without Foundation.
    var exponent10: Int {
        var value = self
        var exponent = 0
        while value >= 10 {
            value /= 10
            exponent += 1
        }
        return exponent
    }
}
