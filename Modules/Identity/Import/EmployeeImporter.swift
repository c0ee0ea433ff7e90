import BKRPC
import BKProto
import BKServiceKit


/// Turns the CSV file BKPSDM keeps into employee records: every row is validated first, each bad row
/// reported with its line and reason, and the valid rows come back for one transaction.
public enum EmployeeImporter {
    /// The columns we understand, with the names spreadsheets give them (compared without case,
    /// spaces or punctuation).
    enum Column: String, CaseIterable {
        case nip, name, asnType, sex, birthDate, serviceStart, golongan, pppkGrade, jobLevel, positionTitle, education
        case agencyCode, unitCode, supervisorNIP, status

        var aliases: [String] {
            switch self {
            case .nip: ["nip", "nipbaru", "nomorindukpegawai"]
            case .name: ["nama", "namalengkap", "namapegawai", "name"]
            case .asnType: ["jenisasn", "jenispegawai", "statuskepegawaian", "asn", "asntype"]
            case .sex: ["jeniskelamin", "jk", "kelamin", "sex"]
            case .birthDate: ["tanggallahir", "tgllahir", "birthdate"]
            case .serviceStart: ["tmtcpns", "tmt", "tmtpppk", "mulaikerja", "servicestart"]
            case .golongan: ["golongan", "gol", "golruang", "golonganruang", "pangkatgolongan"]
            case .pppkGrade: ["golonganpppk", "gradepppk", "pppkgrade"]
            case .jobLevel: ["jenjangjabatan", "jenisjabatan", "eselon", "joblevel"]
            case .positionTitle: ["jabatan", "namajabatan", "position", "positiontitle"]
            case .education: ["pendidikan", "pendidikanterakhir", "education"]
            case .agencyCode: ["kodeopd", "opd", "kodeperangkatdaerah", "perangkatdaerah", "instansi", "agency", "agencycode"]
            case .unitCode: ["kodeunit", "unitkerja", "unit", "unitcode"]
            case .supervisorNIP: ["nipatasan", "atasanlangsung", "nipatasanlangsung", "supervisornip"]
            case .status: ["status", "statuspegawai"]
            }
        }

        static let required: [Column] = [.nip, .name, .asnType, .agencyCode]

        /// How the column is named in messages, as BKPSDM's spreadsheets head it.
        var label: String {
            switch self {
            case .nip: "NIP"
            case .name: "Nama"
            case .asnType: "Jenis ASN"
            case .sex: "Jenis Kelamin"
            case .birthDate: "Tanggal Lahir"
            case .serviceStart: "TMT CPNS"
            case .golongan: "Golongan"
            case .pppkGrade: "Golongan PPPK"
            case .jobLevel: "Jenjang Jabatan"
            case .positionTitle: "Jabatan"
            case .education: "Pendidikan"
            case .agencyCode: "Kode OPD"
            case .unitCode: "Kode Unit"
            case .supervisorNIP: "NIP Atasan"
            case .status: "Status"
            }
        }
    }

    public struct Result: Sendable {
        public var report: ImportReport
        public var valid: [Employee]
    }

    public enum Failure: Error, Hashable, Sendable {
        case unreadable(LocalizedText)
        case missingColumns([String])
        case deadlineExceeded
    }

    /// The report lists at most this many refused rows (all are counted), each value cut to
    /// `maximumErrorText` characters, so that the answer always fits one frame.
    public static let maximumReportedErrors = 200
    public static let maximumErrorText = 200

