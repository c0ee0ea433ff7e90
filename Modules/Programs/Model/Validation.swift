import BKProto
import BKRPC
import BKServiceKit

/// Input checks shared by the handlers: each refusal names the field (INVALID_ARGUMENT with a field
/// violation), in both languages.
enum Validation {
    static func nip(_ text: String, field: String) throws(ProgramsError) -> String {
        try NIPShape.checked(text, field: field)
    }

    /// A stable code: upper-case letters, digits, dashes and underscores, 2 to 40 characters (stored
    /// upper case); identity's agency codes (2 to 20, with `_`) are all valid here.
    static func code(_ text: String, field: String) throws(ProgramsError) -> String {
        let code = text.trimmingCharacters(in: .whitespaces).uppercased()
        guard (2...40).contains(code.utf8.count),
            code.utf8.allSatisfy({ ($0 >= 65 && $0 <= 90) || ($0 >= 48 && $0 <= 57) || $0 == 45 || $0 == 95 }),
            code.first != "-"
        else {
            throw .invalid(field: field, reason: .init(
                id: "kode 2–40 huruf besar, angka, tanda hubung atau garis bawah, misalnya LAT-MANWAKTU",
                en: "a code is 2–40 capital letters, digits, dashes or underscores, e.g. LAT-MANWAKTU"))
        }
        return code
    }

    /// `Required.text` with its refusal passed on as it is.
    static func required(_ text: String, field: String, maxBytes: Int) throws(ProgramsError) -> String {
        do { return try Required.text(text, field, maxBytes: maxBytes) } catch { throw .rpc(error) }
    }

