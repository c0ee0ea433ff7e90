import BKProto
import BKRPC
import BKTestSupport
import Foundation
import Testing

/// LAN's conversion of non-classroom learning into JP through the real identity and programs daemons:
/// the built-in table, a report by activity converted by it (rounded down), the evidence it needs, the
/// supervisor's validation before BKPSDM's verification, the year-to-date gap per person and per unit,
/// and a new version of the table for learning from its date on.
@Suite("JP conversion end to end", .serialized, .timeLimit(.minutes(5)))
struct JpConversionEndToEndTests {
    static let arguments: [DaemonName: [String]] = [.programs: ["--revocation-poll-seconds", "0.2"]]

    /// The year the learning is dated in: this year once a few months have passed, so every date used
    /// below (January to August) lies in the past.
    static var learningYear: Int32 {
        let today = PracticeFixtures.wibDate()
        let month = Int(today.dropFirst(5).prefix(2))!
        return PracticeFixtures.wibYear() - (month >= 9 ? 0 : 1)
    }

    static func rule(_ table: Binakarier_Programs_V1_JpConversionTable, kind: Binakarier_Programs_V1_ProgramKind, jpPerDay: Double) -> Binakarier_Programs_V1_JpConversionRule? {
        table.rules.first { $0.kind == kind && $0.unit == .day && $0.jpPerUnit == jpPerDay }
    }

