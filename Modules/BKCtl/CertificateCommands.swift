import ArgumentParser
import BKProto
import BKRPC
import Foundation
import IdentityVocabulary

struct CertificateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "certificate",
        abstract: L(
            "Sertifikat yang diterbitkan saat sesi selesai, dan pemeriksaan keasliannya.",
            en: "Certificates issued when a session completes, and checking that one is genuine."),
        subcommands: [Show.self, List.self, Verify.self])

    typealias Certificate = Binakarier_Programs_V1_Certificate

    static func validity(_ certificate: Certificate) -> String {
        guard certificate.revoked else { return "berlaku" }
        return certificate.revokeReason.isEmpty ? "dicabut" : "dicabut: \(certificate.revokeReason)"
    }

    static func describe(_ certificate: Certificate) -> String {
        let holder = certificate.holderName.isEmpty ? certificate.nip : "\(certificate.holderName) (NIP \(certificate.nip))"
        let program = certificate.programTitle.isEmpty ? certificate.programCode : "\(certificate.programCode) \(certificate.programTitle)"
        let rows: [(String, String)] = [
            ("Nomor", certificate.number), ("Pemegang", holder), ("Program", program), ("Sesi", certificate.sessionId),
            ("JP", String(certificate.jp)), ("Tanggal terbit", certificate.issueDate),
            ("Kode verifikasi", certificate.verificationCode), ("Status", validity(certificate)),
        ]
        return keyValues(rows)
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: L("Tampilkan satu sertifikat.", en: "Show one certificate."))
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(L(
            "Nomor sertifikat, misalnya 800/BKPSDM-SWL/2026/0001.",
            en: "Certificate number, e.g. 800/BKPSDM-SWL/2026/0001.")))
        var number: String

        func run() async throws {
            let certificate = try await global.programs { try await $0.getCertificate(.init(number: number)) }
            try global.print(certificate) { CertificateCommand.describe(certificate) }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: L("Tampilkan sertifikat seorang pegawai.", en: "List a person's certificates."))
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(L("NIP pegawai.", en: "NIP."))) var nip: String

        func run() async throws {
            let list = try await global.programs { try await $0.listCertificates(.init(nip: nip)) }
            try global.print(list) {
                table(["NOMOR", "TANGGAL", "PROGRAM", "JUDUL", "SESI", "JP", "STATUS"], list.certificates.map { (certificate: Certificate) -> [String] in
                    [certificate.number, certificate.issueDate, certificate.programCode, certificate.programTitle,
                     certificate.sessionId, String(certificate.jp), CertificateCommand.validity(certificate)]
                })
            }
        }
    }

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: L(
                "Periksa keaslian sertifikat dari nomor dan kode verifikasinya (tanpa masuk).",
                en: "Check that a certificate is genuine from its number and verification code (no login needed)."),
            discussion: L(
                "Keluar dengan kode 1 bila sertifikat tidak sah atau sudah dicabut.",
                en: "Exits with code 1 when the certificate is not genuine or has been revoked."))
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(L("Nomor sertifikat.", en: "Certificate number."))) var number: String
        @Argument(help: ArgumentHelp(L("Kode verifikasi yang tercetak di sertifikat.", en: "The verification code printed on the certificate.")))
        var code: String

        func run() async throws {
            let result = try await global.programs(authenticated: false) { try await $0.verifyCertificate(.init(
                number: number, verificationCode: code)) }
            try global.print(result) {
                guard result.valid, let certificate = result.certificate else {
                    var text = "Sertifikat \(number) TIDAK SAH" + (result.reason.isEmpty ? "." : ": \(result.reason)")
                    if let shown = result.certificate { text += "\n\n" + CertificateCommand.describe(shown) }
                    return text
                }
                return "Sertifikat \(number) SAH.\n\n" + CertificateCommand.describe(certificate)
            }
            if !result.valid { throw ExitCode.failure }
        }
    }
}
