import CProtobufC

/// What a generated message does to cross into protobuf-c: fill a C struct from Swift values, and
/// build Swift values from an unpacked C struct. Generated code conforms; nothing else should.
protocol ProtoCBridged: ProtoMessage {
    associatedtype CMessage
    /// The protobuf-c descriptor, read from a freshly initialised struct (the only safe way to take
    /// the address of a C global from Swift).
    static var cDescriptor: UnsafePointer<ProtobufCMessageDescriptor> { get }
    func fillC(_ c: UnsafeMutablePointer<CMessage>, _ arena: ProtoArena) throws(ProtoEncodingError)
    init(c: UnsafePointer<CMessage>) throws(ProtoDecodingError)
}

/// The generic halves of pack and unpack that generated code forwards to.
enum ProtoCBridge {
    static func packed<M: ProtoCBridged>(_ value: M) throws(ProtoEncodingError) -> ProtoPackedMessage {
        let arena = ProtoArena()
        let c = try arena.message(value)
        return ProtoPackedMessage(arena: arena, message: UnsafeRawPointer(c).assumingMemoryBound(to: ProtobufCMessage.self))
    }

    static func decode<M: ProtoCBridged>(_ type: M.Type, _ bytes: UnsafeRawBufferPointer) throws(ProtoDecodingError) -> M {
        try ProtoWireCheck.check(bytes, M.cDescriptor, depth: 0)
        let data = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self)
        guard let unpacked = protobuf_c_message_unpack(M.cDescriptor, nil, bytes.count, data) else {
            throw .malformed(message: M.protoName)
        }
        defer { protobuf_c_message_free_unpacked(unpacked, nil) }
        return try M(c: UnsafeRawPointer(unpacked).assumingMemoryBound(to: M.CMessage.self))
    }

    // MARK: unpack helpers (the C values were checked by ProtoWireCheck before unpack)

    static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        guard let pointer else { return "" }
        return String(cString: pointer)
    }

    static func bytes(_ data: ProtobufCBinaryData) -> [UInt8] {
        guard data.len > 0, let base = data.data else { return [] }
        return Array(UnsafeBufferPointer(start: base, count: data.len))
    }

    static func array<C, T>(_ pointer: UnsafePointer<C>?, _ count: Int, _ transform: (C) -> T) -> [T] {
        guard count > 0, let pointer else { return [] }
        return UnsafeBufferPointer(start: pointer, count: count).map(transform)
    }

    static func array<T>(_ pointer: UnsafePointer<T>?, _ count: Int) -> [T] {
        guard count > 0, let pointer else { return [] }
        return Array(UnsafeBufferPointer(start: pointer, count: count))
    }

    static func strings(_ pointer: UnsafePointer<UnsafeMutablePointer<CChar>?>?, _ count: Int) -> [String] {
        array(pointer, count) { string($0) }
    }

    static func bytesArray(_ pointer: UnsafePointer<ProtobufCBinaryData>?, _ count: Int) -> [[UInt8]] {
        array(pointer, count) { bytes($0) }
    }

    static func message<M: ProtoCBridged>(_ pointer: UnsafePointer<M.CMessage>?) throws(ProtoDecodingError) -> M? {
        guard let pointer else { return nil }
        return try M(c: pointer)
    }

    static func messages<M: ProtoCBridged>(
        _ pointer: UnsafePointer<UnsafeMutablePointer<M.CMessage>?>?, _ count: Int
    ) throws(ProtoDecodingError) -> [M] {
        guard count > 0, let pointer else { return [] }
        var result: [M] = []
        result.reserveCapacity(count)
        for index in 0..<count {
            guard let element = pointer[index] else { throw .malformed(message: M.protoName) }
            result.append(try M(c: element))
        }
        return result
    }

    static func enumValue<E: ProtoEnum>(_ type: E.Type, _ raw: Int32, field: String) throws(ProtoDecodingError) -> E {
        guard let value = E(rawValue: raw) else { throw .unknownEnumValue(field: field, value: raw) }
        return value
    }

    static func enumValues<E: ProtoEnum, C>(
        _ type: E.Type, _ pointer: UnsafePointer<C>?, _ count: Int, field: String, raw: (C) -> Int32
    ) throws(ProtoDecodingError) -> [E] {
        guard count > 0, let pointer else { return [] }
        var result: [E] = []
        result.reserveCapacity(count)
        for index in 0..<count { result.append(try enumValue(E.self, raw(pointer[index]), field: field)) }
        return result
    }
}
