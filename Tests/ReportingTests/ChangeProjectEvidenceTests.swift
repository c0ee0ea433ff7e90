import BKProto
import BKStore
import BKTestSupport
import Foundation
import Testing
@testable import Reporting

@Suite("Reporting: change projects as level-3 evidence", .timeLimit(.minutes(2)))
struct ChangeProjectEvidenceTests {
    typealias Project = Binakarier_Feedback_V1_ChangeProject

    /// A project as feedback's feed carries it: states, terms, dates; `confirmed` of its milestones
    /// confirmed, `waiting` reported after those, the rest planned.
    static func project(_ id: String, session: String, program: String = "PKP-2026", nip: String, confirmed: Int, waiting: Int = 0, milestones: Int = 2) throws -> FeedChange {
        let terms: [Binakarier_Feedback_V1_MilestoneTerm] = [.short, .medium, .long]
        let project = Project(
            id: id, sessionId: session, programCode: program, training: "PKP", participantNip: nip, agencyCode: "DINKES", mentorNip: City.supervisorA,
            milestones: (0..<milestones).map { index in
                .init(id: "T\(index + 1)", term: terms[min(index, 2)], dueDate: "2026-10-09",
                      state: index < confirmed ? .confirmed : index < confirmed + waiting ? .reported : .planned)
            })
        return FeedChange(kind: "change_project.changed", key: id, payload: try project.serializedBytes(), timeUnix: ReportingWorld.june2026)
    }

    static func pkp(_ world: ReportingWorld) async throws {
        try await world.store.saveProgram(.init(code: "PKP-2026", title: "Pelatihan Kepemimpinan Pengawas", kind: .pelatihan, jp: 40, organizerAgencyCode: "BKPSDM"))
        var changes = [try City.session("PKP-2026-01", program: "PKP-2026", days: ["2026-10-05", "2026-10-06"]),
                       try City.session("PKP-2025-01", program: "PKP-2026", days: ["2025-10-06"])]
        for nip in City.staffA.prefix(7) { changes.append(try City.enrolment("PKP-2026-01", program: "PKP-2026", nip: nip, agency: "DINKES")) }
        try await City.apply(world.store, programs: changes)
    }

    @Test func mentorConfirmedMilestonesAreCountedApartFromTheFollowUpForms() async throws {
        try await ReportingWorld.with { world in
            try await Self.pkp(world)
            // Five participants, each with their first milestone confirmed; two of them wait on the second.
            var changes = try City.staffA.prefix(5).enumerated().map { index, nip in
                try Self.project("AP-\(index)", session: "PKP-2026-01", nip: nip, confirmed: 1, waiting: index < 2 ? 1 : 0)
            }
            // Last year's batch is not this year's evidence.
            changes.append(try Self.project("AP-OLD", session: "PKP-2025-01", nip: City.staffA[9], confirmed: 2))
            try await City.apply(world.store, feedback: changes)

            let report = try #require(try await world.organizer.getProgramReport(.init(programCode: "PKP-2026", year: 2026)).report)
            let level3 = try #require(report.sections.first { $0.title == "Level 3 — Perilaku kerja" })
            #expect(level3.tables.map(\.title) == [
                "Penerapan di tempat kerja (60–90 hari)", "Aksi perubahan: peserta dengan tahapan yang dikonfirmasi mentor",
                "Aksi perubahan: tahapan menurut jangka waktu",
            ])
            let people = level3.tables[1]
            #expect(people.columns.map(\.title) == ["Peserta", "Ada tahapan dikonfirmasi mentor", "Belum ada", "Jumlah", "% dikonfirmasi"])
            #expect(people.rows.count == 1 && people.rows[0].cells.dropFirst().map(\.value) == [5, 0, 5, 100])
            // Milestones by term: 2 waiting and 3 planned of the medium term are under k, and what would
            // give them away from the totals hides with them; the totals of the rows stay.
            let terms = level3.tables[2]
            #expect(terms.row("Jangka pendek")?.cells[4].value == 5 && terms.row("Jangka menengah")?.cells[4].value == 5)
            #expect(terms.row("Jumlah")?.cells[4].value == 10)
            let medium = try #require(terms.row("Jangka menengah"))
            #expect(medium.cells[2].isHidden && medium.cells[3].isHidden, "2 waiting and 3 planned are under k")
            let conclusion = try #require(report.conclusion("L3-AP"))
            #expect(conclusion.verdict == .positive && conclusion.n == 5 && conclusion.evidence.contains("5 dari 5 peserta"))
            #expect(report.conclusion("L3") != nil, "the follow-up forms' conclusion stays")
        }
    }

    @Test func aProjectSeenAgainReplacesWhatWasKnownOfIt() async throws {
        try await ReportingWorld.with { world in
            try await Self.pkp(world)
            // AP-0 first without a confirmation, then with one: the later state counts.
            var changes = [try Self.project("AP-0", session: "PKP-2026-01", nip: City.staffA[0], confirmed: 0, waiting: 1)]
            changes += try (0..<10).map { index in
                try Self.project("AP-\(index)", session: "PKP-2026-01", nip: City.staffA[index], confirmed: index < 5 ? 1 : 0)
            }
            try await City.apply(world.store, feedback: changes)
            let report = try #require(try await world.organizer.getProgramReport(.init(programCode: "PKP-2026", year: 2026)).report)
            let row = try #require(report.table("Aksi perubahan: peserta dengan tahapan yang dikonfirmasi mentor")?.rows.first)
            #expect(row.cells.dropFirst().map(\.value) == [5, 5, 10, 50])
            #expect(report.conclusion("L3-AP")?.verdict == .positive)
        }
    }

    @Test func underKTheSharesHideAndNothingIsConcluded() async throws {
        try await ReportingWorld.with { world in
            try await Self.pkp(world)
            // Five with a confirmation and two without: 2 is under k, so 5 hides too (7 − 5 would tell it).
            let changes = try (0..<7).map { index in
                try Self.project("AP-\(index)", session: "PKP-2026-01", nip: City.staffA[index], confirmed: index < 5 ? 1 : 0)
            }
            try await City.apply(world.store, feedback: changes)
            let report = try #require(try await world.organizer.getProgramReport(.init(programCode: "PKP-2026", year: 2026)).report)
            let row = try #require(report.table("Aksi perubahan: peserta dengan tahapan yang dikonfirmasi mentor")?.rows.first)
            #expect(row.cells[1].isHidden && row.cells[2].isHidden && row.cells[3].value == 7 && row.cells[4].isHidden)
            let conclusion = try #require(report.conclusion("L3-AP"))
            #expect(conclusion.verdict == .inconclusive && !conclusion.text.contains("5 dari"), "\(conclusion.text)")
        }
    }

    @Test func aProgramWithoutChangeProjectsShowsNothingOfThem() async throws {
        try await ReportingWorld.with { world in
            let report = try #require(try await world.organizer.getProgramReport(.init(programCode: "LAT-A", year: 2026)).report)
            let level3 = try #require(report.sections.first { $0.title == "Level 3 — Perilaku kerja" })
            #expect(level3.tables.map(\.title) == ["Penerapan di tempat kerja (60–90 hari)"])
            #expect(report.conclusion("L3-AP") == nil)
        }
    }
}