    static func optionalText(_ text: String, field: String, maxBytes: Int) throws(ProgramsError) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if let why = TextRules.violation(in: trimmed, maxBytes: maxBytes, multiline: maxBytes >= TextRules.longText) {
            throw .invalid(field: field, reason: why)
        }
        return trimmed
    }

    /// `YYYY-MM-DD` (also accepts `DD/MM/YYYY`), returned in the first form.
    static func date(_ text: String, field: String) throws(ProgramsError) -> CalendarDate {
        guard let date = CalendarDate(parsing: text.trimmingCharacters(in: .whitespaces)), (2000...2100).contains(date.year) else {
            throw .invalid(field: field, reason: .init(id: "tanggal tidak sah (TTTT-BB-HH)", en: "not a valid date (YYYY-MM-DD)"))
        }
        return date
    }

    /// `HH:MM`, or empty.
    static func time(_ text: String, field: String) throws(ProgramsError) -> String {
        guard !text.isEmpty else { return "" }
        let parts = text.split(separator: ":")
        guard parts.count == 2, parts[1].count == 2, let hour = Int(parts[0]), let minute = Int(parts[1]), (0..<24).contains(hour), (0..<60).contains(minute) else {
            throw .invalid(field: field, reason: .init(id: "jam tidak sah (JJ:MM)", en: "not a valid time (HH:MM)"))
        }
        return CalendarDate.pad(hour, 2) + ":" + CalendarDate.pad(minute, 2)
    }

    static func program(_ input: Program) throws(ProgramsError) -> Program {
        var program = input
        program.code = try code(program.code, field: "program.code")
        program.title = try required(program.title, field: "program.title", maxBytes: TextRules.name)
        guard program.kind != .unspecified else {
            throw .invalid(field: "program.kind", reason: .init(id: "wajib diisi", en: "is required"))
        }
        program.description = try optionalText(program.description, field: "program.description", maxBytes: TextRules.longText)
        guard program.goals.count <= 20 else { throw .invalid(field: "program.goals", reason: .init(id: "paling banyak 20 tujuan", en: "at most 20 goals")) }
        program.goals = try program.goals.map { goal throws(ProgramsError) in try optionalText(goal, field: "program.goals", maxBytes: TextRules.name) }.filter { !$0.isEmpty }
        guard (1...1000).contains(program.jp) else {
            throw .invalid(field: "program.jp", reason: .init(id: "JP harus 1 sampai 1000", en: "JP must be 1 to 1000"))
        }
        guard program.competencies.count <= 30 else { throw .invalid(field: "program.competencies", reason: .init(id: "paling banyak 30", en: "at most 30")) }
        for index in program.competencies.indices {
            program.competencies[index].competencyCode = try code(program.competencies[index].competencyCode, field: "program.competencies.competency_code")
            guard (1...5).contains(program.competencies[index].level) else {
                throw .invalid(field: "program.competencies.level", reason: .init(id: "level kompetensi 1 sampai 5", en: "competency levels are 1 to 5"))
            }
        }
        if var audience = program.audience {
            audience.agencyCodes = try audience.agencyCodes.map { agency throws(ProgramsError) in try code(agency, field: "program.audience.agency_codes") }
            if audience.golonganMin != .unspecified, audience.golonganMax != .unspecified, audience.golonganMin.rawValue > audience.golonganMax.rawValue {
                throw .invalid(field: "program.audience.golongan_max", reason: .init(id: "lebih rendah dari golongan minimal", en: "is below golongan_min"))
            }
            program.audience = audience
        }
        if !program.organizerAgencyCode.isEmpty {
            program.organizerAgencyCode = try code(program.organizerAgencyCode, field: "program.organizer_agency_code")
        }
        if let completion = program.completion {
            guard (0...100).contains(completion.minimumAttendancePercent) else {
                throw .invalid(field: "program.completion.minimum_attendance_percent", reason: .init(id: "0 sampai 100", en: "0 to 100"))
            }
            guard completion.passMark.isFinite, (0...100).contains(completion.passMark) else {
                throw .invalid(field: "program.completion.pass_mark", reason: .init(id: "0 sampai 100", en: "0 to 100"))
            }
        }
        guard program.costRupiah >= 0 else { throw .invalid(field: "program.cost_rupiah", reason: .init(id: "tidak boleh negatif", en: "must not be negative")) }
        program.evaluationLevels = Array(Set(program.evaluationLevels.filter { $0 != .unspecified })).sorted { $0.rawValue < $1.rawValue }
        return program
    }

    /// The schedule (distinct real days, in order, JP adding up to the program's), capacity and facilitators.
    static func session(_ input: Session, program: Program) throws(ProgramsError) -> Session {
        var session = input
        guard !session.days.isEmpty, session.days.count <= 60 else {
            throw .invalid(field: "session.days", reason: .init(id: "isi 1 sampai 60 hari", en: "give 1 to 60 days"))
        }
        var seen = Set<String>()
        for index in session.days.indices {
            let date = try date(session.days[index].date, field: "session.days.date").description
            guard seen.insert(date).inserted else {
                throw .invalid(field: "session.days.date", reason: .init(id: "tanggal \(date) berulang", en: "date \(date) repeats"))
            }
            session.days[index].date = date
            session.days[index].startTime = try time(session.days[index].startTime, field: "session.days.start_time")
            session.days[index].endTime = try time(session.days[index].endTime, field: "session.days.end_time")
            guard (0...16).contains(session.days[index].jp) else {
                throw .invalid(field: "session.days.jp", reason: .init(id: "JP per hari 0 sampai 16", en: "JP per day is 0 to 16"))
            }
        }
        session.days.sort { $0.date < $1.date }
        let total = session.days.reduce(Int32(0)) { $0 + $1.jp }
        guard total == program.jp else {
            throw .invalid(field: "session.days.jp", reason: .init(
                id: "jadwal berjumlah \(total) JP, program \(program.code) menetapkan \(program.jp) JP",
                en: "the schedule adds up to \(total) JP; program \(program.code) credits \(program.jp) JP"))
        }
        guard (1...10_000).contains(session.capacity) else {
            throw .invalid(field: "session.capacity", reason: .init(id: "kapasitas 1 sampai 10.000", en: "capacity is 1 to 10,000"))
        }
        session.venue = try optionalText(session.venue, field: "session.venue", maxBytes: TextRules.name)
        session.onlineLink = try optionalText(session.onlineLink, field: "session.online_link", maxBytes: TextRules.name)
        guard session.facilitators.count <= 30 else { throw .invalid(field: "session.facilitators", reason: .init(id: "paling banyak 30", en: "at most 30")) }
        for index in session.facilitators.indices {
            var facilitator = session.facilitators[index]
            if !facilitator.nip.isEmpty { facilitator.nip = try nip(facilitator.nip, field: "session.facilitators.nip") }
            facilitator.name = try optionalText(facilitator.name, field: "session.facilitators.name", maxBytes: TextRules.name)
            facilitator.role = try optionalText(facilitator.role, field: "session.facilitators.role", maxBytes: TextRules.shortText)
            guard !facilitator.nip.isEmpty || !facilitator.name.isEmpty else {
                throw .invalid(field: "session.facilitators", reason: .init(id: "isi NIP atau nama", en: "give a NIP or a name"))
            }
            session.facilitators[index] = facilitator
        }
        return session
    }
}
