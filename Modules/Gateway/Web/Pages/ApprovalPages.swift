import BKProto
import BKRPC
import Foundation
import Hummingbird

/// `/persetujuan`: the requests for a seat that wait for the signed-in person: a supervisor's or agency
/// head's staff at the first step, every request for BKPSDM (which confirms them, or confirms at once).
/// Each row approves with one button or refuses with a reason; a step past its time limit is marked, and
/// its reminder time shown.
enum ApprovalPages {
    static func register(_ web: WebApp) {
        web.get("/persetujuan") { request, context in
            let session = try approver(request, context)
            return try await page(web, request: request, context: context, session: session)
        }
        web.post("/persetujuan") { request, context in
            let session = try approver(request, context)
            let posted = try await FormData.read(request, context: context)
            let approve = posted.text("keputusan") == "setujui"
            let reason = posted.text("alasan")
            let nip = posted.text("nip"), sessionID = posted.text("sesi")
            if !approve, reason.isEmpty {
                return try await page(
                    web, request: request, context: context, session: session, error: web.text("apv_reason_required", context),
                    errorRow: "\(sessionID)/\(nip)", status: .badRequest)
            }
            let client = ManagePages.programs(web, context, session)
            switch try await ManagePages.attempt({
                try await client.decideEnrolment(.init(sessionId: sessionID, nip: nip, approve: approve, reason: reason))
            }) {
            case .success(let enrolment):
                let message = !approve ? "apv_msg_refused" : enrolment.approvalStage == .bkpsdm ? "apv_msg_forwarded" : "apv_msg_confirmed"
                return web.redirect("/persetujuan", message: message)
            case .failure(let error):
                return try await page(
                    web, request: request, context: context, session: session, error: ManagePages.sentence(error.message),
                    errorRow: "\(sessionID)/\(nip)", status: error.code == .permissionDenied ? .forbidden : ManagePages.status(for: error))
            }
        }
    }

    static func approver(_ request: Request, _ context: GatewayContext) throws -> WebSession {
        let session = try context.requireSession(request)
        guard session.has("supervisor") || session.has("agency_head") || session.isOrganizer else {
            throw WebFailure(status: .forbidden, message: .init(
                id: "Halaman ini untuk atasan, kepala perangkat daerah dan BKPSDM.", en: "This page is for supervisors, agency heads and BKPSDM."))
        }
        return session
    }

    static func page(
        _ web: WebApp, request: Request, context: GatewayContext, session: WebSession, error: String? = nil, errorRow: String = "",
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let language = context.language
        let client = ManagePages.programs(web, context, session)
        var approvals: [Binakarier_Programs_V1_PendingApproval] = []
        var token = ""
        repeat {
            let page = try await client.listPendingApprovals(.init(pageSize: 200, pageToken: token))
            approvals += page.approvals
            token = page.nextPageToken
        } while !token.isEmpty && approvals.count < 2000
        let people = await ManagePages.employees(ManagePages.identity(web, context, session), nips: approvals.compactMap { $0.enrolment?.nip })
        let rows = approvals.enumerated().map { index, item -> [String: Any] in
            let enrolment = item.enrolment ?? .init()
            let key = "\(enrolment.sessionId)/\(enrolment.nip)"
            var row: [String: Any] = [
                "i": "\(index)",
                "nip": enrolment.nip,
                "name": people[enrolment.nip]?.name ?? enrolment.nip,
                "agency": enrolment.agencyCode,
                "session": enrolment.sessionId,
                "sessionHref": "/sesi/\(enrolment.sessionId)",
                "program": item.programTitle,
                "start": item.firstDay.isEmpty ? "" : ManageFormat.long(item.firstDay, language),
                "stage": Strings.text(enrolment.approvalStage == .supervisor ? "apv_stage_supervisor" : "apv_stage_bkpsdm", language),
                "due": enrolment.stepDueTimeUnix > 0 ? DutyLetterPages.dateTime(enrolment.stepDueTimeUnix, language) : "",
                "overdue": item.overdue,
                "supervisorApproved": !enrolment.supervisorApprovedBy.isEmpty,
                "supervisorNote": enrolment.supervisorNote,
            ]
            if enrolment.reminderTimeUnix > 0 { row["reminded"] = DutyLetterPages.dateTime(enrolment.reminderTimeUnix, language) }
            if key == errorRow, let error { row["error"] = error }
            return row
        }
        let learning = try await LearningPages.approvalRows(web, context: context, session: session, error: error, errorRow: errorRow)
        var data: [String: Any] = ["rows": rows, "hasRows": !rows.isEmpty,
                                   "validate": learning.validate, "hasValidate": !learning.validate.isEmpty,
                                   "verify": learning.verify, "hasVerify": !learning.verify.isEmpty,
                                   "overdueCount": "\(approvals.count { $0.overdue })", "hasOverdue": approvals.contains { $0.overdue }]
        let shownOnRow = (rows + learning.validate + learning.verify).contains { ($0["error"] as? String) != nil }
        if let error, !shownOnRow { data["formError"] = error }
        return web.page("apv_list", title: web.text("apv_title", context), data: data, request: request, context: context, status: status)
    }
}
