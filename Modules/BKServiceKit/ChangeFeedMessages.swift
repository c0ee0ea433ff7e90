import BKProto
import BKStore

/// The wire form of a change feed (`binakarier.feed.v1`), for a service's `ListChanges` and for a
/// consumer's fetch.
extension FeedPage {
    public static let defaultLimit = 500
    public static let maximumLimit = 5000

    /// The page size for a request's `limit` (0: the default; more than the maximum is cut).
    public static func limit(_ requested: Int32) -> Int {
        requested <= 0 ? defaultLimit : min(Int(requested), maximumLimit)
    }

    public var response: Binakarier_Feed_V1_ListChangesResponse {
        .init(
            changes: changes.map {
                .init(sequence: $0.sequence, kind: $0.kind, key: $0.key, payload: $0.payload, timeUnix: $0.timeUnix)
            },
            lastSequence: lastSequence, more: more, newestSequence: newestSequence)
    }

    public init(_ response: Binakarier_Feed_V1_ListChangesResponse) {
        self.init(
            changes: response.changes.map {
                FeedChange(sequence: $0.sequence, kind: $0.kind, key: $0.key, payload: $0.payload, timeUnix: $0.timeUnix)
            },
            lastSequence: response.lastSequence, more: response.more, newestSequence: response.newestSequence)
    }
}
