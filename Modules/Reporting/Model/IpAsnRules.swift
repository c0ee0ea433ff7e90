import BKProto
import Foundation

/// The professionalism index of an ASN (Indeks Profesionalitas ASN, PermenPANRB 38/2018): four
/// dimensions whose points add up to 100. Every weight and item is a setting, with the regulation's
/// values as defaults; check them against the annex in force before publishing, and change them here,
/// not in the reports. A dimension without data is missing: never guessed, and the total is then not
/// computed.
public struct IpAsnRules: Sendable, Hashable {
    /// Kualifikasi (25): the highest education. S3 25, S2 20, S1/D4 15, D3 10, D1/D2 5, SMA and below 1.
    public var qualificationPoints: [Binakarier_Identity_V1_EducationLevel: Double] = [
        .s3: 25, .s2: 20, .s1: 15, .d4: 15, .d3: 10, .d2: 5, .d1: 5, .sma: 1, .smp: 1, .sd: 1,
    ]
    public var qualificationMax = 25.0

    /// Kompetensi (40): at least `jpMinimum` verified JP in the year (20 points); a seminar, workshop or
    /// e-learning course in the year or the one before (5; for structural posts a training counts too);
    /// leadership training matching the post (15) — for posts that are not structural, a technical or
    /// functional training (pelatihan, bimtek) in those two years earns these 15 instead.
    public var competencyMax = 40.0
    public var jpItemPoints = 20.0
    public var jpMinimum = 20
    public var seminarItemPoints = 5.0
    public var leadershipItemPoints = 15.0
    /// Leadership training that matches each structural post, by program code prefix: PKN for JPT, PKA
    /// (or higher) for administrators, PKP (or higher) for supervisors (pengawas); the older Diklatpim
    /// II/III/IV likewise.
    public var leadershipPrefixes: [Binakarier_Identity_V1_JobLevel: [String]] = [
        .jptUtama: ["PKN", "DIKLATPIM-I", "PIM-I", "PIM-II", "DIKLATPIM-II"],
        .jptMadya: ["PKN", "DIKLATPIM-I", "PIM-I", "PIM-II", "DIKLATPIM-II"],
        .jptPratama: ["PKN", "PIM-II", "DIKLATPIM-II"],
        .administrator: ["PKA", "PKN", "PIM-II", "PIM-III", "DIKLATPIM-II", "DIKLATPIM-III"],
        .pengawas: ["PKP", "PKA", "PKN", "PIM-II", "PIM-III", "PIM-IV", "DIKLATPIM-II", "DIKLATPIM-III", "DIKLATPIM-IV"],
    ]

    /// Kinerja (30): the SKP predicate of the year.
    public var performancePoints: [Predicate: Double] = [
        .sangatBaik: 30, .baik: 25, .butuhPerbaikan: 15, .kurang: 10, .sangatKurang: 5,
    ]
    public var performanceMax = 30.0

    /// Disiplin (5): no sanction in the year 5, ringan 3, sedang 2, berat 1 (the heaviest counts).
    public var disciplinePoints: [SanctionLevel?: Double] = [nil: 5, .ringan: 3, .sedang: 2, .berat: 1]
    public var disciplineMax = 5.0

    public init() {}

    /// 91–100 Sangat Tinggi, 81–90 Tinggi, 71–80 Sedang, 61–70 Rendah, ≤60 Sangat Rendah.
    public static let bands = ["Sangat Rendah", "Rendah", "Sedang", "Tinggi", "Sangat Tinggi"]

    public static func band(_ total: Double) -> String {
        switch total {
        case 90.5...: "Sangat Tinggi"
        case 80.5..<90.5: "Tinggi"
        case 70.5..<80.5: "Sedang"
        case 60.5..<70.5: "Rendah"
        default: "Sangat Rendah"
        }
    }

    static let structural: Set<Binakarier_Identity_V1_JobLevel> = [.jptUtama, .jptMadya, .jptPratama, .administrator, .pengawas]

    /// What the index needs of one person for one year.
    public struct Facts: Sendable {
        public var education: Binakarier_Identity_V1_EducationLevel = .unspecified
        public var jobLevel: Binakarier_Identity_V1_JobLevel = .unspecified
        /// Verified JP in the year.
        public var jp = 0
        /// Whether the year has any JP ledger at all (a year before the system holds none: missing).
        public var learningCovered = true
        /// Completed learning in the year and the year before: program codes with their kind.
        public var recentLearning: [(code: String, kind: Binakarier_Programs_V1_ProgramKind)] = []
        /// Leadership training ever completed.
        public var leadershipCodes: [String] = []
        public var predicate: Predicate?
        /// Whether discipline data covers the year; the heaviest sanction in it.
        public var disciplineCovered = false
        public var heaviestSanction: SanctionLevel?
        public init() {}
    }

