/// The public-satisfaction index (IKM, PermenPANRB 14/2017), shared by feedback (its own surveys) and
/// reporting (imported outside surveys) so that both compute it one way.
public enum IKMIndex {
    /// Σ(NRR_i × 1/9) × 25 over the nine elements' NRR (each the sum of scores / respondents, 1 to 4),
    /// rounded to two places only at the end.
    public static func index(nrr: [Double]) -> Double {
        let raw = nrr.reduce(0.0) { $0 + $1 / 9 } * 25
        return (raw * 100).rounded() / 100
    }

    /// A 88.31–100 sangat baik, B 76.61–88.30 baik, C 65.00–76.60 kurang baik, D 25.00–64.99 tidak baik.
    public static func grade(_ index: Double) -> (code: String, label: String) {
        switch index {
        case 88.31...: ("A", "Sangat Baik")
        case 76.61..<88.31: ("B", "Baik")
        case 65.00..<76.61: ("C", "Kurang Baik")
        default: ("D", "Tidak Baik")
        }
    }
}
