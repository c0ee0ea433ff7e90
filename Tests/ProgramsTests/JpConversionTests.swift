import BKAuth
import BKProto
import BKRPC
import BKServiceKit
import BKTestSupport
import Testing
@testable import Programs

@Suite("Programs: LAN's JP conversion, the supervisor's validation and the gap to 20 JP", .timeLimit(.minutes(2)))
struct JpConversionTests {
    @Test func theBuiltInTableConvertsAndCaps() throws {
        let table = JpConversion.builtIn
        let national = try #require(table.rules.first { $0.code == "SEMINAR-NASIONAL" })
        let international = try #require(table.rules.first { $0.code == "SEMINAR-INTERNASIONAL" })
        let workshop = try #require(table.rules.first { $0.code == "LOKAKARYA-NASIONAL" })
        let workshopAbroad = try #require(table.rules.first { $0.code == "LOKAKARYA-INTERNASIONAL" })
        #expect(try JpConversion.jp(of: national, units: 1, claimed: 0, field: "u") == 4)
        #expect(try JpConversion.jp(of: international, units: 1, claimed: 0, field: "u") == 6)
        #expect(try JpConversion.jp(of: workshop, units: 2, claimed: 0, field: "u") == 10)
        #expect(try JpConversion.jp(of: workshopAbroad, units: 1, claimed: 0, field: "u") == 7)
        let coaching = try #require(table.rules.first { $0.code == "COACHING" })
        #expect(try JpConversion.jp(of: coaching, units: 5, claimed: 6, field: "u") == 2, "the yearly cap of 8 leaves 2")
        #expect(throws: ProgramsError.self) { try JpConversion.jp(of: coaching, units: 1, claimed: 8, field: "u") }
        #expect(throws: ProgramsError.self) { try JpConversion.jp(of: national, units: 0, claimed: 0, field: "u") }
        #expect(throws: ProgramsError.self) { try JpConversion.jp(of: national, units: .nan, claimed: 0, field: "u") }
        #expect(JpConversion.missingEvidence(national, attached: ["Sertifikat"]) == ["surat-tugas"])
        #expect(try JpConversion.validated(table).rules.count == table.rules.count)
    }

