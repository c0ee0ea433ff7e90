import ArgumentParser
@testable import BKCtl
import BKTestSupport
import Foundation
import IdentityVocabulary
import Testing

/// The help people read is part of what we ship: the real bkctl's `--help` is compared with the
/// committed text in Golden/ (Bahasa Indonesia) and Golden/en/ (with LANG=en_US.UTF-8). After an
/// intended change, run with BKCTL_UPDATE_GOLDEN=1 to rewrite the files, and review the diff.
@Suite("bkctl help text")
struct HelpTextTests {
    static let commands: [[String]] = [
        [], ["agency"], ["agency", "create"], ["agency", "update-unit"],
        ["employee"], ["employee", "add"], ["employee", "import"], ["employee", "list"], ["employee", "update"],
        ["account"], ["account", "create"], ["account", "bootstrap-admin"], ["account", "disable"], ["account", "rotate-signing-key"],
        ["login"],
        ["program"], ["program", "create"], ["program", "list"], ["program", "show"], ["program", "update"],
        ["session"], ["session", "create"], ["session", "list"], ["session", "show"], ["session", "open"], ["session", "start"],
        ["session", "complete"], ["session", "cancel"],
        ["enrol"], ["enrol", "add"], ["enrol", "nominate"], ["enrol", "request"], ["enrol", "approve"], ["enrol", "cancel"],
        ["enrol", "list"], ["enrol", "pending"],
        ["attendance"], ["attendance", "mark"], ["attendance", "import"], ["attendance", "show"], ["attendance", "code"],
        ["attendance", "check-in"],
        ["jp"], ["jp", "show"], ["jp", "report"], ["jp", "import"], ["jp", "verify"], ["jp", "pending"], ["jp", "validate"],
        ["jp", "conversion"], ["jp", "conversion", "show"], ["jp", "conversion", "publish"],
        ["compliance"],
        ["certificate"], ["certificate", "show"], ["certificate", "list"], ["certificate", "verify"],
        ["need"], ["need", "propose"], ["need", "list"], ["need", "summary"], ["need", "link"],
        ["siasn"], ["siasn", "export"], ["siasn", "import"], ["siasn", "reconcile"],
        ["form"], ["form", "import"], ["form", "list"], ["form", "show"], ["form", "publish"],
        ["campaign"], ["campaign", "open"], ["campaign", "close"], ["campaign", "list"], ["campaign", "results"],
        ["answer"],
        ["dialog"], ["dialog", "create"], ["dialog", "list"], ["dialog", "show"], ["dialog", "close"], ["dialog", "minutes"],
        ["dialog", "respond"], ["dialog", "direct"],
        ["aspiration"], ["aspiration", "add"], ["aspiration", "list"], ["aspiration", "support"], ["aspiration", "receipt"],
        ["aspiration", "report"], ["aspiration", "held"], ["aspiration", "release"], ["aspiration", "remove"],
        ["action"], ["action", "add"], ["action", "update"], ["action", "list"],
        ["ikm"], ["ikm", "counters"], ["ikm", "paper"], ["ikm", "report"], ["ikm", "plan"], ["action", "board"],
        ["project"], ["project", "create"], ["project", "update"], ["project", "list"], ["project", "show"], ["project", "report"],
        ["project", "confirm"], ["project", "return"], ["project", "comment"],
        ["report"], ["report", "program"], ["report", "agency"], ["report", "city"], ["report", "person"], ["report", "publish"],
        ["report", "published"], ["report", "show-published"], ["report", "status"], ["report", "sync"],
        ["outcome"], ["outcome", "import"], ["ipasn"], ["ipasn", "show"],
    ]

    static func golden(_ command: [String], english: Bool) -> URL {
        let name = command.isEmpty ? "bkctl" : command.joined(separator: "-")
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Golden\(english ? "/en" : "")/\(name).txt")
    }

    @Test(arguments: commands, [false, true])
    func helpMatchesGolden(command: [String], english: Bool) async throws {
        let help = try await DaemonProcess.run(
            "bkctl", command + ["--help"], environment: ["LANG": english ? "en_US.UTF-8" : "id_ID.UTF-8", "COLUMNS": "100"])
        #expect(help.status == 0)
        let url = Self.golden(command, english: english)
        if ProcessInfo.processInfo.environment["BKCTL_UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try help.output.write(to: url, atomically: true, encoding: .utf8)
        }
        let golden = try String(contentsOf: url, encoding: .utf8)
        #expect(help.output == golden)
    }

    @Test func unknownValuesAreRefusedBeforeAnyCall() throws {
        #expect(throws: (any Error).self) { try BKCtl.parseAsRoot(["agency", "create"]) }
        var add = try #require(try BKCtl.parseAsRoot([
            "employee", "add", "--nip", "198703152010011001", "--golongan", "V/z",
        ]) as? EmployeeCommand.Add)
        var employee = Employee(nip: add.nip)
        #expect(throws: ValidationError.self) { _ = try add.fields.apply(to: &employee) }
        add = try #require(try BKCtl.parseAsRoot([
            "employee", "add", "--nip", "198703152010011001", "--golongan", "III/c", "--asn-type", "pns", "--agency", "DINKES",
        ]) as? EmployeeCommand.Add)
        #expect(try add.fields.apply(to: &employee) == ["asn_type", "golongan", "agency_code"])
        #expect(employee.golongan == .iiiC)
    }
}

