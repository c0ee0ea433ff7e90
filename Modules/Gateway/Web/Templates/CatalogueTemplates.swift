extension Templates {
    /// The templates of `CataloguePages`.
    static let catalogue: [String: String] = [:]
}
