import BKProto
import BKRPC
import BKTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import Gateway

/// The web side's login: security headers, the CSRF cookie and token, sessions (created, rotated,
/// ended), no open redirect, 405s on page paths, and pages behind login.
@Suite("Gateway web: login, sessions and security headers", .timeLimit(.minutes(2)))
struct WebLoginTests {
    static let csrf = String(repeating: "k", count: 43)
    static let nip = "199001012020121001"

    static func loginAnswer(token: String = "token-baru") -> Binakarier_Identity_V1_LoginResponse {
        var account = Binakarier_Identity_V1_Account()
        account.username = nip
        account.nip = nip
        account.displayName = "Siti Rahma"
        account.agencyCode = "DINKES"
        account.effectiveRoles = [.employee, .supervisor]
        return .init(token: token, expireTimeUnix: Int64(Date().timeIntervalSince1970) + 8 * 3600, account: account)
    }

    /// POST /masuk with a CSRF token (`csrf`, sent as the `bk_csrf` cookie too unless `cookie` is given).
    static func login(
        _ client: any TestClientProtocol, lanjut: String? = nil, csrf: String? = Self.csrf, cookie: String? = nil,
        username: String = nip, password: String = "rahasia-sekali"
    ) async throws -> TestResponse {
        var pairs = [("username", username), ("password", password)]
        if let csrf { pairs.append(("_csrf", csrf)) }
        if let lanjut { pairs.append(("lanjut", lanjut)) }
        return try await client.execute(
            uri: "/masuk", method: .post,
            headers: [.contentType: "application/x-www-form-urlencoded", .cookie: cookie ?? "bk_csrf=\(Self.csrf)"],
            body: formBody(pairs))
    }

    @Test func theLoginPageHasTheSecurityHeadersAndACSRFCookie() async throws {
        try await GatewayWorld.with { world in
            try await world.test { client in
                let response = try await client.execute(uri: "/masuk", method: .get)
                #expect(response.status == .ok)
                #expect(response.headers[.contentType]?.hasPrefix("text/html") == true)
                #expect(response.headers[.contentSecurityPolicy] == SecurityHeadersMiddleware.contentSecurityPolicy)
                #expect(SecurityHeadersMiddleware.contentSecurityPolicy.contains("default-src 'none'"))
                #expect(!SecurityHeadersMiddleware.contentSecurityPolicy.contains("script-src"), "no script source at all")
                #expect(response.headers[.xContentTypeOptions] == "nosniff")
                #expect(response.headers[HTTPField.Name("X-Frame-Options")!] == "DENY")
                #expect(response.headers[HTTPField.Name("Referrer-Policy")!] == "same-origin")
                #expect(response.headers[.strictTransportSecurity] == nil, "no HSTS without TLS")
                let csrf = try #require(response.cookie("bk_csrf"))
                #expect(csrf.value.count >= 32)
                #expect(csrf.httpOnly)
                #expect(csrf.sameSite?.lowercased() == "lax")
                #expect(!csrf.secure)
                #expect(response.text.contains(#"name="_csrf" value="\#(csrf.value)""#), "the form carries the cookie's token")
                #expect(!response.text.contains("<script"))

                // The API and error pages carry the headers too.
                let api = try await client.execute(uri: "/api/v1/tidak-ada", method: .get)
                #expect(api.headers[.contentSecurityPolicy] == SecurityHeadersMiddleware.contentSecurityPolicy)
                #expect(api.headers[.xContentTypeOptions] == "nosniff")
                #expect(api.cookie("bk_csrf") == nil, "the API sets no CSRF cookie")
                let missing = try await client.execute(uri: "/tidak-ada", method: .get)
                #expect(missing.status == .notFound)
                #expect(missing.headers[HTTPField.Name("X-Frame-Options")!] == "DENY")

                // A browser that has its token keeps it.
                let again = try await client.execute(uri: "/masuk", method: .get, headers: [.cookie: "bk_csrf=\(Self.csrf)"])
                #expect(again.cookie("bk_csrf") == nil)
                #expect(again.text.contains(#"name="_csrf" value="\#(Self.csrf)""#))
            }
        }
    }

    @Test func securedCookiesAndHSTSBehindTLS() async throws {
        try await GatewayWorld.with(secureCookies: true) { world in
            world.identity.on("Login", .reply(Self.loginAnswer()))
            try await world.test { client in
                let page = try await client.execute(uri: "/masuk", method: .get)
                #expect(page.cookie("bk_csrf")?.secure == true)
                #expect(page.headers[.strictTransportSecurity]?.hasPrefix("max-age=") == true)
                let response = try await Self.login(client)
                #expect(response.status == .seeOther)
                let session = try #require(response.cookie("bk_sesi"))
                #expect(session.secure && session.httpOnly && session.sameSite?.lowercased() == "lax")
            }
        }
    }

