import BKCharts
import ArgumentParser
import BKProto
import BKServiceKit
import Foundation
import IdentityVocabulary

typealias Program = Binakarier_Programs_V1_Program
typealias ProgramKind = Binakarier_Programs_V1_ProgramKind
typealias CompetencyTarget = Binakarier_Programs_V1_CompetencyTarget
typealias CompetencyType = Binakarier_Programs_V1_CompetencyType
typealias TargetAudience = Binakarier_Programs_V1_TargetAudience
typealias CompletionRule = Binakarier_Programs_V1_CompletionRule
typealias EvaluationLevel = Binakarier_Programs_V1_EvaluationLevel
typealias ProgramSession = Binakarier_Programs_V1_Session
typealias SessionState = Binakarier_Programs_V1_SessionState
typealias SessionDay = Binakarier_Programs_V1_SessionDay
typealias Facilitator = Binakarier_Programs_V1_Facilitator
typealias Enrolment = Binakarier_Programs_V1_Enrolment
typealias EnrolmentState = Binakarier_Programs_V1_EnrolmentState
typealias EnrolmentSource = Binakarier_Programs_V1_EnrolmentSource
typealias CompletionState = Binakarier_Programs_V1_CompletionState
typealias AttendanceStatus = Binakarier_Programs_V1_AttendanceStatus
typealias LedgerEntry = Binakarier_Programs_V1_LedgerEntry
typealias LedgerSource = Binakarier_Programs_V1_LedgerSource
typealias LearningState = Binakarier_Programs_V1_LearningState
typealias NeedPriority = Binakarier_Programs_V1_NeedPriority
typealias ImportLineError = Binakarier_Programs_V1_AttendanceImportError

/// How a person may type the programs service's values, and how we show them. Parsing is forgiving
/// about case, spaces and punctuation (through `Vocabulary.normalized`) and takes the English word too;
/// display uses the Indonesian spelling. Only parsing: the rules themselves are the service's.
enum ProgramsVocabulary {
    /// `parse(text)`, or a ValidationError naming `what` was not understood and the values that are.
    static func require<Value>(_ text: String, _ what: String, _ known: String, _ parse: (String) -> Value?) throws -> Value {
        guard let value = parse(text) else { throw ValidationError("\(what) '\(text)' tidak dikenal (\(known))") }
        return value
    }

    // MARK: program kind

    static let kinds = "pelatihan, seminar, lokakarya, bimtek, e-learning, coaching, mentoring atau magang"

    static func kind(_ text: String) -> ProgramKind? {
        switch Vocabulary.normalized(text) {
        case "pelatihan", "diklat", "training": .pelatihan
        case "seminar", "webinar": .seminar
        case "lokakarya", "workshop": .lokakarya
        case "bimtek", "bimbinganteknis", "technicalguidance": .bimtek
        case "elearning", "pembelajarandaring", "daring", "kursusdaring", "mooc": .eLearning
        case "coaching", "pembimbingan": .coaching
        case "mentoring", "pementoran": .mentoring
        case "magang", "internship", "pemagangan": .magang
        default: nil
        }
    }

    static func requireKind(_ text: String) throws -> ProgramKind {
        try require(text, "jenis program", kinds, kind)
    }

    static func display(_ kind: ProgramKind) -> String {
        switch kind {
        case .unspecified: ""
        case .pelatihan: "pelatihan"
        case .seminar: "seminar"
        case .lokakarya: "lokakarya"
        case .bimtek: "bimtek"
        case .eLearning: "e-learning"
        case .coaching: "coaching"
        case .mentoring: "mentoring"
        case .magang: "magang"
        }
    }

    // MARK: competencies

    static let competencyTypes = "teknis, manajerial atau sosial-kultural"

    static func competencyType(_ text: String) -> CompetencyType? {
        switch Vocabulary.normalized(text) {
        case "teknis", "technical": .teknis
        case "manajerial", "managerial": .manajerial
        case "sosialkultural", "sociocultural", "socialcultural": .sosialKultural
        default: nil
        }
    }

    static func display(_ type: CompetencyType) -> String {
        switch type {
        case .unspecified: ""
        case .teknis: "teknis"
        case .manajerial: "manajerial"
        case .sosialKultural: "sosial-kultural"
        }
    }

