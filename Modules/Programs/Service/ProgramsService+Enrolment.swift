import BKProto
import BKRPC
import BKServiceKit

extension ProgramsService {
    /// At most this many NIPs in one Enrol call.
    static let maximumEnrolBatch = 1000

    public func enrol(_ request: Binakarier_Programs_V1_EnrolRequest, context: RPCServerContext) async throws -> Binakarier_Programs_V1_EnrolResponse {
        let caller = try context.requireCaller()
        let organizer = caller.hasAny(.organizer, .administrator)
        guard !request.nips.isEmpty, request.nips.count <= Self.maximumEnrolBatch else {
            throw ProgramsError.invalid(field: "nips", reason: .init(id: "isi 1 sampai \(Self.maximumEnrolBatch) NIP", en: "give 1 to \(Self.maximumEnrolBatch) NIPs"))
        }
        let override = try Validation.optionalText(request.overrideReason, field: "override_reason", maxBytes: TextRules.shortText)
        if !override.isEmpty, !organizer {
            throw ProgramsError.permissionDenied(.init(
                id: "hanya BKPSDM yang dapat mendaftarkan di luar sasaran program", en: "only BKPSDM can enrol people outside a program's audience"))
        }
        let sessionID = request.sessionId.uppercased()
        guard let session = try await store.session(id: sessionID) else { throw ProgramsError.noSession(sessionID) }
        guard let program = try await store.program(code: session.programCode) else { throw ProgramsError.noProgram(session.programCode) }
        let token = context.metadata.bearerToken ?? ""

        // Who each NIP is (identity, with the caller's token); then one transaction.
        let lookups = await lookUpAll(request.nips, field: "nips", token: token)

        var outcomes = [Binakarier_Programs_V1_EnrolResult](repeating: .init(), count: request.nips.count)
        var requests: [(index: Int, request: ProgramsStore.EnrolmentRequest)] = []
        var seen = Set<String>()
        for (index, lookup) in lookups.enumerated() {
            outcomes[index].nip = request.nips[index]
            switch lookup {
            case .failure(let error):
                outcomes[index].error = error.rpcError.localized(context.language).message
                outcomes[index].code = Int32(error.rpcError.code.rawValue)
            case .success(let employee):
                outcomes[index].nip = employee.nip
                if !organizer, !ProgramsAccess.mayActFor(employee, caller: caller) || employee.nip == caller.nip {
                    let error = ProgramsError.permissionDenied(.init(
                        id: "Anda hanya dapat mengusulkan bawahan Anda", en: "you can only nominate your own staff"))
                    outcomes[index].error = error.rpcError.localized(context.language).message
                    outcomes[index].code = Int32(error.rpcError.code.rawValue)
                    continue
                }
                if let why = ProgramRules.ineligibility(of: employee, for: program.audience), override.isEmpty || employee.status != .active {
                    let error = ProgramsError.failedPrecondition(why)
                    outcomes[index].error = error.rpcError.localized(context.language).message
                    outcomes[index].code = Int32(error.rpcError.code.rawValue)
                    continue
                }
                guard seen.insert(employee.nip).inserted else {
                    outcomes[index].error = RPCError(.alreadyExists, LocalizedText(id: "NIP berulang", en: "repeated NIP")).localized(context.language).message
                    outcomes[index].code = Int32(RPCStatusCode.alreadyExists.rawValue)
                    continue
                }
                let outside = ProgramRules.ineligibility(of: employee, for: program.audience) != nil
                requests.append((index, .init(
                    sessionID: sessionID, nip: employee.nip, agencyCode: employee.agencyCode, source: organizer ? .assigned : .nominated,
                    by: caller.subject, override: outside ? override : "")))
            }
        }
        let stored = try await store.enrol(requests.map(\.request))
        for (slot, result) in zip(requests, stored) {
            switch result {
            case .success(let enrolment): outcomes[slot.index].enrolment = enrolment
            case .failure(let error):
                outcomes[slot.index].error = error.rpcError.localized(context.language).message
                outcomes[slot.index].code = Int32(error.rpcError.code.rawValue)
            }
        }
        audit(context, "enrolment", ["session": sessionID, "requested": "\(request.nips.count)", "stored": "\(stored.count { (try? $0.get()) != nil })"])
        return .init(results: outcomes)
    }

    /// Lookups of identity at once for a batch: enough to hide the round trips, few enough not to flood it.
    static let concurrentLookups = 32

