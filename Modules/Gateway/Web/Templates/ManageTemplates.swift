extension Templates {
    /// The templates of `ManagePages`.
    static let manage: [String: String] = [:]
}
