import BKRPC
import Foundation
import Hummingbird

/// What every page handler needs: the daemons, the sessions, the renderer, the cookies. Pages register
/// their routes through `get`/`post` here, so the 405 answer knows every path.
struct WebApp: Sendable {
    let router: RouterBox
    let daemons: DaemonClients
    let sessions: SessionStore
    let renderer: WebRenderer
    let cookies: CookieJar
    let loginThrottle: LoginThrottle
    let publicThrottle: PublicFormThrottle
    let routes: WebRouteRegistry

    func get(_ path: String, _ handler: @escaping @Sendable (Request, GatewayContext) async throws -> Response) {
        routes.record(.get, path)
        router.router.get(RouterPath(path)) { request, context in try await handler(request, context) }
    }

    func post(_ path: String, _ handler: @escaping @Sendable (Request, GatewayContext) async throws -> Response) {
        routes.record(.post, path)
        router.router.post(RouterPath(path)) { request, context in try await handler(request, context) }
    }

    /// A page in the layout.
    func page(
        _ template: String, title: String, data: [String: Any] = [:], request: Request, context: GatewayContext,
        status: HTTPResponse.Status = .ok, flash: String? = nil
    ) -> Response {
        renderer.page(template, title: title, data: data, context: context, request: request, status: status, flash: flash ?? request.uri.queryParameters["pesan"].map(String.init).flatMap { Strings.table(context.language)[$0] })
    }

    func text(_ key: String, _ context: GatewayContext) -> String { Strings.text(key, context.language) }

    /// After a POST that changed something: back to a page (303), with a message key shown there.
    func redirect(_ path: String, message: String? = nil) -> Response {
        let location = WebRedirect.localPath(path)
        guard let message else { return WebRedirect(location: location).response }
        return WebRedirect(location: location + (location.contains("?") ? "&" : "?") + "pesan=" + message).response
    }
}

/// The router while routes are registered. Registration happens once, on one task, before the server
/// starts; handlers never touch it, so sharing the reference is safe although `Router` is not Sendable.
final class RouterBox: @unchecked Sendable {
    let router: Router<GatewayContext>
    init(_ router: Router<GatewayContext>) { self.router = router }
}
