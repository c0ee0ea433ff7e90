import BKRPC

extension Strings {
    /// The texts of `ManagePages`.
    static let manage: [String: LocalizedText] = [:]
}
