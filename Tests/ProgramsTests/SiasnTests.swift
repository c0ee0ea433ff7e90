import BKProto
import BKRPC
import BKTestSupport
import Foundation
import Testing
@testable import Programs

@Suite("Programs: SIASN-ready course history")
struct SiasnTests {
    // MARK: mapping

    @Test func kindsDatesAndLinksAreSiasns() {
        #expect(SiasnVocabulary.jenisDiklatId(.seminar) == "9")
        #expect(SiasnVocabulary.jenisDiklatId(.lokakarya) == "4")
        #expect(SiasnVocabulary.jenisDiklatId(.bimtek) == "8")
        #expect(SiasnVocabulary.jenisDiklatId(.magang) == "10")
        #expect(SiasnVocabulary.jenisDiklatId(.pelatihan, competencyTypes: [.manajerial]) == "5")
        #expect(SiasnVocabulary.jenisDiklatId(.pelatihan, competencyTypes: [.sosialKultural]) == "6")
        #expect(SiasnVocabulary.jenisDiklatId(.pelatihan, competencyTypes: [.manajerial, .teknis]) == "3")
        #expect(SiasnVocabulary.jenisKursusSertipikat("3") == "T" && SiasnVocabulary.jenisKursusSertipikat("9") == "P" && SiasnVocabulary.jenisKursusSertipikat("5") == "")
        #expect(SiasnVocabulary.siasnDate("2026-03-30") == "30-03-2026")
        #expect(SiasnVocabulary.isoDate("30-03-2026") == "2026-03-30")
        #expect(SiasnVocabulary.isoDate("30/03/2026 00:00:00") == "2026-03-30")
        #expect(SiasnVocabulary.isoDate("2026-02-30") == nil)
        #expect(SiasnVocabulary.certificatePath("800/BKPSDM-SWL/2026/0001") == "/sertifikat/800~BKPSDM-SWL~2026~0001")
        #expect(SiasnVocabulary.verificationPath(code: "V1.ab_c-d", number: "800/X/2026/0001") == "/verifikasi/V1.ab_c-d?nomor=800/X/2026/0001")
        #expect(SiasnVocabulary.baseURL("https://binakarier.sawahluntokota.go.id/") == "https://binakarier.sawahluntokota.go.id")
        #expect(SiasnVocabulary.baseURL("javascript:alert(1)") == nil)
        #expect(SiasnVocabulary.baseURL("http://a b") == nil)
    }

    @Test(arguments: [
        ("Pelatihan Manajemen Waktu", "PELATIHAN MANAJEMEN WAKTU ANGKATAN II"),
        ("Pelatihan Manajemen Waktu", "Diklat Manajemen Waktu Tahun 2026"),
        ("Bimtek Perancangan Program Pembelajaran", "Bimbingan Teknis Perancangan Program Pembelajaran (Angkatan 3)"),
        ("Seminar Kepemimpinan", "seminar kepemimpinan."),
        ("Lokakarya Pengembangan Perkotaan Berkelanjutan", "Workshop Pengembangan Perkotaan Berkelanjutan 2026"),
    ])
    func courseNamesMatchWhateverTheirSpelling(ours: String, siasn: String) {
        #expect(SiasnVocabulary.courseKey(ours) == SiasnVocabulary.courseKey(siasn))
    }

    @Test func differentCoursesStayDifferent() {
        #expect(SiasnVocabulary.courseKey("Pelatihan Manajemen Waktu") != SiasnVocabulary.courseKey("Pelatihan Manajemen Risiko"))
        #expect(SiasnVocabulary.courseKey("Seminar Kepemimpinan") != SiasnVocabulary.courseKey("Pelatihan Kepemimpinan"))
    }

    // MARK: matching

    static func course(_ nip: String, _ name: String, year: Int32, number: String = "", hours: Int32 = 24, source: Binakarier_Programs_V1_SiasnSource = .session) -> SiasnCourse {
        var course = SiasnCourse()
        course.nipBaru = nip
        course.namaKursus = name
        course.tahunKursus = year
        course.nomorSertipikat = number
        course.jumlahJam = hours
        course.source = source
        return course
    }

