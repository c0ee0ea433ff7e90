import BKProto
import BKRPC
import BKTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import Gateway

/// The SIASN pages over stub daemons: a download made of the export's pages, a person's own file, the
/// reconciliation's groups, an agency head kept to their agency, and a SIASN export uploaded as a file.
@Suite("Gateway web: SIASN-ready course history", .timeLimit(.minutes(2)))
struct SiasnPageTests {
    static let csrf = String(repeating: "c", count: 43)
    typealias Course = Binakarier_Programs_V1_SiasnCourse

    static func course(_ name: String, number: String = "", source: Binakarier_Programs_V1_SiasnSource = .session) -> Course {
        var course = Course()
        course.nipBaru = "199001012015032101"
        course.holderName = "Staf Satu"
        course.namaKursus = name
        course.tahunKursus = 2026
        course.jumlahJam = 24
        course.nomorSertipikat = number
        course.source = source
        course.sessionId = source == .session ? "LAT-MANWAKTU-01" : ""
        course.sourceId = source == .siasn ? "7" : number
        return course
    }

    /// Two pages of a file: the gateway asks for the second with the first's token and sends both parts.
    static func pagedExport(_ call: StubDaemon.Call) throws -> any ProtoMessage {
        let request = try #require(call.request as? Binakarier_Programs_V1_ExportSiasnCoursesRequest)
        var response = Binakarier_Programs_V1_ExportSiasnCoursesResponse(total: 2, fileName: "riwayat-kursus-siasn-DINKES-2026.csv")
        if request.pageToken.isEmpty {
            response.content = Array("nipBaru;namaKursus\r\nA;Satu\r\n".utf8)
            response.nextPageToken = "p2"
        } else {
            response.content = Array("B;Dua\r\n".utf8)
        }
        return response
    }

    @Test func anAgencysDownloadIsTheExportsPagesTogether() async throws {
        try await GatewayWorld.with { world in
            world.programs.on("ExportSiasnCourses", .decide(Self.pagedExport))
            let id = try await world.storeSession(roles: ["organizer"])
            try await world.test(.live) { client in
                let file = try await client.execute(uri: "/kelola/siasn/unduh?opd=dinkes&tahun=2026&format=csv", method: .get, headers: [.cookie: "bk_sesi=\(id)"])
                #expect(file.status == .ok)
                #expect(file.text == "nipBaru;namaKursus\r\nA;Satu\r\nB;Dua\r\n")
                #expect(file.headers[.contentDisposition] == "attachment; filename=\"riwayat-kursus-siasn-DINKES-2026.csv\"")
                #expect(file.headers[.contentType] == "text/csv; charset=utf-8")
                let wrong = try await client.execute(uri: "/kelola/siasn/unduh?opd=DINKES&format=xlsx", method: .get, headers: [.cookie: "bk_sesi=\(id)"])
                #expect(wrong.status == .badRequest)
            }
            let asked = world.programs.calls("ExportSiasnCourses").compactMap { $0.request as? Binakarier_Programs_V1_ExportSiasnCoursesRequest }
            #expect(asked.map(\.pageToken) == ["", "p2"])
            #expect(asked.allSatisfy { $0.agencyCode == "DINKES" && $0.year == 2026 && $0.format == .csv && $0.nip.isEmpty })
            // The links in the file point at this site.
            #expect(asked.allSatisfy { $0.baseUrl.hasPrefix("http://") })
        }
    }

    @Test func aPersonDownloadsTheirOwnFromTheJPPage() async throws {
        try await GatewayWorld.with { world in
            world.programs.on("ExportSiasnCourses", .decide(Self.pagedExport))
            let id = try await world.storeSession(token: "token-staf", roles: ["employee"])
            try await world.test { client in
                let file = try await client.execute(uri: "/jp/siasn?format=json&tahun=2026", method: .get, headers: [.cookie: "bk_sesi=\(id)"])
                #expect(file.status == .ok && file.headers[.contentType] == "application/json")
                // Not an agency's: an employee is refused the organisers' page.
                let agency = try await client.execute(uri: "/kelola/siasn?opd=DINKES", method: .get, headers: [.cookie: "bk_sesi=\(id)"])
                #expect(agency.status == .forbidden)
            }
            let asked = try #require(world.programs.lastRequest("ExportSiasnCourses", as: Binakarier_Programs_V1_ExportSiasnCoursesRequest.self))
            #expect(asked.nip == "199001012020121001" && asked.agencyCode.isEmpty && asked.format == .json)
            #expect(world.programs.calls("ExportSiasnCourses").last?.metadata[values: "authorization"] == ["Bearer token-staf"])
        }
    }

