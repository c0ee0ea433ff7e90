import BKProto
import BKRPC
import BKServiceKit
import Foundation

/// Change projects (aksi perubahan) of leadership training. Who may do what is decided per project
/// (the policies only ask for a login): the participant plans and reports, the mentor confirms or
/// returns, the coach comments, the participant's agency head reads, organisers do everything but the
/// mentor's review. Anyone else is told the project does not exist.
extension FeedbackService {
    typealias ProjectRole = Binakarier_Feedback_V1_ProjectRole

    /// The parts the caller plays in the project; empty: not theirs to see.
    static func projectRoles(_ project: ChangeProject, _ caller: Caller) -> Set<ProjectRole> {
        var roles = Set<ProjectRole>()
        if isOrganizer(caller) { roles.insert(.organizer) }
        guard !caller.nip.isEmpty else { return roles }
        if project.participantNip == caller.nip { roles.insert(.participant) }
        if project.mentorNip == caller.nip { roles.insert(.mentor) }
        if !project.coachNip.isEmpty, project.coachNip == caller.nip { roles.insert(.coach) }
        return roles
    }

    /// Heads of the participant's agency read the project; they play no part in it.
    static func headsAgency(_ project: ChangeProject, _ caller: Caller) -> Bool {
        caller.has(.agencyHead) && !caller.agencyCode.isEmpty && caller.agencyCode == project.agencyCode
    }

    func visibleProject(_ id: String, _ caller: Caller) async throws -> (ChangeProject, Set<ProjectRole>) {
        let id = id.trimmingCharacters(in: .whitespaces).uppercased()
        guard let project = try await store.changeProject(id: id) else { throw FeedbackError.noChangeProject(id) }
        let roles = Self.projectRoles(project, caller)
        guard !roles.isEmpty || Self.headsAgency(project, caller) else { throw FeedbackError.noChangeProject(id) }
        return (project, roles)
    }

    static func milestoneIndex(_ project: ChangeProject, _ id: String) throws(FeedbackError) -> Int {
        let id = id.trimmingCharacters(in: .whitespaces).uppercased()
        guard let index = project.milestones.firstIndex(where: { $0.id == id }) else {
            throw .notFound(.init(id: "tahapan \(id) tidak ada di aksi perubahan \(project.id)", en: "milestone \(id) is not in change project \(project.id)"))
        }
        return index
    }

    /// An employee who may be a mentor or coach: known to identity, and not the participant.
    func projectPerson(_ nip: String, field: String, participant: String) async throws -> String {
        let nip = nip.trimmingCharacters(in: .whitespaces)
        guard !nip.isEmpty, let employee = try await Self.peer({ () async throws(RPCError) in try await peers.employee(nip) }) else {
            throw FeedbackError.invalid(field: field, reason: .init(id: "NIP \(nip) tidak dikenal", en: "NIP \(nip) is unknown"))
        }
        guard employee.nip != participant else {
            throw FeedbackError.invalid(field: field, reason: .init(id: "tidak boleh peserta itu sendiri", en: "cannot be the participant"))
        }
        return employee.nip
    }

