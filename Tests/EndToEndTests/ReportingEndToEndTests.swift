import BKProto
import BKRPC
import BKTestSupport
import Foundation
import Testing

typealias ReportingAPI = Binakarier_Reporting_V1_ReportingService

/// All four daemons with the demo city's year: reporting follows programs' and feedback's feeds and
/// identity's people, and its city report agrees with what the owning services say; bkctl writes the
/// HTML report; a published report reads the same after the data moved; an ASN sees their own record
/// and no one else's; a refused import saves nothing; SIGKILL loses nothing of the replica.
@Suite("bk-reportingd end to end", .serialized, .timeLimit(.minutes(10)))
struct ReportingEndToEndTests {
    static let arguments: [DaemonName: [String]] = [
        .programs: ["--revocation-poll-seconds", "0.2"],
        .feedback: ["--revocation-poll-seconds", "0.2", "--scheduler-seconds", "0.5"],
        .reporting: ["--revocation-poll-seconds", "0.2", "--sync-seconds", "0.5"],
    ]

    /// A demo ASN of Dinas Kesehatan (password asn-demo-2026).
    static let demoStaff = "198811192019032001"

    @Test func theDemoYearIsReportedPublishedAndKept() async throws {
        try await Cluster.with([.identity, .programs, .feedback, .reporting], arguments: Self.arguments) { cluster in
            let loaded = try await DaemonProcess.run("bk-demo-data", ["load", "--socket-dir", cluster.socketDirectory])
            #expect(loaded.status == 0, "\(loaded.output.suffix(2000))")
            let organizer = try await cluster.login("bkpsdm", password: "bkpsdm-demo-2026")
            let reporting = ReportingAPI.Client(cluster.client(.reporting), metadata: .bearer(organizer))
            let status = try await reporting.syncNow(.init())
            #expect(status.positions?.programsSequence == status.programsNewest && status.programsNewest > 0)
            #expect(status.positions?.feedbackSequence == status.feedbackNewest && status.feedbackNewest > 0)

            // The city's figures agree with the services that own them.
            let programs = ProgramsAPI.Client(cluster.client(.programs), metadata: .bearer(organizer))
            let compliance = try await programs.getCompliance(.init(year: 2026))
            let city = try #require(try await reporting.getCityReport(.init(year: 2026)).report)
            let summary = try #require(city.sections.first { $0.title == "Ringkasan" }?.tables.first)
            func fact(_ label: String) -> Binakarier_Reporting_V1_Cell? { summary.rows.first { $0.cells.first?.text.hasPrefix(label) == true }?.cells[1] }
            let share = try #require(fact("% PNS memenuhi 20 JP"))
            #expect(abs(share.number - (compliance.total?.pnsPercent ?? -1)) < 0.001)
            var enrolled = 0
            var page = ""
            repeat {
                let answer = try await programs.listSessions(.init(pageSize: 500, pageToken: page, year: 2026))
                enrolled += answer.sessions.filter { $0.state != .cancelled }.reduce(0) { $0 + Int($1.enrolledCount) }
                page = answer.nextPageToken
            } while !page.isEmpty
            #expect(fact("Peserta (pendaftaran)")?.number == Double(enrolled))
            #expect(city.conclusions.count >= 4 && city.conclusions.allSatisfy { !$0.text.isEmpty })

            // bkctl writes the HTML report a BKPSDM head can present: self-contained, charts, conclusions.
            let file = cluster.directory.appending("laporan.html")
            let html = try await cluster.bkctl(["report", "city", "--year", "2026", "--format", "html", "--file", file], environment: ["BINAKARIER_TOKEN": organizer])
            #expect(html.status == 0, "\(html.output)")
            let document = try String(contentsOfFile: file, encoding: .utf8)
            #expect(document.contains("<svg") && document.contains("Kesimpulan") && document.contains("@media print"))
            // No request leaves the page (the SVG namespace is a name, not a request).
            let outside = document.replacingOccurrences(of: "xmlns=\"http://www.w3.org/2000/svg\"", with: "")
            #expect(!document.contains("<script") && !outside.contains("http://") && !outside.contains("https://"))

            // A published report reads the same after the data moved.
            let published = try await reporting.publishReport(.init(kind: .city, year: 2026))
            let skp = cluster.directory.appending("skp.csv")
            try "NIP;Tahun;Hasil Kerja;Perilaku\n\(Self.demoStaff);2026;di atas ekspektasi;di atas ekspektasi\n".write(toFile: skp, atomically: true, encoding: .utf8)
            let imported = try await cluster.bkctl(["outcome", "import", "skp", skp], environment: ["BINAKARIER_TOKEN": organizer])
            #expect(imported.status == 0, "\(imported.output)")
            let again = try #require(try await reporting.getPublishedReport(.init(id: published.id)).report)
            #expect(again.sha256 == published.sha256 && again.positions == published.positions)
            let fresh = try #require(try await reporting.getCityReport(.init(year: 2026)).report)
            #expect(fresh.positions?.outcomeVersion == (published.positions?.outcomeVersion ?? 0) + 1)

            // A row against the PermenPANRB 6/2022 matrix: refused with its line, nothing saved.
            try "NIP;Tahun;Hasil Kerja;Perilaku;Predikat\n\(Self.demoStaff);2025;sesuai ekspektasi;sesuai ekspektasi;Baik\n\(Self.demoStaff);2024;di bawah ekspektasi;di atas ekspektasi;Baik\n"
                .write(toFile: skp, atomically: true, encoding: .utf8)
            let refused = try await cluster.bkctl(["outcome", "import", "skp", skp], environment: ["BINAKARIER_TOKEN": organizer])
            #expect(refused.status != 0 && refused.output.contains("3") && refused.output.contains("Butuh Perbaikan"), "\(refused.output)")
            #expect(try await reporting.getDataStatus(.init()).positions?.outcomeVersion == fresh.positions?.outcomeVersion)

            // An ASN: their own record, not the city's, not a colleague's.
            let staff = try await cluster.login(Self.demoStaff, password: "asn-demo-2026")
            let asStaff = ReportingAPI.Client(cluster.client(.reporting), metadata: .bearer(staff))
            let own = try #require(try await asStaff.getPersonReport(.init(nip: Self.demoStaff, year: 2026)).report)
            #expect(own.scope == Self.demoStaff && own.sections.contains { $0.title == "Indeks Profesionalitas ASN" })
            #expect(await code { try await asStaff.getCityReport(.init(year: 2026)) } == .permissionDenied)
            #expect(await code { try await asStaff.getPersonReport(.init(nip: "197101171996042001", year: 2026)) } == .notFound)
            #expect(await code { try await asStaff.importOutcome(.init(kind: .skp, csv: Array("NIP;Tahun\n".utf8))) } == .permissionDenied)

            // SIGKILL: the replica and the outcome data come back as they were, and the sync resumes.
            let before = try await reporting.getDataStatus(.init())
            await cluster.kill(.reporting)
            try await cluster.restart(.reporting)
            let after = try await reporting.syncNow(.init())
            #expect(after.people == before.people && after.enrolments == before.enrolments && after.campaigns == before.campaigns)
            #expect(after.positions?.outcomeVersion == before.positions?.outcomeVersion)
            let reread = try #require(try await reporting.getPublishedReport(.init(id: published.id)).report)
            #expect(reread.sha256 == published.sha256)
        }
    }
}
