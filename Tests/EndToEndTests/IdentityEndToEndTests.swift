import BKProto
import BKRPC
import BKTestSupport
import Foundation
import Testing

typealias IdentityAPI = Binakarier_Identity_V1_IdentityService

/// The real bk-identityd, driven by the real bkctl and by RPC, killed and restarted.
@Suite("bk-identityd end to end", .serialized, .timeLimit(.minutes(3)))
struct IdentityEndToEndTests {
    final class Cluster: Sendable {
        let directory: TemporaryDirectory
        let socketDir: String
        let dataDir: String
        let tokenFile: String

        init() throws {
            directory = try TemporaryDirectory()
            socketDir = directory.appending("run")
            dataDir = directory.appending("data")
            tokenFile = directory.appending("token")
        }

        func startIdentity(_ name: String = "identityd") async throws -> DaemonProcess {
            let daemon = try DaemonProcess(
                binary: "bk-identityd", arguments: ["--socket-dir", socketDir, "--data-dir", dataDir],
                logPath: directory.appending("\(name).log"))
            try await daemon.start()
            return daemon
        }

        /// Runs bkctl against this cluster; returns its exit status and output.
        func bkctl(_ arguments: [String], input: String? = nil) async throws -> (status: Int32, output: String) {
            try await DaemonProcess.run(
                "bkctl", arguments + ["--socket-dir", socketDir],
                input: input, environment: ["BINAKARIER_TOKEN_FILE": tokenFile])
        }

        func client() -> RPCClient { RPCClient(socketPath: "\(socketDir)/identity.sock", defaultTimeout: .seconds(120)) }

        func adminToken(_ client: RPCClient) async throws -> RPCMetadata {
            let login = try await client.call(IdentityAPI.login, .init(username: "admin", password: "admin-demo-2026"))
            var metadata = RPCMetadata()
            metadata.append("authorization", "Bearer \(login.token)")
            return metadata
        }

        func employeeCount(_ client: RPCClient, _ auth: RPCMetadata) async throws -> Set<String> {
            var nips = Set<String>()
            var token = ""
            repeat {
                let page = try await client.call(IdentityAPI.listEmployees, .init(pageSize: 1000, pageToken: token), metadata: auth)
                nips.formUnion(page.employees.map(\.nip))
                token = page.nextPageToken
            } while !token.isEmpty
            return nips
        }
    }

    @Test func bkctlBootstrapsLogsInImportsAndLists() async throws {
        let cluster = try Cluster()
        defer { cluster.directory.remove() }
        let daemon = try await cluster.startIdentity()

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
        let client = cluster.client()
        let metrics = try await client.call(Binakarier_Metrics_V1_Metrics.scrape, .init()).text
        #expect(metrics.contains(#"binakarier_identity_logins_total{result="ok"} 1"#))
        #expect(metrics.contains(#"binakarier_identity_logins_total{result="refused"} 1"#))
        await client.close()

        #expect(try await cluster.bkctl(["logout"]).status == 0)
        #expect(try await cluster.bkctl(["agency", "list"]).status == 3)
        #expect(await daemon.terminate() == 0)
    }

    @Test func acknowledgedWritesSurviveSIGKILL() async throws {
        let cluster = try Cluster()
        defer { cluster.directory.remove() }
        var daemon = try await cluster.startIdentity()
        #expect(try await DaemonProcess.run("bk-demo-data", ["load", "--socket-dir", cluster.socketDir]).status == 0)
        let client = cluster.client()
        var auth = try await cluster.adminToken(client)
        let created = try await client.call(IdentityAPI.createEmployee, .init(employee: .init(
            nip: "199101012015011002", name: "Tercatat", asnType: .pns, golongan: .iiiA, agencyCode: "DINKES")), metadata: auth)
        #expect(created.name == "Tercatat")
        await daemon.kill()

        daemon = try await cluster.startIdentity("identityd-2")
        auth = try await cluster.adminToken(client)  // the signing key survived too: a new login works...
        let found = try await client.call(IdentityAPI.getEmployee, .init(nip: "199101012015011002"), metadata: auth)
        #expect(found.name == "Tercatat")
        await daemon.terminate()
        await client.close()
    }

    /// Kills the daemon at three moments: after an import was acknowledged (which also measures how long
    /// the whole import takes), halfway between the end of parsing (timed by a dry run of the same file)
    /// and that, i.e. inside the write transaction, and before parsing ends. After each restart the
    /// import must be wholly there or wholly absent, and wholly there whenever it was acknowledged.
    @Test func sigkillDuringAnImportLeavesAllOrNothing() async throws {
        let cluster = try Cluster()
        defer { cluster.directory.remove() }
        var daemon = try await cluster.startIdentity()
        #expect(try await DaemonProcess.run("bk-demo-data", ["load", "--socket-dir", cluster.socketDir]).status == 0)
        let client = cluster.client()
        var wholeImport = Duration.seconds(30)
        for attempt in 1...3 {
            let auth = try await cluster.adminToken(client)
            let before = try await cluster.employeeCount(client, auth)
            let file = cluster.directory.appending("besar-\(attempt).csv")
            let generated = try await DaemonProcess.run(
                "bk-demo-data", ["csv", "--employees", "30000", "--seed", "\(attempt + 6)", "--output", file])
            #expect(generated.status == 0)
            let csv = try [UInt8](Data(contentsOf: URL(fileURLWithPath: file)))
            let incoming = Set(String(decoding: csv, as: UTF8.self).split(separator: "\n").dropFirst().map { String($0.prefix(18)) })
            let started = try await client.call(IdentityAPI.startEmployeeImport, .init(), metadata: auth)
            for offset in stride(from: 0, to: csv.count, by: 1 << 20) {
                _ = try await client.call(IdentityAPI.uploadEmployeeImportChunk, .init(
                    importId: started.importId, data: Array(csv[offset..<min(offset + (1 << 20), csv.count)])), metadata: auth)
            }
            let clock = ContinuousClock()
            let dryRun = try await clock.measure {
                _ = try await client.call(IdentityAPI.finishEmployeeImport, .init(importId: started.importId, dryRun: true), metadata: auth)
            }
            let finishStarted = clock.now
            let finishing = Task {
                try? await client.call(IdentityAPI.finishEmployeeImport, .init(importId: started.importId), metadata: auth)
            }
            switch attempt {
            case 1: _ = await finishing.value
            case 2: try await Task.sleep(for: dryRun + (wholeImport - dryRun) / 2)
            default: try await Task.sleep(for: dryRun / 2)
            }
            if attempt == 1 { wholeImport = finishStarted.duration(to: clock.now) }
            await daemon.kill()
            let acknowledged = await finishing.value != nil

            daemon = try await cluster.startIdentity("identityd-\(attempt)")
            let after = try await cluster.employeeCount(client, try await cluster.adminToken(client))
            let added = after.subtracting(before)
            let expected = incoming.subtracting(before)
            #expect(added.isEmpty || added == expected, "attempt \(attempt): \(added.count) of \(expected.count) rows stored")
            if acknowledged { #expect(added == expected, "attempt \(attempt): acknowledged but not stored") }
            #expect(after.isSuperset(of: before))
        }
        await daemon.terminate()
        await client.close()
    }
}
