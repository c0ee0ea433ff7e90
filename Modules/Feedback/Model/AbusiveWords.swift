import Foundation

/// The Indonesian abusive words that hold an anonymous aspiration for moderation, and how text is
/// matched against them.
///
/// Maintaining the list: add a word in its plain lower-case form (`anjing`, not `anjiing` or `4nj1ng`;
/// matching undoes letter repeats, digits written for letters and spacing, and strips the common
/// suffixes -nya, -mu, -lah, -kau, -lu, -in). A word here only *holds* a text until a person looks at
/// it, so a word that is sometimes innocent (`babi` in a complaint about a farm) costs a short wait,
/// not a lost aspiration; still, leave out words that are mostly innocent (`bodoh` in "jangan anggap
/// kami bodoh"). A city adds its own (regional words) with bk-feedbackd's `--abusive-words FILE`.
public struct AbusiveWords: Sendable {
    /// The built-in list: insults, slurs and obscenities of Indonesian and its common regional forms.
    public static let builtIn: [String] = [
        // Insults
        "anjing", "anjir", "anjrit", "asu", "babi", "bangsat", "bajingan", "bangke", "keparat", "kampret", "brengsek",
        "berengsek", "sialan", "bedebah", "laknat", "biadab", "tolol", "goblok", "goblog", "bego", "dungu", "idiot", "bloon",
        "geblek", "otak udang", "tai", "taik", "tahi", "setan alas", "monyet", "kunyuk", "cecunguk", "sampah masyarakat",
        // Obscenities
        "kontol", "memek", "ngentot", "entot", "jembut", "pepek", "peler", "titit", "coli", "ngewe",
        // Regional (Minang, Jawa, Sunda, Betawi, Medan, Makassar)
        "pantek", "pukimak", "puki", "kimak", "cukimai", "jancuk", "jancok", "cuk", "dancuk", "gathel", "bajigur", "kehed",
        "belegug", "sundel", "sundal", "lonte", "pelacur", "perek", "bencong", "banci", "laso", "telaso",
    ]

    /// Single words, and phrases (as their words), normalised.
    let words: Set<String>
    let phrases: [[String]]

    public init(_ list: [String] = AbusiveWords.builtIn) {
        var words: Set<String> = []
        var phrases: [[String]] = []
        for entry in list {
            let parts = Self.tokens(entry)
            if parts.count == 1 { words.insert(parts[0]) } else if parts.count > 1 { phrases.append(parts) }
        }
        self.words = words
        self.phrases = phrases
    }

    /// The built-in list and the words of `file` (one a line; `#` starts a comment).
    public static func withFile(_ path: String) throws -> AbusiveWords {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let extra = text.split(whereSeparator: \.isNewline).compactMap { line -> String? in
            let word = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
            let trimmed = word.trimmingCharacters(in: .whitespaces)
            return trimmed.isEmpty ? nil : trimmed
        }
        return AbusiveWords(builtIn + extra)
    }

    /// The listed words found in `text`, as listed (each once, in the order found).
    public func matches(in text: String) -> [String] {
        var tokens = Self.tokens(text)
        // Letters typed apart ("a n j i n g", "a.n.j.i.n.g") read as one word too.
        tokens += Self.joinedSingles(tokens)
        var found: [String] = []
        for token in tokens {
            for candidate in Self.stems(token) where words.contains(candidate) {
                if !found.contains(candidate) { found.append(candidate) }
                break
            }
        }
        for phrase in phrases where Self.contains(tokens, phrase) {
            let text = phrase.joined(separator: " ")
            if !found.contains(text) { found.append(text) }
        }
        return found
    }

    static let suffixes = ["nya", "mu", "lah", "kau", "lu", "in"]

    /// The token and what is left of it without one common suffix.
    static func stems(_ token: String) -> [String] {
        var stems = [token]
        for suffix in suffixes where token.count > suffix.count + 2 && token.hasSuffix(suffix) {
            stems.append(String(token.dropLast(suffix.count)))
        }
        return stems
    }

    static func contains(_ tokens: [String], _ phrase: [String]) -> Bool {
        guard tokens.count >= phrase.count else { return false }
        for start in 0...(tokens.count - phrase.count) where Array(tokens[start..<(start + phrase.count)]) == phrase { return true }
        return false
    }

    /// Runs of three or more one-letter tokens, joined.
    static func joinedSingles(_ tokens: [String]) -> [String] {
        var joined: [String] = []
        var run = ""
        var length = 0
        for token in tokens + [""] {
            if token.count == 1 {
                run += token
                length += 1
            } else {
                if length >= 3 { joined.append(collapse(run)) }
                run = ""
                length = 0
            }
        }
        return joined
    }

    /// Lower-case words of letters, with digits and signs written for letters read as those letters
    /// (`4nj1ng`, `b@ngs@t`), accents dropped and repeated letters collapsed (`anjiiing`).
    static func tokens(_ text: String) -> [String] {
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: Locale(identifier: "id_ID"))
        var tokens: [String] = []
        var current = ""
        for character in folded {
            if let letter = letter(character) {
                current.append(letter)
            } else if !current.isEmpty {
                tokens.append(collapse(current))
                current = ""
            }
        }
        if !current.isEmpty { tokens.append(collapse(current)) }
        return tokens
    }

    static let lookalikes: [Character: Character] = ["0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "8": "b", "9": "g", "@": "a", "$": "s"]

    static func letter(_ character: Character) -> Character? {
        if let letter = lookalikes[character] { return letter }
        guard character.isLetter, character.isASCII else { return nil }
        return Character(character.lowercased())
    }

    /// A letter repeated (`anjiiing`) counts once (the listed words are collapsed the same way).
    static func collapse(_ word: String) -> String {
        var result = ""
        for character in word where character != result.last { result.append(character) }
        return result
    }
}
