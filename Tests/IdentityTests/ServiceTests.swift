import BKAuth
import BKProto
import BKRPC
import BKTestSupport
@testable import Identity
import Logging
import NIOConcurrencyHelpers
import Testing

typealias IdentityAPI = Binakarier_Identity_V1_IdentityService

/// The identity service in process, on a real socket and a real SQLite file, with a clock tests move.
final class IdentityFixture: Sendable {
    let directory: TemporaryDirectory
    let server: RPCServer
    let client: RPCClient
    let service: IdentityService
    let clock = NIOLockedValueBox<Int64>(1_795_900_000)

    init(bootstrapUIDs: Set<UInt32>? = nil) async throws {
        directory = try TemporaryDirectory()
        let store = try SQLiteIdentityStore.open(directory: directory.appending("data"))
        var configuration = IdentityService.Configuration()
        if let bootstrapUIDs { configuration.bootstrapUIDs = bootstrapUIDs }
        let clock = self.clock
        service = try await IdentityService.make(
            store: store, key: .generate(), hasher: PasswordHasher(strength: .minimum), configuration: configuration,
            now: { clock.withLockedValue { $0 } })
        var router = RPCRouter()
        router.register(service)
        var logger = Logger(label: "identity-test")
        logger.logLevel = .critical
        server = RPCServer(configuration: .init(socketPath: directory.appending("identity.sock")), router: router, logger: logger)
        try await server.start()
        client = RPCClient(socketPath: directory.appending("identity.sock"))
    }

    func stop() async {
        await client.close()
        await server.shutdown()
        await service.hasher.shutdown()
        directory.remove()
    }

    func advance(seconds: Int64) { clock.withLockedValue { $0 += seconds } }

    func call<I, O>(_ method: ProtoMethod<I, O>, _ request: I, token: String? = nil) async throws(RPCError) -> O {
        var metadata = RPCMetadata()
        if let token { metadata.append("authorization", "Bearer \(token)") }
        return try await client.call(method, request, metadata: metadata)
    }

    /// Bootstraps an administrator and returns their token.
    func administrator() async throws -> String {
        _ = try await call(IdentityAPI.bootstrapAdministrator, .init(username: "admin", password: "kata-sandi-admin"))
        return try await login("admin", "kata-sandi-admin")
    }

    func login(_ username: String, _ password: String) async throws -> String {
        try await call(IdentityAPI.login, .init(username: username, password: password)).token
    }

    /// DINKES with units SEKRET and P2P, DISDIK, and three employees: a head, a supervisor, a staff member.
    func seed(_ admin: String) async throws {
        _ = try await call(IdentityAPI.createAgency, .init(agency: .init(code: "dinkes", name: "Dinas Kesehatan", kind: .dinas)), token: admin)
        _ = try await call(IdentityAPI.createAgency, .init(agency: .init(code: "DISDIK", name: "Dinas Pendidikan", kind: .dinas)), token: admin)
        _ = try await call(IdentityAPI.createUnit, .init(unit: .init(agencyCode: "DINKES", code: "SEKRET", name: "Sekretariat")), token: admin)
        for employee in [Self.head, Self.supervisor, Self.staff, Self.teacher] {
            _ = try await call(IdentityAPI.createEmployee, .init(employee: employee), token: admin)
        }
        _ = try await call(IdentityAPI.updateAgency, .init(
            agency: .init(code: "DINKES", headNip: Self.head.nip), updateMask: .init(paths: ["head_nip"])), token: admin)
    }

    static let head = Employee(nip: "196805121990031003", name: "Kepala Dinas", asnType: .pns, golongan: .ivC, jobLevel: .jptPratama, agencyCode: "DINKES")
    static let supervisor = Employee(
        nip: "198703152010011001", name: "Budi", asnType: .pns, golongan: .iiiD, jobLevel: .administrator, agencyCode: "DINKES",
        unitCode: "SEKRET", supervisorNip: head.nip)
    static let staff = Employee(
        nip: "199212242019032002", name: "Siti", asnType: .pns, golongan: .iiiA, education: .s2, agencyCode: "DINKES",
        unitCode: "SEKRET", supervisorNip: supervisor.nip)
    static let teacher = Employee(nip: "199005172021072001", name: "Rina", asnType: .pppk, pppkGrade: 9, agencyCode: "DISDIK")
}

