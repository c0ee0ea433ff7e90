import BKProto
import BKRPC
import BKServiceKit
import Foundation

extension FeedbackService {
    static func text(_ value: String, _ field: String, limit: Int, required: Bool) throws(FeedbackError) -> String {
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        if required, trimmed.isEmpty { throw .invalid(field: field, reason: .init(id: "wajib diisi", en: "is required")) }
        if let why = TextRules.violation(in: trimmed, maxBytes: limit, multiline: limit >= TextRules.longText) { throw .invalid(field: field, reason: why) }
        return trimmed
    }

    static func date(_ value: String, _ field: String) throws(FeedbackError) -> String {
        guard let date = CalendarDate(parsing: value.trimmingCharacters(in: .whitespaces)), (2000...2100).contains(date.year) else {
            throw .invalid(field: field, reason: .init(id: "tanggal tidak sah (TTTT-BB-HH)", en: "not a valid date (YYYY-MM-DD)"))
        }
        return date.description
    }

    /// The dialogue, if the caller may see it: its agency's staff, organisers, the daemons.
    func visibleDialogue(_ id: String, _ caller: Caller) async throws -> Dialogue {
        guard let dialogue = try await store.dialogue(id: id) else { throw FeedbackError.noDialogue(id) }
        guard Self.isOrganizer(caller) || (!caller.agencyCode.isEmpty && caller.agencyCode == dialogue.agencyCode) else {
            // Answered as absent: another agency's dialogues are not for this caller to know of.
            throw FeedbackError.noDialogue(id)
        }
        return dialogue
    }

    func leads(_ dialogue: Dialogue, _ caller: Caller) -> Bool {
        Self.isOrganizer(caller) || (!caller.nip.isEmpty && dialogue.leaderNip == caller.nip)
    }

    /// An action for `owner`, who must be staff of `agency`, due on `due`.
    func newAction(title: String, source: Binakarier_Feedback_V1_ActionSource, sourceID: String, agency: String, owner: String, due: String, by: String) async throws -> ActionItem {
        let owner = owner.trimmingCharacters(in: .whitespaces)
        guard let employee = try await Self.peer({ () async throws(RPCError) in try await peers.employee(owner) }), employee.agencyCode == agency else {
            throw FeedbackError.invalid(field: "action_owner_nip", reason: .init(
                id: "penanggung jawab harus pegawai \(agency)", en: "the owner must be staff of \(agency)"))
        }
        let dueDate = try Self.date(due, "action_due_date")
        return ActionItem(
            title: try Self.text(title, "title", limit: TextRules.name, required: true), source: source, sourceId: sourceID, agencyCode: agency,
            ownerNip: owner, dueDate: dueDate, createdBy: by)
    }

