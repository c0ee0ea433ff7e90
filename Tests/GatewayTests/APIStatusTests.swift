import BKProto
import BKRPC
import BKTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import Gateway

/// A daemon's status becomes the HTTP status of one table (HTTPStatusMapping), and the JSON body keeps
/// the code name, the message in the caller's language and the field violations.
@Suite("Gateway API: status table, errors, daemons down, tokens, login throttle", .timeLimit(.minutes(2)))
struct APIStatusTests {
    static let nip = "199001012020121001"
    static let employee = "/api/v1/employees/\(nip)"

    /// The table written out independently of `HTTPStatusMapping` (issue 10 and proto/HTTP.md).
    static let expected: [RPCStatusCode: Int] = [
        .cancelled: 500, .unknown: 500, .invalidArgument: 400, .deadlineExceeded: 504, .notFound: 404,
        .alreadyExists: 409, .permissionDenied: 403, .resourceExhausted: 429, .failedPrecondition: 400,
        .aborted: 409, .outOfRange: 400, .unimplemented: 501, .internal: 500, .unavailable: 503,
        .dataLoss: 500, .unauthenticated: 401,
    ]

    @Test func theTableCoversEveryCode() {
        #expect(Set(Self.expected.keys) == Set(RPCStatusCode.allCases).subtracting([.ok]))
        for (code, status) in Self.expected {
            #expect(Int(HTTPStatusMapping.status(for: code).code) == status, "\(code)")
        }
    }

    @Test(arguments: RPCStatusCode.allCases.filter { $0 != .ok })
    func aDaemonErrorBecomesItsHTTPStatus(code: RPCStatusCode) async throws {
        try await GatewayWorld.with { world in
            world.identity.on("GetEmployee", .fail(RPCError(code, LocalizedText(id: "pesan untuk \(code)", en: "message for \(code)"))))
            try await world.test { client in
                let response = try await client.execute(uri: Self.employee, method: .get)
                #expect(Int(response.status.code) == Self.expected[code])
                #expect(response.status == HTTPStatusMapping.status(for: code))
                #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
                let error = try #require(response.apiError, "\(response.text)")
                #expect(error["code"] as? Int == Self.expected[code])
                #expect(error["status"] as? String == code.description)
                if code != .dataLoss, let generic = APIFailure.genericMessage(for: code) {
                    // Failures about our internals are never passed on word for word.
                    #expect(error["message"] as? String == generic.indonesian)
                } else {
                    #expect(error["message"] as? String == "pesan untuk \(code)")
                }
                #expect(error["fieldViolations"] == nil)
                if code == .unauthenticated {
                    #expect(response.headers[.wwwAuthenticate] == "Bearer")
                } else {
                    #expect(response.headers[.wwwAuthenticate] == nil)
                }
            }
            #expect(world.identity.calls("GetEmployee").count == 1)
        }
    }

    @Test func fieldViolationsAndTheEnglishMessageReachTheClient() async throws {
        try await GatewayWorld.with { world in
            var error = RPCError.invalidArgument(field: "nip", LocalizedText(id: "harus 18 angka", en: "must be 18 digits"))
            error.fieldViolations.append(.init(field: "name", description: "wajib diisi"))
            world.identity.on("GetEmployee", .fail(error))
            try await world.test { client in
                let indonesian = try #require(try await client.execute(uri: Self.employee, method: .get).apiError)
                #expect(indonesian["code"] as? Int == 400)
                #expect(indonesian["status"] as? String == "INVALID_ARGUMENT")
                #expect(indonesian["message"] as? String == "nip: harus 18 angka")
                let violations = try #require(indonesian["fieldViolations"] as? [[String: String]])
                #expect(violations == [["field": "nip", "description": "harus 18 angka"], ["field": "name", "description": "wajib diisi"]])

                let response = try await client.execute(uri: Self.employee, method: .get, headers: [.acceptLanguage: "en-GB,en;q=0.8"])
                let english = try #require(response.apiError)
                #expect(english["message"] as? String == "nip: must be 18 digits")
                #expect((english["fieldViolations"] as? [[String: String]])?.first == ["field": "nip", "description": "must be 18 digits"])
            }
            #expect(world.identity.calls("GetEmployee").map { $0.metadata["accept-language"] } == ["id", "en"])
        }
    }

