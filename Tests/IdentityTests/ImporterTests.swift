@testable import Identity
import Testing

@Suite("CSV import: parsing and validation")
struct ImporterTests {
    static let today = CalendarDate(year: 2026, month: 11, day: 29)!
    static let context = ImportContext(
        agencies: ["DINKES", "DISDIK"], units: ["DINKES/SEKRET", "DINKES/P2P"],
        supervisors: ["196805121990031003": ""])

    static func parse(_ text: String) throws -> EmployeeImporter.Result {
        try EmployeeImporter.parse(Array(text.utf8), context: context, today: today)
    }

    @Test func goodFileWithIndonesianHeadersSemicolonsAndQuotes() throws {
        let csv = #"""
            \#u{FEFF}NIP;Nama;Jenis ASN;Jenis Kelamin;Tanggal Lahir;TMT CPNS;Gol/Ruang;Jenjang Jabatan;Jabatan;Pendidikan;Kode OPD;Unit Kerja;NIP Atasan;Status\#r
            198703152010011001;"Budi Santoso, S.Kom";PNS;L;15-03-1987;01-01-2010;III/b;Pelaksana;"Analis ""Data""";S1;dinkes;sekret;196805121990031003;Aktif\#r
            199212242019032002;Siti Rahma;PNS;P;1992-12-24;2019-03;III/a;JF Ahli Pertama;Epidemiolog;S2;DINKES;P2P;198703152010011001;aktif\#r
            199005172021072001;Rina;PPPK;Perempuan;;;IX;Ahli Pertama;Guru;S1;DISDIK;;;\#r

            """#
        let result = try Self.parse(csv)
        #expect(result.report.errors == [])
        #expect(result.report.rowsTotal == 3)
        #expect(result.report.rowsValid == 3)
        let budi = try #require(result.valid.first)
        #expect(budi.name == "Budi Santoso, S.Kom")
        #expect(budi.positionTitle == #"Analis "Data""#)
        #expect(budi.agencyCode == "DINKES")
        #expect(budi.unitCode == "SEKRET")
        #expect(budi.golongan == .iiiB)
        #expect(budi.birthDate == "1987-03-15")
        #expect(result.valid[2].pppkGrade == 9)
        #expect(result.valid[2].asnType == .pppk)
        #expect(result.valid[1].supervisorNip == "198703152010011001")  // a supervisor from the same file
    }

    @Test func badRowsAreReportedWithLineAndReasonAndTheRestStays() throws {
        let csv = """
            NIP,Nama,Jenis ASN,Golongan,Kode OPD,Kode Unit,NIP Atasan
            198703152010011001,Budi,PNS,III/b,DINKES,,
            198713152010011001,Tanggal Salah,PNS,III/b,DINKES,,
            199212242019032002,Tanpa OPD,PNS,III/a,DINSOS,,
            199101012015011002,Unit Asing,PNS,III/a,DINKES,GUDANG,
            199001012015011001,Atasan Hilang,PNS,III/a,DINKES,,197001011990011001
            198703152010011001,Ganda,PNS,III/b,DINKES,,
            199301012018011001,,PNS,II/c,DINKES,,
            199401012019011001,Gol Salah,PNS,V/a,DINKES,,
            199501012020011001,Jenis Salah,Honorer,II/a,DINKES,,
            """
        let result = try Self.parse(csv)
        #expect(result.report.rowsTotal == 9)
        #expect(result.valid.map(\.nip) == ["198703152010011001"])
        #expect(result.report.errors.map(\.line) == [3, 4, 5, 6, 7, 8, 9, 10])
        let reasons = Dictionary(uniqueKeysWithValues: result.report.errors.map { (Int($0.line), $0.reason) })
        #expect(reasons[3]?.contains("tanggal lahir") == true)
        #expect(reasons[4]?.contains("DINSOS") == true)
        #expect(reasons[5]?.contains("GUDANG") == true)
        #expect(reasons[6]?.contains("197001011990011001") == true)
        #expect(reasons[7]?.contains("baris 2") == true)
        #expect(reasons[8]?.contains("nama") == true)
        #expect(reasons[9]?.contains("V/a") == true)
        #expect(reasons[10]?.contains("Honorer") == true)
    }

    @Test func supervisorCyclesAreRejected() throws {
        let csv = """
            NIP,Nama,Jenis ASN,Golongan,Kode OPD,NIP Atasan
            198703152010011001,A,PNS,III/b,DINKES,199212242019032002
            199212242019032002,B,PNS,III/a,DINKES,198703152010011001
            199101012015011002,C,PNS,III/a,DINKES,198703152010011001
            199001012015011001,D,PNS,III/a,DINKES,196805121990031003
            """
        let result = try Self.parse(csv)
        #expect(result.valid.map(\.nip) == ["199001012015011001"])
        #expect(result.report.errors.count == 3)
        // A and B loop; C's chain runs into that loop, so it cannot stand either.
        #expect(result.report.errors.map(\.line) == [2, 3, 4])
        #expect(result.report.errors.allSatisfy { $0.reason.contains("lingkaran") })
    }

    @Test func unusableFilesAreRefusedWhole() {
        #expect(throws: EmployeeImporter.Failure.missingColumns(["Jenis ASN", "Kode OPD"])) {
            try Self.parse("NIP,Nama\n198703152010011001,Budi\n")
        }
        #expect(throws: EmployeeImporter.Failure.self) { try Self.parse("") }
        #expect(throws: EmployeeImporter.Failure.self) {
            try EmployeeImporter.parse([0x4E, 0xFF, 0xFE], context: Self.context, today: Self.today)
        }
        #expect(throws: EmployeeImporter.Failure.self) { try Self.parse("NIP,Nama,Jenis ASN,OPD\n\"1987,Budi,PNS,DINKES\n") }
    }
}
