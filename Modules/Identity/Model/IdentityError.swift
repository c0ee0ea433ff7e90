import BKRPC

/// What can go wrong in the identity domain, and the status code each is answered with.
/// Messages are in Bahasa Indonesia and English (`LocalizedText`): the caller's accept-language picks.
public enum IdentityError: Error, Hashable, Sendable, RPCErrorConvertible {
    case invalid(field: String, reason: LocalizedText)
    case notFound(LocalizedText)
    case alreadyExists(LocalizedText)
    case failedPrecondition(LocalizedText)
    case unauthenticated(LocalizedText)
    case permissionDenied(LocalizedText)
    case lockedOut(untilUnix: Int64)
    case resourceExhausted(LocalizedText)

    public var rpcError: RPCError {
        switch self {
        case .invalid(let field, let reason): .invalidArgument(field: field, reason)
        case .notFound(let what): RPCError(.notFound, what)
        case .alreadyExists(let what): RPCError(.alreadyExists, what)
        case .failedPrecondition(let why): RPCError(.failedPrecondition, why)
        case .unauthenticated(let why): RPCError(.unauthenticated, why)
        case .permissionDenied(let why): RPCError(.permissionDenied, why)
        case .lockedOut(let until):
            RPCError(.resourceExhausted, LocalizedText(
                id: "akun dikunci karena terlalu banyak percobaan gagal; coba lagi pukul \(Self.wib(until)) WIB",
                en: "account locked after too many failed attempts; try again at \(Self.wib(until).replacingOccurrences(of: ".", with: ":")) WIB"))
        case .resourceExhausted(let why): RPCError(.resourceExhausted, why)
        }
    }

    /// `11.20`: the wall-clock time in Western Indonesia (UTC+7, no daylight saving), as people write it.
    static func wib(_ unix: Int64) -> String {
        let minutes = ((unix + 7 * 3600) % 86_400 + 86_400) % 86_400 / 60
        let hour = minutes / 60, minute = minutes % 60
        return (hour < 10 ? "0" : "") + "\(hour)." + (minute < 10 ? "0" : "") + "\(minute)"
    }
}
