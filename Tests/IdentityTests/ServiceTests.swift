import BKAuth
import BKProto
import BKRPC
import BKTestSupport
@testable import Identity
import Logging
import NIOConcurrencyHelpers
import Testing

typealias IdentityAPI = Binakarier_Identity_V1_IdentityService

/// The identity service in process (see `InProcessServer`), on a real socket and a real SQLite file,
/// with a clock tests move.
final class IdentityFixture: Stoppable {
    let server: InProcessServer
    let service: IdentityService
    let clock: NIOLockedValueBox<Int64>

    init(configure: (inout IdentityService.Configuration) -> Void = { _ in }) async throws {
        let clock = NIOLockedValueBox<Int64>(1_795_900_000)
        self.clock = clock
        var configuration = IdentityService.Configuration()
        configure(&configuration)
        let data = try TemporaryDirectory()
        let store = try SQLiteIdentityStore.open(directory: data.appending("data"))
        service = try await IdentityService.make(
            store: store, keys: SigningKeyRing(key: .generate()), hasher: PasswordHasher(strength: .minimum),
            configuration: configuration, now: { clock.withLockedValue { $0 } })
        server = try await InProcessServer(
            [service, service.tokenService], authenticator: service.authenticator, socket: .identity)
        dataDirectory = data
    }

    /// Where the store lives (apart from the socket directory, as in a daemon).
    let dataDirectory: TemporaryDirectory

    func stop() async {
        await server.stop()
        await service.hasher.shutdown()
        dataDirectory.remove()
    }

    func advance(seconds: Int64) { clock.withLockedValue { $0 += seconds } }

    /// The generated client, calling as the holder of `token` (or anonymously).
    func api(_ token: String? = nil) -> IdentityAPI.Client {
        IdentityAPI.Client(server.client, metadata: token.map(RPCMetadata.bearer) ?? [:])
    }

    var tokens: Binakarier_Auth_V1_TokenService.Client { .init(server.client) }

    /// Bootstraps an administrator and returns their token.
    func administrator() async throws -> String {
        _ = try await api().bootstrapAdministrator(.init(username: "admin", password: "kata-sandi-admin"))
        return try await login("admin", "kata-sandi-admin")
    }

    func login(_ username: String, _ password: String) async throws -> String {
        try await api().login(.init(username: username, password: password)).token
    }

