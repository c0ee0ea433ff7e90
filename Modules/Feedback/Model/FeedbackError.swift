import BKRPC

/// What can go wrong in the feedback domain, and the status code each is answered with: the one place
/// they are mapped. Messages in Bahasa Indonesia and English (the caller's accept-language picks).
public enum FeedbackError: Error, Hashable, Sendable, RPCErrorConvertible {
    case invalid(field: String, reason: LocalizedText)
    case notFound(LocalizedText)
    case alreadyExists(LocalizedText)
    case failedPrecondition(LocalizedText)
    case permissionDenied(LocalizedText)
    case resourceExhausted(LocalizedText)
    /// An error already in its wire form (another service's answer, a kit check), passed on as is.
    case rpc(RPCError)

    public var rpcError: RPCError {
        switch self {
        case .invalid(let field, let reason): .invalidArgument(field: field, reason)
        case .notFound(let what): RPCError(.notFound, what)
        case .alreadyExists(let what): RPCError(.alreadyExists, what)
        case .failedPrecondition(let why): RPCError(.failedPrecondition, why)
        case .permissionDenied(let why): RPCError(.permissionDenied, why)
        case .resourceExhausted(let why): RPCError(.resourceExhausted, why)
        case .rpc(let error): error
        }
    }

    static func noCampaign(_ id: String) -> FeedbackError {
        .notFound(.init(id: "kampanye \(id) tidak ditemukan", en: "campaign \(id) not found"))
    }
    static func noInstrument(_ code: String) -> FeedbackError {
        .notFound(.init(id: "formulir \(code) tidak ditemukan", en: "form \(code) not found"))
    }
    static func noDialogue(_ id: String) -> FeedbackError {
        .notFound(.init(id: "dialog \(id) tidak ditemukan", en: "dialogue \(id) not found"))
    }
    static func noAction(_ id: String) -> FeedbackError {
        .notFound(.init(id: "tindak lanjut \(id) tidak ditemukan", en: "action item \(id) not found"))
    }
}
