import BKAuth
import BKProto
import BKRPC
import BKServiceKit
import BKStore
import Foundation
import Logging

typealias API = Binakarier_Programs_V1_ProgramsService

/// The handlers of `binakarier.programs.v1.ProgramsService`. Who may call each RPC is declared once, in
/// `policies` (the server checks it before a handler runs); handlers add the row-level rule: a person's
/// records are theirs, their direct supervisor's, their agency head's and the organisers'.
public final class ProgramsService: API.ServiceProtocol {
    public struct Configuration: Sendable {
        public var rules = ProgramRules.Settings()
        public init() {}
    }

    /// The daemons that follow programs (feed, attendance, results).
    static let feedback: Set<String> = [DaemonName.feedback.rawValue]
    static let reporting: Set<String> = [DaemonName.reporting.rawValue]
    static let readers = feedback.union(reporting)
    static let organizers: Set<Role> = [.organizer, .administrator]
    static let nominators: Set<Role> = [.organizer, .administrator, .supervisor, .agencyHead]

    public var policies: Binakarier_Programs_V1_ProgramsService.Policies {
        API.Policies(
            listCompetencies: .authenticated(services: Self.readers),
            createCompetency: .roles(Self.organizers),
            getProgram: .authenticated(services: Self.readers),
            listPrograms: .authenticated(services: Self.readers),
            createProgram: .roles(Self.organizers),
            updateProgram: .roles(Self.organizers),
            getSession: .authenticated(services: Self.readers),
            listSessions: .authenticated(services: Self.readers),
            createSession: .roles(Self.organizers),
            updateSession: .roles(Self.organizers),
            transitionSession: .roles(Self.organizers),
            enrol: .roles(Self.nominators),
            requestEnrolment: .authenticated(),
            decideEnrolment: .roles(Self.nominators),
            listPendingApprovals: .roles(Self.nominators),
            cancelEnrolment: .authenticated(),
            listEnrolments: .authenticated(services: Self.readers),
            markAttendance: .roles(Self.organizers),
            importAttendance: .roles(Self.organizers),
            getAttendance: .authenticated(services: Self.readers),
            issueAttendanceCode: .roles(Self.organizers),
            checkIn: .authenticated(),
            recordAssessment: .roles(Self.organizers, services: Self.feedback),
            getCertificate: .authenticated(services: Self.readers),
            listCertificates: .authenticated(services: Self.readers),
            verifyCertificate: .anyone,
            getLedger: .authenticated(services: Self.readers),
            reportOutsideLearning: .authenticated(),
            importOutsideLearning: .roles(Self.organizers),
            listOutsideLearning: .authenticated(),
            validateOutsideLearning: .roles([.supervisor, .agencyHead]),
            verifyOutsideLearning: .roles(Self.organizers),
            getJpConversion: .authenticated(services: Self.reporting),
            listJpConversions: .authenticated(),
            publishJpConversion: .roles(Self.organizers),
            getCompliance: .roles([.organizer, .administrator, .agencyHead], services: Self.reporting),
            proposeNeed: .roles(Self.nominators),
            listNeeds: .roles([.organizer, .administrator, .agencyHead], services: Self.reporting),
            summarizeNeeds: .roles(Self.organizers, services: Self.reporting),
            linkNeed: .roles(Self.organizers),
            exportSiasnCourses: .authenticated(),
            importSiasnCourses: .roles(Self.organizers),
            reconcileSiasn: .authenticated(),
            listChanges: .roles([.administrator], services: Self.readers))
    }

    let store: ProgramsStore
    let directory: any PeopleDirectory
    let configuration: Configuration
    let pages = PageTokens()
    let now: @Sendable () -> Int64
    let attendanceCodes: AttendanceCodes

    public init(
        store: ProgramsStore, directory: any PeopleDirectory, configuration: Configuration = .init(),
        now: @escaping @Sendable () -> Int64 = WallClock.nowUnix
    ) {
        self.store = store
        self.directory = directory
        self.configuration = configuration
        self.now = now
        attendanceCodes = AttendanceCodes(key: store.certificateKey.tagKey(purpose: AttendanceCodes.keyPurpose))
    }

    var rules: ProgramRules.Settings { configuration.rules }

    /// The current year in WIB.
    var thisYear: Int32 { Int32(CalendarDate(wib: now()).year) }

    func audit(_ context: RPCServerContext, _ event: String, _ fields: [String: String]) {
        var metadata: Logger.Metadata = ["by": "\(context.caller?.subject ?? "-")"]
        for (key, value) in fields { metadata[key] = "\(value)" }
        context.logger.notice("\(event)", metadata: metadata)
    }

