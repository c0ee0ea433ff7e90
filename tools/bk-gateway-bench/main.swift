// bk-gateway-bench: the gateway through the real daemons (release builds) on the demo city, with wrk
// (Debian) as the HTTP load generator. In one run:
//   1. a JSON read (GET /api/v1/programs/{code}, the organiser's token) through the gateway, against the
//      same read straight over the programs socket (RPCClient, the same concurrency) and against a bare
//      Hummingbird handler in this process returning the same bytes: calls/s, latency, ratios;
//   2. the beranda page of an ASN (a real web session) at 200 connections for 30 s: errors and latency
//      percentiles.
// Prints figures; asserts nothing. Run through tools/bench-gateway.
import ArgumentParser
import BKProto
import BKRPC
import BKTestSupport
import Foundation
import Hummingbird

typealias Identity = Binakarier_Identity_V1_IdentityService
typealias Programs = Binakarier_Programs_V1_ProgramsService

@main
struct GatewayBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "bk-gateway-bench", abstract: "Benchmark bk-gateway.")

    @Option(help: "Folder with the release builds of the daemons, the gateway and bk-demo-data.") var bin: String
    @Option(help: "Seconds of each JSON-read run.") var seconds: Int = 10
    @Option(help: "Connections (and socket callers) of the JSON-read runs.") var connections: Int = 64
    @Option(help: "Connections of the beranda run.") var pageConnections: Int = 200
    @Option(help: "Seconds of the beranda run.") var pageSeconds: Int = 30
    @Option(help: "The program read.") var program: String = "LAT-MANWAKTU"
    @Option(help: "The ASN whose beranda is loaded.") var nip: String = "200208222022111001"

    func run() async throws {
        let directory = try TemporaryDirectory(prefix: "bk-gbench")
        defer { directory.remove() }
        let socketDir = directory.appending("run")
        var daemons: [DaemonProcess] = []
        defer { for daemon in daemons.reversed() { daemon.process.terminate() } }
        for name in ["bk-identityd", "bk-programsd", "bk-feedbackd", "bk-reportingd"] {
            let daemon = try DaemonProcess.benchmarked(name, bin: bin, in: directory, socketDirectory: socketDir)
            try await daemon.start()
            daemons.append(daemon)
        }
        let gateway = try DaemonProcess.benchmarked(
            "bk-gateway", bin: bin, in: directory, socketDirectory: socketDir, arguments: ["--http-address", "127.0.0.1:0"])
        try await gateway.start()
        daemons.append(gateway)
        guard let address = gateway.log.split(separator: " ").first(where: { $0.hasPrefix("http=") })?.dropFirst(5)
            .split(separator: "\n").first.map(String.init)
        else { throw ValidationError("the gateway did not say where it listens") }
        let base = "http://\(address)"
        guard try await DaemonProcess.run("\(bin)/bk-demo-data", ["load", "--socket-dir", socketDir]).status == 0 else {
            throw ValidationError("bk-demo-data load failed")
        }

        let identity = RPCClient(socketPath: DaemonName.identity.socketPath(in: socketDir))
        let programsClient = RPCClient(socketPath: DaemonName.programs.socketPath(in: socketDir))
        let token = try await Identity.Client(identity).login(.init(username: "bkpsdm", password: "bkpsdm-demo-2026")).token
        let programs = Programs.Client(programsClient, metadata: .bearer(token))

        // The gateway's answer: what the bare handler returns too.
        let path = "/api/v1/programs/\(program)"
        let (answer, status) = try await Self.fetch(base + path, headers: ["Authorization": "Bearer \(token)"])
        guard status == 200 else { throw ValidationError("GET \(path) answered \(status)") }
        print("JSON read: GET \(path), \(answer.count) bytes; \(connections) connections, \(seconds) s each; wrk -t2")

        let throughGateway = try Wrk.run(url: base + path, connections: connections, seconds: seconds, headers: ["Authorization: Bearer \(token)"])
        let overSocket = try await Self.socketLoad(programs: programs, code: program, callers: connections, seconds: seconds)
        let bare = try await Self.bareHandler(body: answer, connections: connections, seconds: seconds, path: path)

        print("")
        print("                               calls/s     p50 ms    p99 ms   errors")
        func line(_ name: String, _ r: LoadResult) {
            print(
                name.padding(toLength: 28, withPad: " ", startingAt: 0)
                    + String(format: "%10.0f %10.2f %9.2f %8d", r.callsPerSecond, r.p50, r.p99, r.errors))
        }
        line("gateway (HTTP → socket)", throughGateway)
        line("socket (RPCClient)", overSocket)
        line("bare Hummingbird handler", bare)
        print(String(format: "ratio gateway/socket calls/s: %.2f", throughGateway.callsPerSecond / overSocket.callsPerSecond))
        print(String(format: "ratio gateway/bare handler calls/s: %.2f", throughGateway.callsPerSecond / bare.callsPerSecond))

        // A web session of the ASN, as a browser gets it.
        let cookie = try await Self.webLogin(base: base, username: nip, password: "asn-demo-2026")
        let (page, pageStatus) = try await Self.fetch(base + "/beranda", headers: ["Cookie": cookie])
        guard pageStatus == 200 else { throw ValidationError("/beranda answered \(pageStatus)") }
        print("")
        print("beranda of \(nip): \(page.count) bytes; \(pageConnections) connections for \(pageSeconds) s")
        let beranda = try Wrk.run(url: base + "/beranda", connections: pageConnections, seconds: pageSeconds, headers: ["Cookie: \(cookie)"])
        print(
            String(
                format: "beranda: %.0f pages/s, p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, errors %d (non-2xx %d, socket %d)",
                beranda.callsPerSecond, beranda.p50, beranda.p90, beranda.p99, beranda.errors, beranda.non2xx, beranda.socketErrors))
        print("gateway RSS after: \(Self.rss(pid: gateway.process.processIdentifier)) MiB")
        await identity.close()
        await programsClient.close()
    }

    /// `callers` tasks calling GetProgram in a loop for `seconds`.
    static func socketLoad(programs: Programs.Client, code: String, callers: Int, seconds: Int) async throws -> LoadResult {
        let clock = ContinuousClock()
        let end = clock.now.advanced(by: .seconds(seconds))
        let start = clock.now
        let latencies = try await withThrowingTaskGroup(of: ([Double], Int).self) { group in
            for _ in 0..<callers {
                group.addTask {
                    var times: [Double] = []
                    var errors = 0
                    while clock.now < end {
                        let began = clock.now
                        do {
                            _ = try await programs.getProgram(.init(code: code))
                        } catch {
                            errors += 1
                        }
                        let took = clock.now - began
                        times.append(Double(took.components.seconds) * 1000 + Double(took.components.attoseconds) / 1e15)
                    }
                    return (times, errors)
                }
            }
            var all: [Double] = []
            var errors = 0
            for try await (times, failed) in group {
                all += times
                errors += failed
            }
            return (all.sorted(), errors)
        }
        let elapsed = clock.now - start
        let wall = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        func percentile(_ p: Double) -> Double { latencies.0.isEmpty ? 0 : latencies.0[min(latencies.0.count - 1, Int(Double(latencies.0.count) * p))] }
        return LoadResult(
            callsPerSecond: Double(latencies.0.count) / wall, p50: percentile(0.5), p90: percentile(0.9), p99: percentile(0.99),
            errors: latencies.1, non2xx: 0, socketErrors: 0)
    }

    /// A Hummingbird server in this process answering `path` with `body`, loaded by wrk.
    static func bareHandler(body: [UInt8], connections: Int, seconds: Int, path: String) async throws -> LoadResult {
        let router = Router()
        let bytes = ByteBuffer(bytes: body)
        router.get(RouterPath(path)) { _, _ in
            var headers = HTTPFields()
            headers[.contentType] = "application/json; charset=utf-8"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: bytes))
        }
        let (stream, continuation) = AsyncStream<Int>.makeStream()
        let app = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in
                continuation.yield(channel.localAddress?.port ?? 0)
                continuation.finish()
            })
        return try await withThrowingTaskGroup(of: LoadResult?.self) { group in
            group.addTask {
                try await app.run()
                return nil
            }
            var port = 0
            for await bound in stream { port = bound }
            let result = try Wrk.run(url: "http://127.0.0.1:\(port)\(path)", connections: connections, seconds: seconds, headers: [])
            group.cancelAll()
            return result
        }
    }

    /// GET with curl (Debian's): the body and the status.
    static func fetch(_ url: String, headers: [String: String] = [:]) async throws -> ([UInt8], Int) {
        let marker = "\n--status:"
        let output = try curl(["-s", "-w", marker + "%{http_code}"] + headers.flatMap { ["-H", "\($0.key): \($0.value)"] } + [url])
        let marked = Array(marker.utf8)
        guard let start = (0...max(0, output.count - marked.count)).last(where: { output[$0..<min(output.count, $0 + marked.count)].elementsEqual(marked) }) else {
            return (output, 0)
        }
        return (Array(output[..<start]), Int(String(decoding: output[(start + marked.count)...], as: UTF8.self)) ?? 0)
    }

    /// Logs in through /masuk as a browser does (the CSRF cookie and field) and returns the session cookie.
    static func webLogin(base: String, username: String, password: String) async throws -> String {
        let jar = FileManager.default.temporaryDirectory.appendingPathComponent("bk-gbench-\(getpid()).cookies").path
        defer { try? FileManager.default.removeItem(atPath: jar) }
        let form = String(decoding: try curl(["-s", "-c", jar, "-b", jar, base + "/masuk"]), as: UTF8.self)
        guard let range = form.range(of: #"name="_csrf" value=""#), let end = form[range.upperBound...].firstIndex(of: "\"") else {
            throw ValidationError("no CSRF field on /masuk")
        }
        let csrf = String(form[range.upperBound..<end])
        _ = try curl([
            "-s", "-c", jar, "-b", jar, "-o", "/dev/null", "--data-urlencode", "_csrf=\(csrf)", "--data-urlencode", "lanjut=/beranda",
            "--data-urlencode", "username=\(username)", "--data-urlencode", "password=\(password)", base + "/masuk",
        ])
        let cookies = (try? String(contentsOfFile: jar, encoding: .utf8)) ?? ""
        guard let line = cookies.split(separator: "\n").first(where: { $0.contains("\tbk_sesi\t") }), let value = line.split(separator: "\t").last else {
            throw ValidationError("login of \(username) gave no session cookie")
        }
        return "bk_sesi=\(value)"
    }

    static func curl(_ arguments: [String]) throws -> [UInt8] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Array(data)
    }

    static func rss(pid: Int32) -> Int {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
            let kb = Int(line.split(separator: " ").dropFirst().first ?? "")
        else { return 0 }
        return kb / 1024
    }
}

