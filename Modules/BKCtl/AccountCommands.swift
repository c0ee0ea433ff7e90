import BKRPC
import ArgumentParser
import BKProto
import IdentityVocabulary

struct AccountCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "account", abstract: "Accounts and roles.",
        subcommands: [Create.self, Show.self, Passwd.self, Roles.self, Disable.self, Enable.self, BootstrapAdmin.self, RotateSigningKey.self])

    static func parseRoles(_ names: [String]) throws -> [Role] {
        try names.map { name in
            guard let role = Vocabulary.role(name) else {
                throw ValidationError("peran '\(name)' tidak dikenal (employee, organizer, administrator)")
            }
            return role
        }
    }

    static func describe(_ account: Account) -> String {
        let roles = account.effectiveRoles.map(Vocabulary.display).joined(separator: ", ")
        return "Akun \(account.username)\(account.nip.isEmpty ? "" : " (NIP \(account.nip))"): \(roles.isEmpty ? "tanpa peran" : roles)"
    }

    static func setDisabled(_ disabled: Bool, _ username: String, _ global: GlobalOptions) async throws {
        let account = try await global.identity { try await $0.setAccountDisabled(.init(username: username, disabled: disabled)) }
        try global.print(account) { "Akun \(account.username) \(disabled ? "dinonaktifkan" : "diaktifkan kembali")." }
    }

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create an account (administrators only).")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var password: PasswordInput
        @Argument(help: "Username; an ASN's account uses their NIP.") var username: String
        @Option(help: "NIP of the employee the account belongs to.") var nip: String = ""
        @Option(help: "Name shown for the account.") var displayName: String = ""
        @Option(help: "A role to grant: employee, organizer or administrator (repeatable).") var role: [String] = []

        func run() async throws {
            let roles = try AccountCommand.parseRoles(role)
            let secret = try password.read(prompt: "Kata sandi untuk \(username): ")
            let account = try await global.identity { try await $0.createAccount(.init(
                username: username, password: secret, displayName: displayName, roles: roles, nip: nip)) }
            try global.print(account) { AccountCommand.describe(account) + " dibuat." }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show an account.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Username.") var username: String

        func run() async throws {
            let account = try await global.identity { try await $0.getAccount(.init(username: username)) }
            try global.print(account) { AccountCommand.describe(account) }
        }
    }

    struct Passwd: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Change a password: your own (asks for the current one) or, as administrator, anyone's.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Username.") var username: String
        @Flag(help: "Ask for the current password (needed for your own account unless you are an administrator).")
        var current = false
        @OptionGroup var password: PasswordInput

        func run() async throws {
            let currentPassword = current ? try password.read(prompt: "Kata sandi saat ini: ") : ""
            let newPassword = try password.read(prompt: "Kata sandi baru: ")
            _ = try await global.identity { try await $0.setPassword(.init(
                username: username, newPassword: newPassword, currentPassword: currentPassword)) }
            print("Kata sandi \(username) diganti.")
        }
    }

    struct Roles: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Set the roles granted to an account (administrators only); supervisor and agency head follow from the records.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Username.") var username: String
        @Option(help: "A role: employee, organizer or administrator (repeatable; none clears them).") var role: [String] = []

        func run() async throws {
            let account = try await global.identity { try await $0.setRoles(.init(username: username, roles: try AccountCommand.parseRoles(role))) }
            try global.print(account) { AccountCommand.describe(account) }
        }
    }

    struct Disable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Disable an account: it can no longer log in (administrators only).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Username.") var username: String

        func run() async throws {
            try await AccountCommand.setDisabled(true, username, global)
        }
    }

    struct Enable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Enable a disabled account again (administrators only).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Username.") var username: String

        func run() async throws {
            try await AccountCommand.setDisabled(false, username, global)
        }
    }

    struct BootstrapAdmin: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "bootstrap-admin",
            abstract: "Create the first administrator on a fresh install (as root on the daemon's machine).")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var password: PasswordInput
        @Argument(help: "Username of the administrator.") var username: String
        @Option(help: "Name shown for the account.") var displayName: String = ""

        func run() async throws {
            let secret = try password.read(prompt: "Kata sandi untuk \(username): ")
            let account = try await global.identity(authenticated: false) { try await $0.bootstrapAdministrator(.init(username: username, password: secret, displayName: displayName)) }
            try global.print(account) { "Administrator pertama \(account.username) dibuat; masuk dengan `bkctl login \(account.username)`." }
        }
    }

    struct RotateSigningKey: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rotate-signing-key",
            abstract: "Sign new tokens with a new key; tokens signed with the old one work until they expire (administrators only).")
        @OptionGroup var global: GlobalOptions

        func run() async throws {
            let rotated = try await global.identity { try await $0.rotateSigningKey() }
            try global.print(rotated) {
                "Kunci penandatangan baru: \(rotated.activeKeyId); kunci lama \(rotated.previousKeyId) tetap sah sampai tokennya kedaluwarsa."
            }
        }
    }
}
