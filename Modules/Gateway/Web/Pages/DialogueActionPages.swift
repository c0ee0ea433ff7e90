import BKProto
import BKRPC
import Foundation
import Hummingbird

/// `/tindak-lanjut`: the action items of the person's agency (organisers: every agency) with their state
/// and lateness, filtered; `/tindak-lanjut/:id`: one item, its history, and the form its owner, the
/// agency head or an organiser uses to move it on (progress notes, done with evidence, dropped with a
/// reason, reassigned or rescheduled).
enum DialogueActionPages {
    typealias Feedback = DialoguePages.Feedback
    typealias ActionState = Binakarier_Feedback_V1_ActionState
    typealias ActionItem = Binakarier_Feedback_V1_ActionItem

    /// The state filter's values in the address, and the states they mean.
    static let stateNames: [(name: String, state: ActionState)] = [
        ("terbuka", .open), ("dikerjakan", .inProgress), ("selesai", .done), ("dibatalkan", .dropped),
    ]
    static let pageSize = 50

    struct FormState: Sendable {
        var values: [String: String] = [:]
        var errors: [String: String] = [:]
        var general: String?
    }

    static func register(_ web: WebApp) {
        web.get("/tindak-lanjut") { request, context in
            let session = try context.requireSession(request)
            return try await list(web, request: request, context: context, session: session)
        }
        web.get("/tindak-lanjut/:id") { request, context in
            let session = try context.requireSession(request)
            return try await detail(web, request: request, context: context, session: session, id: context.parameters.get("id") ?? "")
        }
        web.post("/tindak-lanjut/:id") { request, context in
            let session = try context.requireSession(request)
            let form = try await FormData.read(request, context: context)
            return try await update(web, request: request, context: context, session: session, id: context.parameters.get("id") ?? "", form: form)
        }
    }

    // MARK: list