func withIdentity(bootstrapUIDs: Set<UInt32>? = nil, _ body: (IdentityFixture) async throws -> Void) async throws {
    let fixture = try await IdentityFixture(bootstrapUIDs: bootstrapUIDs)
    do { try await body(fixture) } catch {
        await fixture.stop()
        throw error
    }
    await fixture.stop()
}

func code(_ body: () async throws -> Void) async -> RPCStatusCode? {
    do {
        try await body()
        return nil
    } catch let error as RPCError {
        return error.code
    } catch {
        return .unknown
    }
}

@Suite("Identity service over its socket", .timeLimit(.minutes(3)))
struct ServiceTests {
    @Test func bootstrapOnlyOnceAndOnlyFromAllowedPeers() async throws {
        try await withIdentity { identity in
            _ = try await identity.administrator()
            let again = await code { _ = try await identity.call(IdentityAPI.bootstrapAdministrator, .init(username: "x", password: "kata-sandi-lain")) }
            #expect(again == .failedPrecondition)
            // The last administrator cannot give the role away.
            let admin = try await identity.login("admin", "kata-sandi-admin")
            let last = await code { _ = try await identity.call(IdentityAPI.setRoles, .init(username: "admin", roles: [.organizer]), token: admin) }
            #expect(last == .failedPrecondition)
            _ = try await identity.call(IdentityAPI.createAccount, .init(username: "admin2", password: "kata-sandi-admin2", roles: [.administrator]), token: admin)
            let demoted = try await identity.call(IdentityAPI.setRoles, .init(username: "admin", roles: [.organizer]), token: admin)
            #expect(demoted.effectiveRoles == [.organizer])
        }
        try await withIdentity(bootstrapUIDs: [65534]) { identity in
            let refused = await code { _ = try await identity.administrator() }
            #expect(refused == .permissionDenied)
        }
    }

    @Test func tokensAreRequiredVerifiedAndRevoked() async throws {
        try await withIdentity { identity in
            let admin = try await identity.administrator()
            #expect(await code { _ = try await identity.call(IdentityAPI.listAgencies, .init()) } == .unauthenticated)
            #expect(await code { _ = try await identity.call(IdentityAPI.listAgencies, .init(), token: "bukan.token") } == .unauthenticated)
            let tampered = String(admin.dropLast(3)) + (admin.hasSuffix("AAA") ? "BBB" : "AAA")
            #expect(await code { _ = try await identity.call(IdentityAPI.listAgencies, .init(), token: tampered) } == .unauthenticated)
            _ = try await identity.call(IdentityAPI.listAgencies, .init(), token: admin)

            // Another service verifies the token locally with the public key alone.
            let key = try await identity.call(IdentityAPI.getPublicKey, .init())
            let claims = try TokenVerifier(publicKey: key.publicKey).verify(admin, nowUnix: identity.clock.withLockedValue { $0 })
            #expect(claims.subject == "admin")
            #expect(claims.roles == [.administrator])
            #expect(claims.keyId == key.keyId)

            _ = try await identity.call(IdentityAPI.logout, .init(), token: admin)
            #expect(await code { _ = try await identity.call(IdentityAPI.listAgencies, .init(), token: admin) } == .unauthenticated)
            let revoked = try await identity.call(IdentityAPI.listRevokedTokens, .init())
            #expect(revoked.tokenIds == [claims.tokenId])

            let fresh = try await identity.login("admin", "kata-sandi-admin")
            identity.advance(seconds: 8 * 3600 + 1)
            #expect(await code { _ = try await identity.call(IdentityAPI.listAgencies, .init(), token: fresh) } == .unauthenticated)
        }
    }

