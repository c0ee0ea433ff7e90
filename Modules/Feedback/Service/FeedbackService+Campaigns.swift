import BKProto
import BKRPC
import BKServiceKit
import Foundation

extension FeedbackService {
    /// Which purposes each audience may be asked.
    static func fits(_ purpose: Purpose, _ audience: Binakarier_Feedback_V1_AudienceKind) -> Bool {
        switch audience {
        case .sessionAttendees: [.reaction, .preTest, .postTest, .followUpSelf, .survey].contains(purpose)
        case .attendeesSupervisors: purpose == .followUpSupervisor
        case .public: purpose == .ikm
        case .dialogueParticipants, .people: [.survey, .reaction].contains(purpose)
        default: false
        }
    }

    /// Who may answer a campaign for `audience` (respondent, and for supervisor forms the subject), asked
    /// of programs and identity now; and the agency it concerns.
    func members(of audience: Binakarier_Feedback_V1_Audience, purpose: Purpose) async throws -> (members: [(respondent: String, subject: String)], agency: String, program: String) {
        switch audience.kind {
        case .sessionAttendees, .attendeesSupervisors:
            guard let session = try await Self.peer({ () async throws(RPCError) in try await peers.session(audience.sessionId) }) else {
                throw FeedbackError.notFound(.init(id: "angkatan \(audience.sessionId) tidak ditemukan", en: "session \(audience.sessionId) not found"))
            }
            let program = try await Self.peer({ () async throws(RPCError) in try await peers.program(session.programCode) })
            let enrolled = try await Self.peer({ () async throws(RPCError) in try await peers.participants(ofSession: session.id) })
            // Before the session only enrolment is known; afterwards those who attended at all.
            let attendees = enrolled.filter { $0.state == .enrolled && (purpose == .preTest || $0.attendancePercent > 0) }.map(\.nip)
            let agency = program?.organizerAgencyCode ?? ""
            if audience.kind == .sessionAttendees { return (attendees.map { ($0, "") }, agency, session.programCode) }
            var pairs: [(String, String)] = []
            for nip in attendees {
                if let supervisor = try await Self.peer({ () async throws(RPCError) in try await peers.employee(nip) })?.supervisorNip, !supervisor.isEmpty {
                    pairs.append((supervisor, nip))
                }
            }
            return (pairs, agency, session.programCode)
        case .dialogueParticipants:
            guard let dialogue = try await store.dialogue(id: audience.dialogueId) else { throw FeedbackError.noDialogue(audience.dialogueId) }
            let staff = try await Self.peer({ () async throws(RPCError) in try await peers.employees(ofAgency: dialogue.agencyCode) })
            let members = staff.filter { $0.status == .active && (dialogue.unitCode.isEmpty || $0.unitCode == dialogue.unitCode) }.map { ($0.nip, "") }
            return (members, dialogue.agencyCode, "")
        case .public:
            guard try await Self.peer({ () async throws(RPCError) in try await peers.agency(audience.agencyCode) }) != nil else {
                throw FeedbackError.notFound(.init(id: "perangkat daerah \(audience.agencyCode) tidak ditemukan", en: "agency \(audience.agencyCode) not found"))
            }
            return ([], audience.agencyCode, "")
        case .people:
            guard !audience.nips.isEmpty, audience.nips.count <= 10_000 else {
                throw FeedbackError.invalid(field: "campaign.audience.nips", reason: .init(id: "isi 1 sampai 10.000 NIP", en: "give 1 to 10,000 NIPs"))
            }
            return (Set(audience.nips).sorted().map { ($0, "") }, audience.agencyCode, "")
        default:
            throw FeedbackError.invalid(field: "campaign.audience.kind", reason: .init(id: "wajib diisi", en: "is required"))
        }
    }