    // MARK: people

    /// The employee `nip`, if the caller may see their programme records: themselves, their direct
    /// supervisor, their agency's head, organisers and the BinaKarier daemons. Identity answers with the
    /// caller's own token, so it applies its rules too.
    func person(_ nip: String, field: String, context: RPCServerContext) async throws -> Employee {
        let caller = try context.requireCaller()
        let nip = try Validation.nip(nip, field: field)
        guard let employee = try await directory.employee(nip: nip, token: context.metadata.bearerToken ?? "") else {
            throw ProgramsError.notFound(.init(id: "pegawai \(nip) tidak ditemukan", en: "employee \(nip) not found"))
        }
        guard ProgramsAccess.mayActFor(employee, caller: caller) else {
            throw ProgramsError.permissionDenied(.init(
                id: "data pengembangan \(nip) hanya untuk yang bersangkutan, atasannya, kepala perangkat daerahnya dan BKPSDM",
                en: "\(nip)'s development records are for them, their supervisor, their agency head and BKPSDM only"))
        }
        return employee
    }

    // MARK: competencies

    public func listCompetencies(_ request: Binakarier_Programs_V1_ListCompetenciesRequest, context: RPCServerContext) async throws -> Binakarier_Programs_V1_ListCompetenciesResponse {
        let size = try PageTokens.size(request.pageSize)
        let scope = "competencies:\(request.type.rawValue):\(request.agencyCode.uppercased())"
        let after = try pages.decode(request.pageToken, scope: scope)
        let found = try await store.competencies(type: request.type, agencyCode: request.agencyCode.uppercased(), after: after, limit: size + 1)
        return .init(competencies: Array(found.prefix(size)), nextPageToken: found.count > size ? pages.encode(after: found[size - 1].code, scope: scope) : "")
    }

    public func createCompetency(_ request: Binakarier_Programs_V1_CreateCompetencyRequest, context: RPCServerContext) async throws -> Competency {
        var competency = try Required.field(request.competency, "competency")
        competency.code = try Validation.code(competency.code, field: "competency.code")
        competency.name = try Required.text(competency.name, "competency.name", maxBytes: TextRules.name)
        competency.description = try Validation.optionalText(competency.description, field: "competency.description", maxBytes: TextRules.longText)
        competency.builtIn = false
        switch competency.type {
        case .teknis:
            competency.agencyCode = try Validation.code(competency.agencyCode, field: "competency.agency_code")
        case .manajerial, .sosialKultural:
            throw ProgramsError.invalid(field: "competency.type", reason: .init(
                id: "kompetensi manajerial dan sosial-kultural sudah baku; tambahkan kompetensi teknis",
                en: "the manajerial and sosial-kultural competencies are fixed; add teknis ones"))
        default:
            throw ProgramsError.invalid(field: "competency.type", reason: .init(id: "wajib diisi", en: "is required"))
        }
        try await store.createCompetency(competency)
        audit(context, "competency created", ["competency": competency.code])
        return competency
    }

    // MARK: programs

    public func getProgram(_ request: Binakarier_Programs_V1_GetProgramRequest, context: RPCServerContext) async throws -> Program {
        guard let program = try await store.program(code: request.code.uppercased()) else { throw ProgramsError.noProgram(request.code) }
        return program
    }

    public func listPrograms(_ request: Binakarier_Programs_V1_ListProgramsRequest, context: RPCServerContext) async throws -> Binakarier_Programs_V1_ListProgramsResponse {
        let size = try PageTokens.size(request.pageSize)
        let scope = "programs:\(request.kind.rawValue):\(request.agencyCode.uppercased()):\(request.competencyCode.uppercased())"
        let after = try pages.decode(request.pageToken, scope: scope)
        let found = try await store.programs(
            kind: request.kind, agencyCode: request.agencyCode.uppercased(), competencyCode: request.competencyCode.uppercased(), after: after, limit: size + 1)
        return .init(programs: Array(found.prefix(size)), nextPageToken: found.count > size ? pages.encode(after: found[size - 1].code, scope: scope) : "")
    }

    public func createProgram(_ request: Binakarier_Programs_V1_CreateProgramRequest, context: RPCServerContext) async throws -> Program {
        let program = try Validation.program(try Required.field(request.program, "program"))
        let created = try await store.createProgram(program)
        audit(context, "program created", ["program": created.code])
        return created
    }

