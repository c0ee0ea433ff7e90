import BKCharts
import BKProto
import BKRPC
import Foundation
import Hummingbird

/// `/beranda`: what each person needs first, by role. A person may hold several roles; each part that
/// applies is shown, the ASN's own first:
///
/// - every ASN: evaluations still to fill in, JP this year against the target, upcoming sessions they
///   are enrolled in or asked for, their certificates;
/// - an agency head: the agency's JP compliance, its dialogues, its overdue action items;
/// - an organiser or administrator: the city's key numbers and JP compliance per agency as a chart.
///
/// Each part asks its own daemon: one that is down shows that part's "service unavailable" notice and
/// the rest of the page still shows.
enum HomePage {
    static func register(_ web: WebApp) {
        web.get("/beranda") { request, context in
            let session = try context.requireSession(request)
            let year = CatalogueFormat.thisYear
            var data: [String: Any] = [
                "greeting": session.displayName.isEmpty ? session.username : session.displayName,
                "year": String(year),
            ]
            if !session.nip.isEmpty {
                data["asn"] = try await asnParts(web, request: request, context: context, session: session, year: year)
            }
            if session.has("agency_head"), !session.agencyCode.isEmpty {
                data["head"] = try await headParts(web, context: context, session: session, year: year)
            }
            if session.isOrganizer {
                data["city"] = try await cityParts(web, context: context, session: session, year: year)
            }
            if session.has("supervisor") { data["supervisor"] = true }
            return web.page("home", title: web.text("home_title", context), data: data, request: request, context: context)
        }
    }

    /// What a part shows when its daemon cannot be reached.
    private static var down: [String: Any] { ["down": true] }

    /// Whether an error means the part's daemon cannot be reached (the part says so; the page still shows).
    private static func isDown(_ error: any Error) -> Bool {
        guard let error = error as? RPCError else { return false }
        return error.code == .unavailable || error.code == .deadlineExceeded
    }

    // MARK: the ASN's own

    private static func asnParts(_ web: WebApp, request: Request, context: GatewayContext, session: WebSession, year: Int32) async throws -> [String: Any] {
        var parts: [String: Any] = [:]
        do { parts["pending"] = try await pendingForms(web, context: context, session: session) } catch where isDown(error) { parts["pending"] = down }
        do { parts["jp"] = try await jpThisYear(web, context: context, session: session, year: year) } catch where isDown(error) { parts["jp"] = down }
        do { parts["upcoming"] = try await upcomingSessions(web, context: context, session: session) } catch where isDown(error) { parts["upcoming"] = down }
        do { parts["certificates"] = try await myCertificates(web, context: context, session: session) } catch where isDown(error) { parts["certificates"] = down }
        return parts
    }

    private static func pendingForms(_ web: WebApp, context: GatewayContext, session: WebSession) async throws -> [String: Any] {
        let language = context.language
        let feedback = Binakarier_Feedback_V1_FeedbackService.Client(web.daemons.feedback, metadata: context.metadata(session))
        let forms = try await feedback.listMyPending(.init()).forms
        var rows: [[String: Any]] = []
        for form in forms {
            guard let campaign = form.campaign else { continue }
            var row: [String: Any] = [
                "href": "/evaluasi/" + CatalogueFormat.pathPart(campaign.id),
                "title": campaign.title.isEmpty ? campaign.id : campaign.title,
            ]
            if campaign.closeTimeUnix > 0 { row["until"] = CatalogueFormat.date(unix: campaign.closeTimeUnix, language) }
            rows.append(row)
        }
        return ["forms": rows]
    }

    private static func jpThisYear(_ web: WebApp, context: GatewayContext, session: WebSession, year: Int32) async throws -> [String: Any] {
        let programs = Binakarier_Programs_V1_ProgramsService.Client(web.daemons.programs, metadata: context.metadata(session))
        var ask = Binakarier_Programs_V1_GetLedgerRequest()
        ask.nip = session.nip
        ask.year = year
        let ledger = try await programs.getLedger(ask)
        return CatalogueFormat.jpSummary(ledger, web: web, context: context)
    }

