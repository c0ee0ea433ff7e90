import BKProto
import BKRPC
import BKServiceKit
import Foundation
import Yams

/// What makes an instrument answerable, and reading one from a YAML or JSON document with each problem
/// at its line.
public enum InstrumentRules {
    /// A problem at a place in the instrument: `question` is the index of the question it concerns.
    public struct Problem: Error, Sendable {
        public var question: Int?
        public var field: String
        public var reason: LocalizedText
    }

    /// The instrument, cleaned (texts trimmed, code upper case), or its first problem.
    public static func validated(_ input: Instrument) throws(Problem) -> Instrument {
        var instrument = input
        instrument.code = instrument.code.trimmingCharacters(in: .whitespaces).uppercased()
        guard (2...40).contains(instrument.code.utf8.count),
            instrument.code.utf8.allSatisfy({ ($0 >= 65 && $0 <= 90) || ($0 >= 48 && $0 <= 57) || $0 == 45 || $0 == 95 })
        else {
            throw Problem(field: "code", reason: .init(
                id: "kode 2–40 huruf besar, angka, tanda hubung atau garis bawah", en: "a code is 2–40 capital letters, digits, dashes or underscores"))
        }
        instrument.title = try text(instrument.title, field: "title", limit: TextRules.name, required: true)
        instrument.description = try text(instrument.description, field: "description", limit: TextRules.longText, required: false)
        guard instrument.purpose != .unspecified else { throw Problem(field: "purpose", reason: .init(id: "wajib diisi", en: "is required")) }
        guard (1...200).contains(instrument.questions.count) else {
            throw Problem(field: "questions", reason: .init(id: "isi 1 sampai 200 pertanyaan", en: "give 1 to 200 questions"))
        }
        var ids = Set<String>()
        for index in instrument.questions.indices {
            var question = instrument.questions[index]
            func problem(_ field: String, _ reason: LocalizedText) -> Problem { Problem(question: index, field: "questions.\(field)", reason: reason) }
            question.id = question.id.trimmingCharacters(in: .whitespaces)
            if question.id.isEmpty { question.id = "q\(index + 1)" }
            guard question.id.utf8.count <= 40, question.id.utf8.allSatisfy({ $0 > 32 && $0 < 127 }) else {
                throw problem("id", .init(id: "id paling banyak 40 huruf tanpa spasi", en: "an id is at most 40 characters without spaces"))
            }
            guard ids.insert(question.id).inserted else { throw problem("id", .init(id: "id '\(question.id)' berulang", en: "id '\(question.id)' repeats")) }
            do {
                question.text = try text(question.text, field: "text", limit: TextRules.longText, required: true)
                question.section = try text(question.section, field: "section", limit: TextRules.shortText, required: false)
                question.options = try question.options.map { option throws(Problem) in try text(option, field: "options", limit: TextRules.name, required: true) }
            } catch {
                throw Problem(question: index, field: "questions.\(error.field)", reason: error.reason)
            }
            switch question.kind {
            case .likert4, .likert5:
                let points = question.kind == .likert4 ? 4 : 5
                guard question.options.isEmpty || question.options.count == points else {
                    throw problem("options", .init(id: "skala ini punya \(points) jangkar (atau kosongkan)", en: "this scale has \(points) anchors (or none)"))
                }
            case .singleChoice, .multipleChoice:
                guard (2...30).contains(question.options.count) else { throw problem("options", .init(id: "isi 2 sampai 30 pilihan", en: "give 2 to 30 options")) }
            case .testItem:
                guard (2...30).contains(question.options.count) else { throw problem("options", .init(id: "isi 2 sampai 30 pilihan", en: "give 2 to 30 options")) }
                guard !question.key.isEmpty, question.key.allSatisfy({ $0 >= 0 && Int($0) < question.options.count }) else {
                    throw problem("key", .init(id: "kunci jawaban harus menunjuk pilihan yang ada (mulai 0)", en: "the key must name existing options (from 0)"))
                }
                if question.points == 0 { question.points = 1 }
                guard question.points.isFinite, question.points > 0, question.points <= 100 else {
                    throw problem("points", .init(id: "poin lebih dari 0, paling banyak 100", en: "points above 0, at most 100"))
                }
            case .number:
                guard question.minimum.isFinite, question.maximum.isFinite, question.minimum <= question.maximum else {
                    throw problem("maximum", .init(id: "batas atas tidak boleh di bawah batas bawah", en: "the maximum must not be below the minimum"))
                }
            case .nps, .shortText, .longText, .facilitatorRating, .beforeAfter:
                break
            default:
                throw problem("kind", .init(id: "jenis pertanyaan wajib diisi", en: "a question kind is required"))
            }
            if instrument.purpose == .ikm {
                guard (1...9).contains(question.ikmElement) || question.kind == .longText || question.kind == .shortText else {
                    throw problem("ikm_element", .init(id: "pertanyaan IKM menyebut unsurnya (1–9)", en: "an IKM question names its element (1–9)"))
                }
                if question.ikmElement != 0, question.kind != .likert4 {
                    throw problem("kind", .init(id: "unsur IKM dinilai 1–4 (LIKERT_4)", en: "IKM elements are scored 1–4 (LIKERT_4)"))
                }
            }
            instrument.questions[index] = question
        }
        if instrument.purpose == .ikm {
            let elements = instrument.questions.map(\.ikmElement).filter { $0 != 0 }
            guard elements.sorted() == Array(1...9) else {
                throw Problem(field: "questions", reason: .init(
                    id: "survei IKM memuat sembilan unsur, masing-masing sekali", en: "an IKM survey has the nine elements, each once"))
            }
        }
        let isTest = instrument.purpose == .preTest || instrument.purpose == .postTest
        if isTest {
            guard instrument.questions.contains(where: { $0.kind == .testItem }) else {
                throw Problem(field: "questions", reason: .init(id: "tes memuat butir soal (TEST_ITEM)", en: "a test has test items (TEST_ITEM)"))
            }
        }
        guard instrument.passMark.isFinite, (0...100).contains(instrument.passMark) else {
            throw Problem(field: "pass_mark", reason: .init(id: "0 sampai 100", en: "0 to 100"))
        }
        return instrument
    }

