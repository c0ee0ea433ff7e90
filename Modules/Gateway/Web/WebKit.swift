import BKRPC
import Foundation
import Hummingbird
import Mustache

/// The pieces every web page is built from: templates, texts in both languages, forms, CSRF, redirects.
///
/// Templates are Mustache, registered from `Templates.all`. `{{name}}` escapes HTML; triple braces
/// `{{{name}}}` do not, and are allowed only for the names in `Templates.trustedHTML` (markup this
/// module built and escaped itself: the page body, SVG charts, QR codes). `TemplateTests` enforces it.
struct WebRenderer: Sendable {
    let library: MustacheLibrary
    let secureCookies: Bool

    /// `overrides`: templates an operator replaced (the duty letter), by name.
    init(secureCookies: Bool, overrides: [String: String] = [:]) throws {
        var library = MustacheLibrary()
        for (name, text) in Templates.all.merging(overrides, uniquingKeysWith: { _, custom in custom }) {
            try library.register(text, named: name)
        }
        self.library = library
        self.secureCookies = secureCookies
    }

    /// A full page: `template` rendered with `data`, inside the layout (navigation for the person's
    /// roles, language switch, CSRF token for its forms).
    func page(
        _ template: String, title: String, data: [String: Any] = [:], context: GatewayContext, request: Request,
        status: HTTPResponse.Status = .ok, flash: String? = nil
    ) -> Response {
        let common = commonData(title: title, context: context, request: request, flash: flash)
        let merged = common.merging(data) { _, new in new }
        let body = library.render(merged, withTemplate: template) ?? ""
        var layout = merged
        layout["body"] = body
        let html = library.render(layout, withTemplate: "layout") ?? body
        return Self.html(html, status: status)
    }

    static func html(_ html: String, status: HTTPResponse.Status = .ok) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.cacheControl] = "no-store"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    func commonData(title: String, context: GatewayContext, request: Request, flash: String?) -> [String: Any] {
        let language = context.language
        var data: [String: Any] = [
            "t": Strings.table(language),
            "title": title,
            "lang": language == .english ? "en" : "id",
            "otherLang": language == .english ? "id" : "en",
            "otherLangName": language == .english ? "Bahasa Indonesia" : "English",
            "csrf": context.csrfToken,
            "path": request.uri.path,
        ]
        if let flash { data["flash"] = flash }
        if let session = context.session {
            data["user"] = [
                "name": session.displayName.isEmpty ? session.username : session.displayName,
                "nip": session.nip,
                "agency": session.agencyCode,
            ]
            data["nav"] = Navigation.links(for: session, language: language, current: request.uri.path)
            // swift-mustache cannot test an array's first element (`nav.0`): a flag says there is a menu.
            data["hasNav"] = true
        }
        return data
    }

    /// Renders a template on its own (a fragment for a page's own use).
    func fragment(_ template: String, _ data: [String: Any]) -> String {
        library.render(data, withTemplate: template) ?? ""
    }
}

/// The links of the top navigation, by role.
enum Navigation {
    static func links(for session: WebSession, language: Language, current: String) -> [[String: Any]] {
        var links: [(String, String)] = [("/beranda", Strings.text("nav_beranda", language)), ("/katalog", Strings.text("nav_katalog", language))]
        links.append(("/evaluasi", Strings.text("nav_evaluasi", language)))
        links.append(("/dialog", Strings.text("nav_dialog", language)))
        // Anyone may own an action item; heads and organisers follow them up.
        links.append(("/tindak-lanjut", Strings.text("nav_tindaklanjut", language)))
        // Leadership training's participants, their mentors and coaches.
        links.append(("/aksi-perubahan", Strings.text("nav_aksi", language)))
        if session.has("supervisor") { links.append(("/tim", Strings.text("nav_tim", language))) }
        if session.has("supervisor") || session.has("agency_head") || session.isOrganizer {
            links.append(("/persetujuan", Strings.text("nav_persetujuan", language)))
        }
        if session.isOrganizer { links.append(("/kelola", Strings.text("nav_kelola", language))) }
        links.append(("/laporan", Strings.text("nav_laporan", language)))
        return links.map { path, label in
            ["href": path, "label": label, "current": current == path || current.hasPrefix(path + "/")]
        }
    }
}

