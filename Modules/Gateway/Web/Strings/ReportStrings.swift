import BKRPC

extension Strings {
    /// The texts of `ReportPages`.
    static let report: [String: LocalizedText] = [:]
}
