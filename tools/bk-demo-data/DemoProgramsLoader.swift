import BKProto
import BKRPC
import Foundation
import Identity

typealias ProgramsAPI = Binakarier_Programs_V1_ProgramsService

/// The programs part of `bk-demo-data load`, run after the identity part: the agencies' teknis
/// competencies, the catalogue, every session of 2026 taken as far as its dates allow (opened,
/// enrolled, started, attendance and tests recorded, completed, which credits JP and issues
/// certificates), and learning reported from elsewhere, most of it verified. Logged in as the demo
/// organiser (BKPSDM).
///
/// Running it again changes nothing: competencies and programs that exist are left alone, sessions
/// are matched by program and first day and only moved on if an earlier run stopped half-way, and
/// outside learning is matched by NIP, title and start date.
struct DemoProgramsLoader {
    typealias Session = Binakarier_Programs_V1_Session

    /// What this run did, for the summary line.
    struct Tally {
        var competencies = 0
        var programs = 0
        var sessionsCreated = 0
        var opened = 0
        var completed = 0
        var enrolled = 0
        var refused = 0
        var attendance = 0
        var assessments = 0
        /// Participants of the sessions completed now whose attendance and score the plan made complete.
        var plannedCompletions = 0
        var outsideReported = 0
        var outsideVerified = 0

        var changedAnything: Bool {
            competencies + programs + sessionsCreated + opened + completed + enrolled + attendance + assessments
                + outsideReported + outsideVerified > 0
        }
    }

    let client: ProgramsAPI.Client
    let plan: DemoProgramsPlan
    var tally = Tally()
    /// Programs that exist with another JP than the catalogue's: their sessions are left alone.
    var skipped: Set<String> = []
    var warnings = 0

    /// Loads the demo year into the bk-programsd of `socketDirectory`, logged in as the demo organiser
    /// through `identity`; says so and returns when that daemon's socket is not there.
    static func load(city: DemoCity, socketDirectory: String, identity: RPCClient) async throws {
        let path = DaemonName.programs.socketPath(in: socketDirectory)
        guard FileManager.default.fileExists(atPath: path) else {
            note("bk-demo-data: \(path) tidak ada (bk-programsd tidak berjalan); program pengembangan \(DemoPrograms.year) dilewati.")
            return
        }
        let login = try await API.Client(identity).login(.init(
            username: DemoData.organizer.username, password: DemoData.organizer.password))
        let rpc = RPCClient(socketPath: path, defaultTimeout: .seconds(120))
        defer { Task { await rpc.close() } }
        var loader = DemoProgramsLoader(
            client: ProgramsAPI.Client(rpc, metadata: .bearer(login.token)), plan: DemoProgramsPlan(city: city))
        try await loader.run()
    }

    mutating func run() async throws {
        try await createCompetencies()
        try await createPrograms()
        try await runSessions()
        try await reportOutsideLearning()
        await summarize()
        // Dinas Kesehatan's SIASN export (DemoSiasn), for the reconciliation.
        try await loadSiasnExport()
    }

    // MARK: the catalogue

    mutating func createCompetencies() async throws {
        let client = self.client
        for competency in DemoPrograms.teknis {
            if try await Self.ignoring(.alreadyExists, { _ = try await client.createCompetency(.init(competency: competency)) }) {
                tally.competencies += 1
            }
        }
    }

    mutating func createPrograms() async throws {
        let client = self.client
        var existing: [String: Binakarier_Programs_V1_Program] = [:]
        var token = ""
        repeat {
            let page = try await client.listPrograms(.init(pageSize: 1000, pageToken: token))
            for program in page.programs { existing[program.code] = program }
            token = page.nextPageToken
        } while !token.isEmpty
        for spec in DemoPrograms.catalogue {
            if let program = existing[spec.code] {
                if program.jp != Int32(spec.jp) {
                    skipped.insert(spec.code)
                    warn("program \(spec.code) sudah ada dengan \(program.jp) JP (katalog demo: \(spec.jp) JP); angkatannya dilewati")
                }
                continue
            }
            let program = spec.program
            if try await Self.ignoring(.alreadyExists, { _ = try await client.createProgram(.init(program: program)) }) {
                tally.programs += 1
            }
        }
    }

    // MARK: sessions

