import BKRPC

extension Strings {
    /// The texts of `DialogueScalePages`: receipts of anonymous aspirations, the moderation queue, the
    /// public action board.
    static let dialogueScale: [String: LocalizedText] = [
        // The receipt, shown once after an anonymous aspiration is raised
        "rcpt_raised_title": .init(id: "Tanda terima aspirasi anonim", en: "Receipt of your anonymous aspiration"),
        "rcpt_raised_lead": .init(
            id: "Aspirasi Anda terkirim tanpa nama. Nama dan NIP Anda tidak disimpan, jadi hanya tanda terima ini yang menghubungkan Anda dengan aspirasi tersebut.",
            en: "Your aspiration was sent without your name. Your name and NIP are not stored, so only this receipt connects you to it."),
        "rcpt_code_label": .init(id: "Kode tanda terima", en: "Receipt code"),
        "rcpt_once": .init(
            id: "Kode ini ditampilkan sekali ini saja. Catat atau simpan kode ini: dengan kode ini Anda dapat melihat jawaban pimpinan dan tindak lanjutnya, juga setelah dialog ditutup.",
            en: "This code is shown this once only. Write it down or keep it: with it you can see the leader's answer and the action item, also after the dialogue is closed."),
        "rcpt_cookie_note": .init(
            id: "Kode ini juga disimpan di peramban ini saja (bukan di server), sehingga muncul di halaman Aspirasi saya selama Anda memakai peramban ini.",
            en: "The code is also kept in this browser only (not on the server), so it appears on My aspirations while you use this browser."),
        "rcpt_held_notice": .init(
            id: "Aspirasi ini ditahan untuk moderasi ({reason}) dan belum tampil bagi peserta lain sampai pemimpin dialog atau BKPSDM meninjaunya.",
            en: "This aspiration is held for moderation ({reason}) and is not shown to other participants until the dialogue's leader or BKPSDM reviews it."),
        "rcpt_back_dialogue": .init(id: "Kembali ke dialog", en: "Back to the dialogue"),
        "rcpt_mine_link": .init(id: "Lihat aspirasi saya", en: "See my aspirations"),

        // /aspirasi-saya
        "rcpt_title": .init(id: "Aspirasi anonim saya", en: "My anonymous aspirations"),
        "rcpt_intro": .init(
            id: "Aspirasi anonim tidak menyimpan nama Anda. Dengan kode tanda terimanya Anda dapat melihat statusnya, jawaban pimpinan dan tindak lanjutnya, tanpa ada yang tahu bahwa aspirasi itu milik Anda.",
            en: "Anonymous aspirations do not keep your name. With the receipt code you can see the state, the leader's answer and the action item, without anyone learning it is yours."),
        "rcpt_lookup_title": .init(id: "Cari dengan kode tanda terima", en: "Look up by receipt code"),
        "rcpt_field_code": .init(id: "Kode tanda terima", en: "Receipt code"),
        "rcpt_hint_code": .init(id: "20 huruf dan angka, misalnya abcd-efgh-ijkm-npqr-stuv. Tanda hubung boleh ditulis atau tidak.", en: "20 letters and digits, e.g. abcd-efgh-ijkm-npqr-stuv. Dashes are optional."),
        "rcpt_field_keep": .init(id: "Simpan kode ini di peramban ini", en: "Keep this code in this browser"),
        "rcpt_submit": .init(id: "Lihat aspirasi", en: "Show the aspiration"),
        "rcpt_err_unknown": .init(id: "Kode tanda terima ini tidak dikenal. Periksa kembali penulisannya.", en: "This receipt code is not known. Check how it is written."),
        "rcpt_err_required": .init(id: "Isi kode tanda terima.", en: "Enter a receipt code."),
        "rcpt_kept_title": .init(id: "Tersimpan di peramban ini", en: "Kept in this browser"),
        "rcpt_none_kept": .init(id: "Belum ada kode tanda terima yang tersimpan di peramban ini.", en: "No receipt code is kept in this browser yet."),
        "rcpt_found_title": .init(id: "Hasil pencarian", en: "Found"),
        "rcpt_dialogue": .init(id: "Dialog", en: "Dialogue"),
        "rcpt_dialogue_closed": .init(id: "ditutup", en: "closed"),
        "rcpt_dialogue_open": .init(id: "berlangsung", en: "open"),
        "rcpt_text": .init(id: "Aspirasi Anda", en: "Your aspiration"),
        "rcpt_state": .init(id: "Status", en: "State"),
        "rcpt_state_shown": .init(id: "Tampil bagi peserta", en: "Shown to the participants"),
        "rcpt_state_held": .init(id: "Ditahan untuk moderasi", en: "Held for moderation"),
        "rcpt_state_released": .init(id: "Dilepas moderator, tampil bagi peserta", en: "Released by a moderator, shown to the participants"),
        "rcpt_state_removed": .init(id: "Dihapus moderator", en: "Removed by a moderator"),
        "rcpt_supports": .init(id: "{n} dukungan", en: "{n} supports"),
        "rcpt_answer": .init(id: "Jawaban pimpinan", en: "The leader's answer"),
        "rcpt_not_answered": .init(id: "Belum dijawab.", en: "Not answered yet."),
        "rcpt_action": .init(id: "Tindak lanjut", en: "Action item"),
        "rcpt_forget": .init(id: "Hapus dari peramban ini", en: "Remove from this browser"),
        "rcpt_forgotten": .init(id: "Kode tanda terima dihapus dari peramban ini.", en: "The receipt code was removed from this browser."),
        "rcpt_privacy": .init(
            id: "Halaman ini menanyakan aspirasi kepada layanan tanpa identitas Anda; server tidak mencatat kode mana milik siapa.",
            en: "This page asks the service without your identity; the server keeps no record of whose code is whose."),

        // /moderasi
        "mod_title": .init(id: "Antrean moderasi", en: "Moderation queue"),
        "mod_intro": .init(
            id: "Aspirasi anonim yang memuat kata kasar, atau dilaporkan beberapa peserta, ditahan di sini dan tidak tampil bagi peserta sampai Anda melepas atau menghapusnya dengan alasan. Penulisnya membaca alasan itu lewat tanda terimanya.",
            en: "Anonymous aspirations with abusive words, or reported by several participants, wait here unseen by the participants until you release or remove them with a reason. Their authors read the reason by their receipt."),
        "mod_none": .init(id: "Tidak ada aspirasi yang ditahan.", en: "No aspiration is held."),
        "mod_count": .init(id: "{n} aspirasi ditahan", en: "{n} held aspirations"),
        "mod_show_decided": .init(id: "Tampilkan juga yang sudah diputuskan", en: "Also show those decided"),
        "mod_show_held": .init(id: "Hanya yang ditahan", en: "Held only"),
        "mod_filter": .init(id: "Tampilkan", en: "Show"),
        "mod_held_because": .init(id: "Ditahan karena", en: "Held because"),
        "mod_report_reasons": .init(id: "Alasan pelapor", en: "Reporters' reasons"),
        "mod_reports": .init(id: "{n} laporan", en: "{n} reports"),
        "mod_decision": .init(id: "Keputusan", en: "Decision"),
        "mod_release": .init(id: "Lepaskan (tampilkan)", en: "Release (show)"),
        "mod_remove": .init(id: "Hapus", en: "Remove"),
        "mod_field_reason": .init(id: "Alasan keputusan", en: "Reason for the decision"),
        "mod_hint_reason": .init(id: "Wajib. Penulisnya membaca alasan ini.", en: "Required. The author reads it."),
        "mod_submit": .init(id: "Simpan keputusan", en: "Save the decision"),
        "mod_err_choose": .init(id: "Pilih lepaskan atau hapus.", en: "Choose release or remove."),
        "mod_err_reason": .init(id: "Tuliskan alasan keputusan.", en: "Write the reason for the decision."),
        "mod_released": .init(id: "Aspirasi dilepas dan kini tampil bagi peserta.", en: "The aspiration was released and is now shown."),
        "mod_removed": .init(id: "Aspirasi dihapus; penulisnya dapat membaca alasannya.", en: "The aspiration was removed; its author can read the reason."),
        "mod_decided_as": .init(id: "Diputuskan", en: "Decided"),
        "mod_link": .init(id: "Antrean moderasi", en: "Moderation queue"),
        "mod_held_in_dialogue": .init(id: "{n} aspirasi anonim ditahan untuk moderasi.", en: "{n} anonymous aspirations are held for moderation."),
        "mod_badge_held": .init(id: "Ditahan untuk moderasi", en: "Held for moderation"),
        "mod_badge_removed": .init(id: "Dihapus moderator", en: "Removed by a moderator"),
        "mod_badge_released": .init(id: "Dilepas moderator", en: "Released by a moderator"),
        "mod_own_held": .init(id: "Aspirasi Anda ditahan dan belum tampil bagi peserta lain.", en: "Your aspiration is held and not yet shown to others."),
        "mod_report_button": .init(id: "Laporkan", en: "Report"),
        "mod_report_summary": .init(id: "Laporkan sebagai kasar atau menyerang pribadi", en: "Report as abusive"),
        "mod_report_reason": .init(id: "Alasan (tidak wajib)", en: "Reason (optional)"),
        "mod_reported_by_me": .init(id: "Sudah Anda laporkan", en: "You reported it"),
        "mod_reported": .init(id: "Laporan Anda dicatat. Terima kasih.", en: "Your report was recorded. Thank you."),
        "mod_reported_held": .init(id: "Laporan Anda dicatat; aspirasi itu kini ditahan untuk moderasi.", en: "Your report was recorded; the aspiration is now held for moderation."),

        // /papan-aksi
        "board_title": .init(id: "Papan aksi", en: "Action board"),
        "board_title_agency": .init(id: "Papan aksi {agency}", en: "Action board of {agency}"),
        "board_intro": .init(
            id: "Tindak lanjut dari dialog terbuka pimpinan dengan pegawainya: siapa yang bertanggung jawab, sampai kapan, dan sejauh mana. Halaman ini terbuka untuk umum; tidak memuat nama penyampai aspirasi.",
            en: "The action items from the leader's open dialogues with staff: who is responsible, by when, and how far it is. This page is public; it shows no names of those who raised aspirations."),
        "board_index_intro": .init(
            id: "Setiap perangkat daerah mempunyai papan aksi publik. Tuliskan kode perangkat daerah, misalnya DINKES.",
            en: "Every agency has a public action board. Enter the agency's code, e.g. DINKES."),
        "board_field_agency": .init(id: "Kode perangkat daerah", en: "Agency code"),
        "board_show": .init(id: "Tampilkan papan aksi", en: "Show the action board"),
        "board_as_of": .init(id: "Keadaan per {date}", en: "As of {date}"),
        "board_summary": .init(
            id: "{open} terbuka, {progress} dikerjakan, {done} selesai, {dropped} dibatalkan; {late} lewat tenggat.",
            en: "{open} open, {progress} in progress, {done} done, {dropped} dropped; {late} overdue."),
        "board_none": .init(id: "Belum ada tindak lanjut dari dialog perangkat daerah ini.", en: "No action item from this agency's dialogues yet."),
        "board_col_item": .init(id: "Tindak lanjut", en: "Action item"),
        "board_col_owner": .init(id: "Penanggung jawab", en: "Owner"),
        "board_col_due": .init(id: "Tenggat", en: "Due"),
        "board_col_state": .init(id: "Status", en: "State"),
        "board_col_dialogue": .init(id: "Dari dialog", en: "From the dialogue"),
        "board_closed_on": .init(id: "ditutup {date}", en: "closed {date}"),
        "board_json": .init(id: "Data papan aksi (JSON)", en: "Action board data (JSON)"),
        "board_link": .init(id: "Papan aksi publik", en: "Public action board"),
        "board_err_agency": .init(id: "Tuliskan kode perangkat daerah.", en: "Enter an agency code."),
    ]
}
