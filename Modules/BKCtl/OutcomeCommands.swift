import ArgumentParser
import BKProto
import BKRPC
import Foundation
import IdentityVocabulary

struct OutcomeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "outcome",
        abstract: L(
            "Data hasil dari luar sistem untuk laporan dan IP ASN: SKP, hukuman disiplin, IKM unit layanan.",
            en: "Outcome data from outside the system for reports and IP ASN: SKP, discipline sanctions, service units' IKM."),
        subcommands: [Import.self])

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: L("Impor data hasil dari berkas CSV (khusus penyelenggara).", en: "Import outcome data from a CSV file (organisers only)."),
            discussion: L(
                """
                Baris pertama berisi nama kolom. skp (kinerja tahunan, PermenPANRB 6/2022): NIP, Tahun, Hasil Kerja, \
                Perilaku, Predikat (boleh tidak ada); penilaian "di bawah ekspektasi", "sesuai ekspektasi", "di atas \
                ekspektasi" (atau bawah, sesuai, atas). discipline (hukuman disiplin, PP 94/2021): NIP, Tahun, Tingkat \
                (ringan, sedang, berat), Jenis, Nomor SK (boleh tidak ada); mengimpor berkas satu tahun berarti pegawai \
                yang tidak tercantum tidak dihukum pada tahun itu. ikm (survei di luar sistem, PermenPANRB 14/2017): \
                Instansi, Unit, Tahun, Semester (1 atau 2), Responden, U1 … U9 (NRR tiap unsur, 1 sampai 4), IKM (boleh \
                tidak ada). Semua baris disimpan atau tidak sama sekali: baris yang bermasalah dicantumkan dengan nomor \
                barisnya, dan perintah keluar dengan kode 1. Paling besar 4 MiB. Data yang disimpan langsung dipakai \
                laporan dan IP ASN, tanpa menunggu sinkronisasi.
                """,
                en: """
                The first row names the columns. skp (yearly performance, PermenPANRB 6/2022): NIP, Tahun, Hasil Kerja, \
                Perilaku, Predikat (optional); ratings "di bawah ekspektasi", "sesuai ekspektasi", "di atas \
                ekspektasi" (or bawah, sesuai, atas). discipline (sanctions, PP 94/2021): NIP, Tahun, Tingkat (ringan, \
                sedang, berat), Jenis, Nomor SK (optional); importing a year's file means that people without a row had \
                no sanction that year. ikm (surveys outside the system, PermenPANRB 14/2017): Instansi, Unit, Tahun, \
                Semester (1 or 2), Responden, U1 … U9 (each element's NRR, 1 to 4), IKM (optional). All rows are saved \
                or none: bad rows are listed with their line number, and the command exits with code 1. At most 4 MiB. \
                Reports and IP ASN use the saved data at once, without waiting for a sync.
                """))
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(L(
            "Jenis data: skp, discipline atau ikm.",
            en: "The kind of data: skp, discipline or ikm.")))
        var kind: String
        @Argument(help: ArgumentHelp(L(
            "Berkas CSV (dipisah koma atau titik koma, UTF-8).",
            en: "The CSV file (comma or semicolon separated, UTF-8).")))
        var file: String
        @Flag(help: ArgumentHelp(L(
            "Hanya periksa dan laporkan; tidak ada yang disimpan.",
            en: "Check and report only; store nothing.")))
        var dryRun = false
        @Option(help: ArgumentHelp(L(
            "discipline: tahun yang dicakup berkas, dipisah koma (bawaan: tahun-tahun pada barisnya); perlu untuk tahun tanpa hukuman.",
            en: "discipline: the years the file covers, comma-separated (default: the years of its rows); needed for a year without sanctions.")))
        var years: String?
        @Option(help: ArgumentHelp(L(
            "discipline: perangkat daerah yang dicakup berkas (bawaan: seluruh kota); hanya hukuman pegawainya yang diganti.",
            en: "discipline: the agency the file covers (default: the whole city); only its staff's sanctions are replaced.")))
        var agency: String?

        func validate() throws {
            _ = try ReportingVocabulary.requireOutcomeKind(kind)
            _ = try coveredYears()
        }

        func coveredYears() throws -> [Int32] {
            guard let years else { return [] }
            return try years.split(separator: ",").map {
                guard let year = Int32($0.trimmingCharacters(in: .whitespaces)), (2000...2100).contains(year) else {
                    throw ValidationError(L("--years: tahun 2000–2100 dipisah koma, mis. 2025,2026", en: "--years: years 2000–2100, comma-separated, e.g. 2025,2026"))
                }
                return year
            }
        }

        func run() async throws {
            let outcomeKind = try ReportingVocabulary.requireOutcomeKind(kind)
            let csv = try readUpload(file)
            let request = Binakarier_Reporting_V1_ImportOutcomeRequest(
                kind: outcomeKind, csv: csv, dryRun: dryRun, years: try coveredYears(), agencyCode: agency?.uppercased() ?? "")
            let report = try await global.reporting { try await $0.importOutcome(request) }
            // The same line-by-line refusal as the programs imports, through their summary.
            let refusedLines = report.errors.map { (error: Binakarier_Reporting_V1_OutcomeImportError) -> ImportLineError in
                ImportLineError(line: error.line, reason: error.reason)
            }
            try global.print(report) {
                importSummary(
                    rowsTotal: report.rowsTotal, rowsSaved: report.rowsSaved, errors: refusedLines, errorsTotal: report.errorsTotal,
                    dryRun: dryRun)
            }
            if importRefused(errors: refusedLines, errorsTotal: report.errorsTotal) { throw ExitCode.failure }
        }
    }
}