    /// Sessions still ahead (or under way) that the person holds or asked for a place in.
    private static func upcomingSessions(_ web: WebApp, context: GatewayContext, session: WebSession) async throws -> [String: Any] {
        let language = context.language
        let programs = Binakarier_Programs_V1_ProgramsService.Client(web.daemons.programs, metadata: context.metadata(session))
        var list = Binakarier_Programs_V1_ListEnrolmentsRequest()
        list.nip = session.nip
        list.pageSize = 200
        let held = try await programs.listEnrolments(list).enrolments.filter { [.requested, .enrolled, .waitlisted].contains($0.state) }
        var rows: [(date: String, row: [String: Any])] = []
        for enrolment in held.suffix(20) {
            let item = try await programs.getSession(.init(id: enrolment.sessionId))
            guard [.draft, .open, .running].contains(item.state) else { continue }
            let title = (try? await programs.getProgram(.init(code: item.programCode)))?.title ?? item.programCode
            let row: [String: Any] = [
                "href": "/sesi/" + CatalogueFormat.pathPart(item.id),
                "title": title,
                "batch": String(item.batch),
                "dates": CatalogueFormat.dateRange(item.days, language),
                "place": CatalogueFormat.place(item, language),
                "state": CatalogueFormat.label(enrolment.state, language),
                "stateClass": CatalogueFormat.badge(enrolment.state),
            ]
            rows.append((item.days.map(\.date).min() ?? "", row))
        }
        return ["sessions": rows.sorted { $0.date < $1.date }.map(\.row)]
    }

    private static func myCertificates(_ web: WebApp, context: GatewayContext, session: WebSession) async throws -> [String: Any] {
        let language = context.language
        let programs = Binakarier_Programs_V1_ProgramsService.Client(web.daemons.programs, metadata: context.metadata(session))
        let list = try await programs.listCertificates(.init(nip: session.nip)).certificates.sorted { $0.issueDate > $1.issueDate }
        var result: [String: Any] = ["list": list.prefix(5).map { CataloguePages.certificateRow($0, language: language) }]
        if list.count > 5 { result["more"] = CatalogueFormat.fill(web.text("home_certificates_more", context), String(list.count)) }
        return result
    }

    // MARK: the agency head's

    private static func headParts(_ web: WebApp, context: GatewayContext, session: WebSession, year: Int32) async throws -> [String: Any] {
        let names = await CataloguePages.agencyNames(web, context, session)
        var parts: [String: Any] = ["agency": names[session.agencyCode] ?? session.agencyCode]
        do { parts["compliance"] = try await agencyCompliance(web, context: context, session: session, year: year) } catch where isDown(error) { parts["compliance"] = down }
        do { parts["dialogues"] = try await agencyDialogues(web, context: context, session: session) } catch where isDown(error) { parts["dialogues"] = down }
        do { parts["overdue"] = try await overdueActions(web, context: context, session: session) } catch where isDown(error) { parts["overdue"] = down }
        return parts
    }

    private static func agencyCompliance(_ web: WebApp, context: GatewayContext, session: WebSession, year: Int32) async throws -> [String: Any] {
        let agency = session.agencyCode
        let programs = Binakarier_Programs_V1_ProgramsService.Client(web.daemons.programs, metadata: context.metadata(session))
        var ask = Binakarier_Programs_V1_GetComplianceRequest()
        ask.year = year
        ask.agencyCode = agency
        ask.belowTargetLimit = 5
        let answer = try await programs.getCompliance(ask)
        let total = answer.agencies.first { $0.agencyCode == agency } ?? answer.total ?? .init()
        var result = complianceFigures(total, target: answer.jpTarget, web: web, context: context)
        result["belowTotal"] = IndonesianNumber.format(Double(answer.belowTargetTotal))
        var below: [[String: Any]] = []
        for person in answer.belowTarget {
            below.append([
                "name": person.name.isEmpty ? person.nip : person.name,
                "jp": IndonesianNumber.format(Double(person.jpVerified)),
                "ledgerHref": CatalogueFormat.url("/jp", [("nip", person.nip)]),
            ])
        }
        result["below"] = below
        result["hasBelow"] = !below.isEmpty
        return result
    }

