import Foundation

/// A JSON object key: a field's proto3 JSON name.
public struct ProtoJSONKey: CodingKey {
    public let stringValue: String
    public var intValue: Int? { nil }

    public init(_ name: String) { stringValue = name }
    public init?(stringValue: String) { self.stringValue = stringValue }
    public init?(intValue: Int) { nil }
}

/// Helpers for the proto3 JSON mapping of generated messages.
public enum ProtoJSON {
    public static func base64(_ bytes: [UInt8]) -> String { Data(bytes).base64EncodedString() }

    /// Compact, key-sorted JSON of a message, as bkctl and the gateway print it.
    public static func encode(_ value: some Encodable, pretty: Bool = false) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}

// MARK: decoding

/// Why a proto3 JSON document could not be read into a message.
public struct ProtoJSONDecodingError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The field, as the JSON named it (`agency.headNip`), or the message for an unknown field.
    public let field: String
    public let reason: String

    public init(field: String, reason: String) {
        self.field = field
        self.reason = reason
    }

    public var description: String { "\(field): \(reason)" }
}

/// Values as proto3 JSON writes them, read leniently where the mapping allows more than one form:
/// 64-bit integers as strings or numbers, 32-bit ones as numbers or strings, floats as numbers or
/// "NaN"/"Infinity"/"-Infinity", bytes as standard or URL-safe base64, enums by name or number.
public protocol ProtoJSONValue: Decodable {
    associatedtype Value
    var value: Value { get }
}

/// Reads an integer written as a JSON number or a string.
private func integer<T: FixedWidthInteger & Decodable & LosslessStringConvertible>(_ type: T.Type, _ decoder: any Decoder) throws -> T {
    let container = try decoder.singleValueContainer()
    if let text = try? container.decode(String.self) {
        guard let value = T(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "'\(text)' is not a \(T.self)")
        }
        return value
    }
    if let value = try? container.decode(T.self) { return value }
    // A number written with an exponent or fraction that is still integral (1e3, 5.0).
    let double = try container.decode(Double.self)
    guard double.rounded() == double, let value = T(exactly: double) else {
        throw DecodingError.dataCorruptedError(in: container, debugDescription: "\(double) is not a \(T.self)")
    }
    return value
}

private func floatingPoint(_ decoder: any Decoder) throws -> Double {
    let container = try decoder.singleValueContainer()
    if let text = try? container.decode(String.self) {
        switch text {
        case "NaN": return .nan
        case "Infinity": return .infinity
        case "-Infinity": return -.infinity
        default:
            guard let value = Double(text) else { throw DecodingError.dataCorruptedError(in: container, debugDescription: "'\(text)' is not a number") }
            return value
        }
    }
    return try container.decode(Double.self)
}

public struct ProtoJSONInt32: ProtoJSONValue { public let value: Int32; public init(from decoder: any Decoder) throws { value = try integer(Int32.self, decoder) } }
public struct ProtoJSONInt64: ProtoJSONValue { public let value: Int64; public init(from decoder: any Decoder) throws { value = try integer(Int64.self, decoder) } }
public struct ProtoJSONUInt32: ProtoJSONValue { public let value: UInt32; public init(from decoder: any Decoder) throws { value = try integer(UInt32.self, decoder) } }
public struct ProtoJSONUInt64: ProtoJSONValue { public let value: UInt64; public init(from decoder: any Decoder) throws { value = try integer(UInt64.self, decoder) } }
public struct ProtoJSONDouble: ProtoJSONValue { public let value: Double; public init(from decoder: any Decoder) throws { value = try floatingPoint(decoder) } }
public struct ProtoJSONFloat: ProtoJSONValue {
    public let value: Float
    public init(from decoder: any Decoder) throws {
        let double = try floatingPoint(decoder)
        // A finite number beyond Float's range would silently become infinity.
        guard !double.isFinite || abs(double) <= Double(Float.greatestFiniteMagnitude) else {
            throw DecodingError.dataCorruptedError(in: try decoder.singleValueContainer(), debugDescription: "\(double) is out of range for a float")
        }
        value = Float(double)
    }
}
public struct ProtoJSONBool: ProtoJSONValue { public let value: Bool; public init(from decoder: any Decoder) throws { value = try decoder.singleValueContainer().decode(Bool.self) } }
public struct ProtoJSONString: ProtoJSONValue { public let value: String; public init(from decoder: any Decoder) throws { value = try decoder.singleValueContainer().decode(String.self) } }

public struct ProtoJSONBytes: ProtoJSONValue {
    public let value: [UInt8]
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        var text = try container.decode(String.self).replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while text.count % 4 != 0 { text += "=" }
        guard let data = Data(base64Encoded: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not base64")
        }
        value = [UInt8](data)
    }
}

public struct ProtoJSONEnum<E: ProtoEnum>: ProtoJSONValue {
    public let value: E
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let name = try? container.decode(String.self) {
            guard let value = E(protoName: name) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "'\(name)' is not a value of \(E.self)")
            }
            self.value = value
        } else {
            let number = try container.decode(Int32.self)
            guard let value = E(rawValue: number) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "\(number) is not a value of \(E.self)")
            }
            self.value = value
        }
    }
}

/// A message field: the message itself.
public struct ProtoJSONMessage<M: Decodable>: ProtoJSONValue {
    public let value: M
    public init(from decoder: any Decoder) throws { value = try M(from: decoder) }
}

