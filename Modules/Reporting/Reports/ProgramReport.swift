import BKCharts
import BKProto
import Foundation
import GRDB
import IdentityVocabulary

/// (a) The evaluation of one program in one year, Kirkpatrick's levels 1 to 4 and, where its cost is
/// known, the cost side of level 5.
enum ProgramReport {
    static func build(_ db: Database, program code: String, context: ReportContext) throws -> Report? {
        guard let program = try ReportData.programs(db)[code] else { return nil }
        let k = context.k, year = context.year
        let enrolments = try ReportData.enrolments(db, years: year...year, program: code)
        let people = try ReportData.people(db)
        let sessions = Set(enrolments.map(\.session))
        let completed = enrolments.filter(\.completed)
        var report = Report(kind: .program, scope: code, year: Int32(year), title: "Evaluasi Program \(program.title)",
                            subtitle: "\(code) · \(ProgramKinds.label(program.kind)) · \(program.jp) JP · tahun \(year)")

        // Participation: the summary quotes the per-agency table's totals, hidden where they are.
        let agencyTable = Groupings.completion(
            title: "Peserta per perangkat daerah", labelTitle: "Perangkat daerah",
            groups: Dictionary(grouping: enrolments, by: \.agency).sorted { $0.key < $1.key }.map { ($0.key, $0.value) }, k: k)
        var summary = FactTable(title: "Ringkasan")
        summary.text("Program", "\(program.title) (\(code))")
        summary.count("Angkatan (sesi)", sessions.count, k: 0)
        summary.cell("Peserta", agencyTable.totalCell(3), kind: .count)
        summary.cell("Lulus (selesai)", agencyTable.totalCell(1), kind: .count)
        summary.cell("Persentase lulus", agencyTable.totalCell(4), kind: .percent)
        summary.number("Rata-rata kehadiran", enrolments.count >= k ? enrolments.reduce(0.0) { $0 + $1.attendance } / Double(max(enrolments.count, 1)) : nil, kind: .percent)
        report.sections.append(.init(
            title: "Peserta dan kelulusan",
            text: "Peserta yang terdaftar pada angkatan yang berakhir tahun \(year); lulus menurut aturan kelulusan program (kehadiran dan, bila ada, post-test).",
            tables: [summary.build(), agencyTable],
            charts: [.make(.horizontalBar, "Peserta per perangkat daerah", "Jumlah peserta yang lulus dan belum lulus per perangkat daerah.",
                           categories: agencyTable.labels(), series: [("Lulus", agencyTable.column(1)), ("Belum lulus", agencyTable.column(2))])]))

        // Level 1.
        let reaction = try ReportData.programResults(db, program: code, year: year, purpose: .reaction)
        var level1 = ReportSection(title: "Level 1 — Reaksi peserta")
        if let reaction, !reaction.suppressed {
            var items = ReportTable(title: "Butir penilaian", columns: [
                .init(title: "Butir", kind: .text), .init(title: "Jawaban", kind: .count), .init(title: "Rata-rata", kind: .number, decimals: 2),
                .init(title: "NPS", kind: .number, decimals: 0),
            ])
            for item in reaction.items where item.facilitator.isEmpty && (item.kind == .likert4 || item.kind == .likert5 || item.kind == .nps || item.kind == .beforeAfter) {
                items.rows.append(.init(cells: [
                    .text(item.text), item.answers < k ? .suppressed : .number(Double(item.answers)),
                    item.answers < k ? .suppressed : .number(item.kind == .beforeAfter ? item.afterMean : item.mean),
                    item.kind == .nps && item.answers >= k ? .number(item.nps) : .missing,
                ]))
            }
            level1.text = "\(reaction.responses) dari \(reaction.audienceSize) peserta menjawab (\(IndonesianNumber.format(reaction.responseRate, decimals: 1)) %)."
            level1.tables.append(items)
            let likert = reaction.items.filter { ($0.kind == .likert4 || $0.kind == .likert5) && $0.facilitator.isEmpty && $0.answers >= k }
            level1.charts.append(.make(.horizontalBar, "Rata-rata butir reaksi", "Rata-rata jawaban per butir penilaian reaksi.",
                                       categories: likert.map(\.text), series: [("Rata-rata", likert.map { $0.mean })]))
        } else {
            level1.text = "Belum ada hasil reaksi yang dapat ditampilkan (kurang dari \(k) jawaban, atau formulir masih dibuka)."
        }
        report.sections.append(level1)

        // Level 2.
        let post = try ReportData.programResults(db, program: code, year: year, purpose: .postTest)
        var level2 = ReportSection(title: "Level 2 — Pembelajaran (pre-test dan post-test)")
        var tested = FactTable(title: "Hasil tes")
        if let learning = post?.learning, learning.paired >= k {
            tested.count("Peserta dengan pre- dan post-test", Int(learning.paired), k: k)
            tested.number("Rata-rata pre-test", learning.preMean)
            tested.number("Rata-rata post-test", learning.postMean)
            tested.number("Gain kelas (g)", learning.classGain)
            tested.number("Rata-rata gain individu", learning.meanIndividualGain)
            tested.number("Lulus post-test", learning.passRate, kind: .percent)
            level2.charts.append(.make(.bar, "Pre-test dan post-test", "Rata-rata nilai pre-test dan post-test (0–100).",
                                       categories: ["Pre-test", "Post-test"], series: [("Rata-rata", [learning.preMean, learning.postMean])]))
            level2.text = "Gain ternormalisasi g = (post − pre) / (100 − pre): rendah < 0,3, sedang 0,3–0,7, tinggi > 0,7. Gain kelas dihitung dari rata-rata; gain individu dirata-rata per orang."
        } else {
            tested.text("Keterangan", "kurang dari \(k) peserta memiliki pre-test dan post-test")
        }
        level2.tables.append(tested.build())
        report.sections.append(level2)

        // Level 3.
        let selfFollow = try ReportData.programResults(db, program: code, year: year, purpose: .followUpSelf)
        let supervisorFollow = try ReportData.programResults(db, program: code, year: year, purpose: .followUpSupervisor)
        var followTable = FactTable(title: "Penerapan di tempat kerja (60–90 hari)")
        let selfAnswers = Int(selfFollow?.responses ?? 0), supervisorAnswers = Int(supervisorFollow?.responses ?? 0)
        followTable.count("Jawaban peserta", selfAnswers, k: k)
        followTable.count("Jawaban atasan", supervisorAnswers, k: k)
        followTable.number("Rata-rata menurut peserta", selfAnswers >= k ? selfFollow?.followUp?.selfMean : nil)
        followTable.number("Rata-rata menurut atasan", supervisorAnswers >= k ? supervisorFollow?.followUp?.supervisorMean : nil)
        followTable.number("Perubahan sebelum→sesudah (peserta)", selfAnswers >= k ? selfFollow?.followUp?.selfShift : nil)
        followTable.number("Perubahan sebelum→sesudah (atasan)", supervisorAnswers >= k ? supervisorFollow?.followUp?.supervisorShift : nil)
        // Leadership training: the mentor-confirmed milestones of change projects, as evidence of its own.
        let changeProjects = try ChangeProjectEvidence.figures(db, program: code, year: year, k: k)
        report.sections.append(.init(title: "Level 3 — Perilaku kerja", tables: [followTable.build()] + (changeProjects?.tables ?? [])))

        // Level 4.
        let active = people.filter(\.active)
        let unitOf = Dictionary(active.map { ($0.nip, $0.unitKey) }, uniquingKeysWith: { a, _ in a })
        let (treatedUnits, touchedUnits) = LevelFour.units(of: enrolments, unitOf: unitOf)
        let reads = ReportData.Reads(db, rules: context.settings.ipAsn)
        let before = try reads.predicates(year - 1), after = try reads.predicates(year)
        let performance = LevelFour.performance(people: active, treated: treatedUnits, touched: touchedUnits, before: before, after: after)
        let ikm = LevelFour.ikm(treated: treatedUnits, touched: touchedUnits,
                                before: try ReportData.unitIkm(db, year: year - 1), after: try ReportData.unitIkm(db, year: year))
        var level4 = ReportTable(title: "Unit peserta dibandingkan unit yang tidak mengikuti", columns: [
            .init(title: "Ukuran", kind: .text), .init(title: "Kelompok", kind: .text), .init(title: "Unit", kind: .count),
            .init(title: "n", kind: .count), .init(title: "\(year - 1)", kind: .number, decimals: 1), .init(title: "\(year)", kind: .number, decimals: 1),
            .init(title: "Perubahan", kind: .number, decimals: 1),
        ])
        func row(_ measure: String, _ group: String, _ values: Evaluation.Group?, units: Int, minimum: Int) {
            guard let values, values.n >= minimum else {
                level4.rows.append(.init(cells: [.text(measure), .text(group), values == nil ? .missing : .number(Double(units)),
                                                 values == nil ? .missing : .suppressed, .missing, .missing, .missing]))
                return
            }
            level4.rows.append(.init(cells: [.text(measure), .text(group), .number(Double(units)), .number(Double(values.n)), .number(values.before),
                                             .number(values.after), .number(values.change)]))
        }
        row("% predikat Baik atau lebih", "Unit peserta", performance?.treated, units: performance?.treatedUnits ?? 0, minimum: k)
        row("% predikat Baik atau lebih", "Unit pembanding", performance?.comparison, units: performance?.comparisonUnits ?? 0, minimum: k)
        row("IKM unit layanan", "Unit peserta", ikm?.treated, units: ikm?.treatedUnits ?? 0, minimum: 1)
        row("IKM unit layanan", "Unit pembanding", ikm?.comparison, units: ikm?.comparisonUnits ?? 0, minimum: 1)
        level4.note = "n: ASN aktif dengan SKP kedua tahun (kinerja) atau unit layanan dengan IKM kedua tahun. Unit peserta: unit kerja yang pegawainya lulus program ini pada \(year); unit pembanding: unit yang tidak seorang pun pegawainya terdaftar."
        var level4Section = ReportSection(title: "Level 4 — Hasil bagi unit kerja", tables: [level4])
        if let effect = performance, effect.treated.n >= k, effect.comparison.n >= k {
            level4Section.charts.append(.make(.line, "Predikat Baik atau lebih", "Persentase pegawai berpredikat Baik atau lebih, unit peserta dan pembanding.",
                                              categories: ["\(year - 1)", "\(year)"],
                                              series: [("Unit peserta", [effect.treated.before, effect.treated.after]),
                                                       ("Unit pembanding", [effect.comparison.before, effect.comparison.after])], unit: "%"))
        }
        report.sections.append(level4Section)

        // Level 5: the cost side.
        let sessionCount = sessions.count
        var costs = FactTable(title: "Biaya")
        if program.costRupiah > 0 {
            let total = Double(program.costRupiah) * Double(sessionCount)
            costs.number("Biaya per angkatan", Double(program.costRupiah), kind: .rupiah)
            costs.number("Biaya seluruh angkatan", total, kind: .rupiah)
            costs.number("Biaya per peserta lulus", completed.count >= k ? total / Double(completed.count) : nil, kind: .rupiah)
            costs.number("Biaya per JP per peserta lulus", completed.count >= k && program.jp > 0 ? total / Double(completed.count * program.jp) : nil, kind: .rupiah)
        }
        report.sections.append(.init(
            title: "Level 5 — Biaya dan ROI",
            text: (program.costRupiah > 0 ? "" : "Biaya tidak dicatat pada program. ")
                + "ROI = (manfaat − biaya) / biaya × 100 % belum dihitung: manfaat program belum dinilai dalam rupiah.",
            tables: program.costRupiah > 0 ? [costs.build()] : []))

        // Action items its weak results opened.
        let campaigns = try ReportData.campaignIDs(db, program: code)
        let actions = try ReportData.actions(db, year: year).filter { campaigns.contains($0.sourceID) }
        var actionTable = ReportTable(title: "Tindak lanjut hasil evaluasi", columns: [
            .init(title: "Tindak lanjut", kind: .text), .init(title: "Perangkat daerah", kind: .text),
            .init(title: "Batas waktu", kind: .date), .init(title: "Status", kind: .text),
        ])
        for action in actions {
            actionTable.rows.append(.init(cells: [.text(action.title), .text(action.agency), .text(action.dueDate), .text(ActionStates.label(action.state))]))
        }
        report.sections.append(.init(title: "Tindak lanjut", text: actions.isEmpty ? "Tidak ada tindak lanjut yang dibuka oleh hasil evaluasi program ini." : "", tables: actions.isEmpty ? [] : [actionTable]))

        report.conclusions = [
            Conclusions.reaction(reaction, participants: enrolments.count, k: k, minimumRate: context.settings.minimumResponseRate),
            Conclusions.learning(post, k: k),
            Conclusions.behaviour(selfFollow, supervisorFollow, completed: completed.count, k: k, minimumRate: context.settings.minimumResponseRate),
            Conclusions.results("predikat kinerja Baik atau lebih", performance, unit: "poin persen", minimum: k, counted: "ASN ber-SKP di"),
            Conclusions.results("IKM", ikm, unit: "poin", minimum: 2, counted: "unit layanan ber-IKM:"),
        ] + [changeProjects?.conclusion, Conclusions.actions(actions, today: context.today)].compactMap { $0 }
        return report
    }
}

enum ProgramKinds {
    static func label(_ kind: Binakarier_Programs_V1_ProgramKind) -> String {
        switch kind {
        case .pelatihan: "Pelatihan"
        case .seminar: "Seminar"
        case .lokakarya: "Lokakarya"
        case .bimtek: "Bimbingan teknis"
        case .eLearning: "E-learning"
        case .coaching: "Coaching"
        case .mentoring: "Mentoring"
        case .magang: "Magang"
        default: "Lainnya"
        }
    }
}

enum ActionStates {
    static func label(_ state: Binakarier_Feedback_V1_ActionState) -> String {
        switch state {
        case .open: "Terbuka"
        case .inProgress: "Berjalan"
        case .done: "Selesai"
        case .dropped: "Dibatalkan"
        default: "-"
        }
    }
}
