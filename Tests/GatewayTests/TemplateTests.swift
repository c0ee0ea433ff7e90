import BKRPC
import Foundation
import Testing

@testable import Gateway

/// The rules of Modules/Gateway/README.md "Writing a page" that a machine can check on every template:
/// unescaped output only for `Templates.trustedHTML`, every `{{t.key}}` a text in both languages.
@Suite("Gateway web: templates and texts")
struct TemplateTests {
    /// One Mustache tag: its sigil (`{` for triple braces, `&`, `#`, `^`, `/`, `>`, `=`, `!` or none) and name.
    struct Tag: Hashable, CustomStringConvertible {
        var sigil: Character?
        var name: String
        var description: String { "{{\(sigil.map(String.init) ?? "")\(name)}}" }
    }

    /// The tags of a template, in order. A tag left open is reported with the sigil `?`.
    static func tags(_ template: String) -> [Tag] {
        var tags: [Tag] = []
        var rest = template[...]
        while let open = rest.range(of: "{{") {
            rest = rest[open.upperBound...]
            if rest.first == "{" {
                guard let close = rest.range(of: "}}}") else { return tags + [Tag(sigil: "?", name: String(rest.prefix(20)))] }
                tags.append(Tag(sigil: "{", name: rest[rest.index(after: rest.startIndex)..<close.lowerBound].trimmingCharacters(in: .whitespaces)))
                rest = rest[close.upperBound...]
            } else {
                guard let close = rest.range(of: "}}") else { return tags + [Tag(sigil: "?", name: String(rest.prefix(20)))] }
                var inner = rest[..<close.lowerBound].trimmingCharacters(in: .whitespaces)[...]
                var sigil: Character?
                if let first = inner.first, "&#^/>=!".contains(first) {
                    sigil = first
                    inner = inner.dropFirst()
                }
                tags.append(Tag(sigil: sigil, name: inner.trimmingCharacters(in: .whitespaces)))
                rest = rest[close.upperBound...]
            }
        }
        return tags
    }

    @Test func theScannerFindsEveryKindOfTag() {
        let tags = Self.tags("<p>{{a}} {{{ b }}} {{& c}} {{#t.d}}{{/t.d}} {{> e}} {{=<% %>=}}</p>")
        #expect(tags.map(\.description) == ["{{a}}", "{{{b}}", "{{&c}}", "{{#t.d}}", "{{/t.d}}", "{{>e}}", "{{=<% %>=}}"])
    }

    /// Unescaped output of a name not in `trusted`, delimiter changes (which would hide it) and tags left open.
    static func unescapedOffenders(_ templates: [String: String], trusted: Set<String>) -> [String] {
        var offenders: [String] = []
        for (name, text) in templates.sorted(by: { $0.key < $1.key }) {
            for tag in tags(text) {
                switch tag.sigil {
                case "{", "&":
                    if !trusted.contains(tag.name) { offenders.append("\(name): \(tag)") }
                case "=":
                    offenders.append("\(name): \(tag) (a delimiter change would hide unescaped output from this check)")
                case "?":
                    offenders.append("\(name): a tag is not closed near \(tag.name)")
                default:
                    break
                }
            }
        }
        return offenders
    }

    /// The `{{t.key}}` texts a template uses that one of the tables lacks.
    static func missingTexts(_ templates: [String: String], tables: [[String: String]]) -> [String] {
        var missing: [String] = []
        for (name, text) in templates.sorted(by: { $0.key < $1.key }) {
            for tag in tags(text) where tag.name.hasPrefix("t.") {
                let key = String(tag.name.dropFirst(2))
                if tables.contains(where: { $0[key] == nil }) { missing.append("\(name): \(key)") }
            }
        }
        return missing
    }

    @Test func theChecksCatchWhatTheyLookFor() {
        let bad = [
            "a": "<p>{{{title}}}</p>", "b": "<p>{{& message }}</p>", "c": "{{=<% %>=}}<%{title}%>", "d": "<p>{{{body}}} {{title}}</p>",
            "e": "<h1>{{t.hello}} {{#t.bye}}x{{/t.bye}}</h1>", "f": "<p>{{title</p>",
        ]
        #expect(Self.unescapedOffenders(bad, trusted: ["body"]).map { $0.prefix(2) } == ["a:", "b:", "c:", "f:"])
        #expect(Self.missingTexts(bad, tables: [["hello": "halo", "bye": "dah"], ["hello": "hello"]]) == ["e: bye", "e: bye"])
    }

    @Test func onlyTrustedNamesAreUnescaped() {
        #expect(!Templates.all.isEmpty)
        let offenders = Self.unescapedOffenders(Templates.all, trusted: Templates.trustedHTML)
        #expect(offenders.isEmpty, "unescaped output of an untrusted name: \(offenders)")
    }

    @Test func theLayoutPutsTheBodyInUnescaped() {
        #expect(Self.tags(Templates.all["layout"] ?? "").contains(Tag(sigil: "{", name: "body")))
    }

    @Test func everyTextATemplateUsesExistsInBothLanguages() {
        let missing = Self.missingTexts(Templates.all, tables: [Strings.table(.indonesian), Strings.table(.english)])
        #expect(missing.isEmpty, "texts missing from Strings: \(missing)")
    }

    @Test func everyPartialATemplateIncludesExists() {
        var missing: [String] = []
        for (name, text) in Templates.all {
            for tag in Self.tags(text) where tag.sigil == ">" && Templates.all[tag.name] == nil { missing.append("\(name): \(tag.name)") }
        }
        #expect(missing.isEmpty)
    }

    @Test func everyTextHasBothLanguages() {
        var empty: [String] = []
        var keys: [String: Int] = [:]
        for group in Strings.groups {
            for (key, text) in group {
                keys[key, default: 0] += 1
                if text.indonesian.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { empty.append("\(key) (id)") }
                if text.english.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { empty.append("\(key) (en)") }
            }
        }
        #expect(empty.isEmpty, "texts without words: \(empty.sorted())")
        #expect(keys.filter { $0.value > 1 }.isEmpty, "keys defined in two groups")
        #expect(Strings.table(.indonesian).count == keys.count && Strings.table(.english).count == keys.count)
    }

    @Test func everyTemplateCompiles() throws {
        _ = try WebRenderer(secureCookies: false)
    }
}
