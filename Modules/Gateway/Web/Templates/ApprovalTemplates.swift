extension Templates {
    static let approval: [String: String] = [
        "apv_list": apvList,
        "duty_letter": dutyLetter,
        "lrn_row": lrnRow,
        "lrn_report": lrnReport,
        "lrn_table": lrnTable,
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
        {{#hasValidate}}
        <h2 id="lrn-validate-h">{{t.lrn_validate_title}}</h2>
        <p class="muted">{{t.lrn_validate_lead}}</p>
        {{#validate}}{{> lrn_row}}{{/validate}}
        {{/hasValidate}}
        {{#hasVerify}}
        <h2 id="lrn-verify-h">{{t.lrn_verify_title}}</h2>
        {{#verify}}{{> lrn_row}}{{/verify}}
        {{/hasVerify}}
        """#

    /// One reported learning activity with its two decisions, on `/persetujuan`.
    static let lrnRow = #"""
        <article class="card lrn-item" aria-label="{{name}}: {{title}}">
          <h3>{{title}} <span class="muted">({{jp}} JP)</span></h3>
          <p>{{name}} · {{nip}}<br>{{dates}}{{#provider}} · {{provider}}{{/provider}}{{#activity}}<br><span class="muted">{{activity}}</span>{{/activity}}{{#evidence}}<br>{{t.lrn_evidence}}: {{evidence}}{{/evidence}}{{#validated}}<br><span class="badge ok">{{t.lrn_validated}}</span>{{/validated}}</p>
          {{#error}}<p class="field-error" id="lrn-error-{{id}}">{{error}}</p>{{/error}}
          <form method="post" action="/persetujuan/pembelajaran" class="inline">
            <input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="id" value="{{id}}"><input type="hidden" name="tahap" value="{{step}}">
            <button type="submit" name="keputusan" value="setujui">{{#validated}}{{t.lrn_verify}}{{/validated}}{{^validated}}{{t.lrn_validate}}{{/validated}}<span class="mng-sr"> {{title}}, {{name}}</span></button>
          </form>
          <form method="post" action="/persetujuan/pembelajaran" class="apv-refuse">
            <input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="id" value="{{id}}"><input type="hidden" name="tahap" value="{{step}}">
            <label for="lrn-alasan-{{id}}">{{t.apv_reason}}<span class="mng-sr"> {{title}}</span></label>
            <input id="lrn-alasan-{{id}}" name="alasan" maxlength="200"{{#error}} aria-invalid="true" aria-describedby="lrn-error-{{id}}"{{/error}}>
            <button type="submit" name="keputusan" value="tolak" class="secondary">{{t.apv_refuse}}<span class="mng-sr"> {{title}}, {{name}}</span></button>
          </form>
        </article>
        """#

    static let lrnReport = #"""
        <p class="mng-crumbs"><a href="/jp">{{t.cat_ledger_title}}</a></p>
        <h1>{{t.lrn_report_title}}</h1>
        <p class="mng-lead">{{t.lrn_report_lead}} <a href="/jp/konversi">{{t.lrn_table_link}} {{version}}</a></p>
        {{#hasErrors}}<p class="error" role="alert">{{#formError}}{{formError}}{{/formError}}{{^formError}}{{t.form_errors}}{{/formError}}</p>{{/hasErrors}}
        <form method="post" action="/jp/lapor" novalidate>
          <input type="hidden" name="_csrf" value="{{csrf}}">
          <div class="field">
            <label for="kegiatan">{{t.lrn_f_activity}}</label>
            {{#err.kegiatan}}<p class="field-error" id="kegiatan-error">{{err.kegiatan}}</p>{{/err.kegiatan}}
            <select id="kegiatan" name="kegiatan"{{#err.kegiatan}} aria-invalid="true" aria-describedby="kegiatan-error"{{/err.kegiatan}}>{{#activities}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/activities}}</select>
          </div>
          <div class="field">
            <label for="satuan">{{t.lrn_f_units}}</label>
            <p class="hint" id="satuan-hint">{{t.lrn_f_units_hint}}</p>
            {{#err.satuan}}<p class="field-error" id="satuan-error">{{err.satuan}}</p>{{/err.satuan}}
            <input id="satuan" name="satuan" inputmode="decimal" class="mng-short" value="{{in.satuan}}" aria-describedby="satuan-hint{{#err.satuan}} satuan-error{{/err.satuan}}"{{#err.satuan}} aria-invalid="true"{{/err.satuan}}>
          </div>
          <div class="field">
            <label for="judul">{{t.lrn_f_title}}</label>
            {{#err.judul}}<p class="field-error" id="judul-error">{{err.judul}}</p>{{/err.judul}}
            <input id="judul" name="judul" value="{{in.judul}}" maxlength="200"{{#err.judul}} aria-invalid="true" aria-describedby="judul-error"{{/err.judul}}>
          </div>
          <div class="field">
            <label for="penyelenggara">{{t.lrn_f_provider}}</label>
            <input id="penyelenggara" name="penyelenggara" value="{{in.penyelenggara}}" maxlength="200">
          </div>
          <div class="field">
            <label for="mulai">{{t.lrn_f_start}}</label>
            {{#err.mulai}}<p class="field-error" id="mulai-error">{{err.mulai}}</p>{{/err.mulai}}
            <input id="mulai" name="mulai" type="date" value="{{in.mulai}}"{{#err.mulai}} aria-invalid="true" aria-describedby="mulai-error"{{/err.mulai}}>
          </div>
          <div class="field">
            <label for="selesai">{{t.lrn_f_end}}</label>
            {{#err.selesai}}<p class="field-error" id="selesai-error">{{err.selesai}}</p>{{/err.selesai}}
            <input id="selesai" name="selesai" type="date" value="{{in.selesai}}"{{#err.selesai}} aria-invalid="true" aria-describedby="selesai-error"{{/err.selesai}}>
          </div>
          <fieldset class="field">
            <legend>{{t.lrn_f_evidence_kinds}}</legend>
            {{#err.jenis_bukti}}<p class="field-error" id="jenis-bukti-error">{{err.jenis_bukti}}</p>{{/err.jenis_bukti}}
            {{#evidenceKinds}}<label for="ev-{{i}}"><input type="checkbox" id="ev-{{i}}" name="jenis_bukti" value="{{value}}"{{#checked}} checked{{/checked}}> {{label}}</label><br>{{/evidenceKinds}}
          </fieldset>
          <div class="field">
            <label for="bukti">{{t.lrn_f_evidence}}</label>
            <p class="hint" id="bukti-hint">{{t.lrn_f_evidence_hint}}</p>
            <input id="bukti" name="bukti" value="{{in.bukti}}" maxlength="200" aria-describedby="bukti-hint">
          </div>
          <div class="actions"><button type="submit">{{t.lrn_submit}}</button></div>
        </form>
        """#

    static let lrnTable = #"""
        <p class="mng-crumbs"><a href="/jp">{{t.cat_ledger_title}}</a></p>
        <h1>{{t.lrn_table_title}} {{version}}</h1>
        <p class="mng-lead">{{t.lrn_effective}} {{effectiveFrom}}. {{basis}}</p>
        <div class="table-wrap"><table>
          <thead><tr><th scope="col">{{t.lrn_f_activity}}</th><th scope="col">{{t.lrn_col_model}}</th><th scope="col" class="num">{{t.lrn_col_rate}}</th><th scope="col" class="num">{{t.lrn_col_cap}}</th><th scope="col">{{t.lrn_evidence}}</th></tr></thead>
          <tbody>{{#rules}}<tr><th scope="row">{{name}}<br><span class="muted">{{code}}</span></th><td>{{model}}</td><td class="num">{{jp}}</td><td class="num">{{cap}}</td><td>{{evidence}}</td></tr>{{/rules}}</tbody>
        </table></div>
        """#

    /// The built-in duty letter; `<data-dir>/surat-tugas.mustache` replaces it.
    static let dutyLetter = #"""
        <!DOCTYPE html>
        <html lang="id">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Surat Tugas {{number}}</title>
        <link rel="stylesheet" href="/aset/surat.css">
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