    @Test func theGatewaysOwnRefusalsSpeakEnglishToo() async throws {
        try await GatewayWorld.with { world in
            try await world.test { client in
                let indonesian = try await client.execute(uri: "/api/v1/tidak-ada", method: .get)
                #expect((indonesian.apiError?["message"] as? String)?.hasPrefix("alamat API tidak dikenal") == true)
                let english = try await client.execute(uri: "/api/v1/tidak-ada", method: .get, headers: [.acceptLanguage: "en"])
                #expect((english.apiError?["message"] as? String)?.hasPrefix("unknown API address") == true)
            }
        }
    }

    // MARK: A daemon that is down

    @Test func aDaemonThatIsDownFailsOnlyItsOwnRoutes() async throws {
        try await GatewayWorld.with(serving: [.identity]) { world in
            world.identity.on("GetEmployee", .reply(Binakarier_Identity_V1_Employee(nip: Self.nip)))
            try await world.test { client in
                let programs = try await client.execute(uri: "/api/v1/programs", method: .get)
                #expect(programs.status == .serviceUnavailable)
                #expect(programs.apiError?["status"] as? String == "UNAVAILABLE")
                let identity = try await client.execute(uri: Self.employee, method: .get)
                #expect(identity.status == .ok)
                #expect(identity.json?["nip"] as? String == Self.nip)
                #expect(try await client.execute(uri: "/api/v1/results", method: .get).status == .serviceUnavailable)
            }
        }
    }

    // MARK: Tokens

    @Test func aBearerTokenReachesTheDaemon() async throws {
        try await GatewayWorld.with { world in
            try await world.test { client in
                let response = try await client.execute(uri: Self.employee, method: .get, headers: [.authorization: "Bearer abc.def.ghi"])
                #expect(response.status == .ok)
            }
            let call = try #require(world.identity.calls("GetEmployee").last)
            #expect(call.metadata[values: "authorization"] == ["Bearer abc.def.ghi"])
        }
    }

    @Test func aSessionCookieCallsWithTheSessionsToken() async throws {
        try await GatewayWorld.with { world in
            let id = try await world.storeSession(token: "token-dari-sesi")
            try await world.test { client in
                let response = try await client.execute(uri: Self.employee, method: .get, headers: [.cookie: "bk_sesi=\(id)"])
                #expect(response.status == .ok)
                // A header token is the caller's choice and wins over the cookie.
                _ = try await client.execute(uri: Self.employee, method: .get, headers: [.cookie: "bk_sesi=\(id)", .authorization: "Bearer lain"])
                // A cookie of no session gives no token.
                _ = try await client.execute(uri: Self.employee, method: .get, headers: [.cookie: "bk_sesi=tidak-ada"])
            }
            let calls = world.identity.calls("GetEmployee")
            #expect(calls.map { $0.metadata[values: "authorization"] } == [["Bearer token-dari-sesi"], ["Bearer lain"], []])
        }
    }

    @Test func noTokenGivesTheDaemonsUnauthenticatedAs401() async throws {
        try await GatewayWorld.with { world in
            world.identity.on(
                "GetEmployee",
                .decide { call in
                    guard call.metadata["authorization"] == "Bearer baik" else { throw RPCError(.unauthenticated, "token diperlukan") }
                    return Binakarier_Identity_V1_Employee(nip: Self.nip)
                })
            try await world.test { client in
                let anonymous = try await client.execute(uri: Self.employee, method: .get)
                #expect(anonymous.status == .unauthorized)
                #expect(anonymous.headers[.wwwAuthenticate] == "Bearer")
                #expect(anonymous.apiError?["status"] as? String == "UNAUTHENTICATED")
                #expect(anonymous.apiError?["message"] as? String == "token diperlukan")
                let basic = try await client.execute(uri: Self.employee, method: .get, headers: [.authorization: "Basic YTpi"])
                #expect(basic.status == .unauthorized, "only a bearer token is passed on")
                #expect(try await client.execute(uri: Self.employee, method: .get, headers: [.authorization: "Bearer baik"]).status == .ok)
            }
            #expect(world.identity.calls("GetEmployee").count == 3)
        }
    }

