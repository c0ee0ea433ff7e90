import ArgumentParser
import BKProto
import BKRPC
import BKServiceKit
import Foundation
import IdentityVocabulary

struct AnswerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "answer",
        abstract: L("Isi formulir umpan balik di terminal.", en: "Fill in a feedback form at the terminal."),
        discussion: L(
            """
            Tanpa ID kampanye, formulir yang masih harus Anda isi ditampilkan untuk dipilih. Pertanyaan diajukan \
            satu per satu dan jawabannya dibaca dari masukan standar, satu baris per jawaban (boleh dari pipe); \
            baris kosong melewati pertanyaan yang tidak wajib. Penilaian fasilitator: ketik nama fasilitator lalu \
            nilainya, baris kosong bila selesai. Pertanyaan sebelum/sesudah meminta dua nilai. Formulir tindak \
            lanjut atasan menilai seorang pegawai: sebutkan NIP-nya dengan --about. Jawaban dikirim setelah semua \
            pertanyaan terjawab; bila masukan berakhir lebih dulu, tidak ada yang dikirim.
            """,
            en: """
            Without a campaign ID, the forms you still have to fill in are listed to choose from. Questions are \
            asked one at a time and the answers read from standard input, one line per answer (a pipe will do); \
            an empty line skips a question that is not required. Facilitator ratings: type a facilitator's name \
            and then the rating, an empty line when done. Before/after questions ask for two ratings. A \
            supervisor follow-up form rates one staff member: give their NIP with --about. The answers are sent \
            once every question is answered; if the input ends first, nothing is sent.
            """))
    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp(L(
        "ID kampanye (bawaan: pilih dari formulir yang menunggu).",
        en: "Campaign ID (default: choose among the forms waiting for you).")))
    var campaign: String?
    @Option(help: ArgumentHelp(L(
        "Formulir tindak lanjut atasan: NIP pegawai yang dinilai.",
        en: "Supervisor follow-up form: the NIP of the staff member rated.")))
    var about: String?

    func run() async throws {
        do {
            try await fill(Conversation(json: global.output == .json))
        } catch is EndOfInput {
            FileHandle.standardError.write(Data((L(
                "galat: masukan berakhir sebelum formulir selesai diisi; tidak ada yang dikirim",
                en: "error: the input ended before the form was filled in; nothing was sent") + "\n").utf8))
            throw ExitCode.failure
        }
    }

    /// Chooses the form, asks its questions, sends the answers and prints what the service said.
    func fill(_ conversation: Conversation) async throws {
        var subject = about ?? ""
        let chosen: Campaign
        if let campaign {
            chosen = try await global.feedback { try await $0.getCampaign(.init(id: campaign)) }
        } else {
            let pending = try await global.feedback { try await $0.listMyPending(.init()) }
            guard let form = try Self.choose(pending.forms, conversation) else {
                conversation.finish(json: global.output == .json)
                return
            }
            chosen = form.campaign ?? Campaign()
            if about == nil { subject = form.subjectNip }
        }
        if chosen.state == .closed {
            throw ValidationError("kampanye \(chosen.id) sudah ditutup")
        }
        if chosen.purpose == .followUpSupervisor {
            if subject.isEmpty { subject = try await subjectFromPending(chosen, conversation) }
        } else if about != nil {
            throw ValidationError("--about hanya untuk formulir tindak lanjut atasan")
        }
        let target = chosen
        let instrument = try await global.feedback { try await $0.getInstrument(.init(code: target.instrumentCode, version: target.instrumentVersion)) }

        conversation.introduce(target, instrument, subject: subject)
        let submitted = try Self.ask(instrument, conversation)
        let response: Binakarier_Feedback_V1_SubmitResponseResponse
        if target.audience?.kind == .`public` {
            response = try await global.feedback(authenticated: false) {
                try await $0.submitPublicResponse(.init(campaignId: target.id, answers: submitted))
            }
        } else {
            let subjectNip = subject
            response = try await global.feedback {
                try await $0.submitResponse(.init(campaignId: target.id, answers: submitted, subjectNip: subjectNip))
            }
        }
        try global.print(response) { Self.receipt(response, instrument: instrument) }
        conversation.finish(json: global.output == .json)
    }

    /// The forms waiting, numbered, and the one the person picks; nil when none waits.
    static func choose(_ forms: [Binakarier_Feedback_V1_PendingForm], _ conversation: Conversation) throws -> Binakarier_Feedback_V1_PendingForm? {
        guard !forms.isEmpty else {
            conversation.say(L("Tidak ada formulir yang menunggu untuk Anda isi.", en: "No form is waiting for you."))
            return nil
        }
        conversation.say(L("Formulir yang menunggu:", en: "Forms waiting for you:"))
        for (index, form) in forms.enumerated() {
            let campaign = form.campaign ?? Campaign()
            var line = "  \(index + 1). \(campaign.title.isEmpty ? campaign.instrumentCode : campaign.title) (\(campaign.id))"
            if !form.subjectNip.isEmpty { line += L(", tentang \(form.subjectNip)", en: ", about \(form.subjectNip)") }
            if campaign.closeTimeUnix != 0 { line += L(", ditutup \(formatUnix(campaign.closeTimeUnix))", en: ", closes \(formatUnix(campaign.closeTimeUnix))") }
            conversation.say(line)
        }
        let number = try read(conversation, L("Pilih nomor (1-\(forms.count)):", en: "Choose a number (1-\(forms.count)):"), optional: false) {
            Int($0).flatMap { (1...forms.count).contains($0) ? $0 : nil }
        }
        return forms[(number ?? 1) - 1]
    }

    /// The staff member a supervisor follow-up is about, when --about is not given: the one pending for
    /// this campaign, or the one chosen among several.
    func subjectFromPending(_ campaign: Campaign, _ conversation: Conversation) async throws -> String {
        let pending = try await global.feedback { try await $0.listMyPending(.init()) }
        let subjects: [String] = pending.forms.filter { $0.campaign?.id == campaign.id && !$0.subjectNip.isEmpty }.map(\.subjectNip)
        switch subjects.count {
        case 0:
            throw ValidationError("formulir tindak lanjut atasan: sebutkan NIP pegawai yang dinilai dengan --about")
        case 1:
            return subjects[0]
        default:
            conversation.say(L("Pegawai yang perlu Anda nilai:", en: "Staff you are to rate:"))
            for (index, nip) in subjects.enumerated() { conversation.say("  \(index + 1). \(nip)") }
            let number = try Self.read(conversation, L("Pilih nomor (1-\(subjects.count)):", en: "Choose a number (1-\(subjects.count)):"), optional: false) {
                Int($0).flatMap { (1...subjects.count).contains($0) ? $0 : nil }
            }
            return subjects[(number ?? 1) - 1]
        }
    }

    // MARK: asking

    /// Every question in order, section headings between; the answers given (skipped ones left out).
    static func ask(_ instrument: Instrument, _ conversation: Conversation) throws -> [FeedbackAnswer] {
        var answers: [FeedbackAnswer] = []
        var section = ""
        for (index, question) in instrument.questions.enumerated() {
            if question.section != section {
                section = question.section
                if !section.isEmpty {
                    conversation.say("")
                    conversation.say("== \(section) ==")
                }
            }
            conversation.say("")
            let mark = question.required ? L(" (wajib)", en: " (required)") : ""
            conversation.say("\(index + 1)/\(instrument.questions.count). \(question.text)\(mark)")
            answers += try ask(question, conversation)
        }
        return answers
    }

    /// One question: its anchors or options shown, then as many lines read as it takes.
    static func ask(_ question: Question, _ conversation: Conversation) throws -> [FeedbackAnswer] {
        let optional = !question.required
        switch question.kind {
        case .likert4, .likert5, .nps, .number:
            let scale: ClosedRange<Double> = FeedbackVocabulary.scale(of: question) ?? (0...0)
            let anchors: [String] = FeedbackVocabulary.anchors(of: question)
            for (index, anchor) in anchors.enumerated() { conversation.say("   \(index + 1) \(anchor)") }
            if question.kind == .nps {
                conversation.say(L("   0 = sangat tidak mungkin, 10 = sangat mungkin", en: "   0 = not at all likely, 10 = extremely likely"))
            }
            let range = "\(number(scale.lowerBound))-\(number(scale.upperBound))"
            let whole = question.kind != .number
            guard let value = try read(conversation, L("Jawaban (\(range)):", en: "Answer (\(range)):"), optional: optional, invalid: outOf(range), {
                parseNumber($0, in: scale, whole: whole)
            }) else { return [] }
            return [FeedbackAnswer(questionId: question.id, number: value)]

        case .singleChoice, .multipleChoice, .testItem:
            for (index, option) in question.options.enumerated() { conversation.say("   \(index + 1)) \(option)") }
            let count = question.options.count
            let single = question.kind == .singleChoice
            let prompt = single
                ? L("Pilihan (1-\(count)):", en: "Choice (1-\(count)):")
                : L("Pilihan (1-\(count), boleh lebih dari satu, dipisah koma):", en: "Choices (1-\(count), one or more, separated by commas):")
            let invalid = single
                ? L("pilih satu nomor 1 sampai \(count)", en: "choose one number from 1 to \(count)")
                : L("tulis nomor 1 sampai \(count), dipisah koma", en: "write numbers from 1 to \(count), separated by commas")
            guard let choices = try read(conversation, prompt, optional: optional, invalid: invalid, {
                parseChoices($0, count: count, single: single)
            }) else { return [] }
            return [FeedbackAnswer(questionId: question.id, choices: choices)]

        case .shortText, .longText:
            let limit = question.kind == .shortText ? TextRules.shortText : TextRules.longText
            let invalid = L("paling panjang \(limit) bita", en: "at most \(limit) bytes")
            guard let text = try read(conversation, L("Jawaban:", en: "Answer:"), optional: optional, invalid: invalid, {
                $0.utf8.count <= limit ? $0 : nil
            }) else { return [] }
            return [FeedbackAnswer(questionId: question.id, text: text)]

        case .facilitatorRating:
            return try rateFacilitators(question, conversation)

        case .beforeAfter:
            let anchors: [String] = FeedbackVocabulary.anchors(of: question)
            for (index, anchor) in anchors.enumerated() { conversation.say("   \(index + 1) \(anchor)") }
            let parse = { (line: String) -> Int32? in parseNumber(line, in: 1...5, whole: true).map { Int32($0) } }
            guard let before = try read(conversation, L("Sebelum (1-5):", en: "Before (1-5):"), optional: optional, invalid: outOf("1-5"), parse)
            else { return [] }
            guard let after = try read(conversation, L("Sesudah (1-5):", en: "After (1-5):"), optional: false, invalid: outOf("1-5"), parse)
            else { return [] }
            return [FeedbackAnswer(questionId: question.id, before: before, after: after)]

        default:
            conversation.say(L("   (jenis pertanyaan tidak dikenal; dilewati)", en: "   (unknown kind of question; skipped)"))
            return []
        }
    }

    /// A rating 1 to 5 for each facilitator the person names; an empty name ends the list.
    static func rateFacilitators(_ question: Question, _ conversation: Conversation) throws -> [FeedbackAnswer] {
        let anchors: [String] = FeedbackVocabulary.anchors(of: question)
        for (index, anchor) in anchors.enumerated() { conversation.say("   \(index + 1) \(anchor)") }
        var answers: [FeedbackAnswer] = []
        var named: Set<String> = []
        while true {
            guard let line = conversation.ask(L("Nama fasilitator (kosongkan bila selesai):", en: "Facilitator's name (empty when done):")) else {
                throw EndOfInput()
            }
            if line.isEmpty {
                if question.required, answers.isEmpty {
                    conversation.say("   " + L("wajib: nilai paling sedikit satu fasilitator", en: "required: rate at least one facilitator"))
                    continue
                }
                return answers
            }
            guard line.utf8.count <= TextRules.name else {
                conversation.say("   " + L("nama terlalu panjang", en: "name too long"))
                continue
            }
            guard named.insert(Vocabulary.normalized(line)).inserted else {
                conversation.say("   " + L("\(line) sudah dinilai", en: "\(line) is already rated"))
                continue
            }
            let rating = try read(conversation, L("Nilai untuk \(line) (1-5):", en: "Rating for \(line) (1-5):"), optional: true, invalid: outOf("1-5")) {
                parseNumber($0, in: 1...5, whole: true)
            }
            if let rating {
                answers.append(FeedbackAnswer(questionId: question.id, number: rating, facilitator: line))
            } else {
                named.remove(Vocabulary.normalized(line))
            }
        }
    }

    // MARK: reading and parsing

    /// The end of standard input before the form was filled in.
    struct EndOfInput: Error {}

    /// Asks until a line parses; nil for an empty line when the question may be skipped.
    static func read<Value>(
        _ conversation: Conversation, _ prompt: String, optional: Bool, invalid: String = "", _ parse: (String) -> Value?
    ) throws -> Value? {
        while true {
            guard let line = conversation.ask(prompt) else { throw EndOfInput() }
            if line.isEmpty {
                if optional { return nil }
                conversation.say("   " + L("wajib dijawab", en: "an answer is required"))
                continue
            }
            if let value = parse(line) { return value }
            conversation.say("   " + (invalid.isEmpty ? L("jawaban tidak dikenali", en: "answer not understood") : invalid))
        }
    }

    static func outOf(_ range: String) -> String {
        L("jawab dengan angka \(range)", en: "answer with a number \(range)")
    }

    /// "3", "7,5" or "7.5" within `scale`; only whole numbers when `whole`.
    static func parseNumber(_ text: String, in scale: ClosedRange<Double>, whole: Bool) -> Double? {
        guard let value = Double(text.replacingOccurrences(of: ",", with: ".")), value.isFinite, scale.contains(value) else { return nil }
        if whole, value != value.rounded() { return nil }
        return value
    }

    /// "2" or "1,3" (commas or spaces) as 0-based indices, each within the `count` options, each once.
    static func parseChoices(_ text: String, count: Int, single: Bool) -> [Int32]? {
        let parts = text.split(whereSeparator: { $0 == "," || $0 == " " || $0 == ";" })
        var picked: [Int32] = []
        for part in parts {
            guard let number = Int(part), (1...max(count, 1)).contains(number), count > 0 else { return nil }
            if !picked.contains(Int32(number - 1)) { picked.append(Int32(number - 1)) }
        }
        guard !picked.isEmpty, !single || picked.count == 1 else { return nil }
        return picked.sorted()
    }

    /// "4", "2,5".
    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : ProgramsVocabulary.decimal(value)
    }

    /// What the service said: the score of a test, the receipt of an anonymous answer.
    static func receipt(_ response: Binakarier_Feedback_V1_SubmitResponseResponse, instrument: Instrument) -> String {
        var lines: [String] = ["Jawaban terkirim."]
        if FeedbackVocabulary.isTest(instrument.purpose) || instrument.questions.contains(where: { $0.kind == .testItem }) {
            var score = "Nilai: \(ProgramsVocabulary.decimal(response.score))"
            if instrument.purpose == .postTest || instrument.passMark > 0 {
                score += response.passed ? " (lulus)" : " (belum lulus, batas \(ProgramsVocabulary.decimal(instrument.passMark)))"
            }
            lines.append(score)
        }
        if !response.receipt.isEmpty {
            lines.append("Tanda terima: \(response.receipt)")
            lines.append("(bukti bahwa jawaban Anda dihitung; tanda terima ini tidak terhubung dengan nama Anda)")
        }
        return lines.joined(separator: "\n")
    }
}

