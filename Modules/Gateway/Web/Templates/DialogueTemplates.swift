extension Templates {
    /// The templates of `DialoguePages`.
    static let dialogue: [String: String] = [:]
}