    @Test func theCertificateNumberMatchesFirstThenNIPNameAndYear() {
        let a = "199001012015032101", b = "199001012015032102"
        let here = [
            Self.course(a, "Pelatihan Manajemen Waktu", year: 2026, number: "800/BKPSDM-SWL/2026/0001"),
            Self.course(a, "Seminar Kepemimpinan", year: 2026, number: "800/BKPSDM-SWL/2026/0002", hours: 8),
            Self.course(b, "Seminar Kepemimpinan", year: 2026, number: "800/BKPSDM-SWL/2026/0003", hours: 8),
            Self.course(b, "E-learning Etika Publik", year: 2026, hours: 10, source: .outside),
        ]
        let siasn = [
            // The number matches though SIASN spells the course otherwise, and has other hours.
            Self.course(a, "Diklat Time Management", year: 2026, number: " 800/bkpsdm-swl/2026/0001", hours: 20, source: .siasn),
            // No number in SIASN: matched by NIP, name and year.
            Self.course(b, "SEMINAR KEPEMIMPINAN ANGKATAN I", year: 2026, hours: 8, source: .siasn),
            // Same name and NIP, another year: not a match.
            Self.course(a, "Seminar Kepemimpinan", year: 2025, hours: 8, source: .siasn),
            // Learning SIASN has that is not here.
            Self.course(b, "Pelatihan Dasar CPNS", year: 2024, number: "LATSAR/2024/77", hours: 120, source: .siasn),
        ]
        let outcome = SiasnMatching.reconcile(here: here, siasn: siasn)
        #expect(outcome.matches.count == 2)
        let byNumber = outcome.matches.first { $0.rule == .certificateNumber }
        #expect(byNumber?.here == 0 && byNumber?.siasn == 0)
        #expect(byNumber?.differences == ["jumlahJam 24 ≠ 20"])
        let byName = outcome.matches.first { $0.rule == .nipNameYear }
        #expect(byName?.here == 2 && byName?.siasn == 1)
        #expect(byName?.differences.contains { $0.hasPrefix("nomorSertipikat") } == true)
        #expect(outcome.toUpload == [1, 3])
        #expect(outcome.toCheck == [2, 3])
    }

    @Test func eachRecordMatchesOnce() {
        let nip = "199001012015032101"
        let here = [Self.course(nip, "Seminar Kepemimpinan", year: 2026)]
        let siasn = [Self.course(nip, "Seminar Kepemimpinan", year: 2026, source: .siasn), Self.course(nip, "seminar kepemimpinan", year: 2026, source: .siasn)]
        let outcome = SiasnMatching.reconcile(here: here, siasn: siasn)
        #expect(outcome.matches.count == 1 && outcome.toUpload.isEmpty && outcome.toCheck == [1])
        let twice = SiasnMatching.reconcile(here: here + here, siasn: [siasn[0]])
        #expect(twice.matches.count == 1 && twice.toUpload == [1] && twice.toCheck.isEmpty)
    }

    // MARK: reading SIASN's files

    @Test func aJSONExportAsSIASNAnswersIsReadWithTheLineOfEachBadRecord() throws {
        let json = """
            {
              "code": 1,
              "data": [
                {
                  "id": "ff80808144245f070144296c81f03198",
                  "idPns": "A8ACA7A4ECE03912E040640A040269BB",
                  "nipBaru": "199001012015032101",
                  "namaKursus": "PELATIHAN MANAJEMEN WAKTU",
                  "jumlahJam": 24,
                  "noSertipikat": "800/BKPSDM-SWL/2026/0001",
                  "tahunKursus": "2026",
                  "tanggalKursus": "02-03-2026",
                  "tanggalSelesaiKursus": "04-03-2026",
                  "institusiPenyelenggara": "BKPSDM",
                  "jenisDiklatId": 3,
                  "path": {"881": {"dok_id": "1", "dok_uri": "peremajaan/x.pdf"}}
                },
                {
                  "nipBaru": "199001012015032102",
                  "namaKursus": "Seminar",
                  "jumlahJam": "delapan",
                  "tahunKursus": 2026
                },
                {
                  "nipBaru": "199001012015032102",
                  "latihanStrukturalNama": "PKP",
                  "nomor": "PKP/2023/1",
                  "tanggal": "01-05-2023",
                  "tanggalSelesai": "30-08-2023"
                },
                {"nipBaru": "12345", "namaKursus": "X", "tahunKursus": 2026}
              ]
            }
            """
        let parsed = try SiasnImportFile.parse(Array(json.utf8), deadline: nil)
        #expect(parsed.format == .json)
        #expect(parsed.rows.count == 2)
        #expect(parsed.errors.map(\.line) == [18, 31])
        #expect(parsed.errors[0].reason.indonesian.hasPrefix("jumlahJam"))
        let first = parsed.rows[0].course
        #expect(first.sourceId == "4" && parsed.rows[0].line == 4)
        #expect(first.nipBaru == "199001012015032101" && first.pnsOrangId == "A8ACA7A4ECE03912E040640A040269BB")
        #expect(first.nomorSertipikat == "800/BKPSDM-SWL/2026/0001" && first.jumlahJam == 24 && first.tahunKursus == 2026 && first.jenisDiklatId == "3")
        #expect(first.tanggalKursus == "02-03-2026" && first.tanggalSelesaiKursus == "04-03-2026" && first.source == .siasn && first.siasnKind == "kursus")
        let diklat = parsed.rows[1].course
        #expect(diklat.siasnKind == "diklat" && diklat.namaKursus == "PKP" && diklat.nomorSertipikat == "PKP/2023/1" && diklat.tahunKursus == 2023)
    }

