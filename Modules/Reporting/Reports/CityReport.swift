import BKCharts
import BKProto
import GRDB

/// (c) The city for a year (or one quarter): the evaluation of the whole career-development program,
/// agencies side by side, best and weakest programs, trends over the quarters and the years.
enum CityReport {
    static let trendYears = 4

    static func build(_ db: Database, context: ReportContext) throws -> Report {
        let k = context.k, year = context.year, quarter = context.quarter
        let agencies = try ReportData.agencies(db)
        let people = try ReportData.people(db)
        let figures = try GroupFigures.load(db, people: people, context: context)
        let active = figures.people
        let enrolments = try ReportData.enrolments(db, years: year...year, quarter: quarter)
        let sessions = try ReportData.sessions(db, year: year, quarter: quarter)
        let programs = try ReportData.programs(db)
        let period = quarter > 0 ? "triwulan \(quarter) \(year)" : "tahun \(year)"
        var report = Report(kind: .city, scope: "KOTA", year: Int32(year), quarter: Int32(quarter),
                            title: "Evaluasi Program Pembinaan Karier ASN", subtitle: "\(period) · \(agencies.count) perangkat daerah · \(active.count) ASN aktif")

        let completed = enrolments.filter(\.completed)
        let jpDelivered = completed.reduce(0) { $0 + (programs[$1.program]?.jp ?? 0) }
        var summary = FactTable(title: "Ringkasan")
        summary.count("Program berjalan", Set(sessions.map(\.program)).count, k: 0)
        summary.count("Angkatan", sessions.count, k: 0)
        summary.count("Peserta (pendaftaran)", enrolments.count, k: k)
        summary.count("ASN yang ikut", Set(enrolments.map(\.nip)).count, k: k)
        summary.count("Lulus", completed.count, k: k)
        summary.number("JP yang diberikan", Double(jpDelivered), kind: .count)
        let pns = figures.pns()
        summary.number("% PNS memenuhi \(context.settings.jpTarget) JP (tahun \(year))", Evaluation.percent(figures.meeting(pns, target: context.settings.jpTarget), of: pns.count), kind: .percent)
        summary.number("Rata-rata IP ASN (skor lengkap)", figures.meanIpAsn(active))
        report.sections.append(.init(title: "Ringkasan", text: "Angka \(period); pemenuhan JP dan IP ASN selalu untuk tahun \(year).", tables: [summary.build()]))

        // Agencies side by side.
        let byAgency = agencies.map { agency in (agency.code, active.filter { $0.agency == agency.code }) }
        let participants = Set(enrolments.map(\.nip))
        var side = CountTable(title: "Perangkat daerah", labelTitle: "Perangkat daerah", countTitles: ["PNS aktif", "Memenuhi JP", "ASN aktif", "Ikut program"])
        side.ratios = [.init(title: "% memenuhi JP", part: 1, whole: 0), .init(title: "% ikut", part: 3, whole: 2)]
        let dialogues = try ReportData.dialogues(db, year: year)
        let actions = try ReportData.actions(db, year: year)
        side.measures = [
            .init(title: "Rata-rata IP ASN", guardColumn: 2, values: byAgency.map { figures.meanIpAsn($0.1) }, total: figures.meanIpAsn(active)),
            .init(title: "Dialog", kind: .count, decimals: 0, guardColumn: 2, values: byAgency.map { code, _ in Double(dialogues.count { $0.agency == code }) }, total: Double(dialogues.count)),
            .init(title: "% tindak lanjut selesai", kind: .percent, guardColumn: 2,
                  values: byAgency.map { code, _ in
                      let own = actions.filter { $0.agency == code }
                      return Evaluation.percent(own.count { $0.state == .done }, of: own.count)
                  },
                  total: Evaluation.percent(actions.count { $0.state == .done }, of: actions.count)),
        ]
        for (code, members) in byAgency {
            let pnsMembers = members.filter { $0.asnType == .pns }
            side.rows.append((code, [pnsMembers.count, figures.meeting(pnsMembers, target: context.settings.jpTarget), members.count, members.count { participants.contains($0.nip) }]))
        }
        let sideTable = side.build(k: k)
        report.sections.append(.init(
            title: "Perangkat daerah berdampingan",
            tables: [sideTable, GroupFigures.bandTable(title: "Sebaran IP ASN", labelTitle: "Perangkat daerah", groups: byAgency, figures: figures, k: k)],
            charts: [
                .make(.horizontalBar, "% PNS memenuhi \(context.settings.jpTarget) JP", "Persentase PNS aktif yang mencapai target JP per perangkat daerah.",
                      categories: sideTable.labels(), series: [("% memenuhi", sideTable.column(5))], unit: "%"),
                .make(.distribution, "Sebaran IP ASN kota", "Jumlah ASN per kategori IP ASN.",
                      categories: IpAsnRules.bands, series: [("ASN", figures.bandCounts(active).prefix(IpAsnRules.bands.count).map { $0 > 0 && $0 < k ? nil : Double($0) })]),
            ]))

        // Programs: best and weakest.
        let ranked = try programRanking(db, enrolments: enrolments, programs: programs, year: year, k: k)
        var rankTable = ReportTable(title: "Program menurut reaksi dan pembelajaran", columns: [
            .init(title: "Program", kind: .text), .init(title: "Peserta", kind: .count), .init(title: "% lulus", kind: .percent, decimals: 1),
            .init(title: "Kepuasan (% skala)", kind: .percent, decimals: 1), .init(title: "NPS", kind: .number, decimals: 0), .init(title: "Gain kelas", kind: .number, decimals: 2),
        ])
        for entry in ranked {
            rankTable.rows.append(.init(cells: [
                .text("\(entry.title) (\(entry.code))"), entry.participants < k ? .suppressed : .number(Double(entry.participants)),
                entry.participants < k ? .suppressed : .optional(Evaluation.percent(entry.completed, of: entry.participants)),
                .optional(entry.satisfaction), .optional(entry.nps), .optional(entry.gain),
            ]))
        }
        rankTable.note = "Diurutkan menurut kepuasan (rata-rata butir Likert sebagai persen skala); hasil kelompok di bawah \(k) jawaban tidak ditampilkan."
        let scored = ranked.filter { $0.satisfaction != nil }
        report.sections.append(.init(
            title: "Program terbaik dan terlemah", text: scored.count >= 2 ? "Terbaik: \(scored.first!.title). Terlemah: \(scored.last!.title)." : "",
            tables: [rankTable],
            charts: [.make(.horizontalBar, "Kepuasan peserta per program", "Rata-rata kepuasan peserta per program, sebagai persen skala.",
                           categories: scored.map(\.code), series: [("Kepuasan", scored.map(\.satisfaction))], unit: "%")]))

        // Trends.
        let yearEnrolments = quarter > 0 ? try ReportData.enrolments(db, years: year...year) : enrolments
        let quarters = (1...4).map { q in yearEnrolments.filter { $0.quarter == q } }
        let years = Array((year - trendYears)...year)
        var compliance: [Double?] = []
        var meanIp: [Double?] = []
        var goodShare: [Double?] = []
        for trendYear in years {
            let jp = try ReportData.jp(db, year: trendYear)
            // A year without a single ledger line has no data, not 0 % compliance.
            compliance.append(jp.isEmpty ? nil : Evaluation.percent(pns.count { (jp[$0.nip] ?? 0) >= context.settings.jpTarget }, of: pns.count))
            let predicates = try ReportData.predicates(db, year: trendYear)
            let rated = active.filter { predicates[$0.nip] != nil }
            goodShare.append(rated.count >= k ? Evaluation.percent(rated.count { predicates[$0.nip]!.isGood }, of: rated.count) : nil)
            let scores = trendYear == year ? figures.ipAsn : try ReportData.ipAsn(db, rules: context.settings.ipAsn, year: trendYear, people: active)
            let totals = scores.values.compactMap(\.total)
            meanIp.append(totals.count >= k ? totals.reduce(0, +) / Double(totals.count) : nil)
        }
        var trendTable = ReportTable(title: "Tren tahunan", columns: [
            .init(title: "Tahun", kind: .text), .init(title: "% PNS memenuhi JP", kind: .percent, decimals: 1),
            .init(title: "% predikat Baik atau lebih", kind: .percent, decimals: 1), .init(title: "Rata-rata IP ASN", kind: .number, decimals: 1),
        ])
        for (index, trendYear) in years.enumerated() {
            trendTable.rows.append(.init(cells: [.text("\(trendYear)"), .optional(compliance[index]), .optional(goodShare[index]), .optional(meanIp[index])]))
        }
        var quarterTable = CountTable(title: "Per triwulan \(year)", labelTitle: "Triwulan", countTitles: ["Peserta", "Lulus"])
        quarterTable.ratios = [.init(title: "% lulus", part: 1, whole: 0)]
        for (index, rows) in quarters.enumerated() { quarterTable.rows.append(("T\(index + 1)", [rows.count, rows.count { $0.completed }])) }
        let quarterBuilt = quarterTable.build(k: k)
        report.sections.append(.init(
            title: "Tren", text: "Orang yang dihitung adalah ASN aktif sekarang; tahun tanpa data tampil kosong.",
            tables: [quarterBuilt, trendTable],
            charts: [
                .make(.bar, "Peserta dan lulusan per triwulan", "Jumlah peserta dan lulusan per triwulan \(year).",
                      categories: quarterBuilt.labels(), series: [("Peserta", quarterBuilt.column(1)), ("Lulus", quarterBuilt.column(2))]),
                .make(.line, "Tren tahunan", "Persentase PNS memenuhi JP dan persentase predikat Baik atau lebih, \(years.first!)–\(year).",
                      categories: years.map { "\($0)" }, series: [("% memenuhi JP", compliance), ("% predikat Baik+", goodShare)], unit: "%"),
            ]))

        // Units' IKM.
        let ikmBefore = try ReportData.unitIkm(db, year: year - 1), ikmAfter = try ReportData.unitIkm(db, year: year)
        var ikmTable = ReportTable(title: "IKM unit layanan", columns: [
            .init(title: "Unit layanan", kind: .text), .init(title: "IKM \(year - 1)", kind: .number, decimals: 2),
            .init(title: "IKM \(year)", kind: .number, decimals: 2), .init(title: "Perubahan", kind: .number, decimals: 2),
        ])
        for unit in Set(ikmBefore.keys).union(ikmAfter.keys).sorted() {
            let before = ikmBefore[unit]?.index, after = ikmAfter[unit]?.index
            ikmTable.rows.append(.init(cells: [.text(unit), .optional(before), .optional(after), .optional(before.flatMap { b in after.map { $0 - b } })]))
        }
        report.sections.append(.init(title: "Kepuasan masyarakat (IKM)", text: "IKM = Σ(NRR unsur × 1/9) × 25 (PermenPANRB 14/2017): A ≥ 88,31; B ≥ 76,61; C ≥ 65,00; D di bawahnya.", tables: [ikmTable]))

        // Conclusions.
        var conclusions: [Conclusion] = []
        func trend(_ topic: String, _ what: String, _ values: [Double?], unit: String, n: Int, threshold: Double) {
            guard let last = values.last ?? nil, values.count >= 2, let previous = values[values.count - 2] else {
                conclusions.append(.init(topic: topic, verdict: .inconclusive, text: "\(what.capitalizedFirst) belum dapat dibandingkan dengan tahun sebelumnya (data \(year - 1) belum ada).", evidence: "", n: Int32(n)))
                return
            }
            let change = last - previous
            conclusions.append(.init(
                topic: topic, verdict: change > threshold ? .positive : change < -threshold ? .negative : .neutral,
                text: "\(what.capitalizedFirst) \(change > threshold ? "naik" : change < -threshold ? "turun" : "relatif tetap"): \(IndonesianNumber.format(previous, decimals: 1)) → \(IndonesianNumber.format(last, decimals: 1))\(unit).",
                evidence: "\(year - 1) dan \(year)", n: Int32(n)))
        }
        trend("JP", "pemenuhan \(context.settings.jpTarget) JP", compliance, unit: " %", n: pns.count, threshold: 1)
        trend("Kinerja", "persentase predikat Baik atau lebih", goodShare, unit: " %", n: active.count, threshold: 1)
        trend("IP ASN", "rata-rata IP ASN", meanIp, unit: "", n: active.count, threshold: 0.5)
        var effects: [String] = [], none: [String] = [], unclear = 0
        let before = try ReportData.predicates(db, year: year - 1), after = try ReportData.predicates(db, year: year)
        let unitOf = Dictionary(active.map { ($0.nip, $0.unitKey) }, uniquingKeysWith: { a, _ in a })
        let allUnits = Set(unitOf.values)
        // Largest programs first: the recommendation names those it matters most for.
        let completers = Dictionary(grouping: completed, by: \.program).mapValues(\.count)
        for program in completers.keys.sorted(by: { (completers[$0]!, $1) > (completers[$1]!, $0) }) {
            let treatedUnits = Set(completed.filter { $0.program == program }.compactMap { unitOf[$0.nip] })
            let comparisonUnits = allUnits.subtracting(treatedUnits)
            let treated = LevelFour.performance(people: active, units: treatedUnits, before: before, after: after)
            let comparison = LevelFour.performance(people: active, units: comparisonUnits, before: before, after: after)
            let verdict = Conclusions.results("kinerja", treated: treated?.0, comparison: comparison?.0, unit: "poin persen",
                                              standardError: treated.flatMap { t in comparison.map { c in (t.1 + c.1).squareRoot() } }, k: k)
            switch verdict.verdict {
            case .positive: effects.append(program)
            case .inconclusive: unclear += 1
            default: none.append(program)
            }
        }
        conclusions.append(.init(
            topic: "L4", verdict: effects.isEmpty ? (none.isEmpty ? .inconclusive : .neutral) : .positive,
            text: effects.isEmpty
                ? "Belum ada program dengan dampak kinerja unit yang terukur."
                : "\(effects.count) program menunjukkan dampak terukur pada kinerja unit pesertanya: \(effects.joined(separator: ", ")); \(none.count) program belum.",
            evidence: "selisih-dalam-selisih predikat Baik atau lebih, unit peserta dan pembanding; \(unclear) program datanya belum cukup", n: Int32(effects.count + none.count),
            recommendation: none.isEmpty ? "" : "Tinjau program yang belum tampak dampaknya, mulai dari yang pesertanya terbanyak: \(none.prefix(5).joined(separator: ", "))."))
        let positives = conclusions.count { $0.verdict == .positive }, negatives = conclusions.count { $0.verdict == .negative }
        let measured = conclusions.count { $0.verdict != .inconclusive }
        // The overall sentence needs at least two indicators that could be measured.
        let overall: Binakarier_Reporting_V1_Verdict = measured < 2 ? .inconclusive : positives > negatives ? .positive : positives == negatives ? .neutral : .negative
        conclusions.append(.init(
            topic: "Kesimpulan", verdict: overall,
            text: overall == .inconclusive
                ? "Peningkatan profesionalisme belum dapat disimpulkan: baru \(measured) dari \(conclusions.count) indikator yang dapat diukur."
                : overall == .positive
                    ? "Evaluasi menunjukkan profesionalisme ASN meningkat; komitmen pimpinan hingga staf perlu dijaga."
                    : "Evaluasi belum menunjukkan peningkatan profesionalisme yang jelas; perbaikan program diperlukan.",
            evidence: "\(positives) indikator naik, \(negatives) turun, \(conclusions.count - measured) belum dapat diukur", n: Int32(active.count),
            recommendation: overall == .inconclusive ? "Impor SKP dan data disiplin tahun lalu dan tahun ini (bkctl outcome import) agar kinerja dan IP ASN dapat dibandingkan." : ""))
        if let weakest = scored.last, scored.count >= 2 {
            conclusions.append(.init(topic: "Program", verdict: .neutral, text: "Program dengan kepuasan terendah: \(weakest.title).",
                                     evidence: "kepuasan \(IndonesianNumber.format(weakest.satisfaction ?? 0, decimals: 1)) %", n: Int32(weakest.participants),
                                     recommendation: "Tinjau materi dan penyelenggaraan \(weakest.code) bersama peserta dan fasilitator."))
        }
        report.conclusions = conclusions
        return report
    }