    public func createDialogue(_ request: Binakarier_Feedback_V1_CreateDialogueRequest, context: RPCServerContext) async throws -> Dialogue {
        let caller = try context.requireCaller()
        var dialogue = try Required.field(request.dialogue, "dialogue")
        dialogue.topic = try Self.text(dialogue.topic, "dialogue.topic", limit: TextRules.name, required: true)
        dialogue.date = try Self.date(dialogue.date, "dialogue.date")
        dialogue.time = dialogue.time.trimmingCharacters(in: .whitespaces)
        dialogue.venue = try Self.text(dialogue.venue, "dialogue.venue", limit: TextRules.name, required: false)
        dialogue.unitCode = dialogue.unitCode.trimmingCharacters(in: .whitespaces).uppercased()
        if Self.isOrganizer(caller) {
            dialogue.agencyCode = dialogue.agencyCode.trimmingCharacters(in: .whitespaces).uppercased()
            if dialogue.leaderNip.isEmpty { dialogue.leaderNip = caller.nip }
        } else {
            dialogue.agencyCode = caller.agencyCode
            dialogue.leaderNip = caller.nip
        }
        guard let agency = try await Self.peer({ () async throws(RPCError) in try await peers.agency(dialogue.agencyCode) }) else {
            throw FeedbackError.notFound(.init(id: "perangkat daerah \(dialogue.agencyCode) tidak ditemukan", en: "agency \(dialogue.agencyCode) not found"))
        }
        // The head of the agency holds an agency dialogue; a unit's head (or the agency's) a unit's.
        let heads: Set<String> = dialogue.unitCode.isEmpty
            ? [agency.headNip]
            : Set([agency.headNip] + agency.units.filter { $0.code == dialogue.unitCode }.map(\.headNip))
        guard dialogue.unitCode.isEmpty || agency.units.contains(where: { $0.code == dialogue.unitCode }) else {
            throw FeedbackError.notFound(.init(id: "unit \(dialogue.unitCode) tidak ada di \(agency.code)", en: "unit \(dialogue.unitCode) is not in \(agency.code)"))
        }
        guard Self.isOrganizer(caller) || heads.contains(caller.nip) else {
            throw FeedbackError.permissionDenied(.init(
                id: "dialog terbuka diadakan oleh kepala perangkat daerah atau kepala unitnya", en: "open dialogues are held by the head of the agency or of the unit"))
        }
        let created = try await store.createDialogue(dialogue)
        audit(context, "dialogue created", ["dialogue": created.id, "agency": created.agencyCode])
        return created
    }

    public func getDialogue(_ request: Binakarier_Feedback_V1_GetDialogueRequest, context: RPCServerContext) async throws -> Binakarier_Feedback_V1_DialogueDetail {
        let caller = try context.requireCaller()
        let dialogue = try await visibleDialogue(request.id, caller)
        let moderator = leads(dialogue, caller)
        guard var detail = try await store.dialogueDetail(id: dialogue.id, viewer: caller.nip, moderator: moderator) else {
            throw FeedbackError.noDialogue(request.id)
        }
        // How many reported an aspiration is for its moderators.
        if !moderator { for index in detail.aspirations.indices { detail.aspirations[index].reports = 0 } }
        return detail
    }

    public func listDialogues(_ request: Binakarier_Feedback_V1_ListDialoguesRequest, context: RPCServerContext) async throws -> Binakarier_Feedback_V1_ListDialoguesResponse {
        let caller = try context.requireCaller()
        let agency = try caller.agencyScope(
            requested: request.agencyCode, seesEveryAgency: Self.isOrganizer(caller), what: .init(id: "dialog", en: "dialogues"))
        let size = try PageTokens.size(request.pageSize)
        let scope = "dialogues:\(agency)"
        let after = try pages.decode(request.pageToken, scope: scope)
        let found = try await store.dialogues(agencyCode: agency, after: after, limit: size + 1)
        return .init(dialogues: Array(found.prefix(size)), nextPageToken: found.count > size ? pages.encode(after: found[size - 1].id, scope: scope) : "")
    }

    public func closeDialogue(_ request: Binakarier_Feedback_V1_CloseDialogueRequest, context: RPCServerContext) async throws -> Dialogue {
        let caller = try context.requireCaller()
        let dialogue = try await visibleDialogue(request.id, caller)
        guard leads(dialogue, caller) else {
            throw FeedbackError.permissionDenied(.init(id: "hanya pemimpin dialog yang menutupnya", en: "only the dialogue's leader closes it"))
        }
        let closed = try await store.closeDialogue(id: dialogue.id, summary: try Self.text(request.summary, "summary", limit: TextRules.longText, required: false))
        audit(context, "dialogue closed", ["dialogue": closed.id])
        return closed
    }

    public func getMinutes(_ request: Binakarier_Feedback_V1_GetMinutesRequest, context: RPCServerContext) async throws -> Binakarier_Feedback_V1_Minutes {
        let caller = try context.requireCaller()
        let dialogue = try await visibleDialogue(request.id, caller)
        guard let detail = try await store.dialogueDetail(id: dialogue.id, viewer: caller.nip) else { throw FeedbackError.noDialogue(request.id) }
        return .init(text: Minutes.text(detail))
    }

