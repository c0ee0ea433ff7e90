import BKProto
import BKTestSupport
import Identity
import Reporting

/// The outcome data of the demo city for bk-reportingd, worked out before any call from the city, its
/// programme year and generators derived from the city's seed (`DemoDice`), so that every load writes
/// the same files: the yearly performance (SKP) of every active ASN for the year before the programme
/// year and the programme year itself, the discipline sanctions of both years, and the IKM of the
/// service units from outside surveys (two semesters of the year before, the first of the programme
/// year). `DemoOutcomesLoader` imports them.
///
/// The effect is built in at the level of units, where the service's program report looks for it
/// (Level 4: the people of the units whose staff completed the program against the people of every
/// other unit, the share of "Baik" or better before and after pooled over people, a difference-in-
/// differences with a conservative 95 % margin). A unit's key is the service's, "AGENCY/UNIT" ("AGENCY/"
/// for an agency head); `DemoProgramsPlan` says who completes what. Shifts are drawn per unit, in
/// points of its share of Baik or better:
/// - SKP. A unit where someone completed LAT-MANWAKTU and someone (its head or a section head, the
///   seminar's audience) SEM-KEPEMIMPINAN: `treatedShift`, 13 to 15 (at least one person). A unit
///   where someone completed the training but no leader the seminar: `trainingOnlyShift`, 3 to 6
///   (which in a small unit is nobody or one person). Every other unit, and the agency heads (one group
///   outside the units): `otherShift`, −2 to +2, in a small unit nobody. Units where someone completed
///   BIMTEK-RPP or LOK-KOTA-BERKELANJUTAN, the programs meant to show no effect, are held: each keeps
///   the change those rules give it, and then the program's units together are moved, a person at a
///   time, until they change exactly as much as the units they are compared with (all the others,
///   pooled), so that the program's difference-in-differences is about zero whatever else their
///   people attended. Those are all of Dinas Pendidikan dan Kebudayaan (four in ten of the city's ASN,
///   who take the training too and so rise by about the city's average, 5 to 6 points), Bappeda and
///   the planning units of Dinas PUPR.
///   Why the shifts are where they are: Dinas Pendidikan dan Kebudayaan is half of LAT-MANWAKTU's
///   units by people and pinned to the city's average, and the training-only units are the seminar's
///   comparison and the seminar-only units the training's, so the two effect programs pull against each
///   other. With the default seed, 13–15 and 3–6 give LAT-MANWAKTU about +6.7 points against a margin
///   of 5.7 and SEM-KEPEMIMPINAN +5.5 against 4.4 (both "positive"), BIMTEK-RPP 0.0 and
///   LOK-KOTA-BERKELANJUTAN −0.5 (both "neutral"); with the training-only units at −2 to +2,
///   LAT-MANWAKTU stays under its margin. `effects` works the four out as the service will.
///   Baseline per unit: 70 to 80 % Baik or better, 7 to 13 % Sangat Baik, the rest mostly Butuh
///   Perbaikan, a third Kurang, about one in a hundred of them Sangat Kurang.
/// - Discipline. 1.2 to 1.8 % of the active ASN a year, drawn among the PNS whose behaviour (perilaku)
///   was rated below expectations that year, so that the two data sets agree: mostly ringan, about one
///   in five sedang, at most one berat a year. Decrees are numbered "800/<n>/<issuer>/<year>": the
///   agency for ringan, BKPSDM (for the mayor) otherwise.
/// - IKM. The service units of `DemoFeedback.serviceUnits`. The service averages a unit's IKM over a
///   year's outside rows and its own surveys, and the feedback part holds both semesters of the
///   programme year's surveys: the outside first semester lands within half a point of the feedback
///   plan's, and last year is set from the resulting mean. Units of an agency whose head holds open
///   dialogues (Dinas Kesehatan: the four puskesmas) or whose own head or a section head completed
///   SEM-KEPEMIMPINAN rise by 2.2 to 3.8 points from last year; the others stay within half a point.
///   Last year's two semesters differ by at most half a point. (Loaded with --skip-feedback, this
///   year is the outside semester alone, and the rises come out smaller.)
///
/// Counts are set per unit rather than drawn per person, so that even a unit of eight people shows
/// its pattern; who gets which predicate within the unit is drawn, and mostly the same people do well
/// in both years.
struct DemoOutcomesPlan: Sendable {
    // MARK: SKP (PermenPANRB 6/2022)

