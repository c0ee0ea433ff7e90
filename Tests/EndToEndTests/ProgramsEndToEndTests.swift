import BKProto
import BKRPC
import BKTestSupport
import Foundation
import GRDB
import Testing

typealias ProgramsAPI = Binakarier_Programs_V1_ProgramsService

/// The real bk-programsd beside the real bk-identityd: tokens verified with identity's keys, people
/// looked up in identity with the caller's token, driven by the real bkctl; killed and restarted.
@Suite("bk-programsd end to end", .serialized, .timeLimit(.minutes(5)))
struct ProgramsEndToEndTests {
    static let arguments: [DaemonName: [String]] = [.programs: ["--revocation-poll-seconds", "0.2", "--certificate-format", "800/BKPSDM-UJI/{year}/{seq:4}"]]

    /// Waits until programs knows identity's keys (its first poll of the token feed).
    static func ready(_ cluster: Cluster, _ token: String) async throws {
        let programs = ProgramsAPI.Client(cluster.client(.programs), metadata: .bearer(token))
        for _ in 0..<100 {
            let status = await code { try await programs.listPrograms(.init(pageSize: 1)) }
            guard let status else { return }
            guard status == .unavailable || status == .unauthenticated else { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        Issue.record("programs never accepted identity's tokens")
    }

    /// Many reads at once, of the kinds a beranda makes (a ledger, a session, enrolments, certificates),
    /// all answered: a synchronous database read on the event loop once waited for a reader held by an
    /// async read whose task resumes on that same loop, and 16 pages at once stopped the daemon for good.
    @Test func manyConcurrentReadsAreAllAnswered() async throws {
        try await Cluster.with([.identity, .programs], arguments: Self.arguments) { cluster in
            let organizer = try await cluster.token(for: .organizer)
            try await Self.ready(cluster, organizer)
            let programs = ProgramsAPI.Client(cluster.client(.programs), metadata: .bearer(organizer))
            let nip = ClusterPeople.staff.nip
            let answered = try await withThrowingTaskGroup(of: Int.self) { group in
                for index in 0..<256 {
                    group.addTask {
                        let options = RPCCallOptions(timeout: .seconds(20))
                        switch index % 4 {
                        case 0: _ = try await programs.getLedger(.init(nip: nip, year: 2026), options: options)
                        case 1: _ = await code { try await programs.getSession(.init(id: "TIDAK-ADA-01"), options: options) }
                        case 2: _ = try await programs.listEnrolments(.init(nip: nip), options: options)
                        default: _ = try await programs.listCertificates(.init(nip: nip), options: options)
                        }
                        return 1
                    }
                }
                return try await group.reduce(0, +)
            }
            #expect(answered == 256)
            // And the daemon still answers afterwards.
            #expect(try await programs.listPrograms(.init(pageSize: 1)).programs.count >= 0)
        }
    }

    @Test func anOrganiserRunsATrainingAndTheParticipantGetsJPAndACertificate() async throws {
        try await Cluster.with([.identity, .programs], arguments: Self.arguments) { cluster in
            let organizer = try await cluster.token(for: .organizer)
            let staff = try await cluster.token(for: .employee)
            let supervisor = try await cluster.token(for: .supervisor)
            try await Self.ready(cluster, organizer)
            func bkctl(_ arguments: [String], as token: String) async throws -> String {
                let run = try await cluster.bkctl(arguments, environment: ["BINAKARIER_TOKEN": token])
                #expect(run.status == 0, "bkctl \(arguments.joined(separator: " ")): \(run.output)")
                return run.output
            }
            _ = try await bkctl([
                "program", "create", "--code", "LAT-MANWAKTU", "--title", "Pelatihan Manajemen Waktu", "--kind", "pelatihan", "--jp", "16",
                "--agency", ClusterPeople.agency, "--competency", "MNJ-ORIENTASI-HASIL:2",
            ], as: organizer)
            let created = try await bkctl([
                "session", "create", "--program", "LAT-MANWAKTU", "--day", "2026-03-10,08:00-16:00,8", "--day", "2026-03-11,8",
                "--capacity", "25", "--venue", "Aula BKPSDM", "--output", "json",
            ], as: organizer)
            #expect(created.contains("\"LAT-MANWAKTU-01\""))
            _ = try await bkctl(["session", "open", "LAT-MANWAKTU-01"], as: organizer)
            // The supervisor nominates their staff; the staff member may not nominate anyone.
            let nominated = try await bkctl(["enrol", "nominate", "LAT-MANWAKTU-01", ClusterPeople.staff.nip], as: supervisor)
            #expect(nominated.contains(ClusterPeople.staff.nip))
            let refused = try await cluster.bkctl(["enrol", "nominate", "LAT-MANWAKTU-01", ClusterPeople.head.nip], environment: ["BINAKARIER_TOKEN": staff])
            #expect(refused.status != 0)
            _ = try await bkctl(["session", "start", "LAT-MANWAKTU-01"], as: organizer)
            for date in ["2026-03-10", "2026-03-11"] {
                _ = try await bkctl(["attendance", "mark", "LAT-MANWAKTU-01", "--date", date, "--status", "hadir", ClusterPeople.staff.nip], as: organizer)
            }
            _ = try await bkctl(["session", "complete", "LAT-MANWAKTU-01"], as: organizer)

            // The participant sees their ledger and certificate; the public verifies it.
            let ledger = try await bkctl(["jp", "show", ClusterPeople.staff.nip, "--year", "2026"], as: staff)
            #expect(ledger.contains("Pelatihan Manajemen Waktu") && ledger.contains("16"))
            let programs = ProgramsAPI.Client(cluster.client(.programs), metadata: .bearer(staff))
            let certificate = try #require(try await programs.listCertificates(.init(nip: ClusterPeople.staff.nip)).certificates.first)
            #expect(certificate.number == "800/BKPSDM-UJI/2026/0001" && certificate.holderName == ClusterPeople.staff.name)
            let verified = try await cluster.bkctl(["certificate", "verify", certificate.number, certificate.verificationCode], environment: ["BINAKARIER_TOKEN": ""])
            #expect(verified.status == 0, "\(verified.output)")
            // Someone else's records stay theirs: identity shows the supervisor to a colleague, programs does not.
            #expect(await code { try await programs.getLedger(.init(nip: ClusterPeople.supervisor.nip)) } == .permissionDenied)
            let asSupervisor = ProgramsAPI.Client(cluster.client(.programs), metadata: .bearer(supervisor))
            #expect(try await asSupervisor.getLedger(.init(nip: ClusterPeople.staff.nip, year: 2026)).jpVerified == 16)

            // Acknowledged writes survive a SIGKILL.
            await cluster.kill(.programs)
            try await cluster.start(.programs)
            try await Self.ready(cluster, organizer)
            #expect(try await asSupervisor.getLedger(.init(nip: ClusterPeople.staff.nip, year: 2026)).jpVerified == 16)
            let compliance = try await ProgramsAPI.Client(cluster.client(.programs), metadata: .bearer(organizer)).getCompliance(.init(year: 2026, agencyCode: ClusterPeople.agency))
            #expect(compliance.total?.pnsActive == 3 && compliance.total?.pnsMeetingTarget == 0, "16 JP is below 20")
        }
    }

    /// 1,000 people (imported into identity) enrolled in a running 30-day mentoring of 1 JP a day: a
    /// session whose attendance is 30,000 rows.
    static func bigSession(_ cluster: Cluster, _ admin: String) async throws -> (Binakarier_Programs_V1_Session, [String], [Binakarier_Programs_V1_SessionDay]) {
        let identity = Binakarier_Identity_V1_IdentityService.Client(cluster.client(.identity), metadata: .bearer(admin))
        var people = "NIP,Nama,Jenis ASN,Jenis Kelamin,Tanggal Lahir,TMT,Golongan,Jenjang Jabatan,Jabatan,Pendidikan,Kode OPD,Kode Unit,NIP Atasan,Status\n"
        _ = try await identity.createAgency(.init(agency: .init(code: "BESAR", name: "Badan Besar", kind: .badan)))
        var nips: [String] = []
        for index in 0..<1000 {
            // Born 1990-01-01, service from 2015-01 or -02, female, sequence 001..500: valid and distinct.
            let nip = "199001012015" + String(format: "%02d", 1 + index / 500) + "2" + String(format: "%03d", index % 500 + 1)
            nips.append(nip)
            people += "\(nip),Peserta \(index),PNS,P,1990-01-01,2015-\(String(format: "%02d", 1 + index / 500)),III/a,pelaksana,Staf,S1,BESAR,,,aktif\n"
        }
        let started = try await identity.startEmployeeImport()
        _ = try await identity.uploadEmployeeImportChunk(.init(importId: started.importId, data: Array(people.utf8)))
        let report = try await identity.finishEmployeeImport(.init(importId: started.importId))
        #expect(report.rowsCommitted == 1000, "\(report.errors.prefix(3))")

        let programs = ProgramsAPI.Client(cluster.client(.programs), metadata: .bearer(admin))
        _ = try await programs.createProgram(.init(program: .init(code: "MENTOR-30", title: "Mentoring 30 Hari", kind: .mentoring, jp: 30)))
        let days = (1...30).map { Binakarier_Programs_V1_SessionDay(date: "2026-04-" + String(format: "%02d", $0), jp: 1) }
        let session = try await programs.createSession(.init(session: .init(programCode: "MENTOR-30", days: days, capacity: 1000)))
        _ = try await programs.transitionSession(.init(id: session.id, transition: .open))
        let enrolled = try await programs.enrol(.init(sessionId: session.id, nips: nips))
        #expect(enrolled.results.allSatisfy { $0.enrolment?.state == .enrolled }, "\(enrolled.results.first { $0.enrolment == nil }?.error ?? "")")
        _ = try await programs.transitionSession(.init(id: session.id, transition: .start))

        return (session, nips, days)
    }

    /// A 30,000-row attendance import killed after its acknowledgement, inside its write and while it
    /// is parsed: after each restart the rows are all there or none is, and all when acknowledged.
    @Test func sigkillDuringAnAttendanceImportLeavesAllOrNothing() async throws {
        try await Cluster.with([.identity, .programs], arguments: Self.arguments) { cluster in
            let admin = try await cluster.administratorToken()
            try await Self.ready(cluster, admin)
            let (session, nips, days) = try await Self.bigSession(cluster, admin)
            let programs = ProgramsAPI.Client(cluster.client(.programs), metadata: .bearer(admin))
            let statuses = ["hadir", "terlambat", "izin", "sakit", "alpa"]
            func csv(_ round: Int) -> [UInt8] {
                var text = "NIP;Tanggal;Status;Keterangan\n"
                for nip in nips { for day in days { text += "\(nip);\(day.date);\(statuses[(round + nip.hashValue & 0xFF + day.date.hashValue & 0xFF) % 5]);\n" } }
                return Array(text.utf8)
            }
            func rows() async throws -> [String: Int32] {
                let records = try await ProgramsAPI.Client(cluster.client(.programs), metadata: .bearer(admin)).getAttendance(.init(sessionId: session.id)).records
                return Dictionary(records.map { ("\($0.nip)/\($0.date)", $0.status.rawValue) }, uniquingKeysWith: { $1 })
            }
            let clock = ContinuousClock()
            let dry = try await clock.measure { _ = try await programs.importAttendance(.init(sessionId: session.id, csv: csv(0), dryRun: true)) }
            var whole = Duration.seconds(5)
            for round in 1...3 {
                let before = try await rows()
                let file = csv(round)
                let begun = clock.now
                let importing = Task { try? await ProgramsAPI.Client(cluster.client(.programs), metadata: .bearer(admin)).importAttendance(.init(sessionId: session.id, csv: file)) }
                switch round {
                case 1: _ = await importing.value
                case 2: try await Task.sleep(for: dry + (whole - dry) / 2)
                default: try await Task.sleep(for: dry / 3)
                }
                if round == 1 { whole = begun.duration(to: clock.now) }
                await cluster.kill(.programs)
                let acknowledged = await importing.value
                try await cluster.start(.programs)
                try await Self.ready(cluster, admin)
                let after = try await rows()
                #expect(after.count == 30_000 || after == before, "round \(round): \(after.count) rows")
                let changed = after != before
                if acknowledged?.rowsSaved == 30_000 { #expect(changed, "round \(round): acknowledged but not stored") }
                if changed {
                    // Every row of this file, none of an older one.
                    let expected = String(decoding: file, as: UTF8.self).split(separator: "\n").dropFirst().prefix(3).map { line in
                        let cells = line.split(separator: ";", omittingEmptySubsequences: false)
                        return (key: "\(cells[0])/\(cells[1])", status: String(cells[2]))
                    }
                    for row in expected { #expect(after[row.key] == Int32(statuses.firstIndex(of: row.status)! + 1)) }
                }
            }
        }
    }
}

extension ProgramsEndToEndTests {
    /// A consumer process (bk-feed-follow, as feedback follows programs) SIGKILLed while it applies
    /// 30,000 changes, started again each time: in the end every change is applied exactly once.
    @Test func aConsumerKilledMidStreamResumesWithoutLossOrDoubles() async throws {
        try await Cluster.with([.identity, .programs], arguments: Self.arguments) { cluster in
            let admin = try await cluster.administratorToken()
            try await Self.ready(cluster, admin)
            let (session, nips, days) = try await Self.bigSession(cluster, admin)
            let programs = ProgramsAPI.Client(cluster.client(.programs), metadata: .bearer(admin))
            var csv = "NIP,Tanggal,Status\n"
            for nip in nips { for day in days { csv += "\(nip),\(day.date),hadir\n" } }
            #expect(try await programs.importAttendance(.init(sessionId: session.id, csv: Array(csv.utf8))).rowsSaved == 30_000)
            var published: [Int64] = []
            var after: Int64 = 0
            var more = true
            while more {
                let page = try await programs.listChanges(.init(afterSequence: after, limit: 5000))
                published += page.changes.map(\.sequence)
                (after, more) = (page.lastSequence, page.more)
            }
            #expect(published.count > 30_000)

            let database = cluster.directory.appending("follower/feed.sqlite")
            func applied() throws -> (rows: Int, distinct: Int, applications: Int, sequences: [Int64]) {
                guard FileManager.default.fileExists(atPath: database) else { return (0, 0, 0, []) }
                let queue = try DatabaseQueue(path: database)
                return try queue.read { db in
                    (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM applied") ?? 0,
                     try Int.fetchOne(db, sql: "SELECT COUNT(DISTINCT sequence) FROM applied") ?? 0,
                     try Int.fetchOne(db, sql: "SELECT n FROM applications") ?? 0,
                     try Int64.fetchAll(db, sql: "SELECT sequence FROM applied ORDER BY sequence"))
                }
            }
            var killedMidStream = 0
            var delay = Duration.milliseconds(400)
            for round in 0..<8 {
                let follower = try DaemonProcess(
                    binary: "bk-feed-follow", arguments: ["--socket-dir", cluster.socketDirectory, "--database", database, "--page", "50"],
                    logPath: cluster.directory.appending("follower-\(round).log"))
                try follower.process.run()
                try await Task.sleep(for: delay)
                _ = await follower.kill()
                let now = try applied()
                #expect(now.rows == now.distinct && now.rows == now.applications, "round \(round): applied twice")
                if now.rows > 0, now.rows < published.count { killedMidStream += 1 }
                if now.rows == published.count { break }
                delay += .milliseconds(200)
            }
            #expect(killedMidStream >= 1, "no kill landed while changes were being applied")
            let finish = try await DaemonProcess.run("bk-feed-follow", ["--socket-dir", cluster.socketDirectory, "--database", database, "--until-caught-up"])
            #expect(finish.status == 0, "\(finish.output)")
            let end = try applied()
            #expect(end.sequences == published, "every change once, in order")
            #expect(end.applications == published.count)
        }
    }
}

