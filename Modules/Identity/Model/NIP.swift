import BKRPC
import BKAuth
import BKProto

/// Validation of a civil servant's number (NIP): 18 digits.
///
/// PNS, layout 8-6-1-3: birth date `YYYYMMDD`, start of service (TMT CPNS) `YYYYMM`, sex `1` (male) or
/// `2` (female), and a sequence `001`..`999`. The birth date must be a real date, and service must start
/// in a month after the 18th birthday. PPPK numbers share the birth date, sex and sequence, but digits
/// 9–14 are the year of appointment and a two-digit code.
public struct NIP: Hashable, Sendable, CustomStringConvertible {
    public let digits: String
    public let birthDate: CalendarDate
    public let sex: Binakarier_Identity_V1_Sex
    /// PNS: the TMT CPNS month. PPPK: the appointment year (month 1).
    public let serviceStart: YearMonth

    public var description: String { digits }

    public enum Failure: Error, Hashable, Sendable, CustomStringConvertible {
        case length(Int)
        case notDigits
        case birthDate(String)
        case serviceStart(String)
        case serviceBeforeAdulthood
        case serviceInTheFuture
        case sexDigit(Character)
        case sequence
        case pppkCode(String)

        public var description: String { text.indonesian }

        /// Why, in both languages.
        public var text: LocalizedText {
            switch self {
            case .length(let count): .init(id: "NIP harus 18 digit, bukan \(count)", en: "a NIP has 18 digits, not \(count)")
            case .notDigits: .init(id: "NIP hanya boleh berisi angka", en: "a NIP has digits only")
            case .birthDate(let text): .init(id: "tanggal lahir \(text) pada NIP bukan tanggal yang ada", en: "birth date \(text) in the NIP is not a real date")
            case .serviceStart(let text): .init(id: "TMT \(text) pada NIP bukan bulan yang sah", en: "start of service \(text) in the NIP is not a valid month")
            case .serviceBeforeAdulthood: .init(id: "TMT pada NIP jatuh sebelum usia 18 tahun", en: "the start of service in the NIP is before the 18th birthday")
            case .serviceInTheFuture: .init(id: "TMT pada NIP jatuh di masa depan", en: "the start of service in the NIP is in the future")
            case .sexDigit(let digit): .init(id: "digit jenis kelamin pada NIP harus 1 atau 2, bukan \(digit)", en: "the sex digit of the NIP must be 1 or 2, not \(digit)")
            case .sequence: .init(id: "nomor urut pada NIP tidak boleh 000", en: "the sequence number of the NIP cannot be 000")
            case .pppkCode(let text): .init(id: "tahun pengangkatan PPPK \(text) pada NIP tidak sah", en: "PPPK appointment year \(text) in the NIP is not valid")
            }
        }
    }

    /// Parses and validates `text` for an ASN of `type`; `today` bounds dates in the future.
    public init(_ text: String, type: Binakarier_Identity_V1_AsnType, today: CalendarDate = .today) throws(Failure) {
        let bytes = Array(text.utf8)
        guard bytes.count == 18 else { throw .length(text.count) }
        guard bytes.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { throw .notDigits }
        func number(_ range: Range<Int>) -> Int {
            bytes[range].reduce(0) { $0 * 10 + Int($1 - 0x30) }
        }
        guard let birth = CalendarDate(year: number(0..<4), month: number(4..<6), day: number(6..<8)),
            birth.year >= 1900, birth <= today
        else { throw .birthDate(String(text.prefix(8))) }
        let sexDigit = Character(UnicodeScalar(bytes[14]))
        switch sexDigit {
        case "1": sex = .male
        case "2": sex = .female
        default: throw .sexDigit(sexDigit)
        }
        guard number(15..<18) > 0 else { throw .sequence }
        if type == .pppk {
            // PPPK: year of appointment (2019 onwards, when PPPK began) and a two-digit code.
            let year = number(8..<12)
            guard year >= 2019, year <= today.year + 1 else { throw .pppkCode(String(Array(text)[8..<14])) }
            serviceStart = YearMonth(year: year, month: 1)!
        } else {
            guard let start = YearMonth(year: number(8..<12), month: number(12..<14)) else {
                throw .serviceStart(String(Array(text)[8..<14]))
            }
            let adulthood = YearMonth(year: birth.year + 18, month: birth.month)!
            guard start > adulthood else { throw .serviceBeforeAdulthood }
            guard start <= YearMonth(year: today.year, month: today.month)! else { throw .serviceInTheFuture }
            serviceStart = start
        }
        digits = text
        birthDate = birth
    }
}

/// A date without a time or zone, as HR records keep them.
public struct CalendarDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= CalendarDate.daysIn(month: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD`, `DD-MM-YYYY` or `DD/MM/YYYY`.
    public init?(parsing text: String) {
        let parts = text.split(whereSeparator: { $0 == "-" || $0 == "/" }).map(String.init)
        guard parts.count == 3, let a = Int(parts[0]), let b = Int(parts[1]), let c = Int(parts[2]) else { return nil }
        if parts[0].count == 4 {
            self.init(year: a, month: b, day: c)
        } else if parts[2].count == 4 {
            self.init(year: c, month: b, day: a)
        } else {
            return nil
        }
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    public var description: String {
        "\(Self.pad(year, 4))-\(Self.pad(month, 2))-\(Self.pad(day, 2))"
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }

    /// Today in UTC+7 (WIB), the zone of the city this runs for.
    public static var today: CalendarDate {
        let seconds = Int(WallClock.nowUnix()) + 7 * 3600
        return CalendarDate(daysSinceEpoch: seconds / 86_400)
    }

    /// Civil-from-days (Howard Hinnant's algorithm).
    init(daysSinceEpoch days: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        self.month = month
        self.day = day
    }
}

/// A month, as in a TMT (start of service).
public struct YearMonth: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int

    public init?(year: Int, month: Int) {
        guard (1...12).contains(month), year >= 1900, year <= 9999 else { return nil }
        self.year = year
        self.month = month
    }

    /// Parses `YYYY-MM`, `YYYY-MM-DD`, `MM/YYYY` or `DD-MM-YYYY`.
    public init?(parsing text: String) {
        if let date = CalendarDate(parsing: text) {
            self.init(year: date.year, month: date.month)
            return
        }
        let parts = text.split(whereSeparator: { $0 == "-" || $0 == "/" }).map(String.init)
        guard parts.count == 2, let a = Int(parts[0]), let b = Int(parts[1]) else { return nil }
        if parts[0].count == 4 { self.init(year: a, month: b) } else if parts[1].count == 4 { self.init(year: b, month: a) } else { return nil }
    }

    public static func < (lhs: YearMonth, rhs: YearMonth) -> Bool { (lhs.year, lhs.month) < (rhs.year, rhs.month) }

    public var description: String { "\(CalendarDate.pad(year, 4))-\(CalendarDate.pad(month, 2))" }
}

#if canImport(Glibc)
import Glibc
#endif
