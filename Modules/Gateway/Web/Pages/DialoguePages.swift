import BKProto
import BKRPC
import Foundation
import Hummingbird

/// Leaders' open dialogues (`/dialog`), their aspirations and directions (`/dialog/:id`), and the
/// action items that follow (`/tindak-lanjut`). Feedback decides who may do what; these pages only show
/// a form to those the proto says may use it, and the daemon's refusals next to the fields.
enum DialoguePages {
    typealias Feedback = Binakarier_Feedback_V1_FeedbackService.Client
    typealias Identity = Binakarier_Identity_V1_IdentityService.Client

    static func register(_ web: WebApp) {
        web.get("/dialog") { request, context in
            let session = try context.requireSession(request)
            return try await list(web, request: request, context: context, session: session)
        }
        web.get("/dialog/baru") { request, context in
            let session = try context.requireSession(request)
            let choices = try await scopeChoices(web, context: context, session: session)
            guard !choices.isEmpty else { throw notAllowedToCreate() }
            return createForm(web, request: request, context: context, session: session, choices: choices, values: [:])
        }
        web.post("/dialog/baru") { request, context in
            let session = try context.requireSession(request)
            let form = try await FormData.read(request, context: context)
            return try await create(web, request: request, context: context, session: session, form: form)
        }
        DialogueDetailPage.register(web)
        DialogueActionPages.register(web)
        DialogueScalePages.register(web)
    }

    // MARK: /dialog

    static func list(_ web: WebApp, request: Request, context: GatewayContext, session: WebSession) async throws -> Response {
        let language = context.language
        let feedback = Feedback(web.daemons.feedback, metadata: context.metadata(session))
        let requested = session.isOrganizer ? (request.uri.queryParameters["opd"].map(String.init) ?? "").uppercased() : ""
        var dialogues: [Binakarier_Feedback_V1_Dialogue] = []
        var token = ""
        repeat {
            let page = try await feedback.listDialogues(.init(pageSize: 1000, pageToken: token, agencyCode: requested))
            dialogues += page.dialogues
            token = page.nextPageToken
        } while !token.isEmpty && dialogues.count < 20_000
        let agencies = try await DialogueLookup.agencies(web, context: context, session: session, codes: Set(dialogues.map(\.agencyCode)))
        let today = DialogueDates.today()
        func row(_ dialogue: Binakarier_Feedback_V1_Dialogue) -> [String: Any] {
            var item = DialogueView.summary(dialogue, agencies: agencies, language: language)
            item["showAgency"] = session.isOrganizer
            return item
        }
        let upcoming = dialogues.filter { $0.date >= today }.sorted { ($0.date, $0.time) < ($1.date, $1.time) }.map(row)
        let past = dialogues.filter { $0.date < today }.sorted { ($0.date, $0.time) > ($1.date, $1.time) }.map(row)
        let choices = try await scopeChoices(web, context: context, session: session)
        var data: [String: Any] = [
            "upcoming": upcoming, "past": past, "canCreate": !choices.isEmpty, "organizer": session.isOrganizer,
            "upcomingCount": upcoming.count, "pastCount": past.count, "hasUpcoming": !upcoming.isEmpty, "hasPast": !past.isEmpty,
            "canModerate": session.isOrganizer || session.has("agency_head") || session.has("supervisor"),
            "boardAgency": session.agencyCode,
        ]
        if session.isOrganizer {
            data["agencyOptions"] = agencies.values.sorted { $0.name < $1.name }.map {
                ["code": $0.code, "name": $0.name, "selected": $0.code == requested] as [String: Any]
            }
        }
        return web.page("dlg_list", title: web.text("dlg_title", context), data: data, request: request, context: context)
    }

    // MARK: /dialog/baru

    /// A scope the person may open a dialogue for: a whole agency (`unit` empty) or one unit.
    struct ScopeChoice: Sendable {
        var agency: Binakarier_Identity_V1_Agency
        var unit: Binakarier_Identity_V1_Unit?
        var value: String { unit.map { "\(agency.code)/\($0.code)" } ?? agency.code }
        var leader: String { unit.map { $0.headNip.isEmpty ? agency.headNip : $0.headNip } ?? agency.headNip }
    }

