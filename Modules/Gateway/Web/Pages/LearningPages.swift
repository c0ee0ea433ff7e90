import BKCharts
import BKProto
import BKRPC
import Foundation
import Hummingbird

/// Non-classroom learning converted into JP by the conversion table in force (LAN's guidance):
/// - `/jp/lapor`: a person reports an activity (a national seminar, coaching sessions, self-study …) with
///   how many of its units and the evidence the table asks for; programs sets the JP.
/// - on `/persetujuan`, what waits for the signed-in person: their staff's reports to validate
///   (supervisor or agency head), then, for BKPSDM, the validated ones to verify.
/// - `/jp/konversi`: the table in force, for everyone to read.
enum LearningPages {
    static func register(_ web: WebApp) {
        web.get("/jp/lapor") { request, context in
            let session = try context.requireSession(request)
            return try await reportForm(web, request: request, context: context, session: session, values: [:])
        }
        web.post("/jp/lapor") { request, context in
            let session = try context.requireSession(request)
            let form = try await FormData.read(request, context: context)
            var values: [String: String] = [:]
            for key in ["kegiatan", "satuan", "judul", "penyelenggara", "mulai", "selesai", "bukti"] { values[key] = form.text(key) }
            let kinds = form.all("jenis_bukti")
            guard let units = Double(values["satuan", default: ""].replacingOccurrences(of: ",", with: ".")), units > 0 else {
                return try await reportForm(
                    web, request: request, context: context, session: session, values: values, kinds: kinds,
                    errors: ["satuan": web.text("lrn_err_units", context)], status: .badRequest)
            }
            var learning = Binakarier_Programs_V1_OutsideLearning()
            learning.nip = session.nip
            learning.activityCode = values["kegiatan", default: ""]
            learning.units = units
            learning.title = values["judul", default: ""]
            learning.provider = values["penyelenggara", default: ""]
            learning.startDate = values["mulai", default: ""]
            learning.endDate = values["selesai", default: ""]
            learning.evidence = values["bukti", default: ""]
            learning.evidenceKinds = kinds
            switch try await ManagePages.attempt({ try await ManagePages.programs(web, context, session).reportOutsideLearning(.init(learning: learning)) }) {
            case .success:
                return web.redirect("/jp", message: "lrn_msg_reported")
            case .failure(let error):
                var errors: [String: String] = [:]
                let fields = ["learning.activity_code": "kegiatan", "learning.units": "satuan", "learning.title": "judul", "learning.provider": "penyelenggara",
                              "learning.start_date": "mulai", "learning.end_date": "selesai", "learning.evidence": "bukti", "learning.evidence_kinds": "jenis_bukti"]
                for violation in error.fieldViolations { if let key = fields[violation.field] { errors[key] = ManagePages.sentence(violation.description) } }
                if errors.isEmpty { errors["_"] = ManagePages.sentence(error.message) }
                return try await reportForm(
                    web, request: request, context: context, session: session, values: values, kinds: kinds, errors: errors,
                    status: ManagePages.status(for: error))
            }
        }
        web.get("/jp/konversi") { request, context in
            let session = try context.requireSession(request)
            let table = try await ManagePages.programs(web, context, session).getJpConversion(.init())
            return web.page("lrn_table", title: web.text("lrn_table_title", context), data: tableData(table, context.language), request: request, context: context)
        }
        web.post("/persetujuan/pembelajaran") { request, context in
            let session = try ApprovalPages.approver(request, context)
            let form = try await FormData.read(request, context: context)
            let approve = form.text("keputusan") == "setujui"
            let reason = form.text("alasan")
            let id = form.text("id")
            let step = form.text("tahap")
            if !approve, reason.isEmpty {
                return try await ApprovalPages.page(
                    web, request: request, context: context, session: session, error: web.text("apv_reason_required", context),
                    errorRow: "learning/\(id)", status: .badRequest)
            }
            let client = ManagePages.programs(web, context, session)
            let outcome = try await ManagePages.attempt {
                step == "verifikasi"
                    ? try await client.verifyOutsideLearning(.init(entryIds: [id], approve: approve, reason: reason)).entriesChanged
                    : try await client.validateOutsideLearning(.init(entryIds: [id], approve: approve, reason: reason)).entriesChanged
            }
            switch outcome {
            case .success:
                return web.redirect("/persetujuan", message: !approve ? "lrn_msg_refused" : step == "verifikasi" ? "lrn_msg_verified" : "lrn_msg_validated")
            case .failure(let error):
                return try await ApprovalPages.page(
                    web, request: request, context: context, session: session, error: ManagePages.sentence(error.message),
                    errorRow: "learning/\(id)", status: error.code == .permissionDenied ? .forbidden : ManagePages.status(for: error))
            }
        }
    }