    public static func parse(
        _ bytes: [UInt8], context: ImportContext, today: CalendarDate = .today, deadline: ContinuousClock.Instant? = nil,
        language: Language = .indonesian
    ) throws(Failure) -> Result {
        let records: [CSVReader.Record]
        do {
            records = try CSVReader.records(bytes, deadline: deadline)
        } catch {
            if error == .deadlineExceeded { throw .deadlineExceeded }
            throw .unreadable(error.text)
        }
        guard let header = records.first else { throw .unreadable(.init(id: "berkas kosong", en: "the file is empty")) }
        var columns: [Column: Int] = [:]
        for (index, name) in header.fields.enumerated() {
            let key = Vocabulary.normalized(name)
            if let column = Column.allCases.first(where: { $0.aliases.contains(key) }), columns[column] == nil {
                columns[column] = index
            }
        }
        let missing = Column.required.filter { columns[$0] == nil }
        guard missing.isEmpty else { throw .missingColumns(missing.map(\.label)) }

        var report = ImportReport()
        var errors: [ImportRowError] = []
        var candidates: [(line: Int, employee: Employee)] = []
        var seen: [String: Int] = [:]
        for (index, record) in records.dropFirst().enumerated() {
            if index & 1023 == 1023, let deadline, ContinuousClock.now >= deadline { throw .deadlineExceeded }
            report.rowsTotal += 1
            func value(_ column: Column) -> String {
                guard let index = columns[column], index < record.fields.count else { return "" }
                return record.fields[index].trimmingWhitespace()
            }
            let nip = value(.nip)
            do throws(IdentityError) {
                let employee = try row(value, today: today)
                if let first = seen[employee.nip] {
                    throw .invalid(field: "nip", reason: .init(id: "NIP sudah muncul di baris \(first)", en: "the NIP already appears on line \(first)"))
                }
                guard context.agencies.contains(employee.agencyCode) else {
                    throw .notFound(.init(id: "perangkat daerah \(employee.agencyCode) tidak dikenal", en: "unknown agency \(employee.agencyCode)"))
                }
                if !employee.unitCode.isEmpty, !context.units.contains("\(employee.agencyCode)/\(employee.unitCode)") {
                    throw .notFound(.init(id: "unit \(employee.unitCode) tidak ada di \(employee.agencyCode)", en: "unit \(employee.unitCode) does not exist in \(employee.agencyCode)"))
                }
                seen[employee.nip] = record.line
                candidates.append((record.line, employee))
            } catch {
                errors.append(ImportRowError(line: Int32(record.line), nip: nip, reason: reason(error, language)))
            }
        }

        // Supervisors: in the database or among the valid rows, and no chain may loop.
        var supervisors = context.supervisors
        for candidate in candidates { supervisors[candidate.employee.nip] = candidate.employee.supervisorNip }
        var rejected = Set<String>()
        for candidate in candidates {
            let employee = candidate.employee
            var reasonText: LocalizedText?
            if !employee.supervisorNip.isEmpty, supervisors[employee.supervisorNip] == nil {
                reasonText = .init(id: "atasan dengan NIP \(employee.supervisorNip) tidak ditemukan", en: "no supervisor with NIP \(employee.supervisorNip)")
            } else if formsCycle(from: employee.nip, supervisors) {
                reasonText = .init(id: "rantai atasan membentuk lingkaran", en: "the supervisor chain forms a loop")
            }
            if let reasonText {
                rejected.insert(employee.nip)
                errors.append(ImportRowError(line: Int32(candidate.line), nip: employee.nip, reason: reasonText.text(language)))
            }
        }
        // A row whose supervisor was rejected cannot stand either (repeat until nothing changes).
        var changed = true
        while changed {
            changed = false
            for candidate in candidates where !rejected.contains(candidate.employee.nip) {
                let supervisor = candidate.employee.supervisorNip
                if !supervisor.isEmpty, rejected.contains(supervisor), context.supervisors[supervisor] == nil {
                    rejected.insert(candidate.employee.nip)
                    errors.append(ImportRowError(
                        line: Int32(candidate.line), nip: candidate.employee.nip,
                        reason: LocalizedText(id: "atasan \(supervisor) ditolak di berkas ini", en: "supervisor \(supervisor) was refused in this file").text(language)))
                    changed = true
                }
            }
        }
        let valid = candidates.filter { !rejected.contains($0.employee.nip) }.map(\.employee)
        report.rowsValid = Int32(valid.count)
        report.errorsTotal = Int32(errors.count)
        report.errors = errors.sorted { $0.line < $1.line }.prefix(maximumReportedErrors).map { error in
            ImportRowError(line: error.line, nip: cut(error.nip), reason: cut(error.reason))
        }
        return Result(report: report, valid: valid)
    }

