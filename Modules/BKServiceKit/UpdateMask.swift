import BKProto
import BKRPC

/// Update masks as every Update call reads them: the paths must be there, and each must name a field
/// callers may change. The change itself is the generated `merge(from:paths:)` of the message.
public enum UpdateMask {
    /// The mask's paths; INVALID_ARGUMENT (with a field violation on `update_mask`) when there are none
    /// or one names a field that cannot be changed.
    public static func paths(
        _ mask: Google_Protobuf_FieldMask?, changeable: Set<String>
    ) throws(RPCError) -> [String] {
        let paths = mask?.paths ?? []
        guard !paths.isEmpty else {
            throw .invalidArgument(field: "update_mask", LocalizedText(id: "sebutkan kolom yang diubah", en: "name the fields to change"))
        }
        for path in paths where !changeable.contains(path) {
            throw .invalidArgument(field: "update_mask", LocalizedText(
                id: "kolom '\(path)' tidak dapat diubah (yang dapat: \(changeable.sorted().joined(separator: ", ")))",
                en: "field '\(path)' cannot be changed (changeable: \(changeable.sorted().joined(separator: ", ")))"))
        }
        return paths
    }
}
