import BKProto
import BKRPC
import BKTestSupport
import Foundation
import GRDB
#if canImport(Glibc)
import Glibc
#endif
import Testing

/// What an operator meets besides crashes: a daemon whose neighbour is down, a full disk, a database
/// that is damaged or from a newer version, and a backup taken while the daemon runs, then restored.
@Suite("Outages, disks and backups", .serialized, .timeLimit(.minutes(10)))
struct OutageTests {
    static let arguments = CrashTests.arguments

    /// With identity down, the others keep verifying tokens (with the keys they hold) and serving reads,
    /// the gateway too; a login says identity is unavailable; back up, identity is followed again.
    @Test func withIdentityDownTheOthersVerifyTokensAndServeReads() async throws {
        try await Cluster.with(System.daemons, arguments: Self.arguments) { cluster in
            let organizer = try await cluster.token(for: .organizer)
            try await CrashTests.waitForTokens(cluster, organizer)
            let programs = ProgramsAPI.Client(cluster.client(.programs), metadata: .bearer(organizer))
            _ = try await programs.createProgram(.init(program: .init(code: "SEM-UJI", title: "Seminar Uji", kind: .seminar, jp: 4)))
            await cluster.kill(.identity)

            #expect(try await programs.getProgram(.init(code: "SEM-UJI")).title == "Seminar Uji")
            // Each answers a read with the token it verified itself (a failed verification would throw).
            _ = try await FeedbackAPI.Client(cluster.client(.feedback), metadata: .bearer(organizer)).listInstruments(.init())
            _ = try await ReportingAPI.Client(cluster.client(.reporting), metadata: .bearer(organizer)).getDataStatus(.init())
            let address = try #require(cluster.gatewayAddress)
            let read = try await Self.http("GET", "http://\(address)/api/v1/programs/SEM-UJI", token: organizer)
            #expect(read.status == 200 && read.body.contains("Seminar Uji"), "\(read)")
            // A token nobody signed is still refused: verification did not fall open.
            #expect(await code { try await ProgramsAPI.Client(cluster.client(.programs), metadata: .bearer("palsu")).listPrograms(.init()) } == .unauthenticated)
            let login = try await Self.http("POST", "http://\(address)/api/v1/auth:login", body: #"{"username":"admin","password":"x"}"#)
            #expect(login.status == 503, "\(login)")

            try await cluster.start(.identity)
            let again = try await cluster.login("admin")
            let asAgain = ProgramsAPI.Client(cluster.client(.programs), metadata: .bearer(again))
            #expect(try await asAgain.getProgram(.init(code: "SEM-UJI")).jp == 4)
            // Identity is followed again: a token ended there is refused by programs within its poll.
            _ = try await IdentityAPI.Client(cluster.client(.identity), metadata: .bearer(again)).logout(.init())
            let refused = try await eventually { () -> Bool? in
                await code { try await asAgain.getProgram(.init(code: "SEM-UJI")) } == .unauthenticated ? true : nil
            }
            #expect(refused == true, "programs still accepts a token identity ended")
        }
    }

    /// A session completes while feedback is down, then programs goes down before feedback is back:
    /// feedback serves without it and, once programs returns, catches up and opens the reaction form.
    @Test func withProgramsDownFeedbackCatchesUpWhenItIsBack() async throws {
        try await Cluster.with([.identity, .programs, .feedback], arguments: Self.arguments) { cluster in
            let organizer = try await cluster.token(for: .organizer)
            try await CrashTests.waitForTokens(cluster, organizer)
            let programs = ProgramsAPI.Client(cluster.client(.programs), metadata: .bearer(organizer))
            let feedback = FeedbackAPI.Client(cluster.client(.feedback), metadata: .bearer(organizer))
            await cluster.kill(.feedback)
            _ = try await programs.createProgram(.init(program: .init(
                code: "LAT-UJI", title: "Pelatihan Uji", kind: .pelatihan, jp: 8, evaluationLevels: [.reaction])))
            let session = try await programs.createSession(.init(session: .init(programCode: "LAT-UJI", days: [.init(date: "2026-03-10", jp: 8)], capacity: 5)))
            _ = try await programs.transitionSession(.init(id: session.id, transition: .open))
            _ = try await programs.enrol(.init(sessionId: session.id, nips: [ClusterPeople.staff.nip]))
            _ = try await programs.transitionSession(.init(id: session.id, transition: .start))
            _ = try await programs.markAttendance(.init(sessionId: session.id, records: [.init(nip: ClusterPeople.staff.nip, date: "2026-03-10", status: .hadir)]))
            _ = try await programs.transitionSession(.init(id: session.id, transition: .complete))
            await cluster.kill(.programs)

            try await cluster.start(.feedback)
            try await Task.sleep(for: .seconds(1))  // several scheduler rounds against a missing programs
            #expect(try await feedback.listCampaigns(.init(sessionId: session.id)).campaigns.isEmpty)
            #expect(try await feedback.listInstruments(.init()).instruments.count > 0, "feedback serves while programs is down")

            try await cluster.start(.programs)
            let opened = try await eventually { () -> [Binakarier_Feedback_V1_Campaign]? in
                let campaigns = try await feedback.listCampaigns(.init(sessionId: session.id)).campaigns
                return campaigns.isEmpty ? nil : campaigns
            }
            #expect(opened?.count == 1 && opened?.first?.purpose == .reaction && opened?.first?.audienceSize == 1)
        }
    }

    /// programs on a 4 MiB tmpfs that fills up: the write is refused with RESOURCE_EXHAUSTED and a
    /// message saying the disk is full, reads go on, writes work again once there is room, and the
    /// database passes its check at the next start with every acknowledged write in it.
    @Test func aFullDiskGivesAClearErrorAndNoCorruption() async throws {
        let mount = try TemporaryDirectory()
        defer { mount.remove() }
        let point = mount.appending("programs")
        try FileManager.default.createDirectory(atPath: point, withIntermediateDirectories: true)
        let mounted = try await DaemonProcess.run("/bin/mount", ["-t", "tmpfs", "-o", "size=4m,mode=0700", "tmpfs", point], includingErrors: true)
        try #require(mounted.status == 0, "this test needs root and mount(8) for a small tmpfs: \(mounted.output)")
        defer { _ = umount2(point, Int32(MNT_DETACH)) }

        try await Cluster.with([.identity, .programs], arguments: [.programs: ["--revocation-poll-seconds", "0.2", "--data-dir", point]]) { cluster in
            let organizer = try await cluster.token(for: .organizer)
            try await CrashTests.waitForTokens(cluster, organizer)
            let programs = ProgramsAPI.Client(cluster.client(.programs), metadata: .bearer(organizer))
            let filler = "\(point)/pengisi"
            // Leave about 256 KiB free, then write programs with long descriptions until the disk is full.
            var free = statvfs()
            statvfs(point, &free)
            let room = Int(free.f_bavail) * Int(free.f_frsize) - 256 * 1024
            try #require(room > 0)
            FileManager.default.createFile(atPath: filler, contents: Data(count: room))
            let description = String(repeating: "Materi pelatihan manajemen waktu. ", count: 110)
            var acknowledged: [String] = []
            var refusal: RPCError?
            for index in 0..<2000 {
                let code = "LAT-PENUH-\(index)"
                do {
                    _ = try await programs.createProgram(.init(program: .init(code: code, title: "Pelatihan \(index)", kind: .pelatihan, description: description, jp: 8)))
                    acknowledged.append(code)
                } catch let error as RPCError {
                    refusal = error
                    break
                }
            }
            let refused = try #require(refusal, "the disk never filled")
            #expect(refused.code == .resourceExhausted && refused.message.contains("penuh"), "\(refused)")
            #expect(acknowledged.count > 5)
            #expect(cluster.process(.programs)?.log.contains("disk is full") == true, "the operator finds it in the log")
            // Reads go on while the disk is full.
            #expect(try await programs.getProgram(.init(code: try #require(acknowledged.last))).title.hasPrefix("Pelatihan"))

            try FileManager.default.removeItem(atPath: filler)
            _ = try await programs.createProgram(.init(program: .init(code: "LAT-SETELAH", title: "Pelatihan Setelah", kind: .pelatihan, jp: 8)))
            acknowledged.append("LAT-SETELAH")

            await cluster.kill(.programs)
            try await cluster.start(.programs)
            try await CrashTests.waitForTokens(cluster, organizer)
            for code in acknowledged {
                #expect(try await programs.getProgram(.init(code: code)).code == code)
            }
        }
    }

    /// Each daemon refuses to start on a database from a newer version, on a damaged one and on a file
    /// that is no database, and says what to do; the file is left as it was.
    @Test(arguments: System.daemons)
    func aDamagedOrNewerDatabaseIsRefusedWithWhatToDo(_ daemon: DaemonName) async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let data = directory.appending("data")
        let database = "\(data)/\(daemon.databaseName).sqlite"
        func start() throws -> DaemonProcess {
            try DaemonProcess(
                binary: daemon.executableName,
                arguments: ["--socket-dir", directory.appending("run"), "--data-dir", data] + (daemon == .gateway ? ["--http-address", "127.0.0.1:0"] : []),
                logPath: directory.appending("\(daemon)-\(UUID().uuidString).log"))
        }
        func refusal() async throws -> String {
            let process = try start()
            await #expect(throws: DaemonProcess.Failure.self) { try await process.start() }
            #expect(await process.waitForExit() != 0)
            return process.log
        }
        let first = try start()
        try await first.start()
        #expect(await first.terminate() == 0)
        let queue = try DatabaseQueue(path: database)
        try await queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-dari-versi-baru')")
        }
        try queue.close()

