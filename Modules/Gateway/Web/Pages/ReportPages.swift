import BKProto
import BKRPC
import BKReportView
import Foundation
import Hummingbird

/// `/laporan`: the reports a person may open, by role, and the reports themselves (rendered by
/// BKReportView inside the layout, charts as inline SVG), with a year/quarter chooser, downloads in
/// every format reporting offers, and publishing. Reporting decides who may see and publish what; the
/// buttons shown here only follow the same rules so that nobody is offered what would be refused.
///
/// - `/laporan/kota?tahun=&kuartal=`: the city (organisers).
/// - `/laporan/instansi/:code?tahun=`: an agency (its head, organisers).
/// - `/laporan/program/:code?tahun=`: a program (organisers).
/// - `/laporan/pegawai/:nip?tahun=`: a person (the person, their supervisor, their agency's head, organisers).
/// - `/laporan/terbit/:id`: a published report, with its id, hash and signature state.
/// Each has `/unduh?format=csv|json|xlsx|html` (the file); all but published ones `POST …/terbitkan`.
enum ReportPages {
    typealias Reporting = Binakarier_Reporting_V1_ReportingService.Client

    static func register(_ web: WebApp) {
        web.get("/laporan") { request, context in
            try await hub(web, request: request, context: context)
        }
        // The hub's GET forms: a chosen agency or NIP becomes the report's own address.
        web.get("/laporan/instansi") { request, context in
            _ = try context.requireSession(request)
            let code = query(request, "kode").uppercased()
            guard !code.isEmpty else { return try await hub(web, request: request, context: context, agencyError: true) }
            return web.redirect(Target(kind: .agency, scope: code, year: year(request)).address)
        }
        web.get("/laporan/pegawai") { request, context in
            _ = try context.requireSession(request)
            let nip = query(request, "nip").filter { !$0.isWhitespace }
            guard nip.count == 18, nip.allSatisfy(\.isASCII), nip.allSatisfy(\.isNumber) else {
                return try await hub(web, request: request, context: context, nipError: true)
            }
            return web.redirect(Target(kind: .person, scope: nip, year: year(request)).address)
        }

        for kind in [Binakarier_Reporting_V1_ReportKind.city, .agency, .program, .person] {
            let path = Target.base(kind) + (kind == .city ? "" : "/:scope")
            web.get(path) { request, context in
                let session = try context.requireSession(request)
                let target = try Target(kind, request: request, context: context)
                let response = try await target.fetch(client(web, context, session), format: .unspecified)
                return show(web, response.report ?? .init(), target: target, session: session, request: request, context: context)
            }
            web.get(path + "/unduh") { request, context in
                let session = try context.requireSession(request)
                let target = try Target(kind, request: request, context: context)
                let format = try Download(request, context: context)
                let response = try await target.fetch(client(web, context, session), format: format.proto)
                return format.response(response.file ?? .init())
            }
            web.post(path + "/terbitkan") { request, context in
                let session = try context.requireSession(request)
                let form = try await FormData.read(request, context: context)
                var target = try Target(kind, request: request, context: context)
                target.year = year(form["tahun"])
                target.quarter = quarter(form["kuartal"])
                let published = try await client(web, context, session).publishReport(
                    .init(kind: target.kind, scope: target.kind == .city ? "" : target.scope, year: target.year, quarter: target.kind == .city ? target.quarter : 0))
                return web.redirect("/laporan/terbit/" + segment(published.id), message: "rpt_published")
            }
        }

        web.get("/laporan/terbit/:id") { request, context in
            let session = try context.requireSession(request)
            let id = context.parameters.get("id") ?? ""
            do {
                let response = try await client(web, context, session).getPublishedReport(.init(id: id))
                return showPublished(web, response.report ?? .init(), session: session, request: request, context: context)
            } catch let error as RPCError where error.code == .dataLoss {
                let title = web.text("rpt_pub_broken_title", context)
                return web.page("rpt_broken", title: title, data: ["id": id], request: request, context: context,
                                status: HTTPStatusMapping.status(for: error.code))
            }
        }
        web.get("/laporan/terbit/:id/unduh") { request, context in
            let session = try context.requireSession(request)
            let format = try Download(request, context: context)
            let response = try await client(web, context, session).getPublishedReport(.init(id: context.parameters.get("id") ?? "", format: format.proto))
            return format.response(response.file ?? .init())
        }
    }