    /// Ratings and predicates are the reporting service's own (`Reporting.Rating`, `Predicate.of`): the
    /// demo draws from the same PermenPANRB 6/2022 matrix the service checks its imports against.
    typealias Rating = Reporting.Rating
    typealias Predicate = Reporting.Predicate

    static func predicate(hasilKerja: Rating, perilaku: Rating) -> Predicate {
        .of(work: hasilKerja, behaviour: perilaku)
    }

    struct Performance: Sendable {
        let nip: String
        let year: Int
        let hasilKerja: Rating
        let perilaku: Rating

        var predicate: Predicate { DemoOutcomesPlan.predicate(hasilKerja: hasilKerja, perilaku: perilaku) }
    }

    enum Treatment: Sendable {
        /// Completed both effect programs: `treatedShift` points up.
        case treated
        /// Completed the first effect program (the training) only: `trainingOnlyShift`.
        case trainingOnly
        /// Completed a program meant to show no effect: its natural change by the rules above, moved
        /// with the program's other units so that together they change as their comparison does.
        case held
        /// `otherShift`.
        case other
    }

    /// One unit's people (or the agency heads, `unit` empty and `agency` "*") and how many of them were
    /// Baik or better each year.
    struct UnitPerformance: Sendable {
        let agency: String
        let unit: String
        let people: Int
        let treatment: Treatment
        let goodBefore: Int
        let goodAfter: Int
    }

    /// A program's Level 4 on performance as the service computes it: the people of the units whose
    /// staff completed it against the people of all other units, percent Baik or better before and after.
    struct Effect: Sendable {
        let program: String
        let units: Int
        let people: Int
        let before: Double
        let after: Double
        let comparisonPeople: Int
        let comparisonBefore: Double
        let comparisonAfter: Double

        /// Difference-in-differences, in percentage points.
        var difference: Double { (after - before) - (comparisonAfter - comparisonBefore) }
    }

    // MARK: discipline (PP 94/2021)

    enum SanctionLevel: String, Sendable {
        case ringan, sedang, berat
    }

    struct Sanction: Sendable {
        let nip: String
        let year: Int
        let level: SanctionLevel
        let kind: String
        /// The decree (SK) number.
        let decree: String
    }

    static let ringan = ["teguran lisan", "teguran tertulis", "pernyataan tidak puas secara tertulis"]
    static let sedang = [
        "pemotongan tunjangan kinerja 25% selama 6 bulan", "pemotongan tunjangan kinerja 25% selama 9 bulan",
        "pemotongan tunjangan kinerja 25% selama 12 bulan",
    ]
    /// Structural posts are relieved of their post; the others go down a step.
    static let beratStructural = "pembebasan dari jabatannya menjadi jabatan pelaksana selama 12 bulan"
    static let beratOther = "penurunan jabatan setingkat lebih rendah selama 12 bulan"

    // MARK: IKM (PermenPANRB 14/2017)

    struct Satisfaction: Sendable {
        let unit: DemoFeedback.ServiceUnit
        let year: Int
        let semester: Int
        let respondents: Int
        /// NRR of elements 1 to 9 in hundredths (260 to 360), as the file writes them.
        let nrr: [Int]
        /// Rises from last year to this year (a dialogue agency, or leaders who took the seminar).
        let rising: Bool

        /// The IKM in hundredths, computed from the NRR as written.
        var index: Int { DemoOutcomesPlan.ikmHundredths(nrr) }
    }

