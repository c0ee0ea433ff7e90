import BKProto
import BKRPC
import BKTestSupport
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// The founding text's year, played by the whole system as real processes (`Cluster` with every daemon
/// and the gateway): BKPSDM sets up the time-management training (two batches, pre- and post-tests) and the
/// leadership seminar; staff ask for places, are nominated and enrolled, attend (or not), answer the
/// reaction form, the tests and, weeks later, the follow-ups (with their supervisors); the Head of Health
/// holds an open dialogue whose aspirations are raised, supported and answered and whose direction becomes
/// an action item; outside learning is reported and verified; SKP, discipline and IKM data are imported; and
/// the city report and both program reports conclude. Set-up goes through bkctl, everything a participant
/// does through the gateway's REST API; every number of the three reports is computed here from the data
/// the test put in, with the domain's formulas (shared/domain.md, and the IP ASN defaults of
/// Modules/Reporting/README.md), and compared cell by cell.
@Suite("The seed's year, every daemon a process", .serialized, .timeLimit(.minutes(15)))
struct SeedStoryTests {
    @Test func theCityAndProgramReportsShowEveryNumberTheYearsDataGives() async throws {
        try await Cluster.with(System.daemons, arguments: SeedStory.arguments) { cluster in
            let story = try SeedStory(cluster)
            try await story.play()
        }
    }

    /// Reporting files a program's evaluation results under the year of the batch they evaluate (its own comment:
    /// "a follow-up 90 days after a December session opens in the next year"): a batch that ended last December
    /// and is evaluated now must show its reaction in last year's program report.
    @Test func aBatchThatEndedInDecemberIsEvaluatedInItsOwnYear() async throws {
        try await Cluster.with(System.daemons, arguments: SeedStory.arguments) { cluster in
            let story = try SeedStory(cluster)
            try await story.playDecemberBatch()
        }
    }
}

// MARK: - The data the test puts in (plain values: no daemon, no proto)

/// A calendar day (UTC arithmetic on the WIB date).
struct SeedDay: Sendable, Comparable, CustomStringConvertible {
    let date: Date

    /// Today in Western Indonesia (UTC+7), as the services see it.
    static var today: SeedDay {
        let wib = Date().addingTimeInterval(7 * 3600)
        let parts = Self.calendar.dateComponents([.year, .month, .day], from: wib)
        return SeedDay(year: parts.year!, month: parts.month!, day: parts.day!)
    }

    static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    init(year: Int, month: Int, day: Int) {
        date = Self.calendar.date(from: DateComponents(year: year, month: month, day: day))!
    }

    init(_ date: Date) { self.date = date }

    func adding(days: Int) -> SeedDay { SeedDay(date.addingTimeInterval(Double(days) * 86_400)) }

    var year: Int { Self.calendar.component(.year, from: date) }

    var description: String {
        let parts = Self.calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
    }

    static func < (a: SeedDay, b: SeedDay) -> Bool { a.date < b.date }
}

/// One ASN of the small city.
struct SeedPerson: Sendable {
    let key: String
    let name: String
    let agency: String
    let unit: String
    /// The supervisor's key, "" for none.
    let supervisor: String
    /// As BKPSDM's spreadsheet writes it ("JF Ahli Pertama").
    let level: String
    let position: String
    let rank: String
    let education: String
    let pppk: Bool
    let born: (year: Int, month: Int, day: Int)
    /// PNS: TMT CPNS; PPPK: the appointment year (month 1).
    let start: (year: Int, month: Int)
    let female: Bool
    let active: Bool
    /// SKP per year as two letters, work results then behaviour: A above, M meets, B below expectations.
    let skp: [Int: String]
    /// A discipline sanction in the report's year: ringan, sedang or berat.
    let sanction: String?

    /// 18 digits, 8-6-1-3: birth date, TMT (PPPK: appointment year and a code), sex, sequence.
    var nip: String {
        let birth = String(format: "%04d%02d%02d", born.year, born.month, born.day)
        let service = pppk ? String(format: "%04d01", start.year) : String(format: "%04d%02d", start.year, start.month)
        return birth + service + (female ? "2" : "1") + "001"
    }

    var structural: Bool { ["JPT Pratama", "Administrator", "Pengawas"].contains(level) }
}

/// A batch (angkatan) of a program and what happens in it.
struct SeedSession: Sendable {
    enum Entry: Sendable {
        case assigned, nominated(by: String), requested
        var isAssigned: Bool { if case .assigned = self { return true } else { return false } }
        var isRequested: Bool { if case .requested = self { return true } else { return false } }
    }
    let id: String
    let program: String
    let days: [String]
    let jpPerDay: Int
    let capacity: Int
    /// Who is enrolled and how (in order).
    let entries: [(key: String, how: Entry)]
    /// Asked for a place once the batch was full: approved onto the waitlist, never seated.
    let waitlisted: [String]
    /// Per participant, one letter a day: H hadir, T terlambat, I izin, S sakit, A alpa.
    let attendance: [String: String]
    let preTest: [String: Int]
    let postTest: [String: Int]
    let cancelled: Bool
    /// Who answers the reaction form (L1), the own follow-up (L3) and, as (supervisor, subject), the supervisors' one.
    let reaction: [String]
    let followUpSelf: [String]
    let followUpSupervisor: [(supervisor: String, subject: String)]

    var participants: [String] { entries.map(\.key) }
    var quarter: Int { (Int(days.max()!.dropFirst(5).prefix(2))! - 1) / 3 + 1 }

    func attendancePercent(_ key: String) -> Double {
        let marks = Array(attendance[key] ?? "")
        let attended = marks.filter { $0 == "H" || $0 == "T" }.count
        return Double(attended * jpPerDay) * 100 / Double(days.count * jpPerDay)
    }
}

struct SeedProgram: Sendable {
    let code: String
    let title: String
    /// bkctl's word for the kind, and the ledger's kind.
    let kind: String
    let jp: Int
    let levels: String
    let postTestPassMark: Double?
    let costPerSession: Int64
}

/// Learning outside the system, reported by the person through the API and then decided by BKPSDM.
struct SeedOutsideLearning: Sendable {
    enum Decision: Sendable { case verified, rejected, pending }
    let key: String
    let title: String
    let jp: Int
    let start: String
    let end: String
    let decision: Decision
    var year: Int { Int(end.prefix(4))! }
}

/// A service unit's survey outside the system (U1…U9 are the NRR of each element).
struct SeedOutsideIkm: Sendable {
    let agency: String
    let unit: String
    let year: Int
    let semester: Int
    let respondents: Int
    let nrr: [Double]
}

/// What the test puts into the city, for the year `year`.
struct SeedPlan: Sendable {
    let year: Int
    let today: SeedDay
    let people: [SeedPerson]
    let programs: [SeedProgram]
    let sessions: [SeedSession]
    let outsideLearning: [SeedOutsideLearning]
    let outsideIkm: [SeedOutsideIkm]
    /// The public's answers to DINKES/YANKES's IKM survey this year: per respondent, elements 1…9 (1–4).
    let publicIkm: [[Int]]
    let testKey: [Int]
    let k = 5

    var byKey: [String: SeedPerson] { Dictionary(uniqueKeysWithValues: people.map { ($0.key, $0) }) }
    var active: [SeedPerson] { people.filter(\.active) }
    func person(_ key: String) -> SeedPerson { people.first { $0.key == key }! }
    func program(_ code: String) -> SeedProgram { programs.first { $0.code == code }! }
    /// Sessions that ran (not cancelled) and ended in the year.
    var heldSessions: [SeedSession] { sessions.filter { !$0.cancelled } }

    static let agencies: [(code: String, name: String, kind: String, units: [(code: String, name: String)])] = [
        ("BKPSDM", "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", "badan", []),
        ("DINKES", "Dinas Kesehatan", "dinas", [("SEKRETARIAT", "Sekretariat"), ("P2P", "Bidang Pencegahan dan Pengendalian Penyakit"),
                                                ("YANKES", "Bidang Pelayanan Kesehatan")]),
        ("DISDIK", "Dinas Pendidikan dan Kebudayaan", "dinas", [("KURIKULUM", "Bidang Kurikulum"), ("SEKRETARIAT", "Sekretariat")]),
    ]
    /// Agency heads and unit heads, by key.
    static let heads: [String: String] = ["BKPSDM": "B00", "DINKES": "D00", "DISDIK": "E00"]
    static let unitHeads: [(agency: String, unit: String, head: String)] = [
        ("DINKES", "SEKRETARIAT", "D01"), ("DINKES", "P2P", "D02"), ("DINKES", "YANKES", "D03"),
        ("DISDIK", "KURIKULUM", "E01"), ("DISDIK", "SEKRETARIAT", "E09"),
    ]

