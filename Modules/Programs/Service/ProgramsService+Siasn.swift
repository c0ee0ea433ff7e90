import BKProto
import BKRPC
import BKServiceKit
import Foundation

/// Agency names, for SIASN's institusiPenyelenggara: identity knows them, programs keeps codes only.
protocol AgencyNameDirectory: Sendable {
    func agencyNames(token: String) async throws(RPCError) -> [String: String]
}

extension IdentityDirectory: AgencyNameDirectory {
    func agencyNames(token: String) async throws(RPCError) -> [String: String] {
        let identity = Binakarier_Identity_V1_IdentityService.Client(client, metadata: .bearer(token))
        var names: [String: String] = [:]
        var pageToken = ""
        repeat {
            let page = try await identity.listAgencies(.init(pageSize: 1000, pageToken: pageToken))
            for agency in page.agencies { names[agency.code] = agency.name }
            pageToken = page.nextPageToken
        } while !pageToken.isEmpty
        return names
    }
}

extension ProgramsService {
    /// Whose records a SIASN call is about: one person, one agency's people, or (organisers) the city.
    struct SiasnScope {
        var nip = ""
        var agencyCode = ""
        /// The people in scope by NIP (names, agencies); everyone identity shows the caller for the city.
        var people: [String: Employee] = [:]
        var label: String { !nip.isEmpty ? nip : agencyCode.isEmpty ? "kota" : agencyCode }
    }

    func siasnScope(nip: String, agencyCode: String, context: RPCServerContext) async throws -> SiasnScope {
        let caller = try context.requireCaller()
        let token = context.metadata.bearerToken ?? ""
        if !nip.isEmpty {
            let employee = try await person(nip, field: "nip", context: context)
            return SiasnScope(nip: employee.nip, agencyCode: employee.agencyCode, people: [employee.nip: employee])
        }
        let everyone = ProgramsAccess.seesEveryone(caller)
        guard everyone || caller.has(.agencyHead) else {
            throw ProgramsError.permissionDenied(.init(
                id: "riwayat kursus per perangkat daerah hanya untuk BKPSDM dan kepala perangkat daerah; minta riwayat Anda sendiri dengan NIP",
                en: "an agency's course history is for BKPSDM and agency heads only; ask for your own by NIP"))
        }
        let agency = try caller.agencyScope(requested: agencyCode, seesEveryAgency: everyone, what: .init(id: "riwayat kursus", en: "course history"))
        if !agency.isEmpty { _ = try Validation.code(agency, field: "agency_code") }
        let employees = try await directory.employees(agencyCode: agency.isEmpty ? nil : agency, token: token)
        if !agency.isEmpty, employees.isEmpty {
            throw ProgramsError.notFound(.init(id: "perangkat daerah \(agency) tidak ditemukan atau tidak mempunyai pegawai", en: "agency \(agency) not found or without employees"))
        }
        return SiasnScope(agencyCode: agency, people: Dictionary(employees.map { ($0.nip, $0) }, uniquingKeysWith: { first, _ in first }))
    }

    static func siasnYear(_ year: Int32) throws -> Int32 {
        guard year == 0 || (2000...2100).contains(year) else { throw ProgramsError.invalid(field: "year", reason: .init(id: "tahun tidak sah", en: "not a valid year")) }
        return year
    }

    /// The completed learning of the scope as SIASN records, sorted by person and end date; links made
    /// from `base` when given.
    func siasnHereCourses(_ scope: SiasnScope, year: Int32, base: String?, context: RPCServerContext) async throws -> [SiasnCourse] {
        let token = context.metadata.bearerToken ?? ""
        async let sources = store.siasnSourceRecords(nip: scope.nip, year: year)
        let names = (try? await (directory as? any AgencyNameDirectory)?.agencyNames(token: token)) ?? [:]
        let found = try await sources
        let personIDs = try await store.siasnPersonIDs(nips: Set(scope.people.keys))
        var courses: [SiasnCourse] = []
        for item in found.certificates {
            guard let person = scope.people[item.certificate.nip] else { continue }
            courses.append(Self.siasnCourse(item, person: person, organizerName: names[item.organizerAgencyCode] ?? item.organizerAgencyCode, base: base))
        }
        for entry in found.outside {
            guard let person = scope.people[entry.nip] else { continue }
            courses.append(Self.siasnCourse(entry, person: person))
        }
        for index in courses.indices { courses[index].pnsOrangId = personIDs[courses[index].nipBaru] ?? "" }
        return courses.sorted { Self.siasnSortKey($0) < Self.siasnSortKey($1) }
    }

    static func siasnSortKey(_ course: SiasnCourse) -> String {
        "\(course.nipBaru)|\(SiasnVocabulary.isoDate(course.tanggalSelesaiKursus) ?? "")|\(course.sourceId)"
    }