    /// DINKES with units SEKRET and P2P, DISDIK, and three employees: a head, a supervisor, a staff member.
    func seed(_ admin: String) async throws {
        _ = try await api(admin).createAgency(.init(agency: .init(code: "dinkes", name: "Dinas Kesehatan", kind: .dinas)))
        _ = try await api(admin).createAgency(.init(agency: .init(code: "DISDIK", name: "Dinas Pendidikan", kind: .dinas)))
        _ = try await api(admin).createUnit(.init(unit: .init(agencyCode: "DINKES", code: "SEKRET", name: "Sekretariat")))
        for employee in [Self.head, Self.supervisor, Self.staff, Self.teacher] {
            _ = try await api(admin).createEmployee(.init(employee: employee))
        }
        _ = try await api(admin).updateAgency(.init(
            agency: .init(code: "DINKES", headNip: Self.head.nip), updateMask: .init(paths: ["head_nip"])))
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

func withIdentity(
    configure: (inout IdentityService.Configuration) -> Void = { _ in }, _ body: (IdentityFixture) async throws -> Void
) async throws {
    try await IdentityFixture(configure: configure).stopping(after: body)
}


@Suite("Identity service over its socket", .timeLimit(.minutes(3)))
struct ServiceTests {
    @Test func bootstrapOnlyOnceAndOnlyFromAllowedPeers() async throws {
        try await withIdentity { identity in
            _ = try await identity.administrator()
            let again = await code { _ = try await identity.api().bootstrapAdministrator(.init(username: "x", password: "kata-sandi-lain")) }
            #expect(again == .failedPrecondition)
            // The last administrator cannot give the role away.
            let admin = try await identity.login("admin", "kata-sandi-admin")
            let last = await code { _ = try await identity.api(admin).setRoles(.init(username: "admin", roles: [.organizer])) }
            #expect(last == .failedPrecondition)
            _ = try await identity.api(admin).createAccount(.init(username: "admin2", password: "kata-sandi-admin2", roles: [.administrator]))
            let demoted = try await identity.api(admin).setRoles(.init(username: "admin", roles: [.organizer]))
            #expect(demoted.effectiveRoles == [.organizer])
        }
        try await withIdentity(configure: { $0.bootstrapUIDs = [65534] }) { identity in
            let refused = await code { _ = try await identity.administrator() }
            #expect(refused == .permissionDenied)
        }
    }

    @Test func tokensAreRequiredVerifiedAndRevoked() async throws {
        try await withIdentity { identity in
            let admin = try await identity.administrator()
            #expect(await code { _ = try await identity.api().listAgencies(.init()) } == .unauthenticated)
            #expect(await code { _ = try await identity.api("bukan.token").listAgencies(.init()) } == .unauthenticated)
            let tampered = String(admin.dropLast(3)) + (admin.hasSuffix("AAA") ? "BBB" : "AAA")
            #expect(await code { _ = try await identity.api(tampered).listAgencies(.init()) } == .unauthenticated)
            _ = try await identity.api(admin).listAgencies(.init())

            // Another service verifies the token locally with the public keys alone.
            let keys = try await identity.tokens.getPublicKeys()
            let claims = try PublicKeySet(keys.keys).verify(admin, nowUnix: identity.clock.withLockedValue { $0 })
            #expect(claims.subject == "admin")
            #expect(claims.roles == ["ROLE_ADMINISTRATOR"])
            #expect(claims.keyId == keys.keys.first?.keyId)

            _ = try await identity.api(admin).logout(.init())
            #expect(await code { _ = try await identity.api(admin).listAgencies(.init()) } == .unauthenticated)
            let revoked = try await identity.tokens.listRevocations()
            #expect(revoked.revokedTokens.map(\.tokenId) == [claims.tokenId])

            let fresh = try await identity.login("admin", "kata-sandi-admin")
            identity.advance(seconds: 8 * 3600 + 1)
            #expect(await code { _ = try await identity.api(fresh).listAgencies(.init()) } == .unauthenticated)
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
                _ = try await identity.api(admin).createAccount(.init(
                    username: employee.nip, password: "kata-sandi-\(employee.nip)", roles: [.employee], nip: employee.nip))
            }
            func token(_ employee: Employee) async throws -> String { try await identity.login(employee.nip, "kata-sandi-\(employee.nip)") }
            let head = try await identity.api().login(.init(username: IdentityFixture.head.nip, password: "kata-sandi-\(IdentityFixture.head.nip)"))
            #expect(head.account?.effectiveRoles == [.employee, .supervisor, .agencyHead])
            #expect(head.account?.agencyCode == "DINKES")

            let staff = try await token(IdentityFixture.staff)
            let supervisor = try await token(IdentityFixture.supervisor)
            let teacher = try await token(IdentityFixture.teacher)

            // Staff: own record in full, a colleague in the directory view, another agency not at all.
            let own = try await identity.api(staff).getEmployee(.init(nip: IdentityFixture.staff.nip))
            #expect(own.education == .s2)
            let colleague = try await identity.api(staff).getEmployee(.init(nip: IdentityFixture.supervisor.nip))
            #expect(colleague.name == "Budi")
            #expect(colleague.birthDate.isEmpty)
            #expect(await code { _ = try await identity.api(staff).getEmployee(.init(nip: IdentityFixture.teacher.nip)) } == .notFound)
            // The supervisor sees their report in full.
            let report = try await identity.api(supervisor).getEmployee(.init(nip: IdentityFixture.staff.nip))
            #expect(report.birthDate == "1992-12-24")
            // Lists are confined to the caller's agency.
            let directory = try await identity.api(teacher).listEmployees(.init())
            #expect(directory.employees.map(\.nip) == [IdentityFixture.teacher.nip])
            #expect(await code { _ = try await identity.api(teacher).listEmployees(.init(agencyCode: "DINKES")) } == .permissionDenied)
            // Only organisers and administrators change records; only administrators accounts.
            #expect(await code { _ = try await identity.api(supervisor).deleteEmployee(.init(nip: IdentityFixture.staff.nip)) } == .permissionDenied)
            #expect(await code { _ = try await identity.api(supervisor).setRoles(.init(username: IdentityFixture.staff.nip, roles: [.administrator])) } == .permissionDenied)
            #expect(await code { _ = try await identity.api(admin).setRoles(.init(username: IdentityFixture.staff.nip, roles: [.supervisor])) } == .invalidArgument)
            // Own password: needs the current one.
            #expect(await code { _ = try await identity.api(staff).setPassword(.init(username: IdentityFixture.staff.nip, newPassword: "kata-sandi-baru-1", currentPassword: "salah")) } == .unauthenticated)
            _ = try await identity.api(staff).setPassword(.init(
                username: IdentityFixture.staff.nip, newPassword: "kata-sandi-baru-1", currentPassword: "kata-sandi-\(IdentityFixture.staff.nip)"))
            _ = try await identity.login(IdentityFixture.staff.nip, "kata-sandi-baru-1")
        }
    }

    @Test func disabledAccountsAndRetiredPeopleCannotGetIn() async throws {
        try await withIdentity { identity in
            let admin = try await identity.administrator()
            try await identity.seed(admin)
            let nip = IdentityFixture.staff.nip
            _ = try await identity.api(admin).createAccount(.init(username: nip, password: "kata-sandi-siti", roles: [.employee], nip: nip))
            let token = try await identity.login(nip, "kata-sandi-siti")
            _ = try await identity.api(admin).setAccountDisabled(.init(username: nip, disabled: true))
            #expect(await code { _ = try await identity.api(token).getEmployee(.init(nip: nip)) } == .unauthenticated)
            #expect(await code { _ = try await identity.login(nip, "kata-sandi-siti") } == .unauthenticated)
            _ = try await identity.api(admin).setAccountDisabled(.init(username: nip, disabled: false))
            _ = try await identity.login(nip, "kata-sandi-siti")
            // Once the record says retired, the account no longer logs in.
            _ = try await identity.api(admin).updateEmployee(.init(
                employee: .init(nip: nip, status: .retired), updateMask: .init(paths: ["status"])))
            #expect(await code { _ = try await identity.login(nip, "kata-sandi-siti") } == .unauthenticated)
            // The last administrator cannot be disabled.
            #expect(await code { _ = try await identity.api(admin).setAccountDisabled(.init(username: "admin", disabled: true)) } == .failedPrecondition)
        }
    }

    @Test func unitsGetHeads() async throws {
        try await withIdentity { identity in
            let admin = try await identity.administrator()
            try await identity.seed(admin)
            let unit = try await identity.api(admin).updateUnit(.init(
                unit: .init(agencyCode: "dinkes", code: "sekret", name: "Sekretariat Dinas", headNip: IdentityFixture.supervisor.nip),
                updateMask: .init(paths: ["head_nip", "name"])))
            #expect(unit.headNip == IdentityFixture.supervisor.nip)
            let agency = try await identity.api(admin).getAgency(.init(code: "DINKES"))
            #expect(agency.units.first?.name == "Sekretariat Dinas")
            #expect(await code { _ = try await identity.api(admin).updateUnit(.init(
                unit: .init(agencyCode: "DINKES", code: "SEKRET", headNip: "197001011990011001"), updateMask: .init(paths: ["head_nip"]))) } == .notFound)
            #expect(await code { _ = try await identity.api(admin).updateUnit(.init(
                unit: .init(agencyCode: "DINKES", code: "GUDANG", name: "x"), updateMask: .init(paths: ["name"]))) } == .notFound)
        }
    }

    @Test func recordsKeepTheirIntegrity() async throws {
        try await withIdentity { identity in
            let admin = try await identity.administrator()
            try await identity.seed(admin)
            let duplicate = await code { _ = try await identity.api(admin).createEmployee(.init(employee: IdentityFixture.staff)) }
            #expect(duplicate == .alreadyExists)
            var orphan = IdentityFixture.staff
            orphan.nip = "199101012015011002"
            orphan.supervisorNip = "197001011990011001"
            #expect(await code { _ = try await identity.api(admin).createEmployee(.init(employee: orphan)) } == .notFound)
            // Making the head report to the staff member would close a loop.
            let loop = await code {
                _ = try await identity.api(admin).updateEmployee(.init(
                    employee: .init(nip: IdentityFixture.head.nip, supervisorNip: IdentityFixture.staff.nip),
                    updateMask: .init(paths: ["supervisor_nip"])))
            }
            #expect(loop == .failedPrecondition)
            let promoted = try await identity.api(admin).updateEmployee(.init(
                employee: .init(nip: IdentityFixture.staff.nip, golongan: .iiiB), updateMask: .init(paths: ["golongan"])))
            #expect(promoted.golongan == .iiiB)
            #expect(promoted.name == "Siti")
            #expect(await code { _ = try await identity.api(admin).deleteEmployee(.init(nip: IdentityFixture.supervisor.nip)) } == .failedPrecondition)
            #expect(await code { _ = try await identity.api(admin).deleteAgency(.init(code: "DINKES")) } == .failedPrecondition)
            #expect(await code { _ = try await identity.api(admin).createAgency(.init(agency: .init(code: "x y", name: "X", kind: .dinas))) } == .invalidArgument)
        }
    }

    @Test func invalidArgumentsNameTheirFieldsInTheDetails() async throws {
        try await withIdentity { identity in
            let admin = try await identity.administrator()
            try await identity.seed(admin)
            let badCode = await #expect(throws: RPCError.self) {
                _ = try await identity.api(admin).createAgency(.init(agency: .init(code: "x y", name: "X", kind: .dinas)))
            }
            #expect(badCode?.code == .invalidArgument)
            #expect(badCode?.fieldViolations.map(\.field) == ["agency.code"])
            let badMask = await #expect(throws: RPCError.self) {
                _ = try await identity.api(admin).updateEmployee(.init(
                    employee: .init(nip: IdentityFixture.staff.nip), updateMask: .init(paths: ["nip"])))
            }
            #expect(badMask?.fieldViolations.first?.field == "update_mask")
            #expect(badMask?.message.contains("'nip'") == true)
            // In English for a caller who asks for it.
            var english = RPCMetadata.bearer(admin)
            english.append("accept-language", "en")
            let inEnglish = await #expect(throws: RPCError.self) {
                _ = try await IdentityAPI.Client(identity.server.client, metadata: english).updateEmployee(.init(
                    employee: .init(nip: IdentityFixture.staff.nip), updateMask: .init(paths: [])))
            }
            #expect(inEnglish?.message == "update_mask: name the fields to change")
            // Domain messages too, and the same call in Indonesian by default.
            let missing = "199001012015011001"
            let notFoundInEnglish = await #expect(throws: RPCError.self) {
                _ = try await IdentityAPI.Client(identity.server.client, metadata: english).getEmployee(.init(nip: missing))
            }
            #expect(notFoundInEnglish?.message == "no employee with NIP \(missing)")
            let indonesian = await #expect(throws: RPCError.self) { _ = try await identity.api(admin).getEmployee(.init(nip: missing)) }
            #expect(indonesian?.message == "pegawai dengan NIP \(missing) tidak ditemukan")
            let badNIP = await #expect(throws: RPCError.self) {
                _ = try await IdentityAPI.Client(identity.server.client, metadata: english).createEmployee(.init(employee: .init(nip: "123", asnType: .pns)))
            }
            #expect(badNIP?.fieldViolations.first?.description == "a NIP has 18 digits, not 3")
        }
    }

    @Test func listsPageThroughEverything() async throws {
        try await withIdentity { identity in
            let admin = try await identity.administrator()
            try await identity.seed(admin)
            var seen: [String] = []
            var token = ""
            repeat {
                let page = try await identity.api(admin).listEmployees(.init(pageSize: 3, pageToken: token))
                #expect(page.employees.count <= 3)
                seen += page.employees.map(\.nip)
                token = page.nextPageToken
            } while !token.isEmpty
            #expect(seen == seen.sorted())
            #expect(seen.count == 4)
            #expect(await code { _ = try await identity.api(admin).listEmployees(.init(pageToken: "!!!")) } == .invalidArgument)
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
            func upload() async throws -> String {
                let started = try await identity.api(admin).startEmployeeImport(.init())
                for chunk in stride(from: 0, to: csv.count, by: 50) {
                    _ = try await identity.api(admin).uploadEmployeeImportChunk(.init(
                        importId: started.importId, data: Array(csv[chunk..<min(chunk + 50, csv.count)])))
                }
                return started.importId
            }
            let dryRun = try await upload()
            let dry = try await identity.api(admin).finishEmployeeImport(.init(importId: dryRun, dryRun: true))
            #expect(dry.rowsTotal == 4)
            #expect(dry.rowsValid == 3)
            #expect(dry.rowsCommitted == 0)
            #expect(dry.errors.map(\.line) == [4])
            #expect(dry.errorsTotal == 1)
            #expect(await code { _ = try await identity.api(admin).getEmployee(.init(nip: "199101012015011002")) } == .notFound)
            // A dry run releases its upload: committing means sending the file again.
            #expect(await code { _ = try await identity.api(admin).finishEmployeeImport(.init(importId: dryRun)) } == .notFound)

            let commit = try await upload()
            let done = try await identity.api(admin).finishEmployeeImport(.init(importId: commit))
            #expect(done.rowsCommitted == 3)
            let dewi = try await identity.api(admin).getEmployee(.init(nip: "199301012018011001"))
            #expect(dewi.supervisorNip == "199101012015011002")
            let siti = try await identity.api(admin).getEmployee(.init(nip: "199212242019032002"))
            #expect(siti.name == "Siti Rahma")  // an existing record is updated
            #expect(siti.golongan == .iiiB)
            #expect(await code { _ = try await identity.api(admin).finishEmployeeImport(.init(importId: commit)) } == .notFound)
        }
    }
}
