import BKRPC
import BKServiceKit
import Testing

@Suite("Page tokens")
struct PageTokenTests {
    @Test func roundTripWithinTheirQuery() throws {
        let pages = PageTokens()
        let token = pages.encode(after: "199212242019032002", scope: "employees/DINKES")
        #expect(try pages.decode(token, scope: "employees/DINKES") == "199212242019032002")
        #expect(try pages.decode("", scope: "employees/DINKES") == nil)
    }

    @Test func tamperedForeignOrOtherQueryTokensAreInvalidArgument() throws {
        let pages = PageTokens()
        let token = pages.encode(after: "A", scope: "agencies")
        var bytes = Array(token.utf8)
        bytes[0] = bytes[0] == UInt8(ascii: "Q") ? UInt8(ascii: "R") : UInt8(ascii: "Q")
        for bad in [String(decoding: bytes, as: UTF8.self), "!!!", "QQ", PageTokens().encode(after: "A", scope: "agencies")] {
            let error = #expect(throws: RPCError.self) { try pages.decode(bad, scope: "agencies") }
            #expect(error?.code == .invalidArgument)
        }
        // A token from one query does not page another.
        #expect(throws: RPCError.self) { try pages.decode(token, scope: "employees/DINKES") }
        #expect(try PageTokens.size(0) == PageTokens.defaultSize)
        #expect(try PageTokens.size(5000) == PageTokens.maximumSize)
        #expect(throws: RPCError.self) { try PageTokens.size(-1) }
    }
}

@Suite("Text rules")
struct TextRuleTests {
    @Test(arguments: [
        ("Siti Rahmawati", nil),
        ("Kepala Bidang P2P\tDinas", nil),
        ("a\u{1B}[2J", "kendali"),
        ("baris\nbaru", "kendali"),
        ("Siti\u{202E}nimdA", "arah"),
        ("x\u{2066}y", "arah"),
        ("A" + String(repeating: "\u{0301}", count: 300), "terlalu panjang"),
    ] as [(String, String?)])
    func violations(text: String, reason: String?) {
        let found = TextRules.violation(in: text, maxBytes: TextRules.shortText)
        if let reason { #expect(found?.indonesian.contains(reason) == true) } else { #expect(found == nil) }
    }

    @Test func newlinesWhereTextMaySpanLines() {
        #expect(TextRules.violation(in: "baris satu\nbaris dua", maxBytes: 100, multiline: true) == nil)
    }

    @Test func printableEscapesWhatWouldDriveATerminal() {
        #expect(TextRules.printable("Siti\u{1B}[2J") == "Siti\\u{001B}[2J")
        #expect(TextRules.printable("a\u{202E}b\nc") == "a\\u{202E}b\nc")
        #expect(TextRules.printable("Dinas Kesehatan ✓") == "Dinas Kesehatan ✓")
    }
}

@Suite("Caller language")
struct LanguageTests {
    @Test func acceptLanguageChoosesEnglishOtherwiseIndonesian() {
        #expect(Language(metadata: ["accept-language": "en-US,en;q=0.9"]) == .english)
        #expect(Language(metadata: ["accept-language": "id"]) == .indonesian)
        #expect(Language(metadata: [:]) == .indonesian)
        #expect(Language(tag: "en_GB.UTF-8") == .english)
        #expect(Language(tag: "C.UTF-8") == .indonesian)
    }
}
