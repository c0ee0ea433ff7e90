import BKRPC
import Foundation
import HTTPTypes
import Hummingbird
import NIOConcurrencyHelpers

/// Headers on every response: a strict Content-Security-Policy (nothing but this site's stylesheet and
/// images; no script at all, no framing), no MIME sniffing, no referrer to other sites.
struct SecurityHeadersMiddleware: RouterMiddleware {
    typealias Context = GatewayContext
    let secure: Bool

    static let contentSecurityPolicy =
        "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        response.headers[.contentSecurityPolicy] = Self.contentSecurityPolicy
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[HTTPField.Name("Referrer-Policy")!] = "same-origin"
        response.headers[HTTPField.Name("X-Frame-Options")!] = "DENY"
        response.headers[HTTPField.Name("Permissions-Policy")!] = "camera=(), microphone=(), geolocation=()"
        response.headers[HTTPField.Name("Cross-Origin-Opener-Policy")!] = "same-origin"
        if secure { response.headers[.strictTransportSecurity] = "max-age=31536000" }
        return response
    }
}

/// The cookies the gateway sets, with their attributes in one place.
struct CookieJar: Sendable {
    static let session = "bk_sesi"
    static let csrf = "bk_csrf"
    static let language = "bk_bahasa"

    /// `Secure` when the gateway is served over TLS (`--secure-cookies`, behind a TLS proxy).
    let secure: Bool

    func session(_ id: String, expires: Date) -> Cookie {
        Cookie(name: Self.session, value: id, expires: expires, path: "/", secure: secure, httpOnly: true, sameSite: .lax)
    }

    func endSession() -> Cookie {
        Cookie(name: Self.session, value: "", expires: Date(timeIntervalSince1970: 0), maxAge: 0, path: "/", secure: secure, httpOnly: true, sameSite: .lax)
    }

    func csrf(_ token: String) -> Cookie {
        Cookie(name: Self.csrf, value: token, path: "/", secure: secure, httpOnly: true, sameSite: .lax)
    }

    func language(_ tag: String) -> Cookie {
        Cookie(name: Self.language, value: tag, maxAge: 365 * 24 * 3600, path: "/", secure: secure, httpOnly: true, sameSite: .lax)
    }
}

/// Resolves who is asking: the web session of the `bk_sesi` cookie (from SQLite), the language they read
/// (session, `bk_bahasa` cookie, Accept-Language), and before login a `bk_csrf` double-submit token.
struct SessionMiddleware: RouterMiddleware {
    typealias Context = GatewayContext
    let store: SessionStore
    let cookies: CookieJar

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        if let id = request.cookies[CookieJar.session]?.value, !id.isEmpty, id.count <= 64 {
            if let session = try? await store.load(id) {
                context.session = session
                context.sessionID = id
            }
        }
        if let chosen = context.session?.language ?? request.cookies[CookieJar.language]?.value {
            context.language = Language(tag: chosen)
        } else {
            context.language = Language(tag: request.headers[.acceptLanguage])
        }
        var newCSRF: String?
        if context.session == nil {
            if let token = request.cookies[CookieJar.csrf]?.value, token.count >= 32, token.count <= 64 {
                context.anonymousCSRF = token
            } else if !request.uri.path.hasPrefix("/api/") {
                let token = SessionStore.randomToken(bytes: 32)
                context.anonymousCSRF = token
                newCSRF = token
            }
        }
        var response = try await next(request, context)
        if let newCSRF { response.headers.append(.init(name: .setCookie, value: cookies.csrf(newCSRF).description)) }
        return response
    }
}

/// The paths the web pages answer and with which methods, so that a known path asked with another
/// method is a 405 with `Allow`, not Hummingbird's 404.
final class WebRouteRegistry: Sendable {
    private let routes = NIOLockedValueBox<[(method: String, segments: [Substring])]>([])

    func record(_ method: HTTPRequest.Method, _ path: String) {
        routes.withLockedValue { $0.append((method.rawValue, path.split(separator: "/"))) }
    }

