import BKCharts
import BKProto
import BKRPC
import Foundation
import Hummingbird

typealias MngProgram = Binakarier_Programs_V1_Program
typealias MngSession = Binakarier_Programs_V1_Session
typealias MngEnrolment = Binakarier_Programs_V1_Enrolment
typealias MngProgramsClient = Binakarier_Programs_V1_ProgramsService.Client
typealias MngIdentityClient = Binakarier_Identity_V1_IdentityService.Client

/// Organisers: programs, sessions, enrolment decisions and the attendance grid, under `/kelola`.
/// Organisers and administrators only; anyone else gets a 403 page (and the daemons refuse anyway).
///
/// - `/kelola`: the overview (programs and their sessions, requests waiting, sessions running today).
/// - `/kelola/program/baru`, `/kelola/program/:code`: create and edit a program (ManageProgramPages).
/// - `/kelola/sesi/baru?program=`, `/kelola/sesi/:id`: create, edit and move a session (ManageSessionPages).
/// - `/kelola/sesi/:id/peserta`: requests, enrolment by NIP, test scores (ManageParticipantPages).
/// - `/kelola/sesi/:id/presensi?hari=`: the attendance grid of one day (ManageAttendancePages).
enum ManagePages {
    static func register(_ web: WebApp) {
        web.get("/kelola") { request, context in
            let session = try organizer(request, context)
            return try await overview(web, request: request, context: context, session: session)
        }
        ManageProgramPages.register(web)
        ManageSessionPages.register(web)
        ManageParticipantPages.register(web)
        ManageAttendancePages.register(web)
    }

    // MARK: access and clients

    /// The logged-in organiser or administrator; anyone else gets a 403 page.
    static func organizer(_ request: Request, _ context: GatewayContext) throws -> WebSession {
        let session = try context.requireSession(request)
        guard session.isOrganizer else {
            throw WebFailure(status: .forbidden, message: Strings.manage["mng_forbidden"]!)
        }
        return session
    }

    static func programs(_ web: WebApp, _ context: GatewayContext, _ session: WebSession) -> MngProgramsClient {
        MngProgramsClient(web.daemons.programs, metadata: context.metadata(session))
    }

    static func identity(_ web: WebApp, _ context: GatewayContext, _ session: WebSession) -> MngIdentityClient {
        MngIdentityClient(web.daemons.identity, metadata: context.metadata(session))
    }

    /// Every program, following the pages.
    static func allPrograms(_ client: MngProgramsClient) async throws -> [MngProgram] {
        var all: [MngProgram] = []
        var token = ""
        repeat {
            let page = try await client.listPrograms(.init(pageSize: 1000, pageToken: token))
            all += page.programs
            token = page.nextPageToken
        } while !token.isEmpty && all.count < 100_000
        return all
    }

    /// Every session (of one program when `programCode` is set), following the pages.
    static func allSessions(_ client: MngProgramsClient, programCode: String = "") async throws -> [MngSession] {
        var all: [MngSession] = []
        var token = ""
        repeat {
            let page = try await client.listSessions(.init(pageSize: 1000, pageToken: token, programCode: programCode))
            all += page.sessions
            token = page.nextPageToken
        } while !token.isEmpty && all.count < 100_000
        return all
    }

    /// A session's enrolments (in one state, or all), following the pages.
    static func allEnrolments(
        _ client: MngProgramsClient, sessionID: String, state: Binakarier_Programs_V1_EnrolmentState = .unspecified
    ) async throws -> [MngEnrolment] {
        var all: [MngEnrolment] = []
        var token = ""
        repeat {
            let page = try await client.listEnrolments(.init(pageSize: 1000, pageToken: token, sessionId: sessionID, state: state))
            all += page.enrolments
            token = page.nextPageToken
        } while !token.isEmpty && all.count < 100_000
        return all
    }

    /// The agencies (code and name), in order.
    static func agencies(_ client: MngIdentityClient) async throws -> [Binakarier_Identity_V1_Agency] {
        var all: [Binakarier_Identity_V1_Agency] = []
        var token = ""
        repeat {
            let page = try await client.listAgencies(.init(pageSize: 1000, pageToken: token))
            all += page.agencies
            token = page.nextPageToken
        } while !token.isEmpty && all.count < 10_000
        return all.sorted { $0.code < $1.code }
    }

    /// The employees behind `nips`, asked of identity a few at a time; one that cannot be read is left
    /// out (the page shows the NIP alone).
    static func employees(_ client: MngIdentityClient, nips: [String]) async -> [String: Binakarier_Identity_V1_Employee] {
        let distinct = Array(Set(nips))
        return await withTaskGroup(of: Binakarier_Identity_V1_Employee?.self) { group in
            var pending = distinct.makeIterator()
            for _ in 0..<12 {
                guard let nip = pending.next() else { break }
                group.addTask { try? await client.getEmployee(.init(nip: nip)) }
            }
            var found: [String: Binakarier_Identity_V1_Employee] = [:]
            while let result = await group.next() {
                if let employee = result { found[employee.nip] = employee }
                if let nip = pending.next() { group.addTask { try? await client.getEmployee(.init(nip: nip)) } }
            }
            return found
        }
    }

