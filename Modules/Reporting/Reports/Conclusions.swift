import BKCharts
import BKProto
import BKServiceKit

/// The rules that turn figures into the sentences that end each report. Every sentence states its
/// evidence and its n; a rule that lacks data says "belum dapat disimpulkan" and why, never guesses.
enum Conclusions {
    static func f(_ value: Double, _ decimals: Int = 1) -> String { IndonesianNumber.format(value, decimals: decimals) }

    static func reaction(_ results: Binakarier_Feedback_V1_Results?, participants: Int, k: Int, minimumRate: Double) -> Conclusion {
        let asked = max(Int(results?.audienceSize ?? 0), participants)
        guard let results, !results.suppressed, results.responses >= k, Double(results.responses) * 100 >= minimumRate * Double(asked) else {
            let answered = results.map { Int($0.responses) } ?? 0
            return .init(topic: "L1", verdict: .inconclusive,
                         text: "Level 1 (reaksi) belum dapat disimpulkan: \(answered) dari \(asked) peserta menjawab (paling sedikit \(k) dan \(IndonesianNumber.format(minimumRate)) %).",
                         evidence: "jawaban \(answered), peserta \(participants)", n: Int32(answered),
                         recommendation: "Pastikan formulir reaksi diisi sebelum peserta meninggalkan kelas.")
        }
        // An NPS item answered by fewer than k has no NPS (feedback leaves 0 there): never quoted.
        let nps = results.items.first { $0.kind == .nps && $0.facilitator.isEmpty && $0.answers >= k }?.nps
        let weak = results.items.filter { $0.weak && $0.facilitator.isEmpty }.map(\.text)
        let n = Int32(results.responses)
        if let nps, nps < 0 {
            return .init(topic: "L1", verdict: .negative,
                         text: "Peserta belum puas: NPS \(f(nps, 0)) dari \(results.responses) jawaban.",
                         evidence: "NPS \(f(nps, 0)); butir lemah: \(weak.isEmpty ? "-" : weak.joined(separator: "; "))", n: n,
                         recommendation: weak.isEmpty ? "Tinjau ulang materi dan fasilitator bersama peserta." : "Perbaiki: \(weak.prefix(3).joined(separator: "; ")).")
        }
        return .init(topic: "L1", verdict: weak.isEmpty ? .positive : .neutral,
                     text: weak.isEmpty
                        ? "Peserta menilai program bermanfaat dan terselenggara baik (\(results.responses) jawaban\(nps.map { ", NPS \(f($0, 0))" } ?? ""))."
                        : "Reaksi peserta umumnya baik, dengan \(weak.count) butir yang lemah.",
                     evidence: "jawaban \(results.responses) dari \(results.audienceSize)\(nps.map { "; NPS \(f($0, 0))" } ?? "")", n: n,
                     recommendation: weak.isEmpty ? "" : "Perbaiki: \(weak.prefix(3).joined(separator: "; ")).")
    }

    static func learning(_ results: Binakarier_Feedback_V1_Results?, k: Int) -> Conclusion {
        guard let learning = results?.learning, learning.paired >= k else {
            let paired = results?.learning?.paired ?? 0
            return .init(topic: "L2", verdict: .inconclusive,
                         text: "Level 2 (pembelajaran) belum dapat disimpulkan: \(paired) peserta memiliki pre-test dan post-test (paling sedikit \(k)).",
                         evidence: "pasangan pre/post \(paired)", n: paired,
                         recommendation: "Adakan pre-test dan post-test untuk setiap angkatan.")
        }
        let band = learning.classBand
        let text = "Gain kelas \(f(learning.classGain, 2)) (\(band == .high ? "tinggi" : band == .medium ? "sedang" : "rendah")); rata-rata pre-test \(f(learning.preMean)) menjadi post-test \(f(learning.postMean))."
        return .init(topic: "L2", verdict: band == .low ? .negative : .positive, text: text,
                     evidence: "n = \(learning.paired); gain individu rata-rata \(f(learning.meanIndividualGain, 2)); lulus \(f(learning.passRate)) %",
                     n: learning.paired,
                     recommendation: band == .low ? "Gain rendah: tinjau metode dan materi, beri latihan terapan." : "")
    }

