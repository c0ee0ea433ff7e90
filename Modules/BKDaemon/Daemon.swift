import BKProto
import BKRPC
import BKStore
import Foundation
import Logging
import Metrics
import NIOConcurrencyHelpers
import Prometheus
import ServiceLifecycle

/// What a daemon's main hands to ``Daemon/run(name:configuration:setUp:)``.
public struct DaemonComponents: Sendable {
    public var services: [any RPCService]
    /// Verifies bearer tokens for methods whose policy needs one; nil for a daemon with no such method.
    public var authenticator: (any CallerAuthenticating)?
    /// Lifecycle services that run beside the RPC server (token feed, schedulers): started before it,
    /// stopped after it has drained.
    public var background: [any Service]
    /// Awaited after the socket listens and before the readiness line is printed, for a daemon that is
    /// not ready until something beside its socket is (the gateway's HTTP listener). What it returns is
    /// added to the line (`http=127.0.0.1:8080`).
    public var ready: (@Sendable () async throws -> String?)?

    public init(
        services: [any RPCService], authenticator: (any CallerAuthenticating)? = nil, background: [any Service] = [],
        ready: (@Sendable () async throws -> String?)? = nil
    ) {
        self.services = services
        self.authenticator = authenticator
        self.background = background
        self.ready = ready
    }
}

/// What a daemon opened while starting, closed in reverse order when it stops, or at once if start-up
/// fails half-way (so a failed start leaves no database open and no file locked).
public final class DaemonResources: Sendable {
    private let closers = NIOLockedValueBox<[(name: String, close: @Sendable () async -> Void)]>([])
    private let logger: Logger

    init(logger: Logger) { self.logger = logger }

    /// Remembers how to close something just opened; storage is opened first and so closed last.
    public func onClose(_ name: String, _ close: @escaping @Sendable () async -> Void) {
        closers.withLockedValue { $0.append((name, close)) }
    }

    /// Opens something and registers its closing in one step.
    public func open<T>(_ name: String, _ open: () async throws -> T, close: @escaping @Sendable (T) async -> Void) async throws -> T
    where T: Sendable {
        let value = try await open()
        onClose(name) { await close(value) }
        return value
    }

    func closeAll() async {
        let all = closers.withLockedValue { closers in
            defer { closers = [] }
            return closers
        }
        for closer in all.reversed() {
            await closer.close()
            logger.debug("closed", metadata: ["resource": "\(closer.name)"])
        }
    }
}

/// The life of a daemon process, the same for every BinaKarier service.
public enum Daemon {
    /// The line a daemon prints on stderr once it accepts calls; harnesses and operators wait for it.
    public static func readinessLine(name: DaemonName, socketPath: String, detail: String? = nil) -> String {
        "BINAKARIER READY daemon=\(name) socket=\(socketPath) pid=\(getpid())" + (detail.map { " " + $0 } ?? "")
    }

    /// Sets up logging and metrics, lets `setUp` open what the daemon owns (registering each closing with
    /// `resources`), serves its services until SIGTERM or SIGINT, drains, then closes in reverse order.
    public static func run(
        name: DaemonName, configuration: DaemonConfiguration,
        setUp: (DaemonConfiguration, Logger, DaemonResources) async throws -> DaemonComponents
    ) async throws {
        if let maintenance = configuration.maintenance {
            return try runMaintenance(maintenance, name: name, configuration: configuration)
        }
        let lock = try DataDirectoryLock(directory: configuration.dataDirectory, name: name)
        defer { withExtendedLifetime(lock) {} }  // held until the daemon has stopped
        let level = configuration.logLevel
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        let logger = Logger(label: "binakarier.\(name)")
        let resources = DaemonResources(logger: logger)
        do {
            let components = try await setUp(configuration, logger, resources)
            var router = RPCRouter(authenticator: components.authenticator)
            for service in components.services { router.register(service) }
            router.register(MetricsService(registry: registry))
            try router.validate()
            let server = RPCServer(
                configuration: .init(
                    socketPath: configuration.socketPath(for: name), allowedPeers: configuration.allowedPeers,
                    drainTimeout: configuration.drainTimeout),
                router: router, logger: logger)
            let services = components.background.map { ServiceGroupConfiguration.ServiceConfiguration(service: $0) }
                + [.init(service: RPCServerService(server: server, name: name, ready: components.ready, logger: logger))]
            // Services stop in reverse order: the server drains first, then what runs beside it.
            let group = ServiceGroup(
                configuration: .init(services: services, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
            try await group.run()
        } catch {
            await resources.closeAll()
            throw error
        }
        await resources.closeAll()
        logger.info("stopped cleanly")
    }
}

extension Daemon {
    /// `--backup-to` and `--restore-from`: what an operator runs beside (backup) or instead of (restore)
    /// the daemon, on the same data directory. Prints what it did on stdout.
    static func runMaintenance(_ maintenance: DatabaseMaintenance, name: DaemonName, configuration: DaemonConfiguration) throws {
        let database = Store.path(directory: configuration.dataDirectory, name: name.databaseName)
        switch maintenance {
        case .backup(let target):
            let bytes = try Store.backup(directory: configuration.dataDirectory, name: name.databaseName, to: target)
            print("\(name): backed up \(database) to \(target) (\(bytes) bytes, one consistent snapshot)")
        case .restore(let source):
            // The daemon holds this lock for as long as it runs, whatever socket directory it was given.
            let lock: DataDirectoryLock
            do {
                lock = try DataDirectoryLock(directory: configuration.dataDirectory, name: name)
            } catch let held as DataDirectoryLock.Held {
                throw MaintenanceRefused.daemonRunning(name: name, lock: held.path)
            }
            let kept = try withExtendedLifetime(lock) {
                try Store.restore(directory: configuration.dataDirectory, name: name.databaseName, from: source)
            }
            print("\(name): restored \(database) from \(source)"
                + (kept.map { "; the database it replaced is kept as \($0)" } ?? "") + "; start the daemon to serve it")
        }
    }

    enum MaintenanceRefused: Error, CustomStringConvertible {
        case daemonRunning(name: DaemonName, lock: String)
        var description: String {
            switch self {
            case .daemonRunning(let name, let lock):
                "\(name) is running (it holds \(lock)): stop it before restoring its database; nothing was restored"
            }
        }
    }
}

/// The RPC server as a lifecycle service: start, announce readiness, wait for shutdown, drain.
struct RPCServerService: Service {
    let server: RPCServer
    let name: DaemonName
    let ready: (@Sendable () async throws -> String?)?
    let logger: Logger

    func run() async throws {
        try await server.start()
        let detail = try await ready?()
        FileHandle.standardError.write(
            Data((Daemon.readinessLine(name: name, socketPath: server.configuration.socketPath, detail: detail) + "\n").utf8))
        try? await gracefulShutdown()
        logger.info("shutting down: draining calls in flight")
        await server.shutdown()
    }
}

/// `binakarier.metrics.v1.Metrics`: the daemon's metrics in Prometheus text format.
/// No token: the socket's peer allow-list already limits who reaches it (operators' scrapers).
struct MetricsService: Binakarier_Metrics_V1_Metrics.ServiceProtocol {
    let registry: PrometheusCollectorRegistry

    var policies: Binakarier_Metrics_V1_Metrics.Policies { .init(scrape: .anyone) }

    func scrape(
        _ request: Binakarier_Metrics_V1_ScrapeRequest, context: RPCServerContext
    ) async throws -> Binakarier_Metrics_V1_ScrapeResponse {
        .init(text: registry.emitToString())
    }
}
