import BKProto
import BKRPC
import Identity
import Programs
import Feedback
import Reporting
import NIOCore

/// libFuzzer's entry point (built with tools/fuzz); the plain build replays files through the same code.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzTarget.run(UnsafeRawBufferPointer(start: data, count: size))
    return 0
}

/// Every decoder that reads bytes from outside: the frame parser, each message's unpack path, the CSV
/// reader. The first byte picks the decoder; the rest is its input. A crash, a trap or a sanitizer report
/// is a bug; throwing an error is the expected answer to garbage.
enum FuzzTarget {
    static let decoders: [(String, @Sendable (UnsafeRawBufferPointer) -> Void)] = [
        ("frames", frames),
        ("request", { roundTrip(Binakarier_Rpc_V1_Request.self, $0) }),
        ("response", { roundTrip(Binakarier_Rpc_V1_Response.self, $0) }),
        ("all-types", { roundTrip(Binakarier_Testing_V1_AllTypes.self, $0) }),
        ("employee", { roundTrip(Binakarier_Identity_V1_Employee.self, $0) }),
        ("agency", { roundTrip(Binakarier_Identity_V1_Agency.self, $0) }),
        ("token-claims", { roundTrip(Binakarier_Auth_V1_TokenClaims.self, $0) }),
        ("import-report", { roundTrip(Binakarier_Identity_V1_ImportReport.self, $0) }),
        ("csv", csv),
        ("json-all-types", { jsonRoundTrip(Binakarier_Testing_V1_AllTypes.self, $0) }),
        ("json-update-employee", { jsonRoundTrip(Binakarier_Identity_V1_UpdateEmployeeRequest.self, $0) }),
        ("revocations", { roundTrip(Binakarier_Auth_V1_ListRevocationsResponse.self, $0) }),
        ("session", { roundTrip(Binakarier_Programs_V1_Session.self, $0) }),
        ("mark-attendance", { roundTrip(Binakarier_Programs_V1_MarkAttendanceRequest.self, $0) }),
        ("attendance-csv", { _ = try? AttendanceCSV.parse(Array($0), deadline: nil) }),
        ("outside-learning-csv", { _ = try? OutsideLearningInput.parse(Array($0), deadline: nil) }),
        ("json-create-program", { jsonRoundTrip(Binakarier_Programs_V1_CreateProgramRequest.self, $0) }),
        ("submit-response", { roundTrip(Binakarier_Feedback_V1_SubmitResponseRequest.self, $0) }),
        ("instrument-document", { _ = InstrumentRules.read(Array($0)) }),
        ("answers", { bytes in
            guard let request = try? Binakarier_Feedback_V1_SubmitResponseRequest(serializedBytes: bytes) else { return }
            _ = try? AnswerRules.validated(request.answers, for: BuiltInInstruments.reaction)
        }),
        ("report", { roundTrip(Binakarier_Reporting_V1_Report.self, $0) }),
        ("import-outcome-request", { roundTrip(Binakarier_Reporting_V1_ImportOutcomeRequest.self, $0) }),
        ("outcome-csv", { bytes in
            for kind in [Binakarier_Reporting_V1_OutcomeKind.skp, .discipline, .ikm] {
                _ = try? OutcomeImport.parse(kind, Array(bytes), knownPeople: ["199001012015031001": "DINKES"], knownUnits: ["DINKES/PKM-KOLOK"], year: 2026)
            }
        }),
    ]

    static func run(_ bytes: UnsafeRawBufferPointer) {
        guard let selector = bytes.first else { return }
        decoders[Int(selector) % decoders.count].1(UnsafeRawBufferPointer(rebasing: bytes.dropFirst()))
    }

    /// Decoding succeeds or throws; what decodes must re-encode to bytes that decode and re-encode to
    /// the same bytes. (Bytes, not `==`: a NaN float is not equal to itself, yet must survive intact.)
    static func roundTrip<M: ProtoMessage>(_ type: M.Type, _ bytes: UnsafeRawBufferPointer) {
        guard let message = try? M(serializedBytes: bytes) else { return }
        guard let encoded = try? message.serializedBytes() else { return }  // a string with a NUL cannot be re-encoded
        let again = try? M(serializedBytes: encoded).serializedBytes()
        precondition(again == encoded, "\(M.protoName) changed across a round trip")
    }

    /// proto3 JSON, as the gateway will read it: decoding succeeds or throws; what decodes re-encodes to
    /// JSON that decodes and re-encodes to the same text.
    static func jsonRoundTrip<M: ProtoMessage & Codable>(_ type: M.Type, _ bytes: UnsafeRawBufferPointer) {
        guard let message = try? ProtoJSON.decode(M.self, from: Array(bytes)) else { return }
        guard let json = try? ProtoJSON.encode(message) else { return }  // NaN and infinities have no JSON number
        let again = try? ProtoJSON.encode(ProtoJSON.decode(M.self, from: Array(json.utf8)))
        precondition(again == json, "\(M.protoName) changed across a JSON round trip")
    }

    /// The frame parser, fed in pieces whose sizes come from the input itself.
    static func frames(_ bytes: UnsafeRawBufferPointer) {
        var parser = TTRPCFrameParser()
        var offset = 0
        var piece = 1
        while offset < bytes.count {
            let end = min(bytes.count, offset + piece)
            parser.append(ByteBuffer(bytes: bytes[offset..<end]))
            while let frame = parser.next() {
                if case .frame(let header, let data) = frame {
                    precondition(Int(header.length) == data.readableBytes && data.readableBytes <= TTRPCLimits.maximumDataLength)
                }
            }
            piece = Int(bytes[offset]) % 64 + 1
            offset = end
        }
    }

    static func csv(_ bytes: UnsafeRawBufferPointer) {
        let context = ImportContext(agencies: ["DINKES"], units: ["DINKES/SEKRET"], supervisors: [:])
        _ = try? EmployeeImporter.parse(Array(bytes), context: context)
    }
}
