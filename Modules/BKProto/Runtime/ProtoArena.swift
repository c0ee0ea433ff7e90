import CProtobufC

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Memory for the C view of a message while it is packed: strings, byte arrays, nested structs.
///
/// A bump allocator: one `malloc` per chunk, everything freed together when the pack scope ends, so
/// packing a message costs a handful of allocations whatever its shape.
final class ProtoArena {
    private var chunks: [UnsafeMutableRawPointer] = []
    private var cursor: UnsafeMutableRawPointer?
    private var remaining = 0
    private var nextChunkSize = 512

    init() {}

    deinit {
        for chunk in chunks { free(chunk) }
    }

    func allocate(byteCount: Int, alignment: Int) -> UnsafeMutableRawPointer {
        let needed = max(byteCount, 1)
        if let cursor {
            let padding = (alignment - Int(bitPattern: cursor) % alignment) % alignment
            if padding + needed <= remaining {
                let start = cursor + padding
                self.cursor = start + needed
                remaining -= padding + needed
                return start
            }
        }
        let size = max(nextChunkSize, needed + alignment)
        nextChunkSize = min(nextChunkSize * 2, 1 << 20)
        guard let chunk = malloc(size) else { fatalError("out of memory packing a message") }
        chunks.append(chunk)
        // malloc's alignment (16) covers every C type protobuf-c uses.
        cursor = chunk + needed
        remaining = size - needed
        return chunk
    }

    func allocate<T>(_ type: T.Type, count: Int) -> UnsafeMutablePointer<T> {
        allocate(byteCount: MemoryLayout<T>.stride * count, alignment: MemoryLayout<T>.alignment)
            .bindMemory(to: T.self, capacity: count)
    }

    /// A NUL-terminated copy of `string`; a NUL inside it would cut it short on the wire, so it is refused.
    func cString(_ string: String, field: StaticString) throws(ProtoEncodingError) -> UnsafeMutablePointer<CChar> {
        var string = string
        let copy: UnsafeMutablePointer<CChar>? = string.withUTF8 { utf8 in
            if utf8.contains(0) { return nil }
            let out = allocate(CChar.self, count: utf8.count + 1)
            if let base = utf8.baseAddress {
                UnsafeMutableRawPointer(out).copyMemory(from: base, byteCount: utf8.count)
            }
            out[utf8.count] = 0
            return out
        }
        guard let copy else { throw .embeddedNUL(field: "\(field)") }
        return copy
    }

    func binaryData(_ bytes: [UInt8]) -> ProtobufCBinaryData {
        let out = allocate(UInt8.self, count: bytes.count)
        bytes.withUnsafeBytes { raw in
            if let base = raw.baseAddress { UnsafeMutableRawPointer(out).copyMemory(from: base, byteCount: raw.count) }
        }
        return ProtobufCBinaryData(len: bytes.count, data: out)
    }

    func array<T>(_ values: [T]) -> UnsafeMutablePointer<T>? {
        guard !values.isEmpty else { return nil }
        let out = allocate(T.self, count: values.count)
        values.withUnsafeBufferPointer { source in
            out.initialize(from: source.baseAddress!, count: source.count)
        }
        return out
    }

    func cStrings(_ values: [String], field: StaticString) throws(ProtoEncodingError) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
        guard !values.isEmpty else { return nil }
        let out = allocate(UnsafeMutablePointer<CChar>?.self, count: values.count)
        for (index, value) in values.enumerated() { (out + index).initialize(to: try cString(value, field: field)) }
        return out
    }

    func binaryDataArray(_ values: [[UInt8]]) -> UnsafeMutablePointer<ProtobufCBinaryData>? {
        guard !values.isEmpty else { return nil }
        let out = allocate(ProtobufCBinaryData.self, count: values.count)
        for (index, value) in values.enumerated() { (out + index).initialize(to: binaryData(value)) }
        return out
    }

    func message<M: ProtoCBridged>(_ value: M) throws(ProtoEncodingError) -> UnsafeMutablePointer<M.CMessage> {
        let out = allocate(M.CMessage.self, count: 1)
        protobuf_c_message_init(M.cDescriptor, out)
        try value.fillC(out, self)
        return out
    }

    func messages<M: ProtoCBridged>(_ values: [M]) throws(ProtoEncodingError) -> UnsafeMutablePointer<UnsafeMutablePointer<M.CMessage>?>? {
        guard !values.isEmpty else { return nil }
        let out = allocate(UnsafeMutablePointer<M.CMessage>?.self, count: values.count)
        for (index, value) in values.enumerated() { (out + index).initialize(to: try message(value)) }
        return out
    }
}
