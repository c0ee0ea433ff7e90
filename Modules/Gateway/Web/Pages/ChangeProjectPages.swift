import BKProto
import BKRPC
import Foundation
import Hummingbird

/// Change projects (aksi perubahan) of leadership training: `/aksi-perubahan` (one's own projects, those
/// one mentors or coaches, an agency head's agency's), `/aksi-perubahan/baru` (the participant writes
/// theirs), `/aksi-perubahan/:id` (milestones with the report form for the participant, the decision for
/// the mentor, comments), `/aksi-perubahan/mentor` (the mentor's queue) and
/// `/kelola/sesi/:id/aksi-perubahan` (the organiser's overview of a batch). Feedback decides who sees and
/// does what; these pages show the forms the caller's part in a project calls for.
enum ChangeProjectPages {
    typealias Feedback = Binakarier_Feedback_V1_FeedbackService.Client
    typealias Project = Binakarier_Feedback_V1_ChangeProject
    typealias Milestone = Binakarier_Feedback_V1_Milestone

    /// Milestone rows on the form of a new project.
    static let formRows = 5

    static func register(_ web: WebApp) {
        web.get("/aksi-perubahan") { request, context in
            let session = try context.requireSession(request)
            return try await index(web, request: request, context: context, session: session)
        }
        web.get("/aksi-perubahan/baru") { request, context in
            _ = try context.requireSession(request)
            let values = ["sesi": request.uri.queryParameters["sesi"].map(String.init) ?? ""]
            return newForm(web, request: request, context: context, values: values, rows: blankRows(), errors: [:])
        }
        web.post("/aksi-perubahan/baru") { request, context in
            let session = try context.requireSession(request)
            let form = try await FormData.read(request, context: context)
            return try await create(web, request: request, context: context, session: session, form: form)
        }
        web.get("/aksi-perubahan/mentor") { request, context in
            let session = try context.requireSession(request)
            return try await queue(web, request: request, context: context, session: session)
        }
        web.get("/aksi-perubahan/:id") { request, context in
            let session = try context.requireSession(request)
            return try await detail(web, request: request, context: context, session: session, id: id(context))
        }
        web.post("/aksi-perubahan/:id/tahapan/:milestone/lapor") { request, context in
            let session = try context.requireSession(request)
            let form = try await FormData.read(request, context: context)
            let project = try id(context), milestone = context.parameters.get("milestone") ?? ""
            switch try await ManagePages.attempt({
                try await feedback(web, context, session).reportMilestone(.init(
                    projectId: project, milestoneId: milestone, report: form.text("laporan"), evidence: form.text("bukti")))
            }) {
            case .success: return web.redirect("/aksi-perubahan/\(project)", message: "ap_msg_reported")
            case .failure(let error):
                return try await detail(web, request: request, context: context, session: session, id: project,
                                        errorAt: (milestone, ManagePages.sentence(error.localized(context.language).message)), status: ManagePages.status(for: error))
            }
        }
        web.post("/aksi-perubahan/:id/tahapan/:milestone/tinjau") { request, context in
            let session = try context.requireSession(request)
            let form = try await FormData.read(request, context: context)
            let project = try id(context), milestone = context.parameters.get("milestone") ?? ""
            let confirm = form.text("keputusan") == "konfirmasi"
            let back = form.text("kembali") == "antrean" ? "antrean" : "proyek"
            func failed(_ message: String, _ status: HTTPResponse.Status) async throws -> Response {
                back == "antrean"
                    ? try await queue(web, request: request, context: context, session: session, errorAt: (project, milestone, message), status: status)
                    : try await detail(web, request: request, context: context, session: session, id: project, errorAt: (milestone, message), status: status)
            }
            if !confirm, form.text("catatan").isEmpty { return try await failed(web.text("ap_note_required", context), .badRequest) }
            switch try await ManagePages.attempt({
                try await feedback(web, context, session).reviewMilestone(.init(
                    projectId: project, milestoneId: milestone, decision: confirm ? .confirmed : .returned, note: form.text("catatan")))
            }) {
            case .success:
                let message = confirm ? "ap_msg_confirmed" : "ap_msg_returned"
                return web.redirect(back == "antrean" ? "/aksi-perubahan/mentor" : "/aksi-perubahan/\(project)", message: message)
            case .failure(let error):
                return try await failed(ManagePages.sentence(error.localized(context.language).message), ManagePages.status(for: error))
            }
        }
        web.post("/aksi-perubahan/:id/komentar") { request, context in
            let session = try context.requireSession(request)
            let form = try await FormData.read(request, context: context)
            let project = try id(context)
            switch try await ManagePages.attempt({
                try await feedback(web, context, session).commentChangeProject(.init(
                    projectId: project, milestoneId: form.text("tahapan"), text: form.text("komentar")))
            }) {
            case .success: return web.redirect("/aksi-perubahan/\(project)", message: "ap_msg_commented")
            case .failure(let error):
                return try await detail(web, request: request, context: context, session: session, id: project,
                                        commentError: ManagePages.sentence(error.localized(context.language).message), status: ManagePages.status(for: error))
            }
        }
        web.get("/kelola/sesi/:id/aksi-perubahan") { request, context in
            let session = try context.requireSession(request)
            guard session.isOrganizer else {
                throw WebFailure(status: .forbidden, message: .init(id: "Halaman ini untuk BKPSDM.", en: "This page is for BKPSDM."))
            }
            return try await overview(web, request: request, context: context, session: session, sessionID: id(context))
        }
    }

