extension Templates {
    /// The templates of `FeedbackPages`.
    static let feedback: [String: String] = [:]
}
