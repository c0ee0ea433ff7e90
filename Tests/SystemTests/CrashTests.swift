import BKProto
import BKRPC
import BKTestSupport
import Foundation
import Testing

typealias IdentityAPI = Binakarier_Identity_V1_IdentityService
typealias ProgramsAPI = Binakarier_Programs_V1_ProgramsService
typealias FeedbackAPI = Binakarier_Feedback_V1_FeedbackService
typealias ReportingAPI = Binakarier_Reporting_V1_ReportingService

/// Every daemon of the system SIGKILLed 25 times or more while it writes, and started again: nothing an
/// answer acknowledged is lost, and nothing is done twice — no person created twice, no enrolment or
/// certificate number twice, JP counted once, one reaction form per session however often the feed's
/// consumer died, each answer counted once, reporting's replica equal to its sources, web sessions kept.
@Suite("SIGKILL during writes, every daemon", .serialized, .timeLimit(.minutes(60)))
struct CrashTests {
    /// SIGKILLs per daemon: 25 in the suite; tools/soak asks for more through BK_SOAK_KILLS.
    static let kills = max(25, ProcessInfo.processInfo.environment["BK_SOAK_KILLS"].flatMap { Int($0) } ?? 25)
    static let agency = "UJI"
    static let arguments: [DaemonName: [String]] = [
        .programs: ["--revocation-poll-seconds", "0.2", "--certificate-format", "800/UJI/{year}/{seq:5}"],
        .feedback: ["--revocation-poll-seconds", "0.2", "--scheduler-seconds", "0.2"],
        .reporting: ["--revocation-poll-seconds", "0.2", "--sync-seconds", "0.2"],
    ]

