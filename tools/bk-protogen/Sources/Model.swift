import CProtobufDescriptor

/// The parts of a descriptor set the emitter needs, copied out of protobuf-c's structs.
struct ProtoFile {
    var name: String
    var package: String
    var messages: [ProtoMessageType]
    var enums: [ProtoEnumType]
    var services: [ProtoService]
}

struct ProtoMessageType {
    var fullName: String
    var name: String
    var comment: String
    var fields: [ProtoField]
    var oneofs: [String]
    var nestedMessages: [ProtoMessageType]
    var nestedEnums: [ProtoEnumType]
    var isMapEntry: Bool
}

struct ProtoField {
    enum Kind: UInt32 {
        case double = 1, float, int64, uint64, int32, fixed64, fixed32, bool, string, group, message, bytes,
            uint32, `enum`, sfixed32, sfixed64, sint32, sint64
    }
    var name: String
    var number: Int32
    var isRepeated: Bool
    var kind: Kind
    var typeName: String  // ".pkg.Type" for message and enum fields
    var oneofIndex: Int?
    var comment: String
    var jsonName: String
}

struct ProtoEnumType {
    var fullName: String
    var name: String
    var comment: String
    var values: [(name: String, number: Int32, comment: String)]
}

struct ProtoService {
    var fullName: String
    var name: String
    var comment: String
    var methods: [ProtoMethod]
}

struct ProtoMethod {
    var name: String
    var input: String
    var output: String
    var comment: String
    var streaming: Bool
    /// Its `google.api.http` annotation, if any (proto/HTTP.md).
    var http: HTTPBinding?
}

/// An RPC's `google.api.http` rule: the HTTP method, the path template and whether the body is the request.
struct HTTPBinding {
    var verb: String
    var path: String
    var bodyIsRequest: Bool
}

enum DescriptorReadError: Error, CustomStringConvertible {
    case unreadable(String)
    var description: String {
        switch self { case .unreadable(let why): "cannot read descriptor set: \(why)" }
    }
}

/// Reads a FileDescriptorSet (as `protoc --descriptor_set_out --include_source_info` writes it) with
/// protobuf-c, the same library that encodes our messages at run time.
func readDescriptorSet(_ bytes: [UInt8]) throws -> [ProtoFile] {
    guard let set = bytes.withUnsafeBufferPointer({
        google__protobuf__file_descriptor_set__unpack(nil, $0.count, $0.baseAddress)
    }) else { throw DescriptorReadError.unreadable("protobuf-c rejected it") }
    defer { google__protobuf__file_descriptor_set__free_unpacked(set, nil) }
    return try buffer(set.pointee.file, set.pointee.n_file).map { file in
        let comments = Comments(file.pointee.source_code_info)
        let package = string(file.pointee.package)
        let prefix = package.isEmpty ? "" : "." + package
        return ProtoFile(
            name: string(file.pointee.name),
            package: package,
            messages: buffer(file.pointee.message_type, file.pointee.n_message_type).enumerated().map {
                message($1, parent: prefix, path: [4, Int32($0)], comments)
            },
            enums: buffer(file.pointee.enum_type, file.pointee.n_enum_type).enumerated().map {
                enumType($1, parent: prefix, path: [5, Int32($0)], comments)
            },
            services: try buffer(file.pointee.service, file.pointee.n_service).enumerated().map { index, service in
                let path: [Int32] = [6, Int32(index)]
                let name = string(service.pointee.name)
                return ProtoService(
                    fullName: "\(package).\(name)", name: name, comment: comments[path],
                    methods: try buffer(service.pointee.method, service.pointee.n_method).enumerated().map { m, method in
                        let name = string(method.pointee.name)
                        return ProtoMethod(
                            name: name, input: string(method.pointee.input_type),
                            output: string(method.pointee.output_type), comment: comments[path + [2, Int32(m)]],
                            streaming: method.pointee.client_streaming != 0 || method.pointee.server_streaming != 0,
                            http: try httpBinding(method.pointee.options, method: "\(package).\(name)"))
                    })
            })
    }
}

/// The extension number of `google.api.http` on MethodOptions. protobuf-c keeps extensions it does
/// not know as unknown fields; the rule inside is a `google.api.HttpRule`.
private let httpRuleExtension: UInt32 = 72_295_728

