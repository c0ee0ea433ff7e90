import BKRPC

extension Strings {
    static let approval: [String: LocalizedText] = [
        "nav_persetujuan": .init(id: "Persetujuan", en: "Approvals"),
        "apv_title": .init(id: "Permintaan menunggu persetujuan", en: "Requests awaiting approval"),
        "apv_lead": .init(
            id: "Atasan langsung (atau kepala perangkat daerah) menyetujui lebih dulu, lalu BKPSDM mengonfirmasi dan menerbitkan surat tugas. Penolakan wajib disertai alasan.",
            en: "The direct supervisor (or the agency head) approves first, then BKPSDM confirms and issues the duty letter. A refusal needs a reason."),
        "apv_none": .init(id: "Tidak ada permintaan yang menunggu Anda.", en: "No request is waiting for you."),
        "apv_overdue_count": .init(id: "permintaan melewati batas waktu; pengingat sudah dikirim.", en: "requests are past their time limit; reminders were sent."),
        "apv_col_person": .init(id: "Pegawai", en: "Employee"),
        "apv_col_program": .init(id: "Program", en: "Program"),
        "apv_col_step": .init(id: "Tahap", en: "Step"),
        "apv_col_due": .init(id: "Batas waktu", en: "Time limit"),
        "apv_col_decision": .init(id: "Keputusan", en: "Decision"),
        "apv_stage_supervisor": .init(id: "Persetujuan atasan", en: "Supervisor's approval"),
        "apv_stage_bkpsdm": .init(id: "Konfirmasi BKPSDM", en: "BKPSDM's confirmation"),
        "apv_supervisor_ok": .init(id: "disetujui atasan", en: "approved by the supervisor"),
        "apv_overdue": .init(id: "lewat batas waktu", en: "overdue"),
        "apv_reminded": .init(id: "pengingat:", en: "reminder:"),
        "apv_approve": .init(id: "Setujui", en: "Approve"),
        "apv_refuse": .init(id: "Tolak", en: "Refuse"),
        "apv_reason": .init(id: "Alasan (wajib bila menolak)", en: "Reason (needed to refuse)"),
        "apv_reason_required": .init(id: "Tulis alasan penolakan.", en: "Write why the request is refused."),
        "apv_msg_refused": .init(id: "Permintaan ditolak; pegawai melihat alasannya.", en: "The request was refused; the employee sees why."),
        "apv_msg_forwarded": .init(id: "Disetujui dan diteruskan ke BKPSDM untuk konfirmasi.", en: "Approved and passed to BKPSDM for confirmation."),
        "apv_msg_confirmed": .init(id: "Dikonfirmasi; surat tugas diterbitkan.", en: "Confirmed; the duty letter is issued."),
        "cat_duty_letter": .init(id: "Surat tugas", en: "Duty letter"),
        "cat_step_supervisor": .init(id: "Menunggu persetujuan atasan langsung, paling lambat", en: "Waiting for your direct supervisor's approval, by"),
        "cat_step_bkpsdm": .init(id: "Disetujui atasan; menunggu konfirmasi BKPSDM, paling lambat", en: "Approved by your supervisor; waiting for BKPSDM's confirmation, by"),
    ]
}