    @Test func aLoginWithoutTheCSRFTokenIsRefused() async throws {
        try await GatewayWorld.with { world in
            world.identity.on("Login", .reply(Self.loginAnswer()))
            try await world.test { client async throws in
                #expect(try await Self.login(client, csrf: nil).status == .forbidden)
                #expect(try await Self.login(client, csrf: String(repeating: "x", count: 43)).status == .forbidden, "a token that is not the cookie's")
                #expect(try await Self.login(client, cookie: "").status == .forbidden, "no cookie to compare with")
            }
            #expect(world.identity.calls("Login").isEmpty)
        }
    }

    @Test func aGoodLoginStoresASessionAndSetsItsCookie() async throws {
        try await GatewayWorld.with { world in
            world.identity.on("Login", .reply(Self.loginAnswer(token: "token-siti")))
            let id = try await world.test { client in
                let response = try await Self.login(client)
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/beranda")
                let cookie = try #require(response.cookie("bk_sesi"))
                #expect(cookie.httpOnly)
                #expect(cookie.sameSite?.lowercased() == "lax")
                #expect(!cookie.secure)
                #expect(cookie.attributes["path"] == "/")
                #expect(cookie.value.count >= 40)

                // The cookie opens the home page, in the person's name.
                let home = try await client.execute(uri: "/beranda", method: .get, headers: [.cookie: "bk_sesi=\(cookie.value)"])
                #expect(home.status == .ok)
                #expect(home.text.contains("Siti Rahma"))
                #expect(home.headers[.contentSecurityPolicy] == SecurityHeadersMiddleware.contentSecurityPolicy)
                return cookie.value
            }
            let request = try #require(world.identity.lastRequest("Login", as: Binakarier_Identity_V1_LoginRequest.self))
            #expect(request.username == Self.nip)
            #expect(request.password == "rahasia-sekali")
            let session = try #require(try await world.sessions.load(id))
            #expect(session.token == "token-siti")
            #expect(session.nip == Self.nip)
            #expect(session.roles == ["employee", "supervisor"])
            #expect(session.csrf.count >= 32 && session.csrf != Self.csrf, "the session has its own CSRF token")
        }
    }