    private static func agencyDialogues(_ web: WebApp, context: GatewayContext, session: WebSession) async throws -> [String: Any] {
        let language = context.language
        let feedback = Binakarier_Feedback_V1_FeedbackService.Client(web.daemons.feedback, metadata: context.metadata(session))
        var ask = Binakarier_Feedback_V1_ListDialoguesRequest()
        ask.agencyCode = session.agencyCode
        ask.pageSize = 100
        let list = try await feedback.listDialogues(ask).dialogues.sorted { $0.date > $1.date }
        var rows: [[String: Any]] = []
        for dialogue in list.prefix(5) {
            rows.append([
                "href": "/dialog/" + CatalogueFormat.pathPart(dialogue.id),
                "topic": dialogue.topic,
                "date": CatalogueFormat.date(dialogue.date, language),
                "state": Strings.text(dialogue.state == .closed ? "home_dialogue_closed" : "home_dialogue_scheduled", language),
                "stateClass": dialogue.state == .closed ? "" : "ok",
                "aspirations": CatalogueFormat.fill(Strings.text("home_dialogue_aspirations", language), String(dialogue.aspirations)),
            ])
        }
        return ["list": rows]
    }

    private static func overdueActions(_ web: WebApp, context: GatewayContext, session: WebSession) async throws -> [String: Any] {
        let language = context.language
        let feedback = Binakarier_Feedback_V1_FeedbackService.Client(web.daemons.feedback, metadata: context.metadata(session))
        var ask = Binakarier_Feedback_V1_ListActionsRequest()
        ask.agencyCode = session.agencyCode
        ask.overdueOnly = true
        ask.pageSize = 50
        let list = try await feedback.listActions(ask).actions.sorted { $0.dueDate < $1.dueDate }
        var rows: [[String: Any]] = []
        for action in list.prefix(8) {
            rows.append([
                "href": "/tindak-lanjut/" + CatalogueFormat.pathPart(action.id),
                "title": action.title,
                "due": CatalogueFormat.date(action.dueDate, language),
                "state": Strings.text("home_action_" + actionSlug(action.state), language),
            ])
        }
        return ["list": rows, "count": IndonesianNumber.format(Double(list.count))]
    }

    private static func actionSlug(_ state: Binakarier_Feedback_V1_ActionState) -> String {
        switch state {
        case .inProgress: "in_progress"
        case .done: "done"
        case .dropped: "dropped"
        default: "open"
        }
    }

    private static func complianceFigures(_ figures: Binakarier_Programs_V1_AgencyCompliance, target: Int32, web: WebApp, context: GatewayContext) -> [String: Any] {
        [
            "percent": IndonesianNumber.percent(figures.pnsPercent, decimals: 1),
            "meterValue": IndonesianNumber.format(figures.pnsPercent, decimals: 1).replacingOccurrences(of: ",", with: "."),
            "meeting": IndonesianNumber.format(Double(figures.pnsMeetingTarget)),
            "active": IndonesianNumber.format(Double(figures.pnsActive)),
            "averageJP": IndonesianNumber.format(figures.averageJp, decimals: 1),
            "target": IndonesianNumber.format(Double(target == 0 ? 20 : target)),
            "pppk": IndonesianNumber.format(Double(figures.pppkActive)),
            "sentence": CatalogueFormat.fill(
                web.text("home_compliance_sentence", context), IndonesianNumber.format(Double(figures.pnsMeetingTarget)),
                IndonesianNumber.format(Double(figures.pnsActive)), IndonesianNumber.format(Double(target == 0 ? 20 : target))),
        ]
    }

    // MARK: the city's (organisers, administrators)

