import BKCharts
import BKProto
import BKRPC
import Foundation
import Hummingbird

/// Attendance by rotating QR code.
/// - `/kelola/sesi/:id/qr`: the organiser's screen (a projector, a tablet at the door): today's code as a
///   large QR code of the check-in address, replaced every 30 seconds. Pages here carry no script, so the
///   page reloads itself when the code turns over (`<meta http-equiv="refresh">`): a real-time exception
///   to WCAG 2.2.1, since a code that stayed would be shared away.
/// - `/hadir?kode=…`: what a participant's phone opens when they scan it; signed in, one button checks
///   them in (CheckIn). The organiser's grid (`/kelola/sesi/:id/presensi`) stays the last word.
enum CheckInPages {
    static func register(_ web: WebApp) {
        web.get("/kelola/sesi/:id/qr") { request, context in
            let session = try ManagePages.organizer(request, context)
            return try await screen(web, request: request, context: context, session: session, id: context.parameters.get("id") ?? "")
        }
        web.get("/hadir") { request, context in
            let session = try context.requireSession(request)
            let code = request.uri.queryParameters["kode"].map(String.init) ?? ""
            return checkInPage(web, request: request, context: context, session: session, code: code)
        }
        web.post("/hadir") { request, context in
            let session = try context.requireSession(request)
            let posted = try await FormData.read(request, context: context)
            let code = posted.text("kode")
            let client = ManagePages.programs(web, context, session)
            do {
                return result(web, request: request, context: context, answer: try await client.checkIn(.init(code: code)))
            } catch let error as RPCError where ManagePages.isFormError(error) || error.code == .permissionDenied {
                // A forged code (PERMISSION_DENIED) is the scanner's problem to hear about, not an error page.
                return checkInPage(
                    web, request: request, context: context, session: session, code: "", error: ManagePages.sentence(error.message),
                    status: error.code == .permissionDenied ? .forbidden : ManagePages.status(for: error))
            }
        }
    }

    static func screen(_ web: WebApp, request: Request, context: GatewayContext, session: WebSession, id: String) async throws -> Response {
        let language = context.language
        let client = ManagePages.programs(web, context, session)
        let item = try await client.getSession(.init(id: id))
        async let programLookup = try? client.getProgram(.init(code: item.programCode))
        var data: [String: Any] = [
            "s": ManagePages.sessionSummary(item, language: language),
            "tabs": ManageSessionPages.tabs(item.id, current: "qr", language: language),
            "gridHref": "/kelola/sesi/\(item.id)/presensi",
        ]
        switch try await ManagePages.attempt({ try await client.issueAttendanceCode(.init(sessionId: item.id)) }) {
        case .success(let code):
            let address = CatalogueFormat.absolute("/hadir?kode=" + code.code, request: request, secure: web.renderer.secureCookies)
            let attendance = try await client.getAttendance(.init(sessionId: item.id))
            let marked = Set(attendance.records.filter { $0.date == code.date }.map(\.nip))
            let now = Int64(Date().timeIntervalSince1970)
            data["code"] = code.code
            data["address"] = address
            data["qr"] = QRCode.svg(address, label: Strings.text("qr_label", language), modulePixels: 6) ?? ""
            data["dayText"] = ManageFormat.withWeekday(code.date, language)
            data["nextChange"] = wibClock(code.refreshTimeUnix)
            data["marked"] = IndonesianNumber.format(Double(marked.count))
            data["total"] = IndonesianNumber.format(Double(attendance.enrolments.count))
            data["refreshSeconds"] = "\(min(max(1, code.refreshTimeUnix - now), Int64(code.rotationSeconds)))"
        case .failure(let error):
            data["unavailable"] = ManagePages.sentence(error.message)
        }
        let program = await programLookup
        data["program"] = ["code": item.programCode, "title": program?.title ?? "", "href": "/kelola/program/\(item.programCode)"]
        return web.page("checkin_screen", title: "\(web.text("qr_title", context)) \(item.id)", data: data, request: request, context: context)
    }

    static func checkInPage(
        _ web: WebApp, request: Request, context: GatewayContext, session: WebSession, code: String, error: String? = nil,
        status: HTTPResponse.Status = .ok
    ) -> Response {
        var data: [String: Any] = ["kode": code, "hasCode": !code.isEmpty, "name": session.displayName.isEmpty ? session.username : session.displayName]
        if let error { data["error"] = error }
        return web.page("checkin_form", title: web.text("qr_checkin_title", context), data: data, request: request, context: context, status: status)
    }

    static func result(_ web: WebApp, request: Request, context: GatewayContext, answer: Binakarier_Programs_V1_CheckInResponse) -> Response {
        let language = context.language
        let record = answer.record ?? .init()
        let status = Strings.text("mng_att_\(record.status.rawValue)", language)
        let key = answer.keptOrganiserMark ? "qr_kept" : answer.alreadyCheckedIn ? "qr_already" : "qr_done"
        let data: [String: Any] = [
            "message": ManageFormat.fill(Strings.text(key, language), status),
            "program": answer.programTitle,
            "session": record.sessionId,
            "dayText": ManageFormat.withWeekday(record.date, language),
            "late": record.status == .terlambat,
        ]
        return web.page("checkin_done", title: web.text("qr_checkin_title", context), data: data, request: request, context: context)
    }

    /// HH:MM:SS in WIB (UTC+7), the city's clock.
    static func wibClock(_ unix: Int64) -> String {
        let seconds = ((unix + 7 * 3600) % 86_400 + 86_400) % 86_400
        return String(format: "%02d.%02d.%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
    }
}
