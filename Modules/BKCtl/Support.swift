import ArgumentParser
import BKProto
import BKRPC
import BKServiceKit
import Foundation

/// The language bkctl speaks: Bahasa Indonesia, or English when LANG starts with "en". Read once.
let commandLineLanguage = Language(tag: ProcessInfo.processInfo.environment["LANG"])

/// Help and messages in the person's language: the Indonesian text, or `english` when LANG starts with "en".
func L(_ indonesian: String, en english: String) -> String {
    commandLineLanguage.pick(id: indonesian, en: english)
}

public enum OutputFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    case table, json
}

/// Flags every command takes.
public struct GlobalOptions: ParsableArguments, Sendable {
    @Option(help: ArgumentHelp(L(
        "Direktori soket daemon (env BINAKARIER_SOCKET_DIR; bawaan /run/binakarier).",
        en: "Directory of the daemons' sockets (env BINAKARIER_SOCKET_DIR; default /run/binakarier).")))
    public var socketDir: String?

    @Option(help: ArgumentHelp(L("Lama menunggu jawaban, dalam detik.", en: "Seconds to wait for an answer.")))
    public var timeout: Double = 30

    @Option(help: ArgumentHelp(L("table atau json.", en: "table or json.")))
    public var output: OutputFormat = .table

    @Option(help: ArgumentHelp(L(
        "Token masuk (env BINAKARIER_TOKEN; bawaan: token yang disimpan oleh `bkctl login`).",
        en: "Login token (env BINAKARIER_TOKEN; default: the one saved by `bkctl login`).")))
    public var token: String?

    public init() {}

    var resolvedSocketDir: String {
        socketDir ?? ProcessInfo.processInfo.environment["BINAKARIER_SOCKET_DIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/run/binakarier"
    }

    func client(_ daemon: DaemonName) -> RPCClient {
        RPCClient(socketPath: daemon.socketPath(in: resolvedSocketDir), defaultTimeout: .milliseconds(Int(timeout * 1000)))
    }

    /// The person's language (from LANG) and, if there is one, their token.
    func metadata(authenticated: Bool) -> RPCMetadata {
        var metadata: RPCMetadata = ["accept-language": commandLineLanguage == .english ? "en" : "id"]
        if authenticated, let token = token ?? ProcessInfo.processInfo.environment["BINAKARIER_TOKEN"] ?? TokenFile.read() {
            metadata.append("authorization", "Bearer \(token)")
        }
        return metadata
    }

    /// Calls the identity daemon through its generated client, turning failures into messages a person
    /// can act on.
    func identity<Output>(
        authenticated: Bool = true,
        _ call: (Binakarier_Identity_V1_IdentityService.Client) async throws -> Output
    ) async throws -> Output {
        try await calling(.identity, authenticated: authenticated, Binakarier_Identity_V1_IdentityService.Client.init(_:metadata:), call)
    }

    /// Calls the programs daemon through its generated client, turning failures into messages a person
    /// can act on.
    func programs<Output>(
        authenticated: Bool = true,
        _ call: (Binakarier_Programs_V1_ProgramsService.Client) async throws -> Output
    ) async throws -> Output {
        try await calling(.programs, authenticated: authenticated, Binakarier_Programs_V1_ProgramsService.Client.init(_:metadata:), call)
    }

    /// Calls the feedback daemon through its generated client, turning failures into messages a person
    /// can act on.
    func feedback<Output>(
        authenticated: Bool = true,
        _ call: (Binakarier_Feedback_V1_FeedbackService.Client) async throws -> Output
    ) async throws -> Output {
        try await calling(.feedback, authenticated: authenticated, Binakarier_Feedback_V1_FeedbackService.Client.init(_:metadata:), call)
    }

    /// Calls the reporting daemon through its generated client, turning failures into messages a person
    /// can act on.
    func reporting<Output>(
        authenticated: Bool = true,
        _ call: (Binakarier_Reporting_V1_ReportingService.Client) async throws -> Output
    ) async throws -> Output {
        try await calling(.reporting, authenticated: authenticated, Binakarier_Reporting_V1_ReportingService.Client.init(_:metadata:), call)
    }

    /// One connection to `daemon` for the length of `call`, through the client `makeClient` builds: an
    /// RPC failure is written to standard error as a `CLIError` and ends the command with its exit code.
    private func calling<ServiceClient, Output>(
        _ daemon: DaemonName,
        authenticated: Bool,
        _ makeClient: (RPCClient, RPCMetadata) -> ServiceClient,
        _ call: (ServiceClient) async throws -> Output
    ) async throws -> Output {
        let rpc = client(daemon)
        defer { Task { await rpc.close() } }
        do {
            return try await call(makeClient(rpc, metadata(authenticated: authenticated)))
        } catch let error as RPCError {
            FileHandle.standardError.write(Data((CLIError(error, socket: rpc.socketPath).description + "\n").utf8))
            throw ExitCode(CLIError.exitCode(error.code))
        }
    }

    /// Prints a message as JSON, or as the text `table` makes, with control characters in stored text
    /// shown escaped (a name must not be able to drive the terminal).
    func print(_ message: some ProtoMessage & Encodable, table: () -> String) throws {
        switch output {
        case .json: Swift.print(try ProtoJSON.encode(message, pretty: true))
        case .table: Swift.print(TextRules.printable(table()))
        }
    }
}

/// An RPC failure explained for a person at a terminal.
struct CLIError: Error, CustomStringConvertible {
    let error: RPCError
    let socket: String

