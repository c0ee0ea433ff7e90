import BKProto
import BKRPC
import BKServiceKit
import Testing
@testable import Feedback

@Suite("Feedback: answers, IKM, NPS and gains")
struct RulesTests {
    static let form = Instrument(code: "UJI", version: 1, title: "Uji", purpose: .survey, questions: [
        .init(id: "l4", kind: .likert4, text: "Likert 4", required: true),
        .init(id: "l5", kind: .likert5, text: "Likert 5"),
        .init(id: "nps", kind: .nps, text: "NPS"),
        .init(id: "one", kind: .singleChoice, text: "Satu", options: ["a", "b", "c"]),
        .init(id: "many", kind: .multipleChoice, text: "Banyak", options: ["a", "b", "c"]),
        .init(id: "num", kind: .number, text: "Angka", minimum: 0, maximum: 10.5),
        .init(id: "short", kind: .shortText, text: "Pendek"),
        .init(id: "long", kind: .longText, text: "Panjang"),
        .init(id: "fac", kind: .facilitatorRating, text: "Fasilitator"),
        .init(id: "ba", kind: .beforeAfter, text: "Sebelum/sesudah"),
        .init(id: "t1", kind: .testItem, text: "Soal 1", options: ["a", "b"], key: [1], points: 3),
        .init(id: "t2", kind: .testItem, text: "Soal 2", options: ["a", "b", "c"], key: [0, 2], points: 1),
    ])

    func field(_ answers: [Answer]) -> String? {
        do {
            _ = try AnswerRules.validated(answers, for: Self.form)
            return nil
        } catch {
            return error.rpcError.fieldViolations.first?.field ?? "?"
        }
    }

    @Test func everyQuestionKindIsChecked() {
        let base = Answer(questionId: "l4", number: 3)
        #expect(field([base]) == nil)
        #expect(field([]) == "answers.l4", "required")
        #expect(field([.init(questionId: "l4", number: 5)]) == "answers.l4")
        #expect(field([.init(questionId: "l4", number: 2.5)]) == "answers.l4", "a Likert answer is whole")
        #expect(field([base, .init(questionId: "l5", number: 5)]) == nil)
        #expect(field([base, .init(questionId: "l5", number: 0)]) == "answers.l5")
        #expect(field([base, .init(questionId: "nps", number: 0)]) == nil)
        #expect(field([base, .init(questionId: "nps", number: 11)]) == "answers.nps")
        #expect(field([base, .init(questionId: "nps", number: .nan)]) == "answers.nps")
        #expect(field([base, .init(questionId: "one", choices: [2])]) == nil)
        #expect(field([base, .init(questionId: "one", choices: [0, 1])]) == "answers.one")
        #expect(field([base, .init(questionId: "many", choices: [0, 2])]) == nil)
        #expect(field([base, .init(questionId: "many", choices: [3])]) == "answers.many")
        #expect(field([base, .init(questionId: "num", number: 10.5)]) == nil)
        #expect(field([base, .init(questionId: "num", number: 10.6)]) == "answers.num")
        #expect(field([base, .init(questionId: "short", text: String(repeating: "a", count: 201))]) == "answers.short")
        #expect(field([base, .init(questionId: "long", text: "baris satu\nbaris dua")]) == nil)
        #expect(field([base, .init(questionId: "long", text: "\u{202E}terbalik")]) == "answers.long")
        #expect(field([base, .init(questionId: "fac", number: 4)]) == "answers.fac", "whom it rates")
        #expect(field([base, .init(questionId: "fac", number: 4, facilitator: "Dr. Rina"), .init(questionId: "fac", number: 5, facilitator: "Drs. Andi")]) == nil)
        #expect(field([base, .init(questionId: "fac", number: 4, facilitator: "Dr. Rina"), .init(questionId: "fac", number: 5, facilitator: "Dr. Rina")]) == "answers.fac")
        #expect(field([base, .init(questionId: "ba", before: 2, after: 5)]) == nil)
        #expect(field([base, .init(questionId: "ba", before: 0, after: 5)]) == "answers.ba")
        #expect(field([base, .init(questionId: "t1", choices: [5])]) == "answers.t1")
        #expect(field([base, base]) == "answers.l4", "once each")
        #expect(field([base, .init(questionId: "lain", number: 1)]) == "answers")
    }

    @Test func testsAreScoredByTheirKey() throws {
        let right = [Answer(questionId: "l4", number: 3), .init(questionId: "t1", choices: [1]), .init(questionId: "t2", choices: [2, 0])]
        #expect(AnswerRules.score(try AnswerRules.validated(right, for: Self.form), for: Self.form) == 100)
        let half = [Answer(questionId: "l4", number: 3), .init(questionId: "t1", choices: [1]), .init(questionId: "t2", choices: [0])]
        #expect(AnswerRules.score(try AnswerRules.validated(half, for: Self.form), for: Self.form) == 75, "3 of 4 points: a partly right item earns nothing")
        #expect(AnswerRules.score([], for: BuiltInInstruments.reaction) == nil)
    }