    /// Σ(NRR_i / 9) × 25 rounded to two places, in hundredths, from NRR in hundredths (S their sum):
    /// the index is S / 36, so its hundredths are 25 S / 9 rounded. That is never half-way (9 is odd),
    /// so rounding half up is exact and agrees with any rounding the service uses.
    static func ikmHundredths(_ nrr: [Int]) -> Int {
        let sum = nrr.reduce(0, +)
        return (50 * sum + 9) / 18
    }

    // MARK: the plan

    /// The year before the programme year and the programme year.
    static let previousYear = DemoPrograms.year - 1
    static let years = [DemoPrograms.year - 1, DemoPrograms.year]
    /// Outside IKM surveys: both semesters of the year before, the first of the programme year.
    static let surveyPeriods: [(year: Int, semester: Int)] = [(DemoPrograms.year - 1, 1), (DemoPrograms.year - 1, 2), (DemoPrograms.year, 1)]

    /// The programs whose units improve (a unit needs completions of each).
    static let effectPrograms = ["LAT-MANWAKTU", "SEM-KEPEMIMPINAN"]
    /// The programs meant to show no effect: their units together change as much as the units they are
    /// compared with.
    static let nullPrograms = ["BIMTEK-RPP", "LOK-KOTA-BERKELANJUTAN"]
    /// Change of the share of Baik or better, in points, by treatment (drawn per unit).
    static let treatedShift = 13...15
    static let trainingOnlyShift = 3...6
    static let otherShift = -2...2
    /// Its completion by a service unit's head or section heads raises the unit's IKM.
    static let leadershipSeminar = "SEM-KEPEMIMPINAN"
    /// Agencies whose head holds open dialogues with staff (`DemoFeedback.dialogues`, held by the Head
    /// of Dinas Kesehatan): their service units' IKM rises.
    static let dialogueAgencies: Set<String> = DemoFeedback.dialogues.isEmpty ? [] : ["DINKES"]

    let performance: [Performance]
    /// Every unit with active people in the city's order, the agency heads' group first.
    let units: [UnitPerformance]
    /// The effect programs' and the null programs' Level 4, in that order.
    let effects: [Effect]
    let sanctions: [Sanction]
    let satisfaction: [Satisfaction]
    /// Active ASN, PNS and PPPK.
    let people: Int

    static func unitKey(_ agency: String, _ unit: String) -> String { "\(agency)/\(unit)" }

