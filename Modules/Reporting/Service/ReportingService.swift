import BKAuth
import BKProto
import BKRPC
import BKServiceKit
import CSodium
import Foundation
import GRDB
import Logging

typealias API = Binakarier_Reporting_V1_ReportingService

/// The handlers of `binakarier.reporting.v1.ReportingService`. Who may call each RPC is declared once,
/// in `policies`; handlers add the row rules (an agency head sees their agency, a person their own
/// record, a supervisor their staff's).
public final class ReportingService: API.ServiceProtocol {
    public struct Configuration: Sendable {
        public var report = ReportSettings()
        public init() {}
    }

    static let organizers: Set<Role> = [.organizer, .administrator]

    public var policies: Binakarier_Reporting_V1_ReportingService.Policies {
        API.Policies(
            importOutcome: .roles(Self.organizers),
            getIpAsn: .authenticated(),
            summarizeIpAsn: .roles([.organizer, .administrator, .agencyHead]),
            getProgramReport: .roles(Self.organizers),
            getAgencyReport: .roles([.organizer, .administrator, .agencyHead]),
            getCityReport: .roles(Self.organizers),
            getPersonReport: .authenticated(),
            publishReport: .authenticated(),
            getPublishedReport: .authenticated(),
            listPublishedReports: .authenticated(),
            getDataStatus: .roles(Self.organizers),
            syncNow: .roles(Self.organizers))
    }

    let store: ReportingStore
    let configuration: Configuration
    let replicator: Replicator?
    let pages = PageTokens()

    public init(store: ReportingStore, configuration: Configuration = .init(), replicator: Replicator?) {
        var configuration = configuration
        configuration.report.k = max(5, configuration.report.k)
        self.store = store
        self.configuration = configuration
        self.replicator = replicator
    }

    var today: CalendarDate { CalendarDate(wib: store.now()) }

    func context(year: Int32, quarter: Int32 = 0) throws(ReportingError) -> ReportContext {
        let year = year == 0 ? today.year : Int(year)
        guard (2000...2100).contains(year) else { throw .invalid(field: "year", reason: .init(id: "tahun 2000–2100", en: "a year from 2000 to 2100")) }
        guard (0...4).contains(quarter) else { throw .invalid(field: "quarter", reason: .init(id: "triwulan 1–4, atau 0 untuk setahun", en: "quarter 1–4, or 0 for the year")) }
        return ReportContext(settings: configuration.report, year: year, quarter: Int(quarter), today: today)
    }

    func audit(_ context: RPCServerContext, _ event: String, _ fields: [String: String]) {
        var metadata: Logger.Metadata = ["by": "\(context.caller?.subject ?? "-")"]
        for (key, value) in fields { metadata[key] = "\(value)" }
        context.logger.notice("\(event)", metadata: metadata)
    }

    static func isOrganizer(_ caller: Caller) -> Bool { caller.hasAny(.organizer, .administrator) }

    // MARK: who may see what

    /// An agency's figures: organisers any, its head (an agency head of that agency).
    func requireAgency(_ code: String, _ caller: Caller) throws(ReportingError) {
        guard !Self.isOrganizer(caller) else { return }
        guard caller.has(.agencyHead), caller.agencyCode == code else {
            throw .permissionDenied(.init(id: "Anda hanya dapat melihat laporan instansi Anda", en: "you can only see your own agency's reports"))
        }
    }

    /// A person's record: themselves, their direct supervisor, their agency's head, organisers. Anyone
    /// else is told it does not exist (a NIP says nothing about whether it is in the system).
    func requirePerson(_ nip: String, _ caller: Caller) async throws -> Void {
        if Self.isOrganizer(caller) || caller.nip == nip { return }
        let person = try await store.read { db in try ReportData.people(db, nips: [nip]).first }
        guard let person else { throw ReportingError.notFound(.init(id: "pegawai \(nip) tidak ditemukan", en: "no employee \(nip)")) }
        if person.supervisor == caller.nip && !caller.nip.isEmpty { return }
        if caller.has(.agencyHead) && caller.agencyCode == person.agency { return }
        throw ReportingError.notFound(.init(id: "pegawai \(nip) tidak ditemukan", en: "no employee \(nip)"))
    }

