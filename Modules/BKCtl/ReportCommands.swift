import ArgumentParser
import BKProto
import BKRPC
import Foundation
import IdentityVocabulary

/// `--format`: the report on the terminal, or one of the files the service makes of it.
enum ReportOutputFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    case table, json, csv, xlsx, html

    /// What to ask the service for: the report alone for the terminal, otherwise that export.
    var requested: ReportFormat {
        switch self {
        case .table: .unspecified
        case .json: .json
        case .csv: .csv
        case .xlsx: .xlsx
        case .html: .html
        }
    }
}

/// `--format` and `--file`: named apart from the common `--output table|json`, which keeps its meaning.
struct ReportOutputOptions: ParsableArguments {
    @Option(help: ArgumentHelp(L(
        "table (di layar), atau berkas buatan layanan: json, csv, xlsx atau html.",
        en: "table (on the terminal), or a file made by the service: json, csv, xlsx or html.")))
    var format: ReportOutputFormat = .table

    @Option(name: .customLong("file"), help: ArgumentHelp(L(
        "Simpan berkasnya di sini (bawaan: nama dari layanan, di direktori kerja); hanya dengan --format selain table.",
        en: "Save the file here (default: the service's name for it, in the working directory); only with a --format other than table.")))
    var file: String?

    func validate() throws {
        if format == .table, file != nil {
            throw ValidationError(L(
                "--file hanya untuk --format json, csv, xlsx atau html",
                en: "--file goes with --format json, csv, xlsx or html"))
        }
    }
}

/// Writes `content` to `path` with mode 0600, readable by its owner only: an exported report can hold
/// personal data. An existing file is made 0600 before it is emptied and written, so the report is never
/// in a file others can read. Nil when written, otherwise why not (strerror).
func writePrivately(_ content: [UInt8], to path: String) -> String? {
    let fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0o600)
    guard fd >= 0 else { return String(cString: strerror(errno)) }
    var failure: Int32 = 0
    if fchmod(fd, 0o600) != 0 || ftruncate(fd, 0) != 0 {
        failure = errno
    } else {
        failure = content.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) -> Int32 in
            guard let base = buffer.baseAddress else { return 0 }
            var offset = 0
            while offset < buffer.count {
                let written = write(fd, base + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += written
            }
            return 0
        }
    }
    if close(fd) != 0, failure == 0 { failure = errno }
    return failure == 0 ? nil : String(cString: strerror(failure))
}

/// `--year`, checked before any call.
struct ReportYearOption: ParsableArguments {
    @Option(help: ArgumentHelp(L("Tahun, 2000–2100 (bawaan: tahun ini).", en: "Year, 2000–2100 (default: this year).")))
    var year: Int32?

    func validate() throws {
        try ReportingVocabulary.checkYear(year)
    }

    /// 0 asks the service for this year.
    var requested: Int32 { year ?? 0 }
}

struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: L(
            "Laporan program, perangkat daerah, kota dan perorangan dengan kesimpulannya; laporan terbit; posisi data.",
            en: "Program, agency, city and person reports with their conclusions; published reports; where the data stands."),
        discussion: L(
            """
            Laporan disusun layanan pelaporan dari salinan data program, umpan balik dan kepegawaian, ditambah data \
            hasil yang diimpor (`bkctl outcome import`). Di layar (--format table) angka ditulis dengan format \
            Indonesia; "<5" berarti disembunyikan karena kelompoknya kurang dari k orang (bawaan 5), "–" berarti \
            tidak ada data; grafik hanya ada di --format html. --format json, csv, xlsx atau html meminta berkas dari \
            layanan dan menyimpannya di --file, atau dengan nama dari layanan di direktori kerja. Opsi umum \
            --output json mencetak jawaban layanan sebagai JSON.
            """,
            en: """
            The reporting service composes reports from its copy of the programs, feedback and employee data, and \
            the outcome data imported (`bkctl outcome import`). On the terminal (--format table) numbers are \
            written the Indonesian way; "<5" means hidden because the group has fewer than k people (default 5), \
            "–" means no data; charts are only in --format html. --format json, csv, xlsx or html asks the service \
            for a file and saves it at --file, or under the service's name for it in the working directory. The \
            common option --output json prints the service's answer as JSON.
            """),
        subcommands: [
            ProgramReport.self, AgencyReport.self, CityReport.self, PersonReport.self,
            Publish.self, ListPublished.self, ShowPublished.self, Status.self, Sync.self,
        ])

    // MARK: showing and saving a report

    /// Shows the report on the terminal, or saves the file the service made of it.
    static func deliver(_ response: ReportResponse, _ output: ReportOutputOptions, _ global: GlobalOptions) throws {
        guard output.format != .table else {
            let report = response.report ?? Binakarier_Reporting_V1_Report()
            try global.print(response) { Self.describe(report) }
            return
        }
        guard let file = response.file else {
            throw ReportingVocabulary.failure(L(
                "layanan tidak mengirim berkas \(output.format.rawValue)", en: "the service sent no \(output.format.rawValue) file"))
        }
        let path = output.file ?? Self.savedName(file, output.format)
        if let reason = writePrivately(file.content, to: path) {
            throw ReportingVocabulary.failure(L(
                "berkas \(path) tidak dapat ditulis: \(reason)", en: "cannot write \(path): \(reason)"))
        }
        // The file as written: where it is and what it holds, without its bytes.
        let written = ReportFile(fileName: path, contentType: file.contentType)
        try global.print(written) {
            let size = ReportingVocabulary.number(Double(file.content.count))
            return L("Laporan disimpan di \(path) (\(size) bita).", en: "Report saved to \(path) (\(size) bytes).")
        }
    }

    /// The service's name for the file, kept to a plain name in the working directory (it comes from
    /// elsewhere: no directories, no hidden file, no control characters).
    static func savedName(_ file: ReportFile, _ format: ReportOutputFormat) -> String {
        let name = (file.fileName as NSString).lastPathComponent
        let plain = !name.isEmpty && !name.hasPrefix(".") && !name.contains("/")
            && name.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value != 0x7F }
        return plain ? name : "laporan.\(format.rawValue)"
    }

    /// The report as text: title, each section's text and tables, then the conclusions.
    static func describe(_ report: Binakarier_Reporting_V1_Report) -> String {
        let k: Int32 = report.k > 0 ? report.k : ReportingVocabulary.defaultK
        var lines: [String] = [report.title]
        if !report.subtitle.isEmpty { lines.append(report.subtitle) }
        lines.append(String(repeating: "=", count: max(report.title.count, report.subtitle.count)))
        if report.generateTimeUnix != 0 {
            lines.append(L("Disusun \(formatUnix(report.generateTimeUnix))", en: "Generated \(formatUnix(report.generateTimeUnix))"))
        }
        if !report.publishedId.isEmpty {
            let when: String = formatUnix(report.publishTimeUnix)
            lines.append(L(
                "Diterbitkan sebagai \(report.publishedId) oleh \(report.publishedBy), \(when); SHA-256 \(report.sha256)",
                en: "Published as \(report.publishedId) by \(report.publishedBy), \(when); SHA-256 \(report.sha256)"))
        }
        for section in report.sections {
            lines.append("")
            if !section.title.isEmpty { lines += [section.title, String(repeating: "-", count: section.title.count)] }
            if !section.text.isEmpty { lines.append(section.text) }
            for source in section.tables { lines += ["", ReportingVocabulary.render(source, k: k)] }
            if !section.charts.isEmpty { lines += ["", L("(grafik: lihat --format html)", en: "(charts: see --format html)")] }
        }

        let heading = L("Kesimpulan", en: "Conclusions")
        lines += ["", heading, String(repeating: "-", count: heading.count)]
        if report.conclusions.isEmpty { lines.append(L("(belum ada)", en: "(none)")) }
        for (index, conclusion) in report.conclusions.enumerated() {
            let tags: [String] = [conclusion.topic, ReportingVocabulary.display(conclusion.verdict)].filter { !$0.isEmpty }
            lines.append("\(index + 1). " + (tags.isEmpty ? "" : "[\(tags.joined(separator: ", "))] ") + conclusion.text)
            let n = "n = " + ReportingVocabulary.number(Double(conclusion.n))
            lines.append("   " + L("Bukti", en: "Evidence") + ": " + (conclusion.evidence.isEmpty ? n : "\(conclusion.evidence) (\(n))"))
            if !conclusion.recommendation.isEmpty {
                lines.append("   " + L("Rekomendasi", en: "Recommendation") + ": " + conclusion.recommendation)
            }
        }

        let cells: [ReportCell] = report.sections.flatMap { $0.tables }.flatMap { $0.rows }.flatMap { $0.cells }
        var legend: [String] = []
        if cells.contains(where: { $0.state == .suppressed }) {
            legend.append(L("<\(k): disembunyikan, kelompok kurang dari \(k) orang", en: "<\(k): hidden, a group of fewer than \(k) people"))
        }
        if cells.contains(where: { $0.state == .missing }) { legend.append(L("–: tidak ada data", en: "–: no data")) }
        if !legend.isEmpty { lines += ["", legend.joined(separator: "; ") + "."] }
        if report.positions != nil {
            lines += ["", L("Dihitung dari data:", en: "Computed from the data:"), keyValues(ReportingVocabulary.positions(report.positions))]
        }
        return lines.joined(separator: "\n")
    }

    // MARK: the four reports

    struct ProgramReport: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "program",
            abstract: L(
                "Laporan satu program pengembangan kompetensi dalam setahun, dengan kesimpulannya (khusus penyelenggara).",
                en: "The report of one development program for a year, with its conclusions (organisers only)."))
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(L("Kode program.", en: "Program code."))) var code: String
        @OptionGroup var period: ReportYearOption
        @OptionGroup var reportOutput: ReportOutputOptions

        func validate() throws {
            try ReportingVocabulary.checkCode(code, L("kode program", en: "the program code"))
        }

        func run() async throws {
            let response = try await global.reporting { try await $0.getProgramReport(.init(
                programCode: code, year: period.requested, format: reportOutput.format.requested)) }
            try ReportCommand.deliver(response, reportOutput, global)
        }
    }

    struct AgencyReport: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "agency",
            abstract: L(
                "Laporan satu perangkat daerah dalam setahun (kepala OPD untuk OPD-nya; penyelenggara untuk semua).",
                en: "The report of one agency for a year (agency heads for their own; organisers for any)."))
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(L("Kode perangkat daerah (OPD).", en: "Agency code."))) var code: String
        @OptionGroup var period: ReportYearOption
        @OptionGroup var reportOutput: ReportOutputOptions

        func validate() throws {
            try ReportingVocabulary.checkCode(code, L("kode OPD", en: "the agency code"))
        }

        func run() async throws {
            let response = try await global.reporting { try await $0.getAgencyReport(.init(
                agencyCode: code, year: period.requested, format: reportOutput.format.requested)) }
            try ReportCommand.deliver(response, reportOutput, global)
        }
    }

    struct CityReport: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "city",
            abstract: L(
                "Laporan seluruh kota dalam setahun atau satu triwulan (khusus penyelenggara).",
                en: "The report of the whole city for a year or a quarter (organisers only)."))
        @OptionGroup var global: GlobalOptions
        @OptionGroup var period: ReportYearOption
        @Option(help: ArgumentHelp(L("Triwulan, 1–4 (bawaan: setahun penuh).", en: "Quarter, 1–4 (default: the whole year).")))
        var quarter: Int32?
        @OptionGroup var reportOutput: ReportOutputOptions

        func validate() throws {
            try ReportingVocabulary.checkQuarter(quarter)
        }

        func run() async throws {
            let response = try await global.reporting { try await $0.getCityReport(.init(
                year: period.requested, quarter: quarter ?? 0, format: reportOutput.format.requested)) }
            try ReportCommand.deliver(response, reportOutput, global)
        }
    }

    struct PersonReport: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "person",
            abstract: L(
                "Laporan pengembangan seorang pegawai dalam setahun (yang bersangkutan, atasan langsungnya, penyelenggara).",
                en: "The development report of one employee for a year (the person, their direct supervisor, organisers)."))
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(L("NIP pegawai (18 angka).", en: "The employee's NIP (18 digits)."))) var nip: String
        @OptionGroup var period: ReportYearOption
        @OptionGroup var reportOutput: ReportOutputOptions

        func validate() throws {
            try ReportingVocabulary.checkNIP(nip)
        }

        func run() async throws {
            let response = try await global.reporting { try await $0.getPersonReport(.init(
                nip: nip, year: period.requested, format: reportOutput.format.requested)) }
            try ReportCommand.deliver(response, reportOutput, global)
        }
    }

    // MARK: published reports

    static func describe(_ published: PublishedReport) -> String {
        let kind: String = ReportingVocabulary.display(published.kind)
        let by: String = published.publishedBy.isEmpty ? "" : L(" oleh \(published.publishedBy)", en: " by \(published.publishedBy)")
        var rows: [(String, String)] = [
            ("ID", published.id),
            (L("Laporan", en: "Report"), published.title),
            (L("Jenis", en: "Kind"), published.scope.isEmpty ? kind : "\(kind) \(published.scope)"),
            (L("Periode", en: "Period"), ReportingVocabulary.period(year: published.year, quarter: published.quarter)),
            ("SHA-256", published.sha256),
            (L("Diterbitkan", en: "Published"), ReportingVocabulary.timeOrNever(published.publishTimeUnix) + by),
        ]
        rows += ReportingVocabulary.positions(published.positions)
        return keyValues(rows)
    }

    struct Publish: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "publish",
            abstract: L(
                "Terbitkan laporan: angka, posisi data dan hash-nya disimpan, sehingga terbaca sama kapan pun.",
                en: "Publish a report: its numbers, the data positions and a hash are stored, so it reads the same later."),
            discussion: L(
                "Siapa yang boleh membaca laporan boleh menerbitkannya. Lihat kembali dengan `bkctl report show-published ID`.",
                en: "Who may read a report may publish it. Read it again with `bkctl report show-published ID`."))
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(L(
            "Jenis laporan: program, agency, city atau person.",
            en: "The kind of report: program, agency, city or person.")))
        var kind: String
        @Argument(help: ArgumentHelp(L(
            "Kode program, kode OPD atau NIP; tidak ada untuk city.",
            en: "The program code, agency code or NIP; none for city.")))
        var scope: String?
        @OptionGroup var period: ReportYearOption
        @Option(help: ArgumentHelp(L(
            "Triwulan, 1–4, hanya untuk city (bawaan: setahun penuh).",
            en: "Quarter, 1–4, for city only (default: the whole year).")))
        var quarter: Int32?

        func validate() throws {
            let parsed = try ReportingVocabulary.requireReportKind(kind)
            try ReportingVocabulary.checkScope(scope, for: parsed)
            try ReportingVocabulary.checkQuarter(quarter)
            if quarter != nil, parsed != .city {
                throw ValidationError(L("--quarter hanya untuk laporan city", en: "--quarter is for city reports only"))
            }
        }

        func run() async throws {
            let parsedKind = try ReportingVocabulary.requireReportKind(kind)
            let request = Binakarier_Reporting_V1_PublishReportRequest(
                kind: parsedKind, scope: scope ?? "", year: period.requested, quarter: quarter ?? 0)
            let published = try await global.reporting { try await $0.publishReport(request) }
            try global.print(published) { L("Laporan diterbitkan.", en: "Report published.") + "\n\n" + ReportCommand.describe(published) }
        }
    }

    struct ListPublished: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "published",
            abstract: L("Tampilkan laporan yang sudah diterbitkan.", en: "List the published reports."),
            discussion: L(
                "Penyelenggara melihat semuanya; kepala OPD laporan OPD-nya; yang lain laporannya sendiri.",
                en: "Organisers see all; agency heads their agency's; others their own."))
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp(L(
            "Hanya jenis ini: program, agency, city atau person.",
            en: "Only this kind: program, agency, city or person.")))
        var kind: String?
        @Option(help: ArgumentHelp(L(
            "Hanya cakupan ini: kode program, kode OPD atau NIP.",
            en: "Only this scope: a program code, agency code or NIP.")))
        var scope: String = ""

        func validate() throws {
            if let kind { _ = try ReportingVocabulary.requireReportKind(kind) }
        }

        func run() async throws {
            let kindFilter: ReportKind = try kind.map { try ReportingVocabulary.requireReportKind($0) } ?? .unspecified
            let all = try await global.reporting { client in
                try await allPages { try await client.listPublishedReports(.init(
                    kind: kindFilter, scope: scope, pageSize: listPageSize, pageToken: $0)) }
            }
            try global.print(all) {
                let header: [String] = [
                    "ID", L("JENIS", en: "KIND"), L("CAKUPAN", en: "SCOPE"), L("PERIODE", en: "PERIOD"), L("JUDUL", en: "TITLE"),
                    L("DITERBITKAN", en: "PUBLISHED"), L("OLEH", en: "BY"), "SHA-256",
                ]
                return table(header, all.reports.map { (published: PublishedReport) -> [String] in
                    [
                        published.id, ReportingVocabulary.display(published.kind), published.scope,
                        ReportingVocabulary.period(year: published.year, quarter: published.quarter), published.title,
                        ReportingVocabulary.timeOrNever(published.publishTimeUnix), published.publishedBy,
                        // Enough to tell them apart; `show-published` and --output json give it whole.
                        String(published.sha256.prefix(12)),
                    ]
                })
            }
        }
    }

    struct ShowPublished: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show-published",
            abstract: L(
                "Tampilkan satu laporan terbit, persis seperti saat diterbitkan.",
                en: "Show one published report, exactly as it was published."),
            discussion: L(
                "Gagal (DATA_LOSS) bila angka yang tersimpan tidak lagi cocok dengan hash-nya.",
                en: "Fails (DATA_LOSS) when the stored numbers no longer match their hash."))
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(L("ID laporan terbit.", en: "ID of the published report."))) var id: String
        @OptionGroup var reportOutput: ReportOutputOptions

        func run() async throws {
            let response = try await global.reporting { try await $0.getPublishedReport(.init(
                id: id, format: reportOutput.format.requested)) }
            try ReportCommand.deliver(response, reportOutput, global)
        }
    }

    // MARK: the replica

    static func describe(_ status: DataStatus) -> String {
        let count = { (value: Int32) -> String in ReportingVocabulary.number(Double(value)) }
        let lastError: String = status.lastError.isEmpty ? L("tidak ada", en: "none") : status.lastError
        var rows = ReportingVocabulary.positions(status.positions, programsNewest: status.programsNewest, feedbackNewest: status.feedbackNewest)
        rows += [
            (L("Sinkronisasi terakhir", en: "Last sync"), ReportingVocabulary.timeOrNever(status.lastSyncUnix)),
            (L("Pegawai", en: "People"), count(status.people)),
            (L("Pendaftaran", en: "Enrolments"), count(status.enrolments)),
            (L("Kampanye", en: "Campaigns"), count(status.campaigns)),
            (L("Galat terakhir", en: "Last error"), lastError),
        ]
        return keyValues(rows)
    }

    struct Status: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "status",
            abstract: L(
                "Tampilkan posisi salinan data layanan pelaporan (penyelenggara dan administrator).",
                en: "Show where the reporting service's copy of the data stands (organisers and administrators)."))
        @OptionGroup var global: GlobalOptions

        func run() async throws {
            let status = try await global.reporting { try await $0.getDataStatus(.init()) }
            try global.print(status) { ReportCommand.describe(status) }
        }
    }

    struct Sync: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "sync",
            abstract: L(
                "Sinkronkan salinan data sekarang, misalnya setelah impor atau sebelum rapat (khusus penyelenggara).",
                en: "Sync the copy of the data now, e.g. after an import or before a meeting (organisers only)."),
            discussion: L(
                "Keluar dengan kode 1 bila putaran sinkronisasi mencatat galat; yang sudah terbaca tetap disimpan.",
                en: "Exits with code 1 when the sync round recorded an error; what was read is kept."))
        @OptionGroup var global: GlobalOptions

        func run() async throws {
            let status = try await global.reporting { try await $0.syncNow(.init()) }
            try global.print(status) { ReportCommand.describe(status) }
            if !status.lastError.isEmpty { throw ExitCode.failure }
        }
    }
}