    /// Each NIP's employee, or why not (a bad NIP, unknown to identity, identity unavailable), in order;
    /// `concurrentLookups` at a time.
    func lookUpAll(_ nips: [String], field: String, token: String) async -> [Result<Employee, ProgramsError>] {
        let directory = self.directory
        @Sendable func one(_ raw: String) async -> Result<Employee, ProgramsError> {
            do throws(ProgramsError) {
                let nip = try Validation.nip(raw, field: field)
                guard let employee = try await Self.lookUp(directory, nip: nip, token: token) else {
                    throw ProgramsError.notFound(.init(id: "pegawai \(nip) tidak ditemukan", en: "employee \(nip) not found"))
                }
                return .success(employee)
            } catch {
                return .failure(error)
            }
        }
        return await withTaskGroup(of: (Int, Result<Employee, ProgramsError>).self) { group in
            var pending = nips.enumerated().makeIterator()
            for _ in 0..<Self.concurrentLookups {
                guard let (index, nip) = pending.next() else { break }
                group.addTask { (index, await one(nip)) }
            }
            var results = [Result<Employee, ProgramsError>](repeating: .failure(.notFound("")), count: nips.count)
            while let (index, result) = await group.next() {
                results[index] = result
                if let (next, nip) = pending.next() { group.addTask { (next, await one(nip)) } }
            }
            return results
        }
    }

    static func lookUp(_ directory: any PeopleDirectory, nip: String, token: String) async throws(ProgramsError) -> Employee? {
        do {
            return try await directory.employee(nip: nip, token: token)
        } catch {
            throw .rpc(error)
        }
    }

    public func requestEnrolment(_ request: Binakarier_Programs_V1_RequestEnrolmentRequest, context: RPCServerContext) async throws -> Enrolment {
        let caller = try context.requireCaller()
        guard !caller.nip.isEmpty else {
            throw ProgramsError.failedPrecondition(.init(id: "akun Anda tidak terhubung ke NIP", en: "your account has no NIP"))
        }
        let sessionID = request.sessionId.uppercased()
        guard let session = try await store.session(id: sessionID) else { throw ProgramsError.noSession(sessionID) }
        guard let program = try await store.program(code: session.programCode) else { throw ProgramsError.noProgram(session.programCode) }
        let me = try await person(caller.nip, field: "nip", context: context)
        if let why = ProgramRules.ineligibility(of: me, for: program.audience) { throw ProgramsError.failedPrecondition(why) }
        // The chain: the direct supervisor; without one the agency head; a head's own request goes to BKPSDM.
        let headsOwn = me.supervisorNip.isEmpty && caller.has(.agencyHead)
        let stage: Binakarier_Programs_V1_ApprovalStage = headsOwn ? .bkpsdm : .supervisor
        let days = headsOwn ? rules.bkpsdmApprovalDays : rules.supervisorApprovalDays
        let result = try await store.enrol([.init(
            sessionID: sessionID, nip: me.nip, agencyCode: me.agencyCode, source: .requested, by: caller.subject, awaitApproval: true,
            stage: stage, approverNIP: me.supervisorNip, stepDue: ProgramRules.due(after: now(), workingDays: days))])
        let enrolment = try result[0].get()
        audit(context, "enrolment requested", ["session": sessionID, "nip": me.nip, "step": stage.protoName])
        return enrolment
    }

    public func decideEnrolment(_ request: Binakarier_Programs_V1_DecideEnrolmentRequest, context: RPCServerContext) async throws -> Enrolment {
        let caller = try context.requireCaller()
        let nip = try Validation.nip(request.nip, field: "nip")
        let reason = request.approve
            ? try Validation.optionalText(request.reason, field: "reason", maxBytes: TextRules.shortText)
            : try Required.text(request.reason, "reason", maxBytes: TextRules.shortText)
        let sessionID = request.sessionId.uppercased()
        guard let pending = try await store.enrolment(sessionID: sessionID, nip: nip), pending.state == .requested else {
            throw ProgramsError.failedPrecondition(.init(
                id: "tidak ada permintaan pendaftaran \(nip) yang menunggu di angkatan \(sessionID)",
                en: "no pending enrolment request of \(nip) in session \(sessionID)"))
        }
        let stage = ProgramsStore.pendingStage(pending)
        let organizer = caller.hasAny(.organizer, .administrator)
        // The supervisor step: the approver or the agency head. BKPSDM may refuse a request at any step (a
        // full quota needs no supervisor's word), and take the supervisor step over once its time limit has
        // passed: its approval then confirms at once (the supervisor step shows no approver).
        let decidesStep = stage == .supervisor && ApprovalRules.decidesSupervisorStep(pending, caller: caller)
        let overdue = pending.stepDueTimeUnix > 0 && pending.stepDueTimeUnix <= now()
        guard decidesStep || (organizer && (stage == .bkpsdm || overdue || !request.approve)) else {
            throw ProgramsError.permissionDenied(stage == .supervisor
                ? .init(
                    id: "permintaan \(nip) menunggu persetujuan atasan langsungnya atau kepala perangkat daerahnya"
                        + (organizer ? "; BKPSDM dapat mengambil alih setelah batas waktunya lewat" : ""),
                    en: "\(nip)'s request waits for their direct supervisor or agency head"
                        + (organizer ? "; BKPSDM may take it over once its time limit has passed" : ""))
                : .init(id: "permintaan \(nip) menunggu konfirmasi BKPSDM", en: "\(nip)'s request waits for BKPSDM's confirmation"))
        }
        let step: Binakarier_Programs_V1_ApprovalStage = decidesStep ? .supervisor : .bkpsdm
        let enrolment = try await store.decide(
            sessionID: sessionID, nip: nip, expected: stage, step: step, approve: request.approve, reason: reason, by: caller.subject)
        audit(context, request.approve ? "enrolment approved" : "enrolment rejected", [
            "session": enrolment.sessionId, "nip": nip, "step": step.protoName,
        ])
        return enrolment
    }

