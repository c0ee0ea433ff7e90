import BKAuth
import BKRPC
import BKTestSupport
import Foundation
import Testing

@Suite("Signing key and tokens")
struct SigningKeyTests {
    @Test func keyIsCreatedOnceWithMode0600AndReloaded() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.appending("identity-signing.key")
        let first = try SigningKey.loadOrCreate(at: path)
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let again = try SigningKey.loadOrCreate(at: path)
        #expect(again.publicKey == first.publicKey)
        #expect(again.keyID == first.keyID)

        // A token signed before a restart verifies after it.
        let token = try first.sign(.init(tokenId: "t1", subject: "admin", expireTimeUnix: 2_000_000_000))
        #expect(try again.verifier.verify(token, nowUnix: 1_900_000_000).subject == "admin")
        #expect(throws: TokenError.expired) { try again.verifier.verify(token, nowUnix: 2_000_000_001) }
        #expect(throws: TokenError.badSignature) { try SigningKey.generate().verifier.verify(token, nowUnix: 1_900_000_000) }

        // A key others can read is refused rather than used.
        chmod(path, 0o644)
        #expect(throws: (any Error).self) { try SigningKey.loadOrCreate(at: path) }
    }

    @Test func malformedTokensAreRefused() {
        let verifier = SigningKey.generate().verifier
        for token in ["", "abc", "a.b.c", "!!!.???", "AAAA.AAAA"] {
            #expect(throws: TokenError.self) { try verifier.verify(token, nowUnix: 0) }
        }
    }
}

@Suite("Bearer token in metadata")
struct BearerTokenTests {
    @Test(arguments: [
        ("Bearer abc.def", "abc.def"), ("bearer abc.def", "abc.def"), ("BEARER   abc.def  ", "abc.def"),
        ("Basic abc", nil), ("Bearer", nil), ("Bearer ", nil), ("Bearerabc", nil), ("", nil),
    ] as [(String, String?)])
    func parsing(header: String, token: String?) {
        var metadata = RPCMetadata()
        metadata.append("Authorization", header)
        #expect(Authenticator.bearerToken(in: metadata) == token)
    }
}
