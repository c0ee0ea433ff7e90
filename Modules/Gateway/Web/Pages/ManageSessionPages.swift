import BKCharts
import BKProto
import BKRPC
import Foundation
import Hummingbird

/// `/kelola/sesi/baru?program=CODE` and `/kelola/sesi/:id`: a session's schedule (days, times, JP),
/// place, seats and facilitators (CreateSession, UpdateSession), and its lifecycle (TransitionSession:
/// only the moves the current state allows are offered).
enum ManageSessionPages {
    static func register(_ web: WebApp) {
        web.get("/kelola/sesi/baru") { request, context in
            let session = try ManagePages.organizer(request, context)
            var input = SessionInput()
            input.programCode = request.uri.queryParameters["program"].map { String($0).uppercased() } ?? ""
            return try await newForm(web, request: request, context: context, session: session, input: input)
        }

        web.post("/kelola/sesi/baru") { request, context in
            let session = try ManagePages.organizer(request, context)
            let posted = try await FormData.read(request, context: context)
            var input = SessionInput(form: posted)
            input.programCode = posted.text("program").uppercased()
            if input.grow(posted) {
                return try await newForm(web, request: request, context: context, session: session, input: input)
            }
            var errors = input.localErrors(context.language)
            if input.programCode.isEmpty { errors["program"] = Strings.text("mng_err_required", context.language) }
            if errors.isEmpty {
                var item = input.session()
                item.programCode = input.programCode
                switch try await ManagePages.attempt({ try await ManagePages.programs(web, context, session).createSession(.init(session: item)) }) {
                case .success(let created):
                    return web.redirect("/kelola/sesi/\(created.id)", message: "mng_session_created")
                case .failure(let error):
                    errors = fieldErrors(error)
                    return try await newForm(
                        web, request: request, context: context, session: session, input: input, errors: errors, status: ManagePages.status(for: error))
                }
            }
            return try await newForm(web, request: request, context: context, session: session, input: input, errors: errors, status: .badRequest)
        }

        web.get("/kelola/sesi/:id") { request, context in
            let session = try ManagePages.organizer(request, context)
            let item = try await ManagePages.programs(web, context, session).getSession(.init(id: context.parameters.get("id") ?? ""))
            return try await page(web, request: request, context: context, session: session, item: item, input: SessionInput(item))
        }

        web.post("/kelola/sesi/:id") { request, context in
            let session = try ManagePages.organizer(request, context)
            let posted = try await FormData.read(request, context: context)
            let client = ManagePages.programs(web, context, session)
            let item = try await client.getSession(.init(id: context.parameters.get("id") ?? ""))
            var input = SessionInput(form: posted)
            let daysEditable = item.state == .draft || item.state == .open
            if !daysEditable { input.days = SessionInput(item).days }
            if input.grow(posted) {
                return try await page(web, request: request, context: context, session: session, item: item, input: input)
            }
            var errors = input.localErrors(context.language)
            if errors.isEmpty {
                var patch = input.session()
                patch.id = item.id
                var paths = ["venue", "online_link", "capacity", "facilitators"]
                if daysEditable { paths.append("days") }
                switch try await ManagePages.attempt({ try await client.updateSession(.init(session: patch, updateMask: .init(paths: paths))) }) {
                case .success(_):
                    return web.redirect("/kelola/sesi/\(item.id)", message: "mng_session_saved")
                case .failure(let error):
                    errors = fieldErrors(error)
                    return try await page(
                        web, request: request, context: context, session: session, item: item, input: input, errors: errors,
                        status: ManagePages.status(for: error))
                }
            }
            return try await page(web, request: request, context: context, session: session, item: item, input: input, errors: errors, status: .badRequest)
        }

        web.post("/kelola/sesi/:id/status") { request, context in
            let session = try ManagePages.organizer(request, context)
            let posted = try await FormData.read(request, context: context)
            let client = ManagePages.programs(web, context, session)
            let id = context.parameters.get("id") ?? ""
            let transition = Binakarier_Programs_V1_SessionTransition(rawValue: Int32(posted.text("transition")) ?? 0) ?? .unspecified
            let reason = posted.text("reason")
            var errors: [String: String] = [:]
            if transition == .cancel, reason.isEmpty { errors["reason"] = Strings.text("mng_err_cancel_reason", context.language) }
            if errors.isEmpty {
                switch try await ManagePages.attempt({ try await client.transitionSession(.init(id: id, transition: transition, reason: reason)) }) {
                case .success(let moved):
                    return web.redirect("/kelola/sesi/\(moved.id)", message: "mng_moved_\(moved.state.rawValue)")
                case .failure(let error):
                    if let violation = error.fieldViolations.first, violation.field == "reason" {
                        errors["reason"] = ManagePages.sentence(violation.description)
                    } else {
                        errors["transition"] = ManagePages.sentence(error.message)
                    }
                }
            }
            let item = try await client.getSession(.init(id: id))
            return try await page(
                web, request: request, context: context, session: session, item: item, input: SessionInput(item), transitionErrors: errors,
                cancelReason: reason, status: errors["reason"] != nil ? .badRequest : .conflict)
        }
    }

