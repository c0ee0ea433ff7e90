import BKRPC

extension Strings {
    /// The texts of `DialoguePages`.
    static let dialogue: [String: LocalizedText] = [:]
}
