import ArgumentParser
import BKProto
import BKRPC
import Foundation
import IdentityVocabulary

/// `bkctl siasn`: completed learning in SIASN's riwayat kursus shape, an agency's SIASN export, and the
/// reconciliation of the two.
struct SiasnCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "siasn",
        abstract: L(
            "Riwayat kursus/diklat siap SIASN (BKN): ekspor, impor ekspor SIASN, dan rekonsiliasinya.",
            en: "SIASN-ready (BKN) course history: export, import of a SIASN export, and their reconciliation."),
        subcommands: [Export.self, Import.self, Reconcile.self])

    typealias Course = Binakarier_Programs_V1_SiasnCourse

    /// `--nip` or `--agency` (organisers may give neither: the whole city), and `--year`.
    struct Scope: ParsableArguments {
        @Option(help: ArgumentHelp(L("NIP satu pegawai.", en: "One person's NIP."))) var nip: String?
        @Option(help: ArgumentHelp(L(
            "Kode perangkat daerah (kepala perangkat daerah: miliknya sendiri).", en: "Agency code (agency heads: their own).")))
        var agency: String?
        @Option(help: ArgumentHelp(L("Tahun kursus (bawaan: semua tahun).", en: "Course year (default: every year)."))) var year: Int32?

        func validate() throws {
            if nip != nil, agency != nil { throw ValidationError(L("pilih --nip atau --agency, bukan keduanya", en: "give --nip or --agency, not both")) }
            if let year, !(2000...2100).contains(year) { throw ValidationError(L("--year 2000 sampai 2100", en: "--year is 2000 to 2100")) }
        }
    }

    static func source(_ course: Course) -> String {
        switch course.source {
        case .session: "sesi"
        case .outside: "luar"
        case .siasn: "SIASN baris \(course.sourceId)"
        default: ""
        }
    }

    static func row(_ course: Course) -> [String] {
        [course.nipBaru, course.namaKursus, String(course.tahunKursus), String(course.jumlahJam), course.nomorSertipikat.isEmpty ? "-" : course.nomorSertipikat, source(course)]
    }

    static let header = ["NIP", "NAMA KURSUS", "TAHUN", "JAM", "NOMOR SERTIFIKAT", "SUMBER"]

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: L(
                "Ekspor pembelajaran yang selesai (sertifikat sesi dan pembelajaran di luar yang terverifikasi) dalam bentuk riwayat kursus SIASN.",
                en: "Export completed learning (session certificates and verified outside learning) as SIASN course history."),
            discussion: L(
                """
                Tanpa --file daftarnya ditampilkan. Dengan --file berkas CSV (titik koma, nama kolom SIASN) atau JSON \
                (nama ruas SIASN) ditulis; setiap baris merujuk halaman cetak sertifikat dan alamat verifikasinya di \
                --base-url (bawaan: $BINAKARIER_PUBLIC_URL, atau http://127.0.0.1:8080).
                """,
                en: """
                Without --file the list is shown. With --file a CSV (semicolons, SIASN's column names) or JSON (SIASN's \
                field names) file is written; each row links the certificate's printable page and its verification \
                address at --base-url (default: $BINAKARIER_PUBLIC_URL, or http://127.0.0.1:8080).
                """))
        @OptionGroup var global: GlobalOptions
        @OptionGroup var scope: Scope
        @Option(help: ArgumentHelp(L("csv atau json (bawaan: dari akhiran --file).", en: "csv or json (default: from --file's extension).")))
        var format: String?
        @Option(help: ArgumentHelp(L("Tulis berkas ini.", en: "Write this file."))) var file: String?
        @Option(help: ArgumentHelp(L("Alamat aplikasi web untuk tautan sertifikat.", en: "The web application's address for certificate links.")))
        var baseUrl: String?

        func fileFormat() throws -> Binakarier_Programs_V1_SiasnFileFormat {
            let asked = (format ?? file.map { ($0 as NSString).pathExtension } ?? "").lowercased()
            switch asked {
            case "csv": return .csv
            case "json": return .json
            case "" where file == nil: return .unspecified
            default: throw ValidationError(L("--format csv atau json", en: "--format is csv or json"))
            }
        }

        func run() async throws {
            let format = try fileFormat()
            var request = Binakarier_Programs_V1_ExportSiasnCoursesRequest()
            request.nip = scope.nip ?? ""
            request.agencyCode = scope.agency ?? ""
            request.year = scope.year ?? 0
            request.pageSize = 1000
            request.format = format
            if format != .unspecified {
                request.baseUrl = baseUrl ?? ProcessInfo.processInfo.environment["BINAKARIER_PUBLIC_URL"] ?? "http://127.0.0.1:8080"
            }
            var courses: [Course] = []
            var content: [UInt8] = []
            var last = Binakarier_Programs_V1_ExportSiasnCoursesResponse()
            repeat {
                last = try await global.programs { try await $0.exportSiasnCourses(request) }
                courses += last.courses
                content += last.content
                request.pageToken = last.nextPageToken
            } while !request.pageToken.isEmpty
            if let file {
                if let failure = writePrivately(content, to: file) { throw ValidationError("\(file): \(failure)") }
                print(L("\(courses.count) riwayat ditulis ke \(file)", en: "\(courses.count) records written to \(file)"))
                return
            }
            last.courses = courses
            last.nextPageToken = ""
            try global.print(last) {
                table(SiasnCommand.header, courses.map(SiasnCommand.row)) + "\n\n" + L("\(courses.count) riwayat", en: "\(courses.count) records")
            }
        }
    }

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: L(
                "Impor ekspor SIASN (riwayat kursus/diklat, CSV atau JSON) satu perangkat daerah (khusus penyelenggara).",
                en: "Import one agency's SIASN export (course/training history, CSV or JSON; organisers only)."),
            discussion: L(
                """
                Menggantikan impor sebelumnya dari perangkat daerah itu. Semua baris disimpan atau tidak sama sekali; \
                baris yang bermasalah (termasuk NIP yang bukan pegawai perangkat daerah itu) dicantumkan dengan nomor \
                barisnya, dan perintah keluar dengan kode 1. Paling besar 3 MiB.
                """,
                en: """
                Replaces the agency's earlier import. All rows are saved or none; bad rows (a NIP that is not the \
                agency's included) are listed with their line, and the command exits with code 1. At most 3 MiB.
                """))
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(L("Berkas ekspor SIASN (.json atau .csv).", en: "The SIASN export file (.json or .csv)."))) var file: String
        @Option(help: ArgumentHelp(L("Kode perangkat daerah.", en: "Agency code."))) var agency: String
        @Flag(help: ArgumentHelp(L("Hanya periksa dan laporkan; tidak ada yang disimpan.", en: "Check and report only; store nothing.")))
        var dryRun = false

        func run() async throws {
            let content = try readUpload(file)
            let report = try await global.programs { try await $0.importSiasnCourses(.init(agencyCode: agency, content: content, dryRun: dryRun)) }
            let lines = report.errors.map { ImportLineError(line: $0.line, reason: $0.reason) }
            try global.print(report) {
                var text = importSummary(rowsTotal: report.rowsTotal, rowsSaved: report.rowsSaved, errors: lines, errorsTotal: report.errorsTotal, dryRun: dryRun)
                if report.rowsSaved > 0 { text += L(" (menggantikan \(report.rowsReplaced) baris impor sebelumnya)", en: " (replacing \(report.rowsReplaced) rows of the earlier import)") }
                return text
            }
            if importRefused(errors: lines, errorsTotal: report.errorsTotal) { throw ExitCode.failure }
        }
    }

    struct Reconcile: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: L(
                "Bandingkan riwayat di sini dengan ekspor SIASN: yang perlu diunggah ke SIASN dan yang perlu diperiksa.",
                en: "Compare the history here with the SIASN export: what to upload to SIASN and what to check."),
            discussion: L(
                "Dicocokkan menurut nomor sertifikat, lalu NIP + nama kursus (dinormalkan) + tahun.",
                en: "Matched by certificate number, then NIP + normalised course name + year."))
        @OptionGroup var global: GlobalOptions
        @OptionGroup var scope: Scope
        @Option(help: ArgumentHelp(L("Baris per kelompok (bawaan 200).", en: "Rows per group (default 200)."))) var limit: Int32 = 200

        func run() async throws {
            let result = try await global.programs { try await $0.reconcileSiasn(.init(
                nip: scope.nip ?? "", agencyCode: scope.agency ?? "", year: scope.year ?? 0, limit: limit)) }
            try global.print(result) { SiasnCommand.describe(result) }
        }
    }

    static func describe(_ result: Binakarier_Programs_V1_SiasnReconciliation) -> String {
        var lines: [String] = []
        let imports = result.imports.map { "\($0.agencyCode) (\($0.rows) baris, oleh \($0.importedBy))" }
        lines.append("Data SIASN: " + (imports.isEmpty ? "belum ada ekspor SIASN yang diimpor" : imports.joined(separator: ", ")))
        lines.append("Di sini \(result.hereTotal), di SIASN \(result.siasnTotal), cocok \(result.matchedTotal) (\(result.differingTotal) berbeda isi)")
        lines.append("")
        lines.append("PERLU DIUNGGAH KE SIASN (\(result.toUploadTotal))")
        lines.append(result.toUpload.isEmpty ? "-" : table(header, result.toUpload.map(row)))
        lines.append("")
        lines.append("PERLU DIPERIKSA: ADA DI SIASN, TIDAK ADA DI SINI (\(result.toCheckTotal))")
        lines.append(result.toCheck.isEmpty ? "-" : table(header, result.toCheck.map(row)))
        let differing = result.matches.filter { !$0.differences.isEmpty }
        if !differing.isEmpty {
            lines.append("")
            lines.append("COCOK TETAPI BERBEDA ISI (\(result.differingTotal))")
            lines.append(table(["NIP", "NAMA KURSUS", "PERBEDAAN"], differing.map { [$0.here?.nipBaru ?? "", $0.here?.namaKursus ?? "", $0.differences.joined(separator: "; ")] }))
        }
        return lines.joined(separator: "\n")
    }
}
