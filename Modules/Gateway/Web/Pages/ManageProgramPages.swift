import BKCharts
import BKProto
import BKRPC
import Foundation
import Hummingbird

/// `/kelola/program/baru` and `/kelola/program/:code`: a program's every field an organiser sets
/// (CreateProgram, UpdateProgram), with the daemon's field errors next to the fields and what was typed kept.
enum ManageProgramPages {
    static func register(_ web: WebApp) {
        web.get("/kelola/program/baru") { request, context in
            let session = try ManagePages.organizer(request, context)
            return try await form(web, request: request, context: context, session: session, input: .blank, existing: nil)
        }

        web.post("/kelola/program/baru") { request, context in
            let session = try ManagePages.organizer(request, context)
            let posted = try await FormData.read(request, context: context)
            let client = ManagePages.programs(web, context, session)
            let competencies = try await allCompetencies(client)
            var input = ProgramInput(form: posted, competencies: competencies)
            input.code = posted.text("code").uppercased()
            var errors = input.localErrors(context.language)
            if errors.isEmpty {
                switch try await ManagePages.attempt({ try await client.createProgram(.init(program: input.program())) }) {
                case .success(let created):
                    return web.redirect("/kelola/program/\(created.code)", message: "mng_program_created")
                case .failure(let error):
                    errors = fieldErrors(error, creating: true)
                    return try await form(
                        web, request: request, context: context, session: session, input: input, existing: nil, errors: errors,
                        status: ManagePages.status(for: error))
                }
            }
            return try await form(web, request: request, context: context, session: session, input: input, existing: nil, errors: errors, status: .badRequest)
        }

        web.get("/kelola/program/:code") { request, context in
            let session = try ManagePages.organizer(request, context)
            let code = context.parameters.get("code") ?? ""
            let program = try await ManagePages.programs(web, context, session).getProgram(.init(code: code))
            return try await form(web, request: request, context: context, session: session, input: ProgramInput(program), existing: program)
        }

        web.post("/kelola/program/:code") { request, context in
            let session = try ManagePages.organizer(request, context)
            let code = context.parameters.get("code") ?? ""
            let posted = try await FormData.read(request, context: context)
            let client = ManagePages.programs(web, context, session)
            let existing = try await client.getProgram(.init(code: code))
            let competencies = try await allCompetencies(client)
            var input = ProgramInput(form: posted, competencies: competencies)
            input.code = existing.code
            var errors = input.localErrors(context.language)
            if errors.isEmpty {
                let program = input.program()
                var paths = [
                    "title", "kind", "description", "goals", "competencies", "audience", "organizer_agency_code", "evaluation_levels",
                    "cost_rupiah",
                ]
                // Unchanged JP and completion rules are left out: the daemon refuses changing them once
                // sessions exist, and sending the same values back must not count as a change.
                if program.jp != existing.jp { paths.append("jp") }
                if ProgramInput.sameCompletion(program.completion, existing.completion) == false { paths.append("completion") }
                switch try await ManagePages.attempt({ try await client.updateProgram(.init(program: program, updateMask: .init(paths: paths))) }) {
                case .success(_):
                    return web.redirect("/kelola/program/\(existing.code)", message: "mng_program_saved")
                case .failure(let error):
                    errors = fieldErrors(error, creating: false)
                    return try await form(
                        web, request: request, context: context, session: session, input: input, existing: existing, errors: errors,
                        status: ManagePages.status(for: error))
                }
            }
            return try await form(
                web, request: request, context: context, session: session, input: input, existing: existing, errors: errors, status: .badRequest)
        }
    }

    static func allCompetencies(_ client: MngProgramsClient) async throws -> [Binakarier_Programs_V1_Competency] {
        var all: [Binakarier_Programs_V1_Competency] = []
        var token = ""
        repeat {
            let page = try await client.listCompetencies(.init(pageSize: 1000, pageToken: token))
            all += page.competencies
            token = page.nextPageToken
        } while !token.isEmpty && all.count < 100_000
        return all
    }

    /// The daemon's refusal, by form field: each violation on its field, anything else on top (`_form`).
    static func fieldErrors(_ error: RPCError, creating: Bool) -> [String: String] {
        var errors: [String: String] = [:]
        for violation in error.fieldViolations {
            let field = formField(violation.field)
            if errors[field] == nil { errors[field] = ManagePages.sentence(violation.description) }
        }
        if errors.isEmpty {
            if error.code == .alreadyExists, creating {
                errors["code"] = ManagePages.sentence(error.message)
            } else if error.code == .notFound {
                errors["competencies"] = ManagePages.sentence(error.message)
            } else if error.message.hasPrefix("program.jp") || (error.code == .failedPrecondition && error.message.contains("JP")) {
                errors["jp"] = ManagePages.sentence(error.message)
            } else {
                errors["_form"] = ManagePages.sentence(error.message)
            }
        }
        return errors
    }

