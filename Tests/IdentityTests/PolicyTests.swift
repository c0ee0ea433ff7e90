import BKAuth
import BKRPC
import Logging
@testable import Identity
import Testing

@Suite("Authorization: the policy of every call, and what each role sees")
struct PolicyTests {
    static func caller(_ roles: [Role], nip: String = "198703152010011001", agency: String = "DINKES") -> Caller {
        Caller(claims: .init(tokenId: "t", subject: nip, roles: roles.map(\.protoName), agencyCode: agency, nip: nip))
    }

    /// The policy of every RPC the identity daemon serves, as the security review reads it. A method
    /// added without a row here, or a policy changed without changing its row, fails the test.
    static let table: [String: String] = [
        "binakarier.identity.v1.IdentityService/GetAgency": "authenticated services:feedback,programs,reporting",
        "binakarier.identity.v1.IdentityService/ListAgencies": "authenticated services:feedback,programs,reporting",
        "binakarier.identity.v1.IdentityService/CreateAgency": "roles:administrator,organizer",
        "binakarier.identity.v1.IdentityService/UpdateAgency": "roles:administrator,organizer",
        "binakarier.identity.v1.IdentityService/DeleteAgency": "roles:administrator,organizer",
        "binakarier.identity.v1.IdentityService/CreateUnit": "roles:administrator,organizer",
        "binakarier.identity.v1.IdentityService/UpdateUnit": "roles:administrator,organizer",
        "binakarier.identity.v1.IdentityService/DeleteUnit": "roles:administrator,organizer",
        "binakarier.identity.v1.IdentityService/GetEmployee": "authenticated services:feedback,programs,reporting",
        "binakarier.identity.v1.IdentityService/ListEmployees": "authenticated services:feedback,programs,reporting",
        "binakarier.identity.v1.IdentityService/CreateEmployee": "roles:administrator,organizer",
        "binakarier.identity.v1.IdentityService/UpdateEmployee": "roles:administrator,organizer",
        "binakarier.identity.v1.IdentityService/DeleteEmployee": "roles:administrator,organizer",
        "binakarier.identity.v1.IdentityService/StartEmployeeImport": "roles:administrator,organizer",
        "binakarier.identity.v1.IdentityService/UploadEmployeeImportChunk": "roles:administrator,organizer",
        "binakarier.identity.v1.IdentityService/FinishEmployeeImport": "roles:administrator,organizer",
        "binakarier.identity.v1.IdentityService/CancelEmployeeImport": "roles:administrator,organizer",
        "binakarier.identity.v1.IdentityService/CreateAccount": "roles:administrator",
        "binakarier.identity.v1.IdentityService/GetAccount": "authenticated",
        "binakarier.identity.v1.IdentityService/SetPassword": "authenticated",
        "binakarier.identity.v1.IdentityService/SetRoles": "roles:administrator",
        "binakarier.identity.v1.IdentityService/SetAccountDisabled": "roles:administrator",
        "binakarier.identity.v1.IdentityService/Login": "anyone",
        "binakarier.identity.v1.IdentityService/Logout": "authenticated",
        "binakarier.identity.v1.IdentityService/RotateSigningKey": "roles:administrator",
        "binakarier.identity.v1.IdentityService/BootstrapAdministrator": "custom:root or the daemon's own uid on the socket",
        "binakarier.auth.v1.TokenService/GetPublicKeys": "anyone",
        "binakarier.auth.v1.TokenService/ListRevocations": "custom:a peer uid on the service allow-list",
        "binakarier.auth.v1.TokenService/IssueServiceToken": "custom:a peer uid on the service allow-list",
        "binakarier.health.v1.Health/Check": "anyone",
    ]

    @Test func everyMethodHasTheDeclaredPolicy() async throws {
        try await withIdentity { identity in
            var router = RPCRouter()
            router.register(identity.service)
            router.register(identity.service.tokenService)
            router.register(HealthService())
            let declared = Dictionary(uniqueKeysWithValues: router.policies.map { ("\($0.service)/\($0.method)", $0.policy.description) })
            #expect(declared == Self.table)
        }
    }

