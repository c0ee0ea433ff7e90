import BKProto
import BKServiceKit
import Foundation
import GRDB

/// Leadership dialogues, their aspirations and directions, and action items.
extension FeedbackStore {
    static func dialogue(_ row: Row) -> Dialogue {
        Dialogue(
            id: row["id"], agencyCode: row["agency_code"], unitCode: row["unit_code"], topic: row["topic"], date: row["date"], time: row["time"],
            venue: row["venue"], leaderNip: row["leader_nip"], state: .init(rawValue: row["state"]) ?? .unspecified,
            aspirations: row["aspirations"] ?? 0, summary: row["summary"], createTimeUnix: row["create_time"])
    }

    /// Counts the aspirations the participants see (not those held or removed).
    static let dialogueSelect = "SELECT d.*, (SELECT COUNT(*) FROM aspiration a WHERE a.dialogue_id = d.id AND a.moderation IN (1, 3)) AS aspirations FROM dialogue d"

    static func dialogue(_ db: Database, id: String) throws -> Dialogue? {
        try Row.fetchOne(db.cachedStatement(sql: dialogueSelect + " WHERE d.id = ?"), arguments: [id]).map(dialogue)
    }

    public func dialogue(id: String) async throws -> Dialogue? {
        try await db.read { db in try Self.dialogue(db, id: id) }
    }

