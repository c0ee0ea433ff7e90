import BKCharts
import ArgumentParser
import BKProto
import BKServiceKit
import Foundation
import IdentityVocabulary

typealias Instrument = Binakarier_Feedback_V1_Instrument
typealias InstrumentState = Binakarier_Feedback_V1_InstrumentState
typealias Question = Binakarier_Feedback_V1_Question
typealias QuestionKind = Binakarier_Feedback_V1_QuestionKind
typealias Purpose = Binakarier_Feedback_V1_Purpose
typealias Campaign = Binakarier_Feedback_V1_Campaign
typealias CampaignState = Binakarier_Feedback_V1_CampaignState
typealias Audience = Binakarier_Feedback_V1_Audience
typealias AudienceKind = Binakarier_Feedback_V1_AudienceKind
typealias FeedbackAnswer = Binakarier_Feedback_V1_Answer
typealias FeedbackResults = Binakarier_Feedback_V1_Results
typealias GainBand = Binakarier_Feedback_V1_GainBand
typealias Dialogue = Binakarier_Feedback_V1_Dialogue
typealias DialogueState = Binakarier_Feedback_V1_DialogueState
typealias Aspiration = Binakarier_Feedback_V1_Aspiration
typealias DialogueDirection = Binakarier_Feedback_V1_Direction
typealias ActionItem = Binakarier_Feedback_V1_ActionItem
typealias ActionState = Binakarier_Feedback_V1_ActionState
typealias ActionSource = Binakarier_Feedback_V1_ActionSource

/// How a person may type the feedback service's values, and how we show them: forgiving parsing
/// (through `Vocabulary.normalized`, the English word taken too), Indonesian display. Only parsing: the
/// rules themselves (who may answer, what fits a question, anonymity) are the service's.
enum FeedbackVocabulary {
    // MARK: purpose

    static let purposes = "reaksi, pre-test, post-test, tindak-lanjut-peserta, tindak-lanjut-atasan, ikm atau survei"

    static func purpose(_ text: String) -> Purpose? {
        switch Vocabulary.normalized(text) {
        case "reaksi", "l1", "reaction": .reaction
        case "pretest", "pre", "tesawal": .preTest
        case "posttest", "post", "tesakhir": .postTest
        case "tindaklanjutpeserta", "tindaklanjut", "l3", "l3peserta", "followupself", "followup": .followUpSelf
        case "tindaklanjutatasan", "l3atasan", "followupsupervisor": .followUpSupervisor
        case "ikm", "skm", "surveikepuasanmasyarakat": .ikm
        case "survei", "survey": .survey
        default: nil
        }
    }

    static func requirePurpose(_ text: String) throws -> Purpose {
        try ProgramsVocabulary.require(text, "tujuan formulir", purposes, purpose)
    }

    static func display(_ purpose: Purpose) -> String {
        switch purpose {
        case .unspecified: ""
        case .reaction: "reaksi (L1)"
        case .preTest: "pre-test (L2)"
        case .postTest: "post-test (L2)"
        case .followUpSelf: "tindak lanjut peserta (L3)"
        case .followUpSupervisor: "tindak lanjut atasan (L3)"
        case .ikm: "IKM"
        case .survey: "survei"
        }
    }

    /// A test (pre- or post-): the service scores it and says whether it passes.
    static func isTest(_ purpose: Purpose) -> Bool {
        purpose == .preTest || purpose == .postTest
    }

    // MARK: questions

    static let questionKinds = """
        likert-4, likert-5, nps, pilihan-tunggal, pilihan-ganda, angka, teks-singkat, teks-panjang, fasilitator, \
        sebelum-sesudah atau soal-tes
        """

    static func questionKind(_ text: String) -> QuestionKind? {
        switch Vocabulary.normalized(text) {
        case "likert4", "skala4": .likert4
        case "likert5", "skala5", "likert": .likert5
        case "nps", "netpromoterscore": .nps
        case "pilihantunggal", "pilihan", "singlechoice", "single": .singleChoice
        case "pilihanganda", "multiplechoice", "multiple": .multipleChoice
        case "angka", "bilangan", "number": .number
        case "tekssingkat", "isiansingkat", "shorttext": .shortText
        case "tekspanjang", "uraian", "longtext": .longText
        case "fasilitator", "penilaianfasilitator", "narasumber", "facilitatorrating", "facilitator": .facilitatorRating
        case "sebelumsesudah", "beforeafter": .beforeAfter
        case "soaltes", "soal", "testitem", "test": .testItem
        default: nil
        }
    }

