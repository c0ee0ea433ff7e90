import BKAuth
import BKProto
import BKRPC
import BKServiceKit
import BKStore
import BKTestSupport
import Foundation
import NIOConcurrencyHelpers
@testable import Feedback

typealias API = Binakarier_Feedback_V1_FeedbackService
typealias Session = Binakarier_Programs_V1_Session
typealias Program = Binakarier_Programs_V1_Program

/// Programs and identity as feedback sees them, in memory: sessions, their participants and attendance,
/// people and agencies, programs' change feed, and the test results feedback records. The domain's
/// tests drive feedback through these; the end-to-end tests use the real daemons.
final class FakePeers: Peers {
    struct State {
        var sessions: [String: Session] = [:]
        var programs: [String: Program] = [:]
        var participants: [String: [Binakarier_Programs_V1_Enrolment]] = [:]
        var employees: [String: Employee] = [:]
        var agencies: [String: Binakarier_Identity_V1_Agency] = [:]
        var changes: [Binakarier_Feed_V1_Change] = []
        var assessments: [(session: String, nip: String, kind: Binakarier_Programs_V1_AssessmentKind, score: Double)] = []
        var down = false
    }
    let state = NIOLockedValueBox(State())

    func check() throws(RPCError) {
        if state.withLockedValue({ $0.down }) { throw RPCError(.unavailable, "programs is down") }
    }
    func session(_ id: String) async throws(RPCError) -> Session? { try check(); return state.withLockedValue { $0.sessions[id] } }
    func program(_ code: String) async throws(RPCError) -> Program? { try check(); return state.withLockedValue { $0.programs[code] } }
    func participants(ofSession id: String) async throws(RPCError) -> [Binakarier_Programs_V1_Enrolment] {
        try check()
        return state.withLockedValue { $0.participants[id] ?? [] }
    }
    func employee(_ nip: String) async throws(RPCError) -> Employee? { state.withLockedValue { $0.employees[nip] } }
    func employees(ofAgency code: String) async throws(RPCError) -> [Employee] {
        state.withLockedValue { $0.employees.values.filter { $0.agencyCode == code }.sorted { $0.nip < $1.nip } }
    }
    func agency(_ code: String) async throws(RPCError) -> Binakarier_Identity_V1_Agency? { state.withLockedValue { $0.agencies[code] } }
    func recordAssessment(session: String, nip: String, kind: Binakarier_Programs_V1_AssessmentKind, score: Double) async throws(RPCError) {
        try check()
        state.withLockedValue { $0.assessments.append((session, nip, kind, score)) }
    }
    func programChanges(after: Int64, limit: Int32) async throws(RPCError) -> Binakarier_Feed_V1_ListChangesResponse {
        try check()
        return state.withLockedValue { state in
            let page = state.changes.filter { $0.sequence > after }.prefix(Int(limit))
            let newest = state.changes.last?.sequence ?? 0
            return .init(changes: Array(page), lastSequence: page.last?.sequence ?? max(after, newest), more: false, newestSequence: newest)
        }
    }

    /// Programs says a session changed (started, completed, cancelled) at `time`.
    func announce(_ kind: String, _ session: Session, at time: Int64) {
        state.withLockedValue { state in
            state.changes.append(.init(sequence: Int64(state.changes.count + 1), kind: kind, key: session.id, payload: try! session.serializedBytes(), timeUnix: time))
        }
    }
}

/// A feedback service over a real socket on a file database, with the fake peers, a clock the test
/// moves, and tokens for every role. People: agency DINKES with a head, two supervisors and staff.
final class FeedbackWorld: Stoppable {
    static let june2026: Int64 = 1_780_272_000

    let key = SigningKey.generate()
    let clock = NIOLockedValueBox<Int64>(june2026)
    let data: TemporaryDirectory
    let peers = FakePeers()
    /// What a restart replaces.
    private let running: NIOLockedValueBox<(store: FeedbackStore, service: FeedbackService, server: InProcessServer)>
    var store: FeedbackStore { running.withLockedValue { $0.store } }
    var service: FeedbackService { running.withLockedValue { $0.service } }
    var server: InProcessServer { running.withLockedValue { $0.server } }
    let configuration: FeedbackService.Configuration

    static let head = person("196805121990031003", "Kepala Dinas Kesehatan", supervisor: "")
    static let supervisorA = person("198703152010011001", "Kepala Puskesmas Talawi", supervisor: head.nip)
    static let supervisorB = person("198503152009011002", "Kepala Puskesmas Barangin", supervisor: head.nip)
    static let outsider = {
        var employee = person("199001012015032999", "Guru", supervisor: "")
        employee.agencyCode = "DISDIKBUD"
        return employee
    }()

    static func person(_ nip: String, _ name: String, supervisor: String) -> Employee {
        Employee(nip: nip, name: name, asnType: .pns, agencyCode: "DINKES", supervisorNip: supervisor, status: .active)
    }

    /// Staff n: NIP 1990010120150320nn, under supervisor A (even) or B (odd).
    static func staffNIP(_ index: Int) -> String { "1990010120150320" + (index < 10 ? "0" : "") + String(index) }
    let staff: [Employee]