    static func make(year y: Int, today: SeedDay) -> SeedPlan {
        var people: [SeedPerson] = []
        func p(_ key: String, _ name: String, _ agency: String, _ unit: String, sup: String, _ level: String, _ position: String, _ rank: String,
               _ education: String, born: (Int, Int, Int), tmt: (Int, Int), female: Bool, skp: [Int: String], sanction: String? = nil,
               pppk: Bool = false, active: Bool = true) {
            people.append(SeedPerson(
                key: key, name: name, agency: agency, unit: unit, supervisor: sup, level: level, position: position, rank: rank, education: education,
                pppk: pppk, born: (born.0, born.1, born.2), start: (tmt.0, tmt.1), female: female, active: active, skp: skp, sanction: sanction))
        }
        let last = y - 1
        // BKPSDM: the head, a head of division, eight staff; nobody attends a program, some learn outside.
        p("B00", "Drs. Hendra Saputra M.Si", "BKPSDM", "", sup: "", "JPT Pratama", "Kepala Badan", "IV/c", "S2", born: (1970, 4, 12), tmt: (1995, 3), female: false, skp: [last: "MM", y: "MM"])
        p("B01", "Yuliani Putri M.AP", "BKPSDM", "", sup: "B00", "Administrator", "Kepala Bidang Pengembangan Kompetensi", "III/d", "S2", born: (1978, 6, 21), tmt: (2003, 1), female: true, skp: [last: "MM", y: "AM"])
        p("B02", "Rizky Pratama S.Kom", "BKPSDM", "", sup: "B01", "Pelaksana", "Pengelola Data Kepegawaian", "III/b", "S1", born: (1988, 2, 3), tmt: (2012, 4), female: false, skp: [last: "BM", y: "BA"])
        p("B03", "Siti Rahmawati S.E.", "BKPSDM", "", sup: "B01", "JF Ahli Pertama", "Analis SDM Aparatur", "III/b", "S1", born: (1990, 7, 15), tmt: (2014, 2), female: true, skp: [last: "MM", y: "MM"])
        p("B04", "Fajar Nugroho S.H.", "BKPSDM", "", sup: "B01", "Pelaksana", "Pengadministrasi Umum", "III/a", "S1", born: (1991, 9, 9), tmt: (2016, 3), female: false, skp: [last: "MM", y: "MB"])
        p("B05", "Dewi Lestari S.Psi", "BKPSDM", "", sup: "B01", "JF Ahli Pertama", "Analis SDM Aparatur", "III/a", "S1", born: (1992, 11, 30), tmt: (2018, 1), female: true, skp: [last: "MM", y: "AA"])
        p("B06", "Agus Salim S.AP", "BKPSDM", "", sup: "B01", "Pelaksana", "Pengelola Diklat", "III/a", "S1", born: (1993, 5, 5), tmt: (2019, 3), female: false, skp: [last: "AM", y: "AA"])
        p("B07", "Nurul Hidayah S.Pd", "BKPSDM", "", sup: "B01", "JF Ahli Pertama", "Widyaiswara Ahli Pertama", "III/a", "S1", born: (1995, 1, 17), tmt: (y - 3, 2), female: true, skp: [last: "MM", y: "AA"])
        p("B08", "Andi Wijaya S.Kom", "BKPSDM", "", sup: "B01", "Pelaksana", "Pengelola Sistem Informasi", "III/a", "S1", born: (1996, 8, 8), tmt: (y - 2, 3), female: false, skp: [last: "MM", y: "AA"])
        p("B09", "Maya Sari S.I.Kom", "BKPSDM", "", sup: "B01", "Pelaksana", "Pengelola Kehumasan", "III/a", "S1", born: (1997, 12, 1), tmt: (last, 2), female: true, skp: [last: "MM", y: "AA"])
        // DINKES: the Head of Health, three heads of unit, staff; five PPPK nurses; one retired nurse.
        p("D00", "dr. Budi Santoso M.Kes", "DINKES", "", sup: "", "JPT Pratama", "Kepala Dinas Kesehatan", "IV/c", "S2", born: (1969, 3, 14), tmt: (1996, 3), female: false, skp: [last: "AA", y: "AA"])
        p("D01", "Ratna Dewi M.Kes", "DINKES", "SEKRETARIAT", sup: "D00", "Administrator", "Sekretaris Dinas", "III/d", "S2", born: (1976, 10, 2), tmt: (2002, 3), female: true, skp: [last: "MM", y: "AA"])
        p("D02", "dr. Hasan Basri M.Epid", "DINKES", "P2P", sup: "D00", "Administrator", "Kepala Bidang P2P", "IV/a", "S2", born: (1974, 1, 25), tmt: (2001, 2), female: false, skp: [last: "MM", y: "MM"])
        p("D03", "Ns. Sri Wahyuni S.Kep", "DINKES", "YANKES", sup: "D00", "Administrator", "Kepala Bidang Pelayanan Kesehatan", "III/d", "S1", born: (1977, 5, 19), tmt: (2004, 4), female: true, skp: [last: "BM", y: "AA"])
        p("D04", "Eko Prasetyo S.E.", "DINKES", "SEKRETARIAT", sup: "D01", "Pelaksana", "Pengelola Keuangan", "III/b", "S1", born: (1987, 3, 3), tmt: (2011, 3), female: false, skp: [last: "BM", y: "AA"])
        p("D05", "Lina Marlina S.AP", "DINKES", "SEKRETARIAT", sup: "D01", "Pelaksana", "Pengelola Kepegawaian", "III/b", "S1", born: (1988, 4, 4), tmt: (2012, 3), female: true, skp: [last: "MM", y: "AM"])
        p("D06", "Joko Susilo S.Kom", "DINKES", "SEKRETARIAT", sup: "D01", "Pelaksana", "Pengelola Data", "III/a", "S1", born: (1989, 5, 6), tmt: (2014, 4), female: false, skp: [last: "BM", y: "MM"])
        p("D07", "Fitri Handayani S.E.", "DINKES", "SEKRETARIAT", sup: "D01", "JF Ahli Pertama", "Perencana Ahli Pertama", "III/a", "S1", born: (1990, 6, 7), tmt: (2015, 2), female: true, skp: [last: "MB", y: "MA"])
        p("D08", "Dedi Kurniawan S.T.", "DINKES", "SEKRETARIAT", sup: "D01", "Pelaksana", "Pengelola Barang Milik Daerah", "III/a", "S1", born: (1991, 7, 8), tmt: (2016, 3), female: false, skp: [last: "MM", y: "AA"])
        p("D09", "dr. Rahmat Hidayat", "DINKES", "P2P", sup: "D02", "JF Ahli Pertama", "Epidemiolog Kesehatan Ahli Pertama", "III/b", "S1", born: (1990, 8, 9), tmt: (2017, 3), female: false, skp: [last: "MM", y: "AA"])
        p("D10", "Intan Permata S.KM", "DINKES", "P2P", sup: "D02", "JF Ahli Pertama", "Epidemiolog Kesehatan Ahli Pertama", "III/a", "S1", born: (1992, 9, 10), tmt: (2018, 2), female: true, skp: [last: "BM", y: "AA"])
        p("D11", "Yoga Aditya S.KM", "DINKES", "P2P", sup: "D02", "JF Ahli Pertama", "Sanitarian Ahli Pertama", "III/a", "S1", born: (1993, 10, 11), tmt: (2019, 3), female: false, skp: [last: "MM", y: "MM"])
        p("D12", "Wulan Sari S.KM", "DINKES", "P2P", sup: "D02", "JF Ahli Pertama", "Sanitarian Ahli Pertama", "III/a", "S1", born: (1994, 11, 12), tmt: (2020, 3), female: true, skp: [last: "BM", y: "BM"])
        p("D13", "Arif Rahman S.KM", "DINKES", "P2P", sup: "D02", "JF Ahli Pertama", "Entomolog Kesehatan Ahli Pertama", "III/a", "S1", born: (1994, 12, 13), tmt: (2020, 4), female: false, skp: [last: "MM", y: "MM"], sanction: "ringan")
        p("D14", "Putri Ayu S.KM", "DINKES", "P2P", sup: "D02", "JF Ahli Pertama", "Epidemiolog Kesehatan Ahli Pertama", "III/a", "S1", born: (1995, 2, 14), tmt: (y - 4, 3), female: true, skp: [last: "MB", y: "AB"])
        p("D15", "Bayu Setiawan S.KM", "DINKES", "P2P", sup: "D02", "JF Ahli Pertama", "Sanitarian Ahli Pertama", "III/a", "S1", born: (1996, 3, 15), tmt: (y, 1), female: false, skp: [y: "MM"])
        p("D16", "Ns. Anisa Rahma S.Kep", "DINKES", "YANKES", sup: "D03", "JF Ahli Pertama", "Perawat Ahli Pertama", "III/a", "S1", born: (1991, 4, 16), tmt: (2016, 4), female: true, skp: [last: "MM", y: "AA"])
        p("D17", "Ns. Rudi Hartono S.Kep", "DINKES", "YANKES", sup: "D03", "JF Ahli Pertama", "Perawat Ahli Pertama", "III/b", "S1", born: (1989, 5, 17), tmt: (2013, 3), female: false, skp: [last: "BM", y: "MM"])
        p("D18", "Ns. Melati Suryani S.Kep", "DINKES", "YANKES", sup: "D03", "JF Ahli Pertama", "Perawat Ahli Pertama", "III/a", "S1", born: (1992, 6, 18), tmt: (2017, 2), female: true, skp: [last: "MM", y: "AA"])
        p("D19", "Ns. Teguh Wibowo S.Kep", "DINKES", "YANKES", sup: "D03", "JF Ahli Pertama", "Perawat Ahli Pertama", "III/a", "S1", born: (1995, 7, 19), tmt: (y - 3, 3), female: false, skp: [last: "BM", y: "MM"])
        p("D20", "Ns. Sinta Maharani S.Kep", "DINKES", "YANKES", sup: "D03", "JF Ahli Pertama", "Perawat Ahli Pertama", "III/a", "S1", born: (1996, 8, 20), tmt: (last, 3), female: true, skp: [last: "MM", y: "MM"])
        for (index, appointed) in [y - 4, y - 3, y - 2, last, last].enumerated() {
            p("D2\(index + 1)", ["Rini Astuti A.Md.Kep", "Hendra Gunawan A.Md.Kep", "Dian Purnama A.Md.Kep", "Siska Amelia A.Md.Kep", "Fikri Ramadhan A.Md.Kep"][index],
              "DINKES", "YANKES", sup: "D03", "JF Terampil", "Perawat Terampil", "VII", "D3", born: (1993 + index, 1 + index, 21 + index), tmt: (appointed, 1),
              female: index % 2 == 0, skp: [:], pppk: true)
        }
        p("D26", "Ns. Suparman S.Kep", "DINKES", "YANKES", sup: "D03", "JF Ahli Muda", "Perawat Ahli Muda", "III/d", "S1", born: (1966, 9, 26), tmt: (1990, 3), female: false,
          skp: [last: "AA", y: "AA"], active: false)
        // DISDIK: the head, two heads of unit, staff.
        p("E00", "Drs. Syafrizal M.Pd", "DISDIK", "", sup: "", "JPT Pratama", "Kepala Dinas Pendidikan dan Kebudayaan", "IV/c", "S2", born: (1968, 2, 20), tmt: (1994, 3), female: false, skp: [last: "MM", y: "MM"])
        p("E01", "Hj. Rosmawati M.Pd", "DISDIK", "KURIKULUM", sup: "E00", "Administrator", "Kepala Bidang Kurikulum", "IV/a", "S2", born: (1975, 3, 21), tmt: (2000, 3), female: true, skp: [last: "MM", y: "MM"])
        let kurikulum: [(String, String, (Int, Int, Int), (Int, Int), Bool, String, String)] = [
            ("E02", "Ahmad Fauzi S.Pd", (1988, 4, 22), (2012, 2), false, "BM", "AA"), ("E03", "Rina Oktaviani S.Pd", (1989, 5, 23), (2013, 3), true, "MM", "AM"),
            ("E04", "Hendri Gunawan S.Pd", (1990, 6, 24), (2015, 3), false, "BM", "MM"), ("E05", "Sari Utami S.Pd", (1991, 7, 25), (2016, 2), true, "MB", "MM"),
            ("E06", "Doni Saputra S.Pd", (1992, 8, 26), (2017, 3), false, "MM", "MM"), ("E07", "Yanti Susanti S.Pd", (1993, 9, 27), (2018, 3), true, "BM", "MA"),
            ("E08", "Irfan Hakim S.Pd", (1994, 10, 28), (2019, 2), false, "MM", "MM"),
        ]
        for (key, name, born, tmt, female, before, now) in kurikulum {
            p(key, name, "DISDIK", "KURIKULUM", sup: "E01", "JF Ahli Pertama", "Pengembang Teknologi Pembelajaran Ahli Pertama", "III/a", "S1", born: born, tmt: tmt,
              female: female, skp: [last: before, y: now])
        }
        p("E09", "Zulkifli S.Sos", "DISDIK", "SEKRETARIAT", sup: "E00", "Administrator", "Sekretaris Dinas", "III/d", "S1", born: (1979, 11, 29), tmt: (2005, 3), female: false, skp: [last: "MM", y: "AA"])
        let sekretariat: [(String, String, (Int, Int, Int), (Int, Int), Bool, [Int: String], String?)] = [
            ("E10", "Mega Puspita S.E.", (1990, 1, 10), (2014, 3), true, [last: "MM", y: "AM"], nil),
            ("E11", "Taufik Hidayat S.Kom", (1991, 2, 11), (2016, 3), false, [last: "BM", y: "AA"], nil),
            ("E12", "Lia Amelia S.AP", (1992, 3, 12), (2017, 4), true, [last: "MM", y: "AA"], nil),
            ("E13", "Rian Firmansyah S.E.", (1993, 4, 13), (2018, 2), false, [last: "BM", y: "AA"], nil),
            ("E14", "Vivi Anggraini S.Sos", (1994, 5, 14), (2019, 3), true, [last: "MM", y: "MM"], nil),
            ("E15", "Hadi Susanto S.H.", (1995, 6, 15), (y - 2, 3), false, [last: "MM", y: "BA"], nil),
            ("E16", "Tari Wulandari S.E.", (1996, 7, 16), (last, 3), true, [last: "MM", y: "MM"], "sedang"),
        ]
        for (key, name, born, tmt, female, skp, sanction) in sekretariat {
            p(key, name, "DISDIK", "SEKRETARIAT", sup: "E09", "Pelaksana", "Pengadministrasi Umum", "III/a", "S1", born: born, tmt: tmt, female: female,
              skp: skp, sanction: sanction)
        }
        p("E17", "Ilham Maulana", "DISDIK", "SEKRETARIAT", sup: "E09", "Pelaksana", "Pengemudi", "II/a", "SMA", born: (1998, 8, 17), tmt: (y, 1), female: false, skp: [y: "MM"])

        let programs = [
            SeedProgram(code: "LAT-MANWAKTU", title: "Pelatihan Manajemen Waktu", kind: "pelatihan", jp: 24, levels: "L1,L2,L3", postTestPassMark: 60,
                        costPerSession: 15_000_000),
            SeedProgram(code: "SEM-KEPEMIMPINAN", title: "Seminar Kepemimpinan", kind: "seminar", jp: 8, levels: "L1,L3", postTestPassMark: nil, costPerSession: 0),
        ]
        func day(_ month: Int, _ day: Int) -> String { String(format: "%04d-%02d-%02d", y, month, day) }
        let first = SeedSession(
            id: "LAT-MANWAKTU-01", program: "LAT-MANWAKTU", days: [day(2, 10), day(2, 11), day(2, 12)], jpPerDay: 8, capacity: 20,
            entries: ["D04", "D05", "D06", "D07", "D08"].map { ($0, .assigned) } + ["D09", "D10", "D11", "D12", "D13", "D14", "D15"].map { ($0, .nominated(by: "D02")) },
            waitlisted: [],
            attendance: ["D04": "HHH", "D05": "HTH", "D06": "HHH", "D07": "THH", "D08": "HTH", "D09": "HHH", "D10": "HHT", "D11": "HAA", "D12": "HHI",
                         "D13": "HHH", "D14": "HHH", "D15": "HHH"],
            preTest: ["D04": 40, "D05": 50, "D06": 30, "D07": 40, "D08": 50, "D09": 60, "D10": 20, "D11": 30, "D12": 40, "D13": 30, "D14": 40, "D15": 50],
            postTest: ["D04": 90, "D05": 90, "D06": 80, "D07": 70, "D08": 80, "D09": 100, "D10": 70, "D12": 70, "D13": 50, "D14": 40, "D15": 50],
            cancelled: false,
            reaction: ["D04", "D05", "D06", "D07", "D08", "D09", "D10", "D12", "D13", "D15"],
            followUpSelf: ["D04", "D05", "D06", "D07", "D08", "D09", "D10", "D12", "D13", "D14"],
            followUpSupervisor: ["D04", "D05", "D06", "D07", "D08"].map { ("D01", $0) } + ["D09", "D10", "D11", "D12", "D13"].map { ("D02", $0) })
        let requested = ["E02", "E03", "E04", "E05", "E06", "E07", "E08", "E10", "E11", "E12", "E13"]
        let second = SeedSession(
            id: "LAT-MANWAKTU-02", program: "LAT-MANWAKTU", days: [day(5, 12), day(5, 13), day(5, 14)], jpPerDay: 8, capacity: 16,
            entries: ["D16", "D17", "D18", "D19", "D20"].map { ($0, .assigned) } + requested.map { ($0, .requested) },
            waitlisted: ["E14"],
            attendance: ["D16": "HHH", "D17": "HHH", "D18": "HTH", "D19": "HHH", "D20": "HHH", "E02": "HHH", "E03": "HHH", "E04": "THH", "E05": "HHH",
                         "E06": "HHH", "E07": "HHT", "E08": "HHH", "E10": "HHH", "E11": "HHH", "E12": "HTH", "E13": "HHH"],
            preTest: ["D16": 50, "D17": 40, "D18": 60, "D19": 30, "D20": 40, "E02": 30, "E03": 40, "E04": 50, "E05": 20, "E06": 40, "E07": 50, "E08": 30,
                      "E10": 40, "E11": 60, "E12": 50, "E13": 30],
            postTest: ["D16": 90, "D17": 80, "D18": 90, "D19": 70, "D20": 80, "E02": 80, "E03": 70, "E04": 80, "E05": 60, "E06": 90, "E07": 80, "E08": 70,
                       "E10": 80, "E11": 90, "E12": 100, "E13": 70],
            cancelled: false,
            reaction: ["D16", "D17", "D18", "D19", "E02", "E03", "E04", "E05", "E06", "E07", "E10", "E11", "E12", "E13"],
            followUpSelf: ["D16", "D17", "D18", "D19", "E02", "E03", "E04", "E05", "E06", "E07", "E10", "E11"],
            followUpSupervisor: ["D16", "D17", "D18", "D19", "D20"].map { ("D03", $0) } + ["E02", "E03", "E04", "E05", "E06"].map { ("E01", $0) })
        let third = SeedSession(
            id: "LAT-MANWAKTU-03", program: "LAT-MANWAKTU", days: [day(11, 17), day(11, 18), day(11, 19)], jpPerDay: 8, capacity: 20,
            entries: [("E15", .assigned), ("E16", .assigned)], waitlisted: [], attendance: [:], preTest: [:], postTest: [:], cancelled: true,
            reaction: [], followUpSelf: [], followUpSupervisor: [])
        let seminar = SeedSession(
            id: "SEM-KEPEMIMPINAN-01", program: "SEM-KEPEMIMPINAN", days: [day(8, 20)], jpPerDay: 8, capacity: 30,
            entries: ["D01", "D02", "D03", "D04", "D05", "D16", "D17", "D18", "D19", "D20", "E02", "E03", "E04", "E05", "E10", "E11", "E12", "E13"].map { ($0, .assigned) }
                + [("E01", .nominated(by: "E00")), ("E09", .nominated(by: "E00"))],
            waitlisted: [],
            attendance: ["D01": "H", "D02": "H", "D03": "T", "D04": "H", "D05": "H", "D16": "H", "D17": "H", "D18": "H", "D19": "H", "D20": "H",
                         "E01": "H", "E09": "H", "E02": "H", "E03": "H", "E10": "T", "E04": "A", "E05": "I", "E11": "S", "E12": "A", "E13": "A"],
            preTest: [:], postTest: [:], cancelled: false,
            reaction: ["D01", "D02", "D03", "D04", "D05", "D16", "D17", "D18", "D19", "E01", "E02", "E10"],
            followUpSelf: ["D01", "D02", "D03", "D04", "D16", "D17", "E01", "E02"],
            followUpSupervisor: [("D00", "D01"), ("D00", "D02"), ("D00", "D03")])

        var outside: [SeedOutsideLearning] = []
        for key in ["B01", "B02", "B03", "B04", "B05", "B06"] {
            outside.append(.init(key: key, title: "Orientasi Transformasi Digital ASN", jp: 20, start: "\(last)-03-02", end: "\(last)-03-20", decision: .verified))
        }
        for key in ["B05", "B06", "B07", "B08", "B09"] {
            outside.append(.init(key: key, title: "Analisis Kebutuhan Pengembangan Kompetensi", jp: 20, start: day(4, 6), end: day(4, 24), decision: .verified))
        }
        outside.append(.init(key: "B03", title: "Manajemen Talenta ASN", jp: 25, start: day(6, 1), end: day(6, 19), decision: .pending))
        outside.append(.init(key: "B04", title: "Kursus Bahasa Inggris Daring", jp: 30, start: day(6, 1), end: day(6, 26), decision: .rejected))
        for key in ["D01", "D02", "D03"] {
            outside.append(.init(key: key, title: "Kepemimpinan Digital Sektor Kesehatan", jp: 12, start: day(7, 6), end: day(7, 10), decision: .verified))
        }

        let outsideIkm = [
            SeedOutsideIkm(agency: "BKPSDM", unit: "", year: last, semester: 1, respondents: 40, nrr: [3.10, 3.05, 2.95, 3.40, 3.00, 3.15, 3.25, 2.80, 3.05]),
            SeedOutsideIkm(agency: "BKPSDM", unit: "", year: last, semester: 2, respondents: 40, nrr: [3.20, 3.10, 3.05, 3.45, 3.10, 3.20, 3.30, 2.90, 3.10]),
            SeedOutsideIkm(agency: "BKPSDM", unit: "", year: y, semester: 1, respondents: 45, nrr: [3.15, 3.10, 3.00, 3.40, 3.05, 3.20, 3.30, 2.85, 3.05]),
            SeedOutsideIkm(agency: "DINKES", unit: "YANKES", year: last, semester: 1, respondents: 60, nrr: [2.85, 2.90, 2.70, 3.30, 2.95, 3.00, 3.10, 2.60, 2.80]),
        ]
        let pattern = [3, 4, 3, 3, 2, 4, 3, 4]
        let publicIkm = (0..<8).map { respondent in (0..<9).map { element in pattern[(respondent + element) % pattern.count] } }
        return SeedPlan(
            year: y, today: today, people: people, programs: programs, sessions: [first, second, third, seminar], outsideLearning: outside,
            outsideIkm: outsideIkm, publicIkm: publicIkm, testKey: (1...10).map { ($0 * 3) % 4 })
    }

