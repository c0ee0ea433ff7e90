import BKCharts
import BKProto
import BKRPC
import Foundation
import Hummingbird

/// Evaluations to fill in (every instrument kind), anonymity, and the public IKM survey.
///
/// - `/evaluasi`: the person's forms still to fill in (ListMyPending) and those answered (GetMyResponses).
/// - `/evaluasi/:campaign` (GET, POST): a campaign's form; `?pegawai=NIP` names the staff member of a
///   supervisor's follow-up. A refused answer comes back with each problem at its question.
/// - `/survei/:agency/:unit` (GET, no login): what a unit's counter QR code holds for good; it opens the
///   unit's open public survey (feedback's ListPublicCampaigns), offers a choice, or says none is open.
/// - `/ikm/:campaign` (GET, POST): the public satisfaction survey itself, without login; throttled per
///   address and unit, one answer per browser.
enum FeedbackPages {
    typealias Campaign = Binakarier_Feedback_V1_Campaign
    typealias Instrument = Binakarier_Feedback_V1_Instrument
    typealias Client = Binakarier_Feedback_V1_FeedbackService.Client

    static func register(_ web: WebApp) {
        web.get("/evaluasi") { request, context in
            try await list(web, request: request, context: context)
        }
        web.get("/evaluasi/:campaign") { request, context in
            try await formPage(web, request: request, context: context)
        }
        web.post("/evaluasi/:campaign") { request, context in
            try await submit(web, request: request, context: context)
        }
        web.get("/survei/:agency/:unit") { request, context in
            try await unitPage(web, request: request, context: context)
        }
        web.get("/ikm/:campaign") { request, context in
            try await publicPage(web, request: request, context: context)
        }
        web.post("/ikm/:campaign") { request, context in
            try await publicSubmit(web, request: request, context: context)
        }
    }

    // MARK: shared

    static func purposeKey(_ purpose: Binakarier_Feedback_V1_Purpose) -> String {
        switch purpose {
        case .reaction: "fb_purpose_reaction"
        case .preTest: "fb_purpose_pre_test"
        case .postTest: "fb_purpose_post_test"
        case .followUpSelf: "fb_purpose_follow_up_self"
        case .followUpSupervisor: "fb_purpose_follow_up_supervisor"
        case .ikm: "fb_purpose_ikm"
        default: "fb_purpose_survey"
        }
    }

    static func isTest(_ purpose: Binakarier_Feedback_V1_Purpose) -> Bool { purpose == .preTest || purpose == .postTest }

    /// A campaign id as the daemon makes them (letters and digits); anything else is no campaign.
    static func campaignID(_ context: GatewayContext) throws -> String {
        let id = context.parameters.get("campaign") ?? ""
        guard (1...64).contains(id.utf8.count), id.utf8.allSatisfy({ ($0 >= 48 && $0 <= 57) || ($0 >= 65 && $0 <= 90) || ($0 >= 97 && $0 <= 122) || $0 == 45 || $0 == 95 })
        else {
            throw WebFailure(status: .notFound, message: .init(id: "Formulir tidak ditemukan.", en: "Form not found."))
        }
        return id
    }

    static func fill(_ key: String, _ values: [String: String], _ language: Language) -> String {
        var text = Strings.text(key, language)
        for (name, value) in values { text = text.replacingOccurrences(of: "{\(name)}", with: value) }
        return text
    }

    static func score(_ value: Double) -> String {
        IndonesianNumber.format(value, decimals: value == value.rounded() ? 0 : 1)
    }

    /// "Seminar Kepemimpinan · angkatan 1 · 3 Maret 2026 – 5 Maret 2026": what a campaign evaluates.
    static func programLabel(
        _ campaign: Campaign, programs: [String: Binakarier_Programs_V1_Program], sessions: [String: Binakarier_Programs_V1_Session],
        language: Language
    ) -> String {
        var parts: [String] = []
        if !campaign.programCode.isEmpty { parts.append(programs[campaign.programCode]?.title ?? campaign.programCode) }
        let sessionID = campaign.audience?.sessionId ?? ""
        if let session = sessions[sessionID] {
            parts.append("\(Strings.text("fb_batch", language)) \(session.batch)")
            let days = session.days.map(\.date).sorted()
            if let first = days.first, let last = days.last {
                parts.append(first == last ? FeedbackDates.day(first, language) : "\(FeedbackDates.day(first, language)) – \(FeedbackDates.day(last, language))")
            }
        } else if !sessionID.isEmpty {
            parts.append(sessionID)
        }
        return parts.joined(separator: " · ")
    }

