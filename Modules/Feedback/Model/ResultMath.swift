import BKProto
import BKServiceKit

/// The formulas of the domain (../shared/domain.md), apart from storage so that they can be checked
/// against worked examples.
public enum ResultMath {
    /// NPS: % answering 9–10 minus % answering 0–6.
    public static func nps(_ scores: [Double]) -> Double {
        guard !scores.isEmpty else { return 0 }
        let promoters = scores.count { $0 >= 9 }, detractors = scores.count { $0 <= 6 }
        return Double(promoters - detractors) * 100 / Double(scores.count)
    }

    /// IKM (PermenPANRB 14/2017): NRR_i = the sum of the scores on element i / respondents; IKM =
    /// Σ(NRR_i × 1/9) × 25. Rounded (to two places) only at the end. `responses` are per respondent the
    /// scores of elements 1…9 (a missing element counts as nothing given).
    public static func ikm(_ responses: [[Int: Double]]) -> Binakarier_Feedback_V1_IkmResult {
        let respondents = responses.count
        guard respondents > 0 else { return .init() }
        return ikm(nrr: (1...9).map { element in responses.reduce(0.0) { $0 + ($1[element] ?? 0) } / Double(respondents) }, respondents: respondents)
    }

    /// IKM from each element's sum of scores over `respondents` (what running counts give).
    public static func ikm(sums: [Int: Double], respondents: Int) -> Binakarier_Feedback_V1_IkmResult {
        ikm(nrr: (1...9).map { (sums[$0] ?? 0) / Double(max(respondents, 1)) }, respondents: respondents)
    }

    static func ikm(nrr: [Double], respondents: Int) -> Binakarier_Feedback_V1_IkmResult {
        guard respondents > 0 else { return .init() }
        let index = IKMIndex.index(nrr: nrr)
        let (grade, label) = IKMIndex.grade(index)
        return .init(nrr: nrr, index: index, grade: grade, gradeLabel: label, respondents: Int32(respondents))
    }

    /// Normalised gain g = (post − pre) / (max − pre) for each participant with both tests, the class's
    /// (from the means) and the mean of the individual gains (over those with pre < max): they differ.
    public static func learning(pairs: [(pre: Double, post: Double)], passMark: Double, maximum: Double = 100) -> Binakarier_Feedback_V1_LearningResult {
        guard !pairs.isEmpty else { return .init() }
        let preMean = pairs.reduce(0.0) { $0 + $1.pre } / Double(pairs.count)
        let postMean = pairs.reduce(0.0) { $0 + $1.post } / Double(pairs.count)
        let classGain = preMean < maximum ? (postMean - preMean) / (maximum - preMean) : 0
        let individual = pairs.filter { $0.pre < maximum }.map { ($0.post - $0.pre) / (maximum - $0.pre) }
        let meanIndividual = individual.isEmpty ? 0 : individual.reduce(0, +) / Double(individual.count)
        let passRate = Double(pairs.count { $0.post + 1e-9 >= passMark }) * 100 / Double(pairs.count)
        return .init(
            paired: Int32(pairs.count), preMean: preMean, postMean: postMean, classGain: classGain, classBand: band(classGain),
            meanIndividualGain: meanIndividual, individualBand: band(meanIndividual), passRate: passRate)
    }

    /// low < 0.3 ≤ medium ≤ 0.7 < high.
    public static func band(_ gain: Double) -> Binakarier_Feedback_V1_GainBand {
        gain < 0.3 ? .low : gain > 0.7 ? .high : .medium
    }
}
