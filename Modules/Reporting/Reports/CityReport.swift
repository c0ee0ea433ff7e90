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
        let reads = ReportData.Reads(db, rules: context.settings.ipAsn)
        let figures = try GroupFigures.load(reads, people: people, context: context)
        let active = figures.people
        let enrolments = try ReportData.enrolments(db, years: year...year, quarter: quarter)
        // Batches with participants, as each program report counts them: a cancelled batch is none
        // (its enrolments are not counted), nor one nobody joined.
        let sessions = Dictionary(enrolments.map { ($0.session, $0.program) }, uniquingKeysWith: { first, _ in first })
        let programs = try ReportData.programs(db)
        let period = quarter > 0 ? "triwulan \(quarter) \(year)" : "tahun \(year)"
        var report = Report(kind: .city, scope: "KOTA", year: Int32(year), quarter: Int32(quarter),
                            title: "Evaluasi Program Pembinaan Karier ASN", subtitle: "\(period) · \(agencies.count) perangkat daerah · \(active.count) ASN aktif")

        let completed = enrolments.filter(\.completed)
        let jpDelivered = completed.reduce(0) { $0 + (programs[$1.program]?.jp ?? 0) }

        // Agencies side by side: JP compliance, participation, IP ASN and leadership, as three tables
        // whose counts are each suppressed with their complements.
        let byAgency = agencies.map { agency in (agency.code, active.filter { $0.agency == agency.code }) }
        let participants = Set(enrolments.map(\.nip))
        let complianceTable = GroupFigures.complianceTable(
            title: "Pemenuhan \(context.settings.jpTarget) JP (tahun \(year))", labelTitle: "Perangkat daerah", groups: byAgency, figures: figures, context: context)
        var participation = CountTable(title: "Partisipasi \(period)", labelTitle: "Perangkat daerah", countTitles: ["Ikut program", "Belum ikut", "ASN aktif"])
        participation.lastColumnIsRowTotal = true
        participation.ratios = [.init(title: "% ikut", part: 0, whole: 2)]
        for (code, members) in byAgency {
            let joined = members.count { participants.contains($0.nip) }
            participation.rows.append((code, [joined, members.count - joined, members.count]))
        }
        let participationTable = participation.build(k: k)
        let dialogues = try ReportData.dialogues(db, year: year)
        let actions = try ReportData.actions(db, year: year)
        var leadership = ReportTable(title: "Dialog terbuka dan tindak lanjut (tahun \(year))", columns: [
            .init(title: "Perangkat daerah", kind: .text), .init(title: "Dialog", kind: .count), .init(title: "Tindak lanjut", kind: .count),
            .init(title: "Selesai", kind: .count), .init(title: "Terlambat", kind: .count),
        ])
        // Dialogues and action items are the agencies' own acts, not people: shown as they are.
        for (code, _) in byAgency {
            let own = actions.filter { $0.agency == code }
            leadership.rows.append(.init(cells: [
                .text(code), .number(Double(dialogues.count { $0.agency == code })), .number(Double(own.count)),
                .number(Double(own.count { $0.state == .done })), .number(Double(own.count { $0.isOverdue(today: context.today) })),
            ]))
        }
        leadership.rows.append(.init(cells: [
            .text("Jumlah"), .number(Double(dialogues.count)), .number(Double(actions.count)), .number(Double(actions.count { $0.state == .done })),
            .number(Double(actions.count { $0.isOverdue(today: context.today) })),
        ], total: true))
        let bands = GroupFigures.bandTable(title: "Sebaran IP ASN (tahun \(year))", labelTitle: "Perangkat daerah", groups: byAgency, figures: figures, k: k)

        // The summary quotes those tables' totals: a figure reads the same (shown or hidden) everywhere.
        let quarterRows = try quarterTable(db, year: year, enrolments: quarter > 0 ? nil : enrolments, k: k)
        var summary = FactTable(title: "Ringkasan")
        summary.count("Program berjalan", Set(sessions.values).count, k: 0)
        summary.count("Angkatan", sessions.count, k: 0)
        summary.cell("Peserta (pendaftaran)", quarter > 0 ? quarterRows.cell(row: "T\(quarter)", 3) : quarterRows.totalCell(3), kind: .count)
        summary.cell("Lulus", quarter > 0 ? quarterRows.cell(row: "T\(quarter)", 1) : quarterRows.totalCell(1), kind: .count)
        summary.cell("ASN yang ikut", participationTable.totalCell(1), kind: .count)
        summary.number("JP yang diberikan", Double(jpDelivered), kind: .count)
        summary.cell("% PNS memenuhi \(context.settings.jpTarget) JP (tahun \(year))", complianceTable.totalCell(4), kind: .percent)
        summary.cell("Rata-rata IP ASN (skor lengkap, tahun \(year))", bands.totalCell(IpAsnRules.bands.count + 3), kind: .number)
        report.sections.append(.init(
            title: "Ringkasan",
            text: quarter > 0
                ? "Angka triwulan \(quarter) \(year) untuk program dan peserta; pemenuhan JP, IP ASN, hasil evaluasi, kinerja dan IKM selalu untuk setahun penuh \(year)."
                : "Angka tahun \(year).",
            tables: [summary.build()]))

        let bandTotals = bands.rows.last(where: \.total).map { row in (1...IpAsnRules.bands.count).map { row.cells[$0].state == .value ? row.cells[$0].number : nil } } ?? []
        report.sections.append(.init(
            title: "Perangkat daerah berdampingan",
            tables: [complianceTable, participationTable, leadership, bands],
            charts: [
                .make(.horizontalBar, "% PNS memenuhi \(context.settings.jpTarget) JP", "Persentase PNS aktif yang mencapai target JP per perangkat daerah.",
                      categories: complianceTable.labels(), series: [("% memenuhi", complianceTable.column(4))], unit: "%"),
                .make(.distribution, "Sebaran IP ASN kota", "Jumlah ASN per kategori IP ASN (skor lengkap).",
                      categories: IpAsnRules.bands, series: [("ASN", bandTotals)]),
            ]))

        // Programs: best and weakest.
        let ranked = try programRanking(db, enrolments: enrolments, programs: programs, year: year, k: k)
        var rankTable = ReportTable(title: "Program menurut reaksi dan pembelajaran", columns: [
            .init(title: "Program", kind: .text), .init(title: "Peserta", kind: .count), .init(title: "% lulus", kind: .percent, decimals: 1),
            .init(title: "Kepuasan (% skala)", kind: .percent, decimals: 1), .init(title: "NPS", kind: .number, decimals: 0), .init(title: "Gain kelas", kind: .number, decimals: 2),
        ])
        for entry in ranked {
            // A share whose part or complement is a handful of people would name who did not complete.
            let failures = entry.participants - entry.completed
            let shareHidden = entry.participants < k || (entry.completed > 0 && entry.completed < k) || (failures > 0 && failures < k)
            rankTable.rows.append(.init(cells: [
                .text("\(entry.title) (\(entry.code))"), entry.participants < k ? .suppressed : .number(Double(entry.participants)),
                shareHidden ? .suppressed : .optional(Evaluation.percent(entry.completed, of: entry.participants)),
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

        // Trends: each year counts the ASN active now who were already in service that year.
        let quarterBuilt = quarterRows
        let years = Array((year - trendYears)...year)
        var compliance: [Double?] = []
        var meanIp: [Double?] = []
        var goodShare: [Double?] = []
        var inService: [Int] = []
        for trendYear in years {
            let serving = active.filter { $0.serviceYear <= trendYear }
            let servingPNS = serving.filter { $0.asnType == .pns }
            inService.append(serving.count)
            let jp = try reads.jp(trendYear)
            // A year without a single ledger line has no data, not 0 % compliance.
            compliance.append(jp.isEmpty ? nil : Evaluation.percent(servingPNS.count { (jp[$0.nip] ?? 0) >= context.settings.jpTarget }, of: servingPNS.count))
            let predicates = try reads.predicates(trendYear)
            let rated = serving.filter { predicates[$0.nip] != nil }
            goodShare.append(rated.count >= k ? Evaluation.percent(rated.count { predicates[$0.nip]!.isGood }, of: rated.count) : nil)
            // A year without SKP has no complete score: no need to score everyone to find none.
            if trendYear != year, predicates.isEmpty {
                meanIp.append(nil)
            } else {
                let scores = trendYear == year ? figures.ipAsn : try ReportData.ipAsn(reads, rules: context.settings.ipAsn, year: trendYear, people: serving)
                let totals = serving.compactMap { scores[$0.nip]?.total }
                meanIp.append(totals.count >= k ? totals.reduce(0, +) / Double(totals.count) : nil)
            }
        }
        var trendTable = ReportTable(title: "Tren tahunan", columns: [
            .init(title: "Tahun", kind: .text), .init(title: "ASN dalam dinas", kind: .count), .init(title: "% PNS memenuhi JP", kind: .percent, decimals: 1),
            .init(title: "% predikat Baik atau lebih", kind: .percent, decimals: 1), .init(title: "Rata-rata IP ASN", kind: .number, decimals: 1),
        ])
        for (index, trendYear) in years.enumerated() {
            trendTable.rows.append(.init(cells: [.text("\(trendYear)"), .number(Double(inService[index])), .optional(compliance[index]),
                                                 .optional(goodShare[index]), .optional(meanIp[index])]))
        }
        report.sections.append(.init(
            title: "Tren", text: "Setiap tahun menghitung ASN aktif sekarang yang sudah bertugas pada tahun itu (menurut TMT); tahun tanpa data tampil kosong.",
            tables: [quarterBuilt, trendTable],
            charts: [
                .make(.stackedBar, "Peserta per triwulan", "Jumlah peserta yang lulus dan belum lulus per triwulan \(year).",
                      categories: quarterBuilt.labels(), series: [("Lulus", quarterBuilt.column(1)), ("Belum lulus", quarterBuilt.column(2))]),
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
        trend("JP", "pemenuhan \(context.settings.jpTarget) JP", compliance, unit: " %", n: figures.pns().count, threshold: 1)
        trend("Kinerja", "persentase predikat Baik atau lebih", goodShare, unit: " %", n: active.count, threshold: 1)
        trend("IP ASN", "rata-rata IP ASN", meanIp, unit: "", n: active.count, threshold: 0.5)
        var effects: [String] = [], none: [String] = [], unclear = 0
        let before = try reads.predicates(year - 1), after = try reads.predicates(year)
        let observations = LevelFour.observations(people: active, before: before, after: after)
        let unitOf = Dictionary(active.map { ($0.nip, $0.unitKey) }, uniquingKeysWith: { a, _ in a })
        // Level 4 always over the year (SKP are yearly), the same evaluation as each program's report.
        let yearEnrolments = quarter > 0 ? try ReportData.enrolments(db, years: year...year) : enrolments
        let byProgram = Dictionary(grouping: yearEnrolments, by: \.program)
        // Largest programs first: the recommendation names those it matters most for.
        let completers = byProgram.mapValues { $0.count { $0.completed } }.filter { $0.value > 0 }
        for program in completers.keys.sorted(by: { (completers[$0]!, $1) > (completers[$1]!, $0) }) {
            let (treated, touched) = LevelFour.units(of: byProgram[program] ?? [], unitOf: unitOf)
            let effect = LevelFour.effect(observations, treated: treated, comparison: Set(observations.keys).subtracting(touched), countPeople: true)
            switch Conclusions.results("kinerja", effect, unit: "poin persen", minimum: k, counted: "").verdict {
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

    /// Enrolments per quarter of the year: completed, not completed, enrolled; the rows are "T1"…"T4".
    static func quarterTable(_ db: Database, year: Int, enrolments: [ReportData.Enrolment]?, k: Int) throws -> ReportTable {
        let all = try enrolments ?? ReportData.enrolments(db, years: year...year)
        return Groupings.completion(title: "Per triwulan \(year)", labelTitle: "Triwulan",
                                    groups: (1...4).map { quarter in ("T\(quarter)", all.filter { $0.quarter == quarter }) }, k: k)
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