    /// A worked example, by hand: four respondents, the nine elements.
    ///   element:  1    2    3    4    5    6    7     8    9
    ///   R1        4    3    2    4    3    3    4     2    3
    ///   R2        3    3    3    4    4    3    4     2    3
    ///   R3        3    3    2    4    3    4    3     3    3
    ///   R4        4    3    3    4    4    4    4     3    2
    ///   NRR       3.5  3.0  2.5  4.0  3.5  3.5  3.75  2.5  2.75   (sum 29.0)
    ///   IKM = 29.0 × 1/9 × 25 = 80.555… → 80.56, grade B (76.61–88.30) Baik.
    @Test func ikmFollowsPermenPANRB14of2017() {
        let scores: [[Double]] = [[4, 3, 2, 4, 3, 3, 4, 2, 3], [3, 3, 3, 4, 4, 3, 4, 2, 3], [3, 3, 2, 4, 3, 4, 3, 3, 3], [4, 3, 3, 4, 4, 4, 4, 3, 2]]
        let result = ResultMath.ikm(scores.map { Dictionary(uniqueKeysWithValues: $0.enumerated().map { ($0.offset + 1, $0.element) }) })
        #expect(result.nrr == [3.5, 3.0, 2.5, 4.0, 3.5, 3.5, 3.75, 2.5, 2.75])
        #expect(result.index == 80.56)
        #expect(result.grade == "B" && result.gradeLabel == "Baik")
        #expect(IKMIndex.grade(88.31).code == "A" && IKMIndex.grade(88.30).code == "B")
        #expect(IKMIndex.grade(76.61).code == "B" && IKMIndex.grade(76.60).code == "C")
        #expect(IKMIndex.grade(65.00).code == "C" && IKMIndex.grade(64.99).code == "D")
    }

    @Test func npsIsPromotersMinusDetractors() {
        #expect(ResultMath.nps([10, 9, 8, 7, 6, 0]) == (2.0 - 2.0) * 100 / 6)
        #expect(ResultMath.nps([10, 10, 9, 5]) == 50)
        #expect(ResultMath.nps([]) == 0)
    }

    /// The class's gain and the mean of each person's gain differ, and both are reported.
    ///   A: pre 20, post 60 → g = 40/80 = 0.5;  B: pre 60, post 100 → g = 40/40 = 1.0;  mean of g = 0.75 (high)
    ///   class: pre mean 40, post mean 80 → (80 − 40) / (100 − 40) = 0.667 (medium)
    @Test func normalisedGainBothWays() {
        let result = ResultMath.learning(pairs: [(pre: 20, post: 60), (pre: 60, post: 100)], passMark: 70)
        #expect(abs(result.classGain - 40.0 / 60) < 1e-12 && result.classBand == .medium)
        #expect(result.meanIndividualGain == 0.75 && result.individualBand == .high)
        #expect(result.passRate == 50)
        #expect(ResultMath.learning(pairs: [(pre: 100, post: 100)], passMark: 70).meanIndividualGain == 0, "no room to gain: left out")
        #expect(ResultMath.band(0.29) == .low && ResultMath.band(0.3) == .medium && ResultMath.band(0.7) == .medium && ResultMath.band(0.71) == .high)
    }

    @Test func instrumentsAreCheckedAndReadWithLines() throws {
        for builtIn in BuiltInInstruments.all {
            #expect(throws: Never.self) { _ = try InstrumentRules.validated(builtIn) }
        }
        let yaml = """
            code: tes-lat-ppi
            title: Tes Pencegahan Infeksi
            purpose: PURPOSE_POST_TEST
            pass_mark: 70
            questions:
              - id: s1
                kind: QUESTION_KIND_TEST_ITEM
                text: Cuci tangan dilakukan pada
                options: [lima momen, sekali sehari]
                key: [0]
              - id: s2
                kind: QUESTION_KIND_TEST_ITEM
                text: APD dilepas
                options: [di ruang pasien, setelah keluar]
                key: [5]
            """
        let read = InstrumentRules.read(Array(yaml.utf8))
        #expect(read.instrument == nil)
        #expect(read.problems.first?.line == 15, "the line of the bad key")
        let fixed = InstrumentRules.read(Array(yaml.replacingOccurrences(of: "key: [5]", with: "key: [1]").utf8))
        #expect(fixed.problems.isEmpty)
        #expect(fixed.instrument?.code == "TES-LAT-PPI" && fixed.instrument?.questions.count == 2 && fixed.instrument?.passMark == 70)
        #expect((1...2).contains(InstrumentRules.read(Array("code: [unclosed".utf8)).problems.first?.line ?? 0), "where the reader gave up")
        let json = #"{"code": "survei-1", "title": "Survei", "purpose": "PURPOSE_SURVEY", "questions": [{"kind": "QUESTION_KIND_NPS", "text": "NPS"}]}"#
        #expect(InstrumentRules.read(Array(json.utf8)).instrument?.questions.first?.id == "q1")
    }
}