    /// Programs and sessions of some campaigns, read concurrently; one that cannot be read is left out
    /// (the page shows its code instead).
    static func programsAndSessions(
        _ campaigns: [Campaign], web: WebApp, metadata: RPCMetadata
    ) async -> (programs: [String: Binakarier_Programs_V1_Program], sessions: [String: Binakarier_Programs_V1_Session]) {
        let programCodes = Set(campaigns.map(\.programCode).filter { !$0.isEmpty })
        let sessionIDs = Set(campaigns.compactMap { $0.audience?.sessionId }.filter { !$0.isEmpty })
        let client = Binakarier_Programs_V1_ProgramsService.Client(web.daemons.programs, metadata: metadata)
        var programs: [String: Binakarier_Programs_V1_Program] = [:]
        var sessions: [String: Binakarier_Programs_V1_Session] = [:]
        await withTaskGroup(of: (Binakarier_Programs_V1_Program?, Binakarier_Programs_V1_Session?).self) { group in
            for code in programCodes { group.addTask { (try? await client.getProgram(.init(code: code)), nil) } }
            for id in sessionIDs { group.addTask { (nil, try? await client.getSession(.init(id: id))) } }
            for await (program, session) in group {
                if let program { programs[program.code] = program }
                if let session { sessions[session.id] = session }
            }
        }
        return (programs, sessions)
    }

    /// "Name (NIP)" of a staff member, or the NIP when identity does not show them.
    static func person(_ nip: String, web: WebApp, metadata: RPCMetadata) async -> String {
        guard !nip.isEmpty else { return "" }
        let employee = try? await Binakarier_Identity_V1_IdentityService.Client(web.daemons.identity, metadata: metadata).getEmployee(.init(nip: nip))
        guard let name = employee?.name, !name.isEmpty else { return nip }
        return "\(name) (\(nip))"
    }

    // MARK: /evaluasi

    static func list(_ web: WebApp, request: Request, context: GatewayContext) async throws -> Response {
        let session = try context.requireSession(request)
        let metadata = context.metadata(session)
        let client = Client(web.daemons.feedback, metadata: metadata)
        let language = context.language
        async let pendingCall = client.listMyPending(.init())
        async let answeredCall = client.getMyResponses(.init())
        let pending = try await pendingCall.forms
        let answered = try await answeredCall.responses

        // The answered campaigns' headings (purpose, program, state).
        var answeredCampaigns: [String: Campaign] = [:]
        await withTaskGroup(of: Campaign?.self) { group in
            for id in Set(answered.map(\.campaignId)) { group.addTask { try? await client.getCampaign(.init(id: id)) } }
            for await campaign in group { if let campaign { answeredCampaigns[campaign.id] = campaign } }
        }
        let all = pending.compactMap(\.campaign) + Array(answeredCampaigns.values)
        let (programs, sessions) = await programsAndSessions(all, web: web, metadata: metadata)
        var subjects: [String: String] = [:]
        for nip in Set(pending.map(\.subjectNip).filter { !$0.isEmpty }) { subjects[nip] = await person(nip, web: web, metadata: metadata) }

        let now = Int64(Date().timeIntervalSince1970)
        let pendingRows: [[String: Any]] = pending.enumerated().compactMap { index, form in
            guard let campaign = form.campaign else { return nil }
            let days = FeedbackDates.daysUntil(campaign.closeTimeUnix, now: now)
            var row: [String: Any] = [
                "index": index + 1,
                "title": campaign.title,
                "href": "/evaluasi/\(campaign.id)" + (form.subjectNip.isEmpty ? "" : "?pegawai=\(form.subjectNip)"),
                "purpose": web.text(purposeKey(campaign.purpose), context),
                "anonymous": campaign.anonymous,
                "deadline": FeedbackDates.dateTime(campaign.closeTimeUnix, language),
                "left": days <= 0 ? web.text("fb_days_left_today", context) : fill("fb_days_left", ["n": "\(days)"], language),
                "urgent": days <= 2,
            ]
            let program = programLabel(campaign, programs: programs, sessions: sessions, language: language)
            if !program.isEmpty { row["program"] = program }
            if !form.subjectNip.isEmpty { row["subject"] = subjects[form.subjectNip] ?? form.subjectNip }
            return row
        }
        let answeredRows: [[String: Any]] = answered
            .sorted { (answeredCampaigns[$0.campaignId]?.openTimeUnix ?? 0) > (answeredCampaigns[$1.campaignId]?.openTimeUnix ?? 0) }
            .map { response in
                let campaign = answeredCampaigns[response.campaignId]
                var row: [String: Any] = [
                    "title": response.campaignTitle,
                    "anonymous": response.anonymous,
                    "program": campaign.map { programLabel($0, programs: programs, sessions: sessions, language: language) }.flatMap { $0.isEmpty ? nil : $0 } ?? "—",
                    "purpose": campaign.map { web.text(purposeKey($0.purpose), context) } ?? "",
                    "state": campaign.map { $0.state == .open ? web.text("fb_state_open", context) : web.text("fb_state_closed", context) } ?? "",
                    "score": campaign.map { isTest($0.purpose) && !response.anonymous ? score(response.score) : "—" } ?? "—",
                ]
                if !response.anonymous { row["href"] = "/evaluasi/\(response.campaignId)" }
                return row
            }
        let data: [String: Any] = [
            "pending": pendingRows, "pendingCount": pendingRows.count,
            "answered": answeredRows, "answeredCount": answeredRows.count,
        ]
        return web.page("fb_list", title: web.text("fb_list_title", context), data: data, request: request, context: context)
    }

