import BKProto
import BKRPC
import BKTestSupport
import Foundation
import Testing

typealias IdentityAPI = Binakarier_Identity_V1_IdentityService

/// The real bk-identityd, driven by the real bkctl and by RPC, killed and restarted.
@Suite("bk-identityd end to end", .serialized, .timeLimit(.minutes(3)))
struct IdentityEndToEndTests {
    /// Every employee NIP, paging through the list as the administrator.
    static func employees(_ cluster: Cluster) async throws -> Set<String> {
        let identity = IdentityAPI.Client(cluster.client(.identity), metadata: .bearer(try await cluster.login("admin", password: "admin-demo-2026")))
        var nips = Set<String>()
        var token = ""
        repeat {
            let page = try await identity.listEmployees(.init(pageSize: 1000, pageToken: token))
            nips.formUnion(page.employees.map(\.nip))
            token = page.nextPageToken
        } while !token.isEmpty
        return nips
    }

    /// The demo city, loaded by the real bk-demo-data (administrator `admin`, password admin-demo-2026).
    static func loadDemoCity(_ cluster: Cluster) async throws {
        #expect(try await DaemonProcess.run("bk-demo-data", ["load", "--socket-dir", cluster.socketDirectory]).status == 0)
    }

    /// Many point reads at once (accounts, employees, agencies), all answered: a synchronous read on the
    /// event loop once waited for a reader held by an async read resuming on that same loop, and a
    /// handful of concurrent GetAccount calls stopped bk-identityd for good.
    @Test func manyConcurrentPointReadsAreAllAnswered() async throws {
        try await Cluster.with([.identity]) { cluster in
            _ = try await cluster.token(for: .employee)
            let identity = IdentityAPI.Client(cluster.client(.identity), metadata: .bearer(try await cluster.administratorToken()))
            let nip = ClusterPeople.staff.nip
            let answered = try await withThrowingTaskGroup(of: Int.self) { group in
                for index in 0..<256 {
                    group.addTask {
                        let options = RPCCallOptions(timeout: .seconds(20))
                        switch index % 3 {
                        case 0: _ = try await identity.getAccount(.init(username: nip), options: options)
                        case 1: _ = try await identity.getEmployee(.init(nip: nip), options: options)
                        default: _ = try await identity.getAgency(.init(code: ClusterPeople.agency), options: options)
                        }
                        return 1
                    }
                }
                return try await group.reduce(0, +)
            }
            #expect(answered == 256)
            #expect(try await identity.getAccount(.init(username: nip)).username == nip)
        }
    }

    @Test func bkctlBootstrapsLogsInImportsAndLists() async throws {
        try await Cluster.with([.identity]) { cluster in

            let bootstrap = try await cluster.bkctl(["account", "bootstrap-admin", "admin", "--password-stdin"], input: "admin-demo-2026\n")
            #expect(bootstrap.status == 0)
            #expect(bootstrap.output.contains("Administrator pertama admin dibuat"))
            let denied = try await cluster.bkctl(["agency", "list"])
            #expect(denied.status == 3)  // not logged in: UNAUTHENTICATED
            let login = try await cluster.bkctl(["login", "admin", "--password-stdin"], input: "admin-demo-2026\n")
            #expect(login.status == 0)
            #expect(FileManager.default.fileExists(atPath: cluster.tokenFile))
            let mode = try FileManager.default.attributesOfItem(atPath: cluster.tokenFile)[.posixPermissions] as? Int
            #expect(mode == 0o600)

            #expect(try await cluster.bkctl(["agency", "create", "--code", "DINKES", "--name", "Dinas Kesehatan", "--kind", "dinas"]).status == 0)
            #expect(try await cluster.bkctl(["agency", "add-unit", "DINKES", "--code", "SEKRET", "--name", "Sekretariat"]).status == 0)
            let csv = cluster.directory.appending("pegawai.csv")
            try """
                NIP;Nama;Jenis ASN;Golongan;Kode OPD;Kode Unit;NIP Atasan
                196805121990031003;Kepala Dinas;PNS;IV/c;DINKES;;
                198703152010011001;Budi;PNS;III/d;DINKES;SEKRET;196805121990031003
                199212242019032002;Siti;PNS;III/a;DINKES;SEKRET;198703152010011001
                199401012019011001;Golongan Salah;PNS;V/a;DINKES;;
                """.write(toFile: csv, atomically: true, encoding: .utf8)
            let dry = try await cluster.bkctl(["employee", "import", csv, "--dry-run"])
            #expect(dry.output.contains("4 baris, 3 sah, 1 ditolak (uji coba"))
            #expect(dry.output.contains("V/a"))
            let imported = try await cluster.bkctl(["employee", "import", csv, "--output", "json"])
            #expect(imported.status == 0)
            #expect(imported.output.contains(#""rowsCommitted" : 3"#))
            let listed = try await cluster.bkctl(["employee", "list", "--agency", "DINKES"])
            #expect(listed.output.contains("198703152010011001  Budi"))
            let shown = try await cluster.bkctl(["employee", "show", "199212242019032002", "--output", "json"])
            #expect(shown.output.contains(#""supervisorNip" : "198703152010011001""#))
            let missing = try await cluster.bkctl(["employee", "show", "199001012015011001"])
            #expect(missing.status == 5)

            #expect(try await cluster.bkctl(["login", "admin", "--password-stdin"], input: "salah-sekali\n").status == 3)
            let metrics = try await Binakarier_Metrics_V1_Metrics.Client(cluster.client(.identity)).scrape().text
            #expect(metrics.contains(#"binakarier_identity_logins_total{result="ok"} 1"#))
            #expect(metrics.contains(#"binakarier_identity_logins_total{result="refused"} 1"#))

            #expect(try await cluster.bkctl(["logout"]).status == 0)
            #expect(try await cluster.bkctl(["agency", "list"]).status == 3)
            // Audit lines for what happened, without any password.
            let log = cluster.process(.identity)?.log ?? ""
            for event in ["first administrator created", "login refused", "agency created", "employee import finished", "logout"] {
                #expect(log.contains(event), "no audit line for \(event)")
            }
            #expect(!log.contains("admin-demo-2026") && !log.contains("salah-sekali"))
            #expect(await cluster.process(.identity)?.terminate() == 0)
        }
    }