    // MARK: answers, generated from a respondent's place in a program's list of respondents

    static let reactionLikert = ["l1-01", "l1-02", "l1-03", "l1-04", "l1-05", "l1-06", "l1-07", "l1-08", "l1-10"]
    static let selfLikert = (1...7).map { "l3p-0\($0)" }
    static let supervisorLikert = (1...7).map { "l3a-0\($0)" }

    struct Reaction: Sendable {
        var likert: [String: Int]
        var confidenceApplying: (before: Int, after: Int)
        var confidenceLeading: (before: Int, after: Int)
        var nps: Int
    }

    /// The reaction of the `index`-th respondent of a program (over its sessions, in order). The seminar's
    /// venue (l1-06) is rated poorly; every other item of every campaign averages 3 or more.
    static func reaction(program: String, index i: Int) -> Reaction {
        if program == "SEM-KEPEMIMPINAN" {
            var likert: [String: Int] = [:]
            for (j, item) in reactionLikert.enumerated() { likert[item] = [4, 3, 3, 4][(i + j) % 4] }
            likert["l1-06"] = [2, 3, 2, 2, 3, 2][i % 6]
            return Reaction(likert: likert, confidenceApplying: (3, 4), confidenceLeading: (2, 4 + i % 2), nps: [8, 9, 7, 10, 9, 6, 8, 9, 10, 7, 9, 8][i % 12])
        }
        var likert: [String: Int] = [:]
        for (j, item) in reactionLikert.enumerated() { likert[item] = [4, 3, 4, 4, 3][(i + 2 * j) % 5] }
        return Reaction(likert: likert, confidenceApplying: (2 + i % 2, 4 + (i % 3 == 0 ? 1 : 0)), confidenceLeading: (3, 4),
                        nps: [9, 10, 8, 9, 7, 10, 6, 9, 10, 8][i % 10])
    }

    struct FollowUp: Sendable {
        var likert: [String: Int]
        var change: (before: Int, after: Int)
    }

    static func followUpSelf(program: String, index i: Int) -> FollowUp {
        let offset = program == "SEM-KEPEMIMPINAN" ? 1 : 0
        var likert: [String: Int] = [:]
        for (j, item) in selfLikert.enumerated() { likert[item] = [4, 3, 4, 3, 4][(i + j + offset) % 5] }
        return FollowUp(likert: likert, change: (2 + i % 2, 4 - (i % 3 == 2 ? 1 : 0) + (i % 4 == 0 ? 1 : 0)))
    }

    static func followUpSupervisor(program: String, index i: Int) -> FollowUp {
        var likert: [String: Int] = [:]
        for (j, item) in supervisorLikert.enumerated() { likert[item] = [3, 4, 3, 4][(i + j) % 4] }
        return FollowUp(likert: likert, change: (2 + i % 2, 4))
    }

    /// Who answered, in order, over the held sessions of a program.
    func respondents(_ program: String, _ list: (SeedSession) -> [String]) -> [String] {
        heldSessions.filter { $0.program == program }.flatMap(list)
    }
}

// MARK: - The domain's arithmetic on that data (domain.md; IP ASN items: Modules/Reporting/README.md)

/// One expected cell.
enum SeedWant: Sendable, CustomStringConvertible {
    case value(Double, tolerance: Double = 1e-6)
    case hidden
    case missing
    case text(String)
    case containing(String)

    static func n(_ value: Int) -> SeedWant { .value(Double(value), tolerance: 0) }
    static func share(_ part: Int, of whole: Int) -> SeedWant { whole == 0 ? .missing : .value(Double(part) * 100 / Double(whole)) }
    static func optional(_ value: Double?, tolerance: Double = 1e-6) -> SeedWant { value.map { .value($0, tolerance: tolerance) } ?? .missing }

    var description: String {
        switch self {
        case .value(let number, _): "\(number)"
        case .hidden: "hidden"
        case .missing: "missing"
        case .text(let text): "'\(text)'"
        case .containing(let text): "containing '\(text)'"
        }
    }
}

/// One expected table: its title and every row, the label first (matched in order).
struct SeedTable: Sendable {
    let section: String
    let title: String
    let rows: [(label: String, cells: [SeedWant])]
}

/// One expected chart: its categories and each series' values (nil: drawn as absent).
struct SeedChart: Sendable {
    let title: String
    let categories: [String]
    let series: [(name: String, values: [Double?])]
}

extension SeedTable {
    /// The rows other than the total.
    var body: [(label: String, cells: [SeedWant])] { rows.filter { $0.label != "Jumlah" } }

    /// One column of the rows other than the total (`index` counts the cells after the label), nil where
    /// hidden or missing: what a chart drawn from the table shows.
    func column(_ index: Int) -> [Double?] {
        body.map { if case .value(let number, _) = $0.cells[index] { number } else { nil } }
    }
}

enum SeedPredicate: Int, Sendable {
    case sangatKurang = 1, kurang, butuhPerbaikan, baik, sangatBaik

    /// PermenPANRB 6/2022 as domain.md states it, work results × behaviour: above × (below, meets, above) =
    /// kurang, baik, sangat baik; meets × … = kurang, baik, baik; below × … = sangat kurang, butuh perbaikan,
    /// butuh perbaikan.
    init(_ code: String) {
        let work = code.first!, behaviour = code.last!
        switch (work, behaviour) {
        case ("A", "B"), ("M", "B"): self = .kurang
        case ("A", "M"), ("M", "M"), ("M", "A"): self = .baik
        case ("A", "A"): self = .sangatBaik
        case ("B", "B"): self = .sangatKurang
        default: self = .butuhPerbaikan
        }
    }

    var isGood: Bool { rawValue >= SeedPredicate.baik.rawValue }
    /// Kinerja (30): Sangat Baik 30, Baik 25, Butuh Perbaikan 15, Kurang 10, Sangat Kurang 5.
    var points: Double { [5, 10, 15, 25, 30][rawValue - 1] }

    static func rating(_ letter: Character) -> String {
        switch letter {
        case "A": "di atas ekspektasi"
        case "M": "sesuai ekspektasi"
        default: "di bawah ekspektasi"
        }
    }
}

extension SeedPlan {
    static let bandNames = ["Sangat Rendah", "Rendah", "Sedang", "Tinggi", "Sangat Tinggi"]

    func completed(_ session: SeedSession, _ key: String) -> Bool {
        guard !session.cancelled, session.participants.contains(key) else { return false }
        guard session.attendancePercent(key) >= program(session.program).completionAttendance else { return false }
        guard let mark = program(session.program).postTestPassMark else { return true }
        guard let post = session.postTest[key] else { return false }
        return Double(post) >= mark
    }

    struct Enrolment: Sendable {
        let session: SeedSession
        let key: String
        let agency: String
        let completed: Bool
        var program: String { session.program }
    }

    /// Enrolled participants of the batches held in the year (not the waitlisted, not a cancelled batch).
    var enrolments: [Enrolment] {
        heldSessions.flatMap { session in
            session.participants.map { Enrolment(session: session, key: $0, agency: person($0).agency, completed: completed(session, $0)) }
        }
    }

    /// Verified JP lines: (key, year, kind, jp).
    var ledger: [(key: String, year: Int, kind: String, jp: Int)] {
        var lines: [(key: String, year: Int, kind: String, jp: Int)] = []
        for enrolment in enrolments where enrolment.completed {
            let program = program(enrolment.program)
            lines.append((enrolment.key, year, program.kind, program.jp))
        }
        for learning in outsideLearning where learning.decision == .verified {
            lines.append((learning.key, learning.year, "e-learning", learning.jp))
        }
        return lines
    }

    func jp(_ key: String, year: Int) -> Int { ledger.filter { $0.key == key && $0.year == year }.reduce(0) { $0 + $1.jp } }

    /// IP ASN (PermenPANRB 38/2018 with the defaults of Modules/Reporting/README.md) for the report's year:
    /// nil when a dimension has no data.
    func ipAsn(_ person: SeedPerson) -> Double? {
        // Kualifikasi (25): S3 25, S2 20, S1/D4 15, D3 10, D1/D2 5, SMA and below 1.
        let qualification: Double = ["S3": 25, "S2": 20, "S1": 15, "D4": 15, "D3": 10, "D2": 5, "D1": 5, "SMA": 1][person.education]!
        // Kompetensi (40): ≥ 20 verified JP 20; seminar/workshop/e-learning in the year or the one before 5 (structural
        // posts: a training too); leadership training for the post 15 (none here), or for other posts a pelatihan/bimtek
        // in those two years, which then does not earn the 5.
        let recent = Set(ledger.filter { $0.key == person.key && ($0.year == year || $0.year == year - 1) }.map(\.kind))
        var competency: Double = jp(person.key, year: year) >= 20 ? 20 : 0
        let seminarKinds: Set<String> = person.structural ? ["seminar", "lokakarya", "e-learning", "pelatihan", "bimtek"] : ["seminar", "lokakarya", "e-learning"]
        if !recent.isDisjoint(with: seminarKinds) { competency += 5 }
        if !person.structural, !recent.isDisjoint(with: ["pelatihan", "bimtek"]) { competency += 15 }
        // Kinerja (30) from the SKP; disiplin (5): no sanction 5, ringan 3, sedang 2, berat 1 (the year's file covers everyone).
        guard let skp = person.skp[year] else { return nil }
        let discipline: Double = ["ringan": 3, "sedang": 2, "berat": 1][person.sanction ?? ""] ?? 5
        return qualification + competency + SeedPredicate(skp).points + discipline
    }

    /// The band of a total rounded half up: 91–100, 81–90, 71–80, 61–70, ≤ 60.
    static func band(_ total: Double) -> Int {
        switch total.rounded(.toNearestOrAwayFromZero) {
        case 91...: 4
        case 81...: 3
        case 71...: 2
        case 61...: 1
        default: 0
        }
    }

    static func mean(_ values: [Double]) -> Double? { values.isEmpty ? nil : values.reduce(0, +) / Double(values.count) }

    /// An IKM of NRR per element: Σ(NRR_i × 1/9) × 25, rounded to two places at the end (PermenPANRB 14/2017).
    static func ikm(_ nrr: [Double]) -> Double { (nrr.reduce(0) { $0 + $1 / 9 } * 25 * 100).rounded() / 100 }

    /// Each service unit's IKM per year: its surveys' indices (outside ones by semester, the public's answers
    /// here), one unit and year at a time.
    var unitIkm: [String: [Int: Double]] {
        var surveys: [String: [Int: [Double]]] = [:]
        for survey in outsideIkm { surveys["\(survey.agency)/\(survey.unit)", default: [:]][survey.year, default: []].append(Self.ikm(survey.nrr)) }
        let nrr = (0..<9).map { element in Double(publicIkm.reduce(0) { $0 + $1[element] }) / Double(publicIkm.count) }
        surveys["DINKES/YANKES", default: [:]][year, default: []].append(Self.ikm(nrr))
        return surveys.mapValues { $0.mapValues { Self.mean($0)! } }
    }

    var publicIkmIndex: Double {
        Self.ikm((0..<9).map { element in Double(publicIkm.reduce(0) { $0 + $1[element] }) / Double(publicIkm.count) })
    }
}

extension SeedProgram {
    /// The service's default minimum attendance: none of these programs sets its own.
    var completionAttendance: Double { 80 }
}

/// The numbers the reports should show, from the plan alone.
struct SeedExpectations {
    let plan: SeedPlan
    /// The action items the story opened, as the test recorded them: agency, due date, state, and the
    /// program whose weak result opened it.
    let actions: [(agency: String, due: String, state: String, program: String?, title: String)]
    /// The dialogues held, by agency and date.
    let dialogues: [(agency: String, date: String)]
    /// The question texts of the reaction form, by id.
    let reactionTexts: [String: String]

    var y: Int { plan.year }
    var k: Int { plan.k }
    var agencyCodes: [String] { SeedPlan.agencies.map(\.code).sorted() }

    func value(_ x: Double?) -> SeedWant { .optional(x) }

    // MARK: the city