    /// What CreateDialogue allows the person: organisers any agency or unit; the head of an agency that
    /// agency and its units; a unit's head that unit.
    static func scopeChoices(_ web: WebApp, context: GatewayContext, session: WebSession) async throws -> [ScopeChoice] {
        let identity = Identity(web.daemons.identity, metadata: context.metadata(session))
        if session.isOrganizer {
            var agencies: [Binakarier_Identity_V1_Agency] = []
            var token = ""
            repeat {
                let page = try await identity.listAgencies(.init(pageSize: 1000, pageToken: token))
                agencies += page.agencies
                token = page.nextPageToken
            } while !token.isEmpty && agencies.count < 10_000
            return agencies.sorted { $0.name < $1.name }.flatMap { agency in
                [ScopeChoice(agency: agency, unit: nil)] + agency.units.sorted { $0.name < $1.name }.map { ScopeChoice(agency: agency, unit: $0) }
            }
        }
        guard !session.nip.isEmpty, !session.agencyCode.isEmpty else { return [] }
        let agency = try await identity.getAgency(.init(code: session.agencyCode))
        let units = agency.units.sorted { $0.name < $1.name }
        if agency.headNip == session.nip {
            return [ScopeChoice(agency: agency, unit: nil)] + units.map { ScopeChoice(agency: agency, unit: $0) }
        }
        return units.filter { $0.headNip == session.nip }.map { ScopeChoice(agency: agency, unit: $0) }
    }

    static func notAllowedToCreate() -> WebFailure {
        WebFailure(status: .forbidden, message: Strings.dialogue["dlg_err_not_leader"]!)
    }

    static func createForm(
        _ web: WebApp, request: Request, context: GatewayContext, session: WebSession, choices: [ScopeChoice], values: [String: String],
        errors: [String: String] = [:], general: String? = nil, status: HTTPResponse.Status = .ok
    ) -> Response {
        let language = context.language
        let selected = values["cakupan"] ?? ""
        var groups: [[String: Any]] = []
        for choice in choices {
            let option: [String: Any] = [
                "value": choice.value,
                "label": choice.unit.map(\.name) ?? DialogueView.format("dlg_scope_whole", ["agency": choice.agency.name], language),
                "selected": choice.value == selected,
            ]
            if let last = groups.last, last["code"] as? String == choice.agency.code {
                groups[groups.count - 1]["options"] = (last["options"] as! [[String: Any]]) + [option]
            } else {
                groups.append(["code": choice.agency.code, "name": choice.agency.name, "options": [option]])
            }
        }
        var data: [String: Any] = [
            "groups": groups, "values": values, "organizer": session.isOrganizer, "err": errors,
            "hasErrors": !errors.isEmpty || general != nil,
        ]
        if let general { data["general"] = general }
        return web.page(
            "dlg_new", title: web.text("dlg_new_title", context), data: data, request: request, context: context, status: status)
    }

    /// Whether identity knows an employee by this NIP (other failures propagate).
    static func employeeExists(_ nip: String, web: WebApp, context: GatewayContext, session: WebSession) async throws -> Bool {
        do {
            _ = try await Identity(web.daemons.identity, metadata: context.metadata(session)).getEmployee(.init(nip: nip))
            return true
        } catch {
            if error.code == .notFound || error.code == .invalidArgument { return false }
            throw error
        }
    }