    static func behaviour(_ selfResults: Binakarier_Feedback_V1_Results?, _ supervisorResults: Binakarier_Feedback_V1_Results?, completed: Int, k: Int, minimumRate: Double) -> Conclusion {
        let selfAnswers = Int(selfResults?.followUp?.selfResponses ?? selfResults?.responses ?? 0)
        let supervisorAnswers = Int(supervisorResults?.followUp?.supervisorResponses ?? supervisorResults?.responses ?? 0)
        guard selfAnswers >= k, Double(selfAnswers) * 100 >= minimumRate * Double(completed), let selfFollow = selfResults?.followUp,
              !(selfResults?.suppressed ?? true) else {
            return .init(topic: "L3", verdict: .inconclusive,
                         text: "Level 3 belum dapat disimpulkan: \(selfAnswers) dari \(completed) peserta menjawab.",
                         evidence: "tindak lanjut peserta \(selfAnswers), atasan \(supervisorAnswers), lulus \(completed)", n: Int32(selfAnswers),
                         recommendation: "Ingatkan peserta dan atasan mengisi evaluasi tindak lanjut 60–90 hari.")
        }
        let supervisorShift = supervisorAnswers >= k ? supervisorResults?.followUp?.supervisorShift : nil
        let applied = selfFollow.selfShift > 0 && (supervisorShift ?? 1) > 0
        return .init(topic: "L3", verdict: applied ? .positive : .neutral,
                     text: applied
                        ? "Peserta menerapkan hasil pelatihan di tempat kerja: penilaian sebelum/sesudah naik \(f(selfFollow.selfShift, 2))\(supervisorShift.map { ", menurut atasan \(f($0, 2))" } ?? "")."
                        : "Belum tampak perubahan perilaku kerja yang berarti.",
                     evidence: "jawaban peserta \(selfAnswers) dari \(completed); atasan \(supervisorAnswers)", n: Int32(selfAnswers),
                     recommendation: applied ? "" : "Dampingi penerapan di unit kerja (coaching oleh atasan).")
    }

    /// Level 4 from a difference-in-differences with its clustered standard error: positive or negative
    /// only when the difference is beyond 1.96 standard errors; `minimum` people (or units) per group.
    static func results(_ what: String, _ effect: LevelFour.Effect?, unit: String, minimum: Int, counted: String) -> Conclusion {
        guard let effect, effect.treated.n >= minimum, effect.comparison.n >= minimum, let standardError = effect.standardError else {
            return .init(topic: "L4", verdict: .inconclusive,
                         text: "Level 4 (\(what)) belum dapat disimpulkan: \(counted) unit peserta \(effect?.treated.n ?? 0) dan unit pembanding \(effect?.comparison.n ?? 0) (paling sedikit \(minimum) masing-masing, dari dua unit atau lebih).",
                         evidence: "", n: Int32(effect?.treated.n ?? 0), recommendation: "")
        }
        let treated = effect.treated, comparison = effect.comparison
        let did = Evaluation.differenceInDifferences(treated: treated, comparison: comparison)
        let margin = standardError * 1.96
        let evidence = "unit peserta \(f(treated.before)) → \(f(treated.after)) (\(effect.treatedUnits) unit, n = \(treated.n)); pembanding \(f(comparison.before)) → \(f(comparison.after)) (\(effect.comparisonUnits) unit, n = \(comparison.n)); selisih-dalam-selisih \(f(did)) \(unit) ± \(f(margin)) (95 %, galat baku per unit)"
        let n = Int32(treated.n + comparison.n)
        if did > margin {
            return .init(topic: "L4", verdict: .positive, text: "\(what.capitalizedFirst) unit peserta naik \(f(did)) \(unit) lebih banyak daripada unit pembanding.", evidence: evidence, n: n)
        }
        if did < -margin {
            return .init(topic: "L4", verdict: .negative, text: "\(what.capitalizedFirst) unit peserta tertinggal \(f(-did)) \(unit) dari unit pembanding.", evidence: evidence, n: n,
                         recommendation: "Telusuri penyebabnya bersama kepala unit sebelum program diulang.")
        }
        return .init(topic: "L4", verdict: .neutral, text: "Tidak tampak perbedaan \(what) yang berarti antara unit peserta dan unit pembanding.", evidence: evidence, n: n)
    }

    static func actions(_ actions: [ReportData.Action], today: CalendarDate) -> Conclusion? {
        guard !actions.isEmpty else { return nil }
        let closed = actions.count { $0.state.isClosed }
        let overdue = actions.count { $0.isOverdue(today: today) }
        return .init(topic: "Tindak lanjut", verdict: overdue > 0 ? .negative : closed == actions.count ? .positive : .neutral,
                     text: "\(closed) dari \(actions.count) tindak lanjut selesai\(overdue > 0 ? "; \(overdue) melewati batas waktu" : "").",
                     evidence: "tindak lanjut \(actions.count), selesai/dibatalkan \(closed), terlambat \(overdue)", n: Int32(actions.count),
                     recommendation: overdue > 0 ? "Minta pemilik tindak lanjut yang terlambat melapor kemajuannya." : "")
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