    static func row(_ value: (Column) -> String, today: CalendarDate) throws(IdentityError) -> Employee {
        var e = Employee()
        e.nip = value(.nip)
        e.name = value(.name)
        guard let type = Vocabulary.asnType(value(.asnType)) else {
            throw .invalid(field: "jenis ASN", reason: .init(id: "'\(value(.asnType))' bukan PNS atau PPPK", en: "'\(value(.asnType))' is not PNS or PPPK"))
        }
        e.asnType = type
        if !value(.sex).isEmpty {
            guard let sex = Vocabulary.sex(value(.sex)) else { throw .invalid(field: "jenis kelamin", reason: .init(id: "'\(value(.sex))' bukan L atau P", en: "'\(value(.sex))' is not L or P")) }
            e.sex = sex
        }
        e.birthDate = value(.birthDate)
        e.serviceStart = value(.serviceStart)
        let golongan = value(.golongan)
        let grade = value(.pppkGrade).isEmpty && type == .pppk ? golongan : value(.pppkGrade)
        if type == .pns, !golongan.isEmpty {
            guard let parsed = Vocabulary.golongan(golongan) else {
                throw .invalid(field: "golongan", reason: .init(id: "'\(golongan)' bukan golongan/ruang (I/a sampai IV/e)", en: "'\(golongan)' is not a golongan/ruang (I/a to IV/e)"))
            }
            e.golongan = parsed
        }
        if type == .pppk, !grade.isEmpty {
            guard let parsed = Vocabulary.pppkGrade(grade) else {
                throw .invalid(field: "golongan PPPK", reason: .init(id: "'\(grade)' bukan golongan PPPK (I sampai XVII)", en: "'\(grade)' is not a PPPK grade (I to XVII)"))
            }
            e.pppkGrade = parsed
        }
        if !value(.jobLevel).isEmpty {
            guard let level = Vocabulary.jobLevel(value(.jobLevel)) else {
                throw .invalid(field: "jenjang jabatan", reason: .init(id: "'\(value(.jobLevel))' tidak dikenal", en: "'\(value(.jobLevel))' is not a known job level"))
            }
            e.jobLevel = level
        }
        e.positionTitle = value(.positionTitle)
        if !value(.education).isEmpty {
            guard let education = Vocabulary.education(value(.education)) else {
                throw .invalid(field: "pendidikan", reason: .init(id: "'\(value(.education))' tidak dikenal", en: "'\(value(.education))' is not a known education level"))
            }
            e.education = education
        }
        e.agencyCode = value(.agencyCode).uppercased()
        e.unitCode = value(.unitCode).uppercased()
        e.supervisorNip = value(.supervisorNIP)
        guard let status = Vocabulary.status(value(.status)) else {
            throw .invalid(field: "status", reason: .init(id: "'\(value(.status))' bukan aktif, cuti, pensiun atau pindah", en: "'\(value(.status))' is not active, on leave (cuti), retired (pensiun) or moved (pindah)"))
        }
        e.status = status
        return try EmployeeValidation.validated(e, today: today)
    }

    static func cut(_ text: String) -> String {
        text.count <= maximumErrorText ? text : String(text.prefix(maximumErrorText)) + "…"
    }

    static func formsCycle(from nip: String, _ supervisors: [String: String]) -> Bool {
        var visited: Set<String> = [nip]
        var current = supervisors[nip] ?? ""
        while !current.isEmpty {
            if !visited.insert(current).inserted { return true }
            current = supervisors[current] ?? ""
        }
        return false
    }

    static func reason(_ error: IdentityError, _ language: Language) -> String {
        switch error {
        case .invalid(let field, let reason): "\(field): \(reason.text(language))"
        default: error.rpcError.localized(language).message
        }
    }
}