    // MARK: the overview

    static func overview(_ web: WebApp, request: Request, context: GatewayContext, session: WebSession) async throws -> Response {
        let client = programs(web, context, session)
        async let programList = allPrograms(client)
        async let sessionList = allSessions(client)
        let (programs, sessions) = try await (programList, sessionList)
        let language = context.language
        let today = ManageFormat.today()

        // Requests waiting: only open sessions take them.
        let open = sessions.filter { $0.state == .open }
        let requested = try await withThrowingTaskGroup(of: (String, Int).self) { group in
            for item in open {
                group.addTask { (item.id, try await allEnrolments(client, sessionID: item.id, state: .requested).count) }
            }
            var counts: [String: Int] = [:]
            for try await (id, count) in group { counts[id] = count }
            return counts
        }
        let titles = Dictionary(programs.map { ($0.code, $0.title) }, uniquingKeysWith: { first, _ in first })

        func row(_ item: MngSession) -> [String: Any] {
            var data = sessionSummary(item, language: language)
            data["programTitle"] = titles[item.programCode] ?? ""
            data["requested"] = IndonesianNumber.format(Double(requested[item.id] ?? 0))
            data["takesRequests"] = item.state == .open
            data["hasRequests"] = (requested[item.id] ?? 0) > 0
            return data
        }

        let todays = sessions.filter { item in
            (item.state == .running || item.state == .open) && item.days.contains { $0.date == today } || item.state == .running
        }.sorted { $0.id < $1.id }.map { item -> [String: Any] in
            var data = row(item)
            data["attendanceHref"] = "/kelola/sesi/\(item.id)/presensi" + (item.days.contains { $0.date == today } ? "?hari=\(today)" : "")
            return data
        }
        let active = sessions.filter { [.draft, .open, .running].contains($0.state) }
            .sorted { ($0.days.first?.date ?? "", $0.id) < ($1.days.first?.date ?? "", $1.id) }
            .map(row)
        let waiting = open.filter { (requested[$0.id] ?? 0) > 0 }.sorted { $0.id < $1.id }.map(row)
        let totalRequested = requested.values.reduce(0, +)

        let byProgram = Dictionary(grouping: sessions, by: \.programCode)
        let programRows: [[String: Any]] = programs.sorted { $0.code < $1.code }.map { program in
            let own = (byProgram[program.code] ?? []).sorted { $0.batch < $1.batch }
            return [
                "code": program.code,
                "title": program.title,
                "kind": Strings.text("mng_kind_\(program.kind.rawValue)", language),
                "jp": IndonesianNumber.format(Double(program.jp)),
                "sessions": own.map { sessionSummary($0, language: language) },
                "hasSessions": !own.isEmpty,
            ]
        }

        let data: [String: Any] = [
            "todayText": ManageFormat.long(today, language),
            "today": todays,
            "hasToday": !todays.isEmpty,
            "active": active,
            "hasActive": !active.isEmpty,
            "waiting": waiting,
            "hasWaiting": !waiting.isEmpty,
            "totalRequested": IndonesianNumber.format(Double(totalRequested)),
            "programCount": IndonesianNumber.format(Double(programs.count)),
            "activeCount": IndonesianNumber.format(Double(active.count)),
            "todayCount": IndonesianNumber.format(Double(todays.count)),
            "programs": programRows,
        ]
        return web.page("mng_overview", title: web.text("mng_overview_title", context), data: data, request: request, context: context)
    }

    /// What every list shows of a session: id, link, state badge, dates, seats.
    static func sessionSummary(_ item: MngSession, language: Language) -> [String: Any] {
        [
            "id": item.id,
            "href": "/kelola/sesi/\(item.id)",
            "programCode": item.programCode,
            "batch": "\(item.batch)",
            "state": Strings.text("mng_state_\(item.state.rawValue)", language),
            "stateClass": stateClass(item.state),
            "dates": ManageFormat.range(item.days.map(\.date), language),
            "seats": IndonesianNumber.format(Double(item.enrolledCount)) + " / " + IndonesianNumber.format(Double(item.capacity)),
            "waitlisted": IndonesianNumber.format(Double(item.waitlistedCount)),
            "hasWaitlist": item.waitlistedCount > 0,
            "venue": item.venue,
            "hasVenue": !item.venue.isEmpty,
        ]
    }

    static func stateClass(_ state: Binakarier_Programs_V1_SessionState) -> String {
        switch state {
        case .open: "ok"
        case .running: "warn"
        case .cancelled: "bad"
        default: ""
        }
    }

