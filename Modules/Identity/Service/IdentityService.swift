import BKAuth
import BKProto
import BKRPC
import BKServiceKit
import Foundation
import Metrics
import NIOConcurrencyHelpers

typealias API = Binakarier_Identity_V1_IdentityService

/// The handlers of `binakarier.identity.v1.IdentityService`. Who may call each RPC is declared once, in
/// `policies` (checked by the server before a handler runs); handlers apply the row-level rules of
/// `IdentityPolicy` (own record, own agency) on top.
public final class IdentityService: API.ServiceProtocol {
    public struct Configuration: Sendable {
        /// How long a token is valid.
        public var tokenLifetime: Int64 = 8 * 3600
        public var lockout = LockoutPolicy()
        /// Peers (by uid) that may bootstrap the first administrator over the socket.
        public var bootstrapUIDs: Set<UInt32> = [0, getuid()]
        /// Peers (by uid) that may ask for a service token (the daemons' own user and root).
        public var serviceUIDs: Set<UInt32> = [0, getuid()]
        /// How long a service token is valid; clients renew it before it ends.
        public var serviceTokenLifetime: Int64 = 10 * 60

        public init() {}
    }

    /// Daemons that read people and agencies for their background work.
    static let readingServices: Set<String> = [DaemonName.programs, .feedback, .reporting].map(\.rawValue).reduce(into: []) { $0.insert($1) }
    static let organizers: Set<Role> = [.organizer, .administrator]

    public var policies: Binakarier_Identity_V1_IdentityService.Policies {
        let peers = configuration.bootstrapUIDs
        return API.Policies(
            getAgency: .authenticated(services: Self.readingServices),
            listAgencies: .authenticated(services: Self.readingServices),
            createAgency: .roles(Self.organizers),
            updateAgency: .roles(Self.organizers),
            deleteAgency: .roles(Self.organizers),
            createUnit: .roles(Self.organizers),
            updateUnit: .roles(Self.organizers),
            deleteUnit: .roles(Self.organizers),
            getEmployee: .authenticated(services: Self.readingServices),
            listEmployees: .authenticated(services: Self.readingServices),
            createEmployee: .roles(Self.organizers),
            updateEmployee: .roles(Self.organizers),
            deleteEmployee: .roles(Self.organizers),
            startEmployeeImport: .roles(Self.organizers),
            uploadEmployeeImportChunk: .roles(Self.organizers),
            finishEmployeeImport: .roles(Self.organizers),
            cancelEmployeeImport: .roles(Self.organizers),
            createAccount: .roles([.administrator]),
            getAccount: .authenticated(),
            setPassword: .authenticated(),
            setRoles: .roles([.administrator]),
            setAccountDisabled: .roles([.administrator]),
            login: .anyone,
            logout: .authenticated(),
            rotateSigningKey: .roles([.administrator]),
            bootstrapAdministrator: .custom("root or the daemon's own uid on the socket", requiresToken: false) { _, context throws(RPCError) in
                guard let peer = context.peer, peers.contains(peer.uid) else {
                    throw IdentityError.permissionDenied(.init(
                        id: "hanya root (atau pengguna daemon) di mesin ini yang dapat membuat administrator pertama",
                        en: "only root (or the daemon's user) on this machine can create the first administrator")).rpcError
                }
            })
    }

    let store: any IdentityStore
    let hasher: PasswordHasher
    let keys: SigningKeyRing
    /// Verifies tokens for this daemon's own calls; kept in step with every change it makes.
    public let authenticator: TokenAuthenticator
    let configuration: Configuration
    let now: @Sendable () -> Int64
    let imports = ImportSessions()
    let pages = PageTokens()
    let throttle = LoginThrottle()
    private let decoyHash: String
    /// Logins by outcome, for operators watching for password guessing.
    private let logins = (
        succeeded: Counter(label: "binakarier_identity_logins_total", dimensions: [("result", "ok")]),
        refused: Counter(label: "binakarier_identity_logins_total", dimensions: [("result", "refused")]),
        locked: Counter(label: "binakarier_identity_logins_total", dimensions: [("result", "locked")]))

