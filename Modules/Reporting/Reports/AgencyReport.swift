import BKCharts
import BKProto
import GRDB

/// (b) One agency in one year: JP compliance, participation by unit, golongan, sex and job level,
/// the programs its staff took, dialogues held and action items closed, performance and IP ASN.
enum AgencyReport {
    static func build(_ db: Database, agency code: String, context: ReportContext) throws -> Report? {
        guard let agency = try ReportData.agencies(db).first(where: { $0.code == code }) else { return nil }
        let k = context.k, year = context.year
        let units = try ReportData.units(db, agency: code)
        let people = try ReportData.people(db, agency: code)
        let reads = ReportData.Reads(db, rules: context.settings.ipAsn)
        let figures = try GroupFigures.load(reads, people: people, context: context)
        let active = figures.people
        func unitName(_ person: ReportData.Person) -> String { person.unit.isEmpty ? "(langsung di bawah \(code))" : units[person.unit] ?? person.unit }
        let byUnit = Dictionary(grouping: active, by: unitName).sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        var report = Report(kind: .agency, scope: code, year: Int32(year), title: "Laporan Pengembangan Kompetensi \(agency.name)",
                            subtitle: "\(code) · tahun \(year) · \(active.count) ASN aktif")

        let compliance = GroupFigures.complianceTable(title: "Pemenuhan \(context.settings.jpTarget) JP per unit", labelTitle: "Unit", groups: byUnit, figures: figures, context: context)
        report.sections.append(.init(
            title: "Hak pengembangan kompetensi (JP)",
            text: "Setiap PNS paling sedikit \(context.settings.jpTarget) JP setahun (PP 11/2017 pasal 203 ayat 4); hanya JP terverifikasi yang dihitung.",
            tables: [compliance],
            charts: [.make(.horizontalBar, "% PNS memenuhi \(context.settings.jpTarget) JP per unit", "Persentase PNS aktif yang mencapai target JP, per unit.",
                           categories: compliance.labels(), series: [("% memenuhi", compliance.column(4))], unit: "%")]))

        let enrolments = try ReportData.enrolments(db, years: year...year, agency: code)
        let participants = Set(enrolments.map(\.nip))
        report.sections.append(.init(
            title: "Partisipasi",
            text: "Peserta: ASN aktif yang terdaftar pada sedikitnya satu angkatan yang berakhir tahun \(year).",
            tables: [
                Groupings.participation(title: "Menurut unit", labelTitle: "Unit", people: active, participants: participants, by: unitName, k: k),
                Groupings.participation(title: "Menurut golongan", labelTitle: "Golongan", people: active, participants: participants, by: Groupings.golongan, k: k),
                Groupings.participation(title: "Menurut jenis kelamin", labelTitle: "Jenis kelamin", people: active, participants: participants, by: Groupings.sex, k: k),
                Groupings.participation(title: "Menurut jenjang jabatan", labelTitle: "Jenjang", people: active, participants: participants, by: Groupings.jobLevel, k: k),
            ]))

        let programs = try ReportData.programs(db)
        let taken = Groupings.completion(
            title: "Program yang diikuti", labelTitle: "Program",
            groups: Dictionary(grouping: enrolments, by: \.program).sorted { $0.key < $1.key }
                .map { ("\(programs[$0.key]?.title ?? $0.key) (\($0.key))", $0.value) }, k: k)
        report.sections.append(.init(title: "Program", tables: [taken]))

        let dialogues = try ReportData.dialogues(db, agency: code, year: year)
        let actions = try ReportData.actions(db, agency: code, year: year)
        var leadership = FactTable(title: "Dialog terbuka dan tindak lanjut")
        leadership.count("Dialog diadakan", dialogues.count, k: 0)
        leadership.count("Aspirasi", dialogues.reduce(0) { $0 + $1.aspirations }, k: 0)
        leadership.count("Tindak lanjut", actions.count, k: 0)
        leadership.count("Tindak lanjut selesai", actions.count { $0.state == .done }, k: 0)
        leadership.count("Terlambat", actions.count { $0.isOverdue(today: context.today) }, k: 0)
        report.sections.append(.init(title: "Kepemimpinan", tables: [leadership.build()]))

        let before = try reads.predicates(year - 1), after = try reads.predicates(year)
        var predicates = CountTable(title: "Predikat kinerja", labelTitle: "Tahun", countTitles: Predicate.allCases.map(\.label) + ["Jumlah"])
        predicates.lastColumnIsRowTotal = true
        predicates.totalRow = false
        for (label, values) in [("\(year - 1)", before), ("\(year)", after)] {
            let counts = Predicate.allCases.map { predicate in active.count { values[$0.nip] == predicate } }
            predicates.rows.append((label, counts + [counts.reduce(0, +)]))
        }
        let predicateTable = predicates.build(k: k)
        report.sections.append(.init(
            title: "Kinerja dan IP ASN",
            tables: [predicateTable, GroupFigures.bandTable(title: "IP ASN per unit", labelTitle: "Unit", groups: byUnit, figures: figures, k: k)],
            charts: [.make(.stackedBar, "Predikat kinerja", "Jumlah ASN per predikat kinerja, \(year - 1) dan \(year).",
                           categories: ["\(year - 1)", "\(year)"],
                           series: Predicate.allCases.enumerated().map { index, predicate in (predicate.label, predicateTable.column(index + 1)) })]))

        var conclusions: [Conclusion] = []
        // Conclusions quote the tables' own cells, and shares only, never counts a table hides.
        if let share = compliance.totalCell(4), share.state == .value {
            conclusions.append(.init(
                topic: "JP", verdict: share.number >= 80 ? .positive : .negative,
                text: "\(IndonesianNumber.format(share.number, decimals: 1)) % PNS aktif memenuhi \(context.settings.jpTarget) JP.",
                evidence: "PNS aktif \(figures.pns().count)", n: Int32(figures.pns().count),
                recommendation: share.number >= 80 ? "" : "Prioritaskan pegawai yang belum memenuhi JP pada angkatan berikutnya."))
        }
        let good = { (values: [String: Predicate]) -> (Int, Int) in
            let rated = active.filter { values[$0.nip] != nil }
            return (rated.count { values[$0.nip]!.isGood }, rated.count)
        }
        let (goodBefore, ratedBefore) = good(before), (goodAfter, ratedAfter) = good(after)
        if ratedBefore >= k, ratedAfter >= k {
            let shareBefore = Double(goodBefore) * 100 / Double(ratedBefore), shareAfter = Double(goodAfter) * 100 / Double(ratedAfter)
            let change = shareAfter - shareBefore
            conclusions.append(.init(
                topic: "Kinerja", verdict: change > 2 ? .positive : change < -2 ? .negative : .neutral,
                text: "Predikat Baik atau lebih \(change >= 0 ? "naik" : "turun") \(IndonesianNumber.format(abs(change), decimals: 1)) poin persen dari \(year - 1) ke \(year).",
                evidence: "\(IndonesianNumber.format(shareBefore, decimals: 1)) % → \(IndonesianNumber.format(shareAfter, decimals: 1)) % dari ASN aktif ber-SKP", n: Int32(ratedAfter)))
        } else {
            conclusions.append(.init(topic: "Kinerja", verdict: .inconclusive,
                                     text: "Perubahan kinerja belum dapat disimpulkan: SKP \(year - 1) atau \(year) tercatat untuk kurang dari \(k) ASN.",
                                     evidence: "", n: 0))
        }
        if let action = Conclusions.actions(actions, today: context.today) { conclusions.append(action) }
        if dialogues.isEmpty {
            conclusions.append(.init(topic: "Dialog", verdict: .negative, text: "Belum ada dialog terbuka pimpinan dengan pegawai pada \(year).", evidence: "dialog 0", n: 0,
                                     recommendation: "Kepala perangkat daerah mengadakan dialog terbuka paling sedikit sekali per semester."))
        }
        report.conclusions = conclusions
        return report
    }
}