    // MARK: Login throttle

    @Test func repeatedFailedLoginsAreRefusedWithoutAskingIdentity() async throws {
        try await GatewayWorld.with { world in
            world.identity.on("Login", .fail(RPCError(.unauthenticated, "nama pengguna atau kata sandi salah")))
            let limit = LoginThrottle().perAddressAndUsername
            try await world.test { client in
                func login(_ username: String) async throws -> TestResponse {
                    try await client.execute(
                        uri: "/api/v1/auth:login", method: .post, headers: [.contentType: "application/json"],
                        body: ByteBuffer(string: #"{"username": "\#(username)", "password": "salah-sekali"}"#))
                }
                for attempt in 1...limit {
                    #expect(try await login("budi").status == .unauthorized, "attempt \(attempt)")
                }
                #expect(world.identity.calls("Login").count == limit)
                let refused = try await login("budi")
                #expect(refused.status == .tooManyRequests)
                #expect(refused.apiError?["status"] as? String == "RESOURCE_EXHAUSTED")
                #expect(try await login("BUDI").status == .tooManyRequests, "the username is counted without case")
                #expect(world.identity.calls("Login").count == limit, "identity was not asked again")
                // Another person on the same address still reaches identity.
                #expect(try await login("ani").status == .unauthorized)
                #expect(world.identity.calls("Login").count == limit + 1)
            }
            let last = try #require(world.identity.lastRequest("Login", as: Binakarier_Identity_V1_LoginRequest.self))
            #expect(last.username == "ani")
            #expect(last.password == "salah-sekali")
        }
    }

    @Test func aSuccessfulLoginClearsTheUsernamesCount() async throws {
        try await GatewayWorld.with { world in
            let limit = LoginThrottle().perAddressAndUsername
            world.identity.on(
                "Login",
                .decide { call in
                    guard (call.request as? Binakarier_Identity_V1_LoginRequest)?.password == "benar-sekali" else {
                        throw RPCError(.unauthenticated, "salah")
                    }
                    return Binakarier_Identity_V1_LoginResponse(token: "t", expireTimeUnix: 4_000_000_000)
                })
            try await world.test { client async throws in
                func login(_ password: String) async throws -> HTTPResponse.Status {
                    try await client.execute(
                        uri: "/api/v1/auth:login", method: .post, headers: [.contentType: "application/json"],
                        body: ByteBuffer(string: #"{"username": "budi", "password": "\#(password)"}"#)
                    ).status
                }
                for _ in 1..<limit { #expect(try await login("salah") == .unauthorized) }
                #expect(try await login("benar-sekali") == .ok)
                for _ in 1..<limit { #expect(try await login("salah") == .unauthorized) }
                #expect(try await login("salah") == .unauthorized, "the count started again after the success")
            }
        }
    }

    /// Failures spread over many usernames from one address stop at the address's limit; another
    /// address (a colleague elsewhere) is not affected.
    @Test func oneAddressGuessingManyUsernamesIsStoppedAtItsOwnLimit() throws {
        let throttle = LoginThrottle(window: 300, perAddress: 10, perAddressAndUsername: 3)
        let now = 1_000_000.0
        for index in 0..<10 {
            let key = LoginThrottle.Key(address: "10.0.0.1", username: "pegawai\(index)")
            try throttle.check(key, now: now)
            throttle.recordFailure(key, now: now)
        }
        #expect(throws: RPCError.self) { try throttle.check(.init(address: "10.0.0.1", username: "baru"), now: now + 1) }
        try throttle.check(.init(address: "10.0.0.2", username: "pegawai1"), now: now + 1)
        // The window slides: after it, the address may try again.
        try throttle.check(.init(address: "10.0.0.1", username: "baru"), now: now + 301)
    }
}
