import BKProto
import BKRPC
import BKServiceKit

/// How answers are checked against their questions, and how a test is scored. Each refusal names the
/// question (`answers.<question id>`).
public enum AnswerRules {
    /// The scale of a question answered with one number, or nil for other kinds.
    public static func scale(of question: Question) -> ClosedRange<Double>? {
        switch question.kind {
        case .likert4: 1...4
        case .likert5, .facilitatorRating, .beforeAfter: 1...5
        case .nps: 0...10
        case .number: question.minimum...max(question.minimum, question.maximum)
        default: nil
        }
    }

    /// The answers, checked: each names a question of the instrument once (facilitator ratings once per
    /// facilitator), fits its kind, and every required question is answered.
    public static func validated(_ answers: [Answer], for instrument: Instrument) throws(FeedbackError) -> [Answer] {
        let questions = Dictionary(instrument.questions.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        guard answers.count <= instrument.questions.count + 30 else {
            throw .invalid(field: "answers", reason: .init(id: "terlalu banyak jawaban", en: "too many answers"))
        }
        var seen = Set<String>()
        var checked: [Answer] = []
        for var answer in answers {
            guard let question = questions[answer.questionId] else {
                throw .invalid(field: "answers", reason: .init(
                    id: "pertanyaan '\(TextRules.printable(String(answer.questionId.prefix(40))))' tidak ada di formulir ini",
                    en: "question '\(TextRules.printable(String(answer.questionId.prefix(40))))' is not in this form"))
            }
            let field = "answers.\(question.id)"
            guard seen.insert(question.id + "\u{0}" + answer.facilitator).inserted else {
                throw .invalid(field: field, reason: .init(id: "dijawab dua kali", en: "answered twice"))
            }
            let keep = Answer(questionId: question.id)
            var clean = keep
            switch question.kind {
            case .likert4, .likert5, .nps, .number:
                guard let scale = scale(of: question), answer.number.isFinite, scale.contains(answer.number) else {
                    throw .invalid(field: field, reason: range(question))
                }
                if question.kind != .number, answer.number != answer.number.rounded() { throw .invalid(field: field, reason: range(question)) }
                clean.number = answer.number
            case .facilitatorRating:
                guard answer.number.isFinite, (1...5).contains(answer.number), answer.number == answer.number.rounded() else {
                    throw .invalid(field: field, reason: range(question))
                }
                let name = answer.facilitator.trimmingCharacters(in: .whitespaces)
                guard !name.isEmpty, TextRules.violation(in: name, maxBytes: TextRules.name) == nil else {
                    throw .invalid(field: field, reason: .init(id: "sebutkan narasumber yang dinilai", en: "name the facilitator rated"))
                }
                clean.number = answer.number
                clean.facilitator = name
            case .beforeAfter:
                guard (1...5).contains(answer.before), (1...5).contains(answer.after) else {
                    throw .invalid(field: field, reason: .init(id: "nilai sebelum dan sesudah masing-masing 1 sampai 5", en: "before and after are each 1 to 5"))
                }
                clean.before = answer.before
                clean.after = answer.after
            case .singleChoice, .multipleChoice, .testItem:
                let picked = Array(Set(answer.choices)).sorted()
                guard !picked.isEmpty, picked.allSatisfy({ $0 >= 0 && Int($0) < question.options.count }) else {
                    throw .invalid(field: field, reason: .init(
                        id: "pilih di antara \(question.options.count) pilihan", en: "choose among the \(question.options.count) options"))
                }
                if question.kind == .singleChoice, picked.count != 1 {
                    throw .invalid(field: field, reason: .init(id: "pilih satu", en: "choose one"))
                }
                clean.choices = picked
            case .shortText, .longText:
                let limit = question.kind == .shortText ? TextRules.shortText : TextRules.longText
                let text = answer.text.trimmingCharacters(in: .whitespacesAndNewlines)
                if let why = TextRules.violation(in: text, maxBytes: limit, multiline: question.kind == .longText) {
                    throw .invalid(field: field, reason: why)
                }
                if text.isEmpty {
                    if question.required { throw .invalid(field: field, reason: .init(id: "wajib dijawab", en: "must be answered")) }
                    seen.remove(question.id + "\u{0}" + answer.facilitator)
                    continue
                }
                clean.text = text
            default:
                throw .invalid(field: field, reason: .init(id: "jenis pertanyaan tidak dikenal", en: "unknown question kind"))
            }
            answer = clean
            checked.append(answer)
        }
        for question in instrument.questions where question.required && !seen.contains(where: { $0.hasPrefix(question.id + "\u{0}") }) {
            throw .invalid(field: "answers.\(question.id)", reason: .init(id: "wajib dijawab", en: "must be answered"))
        }
        return checked
    }

    static func range(_ question: Question) -> LocalizedText {
        let scale = scale(of: question) ?? 0...0
        let low = scale.lowerBound == scale.lowerBound.rounded() ? String(Int(scale.lowerBound)) : String(scale.lowerBound)
        let high = scale.upperBound == scale.upperBound.rounded() ? String(Int(scale.upperBound)) : String(scale.upperBound)
        return .init(id: "jawab dengan angka \(low) sampai \(high)", en: "answer with a number from \(low) to \(high)")
    }

    /// A test's score out of 100: the points of the items answered exactly right over all the points.
    /// Nil for an instrument without test items.
    public static func score(_ answers: [Answer], for instrument: Instrument) -> Double? {
        let items = instrument.questions.filter { $0.kind == .testItem }
        guard !items.isEmpty else { return nil }
        let total = items.reduce(0) { $0 + max($1.points, 0) }
        guard total > 0 else { return 0 }
        let given = Dictionary(answers.map { ($0.questionId, Set($0.choices)) }, uniquingKeysWith: { first, _ in first })
        let earned = items.reduce(0.0) { sum, item in given[item.id] == Set(item.key) ? sum + max(item.points, 0) : sum }
        return earned / total * 100
    }
}
