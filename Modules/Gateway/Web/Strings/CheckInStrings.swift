import BKRPC

extension Strings {
    static let checkIn: [String: LocalizedText] = [
        "qr_title": .init(id: "Presensi QR", en: "QR attendance"),
        "mng_tab_qr": .init(id: "Layar QR", en: "QR screen"),
        "qr_label": .init(id: "Kode QR presensi hari ini", en: "Today's attendance QR code"),
        "qr_instruction": .init(
            id: "Pindai kode ini dengan kamera ponsel, masuk ke BinaKarier, lalu tekan “Catat kehadiran saya”.",
            en: "Scan this code with your phone's camera, log in to BinaKarier, then press “Check me in”."),
        "qr_rotates": .init(id: "Kode berganti setiap 30 detik; berikutnya pukul", en: "The code changes every 30 seconds; next at"),
        "qr_of": .init(id: "dari", en: "of"),
        "qr_marked_today": .init(id: "peserta sudah tercatat hari ini.", en: "participants are marked today."),
        "qr_grid_note": .init(
            id: "Catatan penyelenggara di daftar presensi selalu berlaku di atas pindaian.",
            en: "The organiser's marks in the attendance grid always override a scan."),
        "qr_to_grid": .init(id: "Buka daftar presensi", en: "Open the attendance grid"),
        "qr_show_code": .init(id: "Tampilkan kode sebagai teks", en: "Show the code as text"),
        "qr_checkin_title": .init(id: "Presensi", en: "Check in"),
        "qr_checkin_lead": .init(id: "Catat kehadiran hari ini atas nama", en: "Record today's attendance for"),
        "qr_checkin_submit": .init(id: "Catat kehadiran saya", en: "Check me in"),
        "qr_checkin_scan": .init(
            id: "Pindai kode QR di layar penyelenggara, atau tempel kodenya di sini.",
            en: "Scan the QR code on the organiser's screen, or paste its code here."),
        "qr_checkin_code": .init(id: "Kode presensi", en: "Attendance code"),
        "qr_done": .init(id: "Kehadiran Anda tercatat: %@.", en: "Your attendance is recorded: %@."),
        "qr_already": .init(id: "Anda sudah tercatat hari ini: %@.", en: "You are already recorded today: %@."),
        "qr_kept": .init(
            id: "Penyelenggara sudah mencatat Anda hari ini: %@. Catatan penyelenggara yang berlaku.",
            en: "The organiser has already marked you today: %@. The organiser's mark stands."),
        "qr_late_note": .init(
            id: "Anda memindai lebih dari 15 menit setelah sesi dimulai. Bila keliru, hubungi penyelenggara.",
            en: "You scanned more than 15 minutes after the start. If that is wrong, ask the organiser."),
    ]
}