    static func siasnCourse(_ item: SiasnSourceRecords.SessionCertificate, person: Employee, organizerName: String, base: String?) -> SiasnCourse {
        let certificate = item.certificate
        var course = SiasnCourse()
        course.nipBaru = certificate.nip
        course.namaKursus = certificate.programTitle
        course.jenisDiklatId = SiasnVocabulary.jenisDiklatId(item.kind, competencyTypes: item.competencyTypes)
        course.jenisKursusSertipikat = SiasnVocabulary.jenisKursusSertipikat(course.jenisDiklatId)
        course.jumlahJam = certificate.jp
        course.nomorSertipikat = certificate.number
        course.institusiPenyelenggara = organizerName
        course.tanggalKursus = SiasnVocabulary.siasnDate(item.firstDay)
        course.tanggalSelesaiKursus = SiasnVocabulary.siasnDate(certificate.issueDate)
        course.tahunKursus = Int32(certificate.issueDate.prefix(4)) ?? 0
        course.source = .session
        course.sourceId = certificate.number
        course.holderName = person.name
        course.agencyCode = person.agencyCode
        course.verificationCode = certificate.verificationCode
        course.sessionId = certificate.sessionId
        if let base {
            course.certificateUrl = base + SiasnVocabulary.certificatePath(certificate.number)
            course.verificationUrl = base + SiasnVocabulary.verificationPath(code: certificate.verificationCode, number: certificate.number)
        }
        return course
    }

    static func siasnCourse(_ entry: LedgerEntry, person: Employee) -> SiasnCourse {
        var course = SiasnCourse()
        course.nipBaru = entry.nip
        course.namaKursus = entry.title
        course.jenisDiklatId = SiasnVocabulary.jenisDiklatId(entry.kind)
        course.jenisKursusSertipikat = SiasnVocabulary.jenisKursusSertipikat(course.jenisDiklatId)
        course.jumlahJam = entry.jp
        // Evidence that is a certificate's number (not a link, no spaces) is SIASN's nomorSertipikat.
        let evidence = entry.evidence.trimmingCharacters(in: .whitespaces)
        if !evidence.isEmpty, !evidence.contains("://"), !evidence.contains(" "), evidence.count <= 100 { course.nomorSertipikat = evidence }
        course.institusiPenyelenggara = entry.provider
        course.tanggalKursus = SiasnVocabulary.siasnDate(entry.startDate)
        course.tanggalSelesaiKursus = SiasnVocabulary.siasnDate(entry.endDate.isEmpty ? entry.startDate : entry.endDate)
        course.tahunKursus = entry.year
        course.source = .outside
        course.sourceId = entry.id
        course.holderName = person.name
        course.agencyCode = person.agencyCode
        course.evidence = entry.evidence
        return course
    }

    // MARK: the RPCs

    public func exportSiasnCourses(_ request: Binakarier_Programs_V1_ExportSiasnCoursesRequest, context: RPCServerContext) async throws -> Binakarier_Programs_V1_ExportSiasnCoursesResponse {
        let size = try PageTokens.size(request.pageSize)
        let year = try Self.siasnYear(request.year)
        var base: String?
        if !request.baseUrl.isEmpty {
            guard let valid = SiasnVocabulary.baseURL(request.baseUrl) else {
                throw ProgramsError.invalid(field: "base_url", reason: .init(
                    id: "alamat http(s) tanpa jalur tambahan, misalnya https://binakarier.example.go.id", en: "an http(s) address, e.g. https://binakarier.example.go.id"))
            }
            base = valid
        }
        let scope = try await siasnScope(nip: request.nip, agencyCode: request.agencyCode, context: context)
        let pageScope = "siasn:\(scope.nip):\(scope.agencyCode):\(year):\(request.format.rawValue):\(base ?? "")"
        let after = try pages.decode(request.pageToken, scope: pageScope)
        let courses = try await siasnHereCourses(scope, year: year, base: base, context: context)
        let start = after.map { key in courses.firstIndex { Self.siasnSortKey($0) > key } ?? courses.count } ?? 0
        let page = Array(courses[start..<min(start + size, courses.count)])
        let more = start + page.count < courses.count
        var response = Binakarier_Programs_V1_ExportSiasnCoursesResponse(
            courses: page, nextPageToken: more ? pages.encode(after: Self.siasnSortKey(page[page.count - 1]), scope: pageScope) : "",
            total: Int32(courses.count))
        let name = "riwayat-kursus-siasn-\(scope.label)-\(year == 0 ? "semua" : String(year))"
        switch request.format {
        case .csv:
            response.content = SiasnFiles.csv(page, first: after == nil)
            response.fileName = name + ".csv"
        case .json:
            response.content = SiasnFiles.json(page, first: after == nil, last: !more)
            response.fileName = name + ".json"
        default: break
        }
        if after == nil { audit(context, "siasn courses exported", ["scope": scope.label, "year": "\(year)", "records": "\(courses.count)"]) }
        return response
    }

    /// The largest SIASN export accepted: below the 4 MiB frame with the request around it.
    static let maximumSiasnFileBytes = 3 << 20