    static func list(_ web: WebApp, request: Request, context: GatewayContext, session: WebSession) async throws -> Response {
        let language = context.language
        let query = request.uri.queryParameters
        let stateName = query["status"].map(String.init) ?? ""
        let state = stateNames.first { $0.name == stateName }?.state ?? .unspecified
        let overdue = query["terlambat"] == "1"
        let mine = query["milik"] == "saya"
        let agency = session.isOrganizer ? (query["opd"].map(String.init) ?? "").uppercased() : ""
        let pageNumber = max(1, Int(query["hal"].map(String.init) ?? "") ?? 1)

        var request_ = Binakarier_Feedback_V1_ListActionsRequest()
        request_.pageSize = 1000
        request_.agencyCode = agency
        request_.state = state
        request_.overdueOnly = overdue
        request_.mine = mine
        var items: [ActionItem] = []
        let feedback = Feedback(web.daemons.feedback, metadata: context.metadata(session))
        repeat {
            let page = try await feedback.listActions(request_)
            items += page.actions
            request_.pageToken = page.nextPageToken
        } while !request_.pageToken.isEmpty && items.count < 20_000
        // Still to do first, the earliest due at the top; then the closed ones, the latest closed first.
        items.sort { a, b in
            let aOpen = a.state == .open || a.state == .inProgress
            let bOpen = b.state == .open || b.state == .inProgress
            if aOpen != bOpen { return aOpen }
            if aOpen { return (a.dueDate, a.id) < (b.dueDate, b.id) }
            return (a.closeTimeUnix, a.id) > (b.closeTimeUnix, b.id)
        }
        let pages = max(1, (items.count + pageSize - 1) / pageSize)
        let current = min(pageNumber, pages)
        let shown = Array(items.dropFirst((current - 1) * pageSize).prefix(pageSize))

        // Names of the owners shown, from their agencies' directories (a few agencies at most per page).
        var staff: [String: Binakarier_Identity_V1_Employee] = [:]
        for code in Set(shown.map(\.agencyCode)).sorted().prefix(8) {
            staff.merge(await DialogueLookup.staff(web, context: context, session: session, agency: code)) { first, _ in first }
        }
        let agencies = try await DialogueLookup.agencies(web, context: context, session: session, codes: Set(shown.map(\.agencyCode)))
        let rows: [[String: Any]] = shown.map { action in
            var row = DialogueView.action(action, staff: staff, language: language)
            row["agency"] = agencies[action.agencyCode]?.name ?? action.agencyCode
            row["mine"] = !session.nip.isEmpty && action.ownerNip == session.nip
            return row
        }

        func link(page: Int) -> String {
            var parts: [String] = []
            if !stateName.isEmpty, state != .unspecified { parts.append("status=\(stateName)") }
            if overdue { parts.append("terlambat=1") }
            if mine { parts.append("milik=saya") }
            if !agency.isEmpty { parts.append("opd=\(agency.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")") }
            if page > 1 { parts.append("hal=\(page)") }
            return "/tindak-lanjut" + (parts.isEmpty ? "" : "?" + parts.joined(separator: "&"))
        }

        let late = items.filter(\.overdue).count
        var data: [String: Any] = [
            "rows": rows, "hasRows": !rows.isEmpty, "organizer": session.isOrganizer, "hasNip": !session.nip.isEmpty, "overdue": overdue, "mine": mine,
            "states": stateNames.map { ["value": $0.name, "label": Strings.text(DialogueView.stateKey($0.state), language), "selected": $0.state == state] as [String: Any] },
            "countLabel": DialogueView.format("dlg_actions_count", ["n": "\(items.count)", "late": "\(late)"], language),
            "filtered": state != .unspecified || overdue || mine || !agency.isEmpty,
            "showAgency": session.isOrganizer && agency.isEmpty,
        ]
        if pages > 1 {
            data["pager"] = DialogueView.format("dlg_page_of", ["page": "\(current)", "pages": "\(pages)"], language)
            if current > 1 { data["prev"] = link(page: current - 1) }
            if current < pages { data["next"] = link(page: current + 1) }
        }
        if session.isOrganizer {
            let all = try await DialogueLookup.agencies(web, context: context, session: session, codes: [])
            data["agencyOptions"] = all.values.sorted { $0.name < $1.name }.map {
                ["code": $0.code, "name": $0.name, "selected": $0.code == agency] as [String: Any]
            }
        }
        return web.page("dlg_actions", title: web.text("dlg_actions_title", context), data: data, request: request, context: context)
    }

    // MARK: one item

    /// The item, if it is in the person's scope (ListActions is the only way feedback shows one).
    static func find(_ id: String, web: WebApp, context: GatewayContext, session: WebSession) async throws -> ActionItem {
        let feedback = Feedback(web.daemons.feedback, metadata: context.metadata(session))
        var request = Binakarier_Feedback_V1_ListActionsRequest()
        request.pageSize = 1000
        // Someone without an agency sees only their own items.
        request.mine = !session.isOrganizer && session.agencyCode.isEmpty
        var pages = 0
        repeat {
            let page = try await feedback.listActions(request)
            if let found = page.actions.first(where: { $0.id == id }) { return found }
            request.pageToken = page.nextPageToken
            pages += 1
        } while !request.pageToken.isEmpty && pages < 50
        throw WebFailure(status: .notFound, message: Strings.dialogue["dlg_err_no_action"]!)
    }

    /// The dialogue an item came from (through its aspiration or direction), when it can be found.
    static func origin(_ action: ActionItem, web: WebApp, context: GatewayContext, session: WebSession) async -> Binakarier_Feedback_V1_Dialogue? {
        guard action.source == .aspiration || action.source == .direction, !action.sourceId.isEmpty else { return nil }
        let feedback = Feedback(web.daemons.feedback, metadata: context.metadata(session))
        guard let list = try? await feedback.listDialogues(.init(pageSize: 1000, agencyCode: action.agencyCode)) else { return nil }
        for dialogue in list.dialogues.sorted(by: { $0.date > $1.date }) {
            guard let detail = try? await feedback.getDialogue(.init(id: dialogue.id)) else { continue }
            if detail.actions.contains(where: { $0.id == action.id }) || detail.aspirations.contains(where: { $0.id == action.sourceId })
                || detail.directions.contains(where: { $0.id == action.sourceId }) {
                return dialogue
            }
        }
        return nil
    }

    static func manages(_ action: ActionItem, _ session: WebSession) -> Bool {
        session.isOrganizer || (session.has("agency_head") && session.agencyCode == action.agencyCode)
    }

    static func detail(
        _ web: WebApp, request: Request, context: GatewayContext, session: WebSession, id: String, state: FormState = .init(),
        status: HTTPResponse.Status = .ok, found: ActionItem? = nil
    ) async throws -> Response {
        let language = context.language
        let action: ActionItem
        if let found { action = found } else { action = try await find(id, web: web, context: context, session: session) }
        let staff = await DialogueLookup.staff(web, context: context, session: session, agency: action.agencyCode)
        let agencies = try await DialogueLookup.agencies(web, context: context, session: session, codes: [action.agencyCode])
        let manages = manages(action, session)
        let owns = !session.nip.isEmpty && session.nip == action.ownerNip
        let final = action.state == .done || action.state == .dropped

        var item = DialogueView.action(action, staff: staff, language: language)
        item["agency"] = agencies[action.agencyCode]?.name ?? action.agencyCode
        item["created"] = DialogueDates.moment(action.createTimeUnix, language)
        item["createdBy"] = DialogueLookup.name(action.createdBy, staff)
        if action.closeTimeUnix > 0, final { item["closedAt"] = DialogueDates.moment(action.closeTimeUnix, language) }
        if !action.evidence.isEmpty {
            item["evidence"] = action.evidence
            if let url = URL(string: action.evidence), ["http", "https"].contains(url.scheme?.lowercased() ?? ""), !action.evidence.contains(" ") {
                item["evidenceLink"] = action.evidence
            }
        }
        if !action.reason.isEmpty { item["reason"] = action.reason }
        if let dialogue = await origin(action, web: web, context: context, session: session) {
            item["dialogue"] = ["id": dialogue.id, "topic": dialogue.topic, "date": DialogueDates.long(dialogue.date, language)]
        }

        // The history: created, each note, closed; in time order.
        var events: [(time: Int64, entry: [String: Any])] = [
            (action.createTimeUnix, ["when": DialogueDates.moment(action.createTimeUnix, language),
                                     "what": DialogueView.format("dlg_history_created", ["who": DialogueLookup.name(action.createdBy, staff)], language)]),
        ]
        for note in action.notes {
            events.append((note.timeUnix, ["when": DialogueDates.moment(note.timeUnix, language), "who": DialogueLookup.name(note.by, staff), "text": note.text]))
        }
        if final, action.closeTimeUnix > 0 {
            events.append((action.closeTimeUnix, ["when": DialogueDates.moment(action.closeTimeUnix, language),
                                                  "what": web.text(action.state == .done ? "dlg_history_done" : "dlg_history_dropped", context)]))
        }
        let history = events.enumerated().sorted { ($0.element.time, $0.offset) < ($1.element.time, $1.offset) }.map(\.element.entry)

        // The moves the form offers: what the state allows, dropping only for those who manage.
        var moves: [ActionState] = []
        switch action.state {
        case .open: moves = [.open, .inProgress, .done] + (manages ? [.dropped] : [])
        case .inProgress: moves = [.inProgress, .open, .done] + (manages ? [.dropped] : [])
        default: moves = []
        }
        let chosen = state.values["status"].flatMap { name in stateNames.first { $0.name == name }?.state } ?? action.state
        var data: [String: Any] = [
            "a": item, "history": history, "canUpdate": (manages || owns) && !final, "manages": manages, "final": final,
            "finalNotice": DialogueView.format("dlg_final_notice", ["state": Strings.text(DialogueView.stateKey(action.state), language).lowercased()], language),
            "moves": moves.map { move in
                [
                    "value": stateNames.first { $0.state == move }?.name ?? "",
                    "label": Strings.text(DialogueView.stateKey(move), language) + (move == action.state ? " " + web.text("dlg_current", context) : ""),
                    "checked": move == chosen, "id": "dlg-st-\(move.rawValue)",
                ] as [String: Any]
            },
            "values": state.values, "err": state.errors, "hasErrors": !state.errors.isEmpty || state.general != nil,
            "staffOptions": manages && !final ? DialogueLookup.options(staff) : [], "hasStaff": manages && !final && !staff.isEmpty,
            "ownerHint": DialogueView.format("dlg_hint_new_owner", ["agency": agencies[action.agencyCode]?.name ?? action.agencyCode], language),
        ]
        if let general = state.general { data["general"] = general }
        return web.page("dlg_action", title: action.title, data: data, request: request, context: context, status: status)
    }

    static func update(_ web: WebApp, request: Request, context: GatewayContext, session: WebSession, id: String, form: FormData) async throws -> Response {
        let action = try await find(id, web: web, context: context, session: session)
        let manages = manages(action, session)
        let values = ["status": form.text("status"), "catatan": form.text("catatan"), "bukti": form.text("bukti"), "alasan": form.text("alasan"),
                      "pj": manages ? form.text("pj") : "", "batas": manages ? form.text("batas") : ""]
        let chosen = stateNames.first { $0.name == values["status"] }?.state ?? action.state
        let target: ActionState = chosen == action.state ? .unspecified : chosen
        var state = FormState(values: values)
        // Feedback keeps the evidence only when an item is closed as done, a reason only when dropped:
        // say so rather than let what was typed be lost.
        if !values["bukti"]!.isEmpty, target != .done { state.errors["bukti"] = web.text("dlg_err_evidence_state", context) }
        if target == .done, values["bukti"]!.isEmpty { state.errors["bukti"] = web.text("dlg_err_evidence_needed", context) }
        if !values["alasan"]!.isEmpty, target != .dropped { state.errors["alasan"] = web.text("dlg_err_reason_state", context) }
        if target == .dropped, values["alasan"]!.isEmpty { state.errors["alasan"] = web.text("dlg_err_reason_needed", context) }
        if target == .unspecified, values["catatan"]!.isEmpty, values["pj"]!.isEmpty, values["batas"]!.isEmpty, state.errors.isEmpty {
            state.general = web.text("dlg_err_nothing", context)
        }
        if !state.errors.isEmpty || state.general != nil {
            if state.general == nil { state.general = web.text("form_errors", context) }
            return try await detail(web, request: request, context: context, session: session, id: id, state: state, status: .badRequest, found: action)
        }
        let owner = await DialogueDetailPage.resolveOwner(values["pj"]!, web: web, context: context, session: session)
        var change = Binakarier_Feedback_V1_UpdateActionRequest()
        change.id = action.id
        change.state = target
        change.note = values["catatan"]!
        change.evidence = values["bukti"]!
        change.reason = values["alasan"]!
        change.ownerNip = owner
        change.dueDate = values["batas"]!
        do {
            _ = try await Feedback(web.daemons.feedback, metadata: context.metadata(session)).updateAction(change)
            return web.redirect("/tindak-lanjut/\(action.id)", message: "dlg_updated")
        } catch {
            guard DialogueForms.isFormError(error) else { throw error }
            (state.errors, state.general) = DialogueForms.violations(
                error, context: context,
                fields: ["evidence": "bukti", "reason": "alasan", "note": "catatan", "action_owner_nip": "pj", "owner_nip": "pj",
                         "due_date": "batas", "action_due_date": "batas"])
            if state.general == nil { state.general = web.text("form_errors", context) }
            return try await detail(web, request: request, context: context, session: session, id: id, state: state,
                                    status: DialogueForms.status(error), found: action)
        }
    }
}
