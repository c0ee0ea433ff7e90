import BKProto
import BKTestSupport
import Testing

@Suite("Bad input gives a typed error, never a crash")
struct BadInputTests {
    typealias AllTypes = Binakarier_Testing_V1_AllTypes

    /// field 14 (f_string), wire type 2
    static func stringField(_ bytes: [UInt8]) -> [UInt8] { [0x72, UInt8(bytes.count)] + bytes }

    @Test func everyTruncationOfAValidMessageIsRejectedOrDecodes() throws {
        let bytes = try RoundTripTests.full.serializedBytes()
        for length in 0..<bytes.count {
            do {
                _ = try AllTypes(serializedBytes: Array(bytes[0..<length]))
            } catch {
                // Only a typed error may come out; any truncation inside a field must be malformed.
                #expect(error == .malformed(message: "binakarier.testing.v1.AllTypes") || {
                    if case .malformed = error { return true } else { return false }
                }())
            }
        }
        #expect(throws: ProtoDecodingError.self) { try AllTypes(serializedBytes: Array(bytes.dropLast())) }
    }

    @Test func invalidUTF8IsRejected() {
        #expect(throws: ProtoDecodingError.invalidUTF8(field: "f_string")) {
            try AllTypes(serializedBytes: Self.stringField([0x61, 0xC3, 0x28]))
        }
        #expect(throws: ProtoDecodingError.invalidUTF8(field: "f_string")) {
            try AllTypes(serializedBytes: Self.stringField([0xED, 0xA0, 0x80]))  // a UTF-16 surrogate
        }
    }

    @Test func embeddedNULIsRejected() {
        #expect(throws: ProtoDecodingError.embeddedNUL(field: "f_string")) {
            try AllTypes(serializedBytes: Self.stringField([0x61, 0x00, 0x62]))
        }
        // inside a nested message: f_nested (18) { label (1) = "a\0" }
        let nested: [UInt8] = [0x92, 0x01, 0x04, 0x0A, 0x02, 0x61, 0x00]
        #expect(throws: ProtoDecodingError.embeddedNUL(field: "label")) { try AllTypes(serializedBytes: nested) }
    }

    @Test func unknownEnumValueIsRejected() {
        // f_color (16) = 7, r_color (36) = [1, 99]
        #expect(throws: ProtoDecodingError.unknownEnumValue(field: "binakarier.testing.v1.AllTypes.f_color", value: 7)) {
            try AllTypes(serializedBytes: [0x80, 0x01, 0x07])
        }
        #expect(throws: ProtoDecodingError.unknownEnumValue(field: "binakarier.testing.v1.AllTypes.r_color", value: 99)) {
            try AllTypes(serializedBytes: [0xA2, 0x02, 0x02, 0x01, 0x63])
        }
    }

    @Test func malformedStructureIsRejected() {
        let cases: [[UInt8]] = [
            [0x08],  // tag without value
            [0x08, 0x80],  // unterminated varint
            [0x72, 0x05, 0x61],  // length past the end
            [0x0B],  // group start: not supported
            [0x0F],  // wire type 7
            [0x72, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01],  // absurd length
        ]
        for bytes in cases {
            #expect(throws: ProtoDecodingError.self) { try AllTypes(serializedBytes: bytes) }
        }
    }

    @Test func deepNestingIsRejectedNotOverflowed() {
        // Nested.children (3) nested 100,000 deep would overflow protobuf-c's recursive unpack.
        var inner: [UInt8] = []
        for _ in 0..<100_000 {
            inner = [0x1A] + varint(inner.count) + inner
            if inner.count > 3_000_000 { break }
        }
        let message = [0x92, 0x01] + varint(inner.count) + inner
        #expect(throws: ProtoDecodingError.nestingTooDeep(message: "binakarier.testing.v1.AllTypes.Nested")) {
            try AllTypes(serializedBytes: message)
        }
    }

    @Test func unknownFieldsAreSkipped() throws {
        // field 1000 (varint) and field 1001 (bytes) unknown to EchoRequest, then text = "ok"
        let bytes: [UInt8] = [0xC0, 0x3E, 0x01, 0xCA, 0x3E, 0x01, 0xFF, 0x0A, 0x02, 0x6F, 0x6B]
        #expect(try Binakarier_Testing_V1_EchoRequest(serializedBytes: bytes).text == "ok")
    }

    @Test func randomBytesNeverCrash() {
        var generator = SplitMix64(seed: 42)
        var decoded = 0
        for _ in 0..<20_000 {
            let bytes = (0..<Int.random(in: 0...40, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            if (try? AllTypes(serializedBytes: bytes)) != nil { decoded += 1 }
        }
        // Most random byte strings are not valid messages; some short ones are.
        #expect(decoded < 20_000)
    }
}

func varint(_ value: Int) -> [UInt8] {
    var value = UInt64(value)
    var out: [UInt8] = []
    repeat {
        var byte = UInt8(value & 0x7F)
        value >>= 7
        if value != 0 { byte |= 0x80 }
        out.append(byte)
    } while value != 0
    return out
}
