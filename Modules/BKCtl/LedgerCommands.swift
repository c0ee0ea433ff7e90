import ArgumentParser
import BKProto
import BKRPC
import Foundation
import IdentityVocabulary

struct LedgerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jp",
        abstract: L(
            "Catatan JP (jam pelajaran) pengembangan kompetensi tiap ASN, termasuk pembelajaran di luar sistem.",
            en: "Each ASN's JP (lesson hours) ledger, learning outside the system included."),
        discussion: L(
            "PNS wajib paling sedikit 20 JP setahun; PPPK paling banyak 24 JP setahun. Hanya JP yang terverifikasi yang dihitung.",
            en: "A PNS needs at least 20 JP a year; a PPPK at most 24 JP a year. Only verified JP count."),
        subcommands: [Show.self, Report.self, Import.self, Validate.self, Verify.self, Pending.self, Conversion.self])

    static func row(_ entry: LedgerEntry) -> [String] {
        let dates: String = ProgramsVocabulary.span([entry.startDate, entry.endDate])
        let from: String = entry.source == .session ? entry.sessionId : entry.provider
        var state: String = ProgramsVocabulary.display(entry.state)
        if entry.state == .rejected, !entry.rejectReason.isEmpty { state += ": " + entry.rejectReason }
        return [
            entry.id, dates, entry.title, from, ProgramsVocabulary.display(entry.kind), String(entry.jp),
            ProgramsVocabulary.display(entry.source), state,
        ]
    }

    static let header: [String] = ["ID", "TANGGAL", "JUDUL", "SESI/PENYELENGGARA", "JENIS", "JP", "SUMBER", "STATUS"]

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: L("Tampilkan catatan JP seorang pegawai dalam setahun.", en: "Show a person's JP ledger for a year."))
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(L("NIP pegawai.", en: "NIP."))) var nip: String
        @Option(help: ArgumentHelp(L("Tahun (bawaan: tahun ini).", en: "Year (default: this year)."))) var year: Int32?

        func run() async throws {
            let ledger = try await global.programs { try await $0.getLedger(.init(nip: nip, year: year ?? 0)) }
            try global.print(ledger) {
                let entries = ledger.entries.sorted { $0.startDate < $1.startDate }
                return table(LedgerCommand.header, entries.map { LedgerCommand.row($0) }) + "\n\n" + Self.summary(ledger)
            }
        }

        /// "JP 2026: 16 terverifikasi, 4 menunggu verifikasi; target paling sedikit 20 JP: belum terpenuhi."
        static func summary(_ ledger: Binakarier_Programs_V1_Ledger) -> String {
            let totals = "JP \(ledger.year) untuk \(ledger.nip): \(ledger.jpVerified) terverifikasi, \(ledger.jpPending) menunggu verifikasi"
            if ledger.asnType == .pppk {
                return totals + "; batas PPPK \(ledger.jpTarget) JP: " + (ledger.meetsTarget ? "dalam batas." : "melampaui batas.")
            }
            return totals + "; target paling sedikit \(ledger.jpTarget) JP: " + (ledger.meetsTarget ? "terpenuhi." : "belum terpenuhi.")
        }
    }

    struct Report: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: L(
                "Laporkan pembelajaran di luar sistem (misalnya e-learning LAN); dihitung setelah diverifikasi.",
                en: "Report learning outside the system (e.g. LAN e-learning); it counts once verified."))
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp(L("NIP pegawai (diri sendiri, atau siapa pun bagi penyelenggara).", en: "NIP (your own, or anyone's for organisers).")))
        var nip: String
        @Option(help: ArgumentHelp(L("Judul kegiatan.", en: "Title of the learning."))) var title: String
        @Option(help: ArgumentHelp(L("Penyelenggara, misalnya \"LAN RI\".", en: "Provider, e.g. \"LAN RI\"."))) var provider: String
        @Option(help: ArgumentHelp(L(
            "Jenis: pelatihan, seminar, lokakarya, bimtek, e-learning, coaching, mentoring atau magang.",
            en: "Kind: pelatihan, seminar, lokakarya, bimtek, e-learning, coaching, mentoring or magang.")))
        var kind: String = "e-learning"
        @Option(help: ArgumentHelp(L(
            "JP yang tercantum di sertifikat (tanpa --activity).", en: "JP stated on the certificate (without --activity).")))
        var jp: Int32 = 0
        @Option(help: ArgumentHelp(L(
            "Kegiatan pada tabel konversi JP (lihat `bkctl jp conversion show`), misalnya SEMINAR-NASIONAL: JP dihitung dari tabel.",
            en: "An activity of the JP conversion table (see `bkctl jp conversion show`), e.g. SEMINAR-NASIONAL: the table sets the JP.")))
        var activity: String = ""
        @Option(help: ArgumentHelp(L("Jumlah satuan kegiatan (hari, sesi, jam).", en: "How many of the activity's units (days, sessions, hours)."))) var units: Double = 0
        @Option(name: .customLong("evidence-kind"), help: ArgumentHelp(L(
            "Jenis bukti yang dilampirkan, berulang: sertifikat, surat-tugas, laporan, catatan-coaching …",
            en: "Kind of evidence attached, repeatable: sertifikat, surat-tugas, laporan, catatan-coaching …")))
        var evidenceKinds: [String] = []
        @Option(help: ArgumentHelp(L("Tanggal mulai, YYYY-MM-DD.", en: "Start date, YYYY-MM-DD."))) var start: String
        @Option(help: ArgumentHelp(L("Tanggal selesai, YYYY-MM-DD.", en: "End date, YYYY-MM-DD."))) var end: String
        @Option(help: ArgumentHelp(L(
            "Bukti: nomor atau tautan sertifikat.",
            en: "Evidence: the certificate's number or link.")))
        var evidence: String = ""

        func run() async throws {
            let parsedKind = try ProgramsVocabulary.requireKind(kind)
            let startDate = try ProgramsVocabulary.requireDate(start, "--start")
            let endDate = try ProgramsVocabulary.requireDate(end, "--end")
            let learning = Binakarier_Programs_V1_OutsideLearning(
                nip: nip, title: title, provider: provider, kind: parsedKind, jp: jp, startDate: startDate, endDate: endDate,
                evidence: evidence, activityCode: activity, units: units, evidenceKinds: evidenceKinds)
            let entry = try await global.programs { try await $0.reportOutsideLearning(.init(learning: learning)) }
            try global.print(entry) {
                let conversion = entry.activityCode.isEmpty ? "" : " menurut tabel konversi \(entry.conversionVersion)"
                let next = entry.needsValidation ? ", menunggu validasi atasan lalu verifikasi BKPSDM" : ""
                return "\(entry.title) (\(entry.jp) JP\(conversion)) dicatat untuk \(entry.nip) dengan ID \(entry.id): "
                    + "\(ProgramsVocabulary.display(entry.state))\(next)."
            }
        }
    }

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: L(
                "Impor pembelajaran di luar sistem dari berkas CSV (khusus penyelenggara).",
                en: "Import learning outside the system from a CSV file (organisers only)."),
            discussion: L(
                """
                Baris pertama berisi nama kolom: NIP, Judul, Penyelenggara, Jenis, JP, Tanggal Mulai, Tanggal Selesai, \
                Bukti. Semua baris disimpan atau tidak sama sekali, dan setiap entri menunggu verifikasi. Baris yang \
                bermasalah dicantumkan dengan nomor barisnya, dan perintah keluar dengan kode 1. Paling besar 4 MiB.
                """,
                en: """
                The first row names the columns: NIP, Judul, Penyelenggara, Jenis, JP, Tanggal Mulai, Tanggal Selesai, \
                Bukti. All rows are saved or none, and every entry waits for verification. Bad rows are listed with \
                their line number, and the command exits with code 1. At most 4 MiB.
                """))
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(L(
            "Berkas CSV (dipisah koma atau titik koma, UTF-8).",
            en: "The CSV file (comma or semicolon separated, UTF-8).")))
        var file: String
        @Flag(help: ArgumentHelp(L(
            "Hanya periksa dan laporkan; tidak ada yang disimpan.",
            en: "Check and report only; store nothing.")))
        var dryRun = false

        func run() async throws {
            let csv = try readUpload(file)
            let report = try await global.programs { try await $0.importOutsideLearning(.init(csv: csv, dryRun: dryRun)) }
            try global.print(report) {
                importSummary(
                    rowsTotal: report.rowsTotal, rowsSaved: report.rowsSaved, errors: report.errors, errorsTotal: report.errorsTotal,
                    dryRun: dryRun)
            }
            if importRefused(errors: report.errors, errorsTotal: report.errorsTotal) { throw ExitCode.failure }
        }
    }

    struct Validate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: L(
                "Validasi (atau, dengan --reject, tolak) pembelajaran bawahan langsung Anda sebelum diverifikasi BKPSDM.",
                en: "Validate (or, with --reject, refuse) your direct staff's learning before BKPSDM verifies it."),
            discussion: L(
                "Tanpa ID: tampilkan yang menunggu validasi Anda.", en: "Without IDs: list what waits for your validation."))
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(L("ID entri.", en: "Entry ID."))) var id: [String] = []
        @Flag(help: ArgumentHelp(L("Tolak, bukan validasi.", en: "Refuse instead of validating."))) var reject = false
        @Option(help: ArgumentHelp(L("Alasan penolakan (wajib dengan --reject).", en: "Why (required with --reject)."))) var reason: String = ""

        func run() async throws {
            guard !id.isEmpty else {
                let waiting = try await global.programs { try await $0.listOutsideLearning(.init(awaitingMyValidation: true)) }
                try global.print(waiting) {
                    table(["ID", "NIP", "TANGGAL", "JUDUL", "KEGIATAN", "SATUAN", "JP", "BUKTI"], waiting.entries.map { entry in
                        [entry.id, entry.nip, ProgramsVocabulary.span([entry.startDate, entry.endDate]), entry.title, entry.activityCode,
                         ProgramsVocabulary.decimal(entry.units), String(entry.jp), ([entry.evidence] + entry.evidenceKinds).filter { !$0.isEmpty }.joined(separator: ", ")]
                    })
                }
                return
            }
            let changed = try await global.programs { try await $0.validateOutsideLearning(.init(entryIds: id, approve: !reject, reason: reason)) }
            try global.print(changed) { "\(changed.entriesChanged) entri \(reject ? "ditolak" : "divalidasi; menunggu verifikasi BKPSDM")." }
        }
    }

    struct Conversion: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: L("Tabel konversi JP untuk pembelajaran nonklasikal, berversi.", en: "The versioned JP conversion table of non-classroom learning."),
            subcommands: [ShowTable.self, Publish.self])

        struct ShowTable: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "show",
                abstract: L("Tampilkan tabel yang berlaku (atau satu versi, atau semua).", en: "Show the table in force (or one version, or all)."))
            @OptionGroup var global: GlobalOptions
            @Option(help: ArgumentHelp(L("Versi tabel.", en: "Table version."))) var version: String = ""
            @Option(help: ArgumentHelp(L("Yang berlaku pada tanggal ini (YYYY-MM-DD).", en: "The one in force on this date."))) var date: String = ""
            @Flag(help: ArgumentHelp(L("Daftar semua versi.", en: "List every version."))) var all = false

            func run() async throws {
                if all {
                    let tables = try await global.programs { try await $0.listJpConversions(.init()) }
                    try global.print(tables) {
                        table(["VERSI", "BERLAKU SEJAK", "KEGIATAN", "DITERBITKAN OLEH"], tables.tables.map {
                            [$0.version, $0.effectiveFrom, String($0.rules.count), $0.publishedBy]
                        })
                    }
                    return
                }
                let found = try await global.programs { try await $0.getJpConversion(.init(version: version, date: date)) }
                try global.print(found) {
                    "Tabel konversi JP versi \(found.version), berlaku sejak \(found.effectiveFrom)\n\(found.basis)\n\n"
                        + table(["KODE", "KEGIATAN", "MODEL", "JP/SATUAN", "BATAS/TAHUN", "BUKTI"], found.rules.map { rule in
                            [rule.code, rule.name, ProgramsVocabulary.display(rule.model), ProgramsVocabulary.decimal(rule.jpPerUnit),
                             rule.yearlyCapJp == 0 ? "-" : String(rule.yearlyCapJp), rule.evidence.joined(separator: ", ")]
                        })
                }
            }
        }

        struct Publish: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: L("Terbitkan versi baru dari berkas JSON (khusus penyelenggara).", en: "Publish a new version from a JSON file (organisers only)."),
                discussion: L(
                    "Berkas berisi JpConversionTable dalam JSON (lihat `bkctl jp conversion show --output json`); versi yang ada tidak dapat diubah.",
                    en: "The file holds a JpConversionTable as JSON (see `bkctl jp conversion show --output json`); existing versions never change."))
            @OptionGroup var global: GlobalOptions
            @Argument(help: ArgumentHelp(L("Berkas JSON.", en: "JSON file."))) var file: String

            func run() async throws {
                guard let data = FileManager.default.contents(atPath: file) else { throw ValidationError("tidak dapat membaca \(file)") }
                let parsed = try ProtoJSON.decode(Binakarier_Programs_V1_JpConversionTable.self, from: [UInt8](data))
                let published = try await global.programs { try await $0.publishJpConversion(.init(table: parsed)) }
                try global.print(published) { "Tabel konversi JP versi \(published.version) diterbitkan, berlaku sejak \(published.effectiveFrom)." }
            }
        }
    }

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: L(
                "Verifikasi (atau, dengan --reject, tolak) pembelajaran yang dilaporkan (khusus penyelenggara).",
                en: "Verify (or, with --reject, refuse) reported learning (organisers only)."),
            discussion: L(
                "Semua entri berubah atau tidak sama sekali; setiap entri harus masih menunggu verifikasi.",
                en: "All entries change or none; each must still be pending."))
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(L("ID entri (lihat `bkctl jp pending`).", en: "Entry ID (see `bkctl jp pending`)."))) var id: [String]
        @Flag(help: ArgumentHelp(L("Tolak, bukan verifikasi.", en: "Refuse instead of verifying."))) var reject = false
        @Option(help: ArgumentHelp(L("Alasan penolakan (wajib dengan --reject).", en: "Why (required with --reject)."))) var reason: String = ""

        func validate() throws {
            if reject, reason.trimmingCharacters(in: .whitespaces).isEmpty {
                throw ValidationError("--reject memerlukan --reason")
            }
        }

        func run() async throws {
            let changed = try await global.programs { try await $0.verifyOutsideLearning(.init(entryIds: id, approve: !reject, reason: reason)) }
            try global.print(changed) { "\(changed.entriesChanged) entri \(reject ? "ditolak" : "diverifikasi")." }
        }
    }

    struct Pending: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: L("Tampilkan pembelajaran yang menunggu verifikasi.", en: "List learning waiting for verification."))
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp(L("Hanya milik pegawai ini.", en: "Only this person's."))) var nip: String = ""

        func run() async throws {
            let all = try await global.programs { client in
                try await allPages { try await client.listOutsideLearning(.init(
                    pageSize: listPageSize, pageToken: $0, state: .pending, nip: nip)) }
            }
            try global.print(all) {
                table(["ID", "NIP", "TANGGAL", "JUDUL", "PENYELENGGARA", "JENIS", "JP", "BUKTI", "DILAPORKAN OLEH"], all.entries.map { (entry: LedgerEntry) -> [String] in
                    [entry.id, entry.nip, ProgramsVocabulary.span([entry.startDate, entry.endDate]), entry.title, entry.provider,
                     ProgramsVocabulary.display(entry.kind), String(entry.jp), entry.evidence, entry.reportedBy]
                })
            }
        }
    }
}

