import BKProto
import BKRPC
import Foundation
import Hummingbird

/// SIASN-ready course history (ExportSiasnCourses, ImportSiasnCourses, ReconcileSiasn).
///
/// - `/kelola/siasn?opd=&tahun=`: organisers (any agency) and agency heads (their own): the agency's
///   downloads, its last SIASN import and (organisers) the form that imports one (multipart upload).
/// - `/kelola/siasn/unduh?opd=&tahun=&format=csv|json`: the agency's file, links made from this site's address.
/// - `/kelola/siasn/rekonsiliasi?opd=&tahun=`: what SIASN lacks and what it has that is missing here.
/// - `/jp/siasn?tahun=&format=csv|json[&nip=]`: a person's own file (or a staff member's for their
///   supervisor or head), linked from /jp; `/jp/siasn/rekonsiliasi?tahun=[&nip=]` their reconciliation.
enum SiasnPages {
    typealias Programs = Binakarier_Programs_V1_ProgramsService.Client
    typealias Course = Binakarier_Programs_V1_SiasnCourse

    static func register(_ web: WebApp) {
        web.get("/kelola/siasn") { request, context in try await home(web, request: request, context: context) }
        web.post("/kelola/siasn/impor") { request, context in try await upload(web, request: request, context: context) }
        web.get("/kelola/siasn/unduh") { request, context in
            let session = try context.requireSession(request)
            let agency = try agencyCode(request, session)
            return try await download(web, request: request, context: context, session: session, nip: "", agency: agency)
        }
        web.get("/kelola/siasn/rekonsiliasi") { request, context in
            let session = try context.requireSession(request)
            let agency = try agencyCode(request, session)
            return try await reconcile(web, request: request, context: context, session: session, nip: "", agency: agency)
        }
        web.get("/jp/siasn") { request, context in
            let session = try context.requireSession(request)
            return try await download(web, request: request, context: context, session: session, nip: try personNIP(request, session), agency: "")
        }
        web.get("/jp/siasn/rekonsiliasi") { request, context in
            let session = try context.requireSession(request)
            return try await reconcile(web, request: request, context: context, session: session, nip: try personNIP(request, session), agency: "")
        }
    }

    // MARK: the query

    static func query(_ request: Request, _ name: String) -> String {
        (request.uri.queryParameters[Substring(name)].map(String.init) ?? "").trimmingCharacters(in: .whitespaces)
    }

    /// `?tahun=`: a year, or 0 for every year (the default).
    static func year(_ request: Request) -> Int32 {
        guard let year = Int32(query(request, "tahun")), (2000...2100).contains(year) else { return 0 }
        return year
    }

