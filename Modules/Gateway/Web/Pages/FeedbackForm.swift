import BKCharts
import BKProto
import BKRPC
import Foundation

/// A facilitator the form asks about: the name sent with the rating, and what the person reads.
struct FeedbackFacilitator: Sendable {
    var name: String
    var label: String
}

/// How an instrument's questions become form fields, and a submitted form becomes answers.
///
/// Fields are named by the question's position (`q1`, `q2`, …: a campaign pins the instrument's version,
/// so positions are stable), never by its id: ids are free text. Before/after pairs are `qN_sebelum` and
/// `qN_sesudah`; facilitator ratings `qN_fJ` with the name in `qN_fJ_nama`.
enum FeedbackForm {
    typealias Instrument = Binakarier_Feedback_V1_Instrument
    typealias Question = Binakarier_Feedback_V1_Question
    typealias Answer = Binakarier_Feedback_V1_Answer

    static func field(_ index: Int) -> String { "q\(index + 1)" }

    /// The facilitator rows of a rating question: the session's facilitators, then rows to name others.
    static func facilitatorRows(_ facilitators: [FeedbackFacilitator]) -> (fixed: [FeedbackFacilitator], free: Int) {
        (facilitators, facilitators.isEmpty ? 2 : 1)
    }

    // MARK: reading a submitted form

    /// The answers a form gives, and the questions the gateway can already tell are not answered as they
    /// must be (a required question left empty, a number that is not one). Everything else is the
    /// daemon's to judge.
    static func read(
        _ form: FormData, instrument: Instrument, facilitators: [FeedbackFacilitator], language: Language
    ) -> (answers: [Answer], errors: [Int: String]) {
        var answers: [Answer] = []
        var errors: [Int: String] = [:]
        for (index, question) in instrument.questions.enumerated() {
            let name = field(index)
            var given: [Answer] = []
            switch question.kind {
            case .likert4, .likert5, .nps, .number:
                let text = form.text(name)
                if !text.isEmpty {
                    if let number = Double(text.replacingOccurrences(of: ",", with: ".")), number.isFinite {
                        given.append(Answer(questionId: question.id, number: number))
                    } else {
                        errors[index] = Strings.text("fb_error_number", language)
                    }
                }
            case .singleChoice, .testItem:
                let text = form.text(name)
                if !text.isEmpty {
                    given.append(Answer(questionId: question.id, choices: [Int32(text) ?? -1]))
                }
            case .multipleChoice:
                let picked = form.all(name).compactMap { Int32($0.trimmingCharacters(in: .whitespaces)) }
                if !picked.isEmpty { given.append(Answer(questionId: question.id, choices: picked)) }
            case .shortText, .longText:
                let text = form.text(name)
                if !text.isEmpty { given.append(Answer(questionId: question.id, text: text)) }
            case .beforeAfter:
                let before = form.text(name + "_sebelum")
                let after = form.text(name + "_sesudah")
                if !before.isEmpty || !after.isEmpty {
                    given.append(Answer(questionId: question.id, before: Int32(before) ?? 0, after: Int32(after) ?? 0))
                }
            case .facilitatorRating:
                let rows = facilitatorRows(facilitators)
                for row in 0..<(rows.fixed.count + rows.free) {
                    let rating = form.text("\(name)_f\(row + 1)")
                    let person = row < rows.fixed.count ? rows.fixed[row].name : form.text("\(name)_f\(row + 1)_nama")
                    if rating.isEmpty {
                        if !person.isEmpty, row >= rows.fixed.count { errors[index] = Strings.text("fb_error_facilitator_rating", language) }
                        continue
                    }
                    given.append(Answer(questionId: question.id, number: Double(rating) ?? 0, facilitator: person))
                }
            default:
                break
            }
            if given.isEmpty, question.required, errors[index] == nil {
                errors[index] = Strings.text("fb_error_required", language)
            }
            answers += given
        }
        return (answers, errors)
    }

    /// The daemon's refusal, placed: violations of `answers.<question id>` at their question, anything
    /// else above the form.
    static func placed(_ error: RPCError, instrument: Instrument, language: Language) -> (byQuestion: [Int: String], general: [String]) {
        let localized = error.localized(language)
        let positions = Dictionary(instrument.questions.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { first, _ in first })
        var byQuestion: [Int: String] = [:]
        var general: [String] = []
        for violation in localized.fieldViolations {
            let sentence = Self.sentence(violation.description)
            if violation.field.hasPrefix("answers."), let index = positions[String(violation.field.dropFirst("answers.".count))] {
                byQuestion[index] = byQuestion[index].map { $0 + " " + sentence } ?? sentence
            } else {
                general.append(sentence)
            }
        }
        if byQuestion.isEmpty, general.isEmpty { general.append(Self.sentence(localized.message)) }
        return (byQuestion, general)
    }

