import BKRPC
import ArgumentParser
import BKProto
import Foundation
import IdentityVocabulary

struct EmployeeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "employee", abstract: "Civil servants (ASN), by NIP.",
        subcommands: [Add.self, Import.self, List.self, Show.self, Update.self])

    /// The fields `add` and `update` share; for `update` only those given change.
    struct Fields: ParsableArguments {
        @Option(help: "Full name.") var name: String?
        @Option(help: "PNS or PPPK.") var asnType: String?
        @Option(help: "Golongan/ruang for a PNS, e.g. III/a.") var golongan: String?
        @Option(help: "Grade for a PPPK, I to XVII.") var pppkGrade: String?
        @Option(help: "e.g. \"JPT Pratama\", administrator, pengawas, pelaksana, \"JF Ahli Muda\".") var jobLevel: String?
        @Option(help: "Position title.") var position: String?
        @Option(help: "SD, SMP, SMA, D1–D4, S1, S2 or S3.") var education: String?
        @Option(help: "Agency code.") var agency: String?
        @Option(help: "Unit code within the agency.") var unit: String?
        @Option(help: "NIP of the direct supervisor.") var supervisor: String?
        @Option(help: "aktif, cuti, pensiun or pindah.") var status: String?
        @Option(help: "Birth date YYYY-MM-DD (default: from the NIP).") var birthDate: String?
        @Option(help: "Start of service YYYY-MM (default: from the NIP).") var serviceStart: String?

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
        static let configuration = CommandConfiguration(abstract: "Add one employee.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "The 18-digit NIP.") var nip: String
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
            abstract: "Import employees from a CSV file.",
            discussion: """
                The first row names the columns; Indonesian names are understood: NIP, Nama, Jenis ASN, Jenis Kelamin, \
                Tanggal Lahir, TMT CPNS, Golongan, Jenjang Jabatan, Jabatan, Pendidikan, Kode OPD, Kode Unit, NIP Atasan, \
                Status. Every row is checked first; bad rows are listed with their line and reason, and all valid rows \
                are stored in one transaction. Use --dry-run to check without storing.
                """)
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The CSV file (comma or semicolon separated, UTF-8).") var file: String
        @Flag(help: "Check and report only; store nothing.") var dryRun = false

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
        static let configuration = CommandConfiguration(abstract: "List employees.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Only this agency.") var agency: String = ""
        @Option(help: "Only this unit.") var unit: String = ""
        @Option(help: "Only those reporting to this NIP.") var supervisor: String = ""
        @Option(help: "Employees per page (at most 1000).") var pageSize: Int32 = 100
        @Option(help: "Continue from this page token.") var pageToken: String = ""
        @Flag(help: "Fetch every page.") var all = false

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
        static let configuration = CommandConfiguration(abstract: "Show one employee.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "NIP.") var nip: String

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
        static let configuration = CommandConfiguration(abstract: "Change fields of one employee; only the fields given change.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "NIP.") var nip: String
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
