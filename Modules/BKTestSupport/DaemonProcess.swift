import Foundation

/// A real daemon binary started for an end-to-end test, with its stderr captured and its readiness line
/// awaited, that can be stopped with SIGTERM or killed with SIGKILL.
public final class DaemonProcess: @unchecked Sendable {
    public enum Failure: Error, CustomStringConvertible {
        case binaryNotFound(String)
        case notReady(name: String, log: String)
        public var description: String {
            switch self {
            case .binaryNotFound(let name): "\(name) not found next to the test bundle; run `swift build` first"
            case .notReady(let name, let log): "\(name) printed no readiness line; its log:\n\(log)"
            }
        }
    }

    public let process = Process()
    public let logPath: String

    /// The folder holding the package's built products (the test bundle's folder), or BK_BIN_DIR.
    public static var binaryDirectory: URL {
        if let dir = ProcessInfo.processInfo.environment["BK_BIN_DIR"] { return URL(fileURLWithPath: dir) }
        var url = Bundle.main.bundleURL
        // swift test runs <bin dir>/<Package>PackageTests.xctest; swiftpm-testing-helper sits elsewhere.
        if !FileManager.default.fileExists(atPath: url.appendingPathComponent("bk-echod").path) {
            url = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        }
        for candidate in [url, url.deletingLastPathComponent()] where FileManager.default.fileExists(atPath: candidate.appendingPathComponent("bk-echod").path) {
            return candidate
        }
        return url
    }

    /// - Parameter name: a product of this package (found next to the test bundle) or an absolute path.
    public init(binary name: String, arguments: [String], environment: [String: String] = [:], logPath: String) throws {
        let binary = name.hasPrefix("/") ? URL(fileURLWithPath: name) : Self.binaryDirectory.appendingPathComponent(name)
        guard FileManager.default.isExecutableFile(atPath: binary.path) else { throw Failure.binaryNotFound(binary.path) }
        self.logPath = logPath
        _ = FileManager.default.createFile(atPath: logPath, contents: nil)
        process.executableURL = binary
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        logHandle = try FileHandle(forWritingTo: URL(fileURLWithPath: logPath))
        process.standardError = logHandle
        process.standardOutput = FileHandle.nullDevice
    }

    /// The log file as the child's stderr; the parent's copy is closed once the child runs (a harness
    /// that restarts daemons hundreds of times must not run out of descriptors).
    private let logHandle: FileHandle

    /// A release daemon for a benchmark: `<bin>/<name>` on `socketDirectory`, its data in
    /// `<directory>/data/<name>`, its log (warnings only) in `<directory>/<name>.log`.
    public static func benchmarked(
        _ name: String, bin: String, in directory: TemporaryDirectory, socketDirectory: String, arguments: [String] = []
    ) throws -> DaemonProcess {
        try DaemonProcess(
            binary: "\(bin)/\(name)",
            arguments: ["--socket-dir", socketDirectory, "--data-dir", directory.appending("data/\(name)"), "--log-level", "warning"] + arguments,
            logPath: directory.appending("\(name).log"))
    }

    /// Starts the process and waits for the readiness line.
    public func start(timeout: Duration = .seconds(30)) async throws {
        defer { try? logHandle.close() }
        try process.run()
        let deadline = ContinuousClock.now.advanced(by: timeout)
        while ContinuousClock.now < deadline {
            if log.contains("BINAKARIER READY") { return }
            if !process.isRunning { break }
            try await Task.sleep(for: .milliseconds(20))
        }
        throw Failure.notReady(name: process.executableURL?.lastPathComponent ?? "daemon", log: log)
    }

    /// The repository root, for tests that run the tools/ scripts.
    public static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// Runs a command to completion off the cooperative pool and returns its exit status and stdout.
    /// - Parameters:
    ///   - executable: a product of this package (found next to the test bundle) or an absolute path.
    ///   - input: written to the command's standard input, which is then closed.
    ///   - includingErrors: stderr joins stdout in `output` (for what a command says when it refuses).
    public static func run(
        _ executable: String, _ arguments: [String], input: String? = nil, environment: [String: String] = [:],
        includingErrors: Bool = false
    ) async throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = executable.hasPrefix("/") ? URL(fileURLWithPath: executable) : binaryDirectory.appendingPathComponent(executable)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let pipe = Pipe()
        process.standardOutput = pipe
        if includingErrors { process.standardError = pipe }
        let stdin = Pipe()
        process.standardInput = stdin
        try process.run()
        if let input { stdin.fileHandleForWriting.write(Data(input.utf8)) }
        try stdin.fileHandleForWriting.close()
        let output: Data = await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: pipe.fileHandleForReading.readDataToEndOfFile()) }
        }
        try await waitUntilExited(process, within: .seconds(120))
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }

    public var log: String { (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? "" }

    public var isRunning: Bool { process.isRunning }

    /// SIGTERM, then waits for the exit status.
    @discardableResult
    public func terminate() async -> Int32 {
        if process.isRunning { process.terminate() }
        return await waitForExit()
    }

    /// SIGKILL: no chance to clean up, as in a crash or power loss.
    @discardableResult
    public func kill() async -> Int32 {
        if process.isRunning { Foundation.kill(process.processIdentifier, SIGKILL) }
        return await waitForExit()
    }

    /// Waits for the process to end; one that has not after a minute is killed (a test must never hang).
    public func waitForExit() async -> Int32 {
        do {
            try await Self.waitUntilExited(process, within: .seconds(60))
        } catch {
            Foundation.kill(process.processIdentifier, SIGKILL)
            try? await Self.waitUntilExited(process, within: .seconds(10))
        }
        return process.isRunning ? -1 : process.terminationStatus
    }

    public struct StillRunning: Error, CustomStringConvertible {
        public let name: String
        public var description: String { "\(name) still running" }
    }

    static func waitUntilExited(_ process: Process, within limit: Duration) async throws {
        let deadline = ContinuousClock.now.advanced(by: limit)
        while process.isRunning {
            guard ContinuousClock.now < deadline else { throw StillRunning(name: process.executableURL?.lastPathComponent ?? "process") }
            try await Task.sleep(for: .milliseconds(10))
        }
    }
}
