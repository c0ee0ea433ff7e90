import BKAuth
import BKProto
import BKRPC
import BKServiceKit
import CSodium
import Foundation
import GRDB
import Logging
import NIOConcurrencyHelpers

typealias API = Binakarier_Reporting_V1_ReportingService

/// The handlers of `binakarier.reporting.v1.ReportingService`. Who may call each RPC is declared once,
/// in `policies`; handlers add the row rules (an agency head sees their agency, a person their own
/// record, a supervisor their staff's).
public final class ReportingService: API.ServiceProtocol {
    public struct Configuration: Sendable {
        public var report = ReportSettings()
        /// Where the XLSX writer keeps its scratch file (it holds personal data): the daemon's own data
        /// directory, not the shared /tmp. nil: the system's temporary directory (tests).
        public var temporaryDirectory: String?
        public init() {}
    }

    /// Published reports' signatures are versioned like certificates' verification codes.
    static let signaturePrefix = "V1."

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

    /// Seals published reports: the daemon's own Ed25519 key (report-signing.key in its data directory).
    let signingKey: SigningKey

    public init(store: ReportingStore, configuration: Configuration = .init(), replicator: Replicator?, signingKey: SigningKey = .generate()) {
        var configuration = configuration
        configuration.report.k = max(5, configuration.report.k)
        self.signingKey = signingKey
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
        let coveredYears = Set(request.years.map(Int.init))
        guard coveredYears.allSatisfy({ (2000...(today.year + 1)).contains($0) }) else {
            throw ReportingError.invalid(field: "years", reason: .init(id: "tahun 2000 sampai \(today.year + 1)", en: "years from 2000 to \(today.year + 1)"))
        }
        let coveredAgency = request.agencyCode.trimmingCharacters(in: .whitespaces).uppercased()
        let known = try await store.read { db in
            (people: Dictionary(try Row.fetchAll(db, sql: "SELECT nip, agency FROM person").map { ($0["nip"] as String, $0["agency"] as String) }, uniquingKeysWith: { a, _ in a }),
             units: Set(try Row.fetchAll(db, sql: "SELECT agency, code FROM unit").map { "\($0["agency"] as String)/\($0["code"] as String)" }
                + (try String.fetchAll(db, sql: "SELECT code FROM agency")).map { "\($0)/" }))
        }
        let parsed = try await BlockingWork.run { () throws -> OutcomeImport.Parsed in
            try OutcomeImport.parse(request.kind, request.csv, knownPeople: known.people, knownUnits: known.units, year: self.today.year,
                                    coveredYears: coveredYears, coveredAgency: coveredAgency)
        }
        var response = Binakarier_Reporting_V1_ImportOutcomeResponse(rowsTotal: Int32(parsed.rows))
        response.errorsTotal = Int32(parsed.errors.count)
        response.errors = parsed.errors.prefix(200).map { .init(line: Int32($0.line), reason: ImportTable.report($0.reason, context.language)) }
        guard parsed.errors.isEmpty, !request.dryRun else { return response }
        switch parsed.data {
        case .skp(let rows): try await store.saveSkp(rows)
        case .discipline(let rows, let years):
            guard !years.isEmpty else {
                throw ReportingError.invalid(field: "years", reason: .init(
                    id: "berkas tanpa baris: sebutkan tahun yang dicakupnya (tahun tanpa hukuman disiplin)",
                    en: "a file without rows: name the years it covers (years without a sanction)"))
            }
            if !coveredAgency.isEmpty, !known.units.contains("\(coveredAgency)/") {
                throw ReportingError.invalid(field: "agency_code", reason: .init(id: "perangkat daerah \(coveredAgency) tidak dikenal", en: "no agency \(coveredAgency)"))
            }
            try await store.saveSanctions(rows, years: years, agency: coveredAgency)
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
            let reads = ReportData.Reads(db, rules: settings.settings.ipAsn, only: [nip])
            let score = try ReportData.ipAsn(reads, rules: settings.settings.ipAsn, year: settings.year, people: [person])[nip]
            return .init(nip: nip, name: person.name, agencyCode: person.agency, year: Int32(settings.year), components: score?.components ?? [],
                         total: score?.total ?? 0, complete: score?.total != nil, band: score?.total.map { IpAsnRules.band($0) } ?? "")
        }
    }

