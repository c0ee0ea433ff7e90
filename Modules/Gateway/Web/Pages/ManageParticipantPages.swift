import BKCharts
import BKProto
import BKRPC
import Foundation
import Hummingbird

/// `/kelola/sesi/:id/peserta`: a session's enrolment requests (approve or refuse with a reason:
/// DecideEnrolment), its participants and waitlist, enrolment by NIP (Enrol, with an optional reason to
/// enrol outside the audience) and pre/post-test scores (RecordAssessment).
enum ManageParticipantPages {
    /// What a post left to show on the page again: typed values, errors, the results of an enrolment.
    struct Outcome {
        var decisionErrors: [String: String] = [:]
        var decisionReasons: [String: String] = [:]
        var enrolNIPs = ""
        var enrolOverride = ""
        var enrolError: String?
        var overrideError: String?
        var enrolResults: [Binakarier_Programs_V1_EnrolResult] = []
        var scoreNIP = ""
        var scoreKind = "2"
        var scoreValue = ""
        var scoreErrors: [String: String] = [:]
    }

    static func register(_ web: WebApp) {
        web.get("/kelola/sesi/:id/peserta") { request, context in
            let session = try ManagePages.organizer(request, context)
            return try await page(web, request: request, context: context, session: session, id: context.parameters.get("id") ?? "", outcome: Outcome())
        }

        web.post("/kelola/sesi/:id/peserta/putuskan") { request, context in
            let session = try ManagePages.organizer(request, context)
            let posted = try await FormData.read(request, context: context)
            let id = context.parameters.get("id") ?? ""
            let nip = posted.text("nip")
            let approve = posted["decision"] == "approve"
            let reason = posted.text("reason")
            var outcome = Outcome()
            outcome.decisionReasons[nip] = reason
            if !approve, reason.isEmpty {
                outcome.decisionErrors[nip] = Strings.text("mng_err_refuse_reason", context.language)
                return try await page(web, request: request, context: context, session: session, id: id, outcome: outcome, status: .badRequest)
            }
            do {
                _ = try await ManagePages.programs(web, context, session).decideEnrolment(.init(sessionId: id, nip: nip, approve: approve, reason: reason))
                return web.redirect("/kelola/sesi/\(id)/peserta", message: approve ? "mng_decided_approved" : "mng_decided_refused")
            } catch let error as RPCError where ManagePages.isFormError(error) || error.code == .permissionDenied {
                // PERMISSION_DENIED here: the request still waits for the supervisor; said on its row.
                outcome.decisionErrors[nip] = ManagePages.sentence(error.fieldViolations.first?.description ?? error.message)
                return try await page(
                    web, request: request, context: context, session: session, id: id, outcome: outcome,
                    status: error.code == .permissionDenied ? .forbidden : ManagePages.status(for: error))
            }
        }

        web.post("/kelola/sesi/:id/peserta/daftarkan") { request, context in
            let session = try ManagePages.organizer(request, context)
            let posted = try await FormData.read(request, context: context)
            let id = context.parameters.get("id") ?? ""
            var outcome = Outcome()
            outcome.enrolNIPs = posted.text("nips")
            outcome.enrolOverride = posted.text("override")
            let nips = outcome.enrolNIPs.split(whereSeparator: { $0.isWhitespace || $0 == "," || $0 == ";" }).map(String.init)
            guard !nips.isEmpty else {
                outcome.enrolError = Strings.text("mng_err_nips", context.language)
                return try await page(web, request: request, context: context, session: session, id: id, outcome: outcome, status: .badRequest)
            }
            let enrol = Binakarier_Programs_V1_EnrolRequest(sessionId: id, nips: nips, overrideReason: outcome.enrolOverride)
            switch try await ManagePages.attempt({ try await ManagePages.programs(web, context, session).enrol(enrol) }) {
            case .success(let response):
                outcome.enrolResults = response.results
                // Those enrolled leave the box; the refused stay, to fix and send again.
                let refused = response.results.filter { $0.enrolment == nil }.map(\.nip)
                outcome.enrolNIPs = refused.joined(separator: "\n")
                let anyStored = response.results.contains { $0.enrolment != nil }
                return try await page(web, request: request, context: context, session: session, id: id, outcome: outcome, status: anyStored ? .ok : .badRequest)
            case .failure(let error):
                if let violation = error.fieldViolations.first, violation.field == "override_reason" {
                    outcome.overrideError = ManagePages.sentence(violation.description)
                } else {
                    outcome.enrolError = ManagePages.sentence(error.fieldViolations.first?.description ?? error.message)
                }
                return try await page(web, request: request, context: context, session: session, id: id, outcome: outcome, status: ManagePages.status(for: error))
            }
        }

        web.post("/kelola/sesi/:id/peserta/nilai") { request, context in
            let session = try ManagePages.organizer(request, context)
            let posted = try await FormData.read(request, context: context)
            let id = context.parameters.get("id") ?? ""
            var outcome = Outcome()
            outcome.scoreNIP = posted.text("nip")
            outcome.scoreKind = posted.text("kind")
            outcome.scoreValue = posted.text("score")
            let kind = Binakarier_Programs_V1_AssessmentKind(rawValue: Int32(outcome.scoreKind) ?? 0) ?? .unspecified
            let score = Double(outcome.scoreValue.replacingOccurrences(of: ",", with: "."))
            if outcome.scoreNIP.isEmpty { outcome.scoreErrors["nip"] = Strings.text("mng_err_choose_participant", context.language) }
            if kind == .unspecified { outcome.scoreErrors["kind"] = Strings.text("mng_err_required", context.language) }
            if score == nil { outcome.scoreErrors["score"] = Strings.text("mng_err_score", context.language) }
            if let score, outcome.scoreErrors.isEmpty {
                switch try await ManagePages.attempt({ try await ManagePages.programs(web, context, session).recordAssessment(
                        .init(sessionId: id, nip: outcome.scoreNIP, kind: kind, score: score)) }) {
                case .success(_):
                    return web.redirect("/kelola/sesi/\(id)/peserta", message: "mng_score_saved")
                case .failure(let error):
                    for violation in error.fieldViolations {
                        let field = ["score": "score", "kind": "kind", "nip": "nip"][violation.field] ?? "score"
                        outcome.scoreErrors[field] = ManagePages.sentence(violation.description)
                    }
                    if error.fieldViolations.isEmpty { outcome.scoreErrors["nip"] = ManagePages.sentence(error.message) }
                    return try await page(web, request: request, context: context, session: session, id: id, outcome: outcome, status: ManagePages.status(for: error))
                }
            }
            return try await page(web, request: request, context: context, session: session, id: id, outcome: outcome, status: .badRequest)
        }
    }