/// The questions and answers of `bkctl answer`: written straight to standard output (standard error
/// with --output json, keeping standard output for the result), answers read a line at a time from
/// standard input, a terminal or a pipe. What comes from the service is shown escaped.
struct Conversation {
    let handle: FileHandle
    /// Answers from a pipe are echoed after their prompt, so that the transcript reads as at a terminal.
    let echo: Bool

    init(json: Bool) {
        handle = json ? FileHandle.standardError : FileHandle.standardOutput
        echo = isatty(STDIN_FILENO) == 0
    }

    func say(_ text: String) {
        handle.write(Data((TextRules.printable(text) + "\n").utf8))
    }

    /// Shows `prompt` and reads one line, trimmed; nil at the end of the input.
    func ask(_ prompt: String) -> String? {
        handle.write(Data((TextRules.printable(prompt) + " ").utf8))
        guard let line = readLine(strippingNewline: true) else {
            handle.write(Data("\n".utf8))
            return nil
        }
        let answer = line.trimmingCharacters(in: .whitespacesAndNewlines)
        if echo { handle.write(Data((TextRules.printable(answer) + "\n").utf8)) }
        return answer
    }

    /// What the form is, whom it is about, and how answering works.
    func introduce(_ campaign: Campaign, _ instrument: Instrument, subject: String) {
        say("\(instrument.title) (\(instrument.code) versi \(instrument.version))")
        if !campaign.title.isEmpty, campaign.title != instrument.title { say(campaign.title) }
        if !instrument.description.isEmpty { say(instrument.description) }
        if !subject.isEmpty { say(L("Pegawai yang dinilai: \(subject)", en: "Staff member rated: \(subject)")) }
        if campaign.anonymous {
            say(L(
                "Anonim: jawaban Anda disimpan terpisah dari nama Anda dan tidak dapat dihubungkan kembali.",
                en: "Anonymous: your answers are kept apart from your name and cannot be linked back."))
        }
        say(L(
            "Ketik jawaban lalu Enter; baris kosong melewati pertanyaan yang tidak wajib.",
            en: "Type an answer and press Enter; an empty line skips a question that is not required."))
    }

    /// The last line: "selesai", after the result (on standard error with --output json).
    func finish(json: Bool) {
        if json {
            say("selesai")
        } else {
            Swift.print("selesai")
        }
    }
}
