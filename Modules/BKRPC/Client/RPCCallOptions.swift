/// Per-call options of a generated client: a deadline and extra metadata.
public struct RPCCallOptions: Sendable {
    /// Nil: the client's default timeout.
    public var timeout: Duration?
    public var metadata: RPCMetadata

    public init(timeout: Duration? = nil, metadata: RPCMetadata = [:]) {
        self.timeout = timeout
        self.metadata = metadata
    }

    /// This call's metadata followed by the client's own.
    public func metadata(after clientMetadata: RPCMetadata) -> RPCMetadata {
        if metadata.isEmpty { return clientMetadata }
        var merged = metadata
        for entry in clientMetadata { merged.append(entry.key, entry.value) }
        return merged
    }
}
