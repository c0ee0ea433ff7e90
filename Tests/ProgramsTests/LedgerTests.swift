import BKTestSupport
import BKProto
import BKRPC
import BKStore
import GRDB
import Logging
import Testing
@testable import Programs

@Suite("Programs: ledger, outside learning, compliance, imports, access and the feed", .timeLimit(.minutes(2)))
struct LedgerTests {
    @Test func outsideLearningIsPendingUntilVerified() async throws {
        try await ProgramsWorld.with(staffCount: 2) { world in
            let me = world.staff[0]
            let mine = world.employee(me)
            let reported = try await mine.reportOutsideLearning(.init(learning: .init(
                nip: me.nip, title: "Kursus Daring Manajemen ASN", provider: "LAN RI", kind: .eLearning, jp: 12,
                startDate: "2026-02-02", endDate: "2026-02-20", evidence: "https://asn-unggul.lan.go.id/sertifikat/123")))
            #expect(reported.state == .pending && reported.year == 2026)
            #expect(await code { try await mine.reportOutsideLearning(.init(learning: .init(nip: world.staff[1].nip, title: "x", jp: 2, startDate: "2026-02-02"))) } == .permissionDenied)
            #expect(await code { try await mine.reportOutsideLearning(.init(learning: .init(nip: me.nip, title: "x", jp: 0, startDate: "2026-02-02"))) } == .invalidArgument)
            var ledger = try await mine.getLedger(.init(nip: me.nip, year: 2026))
            #expect(ledger.jpVerified == 0 && ledger.jpPending == 12 && !ledger.meetsTarget)
            #expect(await code { try await mine.verifyOutsideLearning(.init(entryIds: [reported.id], approve: true)) } == .permissionDenied)
            #expect(await code { try await world.organizer.verifyOutsideLearning(.init(entryIds: [reported.id], approve: false)) } == .invalidArgument, "a rejection needs a reason")
            let pending = try await world.organizer.listOutsideLearning(.init(state: .pending)).entries
            #expect(pending.map(\.id) == [reported.id])
            #expect(try await world.organizer.verifyOutsideLearning(.init(entryIds: [reported.id], approve: true)).entriesChanged == 1)
            #expect(await code { try await world.organizer.verifyOutsideLearning(.init(entryIds: [reported.id], approve: false, reason: "x")) } == .failedPrecondition)
            ledger = try await mine.getLedger(.init(nip: me.nip, year: 2026))
            #expect(ledger.jpVerified == 12 && ledger.entries[0].verifiedBy == "bkpsdm")

            // An organiser who is also an ASN does not verify their own.
            let colleague = world.client(world.token(subject: me.nip, roles: [.organizer, .employee], nip: me.nip, agency: "DIKBUD"))
            let own = try await colleague.reportOutsideLearning(.init(learning: .init(nip: me.nip, title: "Diklat PIM", jp: 30, startDate: "2026-03-01")))
            #expect(await code { try await colleague.verifyOutsideLearning(.init(entryIds: [own.id], approve: true)) } == .permissionDenied)
            // No one piles up entries without end (a total must never overflow).
            let other = world.staff[1]
            for index in 0..<ProgramsStore.maximumOutsideEntriesPerYear {
                _ = try await world.employee(other).reportOutsideLearning(.init(learning: .init(nip: other.nip, title: "Kursus \(index)", jp: 200, startDate: "2026-03-01")))
            }
            #expect(await code { try await world.employee(other).reportOutsideLearning(.init(learning: .init(nip: other.nip, title: "Satu lagi", jp: 200, startDate: "2026-03-01"))) } == .resourceExhausted)
            #expect(try await world.organizer.getLedger(.init(nip: other.nip, year: 2026)).jpPending == 20_000)
        }
    }