    /// `?opd=` for organisers; an agency head's own agency otherwise.
    static func agencyCode(_ request: Request, _ session: WebSession) throws -> String {
        let asked = query(request, "opd").uppercased()
        if session.isOrganizer {
            guard asked.isEmpty || (asked.count <= 40 && asked.unicodeScalars.allSatisfy({ CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_").contains($0) })) else {
                throw WebFailure(status: .notFound, message: .init(id: "Perangkat daerah tidak ditemukan.", en: "Agency not found."))
            }
            return asked
        }
        guard session.has("agency_head"), !session.agencyCode.isEmpty else {
            throw WebFailure(status: .forbidden, message: .init(
                id: "Halaman ini untuk BKPSDM dan kepala perangkat daerah. Riwayat Anda sendiri ada di halaman JP.",
                en: "This page is for BKPSDM and agency heads. Your own history is on the JP page."))
        }
        return session.agencyCode
    }

    static func personNIP(_ request: Request, _ session: WebSession) throws -> String {
        let asked = query(request, "nip")
        let nip = asked.isEmpty ? session.nip : asked
        guard nip.count == 18, nip.allSatisfy(\.isNumber) else {
            throw WebFailure(status: .notFound, message: .init(id: "Akun ini tidak terhubung dengan NIP.", en: "This account has no NIP."))
        }
        return nip
    }

    /// This site's address, for the links in the files.
    static func base(_ web: WebApp, _ request: Request) -> String {
        let absolute = CatalogueFormat.absolute("/", request: request, secure: web.renderer.secureCookies)
        return absolute.hasPrefix("http") ? String(absolute.dropLast()) : ""
    }

    static func yearChoices(_ chosen: Int32, _ context: GatewayContext) -> [[String: Any]] {
        let thisYear = CatalogueFormat.thisYear
        return [["value": "", "label": Strings.text("siasn_all_years", context.language), "selected": chosen == 0]]
            + ((thisYear - 4)...thisYear).reversed().map { ["value": String($0), "label": String($0), "selected": $0 == chosen] as [String: Any] }
    }

    static func when(_ unix: Int64, _ language: Language) -> String {
        CatalogueFormat.date(unix: unix, language)
    }

    static func importRows(_ imports: [Binakarier_Programs_V1_SiasnImport], _ language: Language) -> [[String: Any]] {
        imports.map { ["agency": $0.agencyCode, "when": when($0.importTimeUnix, language), "rows": String($0.rows), "by": $0.importedBy] }
    }

    // MARK: /kelola/siasn

    static func home(
        _ web: WebApp, request: Request, context: GatewayContext, importResult: (message: String, errors: [[String: Any]], status: HTTPResponse.Status)? = nil,
        agencyOverride: String? = nil
    ) async throws -> Response {
        let session = try context.requireSession(request)
        let agency = try agencyOverride ?? agencyCode(request, session)
        let year = year(request)
        var data: [String: Any] = ["organizer": session.isOrganizer, "years": yearChoices(year, context)]
        if !agency.isEmpty {
            let client = Programs(web.daemons.programs, metadata: context.metadata(session))
            async let first = client.exportSiasnCourses(.init(agencyCode: agency, year: year, pageSize: 1))
            async let reconciliation = client.reconcileSiasn(.init(agencyCode: agency, year: year, limit: 1))
            let (page, reconciled) = try await (first, reconciliation)
            let names = await CataloguePages.agencyNames(web, context, session)
            let suffix = "opd=\(agency)" + (year == 0 ? "" : "&tahun=\(year)")
            data["agency"] = agency
            data["agencyName"] = names[agency] ?? agency
            data["total"] = String(page.total)
            data["csvHref"] = "/kelola/siasn/unduh?\(suffix)&format=csv"
            data["jsonHref"] = "/kelola/siasn/unduh?\(suffix)&format=json"
            data["reconcileHref"] = "/kelola/siasn/rekonsiliasi?\(suffix)"
            if let last = reconciled.imports.first(where: { $0.agencyCode == agency }) {
                data["lastImport"] = importRows([last], context.language)[0]
            }
        }
        if let importResult {
            data["importMessage"] = importResult.message
            data["importErrors"] = importResult.errors
            data["hasImportErrors"] = !importResult.errors.isEmpty
        }
        return web.page("siasn_home", title: web.text("siasn_title", context), data: data, request: request, context: context, status: importResult?.status ?? .ok)
    }

    // MARK: downloads

    static func download(_ web: WebApp, request: Request, context: GatewayContext, session: WebSession, nip: String, agency: String) async throws -> Response {
        let ext = query(request, "format").lowercased()
        let format: Binakarier_Programs_V1_SiasnFileFormat = ext == "csv" ? .csv : ext == "json" ? .json : .unspecified
        guard format != .unspecified else {
            throw WebFailure(status: .badRequest, message: .init(id: "Format unduhan csv atau json.", en: "The download format is csv or json."))
        }
        let client = Programs(web.daemons.programs, metadata: context.metadata(session))
        var ask = Binakarier_Programs_V1_ExportSiasnCoursesRequest()
        ask.nip = nip
        ask.agencyCode = agency
        ask.year = year(request)
        ask.pageSize = 1000
        ask.format = format
        ask.baseUrl = base(web, request)
        var content: [UInt8] = []
        var name = ""
        for _ in 0..<1000 {
            let page = try await client.exportSiasnCourses(ask)
            content += page.content
            name = page.fileName
            guard !page.nextPageToken.isEmpty else { break }
            ask.pageToken = page.nextPageToken
        }
        var headers = HTTPFields()
        headers[.contentType] = format == .csv ? "text/csv; charset=utf-8" : "application/json"
        headers[.contentDisposition] = "attachment; filename=\"\(ReportPages.Download.safeName(name, ext: ext))\""
        headers[.cacheControl] = "no-store"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: content)))
    }

    // MARK: reconciliation

    static func rows(_ courses: [Course], _ language: Language) -> [[String: Any]] {
        courses.map { course in
            var row: [String: Any] = [
                "nip": course.nipBaru, "name": course.holderName, "course": course.namaKursus, "year": String(course.tahunKursus),
                "hours": String(course.jumlahJam), "number": course.nomorSertipikat.isEmpty ? "–" : course.nomorSertipikat,
            ]
            switch course.source {
            case .session:
                row["source"] = Strings.text("siasn_source_session", language) + " " + course.sessionId
                row["certificateHref"] = "/sertifikat/" + CatalogueFormat.certificateKey(course.nomorSertipikat)
            case .outside: row["source"] = Strings.text("siasn_source_outside", language)
            case .siasn: row["source"] = Strings.text("siasn_source_siasn", language) + " " + course.sourceId + (course.agencyCode.isEmpty ? "" : " (\(course.agencyCode))")
            default: row["source"] = ""
            }
            return row
        }
    }

    static func reconcile(_ web: WebApp, request: Request, context: GatewayContext, session: WebSession, nip: String, agency: String) async throws -> Response {
        let language = context.language
        let year = year(request)
        let client = Programs(web.daemons.programs, metadata: context.metadata(session))
        let result = try await client.reconcileSiasn(.init(nip: nip, agencyCode: agency, year: year, limit: 200))
        var scopeName = nip.isEmpty ? (agency.isEmpty ? "Kota" : agency) : nip
        if nip.isEmpty, !agency.isEmpty, let name = await CataloguePages.agencyNames(web, context, session)[agency] { scopeName = "\(name) (\(agency))" }
        let differing = result.matches.filter { !$0.differences.isEmpty }.map { match -> [String: Any] in
            [
                "nip": match.here?.nipBaru ?? "", "course": match.here?.namaKursus ?? "",
                "rule": Strings.text(match.rule == .certificateNumber ? "siasn_rule_number" : "siasn_rule_name", language),
                "differences": match.differences.joined(separator: "; "),
            ]
        }
        var data: [String: Any] = [
            "scopeName": scopeName + (year == 0 ? "" : ", \(year)"),
            "backHref": nip.isEmpty ? "/kelola/siasn?opd=\(agency)" + (year == 0 ? "" : "&tahun=\(year)") : "/jp" + (year == 0 ? "" : "?tahun=\(year)"),
            "hereTotal": String(result.hereTotal), "siasnTotal": String(result.siasnTotal), "matchedTotal": String(result.matchedTotal),
            "differingTotal": String(result.differingTotal), "toUploadTotal": String(result.toUploadTotal), "toCheckTotal": String(result.toCheckTotal),
            "imports": importRows(result.imports, language), "differing": differing,
        ]
        if result.imports.isEmpty { data["noImport"] = true }
        if !differing.isEmpty { data["hasDiffering"] = true }
        if !result.toUpload.isEmpty { data["toUpload"] = ["rows": rows(result.toUpload, language)] }
        if !result.toCheck.isEmpty { data["toCheck"] = ["rows": rows(result.toCheck, language)] }
        if Int(result.toUploadTotal) > result.toUpload.count || Int(result.toCheckTotal) > result.toCheck.count { data["partial"] = true }
        return web.page("siasn_reconcile", title: web.text("siasn_reconcile_title", context), data: data, request: request, context: context)
    }

    // MARK: import (multipart upload)

    /// The largest upload: the gateway's ceiling for any body (3 MiB).
    static let uploadLimit = BodyLimits.api

    static func upload(_ web: WebApp, request: Request, context: GatewayContext) async throws -> Response {
        let session = try context.requireSession(request)
        guard session.isOrganizer else {
            throw WebFailure(status: .forbidden, message: .init(id: "Impor ekspor SIASN khusus BKPSDM.", en: "Importing a SIASN export is for BKPSDM only."))
        }
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: uploadLimit)
        } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
            throw WebFailure(status: .contentTooLarge, message: .init(id: "Berkas lebih dari 3 MiB.", en: "The file is over 3 MiB."))
        }
        let form = MultipartForm(body: Array(buffer: buffer), contentType: request.headers[.contentType] ?? "")
        guard let form, let sent = form.text("_csrf"), !context.csrfToken.isEmpty, FormData.constantTimeEqual(sent, context.csrfToken) else {
            throw WebFailure(status: .forbidden, message: .init(
                id: "Formulir kedaluwarsa atau tidak berasal dari halaman ini. Muat ulang halaman lalu kirim lagi.",
                en: "The form has expired or did not come from this site. Reload the page and send it again."))
        }
        let agency = (form.text("opd") ?? "").uppercased()
        let language = context.language
        guard let file = form.fields["berkas"], !file.isEmpty else {
            return try await home(web, request: request, context: context,
                importResult: (Strings.text("siasn_import_no_file", language), [], .badRequest), agencyOverride: agency)
        }
        let dryRun = form.text("uji") == "1"
        let client = Programs(web.daemons.programs, metadata: context.metadata(session))
        let result = try await client.importSiasnCourses(.init(agencyCode: agency, content: file, dryRun: dryRun))
        if result.errorsTotal > 0 {
            let errors = result.errors.map { ["line": String($0.line), "reason": $0.reason] as [String: Any] }
            return try await home(web, request: request, context: context,
                importResult: (Strings.text("siasn_import_refused", language) + " (\(result.errorsTotal))", errors, .badRequest), agencyOverride: agency)
        }
        if dryRun {
            return try await home(web, request: request, context: context,
                importResult: (Strings.text("siasn_import_checked", language) + " (\(result.rowsTotal))", [], .ok), agencyOverride: agency)
        }
        return web.redirect("/kelola/siasn?opd=\(agency)", message: "siasn_import_saved")
    }
}