    // MARK: /evaluasi/:campaign

    /// Everything a campaign's form needs: the campaign, its instrument version, what it evaluates, the
    /// facilitators to rate and whom a supervisor's form is about.
    struct Loaded: Sendable {
        var campaign: Campaign
        var instrument: Instrument
        var program: String
        var facilitators: [FeedbackFacilitator]
        var subjectNip: String
        var subjectLabel: String
    }

    static func load(_ web: WebApp, context: GatewayContext, session: WebSession, id: String, subject: String) async throws -> Loaded {
        let metadata = context.metadata(session)
        let client = Client(web.daemons.feedback, metadata: metadata)
        let campaign = try await client.getCampaign(.init(id: id))
        if campaign.audience?.kind == .public { throw WebRedirect(location: "/ikm/\(campaign.id)") }
        async let instrumentCall = client.getInstrument(.init(code: campaign.instrumentCode, version: campaign.instrumentVersion))
        let (programs, sessions) = await programsAndSessions([campaign], web: web, metadata: metadata)
        let facilitators = (sessions[campaign.audience?.sessionId ?? ""]?.facilitators ?? []).compactMap { facilitator -> FeedbackFacilitator? in
            let name = facilitator.name.isEmpty ? facilitator.nip : facilitator.name
            guard !name.isEmpty else { return nil }
            return FeedbackFacilitator(name: name, label: facilitator.role.isEmpty ? name : "\(name) (\(facilitator.role))")
        }
        let subjectNip = campaign.audience?.kind == .attendeesSupervisors ? subject : ""
        return Loaded(
            campaign: campaign, instrument: try await instrumentCall,
            program: programLabel(campaign, programs: programs, sessions: sessions, language: context.language),
            facilitators: facilitators, subjectNip: subjectNip,
            subjectLabel: await person(subjectNip, web: web, metadata: metadata))
    }

    static func meta(_ loaded: Loaded, context: GatewayContext) -> [String: Any] {
        var data: [String: Any] = [
            "formTitle": loaded.campaign.title,
            "metaPurpose": Strings.text(purposeKey(loaded.campaign.purpose), context.language),
        ]
        if !loaded.program.isEmpty { data["metaProgram"] = loaded.program }
        if !loaded.subjectLabel.isEmpty { data["metaSubject"] = loaded.subjectLabel }
        if loaded.campaign.closeTimeUnix > 0 { data["metaDeadline"] = FeedbackDates.dateTime(loaded.campaign.closeTimeUnix, context.language) }
        return data
    }