    static func client(_ web: WebApp, _ context: GatewayContext, _ session: WebSession) -> Reporting {
        Reporting(web.daemons.reporting, metadata: context.metadata(session))
    }

    // MARK: the hub

    /// What the person may open: their own record, their staff's, their agency's, and for organisers
    /// the city, any agency, any program and any person; then the published reports they may see.
    static func hub(_ web: WebApp, request: Request, context: GatewayContext, nipError: Bool = false, agencyError: Bool = false) async throws -> Response {
        let session = try context.requireSession(request)
        let language = context.language
        let organizer = session.isOrganizer
        let head = session.has("agency_head") && !session.agencyCode.isEmpty
        let chosenYear = year(request)
        var data: [String: Any] = [:]
        if !session.nip.isEmpty {
            data["mine"] = ["href": Target(kind: .person, scope: session.nip, year: chosenYear).address]
        }
        if session.has("supervisor"), !session.nip.isEmpty {
            let staff = try await Binakarier_Identity_V1_IdentityService.Client(web.daemons.identity, metadata: context.metadata(session))
                .listEmployees(.init(pageSize: 1000, supervisorNip: session.nip)).employees
            data["staff"] = [
                "people": staff.sorted { $0.name < $1.name }.map { employee in
                    ["name": employee.name, "nip": employee.nip, "position": employee.positionTitle,
                     "href": Target(kind: .person, scope: employee.nip, year: chosenYear).address]
                },
                "any": !staff.isEmpty,
            ]
        }
        if head, !organizer {
            data["ownAgency"] = ["code": session.agencyCode, "href": Target(kind: .agency, scope: session.agencyCode, year: chosenYear).address]
        }
        let years = yearChoices(chosenYear)
        if organizer {
            let agencies = try await Binakarier_Identity_V1_IdentityService.Client(web.daemons.identity, metadata: context.metadata(session))
                .listAgencies(.init(pageSize: 1000)).agencies
            let chosenAgency = query(request, "kode").uppercased()
            let programs = try await programs(web, context: context, session: session)
            data["organizer"] = [
                "years": years, "quarters": quarterChoices(quarter(query(request, "kuartal")), language),
                "agencies": agencies.sorted { $0.name < $1.name }.map { ["code": $0.code, "name": $0.name, "selected": $0.code == chosenAgency] },
                "agencyError": agencyError,
                "programs": programs.map { program in
                    ["code": program.code, "title": program.title, "href": Target(kind: .program, scope: program.code, year: chosenYear).address]
                },
                "anyPrograms": !programs.isEmpty,
            ]
        }
        if organizer || head {
            var person: [String: Any] = ["years": years, "nip": query(request, "nip")]
            if nipError { person["error"] = true }
            data["person"] = person
        }
        data["published"] = try await publishedList(web, request: request, context: context, session: session)
        let status: HTTPResponse.Status = nipError || agencyError ? .badRequest : .ok
        return web.page("rpt_index", title: web.text("rpt_title", context), data: data, request: request, context: context, status: status)
    }

    static func programs(_ web: WebApp, context: GatewayContext, session: WebSession) async throws -> [Binakarier_Programs_V1_Program] {
        let client = Binakarier_Programs_V1_ProgramsService.Client(web.daemons.programs, metadata: context.metadata(session))
        var all: [Binakarier_Programs_V1_Program] = []
        var token = ""
        for _ in 0..<10 {
            let page = try await client.listPrograms(.init(pageSize: 500, pageToken: token))
            all += page.programs
            token = page.nextPageToken
            if token.isEmpty { break }
        }
        return all.sorted { $0.code < $1.code }
    }

