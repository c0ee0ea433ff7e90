import BKRPC
import BKStore
import GRDB

/// The identity store on SQLite (GRDB). Reads run on GRDB's reader connections, writes serially on
/// its writer; every write is one transaction, durable (synchronous=FULL) before it returns.
///
/// Every read is asynchronous, point reads too. A synchronous read on the caller's thread (once used
/// for point reads, to save two thread hops) blocks the event loop when the reader pool is busy, and
/// the readers may be held by async reads whose tasks resume on that same event loop: a handful of
/// concurrent GetAccount calls deadlocked bk-identityd for good (as 16 beranda pages did programs).
public final class SQLiteIdentityStore: IdentityStore {
    let pool: any DatabaseWriter

    public init(pool: any DatabaseWriter) {
        self.pool = pool
    }

    /// A fresh in-memory store, for tests.
    public static func inMemory() throws -> SQLiteIdentityStore {
        SQLiteIdentityStore(pool: try Store.inMemory(migrator: IdentitySchema.migrator))
    }

    /// Opens `<directory>/identity.sqlite` (mode 0600: it holds password hashes), migrating it.
    public static func open(directory: String) throws -> SQLiteIdentityStore {
        SQLiteIdentityStore(pool: try Store.open(directory: directory, name: "identity", migrator: IdentitySchema.migrator))
    }

