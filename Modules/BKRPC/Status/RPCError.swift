import BKProto
import Logging

/// An RPC that did not succeed: a canonical code and a message for the caller.
///
/// Every error a handler throws reaches the wire through ``init(mapping:logger:)``, the one place where
/// errors become status codes.
public struct RPCError: Error, Hashable, Sendable, CustomStringConvertible {
    public var code: RPCStatusCode
    public var message: String

    public init(_ code: RPCStatusCode, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code): \(message)" }
}

/// A domain error that knows its status code. Domain modules conform their error types so that the
/// server maps them without knowing the domain.
public protocol RPCErrorConvertible: Error {
    var rpcError: RPCError { get }
}

extension RPCError {
    /// Maps any error a handler throws to the status the caller sees. Errors that are not ours, not a
    /// domain's and not the caller's fault become INTERNAL with a generic message (the detail is logged,
    /// never sent: it may hold what the caller must not see).
    public init(mapping error: any Error, logger: Logger? = nil) {
        switch error {
        case let error as RPCError:
            self = error
        case let error as any RPCErrorConvertible:
            self = error.rpcError
        case let error as ProtoDecodingError:
            self = RPCError(.invalidArgument, "cannot decode request: \(error)")
        case let error as ProtoEncodingError:
            logger?.error("response could not be encoded", metadata: ["error": "\(error)"])
            self = RPCError(.internal, "response could not be encoded: \(error)")
        case is CancellationError:
            self = RPCError(.cancelled, "call cancelled")
        default:
            logger?.error("handler failed with an unmapped error", metadata: ["error": "\(String(reflecting: error))"])
            self = RPCError(.internal, "internal error")
        }
    }
}
