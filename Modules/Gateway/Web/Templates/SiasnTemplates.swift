extension Templates {
    /// The templates of `SiasnPages`.
    static let siasn: [String: String] = [
        "siasn_home": siasnHome,
        "siasn_reconcile": siasnReconcile,
        "siasn_rows": siasnRows,
    ]

    /// `/kelola/siasn`: an agency's downloads, its SIASN import and the way to the reconciliation.
    static let siasnHome = #"""
        <h1>{{t.siasn_title}}</h1>
        <p class="mng-lead">{{t.siasn_intro}}</p>
        <form method="get" action="/kelola/siasn" class="dlg-filters">
          {{#organizer}}<div class="field"><label for="siasn-opd">{{t.siasn_agency_label}}</label><input type="text" id="siasn-opd" name="opd" value="{{agency}}" autocomplete="off"></div>{{/organizer}}
          <div class="field"><label for="siasn-tahun">{{t.siasn_year_label}}</label>
            <select id="siasn-tahun" name="tahun">{{#years}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/years}}</select></div>
          <div class="field"><button type="submit">{{t.siasn_show}}</button></div>
        </form>
        {{#agency}}
        <h2>{{agencyName}} <span class="muted">({{agency}})</span></h2>
        <section class="card" aria-labelledby="siasn-download">
          <h3 id="siasn-download" class="dlg-h-small">{{t.siasn_download_heading}}</h3>
          <p class="big">{{total}} <span class="muted">{{t.siasn_records}}</span></p>
          <p class="muted">{{t.siasn_download_note}}</p>
          <p class="mng-links">
            <a class="button" href="{{csvHref}}" download>{{t.siasn_download_csv}}</a>
            <a class="button secondary" href="{{jsonHref}}" download>{{t.siasn_download_json}}</a>
            <a href="{{reconcileHref}}">{{t.siasn_reconcile_link}}</a>
          </p>
        </section>
        <section class="card" aria-labelledby="siasn-import">
          <h3 id="siasn-import" class="dlg-h-small">{{t.siasn_import_heading}}</h3>
          {{#lastImport}}<p>{{t.siasn_last_import}}: {{when}}, {{rows}} {{t.siasn_rows}} {{t.siasn_by}} {{by}}</p>{{/lastImport}}
          {{^lastImport}}<p class="muted">{{t.siasn_no_import}}</p>{{/lastImport}}
          {{#organizer}}
          <p class="muted">{{t.siasn_import_note}}</p>
          {{#importMessage}}<p class="notice" role="status">{{importMessage}}</p>{{/importMessage}}
          {{#hasImportErrors}}
          <div class="table-wrap"><table>
            <thead><tr><th scope="col">{{t.siasn_col_line}}</th><th scope="col">{{t.siasn_col_reason}}</th></tr></thead>
            <tbody>{{#importErrors}}<tr><td>{{line}}</td><td>{{reason}}</td></tr>{{/importErrors}}</tbody>
          </table></div>
          {{/hasImportErrors}}
          <form method="post" action="/kelola/siasn/impor?opd={{agency}}" enctype="multipart/form-data" class="mng-form">
            <input type="hidden" name="_csrf" value="{{csrf}}">
            <input type="hidden" name="opd" value="{{agency}}">
            <div class="field"><label for="siasn-file">{{t.siasn_import_file}}</label><input type="file" id="siasn-file" name="berkas" accept=".json,.csv,application/json,text/csv" required></div>
            <div class="field"><label><input type="checkbox" name="uji" value="1"> {{t.siasn_import_dry_run}}</label></div>
            <div class="actions"><button type="submit">{{t.siasn_import_button}}</button></div>
          </form>
          {{/organizer}}
        </section>
        {{/agency}}
        """#

    /// A table of SIASN records.
    static let siasnRows = #"""
        <div class="table-wrap"><table>
          <thead><tr><th scope="col">{{t.siasn_col_nip}}</th><th scope="col">{{t.siasn_col_name}}</th><th scope="col">{{t.siasn_col_course}}</th><th scope="col" class="num">{{t.siasn_col_year}}</th><th scope="col" class="num">{{t.siasn_col_hours}}</th><th scope="col">{{t.siasn_col_number}}</th><th scope="col">{{t.siasn_col_source}}</th></tr></thead>
          <tbody>
          {{#rows}}<tr><td>{{nip}}</td><td>{{name}}</td><td>{{course}}</td><td class="num">{{year}}</td><td class="num">{{hours}}</td><td>{{#certificateHref}}<a href="{{certificateHref}}">{{number}}</a>{{/certificateHref}}{{^certificateHref}}{{number}}{{/certificateHref}}</td><td>{{source}}</td></tr>{{/rows}}
          </tbody>
        </table></div>
        """#

    /// `/kelola/siasn/rekonsiliasi` (and `/jp/siasn/rekonsiliasi` for one person).
    static let siasnReconcile = #"""
        <p class="mng-crumbs"><a href="{{backHref}}">{{t.siasn_back}}</a></p>
        <h1>{{t.siasn_reconcile_title}}: {{scopeName}}</h1>
        <p class="mng-lead">{{t.siasn_reconcile_intro}}</p>
        {{#noImport}}<p class="notice">{{t.siasn_no_import}}</p>{{/noImport}}
        {{#imports}}<p class="muted">{{t.siasn_last_import}} {{agency}}: {{when}}, {{rows}} {{t.siasn_rows}} {{t.siasn_by}} {{by}}</p>{{/imports}}
        <div class="cards mng-summary">
          <section class="card"><h2 class="dlg-h-small">{{t.siasn_here}}</h2><p class="big" id="siasn-here-total">{{hereTotal}}</p></section>
          <section class="card"><h2 class="dlg-h-small">{{t.siasn_in_siasn}}</h2><p class="big" id="siasn-siasn-total">{{siasnTotal}}</p></section>
          <section class="card"><h2 class="dlg-h-small">{{t.siasn_matched}}</h2><p class="big" id="siasn-matched-total">{{matchedTotal}}</p><p class="muted">{{differingTotal}} {{t.siasn_differing}}</p></section>
        </div>
        <section aria-labelledby="siasn-upload">
          <h2 id="siasn-upload">{{t.siasn_to_upload}} <span class="badge warn">{{toUploadTotal}}</span></h2>
          <p class="muted">{{t.siasn_to_upload_note}}</p>
          {{#toUpload}}{{> siasn_rows}}{{/toUpload}}
          {{^toUpload}}<p class="muted">{{t.siasn_none}}</p>{{/toUpload}}
        </section>
        <section aria-labelledby="siasn-check">
          <h2 id="siasn-check">{{t.siasn_to_check}} <span class="badge warn">{{toCheckTotal}}</span></h2>
          <p class="muted">{{t.siasn_to_check_note}}</p>
          {{#toCheck}}{{> siasn_rows}}{{/toCheck}}
          {{^toCheck}}<p class="muted">{{t.siasn_none}}</p>{{/toCheck}}
        </section>
        {{#hasDiffering}}
        <section aria-labelledby="siasn-diff">
          <h2 id="siasn-diff">{{t.siasn_differences}} <span class="badge">{{differingTotal}}</span></h2>
          <div class="table-wrap"><table>
            <thead><tr><th scope="col">{{t.siasn_col_nip}}</th><th scope="col">{{t.siasn_col_course}}</th><th scope="col">{{t.siasn_col_rule}}</th><th scope="col">{{t.siasn_col_differences}}</th></tr></thead>
            <tbody>{{#differing}}<tr><td>{{nip}}</td><td>{{course}}</td><td>{{rule}}</td><td>{{differences}}</td></tr>{{/differing}}</tbody>
          </table></div>
        </section>
        {{/hasDiffering}}
        {{#partial}}<p class="muted">{{t.siasn_more}}</p>{{/partial}}
        """#
}