    /// Creates the year's sessions in date order (so batch numbers follow the dates) and takes each as
    /// far as the plan says.
    mutating func runSessions() async throws {
        let client = self.client
        var existing: [String: Session] = [:]
        var token = ""
        repeat {
            let page = try await client.listSessions(.init(pageSize: 1000, pageToken: token, year: Int32(DemoPrograms.year)))
            for session in page.sessions {
                if let first = session.days.map({ $0.date }).min() { existing[Self.key(session.programCode, first)] = session }
            }
            token = page.nextPageToken
        } while !token.isEmpty
        for planned in plan.sessions where !skipped.contains(planned.spec.code) {
            var session: Session
            if let found = existing[Self.key(planned.spec.code, planned.firstDate)] {
                session = found
            } else {
                session = try await client.createSession(.init(session: planned.session))
                tally.sessionsCreated += 1
            }
            try await advance(&session, planned)
        }
    }

    static func key(_ programCode: String, _ firstDate: String) -> String { "\(programCode)|\(firstDate)" }

    /// Moves `session` on from wherever it is towards the plan's end state: draft stays draft; an open
    /// one gets its enrolments; a completed one is opened, filled, started, its attendance (one call)
    /// and tests recorded, and completed.
    mutating func advance(_ session: inout Session, _ planned: DemoProgramsPlan.PlannedSession) async throws {
        let client = self.client
        let id = session.id
        guard planned.fate != .draft else { return }
        if session.state == .draft {
            session = try await client.transitionSession(.init(id: id, transition: .`open`))
            tally.opened += 1
        }
        var enrolled: [String]?
        if session.state == .`open` {
            let nips = planned.participants.map { $0.nip }
            guard planned.fate == .complete else {
                if session.enrolledCount == 0 { _ = try await enrol(id, nips) }
                return
            }
            enrolled = try await enrol(id, nips)
            session = try await client.transitionSession(.init(id: id, transition: .start))
        }
        guard session.state == .running, planned.fate == .complete else { return }

        var seated = Set(enrolled ?? [])
        if enrolled == nil {
            let listed = try await enrolledNIPs(id)
            seated = Set(listed)
        }
        let participants = planned.participants.filter { seated.contains($0.nip) }
        // Anyone seated whom the plan does not know (enrolled by hand between two runs) came every day.
        let others = seated.subtracting(planned.participants.map { $0.nip }).sorted()
        var records: [Binakarier_Programs_V1_AttendanceRecord] = []
        records.reserveCapacity(seated.count * session.days.count)
        for participant in participants {
            for (index, day) in session.days.enumerated() {
                let status = index < participant.attendance.count ? participant.attendance[index] : .hadir
                let note = index < participant.notes.count ? participant.notes[index] : ""
                records.append(.init(sessionId: id, nip: participant.nip, date: day.date, status: status, note: note))
            }
        }
        for nip in others {
            for day in session.days { records.append(.init(sessionId: id, nip: nip, date: day.date, status: .hadir)) }
        }
        if !records.isEmpty {
            _ = try await client.markAttendance(.init(sessionId: id, records: records))
            tally.attendance += records.count
        }

        var assessments: [Binakarier_Programs_V1_RecordAssessmentRequest] = []
        for participant in participants {
            if let score = participant.preTest { assessments.append(.init(sessionId: id, nip: participant.nip, kind: .preTest, score: score)) }
            if let score = participant.postTest { assessments.append(.init(sessionId: id, nip: participant.nip, kind: .postTest, score: score)) }
        }
        _ = try await Self.concurrentMap(assessments) { request in _ = try await client.recordAssessment(request) }
        tally.assessments += assessments.count

        session = try await client.transitionSession(.init(id: id, transition: .complete))
        tally.completed += 1
        tally.plannedCompletions += participants.filter { $0.completes }.count
    }

    /// Enrols `nips` in one call and returns those seated. Refusals are counted (the first few shown);
    /// when some were enrolled by an earlier run, the session's list is asked for.
    mutating func enrol(_ id: String, _ nips: [String]) async throws -> [String] {
        guard !nips.isEmpty else { return [] }
        let response = try await client.enrol(.init(sessionId: id, nips: nips))
        var enrolled: [String] = []
        var earlier = false
        for result in response.results {
            if result.code == RPCStatusCode.alreadyExists.rawValue {
                earlier = true
            } else if let enrolment = result.enrolment, enrolment.state == .enrolled {
                enrolled.append(enrolment.nip)
                tally.enrolled += 1
            } else {
                tally.refused += 1
                let why = result.error.isEmpty ? (result.enrolment?.state.protoName ?? "tanpa keterangan") : result.error
                warn("\(id): \(result.nip) tidak didaftarkan: \(why)")
            }
        }
        if earlier { return try await enrolledNIPs(id) }
        return enrolled
    }