    // MARK: outcome data

    public func importOutcome(_ request: Binakarier_Reporting_V1_ImportOutcomeRequest, context: RPCServerContext) async throws -> Binakarier_Reporting_V1_ImportOutcomeResponse {
        guard request.csv.count <= 4 * 1024 * 1024 else {
            throw ReportingError.invalid(field: "csv", reason: .init(id: "berkas paling besar 4 MiB", en: "a file is at most 4 MiB"))
        }
        let known = try await store.read { db in
            (people: Set(try String.fetchAll(db, sql: "SELECT nip FROM person")),
             units: Set(try Row.fetchAll(db, sql: "SELECT agency, code FROM unit").map { "\($0["agency"] as String)/\($0["code"] as String)" }
                + (try String.fetchAll(db, sql: "SELECT code FROM agency")).map { "\($0)/" }))
        }
        let parsed = try await BlockingWork.run { () throws -> OutcomeImport.Parsed in
            try OutcomeImport.parse(request.kind, request.csv, knownPeople: known.people, knownUnits: known.units, year: self.today.year)
        }
        var response = Binakarier_Reporting_V1_ImportOutcomeResponse(rowsTotal: Int32(parsed.rows))
        response.errorsTotal = Int32(parsed.errors.count)
        response.errors = parsed.errors.prefix(200).map { .init(line: Int32($0.line), reason: ImportTable.report($0.reason, context.language)) }
        guard parsed.errors.isEmpty, !request.dryRun else { return response }
        switch parsed.data {
        case .skp(let rows): try await store.saveSkp(rows)
        case .discipline(let rows, let years): try await store.saveSanctions(rows, years: years)
        case .ikm(let rows): try await store.saveIkm(rows)
        }
        response.rowsSaved = Int32(parsed.rows)
        audit(context, "outcome imported", ["kind": "\(request.kind)", "rows": "\(parsed.rows)"])
        return response
    }

    // MARK: IP ASN

    public func getIpAsn(_ request: Binakarier_Reporting_V1_GetIpAsnRequest, context: RPCServerContext) async throws -> Binakarier_Reporting_V1_IpAsnScore {
        let caller = try context.requireCaller()
        let nip = try NIPShape.checked(request.nip, field: "nip")
        try await requirePerson(nip, caller)
        let settings = try self.context(year: request.year)
        return try await store.read { db in
            guard let person = try ReportData.people(db, nips: [nip]).first else {
                throw ReportingError.notFound(.init(id: "pegawai \(nip) tidak ditemukan", en: "no employee \(nip)"))
            }
            let score = try ReportData.ipAsn(db, rules: settings.settings.ipAsn, year: settings.year, people: [person])[nip]
            return .init(nip: nip, name: person.name, agencyCode: person.agency, year: Int32(settings.year), components: score?.components ?? [],
                         total: score?.total ?? 0, complete: score?.total != nil, band: score?.total.map { IpAsnRules.band($0) } ?? "")
        }
    }