    /// Loads what verification needs from the store (revocations, account epochs) and computes the decoy hash.
    public static func make(
        store: any IdentityStore, keys: SigningKeyRing, hasher: PasswordHasher, configuration: Configuration = .init(),
        now: @escaping @Sendable () -> Int64 = WallClock.nowUnix
    ) async throws -> IdentityService {
        let authenticator = TokenAuthenticator(keys: keys.publicKeySet(tokenLifetime: configuration.tokenLifetime), now: now)
        let service = IdentityService(
            store: store, keys: keys, hasher: hasher, configuration: configuration, now: now,
            authenticator: authenticator, decoyHash: try await hasher.decoyHash())
        try await service.syncOwnFeed()
        return service
    }

    private init(
        store: any IdentityStore, keys: SigningKeyRing, hasher: PasswordHasher, configuration: Configuration,
        now: @escaping @Sendable () -> Int64, authenticator: TokenAuthenticator, decoyHash: String
    ) {
        self.store = store
        self.keys = keys
        self.hasher = hasher
        self.configuration = configuration
        self.now = now
        self.authenticator = authenticator
        self.decoyHash = decoyHash
    }

    /// The token service identity serves beside its own API.
    public var tokenService: IdentityTokenService { IdentityTokenService(identity: self) }

    /// Where this daemon's own authenticator is in the token feed.
    private let feedCursor = NIOLockedValueBox<Int64>(0)

    /// Applies what the store has added to the token feed (revocations, epochs raised by any write) to
    /// this daemon's own authenticator, at once; other daemons get it with their next poll.
    func syncOwnFeed() async throws {
        var more = true
        while more {
            let after = feedCursor.withLockedValue { $0 }
            let page = try await store.revocations(after: after, now: now(), limit: IdentityTokenService.pageLimit)
            authenticator.apply(IdentityTokenService.response(page))
            feedCursor.withLockedValue { $0 = max($0, page.lastSequence) }
            more = page.more
        }
    }

    // MARK: agencies

    public func getAgency(_ request: Binakarier_Identity_V1_GetAgencyRequest, context: RPCServerContext) async throws -> Agency {
        guard let agency = try await store.agency(code: request.code) else {
            throw IdentityError.notFound(.init(id: "perangkat daerah \(request.code) tidak ditemukan", en: "agency \(request.code) not found"))
        }
        return agency
    }

    public func listAgencies(
        _ request: Binakarier_Identity_V1_ListAgenciesRequest, context: RPCServerContext
    ) async throws -> Binakarier_Identity_V1_ListAgenciesResponse {
        let size = try PageTokens.size(request.pageSize)
        let after = try pages.decode(request.pageToken, scope: "agencies")
        let agencies = try await store.agencies(after: after, limit: size + 1)
        return .init(
            agencies: Array(agencies.prefix(size)),
            nextPageToken: agencies.count > size ? pages.encode(after: agencies[size - 1].code, scope: "agencies") : "")
    }

    public func createAgency(_ request: Binakarier_Identity_V1_CreateAgencyRequest, context: RPCServerContext) async throws -> Agency {
        let agency = try Required.field(request.agency, "agency")
        let validated = try Self.validated(agency)
        try await store.createAgency(validated, now: now())
        try await syncOwnFeed()
        audit(context, "agency created", ["agency": validated.code])
        return try await store.agency(code: validated.code) ?? validated
    }

    public func updateAgency(_ request: Binakarier_Identity_V1_UpdateAgencyRequest, context: RPCServerContext) async throws -> Agency {
        let patch = try Required.field(request.agency, "agency")
        guard var agency = try await store.agency(code: patch.code) else {
            throw IdentityError.notFound(.init(id: "perangkat daerah \(patch.code) tidak ditemukan", en: "agency \(patch.code) not found"))
        }
        let paths = try UpdateMask.paths(request.updateMask, changeable: ["name", "kind", "head_nip"])
        try agency.merge(from: patch, paths: paths)
        try await store.updateAgency(try Self.validated(agency), now: now())
        try await syncOwnFeed()
        audit(context, "agency updated", ["agency": agency.code, "fields": paths.joined(separator: ",")])
        return try await store.agency(code: agency.code) ?? agency
    }

    public func deleteAgency(
        _ request: Binakarier_Identity_V1_DeleteAgencyRequest, context: RPCServerContext
    ) async throws -> Binakarier_Identity_V1_DeleteAgencyResponse {
        try await store.deleteAgency(code: request.code, now: now())
        try await syncOwnFeed()
        audit(context, "agency deleted", ["agency": request.code])
        return .init()
    }

