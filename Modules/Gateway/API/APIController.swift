import BKProto
import BKRPC
import Foundation
import HTTPTypes
import Hummingbird

/// `/api/v1`: every request is matched against the generated routes (`APIRoute.generated`), turned into
/// the RPC's proto3 JSON request, sent to the daemon that serves it with the caller's token, and the
/// answer returned as proto3 JSON. The gateway adds nothing of its own but the OpenAPI document.
struct APIController: Sendable {
    let router: APIRouter
    let daemons: DaemonClients
    let loginThrottle: LoginThrottle

    static let prefix = "/api/v1"
    static let loginRPC = "binakarier.identity.v1.IdentityService/Login"

    func register(in router: Router<GatewayContext>) {
        router.get("\(Self.prefix)/openapi.json") { _, _ in
            var headers = HTTPFields()
            headers[.contentType] = "application/json; charset=utf-8"
            headers[.cacheControl] = "public, max-age=300"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: OpenAPIDocument.json)))
        }
        for verb in APIRoute.Verb.allCases {
            router.on("\(Self.prefix)/**", method: HTTPRequest.Method(rawValue: verb.rawValue)!) { request, context in
                try await self.handle(request, context: context)
            }
        }
    }

    func handle(_ request: Request, context: GatewayContext) async throws -> Response {
        let language = Language(tag: request.headers[.acceptLanguage]) == .english ? Language.english : context.language
        do {
            return try await serve(request, context: context, language: language)
        } catch {
            let failure = APIFailure(mapping: error)
            if failure.httpStatus == .internalServerError {
                context.logger.error("API request failed", metadata: ["path": "\(request.uri.path)", "error": "\(error)"])
            }
            return Self.response(failure, language: language)
        }
    }

    private func serve(_ request: Request, context: GatewayContext, language: Language) async throws -> Response {
        let route: APIRoute
        let variables: [String: String]
        switch router.match(verb: request.method.rawValue, path: request.uri.path) {
        case .found(let found, let values):
            (route, variables) = (found, values)
        case .methodNotAllowed(let allowed):
            var response = Self.response(
                APIFailure(
                    .methodNotAllowed, .unimplemented,
                    LocalizedText(id: "metode \(request.method.rawValue) tidak tersedia di alamat ini", en: "method \(request.method.rawValue) is not available at this address")),
                language: language)
            response.headers[.allow] = allowed.joined(separator: ", ")
            return response
        case .notFound:
            throw APIFailure(RPCError(.notFound, LocalizedText(id: "alamat API tidak dikenal: \(request.uri.path)", en: "unknown API address: \(request.uri.path)")))
        }
        var body: [UInt8] = []
        if route.bodyIsRequest {
            let buffer = try await Self.collect(request, limit: BodyLimits.api)
            body = Array(buffer.readableBytesView)
            if !body.isEmpty {
                let type = request.headers[.contentType].flatMap(MediaType.init(from:))
                guard let type, type.isType(.applicationJson) else {
                    throw APIFailure(
                        .unsupportedMediaType, .invalidArgument,
                        LocalizedText(id: "isi permintaan harus application/json", en: "the request body must be application/json"))
                }
            }
        }
        let query = request.uri.queryParameters.map { (String($0.key), String($0.value)) }
        let json = try APIRouter.requestJSON(route: route, variables: variables, query: query, body: body)
        guard let client = daemons.client(for: route.daemon) else {
            throw APIFailure(RPCError(.unimplemented, "no daemon for \(route.rpc)"))
        }
        var metadata: RPCMetadata = ["accept-language": language == .english ? "en" : "id"]
        if let authorization = request.headers[.authorization], authorization.lowercased().hasPrefix("bearer ") {
            metadata.append("authorization", authorization)
        } else if let session = context.session {
            // A cookie goes with any request the browser makes, also one another site triggers: a call
            // that changes something must also carry the session's CSRF token in `X-CSRF-Token`.
            if request.method != .get {
                guard let sent = request.headers[HTTPField.Name("X-CSRF-Token")!], FormData.constantTimeEqual(sent, session.csrf) else {
                    throw APIFailure(
                        RPCError(
                            .permissionDenied,
                            LocalizedText(
                                id: "panggilan dengan cookie sesi harus membawa X-CSRF-Token", en: "a call made with the session cookie must carry X-CSRF-Token")))
                }
            }
            metadata.append("authorization", "Bearer \(session.token)")
        }
        let isLogin = route.rpc == Self.loginRPC
        var loginKey: LoginThrottle.Key?
        if isLogin {
            let username = (try? JSONSerialization.jsonObject(with: Data(json)) as? [String: Any])?["username"] as? String ?? ""
            let key = LoginThrottle.Key(address: context.remoteAddress, username: username)
            try loginThrottle.check(key)
            loginKey = key
        }
        let output: String
        do {
            output = try await route.call(json, client, metadata)
        } catch let error as RPCError {
            if let loginKey, error.code == .unauthenticated || error.code == .permissionDenied { loginThrottle.recordFailure(loginKey) }
            throw error
        }
        if let loginKey { loginThrottle.recordSuccess(loginKey) }
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        headers[.cacheControl] = "no-store"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: output)))
    }

    /// Reads a body up to `limit` bytes; over it is a 413 with our error body.
    static func collect(_ request: Request, limit: Int) async throws -> ByteBuffer {
        do {
            return try await request.body.collect(upTo: limit)
        } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
            throw APIFailure(
                .contentTooLarge, .resourceExhausted,
                LocalizedText(id: "isi permintaan melebihi \(limit / 1024) KiB", en: "the request body exceeds \(limit / 1024) KiB"))
        }
    }

    static func response(_ failure: APIFailure, language: Language) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        headers[.cacheControl] = "no-store"
        if failure.httpStatus == .unauthorized { headers[.wwwAuthenticate] = "Bearer" }
        return Response(status: failure.httpStatus, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: failure.body(language: language))))
    }
}