    /// `withBasis` writes what each dimension's points are for (a person's record); group figures need
    /// only the points, and skip composing thousands of sentences.
    public func score(_ facts: Facts, withBasis: Bool = true) -> (components: [Binakarier_Reporting_V1_IpAsnComponent], total: Double?) {
        var components: [Binakarier_Reporting_V1_IpAsnComponent] = []
        if let points = qualificationPoints[facts.education] {
            components.append(.init(dimension: "kualifikasi", points: points, maxPoints: qualificationMax, basis: Self.educationLabel(facts.education)))
        } else {
            components.append(.init(dimension: "kualifikasi", maxPoints: qualificationMax, missing: true, basis: "pendidikan tidak tercatat"))
        }

        guard facts.learningCovered else {
            components.append(.init(dimension: "kompetensi", maxPoints: competencyMax, missing: true, basis: "belum ada catatan JP tahun ini"))
            return finish(components, facts, withBasis: withBasis)
        }
        var competency = 0.0
        var basis: [String] = withBasis ? ["\(facts.jp) JP"] : []
        if facts.jp >= jpMinimum { competency += jpItemPoints }
        let structural = Self.structural.contains(facts.jobLevel)
        let trainings: Set<Binakarier_Programs_V1_ProgramKind> = [.pelatihan, .bimtek]
        var seminarKinds: Set<Binakarier_Programs_V1_ProgramKind> = [.seminar, .lokakarya, .eLearning]
        // A non-structural post earns its 15 with a training: the same training does not earn the 5 too.
        if structural { seminarKinds.formUnion(trainings) }
        if facts.recentLearning.contains(where: { seminarKinds.contains($0.kind) }) {
            competency += seminarItemPoints
            basis.append("seminar/kursus 2 tahun terakhir")
        }
        if structural {
            if let code = facts.leadershipCodes.first(where: { isLeadership($0, for: facts.jobLevel) }) {
                competency += leadershipItemPoints
                if withBasis { basis.append("pelatihan kepemimpinan \(code)") }
            }
        } else if facts.recentLearning.contains(where: { trainings.contains($0.kind) }) {
            competency += leadershipItemPoints
            basis.append("pelatihan teknis/fungsional")
        }
        components.append(.init(dimension: "kompetensi", points: competency, maxPoints: competencyMax, basis: withBasis ? basis.joined(separator: "; ") : ""))
        return finish(components, facts, withBasis: withBasis)
    }

    /// Kinerja and disiplin, then the total when nothing is missing.
    private func finish(_ components: [Binakarier_Reporting_V1_IpAsnComponent], _ facts: Facts, withBasis: Bool) -> (components: [Binakarier_Reporting_V1_IpAsnComponent], total: Double?) {
        var components = components
        if let predicate = facts.predicate, let points = performancePoints[predicate] {
            components.append(.init(dimension: "kinerja", points: points, maxPoints: performanceMax, basis: withBasis ? "predikat \(predicate.label)" : ""))
        } else {
            components.append(.init(dimension: "kinerja", maxPoints: performanceMax, missing: true, basis: "SKP belum diimpor"))
        }

        if facts.disciplineCovered, let points = disciplinePoints[facts.heaviestSanction] {
            let basis = withBasis ? facts.heaviestSanction.map { "hukuman disiplin \($0.label.lowercased())" } ?? "tanpa hukuman disiplin" : ""
            components.append(.init(dimension: "disiplin", points: points, maxPoints: disciplineMax, basis: basis))
        } else {
            components.append(.init(dimension: "disiplin", maxPoints: disciplineMax, missing: true, basis: "data disiplin tahun ini belum diimpor"))
        }
        let total = components.contains(where: \.missing) ? nil : components.reduce(0) { $0 + $1.points }
        return (components, total)
    }

    /// Leadership training of any level (what the replica collects per person).
    public func isLeadership(_ code: String) -> Bool {
        let upper = code.uppercased()
        return leadershipPrefixes.values.contains { $0.contains { upper.hasPrefix($0) } }
    }

    /// Leadership training that matches the post.
    public func isLeadership(_ code: String, for level: Binakarier_Identity_V1_JobLevel) -> Bool {
        let upper = code.uppercased()
        return (leadershipPrefixes[level] ?? []).contains { upper.hasPrefix($0) }
    }

    static func educationLabel(_ level: Binakarier_Identity_V1_EducationLevel) -> String {
        switch level {
        case .s3: "S3"
        case .s2: "S2"
        case .s1, .d4: "S1/D4"
        case .d3: "D3"
        case .d2, .d1: "D1/D2"
        default: "SMA ke bawah"
        }
    }
}

