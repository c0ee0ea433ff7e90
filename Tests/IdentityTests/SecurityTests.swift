import BKAuth
import BKProto
import BKRPC
import BKStore
import BKTestSupport
import Foundation
@testable import Identity
import Logging
import NIOConcurrencyHelpers
import Testing

/// The attacks of the adversarial review (issue 13), replayed against the service over its socket.
/// Each test names the finding it reproduces.
@Suite("Identity security: the review's attacks", .timeLimit(.minutes(3)))
struct SecurityTests {
    static let staffPassword = "kata-sandi-staf"

    /// An account for the seeded staff member, and its username.
    static func staffAccount(_ identity: IdentityFixture, _ admin: String, roles: [Role] = [.employee]) async throws -> String {
        let nip = IdentityFixture.staff.nip
        _ = try await identity.api(admin).createAccount(.init(username: nip, password: staffPassword, roles: roles, nip: nip))
        return nip
    }

    // Finding 1 (high): 100 wrong passwords at once on one connection never locked the account.
    @Test func parallelGuessesLockTheAccountAfterFive() async throws {
        try await withIdentity { identity in
            _ = try await identity.administrator()
            let codes = await withTaskGroup(of: RPCStatusCode?.self) { group in
                for index in 0..<100 {
                    group.addTask { await code { _ = try await identity.login("admin", "tebakan-salah-\(index)") } }
                }
                return await group.reduce(into: [RPCStatusCode?]()) { $0.append($1) }
            }
            // At most threshold - 1 guesses were answered "wrong"; every other was refused unseen.
            #expect(codes.count(where: { $0 == .unauthenticated }) <= 4)
            #expect(codes.allSatisfy { $0 == .unauthenticated || $0 == .resourceExhausted })
            let right = await code { _ = try await identity.login("admin", "kata-sandi-admin") }
            #expect(right == .resourceExhausted)
        }
    }

    // Finding 2 (high): a demoted administrator's old token still worked, even after a restart.
    @Test func roleChangesEndExistingTokens() async throws {
        try await withIdentity { identity in
            let admin = try await identity.administrator()
            _ = try await identity.api(admin).createAccount(.init(username: "admin2", password: "kata-sandi-admin2", roles: [.administrator]))
            let old = try await identity.login("admin2", "kata-sandi-admin2")
            _ = try await identity.api(admin).setRoles(.init(username: "admin2", roles: []))
            let createAdmin = await code {
                _ = try await identity.api(old).createAccount(.init(username: "admin3", password: "kata-sandi-admin3", roles: [.administrator]))
            }
            #expect(createAdmin == .unauthenticated)
            #expect(await code { _ = try await identity.api(old).setRoles(.init(username: "admin2", roles: [.administrator])) } == .unauthenticated)
            // A fresh login carries the new roles and works.
            let fresh = try await identity.login("admin2", "kata-sandi-admin2")
            #expect(await code { _ = try await identity.api(fresh).listAgencies() } == nil)

            // After a restart the old token is still dead: the epoch is stored.
            let restarted = try await IdentityService.make(
                store: identity.service.store, keys: identity.service.keys, hasher: identity.service.hasher,
                now: { identity.clock.withLockedValue { $0 } })
            #expect(throws: RPCError.self) { try restarted.authenticator.caller(bearerToken: old) }
            #expect(try restarted.authenticator.caller(bearerToken: fresh).subject == "admin2")
        }
    }

