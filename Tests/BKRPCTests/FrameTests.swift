import BKProto
@testable import BKRPC
import NIOCore
import Testing

/// Bytes written out by hand from proto/PROTOCOL.md, not produced by our encoder.
@Suite("ttrpc framing")
struct FrameTests {
    // Request{service:"s.v1.S" method:"M" payload:"\x0a\x01x" timeout_nano:1000000000 metadata:[{k:"a" v:"b"}]}
    static let requestEnvelope: [UInt8] =
        [0x0A, 0x06] + Array("s.v1.S".utf8)  // 1: service
        + [0x12, 0x01, 0x4D]  // 2: method "M"
        + [0x1A, 0x03, 0x0A, 0x01, 0x78]  // 3: payload
        + [0x20, 0x80, 0x94, 0xEB, 0xDC, 0x03]  // 4: timeout_nano 1e9 as a varint
        + [0x2A, 0x06, 0x0A, 0x01, 0x61, 0x12, 0x01, 0x62]  // 5: metadata {key:"a" value:"b"}

    static let requestFrame: [UInt8] =
        [0x00, 0x00, 0x00, UInt8(requestEnvelope.count)]  // length, big-endian
        + [0x00, 0x00, 0x00, 0x03]  // stream id 3
        + [0x01, 0x00]  // type request, no flags
        + requestEnvelope

    @Test func requestFrameMatchesTheSpecByteForByte() throws {
        let request = Binakarier_Rpc_V1_Request(
            service: "s.v1.S", method: "M", payload: [0x0A, 0x01, 0x78], timeoutNano: 1_000_000_000,
            metadata: [.init(key: "a", value: "b")])
        var buffer = ByteBuffer()
        try TTRPCEnvelope.writeRequest(request, streamID: 3, into: &buffer)
        #expect(Array(buffer.readableBytesView) == Self.requestFrame)
    }

    @Test func okResponseCarriesOnlyThePayload() {
        var buffer = ByteBuffer()
        TTRPCEnvelope.writeResponse(.success([0x01, 0x02]), streamID: 5, into: &buffer)
        // Response{payload(2): 01 02}, no status field at all.
        #expect(Array(buffer.readableBytesView) == [0, 0, 0, 4, 0, 0, 0, 5, 2, 0, 0x12, 0x02, 0x01, 0x02])
    }

    @Test func errorResponseCarriesOnlyTheStatus() {
        var buffer = ByteBuffer()
        TTRPCEnvelope.writeResponse(.failure(RPCError(.notFound, "no")), streamID: 7, into: &buffer)
        // Response{status(1): Status{code(1): 5, message(2): "no"}}
        let status: [UInt8] = [0x08, 0x05, 0x12, 0x02, 0x6E, 0x6F]
        let envelope: [UInt8] = [0x0A, UInt8(status.count)] + status
        #expect(Array(buffer.readableBytesView) == [0, 0, 0, UInt8(envelope.count), 0, 0, 0, 7, 2, 0] + envelope)
    }

    @Test func oversizedPayloadBecomesResourceExhaustedNotABigFrame() {
        var buffer = ByteBuffer()
        TTRPCEnvelope.writeResponse(.success(Array(repeating: 0, count: TTRPCLimits.maximumDataLength)), streamID: 1, into: &buffer)
        #expect(buffer.readableBytes < 200)
        var parser = TTRPCFrameParser()
        parser.append(buffer)
        guard case .frame(_, let data) = parser.next() else { Issue.record("no frame"); return }
        #expect(throws: RPCError.self) { try TTRPCEnvelope.decodeResponse(data).get() }
        #expect((try? TTRPCEnvelope.decodeResponse(data).get()) == nil)
        if case .failure(let error) = TTRPCEnvelope.decodeResponse(data) { #expect(error.code == .resourceExhausted) }
    }

    @Test func parserReassemblesFramesSplitAtEveryByte() throws {
        let stream = Self.requestFrame + Self.requestFrame
        for split in 1..<stream.count {
            var parser = TTRPCFrameParser()
            var frames: [TTRPCInboundFrame] = []
            parser.append(ByteBuffer(bytes: stream[..<split]))
            while let frame = parser.next() { frames.append(frame) }
            parser.append(ByteBuffer(bytes: stream[split...]))
            while let frame = parser.next() { frames.append(frame) }
            #expect(frames.count == 2)
            for frame in frames {
                guard case .frame(let header, let data) = frame else { Issue.record("unexpected \(frame)"); continue }
                #expect(header == TTRPCFrameHeader(length: UInt32(Self.requestEnvelope.count), streamID: 3, type: .request))
                #expect(Array(data.readableBytesView) == Self.requestEnvelope)
            }
            #expect(parser.bufferedBytes == 0)
        }
    }

    @Test func parserSkipsAnOversizedFrameWithoutBufferingIt() {
        var parser = TTRPCFrameParser()
        let length = TTRPCLimits.maximumDataLength + 1
        var header = ByteBuffer()
        header.writeInteger(UInt32(length))
        header.writeInteger(UInt32(9))
        header.writeInteger(UInt8(1))
        header.writeInteger(UInt8(0))
        parser.append(header)
        guard case .oversized(let skipped) = parser.next() else { Issue.record("expected oversized"); return }
        #expect(skipped.streamID == 9)
        // Feed the body in 64 KiB pieces: nothing is kept, no frame appears.
        var remaining = length
        while remaining > 0 {
            let piece = min(remaining, 65536)
            parser.append(ByteBuffer(repeating: 0xEE, count: piece))
            #expect(parser.next() == nil)
            #expect(parser.bufferedBytes == 0)
            remaining -= piece
        }
        parser.append(ByteBuffer(bytes: Self.requestFrame))
        guard case .frame(let next, _) = parser.next() else { Issue.record("expected the next frame"); return }
        #expect(next.streamID == 3)
    }

    @Test func randomBytesNeverCrashTheParser() {
        var state: UInt64 = 7
        func next() -> UInt64 { state = state &* 6364136223846793005 &+ 1442695040888963407; return state >> 33 }
        for _ in 0..<2000 {
            var parser = TTRPCFrameParser()
            let bytes = (0..<Int(next() % 64)).map { _ in UInt8(truncatingIfNeeded: next()) }
            parser.append(ByteBuffer(bytes: bytes))
            var count = 0
            while parser.next() != nil, count < 100 { count += 1 }
            #expect(count < 100)
        }
    }
}