    @Test func repeatedFailuresLockTheAccount() async throws {
        try await withIdentity { identity in
            _ = try await identity.administrator()
            for _ in 0..<4 {
                #expect(await code { _ = try await identity.login("admin", "salah-salah-salah") } == .unauthenticated)
            }
            #expect(await code { _ = try await identity.login("admin", "salah-salah-salah") } == .resourceExhausted)
            // Even the right password is refused while locked...
            #expect(await code { _ = try await identity.login("admin", "kata-sandi-admin") } == .resourceExhausted)
            // ...and accepted once the lock has passed.
            identity.advance(seconds: 15 * 60 + 1)
            _ = try await identity.login("admin", "kata-sandi-admin")
            // An unknown user gets the same answer as a wrong password.
            #expect(await code { _ = try await identity.login("tidak-ada", "kata-sandi-admin") } == .unauthenticated)
        }
    }

    @Test func rolesFollowFromTheRecordsAndLimitWhatIsSeen() async throws {
        try await withIdentity { identity in
            let admin = try await identity.administrator()
            try await identity.seed(admin)
            for employee in [IdentityFixture.head, IdentityFixture.supervisor, IdentityFixture.staff, IdentityFixture.teacher] {
                _ = try await identity.call(IdentityAPI.createAccount, .init(
                    username: employee.nip, password: "kata-sandi-\(employee.nip)", roles: [.employee], nip: employee.nip), token: admin)
            }
            func token(_ employee: Employee) async throws -> String { try await identity.login(employee.nip, "kata-sandi-\(employee.nip)") }
            let head = try await identity.call(IdentityAPI.login, .init(username: IdentityFixture.head.nip, password: "kata-sandi-\(IdentityFixture.head.nip)"))
            #expect(head.account?.effectiveRoles == [.employee, .supervisor, .agencyHead])
            #expect(head.account?.agencyCode == "DINKES")

            let staff = try await token(IdentityFixture.staff)
            let supervisor = try await token(IdentityFixture.supervisor)
            let teacher = try await token(IdentityFixture.teacher)

            // Staff: own record in full, a colleague in the directory view, another agency not at all.
            let own = try await identity.call(IdentityAPI.getEmployee, .init(nip: IdentityFixture.staff.nip), token: staff)
            #expect(own.education == .s2)
            let colleague = try await identity.call(IdentityAPI.getEmployee, .init(nip: IdentityFixture.supervisor.nip), token: staff)
            #expect(colleague.name == "Budi")
            #expect(colleague.birthDate.isEmpty)
            #expect(await code { _ = try await identity.call(IdentityAPI.getEmployee, .init(nip: IdentityFixture.teacher.nip), token: staff) } == .notFound)
            // The supervisor sees their report in full.
            let report = try await identity.call(IdentityAPI.getEmployee, .init(nip: IdentityFixture.staff.nip), token: supervisor)
            #expect(report.birthDate == "1992-12-24")
            // Lists are confined to the caller's agency.
            let directory = try await identity.call(IdentityAPI.listEmployees, .init(), token: teacher)
            #expect(directory.employees.map(\.nip) == [IdentityFixture.teacher.nip])
            #expect(await code { _ = try await identity.call(IdentityAPI.listEmployees, .init(agencyCode: "DINKES"), token: teacher) } == .permissionDenied)
            // Only organisers and administrators change records; only administrators accounts.
            #expect(await code { _ = try await identity.call(IdentityAPI.deleteEmployee, .init(nip: IdentityFixture.staff.nip), token: supervisor) } == .permissionDenied)
            #expect(await code { _ = try await identity.call(IdentityAPI.setRoles, .init(username: IdentityFixture.staff.nip, roles: [.administrator]), token: supervisor) } == .permissionDenied)
            #expect(await code { _ = try await identity.call(IdentityAPI.setRoles, .init(username: IdentityFixture.staff.nip, roles: [.supervisor]), token: admin) } == .invalidArgument)
            // Own password: needs the current one.
            #expect(await code { _ = try await identity.call(IdentityAPI.setPassword, .init(username: IdentityFixture.staff.nip, newPassword: "kata-sandi-baru-1", currentPassword: "salah"), token: staff) } == .unauthenticated)
            _ = try await identity.call(IdentityAPI.setPassword, .init(
                username: IdentityFixture.staff.nip, newPassword: "kata-sandi-baru-1", currentPassword: "kata-sandi-\(IdentityFixture.staff.nip)"), token: staff)
            _ = try await identity.login(IdentityFixture.staff.nip, "kata-sandi-baru-1")
        }
    }