    struct Ranked {
        var code: String
        var title: String
        var participants: Int
        var completed: Int
        var satisfaction: Double?
        var nps: Double?
        var gain: Double?
    }

    /// Programs of the period with their reaction (the Likert items' mean as a share of the scale),
    /// NPS and class gain, best first; programs without shown results last.
    static func programRanking(_ db: Database, enrolments: [ReportData.Enrolment], programs: [String: ReportData.Program], year: Int, k: Int) throws -> [Ranked] {
        var ranked: [Ranked] = []
        for (code, rows) in Dictionary(grouping: enrolments, by: \.program) {
            let reaction = try ReportData.programResults(db, program: code, year: year, purpose: .reaction)
            let post = try ReportData.programResults(db, program: code, year: year, purpose: .postTest)
            var satisfaction: Double?
            var nps: Double?
            if let reaction, !reaction.suppressed {
                let likert = reaction.items.filter { ($0.kind == .likert4 || $0.kind == .likert5) && $0.facilitator.isEmpty && $0.answers >= k }
                let parts = likert.map { (mean: $0.mean / Double($0.kind == .likert4 ? 4 : 5) * 100, count: Int($0.answers)) }
                satisfaction = Evaluation.weightedMean(parts)
                nps = reaction.items.first { $0.kind == .nps && $0.answers >= k }?.nps
            }
            let gain = post?.learning.flatMap { $0.paired >= k ? $0.classGain : nil }
            ranked.append(.init(code: code, title: programs[code]?.title ?? code, participants: rows.count, completed: rows.count { $0.completed },
                                satisfaction: satisfaction, nps: nps, gain: gain))
        }
        return ranked.sorted { ($0.satisfaction ?? -1, $1.code) > ($1.satisfaction ?? -1, $0.code) }
    }
}