/// A `multipart/form-data` body (a file upload), parsed leniently: nil when it is not one.
struct MultipartForm {
    var fields: [String: [UInt8]] = [:]

    func text(_ name: String) -> String? { fields[name].map { String(decoding: $0, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) } }

    init?(body: [UInt8], contentType: String) {
        guard contentType.lowercased().hasPrefix("multipart/form-data"),
            let parameter = contentType.split(separator: ";").map({ $0.trimmingCharacters(in: .whitespaces) }).first(where: { $0.lowercased().hasPrefix("boundary=") })
        else { return nil }
        var boundary = String(parameter.dropFirst("boundary=".count))
        if boundary.hasPrefix("\""), boundary.hasSuffix("\""), boundary.count >= 2 { boundary = String(boundary.dropFirst().dropLast()) }
        guard !boundary.isEmpty, boundary.utf8.count <= 200 else { return nil }
        let delimiter = Array(("--" + boundary).utf8)
        let starts = Self.occurrences(of: delimiter, in: body)
        guard starts.count >= 2 else { return nil }
        for (start, end) in zip(starts, starts.dropFirst()) {
            var from = start + delimiter.count
            if from + 1 < body.count, body[from] == 13, body[from + 1] == 10 { from += 2 }
            var to = end
            if to >= 2, body[to - 2] == 13, body[to - 1] == 10 { to -= 2 }
            guard from <= to else { continue }
            let part = body[from..<to]
            guard let split = Self.occurrences(of: [13, 10, 13, 10], in: Array(part)).first else { continue }
            let head = String(decoding: part.prefix(split), as: UTF8.self)
            let content = Array(part.dropFirst(split + 4))
            guard let name = Self.name(in: head) else { continue }
            fields[name] = content
        }
    }

    /// The `name` of a part's Content-Disposition.
    static func name(in head: String) -> String? {
        for line in head.split(whereSeparator: { $0 == "\r" || $0 == "\n" }) where line.lowercased().hasPrefix("content-disposition:") {
            for parameter in line.split(separator: ";").map({ $0.trimmingCharacters(in: .whitespaces) }) where parameter.lowercased().hasPrefix("name=") {
                var value = String(parameter.dropFirst(5))
                if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
                return value
            }
        }
        return nil
    }

    static func occurrences(of needle: [UInt8], in haystack: [UInt8]) -> [Int] {
        guard let first = needle.first, needle.count <= haystack.count else { return [] }
        var found: [Int] = []
        var index = 0
        let last = haystack.count - needle.count
        while index <= last {
            if haystack[index] == first, haystack[index..<(index + needle.count)].elementsEqual(needle) {
                found.append(index)
                index += needle.count
            } else {
                index += 1
            }
        }
        return found
    }
}