    @Test func everyDaemonKilledMidWriteLosesNothingAndDoesNothingTwice() async throws {
        try await Cluster.with(System.daemons, arguments: Self.arguments) { cluster in
            let admin = try await cluster.administratorToken()
            let organizer = try await cluster.token(for: .organizer)
            try await Self.waitForTokens(cluster, organizer)

            // identity: people created by four writers while identity dies.
            let identity = IdentityAPI.Client(cluster.client(.identity), metadata: .bearer(admin))
            let created = Acknowledged()
            let identityKills = try await Self.killRepeatedly(.identity, in: cluster, while: created) { writer, stop in
                var index = 0
                while !(await stop.isSet) {
                    let nip = Self.nip(writer: writer, index: index)
                    index += 1
                    try await Self.untilAcknowledged(created) {
                        _ = try await identity.createEmployee(.init(employee: .init(
                            nip: nip, name: "Peserta \(nip.suffix(4))", asnType: .pns, golongan: .iiiA, agencyCode: Self.agency)))
                    }
                    await created.add(nip)
                }
            }
            #expect(identityKills == Self.kills, "identity killed mid-write \(identityKills) times")
            let people = try await Self.allEmployees(identity)
            var acknowledged = await created.items
            #expect(Set(acknowledged).isSubset(of: Set(people)), "acknowledged people lost: \(Set(acknowledged).subtracting(people).prefix(5))")
            #expect(Set(people).count == people.count)
            // The phases below need 140 people; the kills may have left fewer.
            for index in 0..<max(0, 140 - acknowledged.count) {
                let nip = Self.nip(writer: 4, index: index)
                _ = try await identity.createEmployee(.init(employee: .init(nip: nip, name: "Peserta \(index)", asnType: .pns, golongan: .iiiA, agencyCode: Self.agency)))
                acknowledged.append(nip)
            }

            // programs: 1,200 enrolments into 20 sessions, then attendance changed back and forth, while
            // programs dies mid-write; then completion (certificates) while it dies again.
            let participants = Array(acknowledged.prefix(60))
            let programs = ProgramsAPI.Client(cluster.client(.programs), metadata: .bearer(organizer))
            _ = try await programs.createProgram(.init(program: .init(
                code: "LAT-UJI", title: "Pelatihan Uji", kind: .pelatihan, jp: 8, evaluationLevels: [.reaction])))
            var sessions: [String] = []
            for _ in 0..<20 {
                let session = try await programs.createSession(.init(session: .init(
                    programCode: "LAT-UJI", days: [.init(date: "2026-03-10", jp: 8)], capacity: 100)))
                _ = try await programs.transitionSession(.init(id: session.id, transition: .open))
                sessions.append(session.id)
            }
            let enrolments = Work(sessions.flatMap { session in participants.map { (session, $0) } })
            let enrolled = Acknowledged()
            let startedSessions = sessions
            let programsKills = try await Self.killRepeatedly(.programs, in: cluster, while: enrolled) { writer, stop in
                while let (session, nip) = await enrolments.next() {
                    try await Self.untilAcknowledged(enrolled) {
                        let result = try #require(try await programs.enrol(.init(sessionId: session, nips: [nip])).results.first)
                        guard result.enrolment?.state == .enrolled else { throw RPCError(RPCStatusCode(wireValue: result.code), result.error) }
                    }
                    await enrolled.add("\(session) \(nip)")
                }
                // Then attendance, set and reset (the same marks again are a write each time), until the kills end.
                var round = 0
                while !(await stop.isSet) {
                    round += 1
                    let session = startedSessions[(writer * 5 + round) % startedSessions.count]
                    try await Self.untilAcknowledged(enrolled) {
                        if try await programs.getSession(.init(id: session)).state == .open {
                            _ = try await programs.transitionSession(.init(id: session, transition: .start))
                        }
                        _ = try await programs.markAttendance(.init(sessionId: session, records: participants.map {
                            .init(nip: $0, date: "2026-03-10", status: round % 2 == 0 ? .hadir : .izin)
                        }))
                    }
                }
            }
            #expect(programsKills == Self.kills, "programs killed mid-write \(programsKills) times")
            #expect(await enrolled.items.count == 1200)
            for session in sessions {
                let listed = try await Self.allEnrolments(programs, session: session)
                #expect(listed.sorted() == participants.sorted(), "session \(session): \(listed.count) enrolments")
            }
            let completions = Work(sessions)
            let completed = Acknowledged()
            _ = try await Self.killRepeatedly(.programs, times: 5, in: cluster, while: completed) { _, _ in
                while let session = await completions.next() {
                    try await Self.untilAcknowledged(completed, done: { try await programs.getSession(.init(id: session)).state == .completed }) {
                        if try await programs.getSession(.init(id: session)).state == .open {
                            _ = try await programs.transitionSession(.init(id: session, transition: .start))
                        }
                        _ = try await programs.markAttendance(.init(
                            sessionId: session, records: participants.map { .init(nip: $0, date: "2026-03-10", status: .hadir) }))
                        _ = try await programs.transitionSession(.init(id: session, transition: .complete))
                    }
                    await completed.add(session)
                }
            }
            // feedback, following programs' feed of those 20 completions, dies as it opens their forms.
            _ = try await Self.killRepeatedly(.feedback, times: 5, in: cluster, while: nil) { _, _ in }
            var numbers: [String] = []
            for nip in participants {
                let certificates = try await programs.listCertificates(.init(nip: nip)).certificates
                #expect(certificates.count == 20, "\(nip) has \(certificates.count) certificates")
                numbers += certificates.map(\.number)
                #expect(try await programs.getLedger(.init(nip: nip, year: 2026)).jpVerified == 160, "JP counted once per session")
            }
            let sequences = numbers.compactMap { $0.split(separator: "/").last.flatMap { Int($0) } }.sorted()
            #expect(sequences == Array(1...1200), "certificate numbers are 1…1200 once each")

            // feedback: its scheduler followed programs' feed through programs' kills and opened one reaction
            // form per session; now 20 people answer all 20 while feedback dies mid-write (and, once the
            // answers are in, drafts of a form are saved again and again until the kills end).
            let feedback = FeedbackAPI.Client(cluster.client(.feedback), metadata: .bearer(organizer))
            var campaigns: [String: String] = [:]
            for session in sessions {
                let opened = try await eventually { () -> [Binakarier_Feedback_V1_Campaign]? in
                    let list = try await feedback.listCampaigns(.init(sessionId: session)).campaigns
                    return list.isEmpty ? nil : list
                } ?? []
                #expect(opened.count == 1, "session \(session) has \(opened.count) reaction forms")
                campaigns[session] = opened.first?.id
            }
            let respondents = Array(participants.prefix(20))
            var logins: [String: String] = [:]
            for nip in respondents {
                _ = try await identity.createAccount(.init(username: nip, password: Cluster.password, nip: nip))
                logins[nip] = try await cluster.login(nip)
            }
            let tokens = logins
            let first = try await feedback.getCampaign(.init(id: campaigns[sessions[0]] ?? ""))
            let form = try await feedback.getInstrument(.init(code: first.instrumentCode, version: first.instrumentVersion))
            let answers = Self.answers(to: form)
            let responses = Work(sessions.flatMap { session in respondents.map { (campaigns[session] ?? "", $0) } })
            let answered = Acknowledged()
            let feedbackKills = try await Self.killRepeatedly(.feedback, in: cluster, while: answered) { writer, stop in
                while let (campaign, nip) = await responses.next() {
                    let asRespondent = FeedbackAPI.Client(cluster.client(.feedback), metadata: .bearer(tokens[nip] ?? ""))
                    try await Self.untilAcknowledged(answered) {
                        _ = try await asRespondent.submitResponse(.init(campaignId: campaign, answers: answers))
                    }
                    await answered.add("\(campaign) \(nip)")
                }
                var round = 0
                while !(await stop.isSet) {
                    round += 1
                    try await Self.untilAcknowledged(answered) {
                        _ = try await feedback.saveInstrument(.init(instrument: .init(
                            code: "DRAF-UJI-\(writer)", title: "Draf \(round)", purpose: .reaction,
                            questions: [.init(id: "q1", kind: .likert4, text: "Materi bermanfaat (\(round))", required: true)])))
                    }
                }
            }
            #expect(feedbackKills == Self.kills, "feedback killed mid-write \(feedbackKills) times")
            #expect(await answered.items.count == 400)
            for session in sessions {
                let results = try await feedback.getResults(.init(campaignId: campaigns[session] ?? ""))
                #expect(results.responses == 20, "campaign of \(session): \(results.responses) responses")
                #expect(try await feedback.listCampaigns(.init(sessionId: session)).campaigns.count == 1)
            }

            // reporting: its replica follows programs and feedback, and SKP rows are imported into it,
            // while it dies mid-write and programs goes on enrolling; afterwards it holds each row once.
            let reporting = ReportingAPI.Client(cluster.client(.reporting), metadata: .bearer(organizer))
            _ = try await reporting.syncNow(.init())
            let late = try await programs.createSession(.init(session: .init(
                programCode: "LAT-UJI", days: [.init(date: "2026-05-12", jp: 8)], capacity: 100)))
            _ = try await programs.transitionSession(.init(id: late.id, transition: .open))
            let lateWork = Work(Array(acknowledged.dropFirst(60).prefix(80)))
            let imported = Acknowledged()
            let reportingKills = try await Self.killRepeatedly(.reporting, in: cluster, while: imported) { writer, stop in
                var round = 0
                while !(await stop.isSet) {
                    round += 1
                    if let nip = await lateWork.next() {
                        try await Self.untilAcknowledged(Acknowledged()) {
                            let result = try #require(try await programs.enrol(.init(sessionId: late.id, nips: [nip])).results.first)
                            guard result.enrolment?.state == .enrolled else { throw RPCError(RPCStatusCode(wireValue: result.code), result.error) }
                        }
                    }
                    let nip = participants[(writer * 13 + round) % participants.count]
                    let grade = round % 2 == 0 ? "sesuai ekspektasi" : "di atas ekspektasi"
                    try await Self.untilAcknowledged(imported) {
                        let answer = try await reporting.importOutcome(.init(kind: .skp, csv: Array("NIP;Tahun;Hasil Kerja;Perilaku\n\(nip);2026;\(grade);\(grade)\n".utf8)))
                        guard answer.errors.isEmpty else { throw RPCError(.invalidArgument, "\(answer.errors)") }
                    }
                }
            }
            #expect(reportingKills == Self.kills, "reporting killed mid-write \(reportingKills) times")
            while let nip = await lateWork.next() { _ = try await programs.enrol(.init(sessionId: late.id, nips: [nip])) }
            let lateCount = try await Self.allEnrolments(programs, session: late.id).count
            #expect(lateCount == 80)
            let status = try await eventually { () -> Binakarier_Reporting_V1_DataStatus? in
                let status = try await reporting.syncNow(.init())
                return status.positions?.programsSequence == status.programsNewest && status.positions?.feedbackSequence == status.feedbackNewest ? status : nil
            }
            #expect(status?.enrolments == Int32(1200 + lateCount), "reporting holds \(status?.enrolments ?? -1) enrolments")
            #expect(status?.campaigns == 20)

            // gateway: web logins acknowledged (a session cookie) survive its SIGKILLs.
            let browsers = Acknowledged()
            let directory = cluster.directory.appending("browsers")
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            let gatewayKills = try await Self.killRepeatedly(.gateway, in: cluster, while: browsers) { writer, stop in
                var index = 0
                while !(await stop.isSet) {
                    let jar = "\(directory)/\(writer)-\(index).jar"
                    index += 1
                    let nip = respondents[(writer * 7 + index) % respondents.count]
                    try await Self.untilAcknowledged(browsers) {
                        // Between a kill and its restart there is no gateway (nor address) to log in at.
                        guard let address = cluster.gatewayAddress else { throw RPCError(.unavailable, "gateway restarting") }
                        try await WebBrowser(jar: jar).logIn(at: address, username: nip)
                    }
                    await browsers.add(jar)
                }
            }
            #expect(gatewayKills == Self.kills, "gateway killed mid-write \(gatewayKills) times")
            let jars = await browsers.items
            #expect(jars.count >= 2, "logins acknowledged between the kills: \(jars.count)")
            let address = try #require(cluster.gatewayAddress)
            for jar in jars {
                #expect(try await WebBrowser(jar: jar).status(of: "/beranda", at: address) == 200, "session of \(jar) lost")
            }
        }
    }

