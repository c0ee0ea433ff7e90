import BKAuth
import BKProto
import BKRPC
import Foundation
import Metrics
import NIOConcurrencyHelpers

typealias API = Binakarier_Identity_V1_IdentityService

/// The handlers of `binakarier.identity.v1.IdentityService`. Each checks the caller's token and role
/// (see `IdentityPolicy`) before it touches the store.
public final class IdentityService: RPCService {
    public struct Configuration: Sendable {
        /// How long a token is valid.
        public var tokenLifetime: Int64 = 8 * 3600
        /// Failed logins in a row before the account is locked.
        public var lockoutThreshold = 5
        /// The first lock lasts this long; each further one twice as long, up to a day.
        public var lockoutSeconds: Int64 = 15 * 60
        /// Peers (by uid) that may bootstrap the first administrator over the socket.
        public var bootstrapUIDs: Set<UInt32> = [0, getuid()]

        public init() {}
    }

    let store: any IdentityStore
    let hasher: PasswordHasher
    let key: SigningKey
    let authenticator: Authenticator
    let configuration: Configuration
    let now: @Sendable () -> Int64
    let imports = ImportSessions()
    private let decoyHash: String
    /// Accounts an administrator disabled: their tokens are refused here even before they expire.
    private let disabled: NIOLockedValueBox<Set<String>>
    /// Logins by outcome, for operators watching for password guessing.
    private let logins = (
        succeeded: Counter(label: "binakarier_identity_logins_total", dimensions: [("result", "ok")]),
        refused: Counter(label: "binakarier_identity_logins_total", dimensions: [("result", "refused")]),
        locked: Counter(label: "binakarier_identity_logins_total", dimensions: [("result", "locked")]))

    /// Loads what the service needs from the store (the revocation list) and computes the decoy hash.
    public static func make(
        store: any IdentityStore, key: SigningKey, hasher: PasswordHasher, configuration: Configuration = .init(),
        now: @escaping @Sendable () -> Int64 = WallClock.nowUnix
    ) async throws -> IdentityService {
        let revoked = try await store.revokedTokens(since: 0, now: now())
        return IdentityService(
            store: store, key: key, hasher: hasher, configuration: configuration, now: now,
            revocations: RevocationList(revoked), decoyHash: try await hasher.decoyHash(),
            disabled: Set(try await store.disabledAccounts()))
    }

    private init(
        store: any IdentityStore, key: SigningKey, hasher: PasswordHasher, configuration: Configuration,
        now: @escaping @Sendable () -> Int64, revocations: RevocationList, decoyHash: String, disabled: Set<String>
    ) {
        self.disabled = NIOLockedValueBox(disabled)
        self.store = store
        self.key = key
        self.hasher = hasher
        self.configuration = configuration
        self.now = now
        self.authenticator = Authenticator(verifier: key.verifier, revocations: revocations, now: now)
        self.decoyHash = decoyHash
    }

    func caller(_ context: RPCServerContext, _ action: IdentityPolicy.Action) throws -> Caller {
        let caller = try authenticator.caller(of: context)
        guard !disabled.withLockedValue({ $0.contains(caller.subject) }) else {
            throw IdentityError.unauthenticated("akun \(caller.subject) dinonaktifkan")
        }
        try IdentityPolicy.check(action, caller)
        return caller
    }

    public func register(in router: inout RPCRouter) {
        registerAgencies(in: &router)
        registerEmployees(in: &router)
        registerImport(in: &router)
        registerAccounts(in: &router)
    }

    // MARK: agencies