    public func openCampaign(_ request: Binakarier_Feedback_V1_OpenCampaignRequest, context: RPCServerContext) async throws -> Campaign {
        let caller = try context.requireCaller()
        var campaign = try Required.field(request.campaign, "campaign")
        let audience = try Required.field(campaign.audience, "campaign.audience")
        guard let instrument = try await store.instrument(code: campaign.instrumentCode.uppercased(), version: campaign.instrumentVersion) else {
            throw FeedbackError.noInstrument(campaign.instrumentCode)
        }
        guard instrument.state == .published else {
            throw FeedbackError.failedPrecondition(.init(
                id: "formulir \(instrument.code) versi \(instrument.version) belum diterbitkan", en: "form \(instrument.code) version \(instrument.version) is not published"))
        }
        // A test serves before and after: the campaign says which.
        let isTest = instrument.purpose == .preTest || instrument.purpose == .postTest
        let purpose = isTest && [.preTest, .postTest].contains(campaign.purpose) ? campaign.purpose : instrument.purpose
        guard Self.fits(purpose, audience.kind) else {
            throw FeedbackError.failedPrecondition(.init(
                id: "formulir \(instrument.code) tidak cocok untuk sasaran ini", en: "form \(instrument.code) does not fit this audience"))
        }
        // Leaders open campaigns for their own dialogues and service units; organisers for anyone.
        if !Self.isOrganizer(caller) {
            let agency: String
            switch audience.kind {
            case .dialogueParticipants: agency = try await store.dialogue(id: audience.dialogueId)?.agencyCode ?? ""
            case .public: agency = audience.agencyCode
            default: agency = ""
            }
            guard caller.has(.agencyHead), !agency.isEmpty, agency == caller.agencyCode else {
                throw FeedbackError.permissionDenied(.init(
                    id: "kepala perangkat daerah membuka kampanye untuk dialog dan unit layanannya sendiri; selebihnya BKPSDM",
                    en: "agency heads open campaigns for their own dialogues and service units; BKPSDM for the rest"))
            }
        }
        let resolved = try await members(of: audience, purpose: purpose)
        let days = campaign.closeTimeUnix > 0 ? 0 : 7
        campaign.instrumentCode = instrument.code
        campaign.instrumentVersion = instrument.version
        campaign.purpose = purpose
        campaign.title = try Self.title(campaign.title, default: instrument.title)
        campaign.origin = .manual
        campaign.openTimeUnix = now()
        if days > 0 { campaign.closeTimeUnix = campaign.openTimeUnix + Int64(days) * 86_400 }
        guard campaign.closeTimeUnix > campaign.openTimeUnix, campaign.closeTimeUnix - campaign.openTimeUnix <= 366 * 86_400 else {
            throw FeedbackError.invalid(field: "campaign.close_time_unix", reason: .init(id: "setelah sekarang, paling lama setahun", en: "after now, at most a year"))
        }
        campaign.programCode = resolved.program
        campaign.agencyCode = resolved.agency
        campaign.openedBy = caller.subject
        // Tests must be identified (gains are per person); IKM is anonymous by nature.
        if isTest { campaign.anonymous = false }
        if instrument.purpose == .ikm { campaign.anonymous = true }
        let opened = try await store.openCampaign(campaign, audience: resolved.members)
        audit(context, "campaign opened", ["campaign": opened.id, "instrument": opened.instrumentCode, "audience": "\(opened.audienceSize)"])
        return opened
    }

