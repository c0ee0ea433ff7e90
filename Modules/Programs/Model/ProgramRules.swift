import BKProto
import BKRPC
import BKServiceKit
import IdentityVocabulary

/// The rules of the domain that need no database: who may join a program, when a participant has
/// completed, how certificates are numbered and how JP fall into years. Numbers come from
/// `ProgramRules.Settings`, with the regulation's defaults.
public enum ProgramRules {
    public struct Settings: Sendable, Hashable {
        /// Every PNS has the right to at least this many JP a year (PP 11/2017 art. 203(4)).
        public var pnsMinimumJP: Int32 = 20
        /// PPPK: at most this many JP a contract year (PP 49/2018 art. 40).
        public var pppkCeilingJP: Int32 = 24
        /// The share of JP attended needed when a program does not say.
        public var defaultMinimumAttendance: Int32 = 80
        /// Certificate numbers: `{year}` and `{seq:N}` (zero-padded to N digits) are filled in.
        public var certificateFormat = "800/BKPSDM/{year}/{seq:4}"
        /// Duty letter (surat tugas) numbers, like certificate numbers: `{year}` and `{seq:N}`.
        public var dutyLetterFormat = "800.1.11.1/{seq:4}/BKPSDM/{year}"
        /// Working days the supervisor step, and then BKPSDM's, has before its reminder goes out.
        public var supervisorApprovalDays = 3
        public var bkpsdmApprovalDays = 5
        /// A QR check-in later than the day's start plus this many minutes is marked terlambat.
        public var checkInGraceMinutes = 15

        public init() {}
    }

    // MARK: eligibility

    /// Why `employee` is outside `audience`, or nil when they are inside it.
    public static func ineligibility(of employee: Employee, for audience: TargetAudience?) -> LocalizedText? {
        guard employee.status == .active else {
            return .init(id: "\(employee.nip) tidak berstatus aktif", en: "\(employee.nip) is not active")
        }
        guard let audience else { return nil }
        if !audience.agencyCodes.isEmpty, !audience.agencyCodes.contains(employee.agencyCode) {
            return .init(
                id: "program ini untuk \(audience.agencyCodes.joined(separator: ", ")); \(employee.nip) bekerja di \(employee.agencyCode)",
                en: "this program is for \(audience.agencyCodes.joined(separator: ", ")); \(employee.nip) works at \(employee.agencyCode)")
        }
        if !audience.jobLevels.isEmpty, !audience.jobLevels.contains(employee.jobLevel) {
            let levels = audience.jobLevels.map(Vocabulary.display).joined(separator: ", ")
            return .init(
                id: "program ini untuk jenjang \(levels); jenjang \(employee.nip) \(Vocabulary.display(employee.jobLevel))",
                en: "this program is for \(levels); \(employee.nip) is \(Vocabulary.display(employee.jobLevel))")
        }
        if audience.asnType != .unspecified, audience.asnType != employee.asnType {
            return .init(
                id: "program ini hanya untuk \(audience.asnType == .pns ? "PNS" : "PPPK")",
                en: "this program is for \(audience.asnType == .pns ? "PNS" : "PPPK") only")
        }
        if audience.golonganMin != .unspecified || audience.golonganMax != .unspecified {
            guard employee.asnType == .pns, employee.golongan != .unspecified else {
                return .init(id: "program ini mensyaratkan golongan PNS", en: "this program requires a PNS rank (golongan)")
            }
            let rank = employee.golongan.rawValue
            if audience.golonganMin != .unspecified, rank < audience.golonganMin.rawValue {
                return .init(
                    id: "golongan minimal \(Vocabulary.display(audience.golonganMin)); \(employee.nip) \(Vocabulary.display(employee.golongan))",
                    en: "rank at least \(Vocabulary.display(audience.golonganMin)); \(employee.nip) is \(Vocabulary.display(employee.golongan))")
            }
            if audience.golonganMax != .unspecified, rank > audience.golonganMax.rawValue {
                return .init(
                    id: "golongan maksimal \(Vocabulary.display(audience.golonganMax)); \(employee.nip) \(Vocabulary.display(employee.golongan))",
                    en: "rank at most \(Vocabulary.display(audience.golonganMax)); \(employee.nip) is \(Vocabulary.display(employee.golongan))")
            }
        }
        return nil
    }