    /// "wajib dijawab" → "Wajib dijawab."
    static func sentence(_ text: String) -> String {
        guard let first = text.first else { return text }
        let capital = first.uppercased() + text.dropFirst()
        return capital.hasSuffix(".") ? capital : capital + "."
    }

    /// The list above a form that links to each question with a problem.
    static func summary(_ errors: [Int: String], general: [String], instrument: Instrument) -> [[String: Any]] {
        var items: [[String: Any]] = general.map { ["eText": $0] }
        for index in errors.keys.sorted() where index < instrument.questions.count {
            let text = instrument.questions[index].text
            let short = text.count > 90 ? String(text.prefix(87)) + "…" : text
            items.append(["eTarget": field(index), "eText": "\(index + 1). \(short) — \(errors[index] ?? "")"])
        }
        return items
    }

    // MARK: rendering

    /// The anchors of a scale: the question's own when it has one per point, else the standard ones.
    static func anchors(_ question: Question, points: Int, language: Language) -> [String] {
        if question.options.count == points { return question.options }
        let t = { (key: String) in Strings.text(key, language) }
        switch (question.kind, points) {
        case (.likert4, _): return [t("fb_agree4_1"), t("fb_agree4_2"), t("fb_agree4_3"), t("fb_agree4_4")]
        case (.likert5, _): return [t("fb_agree4_1"), t("fb_agree4_2"), t("fb_agree5_3"), t("fb_agree4_3"), t("fb_agree4_4")]
        case (.beforeAfter, _): return (1...5).map { t("fb_level_\($0)") }
        default: return (1...5).map { t("fb_rating_\($0)") }
        }
    }

    static func options(
        type: String, name: String, idPrefix: String, values: [(value: String, label: String)], chosen: Set<String>,
        required: Bool, errorID: String?
    ) -> [[String: Any]] {
        values.map { value, label in
            [
                "oType": type, "oName": name, "oId": "\(idPrefix)-o\(value)", "oValue": value, "oLabel": label,
                "oChecked": chosen.contains(value), "oRequired": required, "oInvalid": errorID != nil, "oErrorId": errorID ?? "",
            ]
        }
    }