struct ComplianceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compliance",
        abstract: L(
            "Kepatuhan JP per perangkat daerah: PNS yang memenuhi 20 JP, PPPK yang melampaui 24 JP, dan siapa yang masih di bawah target.",
            en: "JP compliance by agency: PNS meeting 20 JP, PPPK over 24 JP, and who is still below target."))
    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp(L("Tahun (bawaan: tahun ini).", en: "Year (default: this year)."))) var year: Int32?
    @Option(help: ArgumentHelp(L("Hanya perangkat daerah ini (bawaan: seluruh kota).", en: "Only this agency (default: the whole city).")))
    var agency: String = ""
    @Option(help: ArgumentHelp(L(
        "Cantumkan paling banyak sekian PNS di bawah target (bawaan layanan: 200).",
        en: "List at most this many PNS below target (service default: 200).")))
    var limit: Int32?

    func run() async throws {
        let compliance = try await global.programs { try await $0.getCompliance(.init(
            year: year ?? 0, agencyCode: agency, belowTargetLimit: limit ?? 0)) }
        try global.print(compliance) { Self.describe(compliance, cityWide: agency.isEmpty) }
    }

    static func row(_ label: String, _ agency: Binakarier_Programs_V1_AgencyCompliance) -> [String] {
        let percent: String = ProgramsVocabulary.decimal(agency.pnsPercent) + "%"
        let average: String = ProgramsVocabulary.decimal(agency.averageJp)
        return [
            label, String(agency.pnsActive), String(agency.pnsMeetingTarget), percent,
            String(agency.pppkActive), String(agency.pppkOverCeiling), average,
        ]
    }

    static func describe(_ compliance: Binakarier_Programs_V1_Compliance, cityWide: Bool) -> String {
        var rows: [[String]] = compliance.agencies.map { ComplianceCommand.row($0.agencyCode, $0) }
        if let total = compliance.total { rows.append(ComplianceCommand.row(cityWide ? "KOTA" : "JUMLAH", total)) }
        var lines: [String] = [
            "Kepatuhan JP \(compliance.year) (target PNS paling sedikit \(compliance.jpTarget) JP, batas PPPK \(compliance.pppkCeiling) JP)",
            "",
            table(["OPD", "PNS", "MEMENUHI", "%", "PPPK", "MELAMPAUI BATAS", "RATA-RATA JP"], rows),
            "",
        ]
        if !cityWide, !compliance.units.isEmpty {
            lines.append("Kesenjangan ke \(compliance.jpTarget) JP per unit (PNS, JP terverifikasi tahun berjalan):")
            lines.append(table(["UNIT", "PNS", "MEMENUHI", "RATA-RATA JP", "KEKURANGAN JP"], compliance.units.map { unit in
                [unit.unitCode.isEmpty ? "(tanpa unit)" : unit.unitCode, String(unit.pnsActive), String(unit.pnsMeetingTarget),
                 ProgramsVocabulary.decimal(unit.averageJp), String(unit.jpGap)]
            }))
            lines.append("")
        }
        let shown = compliance.belowTarget.count
        let below = max(Int(compliance.belowTargetTotal), shown)
        if below == 0 {
            lines.append("Semua PNS memenuhi target.")
        } else {
            lines.append(shown < below ? "PNS di bawah target (\(shown) dari \(below)):" : "PNS di bawah target (\(below)):")
            lines.append(table(["NIP", "NAMA", "OPD", "JP TERVERIFIKASI", "JP MENUNGGU"], compliance.belowTarget.map { (person: Binakarier_Programs_V1_BelowTarget) -> [String] in
                [person.nip, person.name, person.agencyCode, String(person.jpVerified), String(person.jpPending)]
            }))
        }
        return lines.joined(separator: "\n")
    }
}
