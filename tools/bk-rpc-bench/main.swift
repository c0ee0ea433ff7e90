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
        let directory = try TemporaryDirectory(prefix: "bk-bench")
        defer { directory.remove() }
        var results: [(String, Figures)] = []
        let ours = try DaemonProcess(
            binary: echod, arguments: ["--socket-dir", directory.path, "--log-level", "warning"], logPath: directory.appending("echod.log"))
        try await ours.start()
        results.append(("BinaKarier (Swift, protobuf-c)", try await measure(ours, socket: DaemonName.echo.socketPath(in: directory.path))))
        await ours.terminate()
        if !reference.isEmpty {
            let theirs = try DaemonProcess(
                binary: reference, arguments: ["serve", directory.appending("ref.sock")], logPath: directory.appending("ref.log"))
            try await theirs.start()
            results.append(("containerd/ttrpc 1.1.1 (Go)", try await measure(theirs, socket: directory.appending("ref.sock"))))
            await theirs.terminate()
        }
        report(results)
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

    func measure(_ server: DaemonProcess, socket: String) async throws -> Figures {
        let client = RPCClient(socketPath: socket, defaultTimeout: .seconds(10))
        let echo = Binakarier_Testing_V1_Echo.Client(client)
        let request = Binakarier_Testing_V1_EchoRequest(text: "NIP 198703152010011001 hadir pelatihan")
        let requestSize = try request.serializedBytes().count
        precondition(requestSize >= 38)
        let pid = server.process.processIdentifier
        var figures = Figures()

        // Callers run on the client connection's event loop: no thread hop per call on our side.
        try await withTaskExecutorPreference(client.executor) {
            for _ in 0..<2_000 { _ = try await echo.echo(request) }
            var latencies: [Double] = []
            latencies.reserveCapacity(calls)
            let cpuBefore = Measurements.cpuMicroseconds(pid)
            let started = ContinuousClock.now
            for _ in 0..<calls {
                let start = ContinuousClock.now
                _ = try await echo.echo(request)
                latencies.append(Measurements.microseconds(start.duration(to: .now)))
            }
            figures.sequentialCallsPerSecond = Double(calls) / Measurements.seconds(started.duration(to: .now))
            figures.sequentialCPU = (Measurements.cpuMicroseconds(pid) - cpuBefore) / Double(calls)
            (figures.sequentialP50, figures.sequentialP99) = Measurements.percentiles(&latencies)
        }

        // Concurrent: `concurrency` callers sharing the one connection for `seconds`.
        let cpuBefore = Measurements.cpuMicroseconds(pid)
        let clientCPUBefore = Measurements.cpuMicroseconds(getpid())
        let started = ContinuousClock.now
        let end = started.advanced(by: .milliseconds(Int(self.seconds * 1000)))
        let perWorker = try await withThrowingTaskGroup(of: [Double].self) { group in
            for _ in 0..<concurrency {
                group.addTask(executorPreference: client.executor) {
                    var mine: [Double] = []
                    mine.reserveCapacity(200_000)
                    while ContinuousClock.now < end {
                        let start = ContinuousClock.now
                        _ = try await echo.echo(request)
                        mine.append(Measurements.microseconds(start.duration(to: .now)))
                    }
                    return mine
                }
            }
            var all: [[Double]] = []
            for try await latencies in group { all.append(latencies) }
            return all
        }
        let elapsed = Measurements.seconds(started.duration(to: .now))
        var concurrent = perWorker.flatMap { $0 }
        figures.concurrentCallsPerSecond = Double(concurrent.count) / elapsed
        figures.concurrentCPU = (Measurements.cpuMicroseconds(pid) - cpuBefore) / Double(concurrent.count)
        figures.concurrentClientCPU = (Measurements.cpuMicroseconds(getpid()) - clientCPUBefore) / Double(concurrent.count)
        (figures.concurrentP50, figures.concurrentP99) = Measurements.percentiles(&concurrent)
        figures.serverRSSKiB = Measurements.residentKiB(pid)
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