    init(city: DemoCity, programs: DemoProgramsPlan) {
        let seed = city.seed
        let people = city.employees.filter { $0.status == .active }
        self.people = people.count
        let previous = Self.previousYear, current = DemoPrograms.year
        // The unit each person counts in, as the service keys it ("AGENCY/" for an agency head).
        let unitOf = Dictionary(people.map { ($0.nip, Self.unitKey($0.agencyCode, $0.unitCode)) }, uniquingKeysWith: { first, _ in first })

        // Which units' staff completed what this year.
        func completedUnits(_ code: String) -> Set<String> {
            var units = Set<String>()
            for session in programs.sessions where session.spec.code == code && session.fate == .complete {
                for participant in session.participants where participant.completes {
                    if let unit = unitOf[participant.nip] { units.insert(unit) }
                }
            }
            return units
        }
        var attended: [String: Set<String>] = [:]
        for code in Self.effectPrograms + Self.nullPrograms + [Self.leadershipSeminar] { attended[code] = completedUnits(code) }
        let effect = Self.effectPrograms.map { attended[$0] ?? [] }
        let bothEffects = effect.dropFirst().reduce(effect.first ?? []) { $0.intersection($1) }
        let trainingUnits = effect.first ?? []
        var heldUnits = Set<String>()
        for code in Self.nullPrograms { heldUnits.formUnion(attended[code] ?? []) }

        // The groups: the agency heads together (they change like the other units), then each unit.
        var groups: [String: [Employee]] = [:]
        var order: [String] = []
        for person in people {
            let key = person.unitCode.isEmpty ? "" : Self.unitKey(person.agencyCode, person.unitCode)
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(person)
        }
        if let heads = order.firstIndex(of: ""), heads > 0 { order.insert(order.remove(at: heads), at: 0) }

        struct Counts {
            var treatment: Treatment
            var good: (before: Int, after: Int)
            var best: (before: Int, after: Int)
            var topShift: Int
        }
        func within(_ range: ClosedRange<Int>, _ dice: inout DemoDice) -> Int { range.lowerBound + dice.next(range.count) }
        var draws: [String: DemoDice] = [:]
        var counts: [String: Counts] = [:]
        for key in order {
            let count = groups[key]?.count ?? 0
            // What the unit's programs make of it; held units start from the same and are moved below.
            let natural: Treatment = key.isEmpty ? .other
                : bothEffects.contains(key) ? .treated : trainingUnits.contains(key) ? .trainingOnly : .other
            var dice = DemoDice(seed: seed, "outcomes/skp/\(key.isEmpty ? "KEPALA" : key)")
            let base = within(70...80, &dice)
            let top = within(7...13, &dice)
            let shift = within(natural == .treated ? Self.treatedShift : natural == .trainingOnly ? Self.trainingOnlyShift : Self.otherShift, &dice)
            let topShift = natural == .treated ? within(2...4, &dice) : within(-1...1, &dice)
            let goodBefore = min(count, Self.part(count, percent: base))
            let change = Self.part(count, percent: shift)
            let goodAfter = natural == .treated ? min(count, goodBefore + max(1, change)) : max(0, min(count, goodBefore + change))
            counts[key] = Counts(
                treatment: heldUnits.contains(key) ? .held : natural, good: (goodBefore, goodAfter),
                best: (min(goodBefore, Self.part(count, percent: top)), 0), topShift: topShift)
            draws[key] = dice
        }

        // Held units: each null program's units together change as its comparison units do (every other
        // unit, pooled over people), which makes its difference-in-differences about zero. Each keeps its
        // natural change, and the rest is spread over them by size, a person at a time where there is
        // room. The units of the two null programs are settled in turn.
        var settled = Set(order.filter { counts[$0]?.treatment != .held })
        for code in Self.nullPrograms {
            let mine = attended[code] ?? []
            var pooledPeople = 0, pooledChange = 0
            for key in settled where !mine.contains(key) {
                pooledPeople += groups[key]?.count ?? 0
                pooledChange += (counts[key]?.good.after ?? 0) - (counts[key]?.good.before ?? 0)
            }
            let rate = pooledPeople > 0 ? Double(pooledChange) / Double(pooledPeople) : 0
            let held = order.filter { mine.contains($0) && !settled.contains($0) }
            let sizes = held.map { groups[$0]?.count ?? 0 }
            let heldPeople = sizes.reduce(0, +)
            let natural = held.reduce(0) { $0 + (counts[$1]?.good.after ?? 0) - (counts[$1]?.good.before ?? 0) }
            let rest = Int((Double(heldPeople) * rate).rounded()) - natural
            var moved = [Int](repeating: 0, count: held.count)
            for _ in 0..<abs(rest) {
                // To the unit furthest below its share of the rest that still has room.
                var chosen: Int?
                var chosenGap = 0.0
                for index in held.indices {
                    guard let unit = counts[held[index]] else { continue }
                    let after = unit.good.after + moved[index]
                    guard rest > 0 ? after < sizes[index] : after > 0 else { continue }
                    let gap = Double(abs(rest)) * Double(sizes[index]) / Double(max(heldPeople, 1)) - Double(abs(moved[index]))
                    if chosen == nil || gap > chosenGap {
                        chosen = index
                        chosenGap = gap
                    }
                }
                guard let index = chosen else { break }
                moved[index] += rest > 0 ? 1 : -1
            }
            for (index, key) in held.enumerated() {
                guard var unit = counts[key] else { continue }
                unit.good.after += moved[index]
                counts[key] = unit
                settled.insert(key)
            }
        }

        // Who gets which predicate, unit by unit.
        var performance: [Performance] = []
        performance.reserveCapacity(2 * people.count)
        var perilaku: [Int: [String: Rating]] = [previous: [:], current: [:]]
        var good: [Int: Set<String>] = [previous: [], current: []]
        var unitResults: [UnitPerformance] = []
        for key in order {
            guard let members = groups[key], var dice = draws[key], var unit = counts[key] else { continue }
            let count = members.count
            unit.best.after = max(0, min(unit.good.after, unit.best.before + Self.part(count, percent: unit.topShift)))
            // Merit decides who does well; most keep their place the next year.
            let merit = members.map { _ in dice.next(1 << 30) }
            let jitter = members.map { _ in dice.next(1 << 28) }
            func ranking(_ score: (Int) -> Int) -> [Int] {
                members.indices.sorted { score($0) != score($1) ? score($0) > score($1) : $0 < $1 }
            }
            let years: [(year: Int, order: [Int], good: Int, best: Int)] = [
                (previous, ranking { merit[$0] }, unit.good.before, unit.best.before),
                (current, ranking { merit[$0] + jitter[$0] }, unit.good.after, unit.best.after),
            ]
            for entry in years {
                var rows = [Performance?](repeating: nil, count: count)
                for (rank, index) in entry.order.enumerated() {
                    let wanted: Predicate
                    if rank < entry.best {
                        wanted = .sangatBaik
                    } else if rank < entry.good {
                        wanted = .baik
                    } else {
                        let roll = dice.next(1000)
                        wanted = roll < 10 ? .sangatKurang : roll < 340 ? .kurang : .butuhPerbaikan
                    }
                    let ratings = Self.ratings(for: wanted, &dice)
                    let row = Performance(nip: members[index].nip, year: entry.year, hasilKerja: ratings.hasilKerja, perilaku: ratings.perilaku)
                    rows[index] = row
                    perilaku[entry.year, default: [:]][row.nip] = row.perilaku
                    if row.predicate.isGood { good[entry.year, default: []].insert(row.nip) }
                }
                performance += rows.compactMap { $0 }
            }
            unitResults.append(UnitPerformance(
                agency: key.isEmpty ? "*" : members[0].agencyCode, unit: key.isEmpty ? "" : members[0].unitCode, people: count,
                treatment: unit.treatment, goodBefore: unit.good.before, goodAfter: unit.good.after))
        }
        // Rows by year, then unit by unit (the agency heads first) in the city's order.
        self.performance = performance.enumerated().sorted { ($0.element.year, $0.offset) < ($1.element.year, $1.offset) }.map(\.element)
        self.units = unitResults

        // Level 4 as the service computes it, for the summary.
        self.effects = (Self.effectPrograms + Self.nullPrograms).map { (code: String) -> Effect in
            let mine = attended[code] ?? []
            var inside = (people: 0, before: 0, after: 0), outside = (people: 0, before: 0, after: 0)
            for person in people {
                let before = good[previous]?.contains(person.nip) == true ? 1 : 0
                let after = good[current]?.contains(person.nip) == true ? 1 : 0
                if mine.contains(unitOf[person.nip] ?? "") {
                    inside = (inside.people + 1, inside.before + before, inside.after + after)
                } else {
                    outside = (outside.people + 1, outside.before + before, outside.after + after)
                }
            }
            return Effect(
                program: code, units: mine.count, people: inside.people, before: Self.percent(inside.before, of: inside.people),
                after: Self.percent(inside.after, of: inside.people), comparisonPeople: outside.people,
                comparisonBefore: Self.percent(outside.before, of: outside.people), comparisonAfter: Self.percent(outside.after, of: outside.people))
        }

        // Discipline: among the PNS rated below expectations in behaviour that year.
        var sanctions: [Sanction] = []
        for year in Self.years {
            var dice = DemoDice(seed: seed, "outcomes/discipline/\(year)")
            let candidates = people.filter { $0.asnType == .pns && perilaku[year]?[$0.nip] == .below }
            let wanted = Int((Double(people.count) * Double(12 + dice.next(7)) / 1000).rounded())
            let chosen = dice.shuffled(Array(candidates.indices)).prefix(min(wanted, candidates.count)).sorted()
            var berat = 0
            var numbers: [String: Int] = [:]
            for index in chosen {
                let person = candidates[index]
                let roll = dice.next(100)
                let canLoseAPost = person.jobLevel != .pelaksana && person.jobLevel != .jptPratama
                let level: SanctionLevel = roll < 3 && berat == 0 && canLoseAPost ? .berat : roll < 24 ? .sedang : .ringan
                let kind: String
                switch level {
                case .ringan: kind = Self.ringan[dice.weighted([45, 35, 20])]
                case .sedang: kind = Self.sedang[dice.weighted([55, 30, 15])]
                case .berat:
                    berat += 1
                    kind = person.jobLevel == .administrator || person.jobLevel == .pengawas ? Self.beratStructural : Self.beratOther
                }
                // Light sanctions are decided in the agency; the others by the mayor through BKPSDM.
                let issuer = level == .ringan ? person.agencyCode : "BKPSDM"
                // Each issuer numbers its decrees from somewhere in the first fifty, with other letters between.
                let start = 10 + dice.next(40)
                let step = 1 + dice.next(15)
                let number = (numbers[issuer] ?? start) + step
                numbers[issuer] = number
                sanctions.append(Sanction(nip: person.nip, year: year, level: level, kind: kind, decree: "800/\(number)/\(issuer)/\(year)"))
            }
        }
        self.sanctions = sanctions

        // IKM of the service units, in hundredths of an index point. This year's mean counts the feedback
        // plan's own two semesters as the service will.
        let seminar = attended[Self.leadershipSeminar] ?? []
        let own = DemoFeedbackPlan.surveys(seed: seed)
        var satisfaction: [Satisfaction] = []
        for unit in DemoFeedback.serviceUnits {
            let rising = Self.dialogueAgencies.contains(unit.agency) || seminar.contains(Self.unitKey(unit.agency, unit.unit))
            var dice = DemoDice(seed: seed, "outcomes/ikm/\(unit.agency)/\(unit.unit)")
            let surveys = own.filter { $0.unit.agency == unit.agency && $0.unit.unit == unit.unit }
                .map { Int(($0.index * 100).rounded()) }
            let firstOwn = surveys.first ?? (unit.improving ? 7200 : 8000)
            let after = min(8600, max(6900, firstOwn - 50 + dice.next(101)))
            let mean = (after + surveys.reduce(0, +)) / (1 + surveys.count)
            let before = rising ? mean - 220 - dice.next(161) : mean - 50 + dice.next(101)
            let spread = dice.next(26)
            let targets = [before + spread, before - spread, after]
            for (period, target) in zip(Self.surveyPeriods, targets) {
                let respondents: Int = switch unit.kind {
                case .puskesmas: 80 + dice.next(181)
                case .rumahSakit: 250 + dice.next(151)
                case .perizinan: 50 + dice.next(111)
                case .kependudukan: 150 + dice.next(251)
                }
                satisfaction.append(Satisfaction(
                    unit: unit, year: period.year, semester: period.semester, respondents: respondents,
                    nrr: Self.elements(target: target, kind: unit.kind, dice: &dice), rising: rising))
            }
        }
        self.satisfaction = satisfaction
    }

