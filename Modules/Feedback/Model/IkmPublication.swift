import BKProto
import BKServiceKit
import Foundation

public typealias RespondentProfile = Binakarier_Feedback_V1_RespondentProfile
public typealias ServiceCounter = Binakarier_Feedback_V1_ServiceCounter
public typealias IkmReport = Binakarier_Feedback_V1_IkmReport

/// What a service unit publishes of its IKM each year (PermenPANRB 14/2017), apart from storage so that
/// it can be checked against worked examples: the elements with their NRR, weighted and converted
/// values and grades, the lowest ones flagged, the respondents' profile with small groups hidden.
///
/// The grades follow the regulation's table "Nilai Persepsi, Interval IKM, Interval Konversi IKM, Mutu
/// Pelayanan dan Kinerja Unit Pelayanan" (Lampiran PermenPANRB 14/2017, Bab IV):
///
/// | nilai persepsi | nilai interval (NI) | interval konversi (NIK) | mutu | kinerja unit |
/// |---|---|---|---|---|
/// | 1 | 1,00 – 2,5996   | 25,00 – 64,99  | D | tidak baik  |
/// | 2 | 2,60 – 3,064    | 65,00 – 76,60  | C | kurang baik |
/// | 3 | 3,0644 – 3,532  | 76,61 – 88,30  | B | baik        |
/// | 4 | 3,5324 – 4,00   | 88,31 – 100,00 | A | sangat baik |
///
/// An element is graded on its converted value NRR × 25 (the NIK column; NI × 25 gives the same
/// bounds), the unit on its index, both by `IKMIndex.grade`. The regulation's worked example writes the
/// weight 1/9 as 0,11; the index here uses 1/9 itself (../shared/domain.md), rounded only at the end.
public enum IkmPublication {
    /// The nine elements' names (unsur), in the regulation's order.
    public static let elementNames = [
        "Persyaratan", "Sistem, Mekanisme, dan Prosedur", "Waktu Penyelesaian", "Biaya/Tarif", "Produk Spesifikasi Jenis Pelayanan",
        "Kompetensi Pelaksana", "Perilaku Pelaksana", "Penanganan Pengaduan, Saran dan Masukan", "Sarana dan Prasarana",
    ]

    public static let weight = 1.0 / 9

    /// Each element's values from its NRR (1…9 in order), the `lowest` ones flagged: the `lowest`
    /// smallest NRR, with every element tied with the last of them.
    public static func elements(nrr: [Double], lowest: Int) -> [Binakarier_Feedback_V1_IkmElementResult] {
        guard nrr.count == 9 else { return [] }
        let sorted = nrr.sorted()
        let threshold = lowest > 0 ? sorted[min(lowest, 9) - 1] : -1
        return nrr.enumerated().map { offset, value in
            let converted = round2(value * 25)
            return .init(
                element: Int32(offset + 1), code: "U\(offset + 1)", name: elementNames[offset], nrr: value, weighted: value * weight,
                converted: converted, grade: IKMIndex.grade(converted).code, lowest: value <= threshold + 1e-12)
        }
    }

    static func round2(_ value: Double) -> Double { (value * 100).rounded() / 100 }

    // MARK: the respondents' profile

    /// The four questions of the questionnaire's profile, their tally key and the answers' labels
    /// (index = the enum's raw value; 0 is "not given").
    public struct Dimension: Sendable {
        public let key: String
        public let title: String
        public let labels: [String]
    }