    // MARK: The harness of this suite

    /// SIGKILLs `daemon` `times` times while four `writers` run, each time at a random moment while one
    /// of their writes is in flight (`ledger` counts them), and starts it again; then tells the writers
    /// to stop and waits for them. Returns how many kills landed mid-write: all of them, unless the
    /// writers ran out of work (after 5 s without a write in flight the daemon is killed anyway).
    @discardableResult
    static func killRepeatedly(
        _ daemon: DaemonName, times: Int = kills, in cluster: Cluster, while ledger: Acknowledged?,
        writers: @escaping @Sendable (_ writer: Int, _ stop: Flag) async throws -> Void
    ) async throws -> Int {
        let stop = Flag()
        return try await withThrowingTaskGroup(of: Int.self) { group in
            for writer in 0..<4 { group.addTask { try await writers(writer, stop); return 0 } }
            group.addTask {
                var midWrite = 0
                for _ in 0..<times {
                    guard let ledger else {
                        // No writes of the test's own: the daemon is busy with its own work (a feed it follows).
                        try await Task.sleep(for: .milliseconds(Int.random(in: 50...300)))
                        await cluster.kill(daemon)
                        try await cluster.start(daemon)
                        continue
                    }
                    // A write seen in flight, a random few milliseconds, and still in flight: then the kill.
                    let deadline = ContinuousClock.now.advanced(by: .seconds(5))
                    while ContinuousClock.now < deadline {
                        if await ledger.writing {
                            try await Task.sleep(for: .microseconds(Int.random(in: 0...5000)))
                            if await ledger.writing {
                                midWrite += 1
                                break
                            }
                        } else {
                            try await Task.sleep(for: .milliseconds(1))
                        }
                    }
                    await cluster.kill(daemon)
                    try await cluster.start(daemon)
                }
                await stop.set()
                return midWrite
            }
            return try await group.reduce(0, +)
        }
    }