    static func id(_ context: GatewayContext) throws -> String {
        let id = (context.parameters.get("id") ?? "").uppercased()
        guard !id.isEmpty, id.count <= 64, id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) else {
            throw WebFailure(status: .notFound, message: .init(id: "Halaman tidak ditemukan.", en: "Page not found."))
        }
        return id
    }

    static func feedback(_ web: WebApp, _ context: GatewayContext, _ session: WebSession) -> Feedback {
        Feedback(web.daemons.feedback, metadata: context.metadata(session))
    }

    static func all(_ client: Feedback, _ request: Binakarier_Feedback_V1_ListChangeProjectsRequest) async throws -> [Project] {
        var request = request
        request.pageSize = 200
        var found: [Project] = []
        repeat {
            let page = try await client.listChangeProjects(request)
            found += page.projects
            request.pageToken = page.nextPageToken
        } while !request.pageToken.isEmpty && found.count < 2000
        return found
    }

    /// "Nama (NIP)" by NIP, for the people a page names.
    static func names(_ web: WebApp, _ context: GatewayContext, _ session: WebSession, _ nips: [String]) async -> [String: String] {
        let people = await ManagePages.employees(ManagePages.identity(web, context, session), nips: nips.filter { !$0.isEmpty })
        return people.mapValues(\.name)
    }

    static func person(_ nip: String, _ names: [String: String]) -> String {
        guard !nip.isEmpty else { return "-" }
        return names[nip].map { "\($0) (\(nip))" } ?? nip
    }

    static func stateKey(_ state: Binakarier_Feedback_V1_MilestoneState) -> String {
        switch state {
        case .reported: "ap_state_reported"
        case .confirmed: "ap_state_confirmed"
        case .returned: "ap_state_returned"
        default: "ap_state_planned"
        }
    }

    static func termKey(_ term: Binakarier_Feedback_V1_MilestoneTerm) -> String {
        switch term {
        case .medium: "ap_term_medium"
        case .long: "ap_term_long"
        default: "ap_term_short"
        }
    }

    static func listEntry(_ project: Project, _ names: [String: String]) -> [String: Any] {
        var entry: [String: Any] = [
            "id": project.id, "title": project.title, "participant": person(project.participantNip, names), "training": project.training,
            "session": project.sessionId, "confirmed": "\(project.confirmed)", "total": "\(project.milestones.count)",
            "completed": project.state == .completed,
        ]
        if project.awaitingReview > 0 { entry["waiting"] = "\(project.awaitingReview)" }
        return entry
    }

    // MARK: /aksi-perubahan

    static func index(_ web: WebApp, request: Request, context: GatewayContext, session: WebSession) async throws -> Response {
        let client = feedback(web, context, session)
        let visible = try await all(client, .init())
        let me = session.nip
        let mine = visible.filter { !me.isEmpty && $0.participantNip == me }
        let mentored = visible.filter { !me.isEmpty && $0.mentorNip == me }
        let coached = visible.filter { !me.isEmpty && $0.coachNip == me }
        // Organisers reach every project from the batches' overviews; a head's list is their agency's.
        let agency = session.has("agency_head") ? visible.filter { $0.agencyCode == session.agencyCode && $0.participantNip != me } : []
        let names = await names(web, context, session, (mine + mentored + coached + agency).map(\.participantNip))
        let queued = mentored.reduce(0) { $0 + Int($1.awaitingReview) }
        let data: [String: Any] = [
            "mine": mine.map { listEntry($0, names) }, "hasMine": !mine.isEmpty,
            "mentored": mentored.map { listEntry($0, names) }, "hasMentored": !mentored.isEmpty,
            "coached": coached.map { listEntry($0, names) }, "hasCoached": !coached.isEmpty,
            "agency": agency.map { listEntry($0, names) }, "hasAgency": !agency.isEmpty,
            "hasQueue": queued > 0, "queueCount": "\(queued)",
        ]
        return web.page("ap_index", title: web.text("ap_title", context), data: data, request: request, context: context)
    }

    // MARK: /aksi-perubahan/baru

    static func blankRows() -> [[String: Any]] {
        // Every key the row reads is set: a missing one would be looked up in the page (its `title`).
        (1...formRows).map { ["n": "\($0)", "title": "", "due": "", "output": "", "short": $0 <= 2, "medium": $0 > 2, "long": false] }
    }

    static func newForm(
        _ web: WebApp, request: Request, context: GatewayContext, values: [String: String], rows: [[String: Any]], errors: [String: String],
        formError: String? = nil, status: HTTPResponse.Status = .ok
    ) -> Response {
        var data: [String: Any] = ["values": values, "rows": rows, "err": errors, "hasErrors": !errors.isEmpty || formError != nil]
        if let formError { data["formError"] = formError }
        return web.page("ap_new", title: web.text("ap_new", context), data: data, request: request, context: context, status: status)
    }

    static func create(_ web: WebApp, request: Request, context: GatewayContext, session: WebSession, form: FormData) async throws -> Response {
        let values = ["sesi": form.text("sesi"), "judul": form.text("judul"), "isu": form.text("isu"), "tujuan": form.text("tujuan")]
        var rows: [[String: Any]] = []
        var milestones: [Milestone] = []
        // The n-th milestone sent is the form's row `rowOf[n]` (empty rows are left out).
        var rowOf: [Int] = []
        for n in 1...formRows {
            let title = form.text("t\(n)-judul"), term = form.text("t\(n)-jangka"), due = form.text("t\(n)-tenggat"), output = form.text("t\(n)-keluaran")
            rows.append(["n": "\(n)", "title": title, "due": due, "output": output,
                         "short": term == "pendek", "medium": term == "menengah", "long": term == "panjang"])
            guard !(title.isEmpty && due.isEmpty && output.isEmpty) else { continue }
            let kind: Binakarier_Feedback_V1_MilestoneTerm = term == "menengah" ? .medium : term == "panjang" ? .long : .short
            milestones.append(.init(title: title, term: kind, dueDate: due, output: output))
            rowOf.append(n)
        }
        let project = Project(sessionId: values["sesi"] ?? "", title: values["judul"] ?? "", problem: values["isu"] ?? "", goal: values["tujuan"] ?? "",
                              milestones: milestones)
        switch try await ManagePages.attempt({ try await feedback(web, context, session).createChangeProject(.init(project: project)) }) {
        case .success(let created):
            return web.redirect("/aksi-perubahan/\(created.id)", message: "ap_msg_created")
        case .failure(let error):
            let localized = error.localized(context.language)
            var errors: [String: String] = [:]
            var general: [String] = []
            for violation in localized.fieldViolations {
                let text = ManagePages.sentence(violation.description)
                switch violation.field {
                case "project.session_id": errors["sesi"] = text
                case "project.title": errors["judul"] = text
                case "project.milestones": errors["tahapan"] = text
                default:
                    // project.milestones[i].field → the row it came from.
                    if violation.field.hasPrefix("project.milestones["), let close = violation.field.firstIndex(of: "]"),
                        let index = Int(violation.field[violation.field.index(violation.field.startIndex, offsetBy: 19)..<close]), index < rowOf.count {
                        rows[rowOf[index] - 1]["error"] = text
                        errors["t\(rowOf[index])"] = text
                    } else {
                        general.append(text)
                    }
                }
            }
            if localized.fieldViolations.isEmpty {
                // A refusal about the batch (not a leadership training, not enrolled, one already): by the batch field.
                errors["sesi"] = ManagePages.sentence(localized.message)
            }
            let status: HTTPResponse.Status = error.code == .permissionDenied ? .forbidden : ManagePages.status(for: error)
            return newForm(web, request: request, context: context, values: values, rows: rows, errors: errors,
                           formError: general.isEmpty ? nil : general.joined(separator: " "), status: status)
        }
    }

    // MARK: /aksi-perubahan/:id

    static func detail(
        _ web: WebApp, request: Request, context: GatewayContext, session: WebSession, id: String, errorAt: (milestone: String, message: String)? = nil,
        commentError: String? = nil, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let client = feedback(web, context, session)
        let project: Project
        do {
            project = try await client.getChangeProject(.init(id: id))
        } catch {
            guard error.code == .notFound else { throw error }
            throw WebFailure(status: .notFound, message: .init(id: "Aksi perubahan \(id) tidak ditemukan.", en: "Change project \(id) not found."))
        }
        let language = context.language
        let me = session.nip
        let participant = !me.isEmpty && project.participantNip == me
        let mentor = !me.isEmpty && project.mentorNip == me
        let coach = !me.isEmpty && project.coachNip == me
        let names = await names(web, context, session, [project.participantNip, project.mentorNip, project.coachNip] + project.comments.map(\.author))
        let milestones = project.milestones.map { milestone -> [String: Any] in
            var entry: [String: Any] = [
                "id": milestone.id, "project": project.id, "title": milestone.title, "term": Strings.text(termKey(milestone.term), language),
                "due": ManageFormat.long(milestone.dueDate, language), "output": milestone.output,
                "state": Strings.text(stateKey(milestone.state), language),
                "isConfirmed": milestone.state == .confirmed, "isReturned": milestone.state == .returned,
                "report": milestone.report, "evidence": milestone.evidence, "mentorNote": milestone.mentorNote, "back": "proyek",
                "canReport": participant && (milestone.state == .planned || milestone.state == .returned),
                "canReview": mentor && milestone.state == .reported,
            ]
            if let errorAt, errorAt.milestone.uppercased() == milestone.id { entry["error"] = errorAt.message }
            return entry
        }
        let roleKeys: [Binakarier_Feedback_V1_ProjectRole: String] = [
            .participant: "ap_role_participant", .mentor: "ap_role_mentor", .coach: "ap_role_coach", .organizer: "ap_role_organizer",
        ]
        let comments = project.comments.map { comment -> [String: Any] in
            ["author": names[comment.author] ?? comment.author, "role": Strings.text(roleKeys[comment.role] ?? "ap_role_organizer", language),
             "date": ManageFormat.unix(comment.createTimeUnix, language), "milestone": comment.milestoneId, "text": comment.text]
        }
        var data: [String: Any] = [
            "id": project.id, "title": project.title, "participant": person(project.participantNip, names), "training": project.training,
            "session": project.sessionId, "mentor": person(project.mentorNip, names),
            "coach": project.coachNip.isEmpty ? (project.coachName.isEmpty ? "-" : project.coachName) : person(project.coachNip, names),
            "confirmed": "\(project.confirmed)", "total": "\(project.milestones.count)", "completed": project.state == .completed,
            "problem": project.problem, "goal": project.goal, "milestones": milestones,
            "comments": comments, "hasComments": !comments.isEmpty,
            "canComment": participant || mentor || coach || session.isOrganizer, "organizer": session.isOrganizer,
        ]
        if let commentError { data["commentError"] = commentError }
        if let errorAt, !project.milestones.contains(where: { $0.id == errorAt.milestone.uppercased() }) { data["formError"] = errorAt.message }
        return web.page("ap_detail", title: project.title, data: data, request: request, context: context, status: status)
    }

    // MARK: /aksi-perubahan/mentor

    static func queue(
        _ web: WebApp, request: Request, context: GatewayContext, session: WebSession, errorAt: (project: String, milestone: String, message: String)? = nil,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let language = context.language
        let projects = session.nip.isEmpty ? [] : try await all(feedback(web, context, session), .init(mentorNip: session.nip, awaitingReviewOnly: true))
        let names = await names(web, context, session, projects.map(\.participantNip))
        var items: [[String: Any]] = []
        var placed = false
        for project in projects {
            for milestone in project.milestones where milestone.state == .reported {
                var item: [String: Any] = [
                    "project": project.id, "projectTitle": project.title, "participant": person(project.participantNip, names),
                    "session": project.sessionId, "id": milestone.id, "title": milestone.title, "term": Strings.text(termKey(milestone.term), language),
                    "due": ManageFormat.long(milestone.dueDate, language), "report": milestone.report, "evidence": milestone.evidence, "back": "antrean",
                ]
                if let errorAt, errorAt.project == project.id, errorAt.milestone.uppercased() == milestone.id {
                    item["error"] = errorAt.message
                    placed = true
                }
                items.append(item)
            }
        }
        var data: [String: Any] = ["items": items, "hasItems": !items.isEmpty]
        if let errorAt, !placed { data["formError"] = errorAt.message }
        return web.page("ap_queue", title: web.text("ap_queue_title", context), data: data, request: request, context: context, status: status)
    }

    // MARK: /kelola/sesi/:id/aksi-perubahan

    static func overview(_ web: WebApp, request: Request, context: GatewayContext, session: WebSession, sessionID: String) async throws -> Response {
        let programs = ManagePages.programs(web, context, session)
        var enrolments: [Binakarier_Programs_V1_Enrolment] = []
        var token = ""
        repeat {
            let page = try await programs.listEnrolments(.init(pageSize: 500, pageToken: token, sessionId: sessionID, state: .enrolled))
            enrolments += page.enrolments
            token = page.nextPageToken
        } while !token.isEmpty && enrolments.count < 5000
        let projects = try await all(feedback(web, context, session), .init(sessionId: sessionID))
        let byParticipant = Dictionary(projects.map { ($0.participantNip, $0) }, uniquingKeysWith: { first, _ in first })
        let participants = Array(Set(enrolments.map(\.nip) + projects.map(\.participantNip)))
        let names = await names(web, context, session, participants + projects.map(\.mentorNip) + projects.map(\.coachNip))
        let rows = participants.sorted { (names[$0] ?? $0, $0) < (names[$1] ?? $1, $1) }.map { nip -> [String: Any] in
            var row: [String: Any] = ["nip": nip, "name": names[nip] ?? nip]
            if let project = byParticipant[nip] {
                row["id"] = project.id
                row["title"] = project.title
                row["mentor"] = person(project.mentorNip, names)
                row["coach"] = project.coachNip.isEmpty ? (project.coachName.isEmpty ? "-" : project.coachName) : person(project.coachNip, names)
                row["confirmed"] = "\(project.confirmed)"
                row["total"] = "\(project.milestones.count)"
                row["waiting"] = "\(project.awaitingReview)"
                row["completed"] = project.state == .completed
            }
            return row
        }
        let data: [String: Any] = ["session": sessionID, "rows": rows, "enrolled": "\(enrolments.count)", "written": "\(projects.count)"]
        return web.page("ap_overview", title: "\(web.text("ap_overview_title", context)) \(sessionID)", data: data, request: request, context: context)
    }
}