    public func summarizeIpAsn(_ request: Binakarier_Reporting_V1_SummarizeIpAsnRequest, context: RPCServerContext) async throws -> Binakarier_Reporting_V1_SummarizeIpAsnResponse {
        let caller = try context.requireCaller()
        let agency = try caller.agencyScope(requested: request.agencyCode, seesEveryAgency: Self.isOrganizer(caller), what: .init(id: "IP ASN", en: "IP ASN"))
        let settings = try self.context(year: request.year)
        return try await store.read { db in
            let people = try ReportData.people(db, agency: agency.isEmpty ? nil : agency).filter(\.active)
            let figures = try GroupFigures.load(ReportData.Reads(db, rules: settings.settings.ipAsn), people: people, context: settings)
            // The city by agency, or an agency by unit: the same table (and suppression) as the reports
            // show, so that the summary can be set beside them without giving a hidden band away.
            let groups: [(String, [ReportData.Person])]
            if agency.isEmpty {
                groups = Dictionary(grouping: figures.people, by: \.agency).sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
            } else {
                let units = try ReportData.units(db, agency: agency)
                groups = Dictionary(grouping: figures.people, by: { $0.unit.isEmpty ? "(langsung di bawah \(agency))" : units[$0.unit] ?? $0.unit })
                    .sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
            }
            let table = GroupFigures.bandTable(title: "", labelTitle: "", groups: groups, figures: figures, k: settings.k)
            func summary(_ row: Binakarier_Reporting_V1_Row, code: String, members: [ReportData.Person]) -> Binakarier_Reporting_V1_IpAsnSummary {
                let complete = figures.totals(members).count
                let bandCells = (1...IpAsnRules.bands.count).map { row.cells[$0] }
                let shownComplete = bandCells.allSatisfy { $0.state == .value } ? bandCells.reduce(0) { $0 + Int($1.number) } : complete
                let bands = zip(IpAsnRules.bands, bandCells).map { band, cell in
                    Binakarier_Reporting_V1_IpAsnBand(
                        band: band, people: cell.state == .value ? Int32(cell.number) : 0,
                        percent: cell.state == .value ? Evaluation.percent(Int(cell.number), of: shownComplete) ?? 0 : 0, suppressed: cell.state != .value)
                }
                // People and complete scores are quoted only where the table shows both the group and its
                // incomplete ones (otherwise one is the other's complement).
                guard complete >= settings.k, row.cells[IpAsnRules.bands.count + 1].state == .value,
                      row.cells[IpAsnRules.bands.count + 2].state == .value else {
                    return .init(agencyCode: code, year: Int32(settings.year), bands: bands, suppressed: true)
                }
                let dimensions = ["kualifikasi", "kompetensi", "kinerja", "disiplin"].map { dimension in
                    let present = members.compactMap { figures.ipAsn[$0.nip]?.components.first { $0.dimension == dimension && !$0.missing } }
                    return Binakarier_Reporting_V1_IpAsnComponent(
                        dimension: dimension, points: present.count >= settings.k ? present.reduce(0) { $0 + $1.points } / Double(present.count) : 0,
                        maxPoints: present.first?.maxPoints ?? 0, missing: present.count < settings.k,
                        basis: present.count >= settings.k ? "\(present.count) orang" : "kurang dari \(settings.k) orang")
                }
                let mean = row.cells[IpAsnRules.bands.count + 3]
                return .init(agencyCode: code, year: Int32(settings.year), people: Int32(members.count), complete: Int32(complete),
                             meanTotal: mean.state == .value ? mean.number : 0, dimensions: dimensions, bands: bands)
            }
            let rows = table.rows.filter { !$0.total }
            let total = table.rows.last(where: \.total) ?? .init()
            return .init(
                total: summary(total, code: agency, members: figures.people),
                agencies: zip(rows, groups).map { row, group in summary(row, code: group.0, members: group.1) },
                k: Int32(settings.k))
        }
    }

    // MARK: reports

