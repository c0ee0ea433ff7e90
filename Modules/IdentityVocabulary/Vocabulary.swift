import BKProto

public typealias Employee = Binakarier_Identity_V1_Employee
public typealias Agency = Binakarier_Identity_V1_Agency
public typealias OrganizationUnit = Binakarier_Identity_V1_Unit
public typealias Account = Binakarier_Identity_V1_Account
public typealias AsnType = Binakarier_Identity_V1_AsnType
public typealias Golongan = Binakarier_Identity_V1_Golongan
public typealias JobLevel = Binakarier_Identity_V1_JobLevel
public typealias EducationLevel = Binakarier_Identity_V1_EducationLevel
public typealias EmployeeStatus = Binakarier_Identity_V1_EmployeeStatus
public typealias AgencyKind = Binakarier_Identity_V1_AgencyKind
public typealias Sex = Binakarier_Identity_V1_Sex
public typealias ImportReport = Binakarier_Identity_V1_ImportReport
public typealias ImportRowError = Binakarier_Identity_V1_ImportRowError

/// How the records and spreadsheets write each value, and how we show it. Parsing is forgiving about
/// case, spaces and punctuation; display uses the official spelling.
public enum Vocabulary {
    public static func normalized(_ text: String) -> String {
        String(text.lowercased().unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) })
    }

    public static let romans = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII"]

    public static func asnType(_ text: String) -> AsnType? {
        switch normalized(text) {
        case "pns", "cpns", "pegawainegerisipil": .pns
        case "pppk", "p3k", "pegawaipemerintahdenganperjanjiankerja": .pppk
        default: nil
        }
    }

    public static func sex(_ text: String) -> Sex? {
        switch normalized(text) {
        case "l", "lk", "lakilaki", "pria", "1", "male", "m": .male
        case "p", "pr", "perempuan", "wanita", "2", "female", "f": .female
        default: nil
        }
    }

    /// "III/a", "III/A", "IIIa", "3a", "III-a".
    public static func golongan(_ text: String) -> Golongan? {
        let key = normalized(text)
        guard let letter = key.last, "abcde".contains(letter) else { return nil }
        let prefix = String(key.dropLast())
        let group: Int
        switch prefix {
        case "i", "1": group = 1
        case "ii", "2": group = 2
        case "iii", "3": group = 3
        case "iv", "4": group = 4
        default: return nil
        }
        let offset = Int(letter.asciiValue! - Character("a").asciiValue!)
        guard offset < 4 || group == 4 else { return nil }  // only IV has an "e"
        return Golongan(rawValue: Int32((group - 1) * 4 + offset + 1))
    }

    public static func display(_ golongan: Golongan) -> String {
        guard golongan != .unspecified else { return "" }
        let index = Int(golongan.rawValue) - 1
        let group = min(index / 4, 3)
        let letter = index - group * 4
        return "\(romans[group])/\(["a", "b", "c", "d", "e"][letter])"
    }

    /// The rank as written on records: golongan/ruang for a PNS ("III/a"), the grade for a PPPK ("IX").
    public static func rank(of employee: Employee) -> String {
        if employee.asnType == .pppk {
            return (1...17).contains(employee.pppkGrade) ? romans[Int(employee.pppkGrade) - 1] : ""
        }
        return display(employee.golongan)
    }

    /// PPPK grade: "IX", "9".
    public static func pppkGrade(_ text: String) -> Int32? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).uppercased()
        if let number = Int32(trimmed), (1...17).contains(number) { return number }
        if let index = romans.firstIndex(of: trimmed) { return Int32(index + 1) }
        return nil
    }

    public static func jobLevel(_ text: String) -> JobLevel? {
        switch normalized(text).replacingOccurrences(of: "jabatanfungsional", with: "jf").replacingOccurrences(of: "fungsional", with: "jf") {
        case "jptutama", "jabatanpimpinantinggiutama": .jptUtama
        case "jptmadya", "jabatanpimpinantinggimadya": .jptMadya
        case "jptpratama", "jabatanpimpinantinggipratama", "eselonii", "eselon2": .jptPratama
        case "administrator", "eseloniii", "eselon3": .administrator
        case "pengawas", "eseloniv", "eselon4": .pengawas
        case "pelaksana", "jfu", "jabatanpelaksana": .pelaksana
        case "jfahliutama", "ahliutama": .jfAhliUtama
        case "jfahlimadya", "ahlimadya": .jfAhliMadya
        case "jfahlimuda", "ahlimuda": .jfAhliMuda
        case "jfahlipertama", "ahlipertama": .jfAhliPertama
        case "jfpenyelia", "penyelia": .jfPenyelia
        case "jfmahir", "mahir": .jfMahir
        case "jfterampil", "terampil": .jfTerampil
        case "jfpemula", "pemula": .jfPemula
        default: nil
        }
    }

    public static func display(_ level: JobLevel) -> String {
        switch level {
        case .unspecified: ""
        case .jptUtama: "JPT Utama"
        case .jptMadya: "JPT Madya"
        case .jptPratama: "JPT Pratama"
        case .administrator: "Administrator"
        case .pengawas: "Pengawas"
        case .pelaksana: "Pelaksana"
        case .jfAhliUtama: "JF Ahli Utama"
        case .jfAhliMadya: "JF Ahli Madya"
        case .jfAhliMuda: "JF Ahli Muda"
        case .jfAhliPertama: "JF Ahli Pertama"
        case .jfPenyelia: "JF Penyelia"
        case .jfMahir: "JF Mahir"
        case .jfTerampil: "JF Terampil"
        case .jfPemula: "JF Pemula"
        }
    }

    public static func education(_ text: String) -> EducationLevel? {
        switch normalized(text) {
        case "sd": .sd
        case "smp", "sltp", "mts": .smp
        case "sma", "smk", "slta", "ma", "smu": .sma
        case "d1", "di": .d1
        case "d2", "dii": .d2
        case "d3", "diii": .d3
        case "d4", "div": .d4
        case "s1", "sarjana": .s1
        case "s2", "magister": .s2
        case "s3", "doktor": .s3
        default: nil
        }
    }

    public static func display(_ education: EducationLevel) -> String {
        education == .unspecified ? "" : String(describing: education).uppercased()
    }

    public static func status(_ text: String) -> EmployeeStatus? {
        switch normalized(text) {
        case "aktif", "active", "": .active
        case "cuti", "onleave", "leave", "cltn": .onLeave
        case "pensiun", "retired", "purnatugas": .retired
        case "pindah", "moved", "mutasi", "mutasikeluar": .moved
        default: nil
        }
    }

    public static func display(_ status: EmployeeStatus) -> String {
        switch status {
        case .unspecified: ""
        case .active: "aktif"
        case .onLeave: "cuti"
        case .retired: "pensiun"
        case .moved: "pindah"
        }
    }

    public static func agencyKind(_ text: String) -> AgencyKind? {
        switch normalized(text) {
        case "sekretariatdaerah", "setda": .sekretariatDaerah
        case "sekretariatdprd", "setwan": .sekretariatDprd
        case "inspektorat": .inspektorat
        case "dinas": .dinas
        case "badan": .badan
        case "kecamatan": .kecamatan
        case "kelurahan": .kelurahan
        case "rumahsakit", "rsud": .rumahSakit
        case "satuanpolisipamongpraja", "satpolpp": .satuanPolisiPamongPraja
        default: nil
        }
    }

    public static func display(_ kind: AgencyKind) -> String {
        switch kind {
        case .unspecified: ""
        case .sekretariatDaerah: "sekretariat daerah"
        case .sekretariatDprd: "sekretariat DPRD"
        case .inspektorat: "inspektorat"
        case .dinas: "dinas"
        case .badan: "badan"
        case .kecamatan: "kecamatan"
        case .kelurahan: "kelurahan"
        case .rumahSakit: "rumah sakit"
        case .satuanPolisiPamongPraja: "satuan polisi pamong praja"
        }
    }

    public static func role(_ text: String) -> Binakarier_Auth_V1_Role? {
        switch normalized(text) {
        case "employee", "pegawai", "asn": .employee
        case "supervisor", "atasan": .supervisor
        case "agencyhead", "kepalaopd", "kepala", "pimpinan": .agencyHead
        case "organizer", "organiser", "penyelenggara", "bkpsdm": .organizer
        case "administrator", "admin": .administrator
        default: nil
        }
    }

    public static func display(_ role: Binakarier_Auth_V1_Role) -> String {
        switch role {
        case .unspecified: ""
        case .employee: "pegawai"
        case .supervisor: "atasan"
        case .agencyHead: "kepala OPD"
        case .organizer: "penyelenggara"
        case .administrator: "administrator"
        case .service: "layanan"
        }
    }
}

import Foundation
