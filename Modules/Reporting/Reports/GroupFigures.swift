import BKProto
import GRDB
import IdentityVocabulary

/// Figures the agency and city reports share: JP compliance and the IP ASN of a group of people.
struct GroupFigures {
    var people: [ReportData.Person]
    var jp: [String: Int]
    var ipAsn: [String: (components: [Binakarier_Reporting_V1_IpAsnComponent], total: Double?)]

    static func load(_ reads: ReportData.Reads, people: [ReportData.Person], context: ReportContext) throws -> GroupFigures {
        let active = people.filter(\.active)
        return GroupFigures(
            people: active, jp: try reads.jp(context.year),
            ipAsn: try ReportData.ipAsn(reads, rules: context.settings.ipAsn, year: context.year, people: active))
    }

    func pns(_ filter: (ReportData.Person) -> Bool = { _ in true }) -> [ReportData.Person] {
        people.filter { $0.asnType == .pns && filter($0) }
    }

    func meeting(_ group: [ReportData.Person], target: Int) -> Int { group.count { (jp[$0.nip] ?? 0) >= target } }

    func meanJP(_ group: [ReportData.Person]) -> Double? {
        group.isEmpty ? nil : Double(group.reduce(0) { $0 + (jp[$1.nip] ?? 0) }) / Double(group.count)
    }

    /// Complete scores of the group.
    func totals(_ group: [ReportData.Person]) -> [Double] { group.compactMap { ipAsn[$0.nip]?.total } }

    func meanIpAsn(_ group: [ReportData.Person]) -> Double? {
        let totals = totals(group)
        return totals.isEmpty ? nil : totals.reduce(0, +) / Double(totals.count)
    }

    /// People per IP ASN band, lowest band first, with the incomplete ones last.
    func bandCounts(_ group: [ReportData.Person]) -> [Int] {
        var counts = Array(repeating: 0, count: IpAsnRules.bands.count)
        for total in totals(group) { counts[IpAsnRules.bands.firstIndex(of: IpAsnRules.band(total)) ?? 0] += 1 }
        return counts + [group.count - totals(group).count]
    }

    /// The IP ASN bands as a table with one row per group (agencies or units), suppressed.
    static func bandTable(title: String, labelTitle: String, groups: [(String, [ReportData.Person])], figures: GroupFigures, k: Int) -> ReportTable {
        var table = CountTable(title: title, labelTitle: labelTitle, countTitles: IpAsnRules.bands + ["Belum lengkap", "Jumlah"])
        table.lastColumnIsRowTotal = true
        table.measures = [.init(title: "Rata-rata IP ASN", guardColumn: IpAsnRules.bands.count + 1,
                                values: groups.map { figures.meanIpAsn($0.1) }, total: figures.meanIpAsn(groups.flatMap(\.1)),
                                bases: groups.map { figures.totals($0.1).count }, totalBase: figures.totals(groups.flatMap(\.1)).count)]
        for (label, members) in groups {
            let counts = figures.bandCounts(members)
            table.rows.append((label, counts + [members.count]))
        }
        table.note = "IP ASN (PermenPANRB 38/2018): kualifikasi 25, kompetensi 40, kinerja 30, disiplin 5. Belum lengkap: ada dimensi tanpa data (tidak ditebak)."
        return table.build(k: k)
    }

    /// Compliance per group: active PNS meeting the JP target and not, share, mean JP. The two counts
    /// and their total are suppressed together: a group's "not yet" is as protected as its "meets".
    static func complianceTable(title: String, labelTitle: String, groups: [(String, [ReportData.Person])], figures: GroupFigures, context: ReportContext) -> ReportTable {
        let target = context.settings.jpTarget
        var table = CountTable(title: title, labelTitle: labelTitle, countTitles: ["Memenuhi \(target) JP", "Belum memenuhi", "PNS aktif"])
        table.lastColumnIsRowTotal = true
        table.ratios = [.init(title: "% memenuhi", part: 0, whole: 2)]
        let pnsGroups = groups.map { ($0.0, $0.1.filter { $0.asnType == .pns }) }
        table.measures = [.init(title: "Rata-rata JP", guardColumn: 2, values: pnsGroups.map { figures.meanJP($0.1) }, total: figures.meanJP(pnsGroups.flatMap(\.1)),
                                bases: pnsGroups.map { $0.1.count }, totalBase: pnsGroups.reduce(0) { $0 + $1.1.count })]
        for (label, members) in pnsGroups {
            let meeting = figures.meeting(members, target: target)
            table.rows.append((label, [meeting, members.count - meeting, members.count]))
        }
        return table.build(k: context.k)
    }
}

enum Groupings {
    static func golongan(_ person: ReportData.Person) -> String {
        guard person.asnType == .pns else { return "PPPK" }
        switch person.golongan.rawValue {
        case 1...4: return "Golongan I"
        case 5...8: return "Golongan II"
        case 9...12: return "Golongan III"
        case 13...: return "Golongan IV"
        default: return "Tidak tercatat"
        }
    }

    static func sex(_ person: ReportData.Person) -> String {
        switch person.sex {
        case .male: "Laki-laki"
        case .female: "Perempuan"
        default: "Tidak tercatat"
        }
    }

    static func jobLevel(_ person: ReportData.Person) -> String {
        switch person.jobLevel {
        case .jptUtama, .jptMadya, .jptPratama: "Pimpinan tinggi"
        case .administrator: "Administrator"
        case .pengawas: "Pengawas"
        case .pelaksana: "Pelaksana"
        case .unspecified: "Tidak tercatat"
        default: "Fungsional"
        }
    }

    /// Rows of a participation table: those of each group who took part in a session, those who did
    /// not, and the group.
    static func participation(title: String, labelTitle: String, people: [ReportData.Person], participants: Set<String>,
                              by key: (ReportData.Person) -> String, k: Int) -> ReportTable {
        var table = CountTable(title: title, labelTitle: labelTitle, countTitles: ["Ikut", "Belum ikut", "Pegawai"])
        table.lastColumnIsRowTotal = true
        table.ratios = [.init(title: "% ikut", part: 0, whole: 2)]
        for (label, members) in Dictionary(grouping: people, by: key).sorted(by: { $0.key < $1.key }) {
            let joined = members.count { participants.contains($0.nip) }
            table.rows.append((label, [joined, members.count - joined, members.count]))
        }
        return table.build(k: k)
    }

    /// Rows of a completion table: per group, those who completed, those who did not, and the enrolled.
    static func completion(title: String, labelTitle: String, groups: [(String, [ReportData.Enrolment])], k: Int) -> ReportTable {
        var table = CountTable(title: title, labelTitle: labelTitle, countTitles: ["Lulus", "Belum lulus", "Peserta"])
        table.lastColumnIsRowTotal = true
        table.ratios = [.init(title: "% lulus", part: 0, whole: 2)]
        for (label, rows) in groups {
            let completed = rows.count { $0.completed }
            table.rows.append((label, [completed, rows.count - completed, rows.count]))
        }
        return table.build(k: k)
    }
}
