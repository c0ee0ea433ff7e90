/// What the identity service needs from storage. SQLite (`SQLiteIdentityStore`) serves a city; a
/// PostgreSQL store can be added for larger deployments without touching the handlers.
public protocol IdentityStore: Sendable {
    // Agencies and units
    func agency(code: String) async throws -> Agency?
    func agencies(after code: String?, limit: Int) async throws -> [Agency]
    func createAgency(_ agency: Agency, now: Int64) async throws
    func updateAgency(_ agency: Agency, now: Int64) async throws
    func deleteAgency(code: String) async throws
    func createUnit(_ unit: OrganizationUnit) async throws
    func updateUnit(_ unit: OrganizationUnit) async throws
    func deleteUnit(agencyCode: String, code: String) async throws

    // Employees
    func employee(nip: String) async throws -> Employee?
    func employees(_ filter: EmployeeFilter, after nip: String?, limit: Int) async throws -> [Employee]
    func createEmployee(_ employee: Employee, now: Int64) async throws -> Employee
    func updateEmployee(_ employee: Employee, now: Int64) async throws -> Employee
    func deleteEmployee(nip: String) async throws
    /// Everything an import needs to check rows against: agencies, units and every supervisor link.
    func importContext() async throws -> ImportContext
    /// Creates or updates every employee in one transaction: all are stored, or none.
    func upsertEmployees(_ employees: [Employee], now: Int64) async throws -> Int

    // Accounts
    func account(username: String) async throws -> AccountRecord?
    func createAccount(_ account: AccountRecord) async throws
    func setPasswordHash(username: String, hash: String) async throws
    func setRoles(username: String, roles: [Role]) async throws
    func setDisabled(username: String, disabled: Bool) async throws
    func disabledAccounts() async throws -> [String]
    func recordLoginFailure(username: String, lockUntil: Int64?) async throws
    func recordLoginSuccess(username: String) async throws
    /// Usernames of the enabled accounts granted the administrator role.
    func administrators() async throws -> [String]
    /// Roles and agency that follow from the records for the ASN with `nip`.
    func derivedRoles(nip: String) async throws -> (roles: Set<Role>, agencyCode: String)

    // Tokens
    func revoke(tokenID: String, now: Int64, expiresAt: Int64) async throws
    func revokedTokens(since: Int64, now: Int64) async throws -> [String]
}

public struct EmployeeFilter: Sendable, Hashable {
    public var agencyCode: String?
    public var unitCode: String?
    public var supervisorNIP: String?

    public init(agencyCode: String? = nil, unitCode: String? = nil, supervisorNIP: String? = nil) {
        self.agencyCode = agencyCode
        self.unitCode = unitCode
        self.supervisorNIP = supervisorNIP
    }
}

public struct ImportContext: Sendable {
    public var agencies: Set<String>
    /// "AGENCY/UNIT"
    public var units: Set<String>
    public var supervisors: [String: String]

    public init(agencies: Set<String>, units: Set<String>, supervisors: [String: String]) {
        self.agencies = agencies
        self.units = units
        self.supervisors = supervisors
    }
}

/// An account as stored, with its password hash (never sent over the wire).
public struct AccountRecord: Sendable, Hashable {
    public var username: String
    public var nip: String?
    public var displayName: String
    public var passwordHash: String
    public var roles: [Role]
    public var disabled: Bool
    public var failedLogins: Int
    public var lockedUntil: Int64
    public var createdAt: Int64

    public init(
        username: String, nip: String?, displayName: String, passwordHash: String, roles: [Role], disabled: Bool = false,
        failedLogins: Int = 0, lockedUntil: Int64 = 0, createdAt: Int64
    ) {
        self.username = username
        self.nip = nip
        self.displayName = displayName
        self.passwordHash = passwordHash
        self.roles = roles
        self.disabled = disabled
        self.failedLogins = failedLogins
        self.lockedUntil = lockedUntil
        self.createdAt = createdAt
    }
}
