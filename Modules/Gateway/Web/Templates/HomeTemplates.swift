extension Templates {
    /// `/beranda`: the parts that apply to the person, ASN part first; each part shows the
    /// "service unavailable" notice on its own when its daemon is down (`down`).
    static let home = #"""
        <h1>{{t.home_greeting}}, {{greeting}}</h1>
        {{#asn}}
        <section aria-labelledby="home-asn">
          <h2 id="home-asn">{{t.home_asn_heading}} {{year}}</h2>
          <div class="cards">
            <div class="card">
              <h3 id="home-jp">{{t.home_jp_heading}}</h3>
              {{#jp.down}}<p class="notice" role="status">{{t.service_down}}</p>{{/jp.down}}
              {{^jp.down}}{{#jp}}
              <p class="cat-jp">{{verified}} / {{target}} JP</p>
              <meter min="0" max="{{meterMax}}" value="{{meterValue}}"{{^ceiling}} low="{{meterLow}}" high="{{meterMax}}" optimum="{{meterMax}}"{{/ceiling}} aria-labelledby="home-jp" aria-describedby="home-jp-status">{{meterLabel}}</meter>
              <p id="home-jp-status">{{#meets}}<span class="badge ok">{{status}}</span>{{/meets}}{{^meets}}<span class="badge warn">{{status}}</span>{{/meets}}</p>
              {{#hasPending}}<p class="muted">{{t.cat_jp_pending}}: {{pending}} JP</p>{{/hasPending}}
              <p><a href="/jp">{{t.home_jp_link}}</a></p>
              {{/jp}}{{/jp.down}}
            </div>
            <div class="card">
              <h3>{{t.home_pending_heading}}</h3>
              {{#pending.down}}<p class="notice" role="status">{{t.service_down}}</p>{{/pending.down}}
              {{^pending.down}}
              {{^empty(pending.forms)}}
              <ul class="plain">
                {{#pending.forms}}<li><a href="{{href}}">{{title}}</a>{{#until}}<br><span class="muted">{{t.home_until}} {{until}}</span>{{/until}}</li>{{/pending.forms}}
              </ul>
              {{/empty(pending.forms)}}
              {{^pending.forms}}<p class="muted">{{t.home_pending_none}}</p>{{/pending.forms}}
              {{/pending.down}}
            </div>
            <div class="card">
              <h3>{{t.home_upcoming_heading}}</h3>
              {{#upcoming.down}}<p class="notice" role="status">{{t.service_down}}</p>{{/upcoming.down}}
              {{^upcoming.down}}
              {{^empty(upcoming.sessions)}}
              <ul class="plain">
                {{#upcoming.sessions}}<li><a href="{{href}}">{{title}} — {{t.cat_batch}} {{batch}}</a><br><span class="muted">{{dates}} · {{place}}</span> <span class="badge {{stateClass}}">{{state}}</span></li>{{/upcoming.sessions}}
              </ul>
              {{/empty(upcoming.sessions)}}
              {{^upcoming.sessions}}<p class="muted">{{t.home_upcoming_none}}</p>{{/upcoming.sessions}}
              <p><a href="/katalog">{{t.home_catalogue_link}}</a></p>
              {{/upcoming.down}}
            </div>
            <div class="card">
              <h3>{{t.home_certificates_heading}}</h3>
              {{#certificates.down}}<p class="notice" role="status">{{t.service_down}}</p>{{/certificates.down}}
              {{^certificates.down}}
              {{^empty(certificates.list)}}
              <ul class="plain">
                {{#certificates.list}}<li><a href="{{href}}">{{program}}</a><br><span class="muted">{{number}} · {{date}} · {{jp}} JP</span>{{#revoked}} <span class="badge bad">{{t.cat_revoked}}</span>{{/revoked}}</li>{{/certificates.list}}
              </ul>
              {{/empty(certificates.list)}}
              {{^certificates.list}}<p class="muted">{{t.home_certificates_none}}</p>{{/certificates.list}}
              {{#certificates.more}}<p>{{certificates.more}}</p>{{/certificates.more}}
              <p><a href="/sertifikat">{{t.home_certificates_link}}</a></p>
              {{/certificates.down}}
            </div>
          </div>
          {{#supervisor}}<p class="actions"><a class="button secondary" href="/tim">{{t.home_team_link}}</a></p>{{/supervisor}}
        </section>
        {{/asn}}
        {{#head}}
        <section aria-labelledby="home-head">
          <h2 id="home-head">{{t.home_head_heading}}: {{agency}}</h2>
          <div class="cards">
            <div class="card">
              <h3 id="home-head-jp">{{t.home_compliance_heading}} {{year}}</h3>
              {{#compliance.down}}<p class="notice" role="status">{{t.service_down}}</p>{{/compliance.down}}
              {{^compliance.down}}{{#compliance}}
              <p class="big">{{percent}}</p>
              <meter min="0" max="100" low="60" high="90" optimum="100" value="{{meterValue}}" aria-labelledby="home-head-jp" aria-describedby="home-head-jp-text">{{percent}}</meter>
              <p id="home-head-jp-text">{{sentence}}</p>
              <p class="muted">{{t.home_average_jp}}: {{averageJP}} JP · {{t.home_below_target}}: {{belowTotal}}</p>
              {{#hasBelow}}
              <h4 class="cat-sub">{{t.home_below_heading}}</h4>
              <ul class="plain">{{#below}}<li><a href="{{ledgerHref}}">{{name}}</a> <span class="muted">{{jp}} JP</span></li>{{/below}}</ul>
              {{/hasBelow}}
              <p class="muted">{{t.home_by_unit_note}}</p>
              {{/compliance}}{{/compliance.down}}
            </div>
            <div class="card">
              <h3>{{t.home_dialogues_heading}}</h3>
              {{#dialogues.down}}<p class="notice" role="status">{{t.service_down}}</p>{{/dialogues.down}}
              {{^dialogues.down}}
              {{^empty(dialogues.list)}}
              <ul class="plain">
                {{#dialogues.list}}<li><a href="{{href}}">{{topic}}</a><br><span class="muted">{{date}} · {{aspirations}}</span> <span class="badge {{stateClass}}">{{state}}</span></li>{{/dialogues.list}}
              </ul>
              {{/empty(dialogues.list)}}
              {{^dialogues.list}}<p class="muted">{{t.home_dialogues_none}}</p>{{/dialogues.list}}
              <p><a href="/dialog">{{t.home_dialogues_link}}</a></p>
              {{/dialogues.down}}
            </div>
            <div class="card">
              <h3>{{t.home_overdue_heading}}</h3>
              {{#overdue.down}}<p class="notice" role="status">{{t.service_down}}</p>{{/overdue.down}}
              {{^overdue.down}}
              {{^empty(overdue.list)}}
              <p><span class="badge bad">{{overdue.count}} {{t.home_overdue_count}}</span></p>
              <ul class="plain">
                {{#overdue.list}}<li><a href="{{href}}">{{title}}</a><br><span class="muted">{{t.home_due}} {{due}} · {{state}}</span></li>{{/overdue.list}}
              </ul>
              {{/empty(overdue.list)}}
              {{^overdue.list}}<p class="muted">{{t.home_overdue_none}}</p>{{/overdue.list}}
              <p><a href="/tindak-lanjut">{{t.home_actions_link}}</a></p>
              {{/overdue.down}}
            </div>
          </div>
        </section>
        {{/head}}
        {{#city}}
        <section aria-labelledby="home-city">
          <h2 id="home-city">{{t.home_city_heading}} {{year}}</h2>
          {{#sessions.down}}<p class="notice" role="status">{{t.service_down}}</p>{{/sessions.down}}
          {{^sessions.down}}{{#sessions}}
          <div class="cards cat-numbers">
            <div class="card"><h3>{{t.home_running}}</h3><p class="big">{{running}}</p><p class="muted">{{t.home_open}}: {{open}}</p></div>
            <div class="card"><h3>{{t.home_participants}}</h3><p class="big">{{participants}}</p><p class="muted">{{t.home_completed}}: {{completed}}</p></div>
            {{#compliance.percent}}<div class="card"><h3>{{t.home_city_compliance}}</h3><p class="big">{{compliance.percent}}</p><p class="muted">{{compliance.sentence}}</p></div>{{/compliance.percent}}
          </div>
          {{/sessions}}{{/sessions.down}}
          {{#compliance.down}}<p class="notice" role="status">{{t.service_down}}</p>{{/compliance.down}}
          {{^compliance.down}}{{#compliance}}
          {{#sessions.down}}<div class="card"><h3>{{t.home_city_compliance}}</h3><p class="big">{{percent}}</p><p class="muted">{{sentence}}</p></div>{{/sessions.down}}
          <h3>{{t.home_chart_heading}}</h3>
          {{#charts}}
          <figure class="chart">
            {{{svg}}}
            <figcaption class="muted">{{caption}}</figcaption>
          </figure>
          {{/charts}}
          {{^empty(agencies)}}
          <details>
            <summary>{{t.home_chart_table}}</summary>
            <div class="table-wrap" tabindex="0" role="region" aria-label="{{t.home_chart_table}}">
              <table>
                <caption class="cat-sr">{{t.home_chart_table}}</caption>
                <thead><tr><th scope="col">{{t.home_col_agency}}</th><th scope="col" class="num">{{t.home_col_percent}}</th><th scope="col" class="num">{{t.home_col_meeting}}</th><th scope="col" class="num">{{t.home_col_average}}</th></tr></thead>
                <tbody>
                  {{#agencies}}<tr><td>{{name}} <span class="muted">({{code}})</span></td><td class="num">{{percent}}</td><td class="num">{{meeting}} / {{active}}</td><td class="num">{{averageJP}}</td></tr>{{/agencies}}
                </tbody>
              </table>
            </div>
          </details>
          {{/empty(agencies)}}
          {{/compliance}}{{/compliance.down}}
          <p class="actions"><a class="button" href="/kelola">{{t.home_manage_link}}</a> <a class="button secondary" href="/laporan">{{t.home_reports_link}}</a></p>
        </section>
        {{/city}}
        """#
}