    public func importSiasnCourses(_ request: Binakarier_Programs_V1_ImportSiasnCoursesRequest, context: RPCServerContext) async throws -> Binakarier_Programs_V1_ImportSiasnCoursesResponse {
        let caller = try context.requireCaller()
        let agency = try Validation.code(request.agencyCode, field: "agency_code")
        guard !request.content.isEmpty else { throw ProgramsError.invalid(field: "content", reason: .init(id: "berkas kosong", en: "the file is empty")) }
        guard request.content.count <= Self.maximumSiasnFileBytes else {
            throw ProgramsError.invalid(field: "content", reason: .init(id: "berkas lebih dari 3 MiB; bagi per perangkat daerah", en: "the file is over 3 MiB; split it by agency"))
        }
        let content = request.content, format = request.format
        let parsed = try await BlockingWork.run { try SiasnImportFile.parse(content, format: format, deadline: context.deadline) }
        let employees = try await directory.employees(agencyCode: agency, token: context.metadata.bearerToken ?? "")
        guard !employees.isEmpty else {
            throw ProgramsError.notFound(.init(id: "perangkat daerah \(agency) tidak ditemukan atau tidak mempunyai pegawai", en: "agency \(agency) not found or without employees"))
        }
        let staff = Set(employees.map(\.nip))
        var errors = parsed.errors
        for row in parsed.rows where !staff.contains(row.course.nipBaru) {
            errors.append((row.line, .init(
                id: "nipBaru: \(row.course.nipBaru) bukan pegawai \(agency) menurut data kepegawaian", en: "nipBaru: \(row.course.nipBaru) is not one of \(agency)'s employees")))
        }
        var response = Binakarier_Programs_V1_ImportSiasnCoursesResponse(rowsTotal: Int32(parsed.rows.count + parsed.errors.count), format: parsed.format)
        if errors.isEmpty, !request.dryRun {
            let replaced = try await store.replaceSiasnImport(agencyCode: agency, courses: parsed.rows.map(\.course), format: parsed.format, by: caller.subject)
            response.rowsSaved = Int32(parsed.rows.count)
            response.rowsReplaced = Int32(replaced)
        }
        errors.sort { $0.line < $1.line }
        response.errorsTotal = Int32(errors.count)
        response.errors = errors.prefix(Self.maximumReportedErrors).map { .init(line: Int32($0.line), reason: ImportTable.report($0.reason, context.language)) }
        audit(context, "siasn export imported", [
            "agency": agency, "rows": "\(response.rowsTotal)", "saved": "\(response.rowsSaved)", "errors": "\(response.errorsTotal)", "dry_run": "\(request.dryRun)",
        ])
        return response
    }

    public func reconcileSiasn(_ request: Binakarier_Programs_V1_ReconcileSiasnRequest, context: RPCServerContext) async throws -> Binakarier_Programs_V1_SiasnReconciliation {
        let year = try Self.siasnYear(request.year)
        guard request.limit >= 0 else { throw ProgramsError.invalid(field: "limit", reason: .init(id: "tidak boleh negatif", en: "must not be negative")) }
        let limit = request.limit == 0 ? 200 : min(Int(request.limit), 5000)
        let scope = try await siasnScope(nip: request.nip, agencyCode: request.agencyCode, context: context)
        let here = try await siasnHereCourses(scope, year: year, base: nil, context: context)
        var siasn = try await store.siasnCourses(agencyCode: scope.nip.isEmpty ? scope.agencyCode : "", nip: scope.nip, year: year)
        for index in siasn.indices { siasn[index].holderName = scope.people[siasn[index].nipBaru]?.name ?? "" }
        var agencies = Set(siasn.map(\.agencyCode))
        if !scope.agencyCode.isEmpty { agencies.insert(scope.agencyCode) }
        let imports = try await store.siasnImports(agencyCodes: scope.nip.isEmpty && scope.agencyCode.isEmpty ? [] : agencies.sorted())
        let outcome = SiasnMatching.reconcile(here: here, siasn: siasn)
        var differing: [Binakarier_Programs_V1_SiasnMatch] = []
        var same: [Binakarier_Programs_V1_SiasnMatch] = []
        for match in outcome.matches {
            let pair = Binakarier_Programs_V1_SiasnMatch(here: here[match.here], siasn: siasn[match.siasn], rule: match.rule, differences: match.differences)
            if match.differences.isEmpty { same.append(pair) } else { differing.append(pair) }
        }
        var result = Binakarier_Programs_V1_SiasnReconciliation()
        result.nip = scope.nip
        result.agencyCode = scope.nip.isEmpty ? scope.agencyCode : ""
        result.year = year
        result.hereTotal = Int32(here.count)
        result.siasnTotal = Int32(siasn.count)
        result.matchedTotal = Int32(outcome.matches.count)
        result.toUpload = outcome.toUpload.prefix(limit).map { here[$0] }
        result.toUploadTotal = Int32(outcome.toUpload.count)
        result.toCheck = outcome.toCheck.prefix(limit).map { siasn[$0] }
        result.toCheckTotal = Int32(outcome.toCheck.count)
        result.matches = Array((differing + same).prefix(limit))
        result.differingTotal = Int32(differing.count)
        result.imports = imports
        return result
    }
}
