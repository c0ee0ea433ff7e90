import BKProto
import BKServiceKit
import Foundation

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

/// Level 4: the outcome of the units whose staff completed a program against the units none of whose
/// staff enrolled in it (units with enrollees who did not complete are neither). The unit is what was
/// treated, so the inference is by unit: each group's change is the people-weighted mean of its units'
/// changes, and its variance is taken over units (clustered), not over people as if independent.
enum LevelFour {
    struct Effect: Sendable {
        var treated: Evaluation.Group
        var comparison: Evaluation.Group
        var treatedUnits: Int
        var comparisonUnits: Int
        /// Of the difference-in-differences; nil with fewer than two units in a group.
        var standardError: Double?
    }

    /// Which units took part: those with a completer, and those with anyone enrolled at all.
    static func units(of enrolments: [ReportData.Enrolment], unitOf: [String: String]) -> (treated: Set<String>, touched: Set<String>) {
        (Set(enrolments.filter(\.completed).compactMap { unitOf[$0.nip] }), Set(enrolments.compactMap { unitOf[$0.nip] }))
    }

    /// The share of good predicates (Baik or Sangat Baik) among the people with an SKP in both years.
    static func performance(people: [ReportData.Person], treated: Set<String>, touched: Set<String>,
                            before: [String: Predicate], after: [String: Predicate]) -> Effect? {
        let observations = observations(people: people, before: before, after: after)
        return effect(observations, treated: treated, comparison: Set(observations.keys).subtracting(touched), countPeople: true)
    }

    /// Each unit's people with an SKP in both years and its shares of good predicates, in percent: read
    /// once for all the programs a city report evaluates.
    static func observations(people: [ReportData.Person], before: [String: Predicate], after: [String: Predicate]) -> [String: (weight: Double, before: Double, after: Double)] {
        var perUnit: [String: (n: Double, before: Double, after: Double)] = [:]
        for person in people {
            guard let first = before[person.nip], let second = after[person.nip] else { continue }
            var unit = perUnit[person.unitKey] ?? (0, 0, 0)
            unit.n += 1
            unit.before += first.isGood ? 1 : 0
            unit.after += second.isGood ? 1 : 0
            perUnit[person.unitKey] = unit
        }
        return perUnit.mapValues { (weight: $0.n, before: $0.before / $0.n * 100, after: $0.after / $0.n * 100) }
    }

    /// The mean IKM of the service units with an index in both years.
    static func ikm(treated: Set<String>, touched: Set<String>, before: [String: (index: Double, respondents: Int)],
                    after: [String: (index: Double, respondents: Int)]) -> Effect? {
        var observations: [String: (weight: Double, before: Double, after: Double)] = [:]
        for (unit, first) in before { if let second = after[unit] { observations[unit] = (1, first.index, second.index) } }
        return effect(observations, treated: treated, comparison: Set(observations.keys).subtracting(touched), countPeople: false)
    }

    static func effect(_ observations: [String: (weight: Double, before: Double, after: Double)], treated: Set<String>, comparison: Set<String>, countPeople: Bool) -> Effect? {
        func group(_ units: Set<String>) -> (Evaluation.Group, units: Int, variance: Double?)? {
            let members = units.compactMap { observations[$0] }
            let weight = members.reduce(0) { $0 + $1.weight }
            guard weight > 0 else { return nil }
            let before = members.reduce(0) { $0 + $1.weight * $1.before } / weight
            let after = members.reduce(0) { $0 + $1.weight * $1.after } / weight
            let change = after - before
            var variance: Double?
            if members.count >= 2 {
                // The variance of a weighted mean of unit changes, from their spread (CR1 small-sample factor).
                let spread = members.reduce(0.0) { $0 + $1.weight * $1.weight * pow(($1.after - $1.before) - change, 2) }
                variance = spread / (weight * weight) * Double(members.count) / Double(members.count - 1)
            }
            return (.init(before: before, after: after, n: countPeople ? Int(weight) : members.count), members.count, variance)
        }
        guard let treatedGroup = group(treated), let comparisonGroup = group(comparison) else { return nil }
        let standardError = treatedGroup.variance.flatMap { t in comparisonGroup.variance.map { c in (t + c).squareRoot() } }
        return .init(treated: treatedGroup.0, comparison: comparisonGroup.0, treatedUnits: treatedGroup.units,
                     comparisonUnits: comparisonGroup.units, standardError: standardError)
    }
}
