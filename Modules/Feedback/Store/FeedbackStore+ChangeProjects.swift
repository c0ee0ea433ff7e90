import BKProto
import BKServiceKit
import Foundation
import GRDB

/// Change projects (aksi perubahan): one row each, the project message with its milestones and
/// comments, and the columns that lists and access read. Every change is one transaction with its
/// change-feed entry (the project without its texts).
extension FeedbackStore {
    /// Which projects a list returns; `viewer` narrows them to those the caller takes part in (or, with
    /// `viewerAgency`, also those of the agency they head). Nil viewer: organisers, all of them.
    public struct ChangeProjectFilter: Sendable {
        public var sessionId = ""
        public var programCode = ""
        public var mentorNip = ""
        public var participantNip = ""
        public var coachNip = ""
        public var agencyCode = ""
        public var awaitingReviewOnly = false
        public var viewer: String?
        public var viewerAgency = ""
        public init() {}
    }

    static func changeProject(_ data: Data) throws -> ChangeProject {
        try ChangeProject(serializedBytes: [UInt8](data))
    }

    static func changeProject(_ db: Database, id: String) throws -> ChangeProject? {
        try Data.fetchOne(db.cachedStatement(sql: "SELECT message FROM change_project WHERE id = ?"), arguments: [id]).map(changeProject)
    }

    static func save(_ db: Database, _ project: ChangeProject, insert: Bool) throws {
        let arguments: StatementArguments = [
            project.sessionId, project.programCode, project.participantNip, project.mentorNip, project.coachNip, project.agencyCode,
            project.awaitingReview, Data(try project.serializedBytes()), project.updateTimeUnix, project.id,
        ]
        if insert {
            try db.run(
                sql: """
                    INSERT INTO change_project (session_id, program_code, participant_nip, mentor_nip, coach_nip, agency_code, awaiting_review,
                        message, update_time, id, create_time) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: arguments + [project.createTimeUnix])
        } else {
            try db.run(
                sql: """
                    UPDATE change_project SET session_id = ?, program_code = ?, participant_nip = ?, mentor_nip = ?, coach_nip = ?,
                        agency_code = ?, awaiting_review = ?, message = ?, update_time = ? WHERE id = ?
                    """,
                arguments: arguments)
        }
        try publish(db, FeedbackChange.changeProject, key: project.id, ChangeProjectRules.announced(project), time: project.updateTimeUnix)
    }

    public func changeProject(id: String) async throws -> ChangeProject? {
        try await db.read { db in try Self.changeProject(db, id: id) }
    }

    /// Stores a new project. ALREADY_EXISTS when the participant has one in the session.
    public func createChangeProject(_ input: ChangeProject) async throws -> ChangeProject {
        let time = now()
        return try await db.write { db in
            if let existing = try String.fetchOne(
                db, sql: "SELECT id FROM change_project WHERE session_id = ? AND participant_nip = ?", arguments: [input.sessionId, input.participantNip]) {
                throw FeedbackError.alreadyExists(.init(
                    id: "peserta \(input.participantNip) sudah mempunyai aksi perubahan \(existing) di angkatan \(input.sessionId)",
                    en: "participant \(input.participantNip) already has change project \(existing) in session \(input.sessionId)"))
            }
            var project = ChangeProjectRules.counted(input)
            project.id = "AP-" + Self.randomID(8).uppercased()
            project.comments = []
            project.createTimeUnix = time
            project.updateTimeUnix = time
            try Self.save(db, project, insert: true)
            return project
        }
    }

    /// Reads the project, lets `change` decide and change it (throwing leaves it as it was), recounts and
    /// stores it, in one transaction: two reviews at once cannot both see a milestone waiting.
    public func changeChangeProject(
        id: String, _ change: @escaping @Sendable (inout ChangeProject, _ time: Int64) throws -> Void
    ) async throws -> ChangeProject {
        let time = now()
        return try await db.write { db in
            guard var project = try Self.changeProject(db, id: id) else { throw FeedbackError.noChangeProject(id) }
            try change(&project, time)
            project = ChangeProjectRules.counted(project)
            project.updateTimeUnix = time
            try Self.save(db, project, insert: false)
            return project
        }
    }

    public func changeProjects(_ filter: ChangeProjectFilter, after: String?, limit: Int) async throws -> [ChangeProject] {
        try await db.read { db in
            var sql = "SELECT message FROM change_project WHERE id > ?"
            var arguments: StatementArguments = [after ?? ""]
            for (column, value) in [
                ("session_id", filter.sessionId), ("program_code", filter.programCode), ("mentor_nip", filter.mentorNip),
                ("participant_nip", filter.participantNip), ("coach_nip", filter.coachNip), ("agency_code", filter.agencyCode),
            ] where !value.isEmpty {
                sql += " AND \(column) = ?"
                arguments += [value]
            }
            if filter.awaitingReviewOnly { sql += " AND awaiting_review > 0" }
            if let viewer = filter.viewer {
                sql += " AND (participant_nip = ? OR mentor_nip = ? OR (coach_nip != '' AND coach_nip = ?) OR (? != '' AND agency_code = ?))"
                arguments += [viewer, viewer, viewer, filter.viewerAgency, filter.viewerAgency]
            }
            sql += " ORDER BY id LIMIT ?"
            arguments += [limit]
            return try Data.fetchAll(db, sql: sql, arguments: arguments).map(Self.changeProject)
        }
    }
}

extension ServiceError {
    static func noChangeProject(_ id: String) -> ServiceError {
        .notFound(.init(id: "aksi perubahan \(id) tidak ditemukan", en: "change project \(id) not found"))
    }
}