    static func page(
        _ web: WebApp, request: Request, context: GatewayContext, session: WebSession, id: String, outcome: Outcome,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let language = context.language
        let client = ManagePages.programs(web, context, session)
        let item = try await client.getSession(.init(id: id))
        async let programLookup = try? client.getProgram(.init(code: item.programCode))
        let enrolments = try await ManagePages.allEnrolments(client, sessionID: item.id)
        let resultNIPs = outcome.enrolResults.map(\.nip)
        let people = await ManagePages.employees(ManagePages.identity(web, context, session), nips: enrolments.map(\.nip) + resultNIPs)
        let program = await programLookup

        func name(_ nip: String) -> String { people[nip]?.name ?? "" }
        func row(_ enrolment: MngEnrolment, _ index: Int) -> [String: Any] {
            [
                "n": "\(index + 1)",
                "nip": enrolment.nip,
                "name": name(enrolment.nip),
                "agency": enrolment.agencyCode,
                "state": Strings.text("mng_enr_\(enrolment.state.rawValue)", language),
                "stateClass": enrolment.state == .enrolled ? "ok" : enrolment.state == .waitlisted ? "warn" : enrolment.state == .rejected ? "bad" : "",
                "position": "\(enrolment.waitlistPosition)",
                "hasName": !name(enrolment.nip).isEmpty,
                "hasOverride": !enrolment.eligibilityOverride.isEmpty,
                "hasCertificate": !enrolment.certificateNumber.isEmpty,
                "hasCancelReason": !enrolment.cancelReason.isEmpty,
                "source": Strings.text("mng_src_\(enrolment.source.rawValue)", language),
                "attendance": IndonesianNumber.percent(enrolment.attendancePercent),
                "pre": ManageFormat.score(enrolment.preTestScore),
                "post": ManageFormat.score(enrolment.postTestScore),
                "completion": Strings.text("mng_cmp_\(enrolment.completion.rawValue)", language),
                "completionClass": enrolment.completion == .completed ? "ok" : enrolment.completion == .notCompleted ? "bad" : "",
                "certificate": enrolment.certificateNumber,
                "override": enrolment.eligibilityOverride,
                "requestedOn": ManageFormat.unix(enrolment.createTimeUnix, language),
                // Where the request stands in its chain: BKPSDM approves once the supervisor has (or the limit has passed).
                "step": enrolment.state != .requested ? "" : Strings.text(
                    enrolment.approvalStage == .supervisor ? "apv_stage_supervisor" : "apv_stage_bkpsdm", language)
                    + (enrolment.stepDueTimeUnix > 0 ? " · \(Strings.text("apv_col_due", language)) " + DutyLetterPages.dateTime(enrolment.stepDueTimeUnix, language) : ""),
                "cancelReason": enrolment.cancelReason,
                "reasonTyped": outcome.decisionReasons[enrolment.nip] ?? "",
                "error": outcome.decisionErrors[enrolment.nip] ?? "",
                "hasError": outcome.decisionErrors[enrolment.nip] != nil,
                "selected": outcome.scoreNIP == enrolment.nip,
            ]
        }
        func byName(_ a: MngEnrolment, _ b: MngEnrolment) -> Bool { (name(a.nip), a.nip) < (name(b.nip), b.nip) }

        let requested = enrolments.filter { $0.state == .requested }.sorted { $0.createTimeUnix < $1.createTimeUnix }
        let enrolled = enrolments.filter { $0.state == .enrolled }.sorted(by: byName)
        let waitlisted = enrolments.filter { $0.state == .waitlisted }.sorted { $0.waitlistPosition < $1.waitlistPosition }
        let others = enrolments.filter { $0.state == .cancelled || $0.state == .rejected }.sorted(by: byName)

        var data: [String: Any] = [
            "s": ManagePages.sessionSummary(item, language: language),
            "tabs": ManageSessionPages.tabs(item.id, current: "peserta", language: language),
            "program": ["code": item.programCode, "title": program?.title ?? "", "href": "/kelola/program/\(item.programCode)"],
            "requested": requested.enumerated().map { row($1, $0) },
            "hasRequested": !requested.isEmpty,
            "requestedCount": IndonesianNumber.format(Double(requested.count)),
            "enrolled": enrolled.enumerated().map { row($1, $0) },
            "hasEnrolled": !enrolled.isEmpty,
            "enrolledCount": IndonesianNumber.format(Double(enrolled.count)),
            "waitlisted": waitlisted.enumerated().map { row($1, $0) },
            "hasWaitlisted": !waitlisted.isEmpty,
            "others": others.enumerated().map { row($1, $0) },
            "hasOthers": !others.isEmpty,
            "othersCount": IndonesianNumber.format(Double(others.count)),
            "isOpen": item.state == .open,
            "ended": item.state == .completed || item.state == .cancelled,
            "postTestRequired": program?.completion?.requiresPostTest ?? false,
            "passMark": program.map { ManageFormat.score($0.completion?.passMark ?? 0) } ?? "",
            "enrolNIPs": outcome.enrolNIPs,
            "enrolOverride": outcome.enrolOverride,
            "scoreValue": outcome.scoreValue,
            "kindPre": outcome.scoreKind == "1",
            "kindPost": outcome.scoreKind != "1",
            "scoreErr": outcome.scoreErrors,
        ]
        if let message = outcome.enrolError { data["enrolError"] = message }
        if let message = outcome.overrideError { data["overrideError"] = message }
        if !outcome.enrolResults.isEmpty {
            let results = outcome.enrolResults.map { result -> [String: Any] in
                var entry: [String: Any] = ["nip": result.nip, "name": name(result.nip), "hasName": !name(result.nip).isEmpty]
                if let enrolment = result.enrolment {
                    entry["ok"] = true
                    entry["text"] = Strings.text("mng_enr_\(enrolment.state.rawValue)", language)
                    entry["class"] = enrolment.state == .enrolled ? "ok" : "warn"
                } else {
                    entry["ok"] = false
                    entry["text"] = ManagePages.sentence(result.error)
                }
                return entry
            }
            let stored = outcome.enrolResults.count { $0.enrolment != nil }
            data["enrolResults"] = results
            data["enrolSummary"] = ManageFormat.fill(
                Strings.text("mng_enrol_summary", language), IndonesianNumber.format(Double(stored)),
                IndonesianNumber.format(Double(outcome.enrolResults.count - stored)))
        }
        return web.page(
            "mng_participants", title: "\(web.text("mng_participants_title", context)) \(item.id)", data: data, request: request, context: context,
            status: status)
    }
}