    init(_ error: RPCError, socket: String) {
        self.error = error
        self.socket = socket
    }

    /// 1 for most failures; distinct codes where a script may want to react (log in, wait, retry).
    static func exitCode(_ code: RPCStatusCode) -> Int32 {
        switch code {
        case .unauthenticated: 3
        case .permissionDenied: 4
        case .notFound: 5
        case .alreadyExists: 6
        case .unavailable, .deadlineExceeded: 7
        default: 1
        }
    }

    var description: String {
        var text = L("galat", en: "error") + ": \(TextRules.printable(error.message)) (\(error.code))"
        for violation in error.fieldViolations {
            text += "\n  - \(TextRules.printable(violation.field)): \(TextRules.printable(violation.description))"
        }
        let hint = L("saran", en: "hint")
        switch error.code {
        case .unauthenticated:
            text += "\n\(hint): " + L("masuk dulu dengan `bkctl login NAMA_PENGGUNA`", en: "log in first with `bkctl login USERNAME`")
        case .unavailable:
            text += "\n\(hint): " + L(
                "apakah daemon berjalan? soket: \(socket) (atur --socket-dir atau BINAKARIER_SOCKET_DIR)",
                en: "is the daemon running? socket: \(socket) (set --socket-dir or BINAKARIER_SOCKET_DIR)")
        case .permissionDenied:
            text += "\n\(hint): " + L("minta administrator memberi peran yang sesuai", en: "ask an administrator for a role that allows it")
        case .deadlineExceeded:
            text += "\n\(hint): " + L("coba lagi dengan --timeout yang lebih panjang", en: "try again with a longer --timeout")
        default: break
        }
        return text
    }
}

/// Where `bkctl login` keeps the token: $BINAKARIER_TOKEN_FILE or ~/.config/binakarier/token (0600).
enum TokenFile {
    static var path: String {
        if let path = ProcessInfo.processInfo.environment["BINAKARIER_TOKEN_FILE"], !path.isEmpty { return path }
        let home = ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory()
        return "\(home)/.config/binakarier/token"
    }

    static func read() -> String? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        let token = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return token.isEmpty ? nil : token
    }

    static func write(_ token: String) throws {
        let directory = (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        guard FileManager.default.createFile(atPath: path, contents: Data(token.utf8), attributes: [.posixPermissions: 0o600]) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
        }
    }

    static func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}

/// Reads a password: from standard input with --password-stdin (one line), otherwise at a prompt
/// without echo.
struct PasswordInput: ParsableArguments {
    @Flag(help: ArgumentHelp(L(
        "Baca kata sandi dari masukan standar (satu baris), bukan dari prompt.",
        en: "Read the password from standard input (one line) instead of a prompt.")))
    var passwordStdin = false

    func read(prompt: String) throws -> String {
        if passwordStdin || isatty(STDIN_FILENO) == 0 {
            guard let line = readLine(strippingNewline: true), !line.isEmpty else {
                throw ValidationError("tidak ada kata sandi di masukan standar")
            }
            return line
        }
        guard let entered = getpass(prompt) else { throw ValidationError("kata sandi tidak terbaca") }
        return String(cString: entered)
    }
}

/// Labelled values one per line, the values lined up ("-" for an empty one): the body of a `show`.
func keyValues(_ rows: [(String, String)]) -> String {
    let width = (rows.map { $0.0.count }.max() ?? 0) + 1
    return rows.map { row in
        (row.0 + ":").padding(toLength: width, withPad: " ", startingAt: 0) + "  " + (row.1.isEmpty ? "-" : row.1)
    }.joined(separator: "\n")
}

/// Text columns padded to line up.
func table(_ header: [String], _ rows: [[String]]) -> String {
    let all = [header] + rows
    let widths = header.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
    return all.map { row in
        row.enumerated().map { index, cell in
            index == row.count - 1 ? cell : cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
        }.joined(separator: "  ")
    }.joined(separator: "\n")
}