    /// Every question as the `fb_question` template reads it, with what the person gave (after a refused
    /// submit) and the problems found.
    static func questions(
        _ instrument: Instrument, form: FormData?, errors: [Int: String], facilitators: [FeedbackFacilitator], language: Language
    ) -> [[String: Any]] {
        let t = { (key: String) in Strings.text(key, language) }
        var previousSection = ""
        var result: [[String: Any]] = []
        for (index, question) in instrument.questions.enumerated() {
            let name = field(index)
            let error = errors[index]
            let errorID = error.map { _ in "\(name)-error" }
            var data: [String: Any] = [
                "qId": name, "qName": name, "qText": question.text, "qRequired": question.required, "qInvalid": error != nil,
            ]
            if let error { data["qError"] = error }
            let section = question.section.trimmingCharacters(in: .whitespaces)
            if question.ikmElement > 0 {
                data["qElement"] = t("fb_element").replacingOccurrences(of: "{n}", with: "\(question.ikmElement)") + (section.isEmpty ? "" : " · \(section)")
            } else if !section.isEmpty, section != previousSection {
                data["qHeading"] = section
            }
            previousSection = section
            let given = form?.all(name) ?? []
            var hint = ""
            switch question.kind {
            case .likert4, .likert5:
                let points = question.kind == .likert4 ? 4 : 5
                let labels = anchors(question, points: points, language: language)
                data["qChoices"] = true
                data["qLayout"] = "fb-row"
                data["oList"] = options(
                    type: "radio", name: name, idPrefix: name, values: labels.enumerated().map { ("\($0.offset + 1)", $0.element) },
                    chosen: Set(given), required: question.required, errorID: errorID)
                hint = question.ikmElement > 0
                    ? t("fb_hint_single")
                    : t("fb_hint_likert").replacingOccurrences(of: "{low}", with: labels.first ?? "").replacingOccurrences(of: "{high}", with: labels.last ?? "")
            case .nps:
                data["qChoices"] = true
                data["qNPS"] = true
                data["qLayout"] = "fb-nps"
                data["oList"] = options(
                    type: "radio", name: name, idPrefix: name, values: (0...10).map { ("\($0)", "\($0)") }, chosen: Set(given),
                    required: question.required, errorID: errorID)
                hint = t("fb_hint_nps")
            case .singleChoice, .testItem:
                data["qChoices"] = true
                data["qLayout"] = "fb-stack"
                data["oList"] = options(
                    type: "radio", name: name, idPrefix: name, values: question.options.enumerated().map { ("\($0.offset)", $0.element) },
                    chosen: Set(given), required: question.required, errorID: errorID)
                hint = question.kind == .testItem ? t("fb_hint_test") : t("fb_hint_single")
                if question.kind == .testItem, question.points > 0 {
                    data["qPoints"] = t("fb_points").replacingOccurrences(of: "{n}", with: IndonesianNumber.format(question.points, decimals: question.points == question.points.rounded() ? 0 : 1))
                }
            case .multipleChoice:
                data["qChoices"] = true
                data["qLayout"] = "fb-stack"
                data["oList"] = options(
                    type: "checkbox", name: name, idPrefix: name, values: question.options.enumerated().map { ("\($0.offset)", $0.element) },
                    chosen: Set(given), required: false, errorID: errorID)
                hint = t("fb_hint_multiple")
            case .number:
                data["qNumber"] = true
                data["qValue"] = given.first ?? ""
                let low = question.minimum
                let high = max(question.minimum, question.maximum)
                data["qMin"] = plain(low)
                data["qMax"] = plain(high)
                hint = t("fb_hint_number").replacingOccurrences(of: "{min}", with: IndonesianNumber.format(low, decimals: decimals(low)))
                    .replacingOccurrences(of: "{max}", with: IndonesianNumber.format(high, decimals: decimals(high)))
            case .shortText:
                data["qShort"] = true
                data["qValue"] = given.first ?? ""
                hint = t("fb_hint_short")
            case .longText:
                data["qLong"] = true
                data["qValue"] = given.first ?? ""
                hint = t("fb_hint_long")
            case .beforeAfter:
                let labels = anchors(question, points: 5, language: language)
                let values = labels.enumerated().map { ("\($0.offset + 1)", $0.element) }
                data["qGroups"] = [("sebelum", "fb_before"), ("sesudah", "fb_after")].map { suffix, legend -> [String: Any] in
                    let field = "\(name)_\(suffix)"
                    return [
                        "gLegend": t(legend), "gFixed": false, "gFree": false,
                        "oList": options(
                            type: "radio", name: field, idPrefix: field, values: values, chosen: Set(form?.all(field) ?? []),
                            required: question.required, errorID: errorID),
                    ]
                }
                hint = t("fb_hint_before_after")
            case .facilitatorRating:
                let labels = anchors(question, points: 5, language: language)
                let values = labels.enumerated().map { ("\($0.offset + 1)", "\($0.offset + 1) · \($0.element)") }
                let rows = facilitatorRows(facilitators)
                data["qGroups"] = (0..<(rows.fixed.count + rows.free)).map { row -> [String: Any] in
                    let field = "\(name)_f\(row + 1)"
                    let fixed = row < rows.fixed.count
                    return [
                        "gLegend": fixed ? rows.fixed[row].label : t("fb_facilitator_other").replacingOccurrences(of: "{n}", with: "\(row - rows.fixed.count + 1)"),
                        "gFixed": fixed, "gFree": !fixed,
                        "gNameField": field + "_nama", "gNameId": field + "-nama",
                        "gNameValue": fixed ? rows.fixed[row].name : (form?.text(field + "_nama") ?? ""),
                        "oList": options(
                            type: "radio", name: field, idPrefix: field, values: values, chosen: Set(form?.all(field) ?? []),
                            required: false, errorID: errorID),
                    ]
                }
                hint = t("fb_hint_facilitator")
            default:
                data["qShort"] = true
                data["qValue"] = given.first ?? ""
            }
            if !hint.isEmpty { data["qHint"] = hint }
            let described = [hint.isEmpty ? nil : "\(name)-hint", errorID].compactMap { $0 }.joined(separator: " ")
            if !described.isEmpty { data["qDescribedBy"] = described }
            result.append(data)
        }
        return result
    }

