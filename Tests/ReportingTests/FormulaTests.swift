import BKProto
import BKServiceKit
import Foundation
import Testing
@testable import Reporting

/// Every formula against an example worked by hand from the rules (shared/domain.md), written here.
@Suite("Reporting: formulas against hand-worked examples")
struct FormulaTests {
    // MARK: IKM (PermenPANRB 14/2017)

    /// NRR of the nine elements: 3.2, 3.0, 2.8, 3.5, 3.1, 2.9, 3.3, 3.4, 3.0; their sum is 28.2.
    /// IKM = Σ(NRR × 1/9) × 25 = 28.2 / 9 × 25 = 78.333… → 78.33, grade B (76.61–88.30).
    static let nrr = [3.2, 3.0, 2.8, 3.5, 3.1, 2.9, 3.3, 3.4, 3.0]

    @Test func ikmFromNineNRRValues() {
        let index = IKMIndex.index(nrr: Self.nrr)
        #expect(abs(index - 78.33) < 1e-9, "28.2 / 9 × 25 = 78.333… rounds to 78.33, got \(index)")
        #expect(IKMIndex.grade(index).code == "B")
        // All elements at the top and at the bottom of the scale: 100 and 25.
        #expect(abs(IKMIndex.index(nrr: Array(repeating: 4, count: 9)) - 100) < 1e-9)
        #expect(abs(IKMIndex.index(nrr: Array(repeating: 1, count: 9)) - 25) < 1e-9)
        // Rounded only at the end: NRR 3.125 nine times is 78.125 exactly. Rounding each NRR first
        // (3.13) would give 78.25; the index is 78.13 (or 78.12), never 78.25.
        let late = IKMIndex.index(nrr: Array(repeating: 3.125, count: 9))
        #expect(abs(late - 78.125) <= 0.005 + 1e-9, "rounded at the end, got \(late)")
    }

    @Test func outsideIkmRowMustAgreeWithItsElementsToTwoPlaces() throws {
        let header = "Instansi;Unit;Tahun;Semester;Responden;U1;U2;U3;U4;U5;U6;U7;U8;U9;IKM"
        let elements = Self.nrr.map { String($0).replacingOccurrences(of: ".", with: ",") }.joined(separator: ";")
        let csv = csvBytes([
            header,
            "DINKES;PKM-A;2026;1;120;\(elements);78,33", // line 2: equals 78.33
            "DINKES;PKM-B;2026;1;80;\(elements);78,50", // line 3: differs
            "DINKES;PKM-A;2026;2;95;\(elements);", // line 4: no IKM given, computed
        ])
        let parsed = try OutcomeImport.parse(.ikm, csv, knownPeople: [:], knownUnits: ["DINKES/PKM-A", "DINKES/PKM-B"], year: 2026)
        #expect(parsed.rows == 3)
        #expect(parsed.errors.map(\.line) == [3], "only the row whose IKM differs from 78.33 is refused")
        #expect(parsed.errors.first?.reason.indonesian.contains("IKM") == true)

        let good = try OutcomeImport.parse(.ikm, csvBytes([header, "DINKES;PKM-A;2026;1;120;\(elements);78,33"]),
                                           knownPeople: [:], knownUnits: ["DINKES/PKM-A"], year: 2026)
        #expect(good.errors.isEmpty)
        guard case .ikm(let rows) = good.data else {
            Issue.record("an IKM file gives IKM rows")
            return
        }
        #expect(rows.count == 1)
        #expect(abs((rows.first?.ikm ?? 0) - 78.33) < 1e-9)
        #expect(rows.first?.respondents == 120)
    }

    // MARK: SKP predicate (PermenPANRB 6/2022)