    public func listPendingApprovals(_ request: Binakarier_Programs_V1_ListPendingApprovalsRequest, context: RPCServerContext) async throws -> Binakarier_Programs_V1_ListPendingApprovalsResponse {
        let caller = try context.requireCaller()
        let size = try PageTokens.size(request.pageSize)
        let organizer = caller.hasAny(.organizer, .administrator)
        let scope = "approvals:\(caller.subject)"
        let offset = try pages.decode(request.pageToken, scope: scope).flatMap { Int($0) } ?? 0
        let found = try await store.pendingApprovals(
            approverNIP: caller.nip, agencyCode: caller.has(.agencyHead) ? caller.agencyCode : "", everyone: organizer, now: now(),
            offset: offset, limit: size + 1)
        let time = now()
        var approvals: [Binakarier_Programs_V1_PendingApproval] = []
        var sessions: [String: Session] = [:]
        var titles: [String: String] = [:]
        for enrolment in found.prefix(size) where organizer || ApprovalRules.decidesSupervisorStep(enrolment, caller: caller) {
            if sessions[enrolment.sessionId] == nil { sessions[enrolment.sessionId] = try await store.session(id: enrolment.sessionId) }
            if titles[enrolment.programCode] == nil { titles[enrolment.programCode] = try await store.program(code: enrolment.programCode)?.title ?? "" }
            approvals.append(.init(
                enrolment: enrolment, programTitle: titles[enrolment.programCode] ?? "",
                firstDay: sessions[enrolment.sessionId]?.days.map(\.date).min() ?? "",
                overdue: enrolment.stepDueTimeUnix > 0 && enrolment.stepDueTimeUnix <= time))
        }
        return .init(approvals: approvals, nextPageToken: found.count > size ? pages.encode(after: "\(offset + size)", scope: scope) : "")
    }

    public func cancelEnrolment(_ request: Binakarier_Programs_V1_CancelEnrolmentRequest, context: RPCServerContext) async throws -> Enrolment {
        let nip = try await person(request.nip, field: "nip", context: context).nip
        let reason = try Validation.optionalText(request.reason, field: "reason", maxBytes: TextRules.shortText)
        let enrolment = try await store.cancel(sessionID: request.sessionId.uppercased(), nip: nip, reason: reason)
        audit(context, "enrolment cancelled", ["session": enrolment.sessionId, "nip": enrolment.nip])
        return enrolment
    }

    public func listEnrolments(_ request: Binakarier_Programs_V1_ListEnrolmentsRequest, context: RPCServerContext) async throws -> Binakarier_Programs_V1_ListEnrolmentsResponse {
        let caller = try context.requireCaller()
        let size = try PageTokens.size(request.pageSize)
        let sessionID = request.sessionId.uppercased()
        var nip = ""
        if sessionID.isEmpty {
            nip = try await person(request.nip, field: "nip", context: context).nip
        } else if !ProgramsAccess.seesEveryone(caller) {
            throw ProgramsError.permissionDenied(.init(
                id: "daftar peserta angkatan hanya untuk BKPSDM", en: "a session's participant list is for BKPSDM only"))
        }
        let scope = (sessionID.isEmpty ? "enrolments:nip:\(nip)" : "enrolments:session:\(sessionID)") + ":\(request.state.rawValue)"
        let after = try pages.decode(request.pageToken, scope: scope)
        let found = try await store.enrolments(sessionID: sessionID, nip: nip, state: request.state, after: after, limit: size + 1)
        let next = found.count > size ? pages.encode(after: sessionID.isEmpty ? found[size - 1].sessionId : found[size - 1].nip, scope: scope) : ""
        return .init(enrolments: Array(found.prefix(size)), nextPageToken: next)
    }
}
