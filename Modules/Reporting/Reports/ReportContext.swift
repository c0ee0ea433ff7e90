import BKProto
import BKServiceKit

/// What every report builder needs besides the data: k, the rules, the targets, today.
public struct ReportSettings: Sendable {
    /// Counts under k are hidden (never below 5).
    public var k = 5
    public var ipAsn = IpAsnRules()
    /// PNS: at least this many verified JP a year; PPPK: at most the ceiling.
    public var jpTarget = 20
    public var pppkCeiling = 24
    /// Levels 1 and 3 are concluded only when at least this share of those asked answered (and at
    /// least k): a few keen respondents do not speak for a class.
    public var minimumResponseRate = 20.0
    public init() {}
}

struct ReportContext: Sendable {
    var settings: ReportSettings
    var year: Int
    var quarter: Int
    var today: CalendarDate
    var k: Int { settings.k }
}

/// Level 4: the outcome of the units whose staff took part against the units whose staff did not.
enum LevelFour {
    /// The share of good predicates (Baik or Sangat Baik) among the people of `units` with an SKP in
    /// both years, before and after, in percent; n is those people.
    static func performance(people: [ReportData.Person], units: Set<String>, before: [String: Predicate], after: [String: Predicate]) -> (Evaluation.Group, Double)? {
        var n = 0, goodBefore = 0, goodAfter = 0
        for person in people where units.contains(person.unitKey) {
            guard let first = before[person.nip], let second = after[person.nip] else { continue }
            n += 1
            if first.isGood { goodBefore += 1 }
            if second.isGood { goodAfter += 1 }
        }
        guard n > 0 else { return nil }
        let p1 = Double(goodBefore) / Double(n), p2 = Double(goodAfter) / Double(n)
        // The variance of a change in a share measured twice on the same people, taken as independent:
        // conservative (the real one is smaller, the two years being correlated).
        let variance = (p1 * (1 - p1) + p2 * (1 - p2)) / Double(n)
        return (.init(before: p1 * 100, after: p2 * 100, n: n), variance * 10_000)
    }

    static func ikm(units: Set<String>, before: [String: (index: Double, respondents: Int)], after: [String: (index: Double, respondents: Int)]) -> Evaluation.Group? {
        let both = units.filter { before[$0] != nil && after[$0] != nil }
        guard !both.isEmpty else { return nil }
        let mean: ([String: (index: Double, respondents: Int)]) -> Double = { values in both.reduce(0.0) { $0 + values[$1]!.index } / Double(both.count) }
        return .init(before: mean(before), after: mean(after), n: both.count)
    }
}

extension ReportData.Person {
    /// The service unit a person works in: "AGENCY/UNIT" (UNIT empty when directly under the agency).
    var unitKey: String { "\(agency)/\(unit)" }
}