    static func percent(_ part: Int, of whole: Int) -> Double { whole > 0 ? Double(part) * 100 / Double(whole) : 0 }

    /// `percent` of `count` people, rounded (half away from zero).
    static func part(_ count: Int, percent: Int) -> Int { Int((Double(count * percent) / 100).rounded()) }

    /// Work results and behaviour that give `predicate` by the matrix, drawn with "sesuai ekspektasi"
    /// the most common rating on either side.
    static func ratings(for predicate: Predicate, _ dice: inout DemoDice) -> (hasilKerja: Rating, perilaku: Rating) {
        var options: [(hasilKerja: Rating, perilaku: Rating)] = []
        var weights: [Int] = []
        for hasilKerja in Rating.allCases {
            for perilaku in Rating.allCases where Self.predicate(hasilKerja: hasilKerja, perilaku: perilaku) == predicate {
                options.append((hasilKerja, perilaku))
                weights.append((hasilKerja == .meets ? 4 : 1) * (perilaku == .meets ? 4 : 1))
            }
        }
        return options[dice.weighted(weights)]
    }

    /// NRR of the nine elements (hundredths, 2.60 to 3.60) whose index is `target` hundredths to within
    /// 0.02: each element leans as the public leans on it in `DemoFeedback.ikmLean`, with a little noise,
    /// then all but element 4 (cost) are moved a hundredth at a time until their sum is right.
    static func elements(target: Int, kind: DemoFeedback.ServiceUnit.Kind, dice: inout DemoDice) -> [Int] {
        let low = 260, high = 360
        let wanted = min(9 * high - 1, max(9 * low + 1, (target * 36 + 50) / 100))
        let mean = Double(wanted) / 9
        var values = (1...9).map { element -> Int in
            let lean = DemoFeedback.ikmLean(kind, element: element)
            let offset = Double(lean.four - lean.two) * 0.9 + Double(dice.next(17) - 8)
            return min(high, max(low, Int((mean + offset).rounded())))
        }
        var total = values.reduce(0, +)
        var steps = 0
        while total != wanted, steps < 100_000 {
            steps += 1
            let element = dice.next(9)
            guard element != 3 else { continue }
            if total < wanted, values[element] < high {
                values[element] += 1
                total += 1
            } else if total > wanted, values[element] > low {
                values[element] -= 1
                total -= 1
            }
        }
        return values
    }