    /// One page of the published reports the person may see (`?terbit=` is the next page's token).
    static func publishedList(_ web: WebApp, request: Request, context: GatewayContext, session: WebSession) async throws -> [String: Any] {
        let token = query(request, "terbit")
        let page = try await client(web, context, session).listPublishedReports(.init(pageSize: 50, pageToken: token))
        let language = context.language
        var list: [String: Any] = [
            "reports": page.reports.map { published in
                [
                    "href": "/laporan/terbit/" + segment(published.id), "id": published.id, "title": published.title,
                    "kind": kindName(published.kind, language), "scope": published.scope.isEmpty ? kindName(.city, language) : published.scope,
                    "period": period(published.year, published.quarter, language),
                    "time": CatalogueFormat.date(unix: published.publishTimeUnix, language), "by": published.publishedBy,
                ] as [String: Any]
            },
            "any": !page.reports.isEmpty,
        ]
        if !page.nextPageToken.isEmpty {
            list["next"] = "/laporan?terbit=" + (page.nextPageToken.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
        }
        return list
    }

    // MARK: a report

    static func show(
        _ web: WebApp, _ report: Binakarier_Reporting_V1_Report, target: Target, session: WebSession, request: Request, context: GatewayContext
    ) -> Response {
        let language = context.language
        var details = summary(report, language)
        details["chooser"] = [
            "action": target.address(withQuery: false), "years": yearChoices(target.year),
            "city": target.kind == .city ? ["quarters": quarterChoices(target.quarter, language)] as [String: Any] : false,
        ] as [String: Any]
        details["downloads"] = Download.links(target.address(withQuery: false) + "/unduh?" + target.query, language)
        if target.mayPublish(session) {
            details["publish"] = ["action": target.address(withQuery: false) + "/terbitkan", "year": target.year, "quarter": target.quarter]
        }
        return web.page("rpt_report", title: report.title, data: pageData(details, report, language), request: request, context: context)
    }

    static func showPublished(
        _ web: WebApp, _ report: Binakarier_Reporting_V1_Report, session: WebSession, request: Request, context: GatewayContext
    ) -> Response {
        let language = context.language
        var details = summary(report, language)
        let signed = report.signature.hasPrefix("V1.")
        details["published"] = [
            "id": report.publishedId, "sha256": report.sha256, "signature": report.signature, "signed": signed,
            "by": report.publishedBy, "time": moment(report.publishTimeUnix, language),
            "live": Target(kind: report.kind, scope: report.kind == .city ? "" : report.scope, year: report.year, quarter: report.quarter).address,
        ] as [String: Any]
        details["downloads"] = Download.links("/laporan/terbit/" + segment(report.publishedId) + "/unduh?", language)
        return web.page("rpt_report", title: report.title, data: pageData(details, report, language), request: request, context: context)
    }

    static func pageData(_ details: [String: Any], _ report: Binakarier_Reporting_V1_Report, _ language: Language) -> [String: Any] {
        ["rpt": details, "report": ReportView.content(report), "english": language == .english]
    }

    /// What every report page shows above the content: the subtitle, when it was made, where its data stood.
    static func summary(_ report: Binakarier_Reporting_V1_Report, _ language: Language) -> [String: Any] {
        [
            "subtitle": report.subtitle, "made": ReportText.stamp(report.generateTimeUnix), "positions": ReportText.positions(report),
            "kind": kindName(report.kind, language), "period": period(report.year, report.quarter, language),
        ]
    }

    // MARK: which report

    /// A report by kind, scope (agency code, program code or NIP; empty for the city), year and quarter.
    struct Target {
        var kind: Binakarier_Reporting_V1_ReportKind
        var scope: String = ""
        var year: Int32
        var quarter: Int32 = 0

        init(kind: Binakarier_Reporting_V1_ReportKind, scope: String = "", year: Int32, quarter: Int32 = 0) {
            (self.kind, self.scope, self.year, self.quarter) = (kind, scope, year, quarter)
        }

        /// From the address: the scope from the path, the year (and for the city the quarter) from the query.
        init(_ kind: Binakarier_Reporting_V1_ReportKind, request: Request, context: GatewayContext) throws {
            self.kind = kind
            if kind != .city {
                scope = context.parameters.get("scope") ?? ""
                guard !scope.isEmpty, scope.count <= 64 else {
                    throw WebFailure(status: .notFound, message: .init(id: "Laporan tidak ditemukan.", en: "Report not found."))
                }
            }
            year = ReportPages.year(request)
            quarter = kind == .city ? ReportPages.quarter(ReportPages.query(request, "kuartal")) : 0
        }

        static func base(_ kind: Binakarier_Reporting_V1_ReportKind) -> String {
            switch kind {
            case .city: "/laporan/kota"
            case .agency: "/laporan/instansi"
            case .program: "/laporan/program"
            default: "/laporan/pegawai"
            }
        }

        var query: String { "tahun=\(year)" + (kind == .city ? "&kuartal=\(quarter)" : "") }

        var address: String { address(withQuery: true) }

        func address(withQuery: Bool) -> String {
            let path = Self.base(kind) + (kind == .city ? "" : "/" + ReportPages.segment(scope))
            return withQuery ? path + "?" + query : path
        }

        func fetch(_ client: Reporting, format: Binakarier_Reporting_V1_ReportFormat) async throws -> Binakarier_Reporting_V1_ReportResponse {
            switch kind {
            case .city: try await client.getCityReport(.init(year: year, quarter: quarter, format: format))
            case .agency: try await client.getAgencyReport(.init(agencyCode: scope, year: year, format: format))
            case .program: try await client.getProgramReport(.init(programCode: scope, year: year, format: format))
            default: try await client.getPersonReport(.init(nip: scope, year: year, format: format))
            }
        }

        /// Reporting's rule for PublishReport: program and city reports organisers (administrators count
        /// as organisers there); an agency's its head and organisers; a person's the person and organisers.
        func mayPublish(_ session: WebSession) -> Bool {
            if session.isOrganizer { return true }
            switch kind {
            case .agency: return session.has("agency_head") && session.agencyCode == scope
            case .person: return !session.nip.isEmpty && session.nip == scope
            default: return false
            }
        }
    }

    // MARK: downloads

    /// A file format reporting exports, as asked for by `?format=`.
    struct Download {
        let proto: Binakarier_Reporting_V1_ReportFormat
        let ext: String
        let contentType: String

        static let all: [(ext: String, proto: Binakarier_Reporting_V1_ReportFormat, type: String)] = [
            ("csv", .csv, "text/csv; charset=utf-8"),
            ("json", .json, "application/json"),
            ("xlsx", .xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            ("html", .html, "text/html; charset=utf-8"),
        ]

        init(_ request: Request, context: GatewayContext) throws {
            let asked = ReportPages.query(request, "format").lowercased()
            guard let format = Self.all.first(where: { $0.ext == asked }) else {
                throw WebFailure(status: .badRequest, message: Strings.report["rpt_format_invalid"]!)
            }
            (proto, ext, contentType) = (format.proto, format.ext, format.type)
        }

        /// The download buttons: `prefix` ends with `?` or a query and takes `&format=…`.
        static func links(_ prefix: String, _ language: Language) -> [[String: Any]] {
            all.map { format in
                ["href": prefix + (prefix.hasSuffix("?") ? "" : "&") + "format=" + format.ext, "label": Strings.text("rpt_download_\(format.ext)", language), "ext": format.ext]
            }
        }

        /// The file as an attachment, under a name made safe for the header and for any file system.
        func response(_ file: Binakarier_Reporting_V1_ReportFile) -> Response {
            var headers = HTTPFields()
            headers[.contentType] = contentType
            headers[.contentDisposition] = "attachment; filename=\"\(Self.safeName(file.fileName, ext: ext))\""
            headers[.cacheControl] = "no-store"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: file.content)))
        }