struct LoadResult {
    var callsPerSecond: Double
    var p50: Double
    var p90: Double
    var p99: Double
    var errors: Int
    var non2xx: Int
    var socketErrors: Int
}

/// Runs wrk (Debian's) and reads its figures.
enum Wrk {
    static func run(url: String, connections: Int, seconds: Int, headers: [String]) throws -> LoadResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/wrk")
        process.arguments = ["-t2", "-c\(connections)", "-d\(seconds)s", "--latency", "--timeout", "10s"] + headers.flatMap { ["-H", $0] } + [url]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw ValidationError("wrk failed: \(output)") }
        func milliseconds(_ label: String) -> Double {
            guard let line = output.split(separator: "\n").first(where: { $0.trimmingCharacters(in: .whitespaces).hasPrefix(label) }),
                let value = line.split(separator: " ").last
            else { return 0 }
            let text = String(value)
            for (suffix, factor) in [("us", 0.001), ("ms", 1.0), ("s", 1000.0)] where text.hasSuffix(suffix) {
                return (Double(text.dropLast(suffix.count)) ?? 0) * factor
            }
            return Double(text) ?? 0
        }
        func count(_ label: String) -> Int {
            guard let line = output.split(separator: "\n").first(where: { $0.contains(label) }) else { return 0 }
            return Int(line.split(separator: " ").last ?? "") ?? 0
        }
        var socketErrors = 0
        if let line = output.split(separator: "\n").first(where: { $0.contains("Socket errors:") }) {
            socketErrors = line.split(separator: ",").compactMap { Int($0.split(separator: " ").last ?? "") }.reduce(0, +)
        }
        let rate = output.split(separator: "\n").first(where: { $0.hasPrefix("Requests/sec:") })
            .flatMap { Double($0.split(separator: " ").last ?? "") } ?? 0
        let non2xx = count("Non-2xx or 3xx responses:")
        return LoadResult(
            callsPerSecond: rate, p50: milliseconds("50%"), p90: milliseconds("90%"), p99: milliseconds("99%"),
            errors: non2xx + socketErrors, non2xx: non2xx, socketErrors: socketErrors)
    }
}
