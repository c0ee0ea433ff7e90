/// Request metadata: ordered key/value pairs, keys lower-case, a key may repeat (as in ttrpc).
public struct RPCMetadata: Sendable, Hashable, Sequence, ExpressibleByDictionaryLiteral {
    public struct Entry: Sendable, Hashable {
        public var key: String
        public var value: String
    }

    public private(set) var entries: [Entry] = []

    public init() {}

    public init(dictionaryLiteral elements: (String, String)...) {
        for (key, value) in elements { append(key, value) }
    }

    /// Adds a value; the key is lower-cased as ttrpc peers expect.
    public mutating func append(_ key: String, _ value: String) {
        entries.append(Entry(key: Self.lowercased(key), value: value))
    }

    /// Every value of `key`, in order.
    public subscript(values key: String) -> [String] {
        let key = Self.lowercased(key)
        return entries.filter { $0.key == key }.map(\.value)
    }

    /// The first value of `key`.
    public subscript(key: String) -> String? {
        let key = Self.lowercased(key)
        return entries.first { $0.key == key }?.value
    }

    /// Keys are almost always lower-case already; checking is much cheaper than lower-casing.
    private static func lowercased(_ key: String) -> String {
        key.utf8.contains { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") } ? key.lowercased() : key
    }

    public var isEmpty: Bool { entries.isEmpty }

    public func makeIterator() -> IndexingIterator<[Entry]> { entries.makeIterator() }
}
