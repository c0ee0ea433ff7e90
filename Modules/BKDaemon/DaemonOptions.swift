import ArgumentParser
import BKRPC
import Foundation
import Logging

/// The options every daemon takes. Each flag falls back to an environment variable, then a default.
public struct DaemonOptions: ParsableArguments, Sendable {
    @Option(help: "Directory of the daemons' sockets (env BINAKARIER_SOCKET_DIR; default /run/binakarier).")
    public var socketDir: String?

    @Option(help: "Directory of this daemon's data (env BINAKARIER_DATA_DIR; default /var/lib/binakarier).")
    public var dataDir: String?

    @Option(help: "trace, debug, info, notice, warning, error or critical (env BINAKARIER_LOG_LEVEL; default info).")
    public var logLevel: String?

    @Option(help: "Peers allowed to connect: uid:N, gid:N or a bare uid, comma-separated (env BINAKARIER_ALLOWED_PEERS; default this daemon's uid and root).")
    public var allowedPeers: String?

    @Option(help: "Seconds that calls in flight may run on after shutdown begins (env BINAKARIER_DRAIN_TIMEOUT; default 10).")
    public var drainTimeout: Double?

    @Option(help: ArgumentHelp("Copy this daemon's database to FILE while the daemon runs (SQLite's online backup), then exit.", valueName: "FILE"))
    public var backupTo: String?

    @Option(help: ArgumentHelp("Replace this daemon's database with the backup FILE, then exit; the daemon must be stopped.", valueName: "FILE"))
    public var restoreFrom: String?

    public init() {}

    /// Resolves flags, then the environment, then defaults, and checks every value.
    public func resolve(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> DaemonConfiguration {
        func value(_ flag: String?, _ variable: String) -> String? {
            if let flag { return flag }
            if let env = environment[variable], !env.isEmpty { return env }
            return nil
        }
        let levelText = value(logLevel, "BINAKARIER_LOG_LEVEL") ?? "info"
        guard let level = Logger.Level(rawValue: levelText.lowercased()) else {
            throw ValidationError("log level '\(levelText)' is not one of trace, debug, info, notice, warning, error, critical")
        }
        let peers: PeerAllowList
        if let text = value(allowedPeers, "BINAKARIER_ALLOWED_PEERS") {
            do {
                peers = try PeerAllowList(parsing: text)
            } catch {
                throw ValidationError("allowed peers: \(error)")
            }
        } else {
            peers = .ownerAndRoot
        }
        let drainText = drainTimeout.map { String($0) } ?? environment["BINAKARIER_DRAIN_TIMEOUT"] ?? "10"
        guard let drainSeconds = Double(drainText), drainSeconds >= 0, drainSeconds < 3600 else {
            throw ValidationError("drain timeout '\(drainText)' must be a number of seconds from 0 to 3600")
        }
        if backupTo != nil, restoreFrom != nil { throw ValidationError("--backup-to and --restore-from are two separate runs") }
        let maintenance: DatabaseMaintenance? =
            if let backupTo { .backup(to: backupTo) } else if let restoreFrom { .restore(from: restoreFrom) } else { nil }
        return DaemonConfiguration(
            socketDirectory: value(socketDir, "BINAKARIER_SOCKET_DIR") ?? "/run/binakarier",
            dataDirectory: value(dataDir, "BINAKARIER_DATA_DIR") ?? "/var/lib/binakarier",
            logLevel: level,
            allowedPeers: peers,
            drainTimeout: .milliseconds(Int(drainSeconds * 1000)),
            maintenance: maintenance)
    }
}

/// A run that copies or replaces the daemon's database instead of serving.
public enum DatabaseMaintenance: Sendable, Hashable {
    case backup(to: String)
    case restore(from: String)
}

/// A daemon's resolved settings.
public struct DaemonConfiguration: Sendable, Hashable {
    public var socketDirectory: String
    public var dataDirectory: String
    public var logLevel: Logger.Level
    public var allowedPeers: PeerAllowList
    public var drainTimeout: Duration
    /// Set for `--backup-to` or `--restore-from`: the daemon does that and exits.
    public var maintenance: DatabaseMaintenance? = nil

    /// Where the daemon `name` listens and its clients connect.
    public func socketPath(for name: DaemonName) -> String {
        name.socketPath(in: socketDirectory)
    }
}
