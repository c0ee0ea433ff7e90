import BKRPC

/// Required fields, checked the same way by every service: INVALID_ARGUMENT naming the field (with a
/// field violation), in both languages (the server answers in the caller's).
public enum Required {
    /// The value of a required message field.
    public static func field<T>(_ value: T?, _ name: String) throws(RPCError) -> T {
        guard let value else { throw missing(name) }
        return value
    }

    /// A required text field, trimmed, that meets `TextRules` within `maxBytes`.
    public static func text(_ value: String, _ name: String, maxBytes: Int) throws(RPCError) -> String {
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw missing(name) }
        if let why = TextRules.violation(in: trimmed, maxBytes: maxBytes) { throw .invalidArgument(field: name, why) }
        return trimmed
    }

    static func missing(_ name: String) -> RPCError {
        .invalidArgument(field: name, LocalizedText(id: "wajib diisi", en: "is required"))
    }
}

import Foundation
