import BKAuth
import BKProto
import BKRPC
import BKServiceKit
import BKStore
import Foundation
import GRDB

/// The programs store on SQLite (GRDB): every write is one transaction, durable before it returns, and
/// writes its changes to the outbox in that same transaction. SQLite has one writer at a time, which is
/// what keeps a session's seats and the certificate numbers exact under concurrent calls: each
/// enrolment counts the seats inside its own write transaction.
///
/// Point reads (a program, a session) run on the caller's thread; scans and writes on GRDB's queues.
public final class ProgramsStore: Sendable {
    let db: any DatabaseWriter
    let settings: ProgramRules.Settings
    /// Signs certificates: the programs daemon's own Ed25519 key.
    let certificateKey: SigningKey
    let now: @Sendable () -> Int64

    public init(
        db: any DatabaseWriter, certificateKey: SigningKey, settings: ProgramRules.Settings = .init(),
        now: @escaping @Sendable () -> Int64 = WallClock.nowUnix
    ) {
        self.db = db
        self.certificateKey = certificateKey
        self.settings = settings
        self.now = now
    }

    /// Opens `<directory>/programs.sqlite` and the certificate key beside it (`certificate-signing.key`, 0600).
    public static func open(directory: String, settings: ProgramRules.Settings = .init()) throws -> ProgramsStore {
        let db = try Store.open(directory: directory, name: "programs", migrator: ProgramsSchema.migrator)
        let key = try SigningKey.loadOrCreate(at: "\(directory)/certificate-signing.key")
        return ProgramsStore(db: db, certificateKey: key, settings: settings)
    }

    /// A fresh in-memory store with a new key, for tests.
    public static func inMemory(settings: ProgramRules.Settings = .init(), now: @escaping @Sendable () -> Int64 = WallClock.nowUnix) throws -> ProgramsStore {
        ProgramsStore(db: try Store.inMemory(migrator: ProgramsSchema.migrator), certificateKey: .generate(), settings: settings, now: now)
    }

    public func close() throws { try db.close() }