    /// What this form's anonymity means, or who sees its answers: from the service's rules
    /// (Modules/Feedback/README.md), promising nothing more.
    static func privacy(_ campaign: Campaign, subject: Bool, language: Language) -> [String: Any] {
        let t = { (key: String) in Strings.text(key, language) }
        let title: String
        let points: [String]
        if campaign.anonymous {
            title = t("fb_anon_title")
            points = [t("fb_anon_storage"), t("fb_anon_participation"), t("fb_anon_results"), t("fb_anon_text"), t("fb_anon_after")]
        } else if isTest(campaign.purpose) {
            title = t("fb_test_title")
            points = [t("fb_test_storage"), t("fb_test_results")]
        } else {
            title = t("fb_named_title")
            points = [subject ? t("fb_named_storage_subject") : t("fb_named_storage"), t("fb_named_results")]
        }
        return ["privacyTitle": title, "privacyPoints": points.map { ["point": $0] }]
    }

    static func renderForm(
        _ web: WebApp, _ loaded: Loaded, request: Request, context: GatewayContext, form: FormData? = nil,
        errors: [Int: String] = [:], general: [String] = [], status: HTTPResponse.Status = .ok
    ) -> Response {
        let language = context.language
        var data = meta(loaded, context: context).merging(privacy(loaded.campaign, subject: !loaded.subjectNip.isEmpty, language: language)) { a, _ in a }
        data["action"] = "/evaluasi/\(loaded.campaign.id)"
        if !loaded.subjectNip.isEmpty { data["subjectNip"] = loaded.subjectNip }
        if !loaded.instrument.description.isEmpty { data["description"] = loaded.instrument.description }
        if isTest(loaded.campaign.purpose) {
            data["testNote"] = fill("fb_test_note", ["mark": score(loaded.instrument.passMark)], language)
        }
        data["questions"] = FeedbackForm.questions(loaded.instrument, form: form, errors: errors, facilitators: loaded.facilitators, language: language)
        data["formErrors"] = FeedbackForm.summary(errors, general: general, instrument: loaded.instrument)
        return web.page("fb_form", title: loaded.campaign.title, data: data, request: request, context: context, status: status)
    }

    static func message(
        _ web: WebApp, request: Request, context: GatewayContext, title: String, text: String, formTitle: String = "", back: Bool = true,
        status: HTTPResponse.Status = .ok, links: [[String: String]] = []
    ) -> Response {
        var data: [String: Any] = ["messageTitle": title, "messageText": text, "back": back]
        if !links.isEmpty {
            data["links"] = links
            data["hasLinks"] = true
        }
        if !formTitle.isEmpty { data["formTitle"] = formTitle }
        return web.page("fb_message", title: title, data: data, request: request, context: context, status: status)
    }

    static func formPage(_ web: WebApp, request: Request, context: GatewayContext) async throws -> Response {
        let session = try context.requireSession(request)
        let id = try campaignID(context)
        let client = Client(web.daemons.feedback, metadata: context.metadata(session))
        let language = context.language
        async let pendingCall = client.listMyPending(.init())
        let asked = request.uri.queryParameters["pegawai"].map(String.init) ?? ""
        let pending = try await pendingCall.forms.filter { $0.campaign?.id == id }
        let subject = asked.isEmpty ? (pending.first?.subjectNip ?? "") : asked
        let loaded = try await load(web, context: context, session: session, id: id, subject: subject)
        let campaign = loaded.campaign
        if pending.contains(where: { $0.subjectNip == loaded.subjectNip }) {
            return renderForm(web, loaded, request: request, context: context)
        }
        // Not to fill in: answered, closed, not open yet, or not this person's.
        let mine = try await client.getMyResponses(.init()).responses.first { $0.campaignId == id }
        if let mine {
            return answeredPage(web, loaded, mine: mine, request: request, context: context)
        }
        let now = Int64(Date().timeIntervalSince1970)
        if campaign.state == .closed || (campaign.closeTimeUnix > 0 && campaign.closeTimeUnix <= now) {
            return message(
                web, request: request, context: context, title: web.text("fb_closed_title", context),
                text: fill("fb_closed_text", ["date": FeedbackDates.dateTime(campaign.closeTimeUnix, language)], language), formTitle: campaign.title)
        }
        if campaign.openTimeUnix > now {
            return message(
                web, request: request, context: context, title: web.text("fb_not_open_title", context),
                text: fill("fb_not_open_text", ["date": FeedbackDates.dateTime(campaign.openTimeUnix, language)], language), formTitle: campaign.title)
        }
        return message(
            web, request: request, context: context, title: web.text("fb_not_yours_title", context), text: web.text("fb_not_yours_text", context),
            formTitle: campaign.title, status: .forbidden)
    }