    /// A point read (see the type's documentation: never on the calling thread).
    private func readNow<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await pool.read(body)
    }

    /// A read of one SELECT statement. One statement is consistent on its own, so it needs no
    /// surrounding read transaction (two statements fewer per point read).
    private func readOneStatement<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await pool.unsafeRead(body)
    }

    public func close() throws {
        try pool.close()
    }

    // MARK: agencies

    public func agency(code: String) async throws -> Agency? {
        try await readNow { db in try Self.agency(db, code: code) }
    }

    static func agency(_ db: Database, code: String) throws -> Agency? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM agency WHERE code = ?", arguments: [code]) else { return nil }
        var agency = Self.agency(row)
        agency.units = try Row.fetchAll(db, sql: "SELECT * FROM unit WHERE agency_code = ? ORDER BY code", arguments: [code]).map(Self.unit)
        return agency
    }

    public func agencies(after code: String?, limit: Int) async throws -> [Agency] {
        try await pool.read { db in
            let rows = try Row.fetchAll(
                db, sql: "SELECT * FROM agency WHERE code > ? ORDER BY code LIMIT ?", arguments: [code ?? "", limit])
            var agencies = rows.map(Self.agency)
            for index in agencies.indices {
                agencies[index].units = try Row.fetchAll(
                    db, sql: "SELECT * FROM unit WHERE agency_code = ? ORDER BY code", arguments: [agencies[index].code]
                ).map(Self.unit)
            }
            return agencies
        }
    }

    public func createAgency(_ agency: Agency, now: Int64) async throws {
        try await pool.write { db in
            guard try Self.agency(db, code: agency.code) == nil else {
                throw IdentityError.alreadyExists(.init(id: "perangkat daerah dengan kode \(agency.code) sudah ada", en: "an agency with code \(agency.code) already exists"))
            }
            try Self.requireEmployee(db, agency.headNip, role: .init(id: "kepala", en: "agency head"))
            try Self.watchingStanding(db, nips: [agency.headNip], now: now) {
                try db.execute(
                    sql: "INSERT INTO agency (code, name, kind, head_nip, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
                    arguments: [agency.code, agency.name, agency.kind.rawValue, agency.headNip.nilIfEmpty, now, now])
            }
        }
    }

    public func updateAgency(_ agency: Agency, now: Int64) async throws {
        try await pool.write { db in
            guard let existing = try Self.agency(db, code: agency.code) else {
                throw IdentityError.notFound(.init(id: "perangkat daerah \(agency.code) tidak ditemukan", en: "agency \(agency.code) not found"))
            }
            try Self.requireEmployee(db, agency.headNip, role: .init(id: "kepala", en: "agency head"))
            try Self.watchingStanding(db, nips: [existing.headNip, agency.headNip], now: now) {
                try db.execute(
                    sql: "UPDATE agency SET name = ?, kind = ?, head_nip = ?, updated_at = ? WHERE code = ?",
                    arguments: [agency.name, agency.kind.rawValue, agency.headNip.nilIfEmpty, now, agency.code])
            }
        }
    }

    public func deleteAgency(code: String, now: Int64) async throws {
        try await pool.write { db in
            guard let agency = try Self.agency(db, code: code) else { throw IdentityError.notFound(.init(id: "perangkat daerah \(code) tidak ditemukan", en: "agency \(code) not found")) }
            let members = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM employee WHERE agency_code = ?", arguments: [code]) ?? 0
            guard members == 0 else {
                throw IdentityError.failedPrecondition(.init(id: "\(members) pegawai masih terdaftar di \(code); pindahkan mereka terlebih dahulu", en: "\(members) employees are still registered in \(code); move them first"))
            }
            try db.execute(sql: "DELETE FROM unit WHERE agency_code = ?", arguments: [code])
            try Self.watchingStanding(db, nips: [agency.headNip], now: now) {
                try db.execute(sql: "DELETE FROM agency WHERE code = ?", arguments: [code])
            }
        }
    }

    public func createUnit(_ unit: OrganizationUnit) async throws {
        try await pool.write { db in
            guard try Self.agency(db, code: unit.agencyCode) != nil else {
                throw IdentityError.notFound(.init(id: "perangkat daerah \(unit.agencyCode) tidak ditemukan", en: "agency \(unit.agencyCode) not found"))
            }
            let exists = try Bool.fetchOne(
                db, sql: "SELECT 1 FROM unit WHERE agency_code = ? AND code = ?", arguments: [unit.agencyCode, unit.code]) ?? false
            guard !exists else { throw IdentityError.alreadyExists(.init(id: "unit \(unit.code) sudah ada di \(unit.agencyCode)", en: "unit \(unit.code) already exists in \(unit.agencyCode)")) }
            try Self.requireEmployee(db, unit.headNip, role: .init(id: "kepala unit", en: "unit head"))
            try db.execute(
                sql: "INSERT INTO unit (agency_code, code, name, head_nip) VALUES (?, ?, ?, ?)",
                arguments: [unit.agencyCode, unit.code, unit.name, unit.headNip.nilIfEmpty])
        }
    }

    public func updateUnit(_ unit: OrganizationUnit) async throws {
        try await pool.write { db in
            try Self.requireEmployee(db, unit.headNip, role: .init(id: "kepala unit", en: "unit head"))
            try db.execute(
                sql: "UPDATE unit SET name = ?, head_nip = ? WHERE agency_code = ? AND code = ?",
                arguments: [unit.name, unit.headNip.nilIfEmpty, unit.agencyCode, unit.code])
            guard db.changesCount > 0 else { throw IdentityError.notFound(.init(id: "unit \(unit.code) di \(unit.agencyCode) tidak ditemukan", en: "unit \(unit.code) not found in \(unit.agencyCode)")) }
        }
    }

    public func deleteUnit(agencyCode: String, code: String) async throws {
        try await pool.write { db in
            let members = try Int.fetchOne(
                db, sql: "SELECT COUNT(*) FROM employee WHERE agency_code = ? AND unit_code = ?", arguments: [agencyCode, code]) ?? 0
            guard members == 0 else {
                throw IdentityError.failedPrecondition(.init(id: "\(members) pegawai masih terdaftar di unit \(code); pindahkan mereka terlebih dahulu", en: "\(members) employees are still registered in unit \(code); move them first"))
            }
            try db.execute(sql: "DELETE FROM unit WHERE agency_code = ? AND code = ?", arguments: [agencyCode, code])
            guard db.changesCount > 0 else { throw IdentityError.notFound(.init(id: "unit \(code) di \(agencyCode) tidak ditemukan", en: "unit \(code) not found in \(agencyCode)")) }
        }
    }

    // MARK: employees

    public func employee(nip: String) async throws -> Employee? {
        try await readOneStatement { db in
            try Row.fetchOne(db.cachedStatement(sql: "SELECT \(Self.employeeColumns) FROM employee WHERE nip = ?"), arguments: [nip])
                .map(Self.employee)
        }
    }

    public func employees(_ filter: EmployeeFilter, after nip: String?, limit: Int) async throws -> [Employee] {
        var conditions = ["nip > ?"]
        var arguments: StatementArguments = [nip ?? ""]
        if let agency = filter.agencyCode {
            conditions.append("agency_code = ?")
            _ = arguments.append(contentsOf: [agency])
        }
        if let unit = filter.unitCode {
            conditions.append("unit_code = ?")
            _ = arguments.append(contentsOf: [unit])
        }
        if let supervisor = filter.supervisorNIP {
            conditions.append("supervisor_nip = ?")
            _ = arguments.append(contentsOf: [supervisor])
        }
        _ = arguments.append(contentsOf: [limit])
        let sql = "SELECT \(Self.employeeColumns) FROM employee WHERE \(conditions.joined(separator: " AND ")) ORDER BY nip LIMIT ?"
        let finalArguments = arguments
        return try await pool.read { db in try Row.fetchAll(db, sql: sql, arguments: finalArguments).map(Self.employee) }
    }

    public func createEmployee(_ employee: Employee, now: Int64) async throws -> Employee {
        try await pool.write { db in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM employee WHERE nip = ?", arguments: [employee.nip]) == nil else {
                throw IdentityError.alreadyExists(.init(id: "pegawai dengan NIP \(employee.nip) sudah ada", en: "an employee with NIP \(employee.nip) already exists"))
            }
            try Self.checkReferences(db, employee)
            var stored = employee
            stored.createTimeUnix = now
            stored.updateTimeUnix = now
            try Self.watchingStanding(db, nips: [employee.supervisorNip], now: now) { try Self.insert(db, stored) }
            return stored
        }
    }

    public func updateEmployee(_ employee: Employee, now: Int64) async throws -> Employee {
        try await pool.write { db in
            guard let existing = try Row.fetchOne(
                db, sql: "SELECT \(Self.employeeColumns) FROM employee WHERE nip = ?", arguments: [employee.nip]).map(Self.employee)
            else {
                throw IdentityError.notFound(.init(id: "pegawai dengan NIP \(employee.nip) tidak ditemukan", en: "no employee with NIP \(employee.nip)"))
            }
            try Self.checkReferences(db, employee)
            var stored = employee
            stored.createTimeUnix = existing.createTimeUnix
            stored.updateTimeUnix = now
            let touched: Set<String> = [employee.nip, existing.supervisorNip, employee.supervisorNip]
            try Self.watchingStanding(db, nips: touched, now: now) {
            try db.execute(sql: """
                UPDATE employee SET name = ?, asn_type = ?, sex = ?, birth_date = ?, service_start = ?, golongan = ?,
                    pppk_grade = ?, job_level = ?, position_title = ?, education = ?, agency_code = ?, unit_code = ?,
                    supervisor_nip = ?, status = ?, updated_at = ?
                WHERE nip = ?
                """, arguments: [stored.name, stored.asnType.rawValue, stored.sex.rawValue, stored.birthDate, stored.serviceStart,
                                 stored.golongan.rawValue, stored.pppkGrade, stored.jobLevel.rawValue, stored.positionTitle,
                                 stored.education.rawValue, stored.agencyCode, stored.unitCode.nilIfEmpty,
                                 stored.supervisorNip.nilIfEmpty, stored.status.rawValue, now, stored.nip])
            }
            return stored
        }
    }

    public func deleteEmployee(nip: String, mayDeleteAccount: Bool, now: Int64) async throws -> (username: String, epoch: Int64)? {
        try await pool.write { db in
            let reports = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM employee WHERE supervisor_nip = ?", arguments: [nip]) ?? 0
            guard reports == 0 else {
                throw IdentityError.failedPrecondition(.init(id: "\(reports) pegawai masih melapor kepada \(nip); tetapkan atasan baru terlebih dahulu", en: "\(reports) employees still report to \(nip); assign them a new supervisor first"))
            }
            let heads = try Int.fetchOne(
                db, sql: "SELECT (SELECT COUNT(*) FROM agency WHERE head_nip = ?) + (SELECT COUNT(*) FROM unit WHERE head_nip = ?)",
                arguments: [nip, nip]) ?? 0
            guard heads == 0 else {
                throw IdentityError.failedPrecondition(.init(id: "\(nip) masih menjabat kepala perangkat daerah atau unit; ganti kepalanya terlebih dahulu", en: "\(nip) is still the head of an agency or unit; appoint a new head first"))
            }
            var deleted: (username: String, epoch: Int64)?
            if let username = try String.fetchOne(db, sql: "SELECT username FROM account WHERE nip = ?", arguments: [nip]) {
                guard mayDeleteAccount else {
                    throw IdentityError.permissionDenied(.init(id: "\(nip) memiliki akun; hanya administrator yang dapat menghapusnya", en: "\(nip) has an account; only an administrator can delete it"))
                }
                if try Self.administrators(db) == [username] {
                    throw IdentityError.failedPrecondition(.init(id: "\(username) adalah administrator terakhir; angkat administrator lain terlebih dahulu", en: "\(username) is the last administrator; appoint another administrator first"))
                }
                try db.execute(sql: "DELETE FROM account WHERE username = ?", arguments: [username])
                deleted = (username, try Self.raiseEpoch(db, username, now: now))
            }
            let supervisor = try String.fetchOne(db, sql: "SELECT supervisor_nip FROM employee WHERE nip = ?", arguments: [nip]) ?? ""
            try Self.watchingStanding(db, nips: [supervisor], now: now) {
                try db.execute(sql: "DELETE FROM employee WHERE nip = ?", arguments: [nip])
            }
            guard db.changesCount > 0 else { throw IdentityError.notFound(.init(id: "pegawai dengan NIP \(nip) tidak ditemukan", en: "no employee with NIP \(nip)")) }
            return deleted
        }
    }

    public func importContext() async throws -> ImportContext {
        try await pool.read { db in
            let agencies = Set(try String.fetchAll(db, sql: "SELECT code FROM agency"))
            let units = Set(try Row.fetchAll(db, sql: "SELECT agency_code, code FROM unit").map { row -> String in
                let agency: String = row["agency_code"]
                let code: String = row["code"]
                return "\(agency)/\(code)"
            })
            var supervisors: [String: String] = [:]
            let cursor = try Row.fetchCursor(db, sql: "SELECT nip, supervisor_nip FROM employee")
            while let row = try cursor.next() {
                let supervisor: String? = row["supervisor_nip"]
                supervisors[row["nip"]] = supervisor ?? ""
            }
            return ImportContext(agencies: agencies, units: units, supervisors: supervisors)
        }
    }

    public func upsertEmployees(_ employees: [Employee], now: Int64) async throws -> Int {
        try await pool.write { db in
            let upsert = try db.cachedStatement(sql: """
                INSERT INTO employee (nip, name, asn_type, sex, birth_date, service_start, golongan, pppk_grade, job_level,
                    position_title, education, agency_code, unit_code, supervisor_nip, status, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(nip) DO UPDATE SET name = excluded.name, asn_type = excluded.asn_type, sex = excluded.sex,
                    birth_date = excluded.birth_date, service_start = excluded.service_start, golongan = excluded.golongan,
                    pppk_grade = excluded.pppk_grade, job_level = excluded.job_level, position_title = excluded.position_title,
                    education = excluded.education, agency_code = excluded.agency_code, unit_code = excluded.unit_code,
                    supervisor_nip = excluded.supervisor_nip, status = excluded.status, updated_at = excluded.updated_at
                """)
            try Self.watchingStanding(db, nips: try Self.touchedByImport(db, employees), now: now) {
                for employee in employees {
                    try upsert.execute(arguments: Self.arguments(employee, createdAt: now, updatedAt: now))
                }
            }
            return employees.count
        }
    }

    // MARK: accounts

    public func account(username: String) async throws -> AccountRecord? {
        try await readOneStatement { db in
            try Row.fetchOne(
                db, sql: "SELECT account.*, COALESCE(account_epoch.epoch, 0) AS token_epoch FROM account LEFT JOIN account_epoch ON subject = username WHERE username = ?",
                arguments: [username]
            ).map(Self.account)
        }
    }

    public func createAccount(_ account: AccountRecord) async throws {
        try await pool.write { db in try Self.insert(db, account) }
    }

    public func bootstrapAdministrator(_ account: AccountRecord) async throws {
        try await pool.write { db in
            guard try Self.administrators(db).isEmpty else {
                throw IdentityError.failedPrecondition(.init(id: "administrator sudah ada; minta administrator membuat akun baru", en: "an administrator already exists; ask an administrator to create a new account"))
            }
            try Self.insert(db, account)
        }
    }

    private static func insert(_ db: Database, _ account: AccountRecord) throws {
        guard try Bool.fetchOne(db, sql: "SELECT 1 FROM account WHERE username = ?", arguments: [account.username]) == nil else {
            throw IdentityError.alreadyExists(.init(id: "akun \(account.username) sudah ada", en: "account \(account.username) already exists"))
        }
        if let nip = account.nip {
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM employee WHERE nip = ?", arguments: [nip]) != nil else {
                throw IdentityError.notFound(.init(id: "pegawai dengan NIP \(nip) tidak ditemukan", en: "no employee with NIP \(nip)"))
            }
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM account WHERE nip = ?", arguments: [nip]) == nil else {
                throw IdentityError.alreadyExists(.init(id: "pegawai \(nip) sudah memiliki akun", en: "employee \(nip) already has an account"))
            }
        }
        try db.execute(
            sql: "INSERT INTO account (username, nip, display_name, password_hash, roles, disabled, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            arguments: [account.username, account.nip, account.displayName, account.passwordHash,
                        encode(account.roles), account.disabled, account.createdAt])
    }

    /// Raises `subject`'s token epoch by one and publishes it on the token feed; returns the new epoch.
    static func raiseEpoch(_ db: Database, _ subject: String, now: Int64) throws -> Int64 {
        let epoch = try Int64.fetchOne(
            db, sql: """
                INSERT INTO account_epoch (subject, epoch, changed_at) VALUES (?, 1, ?)
                ON CONFLICT(subject) DO UPDATE SET epoch = epoch + 1, changed_at = excluded.changed_at
                RETURNING epoch
                """, arguments: [subject, now]) ?? 1
        // Only the newest epoch of a subject matters: the older entry goes, the new one gets a later number.
        try pruneFeed(db, now: now)
        try db.execute(sql: "DELETE FROM token_feed WHERE subject = ?", arguments: [subject])
        try db.execute(sql: "INSERT INTO token_feed (subject, epoch, changed_at) VALUES (?, ?, ?)", arguments: [subject, epoch, now])
        return epoch
    }

    /// What a token of an ASN's account says or allows, from the records: derived roles, agency, and
    /// whether the person is still in service.
    private struct Standing: Hashable {
        var roles: Set<Role>
        var agencyCode: String
        var inService: Bool
    }

    private static func standing(_ db: Database, nip: String) throws -> Standing {
        let derived = try derivedRoles(db, nip: nip)
        let status = try Int32.fetchOne(db, sql: "SELECT status FROM employee WHERE nip = ?", arguments: [nip])
        let inService = status.map { $0 == EmployeeStatus.active.rawValue || $0 == EmployeeStatus.onLeave.rawValue } ?? false
        return Standing(roles: derived.roles, agencyCode: derived.agencyCode, inService: inService)
    }

    /// The account holders whose standing an import can change: those in it, their new supervisors,
    /// and those who supervise someone in it now. Looks only at account holders, so an import of
    /// 100,000 rows costs a few queries, not one per row.
    private static func touchedByImport(_ db: Database, _ employees: [Employee]) throws -> Set<String> {
        let holders = Set(try String.fetchAll(db, sql: "SELECT nip FROM account WHERE nip IS NOT NULL"))
        guard !holders.isEmpty else { return [] }
        var touched = Set<String>()
        for employee in employees {
            if holders.contains(employee.nip) { touched.insert(employee.nip) }
            if holders.contains(employee.supervisorNip) { touched.insert(employee.supervisorNip) }
        }
        let supervising = Array(holders.subtracting(touched))
        guard !supervising.isEmpty else { return touched }
        let batch = Set(employees.lazy.map(\.nip))
        for start in stride(from: 0, to: supervising.count, by: 500) {
            let chunk = Array(supervising[start..<min(start + 500, supervising.count)])
            let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
            let rows = try Row.fetchCursor(
                db, sql: "SELECT nip, supervisor_nip FROM employee WHERE supervisor_nip IN (\(marks))", arguments: StatementArguments(chunk))
            while let row = try rows.next() {
                let nip: String = row[0]
                if batch.contains(nip) { touched.insert(row[1]) }
            }
        }
        return touched
    }

    /// Runs a change to the records inside the caller's transaction and ends the tokens of every account
    /// whose standing it changed (a replaced agency head, a supervisor who lost their last report, a
    /// moved or retired person). `nips` limits the accounts looked at (nil: every ASN account). A change
    /// that would leave no administrator able to act is refused, and rolled back with the rest.
    static func watchingStanding<T>(_ db: Database, nips: Set<String>?, now: Int64, _ change: () throws -> T) throws -> T {
        var accounts: [String: String] = [:]  // nip → username
        if let nips {
            let wanted = Array(nips.filter { !$0.isEmpty })
            if !wanted.isEmpty {
                let marks = Array(repeating: "?", count: wanted.count).joined(separator: ",")
                for row in try Row.fetchAll(db, sql: "SELECT nip, username FROM account WHERE nip IN (\(marks))", arguments: StatementArguments(wanted)) {
                    accounts[row[0]] = row[1]
                }
            }
        } else {
            for row in try Row.fetchAll(db, sql: "SELECT nip, username FROM account WHERE nip IS NOT NULL") { accounts[row[0]] = row[1] }
        }
        if accounts.isEmpty { return try change() }  // nobody's token can change
        let administratorsBefore = try administrators(db)
        var before: [String: Standing] = [:]
        for nip in accounts.keys { before[nip] = try standing(db, nip: nip) }
        let result = try change()
        for (nip, old) in before where try standing(db, nip: nip) != old {
            _ = try raiseEpoch(db, accounts[nip]!, now: now)
        }
        if !administratorsBefore.isEmpty, try administrators(db).isEmpty {
            throw IdentityError.failedPrecondition(.init(id: "perubahan ini tidak menyisakan administrator yang aktif; angkat administrator lain terlebih dahulu", en: "this change would leave no active administrator; appoint another administrator first"))
        }
        return result
    }

    /// Runs `change` on one account row and raises its epoch, in one transaction; refused if it would
    /// leave no administrator able to act (checked inside the transaction, so two administrators
    /// demoting each other at once cannot both succeed).
    private func changeAccount(_ username: String, now: Int64, _ change: @escaping @Sendable (Database) throws -> Void) async throws -> Int64 {
        try await pool.write { db in
            let administratorsBefore = try Self.administrators(db)
            try change(db)
            guard db.changesCount > 0 else { throw IdentityError.notFound(.init(id: "akun \(username) tidak ditemukan", en: "account \(username) not found")) }
            if !administratorsBefore.isEmpty, try Self.administrators(db).isEmpty {
                throw IdentityError.failedPrecondition(.init(id: "\(username) adalah administrator terakhir; angkat administrator lain terlebih dahulu", en: "\(username) is the last administrator; appoint another administrator first"))
            }
            return try Self.raiseEpoch(db, username, now: now)
        }
    }

    @discardableResult
    public func setPasswordHash(username: String, hash: String, now: Int64) async throws -> Int64 {
        try await changeAccount(username, now: now) { db in
            try db.execute(
                sql: "UPDATE account SET password_hash = ?, failed_logins = 0, locked_until = 0 WHERE username = ?",
                arguments: [hash, username])
        }
    }

    @discardableResult
    public func setRoles(username: String, roles: [Role], now: Int64) async throws -> Int64 {
        try await changeAccount(username, now: now) { db in
            try db.execute(sql: "UPDATE account SET roles = ? WHERE username = ?", arguments: [Self.encode(roles), username])
        }
    }

    @discardableResult
    public func setDisabled(username: String, disabled: Bool, now: Int64) async throws -> Int64 {
        try await changeAccount(username, now: now) { db in
            try db.execute(sql: "UPDATE account SET disabled = ? WHERE username = ?", arguments: [disabled, username])
        }
    }

    public func recordLoginFailure(username: String, policy: LockoutPolicy, now: Int64) async throws -> LockoutState {
        try await pool.write { db in
            guard let row = try Row.fetchOne(
                db, sql: "UPDATE account SET failed_logins = failed_logins + 1 WHERE username = ? RETURNING failed_logins, locked_until",
                arguments: [username])
            else { return LockoutState(failures: 0, lockedUntil: 0) }
            let failures: Int = row[0]
            var lockedUntil: Int64 = row[1]
            if let lock = policy.lockUntil(failures: failures, now: now) {
                try db.execute(sql: "UPDATE account SET locked_until = ? WHERE username = ?", arguments: [lock, username])
                lockedUntil = lock
            }
            return LockoutState(failures: failures, lockedUntil: lockedUntil)
        }
    }

    public func recordLoginSuccess(username: String) async throws {
        try await pool.write { db in
            try db.execute(sql: "UPDATE account SET failed_logins = 0, locked_until = 0 WHERE username = ?", arguments: [username])
        }
    }

    public func administrators() async throws -> [String] {
        try await pool.read { db in try Self.administrators(db) }
    }

    static func administrators(_ db: Database) throws -> [String] {
        try Row.fetchAll(
            db, sql: """
                SELECT account.username, account.roles FROM account LEFT JOIN employee ON employee.nip = account.nip
                WHERE account.disabled = 0 AND (account.nip IS NULL OR employee.status IN (?, ?))
                ORDER BY account.username
                """, arguments: [EmployeeStatus.active.rawValue, EmployeeStatus.onLeave.rawValue]
        ).compactMap { row in
            decode(row["roles"]).contains(.administrator) ? row["username"] : nil
        }
    }


    public func derivedRoles(nip: String) async throws -> (roles: Set<Role>, agencyCode: String) {
        try await pool.read { db in try Self.derivedRoles(db, nip: nip) }
    }

    static func derivedRoles(_ db: Database, nip: String) throws -> (roles: Set<Role>, agencyCode: String) {
        var roles: Set<Role> = []
        let agency = try String.fetchOne(db, sql: "SELECT agency_code FROM employee WHERE nip = ?", arguments: [nip]) ?? ""
        if !agency.isEmpty { roles.insert(.employee) }
        if try Bool.fetchOne(db, sql: "SELECT 1 FROM employee WHERE supervisor_nip = ? LIMIT 1", arguments: [nip]) != nil {
            roles.insert(.supervisor)
        }
        // Head of their own agency only: the role opens that agency's records, so heading another
        // agency (an empty new one, say) must not open one's own.
        if !agency.isEmpty,
            try Bool.fetchOne(db, sql: "SELECT 1 FROM agency WHERE head_nip = ? AND code = ? LIMIT 1", arguments: [nip, agency]) != nil
        {
            roles.insert(.agencyHead)
        }
        return (roles, agency)
    }

    // MARK: tokens

    public func revoke(tokenID: String, now: Int64, expiresAt: Int64) async throws {
        try await pool.write { db in
            try Self.pruneFeed(db, now: now)
            try db.execute(
                sql: "INSERT INTO token_feed (token_id, expires_at, changed_at) VALUES (?, ?, ?)", arguments: [tokenID, expiresAt, now])
        }
    }

    /// Drops what can no longer refuse anything: expired revoked tokens, epochs older than every token.
    private static func pruneFeed(_ db: Database, now: Int64) throws {
        try db.execute(sql: "DELETE FROM token_feed WHERE token_id IS NOT NULL AND expires_at < ?", arguments: [now])
        try db.execute(
            sql: "DELETE FROM token_feed WHERE subject IS NOT NULL AND changed_at < ?", arguments: [now - tokenFeedEpochRetention])
    }

    public func revocations(after sequence: Int64, now: Int64, limit: Int) async throws -> TokenFeedPage {
        try await pool.read { db in
            var page = TokenFeedPage(lastSequence: sequence)
            page.newestSequence = try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = 'token_feed'") ?? 0
            let rows = try Row.fetchAll(
                db, sql: """
                    SELECT sequence, token_id, expires_at, subject, epoch FROM token_feed
                    WHERE sequence > ? ORDER BY sequence LIMIT ?
                    """, arguments: [sequence, limit + 1])
            page.more = rows.count > limit
            for row in rows.prefix(limit) {
                page.lastSequence = row[0]
                if let token: String = row[1] {
                    let expires: Int64 = row[2] ?? 0
                    if expires >= now { page.tokens[token] = expires }
                } else if let subject: String = row[3], let epoch: Int64 = row[4] {
                    page.epochs[subject] = max(page.epochs[subject] ?? 0, epoch)
                }
            }
            // Every entry up to the newest was read or has been pruned: the next poll starts after it.
            if !page.more { page.lastSequence = max(page.lastSequence, page.newestSequence) }
            return page
        }
    }

    // MARK: rows

    private static func requireEmployee(_ db: Database, _ nip: String, role: LocalizedText) throws {
        guard !nip.isEmpty else { return }
        guard try Bool.fetchOne(db, sql: "SELECT 1 FROM employee WHERE nip = ?", arguments: [nip]) != nil else {
            throw IdentityError.notFound(.init(id: "\(role.indonesian) dengan NIP \(nip) tidak ditemukan", en: "no \(role.english) with NIP \(nip)"))
        }
    }

    /// Agency, unit and supervisor must exist, and the supervisor chain must not loop back.
    private static func checkReferences(_ db: Database, _ employee: Employee) throws {
        guard try Bool.fetchOne(db, sql: "SELECT 1 FROM agency WHERE code = ?", arguments: [employee.agencyCode]) != nil else {
            throw IdentityError.notFound(.init(id: "perangkat daerah \(employee.agencyCode) tidak ditemukan", en: "agency \(employee.agencyCode) not found"))
        }
        if !employee.unitCode.isEmpty {
            let exists = try Bool.fetchOne(
                db, sql: "SELECT 1 FROM unit WHERE agency_code = ? AND code = ?", arguments: [employee.agencyCode, employee.unitCode])
            guard exists != nil else { throw IdentityError.notFound(.init(id: "unit \(employee.unitCode) di \(employee.agencyCode) tidak ditemukan", en: "unit \(employee.unitCode) not found in \(employee.agencyCode)")) }
        }
        var supervisor = employee.supervisorNip
        var steps = 0
        while !supervisor.isEmpty {
            guard supervisor != employee.nip else {
                throw IdentityError.failedPrecondition(.init(id: "rantai atasan \(employee.nip) akan membentuk lingkaran", en: "the supervisor chain of \(employee.nip) would form a loop"))
            }
            guard let next = try Row.fetchOne(db, sql: "SELECT supervisor_nip FROM employee WHERE nip = ?", arguments: [supervisor]) else {
                throw IdentityError.notFound(.init(id: "atasan dengan NIP \(supervisor) tidak ditemukan", en: "no supervisor with NIP \(supervisor)"))
            }
            supervisor = (next["supervisor_nip"] as String?) ?? ""
            steps += 1
            if steps > 10_000 { throw IdentityError.failedPrecondition(.init(id: "rantai atasan terlalu panjang", en: "the supervisor chain is too long")) }
        }
    }

    private static func insert(_ db: Database, _ employee: Employee) throws {
        try db.execute(sql: """
            INSERT INTO employee (nip, name, asn_type, sex, birth_date, service_start, golongan, pppk_grade, job_level,
                position_title, education, agency_code, unit_code, supervisor_nip, status, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: arguments(employee, createdAt: employee.createTimeUnix, updatedAt: employee.updateTimeUnix))
    }

    private static func arguments(_ e: Employee, createdAt: Int64, updatedAt: Int64) -> StatementArguments {
        [e.nip, e.name, e.asnType.rawValue, e.sex.rawValue, e.birthDate, e.serviceStart, e.golongan.rawValue, e.pppkGrade,
         e.jobLevel.rawValue, e.positionTitle, e.education.rawValue, e.agencyCode, e.unitCode.nilIfEmpty,
         e.supervisorNip.nilIfEmpty, e.status.rawValue, createdAt, updatedAt]
    }

    /// The employee columns in the order `employee(_:)` reads them: by position, because looking a
    /// column up by name costs a case-insensitive string comparison per column per row.
    static let employeeColumns = """
        nip, name, asn_type, sex, birth_date, service_start, golongan, pppk_grade, job_level, position_title, \
        education, agency_code, unit_code, supervisor_nip, status, created_at, updated_at
        """

    static func employee(_ row: Row) -> Employee {
        Employee(
            nip: row[0], name: row[1], asnType: AsnType(rawValue: row[2]) ?? .unspecified,
            sex: Sex(rawValue: row[3]) ?? .unspecified, birthDate: row[4], serviceStart: row[5],
            golongan: Golongan(rawValue: row[6]) ?? .unspecified, pppkGrade: row[7],
            jobLevel: JobLevel(rawValue: row[8]) ?? .unspecified, positionTitle: row[9],
            education: EducationLevel(rawValue: row[10]) ?? .unspecified, agencyCode: row[11],
            unitCode: row[12] ?? "", supervisorNip: row[13] ?? "",
            status: EmployeeStatus(rawValue: row[14]) ?? .unspecified, createTimeUnix: row[15], updateTimeUnix: row[16])
    }

    static func agency(_ row: Row) -> Agency {
        Agency(code: row["code"], name: row["name"], kind: AgencyKind(rawValue: row["kind"]) ?? .unspecified, headNip: row["head_nip"] ?? "")
    }

    static func unit(_ row: Row) -> OrganizationUnit {
        OrganizationUnit(agencyCode: row["agency_code"], code: row["code"], name: row["name"], headNip: row["head_nip"] ?? "")
    }

    static func account(_ row: Row) -> AccountRecord {
        AccountRecord(
            username: row["username"], nip: row["nip"], displayName: row["display_name"], passwordHash: row["password_hash"],
            roles: decode(row["roles"]), disabled: row["disabled"], failedLogins: row["failed_logins"],
            lockedUntil: row["locked_until"], createdAt: row["created_at"], tokenEpoch: row["token_epoch"] ?? 0)
    }

    static func encode(_ roles: [Role]) -> String {
        roles.map { String($0.rawValue) }.joined(separator: ",")
    }

    static func decode(_ text: String) -> [Role] {
        text.split(separator: ",").compactMap { Int32($0).flatMap(Role.init(rawValue:)) }
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