    @Test func aCSVExportWithSIASNsLabelsIsRead() throws {
        let csv = """
            NIP;Nama Kursus;Jumlah Jam;Nomor Sertifikat;Institusi Penyelenggara;Tanggal Mulai;Tanggal Selesai;Tahun
            199001012015032101;Pelatihan Manajemen Waktu;24;800/BKPSDM-SWL/2026/0001;BKPSDM;02-03-2026;04-03-2026;2026
            199001012015032101;Seminar;8;;;31-02-2026;;2026
            ;Seminar;8;;;;;2026
            199001012015032102;Pelatihan Dasar;120;;LAN;01/02/2024;30/04/2024;
            """
        let parsed = try SiasnImportFile.parse(Array(csv.utf8), deadline: nil)
        #expect(parsed.format == .csv)
        #expect(parsed.rows.map(\.line) == [2, 5])
        #expect(parsed.errors.map(\.line) == [3, 4])
        #expect(parsed.rows[1].course.tahunKursus == 2024 && parsed.rows[1].course.tanggalKursus == "01-02-2024")
        #expect(throws: ProgramsError.self) { try SiasnImportFile.parse(Array("Judul;Jam\nX;1\n".utf8), deadline: nil) }
        #expect(throws: ProgramsError.self) { try SiasnImportFile.parse(Array("{\"data\": 3}".utf8), deadline: nil) }
    }

    // MARK: through the service

    /// Two staff of DIKBUD complete a session; one also has verified outside learning.
    static func history(_ world: ProgramsWorld) async throws -> (session: Session, certificates: [Certificate]) {
        let program = try await world.program("LAT-WAKTU", days: 3)
        let session = try await world.openSession(program)
        let nips = Array(world.staff.prefix(2).map(\.nip))
        _ = try await world.organizer.enrol(.init(sessionId: session.id, nips: nips))
        _ = try await world.organizer.transitionSession(.init(id: session.id, transition: .start))
        try await world.attend(session, nips)
        _ = try await world.organizer.transitionSession(.init(id: session.id, transition: .complete))
        let entry = try await world.organizer.reportOutsideLearning(.init(learning: .init(
            nip: nips[1], title: "E-learning Etika Publik", provider: "LAN RI", kind: .eLearning, jp: 10,
            startDate: "2026-04-06", endDate: "2026-04-10", evidence: "LAN/EL/2026/123")))
        _ = try await world.client(world.token(subject: "bkpsdm-2", roles: [.organizer])).verifyOutsideLearning(.init(entryIds: [entry.id], approve: true))
        let certificates = try await world.organizer.listCertificates(.init(nip: nips[0])).certificates
            + world.organizer.listCertificates(.init(nip: nips[1])).certificates
        return (session, certificates)
    }

