import ArgumentParser
import BKProto
import BKRPC
import Foundation
import IdentityVocabulary

struct IpAsnCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ipasn",
        abstract: L(
            "Indeks Profesionalitas ASN (IP ASN, PermenPANRB 38/2018): per pegawai, per perangkat daerah, atau seluruh kota.",
            en: "The ASN professionalism index (IP ASN, PermenPANRB 38/2018): per employee, per agency, or the whole city."),
        subcommands: [Show.self])

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: L(
                "Tampilkan IP ASN seorang pegawai (NIP), atau ringkasan satu perangkat daerah (--agency) atau kota (--city).",
                en: "Show an employee's IP ASN (NIP), or the summary of one agency (--agency) or the city (--city)."),
            discussion: L(
                """
                Untuk seorang pegawai: kualifikasi, kompetensi, kinerja dan disiplin, masing-masing dengan nilai, nilai \
                tertinggi dan dasarnya; totalnya hanya bila tidak ada dimensi tanpa data. Untuk ringkasan: per \
                perangkat daerah jumlah pegawai, yang nilainya lengkap, rata-rata total, dan sebaran kategorinya \
                ("<5": disembunyikan, kelompok kurang dari k orang).
                """,
                en: """
                For an employee: qualification, competence, performance and discipline, each with its points, the \
                maximum and what they are for; the total only when no dimension lacks data. For a summary: per agency \
                the people, those with a complete score, the mean total, and how they spread over the bands ("<5": \
                hidden, a group of fewer than k people).
                """))
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(L("NIP pegawai (18 angka).", en: "The employee's NIP (18 digits)."))) var nip: String?
        @Option(help: ArgumentHelp(L("Ringkasan perangkat daerah ini.", en: "The summary of this agency."))) var agency: String?
        @Flag(help: ArgumentHelp(L("Ringkasan seluruh kota, per perangkat daerah.", en: "The summary of the whole city, per agency.")))
        var city = false
        @OptionGroup var period: ReportYearOption

        func validate() throws {
            let given = [nip != nil, agency != nil, city].filter { $0 }.count
            guard given == 1 else {
                throw ValidationError(L(
                    "sebutkan tepat satu: NIP, --agency KODE atau --city",
                    en: "give exactly one: a NIP, --agency CODE or --city"))
            }
            if let nip { try ReportingVocabulary.checkNIP(nip) }
            if let agency { try ReportingVocabulary.checkCode(agency, "--agency") }
        }

        func run() async throws {
            if let nip {
                let score = try await global.reporting { try await $0.getIpAsn(.init(nip: nip, year: period.requested)) }
                try global.print(score) { IpAsnCommand.describe(score) }
                return
            }
            let summary = try await global.reporting { try await $0.summarizeIpAsn(.init(agencyCode: agency ?? "", year: period.requested)) }
            try global.print(summary) { IpAsnCommand.describe(summary, cityWide: agency == nil) }
        }
    }

    /// "20/25", or "–/25" for a dimension without data.
    static func points(_ component: IpAsnComponent) -> String {
        (component.missing ? "–" : ReportingVocabulary.points(component.points)) + "/" + ReportingVocabulary.points(component.maxPoints)
    }

    /// One person: a row per dimension, then the total and band, or why there is none.
    static func describe(_ score: IpAsnScore) -> String {
        var who = score.name.isEmpty ? "NIP \(score.nip)" : "\(score.name) (NIP \(score.nip))"
        if !score.agencyCode.isEmpty { who += ", " + L("OPD", en: "agency") + " \(score.agencyCode)" }
        let noData = L("tidak ada data", en: "no data")
        let header = [L("DIMENSI", en: "DIMENSION"), L("NILAI", en: "POINTS"), L("DASAR", en: "BASIS")]
        let rows = score.components.map { (component: IpAsnComponent) -> [String] in
            let basis: String = component.missing ? (component.basis.isEmpty ? noData : "\(noData) (\(component.basis))") : component.basis
            return [component.dimension, Self.points(component), basis]
        }
        let total: String
        if score.complete {
            total = ReportingVocabulary.points(score.total) + (score.band.isEmpty ? "" : " (\(score.band))")
        } else {
            let missing = score.components.filter { $0.missing }.map { $0.dimension }.joined(separator: ", ")
            total = L("belum lengkap", en: "not complete") + (missing.isEmpty ? "" : " (\(noData): \(missing))")
        }
        return [
            "IP ASN \(score.year): \(who)",
            "",
            table(header, ReportingVocabulary.rightAligned(rows, header: header, columns: [1])),
            "",
            L("Total", en: "Total") + ": " + total,
        ].joined(separator: "\n")
    }

    /// The agencies (and, for the city, its total below a rule): people, complete scores, the mean, and
    /// the bands; then the mean points per dimension. "<k" (the answer's k) where the service hid a band,
    /// or a group's people, complete scores and mean (then its dimensions are not shown).
    static func describe(_ response: Binakarier_Reporting_V1_SummarizeIpAsnResponse, cityWide: Bool) -> String {
        let hidden = "<\(response.k > 0 ? response.k : ReportingVocabulary.defaultK)"
        let total = response.total ?? IpAsnSummary()
        let summaries: [IpAsnSummary] = cityWide ? response.agencies : [total]
        // The bands in the order the service gives them, each once.
        var seen: [String] = []
        for summary in [total] + summaries {
            for band in summary.bands where !seen.contains(band.band) { seen.append(band.band) }
        }
        let bands = seen
        let header: [String] = [L("OPD", en: "AGENCY"), L("PEGAWAI", en: "PEOPLE"), L("LENGKAP", en: "COMPLETE"), L("RATA-RATA", en: "MEAN")]
            + bands
        func row(_ summary: IpAsnSummary, label: String) -> [String] {
            let spread: [String] = bands.map { (name: String) -> String in
                guard let band = summary.bands.first(where: { $0.band == name }) else { return "–" }
                if band.suppressed { return hidden }
                return "\(ReportingVocabulary.number(Double(band.people))) (\(ReportingVocabulary.percent(band.percent)))"
            }
            // A group under k: its people, complete scores and mean are hidden (the service leaves them empty);
            // its bands are shown as the service marked them.
            if summary.suppressed { return [label, hidden, hidden, hidden] + spread }
            let mean: String = summary.complete == 0 ? "–" : ReportingVocabulary.number(summary.meanTotal, decimals: 1)
            return [label, ReportingVocabulary.number(Double(summary.people)), ReportingVocabulary.number(Double(summary.complete)), mean]
                + spread
        }
        let numeric = Array(1..<header.count)
        var rows: [[String]] = summaries.map { row($0, label: $0.agencyCode) }
        if cityWide { rows.append(row(total, label: L("KOTA", en: "CITY"))) }
        var lines = table(header, ReportingVocabulary.rightAligned(rows, header: header, columns: numeric)).components(separatedBy: "\n")
        if cityWide {
            // A rule above the city's total, the last line.
            let rule = String(repeating: "-", count: lines.map(\.count).max() ?? 0)
            lines.insert(rule, at: lines.count - 1)
        }

        let scope = cityWide ? L("kota", en: "city") : L("OPD", en: "agency") + " \(total.agencyCode)"
        var text = ["IP ASN \(total.year), \(scope)", ""] + lines
        if !total.suppressed, !total.dimensions.isEmpty {
            let dimensionHeader = [L("DIMENSI", en: "DIMENSION"), L("RATA-RATA", en: "MEAN")]
            let dimensionRows = total.dimensions.map { (component: IpAsnComponent) -> [String] in [component.dimension, Self.points(component)] }
            text += ["", table(dimensionHeader, ReportingVocabulary.rightAligned(dimensionRows, header: dimensionHeader, columns: [1]))]
        }
        return text.joined(separator: "\n")
    }
}
