import BKRPC
import ArgumentParser
import BKProto
import Foundation
import IdentityVocabulary

struct EmployeeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "employee", abstract: L("Pegawai (ASN), berdasarkan NIP.", en: "Civil servants (ASN), by NIP."),
        subcommands: [Add.self, Import.self, List.self, Show.self, Update.self])

    /// The fields `add` and `update` share; for `update` only those given change.
    struct Fields: ParsableArguments {
        @Option(help: ArgumentHelp(L("Nama lengkap.", en: "Full name."))) var name: String?
        @Option(help: ArgumentHelp(L("PNS atau PPPK.", en: "PNS or PPPK."))) var asnType: String?
        @Option(help: ArgumentHelp(L("Golongan/ruang untuk PNS, misalnya III/a.", en: "Golongan/ruang for a PNS, e.g. III/a.")))
        var golongan: String?
        @Option(help: ArgumentHelp(L("Golongan untuk PPPK, I sampai XVII.", en: "Grade for a PPPK, I to XVII.")))
        var pppkGrade: String?
        @Option(help: ArgumentHelp(L(
            "Jenjang jabatan, misalnya \"JPT Pratama\", administrator, pengawas, pelaksana, \"JF Ahli Muda\".",
            en: "e.g. \"JPT Pratama\", administrator, pengawas, pelaksana, \"JF Ahli Muda\".")))
        var jobLevel: String?
        @Option(help: ArgumentHelp(L("Nama jabatan.", en: "Position title."))) var position: String?
        @Option(help: ArgumentHelp(L("SD, SMP, SMA, D1–D4, S1, S2 atau S3.", en: "SD, SMP, SMA, D1–D4, S1, S2 or S3.")))
        var education: String?
        @Option(help: ArgumentHelp(L("Kode perangkat daerah (OPD).", en: "Agency code."))) var agency: String?
        @Option(help: ArgumentHelp(L("Kode unit kerja di perangkat daerah tersebut.", en: "Unit code within the agency.")))
        var unit: String?
        @Option(help: ArgumentHelp(L("NIP atasan langsung.", en: "NIP of the direct supervisor."))) var supervisor: String?
        @Option(help: ArgumentHelp(L("aktif, cuti, pensiun atau pindah.", en: "aktif, cuti, pensiun or pindah.")))
        var status: String?
        @Option(help: ArgumentHelp(L(
            "Tanggal lahir YYYY-MM-DD (bawaan: diambil dari NIP).",
            en: "Birth date YYYY-MM-DD (default: from the NIP).")))
        var birthDate: String?
        @Option(help: ArgumentHelp(L(
            "TMT (mulai masa kerja) YYYY-MM (bawaan: diambil dari NIP).",
            en: "Start of service YYYY-MM (default: from the NIP).")))
        var serviceStart: String?

        /// Applies the given fields to `employee` and returns the field-mask paths they touch.
        func apply(to employee: inout Employee) throws -> [String] {
            var paths: [String] = []
            func set<T>(_ value: String?, _ path: String, _ parse: (String) -> T?, _ assign: (T) -> Void) throws {
                guard let value else { return }
                guard let parsed = parse(value) else { throw ValidationError("nilai '\(value)' untuk \(path) tidak dikenal") }
                assign(parsed)
                paths.append(path)
            }
            try set(name, "name", { $0 }) { employee.name = $0 }
            try set(asnType, "asn_type", Vocabulary.asnType) { employee.asnType = $0 }
            try set(golongan, "golongan", Vocabulary.golongan) { employee.golongan = $0 }
            try set(pppkGrade, "pppk_grade", Vocabulary.pppkGrade) { employee.pppkGrade = $0 }
            try set(jobLevel, "job_level", Vocabulary.jobLevel) { employee.jobLevel = $0 }
            try set(position, "position_title", { $0 }) { employee.positionTitle = $0 }
            try set(education, "education", Vocabulary.education) { employee.education = $0 }
            try set(agency, "agency_code", { $0 }) { employee.agencyCode = $0 }
            try set(unit, "unit_code", { $0 }) { employee.unitCode = $0 }
            try set(supervisor, "supervisor_nip", { $0 }) { employee.supervisorNip = $0 }
            try set(status, "status", Vocabulary.status) { employee.status = $0 }
            try set(birthDate, "birth_date", { $0 }) { employee.birthDate = $0 }
            try set(serviceStart, "service_start", { $0 }) { employee.serviceStart = $0 }
            return paths
        }
    }

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: L("Tambahkan satu pegawai.", en: "Add one employee."))
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp(L("NIP 18 digit.", en: "The 18-digit NIP."))) var nip: String
        @OptionGroup var fields: Fields

        func run() async throws {
            var employee = Employee(nip: nip)
            _ = try fields.apply(to: &employee)
            let created = try await global.identity { try await $0.createEmployee(.init(employee: employee)) }
            try global.print(created) { "Pegawai \(created.nip) (\(created.name)) ditambahkan." }
        }
    }

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: L("Impor data pegawai dari berkas CSV.", en: "Import employees from a CSV file."),
            discussion: L(
                """
                Baris pertama berisi nama kolom; nama kolom berbahasa Indonesia dikenali: NIP, Nama, Jenis ASN, \
                Jenis Kelamin, Tanggal Lahir, TMT CPNS, Golongan, Jenjang Jabatan, Jabatan, Pendidikan, Kode OPD, \
                Kode Unit, NIP Atasan, Status. Setiap baris diperiksa lebih dulu; baris yang bermasalah dicantumkan \
                beserta nomor baris dan alasannya, dan semua baris yang sah disimpan dalam satu transaksi. Gunakan \
                --dry-run untuk memeriksa tanpa menyimpan.
                """,
                en: """
                The first row names the columns; Indonesian names are understood: NIP, Nama, Jenis ASN, Jenis Kelamin, \
                Tanggal Lahir, TMT CPNS, Golongan, Jenjang Jabatan, Jabatan, Pendidikan, Kode OPD, Kode Unit, NIP Atasan, \
                Status. Every row is checked first; bad rows are listed with their line and reason, and all valid rows \
                are stored in one transaction. Use --dry-run to check without storing.
                """))
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(L(
            "Berkas CSV (dipisah koma atau titik koma, UTF-8).",
            en: "The CSV file (comma or semicolon separated, UTF-8).")))
        var file: String
        @Flag(help: ArgumentHelp(L(
            "Hanya periksa dan laporkan; tidak ada yang disimpan.",
            en: "Check and report only; store nothing.")))
        var dryRun = false

        func run() async throws {
            guard let data = FileManager.default.contents(atPath: file) else { throw ValidationError("berkas \(file) tidak terbaca") }
            let report = try await EmployeeImport.upload([UInt8](data), dryRun: dryRun, global: global)
            try global.print(report) {
                var lines = [
                    "\(report.rowsTotal) baris, \(report.rowsValid) sah, \(report.errors.count) ditolak"
                        + (report.dryRun ? " (uji coba: tidak ada yang disimpan)" : ", \(report.rowsCommitted) disimpan"),
                ]
                if !report.errors.isEmpty {
                    lines.append("")
                    lines.append(table(["BARIS", "NIP", "ALASAN"], report.errors.map { [String($0.line), $0.nip, $0.reason] }))
                }
                return lines.joined(separator: "\n")
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: L("Tampilkan daftar pegawai.", en: "List employees."))
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp(L("Hanya perangkat daerah ini.", en: "Only this agency."))) var agency: String = ""
        @Option(help: ArgumentHelp(L("Hanya unit kerja ini.", en: "Only this unit."))) var unit: String = ""
        @Option(help: ArgumentHelp(L("Hanya bawahan langsung dari NIP ini.", en: "Only those reporting to this NIP.")))
        var supervisor: String = ""
        @Option(help: ArgumentHelp(L(
            "Jumlah pegawai per halaman (paling banyak 1000).",
            en: "Employees per page (at most 1000).")))
        var pageSize: Int32 = 100
        @Option(help: ArgumentHelp(L("Lanjutkan dari token halaman ini.", en: "Continue from this page token.")))
        var pageToken: String = ""
        @Flag(help: ArgumentHelp(L("Ambil semua halaman.", en: "Fetch every page."))) var all = false

        func run() async throws {
            var result = Binakarier_Identity_V1_ListEmployeesResponse()
            var token = pageToken
            repeat {
                let page = try await global.identity { try await $0.listEmployees(.init(
                    pageSize: pageSize, pageToken: token, agencyCode: agency, unitCode: unit, supervisorNip: supervisor)) }
                result.employees += page.employees
                token = page.nextPageToken
            } while all && !token.isEmpty
            result.nextPageToken = token
            try global.print(result) {
                var text = table(["NIP", "NAMA", "GOL", "JABATAN", "OPD", "UNIT"], result.employees.map {
                    [$0.nip, $0.name, Vocabulary.rank(of: $0),
                     $0.positionTitle, $0.agencyCode, $0.unitCode]
                })
                if !token.isEmpty { text += "\n\nhalaman berikutnya: --page-token \(token)" }
                return text
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: L("Tampilkan data satu pegawai.", en: "Show one employee."))
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(L("NIP pegawai.", en: "NIP."))) var nip: String

        func run() async throws {
            let e = try await global.identity { try await $0.getEmployee(.init(nip: nip)) }
            try global.print(e) {
                let rows: [(String, String)] = [
                    ("NIP", e.nip), ("Nama", e.name), ("Jenis ASN", e.asnType == .pppk ? "PPPK" : "PNS"),
                    ("Jenis kelamin", e.sex == .female ? "perempuan" : e.sex == .male ? "laki-laki" : "-"),
                    ("Tanggal lahir", e.birthDate), ("TMT", e.serviceStart),
                    ("Golongan", Vocabulary.rank(of: e)),
                    ("Jenjang jabatan", Vocabulary.display(e.jobLevel)), ("Jabatan", e.positionTitle),
                    ("Pendidikan", Vocabulary.display(e.education)), ("Perangkat daerah", e.agencyCode), ("Unit", e.unitCode),
                    ("Atasan langsung", e.supervisorNip), ("Status", Vocabulary.display(e.status)),
                ]
                return table(["", ""], rows.map { [$0.0 + ":", $0.1.isEmpty ? "-" : $0.1] }).split(separator: "\n").dropFirst().joined(separator: "\n")
            }
        }
    }

    struct Update: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: L(
                "Ubah data satu pegawai; hanya kolom yang disebutkan yang berubah.",
                en: "Change fields of one employee; only the fields given change."))
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(L("NIP pegawai.", en: "NIP."))) var nip: String
        @OptionGroup var fields: Fields

        func run() async throws {
            var employee = Employee(nip: nip)
            let paths = try fields.apply(to: &employee)
            guard !paths.isEmpty else { throw ValidationError("sebutkan paling sedikit satu kolom untuk diubah") }
            let updated = try await global.identity { try await $0.updateEmployee(.init(employee: employee, updateMask: .init(paths: paths))) }
            try global.print(updated) { "Pegawai \(updated.nip) diperbarui (\(paths.joined(separator: ", ")))." }
        }
    }
}

/// Sends a CSV file in 1 MiB chunks (frames are limited to 4 MiB) and finishes the import.
public enum EmployeeImport {
    static let chunkSize = 1 << 20

    static func upload(_ data: [UInt8], dryRun: Bool, global: GlobalOptions) async throws -> ImportReport {
        let started = try await global.identity { try await $0.startEmployeeImport(.init()) }
        var offset = 0
        while offset < data.count {
            let end = min(offset + chunkSize, data.count)
            _ = try await global.identity { try await $0.uploadEmployeeImportChunk(.init(importId: started.importId, data: Array(data[offset..<end]))) }
            offset = end
        }
        return try await global.identity { try await $0.finishEmployeeImport(.init(importId: started.importId, dryRun: dryRun)) }
    }
}
