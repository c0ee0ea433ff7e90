import BKRPC

extension Strings {
    /// The texts of `CataloguePages`.
    static let catalogue: [String: LocalizedText] = [:]
}