    public static let dimensions: [Dimension] = [
        .init(key: "umur", title: "Umur", labels: [
            "Tidak diisi", "Di bawah 20 tahun", "20–29 tahun", "30–39 tahun", "40–49 tahun", "50–59 tahun", "60 tahun ke atas",
        ]),
        .init(key: "jenis_kelamin", title: "Jenis kelamin", labels: ["Tidak diisi", "Laki-laki", "Perempuan"]),
        .init(key: "pendidikan", title: "Pendidikan terakhir", labels: [
            "Tidak diisi", "SD ke bawah", "SMP", "SMA/SMK", "D1–D3", "D4/S1", "S2", "S3",
        ]),
        .init(key: "pekerjaan", title: "Pekerjaan", labels: [
            "Tidak diisi", "PNS/ASN", "TNI", "Polri", "Pegawai swasta", "Wirausaha", "Lainnya",
        ]),
    ]

    /// The profile's four answers in the order of `dimensions`, as raw values.
    public static func values(_ profile: RespondentProfile) -> [Int] {
        [Int(profile.age.rawValue), Int(profile.gender.rawValue), Int(profile.education.rawValue), Int(profile.occupation.rawValue)]
    }

    /// A profile whose every answer is a known value (an unknown raw value would be counted nowhere).
    public static func isValid(_ profile: RespondentProfile) -> Bool {
        zip(values(profile), dimensions).allSatisfy { $0 >= 0 && $0 < $1.labels.count }
    }

    /// One dimension's counts (index = raw value, 0 not given) as the report shows them: every count
    /// from 1 to k − 1 hidden; when exactly one is hidden, the smallest other count above 0 as well, so
    /// that it cannot be worked out from the total. Zeros are shown (nobody of that group answered).
    public static func group(_ dimension: Dimension, counts: [Int], k: Int) -> Binakarier_Feedback_V1_IkmProfileGroup {
        let counts = dimension.labels.indices.map { $0 < counts.count ? counts[$0] : 0 }
        let total = counts.reduce(0, +)
        var hidden = Set(counts.indices.filter { counts[$0] > 0 && counts[$0] < k })
        if hidden.count == 1, let other = counts.indices.filter({ !hidden.contains($0) && counts[$0] > 0 }).min(by: { counts[$0] < counts[$1] }) {
            hidden.insert(other)
        }
        // "Not given" last, as questionnaires' summaries put it.
        let order = Array(counts.indices.dropFirst()) + [0]
        return .init(dimension: dimension.key, title: dimension.title, counts: order.map { index in
            hidden.contains(index)
                ? .init(label: dimension.labels[index], suppressed: true)
                : .init(label: dimension.labels[index], respondents: Int32(counts[index]),
                        percent: total > 0 ? Double(counts[index]) * 100 / Double(total) : 0)
        })
    }

    // MARK: counters and the plan

    /// A counter's code: 1–20 capital letters, digits or dashes (it travels in the QR code's address).
    public static func counterCode(_ raw: String) -> String? {
        let code = raw.trimmingCharacters(in: .whitespaces).uppercased()
        guard (1...20).contains(code.utf8.count), code.utf8.allSatisfy({ ($0 >= 65 && $0 <= 90) || ($0 >= 48 && $0 <= 57) || $0 == 45 }) else {
            return nil
        }
        return code
    }

    /// The source id of a plan item: "IKM/<agency>/<unit>/<year>/U<element>" (U0: not one element).
    public static func planSource(agency: String, unit: String, year: Int, element: Int) -> String {
        "IKM/\(agency)/\(unit)/\(year)/U\(element)"
    }

    /// The prefix every plan item of a unit and year shares.
    public static func planPrefix(agency: String, unit: String, year: Int) -> String { "IKM/\(agency)/\(unit)/\(year)/" }

    /// A plan item's source id read back: agency, unit, year, element; nil when it is not one.
    public static func planSource(_ source: String) -> (agency: String, unit: String, year: Int, element: Int)? {
        let parts = source.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 5, parts[0] == "IKM", !parts[1].isEmpty, !parts[2].isEmpty, let year = Int(parts[3]), (2000...2100).contains(year),
            parts[4].hasPrefix("U"), let element = Int(parts[4].dropFirst()), (0...9).contains(element)
        else { return nil }
        return (parts[1], parts[2], year, element)
    }
}
