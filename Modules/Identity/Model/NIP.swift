import BKRPC
import BKServiceKit
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