    static func create(_ web: WebApp, request: Request, context: GatewayContext, session: WebSession, form: FormData) async throws -> Response {
        let choices = try await scopeChoices(web, context: context, session: session)
        guard !choices.isEmpty else { throw notAllowedToCreate() }
        let values = ["topik": form.text("topik"), "tanggal": form.text("tanggal"), "waktu": form.text("waktu"),
                      "tempat": form.text("tempat"), "cakupan": form.text("cakupan"), "pemimpin": form.text("pemimpin")]
        // What the form itself can tell at once (every empty field together); the daemon checks the rest.
        var errors: [String: String] = [:]
        if values["topik"]!.isEmpty { errors["topik"] = web.text("dlg_err_required", context) }
        if values["tanggal"]!.isEmpty { errors["tanggal"] = web.text("dlg_err_required", context) }
        if !values["waktu"]!.isEmpty, !DialogueDates.isClockTime(values["waktu"]!) { errors["waktu"] = web.text("dlg_err_time", context) }
        let choice = choices.first { $0.value == values["cakupan"] }
        if choice == nil { errors["cakupan"] = web.text("dlg_err_scope", context) }
        guard errors.isEmpty, let choice else {
            return createForm(web, request: request, context: context, session: session, choices: choices, values: values, errors: errors,
                              general: web.text("form_errors", context), status: .badRequest)
        }
        var dialogue = Binakarier_Feedback_V1_Dialogue()
        dialogue.topic = values["topik"]!
        dialogue.date = values["tanggal"]!
        dialogue.time = values["waktu"]!
        dialogue.venue = values["tempat"]!
        dialogue.agencyCode = choice.agency.code
        dialogue.unitCode = choice.unit?.code ?? ""
        if session.isOrganizer {
            // The head who holds it: the one named (who must be someone identity knows), else the unit's
            // or agency's head.
            let named = values["pemimpin"]!
            if !named.isEmpty, try await !employeeExists(named, web: web, context: context, session: session) {
                return createForm(web, request: request, context: context, session: session, choices: choices, values: values,
                                  errors: ["pemimpin": web.text("dlg_err_unknown_nip", context)], general: web.text("form_errors", context),
                                  status: .badRequest)
            }
            dialogue.leaderNip = named.isEmpty ? choice.leader : named
        }
        do {
            let created = try await Feedback(web.daemons.feedback, metadata: context.metadata(session)).createDialogue(.init(dialogue: dialogue))
            return web.redirect("/dialog/\(created.id)", message: "dlg_created")
        } catch {
            guard DialogueForms.isFormError(error) || error.code == .notFound else { throw error }
            let (fields, general) = DialogueForms.violations(
                error, context: context,
                fields: ["dialogue.topic": "topik", "dialogue.date": "tanggal", "dialogue.time": "waktu", "dialogue.venue": "tempat",
                         "dialogue.unit_code": "cakupan", "dialogue.agency_code": "cakupan", "dialogue.leader_nip": "pemimpin"])
            var errors = fields
            var message = general
            if error.code == .notFound { errors["cakupan"] = general; message = nil }
            return createForm(web, request: request, context: context, session: session, choices: choices, values: values, errors: errors,
                              general: message ?? web.text("form_errors", context), status: DialogueForms.status(error))
        }
    }
}

// MARK: - helpers shared by the dialogue pages

/// Reading the daemons' refusals of a form.
enum DialogueForms {
    /// The codes a form shows next to its fields (anything else goes to the error page).
    static func isFormError(_ error: RPCError) -> Bool {
        [.invalidArgument, .failedPrecondition, .alreadyExists].contains(error.code)
    }

    static func status(_ error: RPCError) -> HTTPResponse.Status {
        switch error.code {
        case .alreadyExists, .failedPrecondition: .conflict
        case .notFound: .notFound
        default: .badRequest
        }
    }

    /// The field violations, by form field (`fields` maps the proto's field paths to the form's names),
    /// and the message when no field is named.
    static func violations(_ error: RPCError, context: GatewayContext, fields: [String: String]) -> (fields: [String: String], general: String?) {
        let localized = error.localized(context.language)
        var found: [String: String] = [:]
        var unplaced: [String] = []
        for violation in localized.fieldViolations {
            if let name = fields[violation.field] {
                found[name] = capitalized(violation.description)
            } else {
                unplaced.append(capitalized(violation.description))
            }
        }
        if found.isEmpty { return ([:], capitalized(localized.message)) }
        return (found, unplaced.isEmpty ? nil : unplaced.joined(separator: " "))
    }

    static func capitalized(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }
}

/// Names of agencies and people, for the pages (feedback keeps codes and NIPs only).
enum DialogueLookup {
    /// Agencies by code: all of them for organisers, the person's own otherwise.
    static func agencies(_ web: WebApp, context: GatewayContext, session: WebSession, codes: Set<String>) async throws -> [String: Binakarier_Identity_V1_Agency] {
        let identity = DialoguePages.Identity(web.daemons.identity, metadata: context.metadata(session))
        var found: [String: Binakarier_Identity_V1_Agency] = [:]
        if session.isOrganizer {
            var token = ""
            repeat {
                let page = try await identity.listAgencies(.init(pageSize: 1000, pageToken: token))
                for agency in page.agencies { found[agency.code] = agency }
                token = page.nextPageToken
            } while !token.isEmpty && found.count < 10_000
            return found
        }
        for code in codes.union(session.agencyCode.isEmpty ? [] : [session.agencyCode]) {
            if let agency = try? await identity.getAgency(.init(code: code)) { found[code] = agency }
        }
        return found
    }