    @Test func importsAreAllOrNothingWithEveryBadLineReported() async throws {
        try await ProgramsWorld.with(staffCount: 3) { world in
            let program = try await world.program("LAT-IMPOR", days: 2)
            let session = try await world.openSession(program)
            let nips = world.staff.map(\.nip)
            _ = try await world.organizer.enrol(.init(sessionId: session.id, nips: nips))
            _ = try await world.organizer.transitionSession(.init(id: session.id, transition: .start))
            let (d1, d2) = (session.days[0].date, session.days[1].date)
            let bad = """
                NIP;Tanggal;Status;Keterangan\r
                \(nips[0]);\(d1);Hadir;\r
                \(nips[1]);02/03/2026;terlambat;macet\r
                \(nips[2]);\(d1);bolos;\r
                123;\(d1);hadir;\r
                \(ProgramsWorld.nurse.nip);\(d2);hadir;\r
                \(nips[0]);2026-03-09;hadir;\r

                """
            let refused = try await world.organizer.importAttendance(.init(sessionId: session.id, csv: Array(bad.utf8)))
            #expect(refused.rowsSaved == 0 && refused.rowsTotal == 6)
            #expect(refused.errors.map(\.line) == [4, 5], "rows are checked first; then the session's rules")
            #expect(refused.errors[0].reason.contains("bolos"))
            #expect(try await world.organizer.getAttendance(.init(sessionId: session.id)).records.isEmpty)
            let fixedShape = """
                NIP;Tanggal;Status;Keterangan
                \(nips[0]);\(d1);Hadir;
                \(ProgramsWorld.nurse.nip);\(d2);hadir;
                \(nips[0]);2026-03-09;hadir;

                """
            let second = try await world.organizer.importAttendance(.init(sessionId: session.id, csv: Array(fixedShape.utf8)))
            #expect(second.rowsSaved == 0 && second.errors.map(\.line) == [3, 4])
            var good = "nip,tanggal,status\n"
            for nip in nips { good += "\(nip),\(d1),hadir\n\(nip),\(d2),\(nip == nips[2] ? "sakit" : "hadir")\n" }
            let dry = try await world.organizer.importAttendance(.init(sessionId: session.id, csv: Array(good.utf8), dryRun: true))
            #expect(dry.errors.isEmpty && dry.rowsSaved == 0 && dry.rowsTotal == 6)
            let saved = try await world.organizer.importAttendance(.init(sessionId: session.id, csv: Array(good.utf8)))
            #expect(saved.rowsSaved == 6)
            let percent = try await world.organizer.getAttendance(.init(sessionId: session.id)).enrolments.map(\.attendancePercent)
            #expect(percent.sorted() == [50, 100, 100])

            // Outside learning, by file.
            let learning = """
                NIP,Judul,Penyelenggara,Jenis,JP,Tanggal Mulai,Tanggal Selesai,Bukti
                \(nips[0]),Pelatihan Kepemimpinan Pengawas,BPSDM Sumbar,pelatihan,30,2026-04-01,2026-04-10,
                \(nips[1]),Webinar Smart ASN,LAN RI,seminar,3,2026-05-05,,
                \(nips[2]),Magang,Pemko Padang,kemah,10,2026-05-05,2026-05-01,

                """
            let imported = try await world.organizer.importOutsideLearning(.init(csv: Array(learning.utf8)))
            #expect(imported.rowsSaved == 0 && imported.errors.map(\.line) == [4])
            let fixed = learning.replacingOccurrences(of: "kemah,10,2026-05-05,2026-05-01", with: "magang,10,2026-05-01,2026-05-05")
            let stored = try await world.organizer.importOutsideLearning(.init(csv: Array(fixed.utf8)))
            #expect(stored.rowsSaved == 3 && stored.errors.isEmpty)
            #expect(try await world.organizer.listOutsideLearning(.init(state: .pending)).entries.count == 3)
        }
    }