    public func summarizeIpAsn(_ request: Binakarier_Reporting_V1_SummarizeIpAsnRequest, context: RPCServerContext) async throws -> Binakarier_Reporting_V1_SummarizeIpAsnResponse {
        let caller = try context.requireCaller()
        let agency = try caller.agencyScope(requested: request.agencyCode, seesEveryAgency: Self.isOrganizer(caller), what: .init(id: "IP ASN", en: "IP ASN"))
        let settings = try self.context(year: request.year)
        let k = settings.k
        return try await store.read { db in
            let people = try ReportData.people(db, agency: agency.isEmpty ? nil : agency).filter(\.active)
            let scores = try ReportData.ipAsn(db, rules: settings.settings.ipAsn, year: settings.year, people: people)
            func summary(_ code: String, _ members: [ReportData.Person]) -> Binakarier_Reporting_V1_IpAsnSummary {
                let totals = members.compactMap { scores[$0.nip]?.total }
                let counts = IpAsnRules.bands.map { band in totals.count { IpAsnRules.band($0) == band } }
                let hidden = Suppression.hidden([counts + [totals.count]], k: k, rowTotals: true, columnTotals: false)[0]
                let dimensions = ["kualifikasi", "kompetensi", "kinerja", "disiplin"].map { dimension in
                    let present = members.compactMap { scores[$0.nip]?.components.first { $0.dimension == dimension && !$0.missing } }
                    return Binakarier_Reporting_V1_IpAsnComponent(
                        dimension: dimension, points: present.isEmpty ? 0 : present.reduce(0) { $0 + $1.points } / Double(present.count),
                        maxPoints: present.first?.maxPoints ?? 0, missing: present.count < k, basis: "\(present.count) orang")
                }
                return .init(
                    agencyCode: code, year: Int32(settings.year), people: Int32(members.count), complete: Int32(totals.count),
                    meanTotal: totals.count >= k ? totals.reduce(0, +) / Double(totals.count) : 0, dimensions: dimensions,
                    bands: IpAsnRules.bands.enumerated().map { index, band in
                        .init(band: band, people: hidden[index] ? 0 : Int32(counts[index]),
                              percent: hidden[index] ? 0 : Evaluation.percent(counts[index], of: totals.count) ?? 0, suppressed: hidden[index])
                    })
            }
            let groups = Dictionary(grouping: people, by: \.agency).sorted { $0.key < $1.key }
            return .init(total: summary(agency, people), agencies: agency.isEmpty ? groups.map { summary($0.key, $0.value) } : [])
        }
    }

    // MARK: reports

    func respond(_ report: Report?, format: Binakarier_Reporting_V1_ReportFormat, missing: @autoclosure () -> LocalizedText) async throws -> Binakarier_Reporting_V1_ReportResponse {
        guard var built = report else { throw ReportingError.notFound(missing()) }
        built.k = Int32(configuration.report.k)
        built.generateTimeUnix = store.now()
        let report = built
        guard format != .unspecified else { return .init(report: report) }
        let file = try await BlockingWork.run { () throws -> Binakarier_Reporting_V1_ReportFile in try ReportExport.file(report, format: format) }
        guard file.content.count < 4 * 1024 * 1024 - 4096 else {
            throw ReportingError.resourceExhausted(.init(id: "berkas laporan terlalu besar untuk satu jawaban", en: "the report file is too large for one answer"))
        }
        return .init(report: report, file: file)
    }

    /// Builds a report in one snapshot of the store, with the positions it was read at.
    func build(_ body: @escaping @Sendable (GRDB.Database) throws -> Report?) async throws -> Report? {
        // GRDB reads on its own reader queue, off the event loop.
        try await store.read { db in
            guard var report = try body(db) else { return nil }
            report.positions = try ReportingStore.positions(db)
            return report
        }
    }

    public func getProgramReport(_ request: Binakarier_Reporting_V1_GetProgramReportRequest, context: RPCServerContext) async throws -> Binakarier_Reporting_V1_ReportResponse {
        let code = request.programCode.trimmingCharacters(in: .whitespaces).uppercased()
        let settings = try self.context(year: request.year)
        let report = try await build { db in try ProgramReport.build(db, program: code, context: settings) }
        return try await respond(report, format: request.format, missing: .init(id: "program \(code) tidak ditemukan", en: "no program \(code)"))
    }

