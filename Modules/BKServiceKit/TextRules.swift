import BKRPC

/// The rules every stored string meets, the same for every service and every path in (API, CSV, CLI):
/// a byte limit (a grapheme limit alone lets one letter carry half a million combining marks), no
/// control characters (a name carrying terminal escape codes would be printed raw), no bidirectional
/// overrides (they make text read differently from what is stored).
public enum TextRules {
    /// Byte limits by kind of field.
    public static let shortText = 200
    public static let name = 400
    public static let longText = 4000

    /// Why `text` may not be stored, or nil when it may.
    public static func violation(in text: String, maxBytes: Int, multiline: Bool = false) -> LocalizedText? {
        if text.utf8.count > maxBytes {
            return .init(id: "terlalu panjang (paling banyak \(maxBytes) bita)", en: "too long (at most \(maxBytes) bytes)")
        }
        for scalar in text.unicodeScalars {
            if isControl(scalar, multiline: multiline) {
                return .init(id: "mengandung karakter kendali (U+\(hex(scalar)))", en: "contains a control character (U+\(hex(scalar)))")
            }
            if isBidiControl(scalar) {
                return .init(
                    id: "mengandung karakter pengubah arah teks (U+\(hex(scalar)))", en: "contains a text direction override (U+\(hex(scalar)))")
            }
        }
        return nil
    }

    /// C0 and C1 controls and DEL; tab, and newlines where text may span lines, are allowed.
    static func isControl(_ scalar: Unicode.Scalar, multiline: Bool) -> Bool {
        switch scalar.value {
        case 0x09: return false
        case 0x0A, 0x0D: return !multiline
        case 0x00...0x1F, 0x7F...0x9F: return true
        default: return false
        }
    }

    /// Embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069).
    static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool {
        (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
    }

    /// `text` made safe to print on a terminal: controls and bidi controls shown as `\u{…}`.
    public static func printable(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if isControl(scalar, multiline: true) && scalar.value != 0x0A || isBidiControl(scalar) {
                out += "\\u{\(hex(scalar))}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private static func hex(_ scalar: Unicode.Scalar) -> String {
        let digits = String(scalar.value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