    /// Repeats `write` until it is answered, through kills and restarts. A retry refused as ALREADY_EXISTS
    /// (or one that `done` says is done) means the killed attempt committed before its answer was lost:
    /// acknowledged once, not done twice. The same refusal on a first attempt is a real duplicate.
    /// What a kill and a restart give a call: the connection lost or refused, the deadline passed, or a
    /// daemon that has not yet fetched identity's keys (UNAUTHENTICATED right after its start).
    static let retried: Set<RPCStatusCode> = [.unavailable, .deadlineExceeded, .unauthenticated, .cancelled, .unknown]

    static func untilAcknowledged(
        _ ledger: Acknowledged, done: (() async throws -> Bool)? = nil, _ write: () async throws -> Void
    ) async throws {
        let deadline = ContinuousClock.now.advanced(by: .seconds(90))
        var attempts = 0
        while true {
            attempts += 1
            if attempts > 1, let done, (try? await done()) == true { return }
            await ledger.begin()
            do {
                try await write()
                await ledger.end()
                return
            } catch let error as RPCError where attempts > 1 && error.code == .alreadyExists {
                await ledger.end()
                return
            } catch let error as RPCError where !retried.contains(error.code) {
                await ledger.end()
                throw error  // a real refusal (or a duplicate on a first attempt): the test fails with it
            } catch {
                await ledger.end()
                guard ContinuousClock.now < deadline else { throw error }
                try await Task.sleep(for: .milliseconds(30))
            }
        }
    }

