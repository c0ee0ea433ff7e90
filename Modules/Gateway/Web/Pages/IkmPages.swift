import BKCharts
import BKProto
import BKRPC
import Foundation
import Hummingbird

/// IKM as service units run it (PermenPANRB 14/2017). The unit is `:agency/:unit` ("-" for the agency's
/// own service).
///
/// - `/kelola/ikm` (`?opd=` for organisers): the agency's service units with their links.
/// - `/kelola/ikm/:agency/:unit/loket` (GET, POST): the unit's counters (SaveServiceCounters).
/// - `/kelola/ikm/:agency/:unit/poster`: A4 posters, one for the unit and one per counter, each with a QR
///   code of `/survei/:agency/:unit` (`?loket=CODE` for a counter), for the public form.
/// - `/kelola/ikm/:agency/:unit/kertas` (GET, POST): one paper questionnaire at a time (SubmitPaperResponses).
/// - `/laporan/ikm/:agency/:unit` (`?tahun=`): the yearly publication (GetIkmReport), printable; its
///   follow-up plan form posts to `/laporan/ikm/:agency/:unit/rtl` (CreateAction, source IKM).
enum IkmPages {
    typealias Feedback = Binakarier_Feedback_V1_FeedbackService.Client
    typealias Identity = Binakarier_Identity_V1_IdentityService.Client

    static func register(_ web: WebApp) {
        web.get("/kelola/ikm") { request, context in try await units(web, request: request, context: context) }
        web.get("/kelola/ikm/:agency/:unit/loket") { request, context in try await counters(web, request: request, context: context) }
        web.post("/kelola/ikm/:agency/:unit/loket") { request, context in
            try await counters(web, request: request, context: context, form: try await FormData.read(request, context: context))
        }
        web.get("/kelola/ikm/:agency/:unit/poster") { request, context in try await posters(web, request: request, context: context) }
        web.get("/kelola/ikm/:agency/:unit/kertas") { request, context in try await paper(web, request: request, context: context) }
        web.post("/kelola/ikm/:agency/:unit/kertas") { request, context in
            try await paper(web, request: request, context: context, form: try await FormData.read(request, context: context))
        }
        web.get("/laporan/ikm/:agency/:unit") { request, context in try await report(web, request: request, context: context) }
        web.post("/laporan/ikm/:agency/:unit/rtl") { request, context in
            try await report(web, request: request, context: context, form: try await FormData.read(request, context: context))
        }
    }

    // MARK: shared

