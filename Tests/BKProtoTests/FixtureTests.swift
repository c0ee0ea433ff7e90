import BKProto
import Foundation
import Testing

/// Bytes written by `protoc --encode` from the `.txtpb` files beside them (tools/generate-protos), so
/// the decoder is checked against an encoder that is not ours.
@Suite("Decoding bytes from protoc --encode")
struct FixtureTests {
    static func fixture(_ name: String) throws -> [UInt8] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/\(name)")
        return try [UInt8](Data(contentsOf: url))
    }

    @Test func allTypesFromProtoc() throws {
        let m = try Binakarier_Testing_V1_AllTypes(serializedBytes: Self.fixture("all_types.bin"))
        #expect(m.fInt32 == -42)
        #expect(m.fInt64 == -9_000_000_000)
        #expect(m.fUint32 == 4_000_000_000)
        #expect(m.fUint64 == 18_000_000_000_000_000_000)
        #expect(m.fSint32 == -7)
        #expect(m.fSint64 == -7_000_000_000)
        #expect(m.fFixed32 == 123_456)
        #expect(m.fFixed64 == 1_234_567_890_123)
        #expect(m.fSfixed32 == -123_456)
        #expect(m.fSfixed64 == -1_234_567_890_123)
        #expect(m.fFloat == 1.5)
        #expect(m.fDouble == -2.25)
        #expect(m.fBool)
        #expect(m.fString == "Sawahlunto — Dinas Kesehatan ✓")
        #expect(m.fBytes == [0, 1, 255] + Array("binary".utf8))
        #expect(m.fColor == .negative)
        #expect(m.fShape == .square)
        #expect(m.fNested == .init(label: "root", value: 1, children: [.init(label: "child", value: 2)]))
        #expect(m.rInt32 == [1, -2, 3])
        #expect(m.rInt64 == [-1, 9_000_000_000])
        #expect(m.rUint32 == [0, 4_294_967_295])
        #expect(m.rUint64 == [.max])
        #expect(m.rSint32 == [-1, 1])
        #expect(m.rSint64 == [-9_000_000_000])
        #expect(m.rFixed32 == [7])
        #expect(m.rFixed64 == [8])
        #expect(m.rSfixed32 == [-9])
        #expect(m.rSfixed64 == [-10])
        #expect(m.rFloat == [0.5, -0.5])
        #expect(m.rDouble == [3.25])
        #expect(m.rBool == [true, false, true])
        #expect(m.rString == ["satu", "", "tiga"])
        #expect(m.rBytes == [[1], []])
        #expect(m.rColor == [.red, .green])
        #expect(m.rNested == [.init(label: "a"), .init(label: "b", value: -1)])
        #expect(m.choice == .choiceNested(.init(label: "pilihan")))
        #expect(m.maybeCount == .count(0))
    }

    @Test func ourEncodingDecodesToTheSameMessage() throws {
        let fromProtoc = try Binakarier_Testing_V1_AllTypes(serializedBytes: Self.fixture("all_types.bin"))
        let again = try Binakarier_Testing_V1_AllTypes(serializedBytes: fromProtoc.serializedBytes())
        #expect(again == fromProtoc)
    }

    @Test func requestEnvelopeFromProtoc() throws {
        let bytes = try Self.fixture("request.bin")
        let request = try Binakarier_Rpc_V1_Request(serializedBytes: bytes)
        #expect(request.service == "binakarier.testing.v1.Echo")
        #expect(request.method == "Echo")
        #expect(try Binakarier_Testing_V1_EchoRequest(serializedBytes: request.payload).text == "hello")
        #expect(request.timeoutNano == 5_000_000_000)
        #expect(request.metadata == [.init(key: "x-request-id", value: "abc"), .init(key: "x-request-id", value: "def")])
        // Fields in number order, packed the canonical way: protobuf-c must write exactly what protoc wrote.
        #expect(try request.serializedBytes() == bytes)
    }
}