    // Finding 2: password changes, disabling (and enabling again) and deletion end tokens too.
    @Test func passwordDisableAndDeleteEndTokens() async throws {
        try await withIdentity { identity in
            let admin = try await identity.administrator()
            try await identity.seed(admin)
            let nip = try await Self.staffAccount(identity, admin)
            func works(_ token: String) async -> Bool { await code { _ = try await identity.api(token).getEmployee(.init(nip: nip)) } == nil }

            let beforePassword = try await identity.login(nip, Self.staffPassword)
            _ = try await identity.api(admin).setPassword(.init(username: nip, newPassword: "kata-sandi-baru-1"))
            #expect(await works(beforePassword) == false)

            let beforeDisable = try await identity.login(nip, "kata-sandi-baru-1")
            _ = try await identity.api(admin).setAccountDisabled(.init(username: nip, disabled: true))
            #expect(await works(beforeDisable) == false)
            _ = try await identity.api(admin).setAccountDisabled(.init(username: nip, disabled: false))
            #expect(await works(beforeDisable) == false)  // enabling does not bring it back

            let beforeDelete = try await identity.login(nip, "kata-sandi-baru-1")
            #expect(await works(beforeDelete))
            _ = try await identity.api(admin).deleteEmployee(.init(nip: nip))
            // Re-created under the same name, the account still does not accept the old token.
            _ = try await identity.api(admin).createEmployee(.init(employee: IdentityFixture.staff))
            _ = try await Self.staffAccount(identity, admin)
            #expect(await works(beforeDelete) == false)
            // And the feed tells other services about every one of these.
            let feed = try await identity.tokens.listRevocations()
            #expect(feed.accountEpochs.contains { $0.subject == nip && $0.minimumEpoch >= 4 })
        }
    }

    // Finding 3 (medium): an organiser deleted the last administrator's employee record, account and all.
    @Test func deletingAnEmployeeWithAnAccountNeedsAnAdministratorAndKeepsTheLastOne() async throws {
        try await withIdentity { identity in
            let admin = try await identity.administrator()
            try await identity.seed(admin)
            let nip = try await Self.staffAccount(identity, admin, roles: [.administrator])
            _ = try await identity.api(admin).createAccount(.init(username: "bkpsdm", password: "kata-sandi-bkpsdm", roles: [.organizer]))
            let organizer = try await identity.login("bkpsdm", "kata-sandi-bkpsdm")
            #expect(await code { _ = try await identity.api(organizer).deleteEmployee(.init(nip: nip)) } == .permissionDenied)
            // The staff member becomes the only administrator; deleting them is refused on every path.
            _ = try await identity.api(admin).setRoles(.init(username: "admin", roles: [.organizer]))
            let staffAdmin = try await identity.login(nip, Self.staffPassword)
            #expect(await code { _ = try await identity.api(staffAdmin).deleteEmployee(.init(nip: nip)) } == .failedPrecondition)
            #expect(try await identity.api(staffAdmin).getEmployee(.init(nip: nip)).nip == nip)
        }
    }

    // Finding 4 (medium): a report too large to send, after the row was stored.
    @Test func importReportsAreCappedAndAlwaysSent() async throws {
        try await withIdentity { identity in
            let admin = try await identity.administrator()
            try await identity.seed(admin)
            let long = String(repeating: "x", count: 1000)
            var csv = "NIP,Nama,Jenis ASN,Golongan,Kode OPD\n199101012015011002,Andi,PNS,III/a,DINKES\n"
            for index in 0..<5000 { csv += "\(long)\(index),\(long),PNS,III/a,DINKES\n" }
            let bytes = Array(csv.utf8)
            let started = try await identity.api(admin).startEmployeeImport()
            for offset in stride(from: 0, to: bytes.count, by: 1 << 20) {
                _ = try await identity.api(admin).uploadEmployeeImportChunk(.init(
                    importId: started.importId, data: Array(bytes[offset..<min(offset + (1 << 20), bytes.count)])))
            }
            let report = try await identity.api(admin).finishEmployeeImport(.init(importId: started.importId))
            #expect(report.rowsCommitted == 1)
            #expect(report.errorsTotal == 5000)
            #expect(report.errors.count == EmployeeImporter.maximumReportedErrors)
            #expect(report.errors.allSatisfy { $0.nip.count <= EmployeeImporter.maximumErrorText + 1 && $0.reason.count <= EmployeeImporter.maximumErrorText + 1 })
        }
    }