    static func decimals(_ value: Double) -> Int { value == value.rounded() ? 0 : (value * 10).rounded() == value * 10 ? 1 : 2 }

    /// A number as an HTML attribute reads it (a dot, no grouping).
    static func plain(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }

    // MARK: answers given, read back

    /// The answers of a named response, as the person reads them: each question with what was chosen.
    static func readBack(_ answers: [Answer], instrument: Instrument, language: Language) -> [[String: Any]] {
        let t = { (key: String) in Strings.text(key, language) }
        var byQuestion: [String: [Answer]] = [:]
        for answer in answers { byQuestion[answer.questionId, default: []].append(answer) }
        return instrument.questions.map { question in
            let given = byQuestion[question.id] ?? []
            guard !given.isEmpty else { return ["aQuestion": question.text, "aText": t("fb_no_answer")] }
            let text: String
            switch question.kind {
            case .likert4, .likert5:
                let labels = anchors(question, points: question.kind == .likert4 ? 4 : 5, language: language)
                text = given.map { answer in
                    let value = Int(answer.number)
                    return value >= 1 && value <= labels.count ? "\(labels[value - 1]) (\(value))" : IndonesianNumber.format(answer.number)
                }.joined(separator: "; ")
            case .nps:
                text = given.map { IndonesianNumber.format($0.number) }.joined(separator: "; ")
            case .number:
                text = given.map { IndonesianNumber.format($0.number, decimals: decimals($0.number)) }.joined(separator: "; ")
            case .singleChoice, .multipleChoice, .testItem:
                text = given.flatMap(\.choices).map { Int($0) < question.options.count && $0 >= 0 ? question.options[Int($0)] : "\($0)" }
                    .joined(separator: "; ")
            case .beforeAfter:
                let labels = anchors(question, points: 5, language: language)
                func label(_ value: Int32) -> String { value >= 1 && value <= 5 ? "\(labels[Int(value) - 1]) (\(value))" : "\(value)" }
                text = given.map { "\(t("fb_before")): \(label($0.before)) · \(t("fb_after")): \(label($0.after))" }.joined(separator: "; ")
            case .facilitatorRating:
                let labels = anchors(question, points: 5, language: language)
                text = given.map { answer in
                    let value = Int(answer.number)
                    return "\(answer.facilitator): " + (value >= 1 && value <= 5 ? "\(labels[value - 1]) (\(value))" : "\(value)")
                }.joined(separator: "; ")
            default:
                text = given.map(\.text).joined(separator: "; ")
            }
            return ["aQuestion": question.text, "aText": text]
        }
    }
}

/// Dates as people read them, in WIB: "12 Maret 2026", "12 Maret 2026, 23.59 WIB".
enum FeedbackDates {
    static let monthsID = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"]
    static let monthsEN = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]

    static func parts(_ unix: Int64) -> DateComponents {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 7 * 3600)!
        return calendar.dateComponents([.year, .month, .day, .hour, .minute], from: Date(timeIntervalSince1970: TimeInterval(unix)))
    }

    static func date(year: Int, month: Int, day: Int, _ language: Language) -> String {
        let months = language == .english ? monthsEN : monthsID
        guard (1...12).contains(month) else { return "\(year)-\(month)-\(day)" }
        return "\(day) \(months[month - 1]) \(year)"
    }

    static func date(_ unix: Int64, _ language: Language) -> String {
        let p = parts(unix)
        return date(year: p.year ?? 1970, month: p.month ?? 1, day: p.day ?? 1, language)
    }

    static func dateTime(_ unix: Int64, _ language: Language) -> String {
        let p = parts(unix)
        let hour = p.hour ?? 0
        let minute = p.minute ?? 0
        let time = language == .english ? String(format: "%02d:%02d", hour, minute) : String(format: "%02d.%02d", hour, minute)
        return date(unix, language) + ", " + time + " WIB"
    }

    /// `YYYY-MM-DD` as a date people read.
    static func day(_ text: String, _ language: Language) -> String {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return text }
        return date(year: parts[0], month: parts[1], day: parts[2], language)
    }

    /// Whole days from today to the day of `unix` (both in WIB).
    static func daysUntil(_ unix: Int64, now: Int64 = Int64(Date().timeIntervalSince1970)) -> Int {
        let offset: Int64 = 7 * 3600
        return Int((unix + offset) / 86_400 - (now + offset) / 86_400)
    }
}
