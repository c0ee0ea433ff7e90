import BKAuth
import BKProto
import BKRPC
import BKTestSupport
import Foundation
import Testing

/// Two real daemons: bk-identityd and bk-echod verifying tokens as every domain daemon does (keys and
/// revocations from identity's feed, polled every 0.2 s here).
@Suite("Tokens across daemons", .serialized, .timeLimit(.minutes(3)))
struct TokenFeedEndToEndTests {
    typealias Echo = Binakarier_Testing_V1_Echo
    static let echoArguments: [DaemonName: [String]] = [.echo: ["--verify-tokens", "--revocation-poll-seconds", "0.2"]]

    /// The status code of an echo call made with `token`, or nil when it succeeded.
    static func echo(_ cluster: Cluster, _ token: String?) async -> RPCStatusCode? {
        do {
            _ = try await Echo.Client(cluster.client(.echo), metadata: token.map(RPCMetadata.bearer) ?? [:]).echo(.init(text: "halo"))
            return nil
        } catch {
            return error.code
        }
    }

    /// Polls until `condition` holds; a feed change must show within a few poll intervals.
    static func eventually(within limit: Duration = .seconds(10), _ condition: () async -> Bool) async -> Bool {
        let deadline = ContinuousClock.now.advanced(by: limit)
        while ContinuousClock.now < deadline {
            if await condition() { return true }
            try? await Task.sleep(for: .milliseconds(50))
        }
        return await condition()
    }

    @Test func disablingAnAccountEndsItsTokensAtEveryDaemon() async throws {
        try await Cluster.with([.identity, .echo], arguments: Self.echoArguments) { cluster in
            let admin = try await cluster.administratorToken()
            let organizer = try await cluster.token(for: .organizer)
            #expect(await Self.eventually { await Self.echo(cluster, organizer) == nil })
            #expect(await Self.echo(cluster, nil) == .unauthenticated)
            #expect(await Self.echo(cluster, "bukan.token") == .unauthenticated)

            let identity = Binakarier_Identity_V1_IdentityService.Client(cluster.client(.identity), metadata: .bearer(admin))
            _ = try await identity.setAccountDisabled(.init(username: "penyelenggara", disabled: true))
            #expect(await Self.eventually { await Self.echo(cluster, organizer) == .unauthenticated })
            // Enabled again, the old token stays dead there too; a new login works.
            _ = try await identity.setAccountDisabled(.init(username: "penyelenggara", disabled: false))
            try await Task.sleep(for: .milliseconds(600))
            #expect(await Self.echo(cluster, organizer) == .unauthenticated)
            let fresh = try await cluster.login("penyelenggara")
            #expect(await Self.eventually { await Self.echo(cluster, fresh) == nil })
        }
    }

    @Test func rotationAndIdentityRestartsAreFollowed() async throws {
        try await Cluster.with([.identity, .echo], arguments: Self.echoArguments) { cluster in
            let before = try await cluster.administratorToken()
            #expect(await Self.eventually { await Self.echo(cluster, before) == nil })

            // Identity crashes and comes back: the echo daemon keeps serving and follows again.
            try await cluster.restart(.identity)
            #expect(await Self.echo(cluster, before) == nil)
            let rotated = try await Binakarier_Identity_V1_IdentityService.Client(cluster.client(.identity), metadata: .bearer(before))
                .rotateSigningKey()
            let after = try await cluster.login("admin")
            #expect(after != before)
            #expect(await Self.eventually { await Self.echo(cluster, after) == nil })
            // Tokens of the previous key stay valid until they expire.
            #expect(await Self.echo(cluster, before) == nil)
            let keys = try await Binakarier_Auth_V1_TokenService.Client(cluster.client(.identity)).getPublicKeys()
            #expect(keys.keys.map(\.keyId) == [rotated.activeKeyId, rotated.previousKeyId])
        }
    }

    @Test func aDaemonStartedBeforeIdentityServesUnavailableThenFollows() async throws {
        try await Cluster.with([.identity, .echo], arguments: Self.echoArguments) { cluster in
            let token = try await cluster.administratorToken()
            await cluster.kill(.identity)
            try await cluster.restart(.echo)
            // No keys yet: a clear UNAVAILABLE, and the daemon keeps running.
            #expect(await Self.echo(cluster, token) == .unavailable)
            #expect(cluster.process(.echo)?.isRunning == true)
            try await cluster.start(.identity)
            #expect(await Self.eventually { await Self.echo(cluster, token) == nil })
        }
    }

    @Test func serviceTokensAreIssuedToAllowedPeersAndNamedInPolicies() async throws {
        try await Cluster.with([.identity, .echo], arguments: Self.echoArguments) { cluster in
            _ = try await cluster.administratorToken()
            let tokens = Binakarier_Auth_V1_TokenService.Client(cluster.client(.identity))
            let programs = ServiceTokenSource(service: .programs, client: tokens)
            let token = try await programs.token()
            #expect(try await programs.token() == token)  // cached until it is due
            // Echo's policy admits the programs daemon, not the reporting daemon.
            #expect(await Self.eventually { await Self.echo(cluster, token) == nil })
            let reporting = try await ServiceTokenSource(service: .reporting, client: tokens).token()
            #expect(await Self.echo(cluster, reporting) == .permissionDenied)
            // A service token is no person: identity's own person-only calls refuse it.
            let identity = Binakarier_Identity_V1_IdentityService.Client(cluster.client(.identity), metadata: .bearer(token))
            let refused = await #expect(throws: RPCError.self) { try await identity.getAccount(.init(username: "admin")) }
            #expect(refused?.code == .permissionDenied)
            _ = try await identity.listAgencies()  // but the reads it is allowed
            let unknown = await #expect(throws: RPCError.self) { try await tokens.issueServiceToken(.init(service: "penyusup")) }
            #expect(unknown?.code == .invalidArgument)
        }
    }

    @Test func aDaemonNotOnTheServiceListCannotFollowAndAcceptsNoToken() async throws {
        var arguments = Self.echoArguments
        arguments[.identity] = ["--service-uids", "65534"]
        try await Cluster.with([.identity, .echo], arguments: arguments) { cluster in
            let token = try await cluster.administratorToken()
            try await Task.sleep(for: .milliseconds(600))
            #expect(await Self.echo(cluster, token) == .unavailable)
            let feed = await #expect(throws: RPCError.self) {
                try await Binakarier_Auth_V1_TokenService.Client(cluster.client(.identity)).listRevocations()
            }
            #expect(feed?.code == .permissionDenied)
        }
    }
}
