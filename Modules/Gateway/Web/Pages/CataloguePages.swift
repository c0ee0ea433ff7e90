import BKCharts
import BKProto
import BKRPC
import Foundation
import Hummingbird

private typealias Program = Binakarier_Programs_V1_Program
private typealias ProgramSession = Binakarier_Programs_V1_Session
private typealias Enrolment = Binakarier_Programs_V1_Enrolment
private typealias ProgramsClient = Binakarier_Programs_V1_ProgramsService.Client
private typealias IdentityClient = Binakarier_Identity_V1_IdentityService.Client

/// Katalog, sessions, enrolment, team nominations, JP ledger, certificates and public verification.
///
/// - `/katalog`: programs, searched by text (in the gateway, over the daemon's filtered list), filtered by
///   kind, competency and the person's agency; paged by the daemon's page tokens. Open sessions first.
/// - `/katalog/:code`: one program and its sessions.
/// - `/sesi/:id`: one session: for an ASN their place (request, state, cancel), for a supervisor a
///   nomination of one of their staff, for an organiser enrolment by NIP and the pending requests.
/// - `/tim`: a supervisor's direct staff and their JP this year.
/// - `/jp`: a JP ledger for a year (one's own, or a staff member's for their supervisor).
/// - `/sertifikat`, `/sertifikat/:kunci`: one's certificates, and one printable with a QR code.
/// - `/verifikasi`, `/verifikasi/:kode`: the public check of a certificate (no login).
enum CataloguePages {
    static func register(_ web: WebApp) {
        web.get("/katalog") { request, context in try await catalogue(web, request: request, context: context) }
        web.get("/katalog/:code") { request, context in try await program(web, request: request, context: context) }

        web.get("/sesi/:id") { request, context in
            let session = try context.requireSession(request)
            return try await sessionPage(web, request: request, context: context, session: session, id: try sessionID(context))
        }
        web.post("/sesi/:id/minta") { request, context in try await requestPlace(web, request: request, context: context) }
        web.post("/sesi/:id/batal") { request, context in try await cancelPlace(web, request: request, context: context) }
        web.post("/sesi/:id/usulkan") { request, context in try await nominate(web, request: request, context: context) }
        web.post("/sesi/:id/daftarkan") { request, context in try await enrolByNIP(web, request: request, context: context) }
        web.post("/sesi/:id/putuskan") { request, context in try await decide(web, request: request, context: context) }

        web.get("/tim") { request, context in try await team(web, request: request, context: context) }
        web.get("/jp") { request, context in try await ledger(web, request: request, context: context) }
        web.get("/sertifikat") { request, context in try await certificates(web, request: request, context: context) }
        web.get("/sertifikat/:kunci") { request, context in try await certificate(web, request: request, context: context) }
        web.get("/verifikasi") { request, context in try await verifyForm(web, request: request, context: context) }
        web.get("/verifikasi/:kode") { request, context in try await verify(web, request: request, context: context) }
    }

    // MARK: clients and small lookups

    private static func programs(_ web: WebApp, _ context: GatewayContext, _ session: WebSession) -> ProgramsClient {
        ProgramsClient(web.daemons.programs, metadata: context.metadata(session))
    }

    private static func identity(_ web: WebApp, _ context: GatewayContext, _ session: WebSession) -> IdentityClient {
        IdentityClient(web.daemons.identity, metadata: context.metadata(session))
    }

