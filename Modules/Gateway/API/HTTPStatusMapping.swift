import BKProto
import BKRPC
import Foundation
import HTTPTypes

/// RPC status → HTTP status: the one table (issue 10; grpc-gateway's choices where the issue leaves one
/// open: FAILED_PRECONDITION and OUT_OF_RANGE are 400, since the request must change, not a header).
enum HTTPStatusMapping {
    static func status(for code: RPCStatusCode) -> HTTPResponse.Status {
        switch code {
        case .ok: .ok
        case .invalidArgument, .failedPrecondition, .outOfRange: .badRequest
        case .unauthenticated: .unauthorized
        case .permissionDenied: .forbidden
        case .notFound: .notFound
        case .alreadyExists, .aborted: .conflict
        case .resourceExhausted: .tooManyRequests
        case .unimplemented: .notImplemented
        case .unavailable: .serviceUnavailable
        case .deadlineExceeded: .gatewayTimeout
        case .cancelled, .unknown, .internal, .dataLoss: .internalServerError
        }
    }
}

/// A failed API request as the client reads it: `{"error": {"code", "status", "message", "fieldViolations"}}`.
/// Every failure of /api/v1, the daemons' and the gateway's own, is written through this one type.
struct APIFailure: Error, Sendable {
    var httpStatus: HTTPResponse.Status
    var error: RPCError

    /// A daemon's (or the gateway's) status, mapped by the table.
    init(_ error: RPCError) {
        self.error = error
        self.httpStatus = HTTPStatusMapping.status(for: error.code)
    }

    /// A failure HTTP has its own status for (405, 413, 415): the body still names the nearest RPC code.
    init(_ httpStatus: HTTPResponse.Status, _ code: RPCStatusCode, _ message: LocalizedText) {
        self.error = RPCError(code, message)
        self.httpStatus = httpStatus
    }

    /// Any error met while serving an API request.
    init(mapping error: any Error) {
        switch error {
        case let failure as APIFailure:
            self = failure
        case let error as APIRequestError:
            self.init(error.rpcError)
        case let error as ProtoJSONDecodingError:
            self.init(
                RPCError(
                    .invalidArgument,
                    "\(error.field): \(error.reason)",
                    fieldViolations: [.init(field: error.field, description: error.reason)]))
        default:
            self.init(RPCError(mapping: error))
        }
    }

    /// The text shown instead of the message for failures whose message is about our internals (socket
    /// paths, library errors, deadlines): the caller cannot act on those, and they must not leak.
    static func genericMessage(for code: RPCStatusCode) -> LocalizedText? {
        switch code {
        case .unavailable:
            LocalizedText(id: "layanan sedang tidak tersedia; coba lagi sebentar lagi", en: "the service is unavailable; try again shortly")
        case .deadlineExceeded:
            LocalizedText(id: "layanan tidak menjawab tepat waktu; coba lagi", en: "the service did not answer in time; try again")
        case .internal, .unknown, .dataLoss, .cancelled:
            LocalizedText(id: "terjadi kesalahan pada server", en: "the server failed")
        default:
            nil
        }
    }

    func body(language: Language) -> [UInt8] {
        var error = error.localized(language)
        // DATA_LOSS from reporting says which published report failed its check: kept (it is ours to say).
        if error.code != .dataLoss, let generic = Self.genericMessage(for: error.code) {
            error = RPCError(error.code, generic.text(language))
        }
        var object: [String: Any] = [
            "code": Int(httpStatus.code),
            "status": error.code.description,
            "message": error.message,
        ]
        if !error.fieldViolations.isEmpty {
            object["fieldViolations"] = error.fieldViolations.map { ["field": $0.field, "description": $0.description] }
        }
        return Array((try? JSONSerialization.data(withJSONObject: ["error": object], options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data())
    }
}

extension APIRequestError {
    var rpcError: RPCError {
        switch self {
        case .unknownParameter(let name):
            .invalidArgument(field: name, LocalizedText(id: "parameter tidak dikenal", en: "unknown parameter"))
        case .badParameter(let name, let reason):
            .invalidArgument(field: name, LocalizedText(id: reason, en: reason))
        case .badBody(let reason):
            RPCError(.invalidArgument, LocalizedText(id: "isi permintaan tidak dapat dibaca: \(reason)", en: "request body cannot be read: \(reason)"))
        }
    }
}
