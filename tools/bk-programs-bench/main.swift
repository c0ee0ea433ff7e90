// bk-programs-bench: the programs service through the real daemons (release builds of bk-identityd and
// bk-programsd), at a city's scale or larger: enrol 6,000, mark 30,000 attendance rows, complete the
// sessions, one person's ledger, the city's compliance for a year, the change feed. Each figure comes
// with its reference measured in the same run (a bare RPC, a hand-written SQLite transaction, identity's
// own list). Prints figures; asserts nothing. Run through tools/bench-programs.
import ArgumentParser
import BKProto
import BKRPC
import BKTestSupport
import Foundation
import GRDB

typealias Programs = Binakarier_Programs_V1_ProgramsService
typealias Identity = Binakarier_Identity_V1_IdentityService

@main
struct ProgramsBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "bk-programs-bench", abstract: "Benchmark bk-programsd.")

    @Option(help: "Folder with the release builds of bk-identityd, bk-programsd and bk-demo-data.") var bin: String
    @Option(help: "ASN imported into identity on top of the demo city (the city itself is about 2,800).") var employees: Int = 0
    @Option(help: "Past years of outside learning generated for everyone (one verified entry per person and year).") var historyYears: Int = 0
    @Option(help: "Sessions of 30 seats (× 30 = enrolments; × 150 = attendance rows).") var sessions: Int = 200
    @Option(help: "Ledger reads.") var ledgers: Int = 5000

    func run() async throws {
        let directory = try TemporaryDirectory(prefix: "bk-pbench")
        defer { directory.remove() }
        let socketDir = directory.appending("run")
        func daemon(_ name: String, _ extra: [String] = []) throws -> DaemonProcess {
            try .benchmarked(name, bin: bin, in: directory, socketDirectory: socketDir, arguments: extra)
        }
        let identityd = try daemon("bk-identityd")
        try await identityd.start()
        defer { identityd.process.terminate() }
        let programsd = try daemon("bk-programsd", ["--revocation-poll-seconds", "1"])
        try await programsd.start()
        defer { programsd.process.terminate() }
        // The demo city and its 2026 programme year (42 programs, 120 sessions, ~3,700 enrolments).
        let clock = ContinuousClock()
        let demoTime = try await clock.measure {
            guard try await DaemonProcess.run("\(bin)/bk-demo-data", ["load", "--socket-dir", socketDir]).status == 0 else {
                throw ValidationError("bk-demo-data load failed")
            }
        }
        let identityClient = RPCClient(socketPath: DaemonName.identity.socketPath(in: socketDir), defaultTimeout: .seconds(600))
        let token = try await Identity.Client(identityClient).login(.init(username: "admin", password: "admin-demo-2026")).token
        let identity = Identity.Client(identityClient, metadata: .bearer(token))
        if employees > 0 {
            let file = directory.appending("people.csv")
            _ = try await DaemonProcess.run("\(bin)/bk-demo-data", ["csv", "--employees", "\(employees)", "--seed", "42", "--output", file])
            let csv = try [UInt8](Data(contentsOf: URL(fileURLWithPath: file)))
            let started = try await identity.startEmployeeImport(.init())
            for offset in stride(from: 0, to: csv.count, by: 1 << 20) {
                _ = try await identity.uploadEmployeeImportChunk(.init(importId: started.importId, data: Array(csv[offset..<min(offset + (1 << 20), csv.count)])))
            }
            _ = try await identity.finishEmployeeImport(.init(importId: started.importId))
        }
        // Reference for compliance: identity's own list of everyone, as programs pages through it.
        var people: [Binakarier_Identity_V1_Employee] = []
        let listTime = try await clock.measure {
            var page = ""
            repeat {
                let answer = try await identity.listEmployees(.init(pageSize: 1000, pageToken: page))
                people += answer.employees
                page = answer.nextPageToken
            } while !page.isEmpty
        }
        let active = people.filter { $0.status == .active }
        print("bk-programs-bench: bk-identityd and bk-programsd (release), SQLite synchronous=FULL, one client over the Unix socket")
        print(String(format: "city: %d ASN (%d active) in identity; the demo city and programme year loaded in %.1f s", people.count, active.count, Measurements.seconds(demoTime)))

        let client = RPCClient(socketPath: DaemonName.programs.socketPath(in: socketDir), defaultTimeout: .seconds(600))
        let programs = Programs.Client(client, metadata: .bearer(token))
        while (try? await programs.listPrograms(.init(pageSize: 1))) == nil { try await Task.sleep(for: .milliseconds(100)) }
        let pid = programsd.process.processIdentifier

        // History: one verified outside-learning entry per person for each past year (imported, verified in bulk).
        if historyYears > 0 {
            var importTime = Duration.zero
            let historyTime = try await clock.measure {
                let importStart = clock.now
                for year in (2026 - historyYears)..<2026 {
                    for chunk in stride(from: 0, to: active.count, by: 20_000) {
                        var csv = "NIP,Judul,Penyelenggara,Jenis,JP,Tanggal Mulai\n"
                        for person in active[chunk..<min(chunk + 20_000, active.count)] {
                            csv += "\(person.nip),Pelatihan \(year),BPSDM,pelatihan,\(12 + person.nip.utf8.last! % 16),\(year)-06-01\n"
                        }
                        let answer = try await programs.importOutsideLearning(.init(csv: Array(csv.utf8)))
                        if !answer.errors.isEmpty { print("history: \(answer.errors.prefix(2))") }
                    }
                }
                importTime = importStart.duration(to: clock.now)
                var ids: [String] = []
                var page = ""
                repeat {
                    let answer = try await programs.listOutsideLearning(.init(pageSize: 1000, pageToken: page, state: .pending))
                    ids += answer.entries.map(\.id)
                    page = answer.nextPageToken
                } while !page.isEmpty
                for chunk in stride(from: 0, to: ids.count, by: 10_000) {
                    _ = try await programs.verifyOutsideLearning(.init(entryIds: Array(ids[chunk..<min(chunk + 10_000, ids.count)]), approve: true))
                }
            }
            print(String(format: "history: %d years × %d people of verified outside learning loaded in %.1f s (import %.1f s, list and verify the rest)",
                         historyYears, active.count, Measurements.seconds(historyTime), Measurements.seconds(importTime)))
        }

        // Enrol: `sessions` sessions of 30, one Enrol call of 30 NIPs each.
        _ = try await programs.createProgram(.init(program: .init(code: "BENCH", title: "Pelatihan Tolok Ukur", kind: .pelatihan, jp: 40)))
        let days = (0..<5).map { Binakarier_Programs_V1_SessionDay(date: "2026-03-0\($0 + 2)", jp: 8) }
        var sessionIDs: [String] = []
        for _ in 0..<sessions {
            let session = try await programs.createSession(.init(session: .init(programCode: "BENCH", days: days, capacity: 30)))
            _ = try await programs.transitionSession(.init(id: session.id, transition: .open))
            sessionIDs.append(session.id)
        }
        // 30 distinct people per session; at a city's scale people take several sessions.
        let pool = active.filter { $0.asnType == .pns }.shuffled().map(\.nip)
        let seats = sessionIDs.indices.map { index in (0..<30).map { pool[(index * 30 + $0) % pool.count] } }
        let participants = seats.flatMap { $0 }
        let cpuEnrol = Measurements.cpuMicroseconds(pid)
        let enrolTime = try await clock.measure {
            for (index, id) in sessionIDs.enumerated() {
                _ = try await programs.enrol(.init(sessionId: id, nips: seats[index]))
            }
        }
        let enrolCPU = Measurements.cpuMicroseconds(pid) - cpuEnrol
        for id in sessionIDs { _ = try await programs.transitionSession(.init(id: id, transition: .start)) }

        // Attendance: 150 records per session (30 people × 5 days), one MarkAttendance each.
        let statuses: [Binakarier_Programs_V1_AttendanceStatus] = [.hadir, .hadir, .hadir, .hadir, .terlambat, .hadir, .izin, .hadir, .hadir, .sakit]
        let sheets = sessionIDs.enumerated().map { index, id in
            (id, seats[index].enumerated().flatMap { person, nip in
                days.enumerated().map { day, date in
                    Binakarier_Programs_V1_AttendanceRecord(nip: nip, date: date.date, status: statuses[(person + day) % statuses.count])
                }
            })
        }
        let rows = sheets.reduce(0) { $0 + $1.1.count }
        let cpuAttendance = Measurements.cpuMicroseconds(pid)
        let attendanceTime = try await clock.measure {
            for (id, records) in sheets { _ = try await programs.markAttendance(.init(sessionId: id, records: records)) }
        }
        let attendanceCPU = Measurements.cpuMicroseconds(pid) - cpuAttendance
        let reference = try Self.bareAttendanceInsert(sheets, in: directory.appending("reference"), transactions: 1)
        let referencePerCall = try Self.bareAttendanceInsert(sheets, in: directory.appending("reference-per-call"), transactions: sheets.count)

        // Completion: every session; certificates and JP follow.
        let completeTime = try await clock.measure {
            for id in sessionIDs { _ = try await programs.transitionSession(.init(id: id, transition: .complete)) }
        }

        // One person's ledger, and a bare round trip (health) for the server's share.
        let health = Binakarier_Health_V1_Health.Client(client)
        var bare: [Double] = []
        var ledger: [Double] = []
        var identityGet: [Double] = []
        let sample = (0..<ledgers).map { _ in participants.randomElement()! }
        try await withTaskExecutorPreference(client.executor) {
            for nip in sample.prefix(200) { _ = try await programs.getLedger(.init(nip: nip, year: 2026)) }
            for nip in sample {
                var start = clock.now
                _ = try await health.check()
                bare.append(Measurements.microseconds(start.duration(to: clock.now)))
                start = clock.now
                _ = try await programs.getLedger(.init(nip: nip, year: 2026))
                ledger.append(Measurements.microseconds(start.duration(to: clock.now)))
                start = clock.now
                _ = try await identity.getEmployee(.init(nip: nip))
                identityGet.append(Measurements.microseconds(start.duration(to: clock.now)))
            }
        }
        let bareP = Measurements.percentiles(&bare)
        let ledgerP = Measurements.percentiles(&ledger)
        let identityP = Measurements.percentiles(&identityGet)

        // City compliance for the year (people from identity, JP from programs).
        var compliance = Binakarier_Programs_V1_Compliance()
        var complianceTimes: [Double] = []
        for _ in 0..<5 {
            let time = try await clock.measure { compliance = try await programs.getCompliance(.init(year: 2026)) }
            complianceTimes.append(Measurements.microseconds(time) / 1000)
        }
        let complianceP = Measurements.percentiles(&complianceTimes)
        var listAgain: [Double] = []
        for _ in 0..<3 {
            let time = try await clock.measure {
                var page = ""
                repeat { page = try await identity.listEmployees(.init(pageSize: 1000, pageToken: page)).nextPageToken } while !page.isEmpty
            }
            listAgain.append(Measurements.microseconds(time) / 1000)
        }
        let listP = Measurements.percentiles(&listAgain)

        // The change feed, read from the start in pages of 5,000 (as a service token would).
        var changes = 0
        let feedTime = try await clock.measure {
            var after: Int64 = 0
            var more = true
            while more {
                let page = try await programs.listChanges(.init(afterSequence: after, limit: 5000))
                changes += page.changes.count
                after = page.lastSequence
                more = page.more
            }
        }
        await client.close()
        await identityClient.close()

        print(String(format: "enrol %d (%d calls of 30): %.2f s, %.0f enrolments/s, daemon CPU %.2f s",
                     participants.count, sessions, Measurements.seconds(enrolTime), Double(participants.count) / Measurements.seconds(enrolTime), enrolCPU / 1e6))
        print(String(format: "attendance %d rows (%d MarkAttendance calls): %.2f s end to end, daemon CPU %.2f s; hand-written SQLite insert of the same rows: one transaction %.2f s → %.1fx, one transaction per call %.2f s → %.1fx",
                     rows, sessions, Measurements.seconds(attendanceTime), attendanceCPU / 1e6, reference, Measurements.seconds(attendanceTime) / reference,
                     referencePerCall, Measurements.seconds(attendanceTime) / referencePerCall))
        print(String(format: "complete %d sessions (%d certificates and ledger lines): %.2f s", sessions, participants.count, Measurements.seconds(completeTime)))
        print(String(format: "ledger of one ASN × %d: p50 %.0f us, p99 %.0f us; bare round trip (health) p50 %.0f us → server share ≈ %.0f us, of which identity's GetEmployee (p50 %.0f us called directly) is most",
                     ledgers, ledgerP.p50, ledgerP.p99, bareP.p50, ledgerP.p50 - bareP.p50, identityP.p50))
        print(String(format: "city compliance %d (%d PNS active, %.1f %% at 20 JP): p50 %.1f ms; identity's own list of everyone: p50 %.1f ms (first %.1f ms) → %.2fx",
                     compliance.year, compliance.total?.pnsActive ?? 0, compliance.total?.pnsPercent ?? 0, complianceP.p50, listP.p50,
                     Measurements.microseconds(listTime) / 1000, complianceP.p50 / listP.p50))
        print(String(format: "change feed: %d changes in %.2f s, %.0f changes/s", changes, Measurements.seconds(feedTime), Double(changes) / Measurements.seconds(feedTime)))
        print("daemon RSS after: \(Measurements.residentKiB(pid)) KiB")
    }

    /// The reference: the same rows into a table of the same shape, one transaction, synchronous=FULL.
    /// `transactions` 1: everything at once; one per sheet: as durable as the service, which commits each call.
    static func bareAttendanceInsert(_ sheets: [(String, [Binakarier_Programs_V1_AttendanceRecord])], in path: String, transactions: Int) throws -> Double {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        var configuration = Configuration()
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
        let pool = try DatabasePool(path: path + "/reference.sqlite", configuration: configuration)
        try pool.write { db in
            try db.execute(sql: """
                CREATE TABLE attendance (session_id TEXT NOT NULL, nip TEXT NOT NULL, date TEXT NOT NULL, status INTEGER NOT NULL,
                    note TEXT NOT NULL DEFAULT '', marked_by TEXT NOT NULL, update_time INTEGER NOT NULL, PRIMARY KEY (session_id, nip, date)) WITHOUT ROWID
                """)
        }
        let clock = ContinuousClock()
        let perTransaction = (sheets.count + transactions - 1) / transactions
        let time = try clock.measure {
            for start in stride(from: 0, to: sheets.count, by: perTransaction) {
                try pool.write { db in
                    let statement = try db.cachedStatement(sql: "INSERT INTO attendance (session_id, nip, date, status, marked_by, update_time) VALUES (?, ?, ?, ?, 'bench', 0)")
                    for (id, records) in sheets[start..<min(start + perTransaction, sheets.count)] {
                        for record in records { try statement.execute(arguments: [id, record.nip, record.date, record.status.rawValue]) }
                    }
                }
            }
        }
        return Measurements.seconds(time)
    }
}
