extension Templates {
    /// The templates of `ReportPages`. `{{{report}}}` is the report's content as BKReportView renders
    /// it (built and escaped there; listed in `trustedHTML`).
    static let report: [String: String] = ["rpt_index": reportIndex, "rpt_report": reportPage, "rpt_broken": reportBroken]

    static let reportIndex = #"""
        <h1>{{t.rpt_title}}</h1>
        <p>{{t.rpt_intro}}</p>
        <div class="cards rpt-hub">
        {{#mine}}
          <section class="card" aria-labelledby="rpt-mine">
            <h2 id="rpt-mine">{{t.rpt_mine}}</h2>
            <p class="muted">{{t.rpt_mine_text}}</p>
            <p><a href="{{href}}">{{t.rpt_mine_link}}</a></p>
          </section>
        {{/mine}}
        {{#ownAgency}}
          <section class="card" aria-labelledby="rpt-agency">
            <h2 id="rpt-agency">{{t.rpt_agency}}</h2>
            <p class="muted">{{t.rpt_agency_text}}</p>
            <p><a href="{{href}}">{{t.rpt_agency_open}} {{code}}</a></p>
          </section>
        {{/ownAgency}}
        {{#organizer}}
          <section class="card" aria-labelledby="rpt-city">
            <h2 id="rpt-city">{{t.rpt_city}}</h2>
            <p class="muted">{{t.rpt_city_text}}</p>
            <form method="get" action="/laporan/kota" class="rpt-form">
              <div class="field">
                <label for="rpt-city-year">{{t.rpt_year}}</label>
                <select id="rpt-city-year" name="tahun">{{#years}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{value}}</option>{{/years}}</select>
              </div>
              <div class="field">
                <label for="rpt-city-quarter">{{t.rpt_period}}</label>
                <select id="rpt-city-quarter" name="kuartal">{{#quarters}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/quarters}}</select>
              </div>
              <button type="submit">{{t.rpt_show}}</button>
            </form>
          </section>
          <section class="card" aria-labelledby="rpt-any-agency">
            <h2 id="rpt-any-agency">{{t.rpt_agency}}</h2>
            <p class="muted">{{t.rpt_agency_any_text}}</p>
            <form method="get" action="/laporan/instansi" class="rpt-form" novalidate>
              <div class="field">
                <label for="rpt-agency-code">{{t.rpt_agency_field}}</label>
                {{#agencyError}}<p class="field-error" id="rpt-agency-error">{{t.rpt_agency_invalid}}</p>{{/agencyError}}
                <select id="rpt-agency-code" name="kode" required{{#agencyError}} aria-invalid="true" aria-describedby="rpt-agency-error"{{/agencyError}}>
                  <option value="">–</option>
                  {{#agencies}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{name}} ({{code}})</option>{{/agencies}}
                </select>
              </div>
              <div class="field">
                <label for="rpt-agency-year">{{t.rpt_year}}</label>
                <select id="rpt-agency-year" name="tahun">{{#years}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{value}}</option>{{/years}}</select>
              </div>
              <button type="submit">{{t.rpt_show}}</button>
            </form>
          </section>
        {{/organizer}}
        {{#person}}
          <section class="card" aria-labelledby="rpt-person">
            <h2 id="rpt-person">{{t.rpt_person}}</h2>
            <p class="muted">{{t.rpt_person_text}}</p>
            <form method="get" action="/laporan/pegawai" class="rpt-form" novalidate>
              <div class="field">
                <label for="rpt-nip">{{t.rpt_nip}}</label>
                {{#error}}<p class="field-error" id="rpt-nip-error">{{t.rpt_nip_invalid}}</p>{{/error}}
                <input id="rpt-nip" name="nip" value="{{nip}}" inputmode="numeric" autocomplete="off" maxlength="24" required aria-describedby="rpt-nip-hint{{#error}} rpt-nip-error{{/error}}"{{#error}} aria-invalid="true"{{/error}}>
                <p class="hint" id="rpt-nip-hint">{{t.rpt_nip_hint}}</p>
              </div>
              <div class="field">
                <label for="rpt-person-year">{{t.rpt_year}}</label>
                <select id="rpt-person-year" name="tahun">{{#years}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{value}}</option>{{/years}}</select>
              </div>
              <button type="submit">{{t.rpt_show}}</button>
            </form>
          </section>
        {{/person}}
        </div>
        {{#staff}}
        <section aria-labelledby="rpt-staff">
          <h2 id="rpt-staff">{{t.rpt_staff}}</h2>
          <p class="muted">{{t.rpt_staff_text}}</p>
          {{#any}}
          <div class="table-wrap">
          <table>
            <thead><tr><th scope="col">{{t.rpt_col_name}}</th><th scope="col">{{t.rpt_nip}}</th><th scope="col">{{t.rpt_col_position}}</th></tr></thead>
            <tbody>
            {{#people}}<tr><td><a href="{{href}}">{{name}}</a></td><td>{{nip}}</td><td>{{position}}</td></tr>{{/people}}
            </tbody>
          </table>
          </div>
          {{/any}}
          {{^any}}<p>{{t.rpt_staff_none}}</p>{{/any}}
        </section>
        {{/staff}}
        {{#published}}
        <section aria-labelledby="rpt-published">
          <h2 id="rpt-published">{{t.rpt_published_list}}</h2>
          <p class="muted">{{t.rpt_published_list_text}}</p>
          {{#any}}
          <div class="table-wrap">
          <table>
            <thead><tr><th scope="col">{{t.rpt_col_report}}</th><th scope="col">{{t.rpt_col_kind}}</th><th scope="col">{{t.rpt_col_scope}}</th><th scope="col">{{t.rpt_col_period}}</th><th scope="col">{{t.rpt_col_published}}</th><th scope="col">{{t.rpt_col_id}}</th></tr></thead>
            <tbody>
            {{#reports}}<tr><td><a href="{{href}}">{{title}}</a></td><td>{{kind}}</td><td>{{scope}}</td><td>{{period}}</td><td>{{time}}{{#by}} {{t.rpt_by}} {{by}}{{/by}}</td><td><code>{{id}}</code></td></tr>{{/reports}}
            </tbody>
          </table>
          </div>
          {{#next}}<p><a href="{{next}}">{{t.rpt_next_page}}</a></p>{{/next}}
          {{/any}}
          {{^any}}<p>{{t.rpt_published_none}}</p>{{/any}}
        </section>
        {{/published}}
        {{#organizer}}
        <section aria-labelledby="rpt-programs">
          <h2 id="rpt-programs">{{t.rpt_programs}}</h2>
          <p class="muted">{{t.rpt_programs_text}}</p>
          {{#anyPrograms}}
          <div class="table-wrap">
          <table>
            <thead><tr><th scope="col">{{t.rpt_col_program}}</th><th scope="col">{{t.rpt_col_code}}</th></tr></thead>
            <tbody>
            {{#programs}}<tr><td><a href="{{href}}">{{title}}</a></td><td>{{code}}</td></tr>{{/programs}}
            </tbody>
          </table>
          </div>
          {{/anyPrograms}}
          {{^anyPrograms}}<p>{{t.rpt_programs_none}}</p>{{/anyPrograms}}
        </section>
        {{/organizer}}
        """#

    static let reportPage = #"""
        <p class="rpt-back"><a href="/laporan">{{t.rpt_back}}</a></p>
        {{#rpt}}
        <p class="rpt-eyebrow">{{kind}} · {{period}}</p>
        <h1 lang="id">{{title}}</h1>
        <p class="rpt-subtitle" lang="id">{{subtitle}}</p>
        <p class="muted">{{t.rpt_made}} {{made}} · {{positions}}</p>
        {{#published}}
        <section class="card rpt-published" aria-labelledby="rpt-pub">
          <h2 id="rpt-pub">{{t.rpt_pub_heading}}</h2>
          <dl class="rpt-facts">
            <dt>{{t.rpt_pub_id}}</dt><dd><code>{{id}}</code></dd>
            <dt>{{t.rpt_pub_hash}}</dt><dd><code class="rpt-hash">{{sha256}}</code></dd>
            <dt>{{t.rpt_pub_signature}}</dt>
            <dd>{{#signed}}<span class="badge ok">{{t.rpt_pub_signature_ok}}</span> {{t.rpt_pub_signature_ok_text}}<br><code class="rpt-hash">{{signature}}</code>{{/signed}}{{^signed}}<span class="badge warn">{{t.rpt_pub_signature_missing}}</span>{{/signed}}</dd>
            <dt>{{t.rpt_pub_by}}</dt><dd>{{by}}</dd>
            <dt>{{t.rpt_pub_time}}</dt><dd>{{time}}</dd>
          </dl>
          <p><a href="{{live}}">{{t.rpt_pub_live}}</a></p>
        </section>
        {{/published}}
        <div class="rpt-tools">
          {{#chooser}}
          <form method="get" action="{{action}}" class="rpt-chooser" aria-label="{{t.rpt_choose}}">
            <div class="field">
              <label for="rpt-year">{{t.rpt_year}}</label>
              <select id="rpt-year" name="tahun">{{#years}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{value}}</option>{{/years}}</select>
            </div>
            {{#city}}
            <div class="field">
              <label for="rpt-quarter">{{t.rpt_period}}</label>
              <select id="rpt-quarter" name="kuartal">{{#quarters}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/quarters}}</select>
            </div>
            {{/city}}
            <div class="field"><button type="submit" class="secondary">{{t.rpt_show}}</button></div>
          </form>
          {{/chooser}}
          <div class="rpt-downloads" role="group" aria-labelledby="rpt-downloads-label" aria-describedby="rpt-downloads-hint">
            <p id="rpt-downloads-label" class="rpt-label">{{t.rpt_downloads}}</p>
            <ul class="actions">
            {{#downloads}}<li><a class="button secondary" href="{{href}}" download>{{label}}</a></li>{{/downloads}}
            </ul>
            <p class="hint" id="rpt-downloads-hint">{{t.rpt_downloads_hint}}</p>
          </div>
          {{#publish}}
          <form method="post" action="{{action}}" class="rpt-publish">
            <input type="hidden" name="_csrf" value="{{csrf}}">
            <input type="hidden" name="tahun" value="{{year}}">
            <input type="hidden" name="kuartal" value="{{quarter}}">
            <p class="hint" id="rpt-publish-hint">{{t.rpt_publish_text}}</p>
            <button type="submit" aria-describedby="rpt-publish-hint">{{t.rpt_publish}}</button>
          </form>
          {{/publish}}
        </div>
        {{/rpt}}
        {{#english}}<p class="muted">{{t.rpt_language_note}}</p>{{/english}}
        <div class="report" lang="id">
        {{{report}}}
        </div>
        """#

    static let reportBroken = #"""
        <p class="rpt-back"><a href="/laporan">{{t.rpt_back}}</a></p>
        <h1>{{t.rpt_pub_broken_title}}</h1>
        <p class="notice" role="alert">{{t.rpt_pub_broken}}</p>
        <p>{{t.rpt_pub_id}}: <code>{{id}}</code></p>
        """#
}