    // MARK: the files

    static func decimal(_ hundredths: Int) -> String { "\(hundredths / 100).\(CalendarDate.pad(hundredths % 100, 2))" }

    /// `NIP;Tahun;Hasil Kerja;Perilaku;Predikat`, both years.
    var skpCSV: String {
        var lines = ["NIP;Tahun;Hasil Kerja;Perilaku;Predikat"]
        lines.reserveCapacity(performance.count + 1)
        for row in performance {
            lines.append("\(row.nip);\(row.year);\(row.hasilKerja.label.lowercased());\(row.perilaku.label.lowercased());\(row.predicate.label)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `NIP;Tahun;Tingkat;Jenis;Nomor SK` for one year (importing it marks the year as covered).
    func disciplineCSV(year: Int) -> String {
        var lines = ["NIP;Tahun;Tingkat;Jenis;Nomor SK"]
        for sanction in sanctions where sanction.year == year {
            lines.append("\(sanction.nip);\(sanction.year);\(sanction.level.rawValue);\(sanction.kind);\(sanction.decree)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `Instansi;Unit;Tahun;Semester;Responden;U1;…;U9;IKM` (agency and unit codes, NRR and IKM with two
    /// decimals and a point).
    var ikmCSV: String {
        var lines = ["Instansi;Unit;Tahun;Semester;Responden;" + (1...9).map { "U\($0)" }.joined(separator: ";") + ";IKM"]
        for row in satisfaction {
            let fields = [row.unit.agency, row.unit.unit, String(row.year), String(row.semester), String(row.respondents)]
                + row.nrr.map(Self.decimal) + [Self.decimal(row.index)]
            lines.append(fields.joined(separator: ";"))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: for the summary

    /// Share (percent) of Baik or better over the units of `treatment` (the agency heads' group aside),
    /// before and after, pooled over people.
    func goodShare(_ treatment: Treatment) -> (units: Int, people: Int, before: Double, after: Double) {
        let chosen = units.filter { $0.treatment == treatment && !$0.unit.isEmpty }
        let people = chosen.reduce(0) { $0 + $1.people }
        return (chosen.count, people, Self.percent(chosen.reduce(0) { $0 + $1.goodBefore }, of: people),
                Self.percent(chosen.reduce(0) { $0 + $1.goodAfter }, of: people))
    }
}