    /// Work results × behaviour, from domain.md:
    ///   above × (below, meets, above) = kurang, baik, sangat baik
    ///   meets × (below, meets, above) = kurang, baik, baik
    ///   below × (below, meets, above) = sangat kurang, butuh perbaikan, butuh perbaikan
    @Test(arguments: [
        (Rating.above, Rating.below, "Kurang"), (.above, .meets, "Baik"), (.above, .above, "Sangat Baik"),
        (.meets, .below, "Kurang"), (.meets, .meets, "Baik"), (.meets, .above, "Baik"),
        (.below, .below, "Sangat Kurang"), (.below, .meets, "Butuh Perbaikan"), (.below, .above, "Butuh Perbaikan"),
    ])
    func skpMatrix(work: Rating, behaviour: Rating, expected: String) {
        let predicate = Predicate.of(work: work, behaviour: behaviour)
        #expect(predicate.label == expected, "\(work) × \(behaviour)")
        #expect(Predicate(text: expected.lowercased()) == predicate, "the label reads back")
        #expect(predicate.isGood == (expected == "Baik" || expected == "Sangat Baik"), "good performance is Baik or better")
    }

    @Test func ratingsAreReadFromTheirIndonesianWording() {
        #expect(Rating(text: "Di Atas Ekspektasi") == .above)
        #expect(Rating(text: "sesuai ekspektasi") == .meets)
        #expect(Rating(text: "di bawah ekspektasi") == .below)
        #expect(Rating(text: "bawah") == .below)
        #expect(Rating(text: "luar biasa") == nil)
    }

    // MARK: IP ASN (PermenPANRB 38/2018)

    /// An administrator with an S1, 24 verified JP this year, a seminar and a leadership training (PKA),
    /// predicate Baik, no sanction in a year whose discipline data was imported:
    ///   kualifikasi S1 15; kompetensi ≥20 JP 20 + seminar 5 + leadership 15 = 40; kinerja Baik 25;
    ///   disiplin none 5. Total 85: "Tinggi" (81–90).
    static var administrator: IpAsnRules.Facts {
        var facts = IpAsnRules.Facts()
        facts.education = .s1
        facts.jobLevel = .administrator
        facts.jp = 24
        facts.recentLearning = [(code: "SEM-ETIKA", kind: .seminar), (code: "LAT-A", kind: .pelatihan)]
        facts.leadershipCodes = ["PKA-2025"]
        facts.predicate = .baik
        facts.disciplineCovered = true
        facts.heaviestSanction = nil
        return facts
    }

    static func points(_ components: [Binakarier_Reporting_V1_IpAsnComponent]) -> [String: Double?] {
        Dictionary(uniqueKeysWithValues: components.map { ($0.dimension, $0.missing ? nil : $0.points) })
    }

    @Test func ipAsnOfAnAdministratorWorkedByHand() {
        let (components, total) = IpAsnRules().score(Self.administrator)
        #expect(Self.points(components) == ["kualifikasi": 15, "kompetensi": 40, "kinerja": 25, "disiplin": 5])
        #expect(total == 85)
        #expect(IpAsnRules.band(85) == "Tinggi")
        #expect(components.map(\.maxPoints).reduce(0, +) == 100, "the four dimensions weigh 25 + 40 + 30 + 5")
    }

    @Test func ipAsnWithoutSkpHasNoKinerjaAndNoTotal() {
        var facts = Self.administrator
        facts.predicate = nil
        let (components, total) = IpAsnRules().score(facts)
        #expect(components.first { $0.dimension == "kinerja" }?.missing == true)
        #expect(total == nil, "a missing dimension is never guessed: no total")
        #expect(Self.points(components)["kualifikasi"] == 15)
    }

    @Test func ipAsnWithoutDisciplineDataForTheYearHasNoDisiplin() {
        var facts = Self.administrator
        facts.disciplineCovered = false
        let (components, total) = IpAsnRules().score(facts)
        #expect(components.first { $0.dimension == "disiplin" }?.missing == true, "a year not imported is unknown, not 'no sanction'")
        #expect(total == nil)
    }

    @Test func ipAsnLeadershipNeedsALeadershipProgram() {
        // The same administrator without leadership training: 15 points fewer, 70 "Rendah".
        var facts = Self.administrator
        facts.leadershipCodes = []
        let (components, total) = IpAsnRules().score(facts)
        #expect(Self.points(components)["kompetensi"] == 25)
        #expect(total == 70)
        #expect(IpAsnRules.band(70) == "Rendah")
    }

