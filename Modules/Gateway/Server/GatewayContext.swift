import BKRPC
import Hummingbird
import Logging

/// The request context of every gateway route: Hummingbird's core, plus who is asking (the web session
/// or API bearer token, resolved by `SessionMiddleware`) and the language they read.
struct GatewayContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    /// The logged-in web session, when the request carries a live session cookie.
    var session: WebSession?
    /// The cookie's session id (to rotate or end it), when `session` is set.
    var sessionID: String?
    /// The person's chosen language (session, then the `bk_bahasa` cookie, then Accept-Language).
    var language: Language = .indonesian
    /// Before login: the `bk_csrf` cookie's token that forms (login, public surveys) carry.
    var anonymousCSRF: String?
    /// The peer's address (for throttling logins and public forms).
    let remoteAddress: String

    init(source: Source) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress?.ipAddress ?? "unknown"
    }

    /// Bodies are read with an explicit limit per kind (API JSON, forms): see `BodyLimits`. This is
    /// Hummingbird's own ceiling, the largest of them.
    var maxUploadSize: Int { BodyLimits.api }
}

/// Request size limits: bodies over these are refused with 413 before they are read further.
enum BodyLimits {
    /// A JSON request to /api/v1 (imports of CSV files included, which travel inside it). Below the 4 MiB
    /// ttrpc frame, so a body the gateway accepts always fits the call it becomes (its binary form is
    /// never larger than its JSON).
    static let api = 3 << 20
    /// A web form.
    static let form = 256 << 10
}
