// bk-reportingd: the reporting service daemon. Wiring only; the service lives in Modules/Reporting.
import ArgumentParser
import BKAuth
import BKDaemon
import BKRPC
import Foundation
import Reporting

@main
struct ReportingDaemon: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bk-reportingd",
        abstract: "BinaKarier reporting service: outcome data, IP ASN, program/agency/city/person reports and their exports, on <socket-dir>/reporting.sock.")

    @OptionGroup var options: DaemonOptions

    @Option(help: "Counts under this many people are hidden in group reports (at least 5).")
    var minimumGroup = 5

    @Option(help: "Verified JP a year each PNS is entitled to (PP 11/2017: 20).")
    var jpTarget = 20

    @Option(help: "A JSON file replacing IP ASN weights and items (defaults: PermenPANRB 38/2018; see Modules/Reporting/README.md).")
    var ipAsnRules: String?

    @Option(help: "Seconds between sync rounds (programs' and feedback's feeds, results).")
    var syncSeconds: Double = 5

    @Option(help: "Seconds between re-reading identity's list of employees and agencies.")
    var identitySeconds = 300

    @Option(help: "Seconds between polls of identity's token feed (revocations, keys).")
    var revocationPollSeconds: Double = 5

    func validate() throws {
        guard minimumGroup >= 5 else { throw ValidationError("--minimum-group is at least 5: smaller groups identify people") }
        guard (1...200).contains(jpTarget) else { throw ValidationError("--jp-target must be 1 to 200") }
        guard syncSeconds > 0, identitySeconds > 0, revocationPollSeconds > 0, revocationPollSeconds <= 60 else { throw ValidationError("intervals must be above 0") }
    }

    func run() async throws {
        var settings = ReportingService.Configuration()
        settings.report.k = minimumGroup
        settings.report.jpTarget = jpTarget
        if let path = ipAsnRules {
            do {
                settings.report.ipAsn = try IpAsnRules.read(json: Array(try Data(contentsOf: URL(fileURLWithPath: path))))
            } catch {
                throw ValidationError("--ip-asn-rules \(path): \(error)")
            }
        }
        try await Daemon.run(name: .reporting, configuration: try options.resolve()) { configuration, logger, resources in
            let store = try await resources.open("reporting store") {
                try ReportingStore.open(directory: configuration.dataDirectory)
            } close: { store in try? store.close() }
            let identity = RPCClient(socketPath: configuration.socketPath(for: .identity))
            let programs = RPCClient(socketPath: configuration.socketPath(for: .programs))
            let feedback = RPCClient(socketPath: configuration.socketPath(for: .feedback))
            resources.onClose("peer clients") {
                await identity.close()
                await programs.close()
                await feedback.close()
            }
            let authenticator = TokenAuthenticator()
            let follower = TokenFeedFollower(
                client: .init(identity), authenticator: authenticator,
                pollInterval: .milliseconds(Int(revocationPollSeconds * 1000)), logger: logger)
            let replicator = Replicator(
                store: store, sources: LiveSources(identity: identity, programs: programs, feedback: feedback),
                interval: .milliseconds(Int(syncSeconds * 1000)), identitySeconds: Int64(identitySeconds), logger: logger)
            // Published reports are sealed with the daemon's own key; XLSX scratch files stay in its data directory.
            let signingKey = try SigningKey.loadOrCreate(at: "\(configuration.dataDirectory)/report-signing.key")
            var settings = settings
            settings.temporaryDirectory = try ReportingStore.scratchDirectory(in: configuration.dataDirectory)
            let service = ReportingService(store: store, configuration: settings, replicator: replicator, signingKey: signingKey)
            logger.info("reporting ready", metadata: ["minimum_group": "\(settings.report.k)"])
            return DaemonComponents(services: [service], authenticator: authenticator, background: [follower, replicator])
        }
    }
}