    private func registerAgencies(in router: inout RPCRouter) {
        router.register(API.getAgency) { [self] request, context in
            _ = try caller(context, .readAgencies)
            guard let agency = try await store.agency(code: request.code) else {
                throw IdentityError.notFound("perangkat daerah \(request.code) tidak ditemukan")
            }
            return agency
        }
        router.register(API.listAgencies) { [self] request, context in
            _ = try caller(context, .readAgencies)
            let size = try Paging.size(request.pageSize)
            let after = try Paging.decode(request.pageToken)
            let agencies = try await store.agencies(after: after, limit: size + 1)
            return .init(
                agencies: Array(agencies.prefix(size)),
                nextPageToken: agencies.count > size ? Paging.encode(agencies[size - 1].code) : "")
        }
        router.register(API.createAgency) { [self] request, context in
            _ = try caller(context, .manageAgencies)
            guard let agency = request.agency else { throw IdentityError.invalid(field: "agency", reason: "wajib diisi") }
            let validated = try Self.validated(agency)
            try await store.createAgency(validated, now: now())
            return try await store.agency(code: validated.code) ?? validated
        }
        router.register(API.updateAgency) { [self] request, context in
            _ = try caller(context, .manageAgencies)
            guard let patch = request.agency else { throw IdentityError.invalid(field: "agency", reason: "wajib diisi") }
            guard var agency = try await store.agency(code: patch.code) else {
                throw IdentityError.notFound("perangkat daerah \(patch.code) tidak ditemukan")
            }
            let paths = request.updateMask?.paths ?? []
            guard !paths.isEmpty else { throw IdentityError.invalid(field: "update_mask", reason: "sebutkan kolom yang diubah") }
            for path in paths {
                switch path {
                case "name": agency.name = patch.name
                case "kind": agency.kind = patch.kind
                case "head_nip": agency.headNip = patch.headNip
                default: throw IdentityError.invalid(field: "update_mask", reason: "kolom '\(path)' tidak dapat diubah")
                }
            }
            try await store.updateAgency(try Self.validated(agency), now: now())
            return try await store.agency(code: agency.code) ?? agency
        }
        router.register(API.deleteAgency) { [self] request, context in
            _ = try caller(context, .manageAgencies)
            try await store.deleteAgency(code: request.code)
            return .init()
        }
        router.register(API.createUnit) { [self] request, context in
            _ = try caller(context, .manageAgencies)
            guard var unit = request.unit else { throw IdentityError.invalid(field: "unit", reason: "wajib diisi") }
            unit.agencyCode = unit.agencyCode.uppercased()
            unit.code = try Self.code(unit.code, field: "unit.code")
            unit.name = unit.name.trimmingWhitespace()
            guard !unit.name.isEmpty else { throw IdentityError.invalid(field: "unit.name", reason: "nama unit wajib diisi") }
            try await store.createUnit(unit)
            return unit
        }
        router.register(API.updateUnit) { [self] request, context in
            _ = try caller(context, .manageAgencies)
            guard let patch = request.unit else { throw IdentityError.invalid(field: "unit", reason: "wajib diisi") }
            guard let agency = try await store.agency(code: patch.agencyCode.uppercased()),
                var unit = agency.units.first(where: { $0.code == patch.code.uppercased() })
            else { throw IdentityError.notFound("unit \(patch.code) di \(patch.agencyCode) tidak ditemukan") }
            let paths = request.updateMask?.paths ?? []
            guard !paths.isEmpty else { throw IdentityError.invalid(field: "update_mask", reason: "sebutkan kolom yang diubah") }
            for path in paths {
                switch path {
                case "name": unit.name = patch.name.trimmingWhitespace()
                case "head_nip": unit.headNip = patch.headNip
                default: throw IdentityError.invalid(field: "update_mask", reason: "kolom '\(path)' tidak dapat diubah")
                }
            }
            guard !unit.name.isEmpty else { throw IdentityError.invalid(field: "unit.name", reason: "nama unit wajib diisi") }
            try await store.updateUnit(unit)
            return unit
        }
        router.register(API.deleteUnit) { [self] request, context in
            _ = try caller(context, .manageAgencies)
            try await store.deleteUnit(agencyCode: request.agencyCode, code: request.code)
            return .init()
        }
    }

    static func validated(_ agency: Agency) throws(IdentityError) -> Agency {
        var agency = agency
        agency.code = try code(agency.code, field: "agency.code")
        agency.name = agency.name.trimmingWhitespace()
        guard !agency.name.isEmpty else { throw .invalid(field: "agency.name", reason: "nama perangkat daerah wajib diisi") }
        guard agency.kind != .unspecified else { throw .invalid(field: "agency.kind", reason: "jenis perangkat daerah wajib diisi") }
        return agency
    }