    public func createUnit(_ request: Binakarier_Identity_V1_CreateUnitRequest, context: RPCServerContext) async throws -> OrganizationUnit {
        var unit = try Required.field(request.unit, "unit")
        unit.agencyCode = unit.agencyCode.uppercased()
        unit.code = try Self.code(unit.code, field: "unit.code")
        unit.name = try Self.name(unit.name, field: "unit.name")
        try await store.createUnit(unit)
        audit(context, "unit created", ["agency": unit.agencyCode, "unit": unit.code])
        return unit
    }

    public func updateUnit(_ request: Binakarier_Identity_V1_UpdateUnitRequest, context: RPCServerContext) async throws -> OrganizationUnit {
        let patch = try Required.field(request.unit, "unit")
        guard let agency = try await store.agency(code: patch.agencyCode.uppercased()),
            var unit = agency.units.first(where: { $0.code == patch.code.uppercased() })
        else { throw IdentityError.notFound(.init(id: "unit \(patch.code) di \(patch.agencyCode) tidak ditemukan", en: "unit \(patch.code) not found in \(patch.agencyCode)")) }
        let paths = try UpdateMask.paths(request.updateMask, changeable: ["name", "head_nip"])
        try unit.merge(from: patch, paths: paths)
        unit.name = try Self.name(unit.name, field: "unit.name")
        try await store.updateUnit(unit)
        audit(context, "unit updated", ["agency": unit.agencyCode, "unit": unit.code, "fields": paths.joined(separator: ",")])
        return unit
    }

    public func deleteUnit(
        _ request: Binakarier_Identity_V1_DeleteUnitRequest, context: RPCServerContext
    ) async throws -> Binakarier_Identity_V1_DeleteUnitResponse {
        try await store.deleteUnit(agencyCode: request.agencyCode, code: request.code)
        audit(context, "unit deleted", ["agency": request.agencyCode, "unit": request.code])
        return .init()
    }

    static func validated(_ agency: Agency) throws(IdentityError) -> Agency {
        var agency = agency
        agency.code = try code(agency.code, field: "agency.code")
        agency.name = try name(agency.name, field: "agency.name")
        guard agency.kind != .unspecified else { throw .invalid(field: "agency.kind", reason: .init(id: "jenis perangkat daerah wajib diisi", en: "the agency kind is required")) }
        try checkText(agency.headNip, field: "agency.head_nip", maxBytes: 40)
        return agency
    }

    static func name(_ text: String, field: String) throws(IdentityError) -> String {
        let name = text.trimmingWhitespace()
        guard !name.isEmpty else { throw .invalid(field: field, reason: .init(id: "nama wajib diisi", en: "a name is required")) }
        try checkText(name, field: field, maxBytes: TextRules.shortText)
        return name
    }

