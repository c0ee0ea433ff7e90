import BKProto
import BKRPC
import BKServiceKit

extension ProgramsService {
    /// The most rows an import reports (all are counted), so the answer always fits one frame.
    static let maximumReportedErrors = 200

    public func markAttendance(_ request: Binakarier_Programs_V1_MarkAttendanceRequest, context: RPCServerContext) async throws -> Binakarier_Programs_V1_MarkAttendanceResponse {
        let caller = try context.requireCaller()
        guard !request.records.isEmpty, request.records.count <= 100_000 else {
            throw ProgramsError.invalid(field: "records", reason: .init(id: "isi 1 sampai 100.000 catatan", en: "give 1 to 100,000 records"))
        }
        var records = request.records
        for index in records.indices {
            records[index].nip = try Validation.nip(records[index].nip, field: "records.nip")
            records[index].date = try Validation.date(records[index].date, field: "records.date").description
            guard records[index].status != .unspecified else {
                throw ProgramsError.invalid(field: "records.status", reason: .init(id: "wajib diisi", en: "is required"))
            }
            records[index].note = try Validation.optionalText(records[index].note, field: "records.note", maxBytes: TextRules.shortText)
        }
        let sessionID = request.sessionId.uppercased()
        switch try await store.markAttendance(sessionID: sessionID, records: records, by: caller.subject) {
        case .saved(let count):
            audit(context, "attendance marked", ["session": sessionID, "records": "\(count)"])
            return .init(recordsSaved: Int32(count))
        case .refused(let refused):
            let first = refused[0]
            throw ProgramsError.failedPrecondition(.init(
                id: "tidak ada yang disimpan: catatan ke-\(first.index + 1): \(first.reason.indonesian)\(refused.count > 1 ? " (dan \(refused.count - 1) lainnya)" : "")",
                en: "nothing saved: record \(first.index + 1): \(first.reason.english)\(refused.count > 1 ? " (and \(refused.count - 1) more)" : "")"))
        }
    }

    public func importAttendance(_ request: Binakarier_Programs_V1_ImportAttendanceRequest, context: RPCServerContext) async throws -> Binakarier_Programs_V1_ImportAttendanceResponse {
        let caller = try context.requireCaller()
        let sessionID = request.sessionId.uppercased()
        guard try await store.sessionExists(sessionID) else { throw ProgramsError.noSession(sessionID) }
        let language = context.language
        let csv = request.csv
        let parsed = try await BlockingWork.run { try AttendanceCSV.parse(csv, deadline: context.deadline) }
        var response = Binakarier_Programs_V1_ImportAttendanceResponse(rowsTotal: Int32(parsed.records.count + parsed.errors.count))
        var errors = parsed.errors
        if errors.isEmpty {
            switch try await store.markAttendance(sessionID: sessionID, records: parsed.records.map(\.record), by: caller.subject, dryRun: request.dryRun) {
            case .saved(let count):
                response.rowsSaved = Int32(count)
            case .refused(let refused):
                errors = refused.map { (line: parsed.records[$0.index].line, reason: $0.reason) }
            }
        }
        response.errorsTotal = Int32(errors.count)
        response.errors = errors.prefix(Self.maximumReportedErrors).map {
            .init(line: Int32($0.line), reason: ImportTable.report($0.reason, language))
        }
        audit(context, "attendance imported", [
            "session": sessionID, "rows": "\(response.rowsTotal)", "saved": "\(response.rowsSaved)", "errors": "\(response.errorsTotal)",
            "dry_run": "\(request.dryRun)",
        ])
        return response
    }