    /// A report, and its file when a format is asked for; a published one keeps its stamp (k, time).
    func respond(_ report: Report?, format: Binakarier_Reporting_V1_ReportFormat, missing: @autoclosure () -> LocalizedText,
                 keepStamp: Bool = false) async throws -> Binakarier_Reporting_V1_ReportResponse {
        guard var built = report else { throw ReportingError.notFound(missing()) }
        if !keepStamp {
            built.k = Int32(configuration.report.k)
            built.generateTimeUnix = store.now()
        }
        let report = built
        let temporary = configuration.temporaryDirectory
        let response = try await BlockingWork.run { () throws -> (Binakarier_Reporting_V1_ReportResponse, Int) in
            let answer = Binakarier_Reporting_V1_ReportResponse(
                report: report, file: format == .unspecified ? nil : try ReportExport.file(report, format: format, temporaryDirectory: temporary))
            return (answer, try answer.serializedBytes().count)
        }
        // The answer travels in one frame of at most 4 MiB.
        guard response.1 < 4 * 1024 * 1024 - 4096 else {
            throw ReportingError.resourceExhausted(.init(
                id: "laporan ini terlalu besar untuk satu jawaban: minta per perangkat daerah atau per triwulan",
                en: "this report is too large for one answer: ask per agency or per quarter"))
        }
        return response.0
    }

    /// Builds a report in one snapshot of the store, with the positions it was read at. The same
    /// question on the same data (`ReportingStore.dataVersion`) is answered from memory: reports are
    /// asked for again and again between two changes of the data (a meeting, a dashboard).
    func build(_ question: String, _ body: @escaping @Sendable (GRDB.Database) throws -> Report?) async throws -> Report? {
        let cache = self.cache
        // GRDB reads on its own reader queue, off the event loop.
        return try await store.read { db in
            let key = question + "|" + (try ReportingStore.dataVersion(db))
            if let cached = cache.withLockedValue({ $0.reports[key] }) { return cached }
            guard var report = try body(db) else { return nil }
            report.positions = try ReportingStore.positions(db)
            let built = report
            cache.withLockedValue { cache in
                if cache.reports[key] == nil { cache.order.append(key) }
                cache.reports[key] = built
                while cache.order.count > Self.cachedReports { cache.reports[cache.order.removeFirst()] = nil }
            }
            return built
        }
    }

    /// Reports kept in memory (each tens of KiB).
    static let cachedReports = 64
    let cache = NIOLockedValueBox<(reports: [String: Report], order: [String])>(([:], []))

    public func getProgramReport(_ request: Binakarier_Reporting_V1_GetProgramReportRequest, context: RPCServerContext) async throws -> Binakarier_Reporting_V1_ReportResponse {
        let code = request.programCode.trimmingCharacters(in: .whitespaces).uppercased()
        let settings = try self.context(year: request.year)
        let report = try await build("program|\(code)|\(settings.year)|\(settings.today)") { db in try ProgramReport.build(db, program: code, context: settings) }
        return try await respond(report, format: request.format, missing: .init(id: "program \(code) tidak ditemukan", en: "no program \(code)"))
    }

    public func getAgencyReport(_ request: Binakarier_Reporting_V1_GetAgencyReportRequest, context: RPCServerContext) async throws -> Binakarier_Reporting_V1_ReportResponse {
        let caller = try context.requireCaller()
        let code = request.agencyCode.trimmingCharacters(in: .whitespaces).uppercased()
        try requireAgency(code, caller)
        let settings = try self.context(year: request.year)
        let report = try await build("agency|\(code)|\(settings.year)|\(settings.today)") { db in try AgencyReport.build(db, agency: code, context: settings) }
        return try await respond(report, format: request.format, missing: .init(id: "perangkat daerah \(code) tidak ditemukan", en: "no agency \(code)"))
    }

    public func getCityReport(_ request: Binakarier_Reporting_V1_GetCityReportRequest, context: RPCServerContext) async throws -> Binakarier_Reporting_V1_ReportResponse {
        let settings = try self.context(year: request.year, quarter: request.quarter)
        let report = try await build("city|\(settings.year)|\(settings.quarter)|\(settings.today)") { db in try CityReport.build(db, context: settings) }
        return try await respond(report, format: request.format, missing: .init(id: "tidak ada data", en: "no data"))
    }

