import ArgumentParser
@testable import BKCtl
import Foundation
import Testing

/// The help people read is part of what we ship: it is compared with the committed text in Golden/.
/// After an intended change, run with BKCTL_UPDATE_GOLDEN=1 to rewrite the files, and review the diff.
@Suite("bkctl help text")
struct HelpTextTests {
    static let commands: [(String, any ParsableCommand.Type)] = [
        ("bkctl", BKCtl.self),
        ("agency", AgencyCommand.self),
        ("agency-create", AgencyCommand.Create.self),
        ("employee", EmployeeCommand.self),
        ("employee-add", EmployeeCommand.Add.self),
        ("employee-import", EmployeeCommand.Import.self),
        ("employee-list", EmployeeCommand.List.self),
        ("employee-update", EmployeeCommand.Update.self),
        ("account", AccountCommand.self),
        ("account-create", AccountCommand.Create.self),
        ("account-bootstrap-admin", AccountCommand.BootstrapAdmin.self),
        ("account-disable", AccountCommand.Disable.self),
        ("agency-update-unit", AgencyCommand.UpdateUnit.self),
        ("login", LoginCommand.self),
    ]

    @Test(arguments: commands.map(\.0))
    func helpMatchesGolden(name: String) throws {
        let command = Self.commands.first { $0.0 == name }!.1
        let help = BKCtl.helpMessage(for: command, columns: 100) + "\n"
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/\(name).txt")
        if ProcessInfo.processInfo.environment["BKCTL_UPDATE_GOLDEN"] == "1" {
            try help.write(to: url, atomically: true, encoding: .utf8)
        }
        let golden = try String(contentsOf: url, encoding: .utf8)
        #expect(help == golden)
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

import Identity