    // Finding 5 (medium): megabyte names and titles were stored and then broke every read.
    @Test func storedStringsAreBoundedAndPrintable() async throws {
        try await withIdentity { identity in
            let admin = try await identity.administrator()
            try await identity.seed(admin)
            let zalgo = "A" + String(repeating: "\u{0301}", count: 500_000)
            for name in [zalgo, "Siti\u{1B}[2J", "Siti\u{202E}nimdA", String(repeating: "a", count: 401)] {
                let huge = Employee(nip: "199101012015011002", name: name, asnType: .pns, golongan: .iiiA, agencyCode: "DINKES")
                let outcome = await code { _ = try await identity.api(admin).createEmployee(.init(employee: huge)) }
                #expect(outcome == .invalidArgument)
            }
            let update = await code {
                _ = try await identity.api(admin).updateEmployee(.init(
                    employee: .init(nip: IdentityFixture.staff.nip, positionTitle: String(repeating: "Kepala ", count: 300_000)),
                    updateMask: .init(paths: ["position_title"])))
            }
            #expect(update == .invalidArgument)
            let agency = await code {
                _ = try await identity.api(admin).createAgency(.init(agency: .init(code: "BESAR", name: String(repeating: "B", count: 3_000_000), kind: .dinas)))
            }
            #expect(agency == .invalidArgument)
            #expect(await code { _ = try await identity.api(admin).createUnit(.init(unit: .init(agencyCode: "DINKES", code: "U1", name: "Unit\u{07}"))) } == .invalidArgument)
            // Reads still work for everyone: nothing large was stored.
            #expect(try await identity.api(admin).listAgencies().agencies.count == 2)
            #expect(try await identity.api(admin).getEmployee(.init(nip: IdentityFixture.staff.nip)).positionTitle.isEmpty)
        }
    }

    // Finding 6 (medium): four open imports blocked everyone; dry runs kept their upload; no cancel.
    @Test func importsAreLimitedPerPersonAndCanBeCancelled() async throws {
        try await withIdentity { identity in
            let admin = try await identity.administrator()
            _ = try await identity.api(admin).createAccount(.init(username: "bkpsdm", password: "kata-sandi-bkpsdm", roles: [.organizer]))
            let organizer = try await identity.login("bkpsdm", "kata-sandi-bkpsdm")
            let asAdmin = identity.api(admin), asOrganizer = identity.api(organizer)
            let first = try await asAdmin.startEmployeeImport(.init())
            _ = try await asAdmin.startEmployeeImport(.init())
            let third = await code { _ = try await asAdmin.startEmployeeImport(.init()) }
            #expect(third == .resourceExhausted)
            // Somebody else is not blocked, and cannot cancel another's import.
            let commas = try await asOrganizer.startEmployeeImport(.init())
            let foreign = await code { _ = try await asOrganizer.cancelEmployeeImport(.init(importId: first.importId)) }
            #expect(foreign == .notFound)
            _ = try await asAdmin.cancelEmployeeImport(.init(importId: first.importId))
            _ = try await asAdmin.startEmployeeImport(.init())
            // A file of nothing but commas is refused at once instead of growing the daemon.
            let data = [UInt8](repeating: 44, count: 1 << 20)
            _ = try await asOrganizer.uploadEmployeeImportChunk(.init(importId: commas.importId, data: data))
            let refused = await code { _ = try await asOrganizer.finishEmployeeImport(.init(importId: commas.importId)) }
            #expect(refused == .invalidArgument)
        }
    }

    // Finding 6: parsing stops at the caller's deadline.
    @Test func parsingStopsAtTheDeadline() throws {
        let row = "199101012015011002,Andi,PNS,III/a,DINKES\n"
        let file = Array(("NIP,Nama,Jenis ASN,Golongan,Kode OPD\n" + String(repeating: row, count: 200_000)).utf8)
        let context = ImportContext(agencies: ["DINKES"], units: [], supervisors: [:])
        let outcome = Result { () throws(EmployeeImporter.Failure) in try EmployeeImporter.parse(file, context: context, deadline: .now) }
        #expect(throws: EmployeeImporter.Failure.deadlineExceeded) { try outcome.get() }
    }