private func httpBinding(_ options: UnsafeMutablePointer<Google__Protobuf__MethodOptions>?, method: String) throws -> HTTPBinding? {
    guard let options, options.pointee.base.n_unknown_fields > 0, let unknown = options.pointee.base.unknown_fields else { return nil }
    for field in UnsafeBufferPointer(start: unknown, count: Int(options.pointee.base.n_unknown_fields)) where field.tag == httpRuleExtension {
        // protobuf-c keeps a length-delimited unknown field with its length prefix: skip the varint.
        guard let data = field.data else { continue }
        var prefix = 0
        while prefix < field.len, data[prefix] & 0x80 != 0 { prefix += 1 }
        prefix += 1
        guard prefix <= field.len, let rule = google__api__http_rule__unpack(nil, field.len - prefix, data + prefix) else {
            throw DescriptorReadError.unreadable("\(method): its google.api.http option is not an HttpRule")
        }
        defer { google__api__http_rule__free_unpacked(rule, nil) }
        let verb: String
        let path: String
        switch rule.pointee.pattern_case {
        case GOOGLE__API__HTTP_RULE__PATTERN_GET: (verb, path) = ("GET", string(rule.pointee.get))
        case GOOGLE__API__HTTP_RULE__PATTERN_PUT: (verb, path) = ("PUT", string(rule.pointee.put))
        case GOOGLE__API__HTTP_RULE__PATTERN_POST: (verb, path) = ("POST", string(rule.pointee.post))
        case GOOGLE__API__HTTP_RULE__PATTERN_DELETE: (verb, path) = ("DELETE", string(rule.pointee.delete_))
        case GOOGLE__API__HTTP_RULE__PATTERN_PATCH: (verb, path) = ("PATCH", string(rule.pointee.patch))
        default: throw DescriptorReadError.unreadable("\(method): only get, put, post, delete and patch rules are supported")
        }
        let body = string(rule.pointee.body)
        guard body.isEmpty || body == "*" else {
            throw DescriptorReadError.unreadable("\(method): body must be \"*\" or empty (proto/HTTP.md)")
        }
        guard rule.pointee.n_additional_bindings == 0 else {
            throw DescriptorReadError.unreadable("\(method): additional_bindings are not supported (one route per RPC)")
        }
        return HTTPBinding(verb: verb, path: path, bodyIsRequest: body == "*")
    }
    return nil
}

private func message(
    _ m: UnsafeMutablePointer<Google__Protobuf__DescriptorProto>, parent: String, path: [Int32], _ comments: Comments
) -> ProtoMessageType {
    let name = string(m.pointee.name)
    let fullName = "\(parent).\(name)"
    return ProtoMessageType(
        fullName: String(fullName.dropFirst()),
        name: name,
        comment: comments[path],
        fields: buffer(m.pointee.field, m.pointee.n_field).enumerated().map { index, f in
            ProtoField(
                name: string(f.pointee.name),
                number: f.pointee.number,
                isRepeated: f.pointee.label.rawValue == 3,
                kind: ProtoField.Kind(rawValue: UInt32(f.pointee.type.rawValue)) ?? .group,
                typeName: string(f.pointee.type_name),
                oneofIndex: f.pointee.has_oneof_index != 0 ? Int(f.pointee.oneof_index) : nil,
                comment: comments[path + [2, Int32(index)]],
                jsonName: string(f.pointee.json_name))
        },
        oneofs: buffer(m.pointee.oneof_decl, m.pointee.n_oneof_decl).map { string($0.pointee.name) },
        nestedMessages: buffer(m.pointee.nested_type, m.pointee.n_nested_type).enumerated().map {
            message($1, parent: fullName, path: path + [3, Int32($0)], comments)
        },
        nestedEnums: buffer(m.pointee.enum_type, m.pointee.n_enum_type).enumerated().map {
            enumType($1, parent: fullName, path: path + [4, Int32($0)], comments)
        },
        isMapEntry: m.pointee.options.map { $0.pointee.map_entry != 0 } ?? false)
}

private func enumType(
    _ e: UnsafeMutablePointer<Google__Protobuf__EnumDescriptorProto>, parent: String, path: [Int32], _ comments: Comments
) -> ProtoEnumType {
    let name = string(e.pointee.name)
    return ProtoEnumType(
        fullName: String("\(parent).\(name)".dropFirst()),
        name: name,
        comment: comments[path],
        values: buffer(e.pointee.value, e.pointee.n_value).enumerated().map { index, v in
            (name: string(v.pointee.name), number: v.pointee.number, comment: comments[path + [2, Int32(index)]])
        })
}

/// Leading comments by source path, from SourceCodeInfo.
private struct Comments {
    var byPath: [[Int32]: String] = [:]

    init(_ info: UnsafeMutablePointer<Google__Protobuf__SourceCodeInfo>?) {
        guard let info else { return }
        for location in buffer(info.pointee.location, info.pointee.n_location) {
            guard let leading = location.pointee.leading_comments else { continue }
            let path = Array(UnsafeBufferPointer(start: location.pointee.path, count: location.pointee.n_path))
            byPath[path] = String(cString: leading).trimmingWhitespace()
        }
    }

    subscript(path: [Int32]) -> String { byPath[path] ?? "" }
}

private func string(_ pointer: UnsafeMutablePointer<CChar>?) -> String {
    pointer.map { String(cString: $0) } ?? ""
}

private func buffer<T>(_ pointer: UnsafeMutablePointer<UnsafeMutablePointer<T>?>?, _ count: Int) -> [UnsafeMutablePointer<T>] {
    guard let pointer, count > 0 else { return [] }
    return UnsafeBufferPointer(start: pointer, count: count).compactMap { $0 }
}

extension String {
    func trimmingWhitespace() -> String {
        var view = Substring(self)
        while let first = view.first, first.isWhitespace { view = view.dropFirst() }
        while let last = view.last, last.isWhitespace { view = view.dropLast() }
        return String(view)
    }
}
