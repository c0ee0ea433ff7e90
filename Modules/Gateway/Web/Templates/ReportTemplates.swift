extension Templates {
    /// The templates of `ReportPages`.
    static let report: [String: String] = [:]
}