    @Test func completedLearningIsExportedInSIASNsShapeToThoseWhoMaySeeIt() async throws {
        try await ProgramsWorld.with(staffCount: 3) { world in
            let (session, certificates) = try await Self.history(world)
            #expect(certificates.count == 2)
            let head = world.employee(ProgramsWorld.head)
            let all = try await head.exportSiasnCourses(.init(agencyCode: "DIKBUD", year: 2026, baseUrl: "https://bk.example.go.id/"))
            #expect(all.total == 3 && all.courses.count == 3)
            let course = try #require(all.courses.first { $0.nomorSertipikat == certificates[0].number })
            #expect(course.nipBaru == world.staff[0].nip && course.namaKursus == "Pelatihan LAT-WAKTU" && course.jumlahJam == 24)
            #expect(course.jenisDiklatId == "5" && course.jenisKursusSertipikat == "" && course.tahunKursus == 2026)
            #expect(course.tanggalKursus == "02-03-2026" && course.tanggalSelesaiKursus == "04-03-2026" && course.sessionId == session.id)
            #expect(course.holderName == "Staf 1" && course.agencyCode == "DIKBUD" && course.source == .session)
            #expect(course.certificateUrl == "https://bk.example.go.id" + SiasnVocabulary.certificatePath(certificates[0].number))
            #expect(course.verificationUrl.hasPrefix("https://bk.example.go.id/verifikasi/V1."))
            let outside = try #require(all.courses.first { $0.source == .outside })
            #expect(outside.nomorSertipikat == "LAN/EL/2026/123" && outside.institusiPenyelenggara == "LAN RI" && outside.jumlahJam == 10 && outside.certificateUrl.isEmpty)

            // A person their own; another agency's head and an employee's agency export are refused.
            let own = try await world.employee(world.staff[1]).exportSiasnCourses(.init(nip: world.staff[1].nip))
            #expect(own.courses.count == 2)
            #expect(await code { try await world.employee(world.staff[1]).exportSiasnCourses(.init(agencyCode: "DIKBUD")) } == .permissionDenied)
            #expect(await code { try await world.employee(world.staff[1]).exportSiasnCourses(.init(nip: world.staff[0].nip)) } == .permissionDenied)
            let nurseHead = world.client(world.token(subject: "kadinkes", roles: [.employee, .agencyHead], nip: ProgramsWorld.nurse.nip, agency: "DINKES"))
            #expect(await code { try await nurseHead.exportSiasnCourses(.init(agencyCode: "DIKBUD")) } == .permissionDenied)
            #expect(try await world.organizer.exportSiasnCourses(.init(agencyCode: "DIKBUD", year: 2025)).total == 0)
            #expect(await code { try await world.organizer.exportSiasnCourses(.init(agencyCode: "DIKBUD", baseUrl: "ftp://x")) } == .invalidArgument)

            // The file in pages of one: the parts put together are one CSV and one JSON array.
            for format in [Binakarier_Programs_V1_SiasnFileFormat.csv, .json] {
                var request = Binakarier_Programs_V1_ExportSiasnCoursesRequest(agencyCode: "DIKBUD", pageSize: 1, format: format, baseUrl: "http://bk.test")
                var content: [UInt8] = []
                var pages = 0
                repeat {
                    let page = try await world.organizer.exportSiasnCourses(request)
                    content += page.content
                    request.pageToken = page.nextPageToken
                    pages += 1
                    #expect(page.fileName == "riwayat-kursus-siasn-DIKBUD-semua." + (format == .csv ? "csv" : "json"))
                } while !request.pageToken.isEmpty
                #expect(pages == 3)
                if format == .csv {
                    let lines = String(decoding: content.dropFirst(3), as: UTF8.self).split(separator: "\r\n")
                    #expect(lines.count == 4)
                    #expect(lines[0].hasPrefix("nipBaru;pnsOrangId;namaKursus;jenisDiklatId;jenisKursus;jenisKursusSertipikat;jumlahJam;nomorSertipikat;institusiPenyelenggara;tanggalKursus;tanggalSelesaiKursus;tahunKursus"))
                    // Our own file reads back as a SIASN export.
                    let again = try SiasnImportFile.parse(content, deadline: nil)
                    #expect(again.rows.count == 3 && again.errors.isEmpty)
                } else {
                    let array = try #require(try JSONSerialization.jsonObject(with: Data(content)) as? [[String: Any]])
                    #expect(array.count == 3)
                    #expect(array.allSatisfy { $0["id"] is NSNull && ($0["path"] as? [Any])?.isEmpty == true && $0["jumlahJam"] is Int })
                    #expect(array.contains { ($0["tautanSertifikat"] as? String)?.hasPrefix("http://bk.test/sertifikat/") == true })
                }
            }
        }
    }