    @Test func disabledAccountsAndRetiredPeopleCannotGetIn() async throws {
        try await withIdentity { identity in
            let admin = try await identity.administrator()
            try await identity.seed(admin)
            let nip = IdentityFixture.staff.nip
            _ = try await identity.call(IdentityAPI.createAccount, .init(username: nip, password: "kata-sandi-siti", roles: [.employee], nip: nip), token: admin)
            let token = try await identity.login(nip, "kata-sandi-siti")
            _ = try await identity.call(IdentityAPI.setAccountDisabled, .init(username: nip, disabled: true), token: admin)
            #expect(await code { _ = try await identity.call(IdentityAPI.getEmployee, .init(nip: nip), token: token) } == .unauthenticated)
            #expect(await code { _ = try await identity.login(nip, "kata-sandi-siti") } == .unauthenticated)
            _ = try await identity.call(IdentityAPI.setAccountDisabled, .init(username: nip, disabled: false), token: admin)
            _ = try await identity.login(nip, "kata-sandi-siti")
            // Once the record says retired, the account no longer logs in.
            _ = try await identity.call(IdentityAPI.updateEmployee, .init(
                employee: .init(nip: nip, status: .retired), updateMask: .init(paths: ["status"])), token: admin)
            #expect(await code { _ = try await identity.login(nip, "kata-sandi-siti") } == .unauthenticated)
            // The last administrator cannot be disabled.
            #expect(await code { _ = try await identity.call(IdentityAPI.setAccountDisabled, .init(username: "admin", disabled: true), token: admin) } == .failedPrecondition)
        }
    }

