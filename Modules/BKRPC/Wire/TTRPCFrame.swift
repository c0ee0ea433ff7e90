import BKProto
import NIOCore

/// The 10-byte ttrpc frame header. See proto/PROTOCOL.md.
///
/// ```
/// 0               4               8       9      10
/// +---------------+---------------+-------+-------+----------------
/// | length (u32)  | stream id     | type  | flags | data (length bytes)
/// +---------------+---------------+-------+-------+----------------
/// ```
public struct TTRPCFrameHeader: Hashable, Sendable {
    /// Length of the data that follows, excluding the header.
    public var length: UInt32
    public var streamID: UInt32
    public var type: UInt8
    public var flags: UInt8

    public init(length: UInt32, streamID: UInt32, type: TTRPCMessageType, flags: UInt8 = 0) {
        self.init(length: length, streamID: streamID, rawType: type.rawValue, flags: flags)
    }

    public init(length: UInt32, streamID: UInt32, rawType: UInt8, flags: UInt8) {
        self.length = length
        self.streamID = streamID
        self.type = rawType
        self.flags = flags
    }

    public static let byteCount = 10
}

public enum TTRPCMessageType: UInt8, Sendable {
    case request = 1
    case response = 2
    case data = 3
}

public enum TTRPCLimits {
    /// The most data one frame may carry (ttrpc's messageLengthMax). Larger frames are read and dropped
    /// and answered RESOURCE_EXHAUSTED; we never send one.
    public static let maximumDataLength = 4 << 20
}

/// One frame off the wire, or the header of one too large to keep.
public enum TTRPCInboundFrame: Sendable, Equatable {
    case frame(TTRPCFrameHeader, ByteBuffer)
    /// The data was over ``TTRPCLimits/maximumDataLength``; it is being skipped, not buffered.
    case oversized(TTRPCFrameHeader)
}

/// Splits a byte stream into frames. Oversized frames are skipped as their bytes arrive, so a peer
/// cannot make us buffer more than one maximum-size frame.
public struct TTRPCFrameParser: Sendable {
    private var buffer: ByteBuffer?
    private var bytesToDiscard = 0

    public init() {}

    public mutating func append(_ bytes: ByteBuffer) {
        if buffer == nil || buffer!.readableBytes == 0 {
            buffer = bytes
        } else {
            var incoming = bytes
            buffer!.writeBuffer(&incoming)
        }
    }

    /// The next complete frame, or nil when more bytes are needed.
    public mutating func next() -> TTRPCInboundFrame? {
        guard var current = buffer else { return nil }
        defer { buffer = current.readableBytes == 0 ? nil : current }
        if bytesToDiscard > 0 {
            let skipped = min(bytesToDiscard, current.readableBytes)
            current.moveReaderIndex(forwardBy: skipped)
            bytesToDiscard -= skipped
            if bytesToDiscard > 0 { return nil }
        }
        guard let length = current.getInteger(at: current.readerIndex, as: UInt32.self),
            let streamID = current.getInteger(at: current.readerIndex + 4, as: UInt32.self),
            let type = current.getInteger(at: current.readerIndex + 8, as: UInt8.self),
            let flags = current.getInteger(at: current.readerIndex + 9, as: UInt8.self)
        else { return nil }
        let header = TTRPCFrameHeader(length: length, streamID: streamID, rawType: type, flags: flags)
        if Int(length) > TTRPCLimits.maximumDataLength {
            current.moveReaderIndex(forwardBy: TTRPCFrameHeader.byteCount)
            let skipped = min(Int(length), current.readableBytes)
            current.moveReaderIndex(forwardBy: skipped)
            bytesToDiscard = Int(length) - skipped
            return .oversized(header)
        }
        guard current.readableBytes >= TTRPCFrameHeader.byteCount + Int(length) else { return nil }
        current.moveReaderIndex(forwardBy: TTRPCFrameHeader.byteCount)
        let data = current.readSlice(length: Int(length))!
        return .frame(header, data)
    }

    /// Bytes held for a frame not yet complete.
    public var bufferedBytes: Int { buffer?.readableBytes ?? 0 }
}

extension ByteBuffer {
    /// Appends a frame whose data `writeData` writes; the length is filled in afterwards.
    /// Returns the data length written.
    @discardableResult
    public mutating func writeTTRPCFrame(
        streamID: UInt32, type: TTRPCMessageType, flags: UInt8 = 0, writeData: (inout ByteBuffer) -> Void
    ) -> Int {
        let start = writerIndex
        writeInteger(UInt32(0))
        writeInteger(streamID)
        writeInteger(type.rawValue)
        writeInteger(flags)
        writeData(&self)
        let length = writerIndex - start - TTRPCFrameHeader.byteCount
        setInteger(UInt32(length), at: start)
        return length
    }

    /// Appends the protobuf encoding of a packed message.
    public mutating func writePacked(_ packed: ProtoPackedMessage) {
        let size = packed.size
        writeWithUnsafeMutableBytes(minimumWritableBytes: size) { packed.pack(into: $0) }
    }
}
