/// The few pieces of XML writing the renderer needs: escaped text, coordinates, ids, truncation.
public enum Markup {
    /// Escapes & < > " ' and replaces what XML 1.0 cannot hold at all (control characters other than
    /// tab, line feed and carriage return; U+FFFE, U+FFFF) with U+FFFD. Scalar by scalar, so a `<` that
    /// carries a combining mark is escaped too. Public: the report pages escape their text with it.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
                    out += "\u{FFFD}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    /// Text for one line on the chart: whitespace runs (line breaks included) become one space.
    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace || $0.isNewline }).joined(separator: " ")
    }

    /// A coordinate with at most two decimals, always with a point ("12.5", "-3", "0").
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let hundredths = Int((min(max(value, -1e12), 1e12) * 100).rounded())
        let sign = hundredths < 0 ? "-" : ""
        let magnitude = hundredths.magnitude
        let whole = magnitude / 100, fraction = magnitude % 100
        if fraction == 0 { return sign + String(whole) }
        if fraction % 10 == 0 { return sign + String(whole) + "." + String(fraction / 10) }
        return sign + String(whole) + "." + (fraction < 10 ? "0" : "") + String(fraction)
    }

    /// A valid XML id prefix (an NCName): letters, digits, '-', '_' and '.', starting with a letter or '_'.
    static func idPrefix(_ given: String) -> String {
        var out = ""
        for scalar in given.unicodeScalars.prefix(64) {
            switch scalar {
            case "a"..."z", "A"..."Z", "0"..."9", "-", "_", ".": out.unicodeScalars.append(scalar)
            default: out += "-"
            }
        }
        if let first = out.unicodeScalars.first, first == "_" || ("a"..."z").contains(first) || ("A"..."Z").contains(first) {
            return out
        }
        return "bk-" + out
    }

    /// 64-bit FNV-1a: stable across runs and machines (unlike `Hasher`).
    static func stableHash(_ parts: [String]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for part in parts {
            for byte in part.utf8 {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01B3
            }
            hash ^= 0xFF  // separator: ["ab", "c"] and ["a", "bc"] differ
            hash = hash &* 0x0000_0100_0000_01B3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// At most `maxCharacters` characters, the last of them "…" when the text was cut.
    static func truncate(_ text: String, maxCharacters: Int) -> String {
        guard text.count > maxCharacters else { return text }
        guard maxCharacters > 1 else { return "…" }
        return String(text.prefix(maxCharacters - 1)).trimmingSuffixSpaces() + "…"
    }

    /// Rough width of a line of text at `fontSize` in a sans-serif font (no font metrics at hand).
    static func textWidth(_ text: String, fontSize: Double) -> Double {
        Double(text.count) * fontSize * 0.6
    }
}

extension String {
    fileprivate func trimmingSuffixSpaces() -> String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
