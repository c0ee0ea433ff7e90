import BKRPC

/// The errors a domain service answers with, and the status code of each: the one place they are
/// mapped. Messages are in Bahasa Indonesia and English (the caller's accept-language picks). Domains
/// name it (`ProgramsError`, `FeedbackError`) and add their own constructors in extensions.
public enum ServiceError: Error, Hashable, Sendable, RPCErrorConvertible {
    case invalid(field: String, reason: LocalizedText)
    case notFound(LocalizedText)
    case alreadyExists(LocalizedText)
    /// The state does not allow it (a session not open, an entry not pending, not eligible).
    case failedPrecondition(LocalizedText)
    case permissionDenied(LocalizedText)
    case resourceExhausted(LocalizedText)
    /// An error already in its wire form: another service's answer to a call made for the caller, or a
    /// check of the service kit (`Required`, `TextRules`). Passed on as is.
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
}