    public func getAgencyReport(_ request: Binakarier_Reporting_V1_GetAgencyReportRequest, context: RPCServerContext) async throws -> Binakarier_Reporting_V1_ReportResponse {
        let caller = try context.requireCaller()
        let code = request.agencyCode.trimmingCharacters(in: .whitespaces).uppercased()
        try requireAgency(code, caller)
        let settings = try self.context(year: request.year)
        let report = try await build { db in try AgencyReport.build(db, agency: code, context: settings) }
        return try await respond(report, format: request.format, missing: .init(id: "perangkat daerah \(code) tidak ditemukan", en: "no agency \(code)"))
    }

    public func getCityReport(_ request: Binakarier_Reporting_V1_GetCityReportRequest, context: RPCServerContext) async throws -> Binakarier_Reporting_V1_ReportResponse {
        let settings = try self.context(year: request.year, quarter: request.quarter)
        let report = try await build { db in try CityReport.build(db, context: settings) }
        return try await respond(report, format: request.format, missing: .init(id: "tidak ada data", en: "no data"))
    }

    public func getPersonReport(_ request: Binakarier_Reporting_V1_GetPersonReportRequest, context: RPCServerContext) async throws -> Binakarier_Reporting_V1_ReportResponse {
        let caller = try context.requireCaller()
        let nip = try NIPShape.checked(request.nip, field: "nip")
        try await requirePerson(nip, caller)
        let settings = try self.context(year: request.year)
        let report = try await build { db in try PersonReport.build(db, nip: nip, context: settings) }
        return try await respond(report, format: request.format, missing: .init(id: "pegawai \(nip) tidak ditemukan", en: "no employee \(nip)"))
    }

    // MARK: published reports

    /// The hash of a report's numbers: the report serialized with its publication fields empty.
    static func hash(_ report: Report) throws -> String {
        var unsealed = report
        unsealed.publishedId = ""
        unsealed.sha256 = ""
        unsealed.publishTimeUnix = 0
        unsealed.publishedBy = ""
        let bytes = try unsealed.serializedBytes()
        var digest = [UInt8](repeating: 0, count: Int(crypto_hash_sha256_BYTES))
        _ = crypto_hash_sha256(&digest, bytes, UInt64(bytes.count))
        return digest.map { String(format: "%02x", $0) }.joined()
    }

    public func publishReport(_ request: Binakarier_Reporting_V1_PublishReportRequest, context: RPCServerContext) async throws -> Binakarier_Reporting_V1_PublishedReport {
        let caller = try context.requireCaller()
        let response: Binakarier_Reporting_V1_ReportResponse
        var agency = ""
        // Publishing runs the report's own handler, so each kind's rule is checked here as its policy would.
        guard Self.isOrganizer(caller) || request.kind == .agency || request.kind == .person else {
            throw ReportingError.permissionDenied(.init(id: "hanya penyelenggara yang dapat menerbitkan laporan program dan kota", en: "only organisers publish program and city reports"))
        }
        switch request.kind {
        case .program:
            response = try await getProgramReport(.init(programCode: request.scope, year: request.year), context: context)
            agency = ""
        case .agency:
            response = try await getAgencyReport(.init(agencyCode: request.scope, year: request.year), context: context)
            agency = request.scope.uppercased()
        case .city:
            response = try await getCityReport(.init(year: request.year, quarter: request.quarter), context: context)
        case .person:
            response = try await getPersonReport(.init(nip: request.scope, year: request.year), context: context)
            agency = try await store.read { db in try ReportData.people(db, nips: [request.scope]).first?.agency } ?? ""
        default:
            throw ReportingError.invalid(field: "kind", reason: .init(id: "pilih program, agency, city atau person", en: "choose program, agency, city or person"))
        }
        guard var report = response.report else { throw ReportingError.notFound(.init(id: "laporan kosong", en: "empty report")) }
        report.sha256 = try Self.hash(report)
        report.publishedId = "LAP-\(report.year)-\(String(report.sha256.prefix(12)))"
        report.publishTimeUnix = store.now()
        report.publishedBy = caller.subject
        if try await store.published(id: report.publishedId) == nil {
            try await store.publish(report, id: report.publishedId, agency: agency)
            audit(context, "report published", ["id": report.publishedId, "kind": "\(request.kind)", "scope": request.scope])
        }
        return .init(id: report.publishedId, kind: report.kind, scope: report.scope, year: report.year, quarter: report.quarter, title: report.title,
                     sha256: report.sha256, positions: report.positions, publishTimeUnix: report.publishTimeUnix, publishedBy: report.publishedBy)
    }