    /// Waits until programs and feedback (when the cluster runs it) know identity's keys.
    static func waitForTokens(_ cluster: Cluster, _ token: String) async throws {
        let programs = ProgramsAPI.Client(cluster.client(.programs), metadata: .bearer(token))
        let feedback = FeedbackAPI.Client(cluster.client(.feedback), metadata: .bearer(token))
        _ = try #require(try await eventually { try await programs.listPrograms(.init(pageSize: 1)) })
        if cluster.process(.feedback) != nil {
            _ = try #require(try await eventually { try await feedback.listCampaigns(.init(pageSize: 1)) })
        }
    }

    /// A valid, distinct NIP per writer and index: born 1990-01-01 to -28 (by index), TMT 2015-01 to
    /// 2015-04 (by writer), male, sequence 001–999.
    static func nip(writer: Int, index: Int) -> String {
        "199001" + String(format: "%02d", 1 + (index / 999) % 28) + "2015" + String(format: "%02d", 1 + writer) + "1"
            + String(format: "%03d", index % 999 + 1)
    }

    static func allEmployees(_ identity: IdentityAPI.Client) async throws -> [String] {
        try await allPages { token in
            let answer = try await identity.listEmployees(.init(pageSize: 500, pageToken: token, agencyCode: agency))
            return (answer.employees.map(\.nip), answer.nextPageToken)
        }
    }

    static func allEnrolments(_ programs: ProgramsAPI.Client, session: String) async throws -> [String] {
        try await allPages { token in
            let answer = try await programs.listEnrolments(.init(pageSize: 500, pageToken: token, sessionId: session))
            return (answer.enrolments.map(\.nip), answer.nextPageToken)
        }
    }

    /// A valid answer to every question a reaction form may hold.
    static func answers(to form: Binakarier_Feedback_V1_Instrument) -> [Binakarier_Feedback_V1_Answer] {
        form.questions.compactMap { question in
            switch question.kind {
            case .likert4: .init(questionId: question.id, number: 4)
            case .likert5: .init(questionId: question.id, number: 5)
            case .nps: .init(questionId: question.id, number: 9)
            case .beforeAfter: .init(questionId: question.id, before: 2, after: 4)
            case .singleChoice where question.required: .init(questionId: question.id, choices: [0])
            case .number where question.required: .init(questionId: question.id, number: question.minimum)
            case .shortText where question.required, .longText where question.required: .init(questionId: question.id, text: "baik")
            default: nil
            }
        }
    }
}

/// What writers were told is done, and how many of their writes are in flight now.
actor Acknowledged {
    private(set) var items: [String] = []
    private var inFlight = 0
    var writing: Bool { inFlight > 0 }
    func add(_ item: String) { items.append(item) }
    func begin() { inFlight += 1 }
    func end() { inFlight -= 1 }
}

actor Flag {
    private(set) var isSet = false
    func set() { isSet = true }
}

/// Items handed out once each to concurrent writers.
actor Work<Item: Sendable> {
    private var items: [Item]
    init(_ items: [Item]) { self.items = items.reversed() }
    func next() -> Item? { items.popLast() }
}

/// A browser's cookie jar on disk, driven by curl: the web login's CSRF double-submit and its session
/// cookie, as a browser keeps them.
struct WebBrowser {
    let jar: String

    func logIn(at address: String, username: String, password: String = Cluster.password) async throws {
        _ = try await curl(["http://\(address)/masuk"])
        let jarText = (try? String(contentsOfFile: jar, encoding: .utf8)) ?? ""
        var csrf = ""
        for line in jarText.split(separator: "\n") {
            let fields = line.split(separator: "\t")
            if fields.count == 7, fields[5] == "bk_csrf" { csrf = String(fields[6]) }
        }
        let status = try await curl([
            "--data-urlencode", "username=\(username)", "--data-urlencode", "password=\(password)",
            "--data-urlencode", "_csrf=\(csrf)", "http://\(address)/masuk",
        ])
        guard status == 303, ((try? String(contentsOfFile: jar, encoding: .utf8)) ?? "").contains("bk_sesi") else {
            throw RPCError(.unavailable, "login answered \(status)")
        }
    }

    func status(of path: String, at address: String) async throws -> Int {
        try await curl(["http://\(address)\(path)"])
    }

    /// Runs curl with this jar; returns the HTTP status (0 when nothing answered).
    private func curl(_ arguments: [String]) async throws -> Int {
        let run = try await DaemonProcess.run(
            "/usr/bin/curl", ["-s", "-o", "/dev/null", "-w", "%{http_code}", "--max-time", "20", "-c", jar, "-b", jar] + arguments)
        return Int(run.output.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
    }
}