    func enrolledNIPs(_ id: String) async throws -> [String] {
        var nips: [String] = []
        var token = ""
        repeat {
            let page = try await client.listEnrolments(.init(pageSize: 1000, pageToken: token, sessionId: id, state: .enrolled))
            nips += page.enrolments.map { $0.nip }
            token = page.nextPageToken
        } while !token.isEmpty
        return nips
    }

    // MARK: learning elsewhere

    mutating func reportOutsideLearning() async throws {
        let client = self.client
        var existing: [String: Binakarier_Programs_V1_LedgerEntry] = [:]
        var token = ""
        repeat {
            let page = try await client.listOutsideLearning(.init(pageSize: 1000, pageToken: token))
            for entry in page.entries {
                existing[DemoProgramsPlan.key(nip: entry.nip, title: entry.title, startDate: entry.startDate)] = entry
            }
            token = page.nextPageToken
        } while !token.isEmpty

        let missing = plan.outside.filter { existing[$0.key] == nil }
        let reported = try await Self.concurrentMap(missing) { (outside: DemoProgramsPlan.Outside) async throws -> (id: String, verify: Bool) in
            let entry = try await client.reportOutsideLearning(.init(learning: outside.learning))
            return (id: entry.id, verify: outside.verify)
        }
        tally.outsideReported += reported.count

        var verify = reported.filter { $0.verify }.map { $0.id }
        for outside in plan.outside where outside.verify {
            if let entry = existing[outside.key], entry.state == .pending { verify.append(entry.id) }
        }
        for start in stride(from: 0, to: verify.count, by: 1000) {
            let ids = Array(verify[start..<min(start + 1000, verify.count)])
            let response = try await client.verifyOutsideLearning(.init(entryIds: ids, approve: true))
            tally.outsideVerified += Int(response.entriesChanged)
        }
    }

    // MARK: the summary

    func summarize() async {
        let compliance = try? await client.getCompliance(.init(year: Int32(DemoPrograms.year), belowTargetLimit: 1))
        let share: String
        if let total = compliance?.total {
            let percent = String(format: "%.1f", total.pnsPercent).replacingOccurrences(of: ".", with: ",")
            share = "\(total.pnsMeetingTarget) dari \(total.pnsActive) PNS aktif (\(percent) %) mencapai 20 JP"
        } else {
            share = "menurut rencana \(plan.plannedMeetingTarget) dari \(plan.activePNS) PNS aktif mencapai 20 JP"
        }
        let warned = warnings > 0 ? "; \(warnings) peringatan" : ""
        let catalogue = "\(DemoPrograms.catalogue.count) program, \(plan.sessions.count) angkatan"
        if tally.changedAnything {
            Self.note("""
                bk-demo-data: program \(DemoPrograms.year): \(catalogue) (\(tally.programs) program dan \(tally.sessionsCreated) angkatan baru, \
                \(tally.completed) angkatan diselesaikan), \(tally.enrolled) peserta didaftarkan, \(tally.attendance) catatan kehadiran, \
                \(tally.assessments) nilai tes, sekitar \(tally.plannedCompletions) sertifikat, \(tally.outsideReported) pembelajaran di luar \
                dilaporkan (\(tally.outsideVerified) diverifikasi); \(share)\(warned).
                """)
        } else {
            Self.note("bk-demo-data: program \(DemoPrograms.year) sudah dimuat (\(catalogue)), tidak ada yang diubah; \(share)\(warned).")
        }
    }

    // MARK: helpers

    /// Runs `body`; false when it failed with `code`, taken as "already there".
    static func ignoring(_ code: RPCStatusCode, _ body: () async throws -> Void) async throws -> Bool {
        do {
            try await body()
            return true
        } catch let error as RPCError where error.code == code {
            return false
        }
    }

    /// `body` for every item, `width` calls in flight at once on the one connection; results in no
    /// particular order.
    static func concurrentMap<Item: Sendable, Output: Sendable>(
        _ items: [Item], width: Int = 8, _ body: @escaping @Sendable (Item) async throws -> Output
    ) async throws -> [Output] {
        try await withThrowingTaskGroup(of: Output.self) { group in
            var results: [Output] = []
            results.reserveCapacity(items.count)
            var next = 0
            while next < min(width, items.count) {
                let item = items[next]
                group.addTask { try await body(item) }
                next += 1
            }
            while let result = try await group.next() {
                results.append(result)
                if next < items.count {
                    let item = items[next]
                    group.addTask { try await body(item) }
                    next += 1
                }
            }
            return results
        }
    }

    /// The first ten warnings are shown; all are counted in the summary.
    mutating func warn(_ text: String) {
        warnings += 1
        if warnings <= 10 { Self.note("bk-demo-data: peringatan: \(text)") }
    }

    static func note(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
