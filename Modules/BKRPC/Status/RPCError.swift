import BKProto
import Logging

/// An RPC that did not succeed: a canonical code and a message for the caller.
///
/// Every error a handler throws reaches the wire through ``init(mapping:logger:)``, the one place where
/// errors become status codes.
public struct RPCError: Error, Hashable, Sendable, CustomStringConvertible {
    public static func == (lhs: RPCError, rhs: RPCError) -> Bool {
        lhs.code == rhs.code && lhs.message == rhs.message && lhs.fieldViolations == rhs.fieldViolations
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(code)
        hasher.combine(message)
    }

    public var code: RPCStatusCode
    public var message: String
    /// For INVALID_ARGUMENT: which fields are wrong and why. They travel as a `google.rpc.BadRequest`
    /// in `Status.details`, so a client can point at each field.
    public var fieldViolations: [FieldViolation]

    public typealias FieldViolation = Google_Rpc_BadRequest.FieldViolation

    /// The message and violations in English, for a caller whose `accept-language` asks for it; the
    /// server picks (see ``localized(_:)``). Not part of equality: it is the same error.
    public var english: (message: String, fieldViolations: [FieldViolation])?

    public init(_ code: RPCStatusCode, _ message: String, fieldViolations: [FieldViolation] = []) {
        self.code = code
        self.message = message
        self.fieldViolations = fieldViolations
    }

    /// An error whose message people read, in both languages.
    public init(_ code: RPCStatusCode, _ text: LocalizedText) {
        self.init(code, text.indonesian)
        if text.english != text.indonesian { english = (text.english, []) }
    }

    /// INVALID_ARGUMENT for one field: the message says it, and the details carry it.
    public static func invalidArgument(field: String, _ description: String) -> RPCError {
        RPCError(.invalidArgument, "\(field): \(description)", fieldViolations: [.init(field: field, description: description)])
    }

    /// INVALID_ARGUMENT for one field, in both languages.
    public static func invalidArgument(field: String, _ description: LocalizedText) -> RPCError {
        var error = invalidArgument(field: field, description.indonesian)
        if description.english != description.indonesian {
            error.english = ("\(field): \(description.english)", [.init(field: field, description: description.english)])
        }
        return error
    }

    /// This error as a caller reading `language` sees it.
    public func localized(_ language: Language) -> RPCError {
        guard language == .english, let english else { return self }
        return RPCError(code, english.message, fieldViolations: english.fieldViolations.isEmpty ? fieldViolations : english.fieldViolations)
    }

    public var description: String { "\(code): \(message)" }

    static let badRequestTypeURL = "type.googleapis.com/google.rpc.BadRequest"

    /// The wire form: code, message, and the field violations as a packed `google.rpc.BadRequest`.
    public var status: Google_Rpc_Status {
        var status = Google_Rpc_Status(code: code.rawValue, message: message)
        if !fieldViolations.isEmpty, let bytes = try? Google_Rpc_BadRequest(fieldViolations: fieldViolations).serializedBytes() {
            status.details = [.init(typeUrl: Self.badRequestTypeURL, value: bytes)]
        }
        return status
    }

    /// Reads a status as received; details other than a BadRequest are ignored.
    public init(status: Google_Rpc_Status) {
        let violations = status.details.filter { $0.typeUrl == Self.badRequestTypeURL }
            .compactMap { try? Google_Rpc_BadRequest(serializedBytes: $0.value) }
            .flatMap(\.fieldViolations)
        self.init(RPCStatusCode(wireValue: status.code), status.message, fieldViolations: violations)
    }
}

/// A domain error that knows its status code. Domain modules conform their error types so that the
/// server maps them without knowing the domain.
public protocol RPCErrorConvertible: Error {
    var rpcError: RPCError { get }
    /// Whether the operator must act (a full or failing disk): such failures are logged as errors even
    /// when the caller is told something milder than INTERNAL.
    var needsOperator: Bool { get }
}

extension RPCErrorConvertible {
    public var needsOperator: Bool { false }
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
            if code == .internal || code == .dataLoss || error.needsOperator {
                logger?.error("handler failed", metadata: ["error": "\(String(reflecting: error))"])
            }
        case let error as ProtoDecodingError:
            self = RPCError(.invalidArgument, "cannot decode request: \(error)")
        case let error as ProtoFieldMaskError:
            self = .invalidArgument(field: "update_mask", "'\(error.path)' is not a field of \(error.message)")
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
