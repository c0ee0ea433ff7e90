import BKRPC

extension Strings {
    /// The texts of `FeedbackPages`.
    static let feedback: [String: LocalizedText] = [:]
}