    public func raiseAspiration(_ request: Binakarier_Feedback_V1_RaiseAspirationRequest, context: RPCServerContext) async throws -> Aspiration {
        let caller = try context.requireCaller()
        var aspiration = try Required.field(request.aspiration, "aspiration")
        let dialogue = try await visibleDialogue(aspiration.dialogueId, caller)
        guard !caller.nip.isEmpty, caller.agencyCode == dialogue.agencyCode else {
            throw FeedbackError.permissionDenied(.init(id: "aspirasi disampaikan oleh pegawai \(dialogue.agencyCode)", en: "aspirations come from the staff of \(dialogue.agencyCode)"))
        }
        aspiration.text = try Self.text(aspiration.text, "aspiration.text", limit: TextRules.longText, required: true)
        let category = try Self.text(aspiration.category, "aspiration.category", limit: TextRules.shortText, required: false).lowercased()
        aspiration.category = category.isEmpty ? "lainnya" : category
        aspiration.authorNip = aspiration.anonymous ? "" : caller.nip
        aspiration.answer = ""
        aspiration.answeredBy = ""
        // An anonymous author gets a receipt to follow the aspiration by; only its hash is kept. Abusive
        // words hold an anonymous aspiration for moderation (a named author answers for their words).
        let receipt = aspiration.anonymous ? FeedbackStore.randomID(20) : ""
        let abusive = aspiration.anonymous ? configuration.abusiveWords.matches(in: aspiration.text) : []
        var raised = try await store.raiseAspiration(
            aspiration, receiptHash: receipt.isEmpty ? "" : FeedbackStore.receiptHash(receipt),
            hold: abusive.isEmpty ? nil : "kata kasar: " + abusive.joined(separator: ", "))
        raised.receipt = receipt
        // No log line names the author of an anonymous aspiration.
        if !raised.anonymous { audit(context, "aspiration raised", ["dialogue": dialogue.id, "aspiration": raised.id]) }
        return raised
    }

    public func supportAspiration(_ request: Binakarier_Feedback_V1_SupportAspirationRequest, context: RPCServerContext) async throws -> Aspiration {
        let caller = try context.requireCaller()
        let aspiration = try await visibleAspiration(request.id, caller)
        let dialogue = try await visibleDialogue(aspiration.dialogueId, caller)
        guard !caller.nip.isEmpty, caller.agencyCode == dialogue.agencyCode else {
            throw FeedbackError.permissionDenied(.init(id: "dukungan diberikan oleh pegawai \(dialogue.agencyCode)", en: "support comes from the staff of \(dialogue.agencyCode)"))
        }
        return try await store.support(aspirationID: aspiration.id, nip: caller.nip)
    }

    public func answerAspiration(_ request: Binakarier_Feedback_V1_AnswerAspirationRequest, context: RPCServerContext) async throws -> Aspiration {
        let caller = try context.requireCaller()
        guard let aspiration = try await store.aspiration(id: request.id, viewer: caller.nip) else {
            throw FeedbackError.notFound(.init(id: "aspirasi \(request.id) tidak ditemukan", en: "aspiration \(request.id) not found"))
        }
        let dialogue = try await visibleDialogue(aspiration.dialogueId, caller)
        guard leads(dialogue, caller) else {
            throw FeedbackError.permissionDenied(.init(id: "aspirasi dijawab oleh pemimpin dialog", en: "the dialogue's leader answers aspirations"))
        }
        let answer = try Self.text(request.answer, "answer", limit: TextRules.longText, required: true)
        let action = request.actionOwnerNip.isEmpty ? nil : try await newAction(
            title: String(aspiration.text.prefix(180)), source: .aspiration, sourceID: aspiration.id, agency: dialogue.agencyCode,
            owner: request.actionOwnerNip, due: request.actionDueDate, by: caller.subject)
        let answered = try await store.answer(aspirationID: aspiration.id, answer: answer, by: caller.nip.isEmpty ? caller.subject : caller.nip, action: action)
        audit(context, "aspiration answered", ["aspiration": answered.id, "action": answered.actionId])
        return answered
    }

