import BKProto
import NIOCore

/// The envelopes inside request and response frames, encoded with protobuf-c like every other message.
enum TTRPCEnvelope {
    typealias Request = Binakarier_Rpc_V1_Request
    typealias Response = Binakarier_Rpc_V1_Response

    /// The largest payload that still fits a frame once wrapped in an envelope. The envelope adds a tag
    /// and a length varint (at most 6 bytes) around the payload; the status of an error is small.
    static let maximumPayloadLength = TTRPCLimits.maximumDataLength - 64

    static func decodeRequest(_ data: ByteBuffer) throws(ProtoDecodingError) -> Request {
        let result = data.withUnsafeReadableBytes { bytes in
            Result { () throws(ProtoDecodingError) in try Request(serializedBytes: bytes) }
        }
        return try result.get()
    }

    static func decodeResponse(_ data: ByteBuffer) -> Result<[UInt8], RPCError> {
        let decoded = data.withUnsafeReadableBytes { bytes in
            Result { () throws(ProtoDecodingError) in try Response(serializedBytes: bytes) }
        }
        switch decoded {
        case .failure(let error):
            return .failure(RPCError(.internal, "malformed response from server: \(error)"))
        case .success(let response):
            if let status = response.status, status.code != 0 {
                return .failure(RPCError(status: status))
            }
            return .success(response.payload)
        }
    }

    /// Writes a response frame: the payload on success (no status, as ttrpc does), the status alone on
    /// failure. A payload too large for a frame becomes RESOURCE_EXHAUSTED: we never send a frame over
    /// the limit (the ttrpc 1.1 Go client crashes on one).
    static func writeResponse(_ result: Result<[UInt8], RPCError>, streamID: UInt32, into buffer: inout ByteBuffer) {
        var response = Response()
        switch result {
        case .success(let payload) where payload.count > maximumPayloadLength:
            response.status = status(RPCError(.resourceExhausted, "response of \(payload.count) bytes exceeds the \(TTRPCLimits.maximumDataLength)-byte frame limit"))
        case .success(let payload):
            response.payload = payload
        case .failure(let error):
            response.status = status(error)
        }
        let packed: ProtoPackedMessage
        do {
            packed = try response.packed()
        } catch {
            // Only a NUL in the status message can fail here; send the code with a message that can travel.
            response = Response(status: .init(code: response.status?.code ?? RPCStatusCode.internal.rawValue, message: "unencodable error message"))
            packed = try! response.packed()
        }
        buffer.writeTTRPCFrame(streamID: streamID, type: .response) { $0.writePacked(packed) }
    }

    static func writeRequest(_ request: Request, streamID: UInt32, into buffer: inout ByteBuffer) throws(ProtoEncodingError) {
        let packed = try request.packed()
        buffer.writeTTRPCFrame(streamID: streamID, type: .request, flags: 0) { $0.writePacked(packed) }
    }

    private static func status(_ error: RPCError) -> Google_Rpc_Status {
        error.status
    }
}