    static func display(_ kind: QuestionKind) -> String {
        switch kind {
        case .unspecified: ""
        case .likert4: "Likert 1-4"
        case .likert5: "Likert 1-5"
        case .nps: "NPS 0-10"
        case .singleChoice: "pilihan tunggal"
        case .multipleChoice: "pilihan ganda"
        case .number: "angka"
        case .shortText: "teks singkat"
        case .longText: "teks panjang"
        case .facilitatorRating: "penilaian fasilitator"
        case .beforeAfter: "sebelum/sesudah"
        case .testItem: "soal tes"
        }
    }

    /// The Indonesian anchors used when a scale question carries none of its own, lowest first (the same
    /// as the service's built-in forms).
    static let agreement4: [String] = ["Sangat tidak setuju", "Tidak setuju", "Setuju", "Sangat setuju"]
    static let agreement5: [String] = ["Sangat tidak setuju", "Tidak setuju", "Netral", "Setuju", "Sangat setuju"]
    static let level5: [String] = ["Sangat rendah", "Rendah", "Sedang", "Tinggi", "Sangat tinggi"]
    static let rating5: [String] = ["Sangat kurang", "Kurang", "Cukup", "Baik", "Sangat baik"]

    /// The allowed numbers of a question answered with numbers, or nil for the other kinds.
    static func scale(of question: Question) -> ClosedRange<Double>? {
        switch question.kind {
        case .likert4: 1...4
        case .likert5, .facilitatorRating, .beforeAfter: 1...5
        case .nps: 0...10
        case .number: question.minimum...max(question.minimum, question.maximum)
        default: nil
        }
    }

    /// The labels of a scale's points, lowest first: the question's own options when they fit the
    /// scale, otherwise the usual ones. Empty for the kinds without anchors.
    static func anchors(of question: Question) -> [String] {
        let fallback: [String]
        switch question.kind {
        case .likert4: fallback = agreement4
        case .likert5: fallback = agreement5
        case .beforeAfter: fallback = level5
        case .facilitatorRating: fallback = rating5
        default: return []
        }
        return question.options.count == fallback.count ? question.options : fallback
    }

    /// The nine elements of the IKM survey (PermenPANRB 14/2017), in the regulation's order.
    static let ikmElements: [String] = [
        "Persyaratan", "Sistem, mekanisme, dan prosedur", "Waktu penyelesaian", "Biaya/tarif",
        "Produk spesifikasi jenis pelayanan", "Kompetensi pelaksana", "Perilaku pelaksana",
        "Penanganan pengaduan, saran dan masukan", "Sarana dan prasarana",
    ]

    static func ikmElement(_ number: Int) -> String {
        (1...ikmElements.count).contains(number) ? "\(number). \(ikmElements[number - 1])" : "unsur \(number)"
    }

    // MARK: instruments

    static func display(_ state: InstrumentState) -> String {
        switch state {
        case .unspecified: ""
        case .draft: "draf"
        case .published: "terbit"
        }
    }

    // MARK: campaigns

    static let campaignStates = "dibuka atau ditutup"

    static func campaignState(_ text: String) -> CampaignState? {
        switch Vocabulary.normalized(text) {
        case "dibuka", "buka", "terbuka", "open": .`open`
        case "ditutup", "tutup", "closed", "close": .closed
        default: nil
        }
    }

    static func display(_ state: CampaignState) -> String {
        switch state {
        case .unspecified: ""
        case .`open`: "dibuka"
        case .closed: "ditutup"
        }
    }

    /// Who is asked, in a few words.
    static func describe(_ audience: Audience?) -> String {
        guard let audience else { return "" }
        switch audience.kind {
        case .unspecified: return ""
        case .sessionAttendees: return "peserta sesi \(audience.sessionId)"
        case .attendeesSupervisors: return "atasan peserta sesi \(audience.sessionId)"
        case .dialogueParticipants: return "peserta dialog \(audience.dialogueId)"
        case .`public`:
            let unit = audience.unitCode.isEmpty ? audience.agencyCode : "\(audience.agencyCode)/\(audience.unitCode)"
            return "publik (unit layanan \(unit))"
        case .people: return audience.nips.isEmpty ? "orang yang ditunjuk" : "\(audience.nips.count) orang"
        }
    }

    /// "12/30": how many answered of how many may.
    static func responses(_ campaign: Campaign) -> String {
        campaign.audience?.kind == .`public` ? String(campaign.responses) : "\(campaign.responses)/\(campaign.audienceSize)"
    }

    // MARK: results

    static func display(_ band: GainBand) -> String {
        switch band {
        case .unspecified: ""
        case .low: "rendah"
        case .medium: "sedang"
        case .high: "tinggi"
        }
    }

