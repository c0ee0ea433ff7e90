import BKProto
import BKRPC
import BKTestSupport
import Foundation
import Testing

/// SIASN-ready course history with the real bk-identityd, bk-programsd and bkctl: a completed session
/// exported as SIASN's riwayat kursus file, an agency's SIASN export imported (refused whole for one
/// bad line, then saved), the reconciliation an agency head reads, and all of it after a SIGKILL.
@Suite("SIASN course history end to end", .serialized, .timeLimit(.minutes(5)))
struct SiasnEndToEndTests {
    @Test func exportImportAndReconcileThroughBkctl() async throws {
        try await Cluster.with([.identity, .programs], arguments: ProgramsEndToEndTests.arguments) { cluster in
            let organizer = try await cluster.token(for: .organizer)
            let head = try await cluster.token(for: .agencyHead)
            let staff = try await cluster.token(for: .employee)
            try await ProgramsEndToEndTests.ready(cluster, organizer)
            func bkctl(_ arguments: [String], as token: String, succeeds: Bool = true) async throws -> String {
                let run = try await cluster.bkctl(arguments, environment: ["BINAKARIER_TOKEN": token, "BINAKARIER_PUBLIC_URL": "https://bk.uji.go.id"])
                #expect((run.status == 0) == succeeds, "bkctl \(arguments.joined(separator: " ")): \(run.output)")
                return run.output
            }

            // A completed session: the staff member's certificate.
            let programs = ProgramsAPI.Client(cluster.client(.programs), metadata: .bearer(organizer))
            _ = try await programs.createProgram(.init(program: .init(
                code: "SEM-KEPEMIMPINAN", title: "Seminar Kepemimpinan", kind: .seminar, jp: 8, organizerAgencyCode: ClusterPeople.agency)))
            let session = try await programs.createSession(.init(session: .init(
                programCode: "SEM-KEPEMIMPINAN", days: [.init(date: "2026-05-12", startTime: "08:00", endTime: "16:00", jp: 8)], capacity: 10)))
            _ = try await programs.transitionSession(.init(id: session.id, transition: .open))
            _ = try await programs.enrol(.init(sessionId: session.id, nips: [ClusterPeople.staff.nip]))
            _ = try await programs.transitionSession(.init(id: session.id, transition: .start))
            _ = try await programs.markAttendance(.init(sessionId: session.id, records: [.init(nip: ClusterPeople.staff.nip, date: "2026-05-12", status: .hadir)]))
            _ = try await programs.transitionSession(.init(id: session.id, transition: .complete))
            let number = "800/BKPSDM-UJI/2026/0001"

            // The agency's file for SIASN, written by bkctl from the pages of the export.
            let csv = cluster.directory.appending("uji-2026.csv")
            let wrote = try await bkctl(["siasn", "export", "--agency", ClusterPeople.agency, "--year", "2026", "--file", csv], as: organizer)
            #expect(wrote.contains("1 riwayat ditulis"))
            let text = try String(contentsOfFile: csv, encoding: .utf8)
            let lines = text.split(separator: "\r\n")
            #expect(lines.count == 2)
            #expect(lines[0].hasPrefix("nipBaru;pnsOrangId;namaKursus;jenisDiklatId"))
            #expect(lines[1].hasPrefix("\(ClusterPeople.staff.nip);;Seminar Kepemimpinan;9;;P;8;\(number);Badan Uji;12-05-2026;12-05-2026;2026;"))
            #expect(lines[1].contains("https://bk.uji.go.id/sertifikat/800~BKPSDM-UJI~2026~0001") && lines[1].contains("https://bk.uji.go.id/verifikasi/V1."))
            let attributes = try FileManager.default.attributesOfItem(atPath: csv)
            #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
            // The staff member exports their own; not the agency's.
            #expect(try await bkctl(["siasn", "export", "--nip", ClusterPeople.staff.nip], as: staff).contains(number))
            _ = try await bkctl(["siasn", "export", "--agency", ClusterPeople.agency], as: staff, succeeds: false)

            // SIASN's export of the agency: the seminar under another spelling, something only SIASN has,
            // and a line for someone who is not the agency's, which refuses the whole file.
            let outsider = "199001012015032101"
            func siasnFile(_ extra: String) throws -> String {
                let path = cluster.directory.appending("siasn-uji.json")
                try """
                    {"data": [
                      {"id": "8ae48", "idPns": "A5EB03", "nipBaru": "\(ClusterPeople.staff.nip)", "namaKursus": "SEMINAR KEPEMIMPINAN TAHUN 2026", "jumlahJam": 8, "tahunKursus": "2026", "tanggalKursus": "12-05-2026", "tanggalSelesaiKursus": "12-05-2026"},
                      {"id": "8ae49", "nipBaru": "\(ClusterPeople.supervisor.nip)", "namaKursus": "Pelatihan Kepemimpinan Pengawas", "jumlahJam": 120, "noSertipikat": "PKP/2025/31", "tahunKursus": "2025"}\(extra)
                    ]}
                    """.write(toFile: path, atomically: true, encoding: .utf8)
                return path
            }
            let refused = try await bkctl(
                ["siasn", "import", try siasnFile(",\n  {\"nipBaru\": \"\(outsider)\", \"namaKursus\": \"X\", \"tahunKursus\": 2026}"), "--agency", ClusterPeople.agency],
                as: organizer, succeeds: false)
            #expect(refused.contains("3 baris, 1 ditolak; tidak ada yang disimpan") && refused.contains("4 ") && refused.contains("bukan pegawai UJI"))
            _ = try await bkctl(["siasn", "import", try siasnFile(""), "--agency", ClusterPeople.agency], as: head, succeeds: false)
            let saved = try await bkctl(["siasn", "import", try siasnFile(""), "--agency", ClusterPeople.agency], as: organizer)
            #expect(saved.contains("2 baris, 0 ditolak, 2 disimpan"))

            // The agency head reads the reconciliation: the seminar matched by NIP, name and year; the
            // supervisor's PKP to check. And again after a SIGKILL of programs.
            for round in 0..<2 {
                let reconciled = try await bkctl(["siasn", "reconcile", "--agency", ClusterPeople.agency, "--output", "json"], as: head)
                let result = try #require(try JSONSerialization.jsonObject(with: Data(reconciled.utf8)) as? [String: Any], "round \(round): \(reconciled)")
                #expect(result["hereTotal"] as? Int == 1 && result["siasnTotal"] as? Int == 2 && result["matchedTotal"] as? Int == 1)
                #expect(result["toCheckTotal"] as? Int == 1 && (result["toUploadTotal"] as? Int ?? 0) == 0)
                let toCheck = try #require((result["toCheck"] as? [[String: Any]])?.first)
                #expect(toCheck["namaKursus"] as? String == "Pelatihan Kepemimpinan Pengawas" && toCheck["nomorSertipikat"] as? String == "PKP/2025/31")
                let match = try #require((result["matches"] as? [[String: Any]])?.first)
                #expect(match["rule"] as? String == "SIASN_MATCH_RULE_NIP_NAME_YEAR")
                let table = try await bkctl(["siasn", "reconcile", "--agency", ClusterPeople.agency], as: head)
                #expect(table.contains("PERLU DIPERIKSA: ADA DI SIASN, TIDAK ADA DI SINI (1)") && table.contains("PERLU DIUNGGAH KE SIASN (0)"))
                if round == 0 {
                    await cluster.kill(.programs)
                    try await cluster.start(.programs)
                    try await ProgramsEndToEndTests.ready(cluster, organizer)
                }
            }
            // SIASN's id of the person now fills the export's pnsOrangId.
            let own = try await bkctl(["siasn", "export", "--nip", ClusterPeople.staff.nip, "--output", "json"], as: staff)
            #expect(own.contains("A5EB03"), "\(own)")
        }
    }
}