    static func formField(_ path: String) -> String {
        let path = path.hasPrefix("program.") ? String(path.dropFirst("program.".count)) : path
        switch path {
        case "code": return "code"
        case "title": return "title"
        case "kind": return "kind"
        case "description": return "description"
        case "goals": return "goals"
        case "jp": return "jp"
        case "organizer_agency_code": return "organizer"
        case "cost_rupiah": return "cost"
        case "completion.minimum_attendance_percent": return "min_attendance"
        case "completion.pass_mark": return "pass_mark"
        case "audience.agency_codes": return "agencies"
        case "audience.golongan_min": return "golongan_min"
        case "audience.golongan_max": return "golongan_max"
        case "audience.job_levels": return "job_levels"
        case "audience.asn_type": return "asn_type"
        case "evaluation_levels": return "evaluation"
        default:
            if path.hasPrefix("competencies") { return "competencies" }
            if path.hasPrefix("completion") { return "min_attendance" }
            if path.hasPrefix("audience") { return "agencies" }
            return "_form"
        }
    }

    // MARK: the page

    static func form(
        _ web: WebApp, request: Request, context: GatewayContext, session: WebSession, input: ProgramInput, existing: MngProgram?,
        errors: [String: String] = [:], status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let language = context.language
        let client = ManagePages.programs(web, context, session)
        async let competencyList = allCompetencies(client)
        async let agencyList = ManagePages.agencies(ManagePages.identity(web, context, session))
        let (competencies, agencies) = try await (competencyList, agencyList)
        var sessions: [[String: Any]] = []
        if let existing {
            sessions = try await ManagePages.allSessions(client, programCode: existing.code).sorted { $0.batch < $1.batch }
                .map { ManagePages.sessionSummary($0, language: language) }
        }

        let kinds = Binakarier_Programs_V1_ProgramKind.allCases.filter { $0 != .unspecified }.map { kind -> [String: Any] in
            ["value": "\(kind.rawValue)", "label": Strings.text("mng_kind_\(kind.rawValue)", language), "selected": input.kind == "\(kind.rawValue)"]
        }
        let order: [Binakarier_Programs_V1_CompetencyType] = [.manajerial, .sosialKultural, .teknis]
        let competencyGroups = order.map { type -> [String: Any] in
            let rows = competencies.filter { $0.type == type }.sorted { ($0.agencyCode, $0.name) < ($1.agencyCode, $1.name) }.map { item -> [String: Any] in
                let chosen = input.levels[item.code] ?? ""
                return [
                    "code": item.code, "name": item.name, "agency": item.agencyCode,
                    "options": (1...5).map { ["value": "\($0)", "selected": chosen == "\($0)"] as [String: Any] },
                    "none": chosen.isEmpty,
                ]
            }
            return ["type": Strings.text("mng_ctype_\(type.rawValue)", language), "rows": rows, "hasRows": !rows.isEmpty]
        }.filter { ($0["hasRows"] as? Bool) == true }
        // Codes the program names that the dictionary no longer lists still show (so saving keeps them).
        let known = Set(competencies.map(\.code))
        let unknownLevels = input.levels.filter { !known.contains($0.key) }.sorted { $0.key < $1.key }
            .map { ["code": $0.key, "level": $0.value] }

        let agencyRows = agencies.map { agency -> [String: Any] in
            ["code": agency.code, "name": agency.name, "checked": input.agencies.contains(agency.code)]
        }
        let organizers = agencies.map { agency -> [String: Any] in
            ["code": agency.code, "name": agency.name, "selected": input.organizer == agency.code]
        }
        let jobLevels = Binakarier_Identity_V1_JobLevel.allCases.filter { $0 != .unspecified }.map { level -> [String: Any] in
            ["value": "\(level.rawValue)", "label": Strings.text("mng_job_\(level.rawValue)", language), "checked": input.jobLevels.contains("\(level.rawValue)")]
        }
        func golongan(_ chosen: String) -> [[String: Any]] {
            Binakarier_Identity_V1_Golongan.allCases.filter { $0 != .unspecified }.map { value in
                ["value": "\(value.rawValue)", "label": ProgramInput.golonganName(value), "selected": chosen == "\(value.rawValue)"]
            }
        }
        let asnTypes = [0, 1, 2].map { value -> [String: Any] in
            ["value": "\(value)", "label": Strings.text("mng_asn_\(value)", language), "selected": input.asnType == "\(value)"]
        }
        let evaluation = Binakarier_Programs_V1_EvaluationLevel.allCases.filter { $0 != .unspecified }.map { level -> [String: Any] in
            ["value": "\(level.rawValue)", "label": Strings.text("mng_eval_\(level.rawValue)", language), "checked": input.evaluation.contains("\(level.rawValue)")]
        }

        var err: [String: String] = errors
        err.removeValue(forKey: "_form")
        var data: [String: Any] = [
            "isNew": existing == nil,
            "action": existing.map { "/kelola/program/\($0.code)" } ?? "/kelola/program/baru",
            "in": input.values,
            "err": err,
            "hasErrors": !errors.isEmpty,
            "kinds": kinds,
            "competencyGroups": competencyGroups,
            "unknownLevels": unknownLevels,
            "agencies": agencyRows,
            "organizers": organizers,
            "organizerChosen": agencies.contains { $0.code == input.organizer },
            "jobLevels": jobLevels,
            "golonganMin": golongan(input.golonganMin),
            "golonganMax": golongan(input.golonganMax),
            "asnTypes": asnTypes,
            "evaluation": evaluation,
            "postTest": input.postTest,
            "sessions": sessions,
            "hasSessions": !sessions.isEmpty,
        ]
        if let message = errors["_form"] { data["formError"] = message }
        if let existing {
            data["code"] = existing.code
            data["updated"] = ManageFormat.unix(existing.updateTimeUnix, language)
        }
        let title = existing.map { "\(web.text("mng_program_edit_title", context)) \($0.code)" } ?? web.text("mng_program_new_title", context)
        return web.page("mng_program", title: title, data: data, request: request, context: context, status: status)
    }
}