    // Finding 7 (low): unknown usernames were told apart by the lock message; one peer could lock anyone.
    @Test func unknownUsersLockLikeRealOnesAndPeersAreThrottled() async throws {
        try await withIdentity { identity in
            _ = try await identity.administrator()
            func fiveWrong(_ username: String) async -> [String] {
                var messages: [String] = []
                for _ in 0..<5 {
                    do { _ = try await identity.login(username, "salah-salah-salah") } catch let error as RPCError {
                        messages.append("\(error.code): \(error.message)")
                    } catch {}
                }
                return messages
            }
            let real = await fiveWrong("admin")
            let madeUp = await fiveWrong("tidak-ada-orangnya")
            #expect(real == madeUp)
            #expect(real.last?.contains("WIB") == true)
            // The same peer soon cannot try any more usernames at all.
            for index in 0..<30 { _ = await code { _ = try await identity.login("orang-\(index)", "salah-salah-salah") } }
            let throttled = await #expect(throws: RPCError.self) { try await identity.login("orang-baru", "salah-salah-salah") }
            #expect(throttled?.code == .resourceExhausted)
            #expect(throttled?.message.contains("pengguna ini") == true)
        }
    }

    // Finding 8 (low): the current-password check of SetPassword could be guessed without limit.
    @Test func wrongCurrentPasswordsCountTowardTheLockout() async throws {
        try await withIdentity { identity in
            let admin = try await identity.administrator()
            try await identity.seed(admin)
            let nip = try await Self.staffAccount(identity, admin)
            let token = try await identity.login(nip, Self.staffPassword)
            var codes: [RPCStatusCode?] = []
            for index in 0..<6 {
                codes.append(await code {
                    _ = try await identity.api(token).setPassword(.init(username: nip, newPassword: "kata-sandi-baru-9", currentPassword: "tebak-\(index)"))
                })
            }
            #expect(codes == [.unauthenticated, .unauthenticated, .unauthenticated, .unauthenticated, .resourceExhausted, .resourceExhausted])
            #expect(await code { _ = try await identity.login(nip, Self.staffPassword) } == .resourceExhausted)
        }
    }

