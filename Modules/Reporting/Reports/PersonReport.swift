import BKCharts
import BKProto
import GRDB
import IdentityVocabulary

/// (d) A person's development record: their learning and JP, performance, discipline and IP ASN, for
/// them and their supervisor. Nothing is suppressed: it is the person's own record.
enum PersonReport {
    static func build(_ db: Database, nip: String, context: ReportContext) throws -> Report? {
        guard let person = try ReportData.people(db, nips: [nip]).first else { return nil }
        let year = context.year
        let programs = try ReportData.programs(db)
        let reads = ReportData.Reads(db, rules: context.settings.ipAsn, only: [nip])
        var report = Report(kind: .person, scope: nip, year: Int32(year), title: "Rekam Jejak Pengembangan \(person.name)",
                            subtitle: "NIP \(nip) · \(person.agency)\(person.unit.isEmpty ? "" : "/\(person.unit)") · \(Vocabulary.display(person.jobLevel))")

        let lines = try Row.fetchAll(
            db, sql: "SELECT year, title, source, kind, jp, state, end_date FROM ledger_line WHERE nip = ? AND year BETWEEN ? AND ? ORDER BY year DESC, end_date DESC",
            arguments: [nip, year - 4, year])
        var ledger = ReportTable(title: "Riwayat JP \(year - 4)–\(year)", columns: [
            .init(title: "Tahun", kind: .text), .init(title: "Kegiatan", kind: .text), .init(title: "Sumber", kind: .text),
            .init(title: "Selesai", kind: .date), .init(title: "JP", kind: .count), .init(title: "Status", kind: .text),
        ])
        for line in lines {
            let state = Binakarier_Programs_V1_LearningState(rawValue: line["state"]) ?? .unspecified
            ledger.rows.append(.init(cells: [
                .text("\(line["year"] as Int)"), .text(line["title"]),
                .text((line["source"] as Int32) == Binakarier_Programs_V1_LedgerSource.session.rawValue ? "BinaKarier" : "Luar"),
                .text(line["end_date"]), .number(Double(line["jp"] as Int)),
                .text(state == .verified ? "Terverifikasi" : state == .pending ? "Menunggu verifikasi" : "Ditolak"),
            ]))
        }
        var perYear = ReportTable(title: "JP terverifikasi per tahun", columns: [.init(title: "Tahun", kind: .text), .init(title: "JP", kind: .count), .init(title: "Target", kind: .text)])
        var jpSeries: [Double?] = []
        for trendYear in (year - 4)...year {
            let jp = try reads.jp(trendYear)[nip] ?? 0
            jpSeries.append(Double(jp))
            let target = person.asnType == .pns ? (jp >= context.settings.jpTarget ? "memenuhi \(context.settings.jpTarget) JP" : "kurang \(context.settings.jpTarget - jp) JP")
                : (jp <= context.settings.pppkCeiling ? "dalam batas \(context.settings.pppkCeiling) JP" : "melebihi \(context.settings.pppkCeiling) JP")
            perYear.rows.append(.init(cells: [.text("\(trendYear)"), .number(Double(jp)), .text(target)]))
        }
        report.sections.append(.init(
            title: "Pengembangan kompetensi", tables: [perYear, ledger],
            charts: [.make(.bar, "JP per tahun", "JP terverifikasi per tahun, \(year - 4)–\(year).", categories: ((year - 4)...year).map { "\($0)" }, series: [("JP", jpSeries)], unit: "JP")]))

        let enrolments = try ReportData.enrolments(db, years: (year - 4)...year, nip: nip)
        var taken = ReportTable(title: "Program yang diikuti", columns: [
            .init(title: "Angkatan", kind: .text), .init(title: "Program", kind: .text), .init(title: "Kehadiran", kind: .percent, decimals: 0),
            .init(title: "Pre-test", kind: .number, decimals: 0), .init(title: "Post-test", kind: .number, decimals: 0),
            .init(title: "Status", kind: .text), .init(title: "Sertifikat", kind: .text),
        ])
        for enrolment in enrolments.sorted(by: { $0.lastDay > $1.lastDay }) {
            taken.rows.append(.init(cells: [
                .text(enrolment.session), .text(programs[enrolment.program]?.title ?? enrolment.program), .number(enrolment.attendance),
                enrolment.preTest >= 0 ? .number(enrolment.preTest) : .missing, enrolment.postTest >= 0 ? .number(enrolment.postTest) : .missing,
                .text(enrolment.completed ? "Lulus" : "Belum lulus"), .text(enrolment.certificate),
            ]))
        }
        report.sections.append(.init(title: "Program", tables: [taken]))

        var outcome = ReportTable(title: "Kinerja dan disiplin", columns: [
            .init(title: "Tahun", kind: .text), .init(title: "Hasil kerja", kind: .text), .init(title: "Perilaku", kind: .text),
            .init(title: "Predikat", kind: .text), .init(title: "Hukuman disiplin", kind: .text),
        ])
        for trendYear in ((year - 4)...year).reversed() {
            let skp = try Row.fetchOne(db, sql: "SELECT work, behaviour, predicate FROM skp WHERE nip = ? AND year = ?", arguments: [nip, trendYear])
            let sanctions = try Row.fetchAll(db, sql: "SELECT level, kind FROM discipline WHERE nip = ? AND year = ?", arguments: [nip, trendYear])
            let covered = try ReportData.disciplineCovered(db, year: trendYear, agency: person.agency)
            guard skp != nil || covered else { continue }
            outcome.rows.append(.init(cells: [
                .text("\(trendYear)"),
                skp.flatMap { Rating(rawValue: $0["work"]) }.map { .text($0.label) } ?? .missing,
                skp.flatMap { Rating(rawValue: $0["behaviour"]) }.map { .text($0.label) } ?? .missing,
                skp.flatMap { Predicate(rawValue: $0["predicate"]) }.map { .text($0.label) } ?? .missing,
                covered ? .text(sanctions.isEmpty ? "Tidak ada" : sanctions.map { "\(SanctionLevel(rawValue: $0["level"])?.label ?? "") (\($0["kind"] as String))" }.joined(separator: "; ")) : .missing,
            ]))
        }
        report.sections.append(.init(title: "Kinerja", tables: [outcome]))

        let score = try ReportData.ipAsn(reads, rules: context.settings.ipAsn, year: year, people: [person])[nip]
        var index = ReportTable(title: "IP ASN \(year)", columns: [
            .init(title: "Dimensi", kind: .text), .init(title: "Nilai", kind: .number, decimals: 0), .init(title: "Maksimum", kind: .number, decimals: 0),
            .init(title: "Dasar", kind: .text),
        ])
        for component in score?.components ?? [] {
            index.rows.append(.init(cells: [.text(component.dimension.capitalizedFirst), component.missing ? .missing : .number(component.points), .number(component.maxPoints), .text(component.basis)]))
        }
        index.rows.append(.init(cells: [.text("Jumlah"), .optional(score?.total), .number(100), .text(score?.total.map { IpAsnRules.band($0) } ?? "belum lengkap")], total: true))
        report.sections.append(.init(title: "Indeks Profesionalitas ASN", tables: [index]))

        let jp = try reads.jp(year)[nip] ?? 0
        var conclusions: [Conclusion] = []
        if person.asnType == .pns {
            conclusions.append(.init(
                topic: "JP", verdict: jp >= context.settings.jpTarget ? .positive : .negative,
                text: jp >= context.settings.jpTarget ? "Hak pengembangan \(context.settings.jpTarget) JP tahun \(year) terpenuhi (\(jp) JP)."
                    : "Masih kurang \(context.settings.jpTarget - jp) JP untuk memenuhi \(context.settings.jpTarget) JP tahun \(year).",
                evidence: "\(jp) JP terverifikasi", n: 1,
                recommendation: jp >= context.settings.jpTarget ? "" : "Atasan mengusulkan program yang sesuai kebutuhan kompetensinya."))
        }
        if let total = score?.total {
            conclusions.append(.init(topic: "IP ASN", verdict: total > 80 ? .positive : total > 70 ? .neutral : .negative,
                                     text: "IP ASN \(year): \(IndonesianNumber.format(total, decimals: 0)) (\(IpAsnRules.band(total))).", evidence: "empat dimensi lengkap", n: 1))
        } else {
            let missing = (score?.components ?? []).filter(\.missing).map(\.dimension)
            conclusions.append(.init(topic: "IP ASN", verdict: .inconclusive, text: "IP ASN \(year) belum dapat dihitung: data \(missing.joined(separator: ", ")) belum ada.", evidence: "", n: 1))
        }
        report.conclusions = conclusions
        return report
    }
}