    /// The daemon's refusal by form field.
    static func fieldErrors(_ error: RPCError) -> [String: String] {
        var errors: [String: String] = [:]
        for violation in error.fieldViolations {
            let path = violation.field.hasPrefix("session.") ? String(violation.field.dropFirst("session.".count)) : violation.field
            let field: String
            if path.hasPrefix("days") { field = "days" }
            else if path.hasPrefix("facilitators") { field = "facilitators" }
            else if path == "capacity" { field = "capacity" }
            else if path == "venue" { field = "venue" }
            else if path == "online_link" { field = "online_link" }
            else if path == "program_code" { field = "program" }
            else { field = "_form" }
            if errors[field] == nil { errors[field] = ManagePages.sentence(violation.description) }
        }
        if errors.isEmpty {
            let message = ManagePages.sentence(error.message)
            if error.code == .notFound, error.message.contains("program") { errors["program"] = message }
            else if error.message.contains("capacity") || error.message.contains("kapasitas") { errors["capacity"] = message }
            else if error.message.contains("jadwal") || error.message.contains("schedule") { errors["days"] = message }
            else { errors["_form"] = message }
        }
        return errors
    }

    // MARK: pages

    static func newForm(
        _ web: WebApp, request: Request, context: GatewayContext, session: WebSession, input: SessionInput,
        errors: [String: String] = [:], status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let client = ManagePages.programs(web, context, session)
        var data = formData(input, errors: errors, language: context.language, daysEditable: true)
        var program: MngProgram?
        if !input.programCode.isEmpty {
            let code = input.programCode
            if case .success(let found) = try await ManagePages.attempt({ try await client.getProgram(.init(code: code)) }) { program = found }
        }
        if let program {
            data["program"] = [
                "code": program.code, "title": program.title, "jp": IndonesianNumber.format(Double(program.jp)),
                "href": "/kelola/program/\(program.code)",
            ]
        } else {
            let programs = try await ManagePages.allPrograms(client).sorted { $0.code < $1.code }
            data["programChoices"] = programs.map { item -> [String: Any] in
                ["code": item.code, "label": "\(item.code) — \(item.title) (\(item.jp) JP)", "selected": item.code == input.programCode]
            }
        }
        data["action"] = "/kelola/sesi/baru"
        return web.page("mng_session_new", title: web.text("mng_session_new_title", context), data: data, request: request, context: context, status: status)
    }