    @Test func theReconciliationListsWhatToUploadAndWhatToCheck() async throws {
        try await GatewayWorld.with { world in
            var result = Binakarier_Programs_V1_SiasnReconciliation(agencyCode: "DINKES", year: 2026, hereTotal: 3, siasnTotal: 2, matchedTotal: 1)
            result.toUpload = [Self.course("Pelatihan Manajemen Waktu", number: "800/BKPSDM-SWL/2026/0001")]
            result.toUploadTotal = 2
            result.toCheck = [Self.course("Pelatihan Dasar CPNS", number: "LATSAR/2024/7", source: .siasn)]
            result.toCheckTotal = 1
            result.matches = [.init(here: Self.course("Seminar Kepemimpinan"), siasn: Self.course("SEMINAR KEPEMIMPINAN", source: .siasn), rule: .nipNameYear, differences: ["jumlahJam 8 ≠ 6"])]
            result.differingTotal = 1
            result.imports = [.init(agencyCode: "DINKES", rows: 2, importedBy: "bkpsdm", importTimeUnix: 1_780_272_000)]
            world.programs.on("ReconcileSiasn", .reply(result))
            world.identity.on("ListAgencies", .reply(Binakarier_Identity_V1_ListAgenciesResponse(agencies: [.init(code: "DINKES", name: "Dinas Kesehatan")])))
            // An agency head: their own agency, whatever ?opd= says.
            let id = try await world.storeSession(roles: ["employee", "agency_head"])
            try await world.test { client in
                let page = try await client.execute(uri: "/kelola/siasn/rekonsiliasi?opd=DIKBUD&tahun=2026", method: .get, headers: [.cookie: "bk_sesi=\(id)"])
                #expect(page.status == .ok)
                #expect(page.text.contains("Rekonsiliasi dengan SIASN: Dinas Kesehatan (DINKES), 2026"))
                #expect(page.text.contains("Perlu diunggah ke SIASN <span class=\"badge warn\">2</span>"))
                #expect(page.text.contains("Perlu diperiksa <span class=\"badge warn\">1</span>"))
                #expect(page.text.contains("<a href=\"/sertifikat/800~BKPSDM-SWL~2026~0001\">800/BKPSDM-SWL/2026/0001</a>"))
                #expect(page.text.contains("Pelatihan Dasar CPNS") && page.text.contains("SIASN baris 7"))
                #expect(page.text.contains("jumlahJam 8 ≠ 6") && page.text.contains("NIP, nama dan tahun"))
                #expect(page.text.contains("Ditampilkan sebagian"), "two to upload, one shown")
            }
            let asked = try #require(world.programs.lastRequest("ReconcileSiasn", as: Binakarier_Programs_V1_ReconcileSiasnRequest.self))
            #expect(asked.agencyCode == "DINKES" && asked.year == 2026 && asked.nip.isEmpty)
        }
    }

    static func multipart(_ parts: [(name: String, filename: String?, content: String)], boundary: String = "----bk7MA4YWxkTrZu0gW") -> ByteBuffer {
        var body = ""
        for part in parts {
            body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(part.name)\"" + (part.filename.map { "; filename=\"\($0)\"" } ?? "") + "\r\n"
            if part.filename != nil { body += "Content-Type: application/json\r\n" }
            body += "\r\n\(part.content)\r\n"
        }
        body += "--\(boundary)--\r\n"
        return ByteBuffer(string: body)
    }

    @Test func anOrganiserUploadsASIASNExport() async throws {
        try await GatewayWorld.with { world in
            let file = "[\n  {\"nipBaru\": \"199001012015032101\", \"namaKursus\": \"Seminar\", \"tahunKursus\": 2026}\n]"
            world.programs.on("ImportSiasnCourses", .reply(Binakarier_Programs_V1_ImportSiasnCoursesResponse(
                rowsTotal: 1, errors: [.init(line: 2, reason: "nipBaru: 199001012015032101 bukan pegawai DINKES menurut data kepegawaian")], errorsTotal: 1)))
            world.programs.on("ExportSiasnCourses", .reply(Binakarier_Programs_V1_ExportSiasnCoursesResponse(total: 5)))
            world.programs.on("ReconcileSiasn", .reply(Binakarier_Programs_V1_SiasnReconciliation()))
            let id = try await world.storeSession(roles: ["organizer"])
            let headers: HTTPFields = [.contentType: "multipart/form-data; boundary=----bk7MA4YWxkTrZu0gW", .cookie: "bk_sesi=\(id)"]
            try await world.test { client in
                let parts: [(name: String, filename: String?, content: String)] = [("_csrf", nil, Self.csrf), ("opd", nil, "DINKES"), ("berkas", "siasn.json", file)]
                let refused = try await client.execute(uri: "/kelola/siasn/impor", method: .post, headers: headers, body: Self.multipart(parts))
                #expect(refused.status == .badRequest)
                #expect(refused.text.contains("Tidak ada yang disimpan") && refused.text.contains("bukan pegawai DINKES"))
                world.programs.on("ImportSiasnCourses", .reply(Binakarier_Programs_V1_ImportSiasnCoursesResponse(rowsTotal: 1, rowsSaved: 1)))
                let saved = try await client.execute(uri: "/kelola/siasn/impor", method: .post, headers: headers, body: Self.multipart(parts))
                #expect(saved.status == .seeOther && saved.headers[.location] == "/kelola/siasn?opd=DINKES&pesan=siasn_import_saved")
                // Without the form's token nothing is sent.
                let forged = try await client.execute(uri: "/kelola/siasn/impor", method: .post, headers: headers, body: Self.multipart([("opd", nil, "DINKES"), ("berkas", "x.json", file)]))
                #expect(forged.status == .forbidden)
            }
            #expect(world.programs.calls("ImportSiasnCourses").count == 2)
            let sent = try #require(world.programs.lastRequest("ImportSiasnCourses", as: Binakarier_Programs_V1_ImportSiasnCoursesRequest.self))
            #expect(sent.agencyCode == "DINKES" && sent.content == Array(file.utf8) && !sent.dryRun)
        }
    }

    @Test func multipartBodiesAreReadByTheirBoundary() {
        let body = Self.multipart([("a", nil, "1"), ("berkas", "f.csv", "x;y\r\n1;2\r\n")], boundary: "XyZ")
        let form = MultipartForm(body: Array(buffer: body), contentType: "multipart/form-data; boundary=\"XyZ\"")
        #expect(form?.text("a") == "1")
        #expect(form?.fields["berkas"] == Array("x;y\r\n1;2\r\n".utf8))
        #expect(MultipartForm(body: Array(buffer: body), contentType: "application/x-www-form-urlencoded") == nil)
        #expect(MultipartForm(body: Array("garbage".utf8), contentType: "multipart/form-data; boundary=XyZ") == nil)
    }
}