        /// ASCII letters, digits, `-`, `_` and `.` only (anything else becomes `-`), no leading dot, at most
        /// 120 characters, ending in the format's extension.
        static func safeName(_ name: String, ext: String) -> String {
            var safe = String(name.unicodeScalars.map { scalar -> Character in
                scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || "-_.".unicodeScalars.contains(scalar)) ? Character(scalar) : "-"
            })
            while safe.contains("--") { safe = safe.replacingOccurrences(of: "--", with: "-") }
            while safe.contains("..") { safe = safe.replacingOccurrences(of: "..", with: ".") }
            safe = String(safe.drop { $0 == "." || $0 == "-" })
            if safe.lowercased().hasSuffix("." + ext) { safe.removeLast(ext.count + 1) }
            safe = String(safe.prefix(120 - ext.count - 1))
            if safe.isEmpty { safe = "laporan" }
            return safe + "." + ext
        }
    }

    // MARK: small pieces

    static func query(_ request: Request, _ name: String) -> String {
        request.uri.queryParameters[Substring(name)].map { String($0).trimmingCharacters(in: .whitespacesAndNewlines) } ?? ""
    }

    static func year(_ request: Request) -> Int32 { year(query(request, "tahun")) }

    /// A year between 2000 and 2100, else this year.
    static func year(_ text: String?) -> Int32 {
        guard let text, let year = Int32(text), (2000...2100).contains(year) else { return CatalogueFormat.thisYear }
        return year
    }

    /// 1–4, else 0 (the whole year).
    static func quarter(_ text: String?) -> Int32 {
        guard let text, let quarter = Int32(text), (1...4).contains(quarter) else { return 0 }
        return quarter
    }

    /// This year and the five before it (and the chosen one, if older).
    static func yearChoices(_ chosen: Int32) -> [[String: Any]] {
        let now = CatalogueFormat.thisYear
        var years = Array(((now - 5)...now).reversed())
        if !years.contains(chosen) { years.append(chosen) }
        return years.map { ["value": $0, "selected": $0 == chosen] }
    }

    static func quarterChoices(_ chosen: Int32, _ language: Language) -> [[String: Any]] {
        (0...4).map { quarter in
            ["value": quarter, "label": Strings.text(quarter == 0 ? "rpt_whole_year" : "rpt_quarter_\(quarter)", language), "selected": Int32(quarter) == chosen]
        }
    }

    static func period(_ year: Int32, _ quarter: Int32, _ language: Language) -> String {
        quarter > 0 ? "\(Strings.text("rpt_quarter_\(quarter)", language)) \(year)" : "\(year)"
    }

    static func kindName(_ kind: Binakarier_Reporting_V1_ReportKind, _ language: Language) -> String {
        switch kind {
        case .city: Strings.text("rpt_kind_city", language)
        case .agency: Strings.text("rpt_kind_agency", language)
        case .program: Strings.text("rpt_kind_program", language)
        default: Strings.text("rpt_kind_person", language)
        }
    }

    /// "30 November 2026 02.28 WIB".
    static func moment(_ unix: Int64, _ language: Language) -> String {
        let time = CatalogueFormat.calendar.dateComponents([.hour, .minute], from: Date(timeIntervalSince1970: TimeInterval(unix)))
        return CatalogueFormat.date(unix: unix, language) + String(format: " %02d.%02d WIB", time.hour ?? 0, time.minute ?? 0)
    }

    /// A code, NIP or id as one path segment.
    static func segment(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.")) ?? ""
    }
}
