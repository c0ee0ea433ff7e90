/// The daemons of BinaKarier, the one place their socket file names and binaries are spelled.
/// Listed in dependency order: a daemon only calls daemons listed before it.
public enum DaemonName: String, CaseIterable, Sendable, Hashable, CustomStringConvertible {
    case identity
    case programs
    case feedback
    case reporting
    case gateway
    /// The echo daemon of tests and benchmarks; no product runs it.
    case echo

    /// The daemons of the running system, in start order: `tools/run` starts these (through
    /// `bk-system daemons`). Adding a daemon is one line here.
    public static let system: [DaemonName] = [.identity, .programs, .feedback, .reporting, .gateway]

    /// `identity.sock`: the file name of its socket in the socket directory.
    public var socketFileName: String { "\(rawValue).sock" }

    /// `<directory>/identity.sock`.
    public func socketPath(in directory: String) -> String { "\(directory)/\(socketFileName)" }

    /// The executable's name: `bk-identityd`, `bk-gateway`, `bk-echod`.
    public var executableName: String { self == .gateway ? "bk-gateway" : "bk-\(rawValue)d" }

    /// The name of its database in its data directory (`<name>.sqlite`): the gateway keeps only its
    /// web sessions.
    public var databaseName: String { self == .gateway ? "sessions" : rawValue }

    public var description: String { rawValue }
}