    public func getAttendance(_ request: Binakarier_Programs_V1_GetAttendanceRequest, context: RPCServerContext) async throws -> Binakarier_Programs_V1_GetAttendanceResponse {
        let caller = try context.requireCaller()
        let sessionID = request.sessionId.uppercased()
        guard try await store.sessionExists(sessionID) else { throw ProgramsError.noSession(sessionID) }
        var nip = request.nip
        if !ProgramsAccess.seesEveryone(caller) {
            nip = try await person(request.nip.isEmpty ? caller.nip : request.nip, field: "nip", context: context).nip
        } else if !nip.isEmpty {
            nip = try Validation.nip(nip, field: "nip")
        }
        let records = try await store.attendance(sessionID: sessionID, nip: nip)
        var enrolments = try await store.enrolments(sessionID: sessionID, nip: "", state: .enrolled, after: nil, limit: 100_000)
        if !nip.isEmpty { enrolments = enrolments.filter { $0.nip == nip } }
        return .init(records: records, enrolments: enrolments)
    }

    public func recordAssessment(_ request: Binakarier_Programs_V1_RecordAssessmentRequest, context: RPCServerContext) async throws -> Enrolment {
        let nip = try Validation.nip(request.nip, field: "nip")
        guard request.kind != .unspecified else { throw ProgramsError.invalid(field: "kind", reason: .init(id: "wajib diisi", en: "is required")) }
        guard request.score.isFinite, (0...100).contains(request.score) else {
            throw ProgramsError.invalid(field: "score", reason: .init(id: "nilai 0 sampai 100", en: "a score is 0 to 100"))
        }
        let enrolment = try await store.recordAssessment(sessionID: request.sessionId.uppercased(), nip: nip, kind: request.kind, score: request.score)
        audit(context, "assessment recorded", ["session": enrolment.sessionId, "nip": nip, "kind": request.kind.protoName])
        return enrolment
    }
}

/// Attendance as a spreadsheet writes it: NIP, Tanggal, Status, Keterangan (Indonesian headers; English
/// ones accepted). Every bad row is reported with its line. Public for the fuzzer.
public enum AttendanceCSV {
    public struct Row: Sendable {
        public var line: Int
        public var record: AttendanceRecord
    }

    public static func parse(_ bytes: [UInt8], deadline: ContinuousClock.Instant?) throws(ProgramsError) -> (records: [Row], errors: [(line: Int, reason: LocalizedText)]) {
        let table = try ImportTable(bytes, deadline: deadline, columns: [
            "nip": ["nip"], "date": ["tanggal", "tgl", "date"], "status": ["status", "kehadiran", "keterangankehadiran"],
            "note": ["keterangan", "catatan", "note"],
        ], required: ["nip", "date", "status"])
        var rows: [Row] = []
        var errors: [(line: Int, reason: LocalizedText)] = []
        for record in table.rows {
            do throws(ProgramsError) {
                let nip = try Validation.nip(table.value("nip", record), field: "NIP")
                let date = try Validation.date(table.value("date", record), field: "Tanggal")
                guard let status = attendanceStatus(table.value("status", record)) else {
                    throw .invalid(field: "Status", reason: .init(
                        id: "status '\(table.value("status", record))' tidak dikenal (hadir, terlambat, izin, sakit, alpa)",
                        en: "status '\(table.value("status", record))' unknown (hadir, terlambat, izin, sakit, alpa)"))
                }
                let note = try Validation.optionalText(table.value("note", record), field: "Keterangan", maxBytes: TextRules.shortText)
                rows.append(Row(line: record.line, record: .init(nip: nip, date: date.description, status: status, note: note)))
            } catch {
                errors.append((record.line, ImportTable.reason(error)))
            }
        }
        return (rows, errors)
    }

    static func attendanceStatus(_ text: String) -> Binakarier_Programs_V1_AttendanceStatus? {
        switch CSVReader.headerKey(text) {
        case "hadir", "h", "present": .hadir
        case "terlambat", "t", "late": .terlambat
        case "izin", "ijin", "i", "excused": .izin
        case "sakit", "s", "sick": .sakit
        case "alpa", "alpha", "alfa", "a", "absent": .alpa
        default: nil
        }
    }
}