    /// Which callers a policy admits, checked through the same code the server runs before a handler.
    @Test func policiesAdmitExactlyTheirRoles() throws {
        let context = RPCServerContext(service: "s", method: "m", logger: Logger(label: "test"))
        let organizers = MethodPolicy.roles([.organizer, .administrator], services: ["programs"])
        for role in [Role.employee, .supervisor, .agencyHead] {
            #expect(throws: RPCError.self) { try organizers.authorize(Self.caller([role]), context) }
        }
        try organizers.authorize(Self.caller([.organizer]), context)
        try organizers.authorize(Self.caller([.employee, .administrator]), context)
        #expect(throws: RPCError.self) { try organizers.authorize(nil, context) }
        // Services by name only, and a service token never passes for a person.
        try organizers.authorize(Self.service("programs"), context)
        #expect(throws: RPCError.self) { try organizers.authorize(Self.service("reporting"), context) }
        #expect(throws: RPCError.self) { try MethodPolicy.authenticated().authorize(Self.service("programs"), context) }
        try MethodPolicy.authenticated().authorize(Self.caller([]), context)
        try MethodPolicy.anyone.authorize(nil, context)
    }

    static func service(_ name: String) -> Caller {
        Caller(claims: .init(tokenId: "s", subject: Caller.serviceSubject(name), roles: ["ROLE_SERVICE"]))
    }

    @Test func aServiceRoleWithoutAServiceSubjectIsNobody() {
        let context = RPCServerContext(service: "s", method: "m", logger: Logger(label: "test"))
        let impostor = Caller(claims: .init(tokenId: "s", subject: "programs", roles: ["ROLE_SERVICE", "ROLE_ADMINISTRATOR"]))
        #expect(impostor.serviceName == nil)
        #expect(throws: RPCError.self) { try MethodPolicy.roles([.administrator], services: ["programs"]).authorize(impostor, context) }
    }

    @Test func unknownRolesInATokenAreIgnored() {
        let caller = Caller(claims: .init(tokenId: "t", subject: "x", roles: ["ROLE_ORGANIZER", "ROLE_FROM_THE_FUTURE"]))
        #expect(caller.roles == [.organizer])
    }

    @Test func whatEachRoleSeesOfARecord() {
        let colleague = Employee(nip: "199212242019032002", agencyCode: "DINKES", supervisorNip: "198703152010011001")
        let stranger = Employee(nip: "199001012015011001", agencyCode: "DISDIK")
        let peer = Employee(nip: "199101012015011002", agencyCode: "DINKES")
        let me = Employee(nip: "198703152010011001", agencyCode: "DINKES")

        #expect(IdentityPolicy.visibility(of: me, to: Self.caller([.employee])) == .full)
        #expect(IdentityPolicy.visibility(of: peer, to: Self.caller([.employee])) == .directory)
        #expect(IdentityPolicy.visibility(of: stranger, to: Self.caller([.employee])) == .none)
        #expect(IdentityPolicy.visibility(of: colleague, to: Self.caller([.employee, .supervisor])) == .full)
        #expect(IdentityPolicy.visibility(of: peer, to: Self.caller([.employee, .supervisor])) == .directory)
        #expect(IdentityPolicy.visibility(of: peer, to: Self.caller([.agencyHead])) == .full)
        #expect(IdentityPolicy.visibility(of: stranger, to: Self.caller([.agencyHead])) == .none)
        #expect(IdentityPolicy.visibility(of: stranger, to: Self.caller([.organizer])) == .full)
        #expect(IdentityPolicy.visibility(of: stranger, to: Self.caller([.administrator])) == .full)
    }

    @Test func directoryViewHidesPersonalData() {
        let full = Employee(
            nip: "199212242019032002", name: "Siti", asnType: .pns, sex: .female, birthDate: "1992-12-24",
            serviceStart: "2019-03", golongan: .iiiA, education: .s2, agencyCode: "DINKES")
        let directory = full.directoryView
        #expect(directory.name == "Siti")
        #expect(directory.birthDate.isEmpty)
        #expect(directory.sex == .unspecified)
        #expect(directory.education == .unspecified)
        #expect(directory.serviceStart.isEmpty)
    }

    @Test func listsAreConfinedToTheCallersAgency() throws {
        #expect(try IdentityPolicy.listScope(for: Self.caller([.employee]), requested: nil) == "DINKES")
        #expect(try IdentityPolicy.listScope(for: Self.caller([.agencyHead]), requested: "DINKES") == "DINKES")
        #expect(throws: IdentityError.self) { try IdentityPolicy.listScope(for: Self.caller([.agencyHead]), requested: "DISDIK") }
        #expect(try IdentityPolicy.listScope(for: Self.caller([.organizer]), requested: "DISDIK") == "DISDIK")
        #expect(try IdentityPolicy.listScope(for: Self.caller([.administrator]), requested: nil) == nil)
    }
}