    @Test func learningByActivityIsConvertedValidatedVerifiedAndCountedTowardTheGap() async throws {
        try await Cluster.with([.identity, .programs], arguments: Self.arguments) { cluster in
            let organizer = try await cluster.token(for: .organizer)
            let staff = try await cluster.token(for: .employee)
            let supervisor = try await cluster.token(for: .supervisor)
            let head = try await cluster.token(for: .agencyHead)
            let colleague = try await PracticeFixtures.addEmployee(cluster, nip: "199108172015031002", name: "Rekan Uji", supervisor: ClusterPeople.supervisor.nip)
            // The supervisor and the member of staff work in unit LYN; the head and the colleague sit under the agency.
            try await PracticeFixtures.addUnit(cluster, code: "LYN", name: "Bidang Layanan", head: ClusterPeople.supervisor.nip)
            for nip in [ClusterPeople.supervisor.nip, ClusterPeople.staff.nip] { try await PracticeFixtures.place(cluster, nip: nip, unit: "LYN") }
            try await PracticeFixtures.programsReady(cluster, organizer)
            func client(_ token: String) -> ProgramsAPI.Client { ProgramsAPI.Client(cluster.client(.programs), metadata: .bearer(token)) }
            let programs = client(organizer)
            let year = Self.learningYear

            // The built-in table in force, readable by anyone signed in: LAN's defaults.
            let builtIn = try await client(staff).getJpConversion(.init())
            #expect(!builtIn.version.isEmpty && !builtIn.basis.isEmpty)
            #expect(builtIn.effectiveFrom <= "\(year)-01-01", "in force for the whole year: \(builtIn.effectiveFrom)")
            let nationalSeminar = try #require(Self.rule(builtIn, kind: .seminar, jpPerDay: 4), "a one-day national seminar is 4 JP: \(builtIn.rules)")
            #expect(Self.rule(builtIn, kind: .seminar, jpPerDay: 6) != nil, "an international seminar is 6 JP a day")
            let nationalWorkshop = try #require(Self.rule(builtIn, kind: .lokakarya, jpPerDay: 5), "a workshop is 5 JP a day")
            #expect(Self.rule(builtIn, kind: .lokakarya, jpPerDay: 7) != nil, "an international workshop is 7 JP a day")
            #expect(builtIn.rules.contains { $0.kind == .coaching && $0.model == .social20 }, "coaching counts as learning from others (20)")
            #expect(builtIn.rules.contains { $0.kind == .mentoring && $0.model == .social20 }, "mentoring counts as learning from others (20)")
            #expect(Set(builtIn.rules.map(\.code)).count == builtIn.rules.count)
            try #require(!nationalSeminar.evidence.isEmpty && !nationalWorkshop.evidence.isEmpty, "each activity names the evidence it needs")
            #expect(try await client(staff).getJpConversion(.init(version: builtIn.version)) == builtIn)

            // The member of staff reports two days of a national seminar: 2 × 4 = 8 JP, waiting for the supervisor.
            func learning(_ rule: Binakarier_Programs_V1_JpConversionRule, units: Double, start: String, end: String, evidence: [String]? = nil) -> Binakarier_Programs_V1_ReportOutsideLearningRequest {
                .init(learning: .init(
                    nip: ClusterPeople.staff.nip, title: "\(rule.name) \(start)", provider: "Kementerian PANRB", kind: rule.kind,
                    startDate: start, endDate: end, evidence: "Sertifikat No. 12/\(start)", activityCode: rule.code, units: units,
                    evidenceKinds: evidence ?? rule.evidence))
            }
            let seminar = try await client(staff).reportOutsideLearning(learning(nationalSeminar, units: 2, start: "\(year)-01-20", end: "\(year)-01-21"))
            #expect(seminar.jp == 8 && seminar.state == .pending && seminar.source == .outside && seminar.year == year)
            #expect(seminar.activityCode == nationalSeminar.code && seminar.units == 2 && seminar.conversionVersion == builtIn.version)
            #expect(seminar.needsValidation && seminar.validatedBy.isEmpty)
            #expect(Set(seminar.evidenceKinds) == Set(nationalSeminar.evidence))
            // One and a half days of a workshop: 7.5 JP, rounded down to 7.
            let workshop = try await client(staff).reportOutsideLearning(learning(nationalWorkshop, units: 1.5, start: "\(year)-02-10", end: "\(year)-02-11"))
            #expect(workshop.jp == 7, "5 × 1.5 = 7.5 is rounded down")

            // Evidence the activity asks for is missing: refused, and nothing is stored.
            #expect(await code {
                try await client(staff).reportOutsideLearning(learning(nationalSeminar, units: 1, start: "\(year)-03-02", end: "\(year)-03-02", evidence: Array(nationalSeminar.evidence.dropLast())))
            } == .invalidArgument)
            #expect(await code {
                try await client(staff).reportOutsideLearning(learning(nationalSeminar, units: 1, start: "\(year)-03-02", end: "\(year)-03-02", evidence: []))
            } == .invalidArgument)
            #expect(try await programs.listOutsideLearning(.init(nip: ClusterPeople.staff.nip)).entries.count == 2)

            // BKPSDM cannot verify before the supervisor validated (nothing changes, the bulk is all or none).
            #expect(await code { try await programs.verifyOutsideLearning(.init(entryIds: [seminar.id, workshop.id], approve: true)) } == .failedPrecondition)
            #expect(try await client(staff).getLedger(.init(nip: ClusterPeople.staff.nip, year: year)).jpVerified == 0)

            // Only the person's supervisor (or agency head) validates; not a colleague, not the person.
            #expect(await code { try await client(colleague).validateOutsideLearning(.init(entryIds: [seminar.id], approve: true)) } == .permissionDenied)
            #expect(await code { try await client(staff).validateOutsideLearning(.init(entryIds: [seminar.id], approve: true)) } == .permissionDenied)
            let queue = try await client(supervisor).listOutsideLearning(.init(awaitingMyValidation: true))
            #expect(Set(queue.entries.map(\.id)) == [seminar.id, workshop.id])
            #expect(await code { try await client(colleague).listOutsideLearning(.init(nip: ClusterPeople.staff.nip)) } == .permissionDenied)
            let validated = try await client(supervisor).validateOutsideLearning(.init(entryIds: [seminar.id, workshop.id], approve: true))
            #expect(validated.entriesChanged == 2)
            #expect(await code { try await client(supervisor).validateOutsideLearning(.init(entryIds: [seminar.id], approve: true)) } == .failedPrecondition,
                    "validated already")
            #expect(try await client(supervisor).listOutsideLearning(.init(awaitingMyValidation: true)).entries.isEmpty)
            let entries = try await programs.listOutsideLearning(.init(nip: ClusterPeople.staff.nip)).entries
            #expect(entries.allSatisfy { $0.validatedBy == ClusterPeople.supervisor.nip && $0.validateTimeUnix > 0 && $0.state == .pending })

            // Still pending until BKPSDM verifies: 15 JP pending, 0 verified, the whole 20 missing.
            var ledger = try await client(staff).getLedger(.init(nip: ClusterPeople.staff.nip, year: year))
            #expect(ledger.jpVerified == 0 && ledger.jpPending == 15 && ledger.jpGap == 20 && ledger.jpTarget == 20)

            let verified = try await programs.verifyOutsideLearning(.init(entryIds: [seminar.id, workshop.id], approve: true))
            #expect(verified.entriesChanged == 2)
            // The person, the supervisor and the agency head see the same gap: 20 − 15 = 5.
            for token in [staff, supervisor, head] {
                ledger = try await client(token).getLedger(.init(nip: ClusterPeople.staff.nip, year: year))
                #expect(ledger.jpVerified == 15 && ledger.jpPending == 0 && ledger.jpGap == 5 && !ledger.meetsTarget, "\(ledger)")
            }
            #expect(await code { try await client(colleague).getLedger(.init(nip: ClusterPeople.staff.nip, year: year)) } == .permissionDenied)

            // Per unit, year to date: LYN's two PNS miss 20 + 5; the two under the agency itself 20 + 20.
            let compliance = try await client(head).getCompliance(.init(year: year, agencyCode: ClusterPeople.agency))
            let lyn = try #require(compliance.units.first { $0.agencyCode == ClusterPeople.agency && $0.unitCode == "LYN" }, "\(compliance.units)")
            #expect(lyn.pnsActive == 2 && lyn.pnsMeetingTarget == 0 && lyn.jpGap == 25 && abs(lyn.averageJp - 7.5) < 1e-9, "\(lyn)")
            let direct = try #require(compliance.units.first { $0.agencyCode == ClusterPeople.agency && $0.unitCode.isEmpty }, "\(compliance.units)")
            #expect(direct.pnsActive == 2 && direct.jpGap == 40 && direct.averageJp == 0, "\(direct)")
            #expect(compliance.total?.pnsActive == 4 && compliance.total?.pnsMeetingTarget == 0)

            // BKPSDM publishes a new version from June on: a national seminar now counts 5 JP a day.
            var revised = builtIn.rules
            let index = try #require(revised.firstIndex { $0.code == nationalSeminar.code })
            revised[index].jpPerUnit = 5
            let newVersion = "UJI-\(year).2"
            let table = Binakarier_Programs_V1_JpConversionTable(
                version: newVersion, effectiveFrom: "\(year)-06-01", basis: "Surat Edaran LAN (uji)", rules: revised)
            #expect(await code { try await client(staff).publishJpConversion(.init(table: table)) } == .permissionDenied)
            var broken = table
            broken.version = "UJI-RUSAK"
            broken.rules[0].unit = .unspecified
            #expect(await code { try await programs.publishJpConversion(.init(table: broken)) } == .invalidArgument)
            broken = table
            broken.version = "UJI-GANDA"
            broken.rules.append(broken.rules[0])
            #expect(await code { try await programs.publishJpConversion(.init(table: broken)) } == .invalidArgument, "a repeated code")
            let published = try await programs.publishJpConversion(.init(table: table))
            #expect(published.version == newVersion && published.effectiveFrom == "\(year)-06-01" && published.publishedBy == "penyelenggara")
            #expect(published.publishTimeUnix > 0)
            #expect(await code { try await programs.publishJpConversion(.init(table: table)) } == .alreadyExists)
            var same = table
            same.effectiveFrom = "\(year)-07-01"
            #expect(await code { try await programs.publishJpConversion(.init(table: same)) } == .alreadyExists, "versions never change")

            // The version in force depends on the date; the newest comes first in the list.
            #expect(try await client(staff).getJpConversion(.init(date: "\(year)-05-31")).version == builtIn.version)
            #expect(try await client(staff).getJpConversion(.init(date: "\(year)-06-01")).version == newVersion)
            #expect(try await client(staff).listJpConversions(.init()).tables.first?.version == newVersion)

            // Learning dated after it is converted by the new version, before it by the old; what was
            // verified keeps its JP.
            let later = try await client(staff).reportOutsideLearning(learning(nationalSeminar, units: 2, start: "\(year)-08-04", end: "\(year)-08-05"))
            #expect(later.jp == 10 && later.conversionVersion == newVersion)
            let earlier = try await client(staff).reportOutsideLearning(learning(nationalSeminar, units: 1, start: "\(year)-05-20", end: "\(year)-05-20"))
            #expect(earlier.jp == 4 && earlier.conversionVersion == builtIn.version)
            ledger = try await client(staff).getLedger(.init(nip: ClusterPeople.staff.nip, year: year))
            #expect(ledger.jpVerified == 15 && ledger.jpPending == 14 && ledger.jpGap == 5)

            // Validated and verified, the person passes 20 JP: no gap, and the unit's gap shrinks to the supervisor's 20.
            _ = try await client(supervisor).validateOutsideLearning(.init(entryIds: [later.id, earlier.id], approve: true))
            _ = try await programs.verifyOutsideLearning(.init(entryIds: [later.id, earlier.id], approve: true))
            ledger = try await client(staff).getLedger(.init(nip: ClusterPeople.staff.nip, year: year))
            #expect(ledger.jpVerified == 29 && ledger.jpGap == 0 && ledger.meetsTarget)
            let after = try await client(head).getCompliance(.init(year: year, agencyCode: ClusterPeople.agency))
            #expect(after.units.first { $0.unitCode == "LYN" }?.jpGap == 20 && after.units.first { $0.unitCode == "LYN" }?.pnsMeetingTarget == 1)
            #expect(after.total?.pnsMeetingTarget == 1)
        }
    }
}