/// A JSON object key of a map field, parsed to the map's key type.
public protocol ProtoJSONMapKey: Hashable {
    init?(protoJSONKey: String)
    var protoJSONKey: String { get }
}
extension String: ProtoJSONMapKey {
    public init?(protoJSONKey: String) { self = protoJSONKey }
    public var protoJSONKey: String { self }
}
extension Int32: ProtoJSONMapKey {
    public init?(protoJSONKey: String) { self.init(protoJSONKey) }
    public var protoJSONKey: String { String(self) }
}
extension Int64: ProtoJSONMapKey {
    public init?(protoJSONKey: String) { self.init(protoJSONKey) }
    public var protoJSONKey: String { String(self) }
}
extension UInt32: ProtoJSONMapKey {
    public init?(protoJSONKey: String) { self.init(protoJSONKey) }
    public var protoJSONKey: String { String(self) }
}
extension UInt64: ProtoJSONMapKey {
    public init?(protoJSONKey: String) { self.init(protoJSONKey) }
    public var protoJSONKey: String { String(self) }
}
extension Bool: ProtoJSONMapKey {
    public init?(protoJSONKey: String) {
        switch protoJSONKey {
        case "true": self = true
        case "false": self = false
        default: return nil
        }
    }
    public var protoJSONKey: String { self ? "true" : "false" }
}

extension ProtoJSON {
    /// Decodes a message from proto3 JSON. Unknown fields are refused (as protobuf's own parsers do by
    /// default), and every error names the field.
    public static func decode<M: Decodable>(_ type: M.Type, from json: some Collection<UInt8>) throws(ProtoJSONDecodingError) -> M {
        do {
            return try JSONDecoder().decode(M.self, from: Data(json))
        } catch let error as ProtoJSONDecodingError {
            throw error
        } catch let DecodingError.dataCorrupted(context) {
            throw ProtoJSONDecodingError(field: path(context.codingPath), reason: context.debugDescription)
        } catch let DecodingError.typeMismatch(_, context) {
            throw ProtoJSONDecodingError(field: path(context.codingPath), reason: "wrong type: \(context.debugDescription)")
        } catch let DecodingError.valueNotFound(_, context) {
            throw ProtoJSONDecodingError(field: path(context.codingPath), reason: "missing value")
        } catch {
            throw ProtoJSONDecodingError(field: M.self is any ProtoMessage.Type ? "\(M.self)" : "", reason: "\(error)")
        }
    }

    static func path(_ codingPath: [any CodingKey]) -> String {
        codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
    }

    /// A second member of one oneof in the same object: refused, as protobuf's parsers do.
    public static func secondOneofMember(_ key: ProtoJSONKey, oneof: String, codingPath: [any CodingKey]) -> ProtoJSONDecodingError {
        ProtoJSONDecodingError(field: path(codingPath + [key]), reason: "another member of oneof \(oneof) is already set")
    }

    /// A field of `message` whose JSON key is not known: refused, naming it.
    public static func unknownField(_ key: ProtoJSONKey, in message: String, codingPath: [any CodingKey]) -> ProtoJSONDecodingError {
        ProtoJSONDecodingError(field: path(codingPath + [key]), reason: "no such field in \(message)")
    }

    /// Reads `key` as a single value, or nil for JSON null (the field's default).
    public static func single<V: ProtoJSONValue>(
        _ type: V.Type, _ container: KeyedDecodingContainer<ProtoJSONKey>, _ key: ProtoJSONKey
    ) throws -> V.Value? {
        if try container.decodeNil(forKey: key) { return nil }
        return try container.decode(V.self, forKey: key).value
    }

    /// Reads `key` as a JSON array (null: empty).
    public static func repeated<V: ProtoJSONValue>(
        _ type: V.Type, _ container: KeyedDecodingContainer<ProtoJSONKey>, _ key: ProtoJSONKey
    ) throws -> [V.Value] {
        if try container.decodeNil(forKey: key) { return [] }
        return try container.decode([V].self, forKey: key).map(\.value)
    }

    /// Reads `key` as a JSON object of a map field (null: empty).
    public static func map<K: ProtoJSONMapKey, V: ProtoJSONValue>(
        _ keyType: K.Type, _ valueType: V.Type, _ container: KeyedDecodingContainer<ProtoJSONKey>, _ key: ProtoJSONKey
    ) throws -> [K: V.Value] {
        if try container.decodeNil(forKey: key) { return [:] }
        let object = try container.decode([String: V].self, forKey: key)
        var result: [K: V.Value] = [:]
        for (text, value) in object {
            guard let parsed = K(protoJSONKey: text) else {
                throw ProtoJSONDecodingError(field: path(container.codingPath + [key]), reason: "'\(text)' is not a \(K.self) key")
            }
            result[parsed] = value.value
        }
        return result
    }

    /// `head_nip` → `headNip`, as FieldMask's JSON form writes paths.
    public static func lowerCamel(_ path: String) -> String {
        path.split(separator: ".").map { segment in
            let pieces = segment.split(separator: "_", omittingEmptySubsequences: false)
            return (pieces.first.map(String.init) ?? "") + pieces.dropFirst().map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
        }.joined(separator: ".")
    }

    /// `headNip` → `head_nip`.
    public static func snakeCase(_ path: String) -> String {
        var result = ""
        for character in path {
            if character.isUppercase, character.isASCII {
                result += "_" + character.lowercased()
            } else {
                result.append(character)
            }
        }
        return result
    }
}

// MARK: field masks

/// A path of an update mask that names no field of the message.
public struct ProtoFieldMaskError: Error, Hashable, Sendable, CustomStringConvertible {
    public let path: String
    public let message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { "update_mask: '\(path)' is not a field of \(message)" }
}