        let newer = try await refusal()
        #expect(newer.contains("newer version") && newer.contains("v99-dari-versi-baru") && newer.contains("restore a backup"), "\(newer)")

        let size = try #require(try FileManager.default.attributesOfItem(atPath: database)[.size] as? Int)
        let pageSize = 4096
        try #require(size > 2 * pageSize)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: database))
        try handle.seek(toOffset: UInt64(pageSize))
        try handle.write(contentsOf: Data(repeating: 0x5A, count: size - pageSize))
        try handle.close()
        let damaged = try await refusal()
        #expect(damaged.contains("is damaged") && damaged.contains("--restore-from"), "\(damaged)")

        try Data("bukan basis data".utf8).write(to: URL(fileURLWithPath: database))
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: database + suffix) }
        let garbage = try await refusal()
        #expect(garbage.contains("is damaged") && garbage.contains("--restore-from"), "\(garbage)")
        #expect(try String(contentsOfFile: database, encoding: .utf8) == "bukan basis data", "a refused file is left as it was")
    }

    /// Every daemon's database is copied while the system runs; identity's while four writers add people:
    /// restored, identity has everyone acknowledged before the copy began and no one acknowledged after
    /// it ended. A restore while the daemon runs, or from a damaged file, is refused and changes nothing.
    @Test func aBackupTakenWhileWritingRestoresToItsMoment() async throws {
        try await Cluster.with(System.daemons, arguments: Self.arguments) { cluster in
            let admin = try await cluster.administratorToken()
            _ = try await cluster.token(for: .organizer)  // creates the agency the writers add people to
            for daemon in System.daemons {
                let file = cluster.directory.appending("cadangan-\(daemon).sqlite")
                let run = try await DaemonProcess.run(
                    daemon.executableName, ["--data-dir", cluster.dataDirectory(daemon), "--backup-to", file], includingErrors: true)
                #expect(run.status == 0 && run.output.contains("backed up"), "\(daemon): \(run.output)")
                let copy = try DatabaseQueue(path: file, configuration: { var c = Configuration(); c.readonly = true; return c }())
                #expect(try await copy.read { try String.fetchAll($0, sql: "PRAGMA integrity_check") } == ["ok"])
                #expect(try await copy.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM grdb_migrations") ?? 0 } > 0)
                try copy.close()
            }

            let identity = IdentityAPI.Client(cluster.client(.identity), metadata: .bearer(admin))
            let created = Acknowledged()
            let stop = Flag()
            let file = cluster.directory.appending("identity-saat-menulis.sqlite")
            let (before, after): ([String], [String]) = try await withThrowingTaskGroup(of: Void.self) { group in
                for writer in 0..<4 {
                    group.addTask {
                        var index = 0
                        while !(await stop.isSet) {
                            let nip = CrashTests.nip(writer: writer, index: index)
                            index += 1
                            _ = try await identity.createEmployee(.init(employee: .init(
                                nip: nip, name: "Peserta \(index)", asnType: .pns, golongan: .iiiA, agencyCode: CrashTests.agency)))
                            await created.add(nip)
                        }
                    }
                }
                try await Task.sleep(for: .milliseconds(500))
                let before = await created.items
                let run = try await DaemonProcess.run(
                    "bk-identityd", ["--data-dir", cluster.dataDirectory(.identity), "--backup-to", file], includingErrors: true)
                #expect(run.status == 0, "\(run.output)")
                let after = await created.items
                try await Task.sleep(for: .milliseconds(300))
                await stop.set()
                try await group.waitForAll()
                return (before, after)
            }
            let all = await created.items
            #expect(all.count > after.count, "writes went on after the copy")

            let running = try await DaemonProcess.run(
                "bk-identityd", ["--socket-dir", cluster.socketDirectory, "--data-dir", cluster.dataDirectory(.identity), "--restore-from", file],
                includingErrors: true)
            #expect(running.status != 0 && running.output.contains("stop it before restoring"), "\(running.output)")

            // Given another socket directory the socket check cannot see it running, but its lock can.
            let elsewhere = try await DaemonProcess.run(
                "bk-identityd", ["--socket-dir", cluster.directory.appending("lain"), "--data-dir", cluster.dataDirectory(.identity), "--restore-from", file],
                includingErrors: true)
            #expect(elsewhere.status != 0 && elsewhere.output.contains("stop it before restoring"), "\(elsewhere.output)")

            await cluster.kill(.identity)
            let bad = cluster.directory.appending("rusak.sqlite")
            try Data(repeating: 0x41, count: 8192).write(to: URL(fileURLWithPath: bad))
            let refused = try await DaemonProcess.run(
                "bk-identityd", ["--socket-dir", cluster.socketDirectory, "--data-dir", cluster.dataDirectory(.identity), "--restore-from", bad],
                includingErrors: true)
            #expect(refused.status != 0 && refused.output.contains("not a usable backup"), "\(refused.output)")
            let restored = try await DaemonProcess.run(
                "bk-identityd", ["--socket-dir", cluster.socketDirectory, "--data-dir", cluster.dataDirectory(.identity), "--restore-from", file],
                includingErrors: true)
            #expect(restored.status == 0 && restored.output.contains("restored"), "\(restored.output)")
            // The database it replaced is kept beside it, so a wrong restore can be undone.
            let kept = try FileManager.default.contentsOfDirectory(atPath: cluster.dataDirectory(.identity)).filter { $0.hasPrefix("identity.sqlite.before-restore-") }
            #expect(kept.contains { !$0.hasSuffix("-wal") && !$0.hasSuffix("-shm") }, "\(kept)")
            try await cluster.start(.identity)

            let people = Set(try await CrashTests.allEmployees(IdentityAPI.Client(cluster.client(.identity), metadata: .bearer(try await cluster.login("admin")))))
            #expect(Set(before).isSubset(of: people), "people acknowledged before the backup began are in it")
            #expect(people.isDisjoint(with: Set(all).subtracting(after)), "people acknowledged after the backup ended are not")
            #expect(all.count - after.count > 0 && before.count > 0)
        }
    }

    /// One HTTP call with curl: status and body.
    static func http(_ method: String, _ url: String, token: String? = nil, body: String? = nil) async throws -> (status: Int, body: String) {
        var arguments = ["-s", "-X", method, "--max-time", "20", "-w", "\n%{http_code}"]
        if let token { arguments += ["-H", "Authorization: Bearer \(token)"] }
        if let body { arguments += ["-H", "Content-Type: application/json", "--data", body] }
        let run = try await DaemonProcess.run("/usr/bin/curl", arguments + [url])
        let lines = run.output.split(separator: "\n", omittingEmptySubsequences: false)
        return (Int(lines.last ?? "") ?? 0, lines.dropLast().joined(separator: "\n"))
    }
}