    static func answeredPage(
        _ web: WebApp, _ loaded: Loaded, mine: Binakarier_Feedback_V1_MyResponse, request: Request, context: GatewayContext,
        status: HTTPResponse.Status = .ok
    ) -> Response {
        var data = meta(loaded, context: context)
        data["anonymous"] = mine.anonymous
        data["answers"] = [[String: Any]]()
        // A supervisor answers one form per staff member, but MyResponse does not say about whom: the
        // answers are read back only where there is a single form per person.
        if !mine.anonymous, loaded.campaign.audience?.kind != .attendeesSupervisors {
            data["answers"] = FeedbackForm.readBack(mine.answers, instrument: loaded.instrument, language: context.language)
        }
        if !mine.anonymous, isTest(loaded.campaign.purpose) { data["scoreLine"] = fill("fb_score_line", ["score": score(mine.score)], context.language) }
        return web.page("fb_answered", title: web.text("fb_answered_title", context), data: data, request: request, context: context, status: status)
    }

    static func submit(_ web: WebApp, request: Request, context: GatewayContext) async throws -> Response {
        let session = try context.requireSession(request)
        let id = try campaignID(context)
        let form = try await FormData.read(request, context: context)
        let language = context.language
        let loaded = try await load(web, context: context, session: session, id: id, subject: form.text("pegawai"))
        let read = FeedbackForm.read(form, instrument: loaded.instrument, facilitators: loaded.facilitators, language: language)
        if !read.errors.isEmpty {
            return renderForm(web, loaded, request: request, context: context, form: form, errors: read.errors, status: .badRequest)
        }
        let client = Client(web.daemons.feedback, metadata: context.metadata(session))
        let response: Binakarier_Feedback_V1_SubmitResponseResponse
        do {
            response = try await client.submitResponse(.init(campaignId: loaded.campaign.id, answers: read.answers, subjectNip: loaded.subjectNip))
        } catch {
            switch error.code {
            case .invalidArgument:
                let placed = FeedbackForm.placed(error, instrument: loaded.instrument, language: language)
                return renderForm(
                    web, loaded, request: request, context: context, form: form, errors: placed.byQuestion, general: placed.general, status: .badRequest)
            case .alreadyExists:
                let mine = try await client.getMyResponses(.init()).responses.first { $0.campaignId == loaded.campaign.id }
                if let mine, loaded.subjectNip.isEmpty { return answeredPage(web, loaded, mine: mine, request: request, context: context, status: .conflict) }
                return message(
                    web, request: request, context: context, title: web.text("fb_answered_title", context),
                    text: error.localized(language).message, formTitle: loaded.campaign.title, status: .conflict)
            case .failedPrecondition:
                return message(
                    web, request: request, context: context, title: web.text("fb_closed_title", context),
                    text: FeedbackForm.sentence(error.localized(language).message), formTitle: loaded.campaign.title, status: .conflict)
            case .permissionDenied:
                return message(
                    web, request: request, context: context, title: web.text("fb_not_yours_title", context),
                    text: FeedbackForm.sentence(error.localized(language).message), formTitle: loaded.campaign.title, status: .forbidden)
            default:
                throw error
            }
        }
        // Thanks, the score of a test, the receipt of an anonymous answer, and the next form.
        var data: [String: Any] = [
            "formTitle": loaded.campaign.title,
            "thanksText": web.text("fb_thanks_saved", context),
        ]
        if isTest(loaded.campaign.purpose) || loaded.instrument.questions.contains(where: { $0.kind == .testItem }) {
            data["scoreValue"] = score(response.score)
            data["scoreLine"] = fill("fb_score_line", ["score": score(response.score)], language)
            if loaded.campaign.purpose == .preTest {
                data["preNote"] = web.text("fb_pretest_note", context)
            } else {
                let mark = score(loaded.instrument.passMark)
                data["passLine"] = fill(response.passed ? "fb_passed" : "fb_failed", ["mark": mark], language)
                data["passClass"] = response.passed ? "ok" : "warn"
            }
        }
        if loaded.campaign.anonymous {
            data["anonymousNote"] = web.text("fb_thanks_anonymous", context)
            if !response.receipt.isEmpty { data["receipt"] = response.receipt }
        }
        var links: [[String: Any]] = []
        if let next = try? await client.listMyPending(.init()).forms.first, let campaign = next.campaign {
            links.append([
                "href": "/evaluasi/\(campaign.id)" + (next.subjectNip.isEmpty ? "" : "?pegawai=\(next.subjectNip)"),
                "label": web.text("fb_next_form", context), "secondary": false,
            ])
        }
        links.append(["href": "/evaluasi", "label": web.text("fb_back_list", context), "secondary": !links.isEmpty])
        data["links"] = links
        return web.page("fb_thanks", title: web.text("fb_thanks_title", context), data: data, request: request, context: context)
    }

