// bk-programsd: the programs service daemon. Wiring only; the service lives in Modules/Programs.
import ArgumentParser
import BKAuth
import BKDaemon
import BKRPC
import Programs

@main
struct ProgramsDaemon: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bk-programsd",
        abstract: "BinaKarier programs service: catalogue, sessions, enrolment, attendance, certificates and the JP ledger, on <socket-dir>/programs.sock.")

    @OptionGroup var options: DaemonOptions

    @Option(help: "Certificate numbers: {year} and {seq:N} (N digits) are filled in, e.g. 800/BKPSDM-SWL/{year}/{seq:4}.")
    var certificateFormat = ProgramRules.Settings().certificateFormat

    @Option(help: "Duty letter (surat tugas) numbers: {year} and {seq:N}, e.g. 800.1.11.1/{seq:4}/BKPSDM/{year}.")
    var dutyLetterFormat = ProgramRules.Settings().dutyLetterFormat

    @Option(help: "Working days a supervisor (or agency head) has to decide a request before the reminder.")
    var supervisorApprovalDays = ProgramRules.Settings().supervisorApprovalDays

    @Option(help: "Working days BKPSDM has to confirm a request the supervisor approved before the reminder.")
    var bkpsdmApprovalDays = ProgramRules.Settings().bkpsdmApprovalDays

    @Option(help: "Yearly JP every PNS has a right to (PP 11/2017).")
    var pnsMinimumJp: Int32 = 20

    @Option(help: "Yearly JP ceiling of a PPPK (PP 49/2018).")
    var pppkCeilingJp: Int32 = 24

    @Option(help: "Seconds between polls of identity's token feed (revocations, keys).")
    var revocationPollSeconds: Double = 5

    func validate() throws {
        guard ProgramRules.isValidCertificateFormat(certificateFormat) else {
            throw ValidationError("--certificate-format needs {year} and {seq} or {seq:N}")
        }
        guard ProgramRules.isValidCertificateFormat(dutyLetterFormat) else {
            throw ValidationError("--duty-letter-format needs {year} and {seq} or {seq:N}")
        }
        guard (1...60).contains(supervisorApprovalDays), (1...60).contains(bkpsdmApprovalDays) else {
            throw ValidationError("approval time limits are 1 to 60 working days")
        }
        guard (1...200).contains(pnsMinimumJp), (1...200).contains(pppkCeilingJp) else { throw ValidationError("JP limits are 1 to 200") }
        guard revocationPollSeconds > 0, revocationPollSeconds <= 60 else { throw ValidationError("--revocation-poll-seconds must be above 0 and at most 60") }
    }

    func run() async throws {
        var settings = ProgramRules.Settings()
        settings.certificateFormat = certificateFormat
        settings.dutyLetterFormat = dutyLetterFormat
        settings.supervisorApprovalDays = supervisorApprovalDays
        settings.bkpsdmApprovalDays = bkpsdmApprovalDays
        settings.pnsMinimumJP = pnsMinimumJp
        settings.pppkCeilingJP = pppkCeilingJp
        try await Daemon.run(name: .programs, configuration: try options.resolve()) { configuration, logger, resources in
            let store = try await resources.open("programs store") {
                try ProgramsStore.open(directory: configuration.dataDirectory, settings: settings)
            } close: { store in try? store.close() }
            let identity = RPCClient(socketPath: configuration.socketPath(for: .identity))
            resources.onClose("identity client") { await identity.close() }
            let authenticator = TokenAuthenticator()
            let follower = TokenFeedFollower(
                client: .init(identity), authenticator: authenticator,
                pollInterval: .milliseconds(Int(revocationPollSeconds * 1000)), logger: logger)
            var service = ProgramsService.Configuration()
            service.rules = settings
            let programs = ProgramsService(store: store, directory: IdentityDirectory(client: identity), configuration: service)
            logger.info("programs ready", metadata: ["certificate_format": "\(certificateFormat)"])
            let reminders = ApprovalReminders(store: store, logger: logger)
            return DaemonComponents(services: [programs], authenticator: authenticator, background: [follower, reminders])
        }
    }
}
