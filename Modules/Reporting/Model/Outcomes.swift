import Foundation
import BKServiceKit

/// Typed errors of the reporting service: the kit's `ServiceError`, mapped to status codes in one place.
public typealias ReportingError = ServiceError

/// A rating of the SKP (PermenPANRB 6/2022): work results (hasil kerja) and behaviour (perilaku) each
/// against expectations.
public enum Rating: Int, Sendable, CaseIterable, Comparable {
    case below = 1, meets = 2, above = 3

    public static func < (a: Rating, b: Rating) -> Bool { a.rawValue < b.rawValue }

    /// "di bawah ekspektasi", "sesuai ekspektasi", "di atas ekspektasi", or bawah/sesuai/atas.
    public init?(text: String) {
        let words = text.lowercased().split(whereSeparator: { $0 == " " || $0 == "_" || $0 == "-" }).joined(separator: " ")
        switch words {
        case "di bawah ekspektasi", "dibawah ekspektasi", "bawah", "di bawah", "below": self = .below
        case "sesuai ekspektasi", "sesuai", "meets": self = .meets
        case "di atas ekspektasi", "diatas ekspektasi", "atas", "di atas", "above": self = .above
        default: return nil
        }
    }

    public var label: String {
        switch self {
        case .below: "Di Bawah Ekspektasi"
        case .meets: "Sesuai Ekspektasi"
        case .above: "Di Atas Ekspektasi"
        }
    }
}

/// The performance predicate (predikat kinerja), best last.
public enum Predicate: Int, Sendable, CaseIterable, Comparable {
    case sangatKurang = 1, kurang = 2, butuhPerbaikan = 3, baik = 4, sangatBaik = 5

    public static func < (a: Predicate, b: Predicate) -> Bool { a.rawValue < b.rawValue }

    /// The matrix of PermenPANRB 6/2022, work results × behaviour: above × (below, meets, above) =
    /// kurang, baik, sangat baik; meets × … = kurang, baik, baik; below × … = sangat kurang,
    /// butuh perbaikan, butuh perbaikan.
    public static func of(work: Rating, behaviour: Rating) -> Predicate {
        switch (work, behaviour) {
        case (.above, .below), (.meets, .below): .kurang
        case (.above, .meets), (.meets, .meets), (.meets, .above): .baik
        case (.above, .above): .sangatBaik
        case (.below, .below): .sangatKurang
        case (.below, .meets), (.below, .above): .butuhPerbaikan
        }
    }

    public init?(text: String) {
        let words = text.lowercased().split(whereSeparator: { $0 == " " || $0 == "_" || $0 == "-" }).joined(separator: " ")
        guard let found = Predicate.allCases.first(where: { $0.label.lowercased() == words }) else { return nil }
        self = found
    }

    public var label: String {
        switch self {
        case .sangatKurang: "Sangat Kurang"
        case .kurang: "Kurang"
        case .butuhPerbaikan: "Butuh Perbaikan"
        case .baik: "Baik"
        case .sangatBaik: "Sangat Baik"
        }
    }

    /// Baik or Sangat Baik: what the reports count as good performance.
    public var isGood: Bool { self >= .baik }
}

/// The level of a discipline sanction (PP 94/2021).
public enum SanctionLevel: Int, Sendable, CaseIterable, Comparable {
    case ringan = 1, sedang = 2, berat = 3

    public static func < (a: SanctionLevel, b: SanctionLevel) -> Bool { a.rawValue < b.rawValue }

    public init?(text: String) {
        switch text.lowercased().trimmingCharacters(in: .whitespaces) {
        case "ringan", "light": self = .ringan
        case "sedang", "moderate": self = .sedang
        case "berat", "severe": self = .berat
        default: return nil
        }
    }

    public var label: String {
        switch self {
        case .ringan: "Ringan"
        case .sedang: "Sedang"
        case .berat: "Berat"
        }
    }
}
