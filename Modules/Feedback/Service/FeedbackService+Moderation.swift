import BKProto
import BKRPC
import BKServiceKit
import Foundation

/// Dialogues at scale: anonymous authors follow their aspiration by receipt, participants report abusive
/// anonymous text, the dialogue's leader or an organiser releases or removes what is held, and every
/// agency's action items are on a public board.
extension FeedbackService {
    /// A receipt as people type it back: lower case, without the dashes and spaces it is shown with.
    static func normalizedReceipt(_ typed: String) -> String {
        String(typed.lowercased().unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) && $0.isASCII }.map(Character.init))
    }

    public func lookupAspirations(_ request: Binakarier_Feedback_V1_LookupAspirationsRequest, context: RPCServerContext) async throws -> Binakarier_Feedback_V1_LookupAspirationsResponse {
        // No caller and no log line: whoever asks, the service learns nothing of whose receipt it is.
        guard !request.receipts.isEmpty, request.receipts.count <= 50 else {
            throw FeedbackError.invalid(field: "receipts", reason: .init(id: "isi 1 sampai 50 tanda terima", en: "give 1 to 50 receipts"))
        }
        let receipts = request.receipts.map(Self.normalizedReceipt)
        let hashes = receipts.map { $0.count == 20 ? FeedbackStore.receiptHash($0) : "" }
        let found = try await store.aspirations(receiptHashes: hashes)
        return .init(aspirations: zip(receipts, hashes).map { receipt, hash in
            var entry = found[hash] ?? .init()
            entry.receipt = receipt
            return entry
        })
    }

    public func reportAspiration(_ request: Binakarier_Feedback_V1_ReportAspirationRequest, context: RPCServerContext) async throws -> Aspiration {
        let caller = try context.requireCaller()
        let aspiration = try await visibleAspiration(request.id, caller)
        let dialogue = try await visibleDialogue(aspiration.dialogueId, caller)
        guard !caller.nip.isEmpty, caller.agencyCode == dialogue.agencyCode else {
            throw FeedbackError.permissionDenied(.init(
                id: "laporan diberikan oleh pegawai \(dialogue.agencyCode)", en: "reports come from the staff of \(dialogue.agencyCode)"))
        }
        let reason = try Self.text(request.reason, "reason", limit: TextRules.shortText, required: false)
        var reported = try await store.report(aspirationID: aspiration.id, nip: caller.nip, reason: reason, holdAt: max(1, configuration.reportsToHold))
        if !leads(dialogue, caller) { reported.reports = 0 }
        audit(context, "aspiration reported", ["aspiration": reported.id, "held": "\(reported.moderation == .held)"])
        return reported
    }

    public func listHeldAspirations(_ request: Binakarier_Feedback_V1_ListHeldAspirationsRequest, context: RPCServerContext) async throws -> Binakarier_Feedback_V1_ListHeldAspirationsResponse {
        let caller = try context.requireCaller()
        let organizer = Self.isOrganizer(caller)
        // Organisers see every agency's queue; a leader the dialogues they lead.
        let agency = organizer ? request.agencyCode.trimmingCharacters(in: .whitespaces).uppercased() : ""
        let leader = organizer ? "" : caller.nip
        if !organizer, leader.isEmpty { return .init() }
        let size = try PageTokens.size(request.pageSize)
        let scope = "held:\(agency):\(leader):\(request.dialogueId):\(request.includeDecided)"
        let after = try pages.decode(request.pageToken, scope: scope)
        let found = try await store.heldAspirations(
            agencyCode: agency, leader: leader, dialogueID: request.dialogueId, includeDecided: request.includeDecided, after: after, limit: size + 1)
        return .init(
            aspirations: Array(found.prefix(size)),
            nextPageToken: found.count > size ? pages.encode(after: found[size - 1].aspiration?.id ?? "", scope: scope) : "")
    }

    public func moderateAspiration(_ request: Binakarier_Feedback_V1_ModerateAspirationRequest, context: RPCServerContext) async throws -> Aspiration {
        let caller = try context.requireCaller()
        guard request.decision == .released || request.decision == .removed else {
            throw FeedbackError.invalid(field: "decision", reason: .init(id: "pilih RELEASED (tampilkan) atau REMOVED (hapus)", en: "choose RELEASED or REMOVED"))
        }
        let reason = try Self.text(request.reason, "reason", limit: TextRules.shortText, required: true)
        guard let aspiration = try await store.aspiration(id: request.id, viewer: caller.nip) else { throw Self.noAspiration(request.id) }
        let dialogue = try await visibleDialogue(aspiration.dialogueId, caller)
        guard leads(dialogue, caller) else {
            throw FeedbackError.permissionDenied(.init(
                id: "aspirasi yang ditahan diputuskan oleh pemimpin dialog atau BKPSDM", en: "held aspirations are decided by the dialogue's leader or BKPSDM"))
        }
        let decided = try await store.moderate(
            aspirationID: aspiration.id, decision: request.decision, reason: reason, by: caller.nip.isEmpty ? caller.subject : caller.nip)
        audit(context, "aspiration moderated", ["aspiration": decided.id, "decision": decided.moderation.protoName])
        return decided
    }

    public func getActionBoard(_ request: Binakarier_Feedback_V1_GetActionBoardRequest, context: RPCServerContext) async throws -> Binakarier_Feedback_V1_ActionBoard {
        let code = request.agencyCode.trimmingCharacters(in: .whitespaces).uppercased()
        guard !code.isEmpty else { throw FeedbackError.invalid(field: "agency_code", reason: .init(id: "wajib diisi", en: "is required")) }
        guard code.count <= 32, code.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }),
            let agency = try await Self.peer({ () async throws(RPCError) in try await peers.agency(code) })
        else {
            throw FeedbackError.notFound(.init(id: "perangkat daerah \(code) tidak ditemukan", en: "agency \(code) not found"))
        }
        let found = try await store.boardActions(agencyCode: agency.code, closedSince: now() - 365 * 86_400)
        var owners: [String: Employee] = [:]
        for nip in Set(found.map(\.action.ownerNip)) {
            if let employee = try await Self.peer({ () async throws(RPCError) in try await peers.employee(nip) }) { owners[nip] = employee }
        }
        var board = Binakarier_Feedback_V1_ActionBoard(agencyCode: agency.code, agencyName: agency.name, today: today.description)
        board.actions = found.map { action, dialogue in
            let owner = owners[action.ownerNip]
            return .init(
                id: action.id, title: action.title, source: action.source, dialogueTopic: dialogue?.topic ?? "", dialogueDate: dialogue?.date ?? "",
                ownerName: owner?.name ?? "", ownerPosition: owner?.positionTitle ?? "", dueDate: action.dueDate, state: action.state,
                overdue: action.overdue, closeTimeUnix: action.state == .done || action.state == .dropped ? action.closeTimeUnix : 0)
        }.sorted(by: Self.boardOrder)
        for action in board.actions {
            switch action.state {
            case .open: board.open += 1
            case .inProgress: board.inProgress += 1
            case .done: board.done += 1
            case .dropped: board.dropped += 1
            default: break
            }
            if action.overdue { board.overdue += 1 }
        }
        return board
    }

    /// Overdue first, then the others still open by due date, then the closed ones, latest first.
    static func boardOrder(_ a: Binakarier_Feedback_V1_BoardAction, _ b: Binakarier_Feedback_V1_BoardAction) -> Bool {
        func rank(_ action: Binakarier_Feedback_V1_BoardAction) -> Int {
            action.overdue ? 0 : (action.state == .open || action.state == .inProgress) ? 1 : 2
        }
        if rank(a) != rank(b) { return rank(a) < rank(b) }
        if rank(a) == 2 { return (a.closeTimeUnix, a.id) > (b.closeTimeUnix, b.id) }
        return (a.dueDate, a.id) < (b.dueDate, b.id)
    }

    static func noAspiration(_ id: String) -> FeedbackError {
        .notFound(.init(id: "aspirasi \(id) tidak ditemukan", en: "aspiration \(id) not found"))
    }

    /// The aspiration, if the caller may see it: a held or removed one is absent but to its moderators.
    func visibleAspiration(_ id: String, _ caller: Caller) async throws -> Aspiration {
        guard let aspiration = try await store.aspiration(id: id, viewer: caller.nip) else { throw Self.noAspiration(id) }
        if !FeedbackStore.isShown(aspiration) {
            let dialogue = try await visibleDialogue(aspiration.dialogueId, caller)
            guard leads(dialogue, caller) || (!aspiration.anonymous && aspiration.authorNip == caller.nip && !caller.nip.isEmpty) else {
                throw Self.noAspiration(id)
            }
        }
        return aspiration
    }
}
