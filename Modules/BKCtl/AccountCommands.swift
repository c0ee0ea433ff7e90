import BKRPC
import ArgumentParser
import BKProto
import IdentityVocabulary

struct AccountCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "account", abstract: L("Akun dan peran.", en: "Accounts and roles."),
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
        static let configuration = CommandConfiguration(
            abstract: L(
                "Buat akun (khusus administrator).",
                en: "Create an account (administrators only)."))
        @OptionGroup var global: GlobalOptions
        @OptionGroup var password: PasswordInput
        @Argument(help: ArgumentHelp(L(
            "Nama pengguna; akun ASN memakai NIP-nya.",
            en: "Username; an ASN's account uses their NIP.")))
        var username: String
        @Option(help: ArgumentHelp(L("NIP pegawai pemilik akun.", en: "NIP of the employee the account belongs to.")))
        var nip: String = ""
        @Option(help: ArgumentHelp(L("Nama yang ditampilkan untuk akun.", en: "Name shown for the account.")))
        var displayName: String = ""
        @Option(help: ArgumentHelp(L(
            "Peran yang diberikan: employee, organizer atau administrator (boleh diulang).",
            en: "A role to grant: employee, organizer or administrator (repeatable).")))
        var role: [String] = []

        func run() async throws {
            let roles = try AccountCommand.parseRoles(role)
            let secret = try password.read(prompt: "Kata sandi untuk \(username): ")
            let account = try await global.identity { try await $0.createAccount(.init(
                username: username, password: secret, displayName: displayName, roles: roles, nip: nip)) }
            try global.print(account) { AccountCommand.describe(account) + " dibuat." }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: L("Tampilkan akun.", en: "Show an account."))
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(L("Nama pengguna.", en: "Username."))) var username: String

        func run() async throws {
            let account = try await global.identity { try await $0.getAccount(.init(username: username)) }
            try global.print(account) { AccountCommand.describe(account) }
        }
    }

    struct Passwd: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: L(
                "Ganti kata sandi: milik sendiri (kata sandi saat ini ditanyakan) atau, sebagai administrator, milik siapa pun.",
                en: "Change a password: your own (asks for the current one) or, as administrator, anyone's."))
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(L("Nama pengguna.", en: "Username."))) var username: String
        @Flag(help: ArgumentHelp(L(
            "Tanyakan kata sandi saat ini (wajib untuk akun sendiri, kecuali Anda administrator).",
            en: "Ask for the current password (needed for your own account unless you are an administrator).")))
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
            abstract: L(
                "Tetapkan peran yang diberikan kepada akun (khusus administrator); peran atasan dan kepala perangkat daerah mengikuti data kepegawaian.",
                en: "Set the roles granted to an account (administrators only); supervisor and agency head follow from the records."))
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(L("Nama pengguna.", en: "Username."))) var username: String
        @Option(help: ArgumentHelp(L(
            "Peran: employee, organizer atau administrator (boleh diulang; tanpa --role semua peran dicabut).",
            en: "A role: employee, organizer or administrator (repeatable; none clears them).")))
        var role: [String] = []

        func run() async throws {
            let account = try await global.identity { try await $0.setRoles(.init(username: username, roles: try AccountCommand.parseRoles(role))) }
            try global.print(account) { AccountCommand.describe(account) }
        }
    }

    struct Disable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: L(
                "Nonaktifkan akun: akun itu tidak dapat masuk lagi (khusus administrator).",
                en: "Disable an account: it can no longer log in (administrators only)."))
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(L("Nama pengguna.", en: "Username."))) var username: String

        func run() async throws {
            try await AccountCommand.setDisabled(true, username, global)
        }
    }

    struct Enable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: L(
                "Aktifkan kembali akun yang dinonaktifkan (khusus administrator).",
                en: "Enable a disabled account again (administrators only)."))
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(L("Nama pengguna.", en: "Username."))) var username: String

        func run() async throws {
            try await AccountCommand.setDisabled(false, username, global)
        }
    }

    struct BootstrapAdmin: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "bootstrap-admin",
            abstract: L(
                "Buat administrator pertama pada pemasangan baru (sebagai root di mesin tempat daemon berjalan).",
                en: "Create the first administrator on a fresh install (as root on the daemon's machine)."))
        @OptionGroup var global: GlobalOptions
        @OptionGroup var password: PasswordInput
        @Argument(help: ArgumentHelp(L("Nama pengguna administrator.", en: "Username of the administrator.")))
        var username: String
        @Option(help: ArgumentHelp(L("Nama yang ditampilkan untuk akun.", en: "Name shown for the account.")))
        var displayName: String = ""

        func run() async throws {
            let secret = try password.read(prompt: "Kata sandi untuk \(username): ")
            let account = try await global.identity(authenticated: false) { try await $0.bootstrapAdministrator(.init(username: username, password: secret, displayName: displayName)) }
            try global.print(account) { "Administrator pertama \(account.username) dibuat; masuk dengan `bkctl login \(account.username)`." }
        }
    }

    struct RotateSigningKey: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rotate-signing-key",
            abstract: L(
                "Tandatangani token baru dengan kunci baru; token yang ditandatangani dengan kunci lama tetap berlaku sampai kedaluwarsa (khusus administrator).",
                en: "Sign new tokens with a new key; tokens signed with the old one work until they expire (administrators only)."))
        @OptionGroup var global: GlobalOptions
        @Flag(help: ArgumentHelp(L(
            "Akhiri kunci lama seketika beserta semua token yang ditandatanganinya (bila kunci mungkin bocor).",
            en: "End the old key at once, and every token it signed (when the key may have leaked).")))
        var retirePrevious = false

        func run() async throws {
            let rotated = try await global.identity { try await $0.rotateSigningKey(.init(retirePrevious: retirePrevious)) }
            try global.print(rotated) {
                rotated.previousKeyId.isEmpty
                    ? "Kunci penandatangan baru: \(rotated.activeKeyId); kunci lama dan semua tokennya sudah tidak berlaku."
                    : "Kunci penandatangan baru: \(rotated.activeKeyId); kunci lama \(rotated.previousKeyId) tetap sah sampai tokennya kedaluwarsa."
            }
        }
    }
}