    @Test func complianceCountsActivePNSAgainstTheMinimumAndPPPKAgainstTheCeiling() async throws {
        try await ProgramsWorld.with(staffCount: 4) { world in
            func credit(_ nip: String, _ jp: Int32, year: String = "2026") async throws {
                let entry = try await world.organizer.reportOutsideLearning(.init(learning: .init(nip: nip, title: "Kursus", jp: jp, startDate: "\(year)-03-01")))
                _ = try await world.organizer.verifyOutsideLearning(.init(entryIds: [entry.id], approve: true))
            }
            try await credit(world.staff[0].nip, 20)
            try await credit(world.staff[1].nip, 12)
            try await credit(world.staff[1].nip, 10, year: "2025")
            try await credit(ProgramsWorld.contract.nip, 30)
            _ = try await world.organizer.reportOutsideLearning(.init(learning: .init(nip: world.staff[2].nip, title: "Belum diverifikasi", jp: 24, startDate: "2026-03-01")))
            try await credit(ProgramsWorld.nurse.nip, 21)

            let city = try await world.organizer.getCompliance(.init(year: 2026))
            // PNS active: head, supervisor, nurse, 4 staff = 7 (the retired one does not count); meeting: staff0, nurse.
            let total = try #require(city.total)
            #expect(total.pnsActive == 7 && total.pnsMeetingTarget == 2)
            #expect(abs(total.pnsPercent - 200.0 / 7) < 1e-9)
            #expect(total.pppkActive == 1 && total.pppkOverCeiling == 1)
            #expect(city.agencies.map(\.agencyCode) == ["DIKBUD", "DINKES"])
            #expect(city.agencies[1].pnsPercent == 100)
            #expect(city.belowTargetTotal == 5)
            #expect(city.belowTarget.first?.jpVerified == 0)
            let staff1 = try #require(city.belowTarget.first { $0.nip == world.staff[1].nip })
            #expect(staff1.jpVerified == 12)
            #expect(city.belowTarget.first { $0.nip == world.staff[2].nip }?.jpPending == 24)

            // An agency head sees their agency only; an employee not at all.
            let head = world.employee(ProgramsWorld.head)
            #expect(try await head.getCompliance(.init(year: 2026)).agencies.map(\.agencyCode) == ["DIKBUD"])
            #expect(await code { try await head.getCompliance(.init(year: 2026, agencyCode: "DINKES")) } == .permissionDenied)
            #expect(await code { try await world.employee(world.staff[0]).getCompliance(.init(year: 2026)) } == .permissionDenied)
            #expect(try await world.organizer.getCompliance(.init(year: 2026, belowTargetLimit: 2)).belowTarget.count == 2)
        }
    }

    @Test func peopleSeeTheirOwnTheirStaffsAndNoOneElsesRecords() async throws {
        try await ProgramsWorld.with(staffCount: 2) { world in
            let staff = world.staff[0]
            #expect(try await world.employee(staff).getLedger(.init(nip: staff.nip)).year == 2026)
            #expect(try await world.employee(ProgramsWorld.supervisor).getLedger(.init(nip: staff.nip)).nip == staff.nip)
            #expect(try await world.employee(ProgramsWorld.head).getLedger(.init(nip: staff.nip)).nip == staff.nip)
            #expect(await code { try await world.employee(world.staff[1]).getLedger(.init(nip: staff.nip)) } == .permissionDenied)
            #expect(await code { try await world.employee(ProgramsWorld.nurse).listCertificates(.init(nip: staff.nip)) } == .permissionDenied)
            #expect(await code { try await world.employee(staff).getLedger(.init(nip: ProgramsWorld.supervisor.nip)) } == .permissionDenied)
            #expect(await code { try await world.anonymous.getLedger(.init(nip: staff.nip)) } == .unauthenticated)
            #expect(await code { try await world.employee(staff).getLedger(.init(nip: "bukan-nip")) } == .invalidArgument)
            #expect(await code { try await world.organizer.getLedger(.init(nip: "199901012020121001")) } == .notFound)
            // The catalogue is for everyone logged in; changing it is BKPSDM's.
            let program = try await world.program("SEM-TERBUKA", days: 1, audience: nil)
            #expect(try await world.employee(staff).listPrograms(.init()).programs.map(\.code) == [program.code])
            #expect(await code { try await world.employee(staff).createProgram(.init(program: program)) } == .permissionDenied)
            #expect(await code { try await world.employee(staff).listChanges(.init()) } == .permissionDenied)
            #expect(await code { try await world.feedbackService.listChanges(.init()) } == nil)
            // Development needs: a supervisor proposes for their staff; BKPSDM sees demand.
            let supervisor = world.employee(ProgramsWorld.supervisor)
            let need = try await supervisor.proposeNeed(.init(need: .init(nip: staff.nip, competencyCode: "MNJ-KOMUNIKASI", priority: .high, reason: "melayani orang tua murid")))
            #expect(need.agencyCode == "DIKBUD" && need.year == 2026 && need.proposedBy == ProgramsWorld.supervisor.nip)
            #expect(await code { try await supervisor.proposeNeed(.init(need: .init(nip: ProgramsWorld.nurse.nip, competencyCode: "MNJ-KOMUNIKASI", priority: .low))) } == .permissionDenied)
            #expect(await code { try await world.employee(staff).proposeNeed(.init(need: .init(nip: staff.nip, competencyCode: "MNJ-KOMUNIKASI", priority: .low))) } == .permissionDenied)
            _ = try await world.organizer.linkNeed(.init(id: need.id, programCode: program.code))
            let demand = try await world.organizer.summarizeNeeds(.init(year: 2026)).demand
            #expect(demand.count == 1 && demand[0].high == 1 && demand[0].open == 0 && demand[0].programCodes == [program.code])
            #expect(try await world.employee(ProgramsWorld.head).listNeeds(.init()).needs.count == 1)
        }
    }

