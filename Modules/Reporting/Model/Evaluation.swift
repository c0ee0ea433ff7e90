/// The figures of the evaluation that reporting computes itself (feedback computes L1–L3 from the
/// answers; reporting combines and compares them). Each is checked against a worked example in
/// ReportingTests.
public enum Evaluation {
    /// A group's mean before and after, and its size.
    public struct Group: Sendable, Hashable {
        public var before: Double
        public var after: Double
        public var n: Int
        public init(before: Double, after: Double, n: Int) {
            self.before = before
            self.after = after
            self.n = n
        }
        public var change: Double { after - before }
    }

    /// Difference-in-differences: the treated group's change minus the comparison group's change (in the
    /// unit of the means, e.g. percentage points).
    public static func differenceInDifferences(treated: Group, comparison: Group) -> Double {
        treated.change - comparison.change
    }

    /// A share in percent, nil for an empty base.
    public static func percent(_ part: Int, of whole: Int) -> Double? {
        whole > 0 ? Double(part) * 100 / Double(whole) : nil
    }

    /// Averages means weighted by their counts (combining groups); nil when nothing is counted.
    public static func weightedMean(_ parts: [(mean: Double, count: Int)]) -> Double? {
        let total = parts.reduce(0) { $0 + $1.count }
        guard total > 0 else { return nil }
        return parts.reduce(0.0) { $0 + $1.mean * Double($1.count) } / Double(total)
    }
}
