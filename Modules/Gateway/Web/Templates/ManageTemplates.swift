extension Templates {
    /// The templates of `ManagePages` (and its Manage*Pages parts).
    static let manage: [String: String] = [
        "mng_overview": mngOverview,
        "mng_program": mngProgram,
        "mng_session_new": mngSessionNew,
        "mng_session": mngSession,
        "mng_session_fields": mngSessionFields,
        "mng_tabs": mngTabs,
        "mng_participants": mngParticipants,
        "mng_attendance": mngAttendance,
    ]

    static let mngTabs = #"""
        <nav class="mng-tabs" aria-label="{{t.mng_tabs_label}}">
          <ul>{{#tabs}}<li><a href="{{href}}"{{#current}} aria-current="page"{{/current}}>{{label}}</a></li>{{/tabs}}</ul>
        </nav>
        """#

    static let mngOverview = #"""
        <h1>{{t.mng_overview_title}}</h1>
        <div class="actions"><a class="button" href="/kelola/program/baru">{{t.mng_new_program}}</a> <a class="button secondary" href="/kelola/siasn">{{t.siasn_manage_link}}</a></div>
        <div class="cards mng-summary">
          <section class="card" aria-labelledby="mng-card-requests">
            <h2 id="mng-card-requests">{{t.mng_card_requests}}</h2>
            <p class="big">{{totalRequested}}</p>
            {{#hasWaiting}}<ul class="plain">{{#waiting}}<li><a href="{{href}}/peserta">{{t.mng_requests_of}} {{id}}</a> <span class="badge warn">{{requested}}</span></li>{{/waiting}}</ul>{{/hasWaiting}}
            {{^waiting}}<p class="muted">{{t.mng_no_requests}}</p>{{/waiting}}
          </section>
          <section class="card" aria-labelledby="mng-card-today">
            <h2 id="mng-card-today">{{t.mng_card_today}}</h2>
            <p class="big">{{todayCount}}</p>
            <p class="muted">{{todayText}}</p>
          </section>
          <section class="card" aria-labelledby="mng-card-active">
            <h2 id="mng-card-active">{{t.mng_card_active}}</h2>
            <p class="big">{{activeCount}}</p>
            <p class="muted">{{t.mng_of_programs}} {{programCount}}</p>
          </section>
        </div>

        <h2>{{t.mng_today_heading}}</h2>
        {{^hasToday}}<p class="muted">{{t.mng_no_today}}</p>{{/hasToday}}
        {{#hasToday}}
        <div class="table-wrap mng-wrap"><table>
          <thead><tr><th scope="col">{{t.mng_col_session}}</th><th scope="col">{{t.mng_col_program}}</th><th scope="col">{{t.mng_col_status}}</th><th scope="col" class="num">{{t.mng_col_seats}}</th><th scope="col">{{t.mng_col_attendance}}</th></tr></thead>
          <tbody>{{#today}}<tr>
            <th scope="row"><a href="{{href}}">{{id}}</a></th><td>{{programTitle}}</td>
            <td><span class="badge {{stateClass}}">{{state}}</span></td><td class="num">{{seats}}</td>
            <td><a href="{{attendanceHref}}">{{t.mng_open_grid}}<span class="mng-sr"> {{id}}</span></a></td>
          </tr>{{/today}}</tbody>
        </table></div>
        {{/hasToday}}

        <h2>{{t.mng_active_heading}}</h2>
        {{^hasActive}}<p class="muted">{{t.mng_no_active}}</p>{{/hasActive}}
        {{#hasActive}}
        <div class="table-wrap mng-wrap"><table>
          <thead><tr><th scope="col">{{t.mng_col_session}}</th><th scope="col">{{t.mng_col_program}}</th><th scope="col">{{t.mng_col_dates}}</th><th scope="col">{{t.mng_col_status}}</th><th scope="col" class="num">{{t.mng_col_seats}}</th><th scope="col" class="num">{{t.mng_col_requests}}</th><th scope="col">{{t.mng_col_pages}}</th></tr></thead>
          <tbody>{{#active}}<tr>
            <th scope="row"><a href="{{href}}">{{id}}</a></th><td>{{programTitle}}</td><td>{{dates}}</td>
            <td><span class="badge {{stateClass}}">{{state}}</span></td>
            <td class="num">{{seats}}{{#hasWaitlist}} <span class="muted">(+{{waitlisted}} {{t.mng_waiting_short}})</span>{{/hasWaitlist}}</td>
            <td class="num">{{#takesRequests}}{{#hasRequests}}<span class="badge warn">{{requested}}</span>{{/hasRequests}}{{^hasRequests}}{{requested}}{{/hasRequests}}{{/takesRequests}}</td>
            <td class="mng-links"><a href="{{href}}/peserta">{{t.mng_tab_participants}}<span class="mng-sr"> {{id}}</span></a> <a href="{{href}}/presensi">{{t.mng_tab_attendance}}<span class="mng-sr"> {{id}}</span></a></td>
          </tr>{{/active}}</tbody>
        </table></div>
        {{/hasActive}}

        <h2>{{t.mng_programs_heading}}</h2>
        <div class="table-wrap mng-wrap"><table>
          <thead><tr><th scope="col">{{t.mng_col_program}}</th><th scope="col">{{t.mng_f_kind}}</th><th scope="col" class="num">JP</th><th scope="col">{{t.mng_col_sessions}}</th></tr></thead>
          <tbody>{{#programs}}<tr>
            <th scope="row"><a href="/kelola/program/{{code}}">{{code}}</a><br><span class="mng-title">{{title}}</span></th>
            <td>{{kind}}</td><td class="num">{{jp}}</td>
            <td>
              {{#hasSessions}}<ul class="mng-chips">{{#sessions}}<li><a href="{{href}}">{{id}}</a> <span class="badge {{stateClass}}">{{state}}</span></li>{{/sessions}}</ul>{{/hasSessions}}
              <a href="/kelola/sesi/baru?program={{code}}" class="mng-add">{{t.mng_new_session}}<span class="mng-sr"> {{code}}</span></a>
            </td>
          </tr>{{/programs}}</tbody>
        </table></div>
        """#

    static let mngProgram = #"""
        <p class="mng-crumbs"><a href="/kelola">{{t.mng_overview_title}}</a></p>
        {{#isNew}}<h1>{{t.mng_program_new_title}}</h1>{{/isNew}}
        {{^isNew}}<h1>{{t.mng_program_edit_title}} {{code}}</h1><p class="muted">{{t.mng_updated}} {{updated}}</p>{{/isNew}}
        {{#formError}}<p class="error" role="alert">{{formError}}</p>{{/formError}}
        {{#hasErrors}}{{^formError}}<p class="error" role="alert">{{t.form_errors}}</p>{{/formError}}{{/hasErrors}}

        {{^isNew}}
        <section aria-labelledby="mng-sessions-heading">
          <h2 id="mng-sessions-heading">{{t.mng_program_sessions}}</h2>
          {{^hasSessions}}<p class="muted">{{t.mng_no_sessions}}</p>{{/hasSessions}}
          {{#hasSessions}}
          <div class="table-wrap mng-wrap"><table>
            <thead><tr><th scope="col">{{t.mng_col_session}}</th><th scope="col">{{t.mng_col_dates}}</th><th scope="col">{{t.mng_col_status}}</th><th scope="col" class="num">{{t.mng_col_seats}}</th></tr></thead>
            <tbody>{{#sessions}}<tr><th scope="row"><a href="{{href}}">{{id}}</a></th><td>{{dates}}</td><td><span class="badge {{stateClass}}">{{state}}</span></td><td class="num">{{seats}}</td></tr>{{/sessions}}</tbody>
          </table></div>
          {{/hasSessions}}
          <div class="actions"><a class="button secondary" href="/kelola/sesi/baru?program={{code}}">{{t.mng_new_session}}</a></div>
        </section>
        {{/isNew}}

        <form method="post" action="{{action}}" novalidate class="mng-form">
          <input type="hidden" name="_csrf" value="{{csrf}}">
          <h2>{{t.mng_sec_identity}}</h2>
          {{#isNew}}
          <div class="field">
            <label for="code">{{t.mng_f_code}} <span class="mng-req">({{t.mng_required}})</span></label>
            <p class="hint" id="code-hint">{{t.mng_f_code_hint}}</p>
            {{#err.code}}<p class="field-error" id="code-error">{{err.code}}</p>{{/err.code}}
            <input id="code" name="code" value="{{in.code}}" required maxlength="40" autocapitalize="characters" spellcheck="false" aria-describedby="code-hint{{#err.code}} code-error{{/err.code}}"{{#err.code}} aria-invalid="true"{{/err.code}}>
          </div>
          {{/isNew}}
          <div class="field">
            <label for="title">{{t.mng_f_title}} <span class="mng-req">({{t.mng_required}})</span></label>
            {{#err.title}}<p class="field-error" id="title-error">{{err.title}}</p>{{/err.title}}
            <input id="title" name="title" value="{{in.title}}" required maxlength="200"{{#err.title}} aria-invalid="true" aria-describedby="title-error"{{/err.title}}>
          </div>
          <div class="field">
            <label for="kind">{{t.mng_f_kind}} <span class="mng-req">({{t.mng_required}})</span></label>
            {{#err.kind}}<p class="field-error" id="kind-error">{{err.kind}}</p>{{/err.kind}}
            <select id="kind" name="kind" required{{#err.kind}} aria-invalid="true" aria-describedby="kind-error"{{/err.kind}}>
              <option value="">{{t.mng_choose}}</option>
              {{#kinds}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/kinds}}
            </select>
          </div>
          <div class="field">
            <label for="description">{{t.mng_f_description}}</label>
            {{#err.description}}<p class="field-error" id="description-error">{{err.description}}</p>{{/err.description}}
            <textarea id="description" name="description" rows="4"{{#err.description}} aria-invalid="true" aria-describedby="description-error"{{/err.description}}>{{in.description}}</textarea>
          </div>
          <div class="field">
            <label for="goals">{{t.mng_f_goals}}</label>
            <p class="hint" id="goals-hint">{{t.mng_f_goals_hint}}</p>
            {{#err.goals}}<p class="field-error" id="goals-error">{{err.goals}}</p>{{/err.goals}}
            <textarea id="goals" name="goals" rows="4" aria-describedby="goals-hint{{#err.goals}} goals-error{{/err.goals}}"{{#err.goals}} aria-invalid="true"{{/err.goals}}>{{in.goals}}</textarea>
          </div>
          <div class="field">
            <label for="jp">{{t.mng_f_jp}} <span class="mng-req">({{t.mng_required}})</span></label>
            <p class="hint" id="jp-hint">{{t.mng_f_jp_hint}}</p>
            {{#err.jp}}<p class="field-error" id="jp-error">{{err.jp}}</p>{{/err.jp}}
            <input id="jp" name="jp" type="number" min="1" max="1000" inputmode="numeric" class="mng-short" value="{{in.jp}}" required aria-describedby="jp-hint{{#err.jp}} jp-error{{/err.jp}}"{{#err.jp}} aria-invalid="true"{{/err.jp}}>
          </div>
          <div class="field">
            <label for="organizer">{{t.mng_f_organizer}}</label>
            {{#err.organizer}}<p class="field-error" id="organizer-error">{{err.organizer}}</p>{{/err.organizer}}
            <select id="organizer" name="organizer"{{#err.organizer}} aria-invalid="true" aria-describedby="organizer-error"{{/err.organizer}}>
              <option value=""{{^organizerChosen}} selected{{/organizerChosen}}>{{t.mng_choose}}</option>
              {{#organizers}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{code}} — {{name}}</option>{{/organizers}}
            </select>
          </div>

          <h2>{{t.mng_sec_competencies}}</h2>
          <fieldset class="mng-plain" aria-describedby="competencies-hint{{#err.competencies}} competencies-error{{/err.competencies}}">
            <legend>{{t.mng_f_competencies}}</legend>
            <p class="hint" id="competencies-hint">{{t.mng_f_competencies_hint}}</p>
            {{#err.competencies}}<p class="field-error" id="competencies-error">{{err.competencies}}</p>{{/err.competencies}}
            {{#unknownLevels}}<input type="hidden" name="level_other" value="{{code}}={{level}}">{{/unknownLevels}}
            {{#competencyGroups}}
            <h3>{{type}}</h3>
            <div class="table-wrap mng-wrap"><table class="mng-comp">
              <thead><tr><th scope="col">{{t.mng_col_competency}}</th><th scope="col">{{t.mng_col_level}}</th></tr></thead>
              <tbody>{{#rows}}<tr>
                <td><label for="level-{{code}}" class="mng-inline-label">{{name}}</label> <span class="muted">{{code}}</span></td>
                <td><select id="level-{{code}}" name="level_{{code}}" class="mng-level"><option value=""{{#none}} selected{{/none}}>{{t.mng_level_none}}</option>{{#options}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{t.mng_level}} {{value}}</option>{{/options}}</select></td>
              </tr>{{/rows}}</tbody>
            </table></div>
            {{/competencyGroups}}
          </fieldset>

          <h2>{{t.mng_sec_audience}}</h2>
          <p class="hint">{{t.mng_audience_hint}}</p>
          <fieldset{{#err.agencies}} aria-describedby="agencies-error"{{/err.agencies}}>
            <legend>{{t.mng_f_agencies}}</legend>
            {{#err.agencies}}<p class="field-error" id="agencies-error">{{err.agencies}}</p>{{/err.agencies}}
            <div class="mng-checks">{{#agencies}}<label><input type="checkbox" name="agencies" value="{{code}}"{{#checked}} checked{{/checked}}> {{name}}</label>{{/agencies}}</div>
          </fieldset>
          <fieldset>
            <legend>{{t.mng_f_job_levels}}</legend>
            <div class="mng-checks">{{#jobLevels}}<label><input type="checkbox" name="job_levels" value="{{value}}"{{#checked}} checked{{/checked}}> {{label}}</label>{{/jobLevels}}</div>
          </fieldset>
          <div class="mng-row">
            <div class="field">
              <label for="golongan_min">{{t.mng_f_golongan_min}}</label>
              <select id="golongan_min" name="golongan_min" class="mng-short"><option value="">{{t.mng_any}}</option>{{#golonganMin}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/golonganMin}}</select>
            </div>
            <div class="field">
              <label for="golongan_max">{{t.mng_f_golongan_max}}</label>
              {{#err.golongan_max}}<p class="field-error" id="golongan_max-error">{{err.golongan_max}}</p>{{/err.golongan_max}}
              <select id="golongan_max" name="golongan_max" class="mng-short"{{#err.golongan_max}} aria-invalid="true" aria-describedby="golongan_max-error"{{/err.golongan_max}}><option value="">{{t.mng_any}}</option>{{#golonganMax}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/golonganMax}}</select>
            </div>
            <div class="field">
              <label for="asn_type">{{t.mng_f_asn_type}}</label>
              <select id="asn_type" name="asn_type" class="mng-short">{{#asnTypes}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/asnTypes}}</select>
            </div>
          </div>

          <h2>{{t.mng_sec_completion}}</h2>
          <div class="field">
            <label for="min_attendance">{{t.mng_f_min_attendance}}</label>
            <p class="hint" id="min_attendance-hint">{{t.mng_f_min_attendance_hint}}</p>
            {{#err.min_attendance}}<p class="field-error" id="min_attendance-error">{{err.min_attendance}}</p>{{/err.min_attendance}}
            <input id="min_attendance" name="min_attendance" type="number" min="0" max="100" inputmode="numeric" class="mng-short" value="{{in.minAttendance}}" aria-describedby="min_attendance-hint{{#err.min_attendance}} min_attendance-error{{/err.min_attendance}}"{{#err.min_attendance}} aria-invalid="true"{{/err.min_attendance}}>
          </div>
          <div class="field choices">
            <label><input type="checkbox" id="post_test" name="post_test" value="1"{{#postTest}} checked{{/postTest}}> {{t.mng_f_post_test}}</label>
          </div>
          <div class="field">
            <label for="pass_mark">{{t.mng_f_pass_mark}}</label>
            {{#err.pass_mark}}<p class="field-error" id="pass_mark-error">{{err.pass_mark}}</p>{{/err.pass_mark}}
            <input id="pass_mark" name="pass_mark" type="number" min="0" max="100" step="0.1" inputmode="decimal" class="mng-short" value="{{in.passMark}}"{{#err.pass_mark}} aria-invalid="true" aria-describedby="pass_mark-error"{{/err.pass_mark}}>
          </div>

          <h2>{{t.mng_sec_evaluation}}</h2>
          <fieldset>
            <legend>{{t.mng_f_evaluation}}</legend>
            <div class="choices mng-stack">{{#evaluation}}<label><input type="checkbox" name="evaluation" value="{{value}}"{{#checked}} checked{{/checked}}> {{label}}</label>{{/evaluation}}</div>
          </fieldset>
          <div class="field">
            <label for="cost">{{t.mng_f_cost}}</label>
            <p class="hint" id="cost-hint">{{t.mng_f_cost_hint}}</p>
            {{#err.cost}}<p class="field-error" id="cost-error">{{err.cost}}</p>{{/err.cost}}
            <input id="cost" name="cost" inputmode="numeric" class="mng-medium" value="{{in.cost}}" aria-describedby="cost-hint{{#err.cost}} cost-error{{/err.cost}}"{{#err.cost}} aria-invalid="true"{{/err.cost}}>
          </div>
          <div class="actions">
            <button type="submit">{{#isNew}}{{t.mng_create_program}}{{/isNew}}{{^isNew}}{{t.mng_save_changes}}{{/isNew}}</button>
            <a class="button secondary" href="/kelola">{{t.cancel}}</a>
          </div>
        </form>
        """#

    static let mngSessionFields = #"""
        {{#formError}}<p class="error" role="alert">{{formError}}</p>{{/formError}}
        {{#hasErrors}}{{^formError}}<p class="error" role="alert">{{t.form_errors}}</p>{{/formError}}{{/hasErrors}}
        {{#daysEditable}}
        <fieldset class="mng-plain" aria-describedby="days-hint{{#err.days}} days-error{{/err.days}}">
          <legend>{{t.mng_f_days}}</legend>
          <p class="hint" id="days-hint">{{t.mng_f_days_hint}}{{#program.jp}} {{t.mng_f_days_hint_jp}} {{program.jp}} JP.{{/program.jp}}</p>
          {{#err.days}}<p class="field-error" id="days-error">{{err.days}}</p>{{/err.days}}
          <div class="table-wrap mng-wrap"><table class="mng-days-table">
            <thead><tr><th scope="col">{{t.mng_day}}</th><th scope="col">{{t.mng_col_date}}</th><th scope="col">{{t.mng_col_start}}</th><th scope="col">{{t.mng_col_end}}</th><th scope="col">JP</th></tr></thead>
            <tbody>{{#days}}<tr{{#error}} class="mng-row-error"{{/error}}>
              <td class="num">{{n}}</td>
              <td><label class="mng-sr" for="day-date-{{i}}">{{t.mng_col_date}}, {{t.mng_day}} {{n}}</label>{{#error}}<span class="field-error mng-row-msg" id="day-{{i}}-error">{{error}}</span>{{/error}}<input type="date" id="day-date-{{i}}" name="day_date" value="{{date}}"{{#error}} aria-invalid="true" aria-describedby="day-{{i}}-error"{{/error}}></td>
              <td><label class="mng-sr" for="day-start-{{i}}">{{t.mng_col_start}}, {{t.mng_day}} {{n}}</label><input type="time" id="day-start-{{i}}" name="day_start" value="{{start}}"></td>
              <td><label class="mng-sr" for="day-end-{{i}}">{{t.mng_col_end}}, {{t.mng_day}} {{n}}</label><input type="time" id="day-end-{{i}}" name="day_end" value="{{end}}"></td>
              <td><label class="mng-sr" for="day-jp-{{i}}">JP, {{t.mng_day}} {{n}}</label><input type="number" min="0" max="16" inputmode="numeric" class="mng-jp" id="day-jp-{{i}}" name="day_jp" value="{{jp}}"></td>
            </tr>{{/days}}</tbody>
          </table></div>
        </fieldset>
        {{/daysEditable}}
        {{^daysEditable}}
        <h3>{{t.mng_f_days}}</h3>
        <p class="notice">{{t.mng_days_locked}}</p>
        {{/daysEditable}}
        <div class="field">
          <label for="venue">{{t.mng_f_venue}}</label>
          {{#err.venue}}<p class="field-error" id="venue-error">{{err.venue}}</p>{{/err.venue}}
          <input id="venue" name="venue" value="{{in.venue}}" maxlength="400"{{#err.venue}} aria-invalid="true" aria-describedby="venue-error"{{/err.venue}}>
        </div>
        <div class="field">
          <label for="online_link">{{t.mng_f_online_link}}</label>
          <p class="hint" id="online_link-hint">{{t.mng_f_online_link_hint}}</p>
          {{#err.online_link}}<p class="field-error" id="online_link-error">{{err.online_link}}</p>{{/err.online_link}}
          <input id="online_link" name="online_link" value="{{in.onlineLink}}" maxlength="400" inputmode="url" aria-describedby="online_link-hint{{#err.online_link}} online_link-error{{/err.online_link}}"{{#err.online_link}} aria-invalid="true"{{/err.online_link}}>
        </div>
        <div class="field">
          <label for="capacity">{{t.mng_f_capacity}} <span class="mng-req">({{t.mng_required}})</span></label>
          {{#err.capacity}}<p class="field-error" id="capacity-error">{{err.capacity}}</p>{{/err.capacity}}
          <input id="capacity" name="capacity" type="number" min="1" max="10000" inputmode="numeric" class="mng-short" value="{{in.capacity}}" required{{#err.capacity}} aria-invalid="true" aria-describedby="capacity-error"{{/err.capacity}}>
        </div>
        <fieldset class="mng-plain" aria-describedby="facilitators-hint{{#err.facilitators}} facilitators-error{{/err.facilitators}}">
          <legend>{{t.mng_f_facilitators}}</legend>
          <p class="hint" id="facilitators-hint">{{t.mng_f_facilitators_hint}}</p>
          {{#err.facilitators}}<p class="field-error" id="facilitators-error">{{err.facilitators}}</p>{{/err.facilitators}}
          <div class="table-wrap mng-wrap"><table class="mng-days-table">
            <thead><tr><th scope="col">{{t.mng_col_nip}}</th><th scope="col">{{t.mng_col_name}}</th><th scope="col">{{t.mng_col_role}}</th></tr></thead>
            <tbody>{{#facilitators}}<tr>
              <td><label class="mng-sr" for="fac-nip-{{i}}">{{t.mng_col_nip}}, {{t.mng_facilitator}} {{n}}</label><input id="fac-nip-{{i}}" name="fac_nip" value="{{nip}}" inputmode="numeric" maxlength="18" class="mng-nip-input"></td>
              <td><label class="mng-sr" for="fac-name-{{i}}">{{t.mng_col_name}}, {{t.mng_facilitator}} {{n}}</label><input id="fac-name-{{i}}" name="fac_name" value="{{name}}"></td>
              <td><label class="mng-sr" for="fac-role-{{i}}">{{t.mng_col_role}}, {{t.mng_facilitator}} {{n}}</label><input id="fac-role-{{i}}" name="fac_role" value="{{role}}"></td>
            </tr>{{/facilitators}}</tbody>
          </table></div>
        </fieldset>
        <div class="actions">
          <button type="submit">{{t.save}}</button>
          {{#daysEditable}}<button type="submit" name="more" value="days" class="secondary">{{t.mng_more_days}}</button>{{/daysEditable}}
          <button type="submit" name="more" value="facilitators" class="secondary">{{t.mng_more_facilitators}}</button>
        </div>
        """#

    static let mngSessionNew = #"""
        <p class="mng-crumbs"><a href="/kelola">{{t.mng_overview_title}}</a>{{#program}} › <a href="{{href}}">{{code}}</a>{{/program}}</p>
        <h1>{{t.mng_session_new_title}}</h1>
        <form method="post" action="/kelola/sesi/baru" novalidate class="mng-form">
          <input type="hidden" name="_csrf" value="{{csrf}}">
          {{#program}}
          <input type="hidden" name="program" value="{{code}}">
          <p>{{t.mng_f_program}}: <strong>{{code}}</strong> — {{title}} ({{jp}} JP)</p>
          {{/program}}
          {{^program}}
          <div class="field">
            <label for="program">{{t.mng_f_program}} <span class="mng-req">({{t.mng_required}})</span></label>
            {{#err.program}}<p class="field-error" id="program-error">{{err.program}}</p>{{/err.program}}
            <select id="program" name="program" required{{#err.program}} aria-invalid="true" aria-describedby="program-error"{{/err.program}}>
              <option value="">{{t.mng_choose}}</option>
              {{#programChoices}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/programChoices}}
            </select>
          </div>
          {{/program}}
          {{> mng_session_fields}}
        </form>
        """#

    static let mngSession = #"""
        <p class="mng-crumbs"><a href="/kelola">{{t.mng_overview_title}}</a> › <a href="{{program.href}}">{{program.code}}</a></p>
        <h1>{{t.mng_session_title}} {{s.id}}</h1>
        <p class="mng-lead">{{program.title}}</p>
        {{> mng_tabs}}
        <dl class="mng-facts">
          <div><dt>{{t.mng_col_status}}</dt><dd><span class="badge {{s.stateClass}}">{{s.state}}</span></dd></div>
          <div><dt>{{t.mng_col_dates}}</dt><dd>{{s.dates}}</dd></div>
          <div><dt>{{t.mng_col_seats}}</dt><dd>{{s.seats}}{{#s.hasWaitlist}} <span class="muted">(+{{s.waitlisted}} {{t.mng_waiting_short}})</span>{{/s.hasWaitlist}}</dd></div>
          {{#s.hasVenue}}<div><dt>{{t.mng_f_venue}}</dt><dd>{{s.venue}}</dd></div>{{/s.hasVenue}}
          {{#hasOnlineLink}}<div><dt>{{t.mng_f_online_link}}</dt><dd class="mng-break">{{onlineLink}}</dd></div>{{/hasOnlineLink}}
          {{#hasCancelReason}}<div><dt>{{t.mng_cancel_reason_shown}}</dt><dd>{{cancelReason}}</dd></div>{{/hasCancelReason}}
        </dl>
        {{#hasSchedule}}
        <div class="table-wrap mng-wrap"><table>
          <caption class="mng-caption">{{t.mng_schedule}}</caption>
          <thead><tr><th scope="col">{{t.mng_col_date}}</th><th scope="col">{{t.mng_col_time}}</th><th scope="col" class="num">JP</th></tr></thead>
          <tbody>{{#schedule}}<tr><td>{{date}}</td><td>{{time}}</td><td class="num">{{jp}}</td></tr>{{/schedule}}</tbody>
        </table></div>
        {{/hasSchedule}}
        {{#hasFacilitators}}
        <h2>{{t.mng_f_facilitators}}</h2>
        <ul class="plain">{{#facilitatorList}}<li>{{name}}{{#hasNIP}} <span class="muted">({{nip}})</span>{{/hasNIP}}{{#hasRole}} — {{role}}{{/hasRole}}</li>{{/facilitatorList}}</ul>
        {{/hasFacilitators}}

        <section aria-labelledby="mng-status-heading">
          <h2 id="mng-status-heading">{{t.mng_transitions}}</h2>
          {{#transitionError}}<p class="error" role="alert">{{transitionError}}</p>{{/transitionError}}
          {{^hasTransitions}}<p class="muted">{{t.mng_no_transitions}}</p>{{/hasTransitions}}
          <div class="mng-moves">
            {{#transitions}}
            <form method="post" action="/kelola/sesi/{{s.id}}/status" class="card">
              <input type="hidden" name="_csrf" value="{{csrf}}">
              <input type="hidden" name="transition" value="{{value}}">
              <p>{{help}}</p>
              <button type="submit">{{label}}</button>
            </form>
            {{/transitions}}
            {{#canCancel}}
            <form method="post" action="/kelola/sesi/{{s.id}}/status" class="card" novalidate>
              <input type="hidden" name="_csrf" value="{{csrf}}">
              <input type="hidden" name="transition" value="4">
              <p>{{t.mng_tr_help_4}}</p>
              <div class="field">
                <label for="cancel-reason">{{t.mng_cancel_reason}}</label>
                {{#trErr.reason}}<p class="field-error" id="cancel-reason-error">{{trErr.reason}}</p>{{/trErr.reason}}
                <textarea id="cancel-reason" name="reason" rows="2" maxlength="200"{{#trErr.reason}} aria-invalid="true" aria-describedby="cancel-reason-error"{{/trErr.reason}}>{{cancelReasonTyped}}</textarea>
              </div>
              <button type="submit" class="mng-danger">{{t.mng_tr_4}}</button>
            </form>
            {{/canCancel}}
          </div>
        </section>

        <section aria-labelledby="mng-edit-heading">
          <h2 id="mng-edit-heading">{{t.mng_edit_session}}</h2>
          {{#editable}}
          <form method="post" action="{{action}}" novalidate class="mng-form">
            <input type="hidden" name="_csrf" value="{{csrf}}">
            {{> mng_session_fields}}
          </form>
          {{/editable}}
          {{^editable}}<p class="notice">{{t.mng_session_ended}}</p>{{/editable}}
        </section>
        """#

    static let mngParticipants = #"""
        <p class="mng-crumbs"><a href="/kelola">{{t.mng_overview_title}}</a> › <a href="{{program.href}}">{{program.code}}</a> › <a href="{{s.href}}">{{s.id}}</a></p>
        <h1>{{t.mng_participants_title}} {{s.id}}</h1>
        <p class="mng-lead">{{program.title}}</p>
        {{> mng_tabs}}
        <p><span class="badge {{s.stateClass}}">{{s.state}}</span> {{s.dates}} · {{t.mng_col_seats}}: {{s.seats}}{{#s.hasWaitlist}} (+{{s.waitlisted}} {{t.mng_waiting_short}}){{/s.hasWaitlist}}</p>

        <h2 id="mng-requests">{{t.mng_requests_heading}} ({{requestedCount}})</h2>
        {{^hasRequested}}<p class="muted">{{t.mng_no_requests}}</p>{{/hasRequested}}
        {{#hasRequested}}
        <div class="table-wrap mng-wrap"><table>
          <thead><tr><th scope="col">{{t.mng_col_person}}</th><th scope="col">{{t.mng_col_agency}}</th><th scope="col">{{t.mng_col_requested_on}}</th><th scope="col">{{t.mng_col_decision}}</th></tr></thead>
          <tbody>{{#requested}}<tr{{#hasError}} class="mng-row-error"{{/hasError}}>
            <th scope="row">{{#hasName}}{{name}}<br>{{/hasName}}<span class="mng-nip">{{nip}}</span></th>
            <td>{{agency}}</td><td>{{requestedOn}}{{#step}}<br><span class="muted">{{step}}</span>{{/step}}</td>
            <td>
              <form method="post" action="/kelola/sesi/{{s.id}}/peserta/putuskan" class="mng-decide" novalidate>
                <input type="hidden" name="_csrf" value="{{csrf}}">
                <input type="hidden" name="nip" value="{{nip}}">
                <label for="reason-{{nip}}">{{t.mng_decision_reason}}</label>
                {{#hasError}}<p class="field-error" id="reason-{{nip}}-error">{{error}}</p>{{/hasError}}
                <input id="reason-{{nip}}" name="reason" value="{{reasonTyped}}" maxlength="200"{{#hasError}} aria-invalid="true" aria-describedby="reason-{{nip}}-error"{{/hasError}}>
                <div class="actions">
                  <button type="submit" name="decision" value="approve">{{t.mng_approve}}<span class="mng-sr"> {{name}} {{nip}}</span></button>
                  <button type="submit" name="decision" value="refuse" class="secondary">{{t.mng_refuse}}<span class="mng-sr"> {{name}} {{nip}}</span></button>
                </div>
              </form>
            </td>
          </tr>{{/requested}}</tbody>
        </table></div>
        {{/hasRequested}}

        <h2 id="mng-enrol">{{t.mng_enrol_heading}}</h2>
        {{#enrolSummary}}
        <div class="card mng-results" role="status">
          <p><strong>{{enrolSummary}}</strong></p>
          <ul class="plain">{{#enrolResults}}<li>{{#hasName}}{{name}} · {{/hasName}}<span class="mng-nip">{{nip}}</span>: {{#ok}}<span class="badge {{class}}">{{text}}</span>{{/ok}}{{^ok}}<span class="error">{{text}}</span>{{/ok}}</li>{{/enrolResults}}</ul>
        </div>
        {{/enrolSummary}}
        {{^isOpen}}<p class="notice">{{t.mng_enrol_closed}}</p>{{/isOpen}}
        {{#isOpen}}
        <form method="post" action="/kelola/sesi/{{s.id}}/peserta/daftarkan" novalidate class="mng-form">
          <input type="hidden" name="_csrf" value="{{csrf}}">
          <div class="field">
            <label for="nips">{{t.mng_f_nips}}</label>
            <p class="hint" id="nips-hint">{{t.mng_f_nips_hint}}</p>
            {{#enrolError}}<p class="field-error" id="nips-error">{{enrolError}}</p>{{/enrolError}}
            <textarea id="nips" name="nips" rows="3" inputmode="numeric" spellcheck="false" aria-describedby="nips-hint{{#enrolError}} nips-error{{/enrolError}}"{{#enrolError}} aria-invalid="true"{{/enrolError}}>{{enrolNIPs}}</textarea>
          </div>
          <div class="field">
            <label for="override">{{t.mng_f_override}}</label>
            <p class="hint" id="override-hint">{{t.mng_f_override_hint}}</p>
            {{#overrideError}}<p class="field-error" id="override-error">{{overrideError}}</p>{{/overrideError}}
            <input id="override" name="override" value="{{enrolOverride}}" maxlength="200" aria-describedby="override-hint{{#overrideError}} override-error{{/overrideError}}"{{#overrideError}} aria-invalid="true"{{/overrideError}}>
          </div>
          <button type="submit">{{t.mng_enrol_submit}}</button>
        </form>
        {{/isOpen}}

        <h2 id="mng-participants">{{t.mng_participants_heading}} ({{enrolledCount}})</h2>
        {{^hasEnrolled}}<p class="muted">{{t.mng_no_participants}}</p>{{/hasEnrolled}}
        {{#hasEnrolled}}
        <div class="table-wrap mng-wrap"><table>
          <thead><tr><th scope="col" class="num">{{t.mng_col_no}}</th><th scope="col">{{t.mng_col_person}}</th><th scope="col">{{t.mng_col_agency}}</th><th scope="col">{{t.mng_col_source}}</th><th scope="col" class="num">{{t.mng_col_attendance}}</th><th scope="col" class="num">{{t.mng_pre_test}}</th><th scope="col" class="num">{{t.mng_post_test}}</th><th scope="col">{{t.mng_col_completion}}</th><th scope="col">{{t.mng_col_certificate}}</th></tr></thead>
          <tbody>{{#enrolled}}<tr>
            <td class="num">{{n}}</td>
            <th scope="row">{{#hasName}}{{name}}<br>{{/hasName}}<span class="mng-nip">{{nip}}</span>{{#hasOverride}}<br><span class="badge warn">{{t.mng_outside_audience}}</span> <span class="muted">{{override}}</span>{{/hasOverride}}</th>
            <td>{{agency}}</td><td>{{source}}</td><td class="num">{{attendance}}</td><td class="num">{{pre}}</td><td class="num">{{post}}</td>
            <td><span class="badge {{completionClass}}">{{completion}}</span></td><td>{{certificate}}</td>
          </tr>{{/enrolled}}</tbody>
        </table></div>
        {{/hasEnrolled}}

        {{#hasWaitlisted}}
        <h2>{{t.mng_waitlist_heading}}</h2>
        <div class="table-wrap mng-wrap"><table>
          <thead><tr><th scope="col" class="num">{{t.mng_col_position}}</th><th scope="col">{{t.mng_col_person}}</th><th scope="col">{{t.mng_col_agency}}</th><th scope="col">{{t.mng_col_source}}</th></tr></thead>
          <tbody>{{#waitlisted}}<tr><td class="num">{{position}}</td><th scope="row">{{#hasName}}{{name}}<br>{{/hasName}}<span class="mng-nip">{{nip}}</span></th><td>{{agency}}</td><td>{{source}}</td></tr>{{/waitlisted}}</tbody>
        </table></div>
        {{/hasWaitlisted}}

        <h2 id="mng-scores">{{t.mng_scores_heading}}</h2>
        <p class="hint">{{#postTestRequired}}{{t.mng_scores_required}} {{passMark}}.{{/postTestRequired}}{{^postTestRequired}}{{t.mng_scores_optional}}{{/postTestRequired}}</p>
        {{^hasEnrolled}}<p class="muted">{{t.mng_no_participants}}</p>{{/hasEnrolled}}
        {{#hasEnrolled}}
        <form method="post" action="/kelola/sesi/{{s.id}}/peserta/nilai" novalidate class="mng-form">
          <input type="hidden" name="_csrf" value="{{csrf}}">
          <div class="field">
            <label for="score-nip">{{t.mng_f_participant}}</label>
            {{#scoreErr.nip}}<p class="field-error" id="score-nip-error">{{scoreErr.nip}}</p>{{/scoreErr.nip}}
            <select id="score-nip" name="nip"{{#scoreErr.nip}} aria-invalid="true" aria-describedby="score-nip-error"{{/scoreErr.nip}}>
              <option value="">{{t.mng_choose}}</option>
              {{#enrolled}}<option value="{{nip}}"{{#selected}} selected{{/selected}}>{{#hasName}}{{name}} — {{/hasName}}{{nip}}</option>{{/enrolled}}
            </select>
          </div>
          <fieldset{{#scoreErr.kind}} aria-describedby="score-kind-error"{{/scoreErr.kind}}>
            <legend>{{t.mng_f_test_kind}}</legend>
            {{#scoreErr.kind}}<p class="field-error" id="score-kind-error">{{scoreErr.kind}}</p>{{/scoreErr.kind}}
            <div class="choices">
              <label><input type="radio" name="kind" value="1"{{#kindPre}} checked{{/kindPre}}> {{t.mng_pre_test}}</label>
              <label><input type="radio" name="kind" value="2"{{#kindPost}} checked{{/kindPost}}> {{t.mng_post_test}}</label>
            </div>
          </fieldset>
          <div class="field">
            <label for="score">{{t.mng_f_score}}</label>
            {{#scoreErr.score}}<p class="field-error" id="score-error">{{scoreErr.score}}</p>{{/scoreErr.score}}
            <input id="score" name="score" type="number" min="0" max="100" step="0.1" inputmode="decimal" class="mng-short" value="{{scoreValue}}"{{#scoreErr.score}} aria-invalid="true" aria-describedby="score-error"{{/scoreErr.score}}>
          </div>
          <button type="submit">{{t.mng_score_submit}}</button>
        </form>
        {{/hasEnrolled}}

        {{#hasOthers}}
        <details class="mng-others">
          <summary>{{t.mng_others_heading}} ({{othersCount}})</summary>
          <ul class="plain">{{#others}}<li>{{#hasName}}{{name}} · {{/hasName}}<span class="mng-nip">{{nip}}</span> — <span class="badge {{stateClass}}">{{state}}</span>{{#hasCancelReason}} <span class="muted">{{cancelReason}}</span>{{/hasCancelReason}}</li>{{/others}}</ul>
        </details>
        {{/hasOthers}}
        """#

    static let mngAttendance = #"""
        <p class="mng-crumbs"><a href="/kelola">{{t.mng_overview_title}}</a> › <a href="{{program.href}}">{{program.code}}</a> › <a href="{{s.href}}">{{s.id}}</a></p>
        <h1>{{t.mng_attendance_title}} {{s.id}}</h1>
        <p class="mng-lead">{{program.title}} · <span class="badge {{s.stateClass}}">{{s.state}}</span></p>
        {{> mng_tabs}}
        <nav class="mng-days" aria-label="{{t.mng_days_label}}">
          <ul>{{#days}}<li><a href="{{href}}"{{#current}} aria-current="page"{{/current}}><strong>{{label}}</strong> <span>{{date}}</span>{{#isToday}} <span class="mng-today">{{t.mng_today}}</span>{{/isToday}} <span class="mng-count">{{marked}} {{t.mng_marked}}</span></a></li>{{/days}}</ul>
        </nav>
        <h2>{{dayText}}</h2>
        <p class="muted">{{#hasDayTime}}{{dayTime}} · {{/hasDayTime}}{{dayJP}} JP · {{markedCount}}/{{total}} {{t.mng_marked}}</p>
        {{#unknownDay}}<p class="notice">{{t.mng_unknown_day}}</p>{{/unknownDay}}
        {{#notStarted}}<p class="notice">{{t.mng_att_not_started}} <a href="{{sessionHref}}">{{t.mng_att_to_session}}</a></p>{{/notStarted}}
        {{#cancelled}}<p class="notice">{{t.mng_att_cancelled}}</p>{{/cancelled}}
        {{#completed}}<p class="notice">{{t.mng_att_completed}}</p>{{/completed}}
        {{^hasRows}}<p class="muted">{{t.mng_att_no_participants}} <a href="{{participantsHref}}">{{t.mng_tab_participants}}</a></p>{{/hasRows}}
        {{#formError}}<p class="error" role="alert">{{formError}}</p>{{/formError}}
        {{#hasRows}}
        <p class="hint mng-legend">{{#columns}}<span><abbr title="{{label}}">{{abbr}}</abbr> = {{label}}</span> {{/columns}}</p>
        {{#markable}}<form method="post" action="/kelola/sesi/{{s.id}}/presensi" novalidate>
          <input type="hidden" name="_csrf" value="{{csrf}}">
          <input type="hidden" name="hari" value="{{day}}">{{/markable}}
          <div class="table-wrap mng-wrap mng-grid-wrap"><table class="mng-grid">
            <caption class="mng-sr">{{t.mng_att_caption}} {{dayText}}</caption>
            <thead><tr><th scope="col" class="mng-person">{{t.mng_col_person}}</th>{{#columns}}<th scope="col" class="mng-mark-col"><span class="mng-full">{{label}}</span><span class="mng-abbr" aria-hidden="true">{{abbr}}</span></th>{{/columns}}<th scope="col">{{t.mng_col_note}}</th></tr></thead>
            <tbody>{{#rows}}<tr class="{{#hasError}}mng-row-error{{/hasError}}{{#unmarked}} mng-unmarked{{/unmarked}}">
              <th scope="row" class="mng-person"><input type="hidden" name="nip" value="{{nip}}"><span class="mng-name">{{name}}</span>{{#hasName}}<span class="mng-nip">{{nip}}</span>{{/hasName}}{{#hasError}}<span class="field-error mng-row-msg" id="row-{{i}}-error">{{error}}</span>{{/hasError}}</th>
              {{#options}}<td class="mng-mark {{kind}}"><label for="{{id}}"><input type="radio" id="{{id}}" name="status_{{nip}}" value="{{value}}"{{#checked}} checked{{/checked}}{{^markable}} disabled{{/markable}}{{#hasError}} aria-invalid="true" aria-describedby="row-{{i}}-error"{{/hasError}}><span class="mng-sr">{{label}}: {{name}}</span><span class="mng-cell-abbr" aria-hidden="true">{{abbr}}</span></label></td>{{/options}}
              <td class="mng-note"><label class="mng-sr" for="note-{{i}}">{{t.mng_col_note}}: {{name}}</label><input id="note-{{i}}" name="note_{{nip}}" value="{{note}}" maxlength="200"{{^markable}} disabled{{/markable}}{{#hasError}} aria-describedby="row-{{i}}-error"{{/hasError}}></td>
            </tr>{{/rows}}</tbody>
          </table></div>
        {{#markable}}
          <div class="actions mng-grid-actions">
            <button type="submit" class="mng-big">{{t.mng_att_submit}}</button>
            <a class="button secondary" href="{{fillHref}}">{{t.mng_att_fill}}</a>
          </div>
        </form>{{/markable}}
        <p class="muted">{{t.mng_att_counts}}: {{#columns}}<span class="mng-countitem">{{label}} {{count}}</span> {{/columns}}</p>
        {{/hasRows}}
        """#
}