/// A program form as typed: every value a string, so that a refused post shows exactly what was sent.
struct ProgramInput {
    var code = ""
    var title = ""
    var kind = ""
    var description = ""
    var goals = ""
    var jp = ""
    /// Competency code → level "1"…"5".
    var levels: [String: String] = [:]
    var organizer = "BKPSDM"
    var agencies: Set<String> = []
    var jobLevels: Set<String> = []
    var golonganMin = ""
    var golonganMax = ""
    var asnType = "0"
    var minAttendance = "80"
    var postTest = false
    var passMark = ""
    var evaluation: Set<String> = ["1"]
    var cost = ""

    static let blank = ProgramInput()

    init() {}

    init(_ program: MngProgram) {
        code = program.code
        title = program.title
        kind = program.kind == .unspecified ? "" : "\(program.kind.rawValue)"
        description = program.description
        goals = program.goals.joined(separator: "\n")
        jp = "\(program.jp)"
        levels = Dictionary(program.competencies.map { ($0.competencyCode, "\($0.level)") }, uniquingKeysWith: { first, _ in first })
        organizer = program.organizerAgencyCode
        let audience = program.audience ?? .init()
        agencies = Set(audience.agencyCodes)
        jobLevels = Set(audience.jobLevels.map { "\($0.rawValue)" })
        golonganMin = audience.golonganMin == .unspecified ? "" : "\(audience.golonganMin.rawValue)"
        golonganMax = audience.golonganMax == .unspecified ? "" : "\(audience.golonganMax.rawValue)"
        asnType = "\(audience.asnType.rawValue)"
        let completion = program.completion ?? .init()
        minAttendance = "\(completion.minimumAttendancePercent == 0 ? 80 : completion.minimumAttendancePercent)"
        postTest = completion.requiresPostTest
        passMark = completion.passMark == 0 && !completion.requiresPostTest ? "" : ManageFormat.plain(completion.passMark)
        evaluation = Set(program.evaluationLevels.map { "\($0.rawValue)" })
        cost = program.costRupiah == 0 ? "" : "\(program.costRupiah)"
    }

    init(form: FormData, competencies: [Binakarier_Programs_V1_Competency]) {
        title = form.text("title")
        kind = form.text("kind")
        description = form.text("description")
        goals = form.text("goals")
        jp = form.text("jp")
        for competency in competencies {
            let level = form.text("level_\(competency.code)")
            if !level.isEmpty { levels[competency.code] = level }
        }
        // Levels of codes no longer listed come back as hidden fields.
        for pair in form.all("level_other") {
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            if parts.count == 2, levels[parts[0]] == nil { levels[parts[0]] = parts[1] }
        }
        organizer = form.text("organizer")
        agencies = Set(form.all("agencies"))
        jobLevels = Set(form.all("job_levels"))
        golonganMin = form.text("golongan_min")
        golonganMax = form.text("golongan_max")
        asnType = form.text("asn_type")
        minAttendance = form.text("min_attendance")
        postTest = form["post_test"] != nil
        passMark = form.text("pass_mark")
        evaluation = Set(form.all("evaluation"))
        cost = form.text("cost")
    }