    /// Codes: 2 to 20 of A–Z, 0–9, `-` and `_`, stored upper-case.
    static func code(_ text: String, field: String) throws(IdentityError) -> String {
        let code = text.trimmingWhitespace().uppercased()
        guard (2...20).contains(code.count),
            code.unicodeScalars.allSatisfy({ ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" })
        else { throw .invalid(field: field, reason: "kode harus 2–20 huruf, angka, '-' atau '_'") }
        return code
    }

    // MARK: employees

    private func registerEmployees(in router: inout RPCRouter) {
        router.register(API.getEmployee) { [self] request, context in
            let caller = try caller(context, .readEmployee)
            guard let employee = try await store.employee(nip: request.nip) else {
                throw IdentityError.notFound("pegawai dengan NIP \(request.nip) tidak ditemukan")
            }
            switch IdentityPolicy.visibility(of: employee, to: caller) {
            case .full: return employee
            case .directory: return employee.directoryView
            case .none: throw IdentityError.notFound("pegawai dengan NIP \(request.nip) tidak ditemukan")
            }
        }
        router.register(API.listEmployees) { [self] request, context in
            let caller = try caller(context, .listEmployees)
            let scope = try IdentityPolicy.listScope(for: caller, requested: request.agencyCode.nilIfEmpty)
            let size = try Paging.size(request.pageSize)
            let filter = EmployeeFilter(
                agencyCode: scope, unitCode: request.unitCode.nilIfEmpty, supervisorNIP: request.supervisorNip.nilIfEmpty)
            let page = try await store.employees(filter, after: try Paging.decode(request.pageToken), limit: size + 1)
            let visible = page.prefix(size).map { employee in
                IdentityPolicy.visibility(of: employee, to: caller) == .full ? employee : employee.directoryView
            }
            return .init(employees: visible, nextPageToken: page.count > size ? Paging.encode(page[size - 1].nip) : "")
        }
        router.register(API.createEmployee) { [self] request, context in
            _ = try caller(context, .manageEmployees)
            guard var employee = request.employee else { throw IdentityError.invalid(field: "employee", reason: "wajib diisi") }
            employee.agencyCode = employee.agencyCode.uppercased()
            employee.unitCode = employee.unitCode.uppercased()
            return try await store.createEmployee(try EmployeeValidation.validated(employee), now: now())
        }
        router.register(API.updateEmployee) { [self] request, context in
            _ = try caller(context, .manageEmployees)
            guard let patch = request.employee else { throw IdentityError.invalid(field: "employee", reason: "wajib diisi") }
            guard let existing = try await store.employee(nip: patch.nip) else {
                throw IdentityError.notFound("pegawai dengan NIP \(patch.nip) tidak ditemukan")
            }
            let updated = try EmployeeUpdate.apply(patch, paths: request.updateMask?.paths ?? [], to: existing)
            return try await store.updateEmployee(try EmployeeValidation.validated(updated), now: now())
        }
        router.register(API.deleteEmployee) { [self] request, context in
            _ = try caller(context, .manageEmployees)
            try await store.deleteEmployee(nip: request.nip)
            return .init()
        }
    }

    // MARK: import

    private func registerImport(in router: inout RPCRouter) {
        router.register(API.startEmployeeImport) { [self] _, context in
            let caller = try caller(context, .importEmployees)
            return .init(importId: try await imports.start(owner: caller.subject, now: now()))
        }
        router.register(API.uploadEmployeeImportChunk) { [self] request, context in
            let caller = try caller(context, .importEmployees)
            let total = try await imports.append(request.importId, owner: caller.subject, request.data, now: now())
            return .init(bytesReceived: Int64(total))
        }
        router.register(API.finishEmployeeImport) { [self] request, context in
            let caller = try caller(context, .importEmployees)
            // A dry run leaves the upload in place so the same file can be committed next.
            let data = try await imports.take(request.importId, owner: caller.subject, keep: request.dryRun)
            let importContext = try await store.importContext()
            // Parsing a large file takes seconds of CPU: not on the event loop.
            let result = try await BlockingWork.run { () throws -> EmployeeImporter.Result in
                do throws(EmployeeImporter.Failure) {
                    return try EmployeeImporter.parse(data, context: importContext)
                } catch {
                    switch error {
                    case .unreadable(let why): throw IdentityError.invalid(field: "file", reason: why)
                    case .missingColumns(let columns):
                        throw IdentityError.invalid(field: "header", reason: "kolom wajib tidak ada: \(columns.joined(separator: ", "))")
                    }
                }
            }
            var report = result.report
            report.dryRun = request.dryRun
            if !request.dryRun, !result.valid.isEmpty {
                report.rowsCommitted = Int32(try await store.upsertEmployees(result.valid, now: now()))
            }
            context.logger.info("employee import finished", metadata: [
                "by": "\(caller.subject)", "rows": "\(report.rowsTotal)", "valid": "\(report.rowsValid)",
                "committed": "\(report.rowsCommitted)", "dry_run": "\(request.dryRun)",
            ])
            return report
        }
    }

    // MARK: accounts and tokens

    private func registerAccounts(in router: inout RPCRouter) {
        router.register(API.createAccount) { [self] request, context in
            let administrator = try caller(context, .manageAccounts)
            let record = try await newAccount(
                username: request.username, password: request.password, displayName: request.displayName,
                roles: request.roles, nip: request.nip)
            try await store.createAccount(record)
            context.logger.notice("account created", metadata: ["username": "\(record.username)", "roles": "\(record.roles)", "by": "\(administrator.subject)"])
            return try await accountView(record)
        }
        router.register(API.getAccount) { [self] request, context in
            let caller = try caller(context, .readOwnAccount)
            guard caller.subject == request.username || caller.has(.administrator) else {
                throw IdentityError.permissionDenied("Anda hanya dapat melihat akun Anda sendiri")
            }
            guard let record = try await store.account(username: request.username) else {
                throw IdentityError.notFound("akun \(request.username) tidak ditemukan")
            }
            return try await accountView(record)
        }
        router.register(API.setPassword) { [self] request, context in
            let caller = try caller(context, .changeOwnPassword)
            try PasswordHasher.checkStrength(request.newPassword)
            guard let record = try await store.account(username: request.username) else {
                throw IdentityError.notFound("akun \(request.username) tidak ditemukan")
            }
            if !caller.has(.administrator) {
                guard caller.subject == request.username else {
                    throw IdentityError.permissionDenied("Anda hanya dapat mengganti kata sandi Anda sendiri")
                }
                guard try await hasher.verify(request.currentPassword, against: record.passwordHash) else {
                    throw IdentityError.unauthenticated("kata sandi saat ini salah")
                }
            }
            try await store.setPasswordHash(username: request.username, hash: try await hasher.hash(request.newPassword))
            return .init()
        }
        router.register(API.setRoles) { [self] request, context in
            let administrator = try caller(context, .manageAccounts)
            let roles = try Self.explicitRoles(request.roles)
            if !roles.contains(.administrator), try await store.administrators() == [request.username] {
                throw IdentityError.failedPrecondition("\(request.username) adalah administrator terakhir; angkat administrator lain terlebih dahulu")
            }
            try await store.setRoles(username: request.username, roles: roles)
            context.logger.notice("account roles set", metadata: ["username": "\(request.username)", "roles": "\(roles)", "by": "\(administrator.subject)"])
            guard let record = try await store.account(username: request.username) else {
                throw IdentityError.notFound("akun \(request.username) tidak ditemukan")
            }
            return try await accountView(record)
        }
        router.register(API.setAccountDisabled) { [self] request, context in
            let administrator = try caller(context, .manageAccounts)
            if request.disabled, try await store.administrators() == [request.username] {
                throw IdentityError.failedPrecondition("\(request.username) adalah administrator terakhir; angkat administrator lain terlebih dahulu")
            }
            try await store.setDisabled(username: request.username, disabled: request.disabled)
            context.logger.notice("account disabled set", metadata: ["username": "\(request.username)", "disabled": "\(request.disabled)", "by": "\(administrator.subject)"])
            disabled.withLockedValue { set in
                if request.disabled { set.insert(request.username) } else { set.remove(request.username) }
            }
            guard let record = try await store.account(username: request.username) else {
                throw IdentityError.notFound("akun \(request.username) tidak ditemukan")
            }
            return try await accountView(record)
        }
        router.register(API.login) { [self] request, _ in try await login(request) }
        router.register(API.logout) { [self] _, context in
            let caller = try caller(context, .logout)
            try await store.revoke(tokenID: caller.tokenID, now: now(), expiresAt: caller.claims.expireTimeUnix)
            authenticator.revocations.revoke(caller.tokenID)
            return .init()
        }
        router.register(API.getPublicKey) { [self] _, _ in
            .init(keyId: key.keyID, publicKey: key.publicKey)
        }
        router.register(API.listRevokedTokens) { [self] request, _ in
            let asOf = now()
            return .init(tokenIds: try await store.revokedTokens(since: request.sinceUnix, now: asOf), asOfUnix: asOf)
        }
        router.register(API.bootstrapAdministrator) { [self] request, context in
            guard let peer = context.peer, configuration.bootstrapUIDs.contains(peer.uid) else {
                throw IdentityError.permissionDenied("hanya root (atau pengguna daemon) di mesin ini yang dapat membuat administrator pertama")
            }
            guard try await store.administrators().isEmpty else {
                throw IdentityError.failedPrecondition("administrator sudah ada; minta administrator membuat akun baru")
            }
            let record = try await newAccount(
                username: request.username, password: request.password, displayName: request.displayName,
                roles: [.administrator], nip: "")
            try await store.createAccount(record)
            context.logger.notice("first administrator created", metadata: ["username": "\(record.username)", "peer": "\(peer)"])
            return try await accountView(record)
        }
    }

    private func newAccount(username: String, password: String, displayName: String, roles: [Role], nip: String) async throws -> AccountRecord {
        let username = username.trimmingWhitespace()
        guard (3...64).contains(username.count), !username.contains(where: { $0.isWhitespace || $0 == ":" }) else {
            throw IdentityError.invalid(field: "username", reason: "nama pengguna 3–64 karakter tanpa spasi")
        }
        if !nip.isEmpty, nip != username {
            throw IdentityError.invalid(field: "username", reason: "akun ASN memakai NIP sebagai nama pengguna")
        }
        try PasswordHasher.checkStrength(password)
        let explicit = try Self.explicitRoles(roles)
        return AccountRecord(
            username: username, nip: nip.nilIfEmpty, displayName: displayName.trimmingWhitespace().nilIfEmpty ?? username,
            passwordHash: try await hasher.hash(password), roles: explicit, createdAt: now())
    }

    /// Supervisor and agency head follow from the records; only the others can be granted.
    static func explicitRoles(_ roles: [Role]) throws(IdentityError) -> [Role] {
        for role in roles where role == .supervisor || role == .agencyHead || role == .unspecified {
            throw .invalid(field: "roles", reason: "peran \(Vocabulary.display(role)) mengikuti data kepegawaian dan tidak dapat diberikan")
        }
        return Array(Set(roles)).sorted { $0.rawValue < $1.rawValue }
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

    func login(_ request: Binakarier_Identity_V1_LoginRequest) async throws -> Binakarier_Identity_V1_LoginResponse {
        do {
            let response = try await checkedLogin(request)
            logins.succeeded.increment()
            return response
        } catch IdentityError.lockedOut(let until) {
            logins.locked.increment()
            throw IdentityError.lockedOut(untilUnix: until)
        } catch {
            logins.refused.increment()
            throw error
        }
    }

    private func checkedLogin(_ request: Binakarier_Identity_V1_LoginRequest) async throws -> Binakarier_Identity_V1_LoginResponse {
        let wrong = IdentityError.unauthenticated("nama pengguna atau kata sandi salah")
        let time = now()
        guard let record = try await store.account(username: request.username), !record.disabled else {
            _ = try await hasher.verify(request.password, against: decoyHash)
            throw wrong
        }
        guard record.lockedUntil <= time else { throw IdentityError.lockedOut(untilUnix: record.lockedUntil) }
        guard try await hasher.verify(request.password, against: record.passwordHash) else {
            let failures = record.failedLogins + 1
            var lockUntil: Int64?
            if failures % configuration.lockoutThreshold == 0 {
                let doublings = min(failures / configuration.lockoutThreshold - 1, 7)
                lockUntil = time + min(configuration.lockoutSeconds << doublings, 24 * 3600)
            }
            try await store.recordLoginFailure(username: record.username, lockUntil: lockUntil)
            if let lockUntil { throw IdentityError.lockedOut(untilUnix: lockUntil) }
            throw wrong
        }
        if let nip = record.nip, let employee = try await store.employee(nip: nip), employee.status == .retired || employee.status == .moved {
            throw wrong  // no longer in service here: the record decides, not the account
        }
        if record.failedLogins > 0 { try await store.recordLoginSuccess(username: record.username) }
        let account = try await accountView(record)
        let claims = TokenClaims(
            tokenId: Base64URL.encode(Array(UUID().uuidString.utf8)), subject: record.username, roles: account.effectiveRoles,
            agencyCode: account.agencyCode, nip: account.nip, issueTimeUnix: time,
            expireTimeUnix: time + configuration.tokenLifetime, keyId: key.keyID)
        return .init(token: try key.sign(claims), expireTimeUnix: claims.expireTimeUnix, account: account)
    }
}

/// Opaque page tokens: the last key of the previous page, base64url-encoded.
enum Paging {
    static let defaultSize = 100
    static let maximumSize = 1000

    static func size(_ requested: Int32) throws(IdentityError) -> Int {
        guard requested >= 0 else { throw .invalid(field: "page_size", reason: "tidak boleh negatif") }
        return requested == 0 ? defaultSize : min(Int(requested), maximumSize)
    }

    static func encode(_ key: String) -> String { Base64URL.encode(Array(key.utf8)) }

    static func decode(_ token: String) throws(IdentityError) -> String? {
        guard !token.isEmpty else { return nil }
        guard let bytes = Base64URL.decode(token), let key = String(validating: bytes, as: UTF8.self) else {
            throw .invalid(field: "page_token", reason: "token halaman tidak sah")
        }
        return key
    }
}