    @Test func personReportsSupervisorValidatesBkpsdmVerifies() async throws {
        try await ProgramsWorld.with(staffCount: 2) { world in
            let me = world.staff[0]
            let mine = world.employee(me)
            let seminar = Binakarier_Programs_V1_OutsideLearning(
                nip: me.nip, title: "Seminar Nasional Pelayanan Publik", provider: "KemenPANRB", startDate: "2026-05-12",
                evidence: "https://example.go.id/sertifikat/88", activityCode: "SEMINAR-NASIONAL", units: 2, evidenceKinds: ["sertifikat"])
            #expect(await code { try await mine.reportOutsideLearning(.init(learning: seminar)) } == .invalidArgument, "the duty letter is missing")
            var complete = seminar
            complete.evidenceKinds = ["sertifikat", "surat-tugas"]
            let reported = try await mine.reportOutsideLearning(.init(learning: complete))
            #expect(reported.jp == 8 && reported.kind == .seminar && reported.conversionVersion == "2026.1")
            #expect(reported.needsValidation && reported.validatedBy.isEmpty && reported.state == .pending)
            var unknown = complete
            unknown.activityCode = "NONTON-FILM"
            #expect(await code { try await mine.reportOutsideLearning(.init(learning: unknown)) } == .invalidArgument)

            // BKPSDM cannot verify before the supervisor validated; a colleague cannot validate.
            #expect(await code { try await world.organizer.verifyOutsideLearning(.init(entryIds: [reported.id], approve: true)) } == .failedPrecondition)
            #expect(await code { try await world.employee(world.staff[1]).validateOutsideLearning(.init(entryIds: [reported.id], approve: true)) } == .permissionDenied)
            #expect(await code { try await world.employee(ProgramsWorld.nurse).validateOutsideLearning(.init(entryIds: [reported.id], approve: true)) } == .permissionDenied)

            let boss = world.employee(ProgramsWorld.supervisor)
            #expect(try await boss.listOutsideLearning(.init(awaitingMyValidation: true)).entries.map(\.id) == [reported.id])
            #expect(await code { try await boss.validateOutsideLearning(.init(entryIds: [reported.id], approve: false)) } == .invalidArgument, "a refusal needs a reason")
            #expect(try await boss.validateOutsideLearning(.init(entryIds: [reported.id], approve: true)).entriesChanged == 1)
            #expect(try await boss.listOutsideLearning(.init(awaitingMyValidation: true)).entries.isEmpty)
            #expect(await code { try await boss.validateOutsideLearning(.init(entryIds: [reported.id], approve: true)) } == .failedPrecondition, "once")
            #expect(try await world.organizer.verifyOutsideLearning(.init(entryIds: [reported.id], approve: true)).entriesChanged == 1)

            let ledger = try await mine.getLedger(.init(nip: me.nip, year: 2026))
            #expect(ledger.jpVerified == 8 && ledger.jpGap == 12)
            #expect(ledger.entries.first?.validatedBy == ProgramsWorld.supervisor.nip)

            // The head may validate too; refusing rejects with the reason.
            var coaching = complete
            coaching.activityCode = "COACHING"
            coaching.units = 3
            coaching.evidenceKinds = ["catatan-coaching"]
            let second = try await mine.reportOutsideLearning(.init(learning: coaching))
            #expect(second.jp == 3)
            #expect(try await world.employee(ProgramsWorld.head).validateOutsideLearning(.init(
                entryIds: [second.id], approve: false, reason: "catatan coaching belum ditandatangani")).entriesChanged == 1)
            #expect(try await mine.getLedger(.init(nip: me.nip, year: 2026)).entries.first { $0.id == second.id }?.rejectReason == "catatan coaching belum ditandatangani")

            // What BKPSDM enters from evidence does not wait for a supervisor.
            var entered = complete
            entered.nip = world.staff[1].nip
            let direct = try await world.organizer.reportOutsideLearning(.init(learning: entered))
            #expect(!direct.needsValidation)
            #expect(try await world.organizer.verifyOutsideLearning(.init(entryIds: [direct.id], approve: true)).entriesChanged == 1)
        }
    }

    @Test func versionsArePublishedNeverChangedAndChosenByDate() async throws {
        try await ProgramsWorld.with(staffCount: 1) { world in
            var next = JpConversion.builtIn
            next.version = "2027.1"
            next.effectiveFrom = "2027-01-01"
            next.rules[0].jpPerUnit = 5
            #expect(await code { try await world.employee(world.staff[0]).publishJpConversion(.init(table: next)) } == .permissionDenied)
            let published = try await world.organizer.publishJpConversion(.init(table: next))
            #expect(published.publishedBy == "bkpsdm" && published.publishTimeUnix > 0)
            #expect(await code { try await world.organizer.publishJpConversion(.init(table: next)) } == .alreadyExists)
            var broken = next
            broken.version = "2027.2"
            broken.rules.append(broken.rules[0])
            #expect(await code { try await world.organizer.publishJpConversion(.init(table: broken)) } == .invalidArgument, "a repeated code")

            #expect(try await world.organizer.getJpConversion(.init(date: "2026-12-31")).version == "2026.1")
            #expect(try await world.organizer.getJpConversion(.init(date: "2027-03-01")).version == "2027.1")
            #expect(try await world.organizer.listJpConversions(.init()).tables.map(\.version) == ["2027.1", "2026.1"])
            let me = world.staff[0]
            let reported = try await world.employee(me).reportOutsideLearning(.init(learning: .init(
                nip: me.nip, title: "Seminar 2027", startDate: "2027-02-01", activityCode: "SEMINAR-NASIONAL", units: 1,
                evidenceKinds: ["sertifikat", "surat-tugas"])))
            #expect(reported.jp == 5 && reported.conversionVersion == "2027.1")
        }
    }

    @Test func complianceShowsTheGapUnitByUnit() {
        var rules = ProgramRules.Settings()
        rules.pnsMinimumJP = 20
        func person(_ nip: String, unit: String) -> Employee {
            Employee(nip: nip, name: nip, asnType: .pns, agencyCode: "DINKES", unitCode: unit, status: .active)
        }
        let people = [person("1", unit: "KESMAS"), person("2", unit: "KESMAS"), person("3", unit: "P2P"), person("4", unit: "")]
        let compliance = ProgramsService.compliance(
            employees: people, totals: ["1": (24, 0), "2": (5, 4), "3": (0, 0)], year: 2026, belowTargetLimit: 10, rules: rules)
        #expect(compliance.units.map(\.unitCode) == ["", "KESMAS", "P2P"])
        let kesmas = compliance.units[1]
        #expect(kesmas.pnsActive == 2 && kesmas.pnsMeetingTarget == 1 && kesmas.jpGap == 15 && kesmas.averageJp == 14.5)
        #expect(compliance.units[2].jpGap == 20 && compliance.units[0].jpGap == 20)
    }
}
