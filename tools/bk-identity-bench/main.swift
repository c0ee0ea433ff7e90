// bk-identity-bench: the identity service through the real daemon (release build), as an operator
// would use it: import 100,000 employees from CSV, list them in pages of 500, get them by NIP.
// Prints figures; asserts nothing. Run through tools/bench-identity.
import ArgumentParser
import BKProto
import BKRPC
import BKTestSupport
import Foundation

typealias API = Binakarier_Identity_V1_IdentityService

@main
struct IdentityBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "bk-identity-bench", abstract: "Benchmark bk-identityd.")

    @Option(help: "Folder with the release builds of bk-identityd and bk-demo-data.") var bin: String
    @Option(help: "Employees to import.") var employees: Int = 100_000
    @Option(help: "Page size for the list benchmark.") var pageSize: Int32 = 500
    @Option(help: "Get calls, one at a time and then again spread over --concurrency callers.") var gets: Int = 20_000
    @Option(help: "Callers at once in the second Get phase.") var concurrency: Int = 4

    func run() async throws {
        let directory = try TemporaryDirectory(prefix: "bk-ibench")
        defer { directory.remove() }
        let socketDir = directory.appending("run")
        setenv("BK_BIN_DIR", bin, 1)
        let daemon = try DaemonProcess(
            binary: "\(bin)/bk-identityd", arguments: ["--socket-dir", socketDir, "--data-dir", directory.appending("data"), "--log-level", "warning"],
            logPath: directory.appending("identityd.log"))
        try await daemon.start()
        defer { daemon.process.terminate() }
        // Agencies and units of the demo city (and its ~2,800 people), then a different set of people to import.
        guard try await DaemonProcess.run("\(bin)/bk-demo-data", ["load", "--socket-dir", socketDir]).status == 0 else {
            throw ValidationError("bk-demo-data load failed")
        }
        let file = directory.appending("import.csv")
        _ = try await DaemonProcess.run("\(bin)/bk-demo-data", ["csv", "--employees", "\(employees)", "--seed", "42", "--output", file])
        let csv = try [UInt8](Data(contentsOf: URL(fileURLWithPath: file)))

        let client = RPCClient(socketPath: DaemonName.identity.socketPath(in: socketDir), defaultTimeout: .seconds(300))
        let login = try await API.Client(client).login(.init(username: "admin", password: "admin-demo-2026"))
        let identity = API.Client(client, metadata: .bearer(login.token))
        let clock = ContinuousClock()
        let pid = daemon.process.processIdentifier

        // Import: upload in 1 MiB chunks, then validate everything and commit in one transaction.
        let cpuBefore = Measurements.cpuMicroseconds(pid)
        var report = Binakarier_Identity_V1_ImportReport()
        let importTime = try await clock.measure {
            let started = try await identity.startEmployeeImport(.init())
            for offset in stride(from: 0, to: csv.count, by: 1 << 20) {
                _ = try await identity.uploadEmployeeImportChunk(.init(
                    importId: started.importId, data: Array(csv[offset..<min(offset + (1 << 20), csv.count)])))
            }
            report = try await identity.finishEmployeeImport(.init(importId: started.importId))
        }
        let importCPU = Measurements.cpuMicroseconds(pid) - cpuBefore

        // List: every page of `pageSize`.
        var nips: [String] = []
        var pageLatencies: [Double] = []
        var token = ""
        let listTime = try await clock.measure {
            repeat {
                let start = clock.now
                let page = try await identity.listEmployees(.init(pageSize: pageSize, pageToken: token))
                pageLatencies.append(Measurements.microseconds(start.duration(to: clock.now)))
                nips += page.employees.map(\.nip)
                token = page.nextPageToken
            } while !token.isEmpty
        }

        // Get by NIP, sequentially, on the client connection's event loop.
        var generator = SystemRandomNumberGenerator()
        let sample = (0..<gets).map { _ in nips.randomElement(using: &generator)! }
        let getLatencies = try await withTaskExecutorPreference(client.executor) {
            for nip in sample.prefix(1000) { _ = try await identity.getEmployee(.init(nip: nip)) }
            var latencies: [Double] = []
            latencies.reserveCapacity(gets)
            for nip in sample {
                let start = clock.now
                _ = try await identity.getEmployee(.init(nip: nip))
                latencies.append(Measurements.microseconds(start.duration(to: clock.now)))
            }
            return latencies
        }
        var sortedGets = getLatencies
        let get = Measurements.percentiles(&sortedGets)

        // Get by NIP with a few callers at once on the one connection, as a gateway would call.
        let perCaller = gets / concurrency
        let concurrentStart = clock.now
        var concurrentLatencies = try await withThrowingTaskGroup(of: [Double].self) { group in
            for worker in 0..<concurrency {
                group.addTask(executorPreference: client.executor) {
                    var latencies: [Double] = []
                    for nip in sample[(worker * perCaller)..<((worker + 1) * perCaller)] {
                        let start = clock.now
                        _ = try await identity.getEmployee(.init(nip: nip))
                        latencies.append(Measurements.microseconds(start.duration(to: clock.now)))
                    }
                    return latencies
                }
            }
            var all: [Double] = []
            for try await latencies in group { all += latencies }
            return all
        }
        let concurrentSeconds = Measurements.seconds(concurrentStart.duration(to: clock.now))
        let concurrentGet = Measurements.percentiles(&concurrentLatencies)
        let page = Measurements.percentiles(&pageLatencies)
        await client.close()

        print("bk-identity-bench: bk-identityd (release), SQLite with synchronous=FULL, one client over the Unix socket")
        print(String(format: "import %d rows (%.1f MiB CSV): %.2f s end to end, %d committed, %d rejected, daemon CPU %.2f s",
                     report.rowsTotal, Double(csv.count) / 1_048_576, Measurements.seconds(importTime),
                     report.rowsCommitted, report.errors.count, importCPU / 1e6))
        print(String(format: "list %d employees in pages of %d: %.2f s, %d pages, page p50 %.0f us, p99 %.0f us",
                     nips.count, pageSize, Measurements.seconds(listTime), pageLatencies.count, page.p50, page.p99))
        print(String(format: "get by NIP x %d, one at a time: p50 %.1f us, p99 %.1f us", gets, get.p50, get.p99))
        print(String(format: "get by NIP x %d, %d callers at once: p50 %.1f us, p99 %.1f us, %.0f gets/s",
                     concurrentLatencies.count, concurrency, concurrentGet.p50, concurrentGet.p99,
                     Double(concurrentLatencies.count) / concurrentSeconds))
        print("daemon RSS after: \(Measurements.residentKiB(pid)) KiB")
    }
}