    /// A consumer applying the feed to its own database sees every change once, in order, across pages
    /// and after a stop half-way.
    @Test func theChangeFeedCarriesEveryStateChange() async throws {
        try await ProgramsWorld.with(staffCount: 3) { world in
            let program = try await world.program("LAT-FEED", days: 1)
            let session = try await world.openSession(program)
            _ = try await world.organizer.enrol(.init(sessionId: session.id, nips: world.staff.map(\.nip)))
            _ = try await world.organizer.transitionSession(.init(id: session.id, transition: .start))
            try await world.attend(session, world.staff.map(\.nip))
            _ = try await world.organizer.transitionSession(.init(id: session.id, transition: .complete))

            var migrator = DatabaseMigrator()
            ChangeFeedConsumer.registerMigration(&migrator)
            migrator.registerMigration("seen") { db in try db.execute(sql: "CREATE TABLE seen (sequence INTEGER NOT NULL, kind TEXT NOT NULL)") }
            let own = try Store.inMemory(migrator: migrator)
            let feed = world.feedbackService
            let consumer = ChangeFeedConsumer(
                feed: "programs", writer: own, logger: Logger(label: "test"),
                fetch: { after in FeedPage(try await feed.listChanges(.init(afterSequence: after, limit: 4))) },
                apply: { db, change in try db.execute(sql: "INSERT INTO seen VALUES (?, ?)", arguments: [change.sequence, change.kind]) })
            let applied = try await consumer.catchUp()
            let kinds = try await own.read { db in try String.fetchAll(db, sql: "SELECT kind FROM seen ORDER BY sequence") }
            #expect(applied == kinds.count)
            #expect(kinds.first == "session.created" && kinds.last == "session.completed")
            #expect(kinds.count { $0 == "certificate.issued" } == 3)
            #expect(kinds.count { $0 == "attendance.marked" } == 3)
            #expect(kinds.contains("session.opened") && kinds.contains("session.started") && kinds.contains("completion.changed"))
            #expect(kinds.count { $0 == "ledger.changed" } == 3, "the JP each completion credits")
            // More changes: the next catch-up applies those only.
            _ = try await world.openSession(program)
            #expect(try await consumer.catchUp() == 2)
            let sequences = try await own.read { db in try Int64.fetchAll(db, sql: "SELECT sequence FROM seen ORDER BY sequence") }
            #expect(Set(sequences).count == sequences.count && sequences == sequences.sorted())
        }
    }
}
