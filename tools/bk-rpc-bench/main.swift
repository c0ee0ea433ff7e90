// bk-rpc-bench: measures our ttrpc server against containerd's Go reference, the same way, in one run.
//
// Each server runs as its own release process on a Unix socket; this process is the client (our
// RPCClient). A ~40-byte EchoRequest is decoded and encoded with protobuf-c on both sides and the
// handler is async. Figures: sequential p50/p99 and calls/s, calls/s and p50/p99 with N calls in flight
// on one connection, and server CPU microseconds per call (from /proc/PID/stat). Run through
// tools/bench-rpc, which builds everything in release mode first.
import ArgumentParser
import BKProto
import BKRPC
import BKTestSupport
import Foundation

@main
struct RPCBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bk-rpc-bench", abstract: "Benchmark our ttrpc server against the Go reference.")

    @Option(help: "Our echo daemon (release build).") var echod: String
    @Option(help: "The Go reference (tools/build-ttrpc-reference); empty to skip it.") var reference: String = ""
    @Option(help: "Sequential calls.") var calls: Int = 20_000
    @Option(help: "Calls in flight on one connection in the concurrent phase.") var concurrency: Int = 16
    @Option(help: "Seconds of the concurrent phase.") var seconds: Double = 10

    func run() async throws {
        let directory = try makeDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var results: [(String, Figures)] = []
        let ours = try startServer(
            echod, ["--socket-dir", directory, "--log-level", "warning"], socket: "\(directory)/echo.sock", log: "\(directory)/echod.log")
        results.append(("BinaKarier (Swift, protobuf-c)", try await measure(ours)))
        ours.process.terminate()
        ours.process.waitUntilExit()
        if !reference.isEmpty {
            let theirs = try startServer(reference, ["serve", "\(directory)/ref.sock"], socket: "\(directory)/ref.sock", log: "\(directory)/ref.log")
            results.append(("containerd/ttrpc 1.1.1 (Go)", try await measure(theirs)))
            theirs.process.terminate()
            theirs.process.waitUntilExit()
        }
        report(results)
    }

    struct Server {
        let process: Process
        let socket: String
    }

    struct Figures {
        var sequentialCallsPerSecond = 0.0
        var sequentialP50 = 0.0
        var sequentialP99 = 0.0
        var sequentialCPU = 0.0
        var concurrentCallsPerSecond = 0.0
        var concurrentP50 = 0.0
        var concurrentP99 = 0.0
        var concurrentCPU = 0.0
        var concurrentClientCPU = 0.0
        var serverRSSKiB = 0
    }

    func makeDirectory() throws -> String {
        var template = Array("/tmp/bk-bench-XXXXXX".utf8CString)
        guard let path = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else { throw CocoaError(.fileWriteUnknown) }
        return String(cString: path)
    }

    func startServer(_ binary: String, _ arguments: [String], socket: String, log: String) throws -> Server {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        FileManager.default.createFile(atPath: log, contents: nil)
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        try process.run()
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            if let text = try? String(contentsOfFile: log, encoding: .utf8), text.contains("BINAKARIER READY") {
                return Server(process: process, socket: socket)
            }
            usleep(20_000)
        }
        throw ValidationError("\(binary) did not become ready; see \(log)")
    }

    func measure(_ server: Server) async throws -> Figures {
        let client = RPCClient(socketPath: server.socket, defaultTimeout: .seconds(10))
        let request = Binakarier_Testing_V1_EchoRequest(text: "NIP 198703152010011001 hadir pelatihan")
        let requestSize = try request.serializedBytes().count
        precondition(requestSize >= 38)
        let pid = server.process.processIdentifier
        var figures = Figures()

        // Callers run on the client connection's event loop: no thread hop per call on our side.
        try await withTaskExecutorPreference(client.executor) {
            for _ in 0..<2_000 { _ = try await client.call(Binakarier_Testing_V1_Echo.echo, request) }
            var latencies: [Double] = []
            latencies.reserveCapacity(calls)
            let cpuBefore = cpuMicroseconds(pid)
            let started = ContinuousClock.now
            for _ in 0..<calls {
                let start = ContinuousClock.now
                _ = try await client.call(Binakarier_Testing_V1_Echo.echo, request)
                latencies.append(microseconds(start.duration(to: .now)))
            }
            figures.sequentialCallsPerSecond = Double(calls) / inSeconds(started.duration(to: .now))
            figures.sequentialCPU = (cpuMicroseconds(pid) - cpuBefore) / Double(calls)
            (figures.sequentialP50, figures.sequentialP99) = percentiles(&latencies)
        }

        // Concurrent: `concurrency` callers sharing the one connection for `seconds`.
        let cpuBefore = cpuMicroseconds(pid)
        let clientCPUBefore = cpuMicroseconds(getpid())
        let started = ContinuousClock.now
        let end = started.advanced(by: .milliseconds(Int(self.seconds * 1000)))
        let perWorker = try await withThrowingTaskGroup(of: [Double].self) { group in
            for _ in 0..<concurrency {
                group.addTask(executorPreference: client.executor) {
                    var mine: [Double] = []
                    mine.reserveCapacity(200_000)
                    while ContinuousClock.now < end {
                        let start = ContinuousClock.now
                        _ = try await client.call(Binakarier_Testing_V1_Echo.echo, request)
                        mine.append(microseconds(start.duration(to: .now)))
                    }
                    return mine
                }
            }
            var all: [[Double]] = []
            for try await latencies in group { all.append(latencies) }
            return all
        }
        let elapsed = inSeconds(started.duration(to: .now))
        var concurrent = perWorker.flatMap { $0 }
        figures.concurrentCallsPerSecond = Double(concurrent.count) / elapsed
        figures.concurrentCPU = (cpuMicroseconds(pid) - cpuBefore) / Double(concurrent.count)
        figures.concurrentClientCPU = (cpuMicroseconds(getpid()) - clientCPUBefore) / Double(concurrent.count)
        (figures.concurrentP50, figures.concurrentP99) = percentiles(&concurrent)
        figures.serverRSSKiB = residentKiB(pid)
        await client.close()
        return figures
    }

    func report(_ results: [(String, Figures)]) {
        print("bk-rpc-bench: \(calls) sequential calls; \(concurrency) in flight on one connection for \(self.seconds) s; ~40-byte request")
        func row(_ label: String, _ values: [String]) {
            print(label.padding(toLength: 34, withPad: " ", startingAt: 0) + values.map { $0.padding(toLength: 32, withPad: " ", startingAt: 0) }.joined())
        }
        row("", results.map(\.0))
        row("sequential calls/s", results.map { String(format: "%.0f", $0.1.sequentialCallsPerSecond) })
        row("sequential p50 / p99 (us)", results.map { String(format: "%.1f / %.1f", $0.1.sequentialP50, $0.1.sequentialP99) })
        row("sequential server CPU/call (us)", results.map { String(format: "%.2f", $0.1.sequentialCPU) })
        row("\(concurrency) in flight calls/s", results.map { String(format: "%.0f", $0.1.concurrentCallsPerSecond) })
        row("\(concurrency) in flight p50 / p99 (us)", results.map { String(format: "%.1f / %.1f", $0.1.concurrentP50, $0.1.concurrentP99) })
        row("\(concurrency) in flight server CPU/call (us)", results.map { String(format: "%.2f", $0.1.concurrentCPU) })
        row("\(concurrency) in flight client CPU/call (us)", results.map { String(format: "%.2f", $0.1.concurrentClientCPU) })
        row("server RSS after (KiB)", results.map { "\($0.1.serverRSSKiB)" })
        if results.count == 2 {
            let ours = results[0].1
            let theirs = results[1].1
            print(String(format: "ratio ours/reference: sequential calls/s %.2fx, %d in flight calls/s %.2fx, server CPU/call %.2fx (lower is better)",
                         ours.sequentialCallsPerSecond / theirs.sequentialCallsPerSecond, concurrency,
                         ours.concurrentCallsPerSecond / theirs.concurrentCallsPerSecond,
                         ours.concurrentCPU / theirs.concurrentCPU))
        }
    }
}

func microseconds(_ duration: Duration) -> Double { Measurements.microseconds(duration) }
func inSeconds(_ duration: Duration) -> Double { Measurements.microseconds(duration) / 1e6 }
func percentiles(_ values: inout [Double]) -> (Double, Double) { Measurements.percentiles(&values) }
func cpuMicroseconds(_ pid: Int32) -> Double { Measurements.cpuMicroseconds(pid) }
func residentKiB(_ pid: Int32) -> Int { Measurements.residentKiB(pid) }
