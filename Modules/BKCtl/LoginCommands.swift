import BKRPC
import ArgumentParser
import BKProto
import Foundation
import IdentityVocabulary

struct LoginCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "login",
        abstract: L("Masuk dan simpan token untuk perintah berikutnya.", en: "Log in and keep the token for later commands."))

    @OptionGroup var global: GlobalOptions
    @OptionGroup var password: PasswordInput
    @Argument(help: ArgumentHelp(L("Nama pengguna (ASN masuk dengan NIP-nya).", en: "Username (an ASN logs in with their NIP).")))
    var username: String

    func run() async throws {
        let secret = try password.read(prompt: "Kata sandi \(username): ")
        let response = try await global.identity(authenticated: false) { try await $0.login(.init(username: username, password: secret)) }
        try TokenFile.write(response.token)
        try global.print(response) {
            let roles = response.account?.effectiveRoles.map(Vocabulary.display).joined(separator: ", ") ?? ""
            return "Berhasil masuk sebagai \(username) (\(roles)); token berlaku sampai \(formatUnix(response.expireTimeUnix))."
        }
    }
}

struct LogoutCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "logout",
        abstract: L("Cabut token yang tersimpan dan hapus dari perangkat ini.", en: "Revoke the saved token and forget it."))

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        _ = try await global.identity { try await $0.logout(.init()) }
        TokenFile.remove()
        print("Berhasil keluar.")
    }
}

func formatUnix(_ seconds: Int64) -> String {
    let formatter = DateFormatter()
    formatter.dateFormat = "yyyy-MM-dd HH:mm"
    formatter.timeZone = TimeZone(identifier: "Asia/Jakarta")
    return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(seconds))) + " WIB"
}