extension IpAsnRules {
    /// A rules file (`bk-reportingd --ip-asn-rules FILE`): JSON with any of these keys, each replacing
    /// the default it names; what is left out keeps the regulation's default.
    ///
    ///     {"kualifikasi": {"S3": 25, "S2": 20, "S1": 15, "D4": 15, "D3": 10, "D2": 5, "D1": 5, "SMA": 1},
    ///      "kompetensi": {"jp": 20, "minimum_jp": 20, "seminar": 5, "kepemimpinan": 15,
    ///                     "prefiks_kepemimpinan": {"jpt": ["PKN"], "administrator": ["PKA", "PKN"], "pengawas": ["PKP", "PKA", "PKN"]}},
    ///      "kinerja": {"Sangat Baik": 30, "Baik": 25, "Butuh Perbaikan": 15, "Kurang": 10, "Sangat Kurang": 5},
    ///      "disiplin": {"tanpa": 5, "ringan": 3, "sedang": 2, "berat": 1}}
    ///
    /// The four maxima must add up to 100.
    public static func read(json bytes: [UInt8]) throws -> IpAsnRules {
        struct File: Decodable {
            var kualifikasi: [String: Double]?
            var kompetensi: Competency?
            var kinerja: [String: Double]?
            var disiplin: [String: Double]?
            struct Competency: Decodable {
                var jp: Double?
                var minimum_jp: Int?
                var seminar: Double?
                var kepemimpinan: Double?
                /// Per post: "jpt", "administrator", "pengawas".
                var prefiks_kepemimpinan: [String: [String]]?
            }
        }
        struct Invalid: Error, CustomStringConvertible { let description: String }
        let file = try JSONDecoder().decode(File.self, from: Foundation.Data(bytes))
        var rules = IpAsnRules()
        let levels: [String: [Binakarier_Identity_V1_EducationLevel]] = [
            "S3": [.s3], "S2": [.s2], "S1": [.s1], "D4": [.d4], "D3": [.d3], "D2": [.d2], "D1": [.d1], "SMA": [.sma, .smp, .sd],
        ]
        for (name, points) in file.kualifikasi ?? [:] {
            guard let matched = levels[name.uppercased()] else { throw Invalid(description: "kualifikasi: jenjang \(name) tidak dikenal (S3, S2, S1, D4, D3, D2, D1, SMA)") }
            for level in matched { rules.qualificationPoints[level] = points }
        }
        rules.qualificationMax = rules.qualificationPoints.values.max() ?? 0
        if let competency = file.kompetensi {
            rules.jpItemPoints = competency.jp ?? rules.jpItemPoints
            rules.jpMinimum = competency.minimum_jp ?? rules.jpMinimum
            rules.seminarItemPoints = competency.seminar ?? rules.seminarItemPoints
            rules.leadershipItemPoints = competency.kepemimpinan ?? rules.leadershipItemPoints
            for (post, prefixes) in competency.prefiks_kepemimpinan ?? [:] {
                let levels: [Binakarier_Identity_V1_JobLevel]
                switch post.lowercased() {
                case "jpt": levels = [.jptUtama, .jptMadya, .jptPratama]
                case "administrator": levels = [.administrator]
                case "pengawas": levels = [.pengawas]
                default: throw Invalid(description: "kompetensi.prefiks_kepemimpinan: jabatan \(post) tidak dikenal (jpt, administrator, pengawas)")
                }
                for level in levels { rules.leadershipPrefixes[level] = prefixes.map { $0.uppercased() } }
            }
        }
        rules.competencyMax = rules.jpItemPoints + rules.seminarItemPoints + rules.leadershipItemPoints
        for (name, points) in file.kinerja ?? [:] {
            guard let predicate = Predicate(text: name) else { throw Invalid(description: "kinerja: predikat \(name) tidak dikenal") }
            rules.performancePoints[predicate] = points
        }
        rules.performanceMax = rules.performancePoints.values.max() ?? 0
        for (name, points) in file.disiplin ?? [:] {
            if name.lowercased() == "tanpa" { rules.disciplinePoints[nil] = points; continue }
            guard let level = SanctionLevel(text: name) else { throw Invalid(description: "disiplin: tingkat \(name) tidak dikenal (tanpa, ringan, sedang, berat)") }
            rules.disciplinePoints[level] = points
        }
        rules.disciplineMax = rules.disciplinePoints.values.max() ?? 0
        let total = rules.qualificationMax + rules.competencyMax + rules.performanceMax + rules.disciplineMax
        guard abs(total - 100) < 0.001 else {
            throw Invalid(description: "nilai maksimum keempat dimensi berjumlah \(total), bukan 100")
        }
        return rules
    }
}