    // Finding 9 (low): the database, its WAL and SHM were created 0644.
    @Test func databaseFilesArePrivate() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let data = directory.appending("data")
        try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
        let store = try SQLiteIdentityStore.open(directory: data)
        _ = try await store.createAgency(.init(code: "DINKES", name: "Dinas Kesehatan", kind: .dinas), now: 0)
        for file in ["identity.sqlite", "identity.sqlite-wal", "identity.sqlite-shm"] {
            let mode = try FileManager.default.attributesOfItem(atPath: "\(data)/\(file)")[.posixPermissions] as? Int
            #expect(mode == 0o600, "\(file)")
        }
        #expect(try FileManager.default.attributesOfItem(atPath: data)[.posixPermissions] as? Int == 0o700)
        try store.close()
    }

    // Finding 11 (low): three concurrent bootstraps created three first administrators.
    @Test func concurrentBootstrapsCreateOneAdministrator() async throws {
        try await withIdentity { identity in
            let results = await withTaskGroup(of: RPCStatusCode?.self) { group in
                for index in 0..<3 {
                    group.addTask {
                        await code { _ = try await identity.api().bootstrapAdministrator(.init(username: "admin\(index)", password: "kata-sandi-admin")) }
                    }
                }
                return await group.reduce(into: [RPCStatusCode?]()) { $0.append($1) }
            }
            #expect(results.count(where: { $0 == nil }) == 1)
            #expect(results.count(where: { $0 == .failedPrecondition }) == 2)
            let administrators = try await identity.service.store.administrators()
            #expect(administrators.count == 1)
        }
    }

    // Finding 12 (low): 300 queued logins from one process made everyone's login wait.
    @Test func oneProcessCannotQueueUnboundedLogins() async throws {
        try await withIdentity { identity in
            _ = try await identity.administrator()
            let codes = await withTaskGroup(of: RPCStatusCode?.self) { group in
                for index in 0..<300 {
                    group.addTask { await code { _ = try await identity.login("banjir-\(index % 50)", "salah-salah-salah") } }
                }
                return await group.reduce(into: [RPCStatusCode?]()) { $0.append($1) }
            }
            // Most of the flood is turned away at once rather than queued behind the hash pool.
            #expect(codes.count(where: { $0 == .resourceExhausted }) >= 250)
        }
    }

    // Review of the fix: one login per account at a time, whatever the caller does.
    @Test func loginsOfOneAccountNeverRunSideBySide() async throws {
        let throttle = LoginThrottle()
        let running = NIOLockedValueBox((now: 0, most: 0))
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<12 {
                group.addTask {
                    // Different processes (pids), so the per-peer bound lets every one through.
                    let peer = PeerKey(uid: 1000, process: "1000:\(index)")
                    try await throttle.run(username: "admin", peer: peer, now: 0) {
                        running.withLockedValue { $0.now += 1; $0.most = max($0.most, $0.now) }
                        try await Task.sleep(for: .milliseconds(5))
                        running.withLockedValue { $0.now -= 1 }
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(running.withLockedValue { $0.most } == 1)
    }

    // Review of the fix: records that change what a token says end it too (derived roles, agency, service).
    @Test func replacedAgencyHeadsAndRetiredPeopleLoseTheirTokens() async throws {
        try await withIdentity { identity in
            let admin = try await identity.administrator()
            try await identity.seed(admin)
            let head = IdentityFixture.head.nip
            _ = try await identity.api(admin).createAccount(.init(username: head, password: Self.staffPassword, nip: head))
            let headToken = try await identity.login(head, Self.staffPassword)
            #expect(await code { _ = try await identity.api(headToken).listEmployees() } == nil)
            _ = try await identity.api(admin).updateAgency(.init(
                agency: .init(code: "DINKES", headNip: IdentityFixture.supervisor.nip), updateMask: .init(paths: ["head_nip"])))
            #expect(await code { _ = try await identity.api(headToken).listEmployees() } == .unauthenticated)

            let staff = try await Self.staffAccount(identity, admin)
            let staffToken = try await identity.login(staff, Self.staffPassword)
            _ = try await identity.api(admin).updateEmployee(.init(employee: .init(nip: staff, status: .retired), updateMask: .init(paths: ["status"])))
            #expect(await code { _ = try await identity.api(staffToken).getEmployee(.init(nip: staff)) } == .unauthenticated)
            // An unrelated change (a name) does not log anybody out.
            let supervisorAccount = IdentityFixture.supervisor.nip
            _ = try await identity.api(admin).createAccount(.init(username: supervisorAccount, password: Self.staffPassword, nip: supervisorAccount))
            let supervisorToken = try await identity.login(supervisorAccount, Self.staffPassword)
            _ = try await identity.api(admin).updateEmployee(.init(employee: .init(nip: supervisorAccount, name: "Budi Santoso"), updateMask: .init(paths: ["name"])))
            #expect(await code { _ = try await identity.api(supervisorToken).getEmployee(.init(nip: supervisorAccount)) } == nil)
        }
    }

    // Review of the fix: the last administrator cannot be retired away, nor can two demote each other.
    @Test func theLastAdministratorSurvivesRetirementAndRaces() async throws {
        try await withIdentity { identity in
            let admin = try await identity.administrator()
            try await identity.seed(admin)
            let staff = try await Self.staffAccount(identity, admin, roles: [.administrator])
            // Two administrators demote each other at once: at most one succeeds.
            let staffToken = try await identity.login(staff, Self.staffPassword)
            async let first = code { _ = try await identity.api(admin).setRoles(.init(username: staff, roles: [.organizer])) }
            async let second = code { _ = try await identity.api(staffToken).setRoles(.init(username: "admin", roles: [.organizer])) }
            let outcomes = await [first, second]
            #expect(outcomes.count(where: { $0 == nil }) <= 1)
            let administrators = try await identity.service.store.administrators()
            #expect(administrators.count == 1)
            // Whoever is left cannot be made to retire through the records.
            if administrators == [staff] {
                let token = try await identity.login(staff, Self.staffPassword)
                let retire = await code {
                    _ = try await identity.api(token).updateEmployee(.init(employee: .init(nip: staff, status: .retired), updateMask: .init(paths: ["status"])))
                }
                #expect(retire == .failedPrecondition)
            }
        }
    }

    // Review of the fix: the lock answer does not tell which spelling of a name has an account.
    @Test func otherSpellingsOfANameLockIndependently() async throws {
        try await withIdentity { identity in
            _ = try await identity.administrator()
            for _ in 0..<5 { _ = await code { _ = try await identity.login("admin", "salah-salah-salah") } }
            for _ in 0..<5 { _ = await code { _ = try await identity.login("tamu", "salah-salah-salah") } }
            // Neither an existing nor a made-up name carries its lock to other spellings.
            #expect(await code { _ = try await identity.login("ADMIN", "salah-salah-salah") } == .unauthenticated)
            #expect(await code { _ = try await identity.login("TAMU", "salah-salah-salah") } == .unauthenticated)
        }
    }

    // Review of the fix: the feed is numbered in commit order and only daemons may read it.
    @Test func theTokenFeedIsSequencedAndForDaemonsOnly() async throws {
        try await withIdentity { identity in
            let admin = try await identity.administrator()
            let first = try await identity.tokens.listRevocations()
            _ = try await identity.api(admin).logout()
            let next = try await identity.tokens.listRevocations(.init(afterSequence: first.lastSequence))
            #expect(next.lastSequence > first.lastSequence)
            #expect(next.revokedTokens.count == 1)
            let nothingNew = try await identity.tokens.listRevocations(.init(afterSequence: next.lastSequence))
            #expect(nothingNew.revokedTokens.isEmpty && nothingNew.accountEpochs.isEmpty)
            #expect(nothingNew.lastSequence == next.lastSequence)
        }
        try await withIdentity(configure: { $0.serviceUIDs = [65534] }) { identity in
            #expect(await code { _ = try await identity.tokens.listRevocations() } == .permissionDenied)
            #expect(await code { _ = try await identity.tokens.getPublicKeys() } == nil)
        }
    }

    // Review of the fix: a follower accepts no token before it has every revocation, and fails closed.
    @Test func aFollowerAppliesRevocationsBeforeAcceptingTokens() async throws {
        try await withIdentity { identity in
            let admin = try await identity.administrator()
            let loggedOut = try await identity.login("admin", "kata-sandi-admin")
            _ = try await identity.api(loggedOut).logout()
            let follower = TokenAuthenticator(now: { identity.clock.withLockedValue { $0 } })
            var logger = Logger(label: "test")
            logger.logLevel = .critical
            let feed = TokenFeedFollower(client: identity.tokens, authenticator: follower, pollInterval: .milliseconds(10), staleAfter: .milliseconds(30), logger: logger)
            var cursor: Int64 = 0
            try await feed.pollOnce(after: &cursor)
            #expect(throws: RPCError.self) { try follower.caller(bearerToken: loggedOut) }
            #expect(try follower.caller(bearerToken: admin).subject == "admin")
            // No successful poll for longer than staleAfter: refused as UNAVAILABLE, not accepted.
            try await Task.sleep(for: .milliseconds(100))
            let stale = #expect(throws: RPCError.self) { try follower.caller(bearerToken: admin) }
            #expect(stale?.code == .unavailable)
        }
    }

    // Second review: heading another agency (an empty new one) must not open one's own agency's records,
    // and deleting an agency ends its head's tokens.
    @Test func headingAnotherAgencyOpensNothing() async throws {
        try await withIdentity { identity in
            let admin = try await identity.administrator()
            try await identity.seed(admin)
            let staff = try await Self.staffAccount(identity, admin)
            _ = try await identity.api(admin).createAgency(.init(agency: .init(code: "BARU", name: "Badan Baru", kind: .badan, headNip: staff)))
            let login = try await identity.api().login(.init(username: staff, password: Self.staffPassword))
            #expect(login.account?.effectiveRoles.contains(.agencyHead) == false)
            let colleague = try await identity.api(login.token).getEmployee(.init(nip: IdentityFixture.head.nip))
            #expect(colleague.birthDate.isEmpty)  // the directory view, not the full record
            // The head of their own agency does get the role; deleting an agency ends its head's tokens.
            let head = IdentityFixture.head.nip
            _ = try await identity.api(admin).createAccount(.init(username: head, password: Self.staffPassword, nip: head))
            let headToken = try await identity.login(head, Self.staffPassword)
            _ = try await identity.api(admin).createAgency(.init(agency: .init(code: "LAMA", name: "Kantor Lama", kind: .badan)))
            _ = try await identity.api(admin).deleteAgency(.init(code: "LAMA"))
            #expect(await code { _ = try await identity.api(headToken).listEmployees() } == nil)  // not its head: nothing changes
            _ = try await identity.api(admin).updateAgency(.init(agency: .init(code: "BARU", headNip: ""), updateMask: .init(paths: ["head_nip"])))
        }
    }

    // Second review: a follower whose cursor is ahead of identity's feed (a restored database) starts over.
    @Test func aFollowerStartsOverWhenTheFeedDoes() async throws {
        try await withIdentity { identity in
            _ = try await identity.administrator()
            let loggedOut = try await identity.login("admin", "kata-sandi-admin")
            _ = try await identity.api(loggedOut).logout()
            let follower = TokenAuthenticator(now: { identity.clock.withLockedValue { $0 } })
            var logger = Logger(label: "test")
            logger.logLevel = .critical
            let feed = TokenFeedFollower(client: identity.tokens, authenticator: follower, logger: logger)
            var cursor: Int64 = 1_000_000
            try await feed.pollOnce(after: &cursor)
            #expect(cursor < 1_000_000)
            #expect(throws: RPCError.self) { try follower.caller(bearerToken: loggedOut) }
        }
    }

    // Second review: an import that moves someone ends their token and their former supervisor's.
    @Test func importsEndTheTokensOfThoseTheyChange() async throws {
        try await withIdentity { identity in
            let admin = try await identity.administrator()
            try await identity.seed(admin)
            let staff = try await Self.staffAccount(identity, admin)
            let supervisor = IdentityFixture.supervisor.nip
            _ = try await identity.api(admin).createAccount(.init(username: supervisor, password: Self.staffPassword, nip: supervisor))
            let staffToken = try await identity.login(staff, Self.staffPassword)
            let supervisorToken = try await identity.login(supervisor, Self.staffPassword)
            let headToken = try await identity.login("admin", "kata-sandi-admin")
            let csv = Array("NIP,Nama,Jenis ASN,Golongan,Kode OPD\n\(staff),Siti,PNS,III/a,DISDIK\n".utf8)
            let started = try await identity.api(admin).startEmployeeImport()
            _ = try await identity.api(admin).uploadEmployeeImportChunk(.init(importId: started.importId, data: csv))
            let report = try await identity.api(admin).finishEmployeeImport(.init(importId: started.importId))
            #expect(report.rowsCommitted == 1)
            #expect(await code { _ = try await identity.api(staffToken).getEmployee(.init(nip: staff)) } == .unauthenticated)
            #expect(await code { _ = try await identity.api(supervisorToken).getEmployee(.init(nip: supervisor)) } == .unauthenticated)
            #expect(await code { _ = try await identity.api(headToken).listAgencies() } == nil)  // untouched
        }
    }
}