    static func text(_ value: String, field: String, limit: Int, required: Bool) throws(Problem) -> String {
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        if required, trimmed.isEmpty { throw Problem(field: field, reason: .init(id: "wajib diisi", en: "is required")) }
        if let why = TextRules.violation(in: trimmed, maxBytes: limit, multiline: limit >= TextRules.longText) {
            throw Problem(field: field, reason: why)
        }
        return trimmed
    }

    /// Reads an instrument from YAML or JSON (JSON is YAML), field names as in the proto (`ikm_element`
    /// or `ikmElement`, enum names like `QUESTION_KIND_LIKERT_4`). Problems come with the line they are on.
    public static func read(_ document: [UInt8]) -> (instrument: Instrument?, problems: [(line: Int, reason: LocalizedText)]) {
        guard let text = String(validating: document, as: UTF8.self) else {
            return (nil, [(1, .init(id: "berkas bukan teks UTF-8", en: "the file is not UTF-8 text"))])
        }
        let node: Node
        do {
            guard let composed = try Yams.compose(yaml: text) else { return (nil, [(1, .init(id: "berkas kosong", en: "the file is empty"))]) }
            node = composed
        } catch let error as YamlError {
            return (nil, [(line(of: error), .init(id: "YAML/JSON tidak dapat dibaca: \(error)", en: "cannot read the YAML/JSON: \(error)"))])
        } catch {
            return (nil, [(1, .init(id: "YAML/JSON tidak dapat dibaca", en: "cannot read the YAML/JSON"))])
        }
        let json: Any = plain(node)
        let instrument: Instrument
        do {
            let data = try JSONSerialization.data(withJSONObject: json)
            instrument = try ProtoJSON.decode(Instrument.self, from: [UInt8](data))
        } catch {
            return (nil, [(node.mark?.line ?? 1, .init(id: "isian tidak sesuai bentuk formulir: \(error)", en: "the content does not fit a form: \(error)"))])
        }
        do {
            return (try validated(instrument), [])
        } catch {
            // The line of the question concerned, when there is one.
            var at = node.mark?.line ?? 1
            if let index = error.question, let questions = node.mapping?["questions"]?.sequence, index < questions.count {
                at = questions[index].mark?.line ?? at
                let key = String(error.field.dropFirst("questions.".count))
                if let value = questions[index].mapping?.first(where: { $0.key.string == key || $0.key.string == camel(key) })?.value {
                    at = value.mark?.line ?? at
                }
            } else if let value = node.mapping?.first(where: { $0.key.string == error.field || $0.key.string == camel(error.field) })?.value {
                at = value.mark?.line ?? at
            }
            return (nil, [(at, .init(id: "\(error.field): \(error.reason.indonesian)", en: "\(error.field): \(error.reason.english)"))])
        }
    }

    static func camel(_ snake: String) -> String {
        let parts = snake.split(separator: "_")
        return parts.enumerated().map { $0.offset == 0 ? String($0.element) : $0.element.capitalized }.joined()
    }

    static func line(of error: YamlError) -> Int {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _): mark.line
        case .composer(_, _, let mark, _): mark.line
        default: 1
        }
    }

    /// A YAML node as the plain values JSONSerialization takes. Scalars keep YAML's reading: numbers
    /// and booleans as such, everything else as text.
    static func plain(_ node: Node) -> Any {
        switch node {
        case .mapping(let mapping):
            var object: [String: Any] = [:]
            for (key, value) in mapping { object[key.string ?? ""] = plain(value) }
            return object
        case .sequence(let sequence):
            return sequence.map(plain)
        case .scalar(let scalar):
            if scalar.style == .plain {
                if let bool = Bool.construct(from: scalar) { return bool }
                if let int = Int.construct(from: scalar) { return int }
                if let double = Double.construct(from: scalar), double.isFinite { return double }
                if scalar.string == "~" || scalar.string == "null" { return NSNull() }
            }
            return scalar.string
        case .alias:
            return NSNull()
        }
    }
}
