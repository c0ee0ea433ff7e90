import BKProto
import BKRPC
import BKTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import Gateway

/// proto/HTTP.md: path variables, query parameters and bodies become the RPC's request; what is wrong with
/// the HTTP request is refused before any daemon is asked.
@Suite("Gateway API: HTTP to RPC mapping", .timeLimit(.minutes(2)))
struct APIMappingTests {
    static let nip = "199001012020121001"
    static let json: HTTPFields = [.contentType: "application/json"]

    @Test func aPathVariableBecomesTheRequestField() async throws {
        try await GatewayWorld.with { world in
            world.identity.on("GetEmployee", .reply(Binakarier_Identity_V1_Employee(nip: Self.nip, name: "Siti Rahma", createTimeUnix: 1_767_225_600)))
            try await world.test { client in
                let response = try await client.execute(uri: "/api/v1/employees/\(Self.nip)", method: .get)
                #expect(response.status == .ok)
                #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
                let body = try #require(response.json)
                #expect(body["nip"] as? String == Self.nip)
                #expect(body["name"] as? String == "Siti Rahma")
                #expect(body["createTimeUnix"] as? String == "1767225600", "64-bit integers are strings in proto3 JSON")
            }
            let request = try #require(world.identity.lastRequest("GetEmployee", as: Binakarier_Identity_V1_GetEmployeeRequest.self))
            #expect(request.nip == Self.nip)
        }
    }

    @Test func aPercentEncodedSlashStaysInsideItsPathVariable() async throws {
        try await GatewayWorld.with { world in
            try await world.test { client in
                let response = try await client.execute(uri: "/api/v1/certificates/800.1%2F12%2F2026", method: .get)
                #expect(response.status == .ok)
            }
            let request = try #require(world.programs.lastRequest("GetCertificate", as: Binakarier_Programs_V1_GetCertificateRequest.self))
            #expect(request.number == "800.1/12/2026")
        }
    }

    @Test func queryParametersFillAListRequest() async throws {
        try await GatewayWorld.with { world in
            try await world.test { client in
                let response = try await client.execute(
                    uri: "/api/v1/programs?pageSize=5&pageToken=x&kind=PROGRAM_KIND_SEMINAR&agency_code=DINKES", method: .get)
                #expect(response.status == .ok, "\(response.text)")
            }
            let request = try #require(world.programs.lastRequest("ListPrograms", as: Binakarier_Programs_V1_ListProgramsRequest.self))
            #expect(request.pageSize == 5)
            #expect(request.pageToken == "x")
            #expect(request.kind == .seminar, "an enum by its name")
            #expect(request.agencyCode == "DINKES", "a parameter by its proto name is accepted too")
            #expect(request.competencyCode == "")
        }
    }

    @Test func int64AndEnumQueryValuesKeepTheirTypes() async throws {
        try await GatewayWorld.with { world in
            try await world.test { client in
                let response = try await client.execute(
                    uri: "/api/v1/results?purpose=PURPOSE_REACTION&fromUnix=1767225600&toUnix=9007199254740993&programCode=LAT-1", method: .get)
                #expect(response.status == .ok, "\(response.text)")
            }
            let request = try #require(world.feedback.lastRequest("GetResults", as: Binakarier_Feedback_V1_GetResultsRequest.self))
            #expect(request.purpose == .reaction)
            #expect(request.fromUnix == 1_767_225_600)
            #expect(request.toUnix == 9_007_199_254_740_993, "an int64 above 2^53 arrives exactly")
            #expect(request.programCode == "LAT-1")
        }
    }

    @Test func boolAndIntegerQueryValues() async throws {
        try await GatewayWorld.with { world in
            try await world.test { client async throws in
                #expect(try await client.execute(uri: "/api/v1/needs?openOnly=true&year=2026", method: .get).status == .ok)
            }
            let request = try #require(world.programs.lastRequest("ListNeeds", as: Binakarier_Programs_V1_ListNeedsRequest.self))
            #expect(request.openOnly)
            #expect(request.year == 2026)
        }
    }

    @Test(arguments: [
        ("/api/v1/needs?openOnly=kadang", "openOnly"),
        ("/api/v1/needs?year=dua-ribu", "year"),
        ("/api/v1/programs?pageSize=5&pageSize=6", "pageSize"),
    ])
    func aBadQueryValueIsA400NamingIt(uri: String, field: String) async throws {
        try await GatewayWorld.with { world in
            try await world.test { client in
                let response = try await client.execute(uri: uri, method: .get)
                #expect(response.status == .badRequest)
                let error = try #require(response.apiError)
                #expect(error["status"] as? String == "INVALID_ARGUMENT")
                let violations = try #require(error["fieldViolations"] as? [[String: Any]])
                #expect(violations.map { $0["field"] as? String } == [field])
            }
            #expect(world.programs.calls().isEmpty, "nothing reached the daemon")
        }
    }