    // MARK: /survei/:agency/:unit (no login): what a unit's counter QR code opens

    /// The unit's open public survey: its form when there is one, a choice when several, else a page
    /// that says none is open now. The address stays the same from one survey to the next.
    static func unitPage(_ web: WebApp, request: Request, context: GatewayContext) async throws -> Response {
        let agency = context.parameters.get("agency") ?? ""
        let unit = context.parameters.get("unit") ?? ""
        let open = try await Client(web.daemons.feedback, metadata: context.anonymousMetadata)
            .listPublicCampaigns(.init(agencyCode: agency, unitCode: unit == "-" ? "" : unit)).campaigns
        // A counter's poster carries its code along to the form, so the answer is counted at that counter.
        let counter = IkmPages.counterCode(request.uri.queryParameters["loket"].map(String.init))
        let carried = counter.isEmpty ? "" : "?loket=" + counter
        if open.count == 1, let only = open.first { throw WebRedirect(location: "/ikm/\(only.id)" + carried) }
        guard !open.isEmpty else {
            return message(
                web, request: request, context: context, title: web.text("fb_ikm_none_title", context),
                text: web.text("fb_ikm_none_text", context), back: false, status: .notFound)
        }
        return message(
            web, request: request, context: context, title: web.text("fb_ikm_choose_title", context),
            text: web.text("fb_ikm_choose_text", context), back: false, links: open.map { ["href": "/ikm/\($0.id)" + carried, "label": $0.title] })
    }

    // MARK: /ikm/:campaign (no login)

    static func cookieName(_ campaign: Campaign) -> String { "bk_ikm_" + campaign.id }

    static func answeredCookie(_ web: WebApp, _ campaign: Campaign) -> Cookie {
        Cookie(
            name: cookieName(campaign), value: "1", maxAge: 365 * 24 * 3600, path: "/", secure: web.cookies.secure, httpOnly: true,
            sameSite: .lax)
    }

    /// The public campaign and its instrument, read without a token (feedback allows both for public
    /// IKM surveys).
    static func publicCampaign(_ web: WebApp, context: GatewayContext) async throws -> Campaign {
        let id = try campaignID(context)
        return try await Client(web.daemons.feedback, metadata: context.anonymousMetadata).getCampaign(.init(id: id))
    }

    static func publicPrivacy(_ language: Language) -> [String: Any] {
        let t = { (key: String) in Strings.text(key, language) }
        return [
            "privacyTitle": t("fb_ikm_privacy_title"),
            "privacyLead": t("fb_ikm_privacy_lead"),
            "privacyPoints": [t("fb_ikm_privacy_storage"), t("fb_ikm_privacy_text"), t("fb_ikm_privacy_cookie")].map { ["point": $0] },
        ]
    }

    /// A page in place of the form: already answered from this browser, or the survey is closed.
    static func publicBlocked(_ web: WebApp, _ campaign: Campaign, request: Request, context: GatewayContext) -> Response? {
        if request.cookies[cookieName(campaign)] != nil {
            return message(
                web, request: request, context: context, title: web.text("fb_ikm_already_title", context),
                text: web.text("fb_ikm_already_text", context), formTitle: campaign.title, back: false)
        }
        let now = Int64(Date().timeIntervalSince1970)
        if campaign.state != .open || campaign.closeTimeUnix <= now || campaign.openTimeUnix > now {
            return message(
                web, request: request, context: context, title: web.text("fb_closed_title", context),
                text: web.text("fb_ikm_closed_text", context), formTitle: campaign.title, back: false)
        }
        return nil
    }