    /// A code as the daemons make them (capital letters, digits, dashes), or "-".
    static func code(_ raw: String?) throws -> String {
        let code = (raw ?? "").uppercased()
        guard !code.isEmpty, code.count <= 40, code.unicodeScalars.allSatisfy({ CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_").contains($0) }) else {
            throw WebFailure(status: .notFound, message: .init(id: "Unit layanan tidak ditemukan.", en: "Service unit not found."))
        }
        return code
    }

    static func place(_ context: GatewayContext) throws -> (agency: String, unit: String, path: String) {
        let agency = try code(context.parameters.get("agency")), unit = try code(context.parameters.get("unit"))
        return (agency, unit == "-" ? "" : unit, "\(agency)/\(unit)")
    }

    static func names(_ web: WebApp, _ context: GatewayContext, _ session: WebSession, agency: String, unit: String) async throws -> (agency: String, unit: String) {
        let found = try await Identity(web.daemons.identity, metadata: context.metadata(session)).getAgency(.init(code: agency))
        guard unit.isEmpty || found.units.contains(where: { $0.code == unit }) else {
            throw WebFailure(status: .notFound, message: .init(id: "Unit layanan tidak ditemukan.", en: "Service unit not found."))
        }
        return (found.name, unit.isEmpty ? found.name : found.units.first { $0.code == unit }?.name ?? unit)
    }

    /// The public form's address for the unit (and counter).
    static func surveyPath(_ path: String, counter: String) -> String {
        "/survei/\(path)" + (counter.isEmpty ? "" : "?loket=" + counter)
    }

    static func number(_ value: Double, _ decimals: Int = 2) -> String { IndonesianNumber.format(value, decimals: decimals) }

    // MARK: the profile questions (also on the public form)

    static let profileQuestions: [(name: String, key: String, count: Int)] = [
        ("umur", "ikm_age", 6), ("jenis_kelamin", "ikm_gender", 2), ("pendidikan", "ikm_education", 7), ("pekerjaan", "ikm_occupation", 6),
    ]

    static func profileFields(_ form: FormData?, language: Language) -> [[String: Any]] {
        profileQuestions.map { question in
            let chosen = form?.text(question.name) ?? ""
            let options: [[String: Any]] = [["value": "", "label": Strings.text("ikm_not_given", language), "selected": chosen.isEmpty]]
                + (1...question.count).map { ["value": "\($0)", "label": Strings.text("\(question.key)_\($0)", language), "selected": chosen == "\($0)"] }
            return ["name": question.name, "label": Strings.text(question.key, language), "options": options]
        }
    }

    /// The profile a form gives; an answer outside the choices is not given.
    static func profile(_ form: FormData) -> Binakarier_Feedback_V1_RespondentProfile {
        func value(_ name: String, _ count: Int) -> Int32 { Int32(form.text(name)).flatMap { (1...Int32(count)).contains($0) ? $0 : nil } ?? 0 }
        return .init(
            age: .init(rawValue: value("umur", 6)) ?? .unspecified, gender: .init(rawValue: value("jenis_kelamin", 2)) ?? .unspecified,
            education: .init(rawValue: value("pendidikan", 7)) ?? .unspecified, occupation: .init(rawValue: value("pekerjaan", 6)) ?? .unspecified)
    }

    /// A counter code as the poster's address carries it, or empty.
    static func counterCode(_ raw: String?) -> String {
        let code = (raw ?? "").uppercased()
        guard (1...20).contains(code.count), code.unicodeScalars.allSatisfy({ CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-").contains($0) }) else { return "" }
        return code
    }

    // MARK: /kelola/ikm

    static func units(_ web: WebApp, request: Request, context: GatewayContext) async throws -> Response {
        let session = try context.requireSession(request)
        let asked = (request.uri.queryParameters["opd"].map(String.init) ?? "").uppercased()
        let agencyCode = session.isOrganizer && !asked.isEmpty ? try code(asked) : session.agencyCode
        guard !agencyCode.isEmpty else {
            return web.page("ikm_units", title: web.text("ikm_units_title", context), data: ["organizer": session.isOrganizer, "units": [Any]()], request: request, context: context)
        }
        let agency = try await Identity(web.daemons.identity, metadata: context.metadata(session)).getAgency(.init(code: agencyCode))
        let open = try await Feedback(web.daemons.feedback, metadata: context.anonymousMetadata)
        var units: [[String: Any]] = []
        for (unitCode, name) in [("", web.text("ikm_agency_itself", context))] + agency.units.map({ ($0.code, $0.name) }) {
            let path = "\(agency.code)/\(unitCode.isEmpty ? "-" : unitCode)"
            let surveys = (try? await open.listPublicCampaigns(.init(agencyCode: agency.code, unitCode: unitCode)).campaigns.count) ?? 0
            units.append(["code": unitCode.isEmpty ? "-" : unitCode, "name": name, "base": "/kelola/ikm/\(path)", "report": "/laporan/ikm/\(path)",
                          "open": surveys > 0 ? "\(surveys)" : ""])
        }
        return web.page("ikm_units", title: web.text("ikm_units_title", context), data: [
            "organizer": session.isOrganizer, "agency": agency.code, "agencyName": agency.name, "units": units,
        ], request: request, context: context)
    }

    // MARK: counters

    static func counters(_ web: WebApp, request: Request, context: GatewayContext, form: FormData? = nil) async throws -> Response {
        let session = try context.requireSession(request)
        let place = try place(context)
        let names = try await names(web, context, session, agency: place.agency, unit: place.unit)
        let feedback = Feedback(web.daemons.feedback, metadata: context.metadata(session))
        var problem: String?
        if let form {
            var counters: [Binakarier_Feedback_V1_ServiceCounter] = []
            for line in form.text("loket").split(whereSeparator: \.isNewline) where !line.trimmingCharacters(in: .whitespaces).isEmpty {
                let parts = line.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                counters.append(.init(code: parts[0], name: parts.count > 1 ? parts[1] : ""))
            }
            do {
                _ = try await feedback.saveServiceCounters(.init(agencyCode: place.agency, unitCode: place.unit, counters: counters))
                return web.redirect("/kelola/ikm/\(place.path)/loket", message: "ikm_counters_saved")
            } catch {
                guard error.code == .invalidArgument || error.code == .permissionDenied else { throw error }
                let localized = error.localized(context.language)
                problem = localized.fieldViolations.first.map { "\($0.field): \($0.description)" } ?? localized.message
            }
        }
        let list = try await feedback.listServiceCounters(.init(agencyCode: place.agency, unitCode: place.unit)).counters
        let canEdit = session.isOrganizer || session.has("agency_head") || session.has("supervisor")
        return web.page("ikm_counters", title: web.text("ikm_counters_title", context), data: [
            "agency": place.agency, "unitName": names.unit, "action": "/kelola/ikm/\(place.path)/loket", "posters": "/kelola/ikm/\(place.path)/poster",
            "counters": list.map { ["code": $0.code, "name": $0.name, "path": surveyPath(place.path, counter: $0.code)] },
            "lines": form?.text("loket") ?? list.map { "\($0.code) = \($0.name)" }.joined(separator: "\n"),
            "canEdit": canEdit, "error": problem ?? "",
        ], request: request, context: context, status: problem == nil ? .ok : .badRequest)
    }

    // MARK: posters

    static func posters(_ web: WebApp, request: Request, context: GatewayContext) async throws -> Response {
        let session = try context.requireSession(request)
        let place = try place(context)
        let names = try await names(web, context, session, agency: place.agency, unit: place.unit)
        let counters = try await Feedback(web.daemons.feedback, metadata: context.metadata(session))
            .listServiceCounters(.init(agencyCode: place.agency, unitCode: place.unit)).counters
        let label = web.text("ikm_qr_label", context)
        let posters = ([("", "")] + counters.map { ($0.code, $0.name) }).enumerated().map { index, counter -> [String: Any] in
            let url = CatalogueFormat.absolute(surveyPath(place.path, counter: counter.0), request: request, secure: web.cookies.secure)
            let title = counter.0.isEmpty ? "" : "\(web.text("ikm_counter_on_form", context)) \(counter.0) · \(counter.1)"
            return ["index": index, "unitName": names.unit, "agencyName": names.agency, "counter": title, "url": url,
                    "qr": QRCode.svg(url, label: "\(label): \(names.unit)\(title.isEmpty ? "" : ", " + title)", modulePixels: 6) ?? ""]
        }
        return web.page("ikm_posters", title: web.text("ikm_poster_title", context), data: ["agency": place.agency, "posters": posters],
                        request: request, context: context)
    }

    // MARK: paper questionnaires

    static func paper(_ web: WebApp, request: Request, context: GatewayContext, form: FormData? = nil) async throws -> Response {
        let session = try context.requireSession(request)
        let place = try place(context)
        let language = context.language
        let names = try await names(web, context, session, agency: place.agency, unit: place.unit)
        let feedback = Feedback(web.daemons.feedback, metadata: context.metadata(session))
        let open = try await feedback.listPublicCampaigns(.init(agencyCode: place.agency, unitCode: place.unit)).campaigns.filter { $0.purpose == .ikm }
        let counters = try await feedback.listServiceCounters(.init(agencyCode: place.agency, unitCode: place.unit)).counters
        var data: [String: Any] = ["agency": place.agency, "unitName": names.unit, "agencyName": names.agency, "noneOpen": open.isEmpty]
        guard let chosenID = form?.text("kampanye") ?? request.uri.queryParameters["kampanye"].map(String.init) ?? open.first?.id,
            let campaign = open.first(where: { $0.id == chosenID }) ?? open.first
        else {
            data["noneOpen"] = true
            return web.page("ikm_paper", title: web.text("ikm_paper_title", context), data: data, request: request, context: context)
        }
        let instrument = try await feedback.getInstrument(.init(code: campaign.instrumentCode, version: campaign.instrumentVersion))
        var errors: [Int: String] = [:]
        var general: [String] = []
        var status: HTTPResponse.Status = .ok
        let counter = form.map { counterCode($0.text("loket")) } ?? ""
        if let form {
            let read = FeedbackForm.read(form, instrument: instrument, facilitators: [], language: language)
            errors = read.errors
            if errors.isEmpty {
                do {
                    _ = try await feedback.submitPaperResponses(.init(campaignId: campaign.id, responses: [
                        .init(answers: read.answers, profile: profile(form), counterCode: counter),
                    ]))
                    return web.redirect("/kelola/ikm/\(place.path)/kertas?kampanye=\(campaign.id)", message: "ikm_paper_saved")
                } catch {
                    guard error.code == .invalidArgument else { throw error }
                    // `responses[0].answers.ikm-3` → the question's place on this form.
                    let localized = error.localized(language)
                    let unprefixed = RPCError(error.code, localized.message, fieldViolations: localized.fieldViolations.map { violation in
                        var moved = violation
                        moved.field = violation.field.replacingOccurrences(of: "responses[0].", with: "")
                        return moved
                    })
                    let placed = FeedbackForm.placed(unprefixed, instrument: instrument, language: language)
                    (errors, general) = (placed.byQuestion, placed.general)
                }
            }
            status = .badRequest
        }
        let current = try await feedback.getCampaign(.init(id: campaign.id))
        data["campaigns"] = open.map { ["id": $0.id, "title": $0.title, "selected": $0.id == campaign.id] }
        data["counters"] = counters.map { ["code": $0.code, "name": $0.name, "selected": $0.code == counter] }
        data["questions"] = FeedbackForm.questions(instrument, form: status == .ok ? nil : form, errors: errors, facilitators: [], language: language)
        data["formErrors"] = FeedbackForm.summary(errors, general: general, instrument: instrument)
        data["profileFields"] = profileFields(status == .ok ? nil : form, language: language)
        data["action"] = "/kelola/ikm/\(place.path)/kertas"
        data["countLine"] = FeedbackPages.fill("ikm_paper_count", ["n": "\(current.responses)"], language)
        return web.page("ikm_paper", title: web.text("ikm_paper_title", context), data: data, request: request, context: context, status: status)
    }

    // MARK: the yearly report

    static func report(_ web: WebApp, request: Request, context: GatewayContext, form: FormData? = nil) async throws -> Response {
        let session = try context.requireSession(request)
        let place = try place(context)
        let language = context.language
        let t = { (key: String) in Strings.text(key, language) }
        let year = Int32(request.uri.queryParameters["tahun"].map(String.init) ?? form?.text("tahun") ?? "") ?? Int32(CalendarYear.current)
        let feedback = Feedback(web.daemons.feedback, metadata: context.metadata(session))
        var planErrors: [String: String] = [:]
        var planGeneral: String?
        if let form {
            let element = Int(form.text("unsur")) ?? 0
            let action = Binakarier_Feedback_V1_ActionItem(
                title: form.text("kegiatan"), source: .ikm,
                sourceId: "IKM/\(place.agency)/\(place.unit.isEmpty ? "-" : place.unit)/\(year)/U\((0...9).contains(element) ? element : 0)",
                agencyCode: place.agency, ownerNip: form.text("pj"), dueDate: form.text("tenggat"))
            do {
                _ = try await feedback.createAction(.init(action: action))
                return web.redirect("/laporan/ikm/\(place.path)?tahun=\(year)", message: "ikm_plan_added")
            } catch {
                guard error.code == .invalidArgument || error.code == .permissionDenied else { throw error }
                let localized = error.localized(language)
                for violation in localized.fieldViolations {
                    let key = violation.field.contains("owner") ? "ownerError" : violation.field.contains("due") ? "dueError" : violation.field.contains("title") ? "titleError" : ""
                    if key.isEmpty { planGeneral = violation.description } else { planErrors[key] = violation.description }
                }
                if localized.fieldViolations.isEmpty { planGeneral = localized.message }
            }
        }
        let report = try await feedback.getIkmReport(.init(agencyCode: place.agency, unitCode: place.unit, year: year))
        var data: [String: Any] = [
            "agency": place.agency, "unitName": report.unitName, "agencyName": report.agencyName, "year": "\(report.year)",
            "suppressed": report.suppressed, "respondents": "\(report.respondents)",
            "channels": FeedbackPages.fill("ikm_report_channels", ["online": "\(report.online)", "paper": "\(report.paper)"], language),
            "surveys": FeedbackPages.fill("ikm_report_surveys", ["counted": "\(report.campaignsCounted)", "all": "\(report.campaigns.count)"], language),
            "suppressedText": FeedbackPages.fill("ikm_report_suppressed", ["k": "\(report.k)"], language),
            "jsonHref": "/api/v1/ikm-reports?agencyCode=\(place.agency)&unitCode=\(place.unit)&year=\(report.year)",
        ]
        let firstYear = min(report.trend.first.map { Int($0.year) } ?? Int(report.year), Int(report.year))
        data["years"] = (firstYear...max(Int(report.year), CalendarYear.current)).map {
            ["year": "\($0)", "href": "/laporan/ikm/\(place.path)?tahun=\($0)", "current": $0 == Int(report.year)]
        }
        if !report.suppressed {
            data["index"] = number(report.index)
            data["grade"] = report.grade
            data["gradeLabel"] = report.gradeLabel
            data["totalWeighted"] = number(report.elements.reduce(0) { $0 + $1.weighted }, 4)
            data["elements"] = report.elements.map {
                ["code": $0.code, "name": $0.name, "nrr": number($0.nrr, 3), "weighted": number($0.weighted, 4), "converted": number($0.converted),
                 "grade": $0.grade, "lowest": $0.lowest]
            }
            let hidden = FeedbackPages.fill("ikm_hidden", ["k": "\(report.k)"], language)
            data["profile"] = report.profile.map { group in
                ["title": t(profileTitleKey(group.dimension)), "counts": group.counts.map {
                    ["label": $0.label, "count": $0.suppressed ? hidden : "\($0.respondents)", "share": $0.suppressed ? "–" : number($0.percent, 1)]
                }]
            }
        }
        data["counters"] = report.counters.map {
            ["label": $0.code.isEmpty ? t("ikm_unit_qr") : "\($0.code) · \($0.name)", "respondents": "\($0.respondents)",
             "index": $0.index > 0 ? number($0.index) : "–", "grade": $0.grade]
        }
        let states: [Binakarier_Feedback_V1_ActionState: String] = [
            .open: t("ikm_state_open"), .inProgress: t("ikm_state_in_progress"), .done: t("ikm_state_done"), .dropped: t("ikm_state_dropped"),
        ]
        data["plan"] = report.plan.map { item -> [String: Any] in
            let element = Int(item.sourceId.split(separator: "/").last?.dropFirst() ?? "") ?? 0
            return ["id": item.id, "title": item.title, "owner": item.ownerNip, "due": item.dueDate, "state": states[item.state] ?? "", "overdue": item.overdue,
                    "element": element == 0 ? t("ikm_plan_general") : "U\(element) \(elementName(element))"]
        }
        data["canPlan"] = session.isOrganizer || (session.has("agency_head") && session.agencyCode == place.agency)
        data["planAction"] = "/laporan/ikm/\(place.path)/rtl?tahun=\(report.year)"
        let lowestFirst = report.elements.first { $0.lowest }.map { Int($0.element) } ?? 0
        let chosenElement = form.map { Int($0.text("unsur")) ?? 0 } ?? lowestFirst
        data["elementChoices"] = [["value": "0", "label": t("ikm_plan_general"), "selected": chosenElement == 0]]
            + (1...9).map { ["value": "\($0)", "label": "U\($0) \(elementName($0))", "selected": chosenElement == $0] }
        data["planOpen"] = form != nil
        data["planTitle"] = form?.text("kegiatan") ?? ""
        data["planOwner"] = form?.text("pj") ?? ""
        data["planDue"] = form?.text("tenggat") ?? ""
        for (key, value) in planErrors { data[key] = value }
        if let planGeneral { data["planError"] = planGeneral }
        data["trend"] = report.trend.map {
            ["year": "\($0.year)", "respondents": "\($0.respondents)", "index": $0.suppressed ? "–" : number($0.index), "grade": $0.suppressed ? "" : "\($0.grade) (\($0.gradeLabel))"]
        }
        if report.trend.contains(where: { !$0.suppressed }) {
            data["svg"] = SVGChart.render(Chart(
                kind: .line, title: t("ikm_trend_chart"), description: report.trend.map { "\($0.year): \($0.suppressed ? "–" : number($0.index))" }.joined(separator: "; "),
                categories: report.trend.map { "\($0.year)" }, series: [.init(name: "IKM", values: report.trend.map { $0.suppressed ? nil : $0.index })],
                valueFormat: .init(decimals: 2), id: "ikm-trend", showsValues: true))
        }
        data["generated"] = FeedbackPages.fill("ikm_generated", [
            "date": CalendarYear.date(report.generateTimeUnix), "n": "\(report.respondents)", "k": "\(report.k)",
        ], language)
        return web.page("ikm_report", title: "\(t("ikm_report_title")) \(report.year) · \(report.unitName)", data: data, request: request, context: context,
                        status: form == nil ? .ok : .badRequest)
    }

    static let elementNames = [
        "Persyaratan", "Sistem, Mekanisme, dan Prosedur", "Waktu Penyelesaian", "Biaya/Tarif", "Produk Spesifikasi Jenis Pelayanan",
        "Kompetensi Pelaksana", "Perilaku Pelaksana", "Penanganan Pengaduan, Saran dan Masukan", "Sarana dan Prasarana",
    ]
    static func elementName(_ element: Int) -> String { (1...9).contains(element) ? elementNames[element - 1] : "" }

    static func profileTitleKey(_ dimension: String) -> String {
        switch dimension {
        case "umur": "ikm_age"
        case "jenis_kelamin": "ikm_gender"
        case "pendidikan": "ikm_education"
        default: "ikm_occupation"
        }
    }
}

/// The year and date in WIB, as the pages show them.
enum CalendarYear {
    static var current: Int { Int(date(Int64(Date().timeIntervalSince1970)).prefix(4)) ?? 2026 }

    /// YYYY-MM-DD in WIB.
    static func date(_ unix: Int64) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 7 * 3600)!
        let parts = calendar.dateComponents([.year, .month, .day], from: Date(timeIntervalSince1970: TimeInterval(unix)))
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }
}