    private static func cityParts(_ web: WebApp, context: GatewayContext, session: WebSession, year: Int32) async throws -> [String: Any] {
        var parts: [String: Any] = [:]
        do { parts["sessions"] = try await citySessions(web, context: context, session: session, year: year) } catch where isDown(error) { parts["sessions"] = down }
        do { parts["compliance"] = try await cityCompliance(web, context: context, session: session, year: year) } catch where isDown(error) { parts["compliance"] = down }
        return parts
    }

    private static func citySessions(_ web: WebApp, context: GatewayContext, session: WebSession, year: Int32) async throws -> [String: Any] {
        let programs = Binakarier_Programs_V1_ProgramsService.Client(web.daemons.programs, metadata: context.metadata(session))
        var list = Binakarier_Programs_V1_ListSessionsRequest()
        list.year = year
        list.pageSize = 500
        var all: [Binakarier_Programs_V1_Session] = []
        for _ in 0..<20 {
            let response = try await programs.listSessions(list)
            all += response.sessions
            if response.nextPageToken.isEmpty { break }
            list.pageToken = response.nextPageToken
        }
        var running = 0, open = 0, completed = 0, participants = 0
        for item in all {
            switch item.state {
            case .running: running += 1
            case .open: open += 1
            case .completed: completed += 1
            default: break
            }
            if item.state != .cancelled, item.state != .draft { participants += Int(item.enrolledCount) }
        }
        return [
            "running": IndonesianNumber.format(Double(running)),
            "open": IndonesianNumber.format(Double(open)),
            "completed": IndonesianNumber.format(Double(completed)),
            "participants": IndonesianNumber.format(Double(participants)),
        ]
    }

    private static func cityCompliance(_ web: WebApp, context: GatewayContext, session: WebSession, year: Int32) async throws -> [String: Any] {
        let language = context.language
        let programs = Binakarier_Programs_V1_ProgramsService.Client(web.daemons.programs, metadata: context.metadata(session))
        let names = await CataloguePages.agencyNames(web, context, session)
        var ask = Binakarier_Programs_V1_GetComplianceRequest()
        ask.year = year
        ask.belowTargetLimit = 1
        let answer = try await programs.getCompliance(ask)
        var result = complianceFigures(answer.total ?? .init(), target: answer.jpTarget, web: web, context: context)
        result["agencies"] = [[String: Any]]()
        let agencies = answer.agencies.filter { $0.pnsActive > 0 }.sorted {
            $0.pnsPercent != $1.pnsPercent ? $0.pnsPercent > $1.pnsPercent : $0.agencyCode < $1.agencyCode
        }
        guard !agencies.isEmpty else { return result }
        let target = IndonesianNumber.format(Double(answer.jpTarget == 0 ? 20 : answer.jpTarget))
        let title = CatalogueFormat.fill(web.text("home_chart_title", context), target, String(year))
        let chart = Chart(
            kind: .bar,
            title: title,
            description: CatalogueFormat.fill(web.text("home_chart_description", context), target),
            categories: agencies.map(\.agencyCode),
            series: [Series(name: web.text("home_chart_series", context), values: agencies.map { $0.pnsPercent })],
            valueFormat: .percent(decimals: 1),
            orientation: .horizontal,
            id: "home-compliance",
            missingText: language == .english ? "no data" : "tidak ada data",
            showsValues: true)
        result["charts"] = [["svg": SVGChart.render(chart, width: 720, height: 60 + 22 * agencies.count), "caption": title]]
        var rows: [[String: Any]] = []
        for figures in agencies {
            rows.append([
                "code": figures.agencyCode,
                "name": names[figures.agencyCode] ?? figures.agencyCode,
                "percent": IndonesianNumber.percent(figures.pnsPercent, decimals: 1),
                "meeting": IndonesianNumber.format(Double(figures.pnsMeetingTarget)),
                "active": IndonesianNumber.format(Double(figures.pnsActive)),
                "averageJP": IndonesianNumber.format(figures.averageJp, decimals: 1),
            ])
        }
        result["agencies"] = rows
        return result
    }
}