    /// Runs `body` in one write transaction, passing domain errors through typed.
    func write<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await db.write(body)
    }

    static func publish(_ db: Database, _ kind: String, key: String, _ message: some ProtoMessage, time: Int64) throws {
        try Outbox.append(db, FeedChange(kind: kind, key: key, payload: try message.serializedBytes(), timeUnix: time))
    }

    // MARK: competencies

    public func createCompetency(_ competency: Competency) async throws {
        let time = now()
        try await write { db in
            guard try Self.competencyExists(db, competency.code) == false else {
                throw ProgramsError.alreadyExists(.init(id: "kompetensi \(competency.code) sudah ada", en: "competency \(competency.code) already exists"))
            }
            try db.run(
                sql: "INSERT INTO competency (code, name, type, agency_code, description) VALUES (?, ?, ?, ?, ?)",
                arguments: [competency.code, competency.name, competency.type.rawValue, competency.agencyCode, competency.description])
            _ = time
        }
    }

    static func competencyExists(_ db: Database, _ code: String) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM competency WHERE code = ?"), arguments: [code]) ?? false
    }

    public func competencies(type: Binakarier_Programs_V1_CompetencyType, agencyCode: String, after: String?, limit: Int) async throws -> [Competency] {
        try await db.read { db in
            var sql = "SELECT * FROM competency WHERE code > ?"
            var arguments: StatementArguments = [after ?? ""]
            if type != .unspecified { sql += " AND type = ?"; arguments += [type.rawValue] }
            if !agencyCode.isEmpty { sql += " AND (agency_code = ? OR type != 1)"; arguments += [agencyCode] }
            sql += " ORDER BY code LIMIT ?"
            arguments += [limit]
            return try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
                Competency(
                    code: row["code"], name: row["name"], type: .init(rawValue: row["type"]) ?? .unspecified,
                    agencyCode: row["agency_code"], description: row["description"], builtIn: row["built_in"])
            }
        }
    }

    // MARK: programs

    public func createProgram(_ program: Program) async throws -> Program {
        var program = program
        program.createTimeUnix = now()
        program.updateTimeUnix = program.createTimeUnix
        let stored = program
        try await write { db in
            if try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM program WHERE code = ?"), arguments: [stored.code]) == true {
                throw ProgramsError.alreadyExists(.init(id: "program \(stored.code) sudah ada", en: "program \(stored.code) already exists"))
            }
            try db.run(
                sql: "INSERT INTO program (code, title, kind, jp, message, create_time, update_time) VALUES (?, ?, ?, ?, ?, ?, ?)",
                arguments: [stored.code, stored.title, stored.kind.rawValue, stored.jp, Data(try stored.serializedBytes()), stored.createTimeUnix, stored.updateTimeUnix])
            try Self.indexProgram(db, stored)
        }
        return stored
    }

    /// Changes the fields `paths` names, merged into the stored program inside the transaction (two
    /// updates of different fields both land), then validated by `validate`.
    public func updateProgram(
        code: String, patch: Program, paths: [String], validate: @escaping @Sendable (Program) throws -> Program
    ) async throws -> Program {
        let time = now()
        return try await write { db in
            guard let old = try Self.program(db, code: code) else { throw ProgramsError.noProgram(code) }
            var program = old
            try program.merge(from: patch, paths: paths)
            program = try validate(program)
            program.code = old.code
            program.createTimeUnix = old.createTimeUnix
            program.updateTimeUnix = time
            if old.jp != program.jp, try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM session WHERE program_code = ? LIMIT 1"), arguments: [code]) == true {
                throw ProgramsError.failedPrecondition(.init(
                    id: "JP program tidak dapat diubah setelah ada angkatan (buat program baru)",
                    en: "a program's JP cannot change once it has sessions (create a new program)"))
            }
            if old.completion != program.completion,
                try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM session WHERE program_code = ? AND state = 4 LIMIT 1"), arguments: [code]) == true
            {
                throw ProgramsError.failedPrecondition(.init(
                    id: "syarat kelulusan tidak dapat diubah setelah ada angkatan yang selesai (pesertanya dinilai dengan syarat itu)",
                    en: "the completion rule cannot change once a session has completed (its participants were judged by it)"))
            }
            try db.run(
                sql: "UPDATE program SET title = ?, kind = ?, jp = ?, message = ?, update_time = ? WHERE code = ?",
                arguments: [program.title, program.kind.rawValue, program.jp, Data(try program.serializedBytes()), time, code])
            try db.run(sql: "DELETE FROM program_agency WHERE program_code = ?", arguments: [code])
            try db.run(sql: "DELETE FROM program_competency WHERE program_code = ?", arguments: [code])
            try Self.indexProgram(db, program)
            return program
        }
    }

    static func indexProgram(_ db: Database, _ program: Program) throws {
        for code in Set(program.audience?.agencyCodes ?? []) {
            try db.run(sql: "INSERT INTO program_agency (program_code, agency_code) VALUES (?, ?)", arguments: [program.code, code])
        }
        var seen = Set<String>()
        for target in program.competencies where seen.insert(target.competencyCode).inserted {
            guard try competencyExists(db, target.competencyCode) else {
                throw ProgramsError.notFound(.init(id: "kompetensi \(target.competencyCode) tidak ada di kamus", en: "competency \(target.competencyCode) is not in the dictionary"))
            }
            try db.run(
                sql: "INSERT INTO program_competency (program_code, competency_code, level) VALUES (?, ?, ?)",
                arguments: [program.code, target.competencyCode, target.level])
        }
    }

    public func program(code: String) async throws -> Program? {
        try await db.read { db in try Self.program(db, code: code) }
    }

    static func program(_ db: Database, code: String) throws -> Program? {
        guard let data = try Data.fetchOne(db.cachedStatement(sql: "SELECT message FROM program WHERE code = ?"), arguments: [code]) else { return nil }
        return try Program(serializedBytes: [UInt8](data))
    }

    public func programs(
        kind: Binakarier_Programs_V1_ProgramKind, agencyCode: String, competencyCode: String, after: String?, limit: Int
    ) async throws -> [Program] {
        try await db.read { db in
            var sql = "SELECT message FROM program p WHERE code > ?"
            var arguments: StatementArguments = [after ?? ""]
            if kind != .unspecified { sql += " AND kind = ?"; arguments += [kind.rawValue] }
            if !agencyCode.isEmpty {
                sql += """
                     AND (NOT EXISTS (SELECT 1 FROM program_agency a WHERE a.program_code = p.code)
                          OR EXISTS (SELECT 1 FROM program_agency a WHERE a.program_code = p.code AND a.agency_code = ?))
                    """
                arguments += [agencyCode]
            }
            if !competencyCode.isEmpty {
                sql += " AND EXISTS (SELECT 1 FROM program_competency c WHERE c.program_code = p.code AND c.competency_code = ?)"
                arguments += [competencyCode]
            }
            sql += " ORDER BY code LIMIT ?"
            arguments += [limit]
            return try Data.fetchAll(db, sql: sql, arguments: arguments).map { try Program(serializedBytes: [UInt8]($0)) }
        }
    }

    // MARK: sessions

    /// Stores a new draft session, numbering it as the program's next batch.
    public func createSession(_ session: Session) async throws -> Session {
        let time = now()
        return try await write { db in
            guard try Self.program(db, code: session.programCode) != nil else { throw ProgramsError.noProgram(session.programCode) }
            var session = session
            session.batch = Int32(try Int.fetchOne(db.cachedStatement(sql: "SELECT COALESCE(MAX(batch), 0) + 1 FROM session WHERE program_code = ?"), arguments: [session.programCode]) ?? 1)
            session.id = "\(session.programCode)-\(CalendarDate.pad(Int(session.batch), 2))"
            session.state = .draft
            session.createTimeUnix = time
            session.updateTimeUnix = time
            session.enrolledCount = 0
            session.waitlistedCount = 0
            session.cancelReason = ""
            let days = session.days.map(\.date).sorted()
            try db.run(
                sql: """
                    INSERT INTO session (id, program_code, batch, state, capacity, first_day, last_day, message, create_time, update_time)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [session.id, session.programCode, session.batch, session.state.rawValue, session.capacity,
                            days.first ?? "", days.last ?? "", Data(try session.serializedBytes()), time, time])
            try Self.storeDays(db, session)
            try Self.publish(db, ChangeKind.session(.draft), key: session.id, session, time: time)
            return session
        }
    }

    static func storeDays(_ db: Database, _ session: Session) throws {
        try db.run(sql: "DELETE FROM session_day WHERE session_id = ?", arguments: [session.id])
        for day in session.days {
            try db.run(sql: "INSERT INTO session_day (session_id, date, jp) VALUES (?, ?, ?)", arguments: [session.id, day.date, day.jp])
        }
    }

    public func session(id: String) async throws -> Session? {
        try await db.read { db in try Self.session(db, id: id) }
    }

    /// Whether a session with this id exists (a point read).
    public func sessionExists(_ id: String) async throws -> Bool {
        try await db.read { db in try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM session WHERE id = ?"), arguments: [id]) } == true
    }

    static func session(_ db: Database, id: String) throws -> Session? {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: Self.sessionSelect + " WHERE s.id = ?"), arguments: [id]) else { return nil }
        return try Self.session(row)
    }

    static let sessionSelect = """
        SELECT s.*,
            (SELECT COUNT(*) FROM enrolment e WHERE e.session_id = s.id AND e.state = 2) AS enrolled,
            (SELECT COUNT(*) FROM enrolment e WHERE e.session_id = s.id AND e.state = 3) AS waitlisted
        FROM session s
        """

    static func session(_ row: Row) throws -> Session {
        var session = try Session(serializedBytes: [UInt8](row["message"] as Data))
        session.state = .init(rawValue: row["state"]) ?? .unspecified
        session.capacity = row["capacity"]
        session.cancelReason = row["cancel_reason"]
        session.updateTimeUnix = row["update_time"]
        session.enrolledCount = row["enrolled"]
        session.waitlistedCount = row["waitlisted"]
        return session
    }

    public func sessions(
        programCode: String, state: Binakarier_Programs_V1_SessionState, year: Int32, after: String?, limit: Int
    ) async throws -> [Session] {
        try await db.read { db in
            var sql = Self.sessionSelect + " WHERE s.id > ?"
            var arguments: StatementArguments = [after ?? ""]
            if !programCode.isEmpty { sql += " AND s.program_code = ?"; arguments += [programCode] }
            if state != .unspecified { sql += " AND s.state = ?"; arguments += [state.rawValue] }
            if year > 0 {
                sql += " AND EXISTS (SELECT 1 FROM session_day d WHERE d.session_id = s.id AND d.date BETWEEN ? AND ?)"
                arguments += ["\(year)-01-01", "\(year)-12-31"]
            }
            sql += " ORDER BY s.id LIMIT ?"
            arguments += [limit]
            return try Row.fetchAll(db, sql: sql, arguments: arguments).map(Self.session)
        }
    }

    /// Stores the changeable parts of `session` (its schedule only while draft or open).
    public func updateSession(_ patch: Session, paths: [String]) async throws -> Session {
        let time = now()
        return try await write { db in
            guard var session = try Self.session(db, id: patch.id) else { throw ProgramsError.noSession(patch.id) }
            guard session.state != .completed, session.state != .cancelled else {
                throw ProgramsError.failedPrecondition(.init(id: "angkatan \(session.id) sudah berakhir", en: "session \(session.id) has ended"))
            }
            if paths.contains("days"), session.state != .draft, session.state != .open {
                throw ProgramsError.failedPrecondition(.init(
                    id: "jadwal tidak dapat diubah setelah angkatan dimulai", en: "the schedule cannot change once the session has started"))
            }
            try session.merge(from: patch, paths: paths)
            // Checked here, against the seats taken now: a smaller capacity never drops anyone enrolled.
            if paths.contains("capacity"), session.capacity < session.enrolledCount {
                throw ProgramsError.failedPrecondition(.init(
                    id: "kapasitas \(session.capacity) lebih kecil dari \(session.enrolledCount) peserta terdaftar (batalkan pendaftaran dulu)",
                    en: "capacity \(session.capacity) is below the \(session.enrolledCount) enrolled (cancel enrolments first)"))
            }
            session.updateTimeUnix = time
            let days = session.days.map(\.date).sorted()
            try db.run(
                sql: "UPDATE session SET capacity = ?, first_day = ?, last_day = ?, message = ?, update_time = ? WHERE id = ?",
                arguments: [session.capacity, days.first ?? "", days.last ?? "", Data(try session.serializedBytes()), time, session.id])
            if paths.contains("days") { try Self.storeDays(db, session) }
            // A larger capacity seats people from the waitlist at once.
            try self.promote(db, sessionID: session.id, capacity: session.capacity, time: time)
            let updated = try Self.session(db, id: session.id) ?? session
            try Self.publish(db, ChangeKind.sessionUpdated, key: session.id, updated, time: time)
            return updated
        }
    }

    /// Moves a session along its lifecycle. Completing settles every participant (completion,
    /// certificate, JP); cancelling cancels every enrolment.
    public func transition(id: String, to transition: Binakarier_Programs_V1_SessionTransition, reason: String, by subject: String) async throws -> Session {
        let time = now()
        return try await write { db in
            guard let session = try Self.session(db, id: id) else { throw ProgramsError.noSession(id) }
            let target: Binakarier_Programs_V1_SessionState
            let allowed: Set<Binakarier_Programs_V1_SessionState>
            switch transition {
            case .open: (target, allowed) = (.open, [.draft])
            case .start: (target, allowed) = (.running, [.open])
            case .complete: (target, allowed) = (.completed, [.running])
            case .cancel: (target, allowed) = (.cancelled, [.draft, .open, .running])
            default: throw ProgramsError.invalid(field: "transition", reason: .init(id: "pilih open, start, complete atau cancel", en: "choose open, start, complete or cancel"))
            }
            guard allowed.contains(session.state) else {
                throw ProgramsError.failedPrecondition(.init(
                    id: "angkatan \(id) berstatus \(Self.stateName(session.state).indonesian): tidak dapat \(Self.transitionName(transition).indonesian)",
                    en: "session \(id) is \(Self.stateName(session.state).english): it cannot be \(Self.transitionName(transition).english)"))
            }
            try db.run(
                sql: "UPDATE session SET state = ?, cancel_reason = ?, update_time = ? WHERE id = ?",
                arguments: [target.rawValue, target == .cancelled ? reason : "", time, id])
            switch target {
            case .completed:
                guard let program = try Self.program(db, code: session.programCode) else { throw ProgramsError.noProgram(session.programCode) }
                // Those still waiting or asking will not get a seat any more.
                let waiting = try String.fetchAll(db.cachedStatement(sql: "SELECT nip FROM enrolment WHERE session_id = ? AND state IN (1, 3)"), arguments: [id])
                for nip in waiting {
                    try self.setState(db, sessionID: id, nip: nip, state: .cancelled, reason: "angkatan selesai", time: time)
                }
                let enrolled = try String.fetchAll(db.cachedStatement(sql: "SELECT nip FROM enrolment WHERE session_id = ? AND state = 2 ORDER BY nip"), arguments: [id])
                for nip in enrolled {
                    try self.settle(db, session: session, program: program, nip: nip, time: time)
                }
            case .cancelled:
                let active = try String.fetchAll(db.cachedStatement(sql: "SELECT nip FROM enrolment WHERE session_id = ? AND state IN (1, 2, 3)"), arguments: [id])
                for nip in active {
                    try self.setState(db, sessionID: id, nip: nip, state: .cancelled, reason: "angkatan dibatalkan: \(reason)", time: time)
                }
            default: break
            }
            let updated = try Self.session(db, id: id) ?? session
            try Self.publish(db, ChangeKind.session(target), key: id, updated, time: time)
            _ = subject
            return updated
        }
    }

    static func stateName(_ state: Binakarier_Programs_V1_SessionState) -> LocalizedText {
        switch state {
        case .draft: .init(id: "draf", en: "a draft")
        case .open: .init(id: "dibuka", en: "open")
        case .running: .init(id: "berjalan", en: "running")
        case .completed: .init(id: "selesai", en: "completed")
        case .cancelled: .init(id: "dibatalkan", en: "cancelled")
        default: .init(id: "tidak dikenal", en: "unknown")
        }
    }

    static func transitionName(_ transition: Binakarier_Programs_V1_SessionTransition) -> LocalizedText {
        switch transition {
        case .open: .init(id: "dibuka", en: "opened")
        case .start: .init(id: "dimulai", en: "started")
        case .complete: .init(id: "diselesaikan", en: "completed")
        case .cancel: .init(id: "dibatalkan", en: "cancelled")
        default: .init(id: "diubah", en: "changed")
        }
    }

    // MARK: enrolment

    /// What an enrolment call asks for.
    public struct EnrolmentRequest: Sendable {
        public var sessionID: String
        public var nip: String
        public var agencyCode: String
        public var source: Binakarier_Programs_V1_EnrolmentSource
        public var by: String
        /// Recorded when someone outside the audience is enrolled anyway.
        public var override: String = ""
        /// Only a request: wait for its approval chain, from `stage` (SUPERVISOR or BKPSDM).
        public var awaitApproval = false
        public var stage: Binakarier_Programs_V1_ApprovalStage = .unspecified
        /// The supervisor who decides the first step; empty when the agency head does.
        public var approverNIP = ""
        public var stepDue: Int64 = 0
    }

    /// Enrols (or waitlists, or records a request for) each person, in one transaction; a refusal of
    /// one (already enrolled) does not stop the others. The seats are counted inside the transaction, so
    /// concurrent enrolments never exceed the capacity and the waitlist keeps the order in which they
    /// reached the database.
    public func enrol(_ requests: [EnrolmentRequest]) async throws -> [Result<Enrolment, ProgramsError>] {
        guard let sessionID = requests.first?.sessionID else { return [] }
        let time = now()
        return try await write { db in
            guard let session = try Self.session(db, id: sessionID) else { throw ProgramsError.noSession(sessionID) }
            guard session.state == .open else {
                throw ProgramsError.failedPrecondition(.init(
                    id: "angkatan \(session.id) tidak menerima pendaftaran (status \(Self.stateName(session.state).indonesian))",
                    en: "session \(session.id) is not taking enrolments (it is \(Self.stateName(session.state).english))"))
            }
            var taken = try Int.fetchOne(db.cachedStatement(sql: "SELECT COUNT(*) FROM enrolment WHERE session_id = ? AND state = 2"), arguments: [session.id]) ?? 0
            var results: [Result<Enrolment, ProgramsError>] = []
            for request in requests {
                if let existing = try Self.enrolment(db, sessionID: session.id, nip: request.nip),
                    [.requested, .enrolled, .waitlisted].contains(existing.state)
                {
                    results.append(.failure(.alreadyExists(.init(
                        id: "\(request.nip) sudah \(Self.enrolmentStateName(existing.state).indonesian) di angkatan \(session.id)",
                        en: "\(request.nip) is already \(Self.enrolmentStateName(existing.state).english) in session \(session.id)"))))
                    continue
                }
                let state: Binakarier_Programs_V1_EnrolmentState = request.awaitApproval ? .requested : taken < Int(session.capacity) ? .enrolled : .waitlisted
                if state == .enrolled { taken += 1 }
                let queue = state == .waitlisted ? try Self.nextQueue(db, session.id) : 0
                try db.run(
                    sql: """
                        INSERT INTO enrolment (session_id, nip, state, source, requested_by, queue, eligibility_override, override_by,
                            program_code, agency_code, create_time, update_time, approval_stage, approver_nip, step_due_time)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (session_id, nip) DO UPDATE SET state = excluded.state, source = excluded.source,
                            requested_by = excluded.requested_by, queue = excluded.queue,
                            eligibility_override = excluded.eligibility_override, override_by = excluded.override_by,
                            agency_code = excluded.agency_code, cancel_reason = '', completion = 1, update_time = excluded.update_time,
                            approval_stage = excluded.approval_stage, approver_nip = excluded.approver_nip,
                            step_due_time = excluded.step_due_time, supervisor_approved_by = '', supervisor_approve_time = 0,
                            supervisor_note = '', reminder_time = 0, rejected_by = ''
                        """,
                    arguments: [session.id, request.nip, state.rawValue, request.source.rawValue, request.by, queue, request.override,
                                request.override.isEmpty ? "" : request.by, session.programCode, request.agencyCode, time, time,
                                request.awaitApproval ? request.stage.rawValue : 0, request.approverNIP, request.awaitApproval ? request.stepDue : 0])
                if state == .enrolled { try self.assignDutyLetter(db, sessionID: session.id, nip: request.nip, time: time) }
                guard let enrolment = try Self.enrolment(db, sessionID: session.id, nip: request.nip) else { continue }
                try Self.publish(db, ChangeKind.enrolment, key: "\(session.id)/\(request.nip)", enrolment, time: time)
                results.append(.success(enrolment))
            }
            return results
        }
    }

    static func nextQueue(_ db: Database, _ sessionID: String) throws -> Int64 {
        (try Int64.fetchOne(db.cachedStatement(sql: "SELECT COALESCE(MAX(queue), 0) + 1 FROM enrolment WHERE session_id = ?"), arguments: [sessionID])) ?? 1
    }

    /// One step of a request's approval chain. `stage` is the step the request was at when the caller's
    /// right was checked: if it moved on meanwhile, nothing changes. `step` is the caller's: BKPSDM may
    /// decide a request still at the supervisor step, and its approval confirms at once. Approving the supervisor step hands
    /// the request to BKPSDM with a new time limit; approving BKPSDM's seats the person (or waitlists
    /// them when full) and numbers their duty letter; refusing ends the request with the reason.
    public func decide(
        sessionID: String, nip: String, expected stage: Binakarier_Programs_V1_ApprovalStage, step: Binakarier_Programs_V1_ApprovalStage,
        approve: Bool, reason: String, by subject: String
    ) async throws -> Enrolment {
        let time = now()
        return try await write { db in
            guard let session = try Self.session(db, id: sessionID) else { throw ProgramsError.noSession(sessionID) }
            guard let existing = try Self.enrolment(db, sessionID: sessionID, nip: nip), existing.state == .requested else {
                throw ProgramsError.failedPrecondition(.init(
                    id: "tidak ada permintaan pendaftaran \(nip) yang menunggu di angkatan \(sessionID)",
                    en: "no pending enrolment request of \(nip) in session \(sessionID)"))
            }
            guard Self.pendingStage(existing) == Self.pendingStage(stage) else {
                throw ProgramsError.failedPrecondition(.init(
                    id: "permintaan \(nip) sudah berpindah tahap; muat ulang", en: "the request of \(nip) has moved to another step; reload"))
            }
            if approve {
                guard session.state == .open else {
                    throw ProgramsError.failedPrecondition(.init(id: "angkatan \(sessionID) tidak menerima pendaftaran", en: "session \(sessionID) is not taking enrolments"))
                }
            }
            if approve, step == .supervisor {
                try db.run(
                    sql: """
                        UPDATE enrolment SET approval_stage = 2, supervisor_approved_by = ?, supervisor_approve_time = ?, supervisor_note = ?,
                            step_due_time = ?, reminder_time = 0, update_time = ? WHERE session_id = ? AND nip = ?
                        """,
                    arguments: [subject, time, reason, ProgramRules.due(after: time, workingDays: self.settings.bkpsdmApprovalDays), time, sessionID, nip])
            } else if approve {
                let full = Int(session.enrolledCount) >= Int(session.capacity)
                try db.run(
                    sql: "UPDATE enrolment SET state = ?, queue = ?, approval_stage = 3, update_time = ? WHERE session_id = ? AND nip = ?",
                    arguments: [full ? 3 : 2, full ? try Self.nextQueue(db, sessionID) : 0, time, sessionID, nip])
                if !full { try self.assignDutyLetter(db, sessionID: sessionID, nip: nip, time: time) }
            } else {
                try db.run(
                    sql: "UPDATE enrolment SET state = 5, approval_stage = 3, cancel_reason = ?, rejected_by = ?, update_time = ? WHERE session_id = ? AND nip = ?",
                    arguments: [reason, subject, time, sessionID, nip])
            }
            guard let enrolment = try Self.enrolment(db, sessionID: sessionID, nip: nip) else { throw ProgramsError.notEnrolled(nip, sessionID) }
            try Self.publish(db, ChangeKind.enrolment, key: "\(sessionID)/\(nip)", enrolment, time: time)
            return enrolment
        }
    }

    /// The step a pending request waits at; requests from before the chain wait for BKPSDM.
    static func pendingStage(_ enrolment: Enrolment) -> Binakarier_Programs_V1_ApprovalStage {
        pendingStage(enrolment.approvalStage)
    }

    static func pendingStage(_ stage: Binakarier_Programs_V1_ApprovalStage) -> Binakarier_Programs_V1_ApprovalStage {
        stage == .supervisor ? .supervisor : .bkpsdm
    }

    /// Numbers the duty letter (surat tugas) of a confirmed participant, once: sequential per year.
    func assignDutyLetter(_ db: Database, sessionID: String, nip: String, time: Int64) throws {
        let current = try String.fetchOne(
            db.cachedStatement(sql: "SELECT duty_letter_number FROM enrolment WHERE session_id = ? AND nip = ?"), arguments: [sessionID, nip])
        guard let current, current.isEmpty else { return }
        let year = CalendarDate(wib: time).year
        let sequence = (try Int.fetchOne(db.cachedStatement(sql: "SELECT last FROM duty_letter_counter WHERE year = ?"), arguments: [year]) ?? 0) + 1
        try db.run(
            sql: "INSERT INTO duty_letter_counter (year, last) VALUES (?, ?) ON CONFLICT (year) DO UPDATE SET last = excluded.last",
            arguments: [year, sequence])
        try db.run(
            sql: "UPDATE enrolment SET duty_letter_number = ?, duty_letter_time = ? WHERE session_id = ? AND nip = ?",
            arguments: [ProgramRules.certificateNumber(format: settings.dutyLetterFormat, year: year, sequence: sequence), time, sessionID, nip])
    }

    /// Requests whose current step has passed its time limit and has had no reminder: marks the reminder
    /// sent and announces each (`enrolment.reminder`). Returns them.
    public func remindOverdueApprovals() async throws -> [Enrolment] {
        let time = now()
        return try await write { db in
            let keys = try Row.fetchAll(
                db, sql: """
                    SELECT session_id, nip FROM enrolment WHERE state = 1 AND approval_stage IN (1, 2)
                        AND step_due_time > 0 AND step_due_time <= ? AND reminder_time = 0 LIMIT 1000
                    """, arguments: [time])
            var reminded: [Enrolment] = []
            for key in keys {
                let sessionID: String = key["session_id"], nip: String = key["nip"]
                try db.run(sql: "UPDATE enrolment SET reminder_time = ? WHERE session_id = ? AND nip = ?", arguments: [time, sessionID, nip])
                guard let enrolment = try Self.enrolment(db, sessionID: sessionID, nip: nip) else { continue }
                try Self.publish(db, ChangeKind.approvalReminder, key: "\(sessionID)/\(nip)", enrolment, time: time)
                reminded.append(enrolment)
            }
            return reminded
        }
    }

    /// Pending requests, oldest first: at the supervisor step those `approverNIP` decides, or all of
    /// `agencyCode` (its head); with `everyone` (organisers) also BKPSDM's step and overdue supervisor steps.
    public func pendingApprovals(
        approverNIP: String, agencyCode: String, everyone: Bool, now: Int64, offset: Int, limit: Int
    ) async throws -> [Enrolment] {
        try await db.read { db in
            var sql = Self.enrolmentSelect + " WHERE e.state = 1"
            var arguments: StatementArguments = []
            if everyone {
                // BKPSDM's step, and supervisor steps past their limit (BKPSDM may take those over).
                sql += " AND (e.approval_stage <> 1 OR (e.step_due_time > 0 AND e.step_due_time <= ?) OR e.approver_nip = ? OR e.agency_code = ?)"
                arguments += [now, approverNIP.isEmpty ? "-" : approverNIP, agencyCode.isEmpty ? "-" : agencyCode]
            } else {
                sql += " AND e.approval_stage = 1 AND (e.approver_nip = ? OR e.agency_code = ?)"
                arguments += [approverNIP.isEmpty ? "-" : approverNIP, agencyCode.isEmpty ? "-" : agencyCode]
            }
            sql += " ORDER BY e.create_time, e.session_id, e.nip LIMIT ? OFFSET ?"
            arguments += [limit, offset]
            return try Row.fetchAll(db, sql: sql, arguments: arguments).map(Self.enrolment)
        }
    }

    /// Cancels an enrolment (or a place on the waitlist, or a request) and gives a freed seat to the
    /// first on the waitlist.
    public func cancel(sessionID: String, nip: String, reason: String) async throws -> Enrolment {
        let time = now()
        return try await write { db in
            guard let session = try Self.session(db, id: sessionID) else { throw ProgramsError.noSession(sessionID) }
            guard session.state != .completed, session.state != .cancelled else {
                throw ProgramsError.failedPrecondition(.init(id: "angkatan \(sessionID) sudah berakhir", en: "session \(sessionID) has ended"))
            }
            guard let existing = try Self.enrolment(db, sessionID: sessionID, nip: nip),
                [.requested, .enrolled, .waitlisted].contains(existing.state)
            else { throw ProgramsError.notEnrolled(nip, sessionID) }
            try self.setState(db, sessionID: sessionID, nip: nip, state: .cancelled, reason: reason, time: time)
            if existing.state == .enrolled {
                try self.promote(db, sessionID: sessionID, capacity: session.capacity, time: time)
            }
            guard let enrolment = try Self.enrolment(db, sessionID: sessionID, nip: nip) else { throw ProgramsError.notEnrolled(nip, sessionID) }
            return enrolment
        }
    }

    /// Seats people from the waitlist, first come first served, while there are free seats.
    func promote(_ db: Database, sessionID: String, capacity: Int32, time: Int64) throws {
        let taken = try Int.fetchOne(db.cachedStatement(sql: "SELECT COUNT(*) FROM enrolment WHERE session_id = ? AND state = 2"), arguments: [sessionID]) ?? 0
        let free = Int(capacity) - taken
        guard free > 0 else { return }
        let next = try String.fetchAll(
            db, sql: "SELECT nip FROM enrolment WHERE session_id = ? AND state = 3 ORDER BY queue LIMIT ?", arguments: [sessionID, free])
        for nip in next {
            try setState(db, sessionID: sessionID, nip: nip, state: .enrolled, reason: "", time: time)
        }
    }

    func setState(_ db: Database, sessionID: String, nip: String, state: Binakarier_Programs_V1_EnrolmentState, reason: String, time: Int64) throws {
        try db.run(
            sql: "UPDATE enrolment SET state = ?, queue = CASE WHEN ? = 3 THEN queue ELSE 0 END, cancel_reason = ?, update_time = ? WHERE session_id = ? AND nip = ?",
            arguments: [state.rawValue, state.rawValue, reason, time, sessionID, nip])
        if state == .enrolled { try assignDutyLetter(db, sessionID: sessionID, nip: nip, time: time) }
        if let enrolment = try Self.enrolment(db, sessionID: sessionID, nip: nip) {
            try Self.publish(db, ChangeKind.enrolment, key: "\(sessionID)/\(nip)", enrolment, time: time)
        }
    }

    static func enrolmentStateName(_ state: Binakarier_Programs_V1_EnrolmentState) -> LocalizedText {
        switch state {
        case .requested: .init(id: "meminta", en: "requested")
        case .enrolled: .init(id: "terdaftar", en: "enrolled")
        case .waitlisted: .init(id: "di daftar tunggu", en: "waitlisted")
        case .cancelled: .init(id: "dibatalkan", en: "cancelled")
        case .rejected: .init(id: "ditolak", en: "rejected")
        default: .init(id: "tidak dikenal", en: "unknown")
        }
    }

    static let enrolmentSelect = """
        SELECT e.*, CASE WHEN e.state = 3
            THEN (SELECT COUNT(*) FROM enrolment w WHERE w.session_id = e.session_id AND w.state = 3 AND w.queue <= e.queue)
            ELSE 0 END AS position
        FROM enrolment e
        """

    static func enrolment(_ row: Row) -> Enrolment {
        let pre: Double = row["pre_test"], post: Double = row["post_test"]
        return Enrolment(
            sessionId: row["session_id"], nip: row["nip"], state: .init(rawValue: row["state"]) ?? .unspecified,
            source: .init(rawValue: row["source"]) ?? .unspecified, requestedBy: row["requested_by"], waitlistPosition: row["position"],
            eligibilityOverride: row["eligibility_override"], overrideBy: row["override_by"],
            completion: .init(rawValue: row["completion"]) ?? .unspecified, attendancePercent: row["attendance_percent"],
            preTestScore: pre, postTestScore: post, certificateNumber: row["certificate_number"], programCode: row["program_code"],
            agencyCode: row["agency_code"], cancelReason: row["cancel_reason"], createTimeUnix: row["create_time"], updateTimeUnix: row["update_time"],
            approvalStage: .init(rawValue: row["approval_stage"]) ?? .unspecified, approverNip: row["approver_nip"],
            supervisorApprovedBy: row["supervisor_approved_by"], supervisorApproveTimeUnix: row["supervisor_approve_time"],
            supervisorNote: row["supervisor_note"], stepDueTimeUnix: row["step_due_time"], reminderTimeUnix: row["reminder_time"],
            rejectedBy: row["rejected_by"], dutyLetterNumber: row["duty_letter_number"], dutyLetterTimeUnix: row["duty_letter_time"])
    }

    static func enrolment(_ db: Database, sessionID: String, nip: String) throws -> Enrolment? {
        try Row.fetchOne(db.cachedStatement(sql: enrolmentSelect + " WHERE e.session_id = ? AND e.nip = ?"), arguments: [sessionID, nip]).map(enrolment)
    }

    public func enrolment(sessionID: String, nip: String) async throws -> Enrolment? {
        try await db.read { db in try Self.enrolment(db, sessionID: sessionID, nip: nip) }
    }

    /// A session's enrolments (ordered by NIP) or a person's (by session), after a page key.
    public func enrolments(sessionID: String, nip: String, state: Binakarier_Programs_V1_EnrolmentState, after: String?, limit: Int) async throws -> [Enrolment] {
        try await db.read { db in
            var sql = Self.enrolmentSelect
            var arguments: StatementArguments
            if !sessionID.isEmpty {
                sql += " WHERE e.session_id = ? AND e.nip > ?"
                arguments = [sessionID, after ?? ""]
            } else {
                sql += " WHERE e.nip = ? AND e.session_id > ?"
                arguments = [nip, after ?? ""]
            }
            if state != .unspecified { sql += " AND e.state = ?"; arguments += [state.rawValue] }
            sql += sessionID.isEmpty ? " ORDER BY e.session_id LIMIT ?" : " ORDER BY e.nip LIMIT ?"
            arguments += [limit]
            return try Row.fetchAll(db, sql: sql, arguments: arguments).map(Self.enrolment)
        }
    }

    // MARK: attendance

    /// The outcome of an attendance write: saved, or the records refused (by index) and nothing saved.
    public enum AttendanceOutcome: Sendable {
        case saved(Int)
        case refused([(index: Int, reason: LocalizedText)])
    }

    /// Saves attendance, all records or none. Each record must be for someone enrolled and one of the
    /// session's days; the session must be running (or completed, to correct it: completion follows).
    public func markAttendance(sessionID: String, records: [AttendanceRecord], by subject: String, dryRun: Bool = false) async throws -> AttendanceOutcome {
        let time = now()
        return try await write { db in
            guard let session = try Self.session(db, id: sessionID) else { throw ProgramsError.noSession(sessionID) }
            guard session.state == .running || session.state == .completed else {
                throw ProgramsError.failedPrecondition(.init(
                    id: "kehadiran hanya dicatat untuk angkatan yang berjalan atau selesai (\(sessionID): \(Self.stateName(session.state).indonesian))",
                    en: "attendance is kept only for running or completed sessions (\(sessionID) is \(Self.stateName(session.state).english))"))
            }
            let days = Set(session.days.map(\.date))
            let enrolled = Set(try String.fetchAll(db.cachedStatement(sql: "SELECT nip FROM enrolment WHERE session_id = ? AND state = 2"), arguments: [sessionID]))
            var refused: [(index: Int, reason: LocalizedText)] = []
            for (index, record) in records.enumerated() {
                if !enrolled.contains(record.nip) {
                    refused.append((index, .init(id: "\(record.nip) tidak terdaftar di angkatan ini", en: "\(record.nip) is not enrolled in this session")))
                } else if !days.contains(record.date) {
                    refused.append((index, .init(id: "\(record.date) bukan hari angkatan ini", en: "\(record.date) is not a day of this session")))
                }
            }
            guard refused.isEmpty else { return .refused(refused) }
            if dryRun { return .saved(0) }
            let statement = try db.cachedStatement(sql: """
                INSERT INTO attendance (session_id, nip, date, status, note, marked_by, update_time) VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (session_id, nip, date) DO UPDATE SET status = excluded.status, note = excluded.note,
                    marked_by = excluded.marked_by, update_time = excluded.update_time
                """)
            for record in records {
                try statement.execute(arguments: [sessionID, record.nip, record.date, record.status.rawValue, record.note, subject, time])
                var published = record
                published.sessionId = sessionID
                published.markedBy = subject
                published.updateTimeUnix = time
                try Self.publish(db, ChangeKind.attendance, key: "\(sessionID)/\(record.nip)", published, time: time)
            }
            try Self.recomputeAttendance(db, sessionID: sessionID, totalJP: session.days.reduce(0) { $0 + Int($1.jp) })
            if session.state == .completed, let program = try Self.program(db, code: session.programCode) {
                for nip in Set(records.map(\.nip)) {
                    try self.settle(db, session: session, program: program, nip: nip, time: time)
                }
            }
            return .saved(records.count)
        }
    }

    /// Each enrolled person's share of the session's JP attended, in one statement.
    static func recomputeAttendance(_ db: Database, sessionID: String, totalJP: Int) throws {
        try db.run(
            sql: """
                UPDATE enrolment SET attendance_percent = (
                    SELECT COALESCE(SUM(d.jp), 0) * 100.0 / ? FROM attendance a
                    JOIN session_day d ON d.session_id = a.session_id AND d.date = a.date
                    WHERE a.session_id = enrolment.session_id AND a.nip = enrolment.nip AND a.status IN (1, 2))
                WHERE session_id = ? AND state = 2
                """,
            arguments: [max(totalJP, 1), sessionID])
    }

    public func attendance(sessionID: String, nip: String) async throws -> [AttendanceRecord] {
        try await db.read { db in
            var sql = "SELECT * FROM attendance WHERE session_id = ?"
            var arguments: StatementArguments = [sessionID]
            if !nip.isEmpty { sql += " AND nip = ?"; arguments += [nip] }
            sql += " ORDER BY nip, date"
            return try Row.fetchAll(db, sql: sql, arguments: arguments).map(Self.attendanceRecord)
        }
    }

    static func attendanceRecord(_ row: Row) -> AttendanceRecord {
        AttendanceRecord(
            sessionId: row["session_id"], nip: row["nip"], date: row["date"], status: .init(rawValue: row["status"]) ?? .unspecified,
            note: row["note"], markedBy: row["marked_by"], updateTimeUnix: row["update_time"])
    }

    // MARK: assessment and completion

    public func recordAssessment(sessionID: String, nip: String, kind: Binakarier_Programs_V1_AssessmentKind, score: Double) async throws -> Enrolment {
        let time = now()
        return try await write { db in
            guard let session = try Self.session(db, id: sessionID) else { throw ProgramsError.noSession(sessionID) }
            guard let existing = try Self.enrolment(db, sessionID: sessionID, nip: nip), existing.state == .enrolled else {
                throw ProgramsError.notEnrolled(nip, sessionID)
            }
            let column = kind == .preTest ? "pre_test" : "post_test"
            try db.run(
                sql: "UPDATE enrolment SET \(column) = ?, update_time = ? WHERE session_id = ? AND nip = ?",
                arguments: [score, time, sessionID, nip])
            if kind == .postTest, session.state == .completed, let program = try Self.program(db, code: session.programCode) {
                try self.settle(db, session: session, program: program, nip: nip, time: time)
            }
            guard let enrolment = try Self.enrolment(db, sessionID: sessionID, nip: nip) else { throw ProgramsError.notEnrolled(nip, sessionID) }
            try Self.publish(db, ChangeKind.assessment, key: "\(sessionID)/\(nip)", enrolment, time: time)
            return enrolment
        }
    }

    /// Decides one participant's completion of a completed session and makes the record follow: a
    /// certificate and the JP when completed, neither when not (revoking what an earlier decision gave).
    func settle(_ db: Database, session: Session, program: Program, nip: String, time: Int64) throws {
        guard let enrolment = try Self.enrolment(db, sessionID: session.id, nip: nip), enrolment.state == .enrolled else { return }
        let state = ProgramRules.completion(
            attendancePercent: enrolment.attendancePercent, postTest: enrolment.postTestScore >= 0 ? enrolment.postTestScore : nil,
            rule: program.completion, settings: settings)
        guard state != enrolment.completion else { return }
        var number = enrolment.certificateNumber
        if state == .completed {
            number = try issueCertificate(db, session: session, program: program, nip: nip, time: time)
            for (year, jp) in ProgramRules.jpByYear(session.days) {
                let days = session.days.filter { $0.date.hasPrefix("\(year)-") }.map(\.date).sorted()
                try db.run(
                    sql: """
                        INSERT OR REPLACE INTO ledger_entry (id, nip, year, source, title, session_id, provider, kind, jp, start_date, end_date,
                            state, reported_by, verified_by, create_time)
                        VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, 2, 'system', 'system', ?)
                        """,
                    arguments: ["S-\(session.id)-\(nip)-\(year)", nip, year, program.title, session.id, program.organizerAgencyCode,
                                program.kind.rawValue, jp, days.first ?? "", days.last ?? "", time])
            }
            for entry in try Self.sessionEntries(db, sessionID: session.id, nip: nip) {
                try Self.publish(db, ChangeKind.ledger, key: nip, entry, time: time)
            }
        } else {
            if !number.isEmpty {
                try db.run(
                    sql: "UPDATE certificate SET revoked = 1, revoke_reason = ? WHERE number = ?",
                    arguments: ["penyelesaian dibatalkan", number])
                if let certificate = try Self.certificate(db, number: number) {
                    try Self.publish(db, ChangeKind.certificateRevoked, key: number, certificate, time: time)
                }
                // The certificate keeps its number (and gets it back if completion is restored); the
                // enrolment no longer shows one.
                number = ""
            }
            // The JP go: consumers see each line once more, rejected, with why.
            for var entry in try Self.sessionEntries(db, sessionID: session.id, nip: nip) {
                entry.state = .rejected
                entry.rejectReason = "penyelesaian dibatalkan"
                try Self.publish(db, ChangeKind.ledger, key: nip, entry, time: time)
            }
            try db.run(sql: "DELETE FROM ledger_entry WHERE source = 1 AND session_id = ? AND nip = ?", arguments: [session.id, nip])
        }
        try db.run(
            sql: "UPDATE enrolment SET completion = ?, certificate_number = ?, update_time = ? WHERE session_id = ? AND nip = ?",
            arguments: [state.rawValue, number, time, session.id, nip])
        if let updated = try Self.enrolment(db, sessionID: session.id, nip: nip) {
            try Self.publish(db, ChangeKind.completion, key: "\(session.id)/\(nip)", updated, time: time)
        }
    }

    static func sessionEntries(_ db: Database, sessionID: String, nip: String) throws -> [LedgerEntry] {
        try Row.fetchAll(
            db.cachedStatement(sql: "SELECT * FROM ledger_entry WHERE source = 1 AND session_id = ? AND nip = ? ORDER BY year"),
            arguments: [sessionID, nip]
        ).map(ledgerEntry)
    }

    /// The participant's certificate for the session: the one issued before (restored if it was
    /// revoked), or a new one with the year's next number.
    func issueCertificate(_ db: Database, session: Session, program: Program, nip: String, time: Int64) throws -> String {
        if let number = try String.fetchOne(db.cachedStatement(sql: "SELECT number FROM certificate WHERE session_id = ? AND nip = ?"), arguments: [session.id, nip]) {
            try db.run(sql: "UPDATE certificate SET revoked = 0, revoke_reason = '' WHERE number = ?", arguments: [number])
            if let certificate = try Self.certificate(db, number: number) {
                try Self.publish(db, ChangeKind.certificateIssued, key: number, certificate, time: time)
            }
            return number
        }
        let issueDate = session.days.map(\.date).max() ?? ""
        let year = Int(issueDate.prefix(4)) ?? CalendarDate(wib: time).year
        let sequence = (try Int.fetchOne(db.cachedStatement(sql: "SELECT last FROM certificate_counter WHERE year = ?"), arguments: [year]) ?? 0) + 1
        try db.run(
            sql: "INSERT INTO certificate_counter (year, last) VALUES (?, ?) ON CONFLICT (year) DO UPDATE SET last = excluded.last",
            arguments: [year, sequence])
        var certificate = Certificate(
            number: ProgramRules.certificateNumber(format: settings.certificateFormat, year: year, sequence: sequence), nip: nip,
            sessionId: session.id, programCode: program.code, programTitle: program.title, jp: program.jp, issueDate: issueDate)
        certificate.verificationCode = Self.codePrefix + Base64URL.encode(certificateKey.signature(for: ProgramRules.signedBytes(of: certificate)))
        try db.run(
            sql: """
                INSERT INTO certificate (number, year, sequence, nip, session_id, program_code, program_title, jp, issue_date, verification_code)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [certificate.number, year, sequence, nip, session.id, program.code, program.title, program.jp, issueDate, certificate.verificationCode])
        try Self.publish(db, ChangeKind.certificateIssued, key: certificate.number, certificate, time: time)
        return certificate.number
    }

    // MARK: certificates

    static func certificate(_ row: Row) -> Certificate {
        Certificate(
            number: row["number"], nip: row["nip"], sessionId: row["session_id"], programCode: row["program_code"],
            programTitle: row["program_title"], jp: row["jp"], issueDate: row["issue_date"], verificationCode: row["verification_code"],
            revoked: row["revoked"], revokeReason: row["revoke_reason"])
    }

    static func certificate(_ db: Database, number: String) throws -> Certificate? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM certificate WHERE number = ?"), arguments: [number]).map(certificate)
    }

    public func certificate(number: String) async throws -> Certificate? {
        try await db.read { db in try Self.certificate(db, number: number) }
    }

    public func certificates(nip: String) async throws -> [Certificate] {
        try await db.read { db in
            try Row.fetchAll(db.cachedStatement(sql: "SELECT * FROM certificate WHERE nip = ? ORDER BY year, sequence"), arguments: [nip]).map(Self.certificate)
        }
    }

    /// Verification codes are versioned ("V1." and the base64url signature): the version can change
    /// without old certificates becoming unreadable, and no code starts with "-" (a command line
    /// would read it as an option).
    static let codePrefix = "V1."

    /// Whether `code` is this daemon's signature of the certificate as stored.
    public func isAuthentic(_ certificate: Certificate, code: String) -> Bool {
        guard code.hasPrefix(Self.codePrefix), let signature = Base64URL.decode(String(code.dropFirst(Self.codePrefix.count))) else { return false }
        var signed = certificate
        signed.verificationCode = ""
        return certificateKey.isValid(signature: signature, for: ProgramRules.signedBytes(of: signed))
    }

    // MARK: the JP ledger

    static func ledgerEntry(_ row: Row) -> LedgerEntry {
        LedgerEntry(
            id: row["id"], nip: row["nip"], year: row["year"], source: .init(rawValue: row["source"]) ?? .unspecified, title: row["title"],
            sessionId: row["session_id"], provider: row["provider"], kind: .init(rawValue: row["kind"]) ?? .unspecified, jp: row["jp"],
            startDate: row["start_date"], endDate: row["end_date"], state: .init(rawValue: row["state"]) ?? .unspecified,
            evidence: row["evidence"], reportedBy: row["reported_by"], verifiedBy: row["verified_by"], rejectReason: row["reject_reason"],
            createTimeUnix: row["create_time"], activityCode: row["activity_code"], units: row["units"],
            conversionVersion: row["conversion_version"], evidenceKinds: (row["evidence_kinds"] as String).split(separator: ",").map(String.init),
            needsValidation: row["needs_validation"], validatedBy: row["validated_by"], validateTimeUnix: row["validate_time"])
    }

    /// A person's ledger lines for a year. Every read here is async: a synchronous GRDB read on the
    /// event loop waits for a reader that an async read (whose task resumes on that same event loop)
    /// holds, and the daemon deadlocks under concurrent calls (seen with 16 at once).
    public func ledgerEntries(nip: String, year: Int32) async throws -> [LedgerEntry] {
        try await db.read { db in
            try Row.fetchAll(db.cachedStatement(sql: "SELECT * FROM ledger_entry WHERE nip = ? AND year = ? ORDER BY start_date, id"), arguments: [nip, year])
                .map(Self.ledgerEntry)
        }
    }

    /// Outside-learning entries one person may have in a year: far more than anyone takes, few enough
    /// that no total can overflow.
    public static let maximumOutsideEntriesPerYear = 100

    /// Stores outside learning, every entry pending; all or none.
    public func addOutsideLearning(_ entries: [LedgerEntry]) async throws -> [LedgerEntry] {
        let time = now()
        return try await write { db in
            var stored: [LedgerEntry] = []
            var added: [String: Int] = [:]
            for var entry in entries {
                let key = "\(entry.nip)/\(entry.year)"
                if added[key] == nil {
                    added[key] = try Int.fetchOne(
                        db.cachedStatement(sql: "SELECT COUNT(*) FROM ledger_entry WHERE nip = ? AND year = ? AND source = 2"),
                        arguments: [entry.nip, entry.year]) ?? 0
                }
                added[key, default: 0] += 1
                guard added[key, default: 0] <= Self.maximumOutsideEntriesPerYear else {
                    throw ProgramsError.resourceExhausted(.init(
                        id: "\(entry.nip) sudah mempunyai \(Self.maximumOutsideEntriesPerYear) catatan pembelajaran di luar untuk \(entry.year)",
                        en: "\(entry.nip) already has \(Self.maximumOutsideEntriesPerYear) outside-learning entries for \(entry.year)"))
                }
                entry.id = UUID().uuidString.lowercased()
                entry.source = .outside
                entry.state = .pending
                entry.createTimeUnix = time
                try db.run(
                    sql: """
                        INSERT INTO ledger_entry (id, nip, year, source, title, provider, kind, jp, start_date, end_date, state, evidence,
                            reported_by, create_time, activity_code, units, conversion_version, evidence_kinds, needs_validation)
                        VALUES (?, ?, ?, 2, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [entry.id, entry.nip, entry.year, entry.title, entry.provider, entry.kind.rawValue, entry.jp, entry.startDate,
                                entry.endDate, entry.evidence, entry.reportedBy, time, entry.activityCode, entry.units, entry.conversionVersion,
                                entry.evidenceKinds.joined(separator: ","), entry.needsValidation])
                try Self.publish(db, ChangeKind.ledger, key: entry.nip, entry, time: time)
                stored.append(entry)
            }
            return stored
        }
    }

    public func outsideLearning(state: Binakarier_Programs_V1_LearningState, nip: String, after: String?, limit: Int) async throws -> [LedgerEntry] {
        try await db.read { db in
            var sql = "SELECT * FROM ledger_entry WHERE source = 2 AND id > ?"
            var arguments: StatementArguments = [after ?? ""]
            if state != .unspecified { sql += " AND state = ?"; arguments += [state.rawValue] }
            if !nip.isEmpty { sql += " AND nip = ?"; arguments += [nip] }
            sql += " ORDER BY id LIMIT ?"
            arguments += [limit]
            return try Row.fetchAll(db, sql: sql, arguments: arguments).map(Self.ledgerEntry)
        }
    }

    /// Verifies or rejects pending outside learning in bulk: all the entries or none.
    public func verifyOutsideLearning(ids: [String], approve: Bool, reason: String, by subject: String, callerNIP: String) async throws -> Int {
        let time = now()
        return try await write { db in
            for id in Set(ids) {
                guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM ledger_entry WHERE id = ? AND source = 2"), arguments: [id]) else {
                    throw ProgramsError.notFound(.init(id: "catatan \(id) tidak ditemukan", en: "entry \(id) not found"))
                }
                guard callerNIP.isEmpty || row["nip"] as String != callerNIP else {
                    throw ProgramsError.permissionDenied(.init(
                        id: "catatan \(id) adalah milik Anda sendiri: minta rekan di BKPSDM memverifikasinya",
                        en: "entry \(id) is your own: ask a BKPSDM colleague to verify it"))
                }
                guard row["state"] as Int == 1 else {
                    throw ProgramsError.failedPrecondition(.init(id: "catatan \(id) sudah diputuskan", en: "entry \(id) was already decided"))
                }
                guard !(row["needs_validation"] as Bool) || !(row["validated_by"] as String).isEmpty else {
                    throw ProgramsError.failedPrecondition(.init(
                        id: "catatan \(id) menunggu validasi atasan langsung sebelum diverifikasi BKPSDM",
                        en: "entry \(id) waits for the supervisor's validation before BKPSDM verifies it"))
                }
                try db.run(
                    sql: "UPDATE ledger_entry SET state = ?, verified_by = ?, reject_reason = ? WHERE id = ?",
                    arguments: [approve ? 2 : 3, subject, approve ? "" : reason, id])
                if let entry = try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM ledger_entry WHERE id = ?"), arguments: [id]).map(Self.ledgerEntry) {
                    try Self.publish(db, ChangeKind.ledger, key: entry.nip, entry, time: time)
                }
            }
            return Set(ids).count
        }
    }

    /// Verified and pending JP per person for a year: one pass over the covering index.
    public func yearTotals(year: Int32) async throws -> [String: (verified: Int64, pending: Int64)] {
        try await db.read { db in
            var totals: [String: (verified: Int64, pending: Int64)] = [:]
            let rows = try Row.fetchCursor(
                db, sql: "SELECT nip, state, SUM(jp) FROM ledger_entry WHERE year = ? AND state IN (1, 2) GROUP BY nip, state", arguments: [year])
            while let row = try rows.next() {
                let nip: String = row[0], state: Int = row[1], jp: Int64 = row[2]
                if state == 2 { totals[nip, default: (0, 0)].verified += jp } else { totals[nip, default: (0, 0)].pending += jp }
            }
            return totals
        }
    }

    // MARK: development needs

    public func proposeNeed(_ need: DevelopmentNeed) async throws -> DevelopmentNeed {
        var need = need
        need.id = UUID().uuidString.lowercased()
        need.createTimeUnix = now()
        let stored = need
        try await write { db in
            guard try Self.competencyExists(db, stored.competencyCode) else {
                throw ProgramsError.notFound(.init(id: "kompetensi \(stored.competencyCode) tidak ada di kamus", en: "competency \(stored.competencyCode) is not in the dictionary"))
            }
            try db.run(
                sql: """
                    INSERT INTO need (id, nip, competency_code, priority, reason, proposed_by, agency_code, year, program_code, create_time)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, '', ?)
                    """,
                arguments: [stored.id, stored.nip, stored.competencyCode, stored.priority.rawValue, stored.reason, stored.proposedBy,
                            stored.agencyCode, stored.year, stored.createTimeUnix])
        }
        return stored
    }

    static func need(_ row: Row) -> DevelopmentNeed {
        DevelopmentNeed(
            id: row["id"], nip: row["nip"], competencyCode: row["competency_code"], priority: .init(rawValue: row["priority"]) ?? .unspecified,
            reason: row["reason"], proposedBy: row["proposed_by"], agencyCode: row["agency_code"], year: row["year"],
            programCode: row["program_code"], createTimeUnix: row["create_time"])
    }

    public func needs(agencyCode: String, competencyCode: String, openOnly: Bool, year: Int32, after: String?, limit: Int) async throws -> [DevelopmentNeed] {
        try await db.read { db in
            var sql = "SELECT * FROM need WHERE id > ?"
            var arguments: StatementArguments = [after ?? ""]
            if !agencyCode.isEmpty { sql += " AND agency_code = ?"; arguments += [agencyCode] }
            if !competencyCode.isEmpty { sql += " AND competency_code = ?"; arguments += [competencyCode] }
            if openOnly { sql += " AND program_code = ''" }
            if year > 0 { sql += " AND year = ?"; arguments += [year] }
            sql += " ORDER BY id LIMIT ?"
            arguments += [limit]
            return try Row.fetchAll(db, sql: sql, arguments: arguments).map(Self.need)
        }
    }

    public func needDemand(year: Int32) async throws -> [Binakarier_Programs_V1_NeedDemand] {
        try await db.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT competency_code, agency_code,
                        SUM(priority = 1), SUM(priority = 2), SUM(priority = 3), SUM(program_code = ''),
                        GROUP_CONCAT(DISTINCT NULLIF(program_code, ''))
                    FROM need WHERE year = ? GROUP BY competency_code, agency_code
                    ORDER BY SUM(priority = 1) DESC, COUNT(*) DESC, competency_code, agency_code
                    """,
                arguments: [year]
            ).map { row in
                Binakarier_Programs_V1_NeedDemand(
                    competencyCode: row[0], agencyCode: row[1], high: row[2], medium: row[3], low: row[4], open: row[5],
                    programCodes: (row[6] as String?)?.split(separator: ",").map(String.init).sorted() ?? [])
            }
        }
    }

    public func linkNeed(id: String, programCode: String) async throws -> DevelopmentNeed {
        try await write { db in
            guard try Self.program(db, code: programCode) != nil else { throw ProgramsError.noProgram(programCode) }
            try db.run(sql: "UPDATE need SET program_code = ? WHERE id = ?", arguments: [programCode, id])
            guard db.changesCount == 1, let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM need WHERE id = ?"), arguments: [id]) else {
                throw ProgramsError.notFound(.init(id: "usulan \(id) tidak ditemukan", en: "need \(id) not found"))
            }
            return Self.need(row)
        }
    }

    // MARK: the change feed

    public func changes(after sequence: Int64, limit: Int) async throws -> FeedPage {
        try await Outbox.changes(db, after: sequence, limit: limit)
    }
}
