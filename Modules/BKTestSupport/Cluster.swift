import BKProto
import BKRPC
import Foundation
import NIOConcurrencyHelpers

/// Real daemon binaries on a temporary socket directory and data directory: started in dependency order
/// (the order of `DaemonName.allCases`), each awaited until its health check says SERVING; logged-in
/// clients per role; SIGKILL and restart of any one. End-to-end tests use it, and `tools/run` starts
/// the same list of daemons.
public final class Cluster: Stoppable {
    public let directory: TemporaryDirectory
    public let socketDirectory: String
    public let tokenFile: String
    private let daemons: [DaemonName]
    private let arguments: [DaemonName: [String]]
    private let processes = NIOLockedValueBox<[DaemonName: DaemonProcess]>([:])
    private let clients = NIOLockedValueBox<[DaemonName: RPCClient]>([:])
    private let tokens = NIOLockedValueBox<[String: String]>([:])

    /// The password of every account `Cluster` creates.
    public static let password = "kata-sandi-uji-2026"

    /// Starts `daemons` (with extra `arguments` each) and waits until every one serves.
    public init(_ daemons: [DaemonName], arguments: [DaemonName: [String]] = [:]) async throws {
        directory = try TemporaryDirectory()
        socketDirectory = directory.appending("run")
        tokenFile = directory.appending("token")
        self.daemons = DaemonName.allCases.filter(daemons.contains)
        self.arguments = arguments
        do {
            for daemon in self.daemons { try await start(daemon) }
        } catch {
            await stop()
            throw error
        }
    }

    /// Runs `body` with a started cluster and always stops it.
    public static func with<T>(
        _ daemons: [DaemonName], arguments: [DaemonName: [String]] = [:], _ body: (Cluster) async throws -> T
    ) async throws -> T {
        try await Cluster(daemons, arguments: arguments).stopping(after: body)
    }

    /// `<dir>/data/<daemon>`: each daemon's own data directory.
    public func dataDirectory(_ daemon: DaemonName) -> String { directory.appending("data/\(daemon)") }

    public func process(_ daemon: DaemonName) -> DaemonProcess? { processes.withLockedValue { $0[daemon] } }

    /// Starts (or starts again) one daemon and waits for its health check.
    public func start(_ daemon: DaemonName) async throws {
        let process = try DaemonProcess(
            binary: daemon.executableName,
            arguments: ["--socket-dir", socketDirectory, "--data-dir", dataDirectory(daemon)]
                + (daemon == .gateway ? ["--http-address", "127.0.0.1:0"] : []) + (arguments[daemon] ?? []),
            logPath: directory.appending("\(daemon)-\(UInt32.random(in: 0...UInt32.max)).log"))
        try await process.start()
        processes.withLockedValue { $0[daemon] = process }
        try await waitUntilServing(daemon)
    }

    /// The gateway's `HOST:PORT` from its readiness line (it listens on a free port), or nil when the
    /// cluster runs no gateway.
    public var gatewayAddress: String? {
        guard let log = process(.gateway)?.log,
              let line = log.split(separator: "\n").first(where: { $0.contains("BINAKARIER READY daemon=gateway") }),
              let field = line.split(separator: " ").first(where: { $0.hasPrefix("http=") })
        else { return nil }
        return String(field.dropFirst("http=".count))
    }

    /// Polls the health service until the daemon says SERVING.
    public func waitUntilServing(_ daemon: DaemonName, within limit: Duration = .seconds(30)) async throws {
        let health = Binakarier_Health_V1_Health.Client(client(daemon))
        let deadline = ContinuousClock.now.advanced(by: limit)
        while true {
            if let answer = try? await health.check(options: .init(timeout: .seconds(2))), answer.status == .serving { return }
            guard ContinuousClock.now < deadline else { throw DaemonProcess.StillRunning(name: "\(daemon) never became healthy") }
            try await Task.sleep(for: .milliseconds(20))
        }
    }

    /// SIGKILL, as a crash or power loss would.
    public func kill(_ daemon: DaemonName) async {
        guard let process = processes.withLockedValue({ $0.removeValue(forKey: daemon) }) else { return }
        await process.kill()
    }

    public func restart(_ daemon: DaemonName) async throws {
        await kill(daemon)
        try await start(daemon)
    }