    @Test func anImportIsAllOrNothingAndTheReconciliationSaysWhatToUploadAndCheck() async throws {
        try await ProgramsWorld.with(staffCount: 3) { world in
            let (_, certificates) = try await Self.history(world)
            let staff = world.staff.map(\.nip)
            func export(_ extra: String) -> [UInt8] {
                Array("""
                    [
                      {"nipBaru": "\(staff[0])", "idPns": "PNS-0", "namaKursus": "Diklat LAT-WAKTU", "noSertipikat": "\(certificates[0].number)", "jumlahJam": 24, "tahunKursus": 2026},
                      {"nipBaru": "\(staff[1])", "namaKursus": "PELATIHAN LAT-WAKTU ANGKATAN I", "jumlahJam": 20, "tahunKursus": "2026", "tanggalSelesaiKursus": "04-03-2026"},
                      {"nipBaru": "\(staff[2])", "namaKursus": "Pelatihan Dasar CPNS", "jumlahJam": 120, "tahunKursus": 2024}\(extra)
                    ]
                    """.utf8)
            }
            // A NIP of another agency refuses the whole file, by its line.
            let refused = try await world.organizer.importSiasnCourses(.init(
                agencyCode: "DIKBUD", content: export(",\n  {\"nipBaru\": \"\(ProgramsWorld.nurse.nip)\", \"namaKursus\": \"X\", \"tahunKursus\": 2026}")))
            #expect(refused.rowsSaved == 0 && refused.errorsTotal == 1 && refused.errors.first?.line == 5)
            #expect(refused.errors.first?.reason.contains("bukan pegawai DIKBUD") == true)
            #expect(try await world.organizer.reconcileSiasn(.init(agencyCode: "DIKBUD")).imports.isEmpty)
            #expect(await code { try await world.employee(ProgramsWorld.head).importSiasnCourses(.init(agencyCode: "DIKBUD", content: export(""))) } == .permissionDenied)

            let dry = try await world.organizer.importSiasnCourses(.init(agencyCode: "DIKBUD", content: export(""), dryRun: true))
            #expect(dry.rowsTotal == 3 && dry.rowsSaved == 0 && dry.errorsTotal == 0)
            let saved = try await world.organizer.importSiasnCourses(.init(agencyCode: "DIKBUD", content: export("")))
            #expect(saved.rowsSaved == 3 && saved.rowsReplaced == 0 && saved.format == .json)

            let result = try await world.employee(ProgramsWorld.head).reconcileSiasn(.init(agencyCode: "DIKBUD", year: 0))
            #expect(result.hereTotal == 3 && result.siasnTotal == 3 && result.matchedTotal == 2)
            #expect(result.toUploadTotal == 1 && result.toUpload.first?.source == .outside && result.toUpload.first?.nipBaru == staff[1])
            #expect(result.toCheckTotal == 1 && result.toCheck.first?.namaKursus == "Pelatihan Dasar CPNS" && result.toCheck.first?.holderName == "Staf 3")
            #expect(result.differingTotal == 1 && result.matches.first?.differences.first == "jumlahJam 24 ≠ 20")
            #expect(result.imports.map(\.agencyCode) == ["DIKBUD"] && result.imports.first?.rows == 3)

            // One person sees their own; SIASN's person id now fills pnsOrangId of the export.
            let own = try await world.employee(world.staff[0]).reconcileSiasn(.init(nip: staff[0]))
            #expect(own.matchedTotal == 1 && own.toUploadTotal == 0 && own.toCheckTotal == 0)
            let exported = try await world.employee(world.staff[0]).exportSiasnCourses(.init(nip: staff[0]))
            #expect(exported.courses.first?.pnsOrangId == "PNS-0")

            // The next import replaces the agency's earlier one.
            let again = try await world.organizer.importSiasnCourses(.init(agencyCode: "DIKBUD", content: Array("[]".utf8)))
            #expect(again.rowsSaved == 0 && again.rowsReplaced == 3)
            #expect(try await world.organizer.reconcileSiasn(.init(agencyCode: "DIKBUD")).toUploadTotal == 3)
        }
    }
}