    static func page(
        _ web: WebApp, request: Request, context: GatewayContext, session: WebSession, item: MngSession, input: SessionInput,
        errors: [String: String] = [:], transitionErrors: [String: String] = [:], cancelReason: String = "", status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let language = context.language
        let client = ManagePages.programs(web, context, session)
        let program = try? await client.getProgram(.init(code: item.programCode))
        let daysEditable = item.state == .draft || item.state == .open
        let ended = item.state == .completed || item.state == .cancelled
        var data = formData(input, errors: errors, language: language, daysEditable: daysEditable)
        data["action"] = "/kelola/sesi/\(item.id)"
        data["s"] = ManagePages.sessionSummary(item, language: language)
        data["tabs"] = tabs(item.id, current: "sesi", language: language)
        var programData: [String: Any] = ["code": item.programCode, "title": program?.title ?? "", "href": "/kelola/program/\(item.programCode)"]
        if let program { programData["jp"] = IndonesianNumber.format(Double(program.jp)) }
        data["program"] = programData
        data["editable"] = !ended
        data["daysEditable"] = daysEditable
        data["schedule"] = item.days.map { day -> [String: Any] in
            ["date": ManageFormat.withWeekday(day.date, language), "time": [day.startTime, day.endTime].filter { !$0.isEmpty }.joined(separator: "–"),
             "jp": "\(day.jp)"]
        }
        data["hasSchedule"] = !item.days.isEmpty
        data["facilitatorList"] = item.facilitators.map { f -> [String: Any] in
            ["name": f.name.isEmpty ? f.nip : f.name, "nip": f.nip, "hasNIP": !f.name.isEmpty && !f.nip.isEmpty, "role": f.role, "hasRole": !f.role.isEmpty]
        }
        data["hasFacilitators"] = !item.facilitators.isEmpty
        data["onlineLink"] = item.onlineLink
        data["hasOnlineLink"] = !item.onlineLink.isEmpty
        data["cancelReason"] = item.cancelReason
        data["hasCancelReason"] = !item.cancelReason.isEmpty
        data["created"] = ManageFormat.unix(item.createTimeUnix, language)

        let allowed: [Binakarier_Programs_V1_SessionTransition]
        switch item.state {
        case .draft: allowed = [.open, .cancel]
        case .open: allowed = [.start, .cancel]
        case .running: allowed = [.complete, .cancel]
        default: allowed = []
        }
        data["transitions"] = allowed.filter { $0 != .cancel }.map { move -> [String: Any] in
            ["value": "\(move.rawValue)", "label": Strings.text("mng_tr_\(move.rawValue)", language),
             "help": Strings.text("mng_tr_help_\(move.rawValue)", language)]
        }
        data["canCancel"] = allowed.contains(.cancel)
        data["hasTransitions"] = !allowed.isEmpty
        data["cancelReasonTyped"] = cancelReason
        data["trErr"] = transitionErrors
        if let message = transitionErrors["transition"] { data["transitionError"] = message }
        let title = "\(web.text("mng_session_title", context)) \(item.id)"
        return web.page("mng_session", title: title, data: data, request: request, context: context, status: status)
    }

    /// The session's own navigation: summary, participants, attendance.
    static func tabs(_ id: String, current: String, language: Language) -> [[String: Any]] {
        [("sesi", "/kelola/sesi/\(id)", "mng_tab_session"), ("peserta", "/kelola/sesi/\(id)/peserta", "mng_tab_participants"),
         ("presensi", "/kelola/sesi/\(id)/presensi", "mng_tab_attendance"), ("qr", "/kelola/sesi/\(id)/qr", "mng_tab_qr")].map { key, href, text in
            ["href": href, "label": Strings.text(text, language), "current": key == current]
        }
    }

    static func formData(_ input: SessionInput, errors: [String: String], language: Language, daysEditable: Bool) -> [String: Any] {
        var err = errors
        err.removeValue(forKey: "_form")
        var data: [String: Any] = [
            "in": ["venue": input.venue, "onlineLink": input.onlineLink, "capacity": input.capacity, "programCode": input.programCode],
            "err": err,
            "hasErrors": !errors.isEmpty,
            "days": input.days.enumerated().map { index, day -> [String: Any] in
                var row: [String: Any] = ["n": "\(index + 1)", "i": "\(index)", "date": day.date, "start": day.start, "end": day.end, "jp": day.jp]
                if let error = input.dayErrors[index] { row["error"] = error }
                return row
            },
            "facilitators": input.facilitators.enumerated().map { index, f -> [String: Any] in
                ["n": "\(index + 1)", "i": "\(index)", "nip": f.nip, "name": f.name, "role": f.role]
            },
            "jpTotal": IndonesianNumber.format(Double(input.days.reduce(0) { $0 + (Int($1.jp) ?? 0) })),
        ]
        if let message = errors["_form"] { data["formError"] = message }
        data["daysEditable"] = daysEditable
        return data
    }
}

