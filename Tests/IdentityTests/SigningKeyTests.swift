import BKAuth
import BKRPC
import BKTestSupport
import Foundation
@testable import Identity
import Testing

@Suite("Signing keys, rotation and token verification")
struct SigningKeyTests {
    static func claims(_ id: String, key: SigningKey, expires: Int64 = 2_000_000_000, epoch: Int64 = 0) -> TokenClaims {
        TokenClaims(tokenId: id, subject: "admin", roles: ["ROLE_ADMINISTRATOR"], expireTimeUnix: expires, keyId: key.keyID, epoch: epoch)
    }

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
        let token = try first.sign(Self.claims("t1", key: first))
        let keys = PublicKeySet(signingKeys: [again])
        #expect(try keys.verify(token, nowUnix: 1_900_000_000).subject == "admin")
        #expect(throws: TokenError.expired) { try keys.verify(token, nowUnix: 2_000_000_001) }
        #expect(throws: TokenError.unknownKey) { try PublicKeySet(signingKeys: [SigningKey.generate()]).verify(token, nowUnix: 1_900_000_000) }

        // A key others can read is refused rather than used.
        chmod(path, 0o644)
        #expect(throws: (any Error).self) { try SigningKey.loadOrCreate(at: path) }
    }

    @Test func aTokenNamingAnotherKeyIsRefused() throws {
        let real = SigningKey.generate(), forger = SigningKey.generate()
        // The forger signs claims that name the real key: the real key's signature check fails.
        let forged = try forger.sign(Self.claims("f", key: real))
        #expect(throws: TokenError.badSignature) { try PublicKeySet(signingKeys: [real]).verify(forged, nowUnix: 0) }
    }

    @Test func malformedTokensAreRefused() {
        let keys = PublicKeySet(signingKeys: [SigningKey.generate()])
        for token in ["", "abc", "a.b.c", "!!!.???", "AAAA.AAAA"] {
            #expect(throws: TokenError.self) { try keys.verify(token, nowUnix: 0) }
        }
    }

    @Test func rotationKeepsThePreviousKeyForOneTokenLifetime() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let ring = try SigningKeyRing(directory: directory.path)
        let lifetime: Int64 = 8 * 3600
        let before = ring.active
        let old = try before.sign(Self.claims("old", key: before, expires: 3_000_000_000))
        let rotated = try ring.rotate(now: 2_000_000_000)
        #expect(rotated.previous == before.keyID)
        let published = ring.publicKeys(tokenLifetime: lifetime)
        #expect(published.map(\.keyId) == [rotated.active, before.keyID])
        #expect(published.first?.active == true)
        #expect(published.last?.retireTimeUnix == 2_000_000_000 + lifetime)
        // Both keys verify while the previous one lives; the new one signs.
        let keys = ring.publicKeySet(tokenLifetime: lifetime)
        #expect(try keys.verify(old, nowUnix: 2_000_000_000 + lifetime - 1).tokenId == "old")
        #expect(throws: TokenError.unknownKey) { try keys.verify(old, nowUnix: 2_000_000_000 + lifetime) }
        let fresh = try ring.active.sign(Self.claims("new", key: ring.active))
        #expect(try keys.verify(fresh, nowUnix: 0).tokenId == "new")
        // After a restart the same two keys are loaded, both 0600.
        let reloaded = try SigningKeyRing(directory: directory.path)
        #expect(reloaded.publicKeys(tokenLifetime: lifetime).map(\.keyId) == published.map(\.keyId))
        for file in ["identity-signing.key", "identity-signing.previous.key"] {
            #expect(try FileManager.default.attributesOfItem(atPath: directory.appending(file))[.posixPermissions] as? Int == 0o600)
        }
        // A key that may have leaked is retired at once: everything it signed stops verifying.
        let compromised = ring.active
        let stolen = try compromised.sign(Self.claims("stolen", key: compromised))
        let emergency = try ring.rotate(retiringPrevious: true)
        #expect(emergency.previous == nil)
        #expect(throws: TokenError.unknownKey) { try ring.publicKeySet(tokenLifetime: lifetime).verify(stolen, nowUnix: 0) }
        #expect(!FileManager.default.fileExists(atPath: directory.appending("identity-signing.previous.key")))
    }

    @Test func authenticatorAppliesRevocationsAndEpochs() throws {
        let key = SigningKey.generate()
        let authenticator = TokenAuthenticator(keys: PublicKeySet(signingKeys: [key]), now: { 1_900_000_000 })
        let first = try key.sign(Self.claims("a", key: key, epoch: 0))
        let second = try key.sign(Self.claims("b", key: key, epoch: 1))
        #expect(try authenticator.caller(bearerToken: first).subject == "admin")
        authenticator.apply(.init(accountEpochs: [.init(subject: "admin", minimumEpoch: 1)]))
        #expect(throws: RPCError.self) { try authenticator.caller(bearerToken: first) }
        #expect(try authenticator.caller(bearerToken: second).tokenID == "b")
        authenticator.apply(.init(accountEpochs: [.init(subject: "admin", minimumEpoch: 0)]))  // never lowered
        #expect(throws: RPCError.self) { try authenticator.caller(bearerToken: first) }
        authenticator.apply(.init(revokedTokens: [.init(tokenId: "b", expireTimeUnix: 2_000_000_000)]))
        #expect(throws: RPCError.self) { try authenticator.caller(bearerToken: second) }
    }

    @Test func withoutKeysCallsAreUnavailableNotRefused() {
        let authenticator = TokenAuthenticator()
        let error = #expect(throws: RPCError.self) { try authenticator.caller(bearerToken: "a.b") }
        #expect(error?.code == .unavailable)
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
        #expect(metadata.bearerToken == token)
    }
}