/// A redirect a handler throws (to the login page, after a POST): turned into 303 See Other.
struct WebRedirect: Error, Sendable {
    var location: String
    var cookies: [Cookie] = []

    var response: Response {
        var headers = HTTPFields()
        headers[.location] = location
        headers[.cacheControl] = "no-store"
        for cookie in cookies { headers.append(.init(name: .setCookie, value: cookie.description)) }
        return Response(status: .seeOther, headers: headers)
    }

    /// Only a path on this site: anything else (`//evil`, `https://…`, `/\evil`) becomes `fallback`.
    static func localPath(_ candidate: String?, fallback: String = "/beranda") -> String {
        // Browsers drop tabs and newlines inside URLs (`/\t/evil` becomes `//evil`) and read `\` as `/`:
        // any control character, space or backslash makes the path unsafe.
        guard let candidate, candidate.hasPrefix("/"), !candidate.hasPrefix("//"), !candidate.hasPrefix("/api/"),
            !candidate.unicodeScalars.contains(where: { $0.value <= 0x20 || $0.value == 0x7F || $0 == "\\" })
        else { return fallback }
        return candidate
    }
}

/// A page error people read: a status, a title and a message in their language.
struct WebFailure: Error, Sendable {
    var status: HTTPResponse.Status
    var message: LocalizedText
}

/// A submitted `application/x-www-form-urlencoded` form (or a query string), decoded leniently: a
/// malformed pair is skipped, never a 500.
struct FormData: Sendable {
    private(set) var values: [String: [String]] = [:]

    init(_ text: String) {
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = Self.decode(parts[0]), !name.isEmpty else { continue }
            let value = parts.count > 1 ? (Self.decode(parts[1]) ?? "") : ""
            values[name, default: []].append(value)
        }
    }

    init(values: [String: [String]]) { self.values = values }

    private static func decode(_ part: Substring) -> String? {
        String(part).replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }

    subscript(_ name: String) -> String? { values[name]?.first }

    /// The trimmed value, or "".
    func text(_ name: String) -> String { (values[name]?.first ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }

    func all(_ name: String) -> [String] { values[name] ?? [] }

    /// Reads a form body (up to `BodyLimits.form`) and checks its CSRF token against the session's (or,
    /// before login, the `bk_csrf` cookie's). A missing or wrong token is a 403 page.
    static func read(_ request: Request, context: GatewayContext) async throws -> FormData {
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: BodyLimits.form)
        } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
            throw WebFailure(status: .contentTooLarge, message: LocalizedText(id: "Isian terlalu besar.", en: "The form is too large."))
        }
        let form = FormData(String(buffer: buffer))
        guard let sent = form["_csrf"], !context.csrfToken.isEmpty, constantTimeEqual(sent, context.csrfToken) else {
            throw WebFailure(
                status: .forbidden,
                message: LocalizedText(
                    id: "Formulir kedaluwarsa atau tidak berasal dari halaman ini. Muat ulang halaman lalu kirim lagi.",
                    en: "The form has expired or did not come from this site. Reload the page and send it again."))
        }
        return form
    }

    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8)
        let y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var difference: UInt8 = 0
        for (p, q) in zip(x, y) { difference |= p ^ q }
        return difference == 0
    }
}

extension GatewayContext {
    /// The CSRF token forms carry: the session's, or before login the `bk_csrf` cookie's.
    var csrfToken: String { session?.csrf ?? anonymousCSRF ?? "" }

    /// The logged-in session, or a redirect to the login page that comes back here afterwards.
    func requireSession(_ request: Request) throws -> WebSession {
        guard let session else {
            let back = request.uri.path + (request.uri.query.map { "?" + $0 } ?? "")
            throw WebRedirect(location: "/masuk?lanjut=" + (back.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/beranda"))
        }
        return session
    }

    /// The metadata every call on the person's behalf carries: their token and language.
    func metadata(_ session: WebSession) -> RPCMetadata {
        ["authorization": "Bearer \(session.token)", "accept-language": language == .english ? "en" : "id"]
    }

    /// Metadata for a call no one is logged in for (public pages).
    var anonymousMetadata: RPCMetadata { ["accept-language": language == .english ? "en" : "id"] }
}