/// A session form as typed.
struct SessionInput {
    struct Day { var date = "", start = "", end = "", jp = "" }
    struct Person { var nip = "", name = "", role = "" }

    var programCode = ""
    var days: [Day] = Array(repeating: Day(), count: 5)
    var venue = ""
    var onlineLink = ""
    var capacity = ""
    var facilitators: [Person] = Array(repeating: Person(), count: 3)
    /// Local refusals by day row.
    var dayErrors: [Int: String] = [:]

    init() {}

    init(_ session: MngSession) {
        programCode = session.programCode
        days = session.days.map { Day(date: $0.date, start: $0.startTime, end: $0.endTime, jp: "\($0.jp)") }
        venue = session.venue
        onlineLink = session.onlineLink
        capacity = "\(session.capacity)"
        facilitators = session.facilitators.map { Person(nip: $0.nip, name: $0.name, role: $0.role) }
        pad()
    }

    init(form: FormData) {
        let dates = form.all("day_date"), starts = form.all("day_start"), ends = form.all("day_end"), jps = form.all("day_jp")
        days = (0..<min(max(dates.count, 1), 60)).map { index in
            func at(_ list: [String]) -> String { index < list.count ? list[index].trimmingCharacters(in: .whitespaces) : "" }
            return Day(date: at(dates), start: at(starts), end: at(ends), jp: at(jps))
        }
        venue = form.text("venue")
        onlineLink = form.text("online_link")
        capacity = form.text("capacity")
        let nips = form.all("fac_nip"), names = form.all("fac_name"), roles = form.all("fac_role")
        facilitators = (0..<min(max(nips.count, names.count, 1), 30)).map { index in
            func at(_ list: [String]) -> String { index < list.count ? list[index].trimmingCharacters(in: .whitespaces) : "" }
            return Person(nip: at(nips), name: at(names), role: at(roles))
        }
    }

    /// Blank rows to type in: two more days (at least five rows) and one more facilitator (at least three).
    mutating func pad() {
        let dayRows = min(max(days.count + 2, 5), 60)
        while days.count < dayRows { days.append(Day()) }
        let personRows = min(max(facilitators.count + 1, 3), 30)
        while facilitators.count < personRows { facilitators.append(Person()) }
    }

    /// "Add rows" buttons: more blank rows, nothing saved. True when the post asked for it.
    mutating func grow(_ form: FormData) -> Bool {
        switch form["more"] {
        case "days":
            days += Array(repeating: Day(), count: min(5, 60 - days.count))
            return true
        case "facilitators":
            facilitators += Array(repeating: Person(), count: min(3, 30 - facilitators.count))
            return true
        default:
            return false
        }
    }

    var filledDays: [(index: Int, day: Day)] {
        days.enumerated().filter { !$0.element.date.isEmpty || !$0.element.jp.isEmpty || !$0.element.start.isEmpty || !$0.element.end.isEmpty }
            .map { ($0.offset, $0.element) }
    }

    mutating func localErrors(_ language: Language) -> [String: String] {
        var errors: [String: String] = [:]
        dayErrors = [:]
        for (index, day) in filledDays {
            if day.date.isEmpty { dayErrors[index] = Strings.text("mng_err_day_date", language) }
            else if !day.jp.isEmpty, Int32(day.jp) == nil { dayErrors[index] = Strings.text("mng_err_whole_number", language) }
        }
        if !dayErrors.isEmpty { errors["days"] = Strings.text("mng_err_days_rows", language) }
        if !capacity.isEmpty, Int32(capacity) == nil { errors["capacity"] = Strings.text("mng_err_whole_number", language) }
        return errors
    }

    func session() -> MngSession {
        var session = MngSession()
        session.days = filledDays.map { .init(date: $0.day.date, startTime: $0.day.start, endTime: $0.day.end, jp: Int32($0.day.jp) ?? 0) }
        session.venue = venue
        session.onlineLink = onlineLink
        session.capacity = Int32(capacity) ?? 0
        session.facilitators = facilitators.filter { !$0.nip.isEmpty || !$0.name.isEmpty || !$0.role.isEmpty }
            .map { .init(nip: $0.nip, name: $0.name, role: $0.role) }
        return session
    }
}