    // MARK: completion

    /// Hadir and terlambat count as attended; izin, sakit and alpa do not.
    public static func attended(_ status: Binakarier_Programs_V1_AttendanceStatus) -> Bool {
        status == .hadir || status == .terlambat
    }

    /// A participant's completion of a finished session under `rule`: not completed below the minimum
    /// attendance; pending while a required post-test is still to be recorded (`postTest` nil); then
    /// completed or not by the pass mark.
    public static func completion(
        attendancePercent: Double, postTest: Double?, rule: Binakarier_Programs_V1_CompletionRule?, settings: Settings
    ) -> Binakarier_Programs_V1_CompletionState {
        let minimum = Double(rule.map { $0.minimumAttendancePercent > 0 ? $0.minimumAttendancePercent : settings.defaultMinimumAttendance }
            ?? settings.defaultMinimumAttendance)
        // A tolerance for percentages computed from JP sums (e.g. 4/5 of 24 JP).
        guard attendancePercent + 1e-9 >= minimum else { return .notCompleted }
        guard let rule, rule.requiresPostTest else { return .completed }
        guard let postTest else { return .pending }
        return postTest + 1e-9 >= rule.passMark ? .completed : .notCompleted
    }

    // MARK: certificates

    /// `format` with `{year}` and `{seq:N}` (or `{seq}`) filled in.
    public static func certificateNumber(format: String, year: Int, sequence: Int) -> String {
        var number = format.replacingOccurrences(of: "{year}", with: String(year))
        while let open = number.range(of: "{seq") {
            guard let close = number[open.upperBound...].firstIndex(of: "}") else { break }
            let spec = number[open.upperBound..<close]
            let width = spec.hasPrefix(":") ? Int(spec.dropFirst()) ?? 0 : 0
            number.replaceSubrange(open.lowerBound...close, with: CalendarDate.pad(sequence, width))
        }
        return number
    }

    /// Whether `format` makes distinct numbers for distinct (year, sequence): it needs both fields.
    public static func isValidCertificateFormat(_ format: String) -> Bool {
        format.contains("{year}") && format.contains("{seq") && certificateNumber(format: format, year: 2026, sequence: 1) != certificateNumber(format: format, year: 2026, sequence: 2)
    }

    /// The bytes a certificate's verification code signs: every field a forger would want to change.
    public static func signedBytes(of certificate: Certificate) -> [UInt8] {
        Array([
            "binakarier.certificate.v1", certificate.number, certificate.nip, certificate.sessionId, certificate.programCode,
            String(certificate.jp), certificate.issueDate,
        ].joined(separator: "\n").utf8)
    }

    // MARK: JP per year

    /// A session's JP by the year of each day: a session that runs over New Year credits each year its own days.
    public static func jpByYear(_ days: [SessionDay]) -> [(year: Int, jp: Int32)] {
        var byYear: [Int: Int32] = [:]
        for day in days {
            guard let date = CalendarDate(parsing: day.date) else { continue }
            byYear[date.year, default: 0] += day.jp
        }
        return byYear.sorted { $0.key < $1.key }.map { (year: $0.key, jp: $0.value) }
    }
}

extension ProgramRules {
    /// `workingDays` working days (Monday to Friday, WIB) after `time`, at the same time of day: the time
    /// limit of an approval step. National holidays are not known here; a step that falls on one is
    /// reminded a day early, which errs on the side of the participant.
    public static func due(after time: Int64, workingDays: Int) -> Int64 {
        let wibOffset: Int64 = 7 * 3600
        var day = (time + wibOffset).floorDivided(by: 86_400)
        var left = max(0, workingDays)
        var added: Int64 = 0
        while left > 0 {
            day += 1
            added += 1
            // 1970-01-01 was a Thursday: (day + 4) % 7 is 0 on Sundays and 6 on Saturdays.
            let weekday = ((day + 4) % 7 + 7) % 7
            if weekday != 0, weekday != 6 { left -= 1 }
        }
        return time + added * 86_400
    }
}

extension Int64 {
    /// Division rounding towards minus infinity (days and windows before 1970 too).
    func floorDivided(by divisor: Int64) -> Int64 {
        self >= 0 ? self / divisor : (self - divisor + 1) / divisor
    }
}