    public func createDialogue(_ input: Dialogue) async throws -> Dialogue {
        let time = now()
        return try await db.write { db in
            var dialogue = input
            dialogue.id = "DLG-" + Self.randomID(8).uppercased()
            dialogue.state = .scheduled
            dialogue.createTimeUnix = time
            try db.run(
                sql: "INSERT INTO dialogue (id, agency_code, unit_code, topic, date, time, venue, leader_nip, state, create_time) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                arguments: [dialogue.id, dialogue.agencyCode, dialogue.unitCode, dialogue.topic, dialogue.date, dialogue.time, dialogue.venue,
                            dialogue.leaderNip, dialogue.state.rawValue, time])
            try Self.publish(db, FeedbackChange.dialogue, key: dialogue.id, dialogue, time: time)
            return dialogue
        }
    }

    public func dialogues(agencyCode: String, after: String?, limit: Int) async throws -> [Dialogue] {
        try await db.read { db in
            var sql = Self.dialogueSelect + " WHERE d.id > ?"
            var arguments: StatementArguments = [after ?? ""]
            if !agencyCode.isEmpty { sql += " AND d.agency_code = ?"; arguments += [agencyCode] }
            sql += " ORDER BY d.id LIMIT ?"
            arguments += [limit]
            return try Row.fetchAll(db, sql: sql, arguments: arguments).map(Self.dialogue)
        }
    }

    public func closeDialogue(id: String, summary: String) async throws -> Dialogue {
        let time = now()
        return try await db.write { db in
            guard let dialogue = try Self.dialogue(db, id: id) else { throw FeedbackError.noDialogue(id) }
            guard dialogue.state == .scheduled else {
                throw FeedbackError.failedPrecondition(.init(id: "dialog \(id) sudah ditutup", en: "dialogue \(id) is already closed"))
            }
            try db.run(sql: "UPDATE dialogue SET state = 2, summary = ? WHERE id = ?", arguments: [summary, id])
            let closed = try Self.dialogue(db, id: id) ?? dialogue
            try Self.publish(db, FeedbackChange.dialogue, key: id, closed, time: time)
            return closed
        }
    }

    static func aspiration(_ row: Row, supports: Int32, mine: Bool, reports: Int32 = 0, reportedByMe: Bool = false) -> Aspiration {
        Aspiration(
            id: row["id"], dialogueId: row["dialogue_id"], category: row["category"], text: row["text"], anonymous: row["anonymous"],
            authorNip: row["author_nip"], supports: supports, answer: row["answer"], answeredBy: row["answered_by"], supportedByMe: mine,
            actionId: row["action_id"], moderation: .init(rawValue: row["moderation"]) ?? .shown, moderationReason: row["moderation_reason"],
            reports: reports, reportedByMe: reportedByMe)
    }

    static func aspiration(_ db: Database, id: String, viewer: String) throws -> Aspiration? {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM aspiration WHERE id = ?"), arguments: [id]) else { return nil }
        let supports = try Int32.fetchOne(db.cachedStatement(sql: "SELECT COUNT(*) FROM support WHERE aspiration_id = ?"), arguments: [id]) ?? 0
        let mine = try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM support WHERE aspiration_id = ? AND nip = ?"), arguments: [id, viewer]) == true
        let reports = try Int32.fetchOne(db.cachedStatement(sql: "SELECT COUNT(*) FROM aspiration_report WHERE aspiration_id = ?"), arguments: [id]) ?? 0
        let reported = try reports > 0
            && Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM aspiration_report WHERE aspiration_id = ? AND nip = ?"), arguments: [id, viewer]) == true
        return aspiration(row, supports: supports, mine: mine, reports: reports, reportedByMe: reported)
    }

    public func aspiration(id: String, viewer: String) async throws -> Aspiration? {
        try await db.read { db in try Self.aspiration(db, id: id, viewer: viewer) }
    }

    /// Stores an aspiration; an anonymous one without its author (and with a random id, no time), with
    /// the hash of its receipt, held for moderation when `hold` says why.
    public func raiseAspiration(_ input: Aspiration, receiptHash: String = "", hold: String? = nil) async throws -> Aspiration {
        let time = now()
        return try await db.write { db in
            guard let dialogue = try Self.dialogue(db, id: input.dialogueId) else { throw FeedbackError.noDialogue(input.dialogueId) }
            guard dialogue.state == .scheduled else {
                throw FeedbackError.failedPrecondition(.init(id: "dialog \(dialogue.id) sudah ditutup", en: "dialogue \(dialogue.id) is closed"))
            }
            var aspiration = input
            aspiration.id = "ASP-" + Self.randomID(8).uppercased()
            if aspiration.anonymous { aspiration.authorNip = "" }
            aspiration.moderation = hold == nil ? .shown : .held
            aspiration.moderationReason = hold ?? ""
            try db.run(
                sql: """
                    INSERT INTO aspiration (id, dialogue_id, category, text, anonymous, author_nip, receipt_hash, moderation, moderation_reason)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [aspiration.id, aspiration.dialogueId, aspiration.category, aspiration.text, aspiration.anonymous, aspiration.authorNip,
                            aspiration.anonymous ? receiptHash : "", aspiration.moderation.rawValue, aspiration.moderationReason])
            // An anonymous aspiration is not announced: the time of it would point at its author.
            if !aspiration.anonymous { try Self.publish(db, FeedbackChange.aspiration, key: aspiration.dialogueId, aspiration, time: time) }
            return aspiration
        }
    }

    public func support(aspirationID: String, nip: String) async throws -> Aspiration {
        let time = now()
        return try await db.write { db in
            guard let aspiration = try Self.aspiration(db, id: aspirationID, viewer: nip) else {
                throw FeedbackError.notFound(.init(id: "aspirasi \(aspirationID) tidak ditemukan", en: "aspiration \(aspirationID) not found"))
            }
            guard Self.isShown(aspiration) else {
                throw FeedbackError.failedPrecondition(.init(id: "aspirasi \(aspirationID) sedang dimoderasi", en: "aspiration \(aspirationID) is under moderation"))
            }
            guard !aspiration.authorNip.isEmpty ? aspiration.authorNip != nip : true else {
                throw FeedbackError.failedPrecondition(.init(id: "aspirasi Anda sendiri tidak dapat didukung", en: "you cannot support your own aspiration"))
            }
            do {
                try db.run(sql: "INSERT INTO support (aspiration_id, nip) VALUES (?, ?)", arguments: [aspirationID, nip])
            } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_PRIMARYKEY {
                throw FeedbackError.alreadyExists(.init(id: "Anda sudah mendukung aspirasi ini", en: "you already support this aspiration"))
            }
            let supported = try Self.aspiration(db, id: aspirationID, viewer: nip) ?? aspiration
            try Self.publish(db, FeedbackChange.aspiration, key: supported.dialogueId, supported, time: time)
            return supported
        }
    }

    /// The leader's answer; with an action, both in one transaction.
    public func answer(aspirationID: String, answer: String, by leader: String, action: ActionItem?) async throws -> Aspiration {
        let time = now()
        return try await db.write { db in
            guard let current = try Self.aspiration(db, id: aspirationID, viewer: leader) else {
                throw FeedbackError.notFound(.init(id: "aspirasi \(aspirationID) tidak ditemukan", en: "aspiration \(aspirationID) not found"))
            }
            guard Self.isShown(current) else {
                throw FeedbackError.failedPrecondition(.init(
                    id: "aspirasi \(aspirationID) ditahan atau dihapus moderator: lepaskan dulu sebelum menjawab",
                    en: "aspiration \(aspirationID) is held or removed by moderation: release it before answering"))
            }
            var actionID = ""
            if let action { actionID = try Self.insertAction(db, action, time: time).id }
            try db.run(
                sql: "UPDATE aspiration SET answer = ?, answered_by = ?, action_id = CASE WHEN ? = '' THEN action_id ELSE ? END WHERE id = ?",
                arguments: [answer, leader, actionID, actionID, aspirationID])
            let answered = try Self.aspiration(db, id: aspirationID, viewer: leader)!
            try Self.publish(db, FeedbackChange.aspiration, key: answered.dialogueId, answered, time: time)
            return answered
        }
    }

    public func giveDirection(dialogueID: String, text: String, by leader: String, action: ActionItem?) async throws -> Direction {
        let time = now()
        return try await db.write { db in
            guard try Self.dialogue(db, id: dialogueID) != nil else { throw FeedbackError.noDialogue(dialogueID) }
            var direction = Direction(id: "ARH-" + Self.randomID(8).uppercased(), dialogueId: dialogueID, text: text, givenBy: leader)
            if var action {
                action.sourceId = direction.id
                direction.actionId = try Self.insertAction(db, action, time: time).id
            }
            try db.run(
                sql: "INSERT INTO direction (id, dialogue_id, text, given_by, action_id, create_time) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [direction.id, dialogueID, text, leader, direction.actionId, time])
            return direction
        }
    }

    /// A dialogue with its aspirations (most supported first), directions and actions, as `viewer` sees
    /// them: held and removed aspirations only for a `moderator` and, named ones, for their author.
    public func dialogueDetail(id: String, viewer: String, moderator: Bool = false) async throws -> Binakarier_Feedback_V1_DialogueDetail? {
        let today = CalendarDate(wib: now()).description
        return try await db.read { db in
            guard let dialogue = try Self.dialogue(db, id: id) else { return nil }
            let aspirations = try String.fetchAll(db, sql: "SELECT id FROM aspiration WHERE dialogue_id = ?", arguments: [id])
                .compactMap { try Self.aspiration(db, id: $0, viewer: viewer) }
                .filter { moderator || Self.isShown($0) || (!$0.anonymous && !viewer.isEmpty && $0.authorNip == viewer) }
                .sorted { ($0.supports, $1.id) > ($1.supports, $0.id) }
            let directions = try Row.fetchAll(db, sql: "SELECT * FROM direction WHERE dialogue_id = ? ORDER BY create_time, id", arguments: [id]).map {
                Direction(id: $0["id"], dialogueId: $0["dialogue_id"], text: $0["text"], givenBy: $0["given_by"], actionId: $0["action_id"])
            }
            let sources = aspirations.map(\.id) + directions.map(\.id) + [id]
            var actions: [ActionItem] = []
            for source in sources {
                actions += try Row.fetchAll(db, sql: "SELECT * FROM action WHERE source_id = ? ORDER BY id", arguments: [source])
                    .map { try Self.action(db, $0, today: today) }
            }
            return .init(dialogue: dialogue, aspirations: aspirations, directions: directions, actions: actions)
        }
    }

    // MARK: action items

    static func insertAction(_ db: Database, _ input: ActionItem, time: Int64) throws -> ActionItem {
        var action = input
        action.id = "TL-" + randomID(8).uppercased()
        action.state = .open
        action.createTimeUnix = time
        try db.run(
            sql: """
                INSERT INTO action (id, title, source, source_id, agency_code, owner_nip, due_date, state, created_by, create_time)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [action.id, action.title, action.source.rawValue, action.sourceId, action.agencyCode, action.ownerNip, action.dueDate,
                        action.state.rawValue, action.createdBy, time])
        try publish(db, FeedbackChange.action, key: action.id, action, time: time)
        return action
    }

    public func createAction(_ action: ActionItem) async throws -> ActionItem {
        let time = now()
        return try await db.write { db in try Self.insertAction(db, action, time: time) }
    }

    static func action(_ db: Database, _ row: Row, today: String) throws -> ActionItem {
        let id: String = row["id"]
        let notes = try Row.fetchAll(db.cachedStatement(sql: "SELECT * FROM action_note WHERE action_id = ? ORDER BY time_unix, rowid"), arguments: [id]).map {
            Binakarier_Feedback_V1_ActionNote(text: $0["text"], by: $0["by"], timeUnix: $0["time_unix"])
        }
        let state = Binakarier_Feedback_V1_ActionState(rawValue: row["state"]) ?? .unspecified
        let due: String = row["due_date"]
        return ActionItem(
            id: id, title: row["title"], source: .init(rawValue: row["source"]) ?? .unspecified, sourceId: row["source_id"],
            agencyCode: row["agency_code"], ownerNip: row["owner_nip"], dueDate: due, state: state, reason: row["reason"],
            evidence: row["evidence"], notes: notes, overdue: (state == .open || state == .inProgress) && due < today,
            createdBy: row["created_by"], createTimeUnix: row["create_time"], closeTimeUnix: row["close_time"])
    }

    public func action(id: String) async throws -> ActionItem? {
        let today = CalendarDate(wib: now()).description
        return try await db.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM action WHERE id = ?", arguments: [id]).map { try Self.action(db, $0, today: today) }
        }
    }

    /// A change to an action: its state (open → in progress → done, or dropped; done and dropped are
    /// final), a note, a new owner or due date, all in one transaction.
    public func updateAction(id: String, state: Binakarier_Feedback_V1_ActionState, note: String, reason: String, evidence: String,
                             owner: String, due: String, by subject: String) async throws -> ActionItem {
        let time = now()
        let today = CalendarDate(wib: time).description
        return try await db.write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM action WHERE id = ?", arguments: [id]) else { throw FeedbackError.noAction(id) }
            let current = try Self.action(db, row, today: today)
            if state != .unspecified, state != current.state {
                let allowed: Set<Binakarier_Feedback_V1_ActionState> = switch current.state {
                case .open: [.inProgress, .done, .dropped]
                case .inProgress: [.open, .done, .dropped]
                default: []
                }
                guard allowed.contains(state) else {
                    throw FeedbackError.failedPrecondition(.init(
                        id: "tindak lanjut \(id) sudah \(current.state == .done ? "selesai" : "dibatalkan"): tidak dapat diubah",
                        en: "action item \(id) is already \(current.state == .done ? "done" : "dropped"): it cannot change"))
                }
                try db.run(
                    sql: "UPDATE action SET state = ?, reason = ?, evidence = ?, close_time = ? WHERE id = ?",
                    arguments: [state.rawValue, state == .dropped ? reason : current.reason, state == .done ? evidence : current.evidence,
                                state == .done || state == .dropped ? time : 0, id])
            } else if current.state == .done || current.state == .dropped, !owner.isEmpty || !due.isEmpty {
                throw FeedbackError.failedPrecondition(.init(id: "tindak lanjut \(id) sudah ditutup", en: "action item \(id) is closed"))
            }
            if !owner.isEmpty { try db.run(sql: "UPDATE action SET owner_nip = ? WHERE id = ?", arguments: [owner, id]) }
            if !due.isEmpty { try db.run(sql: "UPDATE action SET due_date = ? WHERE id = ?", arguments: [due, id]) }
            if !note.isEmpty {
                try db.run(sql: "INSERT INTO action_note (action_id, time_unix, text, by) VALUES (?, ?, ?, ?)", arguments: [id, time, note, subject])
            }
            guard let updatedRow = try Row.fetchOne(db, sql: "SELECT * FROM action WHERE id = ?", arguments: [id]) else { throw FeedbackError.noAction(id) }
            let updated = try Self.action(db, updatedRow, today: today)
            try Self.publish(db, FeedbackChange.action, key: id, updated, time: time)
            return updated
        }
    }

    /// The ids of the action items opened from these sources (campaigns, aspirations, directions).
    public func actionIDs(sources: [String]) async throws -> [String] {
        try await db.read { db in
            try Self.chunks(sources).flatMap { chunk in
                let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
                return try String.fetchAll(db, sql: "SELECT id FROM action WHERE source_id IN (\(marks)) ORDER BY id", arguments: StatementArguments(chunk))
            }
        }
    }

    public func actions(
        agencyCode: String, state: Binakarier_Feedback_V1_ActionState, overdueOnly: Bool, owner: String, sourceID: String, after: String?, limit: Int
    ) async throws -> [ActionItem] {
        let today = CalendarDate(wib: now()).description
        return try await db.read { db in
            var sql = "SELECT * FROM action WHERE id > ?"
            var arguments: StatementArguments = [after ?? ""]
            if !agencyCode.isEmpty { sql += " AND agency_code = ?"; arguments += [agencyCode] }
            if state != .unspecified { sql += " AND state = ?"; arguments += [state.rawValue] }
            if overdueOnly { sql += " AND state IN (1, 2) AND due_date < ?"; arguments += [today] }
            if !owner.isEmpty { sql += " AND owner_nip = ?"; arguments += [owner] }
            if !sourceID.isEmpty { sql += " AND source_id = ?"; arguments += [sourceID] }
            sql += " ORDER BY id LIMIT ?"
            arguments += [limit]
            return try Row.fetchAll(db, sql: sql, arguments: arguments).map { try Self.action(db, $0, today: today) }
        }
    }
}