    public func getPersonReport(_ request: Binakarier_Reporting_V1_GetPersonReportRequest, context: RPCServerContext) async throws -> Binakarier_Reporting_V1_ReportResponse {
        let caller = try context.requireCaller()
        let nip = try NIPShape.checked(request.nip, field: "nip")
        try await requirePerson(nip, caller)
        let settings = try self.context(year: request.year)
        let report = try await build("person|\(nip)|\(settings.year)|\(settings.today)") { db in try PersonReport.build(db, nip: nip, context: settings) }
        return try await respond(report, format: request.format, missing: .init(id: "pegawai \(nip) tidak ditemukan", en: "no employee \(nip)"))
    }

    // MARK: published reports

    /// The hash of a report's numbers: the report serialized with its publication fields empty.
    static func hash(_ report: Report) throws -> String {
        var unsealed = report
        unsealed.publishedId = ""
        unsealed.sha256 = ""
        unsealed.signature = ""
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
            agency = response.report?.scope ?? ""
        case .city:
            response = try await getCityReport(.init(year: request.year, quarter: request.quarter), context: context)
        case .person:
            // A person's record is frozen only by them or by BKPSDM, not by whoever may read it.
            guard Self.isOrganizer(caller) || caller.nip == request.scope.trimmingCharacters(in: .whitespaces) else {
                throw ReportingError.permissionDenied(.init(id: "rekam jejak hanya diterbitkan oleh pemiliknya atau penyelenggara", en: "a record is published only by its owner or an organiser"))
            }
            response = try await getPersonReport(.init(nip: request.scope, year: request.year), context: context)
            agency = try await store.read { db in try ReportData.people(db, nips: [request.scope]).first?.agency } ?? ""
        default:
            throw ReportingError.invalid(field: "kind", reason: .init(id: "pilih program, agency, city atau person", en: "choose program, agency, city or person"))
        }
        guard var report = response.report else { throw ReportingError.notFound(.init(id: "laporan kosong", en: "empty report")) }
        let unsealed = report
        report.sha256 = try await BlockingWork.run { try Self.hash(unsealed) }
        report.signature = Self.signaturePrefix + Base64URL.encode(signingKey.signature(for: Array(report.sha256.utf8)))
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
        let hash = try await BlockingWork.run { try Self.hash(report) }
        let signature = report.signature.hasPrefix(Self.signaturePrefix) ? Base64URL.decode(String(report.signature.dropFirst(Self.signaturePrefix.count))) : nil
        guard hash == report.sha256, let signature, signingKey.isValid(signature: signature, for: Array(hash.utf8)) else {
            throw RPCError(.dataLoss, LocalizedText(id: "angka laporan terbit \(request.id) tidak cocok dengan hash atau tanda tangannya: pulihkan basis data dari cadangan",
                                                    en: "published report \(request.id) no longer matches its hash or signature: restore the database from a backup"))
        }
        return try await respond(report, format: request.format, missing: .init(id: "", en: ""), keepStamp: true)
    }

    public func listPublishedReports(_ request: Binakarier_Reporting_V1_ListPublishedReportsRequest, context: RPCServerContext) async throws -> Binakarier_Reporting_V1_ListPublishedReportsResponse {
        let caller = try context.requireCaller()
        let size = try PageTokens.size(request.pageSize)
        let scope = "published:\(request.kind.rawValue):\(request.scope)"
        let after = try pages.decode(request.pageToken, scope: scope).flatMap { key -> (time: Int64, id: String)? in
            let parts = key.split(separator: "/", maxSplits: 1)
            guard parts.count == 2, let time = Int64(parts[0]) else { return nil }
            return (time, String(parts[1]))
        }
        let organizer = Self.isOrganizer(caller)
        // An agency head whose account names no agency sees only their own person reports.
        let agency = !organizer && caller.has(.agencyHead) && !caller.agencyCode.isEmpty ? caller.agencyCode : nil
        let found = try await store.publishedList(
            kind: Int(request.kind.rawValue), scope: request.scope.trimmingCharacters(in: .whitespaces).uppercased(),
            agency: agency, person: organizer ? nil : caller.nip, after: after, limit: size + 1)
        let last = found.count > size ? found[size - 1] : nil
        return .init(reports: Array(found.prefix(size)), nextPageToken: last.map { pages.encode(after: "\($0.publishTimeUnix)/\($0.id)", scope: scope) } ?? "")
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
