import BKTestSupport
import BKProto
import Testing

@Suite("Round trips through protobuf-c")
struct RoundTripTests {
    static let full = Binakarier_Testing_V1_AllTypes(
        fInt32: .min, fInt64: .min, fUint32: .max, fUint64: .max, fSint32: .min, fSint64: .max,
        fFixed32: .max, fFixed64: .max, fSfixed32: .min, fSfixed64: .min, fFloat: -0.125, fDouble: .pi,
        fBool: true, fString: "NIP 198703152010011001 — Kepala Dinas ✓", fBytes: [0, 1, 2, 255],
        fColor: .negative, fShape: .circle,
        fNested: .init(label: "a", value: 1, children: [.init(label: "b", value: 2, children: [.init(label: "c")])]),
        rInt32: [0, -1, .max], rInt64: [.min, 0], rUint32: [1, 2], rUint64: [.max], rSint32: [-5, 5],
        rSint64: [.min, .max], rFixed32: [3], rFixed64: [4], rSfixed32: [-6], rSfixed64: [-7],
        rFloat: [1.25, .infinity], rDouble: [-0.0, 1e300], rBool: [false, true], rString: ["", "dua", "tiga ✓"],
        rBytes: [[], [9, 9]], rColor: [.red, .negative, .unspecified],
        rNested: [.init(label: "x"), .init(value: -3)],
        choice: .choiceText(""), maybeCount: .count(0))

    @Test func everyFieldKindSurvivesARoundTrip() throws {
        let bytes = try Self.full.serializedBytes()
        let decoded = try Binakarier_Testing_V1_AllTypes(serializedBytes: bytes)
        #expect(decoded == Self.full)
    }

    @Test func defaultMessageEncodesToNothing() throws {
        #expect(try Binakarier_Testing_V1_AllTypes().serializedBytes().isEmpty)
        #expect(try Binakarier_Testing_V1_AllTypes(serializedBytes: [UInt8]()) == .init())
    }

    @Test(arguments: [
        Binakarier_Testing_V1_AllTypes.OneOf_Choice.choiceText("teks"), .choiceText(""), .choiceNumber(-1),
        .choiceNumber(0), .choiceNested(.init()), .choiceNested(.init(label: "n")), .choiceColor(.unspecified),
        .choiceColor(.green), .choiceBytes([]), .choiceBytes([1]),
    ])
    func oneofKeepsWhichMemberIsSetEvenAtItsDefault(choice: Binakarier_Testing_V1_AllTypes.OneOf_Choice) throws {
        let message = Binakarier_Testing_V1_AllTypes(choice: choice)
        let decoded = try Binakarier_Testing_V1_AllTypes(serializedBytes: message.serializedBytes())
        #expect(decoded.choice == choice)
        #expect(decoded.maybeCount == nil)
    }

    @Test func envelopeWithRepeatedMetadataRoundTrips() throws {
        let request = Binakarier_Rpc_V1_Request(
            service: "binakarier.testing.v1.Echo", method: "Echo", payload: Array(repeating: 7, count: 1000),
            timeoutNano: 1_000_000_000,
            metadata: [.init(key: "a", value: "1"), .init(key: "a", value: "2"), .init(key: "b", value: "")])
        #expect(try Binakarier_Rpc_V1_Request(serializedBytes: request.serializedBytes()) == request)
        let response = Binakarier_Rpc_V1_Response(status: .init(code: 5, message: "tidak ditemukan", details: [
            .init(typeUrl: "type.googleapis.com/x", value: [1, 2]),
        ]))
        #expect(try Binakarier_Rpc_V1_Response(serializedBytes: response.serializedBytes()) == response)
    }

    @Test func randomMessagesRoundTrip() throws {
        var generator = SplitMix64(seed: 0x5A3A_4C75)
        for _ in 0..<500 {
            let message = Binakarier_Testing_V1_AllTypes.random(using: &generator)
            #expect(try Binakarier_Testing_V1_AllTypes(serializedBytes: message.serializedBytes()) == message)
        }
    }

