// bk-feedbackd: the feedback service daemon. Wiring only; the service lives in Modules/Feedback.
import ArgumentParser
import BKAuth
import BKDaemon
import BKRPC
import Feedback

@main
struct FeedbackDaemon: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bk-feedbackd",
        abstract: "BinaKarier feedback service: evaluation forms and tests, IKM, leadership dialogues and action items, on <socket-dir>/feedback.sock.")

    @OptionGroup var options: DaemonOptions

    @Option(help: "Results of groups under this many respondents are hidden (at least 5).")
    var minimumGroup = 5

    @Option(help: "Days after a session ends at which follow-ups (L3) open, comma-separated.")
    var followUpDays = "60,90"

    @Option(help: "Days a reaction form (L1) stays open.")
    var reactionDays = 7

    @Option(help: "Public (IKM) answers accepted per campaign per minute.")
    var publicAnswersPerMinute = 120

    @Option(help: "A file of more abusive words (one a line, # comments) that hold an anonymous aspiration for moderation, besides the built-in list.")
    var abusiveWords: String?

    @Option(help: "Reports by this many participants hold an anonymous aspiration for moderation.")
    var reportsToHold = 2

    @Option(help: "Seconds between rounds of the scheduler (programs' feed, due campaigns, closing, results).")
    var schedulerSeconds: Double = 5

    @Option(help: "Seconds between polls of identity's token feed (revocations, keys).")
    var revocationPollSeconds: Double = 5

    func validate() throws {
        guard minimumGroup >= 5 else { throw ValidationError("--minimum-group is at least 5: smaller groups identify people") }
        guard parsedWaves() != nil else { throw ValidationError("--follow-up-days takes days separated by commas, e.g. 60,90") }
        guard publicAnswersPerMinute > 0 else { throw ValidationError("--public-answers-per-minute must be above 0") }
        guard (1...60).contains(reactionDays) else { throw ValidationError("--reaction-days must be 1 to 60") }
        guard (1...50).contains(reportsToHold) else { throw ValidationError("--reports-to-hold must be 1 to 50") }
        guard schedulerSeconds > 0, revocationPollSeconds > 0, revocationPollSeconds <= 60 else { throw ValidationError("intervals must be above 0") }
    }

    func parsedWaves() -> [Int32]? {
        let waves = followUpDays.split(separator: ",").map { Int32($0.trimmingCharacters(in: .whitespaces)) }
        guard !waves.isEmpty, waves.allSatisfy({ ($0 ?? 0) > 0 && ($0 ?? 0) <= 730 }) else { return nil }
        return waves.compactMap { $0 }
    }

    func run() async throws {
        var settings = FeedbackService.Configuration()
        settings.minimumGroup = minimumGroup
        settings.followUpWaves = parsedWaves() ?? [60, 90]
        settings.reactionDays = reactionDays
        settings.publicAnswersPerMinute = publicAnswersPerMinute
        settings.reportsToHold = reportsToHold
        if let abusiveWords {
            do {
                settings.abusiveWords = try AbusiveWords.withFile(abusiveWords)
            } catch {
                throw ValidationError("--abusive-words: \(abusiveWords) cannot be read: \(error)")
            }
        }
        try await Daemon.run(name: .feedback, configuration: try options.resolve()) { configuration, logger, resources in
            let store = try await resources.open("feedback store") {
                try await FeedbackStore.open(directory: configuration.dataDirectory)
            } close: { store in try? store.close() }
            let identity = RPCClient(socketPath: configuration.socketPath(for: .identity))
            let programs = RPCClient(socketPath: configuration.socketPath(for: .programs))
            resources.onClose("peer clients") {
                await identity.close()
                await programs.close()
            }
            let authenticator = TokenAuthenticator()
            let follower = TokenFeedFollower(
                client: .init(identity), authenticator: authenticator,
                pollInterval: .milliseconds(Int(revocationPollSeconds * 1000)), logger: logger)
            let service = FeedbackService(store: store, peers: LivePeers(identity: identity, programs: programs), configuration: settings)
            let scheduler = CampaignScheduler(service: service, interval: .milliseconds(Int(schedulerSeconds * 1000)), logger: logger)
            logger.info("feedback ready", metadata: ["minimum_group": "\(settings.minimumGroup)"])
            return DaemonComponents(services: [service], authenticator: authenticator, background: [follower, scheduler])
        }
    }
}
