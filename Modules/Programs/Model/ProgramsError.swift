import BKRPC

/// What can go wrong in the programs domain, and the status code each is answered with: the one place
/// they are mapped. Messages are in Bahasa Indonesia and English (the caller's accept-language picks).
public enum ProgramsError: Error, Hashable, Sendable, RPCErrorConvertible {
    case invalid(field: String, reason: LocalizedText)
    case notFound(LocalizedText)
    case alreadyExists(LocalizedText)
    /// The state does not allow it (a session not open, an entry not pending, not eligible).
    case failedPrecondition(LocalizedText)
    case permissionDenied(LocalizedText)
    case resourceExhausted(LocalizedText)
    /// An error already in its wire form: identity's answer to a call made for the caller, or a check of
    /// the service kit (`Required`, `TextRules`). Passed on as is.
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

    static func noSession(_ id: String) -> ProgramsError {
        .notFound(.init(id: "angkatan \(id) tidak ditemukan", en: "session \(id) not found"))
    }
    static func noProgram(_ code: String) -> ProgramsError {
        .notFound(.init(id: "program \(code) tidak ditemukan", en: "program \(code) not found"))
    }
    static func notEnrolled(_ nip: String, _ session: String) -> ProgramsError {
        .notFound(.init(id: "\(nip) tidak terdaftar di angkatan \(session)", en: "\(nip) is not enrolled in session \(session)"))
    }
}
