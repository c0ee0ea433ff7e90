import BKRPC
import Foundation
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle

/// How the gateway is run: where it listens, where the daemons' sockets are, where its sessions live.
public struct GatewayConfiguration: Sendable {
    public var host: String
    public var port: Int
    public var socketDirectory: String
    public var dataDirectory: String
    /// Cookies marked `Secure` and HSTS sent: set when a TLS proxy serves the gateway.
    public var secureCookies: Bool

    public init(host: String, port: Int, socketDirectory: String, dataDirectory: String, secureCookies: Bool = false) {
        self.host = host
        self.port = port
        self.socketDirectory = socketDirectory
        self.dataDirectory = dataDirectory
        self.secureCookies = secureCookies
    }

    /// `127.0.0.1:8080`, `[::1]:8080` or `localhost:0` (any free port).
    public static func parseAddress(_ text: String) -> (host: String, port: Int)? {
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]), (0...65535).contains(port) else {
            return nil
        }
        var host = String(text[..<colon])
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        guard !host.isEmpty else { return nil }
        return (host, port)
    }
}

/// The gateway: the HTTP server (API and web pages) over the daemons' sockets, and its session store.
public final class Gateway: Sendable {
    public let configuration: GatewayConfiguration
    let daemons: DaemonClients
    let sessions: SessionStore
    let listening: AsyncStream<String>
    private let listeningContinuation: AsyncStream<String>.Continuation
    /// The Hummingbird application, a lifecycle service.
    public let application: any Service

    public init(configuration: GatewayConfiguration, logger: Logger) throws {
        self.configuration = configuration
        let daemons = DaemonClients(socketDirectory: configuration.socketDirectory)
        let sessions = try SessionStore.open(directory: configuration.dataDirectory)
        self.daemons = daemons
        self.sessions = sessions
        (listening, listeningContinuation) = AsyncStream<String>.makeStream()
        let router = try Self.router(
            daemons: daemons, sessions: sessions, secureCookies: configuration.secureCookies,
            templateOverrides: DutyLetterPages.templateOverride(dataDirectory: configuration.dataDirectory, logger: logger))
        let continuation = listeningContinuation
        application = Application(
            router: router,
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: nil),
            onServerRunning: { channel in
                let address = channel.localAddress
                let host = address?.ipAddress ?? configuration.host
                let shown = host.contains(":") ? "[\(host)]" : host
                continuation.yield("http=\(shown):\(address?.port ?? configuration.port)")
                continuation.finish()
            },
            logger: logger)
    }

    /// Waits until the HTTP listener is bound; returns `http=HOST:PORT` for the readiness line.
    public func waitUntilListening() async throws -> String {
        for await address in listening { return address }
        throw CancellationError()
    }

    public func close() async {
        await daemons.close()
        try? sessions.close()
    }

    /// Every route: the API under /api/v1 and the web pages, behind the security headers, the session
    /// and the error pages.
    static func router(
        daemons: DaemonClients, sessions: SessionStore, secureCookies: Bool, templateOverrides: [String: String] = [:]
    ) throws -> Router<GatewayContext> {
        let router = Router(context: GatewayContext.self)
        let renderer = try WebRenderer(secureCookies: secureCookies, overrides: templateOverrides)
        let routes = WebRouteRegistry()
        let cookies = CookieJar(secure: secureCookies)
        router.add(middleware: SecurityHeadersMiddleware(secure: secureCookies))
        router.add(middleware: SessionMiddleware(store: sessions, cookies: cookies))
        router.add(middleware: ErrorPageMiddleware(renderer: renderer, routes: routes, sessions: sessions, cookies: cookies))
        let loginThrottle = LoginThrottle()
        APIController(router: APIRouter.shared, daemons: daemons, loginThrottle: loginThrottle).register(in: router)
        let web = WebApp(
            router: RouterBox(router), daemons: daemons, sessions: sessions, renderer: renderer, cookies: cookies,
            loginThrottle: loginThrottle, publicThrottle: PublicFormThrottle(), routes: routes)
        Assets.register(in: router)
        for register in WebPages.all { register(web) }
        return router
    }
}

/// Every group of web pages, registered once at start.
enum WebPages {
    static let all: [@Sendable (WebApp) -> Void] = [
        LoginPages.register,
        HomePage.register,
        CataloguePages.register,
        FeedbackPages.register,
        DialoguePages.register,
        ManagePages.register,
        ReportPages.register,
        CheckInPages.register,
        ApprovalPages.register,
        DutyLetterPages.register,
        LearningPages.register,
        IkmPages.register,
        SiasnPages.register,
        ChangeProjectPages.register,
    ]
}