    func allowedMethods(for path: String) -> [String] {
        let parts = path.split(separator: "/")
        return routes.withLockedValue { routes in
            routes.filter { route in
                route.segments.count == parts.count
                    && zip(route.segments, parts).allSatisfy { pattern, part in pattern.hasPrefix(":") || pattern == part }
            }.map(\.method)
        }
    }
}

/// Turns every error a page handler throws into a page in the person's language (or, under /api, the
/// JSON error body): redirects, 404/405, a daemon that is down (503), permission errors, and anything
/// unexpected (500, logged, never shown).
struct ErrorPageMiddleware: RouterMiddleware {
    typealias Context = GatewayContext
    let renderer: WebRenderer
    let routes: WebRouteRegistry
    let sessions: SessionStore
    let cookies: CookieJar

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let redirect as WebRedirect {
            return redirect.response
        } catch {
            return respond(to: error, request: request, context: context)
        }
    }

    func respond(to error: any Error, request: Request, context: Context) -> Response {
        let language = context.language
        var status: HTTPResponse.Status
        var message: LocalizedText
        var allow: [String] = []
        switch error {
        case let failure as WebFailure:
            (status, message) = (failure.status, failure.message)
        case let error as RPCError:
            status = HTTPStatusMapping.status(for: error.code)
            if error.code == .unavailable {
                message = Strings.common["service_down"]!
            } else if error.code == .unauthenticated {
                // The token ended (expired, revoked, the account changed): the session ends with it, so
                // the login page does not send the person back here in a loop; log in again, then return.
                let back = request.uri.path
                var redirect = WebRedirect(location: "/masuk?lanjut=" + (back.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""))
                if let id = context.sessionID {
                    Task { try? await sessions.delete(id) }
                    redirect.cookies.append(cookies.endSession())
                }
                return redirect.response
            } else if let generic = APIFailure.genericMessage(for: error.code) {
                // Transport and server failures carry internals (paths, library errors): never shown.
                context.logger.warning("page failed", metadata: ["path": "\(request.uri.path)", "error": "\(error)"])
                message = generic
            } else {
                let localized = error.localized(language)
                message = LocalizedText(id: localized.message, en: localized.message)
            }
        case let error as HTTPError where error.status == .notFound:
            if request.uri.path.hasPrefix(APIController.prefix + "/"),
                case .methodNotAllowed(let methods) = APIRouter.shared.match(verb: request.method.rawValue, path: request.uri.path)
            {
                allow = methods
            } else {
                allow = routes.allowedMethods(for: request.uri.path)
            }
            if allow.isEmpty {
                (status, message) = (.notFound, LocalizedText(id: "Halaman tidak ditemukan.", en: "Page not found."))
            } else {
                (status, message) = (.methodNotAllowed, LocalizedText(id: "Alamat ini tidak menerima \(request.method.rawValue).", en: "This address does not accept \(request.method.rawValue)."))
            }
        case let error as HTTPError:
            status = error.status
            message = LocalizedText(id: "Permintaan tidak dapat diproses (\(error.status.code)).", en: "The request cannot be processed (\(error.status.code)).")
        default:
            context.logger.error("page failed", metadata: ["path": "\(request.uri.path)", "error": "\(String(reflecting: error))"])
            (status, message) = (.internalServerError, LocalizedText(id: "Terjadi kesalahan pada server. Coba lagi.", en: "The server failed. Try again."))
        }
        if request.uri.path.hasPrefix(APIController.prefix) {
            let code: RPCStatusCode = status == .methodNotAllowed ? .unimplemented : status == .notFound ? .notFound : .internal
            var response = APIController.response(APIFailure(status, code, message), language: language)
            if !allow.isEmpty { response.headers[.allow] = allow.joined(separator: ", ") }
            return response
        }
        var response = renderer.page(
            "error", title: Strings.text("error_title", language), data: ["message": message.text(language)],
            context: context, request: request, status: status)
        if !allow.isEmpty { response.headers[.allow] = allow.joined(separator: ", ") }
        return response
    }
}
