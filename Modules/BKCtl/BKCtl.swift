import BKRPC
import ArgumentParser

/// `bkctl`: the BinaKarier admin command line, talking to the daemons over their sockets.
public struct BKCtl: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "bkctl",
        abstract: L(
            "Administrasi BinaKarier: perangkat daerah (OPD), pegawai (ASN), akun, program pengembangan kompetensi (sesi, pendaftaran, kehadiran, JP, sertifikat, usulan kebutuhan), umpan balik (formulir evaluasi, survei IKM, dialog terbuka, tindak lanjut), dan pelaporan (laporan dan kesimpulannya, data hasil, IP ASN).",
            en: "Administer BinaKarier: agencies, employees (ASN), accounts, development programs (sessions, enrolment, attendance, JP, certificates, development needs), feedback (evaluation forms, the IKM survey, open dialogues, action items), and reporting (reports and their conclusions, outcome data, IP ASN)."),
        discussion: L(
            """
            Berkomunikasi dengan daemon melalui soket Unix. Masuk dulu dengan `bkctl login NAMA_PENGGUNA`; \
            tokennya disimpan di ~/.config/binakarier/token. Pada pemasangan baru, buat administrator pertama \
            sebagai root: `bkctl account bootstrap-admin NAMA_PENGGUNA`.
            """,
            en: """
            Talks to the daemons over their Unix sockets. Log in first with `bkctl login USERNAME`; the token is \
            kept in ~/.config/binakarier/token. On a fresh install, create the first administrator as root: \
            `bkctl account bootstrap-admin USERNAME`.
            """),
        subcommands: [
            AgencyCommand.self, EmployeeCommand.self, AccountCommand.self,
            ProgramCommand.self, SessionCommand.self, EnrolCommand.self, AttendanceCommand.self,
            LedgerCommand.self, ComplianceCommand.self, CertificateCommand.self, NeedCommand.self, SiasnCommand.self,
            FormCommand.self, CampaignCommand.self, AnswerCommand.self, DialogCommand.self, AspirationCommand.self, ActionCommand.self, IkmCommand.self, ProjectCommand.self,
            ReportCommand.self, OutcomeCommand.self, IpAsnCommand.self,
            LoginCommand.self, LogoutCommand.self,
        ])

    public init() {}
}