    public func createChangeProject(_ request: Binakarier_Feedback_V1_CreateChangeProjectRequest, context: RPCServerContext) async throws -> ChangeProject {
        let caller = try context.requireCaller()
        let input = try Required.field(request.project, "project")
        let organizer = Self.isOrganizer(caller)
        let sessionID = input.sessionId.trimmingCharacters(in: .whitespaces).uppercased()
        guard !sessionID.isEmpty else { throw FeedbackError.invalid(field: "project.session_id", reason: .init(id: "wajib diisi", en: "is required")) }
        guard let session = try await Self.peer({ () async throws(RPCError) in try await peers.session(sessionID) }) else {
            throw FeedbackError.notFound(.init(id: "angkatan \(sessionID) tidak ditemukan", en: "session \(sessionID) not found"))
        }
        guard let training = ChangeProjectRules.training(ofProgram: session.programCode) else {
            throw FeedbackError.failedPrecondition(.init(
                id: "\(session.programCode) bukan pelatihan kepemimpinan (PKA, PKP, PKN): aksi perubahan hanya untuk pelatihan kepemimpinan",
                en: "\(session.programCode) is not a leadership training (PKA, PKP, PKN): change projects belong to leadership training"))
        }
        guard session.state != .cancelled else {
            throw FeedbackError.failedPrecondition(.init(id: "angkatan \(sessionID) dibatalkan", en: "session \(sessionID) is cancelled"))
        }
        let requested = input.participantNip.trimmingCharacters(in: .whitespaces)
        let participant: String
        if organizer {
            guard !requested.isEmpty else {
                throw FeedbackError.invalid(field: "project.participant_nip", reason: .init(id: "wajib diisi", en: "is required"))
            }
            participant = requested
        } else {
            guard !caller.nip.isEmpty, requested.isEmpty || requested == caller.nip else {
                throw FeedbackError.permissionDenied(.init(
                    id: "peserta menyusun aksi perubahannya sendiri; penyelenggara untuk peserta lain",
                    en: "participants write their own change project; organisers anyone's"))
            }
            participant = caller.nip
        }
        let enrolments = try await Self.peer({ () async throws(RPCError) in try await peers.participants(ofSession: sessionID) })
        guard enrolments.contains(where: { $0.nip == participant && $0.state == .enrolled }) else {
            throw FeedbackError.permissionDenied(.init(
                id: "\(participant) bukan peserta terdaftar angkatan \(sessionID)", en: "\(participant) is not enrolled in session \(sessionID)"))
        }
        guard let employee = try await Self.peer({ () async throws(RPCError) in try await peers.employee(participant) }) else {
            throw FeedbackError.invalid(field: "project.participant_nip", reason: .init(id: "NIP \(participant) tidak dikenal", en: "NIP \(participant) is unknown"))
        }
        // The mentor is the direct supervisor (LAN), unless an organiser names another; the coach is named
        // by an organiser, or is the session's facilitator whose role says coach.
        let mentorInput = organizer && !input.mentorNip.isEmpty ? input.mentorNip : employee.supervisorNip
        guard !mentorInput.isEmpty else {
            throw FeedbackError.invalid(field: "project.mentor_nip", reason: .init(
                id: "peserta tidak mempunyai atasan langsung: penyelenggara menetapkan mentornya",
                en: "the participant has no direct supervisor: an organiser names the mentor"))
        }
        let mentor = try await projectPerson(mentorInput, field: "project.mentor_nip", participant: participant)
        var coachNip = "", coachName = ""
        if organizer, !input.coachNip.isEmpty || !input.coachName.isEmpty {
            coachNip = input.coachNip.isEmpty ? "" : try await projectPerson(input.coachNip, field: "project.coach_nip", participant: participant)
            coachName = try Self.text(input.coachName, "project.coach_name", limit: TextRules.name, required: false)
        } else if let facilitator = session.facilitators.first(where: { $0.role.lowercased().contains("coach") && $0.nip != participant }) {
            coachNip = facilitator.nip
            coachName = facilitator.name
        }
        let project = ChangeProject(
            sessionId: sessionID, programCode: session.programCode, training: training, participantNip: participant,
            agencyCode: employee.agencyCode,
            title: try Self.text(input.title, "project.title", limit: TextRules.name, required: true),
            problem: try Self.text(input.problem, "project.problem", limit: TextRules.longText, required: false),
            goal: try Self.text(input.goal, "project.goal", limit: TextRules.longText, required: false),
            mentorNip: mentor, coachNip: coachNip, coachName: coachName,
            milestones: try ChangeProjectRules.plan(input.milestones),
            createdBy: caller.subject)
        let created = try await store.createChangeProject(project)
        audit(context, "change project created", ["project": created.id, "session": sessionID, "participant": participant])
        return created
    }