    /// "MNJ-INTEGRITAS:3": a competency a program develops and the level it aims at. The code is sent
    /// as typed; whether it exists, and whether the level is in range, is the service's to say.
    static func competencyTarget(_ text: String) throws -> CompetencyTarget {
        let invalid = ValidationError("kompetensi '\(text)' harus ditulis KODE:LEVEL, misalnya MNJ-INTEGRITAS:3")
        guard let colon = text.lastIndex(of: ":") else { throw invalid }
        let code = text[..<colon].trimmingCharacters(in: .whitespaces)
        guard !code.isEmpty, let level = Int32(text[text.index(after: colon)...].trimmingCharacters(in: .whitespaces)) else {
            throw invalid
        }
        return CompetencyTarget(competencyCode: code, level: level)
    }

    static func display(_ target: CompetencyTarget) -> String {
        "\(target.competencyCode) (level \(target.level))"
    }

    // MARK: evaluation levels

    static let evaluationLevelNames = "L1, L2, L3 atau L4 (reaksi, pembelajaran, perilaku, hasil)"

    static func evaluationLevel(_ text: String) -> EvaluationLevel? {
        switch Vocabulary.normalized(text) {
        case "l1", "1", "reaksi", "reaction": .reaction
        case "l2", "2", "pembelajaran", "learning": .learning
        case "l3", "3", "perilaku", "behaviour", "behavior": .behaviour
        case "l4", "4", "hasil", "results", "result": .results
        default: nil
        }
    }

    /// "L1,L2" (each option value may list several, separated by commas).
    static func evaluationLevels(_ values: [String]) throws -> [EvaluationLevel] {
        var levels: [EvaluationLevel] = []
        for value in values {
            for part in value.split(separator: ",") {
                let name = part.trimmingCharacters(in: .whitespaces)
                if !name.isEmpty { levels.append(try require(name, "tingkat evaluasi", evaluationLevelNames, evaluationLevel)) }
            }
        }
        return levels
    }

    static func display(_ level: EvaluationLevel) -> String {
        switch level {
        case .unspecified: ""
        case .reaction: "L1 reaksi"
        case .learning: "L2 pembelajaran"
        case .behaviour: "L3 perilaku"
        case .results: "L4 hasil"
        }
    }

    // MARK: audience and completion

    /// Who a program is for, in one line.
    static func describe(_ audience: TargetAudience?) -> String {
        guard let audience else { return "semua ASN" }
        var parts: [String] = []
        if !audience.agencyCodes.isEmpty { parts.append("OPD " + audience.agencyCodes.joined(separator: ", ")) }
        if !audience.jobLevels.isEmpty { parts.append(audience.jobLevels.map { Vocabulary.display($0) }.joined(separator: ", ")) }
        let minimum = Vocabulary.display(audience.golonganMin)
        let maximum = Vocabulary.display(audience.golonganMax)
        switch (minimum.isEmpty, maximum.isEmpty) {
        case (false, false): parts.append("golongan \(minimum) s.d. \(maximum)")
        case (false, true): parts.append("golongan paling rendah \(minimum)")
        case (true, false): parts.append("golongan paling tinggi \(maximum)")
        case (true, true): break
        }
        switch audience.asnType {
        case .pns: parts.append("hanya PNS")
        case .pppk: parts.append("hanya PPPK")
        case .unspecified: break
        }
        return parts.isEmpty ? "semua ASN" : parts.joined(separator: "; ")
    }

    /// What completing a session of the program takes, in one line.
    static func describe(_ completion: CompletionRule?) -> String {
        let rule = completion ?? CompletionRule()
        let attendance = rule.minimumAttendancePercent == 0 ? 80 : rule.minimumAttendancePercent
        var text = "kehadiran paling sedikit \(attendance)% JP"
        if rule.requiresPostTest { text += "; nilai post-test paling sedikit \(decimal(rule.passMark))" }
        return text
    }

    // MARK: sessions

    static let sessionStates = "draf, dibuka, berjalan, selesai atau dibatalkan"

    static func sessionState(_ text: String) -> SessionState? {
        switch Vocabulary.normalized(text) {
        case "draf", "draft": .draft
        case "dibuka", "buka", "open": .`open`
        case "berjalan", "running": .running
        case "selesai", "completed", "complete": .completed
        case "dibatalkan", "batal", "cancelled", "canceled": .cancelled
        default: nil
        }
    }

    static func display(_ state: SessionState) -> String {
        switch state {
        case .unspecified: ""
        case .draft: "draf"
        case .`open`: "dibuka"
        case .running: "berjalan"
        case .completed: "selesai"
        case .cancelled: "dibatalkan"
        }
    }

