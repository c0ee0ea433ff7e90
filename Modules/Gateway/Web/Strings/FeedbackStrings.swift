import BKRPC

extension Strings {
    /// The texts of `FeedbackPages`.
    static let feedback: [String: LocalizedText] = [
        // /evaluasi
        "fb_list_title": .init(id: "Evaluasi saya", en: "My evaluations"),
        "fb_list_intro": .init(
            id: "Formulir evaluasi pelatihan yang perlu Anda isi, dan yang sudah Anda isi.",
            en: "The training evaluation forms you still have to fill in, and those you have answered."),
        "fb_pending_heading": .init(id: "Perlu diisi", en: "To fill in"),
        "fb_pending_none": .init(id: "Tidak ada formulir yang perlu Anda isi saat ini.", en: "There is no form for you to fill in now."),
        "fb_answered_heading": .init(id: "Sudah diisi", en: "Answered"),
        "fb_answered_none": .init(id: "Anda belum mengisi formulir apa pun.", en: "You have not answered any form yet."),
        "fb_col_form": .init(id: "Formulir", en: "Form"),
        "fb_col_program": .init(id: "Program dan angkatan", en: "Program and session"),
        "fb_col_purpose": .init(id: "Jenis", en: "Kind"),
        "fb_col_deadline": .init(id: "Batas waktu", en: "Deadline"),
        "fb_col_privacy": .init(id: "Kerahasiaan", en: "Privacy"),
        "fb_col_result": .init(id: "Hasil", en: "Result"),
        "fb_col_state": .init(id: "Status", en: "State"),
        "fb_fill": .init(id: "Isi formulir", en: "Fill in the form"),
        "fb_view_answers": .init(id: "Lihat jawaban", en: "See the answers"),
        "fb_about_staff": .init(id: "Tentang pegawai", en: "About staff member"),
        "fb_session": .init(id: "Angkatan", en: "Session"),
        "fb_batch": .init(id: "angkatan", en: "session"),
        "fb_badge_anonymous": .init(id: "Anonim", en: "Anonymous"),
        "fb_badge_named": .init(id: "Dengan nama", en: "Named"),
        "fb_state_open": .init(id: "Dibuka", en: "Open"),
        "fb_state_closed": .init(id: "Ditutup", en: "Closed"),
        "fb_score": .init(id: "Nilai", en: "Score"),
        "fb_days_left_today": .init(id: "berakhir hari ini", en: "ends today"),
        "fb_days_left": .init(id: "{n} hari lagi", en: "{n} days left"),

        // Purposes
        "fb_purpose_reaction": .init(id: "Reaksi peserta (L1)", en: "Participants' reaction (L1)"),
        "fb_purpose_pre_test": .init(id: "Pre-test (L2)", en: "Pre-test (L2)"),
        "fb_purpose_post_test": .init(id: "Post-test (L2)", en: "Post-test (L2)"),
        "fb_purpose_follow_up_self": .init(id: "Evaluasi pascapelatihan oleh peserta (L3)", en: "Follow-up by the participant (L3)"),
        "fb_purpose_follow_up_supervisor": .init(id: "Penilaian atasan langsung (L3)", en: "Direct supervisor's view (L3)"),
        "fb_purpose_ikm": .init(id: "Survei kepuasan masyarakat (IKM)", en: "Public satisfaction survey (IKM)"),
        "fb_purpose_survey": .init(id: "Survei", en: "Survey"),

        // The form
        "fb_form_deadline": .init(id: "Batas pengisian", en: "Answer by"),
        "fb_form_purpose": .init(id: "Jenis evaluasi", en: "Kind of evaluation"),
        "fb_form_program": .init(id: "Program", en: "Program"),
        "fb_form_subject": .init(id: "Pegawai yang dinilai", en: "Staff member assessed"),
        "fb_form_required_note": .init(
            id: "Pertanyaan bertanda (wajib) harus dijawab; yang lain boleh dilewati.",
            en: "Questions marked (required) must be answered; the others may be skipped."),
        "fb_required": .init(id: "(wajib)", en: "(required)"),
        "fb_submit": .init(id: "Kirim jawaban", en: "Send the answers"),
        "fb_errors_title": .init(id: "Jawaban belum dapat dikirim. Periksa pertanyaan berikut:", en: "The answers cannot be sent yet. Check these questions:"),
        "fb_error_required": .init(id: "Pertanyaan ini wajib dijawab.", en: "This question must be answered."),
        "fb_error_number": .init(id: "Tulis sebuah angka.", en: "Write a number."),
        "fb_error_facilitator_rating": .init(
            id: "Beri nilai 1 sampai 5 untuk narasumber yang namanya Anda tulis.", en: "Rate the facilitator whose name you wrote from 1 to 5."),
        "fb_error_prefix": .init(id: "Kesalahan:", en: "Error:"),
        "fb_hint_likert": .init(id: "Pilih satu, dari {low} sampai {high}.", en: "Choose one, from {low} to {high}."),
        "fb_hint_nps": .init(id: "0 = sangat tidak mungkin, 10 = sangat mungkin.", en: "0 = not at all likely, 10 = extremely likely."),
        "fb_nps_low": .init(id: "Sangat tidak mungkin", en: "Not at all likely"),
        "fb_nps_high": .init(id: "Sangat mungkin", en: "Extremely likely"),
        "fb_hint_single": .init(id: "Pilih satu.", en: "Choose one."),
        "fb_hint_multiple": .init(id: "Boleh memilih lebih dari satu.", en: "You may choose more than one."),
        "fb_hint_test": .init(id: "Pilih satu jawaban yang paling tepat.", en: "Choose the one best answer."),
        "fb_hint_number": .init(id: "Angka dari {min} sampai {max}.", en: "A number from {min} to {max}."),
        "fb_hint_short": .init(id: "Jawaban singkat.", en: "A short answer."),
        "fb_hint_long": .init(id: "Tulis dengan kalimat Anda sendiri.", en: "Write in your own words."),
        "fb_hint_facilitator": .init(
            id: "Beri nilai 1 (sangat kurang) sampai 5 (sangat baik) untuk setiap narasumber yang Anda ikuti; lewati yang tidak Anda ikuti.",
            en: "Rate each facilitator you followed from 1 (very poor) to 5 (very good); skip those you did not follow."),
        "fb_hint_before_after": .init(
            id: "Nilailah keadaan sebelum pelatihan dan keadaan sekarang, masing-masing 1 sampai 5.",
            en: "Rate how it was before the training and how it is now, each from 1 to 5."),
        "fb_before": .init(id: "Sebelum", en: "Before"),
        "fb_after": .init(id: "Sesudah (sekarang)", en: "After (now)"),
        "fb_facilitator_other": .init(id: "Narasumber lain {n}", en: "Other facilitator {n}"),
        "fb_facilitator_name": .init(id: "Nama narasumber", en: "Facilitator's name"),
        "fb_points": .init(id: "{n} poin", en: "{n} points"),
        "fb_element": .init(id: "Unsur {n}", en: "Element {n}"),
        "fb_test_note": .init(
            id: "Nilai kelulusan {mark}. Kunci jawaban tidak ditampilkan.",
            en: "Pass mark {mark}. The answer key is not shown."),

        // Likert and rating defaults (an instrument without anchors)
        "fb_agree4_1": .init(id: "Sangat tidak setuju", en: "Strongly disagree"),
        "fb_agree4_2": .init(id: "Tidak setuju", en: "Disagree"),
        "fb_agree4_3": .init(id: "Setuju", en: "Agree"),
        "fb_agree4_4": .init(id: "Sangat setuju", en: "Strongly agree"),
        "fb_agree5_3": .init(id: "Netral", en: "Neutral"),
        "fb_level_1": .init(id: "Sangat rendah", en: "Very low"),
        "fb_level_2": .init(id: "Rendah", en: "Low"),
        "fb_level_3": .init(id: "Sedang", en: "Medium"),
        "fb_level_4": .init(id: "Tinggi", en: "High"),
        "fb_level_5": .init(id: "Sangat tinggi", en: "Very high"),
        "fb_rating_1": .init(id: "Sangat kurang", en: "Very poor"),
        "fb_rating_2": .init(id: "Kurang", en: "Poor"),
        "fb_rating_3": .init(id: "Cukup", en: "Fair"),
        "fb_rating_4": .init(id: "Baik", en: "Good"),
        "fb_rating_5": .init(id: "Sangat baik", en: "Very good"),

        // Anonymity and who sees what
        "fb_anon_title": .init(id: "Formulir ini anonim", en: "This form is anonymous"),
        "fb_anon_storage": .init(
            id: "Jawaban Anda disimpan tanpa nama dan NIP Anda, terpisah dari catatan bahwa Anda sudah mengisi. Basis data tidak menyimpan penghubung di antara keduanya, juga tidak waktu pengisian.",
            en: "Your answers are stored without your name or NIP, apart from the record that you have answered. The database keeps nothing that links the two, nor the time you answered."),
        "fb_anon_participation": .init(
            id: "Sistem hanya mencatat bahwa Anda sudah mengisi, supaya tidak meminta Anda mengisi lagi dan untuk menghitung jumlah pengisi.",
            en: "The system records only that you have answered, so that it does not ask you again and can count the answers."),
        "fb_anon_results": .init(
            id: "Penyelenggara (BKPSDM), kepala perangkat daerah penyelenggara, dan laporan hanya melihat rekap, setelah evaluasi ditutup, dan hanya untuk kelompok sekurang-kurangnya 5 pengisi; untuk kelompok yang lebih kecil hanya jumlah pengisinya yang tampil.",
            en: "The organisers (BKPSDM), the head of the organising agency and the reports see totals only, once the evaluation is closed, and only for groups of at least 5 people; for smaller groups only the number of answers is shown."),
        "fb_anon_text": .init(
            id: "Jawaban isian bebas ditampilkan apa adanya, tanpa nama dan dalam urutan acak, juga hanya untuk kelompok sekurang-kurangnya 5 pengisi. Jangan menulis sesuatu yang dapat menunjukkan siapa Anda.",
            en: "Free-text answers are shown as written, without names and shuffled, also only for groups of at least 5 people. Do not write anything that would show who you are."),
        "fb_anon_after": .init(
            id: "Setelah dikirim, jawaban tidak dapat diubah atau dilihat kembali, karena tidak lagi terhubung dengan Anda. Anda mendapat tanda terima yang membuktikan bahwa jawaban Anda terhitung, tanpa menunjukkan jawaban yang mana.",
            en: "Once sent, the answers cannot be changed or seen again, because they are no longer linked to you. You get a receipt that proves your answer was counted, without showing which answer it was."),
        "fb_named_title": .init(id: "Formulir ini tidak anonim", en: "This form is not anonymous"),
        "fb_named_storage": .init(
            id: "Jawaban Anda disimpan bersama NIP Anda. Anda dapat melihatnya kembali di halaman Evaluasi.",
            en: "Your answers are stored with your NIP. You can see them again on the Evaluations page."),
        "fb_named_storage_subject": .init(
            id: "Penilaian Anda disimpan bersama NIP Anda dan NIP pegawai yang Anda nilai. Anda dapat melihatnya kembali di halaman Evaluasi.",
            en: "Your assessment is stored with your NIP and the NIP of the staff member you assess. You can see it again on the Evaluations page."),
        "fb_named_results": .init(
            id: "Penyelenggara (BKPSDM), kepala perangkat daerah penyelenggara, dan laporan melihat rekap hasil untuk kelompok sekurang-kurangnya 5 pengisi, bukan jawaban per orang. Pengelola sistem yang memegang basis data dapat melihat jawaban beserta NIP.",
            en: "The organisers (BKPSDM), the head of the organising agency and the reports see totals for groups of at least 5 people, not each person's answers. System operators who hold the database can see the answers with the NIP."),
        "fb_test_title": .init(id: "Tes ini tidak anonim", en: "This test is not anonymous"),
        "fb_test_storage": .init(
            id: "Nilai Anda dicatat atas nama Anda pada keikutsertaan Anda di angkatan ini, untuk mengukur peningkatan hasil belajar dan kelulusan. Yang dapat melihatnya: Anda, atasan langsung dan kepala perangkat daerah Anda, dan penyelenggara (BKPSDM).",
            en: "Your score is recorded under your name on your enrolment in this session, to measure learning gain and completion. It can be seen by you, your direct supervisor and agency head, and the organisers (BKPSDM)."),
        "fb_test_results": .init(
            id: "Rekap kelas hanya ditampilkan untuk kelompok sekurang-kurangnya 5 peserta.",
            en: "Class totals are shown only for groups of at least 5 participants."),

        // After sending
        "fb_thanks_title": .init(id: "Terima kasih", en: "Thank you"),
        "fb_thanks_saved": .init(id: "Jawaban Anda untuk formulir ini sudah tersimpan.", en: "Your answers to this form have been saved."),
        "fb_thanks_anonymous": .init(
            id: "Jawaban disimpan tanpa nama Anda, dan tidak dapat dihubungkan kembali kepada Anda.",
            en: "The answers are stored without your name, and cannot be linked back to you."),
        "fb_receipt": .init(id: "Tanda terima", en: "Receipt"),
        "fb_receipt_note": .init(
            id: "Simpan kode ini bila Anda ingin membuktikan bahwa jawaban Anda terhitung; petugas dapat memeriksanya. Kode ini tidak menunjukkan isi jawaban Anda dan tidak ditampilkan lagi.",
            en: "Keep this code if you want to prove that your answer was counted; an operator can check it. It does not show what you answered, and it is not shown again."),
        "fb_score_line": .init(id: "Nilai Anda: {score} dari 100.", en: "Your score: {score} out of 100."),
        "fb_passed": .init(id: "Lulus (nilai kelulusan {mark})", en: "Passed (pass mark {mark})"),
        "fb_failed": .init(id: "Belum lulus (nilai kelulusan {mark})", en: "Not passed (pass mark {mark})"),
        "fb_pretest_note": .init(
            id: "Ini nilai awal Anda; nilai post-test sesudah pelatihan akan dibandingkan dengannya.",
            en: "This is your starting score; the post-test after the training is compared with it."),
        "fb_next_form": .init(id: "Isi formulir berikutnya", en: "Fill in the next form"),
        "fb_back_list": .init(id: "Kembali ke daftar evaluasi", en: "Back to my evaluations"),

        // Other states of a form
        "fb_answered_title": .init(id: "Anda sudah mengisi formulir ini", en: "You have answered this form"),
        "fb_answered_anonymous": .init(
            id: "Formulir ini anonim: jawaban Anda tidak terhubung dengan Anda, sehingga tidak dapat ditampilkan kembali.",
            en: "This form is anonymous: your answers are not linked to you, so they cannot be shown again."),
        "fb_your_answers": .init(id: "Jawaban Anda", en: "Your answers"),
        "fb_no_answer": .init(id: "(tidak dijawab)", en: "(not answered)"),
        "fb_closed_title": .init(id: "Formulir ini sudah ditutup", en: "This form is closed"),
        "fb_closed_text": .init(id: "Masa pengisian berakhir pada {date}. Jawaban tidak diterima lagi.", en: "Answers closed on {date}. No more answers are taken."),
        "fb_not_open_title": .init(id: "Formulir ini belum dibuka", en: "This form is not open yet"),
        "fb_not_open_text": .init(id: "Formulir ini dapat diisi mulai {date}.", en: "This form can be answered from {date}."),
        "fb_not_yours_title": .init(id: "Formulir ini tidak ditujukan kepada Anda", en: "This form is not for you"),
        "fb_not_yours_text": .init(
            id: "Hanya sasaran formulir ini yang dapat mengisinya (misalnya peserta yang hadir pada angkatan tersebut). Bila menurut Anda ini keliru, hubungi penyelenggara.",
            en: "Only this form's audience can answer it (for instance those who attended the session). If you think this is wrong, contact the organisers."),

        // Public IKM survey
        "fb_ikm_intro": .init(
            id: "Bantu kami memperbaiki pelayanan. Ada {n} pertanyaan singkat; pilih satu jawaban pada setiap pertanyaan sesuai pelayanan yang Anda terima hari ini. Sekitar 2 menit.",
            en: "Help us improve this service. There are {n} short questions; choose one answer to each, as you found the service today. About 2 minutes."),
        "fb_ikm_privacy_title": .init(id: "Tanpa nama.", en: "No name asked."),
        "fb_ikm_privacy_lead": .init(
            id: "Jawaban Anda tidak dicatat dengan nama atau data diri. Selengkapnya…",
            en: "Your answers are not recorded with your name or any personal detail. More…"),
        "fb_ikm_privacy_storage": .init(
            id: "Jawaban Anda disimpan tanpa nama atau data diri. Hasilnya diumumkan hanya sebagai rekap (Indeks Kepuasan Masyarakat) setelah survei ditutup, dan hanya bila pengisinya sekurang-kurangnya 5 orang.",
            en: "Your answers are stored without your name or any personal detail. Results are published only as totals (the public satisfaction index) once the survey closes, and only when at least 5 people answered."),
        "fb_ikm_privacy_text": .init(
            id: "Saran yang Anda tulis dibaca apa adanya oleh pengelola unit; jangan menulis nama, nomor telepon, atau data pribadi lain.",
            en: "Suggestions you write are read as written by the unit's managers; do not write your name, phone number or other personal details."),
        "fb_ikm_privacy_cookie": .init(
            id: "Setelah Anda mengirim, peramban ini menyimpan penanda (cookie) selama setahun bahwa survei ini sudah diisi, supaya tidak terisi dua kali dari perangkat yang sama. Alamat jaringan Anda hanya disimpan sementara di memori untuk membatasi jumlah kiriman, tidak bersama jawaban.",
            en: "Once you send, this browser keeps a marker (cookie) for a year saying this survey was answered, so it is not answered twice from the same device. Your network address is kept only briefly in memory to limit the number of answers, never with the answers."),
        "fb_ikm_thanks": .init(
            id: "Jawaban Anda sudah kami terima. Terima kasih telah membantu memperbaiki pelayanan.",
            en: "We have received your answers. Thank you for helping us improve the service."),
        "fb_ikm_already_title": .init(id: "Anda sudah mengisi survei ini", en: "You have already answered this survey"),
        "fb_ikm_already_text": .init(
            id: "Terima kasih. Jawaban dari peramban ini sudah kami terima, jadi survei tidak ditampilkan lagi.",
            en: "Thank you. We already have the answers from this browser, so the survey is not shown again."),
        "fb_ikm_closed_text": .init(
            id: "Survei ini tidak menerima jawaban lagi. Terima kasih atas kesediaan Anda.",
            en: "This survey no longer takes answers. Thank you for your willingness."),
        "fb_ikm_busy": .init(
            id: "Terlalu banyak jawaban dari jaringan ini untuk unit layanan ini dalam waktu singkat. Jawaban Anda belum terkirim; coba lagi nanti.",
            en: "Too many answers from this network for this service unit in a short time. Your answers were not sent; try again later."),
        "fb_ikm_unit": .init(id: "Unit layanan", en: "Service unit"),
        "fb_ikm_none_title": .init(id: "Belum ada survei yang dibuka", en: "No survey is open"),
        "fb_ikm_none_text": .init(
            id: "Unit layanan ini sedang tidak membuka survei kepuasan masyarakat. Terima kasih atas kesediaan Anda.",
            en: "This service unit has no satisfaction survey open at the moment. Thank you for your willingness."),
        "fb_ikm_choose_title": .init(id: "Pilih survei", en: "Choose a survey"),
        "fb_ikm_choose_text": .init(id: "Unit layanan ini membuka lebih dari satu survei. Pilih yang sesuai dengan layanan yang Anda terima.", en: "This service unit has more than one survey open. Choose the one for the service you received."),
    ]
}
