import BKAuth
import BKProto
import BKServiceKit
import BKRPC
import BKStore
import BKTestSupport
import Foundation
import NIOConcurrencyHelpers
@testable import Programs

typealias API = Binakarier_Programs_V1_ProgramsService

/// The directory as identity would answer an organiser: everyone, by NIP. Which records a caller may
/// see is the programs service's own rule (`ProgramsAccess`), tested here; identity's rules are tested
/// with identity, and the end-to-end tests run both daemons.
struct StaticDirectory: PeopleDirectory {
    let people: NIOLockedValueBox<[String: Employee]>

    init(_ employees: [Employee]) {
        people = NIOLockedValueBox(Dictionary(uniqueKeysWithValues: employees.map { ($0.nip, $0) }))
    }

    func employee(nip: String, token: String) async throws(RPCError) -> Employee? {
        people.withLockedValue { $0[nip] }
    }

    func employees(agencyCode: String?, token: String) async throws(RPCError) -> [Employee] {
        people.withLockedValue { Array($0.values) }.filter { agencyCode == nil || $0.agencyCode == agencyCode }.sorted { $0.nip < $1.nip }
    }
}

/// A programs service over a real socket, on a file database in a temporary directory, with tokens
/// signed by a test key for every role, a clock the test sets, and people of two agencies.
final class ProgramsWorld: Stoppable {
    static let june2026: Int64 = 1_780_272_000 // 2026-06-01 00:00 UTC

    let key = SigningKey.generate()
    let clock = NIOLockedValueBox<Int64>(june2026)
    let data: TemporaryDirectory
    let store: ProgramsStore
    let directory: StaticDirectory
    let server: InProcessServer

    /// Agency DIKBUD: a head, a supervisor and `staffCount` staff under them; agency DINKES: one head and one nurse.
    static let head = person("196805121990031003", "Kepala Dinas Pendidikan", agency: "DIKBUD", level: .jptPratama, golongan: .ivC)
    static let supervisor = person("198703152010011001", "Kepala Bidang", agency: "DIKBUD", level: .administrator, golongan: .iiiD, supervisor: head.nip)
    static let nurse = person("199001012015032001", "Perawat Puskesmas", agency: "DINKES", level: .jfTerampil, golongan: .iiB)
    static let contract = {
        var employee = person("199505052022212001", "Guru PPPK", agency: "DIKBUD", level: .jfAhliPertama, golongan: .unspecified, supervisor: "198703152010011001")
        employee.asnType = .pppk
        employee.pppkGrade = 9
        return employee
    }()
    static let retired = {
        var employee = person("195901011980031001", "Pensiunan", agency: "DIKBUD", level: .pelaksana, golongan: .iiiB)
        employee.status = .retired
        return employee
    }()

    static func person(
        _ nip: String, _ name: String, agency: String, level: Binakarier_Identity_V1_JobLevel, golongan: Binakarier_Identity_V1_Golongan,
        supervisor: String = ""
    ) -> Employee {
        Employee(nip: nip, name: name, asnType: .pns, golongan: golongan, jobLevel: level, agencyCode: agency, supervisorNip: supervisor, status: .active)
    }

    /// NIP of the n-th generated staff member (a valid shape: born 1990-01-01, service 2015-03, female).
    static func staffNIP(_ index: Int) -> String {
        let sequence = String(index + 1)
        return "199001012015032" + String(repeating: "0", count: 3 - min(3, sequence.count)) + sequence.suffix(3)
    }

    let staff: [Employee]

    init(staffCount: Int = 40, settings: ProgramRules.Settings = .init()) async throws {
        data = try TemporaryDirectory()
        staff = (0..<staffCount).map { index in
            Self.person(Self.staffNIP(index + 100), "Staf \(index + 1)", agency: "DIKBUD", level: .pelaksana, golongan: .iiiA, supervisor: Self.supervisor.nip)
        }
        directory = StaticDirectory([Self.head, Self.supervisor, Self.nurse, Self.contract, Self.retired] + staff)
        let clock = self.clock
        store = ProgramsStore(
            db: try Store.open(directory: data.appending("data"), name: "programs", migrator: ProgramsSchema.migrator), certificateKey: .generate(),
            settings: settings, now: { clock.withLockedValue { $0 } })
        var configuration = ProgramsService.Configuration()
        configuration.rules = settings
        let service = ProgramsService(store: store, directory: directory, configuration: configuration, now: { clock.withLockedValue { $0 } })
        server = try await InProcessServer(
            [service], authenticator: TokenAuthenticator(keys: PublicKeySet(signingKeys: [key])), socket: .programs)
    }

