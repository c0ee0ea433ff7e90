import CProtobufC

/// A pass over the encoded bytes, guided by the protobuf-c descriptor, that rejects what protobuf-c
/// itself would accept silently: strings that are not UTF-8 or that hold a NUL (protobuf-c copies
/// them into C strings, which would cut them short), and nesting deep enough to exhaust the stack in
/// protobuf-c's recursive unpack.
enum ProtoWireCheck {
    static func check(
        _ bytes: UnsafeRawBufferPointer, _ descriptor: UnsafePointer<ProtobufCMessageDescriptor>, depth: Int
    ) throws(ProtoDecodingError) {
        guard depth <= ProtoLimits.maximumNestingDepth else {
            throw .nestingTooDeep(message: String(cString: descriptor.pointee.name))
        }
        var reader = Reader(bytes: bytes)
        while !reader.atEnd {
            guard let tag = reader.varint() else { throw malformed(descriptor) }
            let fieldNumber = tag >> 3
            switch tag & 7 {
            case 0:
                guard reader.varint() != nil else { throw malformed(descriptor) }
            case 1:
                guard reader.skip(8) else { throw malformed(descriptor) }
            case 5:
                guard reader.skip(4) else { throw malformed(descriptor) }
            case 2:
                guard let length = reader.varint(), let slice = reader.take(length) else { throw malformed(descriptor) }
                guard fieldNumber <= UInt64(UInt32.max),
                    let field = protobuf_c_message_descriptor_get_field(descriptor, UInt32(fieldNumber))
                else { continue }  // unknown field: protobuf-c keeps it as opaque bytes
                switch field.pointee.type.rawValue {
                case protobufCTypeString:
                    try checkString(slice, field: field)
                case protobufCTypeMessage:
                    let nested = field.pointee.descriptor.assumingMemoryBound(to: ProtobufCMessageDescriptor.self)
                    try check(slice, nested, depth: depth + 1)
                default:
                    break
                }
            default:
                // Groups (3, 4) are not supported by protobuf-c; 6 and 7 do not exist.
                throw malformed(descriptor)
            }
        }
    }

    // ProtobufCType's values (protobuf-c.h); its anonymous enum does not import under its C names.
    private static let protobufCTypeString: UInt32 = 14
    private static let protobufCTypeMessage: UInt32 = 16

    private static func checkString(
        _ bytes: UnsafeRawBufferPointer, field: UnsafePointer<ProtobufCFieldDescriptor>
    ) throws(ProtoDecodingError) {
        var ascii = true
        for byte in bytes {
            if byte == 0 { throw .embeddedNUL(field: String(cString: field.pointee.name)) }
            if byte >= 0x80 { ascii = false }
        }
        if !ascii, String(validating: bytes, as: UTF8.self) == nil {
            throw .invalidUTF8(field: String(cString: field.pointee.name))
        }
    }

    private static func malformed(_ descriptor: UnsafePointer<ProtobufCMessageDescriptor>) -> ProtoDecodingError {
        .malformed(message: String(cString: descriptor.pointee.name))
    }

    private struct Reader {
        let bytes: UnsafeRawBufferPointer
        var offset = 0

        var atEnd: Bool { offset >= bytes.count }

        mutating func varint() -> UInt64? {
            var result: UInt64 = 0
            var shift: UInt64 = 0
            while offset < bytes.count && shift < 64 {
                let byte = bytes[offset]
                offset += 1
                result |= UInt64(byte & 0x7f) << shift
                if byte & 0x80 == 0 { return result }
                shift += 7
            }
            return nil
        }

        mutating func skip(_ count: Int) -> Bool {
            guard bytes.count - offset >= count else { return false }
            offset += count
            return true
        }

        mutating func take(_ length: UInt64) -> UnsafeRawBufferPointer? {
            guard length <= UInt64(bytes.count - offset) else { return nil }
            let slice = UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + Int(length))])
            offset += Int(length)
            return slice
        }
    }
}