    /// The staff of an agency, by NIP (empty when identity does not show them to this person).
    static func staff(_ web: WebApp, context: GatewayContext, session: WebSession, agency: String) async -> [String: Binakarier_Identity_V1_Employee] {
        guard !agency.isEmpty else { return [:] }
        let identity = DialoguePages.Identity(web.daemons.identity, metadata: context.metadata(session))
        var found: [String: Binakarier_Identity_V1_Employee] = [:]
        var token = ""
        repeat {
            guard let page = try? await identity.listEmployees(.init(pageSize: 1000, pageToken: token, agencyCode: agency)) else { break }
            for employee in page.employees { found[employee.nip] = employee }
            token = page.nextPageToken
        } while !token.isEmpty && found.count < 50_000
        return found
    }

    /// A person's name, or their NIP (or account name) when it is not known here.
    static func name(_ nip: String, _ staff: [String: Binakarier_Identity_V1_Employee]) -> String {
        staff[nip]?.name ?? nip
    }

    /// Options for a NIP field's `<datalist>`: every staff member, by name.
    static func options(_ staff: [String: Binakarier_Identity_V1_Employee]) -> [[String: Any]] {
        staff.values.sorted { $0.name < $1.name }.map { employee in
            ["nip": employee.nip, "label": employee.positionTitle.isEmpty ? employee.name : "\(employee.name) — \(employee.positionTitle)"]
        }
    }
}

/// Dates as people read them: "Kamis, 12 Maret 2026" (WIB).
enum DialogueDates {
    static let wib = TimeZone(secondsFromGMT: 7 * 3600)!

    static var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = wib
        return calendar
    }

    /// Today in WIB, YYYY-MM-DD.
    static func today(_ now: Date = Date()) -> String {
        let parts = calendar.dateComponents([.year, .month, .day], from: now)
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }

    static func parts(_ ymd: String) -> (year: Int, month: Int, day: Int)? {
        let pieces = ymd.split(separator: "-").compactMap { Int($0) }
        guard pieces.count == 3, (1...12).contains(pieces[1]), (1...31).contains(pieces[2]) else { return nil }
        return (pieces[0], pieces[1], pieces[2])
    }

    /// "12 Maret 2026" (with the weekday first when `weekday`); the text itself when it is not a date.
    static func long(_ ymd: String, _ language: Language, weekday: Bool = false) -> String {
        guard let (year, month, day) = parts(ymd) else { return ymd }
        let months = Strings.text("dlg_months", language).split(separator: ",").map(String.init)
        let text = "\(day) \(months[month - 1]) \(year)"
        guard weekday, let date = calendar.date(from: DateComponents(year: year, month: month, day: day)) else { return text }
        let days = Strings.text("dlg_weekdays", language).split(separator: ",").map(String.init)
        return "\(days[calendar.component(.weekday, from: date) - 1]), \(text)"
    }

    /// "12 Maret 2026 pukul 14.05" from unix seconds, in WIB.
    static func moment(_ unix: Int64, _ language: Language) -> String {
        guard unix > 0 else { return "" }
        let date = Date(timeIntervalSince1970: TimeInterval(unix))
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        let ymd = String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
        return DialogueView.format(
            "dlg_at_time", ["date": long(ymd, language), "time": clock(String(format: "%02d:%02d", parts.hour ?? 0, parts.minute ?? 0), language)], language)
    }

    /// "13.30" in Indonesian, "13:30" in English.
    static func clock(_ hhmm: String, _ language: Language) -> String {
        language == .english ? hhmm : hhmm.replacingOccurrences(of: ":", with: ".")
    }

    /// Whether `text` is a time of day written HH:MM.
    static func isClockTime(_ text: String) -> Bool {
        let pieces = text.split(separator: ":", omittingEmptySubsequences: false)
        guard pieces.count == 2, pieces[0].count == 2, pieces[1].count == 2, let hour = Int(pieces[0]), let minute = Int(pieces[1]) else { return false }
        return (0...23).contains(hour) && (0...59).contains(minute)
    }
}