    public func updateChangeProject(_ request: Binakarier_Feedback_V1_UpdateChangeProjectRequest, context: RPCServerContext) async throws -> ChangeProject {
        let caller = try context.requireCaller()
        let input = try Required.field(request.project, "project")
        let (project, roles) = try await visibleProject(input.id, caller)
        var changeable: Set<String> = []
        if roles.contains(.participant) || roles.contains(.organizer) { changeable.formUnion(["title", "problem", "goal", "milestones"]) }
        if roles.contains(.organizer) { changeable.formUnion(["mentor_nip", "coach_nip", "coach_name"]) }
        guard !changeable.isEmpty else {
            throw FeedbackError.permissionDenied(.init(
                id: "rencana aksi perubahan diubah oleh pesertanya atau penyelenggara", en: "the participant or an organiser changes the plan"))
        }
        let paths = Set(try UpdateMask.paths(request.updateMask, changeable: changeable))
        // Texts and people are checked before the transaction (identity is asked); the plan inside it,
        // against the milestones as they are then.
        let title = paths.contains("title") ? try Self.text(input.title, "project.title", limit: TextRules.name, required: true) : nil
        let problem = paths.contains("problem") ? try Self.text(input.problem, "project.problem", limit: TextRules.longText, required: false) : nil
        let goal = paths.contains("goal") ? try Self.text(input.goal, "project.goal", limit: TextRules.longText, required: false) : nil
        let mentor = paths.contains("mentor_nip")
            ? try await projectPerson(input.mentorNip, field: "project.mentor_nip", participant: project.participantNip) : nil
        let coachNip = paths.contains("coach_nip")
            ? (input.coachNip.isEmpty ? "" : try await projectPerson(input.coachNip, field: "project.coach_nip", participant: project.participantNip)) : nil
        let coachName = paths.contains("coach_name") ? try Self.text(input.coachName, "project.coach_name", limit: TextRules.name, required: false) : nil
        let milestones = paths.contains("milestones") ? input.milestones : nil
        let updated = try await store.changeChangeProject(id: project.id) { stored, _ in
            if let title { stored.title = title }
            if let problem { stored.problem = problem }
            if let goal { stored.goal = goal }
            if let mentor { stored.mentorNip = mentor }
            if let coachNip { stored.coachNip = coachNip }
            if let coachName { stored.coachName = coachName }
            if let milestones { stored.milestones = try ChangeProjectRules.plan(milestones, previous: stored.milestones) }
        }
        audit(context, "change project updated", ["project": updated.id, "fields": paths.sorted().joined(separator: ",")])
        return updated
    }

    public func getChangeProject(_ request: Binakarier_Feedback_V1_GetChangeProjectRequest, context: RPCServerContext) async throws -> ChangeProject {
        try await visibleProject(request.id, try context.requireCaller()).0
    }

    public func listChangeProjects(_ request: Binakarier_Feedback_V1_ListChangeProjectsRequest, context: RPCServerContext) async throws -> Binakarier_Feedback_V1_ListChangeProjectsResponse {
        let caller = try context.requireCaller()
        var filter = FeedbackStore.ChangeProjectFilter()
        filter.sessionId = request.sessionId.trimmingCharacters(in: .whitespaces).uppercased()
        filter.programCode = request.programCode.trimmingCharacters(in: .whitespaces).uppercased()
        filter.mentorNip = request.mentorNip.trimmingCharacters(in: .whitespaces)
        filter.participantNip = request.participantNip.trimmingCharacters(in: .whitespaces)
        filter.coachNip = request.coachNip.trimmingCharacters(in: .whitespaces)
        filter.agencyCode = request.agencyCode.trimmingCharacters(in: .whitespaces).uppercased()
        filter.awaitingReviewOnly = request.awaitingReviewOnly
        if !Self.isOrganizer(caller) {
            // Those the caller takes part in; an agency head also their agency's.
            filter.viewer = caller.nip.isEmpty ? "-" : caller.nip
            filter.viewerAgency = caller.has(.agencyHead) ? caller.agencyCode : ""
        }
        let size = try PageTokens.size(request.pageSize)
        let scope = "change-projects:\(filter.sessionId):\(filter.programCode):\(filter.mentorNip):\(filter.participantNip):\(filter.coachNip):\(filter.agencyCode):\(filter.awaitingReviewOnly)"
        let after = try pages.decode(request.pageToken, scope: scope)
        let found = try await store.changeProjects(filter, after: after, limit: size + 1)
        return .init(projects: Array(found.prefix(size)), nextPageToken: found.count > size ? pages.encode(after: found[size - 1].id, scope: scope) : "")
    }