    /// What the template fills the fields with.
    var values: [String: String] {
        [
            "code": code, "title": title, "description": description, "goals": goals, "jp": jp, "minAttendance": minAttendance,
            "passMark": passMark, "cost": cost,
        ]
    }

    /// Numbers that are not numbers are refused here, in the person's language, before the daemon is asked.
    func localErrors(_ language: Language) -> [String: String] {
        var errors: [String: String] = [:]
        let whole = Strings.text("mng_err_whole_number", language)
        if !jp.isEmpty, Int32(jp) == nil { errors["jp"] = whole }
        if !minAttendance.isEmpty, Int32(minAttendance) == nil { errors["min_attendance"] = whole }
        if !passMark.isEmpty, Double(passMark.replacingOccurrences(of: ",", with: ".")) == nil {
            errors["pass_mark"] = Strings.text("mng_err_number", language)
        }
        if !cost.isEmpty, Int64(Self.digits(cost)) == nil { errors["cost"] = whole }
        return errors
    }

    /// "Rp 25.000.000" → "25000000".
    static func digits(_ text: String) -> String {
        String(text.filter { $0.isNumber || $0 == "-" })
    }

    func program() -> MngProgram {
        var program = MngProgram()
        program.code = code
        program.title = title
        program.kind = Binakarier_Programs_V1_ProgramKind(rawValue: Int32(kind) ?? 0) ?? .unspecified
        program.description = description
        program.goals = goals.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        program.jp = Int32(jp) ?? 0
        program.competencies = levels.sorted { $0.key < $1.key }.map { .init(competencyCode: $0.key, level: Int32($0.value) ?? 0) }
        program.organizerAgencyCode = organizer
        var audience = Binakarier_Programs_V1_TargetAudience()
        audience.agencyCodes = agencies.sorted()
        audience.jobLevels = jobLevels.compactMap { Int32($0).flatMap(Binakarier_Identity_V1_JobLevel.init(rawValue:)) }.sorted { $0.rawValue < $1.rawValue }
        audience.golonganMin = Int32(golonganMin).flatMap(Binakarier_Identity_V1_Golongan.init(rawValue:)) ?? .unspecified
        audience.golonganMax = Int32(golonganMax).flatMap(Binakarier_Identity_V1_Golongan.init(rawValue:)) ?? .unspecified
        audience.asnType = Int32(asnType).flatMap(Binakarier_Identity_V1_AsnType.init(rawValue:)) ?? .unspecified
        program.audience = audience
        var completion = Binakarier_Programs_V1_CompletionRule()
        completion.minimumAttendancePercent = Int32(minAttendance) ?? 0
        completion.requiresPostTest = postTest
        completion.passMark = Double(passMark.replacingOccurrences(of: ",", with: ".")) ?? 0
        program.completion = completion
        program.evaluationLevels = evaluation.compactMap { Int32($0).flatMap(Binakarier_Programs_V1_EvaluationLevel.init(rawValue:)) }
            .sorted { $0.rawValue < $1.rawValue }
        program.costRupiah = Int64(Self.digits(cost)) ?? 0
        return program
    }

    /// Whether two completion rules say the same (an absent rule is the default one: 80 %, no post-test).
    static func sameCompletion(_ a: Binakarier_Programs_V1_CompletionRule?, _ b: Binakarier_Programs_V1_CompletionRule?) -> Bool {
        func normal(_ rule: Binakarier_Programs_V1_CompletionRule?) -> (Int32, Bool, Double) {
            let rule = rule ?? .init()
            return (rule.minimumAttendancePercent == 0 ? 80 : rule.minimumAttendancePercent, rule.requiresPostTest, rule.passMark)
        }
        return normal(a) == normal(b)
    }

    /// "III/a" for GOLONGAN_III_A.
    static func golonganName(_ value: Binakarier_Identity_V1_Golongan) -> String {
        let index = Int(value.rawValue) - 1
        guard index >= 0 else { return "" }
        let ranks = ["I", "II", "III", "IV"]
        let letters = ["a", "b", "c", "d", "e"]
        let rank = min(index / 4, 3)
        let letter = index - rank * 4
        return "\(ranks[rank])/\(letters[min(letter, 4)])"
    }
}
