import BKProto
import BKRPC
import Foundation
import Logging
import Metrics
import Prometheus
import ServiceLifecycle

/// What a daemon's main hands to ``Daemon/run(name:configuration:setUp:)``.
public struct DaemonComponents: Sendable {
    public var services: [any RPCService]
    /// Runs after the server has drained: close storage here (storage is first up, last down).
    public var close: @Sendable () async -> Void

    public init(services: [any RPCService], close: @escaping @Sendable () async -> Void = {}) {
        self.services = services
        self.close = close
    }
}

/// The life of a daemon process, the same for every BinaKarier service.
public enum Daemon {
    /// The line a daemon prints on stderr once it accepts calls; harnesses and operators wait for it.
    public static func readinessLine(name: String, socketPath: String) -> String {
        "BINAKARIER READY daemon=\(name) socket=\(socketPath) pid=\(getpid())"
    }

    /// Sets up logging and metrics, lets `setUp` open what the daemon owns, serves its services until
    /// SIGTERM or SIGINT, drains, then closes in reverse order.
    public static func run(
        name: String, configuration: DaemonConfiguration,
        setUp: (DaemonConfiguration, Logger) async throws -> DaemonComponents
    ) async throws {
        let level = configuration.logLevel
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        let logger = Logger(label: "binakarier.\(name)")

        let components = try await setUp(configuration, logger)
        var router = RPCRouter()
        for service in components.services { router.register(service) }
        router.register(MetricsService(registry: registry))
        let socketPath = configuration.socketPath(for: name)
        let server = RPCServer(
            configuration: .init(
                socketPath: socketPath, allowedPeers: configuration.allowedPeers, drainTimeout: configuration.drainTimeout),
            router: router, logger: logger)

        let group = ServiceGroup(
            configuration: .init(
                services: [.init(service: RPCServerService(server: server, name: name, logger: logger))],
                gracefulShutdownSignals: [.sigterm, .sigint],
                logger: logger))
        do {
            try await group.run()
        } catch {
            await components.close()
            throw error
        }
        await components.close()
        logger.info("stopped cleanly")
    }
}

/// The RPC server as a lifecycle service: start, announce readiness, wait for shutdown, drain.
struct RPCServerService: Service {
    let server: RPCServer
    let name: String
    let logger: Logger

    func run() async throws {
        try await server.start()
        FileHandle.standardError.write(Data((Daemon.readinessLine(name: name, socketPath: server.configuration.socketPath) + "\n").utf8))
        try? await gracefulShutdown()
        logger.info("shutting down: draining calls in flight")
        await server.shutdown()
    }
}

/// `binakarier.metrics.v1.Metrics`: the daemon's metrics in Prometheus text format.
struct MetricsService: RPCService {
    let registry: PrometheusCollectorRegistry

    func register(in router: inout RPCRouter) {
        router.register(Binakarier_Metrics_V1_Metrics.scrape) { [registry] _, _ in
            .init(text: registry.emitToString())
        }
    }
}