    /// Codes: 2 to 20 of A–Z, 0–9, `-` and `_`, stored upper-case.
    static func code(_ text: String, field: String) throws(IdentityError) -> String {
        let code = text.trimmingWhitespace().uppercased()
        guard (2...20).contains(code.utf8.count),
            code.unicodeScalars.allSatisfy({ ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" })
        else { throw .invalid(field: field, reason: .init(id: "kode harus 2–20 huruf, angka, '-' atau '_'", en: "a code has 2–20 letters, digits, '-' or '_'")) }
        return code
    }

    // MARK: employees

    public func getEmployee(_ request: Binakarier_Identity_V1_GetEmployeeRequest, context: RPCServerContext) async throws -> Employee {
        let caller = try context.requireCaller()
        guard let employee = try await store.employee(nip: request.nip) else {
            throw IdentityError.notFound(.init(id: "pegawai dengan NIP \(request.nip) tidak ditemukan", en: "no employee with NIP \(request.nip)"))
        }
        switch IdentityPolicy.visibility(of: employee, to: caller) {
        case .full: return employee
        case .directory: return employee.directoryView
        case .none: throw IdentityError.notFound(.init(id: "pegawai dengan NIP \(request.nip) tidak ditemukan", en: "no employee with NIP \(request.nip)"))
        }
    }

    public func listEmployees(
        _ request: Binakarier_Identity_V1_ListEmployeesRequest, context: RPCServerContext
    ) async throws -> Binakarier_Identity_V1_ListEmployeesResponse {
        let caller = try context.requireCaller()
        let scope = try IdentityPolicy.listScope(for: caller, requested: request.agencyCode.nilIfEmpty)
        let size = try PageTokens.size(request.pageSize)
        let filter = EmployeeFilter(agencyCode: scope, unitCode: request.unitCode.nilIfEmpty, supervisorNIP: request.supervisorNip.nilIfEmpty)
        let pageScope = "employees/\(scope ?? "")/\(filter.unitCode ?? "")/\(filter.supervisorNIP ?? "")"
        let after = try pages.decode(request.pageToken, scope: pageScope)
        let page = try await store.employees(filter, after: after, limit: size + 1)
        let visible = page.prefix(size).map { employee in
            IdentityPolicy.visibility(of: employee, to: caller) == .full ? employee : employee.directoryView
        }
        return .init(
            employees: visible, nextPageToken: page.count > size ? pages.encode(after: page[size - 1].nip, scope: pageScope) : "")
    }

    public func createEmployee(_ request: Binakarier_Identity_V1_CreateEmployeeRequest, context: RPCServerContext) async throws -> Employee {
        var employee = try Required.field(request.employee, "employee")
        employee.agencyCode = employee.agencyCode.uppercased()
        employee.unitCode = employee.unitCode.uppercased()
        let created = try await store.createEmployee(try EmployeeValidation.validated(employee), now: now())
        try await syncOwnFeed()
        audit(context, "employee created", ["nip": created.nip, "agency": created.agencyCode])
        return created
    }

    public func updateEmployee(_ request: Binakarier_Identity_V1_UpdateEmployeeRequest, context: RPCServerContext) async throws -> Employee {
        let patch = try Required.field(request.employee, "employee")
        guard let existing = try await store.employee(nip: patch.nip) else {
            throw IdentityError.notFound(.init(id: "pegawai dengan NIP \(patch.nip) tidak ditemukan", en: "no employee with NIP \(patch.nip)"))
        }
        let paths = try UpdateMask.paths(request.updateMask, changeable: EmployeeUpdate.changeable)
        let updated = try EmployeeUpdate.apply(patch, paths: paths, to: existing)
        let stored = try await store.updateEmployee(try EmployeeValidation.validated(updated), now: now())
        try await syncOwnFeed()
        audit(context, "employee updated", ["nip": stored.nip, "fields": paths.joined(separator: ",")])
        return stored
    }

    public func deleteEmployee(
        _ request: Binakarier_Identity_V1_DeleteEmployeeRequest, context: RPCServerContext
    ) async throws -> Binakarier_Identity_V1_DeleteEmployeeResponse {
        let caller = try context.requireCaller()
        let deleted = try await store.deleteEmployee(nip: request.nip, mayDeleteAccount: caller.has(.administrator), now: now())
        try await syncOwnFeed()
        audit(context, "employee deleted", ["nip": request.nip, "account_deleted": deleted?.username ?? "-"])
        return .init()
    }

    // MARK: import

    public func startEmployeeImport(
        _ request: Binakarier_Identity_V1_StartEmployeeImportRequest, context: RPCServerContext
    ) async throws -> Binakarier_Identity_V1_StartEmployeeImportResponse {
        .init(importId: try await imports.start(owner: try context.requireCaller().subject, now: now()))
    }

    public func uploadEmployeeImportChunk(
        _ request: Binakarier_Identity_V1_UploadEmployeeImportChunkRequest, context: RPCServerContext
    ) async throws -> Binakarier_Identity_V1_UploadEmployeeImportChunkResponse {
        let owner = try context.requireCaller().subject
        let total = try await imports.append(request.importId, owner: owner, request.data, now: now())
        return .init(bytesReceived: Int64(total))
    }

    public func cancelEmployeeImport(
        _ request: Binakarier_Identity_V1_CancelEmployeeImportRequest, context: RPCServerContext
    ) async throws -> Binakarier_Identity_V1_CancelEmployeeImportResponse {
        try await imports.cancel(request.importId, owner: try context.requireCaller().subject)
        return .init()
    }

    public func finishEmployeeImport(
        _ request: Binakarier_Identity_V1_FinishEmployeeImportRequest, context: RPCServerContext
    ) async throws -> ImportReport {
        let caller = try context.requireCaller()
        let data = try await imports.take(request.importId, owner: caller.subject)
        let importContext = try await store.importContext()
        let deadline = context.deadline, language = context.language
        // Parsing a large file takes seconds of CPU: not on the event loop, and not past the caller's deadline.
        let result = try await BlockingWork.run { () throws -> EmployeeImporter.Result in
            do throws(EmployeeImporter.Failure) {
                return try EmployeeImporter.parse(data, context: importContext, deadline: deadline, language: language)
            } catch {
                switch error {
                case .unreadable(let why): throw IdentityError.invalid(field: "file", reason: why)
                case .missingColumns(let columns):
                    throw IdentityError.invalid(field: "header", reason: .init(id: "kolom wajib tidak ada: \(columns.joined(separator: ", "))", en: "required columns missing: \(columns.joined(separator: ", "))"))
                case .deadlineExceeded: throw RPCError(.deadlineExceeded, LocalizedText(id: "batas waktu habis saat membaca berkas; beri waktu lebih lama", en: "the deadline passed while reading the file; allow more time"))
                }
            }
        }
        var report = result.report
        report.dryRun = request.dryRun
        try Task.checkCancellation()
        if !request.dryRun, !result.valid.isEmpty {
            report.rowsCommitted = Int32(try await store.upsertEmployees(result.valid, now: now()))
        }
        try await syncOwnFeed()
        audit(context, "employee import finished", [
            "rows": "\(report.rowsTotal)", "valid": "\(report.rowsValid)", "committed": "\(report.rowsCommitted)",
            "dry_run": "\(request.dryRun)",
        ])
        return report
    }

    // MARK: accounts and tokens

    public func createAccount(_ request: Binakarier_Identity_V1_CreateAccountRequest, context: RPCServerContext) async throws -> Account {
        let record = try await newAccount(
            username: request.username, password: request.password, displayName: request.displayName,
            roles: request.roles, nip: request.nip)
        try await store.createAccount(record)
        audit(context, "account created", ["username": record.username, "roles": Self.names(record.roles)])
        return try await accountView(record)
    }

    public func getAccount(_ request: Binakarier_Identity_V1_GetAccountRequest, context: RPCServerContext) async throws -> Account {
        let caller = try context.requireCaller()
        guard caller.subject == request.username || caller.has(.administrator) else {
            throw IdentityError.permissionDenied(.init(id: "Anda hanya dapat melihat akun Anda sendiri", en: "you can only view your own account"))
        }
        return try await accountView(username: request.username)
    }

    public func setPassword(
        _ request: Binakarier_Identity_V1_SetPasswordRequest, context: RPCServerContext
    ) async throws -> Binakarier_Identity_V1_SetPasswordResponse {
        let caller = try context.requireCaller()
        try PasswordHasher.checkStrength(request.newPassword)
        if !caller.has(.administrator) {
            guard caller.subject == request.username else {
                throw IdentityError.permissionDenied(.init(id: "Anda hanya dapat mengganti kata sandi Anda sendiri", en: "you can only change your own password"))
            }
            // The current password is a password guess like a login's: same queue, same lockout.
            try await throttle.run(username: request.username, peer: Self.peerKey(context), now: now()) {
                guard let record = try await store.account(username: request.username) else {
                    throw IdentityError.notFound(.init(id: "akun \(request.username) tidak ditemukan", en: "account \(request.username) not found"))
                }
                let time = now()
                guard record.lockedUntil <= time else { throw IdentityError.lockedOut(untilUnix: record.lockedUntil) }
                guard try await hasher.verify(request.currentPassword, against: record.passwordHash) else {
                    throttle.recordFailure(Self.peerKey(context), now: time)
                    let lockout = try await store.recordLoginFailure(username: record.username, policy: configuration.lockout, now: time)
                    audit(context, "password change refused", ["username": record.username, "failures": "\(lockout.failures)"])
                    if lockout.lockedUntil > time { throw IdentityError.lockedOut(untilUnix: lockout.lockedUntil) }
                    throw IdentityError.unauthenticated(.init(id: "kata sandi saat ini salah", en: "the current password is wrong"))
                }
            }
        }
        let hash = try await hasher.hash(request.newPassword)
        try await store.setPasswordHash(username: request.username, hash: hash, now: now())
        try await syncOwnFeed()
        audit(context, "password set", ["username": request.username])
        return .init()
    }

    public func setRoles(_ request: Binakarier_Identity_V1_SetRolesRequest, context: RPCServerContext) async throws -> Account {
        let roles = try Self.explicitRoles(request.roles)
        // The store refuses, inside the transaction, a change that leaves no administrator.
        try await store.setRoles(username: request.username, roles: roles, now: now())
        try await syncOwnFeed()
        audit(context, "account roles set", ["username": request.username, "roles": Self.names(roles)])
        return try await accountView(username: request.username)
    }

    public func setAccountDisabled(
        _ request: Binakarier_Identity_V1_SetAccountDisabledRequest, context: RPCServerContext
    ) async throws -> Account {
        // Enabling raises the epoch too: tokens from before the account was disabled stay dead. The store
        // refuses, inside the transaction, disabling the last administrator.
        try await store.setDisabled(username: request.username, disabled: request.disabled, now: now())
        try await syncOwnFeed()
        audit(context, "account disabled set", ["username": request.username, "disabled": "\(request.disabled)"])
        return try await accountView(username: request.username)
    }

    public func logout(
        _ request: Binakarier_Identity_V1_LogoutRequest, context: RPCServerContext
    ) async throws -> Binakarier_Identity_V1_LogoutResponse {
        let caller = try context.requireCaller()
        try await store.revoke(tokenID: caller.tokenID, now: now(), expiresAt: caller.claims.expireTimeUnix)
        try await syncOwnFeed()
        audit(context, "logout", [:])
        return .init()
    }

    public func rotateSigningKey(
        _ request: Binakarier_Identity_V1_RotateSigningKeyRequest, context: RPCServerContext
    ) async throws -> Binakarier_Identity_V1_RotateSigningKeyResponse {
        let retire = request.retirePrevious
        let time = now()
        // A second routine rotation while the previous key still has live tokens would end them early.
        if !retire, let until = keys.previousRetireTime(tokenLifetime: configuration.tokenLifetime), time < until {
            throw IdentityError.failedPrecondition(.init(
                id: "kunci sebelumnya masih berlaku sampai pukul \(IdentityError.wib(until)) WIB; putar lagi setelah itu, atau dengan retire_previous bila kunci bocor",
                en: "the previous key is valid until \(IdentityError.wib(until).replacingOccurrences(of: ".", with: ":")) WIB; rotate again after that, or now with retire_previous if the key has leaked"))
        }
        let rotated = try await BlockingWork.run { try self.keys.rotate(retiringPrevious: retire, now: time) }
        authenticator.setKeys(keys.publicKeySet(tokenLifetime: configuration.tokenLifetime))
        audit(context, "signing key rotated", ["active": rotated.active, "previous": rotated.previous ?? "-", "retired_previous": "\(retire)"])
        return .init(activeKeyId: rotated.active, previousKeyId: rotated.previous ?? "")
    }

    public func bootstrapAdministrator(
        _ request: Binakarier_Identity_V1_BootstrapAdministratorRequest, context: RPCServerContext
    ) async throws -> Account {
        guard try await store.administrators().isEmpty else {
            throw IdentityError.failedPrecondition(.init(id: "administrator sudah ada; minta administrator membuat akun baru", en: "an administrator already exists; ask an administrator to create a new account"))
        }
        let record = try await newAccount(
            username: request.username, password: request.password, displayName: request.displayName,
            roles: [.administrator], nip: "")
        try await store.bootstrapAdministrator(record)  // checks again, in the inserting transaction
        context.logger.notice("first administrator created", metadata: ["username": "\(record.username)", "peer": "\(context.peer.map { "\($0)" } ?? "-")"])
        return try await accountView(record)
    }

    private func newAccount(username: String, password: String, displayName: String, roles: [Role], nip: String) async throws -> AccountRecord {
        let username = username.trimmingWhitespace()
        guard (3...64).contains(username.utf8.count), !username.contains(where: { $0.isWhitespace || $0 == ":" }) else {
            throw IdentityError.invalid(field: "username", reason: .init(id: "nama pengguna 3–64 karakter tanpa spasi", en: "a username has 3–64 characters and no spaces"))
        }
        try checkText(username, field: "username", maxBytes: 64)
        let display = displayName.trimmingWhitespace()
        try checkText(display, field: "display_name", maxBytes: TextRules.shortText)
        if !nip.isEmpty, nip != username {
            throw IdentityError.invalid(field: "username", reason: .init(id: "akun ASN memakai NIP sebagai nama pengguna", en: "an employee's account uses the NIP as its username"))
        }
        try PasswordHasher.checkStrength(password)
        let explicit = try Self.explicitRoles(roles)
        return AccountRecord(
            username: username, nip: nip.nilIfEmpty, displayName: display.nilIfEmpty ?? username,
            passwordHash: try await hasher.hash(password), roles: explicit, createdAt: now())
    }

    /// Supervisor and agency head follow from the records; service is for daemons. Only the others can be granted.
    static func explicitRoles(_ roles: [Role]) throws(IdentityError) -> [Role] {
        for role in roles where role == .supervisor || role == .agencyHead || role == .unspecified || role == .service {
            throw .invalid(field: "roles", reason: .init(id: "peran \(Vocabulary.display(role)) tidak dapat diberikan", en: "the role \(role.logName) cannot be granted"))
        }
        return Array(Set(roles)).sorted { $0.rawValue < $1.rawValue }
    }

    func accountView(username: String) async throws -> Account {
        guard let record = try await store.account(username: username) else {
            throw IdentityError.notFound(.init(id: "akun \(username) tidak ditemukan", en: "account \(username) not found"))
        }
        return try await accountView(record)
    }

    func accountView(_ record: AccountRecord) async throws -> Account {
        var effective = Set(record.roles)
        var agency = ""
        if let nip = record.nip {
            let derived = try await store.derivedRoles(nip: nip)
            effective.formUnion(derived.roles)
            agency = derived.agencyCode
        }
        return Account(
            username: record.username, nip: record.nip ?? "", displayName: record.displayName, roles: record.roles,
            effectiveRoles: effective.sorted { $0.rawValue < $1.rawValue }, disabled: record.disabled,
            lockedUntilUnix: record.lockedUntil, agencyCode: agency)
    }

    // MARK: login

    public func login(
        _ request: Binakarier_Identity_V1_LoginRequest, context: RPCServerContext
    ) async throws -> Binakarier_Identity_V1_LoginResponse {
        let peer = Self.peerKey(context)
        do {
            let response = try await throttle.run(username: request.username, peer: peer, now: now()) {
                try await checkedLogin(request, peer: peer, context: context)
            }
            logins.succeeded.increment()
            audit(context, "login", ["username": response.account?.username ?? request.username])
            return response
        } catch IdentityError.lockedOut(let until) {
            logins.locked.increment()
            audit(context, "login refused: locked", ["username": TextRules.printable(request.username)])
            throw IdentityError.lockedOut(untilUnix: until)
        } catch {
            logins.refused.increment()
            audit(context, "login refused", ["username": TextRules.printable(String(request.username.prefix(64)))])
            throw error
        }
    }

    /// Runs with no other login of the same username in flight (see `LoginThrottle`).
    private func checkedLogin(
        _ request: Binakarier_Identity_V1_LoginRequest, peer: PeerKey, context: RPCServerContext
    ) async throws -> Binakarier_Identity_V1_LoginResponse {
        let wrong = IdentityError.unauthenticated(.init(id: "nama pengguna atau kata sandi salah", en: "wrong username or password"))
        let time = now()
        guard let record = try await store.account(username: request.username), !record.disabled else {
            // Unknown (or disabled) users cost the same hash and lock the same way as real ones.
            let lockout = throttle.unknownUser(request.username)
            guard lockout.lockedUntil <= time else { throw IdentityError.lockedOut(untilUnix: lockout.lockedUntil) }
            _ = try await hasher.verify(request.password, against: decoyHash)
            throttle.recordFailure(peer, now: time)
            let after = throttle.recordUnknownUserFailure(request.username, policy: configuration.lockout, now: time)
            if after.lockedUntil > time { throw IdentityError.lockedOut(untilUnix: after.lockedUntil) }
            throw wrong
        }
        guard record.lockedUntil <= time else { throw IdentityError.lockedOut(untilUnix: record.lockedUntil) }
        guard try await hasher.verify(request.password, against: record.passwordHash) else {
            throttle.recordFailure(peer, now: time)
            let lockout = try await store.recordLoginFailure(username: record.username, policy: configuration.lockout, now: time)
            if lockout.lockedUntil > time { throw IdentityError.lockedOut(untilUnix: lockout.lockedUntil) }
            throw wrong
        }
        if let nip = record.nip, let employee = try await store.employee(nip: nip), employee.status == .retired || employee.status == .moved {
            throw wrong  // no longer in service here: the record decides, not the account
        }
        if record.failedLogins > 0 { try await store.recordLoginSuccess(username: record.username) }
        let account = try await accountView(record)
        let key = keys.active
        let claims = TokenClaims(
            tokenId: Base64URL.encode(Array(UUID().uuidString.utf8)), subject: record.username,
            roles: account.effectiveRoles.map(\.protoName), agencyCode: account.agencyCode, nip: account.nip,
            issueTimeUnix: time, expireTimeUnix: time + configuration.tokenLifetime, keyId: key.keyID, epoch: record.tokenEpoch)
        return .init(token: try key.sign(claims), expireTimeUnix: claims.expireTimeUnix, account: account)
    }

    static func peerKey(_ context: RPCServerContext) -> PeerKey {
        guard let peer = context.peer else { return PeerKey(uid: .max, process: "unknown") }
        return PeerKey(uid: peer.uid, process: "\(peer.uid):\(peer.pid)")
    }

    static func names(_ roles: [Role]) -> String { roles.map(\.logName).joined(separator: ",") }

    /// One structured audit line: who did what to what. Never carries a secret.
    func audit(_ context: RPCServerContext, _ event: String, _ fields: [String: String]) {
        var metadata: Logger.Metadata = ["by": "\(context.caller?.subject ?? "-")"]
        if let peer = context.peer { metadata["peer_uid"] = "\(peer.uid)" }
        for (key, value) in fields { metadata[key] = "\(value)" }
        context.logger.notice("\(event)", metadata: metadata)
    }
}

/// `binakarier.auth.v1.TokenService` as the identity service serves it: the keys, the revocation feed,
/// and service tokens for the daemons on its allow-list.
public struct IdentityTokenService: Binakarier_Auth_V1_TokenService.ServiceProtocol {
    let identity: IdentityService

    public var policies: Binakarier_Auth_V1_TokenService.Policies {
        let serviceUIDs = identity.configuration.serviceUIDs
        let daemonsOnly = MethodPolicy.custom("a peer uid on the service allow-list", requiresToken: false) { _, context throws(RPCError) in
            guard let peer = context.peer, serviceUIDs.contains(peer.uid) else {
                throw RPCError(.permissionDenied, LocalizedText(
                    id: "hanya daemon BinaKarier yang boleh memanggil ini", en: "only BinaKarier daemons may call this"))
            }
        }
        return .init(getPublicKeys: .anyone, listRevocations: daemonsOnly, issueServiceToken: daemonsOnly)
    }

    public func getPublicKeys(
        _ request: Binakarier_Auth_V1_GetPublicKeysRequest, context: RPCServerContext
    ) async throws -> Binakarier_Auth_V1_GetPublicKeysResponse {
        .init(keys: identity.keys.publicKeys(tokenLifetime: identity.configuration.tokenLifetime))
    }

    public func listRevocations(
        _ request: Binakarier_Auth_V1_ListRevocationsRequest, context: RPCServerContext
    ) async throws -> Binakarier_Auth_V1_ListRevocationsResponse {
        Self.response(try await identity.store.revocations(after: request.afterSequence, now: identity.now(), limit: Self.pageLimit))
    }

    /// Feed entries per answer: well under the 4 MiB frame however long the subjects.
    static let pageLimit = 5000

    static func response(_ page: TokenFeedPage) -> Binakarier_Auth_V1_ListRevocationsResponse {
        .init(
            accountEpochs: page.epochs.sorted { $0.key < $1.key }.map { .init(subject: $0.key, minimumEpoch: $0.value) },
            lastSequence: page.lastSequence,
            revokedTokens: page.tokens.sorted { $0.key < $1.key }.map { .init(tokenId: $0.key, expireTimeUnix: $0.value) },
            more: page.more, newestSequence: page.newestSequence)
    }

    public func issueServiceToken(
        _ request: Binakarier_Auth_V1_IssueServiceTokenRequest, context: RPCServerContext
    ) async throws -> Binakarier_Auth_V1_IssueServiceTokenResponse {
        guard let daemon = DaemonName(rawValue: request.service), daemon != .identity, daemon != .echo else {
            throw IdentityError.invalid(field: "service", reason: .init(id: "layanan '\(TextRules.printable(String(request.service.prefix(40))))' tidak dikenal", en: "unknown service '\(TextRules.printable(String(request.service.prefix(40))))'"))
        }
        let time = identity.now()
        let key = identity.keys.active
        let claims = TokenClaims(
            tokenId: Base64URL.encode(Array(UUID().uuidString.utf8)), subject: Caller.serviceSubject(daemon.rawValue),
            roles: [Role.service.protoName], issueTimeUnix: time,
            expireTimeUnix: time + identity.configuration.serviceTokenLifetime, keyId: key.keyID)
        context.logger.info("service token issued", metadata: ["service": "\(daemon)", "peer_uid": "\(context.peer?.uid ?? 0)"])
        return .init(token: try key.sign(claims), expireTimeUnix: claims.expireTimeUnix)
    }
}

import Logging
