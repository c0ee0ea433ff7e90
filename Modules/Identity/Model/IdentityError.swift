import BKRPC

/// What can go wrong in the identity domain, and the status code each is answered with.
/// Messages are in Bahasa Indonesia: they reach operators through bkctl and the gateway.
public enum IdentityError: Error, Hashable, Sendable, RPCErrorConvertible {
    case invalid(field: String, reason: String)
    case notFound(String)
    case alreadyExists(String)
    case failedPrecondition(String)
    case unauthenticated(String)
    case permissionDenied(String)
    case lockedOut(untilUnix: Int64)
    case resourceExhausted(String)

    public var rpcError: RPCError {
        switch self {
        case .invalid(let field, let reason): RPCError(.invalidArgument, "\(field): \(reason)")
        case .notFound(let what): RPCError(.notFound, what)
        case .alreadyExists(let what): RPCError(.alreadyExists, what)
        case .failedPrecondition(let why): RPCError(.failedPrecondition, why)
        case .unauthenticated(let why): RPCError(.unauthenticated, why)
        case .permissionDenied(let why): RPCError(.permissionDenied, why)
        case .lockedOut(let until):
            RPCError(.resourceExhausted, "akun dikunci karena terlalu banyak percobaan gagal; coba lagi setelah \(until) (unix)")
        case .resourceExhausted(let why): RPCError(.resourceExhausted, why)
        }
    }
}