    @Test func anUnknownQueryParameterIsA400NamingIt() async throws {
        try await GatewayWorld.with { world in
            try await world.test { client in
                let response = try await client.execute(uri: "/api/v1/programs?pageSize=5&colour=merah", method: .get)
                #expect(response.status == .badRequest)
                let error = try #require(response.apiError)
                #expect(error["code"] as? Int == 400)
                #expect(error["status"] as? String == "INVALID_ARGUMENT")
                #expect((error["message"] as? String)?.contains("colour") == true)
                let violations = try #require(error["fieldViolations"] as? [[String: Any]])
                #expect(violations.count == 1)
                #expect(violations.first?["field"] as? String == "colour")
            }
            #expect(world.programs.calls().isEmpty)
        }
    }

    /// No GET route of the protos has a repeated field today, so the rule is checked on a route made here.
    @Test func repeatedQueryParametersBecomeAList() throws {
        let route = APIRoute(
            verb: .get, path: "/api/v1/things", bodyIsRequest: false, rpc: "x.v1.X/ListThings", daemon: .programs,
            fields: [
                "nips": .init(json: "nips", kind: .string, repeated: true),
                "years": .init(json: "years", kind: .integer, repeated: true),
                "page_size": .init(json: "pageSize", kind: .integer, repeated: false),
            ]
        ) { _, _, _ in "{}" }
        let bytes = try APIRouter.requestJSON(
            route: route, variables: [:], query: [("nips", "1"), ("nips", "2"), ("years", "2025"), ("years", "2026"), ("pageSize", "9")], body: [])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        #expect(object["nips"] as? [String] == ["1", "2"])
        #expect(object["years"] as? [Int] == [2025, 2026])
        #expect(object["pageSize"] as? Int == 9)
        #expect(throws: APIRequestError.self) {
            try APIRouter.requestJSON(route: route, variables: [:], query: [("pageSize", "1"), ("pageSize", "2")], body: [])
        }
    }

    @Test func aPostBodyIsTheRequestAndThePathVariableWins() async throws {
        try await GatewayWorld.with { world in
            world.programs.on("TransitionSession", .reply(Binakarier_Programs_V1_Session(id: "S-1")))
            try await world.test { client in
                let response = try await client.execute(
                    uri: "/api/v1/sessions/S-1:transition", method: .post, headers: Self.json,
                    body: ByteBuffer(string: #"{"id": "S-LAIN", "transition": "SESSION_TRANSITION_CANCEL", "reason": "banjir"}"#))
                #expect(response.status == .ok, "\(response.text)")
                #expect(response.json?["id"] as? String == "S-1")
                // The variable named by its proto name in the body (`session_id`) loses too.
                let enrol = try await client.execute(
                    uri: "/api/v1/sessions/S-2:enrol", method: .post, headers: [.contentType: "application/json; charset=utf-8"],
                    body: ByteBuffer(string: #"{"session_id": "S-LAIN", "nips": ["\#(Self.nip)", "199202022021012002"]}"#))
                #expect(enrol.status == .ok, "\(enrol.text)")
            }
            let transition = try #require(world.programs.lastRequest("TransitionSession", as: Binakarier_Programs_V1_TransitionSessionRequest.self))
            #expect(transition.id == "S-1")
            #expect(transition.transition == .cancel)
            #expect(transition.reason == "banjir")
            let enrol = try #require(world.programs.lastRequest("Enrol", as: Binakarier_Programs_V1_EnrolRequest.self))
            #expect(enrol.sessionId == "S-2")
            #expect(enrol.nips == [Self.nip, "199202022021012002"])
        }
    }

    @Test(arguments: [#"{"id": "S-1", "#, "[1, 2]", #"{"transition": "SESSION_TRANSITION_TERBANG"}"#, #"{"reason": 12}"#])
    func aBodyThatIsNotTheRequestIsA400(body: String) async throws {
        try await GatewayWorld.with { world in
            try await world.test { client in
                let response = try await client.execute(
                    uri: "/api/v1/sessions/S-1:transition", method: .post, headers: Self.json, body: ByteBuffer(string: body))
                #expect(response.status == .badRequest, "\(response.text)")
                #expect(response.apiError?["status"] as? String == "INVALID_ARGUMENT")
            }
            #expect(world.programs.calls().isEmpty)
        }
    }

    @Test func aBodyThatIsNotJSONIs415() async throws {
        try await GatewayWorld.with { world in
            try await world.test { client in
                for type in ["text/plain", "application/x-www-form-urlencoded"] {
                    let response = try await client.execute(
                        uri: "/api/v1/sessions/S-1:transition", method: .post, headers: [.contentType: type],
                        body: ByteBuffer(string: #"{"transition": "SESSION_TRANSITION_CANCEL"}"#))
                    #expect(response.status == .unsupportedMediaType, "\(type)")
                    #expect(response.apiError?["code"] as? Int == 415)
                }
                let untyped = try await client.execute(
                    uri: "/api/v1/sessions/S-1:transition", method: .post, body: ByteBuffer(string: #"{"reason": "x"}"#))
                #expect(untyped.status == .unsupportedMediaType, "a body without a content type is not JSON either")
            }
            #expect(world.programs.calls().isEmpty)
        }
    }

    @Test func aBodyOverTheLimitIs413() async throws {
        try await GatewayWorld.with { world in
            let big = #"{"reason": ""# + String(repeating: "a", count: BodyLimits.api) + #""}"#
            try await world.test { client in
                let response = try await client.execute(
                    uri: "/api/v1/sessions/S-1:transition", method: .post, headers: Self.json, body: ByteBuffer(string: big))
                #expect(response.status == .contentTooLarge, "\(response.text)")
                #expect(response.apiError?["code"] as? Int == 413)
                #expect(response.apiError?["status"] as? String == "RESOURCE_EXHAUSTED")
                // A large body under the limit is read.
                let fits = #"{"reason": ""# + String(repeating: "a", count: 1 << 20) + #""}"#
                let fitting = try await client.execute(
                    uri: "/api/v1/sessions/S-1:transition", method: .post, headers: Self.json, body: ByteBuffer(string: fits))
                #expect(fitting.status == .ok, "\(fitting.text)")
            }
            #expect(world.programs.lastRequest("TransitionSession", as: Binakarier_Programs_V1_TransitionSessionRequest.self)?.reason.count == 1 << 20)
        }
    }

    /// A body the gateway accepts always fits the ttrpc frame it becomes (BodyLimits.api is below it),
    /// so it never comes back as RESOURCE_EXHAUSTED (429 Too Many Requests).
    @Test func aBodyUnderTheLimitIsNeverAnsweredAsTooManyRequests() async throws {
        try await GatewayWorld.with { world in
            let near = #"{"reason": ""# + String(repeating: "a", count: BodyLimits.api - 64) + #""}"#
            try await world.test { client in
                let response = try await client.execute(
                    uri: "/api/v1/sessions/S-1:transition", method: .post, headers: Self.json, body: ByteBuffer(string: near))
                #expect(response.status == .ok, "\(response.text)")
            }
        }
    }

    @Test func anUnknownAPIPathIsAJSON404() async throws {
        try await GatewayWorld.with { world in
            try await world.test { client in
                for uri in ["/api/v1/tidak-ada", "/api/v1/employees/\(Self.nip)/anak", "/api/v1/programs:hapus"] {
                    let response = try await client.execute(uri: uri, method: .get)
                    #expect(response.status == .notFound, "\(uri)")
                    #expect(response.headers[.contentType]?.hasPrefix("application/json") == true, "\(uri)")
                    let error = try #require(response.apiError, "\(uri)")
                    #expect(error["code"] as? Int == 404)
                    #expect(error["status"] as? String == "NOT_FOUND")
                }
            }
            #expect(world.identity.calls().isEmpty && world.programs.calls().isEmpty)
        }
    }

    @Test func aKnownPathWithAnotherMethodIs405WithAllow() async throws {
        try await GatewayWorld.with { world in
            try await world.test { client in
                let response = try await client.execute(uri: "/api/v1/programs", method: .delete)
                #expect(response.status == .methodNotAllowed)
                #expect(Set(response.headers[.allow]?.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } ?? []) == ["GET", "POST"])
                #expect(response.apiError?["code"] as? Int == 405)
                let one = try await client.execute(uri: "/api/v1/employees/\(Self.nip)", method: .patch)
                #expect(one.status == .methodNotAllowed)
                #expect(Set(one.headers[.allow]?.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } ?? []) == ["GET", "DELETE"])
            }
            #expect(world.programs.calls().isEmpty && world.identity.calls().isEmpty)
        }
    }

    /// Methods no route is registered for at all (OPTIONS, HEAD) on a known API path: 405, JSON, `Allow`.
    @Test func optionsOnAKnownAPIPathIs405WithAllow() async throws {
        try await GatewayWorld.with { world in
            try await world.test { client in
                let response = try await client.execute(uri: "/api/v1/programs", method: .options)
                #expect(response.status == .methodNotAllowed)
                #expect(Set(response.headers[.allow]?.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } ?? []) == ["GET", "POST"])
                #expect(response.apiError?["status"] as? String == "UNIMPLEMENTED")
            }
        }
    }

    /// When the body is the request, a query parameter would be dropped without a word: it is a 400.
    @Test func aQueryParameterOnABodyRouteIs400() async throws {
        try await GatewayWorld.with { world in
            try await world.test { client in
                let response = try await client.execute(
                    uri: "/api/v1/sessions/S-1:transition?bogus=1", method: .post, headers: Self.json, body: ByteBuffer(string: "{}"))
                #expect(response.status == .badRequest)
                #expect((response.apiError?["fieldViolations"] as? [[String: Any]])?.first?["field"] as? String == "bogus")
            }
            #expect(world.programs.calls().isEmpty)
        }
    }
}