    /// "2026-03-10,08:00-16:00,8" or "2026-03-10,8": one day of a session with its JP.
    static func sessionDay(_ text: String) throws -> SessionDay {
        let invalid = ValidationError(
            "hari '\(text)' tidak dimengerti; tulis TANGGAL[,MULAI-SELESAI],JP, misalnya 2026-03-10,08:00-16:00,8")
        let parts = text.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2 || parts.count == 3, let dayDate = Self.date(parts[0]), let jp = Int32(parts[parts.count - 1]) else {
            throw invalid
        }
        var day = SessionDay(date: dayDate, jp: jp)
        if parts.count == 3 {
            let times = parts[1].split(separator: "-", omittingEmptySubsequences: false)
            guard times.count == 2, let start = time(String(times[0])), let end = time(String(times[1])) else { throw invalid }
            day.startTime = start
            day.endTime = end
        }
        return day
    }

    /// The first and last day: "2026-03-10 s.d. 2026-03-12", one date for one day, "-" for none.
    static func span(_ dates: [String]) -> String {
        let sorted = dates.filter { !$0.isEmpty }.sorted()
        guard let first = sorted.first, let last = sorted.last else { return "-" }
        return first == last ? first : "\(first) s.d. \(last)"
    }

    static func totalJP(_ days: [SessionDay]) -> Int32 {
        days.reduce(0) { $0 + $1.jp }
    }

