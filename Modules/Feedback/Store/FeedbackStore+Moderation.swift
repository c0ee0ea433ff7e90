import BKProto
import BKServiceKit
import Foundation
import GRDB

public typealias ModerationState = Binakarier_Feedback_V1_ModerationState

/// Anonymous aspirations found by their receipt's hash, the moderation of held ones, and the action
/// items of an agency's dialogues for its public board.
extension FeedbackStore {
    /// Shown to the dialogue's participants: never held, or released.
    static func isShown(_ aspiration: Aspiration) -> Bool {
        aspiration.moderation == .shown || aspiration.moderation == .released || aspiration.moderation == .unspecified
    }

    /// The aspiration whose receipt hashes to each of `hashes` (absent ones are left out), with its
    /// dialogue and action item: nothing of who supported or reported it.
    public func aspirations(receiptHashes hashes: [String]) async throws -> [String: Binakarier_Feedback_V1_ReceiptAspiration] {
        let today = CalendarDate(wib: now()).description
        return try await db.read { db in
            var found: [String: Binakarier_Feedback_V1_ReceiptAspiration] = [:]
            for hash in Set(hashes) where !hash.isEmpty {
                guard let id = try String.fetchOne(db.cachedStatement(sql: "SELECT id FROM aspiration WHERE receipt_hash = ?"), arguments: [hash]),
                    var aspiration = try Self.aspiration(db, id: id, viewer: "")
                else { continue }
                aspiration.reports = 0
                aspiration.authorNip = ""
                var entry = Binakarier_Feedback_V1_ReceiptAspiration(found: true, aspiration: aspiration, dialogue: try Self.dialogue(db, id: aspiration.dialogueId))
                if !aspiration.actionId.isEmpty,
                    let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM action WHERE id = ?"), arguments: [aspiration.actionId]) {
                    var action = try Self.action(db, row, today: today)
                    // The notes are the owner's working record, not the author's.
                    action.notes = []
                    action.createdBy = ""
                    entry.action = action
                }
                found[hash] = entry
            }
            return found
        }
    }

    /// A participant's report of an anonymous aspiration; the `holdAt`-th report holds it (if no
    /// moderator has decided on it yet). ALREADY_EXISTS: reported by them before.
    public func report(aspirationID: String, nip: String, reason: String, holdAt: Int) async throws -> Aspiration {
        let time = now()
        return try await db.write { db in
            guard let aspiration = try Self.aspiration(db, id: aspirationID, viewer: nip) else {
                throw FeedbackError.notFound(.init(id: "aspirasi \(aspirationID) tidak ditemukan", en: "aspiration \(aspirationID) not found"))
            }
            guard aspiration.anonymous else {
                throw FeedbackError.failedPrecondition(.init(
                    id: "hanya aspirasi anonim yang dapat dilaporkan; penulis aspirasi bernama bertanggung jawab atas isinya",
                    en: "only anonymous aspirations can be reported; a named aspiration's author answers for it"))
            }
            guard aspiration.moderation == .shown || aspiration.moderation == .held || aspiration.moderation == .unspecified else {
                throw FeedbackError.failedPrecondition(.init(
                    id: "moderator sudah memutuskan aspirasi \(aspirationID)", en: "a moderator has already decided on aspiration \(aspirationID)"))
            }
            do {
                try db.run(sql: "INSERT INTO aspiration_report (aspiration_id, nip, reason) VALUES (?, ?, ?)", arguments: [aspirationID, nip, reason])
            } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_PRIMARYKEY {
                throw FeedbackError.alreadyExists(.init(id: "Anda sudah melaporkan aspirasi ini", en: "you have already reported this aspiration"))
            }
            let reports = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM aspiration_report WHERE aspiration_id = ?", arguments: [aspirationID]) ?? 0
            if aspiration.moderation != .held, reports >= holdAt {
                try db.run(
                    sql: "UPDATE aspiration SET moderation = 2, moderation_reason = ? WHERE id = ?",
                    arguments: ["dilaporkan \(reports) peserta", aspirationID])
            }
            let reported = try Self.aspiration(db, id: aspirationID, viewer: nip) ?? aspiration
            if reported.moderation == .held, aspiration.moderation != .held {
                try Self.publish(db, FeedbackChange.aspiration, key: reported.dialogueId, reported, time: time)
            }
            return reported
        }
    }

    /// Aspirations in moderation (held; with `includeDecided` also released and removed), by id, of the
    /// dialogues of `agencyCode` and `leader` (empty: any) and of `dialogueID` (empty: any).
    public func heldAspirations(
        agencyCode: String, leader: String, dialogueID: String, includeDecided: Bool, after: String?, limit: Int
    ) async throws -> [Binakarier_Feedback_V1_HeldAspiration] {
        try await db.read { db in
            var sql = "SELECT a.id FROM aspiration a JOIN dialogue d ON d.id = a.dialogue_id WHERE a.id > ?"
            var arguments: StatementArguments = [after ?? ""]
            sql += includeDecided ? " AND a.moderation IN (2, 3, 4)" : " AND a.moderation = 2"
            if !agencyCode.isEmpty { sql += " AND d.agency_code = ?"; arguments += [agencyCode] }
            if !leader.isEmpty { sql += " AND d.leader_nip = ?"; arguments += [leader] }
            if !dialogueID.isEmpty { sql += " AND a.dialogue_id = ?"; arguments += [dialogueID] }
            sql += " ORDER BY a.id LIMIT ?"
            arguments += [limit]
            return try String.fetchAll(db, sql: sql, arguments: arguments).compactMap { id in
                guard let aspiration = try Self.aspiration(db, id: id, viewer: "") else { return nil }
                let reasons = try String.fetchAll(
                    db, sql: "SELECT reason FROM aspiration_report WHERE aspiration_id = ? AND reason != '' ORDER BY reason", arguments: [id])
                return .init(aspiration: aspiration, dialogue: try Self.dialogue(db, id: aspiration.dialogueId), reportReasons: reasons)
            }
        }
    }

    /// A moderator's decision on a held aspiration: released (shown) or removed, with the reason.
    public func moderate(aspirationID: String, decision: ModerationState, reason: String, by moderator: String) async throws -> Aspiration {
        let time = now()
        return try await db.write { db in
            guard let aspiration = try Self.aspiration(db, id: aspirationID, viewer: moderator) else {
                throw FeedbackError.notFound(.init(id: "aspirasi \(aspirationID) tidak ditemukan", en: "aspiration \(aspirationID) not found"))
            }
            guard aspiration.moderation == .held else {
                throw FeedbackError.failedPrecondition(.init(
                    id: "aspirasi \(aspirationID) tidak sedang ditahan", en: "aspiration \(aspirationID) is not held"))
            }
            try db.run(
                sql: "UPDATE aspiration SET moderation = ?, moderation_reason = ?, moderated_by = ? WHERE id = ?",
                arguments: [decision.rawValue, reason, moderator, aspirationID])
            let decided = try Self.aspiration(db, id: aspirationID, viewer: moderator) ?? aspiration
            try Self.publish(db, FeedbackChange.aspiration, key: decided.dialogueId, decided, time: time)
            return decided
        }
    }

    /// The action items of an agency's dialogues (from aspirations and directions) still open, or closed
    /// since `closedSince` (unix seconds), each with the dialogue it came from.
    public func boardActions(agencyCode: String, closedSince: Int64) async throws -> [(action: ActionItem, dialogue: Dialogue?)] {
        let today = CalendarDate(wib: now()).description
        return try await db.read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT ac.*, COALESCE(asp.dialogue_id, dir.dialogue_id, '') AS from_dialogue
                FROM action ac
                LEFT JOIN aspiration asp ON ac.source = 1 AND asp.id = ac.source_id
                LEFT JOIN direction dir ON ac.source = 2 AND dir.id = ac.source_id
                WHERE ac.agency_code = ? AND ac.source IN (1, 2) AND (ac.state IN (1, 2) OR ac.close_time >= ?)
                ORDER BY ac.id
                """, arguments: [agencyCode, closedSince])
            var dialogues: [String: Dialogue] = [:]
            return try rows.map { row in
                let dialogueID: String = row["from_dialogue"]
                if !dialogueID.isEmpty, dialogues[dialogueID] == nil { dialogues[dialogueID] = try Self.dialogue(db, id: dialogueID) }
                return (try Self.action(db, row, today: today), dialogues[dialogueID])
            }
        }
    }
}
