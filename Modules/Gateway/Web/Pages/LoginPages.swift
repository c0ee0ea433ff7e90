import BKProto
import BKRPC
import Foundation
import Hummingbird

/// `/masuk`, `/keluar` and `/bahasa`: logging in with NIP or username (identity checks the password and
/// locks accounts; the gateway throttles on top), a new session id at every login, logging out (the
/// token is revoked at identity and the session deleted), and the language choice.
enum LoginPages {
    static func register(_ web: WebApp) {
        web.get("/") { request, context in
            web.redirect(context.session == nil ? "/masuk" : "/beranda")
        }

        web.get("/masuk") { request, context in
            if context.session != nil { return web.redirect("/beranda") }
            return form(web, request: request, context: context, next: request.uri.queryParameters["lanjut"].map(String.init))
        }

        web.post("/masuk") { request, context in
            let form = try await FormData.read(request, context: context)
            let username = form.text("username")
            let next = WebRedirect.localPath(form["lanjut"])
            guard !username.isEmpty, let password = form["password"], !password.isEmpty else {
                return Self.form(web, request: request, context: context, next: next, username: username, error: web.text("login_required", context), status: .badRequest)
            }
            let key = LoginThrottle.Key(address: context.remoteAddress, username: username)
            let response: Binakarier_Identity_V1_LoginResponse
            do {
                try web.loginThrottle.check(key)
                response = try await Binakarier_Identity_V1_IdentityService.Client(web.daemons.identity, metadata: context.anonymousMetadata)
                    .login(.init(username: username, password: password))
            } catch let error as RPCError {
                switch error.code {
                case .unauthenticated, .notFound, .permissionDenied, .invalidArgument:
                    web.loginThrottle.recordFailure(key)
                    return Self.form(web, request: request, context: context, next: next, username: username, error: web.text("login_failed", context), status: .unauthorized)
                case .resourceExhausted, .failedPrecondition:
                    return Self.form(web, request: request, context: context, next: next, username: username, error: error.localized(context.language).message, status: .tooManyRequests)
                default:
                    throw error
                }
            }
            web.loginThrottle.recordSuccess(key)
            // Rotation: whatever session the browser had ends; the login gets a new id.
            if let old = context.sessionID { try? await web.sessions.delete(old) }
            let account = response.account ?? .init()
            let now = Int64(Date().timeIntervalSince1970)
            let session = WebSession(
                token: response.token, tokenExpiresUnix: response.expireTimeUnix, username: account.username, nip: account.nip,
                displayName: account.displayName, agencyCode: account.agencyCode,
                roles: account.effectiveRoles.map(roleName), csrf: SessionStore.randomToken(bytes: 32),
                language: context.language == .english ? "en" : "id",
                expiresUnix: min(now + web.sessions.idleLifetime, response.expireTimeUnix))
            let id = try await web.sessions.create(session)
            return WebRedirect(
                location: next,
                cookies: [web.cookies.session(id, expires: Date(timeIntervalSince1970: TimeInterval(session.expiresUnix)))]
            ).response
        }

        web.post("/keluar") { request, context in
            _ = try await FormData.read(request, context: context)
            if let session = context.session {
                _ = try? await Binakarier_Identity_V1_IdentityService.Client(web.daemons.identity, metadata: context.metadata(session)).logout(.init())
            }
            if let id = context.sessionID { try await web.sessions.delete(id) }
            return WebRedirect(location: "/masuk?pesan=logged_out", cookies: [web.cookies.endSession()]).response
        }

        web.post("/bahasa") { request, context in
            let form = try await FormData.read(request, context: context)
            let tag = form["bahasa"] == "en" ? "en" : "id"
            if var session = context.session, let id = context.sessionID {
                session.language = tag
                try await web.sessions.save(session, id: id)
            }
            return WebRedirect(location: WebRedirect.localPath(form["kembali"]), cookies: [web.cookies.language(tag)]).response
        }
    }

    static func form(
        _ web: WebApp, request: Request, context: GatewayContext, next: String?, username: String = "", error: String? = nil,
        status: HTTPResponse.Status = .ok
    ) -> Response {
        var data: [String: Any] = ["next": WebRedirect.localPath(next), "username": username]
        if let error { data["error"] = error }
        return web.page("login", title: web.text("login_title", context), data: data, request: request, context: context, status: status)
    }

    static func roleName(_ role: Binakarier_Auth_V1_Role) -> String {
        switch role {
        case .employee: "employee"
        case .supervisor: "supervisor"
        case .agencyHead: "agency_head"
        case .organizer: "organizer"
        case .administrator: "administrator"
        case .service: "service"
        default: "unknown"
        }
    }
}