    var cityTables: [SeedTable] {
        let active = plan.active
        let enrolments = plan.enrolments
        let pns = active.filter { !$0.pppk }
        let meets = pns.filter { plan.jp($0.key, year: y) >= 20 }
        let participants = Set(enrolments.map(\.key))
        var tables: [SeedTable] = []

        // Perangkat daerah berdampingan.
        var compliance: [(String, [SeedWant])] = []
        var participation: [(String, [SeedWant])] = []
        var leadership: [(String, [SeedWant])] = []
        var bands: [(String, [SeedWant])] = []
        func complianceRow(_ label: String, _ group: [SeedPerson]) -> (String, [SeedWant]) {
            let meeting = group.filter { plan.jp($0.key, year: y) >= 20 }.count
            return (label, [.n(meeting), .n(group.count - meeting), .n(group.count), .share(meeting, of: group.count),
                            value(SeedPlan.mean(group.map { Double(plan.jp($0.key, year: y)) }))])
        }
        func participationRow(_ label: String, _ group: [SeedPerson]) -> (String, [SeedWant]) {
            let joined = group.filter { participants.contains($0.key) }.count
            return (label, [.n(joined), .n(group.count - joined), .n(group.count), .share(joined, of: group.count)])
        }
        func leadershipRow(_ label: String, _ agency: String?) -> (String, [SeedWant]) {
            let own = actions.filter { agency == nil || $0.agency == agency }
            let held = dialogues.filter { (agency == nil || $0.agency == agency) && $0.date.hasPrefix("\(y)-") }
            let overdue = own.filter { $0.state != "done" && $0.state != "dropped" && $0.due < plan.today.description }
            return (label, [.n(held.count), .n(own.count), .n(own.filter { $0.state == "done" }.count), .n(overdue.count)])
        }
        func bandRow(_ label: String, _ group: [SeedPerson]) -> (String, [SeedWant]) {
            let totals = group.compactMap(plan.ipAsn)
            var counts = Array(repeating: 0, count: 5)
            for total in totals { counts[SeedPlan.band(total)] += 1 }
            return (label, counts.map { .n($0) } + [.n(group.count - totals.count), .n(group.count), value(SeedPlan.mean(totals))])
        }
        for code in agencyCodes {
            let members = active.filter { $0.agency == code }
            compliance.append(complianceRow(code, members.filter { !$0.pppk }))
            participation.append(participationRow(code, members))
            leadership.append(leadershipRow(code, code))
            bands.append(bandRow(code, members))
        }
        compliance.append(complianceRow("Jumlah", pns))
        participation.append(participationRow("Jumlah", active))
        leadership.append(leadershipRow("Jumlah", nil))
        bands.append(bandRow("Jumlah", active))
        let side = "Perangkat daerah berdampingan"
        tables += [
            SeedTable(section: side, title: "Pemenuhan 20 JP (tahun \(y))", rows: compliance),
            SeedTable(section: side, title: "Partisipasi tahun \(y)", rows: participation),
            SeedTable(section: side, title: "Dialog terbuka dan tindak lanjut (tahun \(y))", rows: leadership),
            SeedTable(section: side, title: "Sebaran IP ASN (tahun \(y))", rows: bands),
        ]

        // Ringkasan: every figure from the data (not from the other tables).
        let completedCount = enrolments.filter(\.completed).count
        let delivered = enrolments.filter(\.completed).reduce(0) { $0 + plan.program($1.program).jp }
        let totals = active.compactMap(plan.ipAsn)
        tables.insert(SeedTable(section: "Ringkasan", title: "Ringkasan", rows: [
            ("Program berjalan", [.n(Set(plan.heldSessions.map(\.program)).count)]),
            // A batch that was cancelled did not run, and the program reports do not count it ("Angkatan (sesi)" there
            // counts batches with participants). The city report once counted every session of the year whatever its
            // state, so the cancelled LAT-MANWAKTU-03 made it 4 while the program reports added up to 3.
            ("Angkatan", [.n(plan.heldSessions.count)]),
            ("Peserta (pendaftaran)", [.n(enrolments.count)]),
            ("Lulus", [.n(completedCount)]),
            ("ASN yang ikut", [.n(participants.count)]),
            ("JP yang diberikan", [.n(delivered)]),
            ("% PNS memenuhi 20 JP (tahun \(y))", [.share(meets.count, of: pns.count)]),
            ("Rata-rata IP ASN (skor lengkap, tahun \(y))", [value(SeedPlan.mean(totals))]),
        ]), at: 0)

        // Programs by reaction and learning, the most satisfied first.
        let ranked = plan.programs.map { program -> (label: String, satisfaction: Double?, cells: [SeedWant]) in
            let own = enrolments.filter { $0.program == program.code }
            let done = own.filter(\.completed).count
            let reaction = reactionResults(program.code)
            let satisfaction = SeedPlan.mean(SeedPlan.reactionLikert.map { item in reaction.likertMean[item]! / 4 * 100 })
            let learning = learningResults(program.code)
            return ("\(program.title) (\(program.code))", satisfaction, [
                .n(own.count), .share(done, of: own.count), value(satisfaction), value(reaction.nps), value(learning.map(\.classGain)),
            ])
        }.sorted { ($0.satisfaction ?? -1) > ($1.satisfaction ?? -1) }
        tables.append(SeedTable(section: "Program terbaik dan terlemah", title: "Program menurut reaksi dan pembelajaran", rows: ranked.map { ($0.label, $0.cells) }))

        // Trends: per quarter of the year, and over five years (people counted from their TMT year).
        var quarters: [(String, [SeedWant])] = []
        for quarter in 1...4 {
            let rows = enrolments.filter { $0.session.quarter == quarter }
            let done = rows.filter(\.completed).count
            quarters.append(("T\(quarter)", [.n(done), .n(rows.count - done), .n(rows.count), .share(done, of: rows.count)]))
        }
        quarters.append(("Jumlah", [.n(completedCount), .n(enrolments.count - completedCount), .n(enrolments.count), .share(completedCount, of: enrolments.count)]))
        tables.append(SeedTable(section: "Tren", title: "Per triwulan \(y)", rows: quarters))
        tables.append(SeedTable(section: "Tren", title: "Tren tahunan", rows: ((y - 4)...y).map { year in
            (String(year), [.n(inService(year).count), value(complianceShare(year)), value(goodShare(year)), value(year == y ? SeedPlan.mean(totals) : nil)])
        }))

        // IKM of the service units: outside surveys and the public's answers to the survey run here.
        let ikm = plan.unitIkm
        tables.append(SeedTable(section: "Kepuasan masyarakat (IKM)", title: "IKM unit layanan", rows: ikm.keys.sorted().map { unit in
            let before = ikm[unit]?[y - 1], after = ikm[unit]?[y]
            return (unit, [.optional(before, tolerance: 0.011), .optional(after, tolerance: 0.011), .optional(before.flatMap { b in after.map { $0 - b } }, tolerance: 0.011)])
        }))
        return tables
    }

    /// Active ASN already in service in `year` (TMT year, or the PPPK appointment year).
    func inService(_ year: Int) -> [SeedPerson] { plan.active.filter { $0.start.year <= year } }

    /// Share of the PNS in service then with ≥ 20 verified JP that year; nil for a year without any JP record.
    func complianceShare(_ year: Int) -> Double? {
        guard plan.ledger.contains(where: { $0.year == year }) else { return nil }
        let pns = inService(year).filter { !$0.pppk }
        return Double(pns.filter { plan.jp($0.key, year: year) >= 20 }.count) * 100 / Double(pns.count)
    }

    /// Share of Baik or Sangat Baik among those in service with an SKP that year (k of them or more).
    func goodShare(_ year: Int) -> Double? {
        let rated = inService(year).compactMap { $0.skp[year].map(SeedPredicate.init) }
        guard rated.count >= k else { return nil }
        return Double(rated.filter(\.isGood).count) * 100 / Double(rated.count)
    }

    // MARK: a program

    struct ReactionResults {
        var responses: Int
        var audience: Int
        var likertMean: [String: Double]
        var applyingAfter: Double
        var leadingAfter: Double
        var npsMean: Double
        var nps: Double?
    }

    /// Level 1 over the program's batches: every campaign has k answers or more, so all are counted.
    func reactionResults(_ code: String) -> ReactionResults {
        let respondents = plan.respondents(code) { $0.reaction }
        let answers = respondents.indices.map { SeedPlan.reaction(program: code, index: $0) }
        func mean(_ values: [Int]) -> Double { Double(values.reduce(0, +)) / Double(values.count) }
        var likert: [String: Double] = [:]
        for item in SeedPlan.reactionLikert { likert[item] = mean(answers.map { $0.likert[item]! }) }
        let scores = answers.map(\.nps)
        let nps = Double(scores.filter { $0 >= 9 }.count - scores.filter { $0 <= 6 }.count) * 100 / Double(scores.count)
        let audience = plan.heldSessions.filter { $0.program == code }.reduce(0) { sum, session in
            sum + session.participants.filter { session.attendancePercent($0) > 0 }.count
        }
        return ReactionResults(
            responses: answers.count, audience: audience, likertMean: likert, applyingAfter: mean(answers.map(\.confidenceApplying.after)),
            leadingAfter: mean(answers.map(\.confidenceLeading.after)), npsMean: mean(scores), nps: scores.count >= k ? nps : nil)
    }

    struct LearningResults {
        var pairs: Int
        var preMean: Double
        var postMean: Double
        var classGain: Double
        var individualGain: Double
        var passRate: Double
    }

    /// Level 2: g = (post − pre) / (max − pre) of the class means, and the mean of each person's g (domain.md).
    func learningResults(_ code: String) -> LearningResults? {
        guard let mark = plan.program(code).postTestPassMark else { return nil }
        var pairs: [(pre: Double, post: Double)] = []
        for session in plan.heldSessions where session.program == code {
            for key in session.participants {
                if let pre = session.preTest[key], let post = session.postTest[key] { pairs.append((Double(pre), Double(post))) }
            }
        }
        guard pairs.count >= k else { return nil }
        let pre = SeedPlan.mean(pairs.map(\.pre))!, post = SeedPlan.mean(pairs.map(\.post))!
        return LearningResults(
            pairs: pairs.count, preMean: pre, postMean: post, classGain: (post - pre) / (100 - pre),
            individualGain: SeedPlan.mean(pairs.map { ($0.post - $0.pre) / (100 - $0.pre) })!,
            passRate: Double(pairs.filter { $0.post >= mark }.count) * 100 / Double(pairs.count))
    }

    struct FollowUpResults {
        var responses: Int
        var mean: Double
        var shift: Double
    }

    func followUpResults(_ code: String, supervisors: Bool) -> FollowUpResults {
        let answers: [SeedPlan.FollowUp] = supervisors
            ? plan.respondents(code) { $0.followUpSupervisor.map(\.subject) }.indices.map { SeedPlan.followUpSupervisor(program: code, index: $0) }
            : plan.respondents(code) { $0.followUpSelf }.indices.map { SeedPlan.followUpSelf(program: code, index: $0) }
        let likert = answers.flatMap { $0.likert.values }
        return FollowUpResults(
            responses: answers.count, mean: Double(likert.reduce(0, +)) / Double(max(likert.count, 1)),
            shift: Double(answers.reduce(0) { $0 + $1.change.after - $1.change.before }) / Double(max(answers.count, 1)))
    }

    /// Level 4: units whose staff completed the program against units none of whose staff enrolled, each
    /// the people-weighted share of Baik or better among active ASN with an SKP both years.
    func performance(_ code: String) -> (treated: (units: Int, n: Int, before: Double, after: Double), comparison: (units: Int, n: Int, before: Double, after: Double)) {
        let own = plan.enrolments.filter { $0.program == code }
        func unit(_ key: String) -> String { "\(plan.person(key).agency)/\(plan.person(key).unit)" }
        let treated = Set(own.filter(\.completed).map { unit($0.key) }), touched = Set(own.map { unit($0.key) })
        let observed = plan.active.filter { $0.skp[y - 1] != nil && $0.skp[y] != nil }
        func group(_ units: Set<String>) -> (units: Int, n: Int, before: Double, after: Double) {
            let members = observed.filter { units.contains(unit($0.key)) }
            let before = members.filter { SeedPredicate($0.skp[y - 1]!).isGood }.count, after = members.filter { SeedPredicate($0.skp[y]!).isGood }.count
            return (Set(members.map { unit($0.key) }).count, members.count, Double(before) * 100 / Double(members.count), Double(after) * 100 / Double(members.count))
        }
        return (group(treated), group(Set(observed.map { unit($0.key) }).subtracting(touched)))
    }

    /// The verdict of Level 4 on performance, as Modules/Reporting/README.md defines it: each group's change is
    /// the people-weighted mean of its units' changes, its variance taken over units (clustered, with the
    /// small-sample factor G/(G−1)); a verdict needs k people and two units or more on each side, and a
    /// difference-in-differences beyond 1.96 standard errors. "positive", "negative", "neutral" or "inconclusive".
    func performanceVerdict(_ code: String) -> String {
        let own = plan.enrolments.filter { $0.program == code }
        func unit(_ key: String) -> String { "\(plan.person(key).agency)/\(plan.person(key).unit)" }
        let treated = Set(own.filter(\.completed).map { unit($0.key) }), touched = Set(own.map { unit($0.key) })
        let observed = plan.active.filter { $0.skp[y - 1] != nil && $0.skp[y] != nil }
        let byUnit = Dictionary(grouping: observed) { unit($0.key) }.mapValues { members -> (n: Double, change: Double) in
            let before = Double(members.filter { SeedPredicate($0.skp[y - 1]!).isGood }.count), after = Double(members.filter { SeedPredicate($0.skp[y]!).isGood }.count)
            return (Double(members.count), (after - before) * 100 / Double(members.count))
        }
        func group(_ units: Set<String>) -> (n: Double, change: Double, variance: Double?) {
            let members = units.compactMap { byUnit[$0] }
            let n = members.reduce(0) { $0 + $1.n }
            let change = members.reduce(0) { $0 + $1.n * $1.change } / n
            guard members.count >= 2 else { return (n, change, nil) }
            let spread = members.reduce(0) { $0 + $1.n * $1.n * ($1.change - change) * ($1.change - change) }
            return (n, change, spread / (n * n) * Double(members.count) / Double(members.count - 1))
        }
        let t = group(treated), c = group(Set(byUnit.keys).subtracting(touched))
        guard t.n >= Double(k), c.n >= Double(k), let tv = t.variance, let cv = c.variance else { return "inconclusive" }
        let difference = t.change - c.change, margin = 1.96 * (tv + cv).squareRoot()
        return difference > margin ? "positive" : difference < -margin ? "negative" : "neutral"
    }

    /// The city report's charts, drawn from its tables.
    var cityCharts: [SeedChart] {
        let tables = cityTables
        func table(_ prefix: String) -> SeedTable { tables.first { $0.title.hasPrefix(prefix) }! }
        let bands = table("Sebaran IP ASN").rows.last!.cells.prefix(5).map { if case .value(let number, _) = $0 { number } else { Double?.none } }
        let ranked = plan.programs.map(\.code).sorted { reactionSatisfaction($0) > reactionSatisfaction($1) }
        let quarters = table("Per triwulan"), years = table("Tren tahunan")
        return [
            SeedChart(title: "% PNS memenuhi 20 JP", categories: table("Pemenuhan").body.map(\.label), series: [("% memenuhi", table("Pemenuhan").column(3))]),
            SeedChart(title: "Sebaran IP ASN kota", categories: SeedPlan.bandNames, series: [("ASN", bands)]),
            SeedChart(title: "Kepuasan peserta per program", categories: ranked, series: [("Kepuasan", ranked.map(reactionSatisfaction))]),
            SeedChart(title: "Peserta per triwulan", categories: quarters.body.map(\.label), series: [("Lulus", quarters.column(0)), ("Belum lulus", quarters.column(1))]),
            SeedChart(title: "Tren tahunan", categories: years.body.map(\.label), series: [("% memenuhi JP", years.column(1)), ("% predikat Baik+", years.column(2))]),
        ]
    }

    /// A program report's charts, drawn from its tables.
    func programCharts(_ code: String) -> [SeedChart] {
        let agencies = programTables(code).first { $0.title == "Peserta per perangkat daerah" }!
        let reaction = reactionResults(code)
        var charts = [
            SeedChart(title: "Peserta per perangkat daerah", categories: agencies.body.map(\.label), series: [("Lulus", agencies.column(0)), ("Belum lulus", agencies.column(1))]),
            SeedChart(title: "Rata-rata butir reaksi", categories: SeedPlan.reactionLikert.map { reactionTexts[$0]! },
                      series: [("Rata-rata", SeedPlan.reactionLikert.map { reaction.likertMean[$0] })]),
        ]
        if let learning = learningResults(code) {
            charts.append(SeedChart(title: "Pre-test dan post-test", categories: ["Pre-test", "Post-test"], series: [("Rata-rata", [learning.preMean, learning.postMean])]))
        }
        let effect = performance(code)
        if effect.treated.n >= k, effect.comparison.n >= k {
            charts.append(SeedChart(title: "Predikat Baik atau lebih", categories: ["\(y - 1)", "\(y)"], series: [
                ("Unit peserta", [effect.treated.before, effect.treated.after]), ("Unit pembanding", [effect.comparison.before, effect.comparison.after]),
            ]))
        }
        return charts
    }