    /// Agency names by code, for display only: when identity cannot answer, codes stand in.
    static func agencyNames(_ web: WebApp, _ context: GatewayContext, _ session: WebSession) async -> [String: String] {
        var request = Binakarier_Identity_V1_ListAgenciesRequest()
        request.pageSize = 1000
        guard let response = try? await IdentityClient(web.daemons.identity, metadata: context.metadata(session)).listAgencies(request) else { return [:] }
        return Dictionary(response.agencies.map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first })
    }

    private static func competencies(_ client: ProgramsClient) async throws -> [Binakarier_Programs_V1_Competency] {
        var request = Binakarier_Programs_V1_ListCompetenciesRequest()
        request.pageSize = 1000
        var all: [Binakarier_Programs_V1_Competency] = []
        for _ in 0..<10 {
            let response = try await client.listCompetencies(request)
            all += response.competencies
            guard !response.nextPageToken.isEmpty else { break }
            request.pageToken = response.nextPageToken
        }
        return all
    }

    /// Every enrolment of one person (a person has few).
    private static func enrolments(of nip: String, _ client: ProgramsClient) async throws -> [Enrolment] {
        var request = Binakarier_Programs_V1_ListEnrolmentsRequest()
        request.nip = nip
        request.pageSize = 200
        var all: [Enrolment] = []
        for _ in 0..<20 {
            let response = try await client.listEnrolments(request)
            all += response.enrolments
            guard !response.nextPageToken.isEmpty else { break }
            request.pageToken = response.nextPageToken
        }
        return all
    }

    /// The supervisor's direct staff.
    private static func staff(of nip: String, _ client: IdentityClient) async throws -> [Binakarier_Identity_V1_Employee] {
        var request = Binakarier_Identity_V1_ListEmployeesRequest()
        request.supervisorNip = nip
        request.pageSize = 1000
        var all: [Binakarier_Identity_V1_Employee] = []
        for _ in 0..<10 {
            let response = try await client.listEmployees(request)
            all += response.employees
            guard !response.nextPageToken.isEmpty else { break }
            request.pageToken = response.nextPageToken
        }
        return all.sorted { $0.name.localizedStandardCompare($1.name) == .orderedAscending }
    }

    private static func sessionID(_ context: GatewayContext) throws -> String {
        guard let id = context.parameters.get("id"), !id.isEmpty, id.count <= 100 else {
            throw WebFailure(status: .notFound, message: .init(id: "Sesi tidak ditemukan.", en: "Session not found."))
        }
        return id.uppercased()
    }

    // MARK: /katalog

    private static func catalogue(_ web: WebApp, request: Request, context: GatewayContext) async throws -> Response {
        let session = try context.requireSession(request)
        let language = context.language
        let query = FormData(request.uri.query ?? "")
        let text = String(query["q"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let kindSlug = String(query["jenis"] ?? "")
        let kind = CatalogueFormat.kind(slug: kindSlug)
        let competencyCode = String(query["kompetensi"] ?? "").uppercased()
        let mine = query["instansi"] == "saya" && !session.agencyCode.isEmpty
        let token = String(query["halaman"] ?? "")
        let forNIP = CatalogueFormat.nip(query["untuk"])
        let client = programs(web, context, session)

        var list = Binakarier_Programs_V1_ListProgramsRequest()
        list.kind = kind
        list.competencyCode = competencyCode
        if mine { list.agencyCode = session.agencyCode }
        var found: [Program] = []
        var next = ""
        if text.isEmpty {
            list.pageSize = 12
            list.pageToken = token
            let response = try await client.listPrograms(list)
            found = response.programs
            next = response.nextPageToken
        } else {
            // The daemon has no text search: the gateway reads the filtered list and keeps the matches.
            list.pageSize = 200
            for _ in 0..<20 {
                let response = try await client.listPrograms(list)
                found += response.programs.filter { CatalogueFormat.matches($0, text) }
                guard !response.nextPageToken.isEmpty else { break }
                list.pageToken = response.nextPageToken
            }
        }
        let allCompetencies = try await competencies(client)
        let competencyNames = Dictionary(allCompetencies.map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first })

        var base: [(String, String)] = []
        if !text.isEmpty { base.append(("q", text)) }
        if kind != .unspecified { base.append(("jenis", kindSlug)) }
        if !competencyCode.isEmpty { base.append(("kompetensi", competencyCode)) }
        if mine { base.append(("instansi", "saya")) }
        if let forNIP { base.append(("untuk", forNIP)) }
        let carry: [(String, String)] = forNIP.map { [("untuk", $0)] } ?? []

        var data: [String: Any] = [
            "q": text,
            "kinds": Binakarier_Programs_V1_ProgramKind.allCases.filter { $0 != .unspecified }.map { value in
                ["value": CatalogueFormat.slug(value), "label": CatalogueFormat.label(value, language), "selected": value == kind] as [String: Any]
            },
            "competencyGroups": [Binakarier_Programs_V1_CompetencyType.manajerial, .sosialKultural, .teknis].compactMap { type -> [String: Any]? in
                let items = allCompetencies.filter { $0.type == type }.sorted { $0.name < $1.name }
                guard !items.isEmpty else { return nil }
                return [
                    "label": CatalogueFormat.label(type, language),
                    "items": items.map { ["value": $0.code, "label": $0.name, "selected": $0.code == competencyCode] as [String: Any] },
                ]
            },
            "mine": mine,
            "programs": found.map { programCard($0, competencyNames: competencyNames, carry: carry, language: language) },
            "filtered": !base.filter { $0.0 != "untuk" }.isEmpty,
            "resetHref": CatalogueFormat.url("/katalog", carry),
            "openSessions": [[String: Any]](),
        ]
        if !session.agencyCode.isEmpty { data["agency"] = session.agencyCode }
        if !text.isEmpty { data["resultCount"] = CatalogueFormat.fill(web.text("cat_results_count", context), IndonesianNumber.format(Double(found.count))) }
        if !next.isEmpty { data["nextHref"] = CatalogueFormat.url("/katalog", base + [("halaman", next)]) }
        if !token.isEmpty { data["firstHref"] = CatalogueFormat.url("/katalog", base) }
        if let forNIP {
            data["forNIP"] = forNIP
            let person = try? await identity(web, context, session).getEmployee(.init(nip: forNIP))
            data["forName"] = person?.name ?? forNIP
        }
        // The sessions taking enrolments, on the unfiltered first page.
        if token.isEmpty, base.filter({ $0.0 != "untuk" }).isEmpty {
            var sessions = Binakarier_Programs_V1_ListSessionsRequest()
            sessions.state = .open
            sessions.pageSize = 50
            let open = try await client.listSessions(sessions).sessions.sorted { ($0.days.first?.date ?? "") < ($1.days.first?.date ?? "") }.prefix(12)
            var titles = Dictionary(found.map { ($0.code, $0.title) }, uniquingKeysWith: { first, _ in first })
            for code in Set(open.map(\.programCode)) where titles[code] == nil {
                titles[code] = (try? await client.getProgram(.init(code: code)))?.title ?? code
            }
            let knownTitles = titles
            data["openSessions"] = open.map { item -> [String: Any] in
                var row = sessionRow(item, language: language, carry: carry)
                row["programTitle"] = knownTitles[item.programCode] ?? item.programCode
                return row
            }
        }
        return web.page("cat_catalogue", title: web.text("cat_catalogue_title", context), data: data, request: request, context: context)
    }

    private static func programCard(_ program: Program, competencyNames: [String: String], carry: [(String, String)], language: Language) -> [String: Any] {
        var description = program.description
        if description.count > 220 { description = String(description.prefix(217)) + "…" }
        var card: [String: Any] = [
            "code": program.code,
            "title": program.title,
            "href": CatalogueFormat.url("/katalog/" + CatalogueFormat.pathPart(program.code), carry),
            "kind": CatalogueFormat.label(program.kind, language),
            "jp": IndonesianNumber.format(Double(program.jp)),
        ]
        if !description.isEmpty { card["description"] = description }
        let names = program.competencies.map { competencyNames[$0.competencyCode] ?? $0.competencyCode }
        if !names.isEmpty { card["competencies"] = names.joined(separator: ", ") }
        return card
    }

    /// One session as a table row: dates, place, seats and state.
    private static func sessionRow(_ item: ProgramSession, language: Language, carry: [(String, String)]) -> [String: Any] {
        let left = max(0, Int(item.capacity) - Int(item.enrolledCount))
        var row: [String: Any] = [
            "id": item.id,
            "href": CatalogueFormat.url("/sesi/" + CatalogueFormat.pathPart(item.id), carry),
            "batch": String(item.batch),
            "dates": CatalogueFormat.dateRange(item.days, language),
            "place": CatalogueFormat.place(item, language),
            "capacity": IndonesianNumber.format(Double(item.capacity)),
            "enrolled": IndonesianNumber.format(Double(item.enrolledCount)),
            "seatsLeft": IndonesianNumber.format(Double(left)),
            "state": CatalogueFormat.label(item.state, language),
            "stateClass": CatalogueFormat.badge(item.state),
        ]
        if item.state == .open, left == 0 { row["full"] = true }
        return row
    }

    // MARK: /katalog/:code

    private static func program(_ web: WebApp, request: Request, context: GatewayContext) async throws -> Response {
        let session = try context.requireSession(request)
        let language = context.language
        guard let code = context.parameters.get("code"), !code.isEmpty, code.count <= 100 else {
            throw WebFailure(status: .notFound, message: .init(id: "Program tidak ditemukan.", en: "Program not found."))
        }
        let forNIP = CatalogueFormat.nip(FormData(request.uri.query ?? "")["untuk"])
        let carry: [(String, String)] = forNIP.map { [("untuk", $0)] } ?? []
        let client = programs(web, context, session)
        let program = try await client.getProgram(.init(code: code.uppercased()))
        var list = Binakarier_Programs_V1_ListSessionsRequest()
        list.programCode = program.code
        list.pageSize = 200
        var sessions: [ProgramSession] = []
        for _ in 0..<10 {
            let response = try await client.listSessions(list)
            sessions += response.sessions
            guard !response.nextPageToken.isEmpty else { break }
            list.pageToken = response.nextPageToken
        }
        if !session.isOrganizer { sessions.removeAll { $0.state == .draft } }
        // What one can still join first (soonest first), then the past (latest first).
        let active: Set<Binakarier_Programs_V1_SessionState> = [.draft, .open, .running]
        let upcoming = sessions.filter { active.contains($0.state) }.sorted { ($0.days.first?.date ?? "") < ($1.days.first?.date ?? "") }
        let past = sessions.filter { !active.contains($0.state) }.sorted { ($0.days.first?.date ?? "") > ($1.days.first?.date ?? "") }
        let competencyNames = Dictionary(try await competencies(client).map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first })
        let agencies = await agencyNames(web, context, session)

        var data: [String: Any] = [
            "program": [
                "code": program.code,
                "title": program.title,
                "kind": CatalogueFormat.label(program.kind, language),
                "jp": IndonesianNumber.format(Double(program.jp)),
                "organizer": agencies[program.organizerAgencyCode] ?? program.organizerAgencyCode,
            ] as [String: Any],
            "upcoming": upcoming.map { sessionRow($0, language: language, carry: carry) },
            "past": past.map { sessionRow($0, language: language, carry: carry) },
            "audience": CatalogueFormat.audience(program.audience, agencies: agencies, language: language),
            "competencies": program.competencies.map { target -> [String: Any] in
                ["name": competencyNames[target.competencyCode] ?? target.competencyCode, "code": target.competencyCode, "level": String(target.level)]
            },
            "goals": program.goals,
            "backHref": CatalogueFormat.url("/katalog", carry),
        ]
        if !program.description.isEmpty { data["description"] = program.description }
        if program.costRupiah > 0 { data["cost"] = CatalogueFormat.rupiah(program.costRupiah) }
        let rule = program.completion ?? .init()
        var completion = CatalogueFormat.fill(web.text("cat_completion_attendance", context), IndonesianNumber.format(Double(rule.minimumAttendancePercent == 0 ? 80 : rule.minimumAttendancePercent)))
        if rule.requiresPostTest {
            completion += " " + CatalogueFormat.fill(web.text("cat_completion_post_test", context), IndonesianNumber.format(rule.passMark, decimals: rule.passMark.rounded() == rule.passMark ? 0 : 1))
        }
        data["completion"] = completion
        let levels = program.evaluationLevels.filter { $0 != .unspecified }.map { CatalogueFormat.label($0, language) }
        if !levels.isEmpty { data["evaluation"] = levels.joined(separator: ", ") }
        if let forNIP { data["forNIP"] = forNIP }
        if session.isOrganizer { data["manageHref"] = "/kelola/program/" + CatalogueFormat.pathPart(program.code) }
        return web.page("cat_program", title: program.title, data: data, request: request, context: context)
    }

    // MARK: /sesi/:id

    /// What a POST left for the page to show: a message next to a form, the fields typed.
    private struct FormState {
        /// The form the message belongs to: "request", "cancel", "nominate", "enrol", "decide".
        var form = ""
        var error: String?
        var fieldErrors: [String: String] = [:]
        var values: [String: String] = [:]
        var enrolResults: [[String: Any]] = []
        /// The request a decide form was about.
        var nip = ""
    }

    private static func sessionPage(
        _ web: WebApp, request: Request, context: GatewayContext, session: WebSession, id: String, state: FormState = .init(),
        status: HTTPResponse.Status = .ok, flash: String? = nil
    ) async throws -> Response {
        let language = context.language
        let client = programs(web, context, session)
        let item = try await client.getSession(.init(id: id))
        let program = try? await client.getProgram(.init(code: item.programCode))
        let open = item.state == .open
        let active: Set<Binakarier_Programs_V1_SessionState> = [.draft, .open, .running]
        let left = max(0, Int(item.capacity) - Int(item.enrolledCount))
        let forNIP = CatalogueFormat.nip(FormData(request.uri.query ?? "")["untuk"]) ?? state.values["nip"]

        var data: [String: Any] = [
            "session": [
                "id": item.id,
                "batch": String(item.batch),
                "state": CatalogueFormat.label(item.state, language),
                "stateClass": CatalogueFormat.badge(item.state),
                "dates": CatalogueFormat.dateRange(item.days, language),
                "place": CatalogueFormat.place(item, language),
                "capacity": IndonesianNumber.format(Double(item.capacity)),
                "enrolled": IndonesianNumber.format(Double(item.enrolledCount)),
                "waitlisted": IndonesianNumber.format(Double(item.waitlistedCount)),
                "seatsLeft": IndonesianNumber.format(Double(left)),
                "full": left == 0,
                "open": open,
            ] as [String: Any],
            "days": item.days.map { day -> [String: Any] in
                [
                    "date": CatalogueFormat.date(day.date, language),
                    "weekday": CatalogueFormat.weekday(day.date, language),
                    "time": day.startTime.isEmpty ? "" : "\(day.startTime)–\(day.endTime)",
                    "jp": IndonesianNumber.format(Double(day.jp)),
                ]
            },
            "facilitators": item.facilitators.map { person -> [String: Any] in
                var row: [String: Any] = ["name": person.name.isEmpty ? person.nip : person.name]
                if !person.role.isEmpty { row["role"] = person.role }
                return row
            },
            "programHref": "/katalog/" + CatalogueFormat.pathPart(item.programCode),
            "programTitle": program?.title ?? item.programCode,
            "action": "/sesi/" + CatalogueFormat.pathPart(item.id),
        ]
        if let program { data["programJP"] = IndonesianNumber.format(Double(program.jp)) }
        if !item.onlineLink.isEmpty { data["onlineLink"] = item.onlineLink }
        if !item.cancelReason.isEmpty { data["cancelReason"] = item.cancelReason }
        if item.state == .cancelled { data["cancelled"] = true }

        // The person's own place.
        if !session.nip.isEmpty {
            var mine: [String: Any] = [:]
            let own = try await enrolments(of: session.nip, client).first { $0.sessionId == item.id }
            let holds = own.map { [.requested, .enrolled, .waitlisted].contains($0.state) } ?? false
            if let own, own.state != .unspecified {
                var place: [String: Any] = [
                    "state": CatalogueFormat.label(own.state, language),
                    "stateClass": CatalogueFormat.badge(own.state),
                    "explain": web.text("cat_explain_" + CatalogueFormat.slug(own.state), context),
                ]
                if own.state == .waitlisted, own.waitlistPosition > 0 {
                    place["position"] = CatalogueFormat.fill(web.text("cat_waitlist_position", context), String(own.waitlistPosition))
                }
                if own.completion == .completed || own.completion == .notCompleted {
                    place["placeCompletion"] = CatalogueFormat.label(own.completion, language)
                    place["completionClass"] = own.completion == .completed ? "ok" : "bad"
                }
                if !own.certificateNumber.isEmpty {
                    place["certificateHref"] = "/sertifikat/" + CatalogueFormat.certificateKey(own.certificateNumber)
                    place["certificateNumber"] = own.certificateNumber
                }
                if !own.cancelReason.isEmpty { place["placeReason"] = own.cancelReason }
                // Where a request stands in its approval chain, and the duty letter once confirmed.
                if own.state == .requested, own.approvalStage == .supervisor || own.approvalStage == .bkpsdm {
                    let key = own.approvalStage == .supervisor ? "cat_step_supervisor" : "cat_step_bkpsdm"
                    place["explain"] = web.text(key, context) + " " + DutyLetterPages.dateTime(own.stepDueTimeUnix, language) + "."
                }
                if own.state == .enrolled, !own.dutyLetterNumber.isEmpty {
                    place["dutyLetterHref"] = "/surat-tugas/\(own.sessionId)/\(own.nip)"
                    place["dutyLetterNumber"] = own.dutyLetterNumber
                }
                mine["place"] = place
            }
            if holds, active.contains(item.state) { mine["canCancel"] = true }
            if !holds, open { mine["canRequest"] = true }
            if !holds, !open, own == nil || !(own?.completion == .completed) { mine["closedNote"] = web.text("cat_not_open_note", context) }
            if state.form == "request" || state.form == "cancel" {
                mine["mineError"] = state.error
                if state.form == "cancel" { mine["cancelError"] = true } else { mine["requestError"] = true }
            }
            if let reason = state.values["alasan"], state.form == "cancel" { mine["typedReason"] = reason }
            data["mine"] = mine
        }

        // A supervisor (or agency head) nominates one of their staff.
        if open, session.has("supervisor") || session.has("agency_head"), !session.nip.isEmpty {
            let team = try await staff(of: session.nip, identity(web, context, session))
            var nominate: [String: Any] = [
                "staff": team.map { person -> [String: Any] in
                    ["nip": person.nip, "name": person.name, "selected": person.nip == forNIP]
                },
                "hasStaff": !team.isEmpty,
            ]
            if state.form == "nominate", let error = state.error {
                nominate["nominateError"] = error
            }
            data["nominate"] = nominate
        }

        // An organiser enrols by NIP and decides the requests.
        if session.isOrganizer {
            var organizer: [String: Any] = [
                "open": open, "results": [[String: Any]](), "requests": [[String: Any]](),
                "manageHref": "/kelola/sesi/" + CatalogueFormat.pathPart(item.id),
            ]
            if active.contains(item.state) {
                organizer["showRequests"] = true
                var pending = Binakarier_Programs_V1_ListEnrolmentsRequest()
                pending.sessionId = item.id
                pending.state = .requested
                pending.pageSize = 200
                let requests = try await client.listEnrolments(pending).enrolments
                var names: [String: String] = [:]
                let directory = identity(web, context, session)
                for enrolment in requests.prefix(50) {
                    names[enrolment.nip] = (try? await directory.getEmployee(.init(nip: enrolment.nip)))?.name
                }
                let knownNames = names
                if state.form == "decide", let error = state.error, !requests.contains(where: { $0.nip == state.nip }) {
                    organizer["decideError"] = error
                }
                organizer["requests"] = requests.map { enrolment -> [String: Any] in
                    var row: [String: Any] = [
                        "nip": enrolment.nip,
                        "name": knownNames[enrolment.nip] ?? enrolment.nip,
                        "agency": enrolment.agencyCode,
                        "when": CatalogueFormat.date(unix: enrolment.createTimeUnix, language),
                    ]
                    if state.form == "decide", state.nip == enrolment.nip, let error = state.error {
                        row["rowError"] = error
                        row["rowReason"] = state.values["alasan"] ?? ""
                    }
                    return row
                }
            }
            if state.form == "enrol" {
                if let error = state.error { organizer["enrolError"] = error }
                if let field = state.fieldErrors["nips"] { organizer["nipsError"] = field }
                if let field = state.fieldErrors["override_reason"] { organizer["overrideError"] = field }
                organizer["nips"] = state.values["nips"] ?? ""
                organizer["override"] = state.values["override"] ?? ""
                organizer["results"] = state.enrolResults
            }
            data["organizer"] = organizer
        }
        let title = CatalogueFormat.fill(web.text("cat_session_title", context), program?.title ?? item.programCode, String(item.batch))
        return web.page("cat_session", title: title, data: data, request: request, context: context, status: status, flash: flash)
    }

    /// The status a refused form comes back with.
    private static func status(for code: RPCStatusCode) -> HTTPResponse.Status {
        switch code {
        case .invalidArgument: .badRequest
        case .permissionDenied: .forbidden
        case .notFound: .notFound
        default: .conflict
        }
    }

    /// A refusal a form shows next to itself, or nil for anything else (that goes to the error page).
    private static func refusal(_ error: any Error) -> RPCError? {
        guard let error = error as? RPCError,
              [.invalidArgument, .failedPrecondition, .alreadyExists, .permissionDenied, .notFound, .resourceExhausted].contains(error.code)
        else { return nil }
        return error
    }

    private static func requestPlace(_ web: WebApp, request: Request, context: GatewayContext) async throws -> Response {
        let session = try context.requireSession(request)
        _ = try await FormData.read(request, context: context)
        let id = try sessionID(context)
        do {
            let enrolment = try await programs(web, context, session).requestEnrolment(.init(sessionId: id))
            return web.redirect("/sesi/" + CatalogueFormat.pathPart(id), message: enrolment.state == .requested ? "cat_msg_requested" : "cat_msg_saved")
        } catch {
            guard let error = refusal(error) else { throw error }
            let state = FormState(form: "request", error: CatalogueFormat.sentence(error.localized(context.language).message))
            return try await sessionPage(web, request: request, context: context, session: session, id: id, state: state, status: status(for: error.code))
        }
    }

    private static func cancelPlace(_ web: WebApp, request: Request, context: GatewayContext) async throws -> Response {
        let session = try context.requireSession(request)
        let form = try await FormData.read(request, context: context)
        let id = try sessionID(context)
        let reason = form.text("alasan")
        do {
            var cancel = Binakarier_Programs_V1_CancelEnrolmentRequest()
            cancel.sessionId = id
            cancel.nip = session.nip
            cancel.reason = reason
            _ = try await programs(web, context, session).cancelEnrolment(cancel)
            return web.redirect("/sesi/" + CatalogueFormat.pathPart(id), message: "cat_msg_cancelled")
        } catch {
            guard let error = refusal(error) else { throw error }
            let state = FormState(form: "cancel", error: CatalogueFormat.sentence(error.localized(context.language).message), values: ["alasan": reason])
            return try await sessionPage(web, request: request, context: context, session: session, id: id, state: state, status: status(for: error.code))
        }
    }

    /// Reads one Enrol result as a row, and whether it went through.
    private static func resultRow(_ result: Binakarier_Programs_V1_EnrolResult, names: [String: String], language: Language) -> (row: [String: Any], ok: Bool) {
        var row: [String: Any] = ["nip": result.nip, "name": names[result.nip] ?? ""]
        if let enrolment = result.enrolment, result.error.isEmpty {
            row["resultState"] = CatalogueFormat.label(enrolment.state, language)
            row["stateClass"] = CatalogueFormat.badge(enrolment.state)
            return (row, true)
        }
        // The daemon names the field ("nips: …"); here the row already says which NIP.
        row["resultError"] = CatalogueFormat.sentence(result.error.hasPrefix("nips: ") ? String(result.error.dropFirst(6)) : result.error)
        return (row, false)
    }

    private static func nominate(_ web: WebApp, request: Request, context: GatewayContext) async throws -> Response {
        let session = try context.requireSession(request)
        let form = try await FormData.read(request, context: context)
        let id = try sessionID(context)
        let nip = form.text("nip")
        guard CatalogueFormat.nip(nip) != nil else {
            let state = FormState(form: "nominate", error: web.text("cat_nominate_choose", context), values: ["nip": nip])
            return try await sessionPage(web, request: request, context: context, session: session, id: id, state: state, status: .badRequest)
        }
        do {
            var enrol = Binakarier_Programs_V1_EnrolRequest()
            enrol.sessionId = id
            enrol.nips = [nip]
            let result = try await programs(web, context, session).enrol(enrol).results.first ?? .init()
            if let enrolment = result.enrolment, result.error.isEmpty {
                return web.redirect("/sesi/" + CatalogueFormat.pathPart(id), message: enrolment.state == .waitlisted ? "cat_msg_nominated_waitlisted" : "cat_msg_nominated")
            }
            let state = FormState(form: "nominate", error: result.error.isEmpty ? web.text("cat_nominate_failed", context) : CatalogueFormat.sentence(result.error), values: ["nip": nip])
            return try await sessionPage(web, request: request, context: context, session: session, id: id, state: state, status: status(for: RPCStatusCode(wireValue: result.code)))
        } catch {
            guard let error = refusal(error) else { throw error }
            let state = FormState(form: "nominate", error: CatalogueFormat.sentence(error.localized(context.language).message), values: ["nip": nip])
            return try await sessionPage(web, request: request, context: context, session: session, id: id, state: state, status: status(for: error.code))
        }
    }

    private static func enrolByNIP(_ web: WebApp, request: Request, context: GatewayContext) async throws -> Response {
        let session = try context.requireSession(request)
        let form = try await FormData.read(request, context: context)
        let id = try sessionID(context)
        let typed = form.text("nips")
        let override = form.text("override")
        let nips = typed.split(whereSeparator: { $0 == "," || $0 == ";" || $0.isWhitespace }).map(String.init)
        var state = FormState(form: "enrol", values: ["nips": typed, "override": override])
        guard !nips.isEmpty else {
            state.fieldErrors["nips"] = web.text("cat_enrol_nips_required", context)
            return try await sessionPage(web, request: request, context: context, session: session, id: id, state: state, status: .badRequest)
        }
        do {
            var enrol = Binakarier_Programs_V1_EnrolRequest()
            enrol.sessionId = id
            enrol.nips = nips
            enrol.overrideReason = override
            let results = try await programs(web, context, session).enrol(enrol).results
            var names: [String: String] = [:]
            let directory = identity(web, context, session)
            for result in results.prefix(50) where result.error.isEmpty {
                names[result.nip] = (try? await directory.getEmployee(.init(nip: result.nip)))?.name
            }
            let knownNames = names
            let rows = results.map { resultRow($0, names: knownNames, language: context.language) }
            state.enrolResults = rows.map(\.row)
            let failed = rows.filter { !$0.ok }.count
            // What went through is saved; those refused stay in the field to be fixed.
            state.values["nips"] = zip(results, rows).filter { !$0.1.ok }.map(\.0.nip).joined(separator: "\n")
            if failed > 0 { state.fieldErrors["nips"] = CatalogueFormat.fill(web.text("cat_enrol_some_refused", context), String(failed), String(results.count)) }
            return try await sessionPage(web, request: request, context: context, session: session, id: id, state: state, status: failed == results.count ? .conflict : .ok,
                flash: failed < results.count ? web.text("cat_msg_enrolled", context) : nil)
        } catch {
            guard let error = refusal(error) else { throw error }
            let localized = error.localized(context.language)
            state.error = CatalogueFormat.sentence(localized.message)
            for violation in localized.fieldViolations {
                if violation.field.hasPrefix("nips") { state.fieldErrors["nips"] = CatalogueFormat.sentence(violation.description) }
                if violation.field.hasPrefix("override") { state.fieldErrors["override_reason"] = CatalogueFormat.sentence(violation.description) }
            }
            return try await sessionPage(web, request: request, context: context, session: session, id: id, state: state, status: status(for: error.code))
        }
    }

    private static func decide(_ web: WebApp, request: Request, context: GatewayContext) async throws -> Response {
        let session = try context.requireSession(request)
        let form = try await FormData.read(request, context: context)
        let id = try sessionID(context)
        let nip = form.text("nip")
        let approve = form["keputusan"] == "setujui"
        let reason = form.text("alasan")
        var state = FormState(form: "decide", values: ["alasan": reason], nip: nip)
        if !approve, reason.isEmpty {
            state.error = web.text("cat_reject_reason_required", context)
            return try await sessionPage(web, request: request, context: context, session: session, id: id, state: state, status: .badRequest)
        }
        do {
            var decision = Binakarier_Programs_V1_DecideEnrolmentRequest()
            decision.sessionId = id
            decision.nip = nip
            decision.approve = approve
            decision.reason = reason
            let enrolment = try await programs(web, context, session).decideEnrolment(decision)
            let message = !approve ? "cat_msg_rejected" : enrolment.state == .waitlisted ? "cat_msg_approved_waitlisted" : "cat_msg_approved"
            return web.redirect("/sesi/" + CatalogueFormat.pathPart(id), message: message)
        } catch {
            guard let error = refusal(error) else { throw error }
            state.error = CatalogueFormat.sentence(error.localized(context.language).message)
            return try await sessionPage(web, request: request, context: context, session: session, id: id, state: state, status: status(for: error.code))
        }
    }

    // MARK: /tim

    private static func team(_ web: WebApp, request: Request, context: GatewayContext) async throws -> Response {
        let session = try context.requireSession(request)
        guard !session.nip.isEmpty, session.has("supervisor") || session.has("agency_head") else {
            throw WebFailure(status: .forbidden, message: .init(id: "Halaman ini untuk atasan langsung.", en: "This page is for direct supervisors."))
        }
        let year = CatalogueFormat.thisYear
        let people = try await staff(of: session.nip, identity(web, context, session))
        let client = programs(web, context, session)
        var rows: [[String: Any]] = []
        var meeting = 0
        for person in people {
            var row: [String: Any] = [
                "nip": person.nip,
                "name": person.name,
                "ledgerHref": CatalogueFormat.url("/jp", [("nip", person.nip)]),
                "nominateHref": CatalogueFormat.url("/katalog", [("untuk", person.nip)]),
            ]
            if !person.positionTitle.isEmpty { row["position"] = person.positionTitle }
            if let ledger = try await ledgerIfVisible(person.nip, year: year, client) {
                row.merge(CatalogueFormat.jpSummary(ledger, web: web, context: context)) { _, new in new }
                if ledger.meetsTarget { meeting += 1 }
            } else {
                row["noLedger"] = true
            }
            rows.append(row)
        }
        let units = await LearningPages.unitGaps(web, context: context, session: session)
        let data: [String: Any] = [
            "units": units,
            "hasUnits": !units.isEmpty,
            "year": String(year),
            "staff": rows,
            "summary": CatalogueFormat.fill(web.text("cat_team_summary", context), String(meeting), String(people.count)),
        ]
        return web.page("cat_team", title: web.text("cat_team_title", context), data: data, request: request, context: context)
    }

    /// A staff member's ledger, or nil when programs does not know them or does not show it to the caller.
    private static func ledgerIfVisible(_ nip: String, year: Int32, _ client: ProgramsClient) async throws -> Binakarier_Programs_V1_Ledger? {
        var ask = Binakarier_Programs_V1_GetLedgerRequest()
        ask.nip = nip
        ask.year = year
        do {
            return try await client.getLedger(ask)
        } catch {
            if error.code == .notFound || error.code == .permissionDenied { return nil }
            throw error
        }
    }

    // MARK: /jp

    private static func ledger(_ web: WebApp, request: Request, context: GatewayContext) async throws -> Response {
        let session = try context.requireSession(request)
        let language = context.language
        let query = FormData(request.uri.query ?? "")
        let thisYear = CatalogueFormat.thisYear
        var year = query["tahun"].flatMap { Int32($0) } ?? thisYear
        if !(2000...2100).contains(year) { year = thisYear }
        let nip = CatalogueFormat.nip(query["nip"]) ?? session.nip
        var data: [String: Any] = [
            "year": String(year),
            "years": ((thisYear - 4)...thisYear).reversed().map { ["value": String($0), "selected": $0 == year] as [String: Any] },
        ]
        guard !nip.isEmpty else {
            data["noNIP"] = true
            return web.page("cat_ledger", title: web.text("cat_ledger_title", context), data: data, request: request, context: context)
        }
        var ask = Binakarier_Programs_V1_GetLedgerRequest()
        ask.nip = nip
        ask.year = year
        let ledger = try await programs(web, context, session).getLedger(ask)
        if nip != session.nip {
            data["otherNIP"] = nip
            data["otherName"] = (try? await identity(web, context, session).getEmployee(.init(nip: nip)))?.name ?? nip
        }
        data["summary"] = CatalogueFormat.jpSummary(ledger, web: web, context: context)
        if ledger.jpGap > 0 {
            data["gap"] = CatalogueFormat.fill(web.text("lrn_gap", context), String(ledger.jpGap), String(ledger.jpTarget))
        }
        if nip == session.nip { data["reportHref"] = "/jp/lapor" }
        data["entries"] = ledger.entries.sorted { $0.startDate > $1.startDate }.map { entry -> [String: Any] in
            var row: [String: Any] = [
                "title": entry.title,
                "source": CatalogueFormat.label(entry.source, language),
                "dates": entry.startDate == entry.endDate || entry.endDate.isEmpty
                    ? CatalogueFormat.date(entry.startDate, language)
                    : CatalogueFormat.date(entry.startDate, language) + " – " + CatalogueFormat.date(entry.endDate, language),
                "jp": IndonesianNumber.format(Double(entry.jp)),
                "state": CatalogueFormat.label(entry.state, language),
                "stateClass": entry.state == .verified ? "ok" : entry.state == .rejected ? "bad" : "warn",
            ]
            if entry.source == .session, !entry.sessionId.isEmpty { row["sessionHref"] = "/sesi/" + CatalogueFormat.pathPart(entry.sessionId) }
            if !entry.rejectReason.isEmpty { row["rejectReason"] = entry.rejectReason }
            if entry.state == .pending, entry.needsValidation, entry.validatedBy.isEmpty { row["state"] = web.text("lrn_waiting_validation", context) }
            if !entry.provider.isEmpty { row["provider"] = entry.provider }
            if entry.kind != .unspecified { row["kind"] = CatalogueFormat.label(entry.kind, language) }
            return row
        }
        if nip != session.nip { data["nip"] = nip }
        return web.page("cat_ledger", title: web.text("cat_ledger_title", context), data: data, request: request, context: context)
    }

    // MARK: /sertifikat

    private static func certificates(_ web: WebApp, request: Request, context: GatewayContext) async throws -> Response {
        let session = try context.requireSession(request)
        let language = context.language
        var data: [String: Any] = ["certificates": [[String: Any]]()]
        if session.nip.isEmpty {
            data["noNIP"] = true
        } else {
            let list = try await programs(web, context, session).listCertificates(.init(nip: session.nip)).certificates
            data["certificates"] = list.sorted { $0.issueDate > $1.issueDate }.map { certificateRow($0, language: language) }
        }
        return web.page("cat_certificates", title: web.text("cat_certificates_title", context), data: data, request: request, context: context)
    }

    static func certificateRow(_ certificate: Binakarier_Programs_V1_Certificate, language: Language) -> [String: Any] {
        var row: [String: Any] = [
            "number": certificate.number,
            "href": "/sertifikat/" + CatalogueFormat.certificateKey(certificate.number),
            "program": certificate.programTitle,
            "date": CatalogueFormat.date(certificate.issueDate, language),
            "jp": IndonesianNumber.format(Double(certificate.jp)),
        ]
        if certificate.revoked { row["revoked"] = true }
        return row
    }

    private static func certificate(_ web: WebApp, request: Request, context: GatewayContext) async throws -> Response {
        let session = try context.requireSession(request)
        let language = context.language
        guard let key = context.parameters.get("kunci"), let number = CatalogueFormat.certificateNumber(fromKey: key) else {
            throw WebFailure(status: .notFound, message: .init(id: "Sertifikat tidak ditemukan.", en: "Certificate not found."))
        }
        let client = programs(web, context, session)
        let certificate = try await client.getCertificate(.init(number: number))
        let held = try? await client.getSession(.init(id: certificate.sessionId))
        let verifyPath = CatalogueFormat.verificationPath(code: certificate.verificationCode, number: certificate.number)
        let verifyURL = CatalogueFormat.absolute(verifyPath, request: request, secure: web.renderer.secureCookies)
        var data: [String: Any] = [
            "certificate": [
                "number": certificate.number,
                "holder": certificate.holderName.isEmpty ? certificate.nip : certificate.holderName,
                "nip": certificate.nip,
                "program": certificate.programTitle,
                "jp": IndonesianNumber.format(Double(certificate.jp)),
                "issued": CatalogueFormat.date(certificate.issueDate, language),
                "dates": held.map { CatalogueFormat.dateRange($0.days, language) } ?? CatalogueFormat.date(certificate.issueDate, language),
                "verifyURL": verifyURL,
                "verifyHref": verifyPath,
                "code": certificate.verificationCode,
            ] as [String: Any],
        ]
        if let held, !held.venue.isEmpty { data["venue"] = held.venue }
        if certificate.revoked {
            data["revoked"] = true
            if !certificate.revokeReason.isEmpty { data["revokeReason"] = certificate.revokeReason }
        }
        if let qr = QRCode.svg(verifyURL, label: web.text("cat_qr_label", context) + " " + certificate.number) { data["qr"] = qr }
        return web.page("cat_certificate", title: web.text("cat_certificate_title", context) + " " + certificate.number, data: data, request: request, context: context)
    }

    // MARK: /verifikasi (public)

    private static func verifyForm(_ web: WebApp, request: Request, context: GatewayContext) async throws -> Response {
        let query = FormData(request.uri.query ?? "")
        let number = String(query["nomor"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let code = String(query["kode"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if !number.isEmpty, !code.isEmpty, code.count <= 300, !code.contains("/") {
            return web.redirect(CatalogueFormat.verificationPath(code: code, number: number))
        }
        var data: [String: Any] = ["number": number, "code": code]
        if !(request.uri.query ?? "").isEmpty, number.isEmpty || code.isEmpty { data["error"] = web.text("cat_verify_both_required", context) }
        return web.page("cat_verify_form", title: web.text("cat_verify_title", context), data: data, request: request, context: context,
            status: data["error"] == nil ? .ok : .badRequest)
    }

    private static func verify(_ web: WebApp, request: Request, context: GatewayContext) async throws -> Response {
        let language = context.language
        let code = context.parameters.get("kode") ?? ""
        let number = FormData(request.uri.query ?? "").text("nomor").trimmingCharacters(in: .whitespacesAndNewlines)
        if number.isEmpty {
            // A code without its number cannot be checked: ask for the number printed on the certificate.
            return web.page("cat_verify_form", title: web.text("cat_verify_title", context), data: ["code": code, "number": ""], request: request, context: context)
        }
        var ask = Binakarier_Programs_V1_VerifyCertificateRequest()
        ask.number = number
        ask.verificationCode = code
        let answer = try await Binakarier_Programs_V1_ProgramsService.Client(web.daemons.programs, metadata: context.anonymousMetadata).verifyCertificate(ask)
        var data: [String: Any] = ["valid": answer.valid, "number": number]
        if !answer.reason.isEmpty { data["reason"] = CatalogueFormat.sentence(answer.reason) }
        if let certificate = answer.certificate {
            var shown: [String: Any] = [
                "number": certificate.number,
                "program": certificate.programTitle,
                "jp": IndonesianNumber.format(Double(certificate.jp)),
                "issued": CatalogueFormat.date(certificate.issueDate, language),
            ]
            if !certificate.holderName.isEmpty { shown["holder"] = certificate.holderName }
            if !certificate.nip.isEmpty { shown["nip"] = certificate.nip }
            if !certificate.sessionId.isEmpty { shown["session"] = certificate.sessionId }
            if certificate.revoked { shown["revoked"] = true }
            data["certificate"] = shown
        }
        let title = web.text(answer.valid ? "cat_verify_valid" : "cat_verify_invalid", context)
        return web.page("cat_verify", title: title, data: data, request: request, context: context,
            status: answer.certificate == nil && !answer.valid ? .notFound : .ok)
    }
}

/// Formats and small conversions the catalogue and home pages share: dates in Indonesian, labels of the
/// programs' enums, rupiah, URL-safe keys.
enum CatalogueFormat {
    static let zone = TimeZone(identifier: "Asia/Jakarta") ?? TimeZone(secondsFromGMT: 7 * 3600)!

    static var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar
    }

    /// This year in WIB.
    static var thisYear: Int32 { Int32(calendar.component(.year, from: Date())) }

    /// Today, YYYY-MM-DD in WIB.
    static var today: String {
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }

    /// "2026-03-30" → "30 Maret 2026" ("30 March 2026"); anything else as given.
    static func date(_ ymd: String, _ language: Language) -> String {
        let parts = ymd.split(separator: "-")
        guard parts.count == 3, let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]), (1...12).contains(month) else { return ymd }
        return "\(day) \(Strings.text("cat_month_\(month)", language)) \(year)"
    }

    static func date(unix: Int64, _ language: Language) -> String {
        guard unix > 0 else { return "" }
        let parts = calendar.dateComponents([.year, .month, .day], from: Date(timeIntervalSince1970: TimeInterval(unix)))
        return date(String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0), language)
    }

    /// The day of the week of a YYYY-MM-DD date.
    static func weekday(_ ymd: String, _ language: Language) -> String {
        let parts = ymd.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, let day = calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2])) else { return "" }
        return Strings.text("cat_weekday_\(calendar.component(.weekday, from: day))", language)
    }

    /// The first to the last day of a session.
    static func dateRange(_ days: [Binakarier_Programs_V1_SessionDay], _ language: Language) -> String {
        let dates = days.map(\.date).sorted()
        guard let first = dates.first, let last = dates.last else { return "" }
        return first == last ? date(first, language) : date(first, language) + " – " + date(last, language)
    }

    static func place(_ session: Binakarier_Programs_V1_Session, _ language: Language) -> String {
        if !session.venue.isEmpty { return session.venue }
        return Strings.text(session.onlineLink.isEmpty ? "cat_place_unknown" : "cat_place_online", language)
    }

    /// The text of an enum value: the key `cat_<proto name in lower case>`.
    static func label<Value: ProtoEnum>(_ value: Value, _ language: Language) -> String {
        Strings.text("cat_" + value.protoName.lowercased(), language)
    }

    /// An enum value's name without its type prefix, lower case: PROGRAM_KIND_E_LEARNING → e_learning.
    static func slug<Value: ProtoEnum>(_ value: Value) -> String {
        let name = value.protoName
        let prefix = (Value.allCases.first { $0.rawValue == 0 }?.protoName ?? "").replacingOccurrences(of: "UNSPECIFIED", with: "")
        return (name.hasPrefix(prefix) ? String(name.dropFirst(prefix.count)) : name).lowercased()
    }

    static func kind(slug: String) -> Binakarier_Programs_V1_ProgramKind {
        guard !slug.isEmpty else { return .unspecified }
        return Binakarier_Programs_V1_ProgramKind(protoName: "PROGRAM_KIND_" + slug.uppercased()) ?? .unspecified
    }

    static func badge(_ state: Binakarier_Programs_V1_SessionState) -> String {
        switch state {
        case .open: "ok"
        case .running: "warn"
        case .cancelled: "bad"
        default: ""
        }
    }

    static func badge(_ state: Binakarier_Programs_V1_EnrolmentState) -> String {
        switch state {
        case .enrolled: "ok"
        case .requested, .waitlisted: "warn"
        case .cancelled, .rejected: "bad"
        default: ""
        }
    }

    /// GOLONGAN_III_A → III/a.
    static func golongan(_ value: Binakarier_Identity_V1_Golongan) -> String {
        let parts = value.protoName.split(separator: "_")
        guard parts.count == 3 else { return value.protoName }
        return "\(parts[1])/\(parts[2].lowercased())"
    }

    /// A daemon's message as a sentence: a capital first letter and a full stop.
    static func sentence(_ text: String) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let first = trimmed.first else { return trimmed }
        let capitalised = first.uppercased() + trimmed.dropFirst()
        return ".!?".contains(capitalised.last ?? ".") ? capitalised : capitalised + "."
    }

    /// A text with `{1}`, `{2}`… filled in.
    static func fill(_ template: String, _ values: String...) -> String {
        var text = template
        for (index, value) in values.enumerated() { text = text.replacingOccurrences(of: "{\(index + 1)}", with: value) }
        return text
    }

    static func rupiah(_ amount: Int64) -> String { "Rp " + IndonesianNumber.format(Double(amount)) }

    /// Who a program is for, one line each.
    static func audience(_ audience: Binakarier_Programs_V1_TargetAudience?, agencies: [String: String], language: Language) -> [String] {
        guard let audience else { return [Strings.text("cat_audience_everyone", language)] }
        var lines: [String] = []
        if !audience.agencyCodes.isEmpty {
            lines.append(Strings.text("cat_audience_agencies", language) + ": " + audience.agencyCodes.map { agencies[$0] ?? $0 }.joined(separator: ", "))
        }
        if !audience.jobLevels.isEmpty {
            lines.append(Strings.text("cat_audience_levels", language) + ": " + audience.jobLevels.map { label($0, language) }.joined(separator: ", "))
        }
        if audience.golonganMin != .unspecified || audience.golonganMax != .unspecified {
            let low = audience.golonganMin == .unspecified ? "I/a" : golongan(audience.golonganMin)
            let high = audience.golonganMax == .unspecified ? "IV/e" : golongan(audience.golonganMax)
            lines.append(Strings.text("cat_audience_golongan", language) + ": " + low + " – " + high)
        }
        if audience.asnType != .unspecified {
            lines.append(Strings.text("cat_audience_asn_type", language) + ": " + label(audience.asnType, language))
        }
        return lines.isEmpty ? [Strings.text("cat_audience_everyone", language)] : lines
    }

    /// The JP of a ledger against its target, as a template's `summary`.
    static func jpSummary(_ ledger: Binakarier_Programs_V1_Ledger, web: WebApp, context: GatewayContext) -> [String: Any] {
        let target = max(1, Int(ledger.jpTarget))
        let verified = Int(ledger.jpVerified)
        let pppk = ledger.asnType == .pppk
        var summary: [String: Any] = [
            "verified": IndonesianNumber.format(Double(verified)),
            "pending": IndonesianNumber.format(Double(ledger.jpPending)),
            "target": IndonesianNumber.format(Double(target)),
            "meterValue": String(min(verified, target)),
            "meterMax": String(target),
            "meterLow": String(max(1, target / 2)),
            "meets": ledger.meetsTarget,
            "hasPending": ledger.jpPending > 0,
        ]
        if pppk {
            summary["ceiling"] = true
            summary["status"] = CatalogueFormat.fill(web.text(ledger.meetsTarget ? "cat_jp_within_ceiling" : "cat_jp_over_ceiling", context), IndonesianNumber.format(Double(target)))
        } else if ledger.meetsTarget {
            summary["status"] = web.text("cat_jp_met", context)
        } else {
            summary["status"] = CatalogueFormat.fill(web.text("cat_jp_missing", context), IndonesianNumber.format(Double(target - verified)))
        }
        summary["meterLabel"] = CatalogueFormat.fill(web.text(pppk ? "cat_jp_meter_ceiling" : "cat_jp_meter", context), IndonesianNumber.format(Double(verified)), IndonesianNumber.format(Double(target)))
        return summary
    }

    /// A program matches a search when the text is in its title, code, description or goals.
    static func matches(_ program: Binakarier_Programs_V1_Program, _ text: String) -> Bool {
        let options: String.CompareOptions = [.caseInsensitive, .diacriticInsensitive]
        return ([program.title, program.code, program.description] + program.goals).contains { $0.range(of: text, options: options) != nil }
    }

    /// An 18-digit NIP, or nil.
    static func nip(_ text: String?) -> String? {
        guard let text, text.count == 18, text.allSatisfy(\.isASCII), text.allSatisfy(\.isNumber) else { return nil }
        return text
    }

    /// A path segment: percent-encoded but for letters, digits and `-._~`.
    static func pathPart(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
    }

    static let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    /// A local URL with a query.
    static func url(_ path: String, _ query: [(String, String)]) -> String {
        guard !query.isEmpty else { return path }
        let allowed = unreserved.union(CharacterSet(charactersIn: "/:"))
        return path + "?" + query.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")" }.joined(separator: "&")
    }

    /// Certificate numbers hold `/` (800/BKPSDM/2026/0001): in a URL each becomes `~`, and anything else
    /// outside letters, digits and `-._` is percent-encoded (a `~` of the number too, so the key reads back).
    static func certificateKey(_ number: String) -> String {
        let allowed = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._")
        return (number.addingPercentEncoding(withAllowedCharacters: allowed) ?? "").replacingOccurrences(of: "%2F", with: "~")
    }

    static func certificateNumber(fromKey key: String) -> String? {
        guard !key.isEmpty, key.count <= 300 else { return nil }
        return key.replacingOccurrences(of: "~", with: "%2F").removingPercentEncoding
    }

    /// The public page that checks a certificate: its code in the path, its number in the query.
    static func verificationPath(code: String, number: String) -> String {
        url("/verifikasi/" + pathPart(code), [("nomor", number)])
    }

    /// An absolute URL on the host the request came to (its Host header, when it is a plain host name);
    /// else the path.
    static func absolute(_ path: String, request: Request, secure: Bool) -> String {
        let host = request.head.authority ?? ""
        let allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-:[]")
        guard !host.isEmpty, host.count <= 255, host.unicodeScalars.allSatisfy({ allowed.contains($0) }) else { return path }
        return (secure ? "https://" : "http://") + host + path
    }
}