    @Test func aWrongPasswordShowsTheFormAgain() async throws {
        try await GatewayWorld.with { world in
            world.identity.on("Login", .fail(RPCError(.unauthenticated, "salah")))
            try await world.test { client in
                let response = try await Self.login(client)
                #expect(response.status == .unauthorized)
                #expect(response.cookie("bk_sesi") == nil)
                #expect(response.text.contains(Strings.text("login_failed", .indonesian).replacingOccurrences(of: "/", with: "&#x2F;"))
                    || response.text.contains(Strings.text("login_failed", .indonesian)))
            }
        }
    }

    @Test func loggingInAgainGivesANewSessionAndEndsTheOldOne() async throws {
        try await GatewayWorld.with { world in
            world.identity.on("Login", .reply(Self.loginAnswer()))
            let oldCSRF = String(repeating: "o", count: 43)
            let old = try await world.storeSession(token: "token-lama", csrf: oldCSRF)
            try await world.test { client in
                let response = try await Self.login(client, csrf: oldCSRF, cookie: "bk_sesi=\(old)")
                #expect(response.status == .seeOther)
                let new = try #require(response.cookie("bk_sesi")).value
                #expect(new != old)
                let stale = try await client.execute(uri: "/beranda", method: .get, headers: [.cookie: "bk_sesi=\(old)"])
                #expect(stale.status == .seeOther, "the old id no longer opens anything")
                #expect(stale.headers[.location]?.hasPrefix("/masuk") == true)
                #expect(try await client.execute(uri: "/beranda", method: .get, headers: [.cookie: "bk_sesi=\(new)"]).status == .ok)
            }
            #expect(try await world.sessions.load(old) == nil)
        }
    }

    @Test(arguments: [
        ("//evil.example", "/beranda"), ("https://evil.example", "/beranda"), ("/\\evil.example", "/beranda"),
        ("/\t/evil.example", "/beranda"), ("/\n/evil.example", "/beranda"), ("/ /evil.example", "/beranda"),
        ("/api/v1/programs", "/beranda"), ("", "/beranda"), ("/katalog", "/katalog"), ("/katalog/LAT-1?tab=sesi", "/katalog/LAT-1?tab=sesi"),
    ])
    func afterLoginOnlyALocalPathIsFollowed(lanjut: String, location: String) async throws {
        try await GatewayWorld.with { world in
            world.identity.on("Login", .reply(Self.loginAnswer()))
            try await world.test { client in
                let response = try await Self.login(client, lanjut: lanjut)
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == location)
            }
        }
    }

    @Test func theLoginFormCarriesOnlyALocalNextPath() async throws {
        try await GatewayWorld.with { world in
            try await world.test { client in
                let evil = try await client.execute(uri: "/masuk?lanjut=%2F%2Fevil.example", method: .get)
                #expect(!evil.text.contains("evil.example"))
                let local = try await client.execute(uri: "/masuk?lanjut=%2Fkatalog", method: .get)
                #expect(local.text.contains(#"name="lanjut" value="&#x2F;katalog""#) || local.text.contains(#"name="lanjut" value="/katalog""#))
            }
        }
    }

    @Test func loggingOutEndsTheSession() async throws {
        try await GatewayWorld.with { world in
            let sessionCSRF = String(repeating: "s", count: 43)
            let id = try await world.storeSession(token: "token-keluar", csrf: sessionCSRF)
            try await world.test { client in
                let refused = try await client.execute(
                    uri: "/keluar", method: .post, headers: [.contentType: "application/x-www-form-urlencoded", .cookie: "bk_sesi=\(id)"],
                    body: formBody([("_csrf", "salah")]))
                #expect(refused.status == .forbidden, "logging out needs the session's CSRF token")
                #expect(try await world.sessions.load(id) != nil)

                let response = try await client.execute(
                    uri: "/keluar", method: .post, headers: [.contentType: "application/x-www-form-urlencoded", .cookie: "bk_sesi=\(id)"],
                    body: formBody([("_csrf", sessionCSRF)]))
                #expect(response.status == .seeOther)
                #expect(response.headers[.location]?.hasPrefix("/masuk") == true)
                let cleared = try #require(response.cookie("bk_sesi"))
                #expect(cleared.value.isEmpty)
                #expect(cleared.attributes["max-age"] == "0")
                let after = try await client.execute(uri: "/beranda", method: .get, headers: [.cookie: "bk_sesi=\(id)"])
                #expect(after.status == .seeOther)
            }
            #expect(try await world.sessions.load(id) == nil)
            let logout = try #require(world.identity.calls("Logout").last)
            #expect(logout.metadata["authorization"] == "Bearer token-keluar", "the token is revoked at identity")
        }
    }

    @Test func aPagePathWithAnotherMethodIs405WithAllow() async throws {
        try await GatewayWorld.with { world in
            try await world.test { client in
                let response = try await client.execute(uri: "/masuk", method: .delete)
                #expect(response.status == .methodNotAllowed)
                let allowed = Set(response.headers[.allow]?.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } ?? [])
                #expect(allowed == ["GET", "POST"])
                #expect(response.headers[.contentType]?.hasPrefix("text/html") == true)
                let home = try await client.execute(uri: "/beranda", method: .post)
                #expect(home.status == .methodNotAllowed)
                #expect(home.headers[.allow] == "GET")
            }
        }
    }

    @Test func aPageBehindLoginSendsToTheLoginPageAndBack() async throws {
        try await GatewayWorld.with { world in
            try await world.test { client in
                let response = try await client.execute(uri: "/beranda", method: .get)
                #expect(response.status == .seeOther)
                let location = try #require(response.headers[.location])
                #expect(location == "/masuk?lanjut=%2Fberanda")
                let withQuery = try await client.execute(uri: "/beranda?tab=2", method: .get)
                let back = try #require(withQuery.headers[.location])
                let lanjut = try #require(URLComponents(string: back)?.queryItems?.first { $0.name == "lanjut" }?.value)
                #expect(lanjut == "/beranda?tab=2")
                #expect(WebRedirect.localPath(lanjut) == "/beranda?tab=2", "what the login page will follow")
                // An expired session is the same as none.
                let now = Int64(Date().timeIntervalSince1970)
                let expired = try await world.sessions.create(
                    WebSession(
                        token: "t", tokenExpiresUnix: now - 1, username: "u", nip: Self.nip, displayName: "", agencyCode: "DINKES",
                        roles: [], csrf: Self.csrf, language: "id", expiresUnix: now + 3600))
                let stale = try await client.execute(uri: "/beranda", method: .get, headers: [.cookie: "bk_sesi=\(expired)"])
                #expect(stale.status == .seeOther)
            }
        }
    }

    @Test func aFormOverTheLimitIs413() async throws {
        try await GatewayWorld.with { world in
            try await world.test { client in
                let response = try await client.execute(
                    uri: "/masuk", method: .post,
                    headers: [.contentType: "application/x-www-form-urlencoded", .cookie: "bk_csrf=\(Self.csrf)"],
                    body: formBody([("_csrf", Self.csrf), ("username", Self.nip), ("password", String(repeating: "p", count: BodyLimits.form))]))
                #expect(response.status == .contentTooLarge)
                #expect(response.headers[.contentType]?.hasPrefix("text/html") == true)
            }
            #expect(world.identity.calls("Login").isEmpty)
        }
    }

    /// The same over a real TCP connection: the server's own body handling and the peer's address.
    @Test func loginAndAnAPICallOverTCP() async throws {
        try await GatewayWorld.with { world in
            world.identity.on("Login", .reply(Self.loginAnswer(token: "token-tcp")))
            let id = try await world.test(.live) { client in
                let page = try await client.execute(uri: "/masuk", method: .get)
                #expect(page.status == .ok)
                #expect(page.headers[.contentSecurityPolicy] == SecurityHeadersMiddleware.contentSecurityPolicy)
                let csrf = try #require(page.cookie("bk_csrf")).value
                let response = try await client.execute(
                    uri: "/masuk", method: .post,
                    headers: [.contentType: "application/x-www-form-urlencoded", .cookie: "bk_csrf=\(csrf)"],
                    body: formBody([("_csrf", csrf), ("username", Self.nip), ("password", "rahasia-sekali"), ("lanjut", "/katalog")]))
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/katalog")
                let id = try #require(response.cookie("bk_sesi")).value
                let api = try await client.execute(uri: "/api/v1/employees/\(Self.nip)", method: .get, headers: [.cookie: "bk_sesi=\(id)"])
                #expect(api.status == .ok)
                return id
            }
            #expect(try await world.sessions.load(id)?.token == "token-tcp")
            #expect(world.identity.calls("GetEmployee").last?.metadata["authorization"] == "Bearer token-tcp")
        }
    }

    @Test func failedWebLoginsAreThrottledToo() async throws {
        try await GatewayWorld.with { world in
            world.identity.on("Login", .fail(RPCError(.unauthenticated, "salah")))
            let limit = LoginThrottle().perAddressAndUsername
            try await world.test { client in
                for _ in 1...limit { #expect(try await Self.login(client, username: "budi").status == .unauthorized) }
                let refused = try await Self.login(client, username: "budi")
                #expect(refused.status == .tooManyRequests)
                #expect(refused.cookie("bk_sesi") == nil)
            }
            #expect(world.identity.calls("Login").count == limit)
        }
    }

    /// A token that ended (revoked, expired, the account changed) ends the web session too, so the
    /// login page does not bounce the person back to the page that failed, in a loop.
    @Test func aRevokedTokenEndsTheSession() async throws {
        try await GatewayWorld.with { world in
            let id = try await world.storeSession(token: "token-dicabut", csrf: String(repeating: "c", count: 43))
            world.programs.on("ListPrograms", .fail(RPCError(.unauthenticated, "token dicabut")))
            try await world.test { client in
                let response = try await client.execute(uri: "/katalog", method: .get, headers: [.cookie: "bk_sesi=\(id)"])
                #expect(response.status == .seeOther)
                #expect(response.headers[.location]?.hasPrefix("/masuk?lanjut=") == true)
                let cleared = try #require(response.cookie("bk_sesi"))
                #expect(cleared.value.isEmpty)
            }
            var gone = false
            for _ in 0..<100 where !gone {
                gone = try await world.sessions.load(id) == nil
                if !gone { try await Task.sleep(for: .milliseconds(10)) }
            }
            #expect(gone, "the stored session is deleted")
        }
    }

    /// The API takes the session cookie too, but a call that changes something must also carry the
    /// session's CSRF token: a cookie alone is what another site can make a browser send.
    @Test func aCookieOnlyAPICallThatChangesSomethingNeedsTheCSRFHeader() async throws {
        try await GatewayWorld.with { world in
            let csrf = String(repeating: "k", count: 43)
            let id = try await world.storeSession(token: "token-api", csrf: csrf)
            try await world.test { client in
                let refused = try await client.execute(
                    uri: "/api/v1/sessions/S-1:transition", method: .post, headers: [.cookie: "bk_sesi=\(id)", .contentType: "application/json"],
                    body: ByteBuffer(string: "{}"))
                #expect(refused.status == .forbidden)
                #expect(world.programs.calls("TransitionSession").isEmpty)
                var headers: HTTPFields = [.cookie: "bk_sesi=\(id)", .contentType: "application/json"]
                headers[HTTPField.Name("X-CSRF-Token")!] = csrf
                let accepted = try await client.execute(uri: "/api/v1/sessions/S-1:transition", method: .post, headers: headers, body: ByteBuffer(string: "{}"))
                #expect(accepted.status == .ok, "\(accepted.text)")
                #expect(world.programs.calls("TransitionSession").last?.metadata["authorization"] == "Bearer token-api")
                // Reading needs no header.
                let read = try await client.execute(uri: "/api/v1/programs", method: .get, headers: [.cookie: "bk_sesi=\(id)"])
                #expect(read.status == .ok)
            }
        }
    }
}