    func programTables(_ code: String) -> [SeedTable] {
        let program = plan.program(code)
        let own = plan.enrolments.filter { $0.program == code }
        let done = own.filter(\.completed).count
        let sessions = plan.heldSessions.filter { $0.program == code }
        var tables: [SeedTable] = []
        let participation = "Peserta dan kelulusan"
        let attendance = own.map { $0.session.attendancePercent($0.key) }
        tables.append(SeedTable(section: participation, title: "Ringkasan", rows: [
            ("Program", [.text("\(program.title) (\(code))")]),
            ("Angkatan (sesi)", [.n(sessions.count)]),
            ("Peserta", [.n(own.count)]),
            ("Lulus (selesai)", [.n(done)]),
            ("Persentase lulus", [.share(done, of: own.count)]),
            ("Rata-rata kehadiran", [value(SeedPlan.mean(attendance))]),
        ]))
        var byAgency: [(String, [SeedWant])] = Dictionary(grouping: own, by: \.agency).sorted { $0.key < $1.key }.map { agency, rows in
            let passed = rows.filter(\.completed).count
            return (agency, [.n(passed), .n(rows.count - passed), .n(rows.count), .share(passed, of: rows.count)])
        }
        byAgency.append(("Jumlah", [.n(done), .n(own.count - done), .n(own.count), .share(done, of: own.count)]))
        tables.append(SeedTable(section: participation, title: "Peserta per perangkat daerah", rows: byAgency))

        // Level 1: each item of the reaction form (the facilitator ratings are not in this table).
        let reaction = reactionResults(code)
        var items: [(String, [SeedWant])] = []
        for id in SeedPlan.reactionLikert.prefix(8) { items.append((reactionTexts[id]!, [.n(reaction.responses), value(reaction.likertMean[id]), .missing])) }
        items.append((reactionTexts["l1-10"]!, [.n(reaction.responses), value(reaction.likertMean["l1-10"]), .missing]))
        items.append((reactionTexts["l1-11"]!, [.n(reaction.responses), value(reaction.applyingAfter), .missing]))
        items.append((reactionTexts["l1-12"]!, [.n(reaction.responses), value(reaction.leadingAfter), .missing]))
        items.append((reactionTexts["l1-13"]!, [.n(reaction.responses), value(reaction.npsMean), value(reaction.nps)]))
        tables.append(SeedTable(section: "Level 1 — Reaksi peserta", title: "Butir penilaian", rows: items))

        // Level 2.
        let learningSection = "Level 2 — Pembelajaran (pre-test dan post-test)"
        if let learning = learningResults(code) {
            tables.append(SeedTable(section: learningSection, title: "Hasil tes", rows: [
                ("Peserta dengan pre- dan post-test", [.n(learning.pairs)]),
                ("Rata-rata pre-test", [value(learning.preMean)]),
                ("Rata-rata post-test", [value(learning.postMean)]),
                ("Gain kelas (g)", [value(learning.classGain)]),
                ("Rata-rata gain individu", [value(learning.individualGain)]),
                ("Lulus post-test", [value(learning.passRate)]),
            ]))
        } else {
            tables.append(SeedTable(section: learningSection, title: "Hasil tes", rows: [("Keterangan", [.containing("kurang dari \(k) peserta")])]))
        }

        // Level 3: under k answers a count is hidden and its means are not shown.
        let mine = followUpResults(code, supervisors: false), bosses = followUpResults(code, supervisors: true)
        func count(_ n: Int) -> SeedWant { n > 0 && n < k ? .hidden : .n(n) }
        tables.append(SeedTable(section: "Level 3 — Perilaku kerja", title: "Penerapan di tempat kerja (60–90 hari)", rows: [
            ("Jawaban peserta", [count(mine.responses)]),
            ("Jawaban atasan", [count(bosses.responses)]),
            ("Rata-rata menurut peserta", [mine.responses >= k ? value(mine.mean) : .missing]),
            ("Rata-rata menurut atasan", [bosses.responses >= k ? value(bosses.mean) : .missing]),
            ("Perubahan sebelum→sesudah (peserta)", [mine.responses >= k ? value(mine.shift) : .missing]),
            ("Perubahan sebelum→sesudah (atasan)", [bosses.responses >= k ? value(bosses.shift) : .missing]),
        ]))

        // Level 4: performance (people) and the service units' IKM (units).
        let effect = performance(code)
        let units = Set(own.filter(\.completed).map { "\(plan.person($0.key).agency)/\(plan.person($0.key).unit)" })
        let touched = Set(own.map { "\(plan.person($0.key).agency)/\(plan.person($0.key).unit)" })
        let ikm = plan.unitIkm.filter { $0.value[y - 1] != nil && $0.value[y] != nil }
        func ikmRow(_ group: String, _ members: [String]) -> (String, [SeedWant]) {
            let before = SeedPlan.mean(members.map { ikm[$0]![y - 1]! })!, after = SeedPlan.mean(members.map { ikm[$0]![y]! })!
            return ("IKM unit layanan", [.text(group), .n(members.count), .n(members.count), .value(before, tolerance: 0.011), .value(after, tolerance: 0.011),
                                         .value(after - before, tolerance: 0.011)])
        }
        func performanceRow(_ group: String, _ values: (units: Int, n: Int, before: Double, after: Double)) -> (String, [SeedWant]) {
            guard values.n >= k else { return ("% predikat Baik atau lebih", [.text(group), .n(values.units), .hidden, .missing, .missing, .missing]) }
            return ("% predikat Baik atau lebih", [.text(group), .n(values.units), .n(values.n), value(values.before), value(values.after), value(values.after - values.before)])
        }
        tables.append(SeedTable(section: "Level 4 — Hasil bagi unit kerja", title: "Unit peserta dibandingkan unit yang tidak mengikuti", rows: [
            performanceRow("Unit peserta", effect.treated),
            performanceRow("Unit pembanding", effect.comparison),
            ikmRow("Unit peserta", ikm.keys.filter { units.contains($0) }.sorted()),
            ikmRow("Unit pembanding", ikm.keys.filter { !touched.contains($0) }.sorted()),
        ]))

        // Level 5: the cost of the batches held.
        if program.costPerSession > 0 {
            let total = Double(program.costPerSession) * Double(sessions.count)
            tables.append(SeedTable(section: "Level 5 — Biaya dan ROI", title: "Biaya", rows: [
                ("Biaya per angkatan", [.n(Int(program.costPerSession))]),
                ("Biaya seluruh angkatan", [.value(total, tolerance: 0.001)]),
                ("Biaya per peserta lulus", [.value(total / Double(done), tolerance: 0.001)]),
                ("Biaya per JP per peserta lulus", [.value(total / Double(done * program.jp), tolerance: 0.001)]),
            ]))
        }

        // The action items its weak results opened.
        let opened = actions.filter { $0.program == code }
        if !opened.isEmpty {
            tables.append(SeedTable(section: "Tindak lanjut", title: "Tindak lanjut hasil evaluasi", rows: opened.map { action in
                (action.title, [.text(action.agency), .text(action.due), .text(action.state == "open" ? "Terbuka" : action.state)])
            }))
        }
        return tables
    }
}

// MARK: - Playing the story through bkctl and the gateway

/// The gateway's REST API over HTTP, as a browser-less client would call it: proto3 JSON both ways.
struct SeedGateway: @unchecked Sendable {
    let base: String
    let session: URLSession

    init(address: String) {
        base = "http://\(address)/api/v1"
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = 120
        session = URLSession(configuration: configuration)
    }

    struct Failure: Error, CustomStringConvertible {
        let method: String
        let path: String
        let status: Int
        let body: String
        var description: String { "\(method) \(path) → \(status): \(body.prefix(600))" }
    }

    /// One request; nil body for none. Returns the status and the body.
    func send(_ method: String, _ path: String, token: String?, json: String?) async throws -> (status: Int, body: Data) {
        var request = URLRequest(url: URL(string: base + path)!)
        request.httpMethod = method
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        if let json {
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            request.httpBody = Data(json.utf8)
        }
        let session = self.session
        return try await withCheckedThrowingContinuation { continuation in
            session.dataTask(with: request) { data, response, error in
                if let error { continuation.resume(throwing: error); return }
                continuation.resume(returning: ((response as? HTTPURLResponse)?.statusCode ?? 0, data ?? Data()))
            }.resume()
        }
    }

    /// A call that must succeed, its answer decoded as `Out`. A 5xx is a bug of the system whatever the call.
    func call<Out: Decodable>(_ method: String, _ path: String, token: String?, body: (any Encodable)? = nil, as: Out.Type) async throws -> Out {
        let json = try body.map { try ProtoJSON.encode($0) } ?? (method == "GET" ? nil : "{}")
        let (status, data) = try await send(method, path, token: token, json: json)
        guard (200..<300).contains(status) else {
            let failure = Failure(method: method, path: path, status: status, body: String(decoding: data, as: UTF8.self))
            if status >= 500 { Issue.record("the gateway answered 5xx: \(failure)") }
            throw failure
        }
        return try ProtoJSON.decode(Out.self, from: [UInt8](data))
    }
}

typealias SeedProgramsAPI = Binakarier_Programs_V1_ProgramsService
typealias SeedReport = Binakarier_Reporting_V1_Report
typealias SeedCampaign = Binakarier_Feedback_V1_Campaign
typealias SeedAnswer = Binakarier_Feedback_V1_Answer

/// Plays the plan: bkctl for BKPSDM's and the leaders' set-up, the gateway's API for what participants do.
final class SeedStory {
    static let arguments: [DaemonName: [String]] = [
        .programs: ["--revocation-poll-seconds", "0.2"],
        .feedback: ["--revocation-poll-seconds", "0.2", "--scheduler-seconds", "0.2"],
        .reporting: ["--revocation-poll-seconds", "0.2", "--sync-seconds", "0.5"],
    ]

    let cluster: Cluster
    let plan: SeedPlan
    let gateway: SeedGateway
    let directory: String
    var admin = ""
    var organizer = ""
    /// Login tokens from the API, by person key.
    var tokens: [String: String] = [:]
    /// The action items opened along the way (what the reports should list).
    var actions: [(agency: String, due: String, state: String, program: String?, title: String)] = []
    var dialogues: [(agency: String, date: String)] = []
    var reactionTexts: [String: String] = [:]
    /// How many report cells were compared.
    var checkedCells = 0