    public func reportMilestone(_ request: Binakarier_Feedback_V1_ReportMilestoneRequest, context: RPCServerContext) async throws -> ChangeProject {
        let caller = try context.requireCaller()
        let (project, roles) = try await visibleProject(request.projectId, caller)
        guard roles.contains(.participant) else {
            throw FeedbackError.permissionDenied(.init(id: "kemajuan tahapan dilaporkan oleh pesertanya", en: "the participant reports a milestone's progress"))
        }
        _ = try Self.milestoneIndex(project, request.milestoneId)
        let session = try await Self.peer({ () async throws(RPCError) in try await peers.session(project.sessionId) })
        guard let session, session.state == .running || session.state == .completed else {
            throw FeedbackError.failedPrecondition(.init(
                id: "kemajuan dilaporkan setelah pelatihan dimulai", en: "progress is reported once the training has started"))
        }
        let report = try Self.text(request.report, "report", limit: TextRules.longText, required: true)
        let evidence = try Self.text(request.evidence, "evidence", limit: TextRules.name, required: false)
        let milestoneID = request.milestoneId
        let updated = try await store.changeChangeProject(id: project.id) { stored, time in
            let index = try Self.milestoneIndex(stored, milestoneID)
            switch stored.milestones[index].state {
            case .confirmed:
                throw FeedbackError.failedPrecondition(.init(id: "tahapan ini sudah dikonfirmasi mentor", en: "this milestone is already confirmed by the mentor"))
            case .reported:
                throw FeedbackError.failedPrecondition(.init(id: "laporan tahapan ini masih menunggu mentor", en: "this milestone's report is waiting for the mentor"))
            default:
                stored.milestones[index].state = .reported
                stored.milestones[index].report = report
                stored.milestones[index].evidence = evidence
                stored.milestones[index].reportTimeUnix = time
            }
        }
        audit(context, "milestone reported", ["project": updated.id, "milestone": milestoneID])
        return updated
    }

    public func reviewMilestone(_ request: Binakarier_Feedback_V1_ReviewMilestoneRequest, context: RPCServerContext) async throws -> ChangeProject {
        let caller = try context.requireCaller()
        let (project, roles) = try await visibleProject(request.projectId, caller)
        // The mentor's own confirmation is the evidence: nobody confirms for them.
        guard roles.contains(.mentor) else {
            throw FeedbackError.permissionDenied(.init(id: "tahapan dikonfirmasi oleh mentor peserta", en: "the participant's mentor confirms milestones"))
        }
        _ = try Self.milestoneIndex(project, request.milestoneId)
        guard request.decision == .confirmed || request.decision == .returned else {
            throw FeedbackError.invalid(field: "decision", reason: .init(id: "pilih dikonfirmasi atau dikembalikan", en: "choose CONFIRMED or RETURNED"))
        }
        let note = try Self.text(request.note, "note", limit: TextRules.longText, required: request.decision == .returned)
        let decision = request.decision, milestoneID = request.milestoneId, reviewer = caller.nip
        let updated = try await store.changeChangeProject(id: project.id) { stored, time in
            let index = try Self.milestoneIndex(stored, milestoneID)
            guard stored.milestones[index].state == .reported else {
                throw FeedbackError.failedPrecondition(.init(
                    id: "tahapan ini tidak sedang menunggu konfirmasi mentor", en: "this milestone is not waiting for the mentor"))
            }
            stored.milestones[index].state = decision
            stored.milestones[index].mentorNote = note
            stored.milestones[index].reviewedBy = reviewer
            stored.milestones[index].reviewTimeUnix = time
        }
        audit(context, decision == .confirmed ? "milestone confirmed" : "milestone returned", ["project": updated.id, "milestone": milestoneID])
        return updated
    }

    public func commentChangeProject(_ request: Binakarier_Feedback_V1_CommentChangeProjectRequest, context: RPCServerContext) async throws -> ChangeProject {
        let caller = try context.requireCaller()
        let (project, roles) = try await visibleProject(request.projectId, caller)
        let role: ProjectRole? = [.coach, .mentor, .participant, .organizer].first { roles.contains($0) }
        guard let role else {
            throw FeedbackError.permissionDenied(.init(
                id: "komentar diberikan oleh coach, mentor, peserta atau penyelenggara", en: "the coach, the mentor, the participant or an organiser comments"))
        }
        let milestoneID = request.milestoneId.trimmingCharacters(in: .whitespaces).uppercased()
        if !milestoneID.isEmpty { _ = try Self.milestoneIndex(project, milestoneID) }
        let text = try Self.text(request.text, "text", limit: TextRules.longText, required: true)
        let author = caller.nip.isEmpty ? caller.subject : caller.nip
        let updated = try await store.changeChangeProject(id: project.id) { stored, time in
            guard stored.comments.count < ChangeProjectRules.maximumComments else {
                throw FeedbackError.resourceExhausted(.init(
                    id: "paling banyak \(ChangeProjectRules.maximumComments) komentar per aksi perubahan",
                    en: "at most \(ChangeProjectRules.maximumComments) comments per change project"))
            }
            stored.comments.append(.init(
                id: "K\(stored.comments.count + 1)", milestoneId: milestoneID, author: author, role: role, text: text, createTimeUnix: time))
        }
        audit(context, "change project comment", ["project": updated.id, "role": "\(role)"])
        return updated
    }
}