    // MARK: dialogues

    static func display(_ state: DialogueState) -> String {
        switch state {
        case .unspecified: ""
        case .scheduled: "dijadwalkan"
        case .closed: "ditutup"
        }
    }

    // MARK: action items

    static let actionStates = "terbuka, dikerjakan, selesai atau dibatalkan"

    static func actionState(_ text: String) -> ActionState? {
        switch Vocabulary.normalized(text) {
        case "terbuka", "baru", "open": .`open`
        case "dikerjakan", "proses", "diproses", "berjalan", "inprogress", "progress": .inProgress
        case "selesai", "tuntas", "done": .done
        case "dibatalkan", "batal", "dropped", "drop", "cancelled", "canceled": .dropped
        default: nil
        }
    }

    static func requireActionState(_ text: String) throws -> ActionState {
        try ProgramsVocabulary.require(text, "status tindak lanjut", actionStates, actionState)
    }

    static func display(_ state: ActionState) -> String {
        switch state {
        case .unspecified: ""
        case .`open`: "terbuka"
        case .inProgress: "dikerjakan"
        case .done: "selesai"
        case .dropped: "dibatalkan"
        }
    }

    /// The state with what goes with it: the reason of a drop, the evidence of closure.
    static func status(of action: ActionItem) -> String {
        switch action.state {
        case .dropped where !action.reason.isEmpty: "dibatalkan: \(action.reason)"
        case .done where !action.evidence.isEmpty: "selesai (bukti: \(action.evidence))"
        default: display(action.state)
        }
    }

    static func display(_ source: ActionSource) -> String {
        switch source {
        case .unspecified: ""
        case .aspiration: "aspirasi"
        case .direction: "arahan"
        case .evaluation: "hasil evaluasi"
        case .manual: "manual"
        case .ikm: "rencana tindak lanjut IKM"
        }
    }

    /// The due date, marked when it has passed with the item still open.
    static func due(_ action: ActionItem) -> String {
        action.overdue ? "\(action.dueDate) (lewat tenggat)" : action.dueDate
    }

    // MARK: numbers and dates

    /// Two decimals, with the Indonesian decimal comma: "82,45".
    static func decimal2(_ value: Double) -> String {
        IndonesianNumber.format(value, decimals: 2)
    }

    /// One decimal with its sign: "+0,8", "-1,2".
    static func signed(_ value: Double) -> String {
        (value > 0 ? "+" : "") + ProgramsVocabulary.decimal(value)
    }

    /// A share already in percent (0 to 100): "84,0%".
    static func percent(_ value: Double) -> String {
        ProgramsVocabulary.decimal(value) + "%"
    }

    /// 00:00 WIB (UTC+7) of a day, in unix seconds.
    static func startOfDay(_ date: CalendarDate) -> Int64 {
        Int64(date.daysSinceEpoch) * 86_400 - 7 * 3_600
    }

    /// A typed date as a `CalendarDate`, or a ValidationError naming the option.
    static func requireCalendarDate(_ text: String, _ option: String) throws -> CalendarDate {
        guard let date = CalendarDate(parsing: text.trimmingCharacters(in: .whitespaces)) else {
            throw ValidationError("\(option) '\(text)' bukan tanggal; tulis YYYY-MM-DD atau DD/MM/YYYY")
        }
        return date
    }

    /// An action item's owner and due date, given both or neither (`dialog respond`, `dialog direct`).
    static func actionFollowUp(owner: String?, due: String?) throws -> (owner: String, due: String) {
        switch (owner, due) {
        case (nil, nil): return ("", "")
        case let (owner?, due?):
            let date = try ProgramsVocabulary.requireDate(due, "--due")
            return (owner, date)
        default: throw ValidationError("--action-owner dan --due disebutkan bersama-sama")
        }
    }
}

// MARK: list responses of the feedback service

extension Binakarier_Feedback_V1_ListInstrumentsResponse: PagedResponse {
    var items: [Instrument] {
        get { instruments }
        set { instruments = newValue }
    }
}

extension Binakarier_Feedback_V1_ListCampaignsResponse: PagedResponse {
    var items: [Campaign] {
        get { campaigns }
        set { campaigns = newValue }
    }
}

extension Binakarier_Feedback_V1_ListDialoguesResponse: PagedResponse {
    var items: [Dialogue] {
        get { dialogues }
        set { dialogues = newValue }
    }
}

extension Binakarier_Feedback_V1_ListActionsResponse: PagedResponse {
    var items: [ActionItem] {
        get { actions }
        set { actions = newValue }
    }
}
