import BKProto
import BKRPC
import Hummingbird

/// `/beranda`: what each person needs first, by role.
enum HomePage {
    static func register(_ web: WebApp) {
        web.get("/beranda") { request, context in
            let session = try context.requireSession(request)
            let data: [String: Any] = ["greeting": session.displayName.isEmpty ? session.username : session.displayName]
            return web.page("home", title: web.text("home_title", context), data: data, request: request, context: context)
        }
    }
}