    static func title(_ text: String, default fallback: String) throws(FeedbackError) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if let why = TextRules.violation(in: trimmed, maxBytes: TextRules.name) { throw .invalid(field: "campaign.title", reason: why) }
        return trimmed.isEmpty ? fallback : trimmed
    }

    public func closeCampaign(_ request: Binakarier_Feedback_V1_CloseCampaignRequest, context: RPCServerContext) async throws -> Campaign {
        let caller = try context.requireCaller()
        guard let campaign = try await store.campaign(id: request.id) else { throw FeedbackError.noCampaign(request.id) }
        guard Self.isOrganizer(caller) || campaign.openedBy == caller.subject || (caller.has(.agencyHead) && campaign.agencyCode == caller.agencyCode) else {
            throw FeedbackError.permissionDenied(.init(id: "kampanye ini bukan milik Anda", en: "this campaign is not yours"))
        }
        let closed = try await store.closeCampaign(id: campaign.id)
        audit(context, "campaign closed", ["campaign": closed.id])
        return closed
    }

    /// Anyone may read a campaign's heading (the public IKM page does, without a login): who answered is
    /// never in it.
    public func getCampaign(_ request: Binakarier_Feedback_V1_GetCampaignRequest, context: RPCServerContext) async throws -> Campaign {
        guard var campaign = try await store.campaign(id: request.id) else { throw FeedbackError.noCampaign(request.id) }
        // Without a login, only public surveys, and not their live count.
        if context.caller == nil {
            guard campaign.audience?.kind == .public else { throw FeedbackError.noCampaign(request.id) }
            campaign.responses = 0
        }
        if context.caller.map(Self.isOrganizer) != true { campaign.openedBy = "" }
        return campaign
    }

    public func listCampaigns(_ request: Binakarier_Feedback_V1_ListCampaignsRequest, context: RPCServerContext) async throws -> Binakarier_Feedback_V1_ListCampaignsResponse {
        let caller = try context.requireCaller()
        let agency = try caller.agencyScope(
            requested: request.agencyCode, seesEveryAgency: Self.isOrganizer(caller), what: .init(id: "kampanye", en: "campaigns"))
        let size = try PageTokens.size(request.pageSize)
        let scope = "campaigns:\(request.sessionId):\(request.programCode):\(agency):\(request.state.rawValue)"
        let after = try pages.decode(request.pageToken, scope: scope)
        let found = try await store.campaigns(
            sessionID: request.sessionId.uppercased(), programCode: request.programCode.uppercased(), agencyCode: agency, state: request.state,
            after: after, limit: size + 1)
        return .init(campaigns: Array(found.prefix(size)), nextPageToken: found.count > size ? pages.encode(after: found[size - 1].id, scope: scope) : "")
    }

    /// The counter's QR code: open public surveys of one unit, for anyone. Nothing about who answered.
    public func listPublicCampaigns(
        _ request: Binakarier_Feedback_V1_ListPublicCampaignsRequest, context: RPCServerContext
    ) async throws -> Binakarier_Feedback_V1_ListPublicCampaignsResponse {
        let agency = request.agencyCode.trimmingCharacters(in: .whitespaces).uppercased()
        guard !agency.isEmpty else {
            throw RPCError.invalidArgument(field: "agency_code", LocalizedText(id: "kode OPD wajib diisi", en: "the agency code is required"))
        }
        let unit = request.unitCode.trimmingCharacters(in: .whitespaces).uppercased()
        let time = now()
        let found = try await store.publicCampaigns(agencyCode: agency, unitCode: unit)
        return .init(campaigns: found.filter { $0.openTimeUnix <= time && ($0.closeTimeUnix == 0 || $0.closeTimeUnix > time) }.map { campaign in
            var shown = campaign
            shown.responses = 0
            shown.openedBy = ""
            return shown
        })
    }

    public func listMyPending(_ request: Binakarier_Feedback_V1_ListMyPendingRequest, context: RPCServerContext) async throws -> Binakarier_Feedback_V1_ListMyPendingResponse {
        let caller = try context.requireCaller()
        guard !caller.nip.isEmpty else { return .init() }
        return .init(forms: try await store.pending(for: caller.nip).map { .init(campaign: $0.0, subjectNip: $0.1) })
    }

    // MARK: responses

    /// A response from someone in the audience, once. For an anonymous campaign nothing about the
    /// respondent is logged or stored with the answers.
    public func submitResponse(_ request: Binakarier_Feedback_V1_SubmitResponseRequest, context: RPCServerContext) async throws -> Binakarier_Feedback_V1_SubmitResponseResponse {
        let caller = try context.requireCaller()
        guard let campaign = try await store.campaign(id: request.campaignId) else { throw FeedbackError.noCampaign(request.campaignId) }
        guard campaign.audience?.kind != .public else {
            throw FeedbackError.failedPrecondition(.init(id: "survei publik diisi tanpa masuk", en: "public surveys are answered without logging in"))
        }
        let subject = campaign.audience?.kind == .attendeesSupervisors ? request.subjectNip.trimmingCharacters(in: .whitespaces) : ""
        guard !caller.nip.isEmpty, try await store.isInAudience(campaignID: campaign.id, nip: caller.nip, subject: subject) else {
            throw FeedbackError.permissionDenied(.init(
                id: subject.isEmpty ? "Anda tidak termasuk sasaran formulir ini (misalnya tidak hadir)" : "\(subject) bukan bawahan langsung Anda dalam kampanye ini",
                en: subject.isEmpty ? "you are not in this form's audience (did not attend, say)" : "\(subject) is not your direct report in this campaign"))
        }
        return try await submit(campaign, request.answers, respondent: caller.nip, subject: subject)
    }

    func submit(
        _ campaign: Campaign, _ answers: [Answer], respondent: String, subject: String, ikm: (profile: RespondentProfile, counter: String)? = nil
    ) async throws -> Binakarier_Feedback_V1_SubmitResponseResponse {
        guard let instrument = try await store.instrument(code: campaign.instrumentCode, version: campaign.instrumentVersion) else {
            throw FeedbackError.noInstrument(campaign.instrumentCode)
        }
        let checked = try AnswerRules.validated(answers, for: instrument)
        let extras = ikm.map { Self.ikmExtras(checked, instrument: instrument, channel: .online, profile: $0.profile, counter: $0.counter) }
        let score = AnswerRules.score(checked, for: instrument)
        let session = campaign.audience?.sessionId ?? ""
        let assessment: (session: String, kind: Binakarier_Programs_V1_AssessmentKind)? =
            session.isEmpty ? nil : campaign.purpose == .preTest ? (session, .preTest) : campaign.purpose == .postTest ? (session, .postTest) : nil
        let receipt = try await store.submit(.init(
            campaignID: campaign.id, respondent: respondent, subject: subject, answers: checked, score: score, assessment: assessment, ikm: extras))
        return .init(score: score ?? 0, passed: score.map { $0 + 1e-9 >= instrument.passMark } ?? false, receipt: receipt)
    }

    public func submitPublicResponse(_ request: Binakarier_Feedback_V1_SubmitPublicResponseRequest, context: RPCServerContext) async throws -> Binakarier_Feedback_V1_SubmitResponseResponse {
        guard let campaign = try await store.campaign(id: request.campaignId), campaign.audience?.kind == .public else {
            throw FeedbackError.noCampaign(request.campaignId)
        }
        let minute = now() / 60
        let limit = configuration.publicAnswersPerMinute
        let allowed = publicAnswers.withLockedValue { counts -> Bool in
            var entry = counts[campaign.id] ?? (minute, 0)
            if entry.minute != minute { entry = (minute, 0) }
            guard entry.count < limit else { return false }
            entry.count += 1
            counts[campaign.id] = entry
            return true
        }
        guard allowed else {
            throw FeedbackError.resourceExhausted(.init(
                id: "terlalu banyak jawaban untuk unit ini dalam semenit; coba lagi sebentar lagi", en: "too many answers for this unit this minute; try again shortly"))
        }
        let counter = try await checkedIkmSubmission(campaign, profile: request.profile, counter: request.counterCode, field: "")
        return try await submit(campaign, request.answers, respondent: "", subject: "", ikm: (request.profile ?? .init(), counter))
    }

    public func getMyResponses(_ request: Binakarier_Feedback_V1_GetMyResponsesRequest, context: RPCServerContext) async throws -> Binakarier_Feedback_V1_GetMyResponsesResponse {
        let caller = try context.requireCaller()
        guard !caller.nip.isEmpty else { return .init() }
        return .init(responses: try await store.responses(of: caller.nip))
    }
}
