extension Templates {
    static let approval: [String: String] = [
        "apv_list": apvList,
        "duty_letter": dutyLetter,
    ]

    static let apvList = #"""
        <h1>{{t.apv_title}}</h1>
        <p class="mng-lead">{{t.apv_lead}}</p>
        {{#formError}}<p class="error" role="alert">{{formError}}</p>{{/formError}}
        {{#hasOverdue}}<p class="notice" role="status">{{overdueCount}} {{t.apv_overdue_count}}</p>{{/hasOverdue}}
        {{^hasRows}}<p class="muted">{{t.apv_none}}</p>{{/hasRows}}
        {{#hasRows}}
        <div class="table-wrap"><table class="apv-table">
          <caption class="mng-sr">{{t.apv_title}}</caption>
          <thead><tr><th scope="col">{{t.apv_col_person}}</th><th scope="col">{{t.apv_col_program}}</th><th scope="col">{{t.apv_col_step}}</th><th scope="col">{{t.apv_col_due}}</th><th scope="col">{{t.apv_col_decision}}</th></tr></thead>
          <tbody>{{#rows}}<tr{{#overdue}} class="apv-overdue"{{/overdue}}>
            <th scope="row">{{name}}<br><span class="muted">{{nip}} · {{agency}}</span></th>
            <td><a href="{{sessionHref}}">{{program}}</a><br><span class="muted">{{session}}{{#start}} · {{start}}{{/start}}</span></td>
            <td>{{stage}}{{#supervisorApproved}}<br><span class="badge ok">{{t.apv_supervisor_ok}}</span>{{#supervisorNote}} <span class="muted">“{{supervisorNote}}”</span>{{/supervisorNote}}{{/supervisorApproved}}</td>
            <td>{{due}}{{#overdue}}<br><span class="badge bad">{{t.apv_overdue}}</span>{{/overdue}}{{#reminded}}<br><span class="muted">{{t.apv_reminded}} {{reminded}}</span>{{/reminded}}</td>
            <td>
              {{#error}}<p class="field-error" id="apv-error-{{i}}">{{error}}</p>{{/error}}
              <form method="post" action="/persetujuan" class="inline">
                <input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="sesi" value="{{session}}"><input type="hidden" name="nip" value="{{nip}}">
                <button type="submit" name="keputusan" value="setujui">{{t.apv_approve}}<span class="mng-sr"> {{name}}</span></button>
              </form>
              <form method="post" action="/persetujuan" class="apv-refuse">
                <input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="sesi" value="{{session}}"><input type="hidden" name="nip" value="{{nip}}">
                <label for="alasan-{{i}}">{{t.apv_reason}}<span class="mng-sr"> {{name}}</span></label>
                <input id="alasan-{{i}}" name="alasan" maxlength="200"{{#error}} aria-invalid="true" aria-describedby="apv-error-{{i}}"{{/error}}>
                <button type="submit" name="keputusan" value="tolak" class="secondary">{{t.apv_refuse}}<span class="mng-sr"> {{name}}</span></button>
              </form>
            </td>
          </tr>{{/rows}}</tbody>
        </table></div>
        {{/hasRows}}
        """#

    /// The built-in duty letter; `<data-dir>/surat-tugas.mustache` replaces it.
    static let dutyLetter = #"""
        <!DOCTYPE html>
        <html lang="id">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Surat Tugas {{number}}</title>
        <style>
          @page { size: A4; margin: 20mm 22mm; }
          body { font-family: "Times New Roman", serif; font-size: 12pt; line-height: 1.5; color: #000; max-width: 170mm; margin: 16px auto; }
          header { text-align: center; border-bottom: 3px double #000; padding-bottom: 6px; margin-bottom: 16px; }
          header p { margin: 0; } header .gov { font-size: 14pt; font-weight: bold; } header .unit { font-size: 16pt; font-weight: bold; }
          h1 { text-align: center; font-size: 13pt; text-decoration: underline; margin: 16px 0 0; }
          .number { text-align: center; margin: 0 0 16px; }
          table { border-collapse: collapse; margin: 4px 0 12px 24px; } td { padding: 1px 6px; vertical-align: top; }
          .sign { margin-left: 55%; margin-top: 24px; } .sign .space { height: 64px; }
          .print-hint { font-family: sans-serif; font-size: 10pt; color: #555; } @media print { .print-hint { display: none; } }
        </style>
        </head>
        <body>
        <p class="print-hint">Cetak halaman ini atau simpan sebagai PDF dari menu cetak peramban.</p>
        <header>
          <p class="gov">PEMERINTAH KOTA</p>
          <p class="unit">BADAN KEPEGAWAIAN DAN PENGEMBANGAN SUMBER DAYA MANUSIA</p>
        </header>
        <h1>SURAT TUGAS</h1>
        <p class="number">Nomor: {{number}}</p>
        <p>Dasar: program pengembangan kompetensi <strong>{{program}}</strong> ({{session}}) yang diselenggarakan oleh {{organizer}}, dan persetujuan atasan langsung yang bersangkutan.</p>
        <p>Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia menugaskan:</p>
        <table>
          <tr><td>Nama</td><td>:</td><td>{{name}}</td></tr>
          <tr><td>NIP</td><td>:</td><td>{{nip}}</td></tr>
          <tr><td>Pangkat/Golongan</td><td>:</td><td>{{rank}}</td></tr>
          <tr><td>Jabatan</td><td>:</td><td>{{position}}</td></tr>
          <tr><td>Unit kerja</td><td>:</td><td>{{agency}}</td></tr>
        </table>
        <p>untuk mengikuti <strong>{{program}}</strong> angkatan {{batch}} ({{jp}} JP) pada {{dates}} di {{venue}}, dan dibebaskan dari tugas kedinasan sehari-hari selama kegiatan berlangsung.</p>
        <p>Setelah selesai, yang bersangkutan menyampaikan sertifikat dan laporan kepada atasan langsung. Surat tugas ini dibuat untuk dilaksanakan dengan penuh tanggung jawab.</p>
        <div class="sign">
          <p>Ditetapkan pada tanggal {{issued}}</p>
          <p>Kepala BKPSDM,</p>
          <div class="space"></div>
          <p>(.........................................)</p>
          <p>NIP .....................................</p>
        </div>
        </body>
        </html>
        """#
}
