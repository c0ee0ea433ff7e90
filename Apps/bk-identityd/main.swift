// bk-identityd: the identity service daemon. Wiring only; the service lives in Modules/Identity.
import ArgumentParser
import Foundation
import BKAuth
import BKDaemon
import BKRPC
import Identity

@main
struct IdentityDaemon: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bk-identityd",
        abstract: "BinaKarier identity service: ASN by NIP, agencies, accounts and tokens, on <socket-dir>/identity.sock.")

    @OptionGroup var options: DaemonOptions

    @Option(help: "Hours a login token stays valid.")
    var tokenLifetimeHours: Int = 8

    @Option(help: "Password hashes (Argon2id, 64 MiB each) computed at once.")
    var passwordHashConcurrency: Int = 2

    @Option(help: "Uids of the BinaKarier daemons, comma-separated: they may read the token feed and ask for service tokens (default: root and this daemon's uid). Their uids must be allowed on the socket too (--allowed-peers).")
    var serviceUids: String?

    func validate() throws {
        guard (1...168).contains(tokenLifetimeHours) else { throw ValidationError("--token-lifetime-hours must be 1 to 168") }
        guard (1...16).contains(passwordHashConcurrency) else { throw ValidationError("--password-hash-concurrency must be 1 to 16") }
        _ = try parsedServiceUIDs()
    }

    func parsedServiceUIDs() throws -> Set<UInt32>? {
        guard let serviceUids else { return nil }
        let uids = serviceUids.split(separator: ",").map { UInt32($0.trimmingCharacters(in: .whitespaces)) }
        guard !uids.isEmpty, uids.allSatisfy({ $0 != nil }) else {
            throw ValidationError("--service-uids takes uids separated by commas, e.g. 0,998")
        }
        return Set(uids.compactMap { $0 })
    }

    func run() async throws {
        let configuration = try options.resolve()
        try await Daemon.run(name: .identity, configuration: configuration) { configuration, logger, resources in
            let store = try await resources.open("identity store") {
                try SQLiteIdentityStore.open(directory: configuration.dataDirectory)
            } close: { store in try? store.close() }
            let keys = try SigningKeyRing(directory: configuration.dataDirectory)
            let hasher = PasswordHasher(concurrency: passwordHashConcurrency)
            resources.onClose("password hasher") { await hasher.shutdown() }
            var settings = IdentityService.Configuration()
            settings.tokenLifetime = Int64(tokenLifetimeHours) * 3600
            if let uids = try parsedServiceUIDs() { settings.serviceUIDs = uids }
            let service = try await IdentityService.make(store: store, keys: keys, hasher: hasher, configuration: settings)
            logger.info("identity ready", metadata: ["key_id": "\(keys.active.keyID)"])
            return DaemonComponents(services: [service, service.tokenService], authenticator: service.authenticator)
        }
    }
}