/// The data a template shows for dialogues and action items.
enum DialogueView {
    /// A text with `{name}` placeholders filled in.
    static func format(_ key: String, _ values: [String: String], _ language: Language) -> String {
        var text = Strings.text(key, language)
        for (name, value) in values { text = text.replacingOccurrences(of: "{\(name)}", with: value) }
        return text
    }

    static func scope(_ dialogue: Binakarier_Feedback_V1_Dialogue, agency: Binakarier_Identity_V1_Agency?, _ language: Language) -> String {
        let agencyName = agency?.name ?? dialogue.agencyCode
        if dialogue.unitCode.isEmpty { return format("dlg_scope_whole", ["agency": agencyName], language) }
        let unitName = agency?.units.first { $0.code == dialogue.unitCode }?.name ?? dialogue.unitCode
        return format("dlg_scope_unit", ["unit": unitName, "agency": agencyName], language)
    }

    static func when(_ dialogue: Binakarier_Feedback_V1_Dialogue, _ language: Language) -> String {
        let date = DialogueDates.long(dialogue.date, language, weekday: true)
        guard !dialogue.time.isEmpty else { return date }
        return format("dlg_at_time_wib", ["date": date, "time": DialogueDates.clock(dialogue.time, language)], language)
    }

    static func summary(_ dialogue: Binakarier_Feedback_V1_Dialogue, agencies: [String: Binakarier_Identity_V1_Agency], language: Language) -> [String: Any] {
        let open = dialogue.state == .scheduled
        var item: [String: Any] = [
            "id": dialogue.id, "topic": dialogue.topic, "when": when(dialogue, language),
            "date": DialogueDates.long(dialogue.date, language), "scope": scope(dialogue, agency: agencies[dialogue.agencyCode], language),
            "agency": agencies[dialogue.agencyCode]?.name ?? dialogue.agencyCode,
            "open": open, "stateLabel": Strings.text(open ? "dlg_state_open" : "dlg_state_closed", language),
            "aspirations": dialogue.aspirations,
            "aspirationsLabel": format("dlg_aspirations_n", ["n": "\(dialogue.aspirations)"], language),
        ]
        if !dialogue.venue.isEmpty { item["venue"] = dialogue.venue }
        return item
    }

    static func stateKey(_ state: Binakarier_Feedback_V1_ActionState) -> String {
        switch state {
        case .open: "dlg_as_open"
        case .inProgress: "dlg_as_in_progress"
        case .done: "dlg_as_done"
        case .dropped: "dlg_as_dropped"
        default: "dlg_as_unknown"
        }
    }

    /// The badge class of a state: done is good, dropped neutral, open or in progress a warning when late.
    static func stateClass(_ action: Binakarier_Feedback_V1_ActionItem) -> String {
        switch action.state {
        case .done: "ok"
        case .dropped: ""
        default: action.overdue ? "bad" : "warn"
        }
    }

    static func sourceKey(_ source: Binakarier_Feedback_V1_ActionSource) -> String {
        switch source {
        case .aspiration: "dlg_src_aspiration"
        case .direction: "dlg_src_direction"
        case .evaluation: "dlg_src_evaluation"
        default: "dlg_src_manual"
        }
    }

    /// One action item as a row of a table.
    static func action(_ action: Binakarier_Feedback_V1_ActionItem, staff: [String: Binakarier_Identity_V1_Employee], language: Language) -> [String: Any] {
        var item: [String: Any] = [
            "id": action.id, "title": action.title, "owner": DialogueLookup.name(action.ownerNip, staff), "ownerNip": action.ownerNip,
            "due": DialogueDates.long(action.dueDate, language), "dueRaw": action.dueDate,
            "stateLabel": Strings.text(stateKey(action.state), language), "stateClass": stateClass(action),
            "overdue": action.overdue, "source": Strings.text(sourceKey(action.source), language), "agency": action.agencyCode,
        ]
        if action.state == .done || action.state == .dropped { item["closed"] = true }
        return item
    }

    /// The known aspiration categories (feedback accepts any short word; these are offered).
    static let categories = ["sarana", "kepegawaian", "pelayanan", "kesejahteraan", "lainnya"]

    static func category(_ code: String, _ language: Language) -> String {
        categories.contains(code) ? Strings.text("dlg_cat_\(code)", language) : code
    }
}
