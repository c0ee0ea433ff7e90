import BKProto
import BKRPC
import BKServiceKit

public typealias JpConversionTable = Binakarier_Programs_V1_JpConversionTable
public typealias JpConversionRule = Binakarier_Programs_V1_JpConversionRule

/// How non-classroom learning becomes JP: a versioned table of activities (seminars, workshops,
/// coaching, mentoring, self-study, …), each with its JP per unit, a yearly cap and the evidence it needs.
public enum JpConversion {
    /// The table the daemon starts with, version "2026.1". Its figures follow the practice BKPSDMs apply
    /// from LAN's guidance (PerLAN 10/2018 on PNS competence development, the 10-20-70 model): a one-day
    /// national seminar 4 JP, an international one 6 JP, a workshop 5 and 7 JP; learning from others and
    /// by doing capped so that they cannot make up the whole yearly 20 JP on their own. BKPSDM publishes
    /// the table in force in its region as a new version (`bkctl jp conversion publish`).
    public static let builtIn: JpConversionTable = {
        func rule(
            _ code: String, _ name: String, _ kind: Binakarier_Programs_V1_ProgramKind, _ model: Binakarier_Programs_V1_LearningModel,
            _ unit: Binakarier_Programs_V1_ConversionUnit, _ jp: Double, cap: Int32 = 0, _ evidence: [String]
        ) -> JpConversionRule {
            JpConversionRule(code: code, name: name, kind: kind, model: model, unit: unit, jpPerUnit: jp, yearlyCapJp: cap, evidence: evidence)
        }
        return JpConversionTable(
            version: "2026.1", effectiveFrom: "2020-01-01",
            basis: "PP 11/2017 ps. 203 (20 JP setahun); PerLAN 10/2018 tentang Pengembangan Kompetensi PNS (model 10-20-70); konversi bawaan BinaKarier — terbitkan tabel yang berlaku di daerah Anda sebagai versi baru",
            rules: [
                rule("SEMINAR-NASIONAL", "Seminar/konferensi nasional (per hari)", .seminar, .structured10, .day, 4, ["sertifikat", "surat-tugas"]),
                rule("SEMINAR-INTERNASIONAL", "Seminar/konferensi internasional (per hari)", .seminar, .structured10, .day, 6, ["sertifikat", "surat-tugas"]),
                rule("LOKAKARYA-NASIONAL", "Lokakarya/workshop nasional (per hari)", .lokakarya, .structured10, .day, 5, ["sertifikat", "surat-tugas"]),
                rule("LOKAKARYA-INTERNASIONAL", "Lokakarya/workshop internasional (per hari)", .lokakarya, .structured10, .day, 7, ["sertifikat", "surat-tugas"]),
                rule("COACHING", "Coaching (per sesi, minimal 60 menit)", .coaching, .social20, .session, 1, cap: 8, ["catatan-coaching"]),
                rule("MENTORING", "Mentoring (per sesi, minimal 60 menit)", .mentoring, .social20, .session, 1, cap: 8, ["catatan-mentoring"]),
                rule("BELAJAR-MANDIRI", "Belajar mandiri (per jam, dengan laporan)", .eLearning, .experiential70, .hour, 1, cap: 6, ["laporan"]),
                rule("PENUGASAN-KHUSUS", "Penugasan/detasering untuk belajar di tempat kerja (per hari)", .magang, .experiential70, .day, 2, cap: 10, ["surat-tugas", "laporan"]),
            ])
    }()

    /// The JP of `units` of `rule`, rounded down, within what its yearly cap leaves (`claimed` already
    /// counted this year, pending or verified), or why not.
    public static func jp(of rule: JpConversionRule, units: Double, claimed: Int64, field: String) throws(ProgramsError) -> Int32 {
        guard units.isFinite, units > 0, units <= 366 else {
            throw .invalid(field: field, reason: .init(id: "jumlah satuan lebih dari 0 sampai 366", en: "the number of units is above 0, at most 366"))
        }
        var jp = Int64((units * rule.jpPerUnit).rounded(.down))
        if rule.yearlyCapJp > 0 { jp = min(jp, Int64(rule.yearlyCapJp) - claimed) }
        guard jp >= 1 else {
            throw .invalid(field: field, reason: rule.yearlyCapJp > 0 && claimed >= Int64(rule.yearlyCapJp)
                ? .init(
                    id: "batas \(rule.yearlyCapJp) JP setahun untuk \(rule.name) sudah tercapai",
                    en: "the yearly limit of \(rule.yearlyCapJp) JP for \(rule.code) is reached")
                : .init(id: "kurang dari 1 JP", en: "less than 1 JP"))
        }
        return Int32(jp)
    }

    /// The evidence kinds `rule` asks for that `attached` lacks.
    public static func missingEvidence(_ rule: JpConversionRule, attached: [String]) -> [String] {
        let have = Set(attached.map { $0.lowercased() })
        return rule.evidence.filter { !have.contains($0.lowercased()) }
    }

    /// A table fit to publish: a version, a date, rules with distinct codes, a unit and JP each.
    public static func validated(_ table: JpConversionTable) throws(ProgramsError) -> JpConversionTable {
        var table = table
        table.version = try Validation.required(table.version, field: "table.version", maxBytes: 40)
        table.effectiveFrom = try Validation.date(table.effectiveFrom, field: "table.effective_from").description
        table.basis = try Validation.optionalText(table.basis, field: "table.basis", maxBytes: TextRules.longText)
        guard !table.rules.isEmpty, table.rules.count <= 200 else {
            throw .invalid(field: "table.rules", reason: .init(id: "isi 1 sampai 200 kegiatan", en: "give 1 to 200 activities"))
        }
        var codes = Set<String>()
        for index in table.rules.indices {
            let field = "table.rules[\(index)]"
            table.rules[index].code = try Validation.code(table.rules[index].code, field: field + ".code")
            guard codes.insert(table.rules[index].code).inserted else {
                throw .invalid(field: field + ".code", reason: .init(id: "kode berulang", en: "a repeated code"))
            }
            table.rules[index].name = try Validation.required(table.rules[index].name, field: field + ".name", maxBytes: TextRules.name)
            guard table.rules[index].unit != .unspecified else {
                throw .invalid(field: field + ".unit", reason: .init(id: "wajib diisi", en: "is required"))
            }
            let rate = table.rules[index].jpPerUnit
            guard rate.isFinite, rate > 0, rate <= 100 else {
                throw .invalid(field: field + ".jp_per_unit", reason: .init(id: "JP per satuan lebih dari 0 sampai 100", en: "JP per unit is above 0, at most 100"))
            }
            guard (0...200).contains(table.rules[index].yearlyCapJp) else {
                throw .invalid(field: field + ".yearly_cap_jp", reason: .init(id: "0 sampai 200", en: "0 to 200"))
            }
            table.rules[index].evidence = table.rules[index].evidence.map { $0.lowercased() }.filter { !$0.isEmpty }
        }
        return table
    }
}
