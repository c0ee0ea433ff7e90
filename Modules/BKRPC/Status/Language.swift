/// The language a caller reads: Bahasa Indonesia unless its `accept-language` metadata (or, for a
/// command-line tool, `LANG`) starts with `en`. Messages for people are written in both, side by side.
public enum Language: Sendable, Hashable {
    case indonesian
    case english

    public init(metadata: RPCMetadata) {
        self = Self(tag: metadata["accept-language"])
    }

    /// From a language tag or a POSIX locale (`en_US.UTF-8`, `id-ID`); nil or anything else is Indonesian.
    public init(tag: String?) {
        self = (tag?.lowercased().hasPrefix("en") ?? false) ? .english : .indonesian
    }

    /// Picks the text in this language.
    public func pick(id: String, en: String) -> String { self == .english ? en : id }
}

/// A message for people in both languages. A plain string literal is Indonesian only (and shown as
/// such to English readers): write `LocalizedText(id: "…", en: "…")` for anything a person reads.
public struct LocalizedText: Sendable, Hashable, ExpressibleByStringInterpolation, CustomStringConvertible {
    public var indonesian: String
    public var english: String

    public init(id indonesian: String, en english: String) {
        self.indonesian = indonesian
        self.english = english
    }

    public init(stringLiteral value: String) { self.init(id: value, en: value) }

    public init(stringInterpolation: DefaultStringInterpolation) {
        let text = String(stringInterpolation: stringInterpolation)
        self.init(id: text, en: text)
    }

    public func text(_ language: Language) -> String { language == .english ? english : indonesian }

    public var description: String { indonesian }
}

extension RPCServerContext {
    public var language: Language { Language(metadata: metadata) }
}

/// The runtime's own messages to callers.
enum RPCMessages {
    static let tokenMissing = LocalizedText(id: "token tidak ada: masuk (login) terlebih dahulu", en: "no token: log in first")

    static func roleNotAllowed(_ method: String) -> LocalizedText {
        .init(id: "peran Anda tidak mengizinkan tindakan ini (\(method))", en: "your role does not allow this call (\(method))")
    }

    static func serviceNotAllowed(_ service: String) -> LocalizedText {
        .init(id: "layanan \(service) tidak diizinkan memanggil ini", en: "service \(service) may not call this")
    }
}