    func stop() async {
        await server.stop()
        try? store.close()
        data.remove()
    }

    static func with<T>(staffCount: Int = 40, settings: ProgramRules.Settings = .init(), _ body: (ProgramsWorld) async throws -> T) async throws -> T {
        try await ProgramsWorld(staffCount: staffCount, settings: settings).stopping(after: body)
    }

    // MARK: callers

    func token(subject: String, roles: [Role], nip: String = "", agency: String = "") -> String {
        try! key.sign(.init(
            tokenId: UUID().uuidString, subject: subject, roles: roles.map(\.protoName), agencyCode: agency, nip: nip,
            expireTimeUnix: 4_000_000_000, keyId: key.keyID))
    }

    var organizer: API.Client { client(token(subject: "bkpsdm", roles: [.organizer], agency: "BKPSDM")) }
    var feedbackService: API.Client { client(token(subject: "service:feedback", roles: [.service])) }
    var anonymous: API.Client { API.Client(server.client) }
    func employee(_ person: Employee) -> API.Client {
        var roles: [Role] = [.employee]
        if person.nip == Self.supervisor.nip { roles.append(.supervisor) }
        if person.nip == Self.head.nip { roles += [.supervisor, .agencyHead] }
        return client(token(subject: person.nip, roles: roles, nip: person.nip, agency: person.agencyCode))
    }

    func client(_ token: String) -> API.Client {
        API.Client(server.client, metadata: .bearer(token))
    }

    // MARK: fixtures

    /// A program of `days` × 8 JP, open to DIKBUD unless said otherwise.
    @discardableResult
    func program(
        _ code: String, days: Int = 3, audience: TargetAudience? = TargetAudience(agencyCodes: ["DIKBUD"]),
        completion: Binakarier_Programs_V1_CompletionRule? = nil
    ) async throws -> Program {
        try await organizer.createProgram(.init(program: .init(
            code: code, title: "Pelatihan \(code)", kind: .pelatihan, goals: ["Meningkatkan kompetensi"],
            competencies: [.init(competencyCode: "MNJ-INTEGRITAS", level: 2)], jp: Int32(days * 8), audience: audience,
            organizerAgencyCode: "BKPSDM", completion: completion, evaluationLevels: [.reaction, .learning], costRupiah: 15_000_000)))
    }

    /// A session of `program` on consecutive days from `first`, opened, with `capacity` seats.
    func openSession(_ program: Program, first: String = "2026-03-02", capacity: Int32 = 30) async throws -> Session {
        let start = CalendarDate(parsing: first)!
        let days = (0..<Int(program.jp / 8)).map { offset in
            SessionDay(date: CalendarDate(daysSinceEpoch: start.daysSinceEpoch + offset).description, startTime: "08:00", endTime: "16:00", jp: 8)
        }
        let session = try await organizer.createSession(.init(session: .init(
            programCode: program.code, days: days, venue: "Aula BKPSDM Kota Sawahlunto", capacity: capacity,
            facilitators: [.init(name: "Dr. Narasumber", role: "narasumber")])))
        return try await organizer.transitionSession(.init(id: session.id, transition: .open))
    }

    /// Marks every day of `session` for `nips` with `status`.
    func attend(_ session: Session, _ nips: [String], _ status: Binakarier_Programs_V1_AttendanceStatus = .hadir, days: Int? = nil) async throws {
        let records = nips.flatMap { nip in
            session.days.prefix(days ?? session.days.count).map { AttendanceRecord(nip: nip, date: $0.date, status: status) }
        }
        _ = try await organizer.markAttendance(.init(sessionId: session.id, records: records))
    }
}