    init(_ cluster: Cluster) throws {
        self.cluster = cluster
        let today = SeedDay.today
        plan = SeedPlan.make(year: today.year, today: today)
        try #require(Set(plan.people.map(\.nip)).count == plan.people.count, "every NIP of the city is distinct")
        gateway = SeedGateway(address: try #require(cluster.gatewayAddress, "the cluster runs no gateway"))
        directory = cluster.directory.appending("seed")
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    var y: Int { plan.year }
    func nip(_ key: String) -> String { plan.person(key).nip }
    func token(_ key: String) -> String { tokens[key]! }

    // MARK: helpers

    /// bkctl with someone's token; the step must succeed (what follows depends on it).
    @discardableResult
    func bkctl(_ arguments: [String], as token: String, input: String? = nil) async throws -> String {
        let run = try await cluster.bkctl(arguments, input: input, environment: ["BINAKARIER_TOKEN": token])
        guard run.status == 0 else {
            Issue.record("bkctl \(arguments.joined(separator: " ")) exited \(run.status): \(run.output)")
            throw SeedGateway.Failure(method: "bkctl", path: arguments.joined(separator: " "), status: Int(run.status), body: run.output)
        }
        return run.output
    }

    /// bkctl with `--output json`, its answer decoded.
    func bkctl<Out: Decodable>(_ arguments: [String], as token: String, decoding: Out.Type, input: String? = nil) async throws -> Out {
        let output = try await bkctl(arguments + ["--output", "json"], as: token, input: input)
        return try ProtoJSON.decode(Out.self, from: Array(output.utf8))
    }

    func write(_ name: String, _ text: String) throws -> String {
        let path = "\(directory)/\(name)"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// Polls `probe` until it gives a value; fails the test with `what` after `limit`.
    func eventually<T>(_ what: String, within limit: Duration = .seconds(60), _ probe: () async throws -> T?) async throws -> T {
        guard let value = try? await BKTestSupport.eventually(within: limit, probe) else {
            Issue.record("timed out waiting for \(what)")
            throw SeedGateway.Failure(method: "wait", path: what, status: 0, body: "")
        }
        return value
    }

    func api<Out: Decodable>(_ method: String, _ path: String, as key: String?, body: (any Encodable)? = nil, _ type: Out.Type) async throws -> Out {
        try await gateway.call(method, path, token: key.map(token) ?? organizer, body: body, as: type)
    }

    // MARK: the story

    func play() async throws {
        try await setUpTheCity()
        try await logEveryoneIn()
        try await setUpThePrograms()
        try await enrol()
        try await runTheTraining("LAT-MANWAKTU-01")
        try await runTheTraining("LAT-MANWAKTU-02")
        try await cancelTheThirdBatch()
        try await runTheSeminar()
        try await closeTheEvaluations()
        try await followUp()
        try await learnOutside()
        try await holdTheDialogues()
        try await surveyThePublic()
        try await importTheOutcomes()
        try await checkTheReports()
    }

    /// BKPSDM's administrator builds the city with bkctl: agencies and units, the staff from a CSV, the heads,
    /// and an account for everyone (and the organiser).
    func setUpTheCity() async throws {
        admin = try await cluster.administratorToken()
        for agency in SeedPlan.agencies {
            try await bkctl(["agency", "create", "--code", agency.code, "--name", agency.name, "--kind", agency.kind], as: admin)
            for unit in agency.units {
                try await bkctl(["agency", "add-unit", agency.code, "--code", unit.code, "--name", unit.name], as: admin)
            }
        }
        var csv = "NIP;Nama;Jenis ASN;Jenis Kelamin;Tanggal Lahir;TMT CPNS;Golongan;Jenjang Jabatan;Jabatan;Pendidikan;Kode OPD;Kode Unit;NIP Atasan;Status\n"
        for person in plan.people {
            let birth = String(format: "%04d-%02d-%02d", person.born.year, person.born.month, person.born.day)
            let start = person.pppk ? "" : String(format: "%04d-%02d", person.start.year, person.start.month)
            let supervisor = person.supervisor.isEmpty ? "" : nip(person.supervisor)
            csv += [person.nip, person.name, person.pppk ? "PPPK" : "PNS", person.female ? "P" : "L", birth, start, person.rank, person.level, person.position,
                    person.education, person.agency, person.unit, supervisor, person.active ? "aktif" : "pensiun"].joined(separator: ";") + "\n"
        }
        let imported = try await bkctl(["employee", "import", try write("pegawai.csv", csv)], as: admin)
        #expect(imported.contains("\(plan.people.count) baris, \(plan.people.count) sah, 0 ditolak"), "\(imported)")
        for (agency, head) in SeedPlan.heads {
            try await bkctl(["agency", "update", agency, "--head", nip(head)], as: admin)
        }
        for head in SeedPlan.unitHeads {
            try await bkctl(["agency", "update-unit", head.agency, "--code", head.unit, "--head", nip(head.head)], as: admin)
        }
        try await bkctl(["account", "create", "bkpsdm", "--role", "organizer", "--display-name", "Penyelenggara BKPSDM", "--password-stdin"],
                        as: admin, input: Cluster.password + "\n")
        // An account for every active ASN, two at a time (identity hashes two passwords at once).
        let people = plan.active.map(\.nip)
        let cluster = self.cluster, admin = self.admin
        try await withThrowingTaskGroup(of: (String, Int32, String).self) { group in
            var next = people.makeIterator()
            for _ in 0..<2 {
                guard let nip = next.next() else { break }
                group.addTask {
                    let run = try await cluster.bkctl(["account", "create", nip, "--nip", nip, "--password-stdin"], input: Cluster.password + "\n",
                                                      environment: ["BINAKARIER_TOKEN": admin])
                    return (nip, run.status, run.output)
                }
            }
            while let (nip, status, output) = try await group.next() {
                #expect(status == 0, "account \(nip): \(output)")
                if let nip = next.next() {
                    group.addTask {
                        let run = try await cluster.bkctl(["account", "create", nip, "--nip", nip, "--password-stdin"], input: Cluster.password + "\n",
                                                          environment: ["BINAKARIER_TOKEN": admin])
                        return (nip, run.status, run.output)
                    }
                }
            }
        }
    }

    /// Everyone logs in through the API (after the records are complete: heads and supervisors get their roles).
    func logEveryoneIn() async throws {
        let gateway = self.gateway
        let login: @Sendable (String) async throws -> String = { username in
            try await gateway.call("POST", "/auth:login", token: nil, body: Binakarier_Identity_V1_LoginRequest(username: username, password: Cluster.password),
                                   as: Binakarier_Identity_V1_LoginResponse.self).token
        }
        organizer = try await login("bkpsdm")
        let people = plan.active.map { ($0.key, $0.nip) }
        let logged = try await withThrowingTaskGroup(of: (String, String).self) { group in
            var next = people.makeIterator()
            var tokens: [String: String] = [:]
            for _ in 0..<3 {
                guard let (key, nip) = next.next() else { break }
                group.addTask { (key, try await login(nip)) }
            }
            while let (key, token) = try await group.next() {
                tokens[key] = token
                if let (key, nip) = next.next() { group.addTask { (key, try await login(nip)) } }
            }
            return tokens
        }
        tokens = logged
        #expect(tokens.count == plan.active.count)
        // The retired nurse has no account: retired people do not log in.
        let refused = try await gateway.send("POST", "/auth:login", token: nil,
                                             json: try ProtoJSON.encode(Binakarier_Identity_V1_LoginRequest(username: nip("D26"), password: Cluster.password)))
        #expect(refused.status == 401, "a retired nurse without an account logs in: \(refused.status)")
    }

    /// The knowledge test of the time-management training (L2), then both programs and their batches.
    func setUpThePrograms() async throws {
        let items = (1...10).map { index in
            Binakarier_Feedback_V1_Question(
                id: "tes-\(index)", kind: .testItem, text: "Soal \(index): teknik manajemen waktu yang tepat untuk situasi kerja ini?", required: true,
                options: ["Matriks Eisenhower", "Teknik Pomodoro", "Prinsip Pareto", "Time blocking"], key: [Int32(plan.testKey[index - 1])], points: 1)
        }
        let test = Binakarier_Feedback_V1_Instrument(
            code: "TES-LAT-MANWAKTU", title: "Tes Pengetahuan Manajemen Waktu", purpose: .postTest,
            description: "Pre-test dan post-test Pelatihan Manajemen Waktu; nilai kelulusan 60.", questions: items, passMark: 60)
        try await bkctl(["form", "import", try write("tes-manwaktu.json", try ProtoJSON.encode(test, pretty: true))], as: organizer)
        try await bkctl(["form", "publish", "TES-LAT-MANWAKTU"], as: organizer)
        let reaction = try await api("GET", "/instruments/L1-STANDAR", as: nil, Binakarier_Feedback_V1_Instrument.self)
        reactionTexts = Dictionary(uniqueKeysWithValues: reaction.questions.map { ($0.id, $0.text) })

        for program in plan.programs {
            var arguments = ["program", "create", "--code", program.code, "--title", program.title, "--kind", program.kind, "--jp", String(program.jp),
                             "--organizer", "BKPSDM", "--evaluation", program.levels]
            if let mark = program.postTestPassMark { arguments += ["--post-test-pass-mark", String(Int(mark))] }
            if program.costPerSession > 0 { arguments += ["--cost", String(program.costPerSession)] }
            if program.code == "LAT-MANWAKTU" {
                arguments += ["--goal", "Peserta mengatur waktu kerja agar lebih produktif", "--competency", "MNJ-ORIENTASI-HASIL:2"]
            } else {
                arguments += ["--goal", "Peserta lebih percaya diri memimpin tim"]
            }
            try await bkctl(arguments, as: organizer)
        }
        for session in plan.sessions {
            let days = session.days.map { "\($0),08:00-16:00,\(session.jpPerDay)" }.flatMap { ["--day", $0] }
            let created = try await bkctl(["session", "create", "--program", session.program, "--capacity", String(session.capacity), "--venue", "Aula BKPSDM"] + days,
                                          as: organizer, decoding: Binakarier_Programs_V1_Session.self)
            #expect(created.id == session.id)
            try await bkctl(["session", "open", session.id], as: organizer)
        }
    }

    /// Places: BKPSDM assigns, supervisors and heads nominate their own staff, staff ask for a place
    /// themselves (through the API) and BKPSDM approves, onto the waitlist once a batch is full.
    func enrol() async throws {
        for session in plan.sessions {
            let assigned = session.entries.filter(\.how.isAssigned).map { nip($0.key) }
            if !assigned.isEmpty { try await bkctl(["enrol", "add", session.id] + assigned, as: organizer) }
            var nominators: [String: [String]] = [:]
            for entry in session.entries { if case .nominated(let by) = entry.how { nominators[by, default: []].append(nip(entry.key)) } }
            for (by, nips) in nominators.sorted(by: { $0.key < $1.key }) {
                let nominated = try await bkctl(["enrol", "nominate", session.id] + nips, as: token(by))
                #expect(nips.allSatisfy { nominated.contains("\($0): terdaftar") }, "\(nominated)")
            }
            for entry in session.entries where entry.how.isRequested {
                let asked = try await api("POST", "/sessions/\(session.id):requestEnrolment", as: entry.key, Binakarier_Programs_V1_Enrolment.self)
                #expect(asked.state == .requested)
                try await approveAsSupervisor(session.id, entry.key)
                try await bkctl(["enrol", "approve", session.id, nip(entry.key)], as: organizer)
            }
            for key in session.waitlisted {
                _ = try await api("POST", "/sessions/\(session.id):requestEnrolment", as: key, Binakarier_Programs_V1_Enrolment.self)
                try await approveAsSupervisor(session.id, key)
                let approved = try await bkctl(["enrol", "approve", session.id, nip(key)], as: organizer, decoding: Binakarier_Programs_V1_Enrolment.self)
                #expect(approved.state == .waitlisted, "the batch is full: \(key) waits")
            }
            let shown = try await api("GET", "/sessions/\(session.id)", as: nil, Binakarier_Programs_V1_Session.self)
            #expect(Int(shown.enrolledCount) == session.participants.count && Int(shown.waitlistedCount) == session.waitlisted.count, "\(session.id)")
        }
    }

    /// A request's first step: the person's direct supervisor, or their agency's head when they have none
    /// (a head's own request goes straight to BKPSDM).
    func approveAsSupervisor(_ session: String, _ key: String) async throws {
        let person = plan.person(key)
        let approver = person.supervisor.isEmpty ? SeedPlan.heads[person.agency] ?? "" : person.supervisor
        guard !approver.isEmpty, approver != key else { return }
        try await bkctl(["enrol", "approve", session, nip(key), "--reason", "sesuai rencana pengembangan"], as: token(approver))
    }

    /// The form `key` has to fill in for `purpose` in `session` (as the API lists it to them), once it is open.
    func pendingForm(_ key: String, _ purpose: Binakarier_Feedback_V1_Purpose, session: String, subject: String = "") async throws -> SeedCampaign {
        try await eventually("\(key)'s \(purpose) form of \(session)") {
            let pending = try await api("GET", "/me/pending-forms", as: key, Binakarier_Feedback_V1_ListMyPendingResponse.self)
            return pending.forms.first {
                $0.campaign?.purpose == purpose && $0.campaign?.audience?.sessionId == session && $0.subjectNip == (subject.isEmpty ? "" : nip(subject))
            }?.campaign
        }
    }

    @discardableResult
    func submit(_ key: String, _ campaign: SeedCampaign, _ answers: [SeedAnswer], subject: String = "") async throws -> Binakarier_Feedback_V1_SubmitResponseResponse {
        var request = Binakarier_Feedback_V1_SubmitResponseRequest()
        request.campaignId = campaign.id
        request.answers = answers
        if !subject.isEmpty { request.subjectNip = nip(subject) }
        return try await api("POST", "/campaigns/\(campaign.id):submit", as: key, body: request, Binakarier_Feedback_V1_SubmitResponseResponse.self)
    }

    func testAnswers(score: Int) -> [SeedAnswer] {
        (1...10).map { index in
            let key = plan.testKey[index - 1]
            return SeedAnswer(questionId: "tes-\(index)", choices: [Int32(index <= score / 10 ? key : (key + 1) % 4)])
        }
    }

    func reactionAnswers(_ reaction: SeedPlan.Reaction, comment: Bool) -> [SeedAnswer] {
        var answers = SeedPlan.reactionLikert.map { SeedAnswer(questionId: $0, number: Double(reaction.likert[$0]!)) }
        answers.append(SeedAnswer(questionId: "l1-11", before: Int32(reaction.confidenceApplying.before), after: Int32(reaction.confidenceApplying.after)))
        answers.append(SeedAnswer(questionId: "l1-12", before: Int32(reaction.confidenceLeading.before), after: Int32(reaction.confidenceLeading.after)))
        answers.append(SeedAnswer(questionId: "l1-13", number: Double(reaction.nps)))
        if comment { answers.append(SeedAnswer(questionId: "l1-14", text: "Teknik mengatur prioritas langsung dapat dipakai.")) }
        return answers
    }

    func reactionIndex(_ session: SeedSession, _ key: String) -> Int {
        plan.respondents(session.program) { $0.reaction }.firstIndex(of: key)!
    }

    /// A training batch: started (the pre-test opens), attended, completed (the reaction form and the
    /// post-test open), answered; completion follows the post-test.
    func runTheTraining(_ id: String) async throws {
        let session = plan.sessions.first { $0.id == id }!
        try await bkctl(["session", "start", id], as: organizer)
        for key in session.participants {
            let campaign = try await pendingForm(key, .preTest, session: id)
            let scored = try await submit(key, campaign, testAnswers(score: session.preTest[key]!))
            #expect(scored.score == Double(session.preTest[key]!), "\(key)'s pre-test")
        }
        var csv = "NIP;Tanggal;Status;Keterangan\n"
        let words: [Character: String] = ["H": "hadir", "T": "terlambat", "I": "izin", "S": "sakit", "A": "alpa"]
        for key in session.participants {
            for (day, mark) in zip(session.days, session.attendance[key]!) { csv += "\(nip(key));\(day);\(words[mark]!);\n" }
        }
        let imported = try await bkctl(["attendance", "import", id, try write("hadir-\(id).csv", csv)], as: organizer)
        #expect(imported.contains("\(session.participants.count * session.days.count) disimpan"), "\(imported)")
        try await bkctl(["session", "complete", id], as: organizer)
        for key in session.participants where session.postTest[key] != nil {
            let campaign = try await pendingForm(key, .postTest, session: id)
            let scored = try await submit(key, campaign, testAnswers(score: session.postTest[key]!))
            #expect(scored.passed == (session.postTest[key]! >= 60), "\(key)'s post-test")
        }
        for key in session.reaction {
            let campaign = try await pendingForm(key, .reaction, session: id)
            #expect(campaign.anonymous, "the reaction form is anonymous")
            try await submit(key, campaign, reactionAnswers(SeedPlan.reaction(program: session.program, index: reactionIndex(session, key)), comment: key.hasSuffix("5")))
        }
        try await settled(session)
    }

    /// Waits until programs has every participant's completion (post-tests reach it through feedback's
    /// scheduler) and checks it against the rule: attendance ≥ 80 % and, where required, the post-test passed.
    func settled(_ session: SeedSession) async throws {
        let programs = SeedProgramsAPI.Client(cluster.client(.programs), metadata: .bearer(organizer))
        let enrolments = try await eventually("completion of \(session.id)") { () -> [Binakarier_Programs_V1_Enrolment]? in
            let answer = try await programs.getAttendance(.init(sessionId: session.id))
            let posted = Set(answer.enrolments.filter { $0.postTestScore >= 0 }.map(\.nip))
            let pretested = Set(answer.enrolments.filter { $0.preTestScore >= 0 }.map(\.nip))
            guard answer.enrolments.allSatisfy({ $0.completion != .pending && $0.completion != .unspecified }),
                  session.postTest.keys.allSatisfy({ posted.contains(nip($0)) }), session.preTest.keys.allSatisfy({ pretested.contains(nip($0)) })
            else { return nil }
            return answer.enrolments
        }
        for key in session.participants {
            let enrolment = enrolments.first { $0.nip == nip(key) }
            #expect(enrolment?.completion == (plan.completed(session, key) ? .completed : .notCompleted), "\(session.id) \(key)")
            #expect(abs((enrolment?.attendancePercent ?? -1) - session.attendancePercent(key)) < 1e-6, "\(session.id) \(key) attendance")
            if let pre = session.preTest[key] { #expect(enrolment?.preTestScore == Double(pre), "\(session.id) \(key) pre-test in programs") }
        }
        #expect(enrolments.count == session.participants.count, "the waitlisted are not enrolled")
    }

    /// The batch that did not run: cancelled, its places with it.
    func cancelTheThirdBatch() async throws {
        try await bkctl(["session", "cancel", "LAT-MANWAKTU-03", "--reason", "peserta tidak mencukupi"], as: organizer)
    }

    /// The leadership seminar: one day, those absent cannot evaluate it.
    func runTheSeminar() async throws {
        let session = plan.sessions.first { $0.program == "SEM-KEPEMIMPINAN" }!
        try await bkctl(["session", "start", session.id], as: organizer)
        let words: [Character: String] = ["H": "hadir", "T": "terlambat", "I": "izin", "S": "sakit", "A": "alpa"]
        let byStatus = Dictionary(grouping: session.participants) { session.attendance[$0]!.first! }
        for (mark, keys) in byStatus.sorted(by: { $0.key < $1.key }) {
            try await bkctl(["attendance", "mark", session.id, "--date", session.days[0], "--status", words[mark]!] + keys.map(nip), as: organizer)
        }
        try await bkctl(["session", "complete", session.id], as: organizer)
        for key in session.reaction {
            let campaign = try await pendingForm(key, .reaction, session: session.id)
            try await submit(key, campaign, reactionAnswers(SeedPlan.reaction(program: session.program, index: reactionIndex(session, key)), comment: false))
        }
        // Someone enrolled who did not come is not asked, and cannot answer anyway.
        let campaigns = try await api("GET", "/campaigns?sessionId=\(session.id)", as: nil, Binakarier_Feedback_V1_ListCampaignsResponse.self)
        let reaction = try #require(campaigns.campaigns.first { $0.purpose == .reaction })
        #expect(Int(reaction.audienceSize) == session.participants.filter { session.attendancePercent($0) > 0 }.count)
        var refused = Binakarier_Feedback_V1_SubmitResponseRequest()
        refused.campaignId = reaction.id
        refused.answers = reactionAnswers(SeedPlan.reaction(program: session.program, index: 0), comment: false)
        let absent = try await gateway.send("POST", "/campaigns/\(reaction.id):submit", token: token("E04"), json: try ProtoJSON.encode(refused))
        #expect(absent.status == 403, "an absent participant evaluating the seminar: \(absent.status) \(String(decoding: absent.body, as: UTF8.self))")
        try await settled(session)
    }

    /// BKPSDM closes the reaction forms and the tests (anonymous results show once closed); feedback's
    /// scheduler reviews them, and the seminar's poorly rated venue opens an action item for BKPSDM's head.
    func closeTheEvaluations() async throws {
        for session in plan.heldSessions {
            let campaigns = try await api("GET", "/campaigns?sessionId=\(session.id)", as: nil, Binakarier_Feedback_V1_ListCampaignsResponse.self).campaigns
            #expect(Set(campaigns.map(\.purpose)) == (session.program == "LAT-MANWAKTU" ? [.reaction, .preTest, .postTest] : [.reaction]), "\(session.id)")
            for campaign in campaigns { try await bkctl(["campaign", "close", campaign.id], as: organizer) }
        }
        let action = try await eventually("the action item of the seminar's weak result") { () -> Binakarier_Feedback_V1_ActionItem? in
            let listed = try await api("GET", "/actions?agencyCode=BKPSDM", as: nil, Binakarier_Feedback_V1_ListActionsResponse.self)
            return listed.actions.first { $0.source == .evaluation }
        }
        let venue = plan.respondents("SEM-KEPEMIMPINAN") { $0.reaction }.indices.map { Double(SeedPlan.reaction(program: "SEM-KEPEMIMPINAN", index: $0).likert["l1-06"]!) }
        let weak = String(format: "l1-06 rata-rata %.2f", venue.reduce(0, +) / Double(venue.count))
        #expect(action.title.contains(weak) && action.ownerNip == nip("B00"), "\(action.title)")
        actions.append(("BKPSDM", action.dueDate, "open", "SEM-KEPEMIMPINAN", action.title))
        // Due 30 days after the review (today, in WIB; the day may have turned since the story began).
        #expect([plan.today.adding(days: 30).description, SeedDay.today.adding(days: 30).description].contains(action.dueDate), "\(action.dueDate)")
    }

    /// Weeks later: the follow-up forms (L3) opened by hand for each batch (the scheduler would open them 60
    /// and 90 days after the end), answered by participants and, about each of them, their supervisors.
    func followUp() async throws {
        for session in plan.heldSessions {
            try await bkctl(["campaign", "open", "--form", "L3-PESERTA", "--session", session.id, "--days", "14"], as: organizer)
            try await bkctl(["campaign", "open", "--form", "L3-ATASAN", "--session", session.id, "--days", "14"], as: organizer)
            let selfList = plan.respondents(session.program) { $0.followUpSelf }
            for key in session.followUpSelf {
                let answer = SeedPlan.followUpSelf(program: session.program, index: selfList.firstIndex(of: key)!)
                var answers = SeedPlan.selfLikert.map { SeedAnswer(questionId: $0, number: Double(answer.likert[$0]!)) }
                answers.append(SeedAnswer(questionId: "l3p-08", before: Int32(answer.change.before), after: Int32(answer.change.after)))
                answers.append(SeedAnswer(questionId: "l3p-10", choices: [0]))
                try await submit(key, try await pendingForm(key, .followUpSelf, session: session.id), answers)
            }
            let supervisorList = plan.respondents(session.program) { $0.followUpSupervisor.map(\.subject) }
            for (supervisor, subject) in session.followUpSupervisor {
                let answer = SeedPlan.followUpSupervisor(program: session.program, index: supervisorList.firstIndex(of: subject)!)
                var answers = SeedPlan.supervisorLikert.map { SeedAnswer(questionId: $0, number: Double(answer.likert[$0]!)) }
                answers.append(SeedAnswer(questionId: "l3a-08", before: Int32(answer.change.before), after: Int32(answer.change.after)))
                answers.append(SeedAnswer(questionId: "l3a-09", text: "Lebih tertib menyusun jadwal kerja mingguan."))
                try await submit(supervisor, try await pendingForm(supervisor, .followUpSupervisor, session: session.id, subject: subject), answers, subject: subject)
            }
            let campaigns = try await api("GET", "/campaigns?sessionId=\(session.id)", as: nil, Binakarier_Feedback_V1_ListCampaignsResponse.self).campaigns
            for campaign in campaigns where campaign.purpose == .followUpSelf || campaign.purpose == .followUpSupervisor {
                let answered = campaign.purpose == .followUpSelf ? session.followUpSelf.count : session.followUpSupervisor.count
                #expect(Int(campaign.responses) == answered, "\(session.id) \(campaign.purpose)")
                try await bkctl(["campaign", "close", campaign.id], as: organizer)
            }
        }
    }

    /// Learning outside the system: each person reports their own through the API; BKPSDM verifies most,
    /// refuses one and leaves one waiting.
    func learnOutside() async throws {
        var verify: [String] = []
        for learning in plan.outsideLearning {
            var reported = Binakarier_Programs_V1_OutsideLearning()
            reported.nip = nip(learning.key)
            reported.title = learning.title
            reported.provider = "LAN RI"
            reported.kind = .eLearning
            reported.jp = Int32(learning.jp)
            reported.startDate = learning.start
            reported.endDate = learning.end
            reported.evidence = "Sertifikat LAN \(learning.key)-\(learning.year)"
            let entry = try await api("POST", "/outside-learning:report", as: learning.key,
                                      body: Binakarier_Programs_V1_ReportOutsideLearningRequest(learning: reported), Binakarier_Programs_V1_LedgerEntry.self)
            #expect(entry.state == .pending && Int(entry.year) == learning.year)
            switch learning.decision {
            case .verified: verify.append(entry.id)
            case .rejected: try await bkctl(["jp", "verify", entry.id, "--reject", "--reason", "sertifikat tidak dapat diverifikasi"], as: organizer)
            case .pending: break
            }
        }
        let verified = try await bkctl(["jp", "verify"] + verify, as: organizer)
        #expect(verified.contains("\(verify.count) entri diverifikasi"), "\(verified)")
    }

    /// The Head of Health holds an open dialogue: staff raise aspirations (one anonymously) and support them
    /// through the API; the head answers, opening an action item that its owner closes, and gives a direction
    /// whose action item is past due. A head of unit holds a smaller one; the Head of Education drops the
    /// action item of his.
    func holdTheDialogues() async throws {
        let head = token("D00")
        let dialogue = try await bkctl(["dialog", "create", "--topic", "Visi dan misi Dinas Kesehatan: pelayanan yang responsif", "--date", "\(y)-09-15",
                                        "--time", "09:00", "--venue", "Aula Dinas Kesehatan"], as: head, decoding: Binakarier_Feedback_V1_Dialogue.self)
        dialogues.append(("DINKES", "\(y)-09-15"))
        func raise(_ key: String, _ text: String, _ category: String, anonymous: Bool) async throws -> Binakarier_Feedback_V1_Aspiration {
            var aspiration = Binakarier_Feedback_V1_Aspiration()
            aspiration.dialogueId = dialogue.id
            aspiration.text = text
            aspiration.category = category
            aspiration.anonymous = anonymous
            return try await api("POST", "/aspirations:raise", as: key, body: Binakarier_Feedback_V1_RaiseAspirationRequest(aspiration: aspiration),
                                 Binakarier_Feedback_V1_Aspiration.self)
        }
        let schedule = try await raise("D09", "Jadwal pelatihan sering bentrok dengan jadwal pelayanan di puskesmas.", "pelatihan", anonymous: false)
        let lactation = try await raise("D16", "Perlu ruang laktasi yang layak bagi pegawai.", "sarana", anonymous: true)
        let career = try await raise("D21", "Mohon kejelasan jenjang karier bagi PPPK.", "karier", anonymous: false)
        #expect(lactation.authorNip.isEmpty, "an anonymous aspiration keeps no author")
        for (key, aspiration) in [("D10", schedule), ("D13", schedule), ("D14", schedule), ("D17", lactation), ("D22", career), ("D23", career)] {
            let supported = try await api("POST", "/aspirations/\(aspiration.id):support", as: key, Binakarier_Feedback_V1_Aspiration.self)
            #expect(supported.supportedByMe)
        }
        let done = plan.today.adding(days: 40).description
        let answered = try await bkctl(["dialog", "respond", schedule.id, "--answer", "Jadwal pelatihan disusun bersama kepala puskesmas mulai triwulan depan.",
                                        "--action-owner", nip("D01"), "--due", done], as: head, decoding: Binakarier_Feedback_V1_Aspiration.self)
        #expect(!answered.actionId.isEmpty && answered.supports == 3)
        try await bkctl(["dialog", "respond", career.id, "--answer", "BKPSDM akan menjelaskan jenjang karier PPPK pada rapat berikutnya."], as: head)
        let overdue = plan.today.adding(days: -20).description
        let direction = try await bkctl(["dialog", "direct", dialogue.id, "--text", "Setiap bidang menerapkan manajemen waktu dalam rencana kerja mingguan.",
                                         "--action-owner", nip("D02"), "--due", overdue], as: head, decoding: Binakarier_Feedback_V1_Direction.self)
        // The owner closes the first action item through the API, with evidence.
        var closing = Binakarier_Feedback_V1_UpdateActionRequest()
        closing.id = answered.actionId
        closing.state = .done
        closing.evidence = "Nota dinas jadwal pelatihan terpadu"
        let closed = try await api("PATCH", "/actions/\(answered.actionId)", as: "D01", body: closing, Binakarier_Feedback_V1_ActionItem.self)
        #expect(closed.state == .done)
        try await bkctl(["dialog", "close", dialogue.id, "--summary", "Aspirasi ditampung; arahan pimpinan dicatat."], as: head)
        actions.append(("DINKES", done, "done", nil, closed.title))
        actions.append(("DINKES", overdue, "open", nil, direction.text))
        let minutes = try await api("GET", "/dialogues/\(dialogue.id)/minutes", as: "D09", Binakarier_Feedback_V1_Minutes.self)
        #expect(minutes.text.contains("A. ASPIRASI PEGAWAI (3)") && minutes.text.contains("C. TINDAK LANJUT (2)") && minutes.text.contains("didukung 3"), "\(minutes.text)")

        try await bkctl(["dialog", "create", "--topic", "Evaluasi pengendalian DBD", "--date", "\(y)-10-20", "--unit", "P2P"], as: token("D02"))
        dialogues.append(("DINKES", "\(y)-10-20"))

        let education = try await bkctl(["dialog", "create", "--topic", "Kurikulum muatan lokal", "--date", "\(y)-09-22"], as: token("E00"),
                                         decoding: Binakarier_Feedback_V1_Dialogue.self)
        dialogues.append(("DISDIK", "\(y)-09-22"))
        let dropped = plan.today.adding(days: -10).description
        let module = try await bkctl(["dialog", "direct", education.id, "--text", "Susun modul muatan lokal sejarah tambang.", "--action-owner", nip("E01"),
                                      "--due", dropped], as: token("E00"), decoding: Binakarier_Feedback_V1_Direction.self)
        try await bkctl(["action", "update", module.actionId, "--state", "dibatalkan", "--reason", "digabung dengan program kurikulum provinsi"], as: token("E00"))
        actions.append(("DISDIK", dropped, "dropped", nil, module.text))
    }

    /// The public answers DINKES/YANKES's satisfaction survey at the counter, without logging in.
    func surveyThePublic() async throws {
        let campaign = try await bkctl(["campaign", "open", "--form", "IKM-PERMENPANRB-14-2017", "--public", "DINKES/YANKES", "--days", "30"],
                                       as: organizer, decoding: SeedCampaign.self)
        for scores in plan.publicIkm {
            var request = Binakarier_Feedback_V1_SubmitPublicResponseRequest()
            request.campaignId = campaign.id
            request.answers = scores.enumerated().map { SeedAnswer(questionId: "ikm-\($0.offset + 1)", number: Double($0.element)) }
            _ = try await gateway.call("POST", "/campaigns/\(campaign.id):submitPublic", token: nil, body: request, as: Binakarier_Feedback_V1_SubmitResponseResponse.self)
        }
        try await bkctl(["campaign", "close", campaign.id], as: organizer)
        let results = try await api("GET", "/results?campaignId=\(campaign.id)", as: nil, Binakarier_Feedback_V1_Results.self)
        #expect(abs((results.ikm?.index ?? 0) - plan.publicIkmIndex) < 0.001 && results.ikm?.grade == "B", "\(String(describing: results.ikm))")
    }

    /// Outcome data BKPSDM keeps elsewhere: SKP of last year and this year, this year's discipline file, and
    /// the units' outside IKM surveys.
    func importTheOutcomes() async throws {
        try await bkctl(["report", "sync"], as: organizer)
        var skp = "NIP;Tahun;Hasil Kerja;Perilaku\n"
        for person in plan.people {
            for (year, code) in person.skp.sorted(by: { $0.key < $1.key }) {
                skp += "\(person.nip);\(year);\(SeedPredicate.rating(code.first!));\(SeedPredicate.rating(code.last!))\n"
            }
        }
        try await bkctl(["outcome", "import", "skp", try write("skp.csv", skp)], as: organizer)
        var discipline = "NIP;Tahun;Tingkat;Jenis;Nomor SK\n"
        for person in plan.people { if let level = person.sanction { discipline += "\(person.nip);\(y);\(level);teguran;800/\(person.key)/\(y)\n" } }
        try await bkctl(["outcome", "import", "discipline", try write("disiplin.csv", discipline), "--years", String(y)], as: organizer)
        var ikm = "Instansi;Unit;Tahun;Semester;Responden;" + (1...9).map { "U\($0)" }.joined(separator: ";") + "\n"
        for survey in plan.outsideIkm {
            ikm += "\(survey.agency);\(survey.unit);\(survey.year);\(survey.semester);\(survey.respondents);" + survey.nrr.map { String($0) }.joined(separator: ";") + "\n"
        }
        try await bkctl(["outcome", "import", "ikm", try write("ikm.csv", ikm)], as: organizer)
    }

    /// A seminar batch of last December, completed and evaluated now: its reaction belongs to last year.
    func playDecemberBatch() async throws {
        try await setUpTheCity()
        try await logEveryoneIn()
        let reaction = try await api("GET", "/instruments/L1-STANDAR", as: nil, Binakarier_Feedback_V1_Instrument.self)
        reactionTexts = Dictionary(uniqueKeysWithValues: reaction.questions.map { ($0.id, $0.text) })
        try await bkctl(["program", "create", "--code", "SEM-KEPEMIMPINAN", "--title", "Seminar Kepemimpinan", "--kind", "seminar", "--jp", "8",
                         "--organizer", "BKPSDM", "--evaluation", "L1"], as: organizer)
        let last = y - 1
        let session = try await bkctl(["session", "create", "--program", "SEM-KEPEMIMPINAN", "--capacity", "10", "--day", "\(last)-12-18,08:00-16:00,8"],
                                      as: organizer, decoding: Binakarier_Programs_V1_Session.self)
        let participants = ["D04", "D05", "D06", "D07", "D08", "D09", "D10"]
        try await bkctl(["session", "open", session.id], as: organizer)
        try await bkctl(["enrol", "add", session.id] + participants.map(nip), as: organizer)
        try await bkctl(["session", "start", session.id], as: organizer)
        try await bkctl(["attendance", "mark", session.id, "--date", "\(last)-12-18", "--status", "hadir"] + participants.map(nip), as: organizer)
        try await bkctl(["session", "complete", session.id], as: organizer)
        let respondents = Array(participants.prefix(6))
        for (index, key) in respondents.enumerated() {
            let campaign = try await pendingForm(key, .reaction, session: session.id)
            try await submit(key, campaign, reactionAnswers(SeedPlan.reaction(program: "SEM-KEPEMIMPINAN", index: index), comment: false))
        }
        for campaign in try await api("GET", "/campaigns?sessionId=\(session.id)", as: nil, Binakarier_Feedback_V1_ListCampaignsResponse.self).campaigns {
            try await bkctl(["campaign", "close", campaign.id], as: organizer)
        }
        _ = try await eventually("reporting's replica to catch up") { () -> Binakarier_Reporting_V1_DataStatus? in
            let status = try await api("POST", "/replica:sync", as: nil, Binakarier_Reporting_V1_DataStatus.self)
            guard status.lastError.isEmpty, status.positions?.programsSequence == status.programsNewest,
                  status.positions?.feedbackSequence == status.feedbackNewest, status.campaigns > 0 else { return nil }
            return status
        }
        let report = try #require(try await api("GET", "/reports/programs/SEM-KEPEMIMPINAN?year=\(last)", as: nil, Binakarier_Reporting_V1_ReportResponse.self).report)
        // The batch is last year's: its participants and completions are there...
        let summary = report.sections.first { $0.title == "Peserta dan kelulusan" }?.tables.first
        #expect(summary?.rows.first { $0.cells.first?.text == "Peserta" }?.cells[1].number == Double(participants.count), "the batch is in \(last)'s report")
        // ...and so must its reaction be. Reporting once read a year's results from feedback by the campaigns'
        // *opening* time, so a campaign opened in \(y) for a batch of \(last) was counted in neither year.
        let level1 = report.sections.first { $0.title == "Level 1 — Reaksi peserta" }
        let items = level1?.tables.first { $0.title == "Butir penilaian" }
        #expect(items != nil, "the December batch's reaction is missing from the \(last) report: \(level1?.text ?? "-")")
        if let items {
            let answers = respondents.indices.map { SeedPlan.reaction(program: "SEM-KEPEMIMPINAN", index: $0).likert["l1-01"]! }
            let first = items.rows.first { $0.cells.first?.text == reactionTexts["l1-01"] }
            #expect(first?.cells[1].number == Double(respondents.count) && abs((first?.cells[2].number ?? 0) - Double(answers.reduce(0, +)) / Double(answers.count)) < 1e-9)
        }
        #expect(report.conclusions.first { $0.topic == "L1" }?.n == Int32(respondents.count), "L1 conclusion of \(last)")
    }

    // MARK: the reports

    func checkTheReports() async throws {
        // Reporting catches up with every feed (and the feeds with the schedulers' last writes).
        let status = try await eventually("reporting's replica to catch up") { () -> Binakarier_Reporting_V1_DataStatus? in
            let status = try await api("POST", "/replica:sync", as: nil, Binakarier_Reporting_V1_DataStatus.self)
            guard status.lastError.isEmpty, status.positions?.programsSequence == status.programsNewest,
                  status.positions?.feedbackSequence == status.feedbackNewest else { return nil }
            return status
        }
        #expect(Int(status.people) == plan.people.count)
        let expectations = SeedExpectations(plan: plan, actions: actions, dialogues: dialogues, reactionTexts: reactionTexts)
        try await checkThePeople()

        let city = try #require(try await api("GET", "/reports/city?year=\(y)", as: nil, Binakarier_Reporting_V1_ReportResponse.self).report)
        #expect(city.k == Int32(plan.k))
        #expect(city.subtitle == "tahun \(y) · \(SeedPlan.agencies.count) perangkat daerah · \(plan.active.count) ASN aktif", "\(city.subtitle)")
        compare(city, expectations.cityTables, report: "city")
        compare(city, expectations.cityCharts, report: "city")
        checkCityConclusions(city, expectations)

        for program in plan.programs {
            let report = try #require(try await api("GET", "/reports/programs/\(program.code)?year=\(y)", as: nil, Binakarier_Reporting_V1_ReportResponse.self).report)
            compare(report, expectations.programTables(program.code), report: program.code)
            compare(report, expectations.programCharts(program.code), report: program.code)
            checkProgramConclusions(report, program.code, expectations)
        }
        // The typed client reads the same report as the API.
        let typed = try #require(try await Binakarier_Reporting_V1_ReportingService.Client(cluster.client(.reporting), metadata: .bearer(organizer))
            .getCityReport(.init(year: Int32(y))).report)
        #expect(typed.sections == city.sections && typed.conclusions == city.conclusions)
        print("SeedStory: \(checkedCells) report cells and chart values compared with values computed from the story's data")
    }

    /// Before the group reports, each person: their JP ledger as they see it through the API, programs' own
    /// compliance (bkctl), and their IP ASN as reporting scores it.
    func checkThePeople() async throws {
        for person in plan.active {
            let ledger = try await api("GET", "/ledgers/\(person.nip)?year=\(y)", as: person.key, Binakarier_Programs_V1_Ledger.self)
            let pending = plan.outsideLearning.filter { $0.key == person.key && $0.year == y && $0.decision == .pending }.reduce(0) { $0 + $1.jp }
            #expect(Int(ledger.jpVerified) == plan.jp(person.key, year: y) && Int(ledger.jpPending) == pending, "\(person.key)'s ledger: \(ledger.jpVerified)/\(ledger.jpPending)")
            if !person.pppk { #expect(ledger.meetsTarget == (plan.jp(person.key, year: y) >= 20), "\(person.key) meets 20 JP") }
            let score = try await api("GET", "/ip-asn/\(person.nip)?year=\(y)", as: nil, Binakarier_Reporting_V1_IpAsnScore.self)
            if let total = plan.ipAsn(person) {
                #expect(score.complete && abs(score.total - total) < 1e-9 && score.band == SeedPlan.bandNames[SeedPlan.band(total)],
                        "\(person.key)'s IP ASN: \(score.total) \(score.band), expected \(total)")
            } else {
                #expect(!score.complete, "\(person.key) has no SKP: IP ASN incomplete")
            }
        }
        let compliance = try await bkctl(["compliance", "--year", String(y)], as: organizer, decoding: Binakarier_Programs_V1_Compliance.self)
        for agency in SeedPlan.agencies.map(\.code) + [""] {
            let pns = plan.active.filter { !$0.pppk && (agency.isEmpty || $0.agency == agency) }
            let row = agency.isEmpty ? compliance.total : compliance.agencies.first { $0.agencyCode == agency }
            let meeting = pns.filter { plan.jp($0.key, year: y) >= 20 }.count
            #expect(row?.pnsActive == Int32(pns.count) && row?.pnsMeetingTarget == Int32(meeting), "programs' compliance of \(agency.isEmpty ? "the city" : agency)")
        }
    }

    /// Every table of `report` against its expectation: the same tables in each section, the same rows in
    /// order, and every cell.
    func compare(_ report: SeedReport, _ expected: [SeedTable], report name: String) {
        let sections = Dictionary(grouping: expected, by: \.section)
        for section in report.sections {
            let wanted = sections[section.title] ?? []
            #expect(section.tables.map(\.title) == wanted.map(\.title), "\(name) / \(section.title): tables \(section.tables.map(\.title))")
            for table in section.tables {
                guard let want = wanted.first(where: { $0.title == table.title }) else { continue }
                let where_ = "\(name) / \(section.title) / \(table.title)"
                #expect(table.rows.map { $0.cells.first?.text ?? "" } == want.rows.map(\.label), "\(where_): rows")
                for (row, expectedRow) in zip(table.rows, want.rows) {
                    let cells = Array(row.cells.dropFirst())
                    #expect(cells.count == expectedRow.cells.count, "\(where_) / \(expectedRow.label): \(cells.count) cells")
                    for (index, (cell, want)) in zip(cells, expectedRow.cells).enumerated() {
                        checkedCells += 1
                        let place = "\(where_) / \(expectedRow.label) / \(table.columns.count > index + 1 ? table.columns[index + 1].title : "#\(index + 1)")"
                        switch want {
                        case .value(let number, let tolerance):
                            #expect(cell.state == .value && abs(cell.number - number) <= tolerance, "\(place): \(Self.show(cell)), expected \(number)")
                        case .hidden:
                            #expect(cell.state == .suppressed, "\(place): \(Self.show(cell)), expected hidden (under k)")
                        case .missing:
                            #expect(cell.state == .missing, "\(place): \(Self.show(cell)), expected missing")
                        case .text(let text):
                            #expect(cell.text == text, "\(place): \(Self.show(cell)), expected \(text)")
                        case .containing(let text):
                            #expect(cell.text.contains(text), "\(place): \(Self.show(cell)), expected to contain \(text)")
                        }
                    }
                }
            }
        }
        let shown = Set(report.sections.map(\.title))
        for section in Set(expected.map(\.section)) where !shown.contains(section) { Issue.record("\(name): no section \(section)") }
    }

    /// Every chart of `report` against its expectation: the same charts, categories, series and values.
    func compare(_ report: SeedReport, _ expected: [SeedChart], report name: String) {
        let charts = report.sections.flatMap(\.charts)
        #expect(charts.map(\.title).sorted() == expected.map(\.title).sorted(), "\(name): charts \(charts.map(\.title))")
        for chart in charts {
            guard let want = expected.first(where: { $0.title == chart.title }) else { continue }
            #expect(chart.categories == want.categories, "\(name) / chart \(chart.title): categories \(chart.categories)")
            #expect(chart.series.map(\.name) == want.series.map(\.name), "\(name) / chart \(chart.title): series \(chart.series.map(\.name))")
            for (series, values) in zip(chart.series, want.series) {
                #expect(series.values.count == values.values.count && series.absent.count == values.values.count, "\(name) / chart \(chart.title) / \(series.name)")
                for (index, value) in values.values.enumerated() where index < series.values.count && index < series.absent.count {
                    checkedCells += 1
                    let place = "\(name) / chart \(chart.title) / \(series.name) / \(want.categories[index])"
                    if let value {
                        #expect(!series.absent[index] && abs(series.values[index] - value) <= 1e-6, "\(place): \(series.values[index]), expected \(value)")
                    } else {
                        #expect(series.absent[index], "\(place): \(series.values[index]), expected absent")
                    }
                }
            }
        }
    }

    static func show(_ cell: Binakarier_Reporting_V1_Cell) -> String {
        switch cell.state {
        case .value: cell.text.isEmpty ? "\(cell.number)" : "'\(cell.text)'"
        case .suppressed: "hidden"
        case .missing: "missing"
        default: "unspecified"
        }
    }

    static func decimal(_ value: Double) -> String { String(format: "%.1f", value).replacingOccurrences(of: ".", with: ",") }

    func checkCityConclusions(_ city: SeedReport, _ expected: SeedExpectations) {
        func conclusion(_ topic: String) -> Binakarier_Reporting_V1_Conclusion? { city.conclusions.first { $0.topic == topic } }
        // JP and performance compare last year with this year; IP ASN cannot (no discipline data last year).
        let pns = plan.active.filter { !$0.pppk }.count
        for (topic, before, after, n) in [("JP", expected.complianceShare(y - 1), expected.complianceShare(y), pns),
                                           ("Kinerja", expected.goodShare(y - 1), expected.goodShare(y), plan.active.count)] {
            guard let before, let after else { Issue.record("the story should give \(topic) two years"); continue }
            let verdict: Binakarier_Reporting_V1_Verdict = after - before > 1 ? .positive : after - before < -1 ? .negative : .neutral
            #expect(conclusion(topic)?.verdict == verdict && conclusion(topic)?.n == Int32(n), "\(topic): \(String(describing: conclusion(topic)))")
            #expect(conclusion(topic)?.text.contains("\(Self.decimal(before)) → \(Self.decimal(after))") == true, "\(topic): \(conclusion(topic)?.text ?? "-")")
        }
        #expect(conclusion("IP ASN")?.verdict == .inconclusive && conclusion("IP ASN")?.n == Int32(plan.active.count))
        // Level 4 over the programs with completers, the largest first; then the overall sentence over the
        // four indicators (JP, performance, IP ASN, Level 4), needing two that could be measured.
        let completers = Dictionary(grouping: plan.enrolments.filter(\.completed), by: \.program).mapValues(\.count)
        let order = completers.keys.sorted { (completers[$0]!, $1) > (completers[$1]!, $0) }
        let effects = order.filter { expected.performanceVerdict($0) == "positive" }
        let none = order.filter { ["neutral", "negative"].contains(expected.performanceVerdict($0)) }
        let level4: Binakarier_Reporting_V1_Verdict = effects.isEmpty ? (none.isEmpty ? .inconclusive : .neutral) : .positive
        #expect(conclusion("L4")?.verdict == level4 && conclusion("L4")?.n == Int32(effects.count + none.count), "city L4: \(String(describing: conclusion("L4")))")
        if !effects.isEmpty {
            #expect(conclusion("L4")?.text.contains(effects.joined(separator: ", ")) == true, "city L4: \(conclusion("L4")?.text ?? "-")")
        }
        let verdicts = ["JP", "Kinerja", "IP ASN", "L4"].compactMap { conclusion($0)?.verdict }
        let measured = verdicts.filter { $0 != .inconclusive }.count
        let up = verdicts.filter { $0 == .positive }.count, down = verdicts.filter { $0 == .negative }.count
        let overall: Binakarier_Reporting_V1_Verdict = measured < 2 ? .inconclusive : up > down ? .positive : up == down ? .neutral : .negative
        #expect(conclusion("Kesimpulan")?.verdict == overall && conclusion("Kesimpulan")?.n == Int32(plan.active.count), "overall: \(String(describing: conclusion("Kesimpulan")))")
        let weakest = plan.programs.min { (expected.reactionSatisfaction($0.code)) < (expected.reactionSatisfaction($1.code)) }!
        let participants = plan.enrolments.filter { $0.program == weakest.code }.count
        #expect(conclusion("Program")?.text == "Program dengan kepuasan terendah: \(weakest.title)." && conclusion("Program")?.n == Int32(participants))
        let best = plan.programs.first { $0.code != weakest.code }!
        #expect(city.sections.first { $0.title == "Program terbaik dan terlemah" }?.text == "Terbaik: \(best.title). Terlemah: \(weakest.title).")
    }

    func checkProgramConclusions(_ report: SeedReport, _ code: String, _ expected: SeedExpectations) {
        func conclusion(_ topic: String) -> Binakarier_Reporting_V1_Conclusion? { report.conclusions.first { $0.topic == topic } }
        let reaction = expected.reactionResults(code)
        let weak = reaction.likertMean.values.contains { $0 < 3 }
        #expect(conclusion("L1")?.verdict == ((reaction.nps ?? 0) < 0 ? .negative : weak ? .neutral : .positive) && conclusion("L1")?.n == Int32(reaction.responses),
                "\(code) L1: \(String(describing: conclusion("L1")))")
        let level1 = report.sections.first { $0.title == "Level 1 — Reaksi peserta" }?.text
        let rate = Double(reaction.responses) * 100 / Double(reaction.audience)
        #expect(level1 == "\(reaction.responses) dari \(reaction.audience) peserta menjawab (\(Self.decimal(rate)) %).", "\(code): \(level1 ?? "-")")
        if let learning = expected.learningResults(code) {
            #expect(conclusion("L2")?.verdict == (learning.classGain < 0.3 ? .negative : .positive) && conclusion("L2")?.n == Int32(learning.pairs), "\(code) L2")
        } else {
            #expect(conclusion("L2")?.verdict == .inconclusive && conclusion("L2")?.n == 0, "\(code) L2")
        }
        let mine = expected.followUpResults(code, supervisors: false), bosses = expected.followUpResults(code, supervisors: true)
        let applied = mine.shift > 0 && (bosses.responses >= plan.k ? bosses.shift > 0 : true)
        #expect(conclusion("L3")?.verdict == (applied ? .positive : .neutral) && conclusion("L3")?.n == Int32(mine.responses), "\(code) L3")
        // Level 4: performance by the README's method; the units' IKM needs two units on each side (one here).
        let level4 = report.conclusions.filter { $0.topic == "L4" }
        let verdicts: [String: Binakarier_Reporting_V1_Verdict] = ["positive": .positive, "negative": .negative, "neutral": .neutral, "inconclusive": .inconclusive]
        #expect(level4.map(\.verdict) == [verdicts[expected.performanceVerdict(code)]!, .inconclusive], "\(code) L4: \(level4.map(\.text))")
        let opened = actions.filter { $0.program == code }
        if opened.isEmpty {
            #expect(conclusion("Tindak lanjut") == nil, "\(code): no action item, no conclusion about them")
        } else {
            #expect(conclusion("Tindak lanjut")?.verdict == .neutral && conclusion("Tindak lanjut")?.n == Int32(opened.count), "\(code) actions")
        }
    }
}

extension SeedExpectations {
    func reactionSatisfaction(_ code: String) -> Double {
        SeedPlan.mean(SeedPlan.reactionLikert.map { reactionResults(code).likertMean[$0]! / 4 * 100 }) ?? 0
    }
}
