extension Templates {
    /// The templates of `CataloguePages`.
    static let catalogue: [String: String] = [
        "cat_catalogue": catCatalogue,
        "cat_program": catProgram,
        "cat_session": catSession,
        "cat_team": catTeam,
        "cat_ledger": catLedger,
        "cat_certificates": catCertificates,
        "cat_certificate": catCertificate,
        "cat_verify": catVerify,
        "cat_verify_form": catVerifyForm,
    ]

    static let catCatalogue = #"""
        <h1>{{t.cat_catalogue_title}}</h1>
        {{#forNIP}}<p class="notice">{{t.cat_choosing_for}} <strong>{{forName}}</strong> ({{forNIP}}). <a href="/tim">{{t.cat_back_to_team}}</a></p>{{/forNIP}}
        <form method="get" action="/katalog" class="cat-filters" role="search" aria-label="{{t.cat_search_form}}">
          {{#forNIP}}<input type="hidden" name="untuk" value="{{forNIP}}">{{/forNIP}}
          <div class="field">
            <label for="cat-q">{{t.cat_search_label}}</label>
            <input id="cat-q" name="q" type="search" value="{{q}}" maxlength="200">
          </div>
          <div class="field">
            <label for="cat-jenis">{{t.cat_kind_label}}</label>
            <select id="cat-jenis" name="jenis">
              <option value="">{{t.cat_all_kinds}}</option>
              {{#kinds}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/kinds}}
            </select>
          </div>
          <div class="field">
            <label for="cat-kompetensi">{{t.cat_competency_label}}</label>
            <select id="cat-kompetensi" name="kompetensi">
              <option value="">{{t.cat_all_competencies}}</option>
              {{#competencyGroups}}<optgroup label="{{label}}">{{#items}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/items}}</optgroup>{{/competencyGroups}}
            </select>
          </div>
          {{#agency}}
          <div class="field choices">
            <label><input type="checkbox" name="instansi" value="saya"{{#mine}} checked{{/mine}}> {{t.cat_only_my_agency}}</label>
          </div>
          {{/agency}}
          <div class="actions">
            <button type="submit">{{t.cat_search_submit}}</button>
            {{#filtered}}<a class="button secondary" href="{{resetHref}}">{{t.cat_reset}}</a>{{/filtered}}
          </div>
        </form>
        {{^empty(openSessions)}}
        <section aria-labelledby="cat-open-h">
          <h2 id="cat-open-h">{{t.cat_open_sessions}}</h2>
          <div class="table-wrap">
            <table>
              <thead><tr><th scope="col">{{t.cat_col_session}}</th><th scope="col">{{t.cat_col_dates}}</th><th scope="col">{{t.cat_col_place}}</th><th scope="col" class="num">{{t.cat_col_seats_left}}</th></tr></thead>
              <tbody>
                {{#openSessions}}<tr><td><a href="{{href}}">{{programTitle}} — {{t.cat_batch}} {{batch}}</a></td><td>{{dates}}</td><td>{{place}}</td><td class="num">{{seatsLeft}} / {{capacity}}{{#full}} <span class="badge bad">{{t.cat_full}}</span>{{/full}}</td></tr>{{/openSessions}}
              </tbody>
            </table>
          </div>
        </section>
        {{/empty(openSessions)}}
        <section aria-labelledby="cat-programs-h">
          <h2 id="cat-programs-h">{{t.cat_programs_heading}}</h2>
          {{#resultCount}}<p role="status">{{resultCount}}</p>{{/resultCount}}
          {{^empty(programs)}}
          <ul class="cards cat-list">
            {{#programs}}
            <li class="card">
              <h3><a href="{{href}}">{{title}}</a></h3>
              <p><span class="badge">{{kind}}</span> <span class="badge">{{jp}} JP</span></p>
              {{#description}}<p>{{description}}</p>{{/description}}
              {{#competencies}}<p class="muted">{{t.cat_competencies}}: {{competencies}}</p>{{/competencies}}
            </li>
            {{/programs}}
          </ul>
          {{/empty(programs)}}
          {{^programs}}<p class="notice">{{t.cat_no_programs}}</p>{{/programs}}
          {{#nextHref}}<p class="actions">{{#firstHref}}<a class="button secondary" href="{{firstHref}}">{{t.cat_first_page}}</a> {{/firstHref}}<a class="button" href="{{nextHref}}">{{t.cat_next_page}}</a></p>{{/nextHref}}
          {{^nextHref}}{{#firstHref}}<p class="actions"><a class="button secondary" href="{{firstHref}}">{{t.cat_first_page}}</a></p>{{/firstHref}}{{/nextHref}}
        </section>
        """#

    static let catProgram = #"""
        <p class="cat-noprint"><a href="{{backHref}}">{{t.cat_back_to_catalogue}}</a></p>
        <h1>{{program.title}}</h1>
        <p><span class="badge">{{program.kind}}</span> <span class="badge">{{program.jp}} JP</span> <span class="muted">{{program.code}}</span></p>
        {{#manageHref}}<p class="actions cat-noprint"><a class="button secondary" href="{{manageHref}}">{{t.cat_manage_program}}</a></p>{{/manageHref}}
        {{#description}}<p>{{description}}</p>{{/description}}
        <div class="cards">
          <div class="card">
            <h2>{{t.cat_program_facts}}</h2>
            <dl class="cat-facts">
              <dt>{{t.cat_jp}}</dt><dd>{{program.jp}} JP</dd>
              <dt>{{t.cat_organizer}}</dt><dd>{{program.organizer}}</dd>
              {{#cost}}<dt>{{t.cat_cost}}</dt><dd>{{cost}} {{t.cat_cost_per_session}}</dd>{{/cost}}
              <dt>{{t.cat_completion_rule}}</dt><dd>{{completion}}</dd>
              {{#evaluation}}<dt>{{t.cat_evaluation}}</dt><dd>{{evaluation}}</dd>{{/evaluation}}
            </dl>
          </div>
          <div class="card">
            <h2>{{t.cat_audience}}</h2>
            <ul>{{#audience}}<li>{{.}}</li>{{/audience}}</ul>
          </div>
        </div>
        {{^empty(goals)}}
        <h2>{{t.cat_goals}}</h2>
        <ul>{{#goals}}<li>{{.}}</li>{{/goals}}</ul>
        {{/empty(goals)}}
        {{^empty(competencies)}}
        <h2>{{t.cat_competencies}}</h2>
        <ul>{{#competencies}}<li>{{name}} <span class="muted">({{code}})</span> — {{t.cat_level}} {{level}}</li>{{/competencies}}</ul>
        {{/empty(competencies)}}
        <h2>{{t.cat_sessions_heading}}</h2>
        {{^empty(upcoming)}}
        <div class="table-wrap">
          <table>
            <thead><tr><th scope="col">{{t.cat_col_batch}}</th><th scope="col">{{t.cat_col_dates}}</th><th scope="col">{{t.cat_col_place}}</th><th scope="col" class="num">{{t.cat_col_seats}}</th><th scope="col">{{t.cat_col_state}}</th></tr></thead>
            <tbody>
              {{#upcoming}}<tr><td><a href="{{href}}">{{t.cat_batch}} {{batch}}<span class="cat-sr"> — {{program.title}}</span></a></td><td>{{dates}}</td><td>{{place}}</td><td class="num">{{enrolled}} / {{capacity}}<br><span class="muted">{{t.cat_left}}: {{seatsLeft}}</span></td><td><span class="badge {{stateClass}}">{{state}}</span>{{#full}} <span class="badge bad">{{t.cat_full}}</span>{{/full}}</td></tr>{{/upcoming}}
            </tbody>
          </table>
        </div>
        {{/empty(upcoming)}}
        {{^upcoming}}<p class="muted">{{t.cat_no_upcoming}}</p>{{/upcoming}}
        {{^empty(past)}}
        <h2>{{t.cat_past_heading}}</h2>
        <div class="table-wrap">
          <table>
            <thead><tr><th scope="col">{{t.cat_col_batch}}</th><th scope="col">{{t.cat_col_dates}}</th><th scope="col">{{t.cat_col_place}}</th><th scope="col" class="num">{{t.cat_col_participants}}</th><th scope="col">{{t.cat_col_state}}</th></tr></thead>
            <tbody>
              {{#past}}<tr><td><a href="{{href}}">{{t.cat_batch}} {{batch}}<span class="cat-sr"> — {{program.title}}</span></a></td><td>{{dates}}</td><td>{{place}}</td><td class="num">{{enrolled}}</td><td><span class="badge {{stateClass}}">{{state}}</span></td></tr>{{/past}}
            </tbody>
          </table>
        </div>
        {{/empty(past)}}
        """#

    static let catSession = #"""
        <p class="cat-noprint"><a href="{{programHref}}">{{t.cat_program_page}}: {{programTitle}}</a></p>
        <h1>{{programTitle}} — {{t.cat_batch}} {{session.batch}}</h1>
        <p><span class="badge {{session.stateClass}}">{{session.state}}</span> <span class="muted">{{session.id}}</span></p>
        {{#cancelled}}<p class="notice">{{t.cat_session_cancelled}}{{#cancelReason}}: {{cancelReason}}{{/cancelReason}}</p>{{/cancelled}}
        <div class="cards">
          <div class="card">
            <h2>{{t.cat_session_facts}}</h2>
            <dl class="cat-facts">
              <dt>{{t.cat_col_dates}}</dt><dd>{{session.dates}}</dd>
              <dt>{{t.cat_col_place}}</dt><dd>{{session.place}}</dd>
              {{#onlineLink}}<dt>{{t.cat_online_link}}</dt><dd class="cat-url">{{onlineLink}}</dd>{{/onlineLink}}
              {{#programJP}}<dt>{{t.cat_jp}}</dt><dd>{{programJP}} JP</dd>{{/programJP}}
              <dt>{{t.cat_col_seats}}</dt><dd>{{session.enrolled}} / {{session.capacity}} · {{t.cat_left}}: <strong>{{session.seatsLeft}}</strong>{{#session.full}} <span class="badge bad">{{t.cat_full}}</span>{{/session.full}}</dd>
              <dt>{{t.cat_waitlisted}}</dt><dd>{{session.waitlisted}}</dd>
            </dl>
          </div>
          {{#mine}}
          <section class="card" aria-labelledby="cat-mine-h">
            <h2 id="cat-mine-h">{{t.cat_my_place}}</h2>
            {{#mineError}}<p class="error" role="alert" id="cat-mine-error">{{mineError}}</p>{{/mineError}}
            {{#place}}
            <p><span class="badge {{stateClass}}">{{state}}</span>{{#position}} <span>{{position}}</span>{{/position}}</p>
            <p>{{explain}}</p>
            {{#placeCompletion}}<p>{{t.cat_completion}}: <span class="badge {{completionClass}}">{{placeCompletion}}</span></p>{{/placeCompletion}}
            {{#certificateHref}}<p><a href="{{certificateHref}}">{{t.cat_view_certificate}} {{certificateNumber}}</a></p>{{/certificateHref}}
            {{#dutyLetterHref}}<p><a href="{{dutyLetterHref}}">{{t.cat_duty_letter}} {{dutyLetterNumber}}</a></p>{{/dutyLetterHref}}
            {{#placeReason}}<p class="muted">{{t.cat_reason}}: {{placeReason}}</p>{{/placeReason}}
            {{/place}}
            {{^place}}<p class="muted">{{t.cat_no_place}}</p>{{/place}}
            {{#canRequest}}
            <form method="post" action="{{action}}/minta">
              <input type="hidden" name="_csrf" value="{{csrf}}">
              <p class="hint" id="cat-request-hint">{{t.cat_request_hint}}</p>
              <button type="submit" aria-describedby="cat-request-hint{{#requestError}} cat-mine-error{{/requestError}}">{{t.cat_request_place}}</button>
            </form>
            {{/canRequest}}
            {{#canCancel}}
            <form method="post" action="{{action}}/batal">
              <input type="hidden" name="_csrf" value="{{csrf}}">
              <div class="field">
                <label for="cat-cancel-reason">{{t.cat_cancel_reason}}</label>
                <input id="cat-cancel-reason" name="alasan" value="{{typedReason}}" maxlength="500"{{#cancelError}} aria-invalid="true" aria-describedby="cat-mine-error"{{/cancelError}}>
              </div>
              <button type="submit" class="secondary">{{t.cat_cancel_place}}</button>
            </form>
            {{/canCancel}}
            {{#closedNote}}<p class="muted">{{closedNote}}</p>{{/closedNote}}
          </section>
          {{/mine}}
        </div>
        <h2>{{t.cat_schedule}}</h2>
        <div class="table-wrap">
          <table>
            <thead><tr><th scope="col">{{t.cat_col_day}}</th><th scope="col">{{t.cat_col_time}}</th><th scope="col" class="num">JP</th></tr></thead>
            <tbody>
              {{#days}}<tr><td>{{weekday}}, {{date}}</td><td>{{time}}</td><td class="num">{{jp}}</td></tr>{{/days}}
            </tbody>
          </table>
        </div>
        {{^empty(facilitators)}}
        <h2>{{t.cat_facilitators}}</h2>
        <ul>{{#facilitators}}<li>{{name}}{{#role}} <span class="muted">— {{role}}</span>{{/role}}</li>{{/facilitators}}</ul>
        {{/empty(facilitators)}}
        {{#nominate}}
        <section class="card cat-section" aria-labelledby="cat-nominate-h">
          <h2 id="cat-nominate-h">{{t.cat_nominate_heading}}</h2>
          {{#hasStaff}}
          <form method="post" action="{{action}}/usulkan">
            <input type="hidden" name="_csrf" value="{{csrf}}">
            {{#nominateError}}<p class="error" role="alert" id="cat-nominate-error">{{nominateError}}</p>{{/nominateError}}
            <div class="field">
              <label for="cat-nominate-nip">{{t.cat_nominate_staff}}</label>
              <select id="cat-nominate-nip" name="nip" aria-describedby="cat-nominate-hint{{#nominateError}} cat-nominate-error{{/nominateError}}"{{#nominateError}} aria-invalid="true"{{/nominateError}}>
                <option value="">{{t.cat_choose}}</option>
                {{#staff}}<option value="{{nip}}"{{#selected}} selected{{/selected}}>{{name}} ({{nip}})</option>{{/staff}}
              </select>
              <p class="hint" id="cat-nominate-hint">{{t.cat_nominate_hint}}</p>
            </div>
            <button type="submit">{{t.cat_nominate_submit}}</button>
          </form>
          {{/hasStaff}}
          {{^hasStaff}}<p class="muted">{{t.cat_no_staff}}</p>{{/hasStaff}}
        </section>
        {{/nominate}}
        {{#organizer}}
        <section class="cat-section" aria-labelledby="cat-org-h">
          <h2 id="cat-org-h">{{t.cat_organizer_heading}}</h2>
          <p class="actions"><a class="button secondary" href="{{manageHref}}">{{t.cat_manage_session}}</a> <a class="button secondary" href="{{manageHref}}/peserta">{{t.cat_manage_participants}}</a></p>
          {{#open}}
          <form method="post" action="{{action}}/daftarkan" class="card" novalidate>
            <input type="hidden" name="_csrf" value="{{csrf}}">
            <h3>{{t.cat_enrol_heading}}</h3>
            {{#enrolError}}<p class="error" role="alert">{{enrolError}}</p>{{/enrolError}}
            <div class="field">
              <label for="cat-enrol-nips">{{t.cat_enrol_nips}}</label>
              <textarea id="cat-enrol-nips" name="nips" rows="3" aria-describedby="cat-enrol-nips-hint{{#nipsError}} cat-enrol-nips-error{{/nipsError}}"{{#nipsError}} aria-invalid="true"{{/nipsError}}>{{nips}}</textarea>
              <p class="hint" id="cat-enrol-nips-hint">{{t.cat_enrol_nips_hint}}</p>
              {{#nipsError}}<p class="field-error" id="cat-enrol-nips-error">{{nipsError}}</p>{{/nipsError}}
            </div>
            <div class="field">
              <label for="cat-enrol-override">{{t.cat_enrol_override}}</label>
              <input id="cat-enrol-override" name="override" value="{{override}}" maxlength="500" aria-describedby="cat-enrol-override-hint{{#overrideError}} cat-enrol-override-error{{/overrideError}}"{{#overrideError}} aria-invalid="true"{{/overrideError}}>
              <p class="hint" id="cat-enrol-override-hint">{{t.cat_enrol_override_hint}}</p>
              {{#overrideError}}<p class="field-error" id="cat-enrol-override-error">{{overrideError}}</p>{{/overrideError}}
            </div>
            <button type="submit">{{t.cat_enrol_submit}}</button>
          </form>
          {{/open}}
          {{^open}}<p class="muted">{{t.cat_enrol_only_open}}</p>{{/open}}
          {{^empty(results)}}
          <h3>{{t.cat_enrol_results}}</h3>
          <div class="table-wrap">
            <table>
              <thead><tr><th scope="col">NIP</th><th scope="col">{{t.cat_col_name}}</th><th scope="col">{{t.cat_col_result}}</th></tr></thead>
              <tbody>
                {{#results}}<tr><td>{{nip}}</td><td>{{name}}</td><td>{{#resultState}}<span class="badge {{stateClass}}">{{resultState}}</span>{{/resultState}}{{#resultError}}<span class="error">{{resultError}}</span>{{/resultError}}</td></tr>{{/results}}
              </tbody>
            </table>
          </div>
          {{/empty(results)}}
          {{#showRequests}}
          <h3>{{t.cat_requests_heading}}</h3>
          {{#decideError}}<p class="error" role="alert">{{decideError}}</p>{{/decideError}}
          {{^empty(requests)}}
          <ul class="plain">
            {{#requests}}
            <li>
              <p><strong>{{name}}</strong> · {{nip}} · {{agency}} · <span class="muted">{{t.cat_requested_on}} {{when}}</span></p>
              <div class="actions">
                <form method="post" action="{{action}}/putuskan">
                  <input type="hidden" name="_csrf" value="{{csrf}}">
                  <input type="hidden" name="nip" value="{{nip}}">
                  <input type="hidden" name="keputusan" value="setujui">
                  <button type="submit">{{t.cat_approve}}<span class="cat-sr"> {{name}}</span></button>
                </form>
                <form method="post" action="{{action}}/putuskan" class="cat-reject">
                  <input type="hidden" name="_csrf" value="{{csrf}}">
                  <input type="hidden" name="nip" value="{{nip}}">
                  <input type="hidden" name="keputusan" value="tolak">
                  <label for="cat-reject-{{nip}}">{{t.cat_reject_reason}} <span class="cat-sr">{{name}}</span></label>
                  <input id="cat-reject-{{nip}}" name="alasan" value="{{rowReason}}" maxlength="500"{{#rowError}} aria-invalid="true" aria-describedby="cat-reject-error-{{nip}}"{{/rowError}}>
                  {{#rowError}}<p class="field-error" id="cat-reject-error-{{nip}}">{{rowError}}</p>{{/rowError}}
                  <button type="submit" class="secondary">{{t.cat_reject}}<span class="cat-sr"> {{name}}</span></button>
                </form>
              </div>
            </li>
            {{/requests}}
          </ul>
          {{/empty(requests)}}
          {{^requests}}<p class="muted">{{t.cat_no_requests}}</p>{{/requests}}
          {{/showRequests}}
        </section>
        {{/organizer}}
        """#

    static let catTeam = #"""
        <h1>{{t.cat_team_title}}</h1>
        <p>{{t.cat_team_intro}} {{year}}. {{summary}}</p>
        {{^empty(staff)}}
        <div class="table-wrap">
          <table>
            <thead><tr><th scope="col">{{t.cat_col_name}}</th><th scope="col">{{t.cat_col_jp_year}}</th><th scope="col">{{t.cat_col_state}}</th><th scope="col">{{t.cat_col_actions}}</th></tr></thead>
            <tbody>
              {{#staff}}
              <tr>
                <td><strong>{{name}}</strong><br><span class="muted">{{nip}}{{#position}} · {{position}}{{/position}}</span></td>
                <td>{{#noLedger}}<span class="muted">—</span>{{/noLedger}}{{^noLedger}}{{verified}} / {{target}} JP<br><meter min="0" max="{{meterMax}}" value="{{meterValue}}"{{^ceiling}} low="{{meterLow}}" high="{{meterMax}}" optimum="{{meterMax}}"{{/ceiling}} aria-label="{{name}}: {{meterLabel}}">{{meterLabel}}</meter>{{/noLedger}}</td>
                <td>{{^noLedger}}{{#meets}}<span class="badge ok">{{status}}</span>{{/meets}}{{^meets}}<span class="badge warn">{{status}}</span>{{/meets}}{{/noLedger}}</td>
                <td><a href="{{ledgerHref}}">{{t.cat_team_ledger}}<span class="cat-sr"> {{name}}</span></a><br><a href="{{nominateHref}}">{{t.cat_team_nominate}}<span class="cat-sr"> {{name}}</span></a></td>
              </tr>
              {{/staff}}
            </tbody>
          </table>
        </div>
        {{/empty(staff)}}
        {{^staff}}<p class="muted">{{t.cat_no_staff}}</p>{{/staff}}
        {{#hasUnits}}
        <h2 id="lrn-units-h">{{t.lrn_units_title}}</h2>
        <div class="table-wrap"><table aria-labelledby="lrn-units-h">
          <thead><tr><th scope="col">{{t.lrn_col_unit}}</th><th scope="col" class="num">{{t.lrn_col_pns}}</th><th scope="col" class="num">{{t.lrn_col_meeting}}</th><th scope="col" class="num">{{t.lrn_col_average}}</th><th scope="col" class="num">{{t.lrn_col_gap}}</th></tr></thead>
          <tbody>{{#units}}<tr><th scope="row">{{unit}}</th><td class="num">{{pns}}</td><td class="num">{{meeting}}</td><td class="num">{{average}}</td><td class="num">{{gap}}</td></tr>{{/units}}</tbody>
        </table></div>
        {{/hasUnits}}
        """#

    static let catLedger = #"""
        <h1>{{t.cat_ledger_title}} {{year}}{{#otherName}} — {{otherName}}{{/otherName}}</h1>
        <form method="get" action="/jp" class="cat-filters">
          {{#nip}}<input type="hidden" name="nip" value="{{nip}}">{{/nip}}
          <div class="field">
            <label for="cat-tahun">{{t.cat_year}}</label>
            <select id="cat-tahun" name="tahun">{{#years}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{value}}</option>{{/years}}</select>
          </div>
          <div class="actions"><button type="submit">{{t.cat_show}}</button></div>
        </form>
        {{#noNIP}}<p class="notice">{{t.cat_no_nip}}</p>{{/noNIP}}
        {{#summary}}
        <div class="card">
          <h2 id="cat-ledger-sum">{{t.cat_ledger_summary}}</h2>
          <p class="cat-jp">{{verified}} / {{target}} JP</p>
          <meter min="0" max="{{meterMax}}" value="{{meterValue}}"{{^ceiling}} low="{{meterLow}}" high="{{meterMax}}" optimum="{{meterMax}}"{{/ceiling}} aria-labelledby="cat-ledger-sum" aria-describedby="cat-ledger-status">{{meterLabel}}</meter>
          <p id="cat-ledger-status">{{#meets}}<span class="badge ok">{{status}}</span>{{/meets}}{{^meets}}<span class="badge warn">{{status}}</span>{{/meets}}</p>
          {{#gap}}<p><strong>{{gap}}</strong></p>{{/gap}}
          {{#hasPending}}<p class="muted">{{t.cat_jp_pending}}: {{pending}} JP {{t.cat_jp_pending_note}}</p>{{/hasPending}}
          {{#reportHref}}<p><a href="{{reportHref}}">{{t.lrn_report_link}}</a></p>{{/reportHref}}
          {{#ceiling}}<p class="muted">{{t.cat_jp_ceiling_note}}</p>{{/ceiling}}
        </div>
        <h2>{{t.cat_ledger_entries}}</h2>
        {{^empty(entries)}}
        <div class="table-wrap">
          <table>
            <thead><tr><th scope="col">{{t.cat_col_activity}}</th><th scope="col">{{t.cat_col_source}}</th><th scope="col">{{t.cat_col_dates}}</th><th scope="col" class="num">JP</th><th scope="col">{{t.cat_col_state}}</th></tr></thead>
            <tbody>
              {{#entries}}
              <tr>
                <td>{{#sessionHref}}<a href="{{sessionHref}}">{{title}}</a>{{/sessionHref}}{{^sessionHref}}{{title}}{{/sessionHref}}{{#kind}}<br><span class="muted">{{kind}}</span>{{/kind}}</td>
                <td>{{source}}{{#provider}}<br><span class="muted">{{provider}}</span>{{/provider}}</td>
                <td>{{dates}}</td>
                <td class="num">{{jp}}</td>
                <td><span class="badge {{stateClass}}">{{state}}</span>{{#rejectReason}}<br><span class="muted">{{rejectReason}}</span>{{/rejectReason}}</td>
              </tr>
              {{/entries}}
            </tbody>
          </table>
        </div>
        {{/empty(entries)}}
        {{^entries}}<p class="muted">{{t.cat_no_entries}}</p>{{/entries}}
        <p class="mng-links" id="jp-siasn">{{t.siasn_own_export}} {{year}}: <a href="/jp/siasn?format=csv&amp;tahun={{year}}{{#nip}}&amp;nip={{nip}}{{/nip}}" download>CSV</a> <a href="/jp/siasn?format=json&amp;tahun={{year}}{{#nip}}&amp;nip={{nip}}{{/nip}}" download>JSON</a> <a href="/jp/siasn/rekonsiliasi?tahun={{year}}{{#nip}}&amp;nip={{nip}}{{/nip}}">{{t.siasn_own_reconcile}}</a></p>
        {{/summary}}
        """#

    static let catCertificates = #"""
        <h1>{{t.cat_certificates_title}}</h1>
        {{#noNIP}}<p class="notice">{{t.cat_no_nip}}</p>{{/noNIP}}
        {{^empty(certificates)}}
        <div class="table-wrap">
          <table>
            <thead><tr><th scope="col">{{t.cat_col_program}}</th><th scope="col">{{t.cat_col_number}}</th><th scope="col">{{t.cat_col_date}}</th><th scope="col" class="num">JP</th></tr></thead>
            <tbody>
              {{#certificates}}<tr><td><a href="{{href}}">{{program}}</a>{{#revoked}} <span class="badge bad">{{t.cat_revoked}}</span>{{/revoked}}</td><td>{{number}}</td><td>{{date}}</td><td class="num">{{jp}}</td></tr>{{/certificates}}
            </tbody>
          </table>
        </div>
        {{/empty(certificates)}}
        {{^noNIP}}{{^certificates}}<p class="muted">{{t.cat_no_certificates}}</p>{{/certificates}}{{/noNIP}}
        <p class="muted">{{t.cat_certificates_note}}</p>
        """#

    static let catCertificate = #"""
        <p class="cat-noprint"><a href="/sertifikat">{{t.cat_back_to_certificates}}</a></p>
        {{#revoked}}<p class="notice" role="status">{{t.cat_certificate_revoked}}{{#revokeReason}}: {{revokeReason}}{{/revokeReason}}</p>{{/revoked}}
        <article class="cat-certificate">
          <p class="cat-cert-issuer">{{t.cat_cert_issuer}}</p>
          <h1>{{t.cat_cert_heading}}</h1>
          <p class="cat-cert-number">{{t.cat_cert_number}} {{certificate.number}}</p>
          <p>{{t.cat_cert_given_to}}</p>
          <p class="cat-cert-name">{{certificate.holder}}</p>
          <p>NIP {{certificate.nip}}</p>
          <p>{{t.cat_cert_for}}</p>
          <p class="cat-cert-program">{{certificate.program}}</p>
          <p>{{certificate.dates}}{{#venue}} · {{venue}}{{/venue}}</p>
          <p>{{t.cat_cert_jp}} <strong>{{certificate.jp}} JP</strong></p>
          <div class="cat-cert-foot">
            {{#qr}}<div class="cat-qr">{{{qr}}}</div>{{/qr}}
            <div>
              <p>{{t.cat_cert_issued}} {{certificate.issued}}</p>
              <p>{{t.cat_cert_verify_at}}</p>
              <p class="cat-url"><a href="{{certificate.verifyHref}}">{{certificate.verifyURL}}</a></p>
            </div>
          </div>
        </article>
        <p class="hint cat-noprint">{{t.cat_print_hint}}</p>
        """#

    static let catVerify = #"""
        <section class="cat-verdict {{#valid}}cat-verdict-ok{{/valid}}{{^valid}}cat-verdict-bad{{/valid}}">
          {{#valid}}<h1>{{t.cat_verify_valid}}</h1><p>{{t.cat_verify_valid_text}}</p>{{/valid}}
          {{^valid}}<h1>{{t.cat_verify_invalid}}</h1><p>{{t.cat_verify_invalid_text}}</p>{{#reason}}<p class="error">{{reason}}</p>{{/reason}}{{/valid}}
          {{#certificate}}
          <dl class="cat-facts">
            <dt>{{t.cat_col_number}}</dt><dd>{{number}}</dd>
            {{#holder}}<dt>{{t.cat_holder}}</dt><dd>{{holder}}</dd>{{/holder}}
            {{#nip}}<dt>NIP</dt><dd>{{nip}}</dd>{{/nip}}
            <dt>{{t.cat_col_program}}</dt><dd>{{program}}</dd>
            <dt>{{t.cat_jp}}</dt><dd>{{jp}} JP</dd>
            <dt>{{t.cat_cert_issued}}</dt><dd>{{issued}}</dd>
            {{#revoked}}<dt>{{t.cat_col_state}}</dt><dd><span class="badge bad">{{t.cat_revoked}}</span></dd>{{/revoked}}
          </dl>
          {{/certificate}}
        </section>
        <p><a href="/verifikasi">{{t.cat_verify_another}}</a></p>
        """#

    static let catVerifyForm = #"""
        <section class="narrow">
          <h1>{{t.cat_verify_title}}</h1>
          <p>{{t.cat_verify_intro}}</p>
          {{#error}}<p class="error" role="alert" id="cat-verify-error">{{error}}</p>{{/error}}
          <form method="get" action="/verifikasi" novalidate>
            <div class="field">
              <label for="cat-nomor">{{t.cat_verify_number}}</label>
              <input id="cat-nomor" name="nomor" value="{{number}}" maxlength="200" required aria-describedby="cat-nomor-hint{{#error}} cat-verify-error{{/error}}"{{#error}} aria-invalid="true"{{/error}}>
              <p class="hint" id="cat-nomor-hint">{{t.cat_verify_number_hint}}</p>
            </div>
            <div class="field">
              <label for="cat-kode">{{t.cat_verify_code}}</label>
              <input id="cat-kode" name="kode" value="{{code}}" maxlength="300" required autocomplete="off"{{#error}} aria-invalid="true" aria-describedby="cat-verify-error"{{/error}}>
            </div>
            <button type="submit">{{t.cat_verify_submit}}</button>
          </form>
        </section>
        """#
}