    public func giveDirection(_ request: Binakarier_Feedback_V1_GiveDirectionRequest, context: RPCServerContext) async throws -> Direction {
        let caller = try context.requireCaller()
        let dialogue = try await visibleDialogue(request.dialogueId, caller)
        guard leads(dialogue, caller) else {
            throw FeedbackError.permissionDenied(.init(id: "arahan diberikan oleh pemimpin dialog", en: "the dialogue's leader gives directions"))
        }
        let text = try Self.text(request.text, "text", limit: TextRules.longText, required: true)
        let action = request.actionOwnerNip.isEmpty ? nil : try await newAction(
            title: String(text.prefix(180)), source: .direction, sourceID: "", agency: dialogue.agencyCode, owner: request.actionOwnerNip,
            due: request.actionDueDate, by: caller.subject)
        let direction = try await store.giveDirection(dialogueID: dialogue.id, text: text, by: caller.nip.isEmpty ? caller.subject : caller.nip, action: action)
        audit(context, "direction given", ["dialogue": dialogue.id, "direction": direction.id])
        return direction
    }

    // MARK: action items

    public func createAction(_ request: Binakarier_Feedback_V1_CreateActionRequest, context: RPCServerContext) async throws -> ActionItem {
        let caller = try context.requireCaller()
        let input = try Required.field(request.action, "action")
        let agency = Self.isOrganizer(caller) ? input.agencyCode.uppercased() : caller.agencyCode
        guard !agency.isEmpty else { throw FeedbackError.invalid(field: "action.agency_code", reason: .init(id: "wajib diisi", en: "is required")) }
        let action = try await newAction(
            title: input.title, source: input.source == .unspecified ? .manual : input.source,
            sourceID: input.source == .ikm ? try await ikmPlanSource(input.sourceId, agency: agency) : input.sourceId, agency: agency,
            owner: input.ownerNip, due: input.dueDate, by: caller.subject)
        let created = try await store.createAction(action)
        audit(context, "action created", ["action": created.id, "owner": created.ownerNip])
        return created
    }

    public func updateAction(_ request: Binakarier_Feedback_V1_UpdateActionRequest, context: RPCServerContext) async throws -> ActionItem {
        let caller = try context.requireCaller()
        guard let action = try await store.action(id: request.id) else { throw FeedbackError.noAction(request.id) }
        let manages = Self.isOrganizer(caller) || (caller.has(.agencyHead) && caller.agencyCode == action.agencyCode)
        let owns = !caller.nip.isEmpty && caller.nip == action.ownerNip
        guard manages || owns else {
            throw FeedbackError.permissionDenied(.init(id: "tindak lanjut ini bukan milik Anda", en: "this action item is not yours"))
        }
        if request.state == .dropped || !request.ownerNip.isEmpty || !request.dueDate.isEmpty, !manages {
            throw FeedbackError.permissionDenied(.init(
                id: "membatalkan, memindahkan atau menjadwal ulang tindak lanjut adalah wewenang kepala perangkat daerah",
                en: "dropping, reassigning or rescheduling an action is for the agency head"))
        }
        let reason = request.state == .dropped ? try Self.text(request.reason, "reason", limit: TextRules.shortText, required: true) : ""
        let evidence = request.state == .done ? try Self.text(request.evidence, "evidence", limit: TextRules.longText, required: true) : ""
        let note = try Self.text(request.note, "note", limit: TextRules.longText, required: false)
        var owner = ""
        if !request.ownerNip.isEmpty {
            owner = try await newAction(title: action.title, source: action.source, sourceID: "", agency: action.agencyCode, owner: request.ownerNip,
                                        due: action.dueDate, by: caller.subject).ownerNip
        }
        let due = request.dueDate.isEmpty ? "" : try Self.date(request.dueDate, "due_date")
        let updated = try await store.updateAction(
            id: action.id, state: request.state, note: note, reason: reason, evidence: evidence, owner: owner, due: due, by: caller.subject)
        audit(context, "action updated", ["action": updated.id, "state": updated.state.protoName])
        return updated
    }

