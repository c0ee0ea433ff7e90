/// The Mustache templates of the web pages, by name. Each page keeps its templates in its own file (an
/// extension with `static let` strings), listed once in `all`.
enum Templates {
    static let all: [String: String] = [core, catalogue, feedback, dialogue, manage, report, checkIn, dialogueScale, ikm, approval, changeProject, siasn].reduce(into: [:]) { all, group in
        all.merge(group) { first, _ in preconditionFailure("template \(first) is defined twice") }
    }

    static let core: [String: String] = ["layout": layout, "error": error, "login": login, "home": home]

    /// The only names allowed in triple braces (unescaped): markup the gateway built and escaped itself.
    static let trustedHTML: Set<String> = ["body", "svg", "qr", "report"]
}