    /// SIGTERM to every daemon (last started first), closes the clients and removes the directory.
    public func stop() async {
        for client in clients.withLockedValue({ Array($0.values) }) { await client.close() }
        for daemon in daemons.reversed() {
            if let process = processes.withLockedValue({ $0.removeValue(forKey: daemon) }) { await process.terminate() }
        }
        directory.remove()
    }

    /// One client per daemon, on its socket in this cluster.
    public func client(_ daemon: DaemonName) -> RPCClient {
        clients.withLockedValue { clients in
            if let client = clients[daemon] { return client }
            let client = RPCClient(socketPath: daemon.socketPath(in: socketDirectory), defaultTimeout: .seconds(120))
            clients[daemon] = client
            return client
        }
    }

    public var identity: Binakarier_Identity_V1_IdentityService.Client { .init(client(.identity)) }

    /// The administrator `admin` (bootstrapped on first use) and its token.
    public func administratorToken() async throws -> String {
        if let token = tokens.withLockedValue({ $0["admin"] }) { return token }
        _ = try? await identity.bootstrapAdministrator(.init(username: "admin", password: Self.password))
        return try await login("admin")
    }

    /// Logs `username` in with the cluster's password and remembers the token.
    @discardableResult
    public func login(_ username: String, password: String = Cluster.password) async throws -> String {
        let token = try await identity.login(.init(username: username, password: password)).token
        tokens.withLockedValue { $0[username] = token }
        return token
    }

    /// A token for someone holding `role`: an operator account for organiser or administrator; for the
    /// roles that follow from the records, a person of the `ClusterPeople` agency (created on first use).
    public func token(for role: Binakarier_Auth_V1_Role) async throws -> String {
        let admin = try await administratorToken()
        if role == .administrator { return admin }
        let username = try await ClusterPeople.account(for: role, in: self, admin: admin)
        if let token = tokens.withLockedValue({ $0[username] }) { return token }
        return try await login(username)
    }

    /// Runs bkctl against this cluster, with its own token file; returns its exit status and output.
    public func bkctl(_ arguments: [String], input: String? = nil, environment: [String: String] = [:]) async throws -> (status: Int32, output: String) {
        try await DaemonProcess.run(
            "bkctl", arguments + ["--socket-dir", socketDirectory], input: input,
            environment: ["BINAKARIER_TOKEN_FILE": tokenFile].merging(environment) { $1 })
    }
}

/// The people a cluster creates when a test asks for a role: agency UJI with a head, a supervisor and
/// a staff member reporting to them, each with an account named by NIP.
public enum ClusterPeople {
    public static let agency = "UJI"
    public static let head = Binakarier_Identity_V1_Employee(
        nip: "196805121990031003", name: "Kepala Uji", asnType: .pns, golongan: .ivC, jobLevel: .jptPratama, agencyCode: agency)
    public static let supervisor = Binakarier_Identity_V1_Employee(
        nip: "198703152010011001", name: "Atasan Uji", asnType: .pns, golongan: .iiiD, jobLevel: .administrator,
        agencyCode: agency, supervisorNip: head.nip)
    public static let staff = Binakarier_Identity_V1_Employee(
        nip: "199212242019032002", name: "Staf Uji", asnType: .pns, golongan: .iiiA, agencyCode: agency, supervisorNip: supervisor.nip)

    static func account(for role: Binakarier_Auth_V1_Role, in cluster: Cluster, admin: String) async throws -> String {
        let identity = Binakarier_Identity_V1_IdentityService.Client(cluster.client(.identity), metadata: .bearer(admin))
        if (try? await identity.getAgency(.init(code: agency))) == nil {
            _ = try await identity.createAgency(.init(agency: .init(code: agency, name: "Badan Uji", kind: .badan)))
            for person in [head, supervisor, staff] { _ = try await identity.createEmployee(.init(employee: person)) }
            _ = try await identity.updateAgency(.init(agency: .init(code: agency, headNip: head.nip), updateMask: .init(paths: ["head_nip"])))
        }
        let (username, roles): (String, [Binakarier_Auth_V1_Role]) = switch role {
        case .organizer: ("penyelenggara", [.organizer])
        case .agencyHead: (head.nip, [])
        case .supervisor: (supervisor.nip, [])
        default: (staff.nip, [])
        }
        let nip = username.allSatisfy(\.isNumber) ? username : ""
        _ = try? await identity.createAccount(.init(username: username, password: Cluster.password, roles: roles, nip: nip))
        return username
    }
}