    @Test func unitsGetHeads() async throws {
        try await withIdentity { identity in
            let admin = try await identity.administrator()
            try await identity.seed(admin)
            let unit = try await identity.call(IdentityAPI.updateUnit, .init(
                unit: .init(agencyCode: "dinkes", code: "sekret", name: "Sekretariat Dinas", headNip: IdentityFixture.supervisor.nip),
                updateMask: .init(paths: ["head_nip", "name"])), token: admin)
            #expect(unit.headNip == IdentityFixture.supervisor.nip)
            let agency = try await identity.call(IdentityAPI.getAgency, .init(code: "DINKES"), token: admin)
            #expect(agency.units.first?.name == "Sekretariat Dinas")
            #expect(await code { _ = try await identity.call(IdentityAPI.updateUnit, .init(
                unit: .init(agencyCode: "DINKES", code: "SEKRET", headNip: "197001011990011001"), updateMask: .init(paths: ["head_nip"])), token: admin) } == .notFound)
            #expect(await code { _ = try await identity.call(IdentityAPI.updateUnit, .init(
                unit: .init(agencyCode: "DINKES", code: "GUDANG", name: "x"), updateMask: .init(paths: ["name"])), token: admin) } == .notFound)
        }
    }

    @Test func recordsKeepTheirIntegrity() async throws {
        try await withIdentity { identity in
            let admin = try await identity.administrator()
            try await identity.seed(admin)
            let duplicate = await code { _ = try await identity.call(IdentityAPI.createEmployee, .init(employee: IdentityFixture.staff), token: admin) }
            #expect(duplicate == .alreadyExists)
            var orphan = IdentityFixture.staff
            orphan.nip = "199101012015011002"
            orphan.supervisorNip = "197001011990011001"
            #expect(await code { _ = try await identity.call(IdentityAPI.createEmployee, .init(employee: orphan), token: admin) } == .notFound)
            // Making the head report to the staff member would close a loop.
            let loop = await code {
                _ = try await identity.call(IdentityAPI.updateEmployee, .init(
                    employee: .init(nip: IdentityFixture.head.nip, supervisorNip: IdentityFixture.staff.nip),
                    updateMask: .init(paths: ["supervisor_nip"])), token: admin)
            }
            #expect(loop == .failedPrecondition)
            let promoted = try await identity.call(IdentityAPI.updateEmployee, .init(
                employee: .init(nip: IdentityFixture.staff.nip, golongan: .iiiB), updateMask: .init(paths: ["golongan"])), token: admin)
            #expect(promoted.golongan == .iiiB)
            #expect(promoted.name == "Siti")
            #expect(await code { _ = try await identity.call(IdentityAPI.deleteEmployee, .init(nip: IdentityFixture.supervisor.nip), token: admin) } == .failedPrecondition)
            #expect(await code { _ = try await identity.call(IdentityAPI.deleteAgency, .init(code: "DINKES"), token: admin) } == .failedPrecondition)
            #expect(await code { _ = try await identity.call(IdentityAPI.createAgency, .init(agency: .init(code: "x y", name: "X", kind: .dinas)), token: admin) } == .invalidArgument)
        }
    }

    @Test func listsPageThroughEverything() async throws {
        try await withIdentity { identity in
            let admin = try await identity.administrator()
            try await identity.seed(admin)
            var seen: [String] = []
            var token = ""
            repeat {
                let page = try await identity.call(IdentityAPI.listEmployees, .init(pageSize: 3, pageToken: token), token: admin)
                #expect(page.employees.count <= 3)
                seen += page.employees.map(\.nip)
                token = page.nextPageToken
            } while !token.isEmpty
            #expect(seen == seen.sorted())
            #expect(seen.count == 4)
            #expect(await code { _ = try await identity.call(IdentityAPI.listEmployees, .init(pageToken: "!!!"), token: admin) } == .invalidArgument)
        }
    }

    @Test func importInChunksDryRunThenCommit() async throws {
        try await withIdentity { identity in
            let admin = try await identity.administrator()
            try await identity.seed(admin)
            let csv = Array("""
                NIP,Nama,Jenis ASN,Golongan,Kode OPD,Kode Unit,NIP Atasan
                199101012015011002,Andi,PNS,III/a,DINKES,SEKRET,198703152010011001
                199301012018011001,Dewi,PNS,II/c,DINKES,,199101012015011002
                199401012019011001,Salah,PNS,V/a,DINKES,,
                199212242019032002,Siti Rahma,PNS,III/b,DINKES,SEKRET,198703152010011001

                """.utf8)
            let started = try await identity.call(IdentityAPI.startEmployeeImport, .init(), token: admin)
            for chunk in stride(from: 0, to: csv.count, by: 50) {
                _ = try await identity.call(IdentityAPI.uploadEmployeeImportChunk, .init(
                    importId: started.importId, data: Array(csv[chunk..<min(chunk + 50, csv.count)])), token: admin)
            }
            let dry = try await identity.call(IdentityAPI.finishEmployeeImport, .init(importId: started.importId, dryRun: true), token: admin)
            #expect(dry.rowsTotal == 4)
            #expect(dry.rowsValid == 3)
            #expect(dry.rowsCommitted == 0)
            #expect(dry.errors.map(\.line) == [4])
            #expect(await code { _ = try await identity.call(IdentityAPI.getEmployee, .init(nip: "199101012015011002"), token: admin) } == .notFound)

            let done = try await identity.call(IdentityAPI.finishEmployeeImport, .init(importId: started.importId), token: admin)
            #expect(done.rowsCommitted == 3)
            let dewi = try await identity.call(IdentityAPI.getEmployee, .init(nip: "199301012018011001"), token: admin)
            #expect(dewi.supervisorNip == "199101012015011002")
            let siti = try await identity.call(IdentityAPI.getEmployee, .init(nip: "199212242019032002"), token: admin)
            #expect(siti.name == "Siti Rahma")  // an existing record is updated
            #expect(siti.golongan == .iiiB)
            #expect(await code { _ = try await identity.call(IdentityAPI.finishEmployeeImport, .init(importId: started.importId), token: admin) } == .notFound)
        }
    }
}
