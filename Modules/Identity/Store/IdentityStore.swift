import BKRPC
/// What the identity service needs from storage. SQLite (`SQLiteIdentityStore`) serves a city; a
/// PostgreSQL store can be added for larger deployments without touching the handlers.
public protocol IdentityStore: Sendable {
    // Agencies and units
    func agency(code: String) async throws -> Agency?
    func agencies(after code: String?, limit: Int) async throws -> [Agency]
    func createAgency(_ agency: Agency, now: Int64) async throws
    func updateAgency(_ agency: Agency, now: Int64) async throws
    func deleteAgency(code: String, now: Int64) async throws
    func createUnit(_ unit: OrganizationUnit) async throws
    func updateUnit(_ unit: OrganizationUnit) async throws
    func deleteUnit(agencyCode: String, code: String) async throws

    // Employees
    func employee(nip: String) async throws -> Employee?
    func employees(_ filter: EmployeeFilter, after nip: String?, limit: Int) async throws -> [Employee]
    func createEmployee(_ employee: Employee, now: Int64) async throws -> Employee
    func updateEmployee(_ employee: Employee, now: Int64) async throws -> Employee
    /// Everything an import needs to check rows against: agencies, units and every supervisor link.
    func importContext() async throws -> ImportContext
    /// Creates or updates every employee in one transaction: all are stored, or none.
    func upsertEmployees(_ employees: [Employee], now: Int64) async throws -> Int

    // Accounts
    func account(username: String) async throws -> AccountRecord?
    func createAccount(_ account: AccountRecord) async throws
    /// Creates the first administrator, in the same transaction that checks there is none.
    func bootstrapAdministrator(_ account: AccountRecord) async throws
    /// The following three raise the account's token epoch in the same transaction, and return it; they
    /// refuse (FAILED_PRECONDITION) a change that leaves no administrator able to act.
    @discardableResult func setPasswordHash(username: String, hash: String, now: Int64) async throws -> Int64
    @discardableResult func setRoles(username: String, roles: [Role], now: Int64) async throws -> Int64
    @discardableResult func setDisabled(username: String, disabled: Bool, now: Int64) async throws -> Int64
    /// Deletes the employee and their account, if any. An account is deleted only when `mayDeleteAccount`
    /// (PERMISSION_DENIED otherwise) and never the last administrator's. Returns the deleted account's
    /// username and its raised epoch.
    func deleteEmployee(nip: String, mayDeleteAccount: Bool, now: Int64) async throws -> (username: String, epoch: Int64)?
    /// Counts a failed login (or a wrong current password) and locks the account every `threshold`
    /// failures, in one write: parallel attempts cannot all see the same count.
    func recordLoginFailure(username: String, policy: LockoutPolicy, now: Int64) async throws -> LockoutState
    func recordLoginSuccess(username: String) async throws
    /// Usernames of the accounts that can act as administrators: enabled, granted the role, and (for an
    /// ASN's account) still in service.
    func administrators() async throws -> [String]
    /// Roles and agency that follow from the records for the ASN with `nip`.
    func derivedRoles(nip: String) async throws -> (roles: Set<Role>, agencyCode: String)

    // Tokens
    func revoke(tokenID: String, now: Int64, expiresAt: Int64) async throws
    /// The token feed after `sequence`, at most `limit` entries: unexpired revoked tokens, raised epochs.
    func revocations(after sequence: Int64, now: Int64, limit: Int) async throws -> TokenFeedPage
}

/// A page of the token feed (see `IdentitySchema`'s token_feed).
public struct TokenFeedPage: Sendable, Hashable {
    /// Token id → when it expires.
    public var tokens: [String: Int64] = [:]
    public var epochs: [String: Int64] = [:]
    /// The sequence of the last entry read (the cursor for the next page).
    public var lastSequence: Int64 = 0
    /// Entries after `lastSequence` exist.
    public var more = false
    /// The newest sequence the feed has ever had.
    public var newestSequence: Int64 = 0
}

/// Epochs raised longer ago than this are left out of the feed: every token they could refuse has
/// expired (tokens live at most 168 hours).
public let tokenFeedEpochRetention: Int64 = 168 * 3600

/// When repeated failures lock an account.
public struct LockoutPolicy: Sendable, Hashable {
    /// Failures in a row before the account is locked.
    public var threshold = 5
    /// The first lock lasts this long; each further one twice as long, up to a day.
    public var seconds: Int64 = 15 * 60

    public init() {}

    /// The lock that the `failures`-th failure in a row starts, if any.
    public func lockUntil(failures: Int, now: Int64) -> Int64? {
        guard failures > 0, failures % threshold == 0 else { return nil }
        let doublings = min(failures / threshold - 1, 7)
        return now + min(seconds << doublings, 24 * 3600)
    }
}

public struct LockoutState: Sendable, Hashable {
    public var failures: Int
    /// Zero, or when the lock ends.
    public var lockedUntil: Int64
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
    /// Tokens issued now carry this epoch.
    public var tokenEpoch: Int64 = 0

    public init(
        username: String, nip: String?, displayName: String, passwordHash: String, roles: [Role], disabled: Bool = false,
        failedLogins: Int = 0, lockedUntil: Int64 = 0, createdAt: Int64, tokenEpoch: Int64 = 0
    ) {
        self.tokenEpoch = tokenEpoch
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