    @Test func stringWithNULIsRefusedOnEncode() {
        #expect(throws: ProtoEncodingError.embeddedNUL(field: "text")) {
            try Binakarier_Testing_V1_EchoRequest(text: "a\u{0}b").serializedBytes()
        }
        #expect(throws: ProtoEncodingError.embeddedNUL(field: "r_string")) {
            try Binakarier_Testing_V1_AllTypes(rString: ["ok", "\u{0}"]).serializedBytes()
        }
    }
}


extension Binakarier_Testing_V1_AllTypes {
    static func random(using g: inout SplitMix64) -> Self {
        func string() -> String {
            let alphabet = Array("abcXYZ 019—✓éß\u{1F600}")
            return String((0..<Int.random(in: 0...12, using: &g)).map { _ in alphabet.randomElement(using: &g)! })
        }
        func bytes() -> [UInt8] { (0..<Int.random(in: 0...8, using: &g)).map { _ in UInt8.random(in: 0...255, using: &g) } }
        func list<T>(_ make: () -> T) -> [T] { (0..<Int.random(in: 0...3, using: &g)).map { _ in make() } }
        var m = Self()
        m.fInt32 = .random(in: .min ... .max, using: &g)
        m.fInt64 = .random(in: .min ... .max, using: &g)
        m.fUint64 = .random(in: 0 ... .max, using: &g)
        m.fSint32 = .random(in: .min ... .max, using: &g)
        m.fSfixed64 = .random(in: .min ... .max, using: &g)
        m.fDouble = .random(in: -1e9...1e9, using: &g)
        m.fFloat = .random(in: -1e3...1e3, using: &g)
        m.fBool = .random(using: &g)
        m.fString = string()
        m.fBytes = bytes()
        m.fColor = Binakarier_Testing_V1_Color.allCases.randomElement(using: &g)!
        m.fNested = Bool.random(using: &g) ? .init(label: string(), value: .random(in: -9...9, using: &g)) : nil
        m.rInt64 = list { .random(in: .min ... .max, using: &g) }
        m.rSint32 = list { .random(in: .min ... .max, using: &g) }
        m.rString = list(string)
        m.rBytes = list(bytes)
        m.rBool = list { .random(using: &g) }
        m.rColor = list { Binakarier_Testing_V1_Color.allCases.randomElement(using: &g)! }
        m.rNested = list { .init(label: string()) }
        switch Int.random(in: 0...5, using: &g) {
        case 0: m.choice = .choiceText(string())
        case 1: m.choice = .choiceNumber(.random(in: .min ... .max, using: &g))
        case 2: m.choice = .choiceBytes(bytes())
        case 3: m.choice = .choiceNested(.init(label: string()))
        case 4: m.choice = .choiceColor(.green)
        default: m.choice = nil
        }
        return m
    }
}

@Suite("proto3 JSON")
struct JSONTests {
    @Test func messagesEncodeAsProto3JSON() throws {
        let message = Binakarier_Testing_V1_AllTypes(
            fInt32: -1, fInt64: 9_000_000_000, fBool: true, fString: "teks", fBytes: [1, 2, 3], fColor: .red,
            fNested: .init(label: "n"), rUint64: [1, 2], rColor: [.green], choice: .choiceNumber(5))
        let json = try ProtoJSON.encode(message)
        #expect(json == #"{"choiceNumber":"5","fBool":true,"fBytes":"AQID","fColor":"COLOR_RED","fInt32":-1,"fInt64":"9000000000","fNested":{"label":"n"},"fString":"teks","rColor":["COLOR_GREEN"],"rUint64":["1","2"]}"#)
        #expect(try ProtoJSON.encode(Binakarier_Testing_V1_AllTypes()) == "{}")
    }
}