    @Test func acknowledgedWritesSurviveSIGKILL() async throws {
        try await Cluster.with([.identity]) { cluster in
            try await Self.loadDemoCity(cluster)
            let admin = IdentityAPI.Client(cluster.client(.identity), metadata: .bearer(try await cluster.login("admin", password: "admin-demo-2026")))
            let created = try await admin.createEmployee(.init(employee: .init(
                nip: "199101012015011002", name: "Tercatat", asnType: .pns, golongan: .iiiA, agencyCode: "DINKES")))
            #expect(created.name == "Tercatat")
            try await cluster.restart(.identity)  // SIGKILL, then start again

            // The signing key survived too: a token from before the crash still works, and so does a new login.
            #expect(try await admin.getEmployee(.init(nip: "199101012015011002")).name == "Tercatat")
            _ = try await cluster.login("admin", password: "admin-demo-2026")
        }
    }

    /// Kills the daemon at three moments: after an import was acknowledged (which also measures how long
    /// the whole import takes), halfway between the end of parsing (timed by a dry run of the same file)
    /// and that, i.e. inside the write transaction, and before parsing ends. After each restart the
    /// import must be wholly there or wholly absent, and wholly there whenever it was acknowledged.
    @Test func sigkillDuringAnImportLeavesAllOrNothing() async throws {
        try await Cluster.with([.identity]) { cluster in
            try await Self.loadDemoCity(cluster)
            var wholeImport = Duration.seconds(30)
            for attempt in 1...3 {
                let admin = IdentityAPI.Client(cluster.client(.identity), metadata: .bearer(try await cluster.login("admin", password: "admin-demo-2026")))
                let before = try await Self.employees(cluster)
                let file = cluster.directory.appending("besar-\(attempt).csv")
                let generated = try await DaemonProcess.run(
                    "bk-demo-data", ["csv", "--employees", "30000", "--seed", "\(attempt + 6)", "--output", file])
                #expect(generated.status == 0)
                let csv = try [UInt8](Data(contentsOf: URL(fileURLWithPath: file)))
                let incoming = Set(String(decoding: csv, as: UTF8.self).split(separator: "\n").dropFirst().map { String($0.prefix(18)) })
                func upload() async throws -> String {
                    let started = try await admin.startEmployeeImport()
                    for offset in stride(from: 0, to: csv.count, by: 1 << 20) {
                        _ = try await admin.uploadEmployeeImportChunk(.init(
                            importId: started.importId, data: Array(csv[offset..<min(offset + (1 << 20), csv.count)])))
                    }
                    return started.importId
                }
                let clock = ContinuousClock()
                let dryRunImport = try await upload()
                let dryRun = try await clock.measure {
                    _ = try await admin.finishEmployeeImport(.init(importId: dryRunImport, dryRun: true))
                }
                let importID = try await upload()
                let finishStarted = clock.now
                let finishing = Task { try? await admin.finishEmployeeImport(.init(importId: importID)) }
                switch attempt {
                case 1: _ = await finishing.value
                case 2: try await Task.sleep(for: dryRun + (wholeImport - dryRun) / 2)
                default: try await Task.sleep(for: dryRun / 2)
                }
                if attempt == 1 { wholeImport = finishStarted.duration(to: clock.now) }
                await cluster.kill(.identity)
                let acknowledged = await finishing.value != nil

                try await cluster.start(.identity)
                let after = try await Self.employees(cluster)
                let added = after.subtracting(before)
                let expected = incoming.subtracting(before)
                #expect(added.isEmpty || added == expected, "attempt \(attempt): \(added.count) of \(expected.count) rows stored")
                if acknowledged { #expect(added == expected, "attempt \(attempt): acknowledged but not stored") }
                #expect(after.isSuperset(of: before))
            }
        }
    }
}
