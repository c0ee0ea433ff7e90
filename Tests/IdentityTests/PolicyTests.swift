import BKAuth
@testable import Identity
import Testing

@Suite("Authorization: role × call")
struct PolicyTests {
    static func caller(_ roles: [Role], nip: String = "198703152010011001", agency: String = "DINKES") -> Caller {
        Caller(claims: .init(tokenId: "t", subject: nip, roles: roles, agencyCode: agency, nip: nip))
    }

    typealias A = IdentityPolicy.Action
    /// The whole table: which single role may perform which action.
    static let table: [(Role, Set<A>)] = [
        (.employee, [.readAgencies, .readEmployee, .listEmployees, .readOwnAccount, .changeOwnPassword, .logout]),
        (.supervisor, [.readAgencies, .readEmployee, .listEmployees, .readOwnAccount, .changeOwnPassword, .logout]),
        (.agencyHead, [.readAgencies, .readEmployee, .listEmployees, .readOwnAccount, .changeOwnPassword, .logout]),
        (.organizer, [.readAgencies, .manageAgencies, .readEmployee, .listEmployees, .manageEmployees, .importEmployees,
                      .readOwnAccount, .changeOwnPassword, .logout]),
        (.administrator, Set(A.allCases)),
    ]

    @Test(arguments: table)
    func roleTable(role: Role, allowed: Set<A>) {
        for action in A.allCases {
            let outcome = Result { () throws(IdentityError) in try IdentityPolicy.check(action, Self.caller([role])) }
            if allowed.contains(action) {
                #expect((try? outcome.get()) != nil, "\(role) should be allowed \(action)")
            } else {
                #expect((try? outcome.get()) == nil, "\(role) should be denied \(action)")
            }
        }
    }

    @Test func noRolesMeansNothing() {
        for action in A.allCases {
            #expect(throws: IdentityError.self) { try IdentityPolicy.check(action, Self.caller([])) }
        }
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