    /// 91–100 Sangat Tinggi, 81–90 Tinggi, 71–80 Sedang, 61–70 Rendah, ≤60 Sangat Rendah.
    @Test(arguments: [
        (100.0, "Sangat Tinggi"), (91, "Sangat Tinggi"), (90, "Tinggi"), (81, "Tinggi"), (80, "Sedang"), (71, "Sedang"),
        (70, "Rendah"), (61, "Rendah"), (60, "Sangat Rendah"), (0, "Sangat Rendah"),
    ])
    func ipAsnBandsAtTheirEdges(total: Double, band: String) {
        #expect(IpAsnRules.band(total) == band, "\(total)")
    }

    // MARK: difference-in-differences

    /// Treated 60 → 75 (+15), comparison 62 → 64 (+2): 15 − 2 = 13.
    @Test func differenceInDifferences() {
        let did = Evaluation.differenceInDifferences(
            treated: .init(before: 60, after: 75, n: 30), comparison: .init(before: 62, after: 64, n: 40))
        #expect(did == 13)
        // A comparison that improved more gives a negative difference: (70 − 60) − (80 − 60) = −10.
        #expect(Evaluation.differenceInDifferences(treated: .init(before: 60, after: 70, n: 5), comparison: .init(before: 60, after: 80, n: 5)) == -10)
    }

    /// Level 4 by unit, worked by hand. Treated units A and B (10 people each): A 50 % → 80 % (+30),
    /// B 40 % → 50 % (+10); comparison units C and D (10 each): 50 → 50 and 60 → 60 (0).
    ///   treated change (10·30 + 10·10) / 20 = 20; comparison 0; difference-in-differences 20.
    ///   clustered variance of the treated mean: Σ w²(c − c̄)² / (Σw)² × G/(G−1)
    ///     = (100·100 + 100·100) / 400 × 2/1 = 100; comparison 0; standard error √100 = 10.
    ///   20 > 1.96 × 10 = 19.6: positive, barely.
    @Test func levelFourIsByUnitWithAClusteredError() throws {
        let observations: [String: (weight: Double, before: Double, after: Double)] = [
            "X/A": (10, 50, 80), "X/B": (10, 40, 50), "X/C": (10, 50, 50), "X/D": (10, 60, 60),
        ]
        let effect = try #require(LevelFour.effect(observations, treated: ["X/A", "X/B"], comparison: ["X/C", "X/D"], countPeople: true))
        #expect(abs(effect.treated.change - 20) < 1e-9 && abs(effect.comparison.change) < 1e-9)
        #expect(effect.treated.n == 20 && effect.comparison.n == 20 && effect.treatedUnits == 2 && effect.comparisonUnits == 2)
        #expect(abs((effect.standardError ?? 0) - 10) < 1e-9)
        #expect(Conclusions.results("kinerja", effect, unit: "poin persen", minimum: 5, counted: "").verdict == .positive)
        // B rising 8 instead of 10: the change is 19, within 1.96 standard errors of none.
        var weaker = observations
        weaker["X/B"] = (10, 40, 48)
        let within = try #require(LevelFour.effect(weaker, treated: ["X/A", "X/B"], comparison: ["X/C", "X/D"], countPeople: true))
        #expect(Conclusions.results("kinerja", within, unit: "poin persen", minimum: 5, counted: "").verdict == .neutral)
        // One treated unit: no error to estimate, nothing concluded.
        let single = try #require(LevelFour.effect(observations, treated: ["X/A"], comparison: ["X/C", "X/D"], countPeople: true))
        #expect(single.standardError == nil)
        #expect(Conclusions.results("kinerja", single, unit: "poin persen", minimum: 5, counted: "").verdict == .inconclusive)
    }

    @Test func shares() {
        #expect(Evaluation.percent(26, of: 55).map { abs($0 - 47.272_727) < 1e-5 } == true)
        #expect(Evaluation.percent(1, of: 0) == nil)
    }
}