    static func reportForm(
        _ web: WebApp, request: Request, context: GatewayContext, session: WebSession, values: [String: String], kinds: [String] = [],
        errors: [String: String] = [:], status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        guard !session.nip.isEmpty else {
            throw WebFailure(status: .forbidden, message: .init(id: "Akun Anda tidak terhubung ke NIP.", en: "Your account has no NIP."))
        }
        let table = try await ManagePages.programs(web, context, session).getJpConversion(.init())
        let chosen = values["kegiatan"] ?? ""
        let evidence = Array(Set(table.rules.flatMap(\.evidence))).sorted()
        var data: [String: Any] = [
            "version": table.version,
            "activities": table.rules.map { rule -> [String: Any] in
                ["code": rule.code, "label": "\(rule.name) — \(number(rule.jpPerUnit)) JP" + (rule.yearlyCapJp > 0 ? ", maks. \(rule.yearlyCapJp) JP/tahun" : ""),
                 "selected": rule.code == chosen, "evidence": rule.evidence.joined(separator: ", ")]
            },
            "evidenceKinds": evidence.enumerated().map { index, kind -> [String: Any] in
                ["i": "\(index)", "value": kind, "label": Strings.table(context.language)["lrn_ev_\(kind)"] ?? kind, "checked": kinds.contains(kind)]
            },
            "in": values,
            "err": errors,
            "hasErrors": !errors.isEmpty,
        ]
        if let general = errors["_"] { data["formError"] = general }
        return web.page("lrn_report", title: web.text("lrn_report_title", context), data: data, request: request, context: context, status: status)
    }

    static func tableData(_ table: Binakarier_Programs_V1_JpConversionTable, _ language: Language) -> [String: Any] {
        [
            "version": table.version, "effectiveFrom": ManageFormat.long(table.effectiveFrom, language), "basis": table.basis,
            "rules": table.rules.map { rule -> [String: Any] in
                ["code": rule.code, "name": rule.name, "jp": number(rule.jpPerUnit),
                 "model": Strings.text("lrn_model_\(rule.model.rawValue)", language),
                 "cap": rule.yearlyCapJp > 0 ? "\(rule.yearlyCapJp) JP" : "—", "evidence": rule.evidence.joined(separator: ", ")]
            },
        ]
    }

    /// The learning rows of `/persetujuan`: the caller's staff's to validate, and (BKPSDM) those to verify.
    static func approvalRows(
        _ web: WebApp, context: GatewayContext, session: WebSession, error: String?, errorRow: String
    ) async throws -> (validate: [[String: Any]], verify: [[String: Any]]) {
        let language = context.language
        let client = ManagePages.programs(web, context, session)
        var toValidate: [Binakarier_Programs_V1_LedgerEntry] = []
        if !session.nip.isEmpty, session.has("supervisor") || session.has("agency_head") {
            toValidate = try await client.listOutsideLearning(.init(awaitingMyValidation: true)).entries
        }
        var toVerify: [Binakarier_Programs_V1_LedgerEntry] = []
        if session.isOrganizer {
            toVerify = try await client.listOutsideLearning(.init(pageSize: 200, state: .pending)).entries
                .filter { !$0.needsValidation || !$0.validatedBy.isEmpty }
        }
        let people = await ManagePages.employees(ManagePages.identity(web, context, session), nips: (toValidate + toVerify).map(\.nip))
        func row(_ entry: Binakarier_Programs_V1_LedgerEntry, step: String) -> [String: Any] {
            var row: [String: Any] = [
                "id": entry.id, "step": step, "nip": entry.nip, "name": people[entry.nip]?.name ?? entry.nip, "title": entry.title,
                "provider": entry.provider, "jp": IndonesianNumber.format(Double(entry.jp)),
                "dates": entry.startDate == entry.endDate ? ManageFormat.long(entry.startDate, language)
                    : ManageFormat.long(entry.startDate, language) + " – " + ManageFormat.long(entry.endDate, language),
                "activity": entry.activityCode.isEmpty ? "" : "\(entry.activityCode) × \(number(entry.units)) (tabel \(entry.conversionVersion))",
                "evidence": ([entry.evidence] + entry.evidenceKinds).filter { !$0.isEmpty }.joined(separator: " · "),
                "validated": !entry.validatedBy.isEmpty,
            ]
            if "learning/\(entry.id)" == errorRow, let error { row["error"] = error }
            return row
        }
        return (toValidate.map { row($0, step: "validasi") }, toVerify.map { row($0, step: "verifikasi") })
    }

    /// Whole numbers without decimals, others with two (1,33 JP per hour).
    static func number(_ value: Double) -> String {
        IndonesianNumber.format(value, decimals: value == value.rounded() ? 0 : 2)
    }

    /// Agency heads on `/tim`: the year-to-date gap to the 20 JP, unit by unit.
    static func unitGaps(_ web: WebApp, context: GatewayContext, session: WebSession) async -> [[String: Any]] {
        guard session.has("agency_head"), !session.agencyCode.isEmpty,
              let compliance = try? await ManagePages.programs(web, context, session).getCompliance(.init(agencyCode: session.agencyCode, belowTargetLimit: 1))
        else { return [] }
        return compliance.units.filter { $0.agencyCode == session.agencyCode }.map { unit -> [String: Any] in
            [
                "unit": unit.unitCode.isEmpty ? Strings.text("lrn_no_unit", context.language) : unit.unitCode,
                "pns": IndonesianNumber.format(Double(unit.pnsActive)),
                "meeting": IndonesianNumber.format(Double(unit.pnsMeetingTarget)),
                "average": IndonesianNumber.format(unit.averageJp, decimals: 1),
                "gap": IndonesianNumber.format(Double(unit.jpGap)),
            ]
        }
    }
}