    // MARK: form errors

    /// The errors of a form post that go back to the form (the rest become an error page).
    static func isFormError(_ error: RPCError) -> Bool {
        [.invalidArgument, .failedPrecondition, .alreadyExists, .notFound, .outOfRange].contains(error.code)
    }

    /// Runs a daemon call of a form post: its answer, or the refusal the form shows again; anything
    /// else (a daemon down, an expired token) is thrown to the error pages.
    static func attempt<T>(_ body: () async throws -> T) async throws -> Result<T, RPCError> {
        do {
            return .success(try await body())
        } catch let error as RPCError {
            guard isFormError(error) else { throw error }
            return .failure(error)
        }
    }

    static func status(for error: RPCError) -> HTTPResponse.Status {
        error.code == .alreadyExists ? .conflict : error.code == .failedPrecondition ? .conflict : .badRequest
    }

    /// A daemon's message for a person: without the leading field path ("nips: ", "program.title: ")
    /// the form already shows by its place, and with a capital first letter.
    static func sentence(_ text: String) -> String {
        var text = Substring(text)
        if let colon = text.range(of: ": "), text[..<colon.lowerBound].allSatisfy({ $0.isLowercase || $0 == "_" || $0 == "." }),
            !text[..<colon.lowerBound].isEmpty
        {
            text = text[colon.upperBound...]
        }
        guard let first = text.first else { return String(text) }
        return first.uppercased() + text.dropFirst()
    }
}

/// Dates and numbers as the organiser's pages write them: "7 Desember 2026", days in WIB.
enum ManageFormat {
    static let zone = TimeZone(identifier: "Asia/Jakarta") ?? TimeZone(secondsFromGMT: 7 * 3600)!

    static var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar
    }

    /// Today in WIB, YYYY-MM-DD.
    static func today(_ now: Date = Date()) -> String {
        let parts = calendar.dateComponents([.year, .month, .day], from: now)
        return String(format: "%04d-%02d-%02d", parts.year ?? 2000, parts.month ?? 1, parts.day ?? 1)
    }

    static func parts(_ date: String) -> (year: Int, month: Int, day: Int)? {
        let pieces = date.split(separator: "-")
        guard pieces.count == 3, let year = Int(pieces[0]), let month = Int(pieces[1]), let day = Int(pieces[2]),
            (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        return (year, month, day)
    }

    /// "7 Desember 2026" (or the text as it is when it is not a date).
    static func long(_ date: String, _ language: Language) -> String {
        guard let (year, month, day) = parts(date) else { return date }
        return "\(day) \(Strings.text("mng_month_\(month)", language)) \(year)"
    }

    /// "Senin, 7 Desember 2026".
    static func withWeekday(_ date: String, _ language: Language) -> String {
        guard let (year, month, day) = parts(date),
            let value = calendar.date(from: DateComponents(year: year, month: month, day: day, hour: 12))
        else { return date }
        let weekday = calendar.component(.weekday, from: value)
        return "\(Strings.text("mng_weekday_\(weekday)", language)), \(long(date, language))"
    }

    /// "7–9 Desember 2026", "30 November – 2 Desember 2026", or one date.
    static func range(_ dates: [String], _ language: Language) -> String {
        let sorted = dates.sorted()
        guard let first = sorted.first, let last = sorted.last else { return "" }
        guard first != last, let a = parts(first), let b = parts(last) else { return long(first, language) }
        if a.year == b.year, a.month == b.month { return "\(a.day)–\(b.day) \(Strings.text("mng_month_\(a.month)", language)) \(a.year)" }
        if a.year == b.year { return "\(a.day) \(Strings.text("mng_month_\(a.month)", language)) – \(long(last, language))" }
        return "\(long(first, language)) – \(long(last, language))"
    }

    static func unix(_ seconds: Int64, _ language: Language) -> String {
        guard seconds > 0 else { return "" }
        return long(today(Date(timeIntervalSince1970: TimeInterval(seconds))), language)
    }

    /// A text with `%@` placeholders filled in order.
    static func fill(_ template: String, _ values: String...) -> String {
        var result = ""
        var rest = Substring(template)
        for value in values {
            guard let range = rest.range(of: "%@") else { break }
            result += rest[..<range.lowerBound] + value
            rest = rest[range.upperBound...]
        }
        return result + rest
    }

    /// A score 0–100 with one decimal, or "—" when not recorded (negative).
    static func score(_ value: Double) -> String {
        value < 0 ? "—" : IndonesianNumber.format(value, decimals: value.rounded() == value ? 0 : 1)
    }

    /// A number as typed back into a field: "12.5" stays "12.5" (an input wants a dot).
    static func plain(_ value: Double) -> String {
        value.rounded() == value ? String(Int64(value)) : String(value)
    }
}
