// bk-reporting-bench: the reporting service through the real daemons (release builds of bk-identityd,
// bk-programsd, bk-feedbackd and bk-reportingd) on top of the demo city, at its scale or larger: the
// replica's sync, the city report for a year cold (the first call after a restart, once with the page
// cache dropped) and warm, the program, agency and person reports, the city report as HTML, XLSX and
// CSV. Each group report beside its reference measured in the same run: one hand-written SQL query per
// owning database (identity, programs, feedback, reporting's own outcome data) over its file opened
// read-only, computing the figures the report shows; wall time and CPU (the daemon's for a report, this
// process's for a reference). Prints figures; asserts nothing. Run through tools/bench-reporting.
import ArgumentParser
import BKProto
import BKRPC
import BKTestSupport
import Foundation
import GRDB

typealias Reporting = Binakarier_Reporting_V1_ReportingService
typealias Programs = Binakarier_Programs_V1_ProgramsService
typealias Identity = Binakarier_Identity_V1_IdentityService

/// A reference's figure: its first two columns (a NIP and a year, an agency and a quarter, …).
struct FigureKey: Hashable {
    var first: DatabaseValue
    var second: DatabaseValue
}

@main
struct ReportingBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "bk-reporting-bench", abstract: "Benchmark bk-reportingd.")

    @Option(help: "Folder with the release builds of the four daemons and bk-demo-data.") var bin: String
    @Option(help: "ASN imported into identity on top of the demo city (the city itself is about 2,800).") var employees: Int = 0
    @Option(help: "Past years of outside learning and SKP generated for everyone (one verified entry and one SKP per person and year).")
    var historyYears: Int = 0
    @Option(help: "The report year.") var year: Int = 2026
    @Option(help: "Warm calls per figure (p50 and p99 over them).") var rounds: Int = 20
    @Option(help: "The program of the program report.") var program: String = "LAT-MANWAKTU"
    @Option(help: "The agency of the agency report (the demo's largest).") var agency: String = "DISDIKBUD"
    @Option(help: "The NIP of the person report (default: someone who completed the program).") var nip: String?

    /// Milliseconds of the calls of `body`: the first, p50 and p99 of `rounds` more, and the CPU a call
    /// took in the process that did the work (the daemon for a report, this one for a reference).
    struct Timing {
        var first: Double
        var p50: Double
        var p99: Double
        var cpu: Double
    }

    func run() async throws {
        let directory = try TemporaryDirectory(prefix: "bk-rbench")
        defer { directory.remove() }
        let socketDir = directory.appending("run")
        func daemon(_ name: String, _ extra: [String] = []) throws -> DaemonProcess {
            try .benchmarked(name, bin: bin, in: directory, socketDirectory: socketDir, arguments: extra)
        }
        let reportingArguments = ["--sync-seconds", "1", "--identity-seconds", "3600"]
        let identityd = try daemon("bk-identityd")
        try await identityd.start()
        defer { identityd.process.terminate() }
        let programsd = try daemon("bk-programsd", ["--revocation-poll-seconds", "1"])
        try await programsd.start()
        defer { programsd.process.terminate() }
        let feedbackd = try daemon("bk-feedbackd")
        try await feedbackd.start()
        defer { feedbackd.process.terminate() }
        var reportingd = try daemon("bk-reportingd", reportingArguments)
        try await reportingd.start()
        defer { if reportingd.isRunning { reportingd.process.terminate() } }
        func database(_ daemon: String, _ name: String) -> String { directory.appending("data/\(daemon)/\(name).sqlite") }

        // The demo city, its 2026 programme year, its feedback and its outcome data (SKP, discipline, IKM of 2025–2026).
        let clock = ContinuousClock()
        let demoTime = try await clock.measure {
            guard try await DaemonProcess.run("\(bin)/bk-demo-data", ["load", "--socket-dir", socketDir]).status == 0 else {
                throw ValidationError("bk-demo-data load failed")
            }
        }
        let identityClient = RPCClient(socketPath: DaemonName.identity.socketPath(in: socketDir), defaultTimeout: .seconds(600))
        let admin = try await Identity.Client(identityClient).login(.init(username: "admin", password: "admin-demo-2026")).token
        let organizer = try await Identity.Client(identityClient).login(.init(username: "bkpsdm", password: "bkpsdm-demo-2026")).token
        let identity = Identity.Client(identityClient, metadata: .bearer(admin))
        var employeeTime = Duration.zero
        if employees > 0 {
            employeeTime = try await clock.measure {
                let file = directory.appending("people.csv")
                _ = try await DaemonProcess.run("\(bin)/bk-demo-data", ["csv", "--employees", "\(employees)", "--seed", "42", "--output", file])
                let csv = try [UInt8](Data(contentsOf: URL(fileURLWithPath: file)))
                let started = try await identity.startEmployeeImport(.init())
                for offset in stride(from: 0, to: csv.count, by: 1 << 20) {
                    _ = try await identity.uploadEmployeeImportChunk(.init(importId: started.importId, data: Array(csv[offset..<min(offset + (1 << 20), csv.count)])))
                }
                _ = try await identity.finishEmployeeImport(.init(importId: started.importId))
            }
        }
        var people: [Binakarier_Identity_V1_Employee] = []
        var page = ""
        repeat {
            let answer = try await identity.listEmployees(.init(pageSize: 1000, pageToken: page))
            people += answer.employees
            page = answer.nextPageToken
        } while !page.isEmpty
        let active = people.filter { $0.status == .active }

        let programsClient = RPCClient(socketPath: DaemonName.programs.socketPath(in: socketDir), defaultTimeout: .seconds(600))
        let programs = Programs.Client(programsClient, metadata: .bearer(admin))
        // History: one verified outside-learning entry per person for each past year (as bk-programs-bench).
        var historyTime = Duration.zero
        if historyYears > 0 {
            historyTime = try await clock.measure {
                for pastYear in (year - historyYears)..<year {
                    for chunk in stride(from: 0, to: active.count, by: 20_000) {
                        var csv = "NIP,Judul,Penyelenggara,Jenis,JP,Tanggal Mulai\n"
                        for person in active[chunk..<min(chunk + 20_000, active.count)] {
                            csv += "\(person.nip),Pelatihan \(pastYear),BPSDM,pelatihan,\(12 + person.nip.utf8.last! % 16),\(pastYear)-06-01\n"
                        }
                        let answer = try await programs.importOutsideLearning(.init(csv: Array(csv.utf8)))
                        if !answer.errors.isEmpty { print("history: \(answer.errors.prefix(2))") }
                    }
                }
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
        }
        await programsClient.close()

        // The replica: SyncNow (identity listed again, both feeds) until both feeds are caught up.
        var reportingClient = RPCClient(socketPath: DaemonName.reporting.socketPath(in: socketDir), defaultTimeout: .seconds(600))
        var reporting = Reporting.Client(reportingClient, metadata: .bearer(organizer))
        var status = Binakarier_Reporting_V1_DataStatus()
        var syncCalls = 0
        let syncTime = try await clock.measure {
            for _ in 0..<200 {
                syncCalls += 1
                do {
                    status = try await reporting.syncNow(.init())
                } catch {
                    print("sync: \(error); again")
                    try await Task.sleep(for: .milliseconds(200))
                    continue
                }
                if status.programsNewest == (status.positions?.programsSequence ?? 0) && status.feedbackNewest == (status.positions?.feedbackSequence ?? 0) { break }
            }
        }

        // SKP for every active person and every year of the history, 2025 and 2026 (the demo's own rows are kept).
        let skpYears = Set((year - historyYears)..<year).union([year - 1, year]).sorted()
        let existing = try await Self.readOnly(database("bk-reportingd", "reporting")).read { db in
            Set(try Row.fetchAll(db, sql: "SELECT nip, year FROM skp").map { "\($0["nip"] as String)/\($0["year"] as Int)" })
        }
        let ratings = ["bawah", "sesuai", "atas"]
        func rating(_ nip: String, _ year: Int, _ salt: UInt64) -> String {
            var hash: UInt64 = 14_695_981_039_346_656_037 ^ salt
            for byte in nip.utf8 { hash = (hash ^ UInt64(byte)) &* 1_099_511_628_211 }
            hash = (hash ^ UInt64(year)) &* 1_099_511_628_211
            let draw = (hash >> 17) % 100
            // About 12 % below, 76 % meeting and 12 % above expectations.
            return ratings[draw < 12 ? 0 : draw < 88 ? 1 : 2]
        }
        var skpRows: [String] = []
        for skpYear in skpYears {
            for person in active where !existing.contains("\(person.nip)/\(skpYear)") {
                skpRows.append("\(person.nip);\(skpYear);\(rating(person.nip, skpYear, 1));\(rating(person.nip, skpYear, 2))\n")
            }
        }
        var skpSaved = 0
        let skpTime = try await clock.measure {
            for chunk in stride(from: 0, to: skpRows.count, by: 50_000) {
                let csv = "NIP;Tahun;Hasil Kerja;Perilaku\n" + skpRows[chunk..<min(chunk + 50_000, skpRows.count)].joined()
                let answer = try await reporting.importOutcome(.init(kind: .skp, csv: Array(csv.utf8)))
                if !answer.errors.isEmpty { print("skp: \(answer.errorsTotal) refused, e.g. \(answer.errors.prefix(2).map { "line \($0.line): \($0.reason)" })") }
                skpSaved += Int(answer.rowsSaved)
            }
        }
        status = try await reporting.getDataStatus(.init())
        let skpTotal = try await Self.readOnly(database("bk-reportingd", "reporting")).read { db in
            try Row.fetchAll(db, sql: "SELECT year, COUNT(*) AS n FROM skp GROUP BY year ORDER BY year").map { "\($0["year"] as Int): \($0["n"] as Int)" }
        }
        let rssAfterSync = Measurements.residentKiB(reportingd.process.processIdentifier)

        print("bk-reporting-bench: bk-identityd, bk-programsd, bk-feedbackd and bk-reportingd (release; reporting --sync-seconds 1 --identity-seconds 3600), one client over the Unix socket")
        print(String(format: "city: %d ASN (%d active) in identity; demo city, programme year, feedback and outcomes loaded in %.1f s%@",
                     people.count, active.count, Measurements.seconds(demoTime),
                     employees > 0 ? String(format: "; %d more ASN imported in %.1f s", employees, Measurements.seconds(employeeTime)) : ""))
        if historyYears > 0 {
            print(String(format: "history: %d years (%d–%d) × %d people of verified outside learning loaded in %.1f s",
                         historyYears, year - historyYears, year - 1, active.count, Measurements.seconds(historyTime)))
        }
        print(String(format: "sync: %d SyncNow call(s) until both feeds were caught up, %.2f s (background rounds every 1 s ran during the load); replica: %d people, %d enrolments, %d campaigns; programs feed %lld/%lld, feedback feed %lld/%lld%@",
                     syncCalls, Measurements.seconds(syncTime), status.people, status.enrolments, status.campaigns,
                     (status.positions?.programsSequence ?? 0), status.programsNewest, (status.positions?.feedbackSequence ?? 0), status.feedbackNewest,
                     status.lastError.isEmpty ? "" : "; last error: \(status.lastError)"))
        print(String(format: "SKP: %d rows imported through ImportOutcome in %.2f s (%d files of at most 50,000 rows); SKP per year now %@",
                     skpSaved, Measurements.seconds(skpTime), (skpRows.count + 49_999) / 50_000, skpTotal.joined(separator: ", ")))
        let sizes = ["bk-identityd": "identity", "bk-programsd": "programs", "bk-feedbackd": "feedback", "bk-reportingd": "reporting"].sorted { $0.key < $1.key }.map { daemon, name in
            let path = database(daemon, name)
            let bytes = ["", "-wal"].reduce(0) { $0 + (((try? FileManager.default.attributesOfItem(atPath: path + $1))?[.size] as? Int) ?? 0) }
            return String(format: "%@ %.1f MiB", name, Double(bytes) / 1_048_576)
        }
        print("databases (with WAL): \(sizes.joined(separator: ", "))")

        // The people of the person report and the references, read from the owning databases.
        let identityDB = try Self.readOnly(database("bk-identityd", "identity"))
        let programsDB = try Self.readOnly(database("bk-programsd", "programs"))
        let feedbackDB = try Self.readOnly(database("bk-feedbackd", "feedback"))
        let reportingDB = try Self.readOnly(database("bk-reportingd", "reporting"))
        let program = self.program, agency = self.agency
        var personNIP = nip ?? ""
        if personNIP.isEmpty {
            personNIP = try await programsDB.read { db in
                try String.fetchOne(db, sql: "SELECT nip FROM enrolment WHERE program_code = ? AND completion = ? LIMIT 1",
                                    arguments: [program, Binakarier_Programs_V1_CompletionState.completed.rawValue])
            } ?? active.first { $0.asnType == .pns }!.nip
        }

        // Cold: bk-reportingd stopped with SIGTERM and started again; the first call. Twice: a restart
        // alone (the files in the page cache), and a restart after dropping the page cache.
        func restart(dropCaches: Bool) async throws -> (Double, String) {
            await reportingClient.close()
            await reportingd.terminate()
            var dropped = "not tried"
            if dropCaches {
                let cachedBefore = Self.pageCacheMiB()
                let result = try await DaemonProcess.run("/bin/sh", ["-c", "(sync; echo 3 > /proc/sys/vm/drop_caches) 2>&1"])
                dropped = result.status == 0
                    ? "yes, page cache \(cachedBefore) → \(Self.pageCacheMiB()) MiB"
                    : "no (exit \(result.status): \(result.output.trimmingCharacters(in: .whitespacesAndNewlines)))"
            }
            reportingd = try daemon("bk-reportingd", reportingArguments)
            try await reportingd.start()
            reportingClient = RPCClient(socketPath: DaemonName.reporting.socketPath(in: socketDir), defaultTimeout: .seconds(600))
            reporting = Reporting.Client(reportingClient, metadata: .bearer(organizer))
            // A daemon just started may not have identity's token keys yet (UNAVAILABLE, "try again"):
            // the cold figure includes that wait, as a caller would see it.
            let start = clock.now
            while true {
                do {
                    _ = try await reporting.getCityReport(.init(year: Int32(year)))
                    break
                } catch {
                    guard error.code == .unavailable, start.duration(to: clock.now) < .seconds(30) else { throw error }
                    try await Task.sleep(for: .milliseconds(20))
                }
            }
            return (Measurements.microseconds(start.duration(to: clock.now)) / 1000, dropped)
        }
        let (coldRestart, _) = try await restart(dropCaches: false)
        let (coldDropped, dropped) = try await restart(dropCaches: true)
        let pid = reportingd.process.processIdentifier
        let rssAfterRestart = Measurements.residentKiB(pid)

        // Warm: one client, calls one after the other.
        func timed(cpuOf process: Int32, _ body: () async throws -> Void) async throws -> Timing {
            var start = clock.now
            try await body()
            let first = Measurements.microseconds(start.duration(to: clock.now)) / 1000
            var times: [Double] = []
            let cpuStart = Measurements.cpuMicroseconds(process)
            for _ in 0..<rounds {
                start = clock.now
                try await body()
                times.append(Measurements.microseconds(start.duration(to: clock.now)) / 1000)
            }
            let cpu = (Measurements.cpuMicroseconds(process) - cpuStart) / Double(rounds) / 1000
            let (p50, p99) = Measurements.percentiles(&times)
            return Timing(first: first, p50: p50, p99: p99, cpu: cpu)
        }
        func timed(_ body: () async throws -> Void) async throws -> Timing { try await timed(cpuOf: pid, body) }
        let health = Binakarier_Health_V1_Health.Client(reportingClient)
        let bare = try await timed { _ = try await health.check() }
        // Computed: each call after the data moved (a SyncNow re-lists identity, so the cached report no
        // longer matches the data's version), the page cache warm; the sync itself is not timed.
        var computedTimes: [Double] = []
        let computedCPUStart = Measurements.cpuMicroseconds(pid)
        var syncCPU = 0.0
        for _ in 0..<10 {
            let before = Measurements.cpuMicroseconds(pid)
            _ = try await reporting.syncNow(.init())
            syncCPU += Measurements.cpuMicroseconds(pid) - before
            let start = clock.now
            _ = try await reporting.getCityReport(.init(year: Int32(year)))
            computedTimes.append(Measurements.microseconds(start.duration(to: clock.now)) / 1000)
        }
        let computedCPU = (Measurements.cpuMicroseconds(pid) - computedCPUStart - syncCPU) / 10 / 1000
        let (computedP50, computedP99) = Measurements.percentiles(&computedTimes)
        let cityComputed = Timing(first: computedTimes.first ?? 0, p50: computedP50, p99: computedP99, cpu: computedCPU)
        var cityMessage = 0
        let city = try await timed { cityMessage = try await reporting.getCityReport(.init(year: Int32(year))).report?.serializedBytes().count ?? 0 }
                var programMessage = 0, agencyMessage = 0, personMessage = 0, htmlBytes = 0, xlsxBytes = 0, csvBytes = 0
        let programReport = try await timed {
            programMessage = try await reporting.getProgramReport(.init(programCode: program, year: Int32(year))).report?.serializedBytes().count ?? 0
        }
        let agencyReport = try await timed {
            agencyMessage = try await reporting.getAgencyReport(.init(agencyCode: agency, year: Int32(year))).report?.serializedBytes().count ?? 0
        }
        let personReport = try await timed {
            personMessage = try await reporting.getPersonReport(.init(nip: personNIP, year: Int32(year))).report?.serializedBytes().count ?? 0
        }
        let cityHTML = try await timed { htmlBytes = try await reporting.getCityReport(.init(year: Int32(year), format: .html)).file?.content.count ?? 0 }
        let cityXLSX = try await timed { xlsxBytes = try await reporting.getCityReport(.init(year: Int32(year), format: .xlsx)).file?.content.count ?? 0 }
        let cityCSV = try await timed { csvBytes = try await reporting.getCityReport(.init(year: Int32(year), format: .csv)).file?.content.count ?? 0 }
        // The message alone once more: does a call cost more after many (the heap grown)?
        let cityAgain = try await timed { _ = try await reporting.getCityReport(.init(year: Int32(year))) }
        let rssAfterReports = Measurements.residentKiB(pid)
        let cityReport = try await reporting.getCityReport(.init(year: Int32(year))).report ?? .init()
        await reportingClient.close()
        await identityClient.close()

        // References: one hand-written query per owning database, its rows gathered as the report would.
        let verified = Binakarier_Programs_V1_LearningState.verified.rawValue
        let enrolled = Binakarier_Programs_V1_EnrolmentState.enrolled.rawValue
        let completed = Binakarier_Programs_V1_CompletionState.completed.rawValue
        let cancelled = Binakarier_Programs_V1_SessionState.cancelled.rawValue
        let activeStatus = Binakarier_Identity_V1_EmployeeStatus.active.rawValue
        let pns = Binakarier_Identity_V1_AsnType.pns.rawValue
        let reaction = Binakarier_Feedback_V1_Purpose.reaction.rawValue
        let (yearFrom, yearTo) = Self.yearBounds(year)
        let trend = (year - 4)...year
        let firstDay = "\(year)-01-01", nextYear = "\(year + 1)-01-01"

        func reference(_ name: String, _ queue: DatabaseQueue, _ sql: String, _ arguments: StatementArguments) async throws -> (String, Timing, Int) {
            var rows = 0
            let timing = try await timed(cpuOf: getpid()) {
                rows = try await queue.read { db in
                    // Kept in a dictionary by the first two columns, as a report keeps its figures.
                    var figures: [FigureKey: DatabaseValue] = [:]
                    let cursor = try Row.fetchCursor(db, sql: sql, arguments: arguments)
                    while let row = try cursor.next() {
                        let count = row.count
                        figures[FigureKey(first: row[0] as DatabaseValue, second: count > 1 ? row[1] as DatabaseValue : .null)] = count > 2 ? row[2] as DatabaseValue : .null
                    }
                    return figures.count
                }
            }
            return (name, timing, rows)
        }

        // City: identity's active ASN and PNS per agency; programs' verified JP per person for each trend
        // year and the year's enrolments and completions per agency and quarter; feedback's reaction item
        // means per program for the year; reporting's predicate counts per trend year.
        let cityReferences: [(String, Timing, Int)] = [
            try await reference("identity", identityDB, """
                SELECT agency_code, COUNT(*) AS active, SUM(asn_type = ?) AS pns FROM employee WHERE status = ? GROUP BY agency_code
                """, [pns, activeStatus]),
            try await reference("programs", programsDB, """
                SELECT 'jp' AS part, year || '/' || nip AS key, SUM(jp) AS jp, 0 AS completed
                FROM ledger_entry WHERE year BETWEEN ? AND ? AND state = ? GROUP BY year, nip
                UNION ALL
                SELECT 'enrolments', e.agency_code || '/' || ((CAST(substr(s.last_day, 6, 2) AS INTEGER) + 2) / 3), COUNT(*), SUM(e.completion = ?)
                FROM session s JOIN enrolment e ON e.session_id = s.id
                WHERE s.last_day >= ? AND s.last_day < ? AND s.state != ? AND e.state = ?
                GROUP BY e.agency_code, (CAST(substr(s.last_day, 6, 2) AS INTEGER) + 2) / 3
                """, [trend.lowerBound, trend.upperBound, verified, completed, firstDay, nextYear, cancelled, enrolled]),
            try await reference("feedback", feedbackDB, """
                SELECT c.program_code, t.question_id, SUM(t.value * t.count) * 1.0 / SUM(t.count) AS mean, SUM(t.count) AS answers
                FROM campaign c JOIN tally t ON t.campaign_id = c.id
                WHERE c.purpose = ? AND c.open_time >= ? AND c.open_time < ? AND t.facilitator = '' AND t.value >= 0
                GROUP BY c.program_code, t.question_id
                """, [reaction, yearFrom, yearTo]),
            try await reference("reporting", reportingDB, """
                SELECT year, predicate, COUNT(*) FROM skp WHERE year BETWEEN ? AND ? GROUP BY year, predicate
                """, [trend.lowerBound, trend.upperBound]),
        ]

        // Program: its enrolments of the year (people, agency, completion, attendance), the units of the
        // people (level 4 compares units), its reaction item means, the predicates of the year and the one before.
        let programReferences: [(String, Timing, Int)] = [
            try await reference("identity", identityDB, "SELECT nip, agency_code, unit_code FROM employee WHERE status = ?", [activeStatus]),
            try await reference("programs", programsDB, """
                SELECT e.nip, e.session_id, e.agency_code, e.completion, e.attendance_percent, e.pre_test, e.post_test
                FROM session s JOIN enrolment e ON e.session_id = s.id
                WHERE s.program_code = ? AND s.last_day >= ? AND s.last_day < ? AND s.state != ? AND e.state = ?
                """, [program, firstDay, nextYear, cancelled, enrolled]),
            try await reference("feedback", feedbackDB, """
                SELECT t.question_id, t.facilitator, SUM(t.value * t.count) * 1.0 / SUM(t.count) AS mean, SUM(t.count) AS answers
                FROM campaign c JOIN tally t ON t.campaign_id = c.id
                WHERE c.program_code = ? AND c.purpose = ? AND c.open_time >= ? AND c.open_time < ? AND t.value >= 0
                GROUP BY t.question_id, t.facilitator
                """, [program, reaction, yearFrom, yearTo]),
            try await reference("reporting", reportingDB, "SELECT nip, year, predicate FROM skp WHERE year IN (?, ?)", [year - 1, year]),
        ]

        // Agency: its active people with what the report groups by; verified JP per person for the year and
        // its enrolments per program; its dialogues and action items of the year; its predicate counts.
        let agencyReferences: [(String, Timing, Int)] = [
            try await reference("identity", identityDB, """
                SELECT nip, unit_code, asn_type, golongan, sex, job_level, education FROM employee WHERE agency_code = ? AND status = ?
                """, [agency, activeStatus]),
            try await reference("programs", programsDB, """
                SELECT 'jp' AS part, nip AS key, SUM(jp), 0 FROM ledger_entry WHERE year = ? AND state = ? GROUP BY nip
                UNION ALL
                SELECT 'program', e.program_code, COUNT(*), SUM(e.completion = ?)
                FROM session s JOIN enrolment e ON e.session_id = s.id
                WHERE e.agency_code = ? AND s.last_day >= ? AND s.last_day < ? AND s.state != ? AND e.state = ?
                GROUP BY e.program_code
                """, [year, verified, completed, agency, firstDay, nextYear, cancelled, enrolled]),
            try await reference("feedback", feedbackDB, """
                SELECT (SELECT COUNT(*) FROM dialogue WHERE agency_code = ? AND date LIKE ?),
                    (SELECT COUNT(*) FROM action WHERE agency_code = ? AND create_time >= ? AND create_time < ?),
                    (SELECT COUNT(*) FROM action WHERE agency_code = ? AND create_time >= ? AND create_time < ? AND state = ?)
                """, [agency, "\(year)-%", agency, yearFrom, yearTo, agency, yearFrom, yearTo, Binakarier_Feedback_V1_ActionState.done.rawValue]),
            try await reference("reporting", reportingDB, """
                SELECT s.year, s.predicate, COUNT(*) FROM person p JOIN skp s ON s.nip = p.nip
                WHERE p.agency = ? AND p.status = ? AND s.year IN (?, ?) GROUP BY s.year, s.predicate
                """, [agency, activeStatus, year - 1, year]),
        ]

        func sum(_ references: [(String, Timing, Int)]) -> Double { references.reduce(0) { $0 + $1.1.p50 } }
        func cpuSum(_ references: [(String, Timing, Int)]) -> Double { references.reduce(0) { $0 + $1.1.cpu } }
        func ms(_ value: Double) -> String { value >= 100 ? String(format: "%.0f", value) : value >= 10 ? String(format: "%.1f", value) : String(format: "%.2f", value) }
        func pad(_ text: String, _ width: Int) -> String { text.count >= width ? text : text + String(repeating: " ", count: width - text.count) }
        func lpad(_ text: String, _ width: Int) -> String { text.count >= width ? text : String(repeating: " ", count: width - text.count) + text }

        print("bk-reportingd RSS: \(rssAfterSync / 1024) MiB after the load and sync, \(rssAfterRestart / 1024) MiB after the restart and the cold call, \(rssAfterReports / 1024) MiB after every report below")
        print("city report \(year): \(cityReport.sections.count) sections, \(cityReport.conclusions.count) conclusions; subtitle \"\(cityReport.subtitle)\"")
        print("")
        print("\(pad("ms, one client", 34))\(lpad("first", 9))\(lpad("p50", 9))\(lpad("p99", 9))\(lpad("CPU", 9))\(lpad("ref Σp50", 10))\(lpad("ratio", 8))\(lpad("ref ΣCPU", 10))\(lpad("ratio", 8))  size")
        func line(_ label: String, _ timing: Timing, reference: [(String, Timing, Int)]? = nil, size: String) {
            let wall = reference.map { ms(sum($0)) } ?? "", wallRatio = reference.map { String(format: "%.1fx", timing.p50 / sum($0)) } ?? ""
            let cpu = reference.map { ms(cpuSum($0)) } ?? "", cpuRatio = reference.map { String(format: "%.1fx", timing.cpu / cpuSum($0)) } ?? ""
            print("\(pad(label, 34))\(lpad(ms(timing.first), 9))\(lpad(ms(timing.p50), 9))\(lpad(ms(timing.p99), 9))\(lpad(ms(timing.cpu), 9))"
                + "\(lpad(wall, 10))\(lpad(wallRatio, 8))\(lpad(cpu, 10))\(lpad(cpuRatio, 8))  \(size)")
        }
        print("\(pad("city \(year), cold: restart", 34))\(lpad(ms(coldRestart), 9))")
        print("\(pad("city \(year), cold: restart + drop", 34))\(lpad(ms(coldDropped), 9))   (page cache dropped: \(dropped))")
        line("city \(year), computed", cityComputed, reference: cityReferences, size: "after each change of the data")
        line("city \(year)", city, reference: cityReferences, size: "\(cityMessage / 1024) KiB message")
        line("program \(program)", programReport, reference: programReferences, size: "\(programMessage / 1024) KiB message")
        line("agency \(agency)", agencyReport, reference: agencyReferences, size: "\(agencyMessage / 1024) KiB message")
        line("person \(personNIP)", personReport, size: "\(personMessage / 1024) KiB message")
        line("city \(year) as HTML", cityHTML, size: "\(htmlBytes / 1024) KiB file")
        line("city \(year) as XLSX", cityXLSX, size: "\(xlsxBytes / 1024) KiB file")
        line("city \(year) as CSV", cityCSV, size: "\(csvBytes / 1024) KiB file")
        line("city \(year) again, after the rest", cityAgain, size: "")
        line("bare round trip (health)", bare, size: "")
        print("CPU: bk-reportingd's per warm call for a report, this process's per call for a reference (GRDB and SQLite run here)")
        let message = (city.cpu + cityAgain.cpu) / 2
        print("export cost over the message alone (mean CPU of its two rows above), daemon CPU a call: HTML \(String(format: "%+.1f", cityHTML.cpu - message)) ms, "
              + "XLSX \(String(format: "%+.1f", cityXLSX.cpu - message)) ms, CSV \(String(format: "%+.1f", cityCSV.cpu - message)) ms")
        print("goals: city warm under 50 ms → \(ms(city.p50)) ms (computed after a change \(ms(cityComputed.p50)) ms); cold under 1 s → \(ms(max(coldRestart, coldDropped))) ms; within 1.5x of the references → \(String(format: "%.1fx", city.p50 / sum(cityReferences))) (computed \(String(format: "%.1fx", cityComputed.p50 / sum(cityReferences))))")
        print("")
        print("references: hand-written SQL, one query per owning database opened read-only (GRDB), rows gathered into a dictionary; ms: first/p50/CPU of \(rounds)")
        for (title, references) in [("city \(year)", cityReferences), ("program \(program)", programReferences), ("agency \(agency)", agencyReferences)] {
            let parts = references.map { "\($0.0) \(ms($0.1.first))/\(ms($0.1.p50))/\(ms($0.1.cpu)) (\($0.2) rows)" }
            print("  \(pad(title, 22)) \(parts.joined(separator: ", ")); Σp50 \(ms(sum(references))), ΣCPU \(ms(cpuSum(references)))")
        }
        print("")
        print(String(format: "curve point: %d ASN (%d active), --history-years %d: city %d cold %@ ms (restart) / %@ ms (caches dropped: %@), warm p50 %@ ms, p99 %@ ms, CPU %@ ms; reference %@ ms (CPU %@ ms); ratio %.1fx (CPU %.1fx)",
                     people.count, active.count, historyYears, year, ms(coldRestart), ms(coldDropped), dropped.hasPrefix("yes") ? "yes" : "no",
                     ms(city.p50), ms(city.p99), ms(city.cpu), ms(sum(cityReferences)), ms(cpuSum(cityReferences)),
                     city.p50 / sum(cityReferences), city.cpu / cpuSum(cityReferences)))
    }

    /// "Cached:" of /proc/meminfo.
    static func pageCacheMiB() -> Int {
        guard let info = try? String(contentsOfFile: "/proc/meminfo", encoding: .utf8) else { return 0 }
        for line in info.split(separator: "\n") where line.hasPrefix("Cached:") {
            return (Int(line.split(separator: " ")[1]) ?? 0) / 1024
        }
        return 0
    }

    static func readOnly(_ path: String) throws -> DatabaseQueue {
        var configuration = Configuration()
        configuration.readonly = true
        return try DatabaseQueue(path: path, configuration: configuration)
    }

    /// [1 January, 1 January of the next year) in WIB, as unix seconds (as the services count a year).
    static func yearBounds(_ year: Int) -> (Int64, Int64) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 7 * 3600)!
        func start(_ year: Int) -> Int64 { Int64(calendar.date(from: DateComponents(year: year, month: 1, day: 1))!.timeIntervalSince1970) }
        return (start(year), start(year + 1))
    }
}