    static func renderPublic(
        _ web: WebApp, _ campaign: Campaign, _ instrument: Instrument, request: Request, context: GatewayContext, form: FormData? = nil,
        errors: [Int: String] = [:], general: [String] = [], busy: String? = nil, status: HTTPResponse.Status = .ok
    ) -> Response {
        let language = context.language
        var data = publicPrivacy(language)
        data["formTitle"] = campaign.title
        data["action"] = "/ikm/\(campaign.id)"
        let asked = instrument.questions.filter(\.required).count
        data["intro"] = fill("fb_ikm_intro", ["n": "\(asked > 0 ? asked : instrument.questions.count)"], language)
        if let busy { data["busy"] = busy }
        data["questions"] = FeedbackForm.questions(instrument, form: form, errors: errors, facilitators: [], language: language)
        data["formErrors"] = FeedbackForm.summary(errors, general: general, instrument: instrument)
        data["profileFields"] = IkmPages.profileFields(form, language: language)
        data["loket"] = IkmPages.counterCode(form?.text("loket") ?? request.uri.queryParameters["loket"].map(String.init))
        return web.page("fb_ikm", title: campaign.title, data: data, request: request, context: context, status: status)
    }

    static func publicInstrument(_ web: WebApp, _ campaign: Campaign, context: GatewayContext) async throws -> Instrument {
        try await Client(web.daemons.feedback, metadata: context.anonymousMetadata)
            .getInstrument(.init(code: campaign.instrumentCode, version: campaign.instrumentVersion))
    }

    static func publicPage(_ web: WebApp, request: Request, context: GatewayContext) async throws -> Response {
        let campaign = try await publicCampaign(web, context: context)
        if let blocked = publicBlocked(web, campaign, request: request, context: context) { return blocked }
        let instrument = try await publicInstrument(web, campaign, context: context)
        return renderPublic(web, campaign, instrument, request: request, context: context)
    }

    static func publicSubmit(_ web: WebApp, request: Request, context: GatewayContext) async throws -> Response {
        let campaign = try await publicCampaign(web, context: context)
        let form = try await FormData.read(request, context: context)
        if let blocked = publicBlocked(web, campaign, request: request, context: context) { return blocked }
        let instrument = try await publicInstrument(web, campaign, context: context)
        let language = context.language
        let read = FeedbackForm.read(form, instrument: instrument, facilitators: [], language: language)
        if !read.errors.isEmpty {
            return renderPublic(web, campaign, instrument, request: request, context: context, form: form, errors: read.errors, status: .badRequest)
        }
        let unit = (campaign.audience?.agencyCode ?? campaign.agencyCode) + "/" + (campaign.audience?.unitCode ?? "")
        guard web.publicThrottle.allow(address: context.remoteAddress, unit: unit) else {
            return renderPublic(
                web, campaign, instrument, request: request, context: context, form: form, busy: web.text("fb_ikm_busy", context),
                status: .tooManyRequests)
        }
        let response: Binakarier_Feedback_V1_SubmitResponseResponse
        do {
            response = try await Client(web.daemons.feedback, metadata: context.anonymousMetadata)
                .submitPublicResponse(.init(
                    campaignId: campaign.id, answers: read.answers, profile: IkmPages.profile(form), counterCode: IkmPages.counterCode(form.text("loket"))))
        } catch {
            switch error.code {
            case .invalidArgument:
                let placed = FeedbackForm.placed(error, instrument: instrument, language: language)
                return renderPublic(
                    web, campaign, instrument, request: request, context: context, form: form, errors: placed.byQuestion, general: placed.general,
                    status: .badRequest)
            case .resourceExhausted:
                return renderPublic(
                    web, campaign, instrument, request: request, context: context, form: form, busy: web.text("fb_ikm_busy", context),
                    status: .tooManyRequests)
            case .failedPrecondition:
                return message(
                    web, request: request, context: context, title: web.text("fb_closed_title", context),
                    text: web.text("fb_ikm_closed_text", context), formTitle: campaign.title, back: false, status: .conflict)
            default:
                throw error
            }
        }
        var data: [String: Any] = [
            "formTitle": campaign.title,
            "thanksText": web.text("fb_ikm_thanks", context),
            "anonymousNote": web.text("fb_thanks_anonymous", context),
        ]
        if !response.receipt.isEmpty { data["receipt"] = response.receipt }
        var page = web.page("fb_thanks", title: web.text("fb_thanks_title", context), data: data, request: request, context: context)
        page.headers.append(.init(name: .setCookie, value: answeredCookie(web, campaign).description))
        return page
    }
}