    public func getPublishedReport(_ request: Binakarier_Reporting_V1_GetPublishedReportRequest, context: RPCServerContext) async throws -> Binakarier_Reporting_V1_ReportResponse {
        let caller = try context.requireCaller()
        let notFound = ReportingError.notFound(.init(id: "laporan terbit \(request.id) tidak ditemukan", en: "no published report \(request.id)"))
        guard let (report, agency) = try await store.published(id: request.id) else { throw notFound }
        switch report.kind {
        case .person: do { try await requirePerson(report.scope, caller) } catch { throw notFound }
        case .agency: guard Self.isOrganizer(caller) || (caller.has(.agencyHead) && caller.agencyCode == agency) else { throw notFound }
        default: guard Self.isOrganizer(caller) else { throw notFound }
        }
        guard try Self.hash(report) == report.sha256 else {
            throw RPCError(.dataLoss, LocalizedText(id: "angka laporan terbit \(request.id) tidak cocok dengan hash-nya: pulihkan basis data dari cadangan",
                                                    en: "published report \(request.id) no longer matches its hash: restore the database from a backup"))
        }
        guard request.format != .unspecified else { return .init(report: report) }
        let file = try await BlockingWork.run { () throws -> Binakarier_Reporting_V1_ReportFile in try ReportExport.file(report, format: request.format) }
        return .init(report: report, file: file)
    }

    public func listPublishedReports(_ request: Binakarier_Reporting_V1_ListPublishedReportsRequest, context: RPCServerContext) async throws -> Binakarier_Reporting_V1_ListPublishedReportsResponse {
        let caller = try context.requireCaller()
        let size = try PageTokens.size(request.pageSize)
        let scope = "published:\(request.kind.rawValue):\(request.scope)"
        let after = try pages.decode(request.pageToken, scope: scope)
        let organizer = Self.isOrganizer(caller)
        let found = try await store.publishedList(
            kind: Int(request.kind.rawValue), scope: request.scope.trimmingCharacters(in: .whitespaces).uppercased(),
            agency: organizer ? nil : (caller.has(.agencyHead) ? caller.agencyCode : nil), person: organizer ? nil : caller.nip,
            after: after, limit: size + 1)
        return .init(reports: Array(found.prefix(size)), nextPageToken: found.count > size ? pages.encode(after: found[size - 1].id, scope: scope) : "")
    }

    // MARK: the replica

    public func getDataStatus(_ request: Binakarier_Reporting_V1_GetDataStatusRequest, context: RPCServerContext) async throws -> Binakarier_Reporting_V1_DataStatus {
        try await status()
    }

    func status() async throws -> Binakarier_Reporting_V1_DataStatus {
        var status = try await store.status()
        if let newest = replicator?.newest.withLockedValue({ $0 }) {
            status.programsNewest = newest.programs
            status.feedbackNewest = newest.feedback
        }
        return status
    }

    public func syncNow(_ request: Binakarier_Reporting_V1_SyncNowRequest, context: RPCServerContext) async throws -> Binakarier_Reporting_V1_DataStatus {
        guard let replicator else { return try await status() }
        let error = await replicator.round(forceIdentity: true)
        guard error.isEmpty else {
            throw RPCError(.unavailable, LocalizedText(id: "sinkronisasi belum lengkap: \(error)", en: "the sync did not complete: \(error)"))
        }
        return try await status()
    }
}
