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

    public init(binary name: String, arguments: [String], environment: [String: String] = [:], logPath: String) throws {
        let binary = Self.binaryDirectory.appendingPathComponent(name)
        guard FileManager.default.isExecutableFile(atPath: binary.path) else { throw Failure.binaryNotFound(binary.path) }
        self.logPath = logPath
        FileManager.default.createFile(atPath: logPath, contents: nil)
        process.executableURL = binary
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: logPath))
        process.standardOutput = FileHandle.nullDevice
    }

    /// Starts the process and waits for the readiness line.
    public func start(timeout: Duration = .seconds(30)) async throws {
        try process.run()
        let deadline = ContinuousClock.now.advanced(by: timeout)
        while ContinuousClock.now < deadline {
            if log.contains("BINAKARIER READY") { return }
            if !process.isRunning { break }
            try await Task.sleep(for: .milliseconds(20))
        }
        throw Failure.notReady(name: process.executableURL?.lastPathComponent ?? "daemon", log: log)
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

    public func waitForExit() async -> Int32 {
        while process.isRunning { try? await Task.sleep(for: .milliseconds(10)) }
        return process.terminationStatus
    }
}