    public func updateProgram(_ request: Binakarier_Programs_V1_UpdateProgramRequest, context: RPCServerContext) async throws -> Program {
        let patch = try Required.field(request.program, "program")
        let paths = try UpdateMask.paths(request.updateMask, changeable: [
            "title", "kind", "description", "goals", "competencies", "jp", "audience", "organizer_agency_code", "completion",
            "evaluation_levels", "cost_rupiah",
        ])
        let updated = try await store.updateProgram(code: patch.code.uppercased(), patch: patch, paths: paths) { program in
            try Validation.program(program)
        }
        audit(context, "program updated", ["program": updated.code, "fields": paths.joined(separator: ",")])
        return updated
    }

    // MARK: sessions

    public func getSession(_ request: Binakarier_Programs_V1_GetSessionRequest, context: RPCServerContext) async throws -> Session {
        guard let session = try await store.session(id: request.id.uppercased()) else { throw ProgramsError.noSession(request.id) }
        return session
    }

    public func listSessions(_ request: Binakarier_Programs_V1_ListSessionsRequest, context: RPCServerContext) async throws -> Binakarier_Programs_V1_ListSessionsResponse {
        let size = try PageTokens.size(request.pageSize)
        let scope = "sessions:\(request.programCode.uppercased()):\(request.state.rawValue):\(request.year)"
        let after = try pages.decode(request.pageToken, scope: scope)
        let found = try await store.sessions(
            programCode: request.programCode.uppercased(), state: request.state, year: request.year, after: after, limit: size + 1)
        return .init(sessions: Array(found.prefix(size)), nextPageToken: found.count > size ? pages.encode(after: found[size - 1].id, scope: scope) : "")
    }

    public func createSession(_ request: Binakarier_Programs_V1_CreateSessionRequest, context: RPCServerContext) async throws -> Session {
        var session = try Required.field(request.session, "session")
        session.programCode = try Validation.code(session.programCode, field: "session.program_code")
        guard let program = try await store.program(code: session.programCode) else { throw ProgramsError.noProgram(session.programCode) }
        session = try Validation.session(session, program: program)
        let created = try await store.createSession(session)
        audit(context, "session created", ["session": created.id])
        return created
    }

    public func updateSession(_ request: Binakarier_Programs_V1_UpdateSessionRequest, context: RPCServerContext) async throws -> Session {
        let patch = try Required.field(request.session, "session")
        let paths = try UpdateMask.paths(request.updateMask, changeable: ["days", "venue", "online_link", "capacity", "facilitators"])
        guard var session = try await store.session(id: patch.id.uppercased()) else { throw ProgramsError.noSession(patch.id) }
        guard let program = try await store.program(code: session.programCode) else { throw ProgramsError.noProgram(session.programCode) }
        try session.merge(from: patch, paths: paths)
        let validated = try Validation.session(session, program: program)
        let updated = try await store.updateSession(validated, paths: paths)
        audit(context, "session updated", ["session": updated.id, "fields": paths.joined(separator: ",")])
        return updated
    }

    public func transitionSession(_ request: Binakarier_Programs_V1_TransitionSessionRequest, context: RPCServerContext) async throws -> Session {
        let reason = request.transition == .cancel
            ? try Required.text(request.reason, "reason", maxBytes: TextRules.shortText)
            : try Validation.optionalText(request.reason, field: "reason", maxBytes: TextRules.shortText)
        let caller = try context.requireCaller()
        let session = try await store.transition(id: request.id.uppercased(), to: request.transition, reason: reason, by: caller.subject)
        audit(context, "session \(ChangeKind.session(session.state))", ["session": session.id])
        return session
    }

    // MARK: the change feed

    public func listChanges(_ request: Binakarier_Feed_V1_ListChangesRequest, context: RPCServerContext) async throws -> Binakarier_Feed_V1_ListChangesResponse {
        guard request.afterSequence >= 0 else {
            throw ProgramsError.invalid(field: "after_sequence", reason: .init(id: "tidak boleh negatif", en: "must not be negative"))
        }
        return try await store.changes(after: request.afterSequence, limit: FeedPage.limit(request.limit)).response
    }
}

/// The row-level rule of the programs service: whose records a caller may see and act for.
public enum ProgramsAccess {
    public static func mayActFor(_ employee: Employee, caller: Caller) -> Bool {
        if caller.hasAny(.organizer, .administrator) || caller.isService { return true }
        if !caller.nip.isEmpty, employee.nip == caller.nip { return true }
        if caller.has(.supervisor), !caller.nip.isEmpty, employee.supervisorNip == caller.nip { return true }
        if caller.has(.agencyHead), !caller.agencyCode.isEmpty, employee.agencyCode == caller.agencyCode { return true }
        return false
    }

    /// Organisers, administrators and the daemons see every person's records.
    static func seesEveryone(_ caller: Caller) -> Bool {
        caller.hasAny(.organizer, .administrator) || caller.isService
    }
}
