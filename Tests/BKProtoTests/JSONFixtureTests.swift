import BKProto
import Foundation
import Testing

/// proto3 JSON checked against protobuf's own implementation: for each fixture, `Fixtures/NAME.json`
/// is what Python's json_format writes for `NAME.bin` (tools/generate-protos). Our encoding of the
/// decoded bytes must mean the same JSON, and our decoding of theirs must give the same message.
@Suite("proto3 JSON against protobuf's json_format")
struct JSONFixtureTests {
    static func fixture(_ name: String) throws -> [UInt8] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/\(name)")
        return try [UInt8](Data(contentsOf: url))
    }

    /// The same JSON value, whatever the key order and spacing.
    static func sameJSON(_ a: [UInt8], _ b: [UInt8]) throws -> Bool {
        let left = try JSONSerialization.jsonObject(with: Data(a)) as? NSObject
        let right = try JSONSerialization.jsonObject(with: Data(b)) as? NSObject
        return left != nil && left == right
    }

    static func roundTrip<M: ProtoMessage & Codable>(_ type: M.Type, _ name: String) throws {
        let message = try M(serializedBytes: fixture("\(name).bin"))
        let reference = try fixture("\(name).json")
        let ours = Array(try ProtoJSON.encode(message).utf8)
        #expect(try sameJSON(ours, reference), "our JSON of \(name) differs from json_format's:\n\(String(decoding: ours, as: UTF8.self))")
        let decoded = try ProtoJSON.decode(M.self, from: reference)
        #expect(decoded == message)
    }

    @Test func allTypes() throws { try Self.roundTrip(Binakarier_Testing_V1_AllTypes.self, "all_types") }
    @Test func request() throws { try Self.roundTrip(Binakarier_Rpc_V1_Request.self, "request") }
    @Test func updateWithFieldMask() throws { try Self.roundTrip(Binakarier_Identity_V1_UpdateEmployeeRequest.self, "update_employee") }

    @Test func decodingAcceptsEveryFormTheMappingAllows() throws {
        let json = #"""
            {"f_int32": "-5", "fInt64": 12, "fUint64": "18446744073709551615", "fDouble": "-Infinity", "fFloat": 2,
             "fColor": 2, "fBytes": "AAH_", "rInt32": null, "fNested": null, "mCounts": {"a": "1"}, "mFlags": {"false": ""},
             "mNested": {"3": {"label": "tiga"}}, "choiceColor": "COLOR_RED"}
            """#
        let m = try ProtoJSON.decode(Binakarier_Testing_V1_AllTypes.self, from: Array(json.utf8))
        #expect(m.fInt32 == -5)
        #expect(m.fInt64 == 12)
        #expect(m.fUint64 == .max)
        #expect(m.fDouble == -.infinity)
        #expect(m.fFloat == 2)
        #expect(m.fColor == .green)
        #expect(m.fBytes == [0, 1, 255])
        #expect(m.fNested == nil)
        #expect(m.mCounts == ["a": 1])
        #expect(m.mFlags == [false: []])
        #expect(m.mNested[3]?.label == "tiga")
        #expect(m.choice == .choiceColor(.red))
    }

    @Test(arguments: [
        (#"{"noSuchField": 1}"#, "noSuchField"),
        (#"{"fInt32": "dua"}"#, "fInt32"),
        (#"{"fInt32": 3000000000}"#, "fInt32"),
        (#"{"fColor": "COLOR_PURPLE"}"#, "fColor"),
        (#"{"fNested": {"label": 5}}"#, "fNested.label"),
        (#"{"mNested": {"x": {}}}"#, "mNested"),
        (#"{"rInt32": [1, "x"]}"#, "rInt32"),
        (#"{"fFloat": 1e300}"#, "fFloat"),
        (#"{"choiceText": "a", "choiceNumber": "1"}"#, "choice"),
    ])
    func badJSONNamesTheField(json: String, field: String) {
        let error = #expect(throws: ProtoJSONDecodingError.self) {
            _ = try ProtoJSON.decode(Binakarier_Testing_V1_AllTypes.self, from: Array(json.utf8))
        }
        #expect(error?.field.hasPrefix(field) == true, "\(String(describing: error))")
    }

    @Test func fieldMasksInJSONAreLowerCamelPaths() throws {
        let mask = try ProtoJSON.decode(Google_Protobuf_FieldMask.self, from: Array(#""headNip,name,a.bC""#.utf8))
        #expect(mask.paths == ["head_nip", "name", "a.b_c"])
        #expect(try ProtoJSON.decode(Google_Protobuf_FieldMask.self, from: Array(#""""#.utf8)).paths.isEmpty)
        for bad in [#""head_nip""#, #""a,,b""#, #""a,""#] {
            #expect(throws: ProtoJSONDecodingError.self) { _ = try ProtoJSON.decode(Google_Protobuf_FieldMask.self, from: Array(bad.utf8)) }
        }
    }

    @Test func mergeAppliesAnUpdateMask() throws {
        var stored = Binakarier_Testing_V1_AllTypes(fInt32: 1, fString: "lama", fNested: .init(label: "a", value: 1), choice: .choiceText("x"))
        let patch = Binakarier_Testing_V1_AllTypes(fInt32: 2, fString: "baru", fNested: .init(label: "b", value: 2), mCounts: ["k": 1])
        try stored.merge(from: patch, paths: ["f_string", "f_nested.value", "m_counts", "choice_text"])
        #expect(stored.fInt32 == 1)
        #expect(stored.fString == "baru")
        #expect(stored.fNested == .init(label: "a", value: 2))
        #expect(stored.mCounts == ["k": 1])
        #expect(stored.choice == nil)  // the patch does not set that member: it is cleared
        let unknown = #expect(throws: ProtoFieldMaskError.self) { try stored.merge(from: patch, paths: ["f_nested.nope"]) }
        #expect(unknown?.path == "f_nested.nope")
        #expect(throws: ProtoFieldMaskError.self) { try stored.merge(from: patch, paths: ["f_string.x"]) }
    }
}