    init(staffCount: Int = 12, configuration: FeedbackService.Configuration = .init()) async throws {
        self.configuration = configuration
        data = try TemporaryDirectory()
        staff = (0..<staffCount).map { index in
            Self.person(Self.staffNIP(index), "Perawat \(index + 1)", supervisor: index % 2 == 0 ? Self.supervisorA.nip : Self.supervisorB.nip)
        }
        let everyone = [Self.head, Self.supervisorA, Self.supervisorB, Self.outsider] + staff
        peers.state.withLockedValue { state in
            for person in everyone { state.employees[person.nip] = person }
            state.agencies["DINKES"] = .init(code: "DINKES", name: "Dinas Kesehatan", kind: .dinas, headNip: Self.head.nip, units: [
                .init(agencyCode: "DINKES", code: "PKM-TALAWI", name: "Puskesmas Talawi", headNip: Self.supervisorA.nip),
            ])
            state.agencies["DISDIKBUD"] = .init(code: "DISDIKBUD", name: "Dinas Pendidikan dan Kebudayaan", kind: .dinas)
        }
        running = NIOLockedValueBox(try await Self.start(data: data, peers: peers, clock: clock, key: key, configuration: configuration))
    }

    static func start(
        data: TemporaryDirectory, peers: FakePeers, clock: NIOLockedValueBox<Int64>, key: SigningKey, configuration: FeedbackService.Configuration
    ) async throws -> (store: FeedbackStore, service: FeedbackService, server: InProcessServer) {
        let now: @Sendable () -> Int64 = { clock.withLockedValue { $0 } }
        let store = try await FeedbackStore.open(directory: data.appending("data"), now: now)
        let service = FeedbackService(store: store, peers: peers, configuration: configuration, now: now)
        let server = try await InProcessServer(
            [service], authenticator: TokenAuthenticator(keys: PublicKeySet(signingKeys: [key]), now: now), socket: .feedback)
        return (store, service, server)
    }

    /// Stops and starts the service again on the same database (a daemon restart).
    func restart() async throws {
        await server.stop()
        try store.close()
        let started = try await Self.start(data: data, peers: peers, clock: clock, key: key, configuration: configuration)
        running.withLockedValue { $0 = started }
    }

    func stop() async {
        await server.stop()
        try? store.close()
        data.remove()
    }

    static func with<T>(staffCount: Int = 12, configuration: FeedbackService.Configuration = .init(), _ body: (FeedbackWorld) async throws -> T) async throws -> T {
        try await FeedbackWorld(staffCount: staffCount, configuration: configuration).stopping(after: body)
    }

    var scheduler: CampaignScheduler { CampaignScheduler(service: service, logger: .init(label: "test")) }

    func advance(days: Int64) { clock.withLockedValue { $0 += days * 86_400 } }

    // MARK: callers

    func token(subject: String, roles: [Role], nip: String = "", agency: String = "") -> String {
        try! key.sign(.init(
            tokenId: UUID().uuidString, subject: subject, roles: roles.map(\.protoName), agencyCode: agency, nip: nip,
            expireTimeUnix: 4_000_000_000, keyId: key.keyID))
    }
    var organizer: API.Client { client(token(subject: "bkpsdm", roles: [.organizer], agency: "BKPSDM")) }
    var anonymous: API.Client { API.Client(server.client) }
    func caller(_ person: Employee) -> API.Client {
        var roles: [Role] = [.employee]
        if [Self.supervisorA.nip, Self.supervisorB.nip].contains(person.nip) { roles.append(.supervisor) }
        if person.nip == Self.head.nip { roles += [.supervisor, .agencyHead] }
        return client(token(subject: person.nip, roles: roles, nip: person.nip, agency: person.agencyCode))
    }
    func client(_ token: String) -> API.Client { API.Client(server.client, metadata: .bearer(token)) }

    // MARK: fixtures

    /// A program evaluated on `levels`, organised by DINKES, and its session with `attended` (NIP → % of JP).
    func session(_ id: String, program code: String = "LAT-PPI", levels: [Binakarier_Programs_V1_EvaluationLevel] = [.reaction, .learning, .behaviour],
                 attended: [String: Double]) -> Session {
        let session = Session(id: id, programCode: code, batch: 1, state: .completed)
        peers.state.withLockedValue { state in
            state.programs[code] = .init(code: code, title: "Pelatihan Pencegahan dan Pengendalian Infeksi", kind: .pelatihan, jp: 24,
                                         organizerAgencyCode: "DINKES", evaluationLevels: levels)
            state.sessions[id] = session
            state.participants[id] = attended.map { .init(sessionId: id, nip: $0.key, state: .enrolled, attendancePercent: $0.value) }
        }
        return session
    }

    /// Valid answers to every question of `instrument`: Likert items `likert`, NPS `nps`, texts `text`.
    static func answers(_ instrument: Instrument, likert: Double = 4, nps: Double = 9, text: String = "bermanfaat") -> [Answer] {
        instrument.questions.compactMap { question in
            switch question.kind {
            case .likert4: Answer(questionId: question.id, number: min(likert, 4))
            case .likert5: Answer(questionId: question.id, number: min(likert, 5))
            case .nps: Answer(questionId: question.id, number: nps)
            case .beforeAfter: Answer(questionId: question.id, before: 2, after: 4)
            case .facilitatorRating: Answer(questionId: question.id, number: 5, facilitator: "Dr. Rina")
            case .singleChoice, .multipleChoice: Answer(questionId: question.id, choices: [0])
            case .longText, .shortText: Answer(questionId: question.id, text: text)
            case .number: Answer(questionId: question.id, number: question.minimum)
            case .testItem: Answer(questionId: question.id, choices: question.key)
            default: nil
            }
        }
    }
}