    public func listActions(_ request: Binakarier_Feedback_V1_ListActionsRequest, context: RPCServerContext) async throws -> Binakarier_Feedback_V1_ListActionsResponse {
        let caller = try context.requireCaller()
        let agency = try caller.agencyScope(
            requested: request.agencyCode, seesEveryAgency: Self.isOrganizer(caller) || request.mine, what: .init(id: "tindak lanjut", en: "action items"))
        // An account without a NIP owns nothing.
        if request.mine, caller.nip.isEmpty { return .init() }
        let owner = request.mine ? caller.nip : ""
        let size = try PageTokens.size(request.pageSize)
        let scope = "actions:\(agency):\(request.state.rawValue):\(request.overdueOnly):\(owner):\(request.sourceId)"
        let after = try pages.decode(request.pageToken, scope: scope)
        let found = try await store.actions(
            agencyCode: agency, state: request.state, overdueOnly: request.overdueOnly, owner: owner, sourceID: request.sourceId, after: after, limit: size + 1)
        return .init(actions: Array(found.prefix(size)), nextPageToken: found.count > size ? pages.encode(after: found[size - 1].id, scope: scope) : "")
    }
}

/// The minutes (notulen) of a dialogue, as text in Bahasa Indonesia.
enum Minutes {
    static func text(_ detail: Binakarier_Feedback_V1_DialogueDetail) -> String {
        let dialogue = detail.dialogue ?? .init()
        // The record holds what the participants saw: nothing held or removed by moderation.
        let aspirations = detail.aspirations.filter(FeedbackStore.isShown)
        var lines = [
            "NOTULEN DIALOG TERBUKA",
            "Topik       : \(dialogue.topic)",
            "Perangkat   : \(dialogue.agencyCode)\(dialogue.unitCode.isEmpty ? "" : " / \(dialogue.unitCode)")",
            "Hari/tanggal: \(dialogue.date)\(dialogue.time.isEmpty ? "" : " pukul \(dialogue.time) WIB")",
            "Tempat      : \(dialogue.venue.isEmpty ? "-" : dialogue.venue)",
            "Pimpinan    : \(dialogue.leaderNip)",
            "",
            "A. ASPIRASI PEGAWAI (\(aspirations.count))",
        ]
        for (index, aspiration) in aspirations.enumerated() {
            lines.append("\(index + 1). [\(aspiration.category)] \(aspiration.text) (\(aspiration.anonymous ? "anonim" : aspiration.authorNip); didukung \(aspiration.supports))")
            lines.append("   Tanggapan: \(aspiration.answer.isEmpty ? "belum ditanggapi" : aspiration.answer)")
            if !aspiration.actionId.isEmpty { lines.append("   Tindak lanjut: \(aspiration.actionId)") }
        }
        lines += ["", "B. ARAHAN PIMPINAN (\(detail.directions.count))"]
        for (index, direction) in detail.directions.enumerated() {
            lines.append("\(index + 1). \(direction.text)\(direction.actionId.isEmpty ? "" : " (tindak lanjut \(direction.actionId))")")
        }
        lines += ["", "C. TINDAK LANJUT (\(detail.actions.count))"]
        let states: [Binakarier_Feedback_V1_ActionState: String] = [.open: "terbuka", .inProgress: "dikerjakan", .done: "selesai", .dropped: "dibatalkan"]
        for action in detail.actions {
            lines.append("- \(action.id) \(action.title) — PJ \(action.ownerNip), batas \(action.dueDate), \(states[action.state] ?? "-")\(action.overdue ? " (terlambat)" : "")")
        }
        if !dialogue.summary.isEmpty { lines += ["", "D. KESIMPULAN", dialogue.summary] }
        return lines.joined(separator: "\n") + "\n"
    }
}