    /// "NIP" or "Name", either followed by ":role" (e.g. "Dr. Rina Wulandari:narasumber"); an 18-digit
    /// value is taken as a NIP.
    static func facilitator(_ text: String) throws -> Facilitator {
        var who = text.trimmingCharacters(in: .whitespaces)
        var role = ""
        if let colon = who.lastIndex(of: ":") {
            role = who[who.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            who = who[..<colon].trimmingCharacters(in: .whitespaces)
        }
        guard !who.isEmpty else { throw ValidationError("fasilitator '\(text)' tanpa NIP atau nama") }
        return isNIP(who) ? Facilitator(nip: who, role: role) : Facilitator(name: who, role: role)
    }

    static func display(_ facilitator: Facilitator) -> String {
        let who = facilitator.name.isEmpty ? facilitator.nip
            : facilitator.nip.isEmpty ? facilitator.name : "\(facilitator.name) (\(facilitator.nip))"
        return facilitator.role.isEmpty ? who : "\(who), \(facilitator.role)"
    }

    static func isNIP(_ text: String) -> Bool {
        text.count == 18 && text.allSatisfy { $0.isASCII && $0.isNumber }
    }

    // MARK: enrolment

    static let enrolmentStates = "diminta, terdaftar, daftar-tunggu, dibatalkan atau ditolak"

    static func enrolmentState(_ text: String) -> EnrolmentState? {
        switch Vocabulary.normalized(text) {
        case "diminta", "permintaan", "requested": .requested
        case "terdaftar", "enrolled": .enrolled
        case "daftartunggu", "tunggu", "waitlisted", "waitlist": .waitlisted
        case "dibatalkan", "batal", "cancelled", "canceled": .cancelled
        case "ditolak", "tolak", "rejected": .rejected
        default: nil
        }
    }

    static func display(_ state: EnrolmentState) -> String {
        switch state {
        case .unspecified: ""
        case .requested: "diminta"
        case .enrolled: "terdaftar"
        case .waitlisted: "daftar tunggu"
        case .cancelled: "dibatalkan"
        case .rejected: "ditolak"
        }
    }

    /// The state with what goes with it: the place on the waitlist, the reason of a cancellation.
    static func status(of enrolment: Enrolment) -> String {
        switch enrolment.state {
        case .requested:
            enrolment.approvalStage == .supervisor
                ? "diminta, menunggu persetujuan \(enrolment.approverNip.isEmpty ? "kepala perangkat daerah" : "atasan \(enrolment.approverNip)")"
                    + (enrolment.stepDueTimeUnix > 0 ? " (batas \(formatUnix(enrolment.stepDueTimeUnix)))" : "")
                : "diminta, menunggu konfirmasi BKPSDM" + (enrolment.stepDueTimeUnix > 0 ? " (batas \(formatUnix(enrolment.stepDueTimeUnix)))" : "")
        case .waitlisted: enrolment.waitlistPosition > 0 ? "daftar tunggu no. \(enrolment.waitlistPosition)" : "daftar tunggu"
        case .cancelled: enrolment.cancelReason.isEmpty ? "dibatalkan" : "dibatalkan: \(enrolment.cancelReason)"
        case .rejected: enrolment.cancelReason.isEmpty ? "ditolak" : "ditolak: \(enrolment.cancelReason)"
        case .enrolled: enrolment.dutyLetterNumber.isEmpty ? "terdaftar" : "terdaftar, surat tugas \(enrolment.dutyLetterNumber)"
        default: display(enrolment.state)
        }
    }

    static func display(_ model: Binakarier_Programs_V1_LearningModel) -> String {
        switch model {
        case .structured10: "10 (terstruktur)"
        case .social20: "20 (belajar dari orang lain)"
        case .experiential70: "70 (belajar sambil bekerja)"
        default: ""
        }
    }

    static func display(_ source: EnrolmentSource) -> String {
        switch source {
        case .unspecified: ""
        case .assigned: "penugasan"
        case .nominated: "usulan atasan"
        case .requested: "permintaan sendiri"
        }
    }

    static func display(_ completion: CompletionState) -> String {
        switch completion {
        case .unspecified: ""
        case .pending: "menunggu"
        case .completed: "lulus"
        case .notCompleted: "tidak lulus"
        }
    }

    /// A pre- or post-test score: -1 (or anything negative) until one is recorded.
    static func score(_ value: Double) -> String {
        value < 0 ? "-" : decimal(value)
    }

    // MARK: attendance

    static let attendanceStatuses = "hadir, terlambat, izin, sakit atau alpa"

    static func attendanceStatus(_ text: String) -> AttendanceStatus? {
        switch Vocabulary.normalized(text) {
        case "hadir", "h", "present": .hadir
        case "terlambat", "t", "late": .terlambat
        case "izin", "ijin", "i", "excused", "leave": .izin
        case "sakit", "s", "sick": .sakit
        case "alpa", "alpha", "alfa", "a", "absent": .alpa
        default: nil
        }
    }

    static func display(_ status: AttendanceStatus) -> String {
        switch status {
        case .unspecified: ""
        case .hadir: "hadir"
        case .terlambat: "terlambat"
        case .izin: "izin"
        case .sakit: "sakit"
        case .alpa: "alpa"
        }
    }

    /// One letter for the attendance grid: H, T, I, S, A; "-" when nothing is recorded.
    static func letter(_ status: AttendanceStatus?) -> String {
        guard let status, status != .unspecified else { return "-" }
        return String(display(status).prefix(1)).uppercased()
    }

    // MARK: ledger

    static func display(_ state: LearningState) -> String {
        switch state {
        case .unspecified: ""
        case .pending: "menunggu verifikasi"
        case .verified: "terverifikasi"
        case .rejected: "ditolak"
        }
    }

    static func display(_ source: LedgerSource) -> String {
        switch source {
        case .unspecified: ""
        case .session: "sesi"
        case .outside: "luar sistem"
        }
    }

    // MARK: needs

    static let priorities = "tinggi, sedang atau rendah"

    static func priority(_ text: String) -> NeedPriority? {
        switch Vocabulary.normalized(text) {
        case "tinggi", "high", "1": .high
        case "sedang", "medium", "2": .medium
        case "rendah", "low", "3": .low
        default: nil
        }
    }

    static func display(_ priority: NeedPriority) -> String {
        switch priority {
        case .unspecified: ""
        case .high: "tinggi"
        case .medium: "sedang"
        case .low: "rendah"
        }
    }

    // MARK: dates, times, numbers

    /// "2026-03-10", "10/03/2026" or "10-03-2026" as YYYY-MM-DD (read as the service reads dates); nil
    /// for anything else.
    static func date(_ text: String) -> String? {
        CalendarDate(parsing: text.trimmingCharacters(in: .whitespaces))?.description
    }

    /// `date(text)`, or a ValidationError naming the option.
    static func requireDate(_ text: String, _ option: String) throws -> String {
        guard let parsed = Self.date(text) else {
            throw ValidationError("\(option) '\(text)' bukan tanggal; tulis YYYY-MM-DD atau DD/MM/YYYY")
        }
        return parsed
    }

    /// "08:00", "8.00" (as Indonesians often write it) as HH:MM; nil for anything else.
    static func time(_ text: String) -> String? {
        let parts = text.trimmingCharacters(in: .whitespaces).split(whereSeparator: { $0 == ":" || $0 == "." })
        guard parts.count == 2, parts[0].count <= 2, parts[1].count == 2,
            let hour = number(parts[0]), let minute = number(parts[1]), (0...23).contains(hour), (0...59).contains(minute)
        else { return nil }
        return "\(twoDigits(hour)):\(twoDigits(minute))"
    }

    /// "2026-03-10" as "10/03" (the attendance grid's column heads).
    static func dayAndMonth(_ date: String) -> String {
        let parts = date.split(separator: "-")
        return parts.count == 3 ? "\(parts[2])/\(parts[1])" : date
    }

    /// An amount in whole rupiah as typed: "15000000", "15.000.000", "Rp 15.000.000" (no decimal comma).
    static func rupiahAmount(_ text: String) throws -> Int64 {
        var digits = Vocabulary.normalized(text)
        if digits.hasPrefix("rp") { digits.removeFirst(2) }
        guard !text.contains(","), !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let amount = Int64(digits) else {
            throw ValidationError("biaya '\(text)' bukan jumlah rupiah; tulis misalnya 15000000 atau 15.000.000")
        }
        return amount
    }

    /// "Rp 15.000.000".
    static func rupiah(_ amount: Int64) -> String {
        ReportingVocabulary.rupiah(Double(amount))
    }

    /// One decimal, with the Indonesian decimal comma: "87,5".
    static func decimal(_ value: Double) -> String {
        IndonesianNumber.format(value, decimals: 1)
    }

    private static func number(_ text: Substring) -> Int? {
        guard !text.isEmpty, text.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(text)
    }

    private static func twoDigits(_ value: Int) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}

// MARK: what the programs commands share

/// A List response: its items and the token of the next page.
protocol PagedResponse: ProtoMessage {
    associatedtype Item
    var items: [Item] { get set }
    var nextPageToken: String { get set }
}

extension Binakarier_Programs_V1_ListProgramsResponse: PagedResponse {
    var items: [Program] {
        get { programs }
        set { programs = newValue }
    }
}

extension Binakarier_Programs_V1_ListSessionsResponse: PagedResponse {
    var items: [ProgramSession] {
        get { sessions }
        set { sessions = newValue }
    }
}

extension Binakarier_Programs_V1_ListEnrolmentsResponse: PagedResponse {
    var items: [Enrolment] {
        get { enrolments }
        set { enrolments = newValue }
    }
}

extension Binakarier_Programs_V1_ListPendingApprovalsResponse: PagedResponse {
    var items: [Binakarier_Programs_V1_PendingApproval] {
        get { approvals }
        set { approvals = newValue }
    }
}

extension Binakarier_Programs_V1_ListOutsideLearningResponse: PagedResponse {
    var items: [LedgerEntry] {
        get { entries }
        set { entries = newValue }
    }
}

extension Binakarier_Programs_V1_ListNeedsResponse: PagedResponse {
    var items: [Binakarier_Programs_V1_DevelopmentNeed] {
        get { needs }
        set { needs = newValue }
    }
}

/// The page size the programs commands ask for (the service cuts anything over its maximum).
let listPageSize: Int32 = 500

/// Every page of a List call gathered into one response (its next-page token empty): `page` fetches
/// the page that a token starts.
func allPages<Response: PagedResponse>(_ page: (String) async throws -> Response) async throws -> Response {
    var all = Response()
    var token = ""
    repeat {
        let next = try await page(token)
        all.items += next.items
        token = next.nextPageToken
    } while !token.isEmpty
    return all
}

/// A file sent whole in one call (an import): the service takes at most 4 MiB, and the frame carrying
/// it must also hold the rest of the request.
func readUpload(_ path: String) throws -> [UInt8] {
    guard let data = FileManager.default.contents(atPath: path) else { throw ValidationError("berkas \(path) tidak terbaca") }
    guard data.count <= (4 << 20) - (64 << 10) else {
        throw ValidationError("berkas \(path) terlalu besar (paling banyak 4 MiB); bagi menjadi beberapa berkas")
    }
    return [UInt8](data)
}

/// The summary of an all-or-nothing import, with each refused line; `importRefused` says whether any was.
func importSummary(rowsTotal: Int32, rowsSaved: Int32, errors: [ImportLineError], errorsTotal: Int32, dryRun: Bool) -> String {
    let refused = max(Int(errorsTotal), errors.count)
    let outcome: String
    if refused > 0 {
        outcome = "; tidak ada yang disimpan (semua baris atau tidak sama sekali)"
    } else if dryRun {
        outcome = " (uji coba: tidak ada yang disimpan)"
    } else {
        outcome = ", \(rowsSaved) disimpan"
    }
    var lines = ["\(rowsTotal) baris, \(refused) ditolak\(outcome)"]
    if !errors.isEmpty {
        lines.append("")
        lines.append(table(["BARIS", "ALASAN"], errors.map { [String($0.line), $0.reason] }))
        if refused > errors.count { lines.append("… dan \(refused - errors.count) baris lain") }
    }
    return lines.joined(separator: "\n")
}

func importRefused(errors: [ImportLineError], errorsTotal: Int32) -> Bool {
    errorsTotal > 0 || !errors.isEmpty
}
