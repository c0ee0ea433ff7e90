extension Templates {
    /// The templates of `IkmPages`, and the profile questions the public IKM form shares.
    static let ikm: [String: String] = [
        "ikm_units": ikmUnits,
        "ikm_counters": ikmCounters,
        "ikm_posters": ikmPosters,
        "ikm_paper": ikmPaper,
        "ikm_profile": ikmProfile,
        "ikm_report": ikmReport,
    ]

    /// `/kelola/ikm`: the agency's service units, each with its posters, paper entry and report.
    static let ikmUnits = #"""
        <h1>{{t.ikm_units_title}}</h1>
        <p class="mng-lead">{{t.ikm_units_intro}}</p>
        {{#organizer}}
        <form method="get" action="/kelola/ikm" class="dlg-filters">
          <div class="field"><label for="ikm-opd">{{t.ikm_agency_label}}</label><input type="text" id="ikm-opd" name="opd" value="{{agency}}" autocomplete="off"></div>
          <div class="field"><button type="submit">{{t.ikm_show}}</button></div>
        </form>
        {{/organizer}}
        <h2>{{agencyName}}</h2>
        <ul class="ikm-units">
        {{#units}}
          <li class="card">
            <h3 class="dlg-h-small">{{name}} <span class="muted">({{code}})</span></h3>
            {{#open}}<p><span class="badge ok">{{open}} {{t.ikm_open_surveys}}</span></p>{{/open}}
            <p class="mng-links">
              <a href="{{base}}/poster" aria-label="{{t.ikm_link_poster}}: {{name}}">{{t.ikm_link_poster}}</a>
              <a href="{{base}}/loket" aria-label="{{t.ikm_link_counters}}: {{name}}">{{t.ikm_link_counters}}</a>
              <a href="{{base}}/kertas" aria-label="{{t.ikm_link_paper}}: {{name}}">{{t.ikm_link_paper}}</a>
              <a href="{{report}}" aria-label="{{t.ikm_link_report}}: {{name}}">{{t.ikm_link_report}}</a>
            </p>
          </li>
        {{/units}}
        </ul>
        """#

    /// `/kelola/ikm/:agency/:unit/loket`: the counters, and the form that replaces them.
    static let ikmCounters = #"""
        <p class="mng-crumbs"><a href="/kelola/ikm?opd={{agency}}">{{t.ikm_back_units}}</a></p>
        <h1>{{t.ikm_counters_title}}: {{unitName}}</h1>
        <p class="mng-lead">{{t.ikm_counters_intro}}</p>
        {{^empty(counters)}}
        <div class="table-wrap"><table>
          <thead><tr><th scope="col">{{t.ikm_col_code}}</th><th scope="col">{{t.ikm_col_name}}</th><th scope="col">{{t.ikm_col_address}}</th></tr></thead>
          <tbody>{{#counters}}<tr><td>{{code}}</td><td>{{name}}</td><td class="cat-url"><a href="{{path}}">{{path}}</a></td></tr>{{/counters}}</tbody>
        </table></div>
        {{/empty(counters)}}
        {{#empty(counters)}}<p class="muted">{{t.ikm_counters_none}}</p>{{/empty(counters)}}
        {{#canEdit}}
        <form method="post" action="{{action}}" novalidate class="mng-form">
          <input type="hidden" name="_csrf" value="{{csrf}}">
          <div class="field">
            <label for="ikm-counters">{{t.ikm_counters_field}}</label>
            <textarea id="ikm-counters" name="loket" rows="6"{{#error}} aria-invalid="true" aria-describedby="ikm-counters-error"{{/error}}>{{lines}}</textarea>
            {{#error}}<p class="field-error" id="ikm-counters-error">{{error}}</p>{{/error}}
          </div>
          <div class="actions"><button type="submit">{{t.save}}</button></div>
        </form>
        {{/canEdit}}
        <p><a href="{{posters}}">{{t.ikm_link_poster}}</a></p>
        """#

    /// `/kelola/ikm/:agency/:unit/poster`: one A4 poster for the unit, one for each counter.
    static let ikmPosters = #"""
        <div class="ikm-noprint">
          <p class="mng-crumbs"><a href="/kelola/ikm?opd={{agency}}">{{t.ikm_back_units}}</a></p>
          <h1>{{t.ikm_poster_title}}</h1>
          <p class="mng-lead">{{t.ikm_poster_intro}}</p>
        </div>
        {{#posters}}
        <section class="ikm-poster" aria-labelledby="ikm-poster-{{index}}">
          <p class="ikm-poster-note">{{t.ikm_poster_survey}}</p>
          <h2 id="ikm-poster-{{index}}">{{t.ikm_poster_heading}}</h2>
          <p class="ikm-poster-unit">{{unitName}}</p>
          <p class="ikm-poster-note">{{agencyName}}</p>
          {{#counter}}<p class="ikm-poster-counter">{{counter}}</p>{{/counter}}
          {{^counter}}<p class="ikm-poster-counter">{{t.ikm_poster_unit_qr}}</p>{{/counter}}
          <div class="ikm-poster-qr">{{{qr}}}</div>
          <p class="ikm-poster-url">{{url}}</p>
          <ol>
            <li>{{t.ikm_poster_step1}}</li>
            <li>{{t.ikm_poster_step2}}</li>
            <li>{{t.ikm_poster_step3}}</li>
          </ol>
          <p>{{t.ikm_poster_paper}}</p>
          <p class="ikm-poster-note">{{t.ikm_poster_basis}}</p>
        </section>
        {{/posters}}
        """#

    /// The profile questions of the questionnaire, all optional (public form and paper entry).
    static let ikmProfile = #"""
        <fieldset class="fb-q">
          <legend>{{t.ikm_profile_legend}}</legend>
          <p class="hint" id="ikm-profile-hint">{{t.ikm_profile_hint}}</p>
          <div class="dlg-row">
          {{#profileFields}}
            <div class="field">
              <label for="ikm-{{name}}">{{label}}</label>
              <select id="ikm-{{name}}" name="{{name}}" aria-describedby="ikm-profile-hint">
                {{#options}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/options}}
              </select>
            </div>
          {{/profileFields}}
          </div>
        </fieldset>
        """#

    /// `/kelola/ikm/:agency/:unit/kertas`: one paper questionnaire at a time.
    static let ikmPaper = #"""
        <p class="mng-crumbs"><a href="/kelola/ikm?opd={{agency}}">{{t.ikm_back_units}}</a></p>
        <h1>{{t.ikm_paper_title}}</h1>
        <p class="mng-lead">{{unitName}} · {{agencyName}}</p>
        <p>{{t.ikm_paper_intro}}</p>
        {{#noneOpen}}<p class="notice" role="status">{{t.ikm_paper_none_open}}</p>{{/noneOpen}}
        {{^noneOpen}}
        {{^empty(formErrors)}}
        <div class="fb-error-summary" role="alert">
          <p class="error">{{t.fb_errors_title}}</p>
          <ul>{{#formErrors}}<li>{{#eTarget}}<a href="#{{eTarget}}">{{eText}}</a>{{/eTarget}}{{^eTarget}}{{eText}}{{/eTarget}}</li>{{/formErrors}}</ul>
        </div>
        {{/empty(formErrors)}}
        <p class="muted">{{countLine}}</p>
        <form method="post" action="{{action}}" novalidate class="fb-form">
          <input type="hidden" name="_csrf" value="{{csrf}}">
          <div class="dlg-row">
            <div class="field">
              <label for="ikm-campaign">{{t.ikm_paper_campaign}}</label>
              <select id="ikm-campaign" name="kampanye">{{#campaigns}}<option value="{{id}}"{{#selected}} selected{{/selected}}>{{title}}</option>{{/campaigns}}</select>
            </div>
            <div class="field">
              <label for="ikm-loket">{{t.ikm_paper_counter}}</label>
              <select id="ikm-loket" name="loket">
                <option value="">{{t.ikm_paper_no_counter}}</option>
                {{#counters}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{code}} · {{name}}</option>{{/counters}}
              </select>
            </div>
          </div>
          {{#questions}}{{> fb_question}}{{/questions}}
          {{> ikm_profile}}
          <div class="actions"><button type="submit">{{t.ikm_paper_submit}}</button></div>
        </form>
        <p class="muted">{{t.ikm_paper_csv}}</p>
        {{/noneOpen}}
        """#

    /// `/laporan/ikm/:agency/:unit`: the yearly publication, ready to print.
    static let ikmReport = #"""
        <article class="ikm-report">
        <p class="mng-crumbs ikm-noprint"><a href="/kelola/ikm?opd={{agency}}">{{t.ikm_back_units}}</a></p>
        <h1>{{t.ikm_report_title}} {{year}}</h1>
        <p class="ikm-poster-unit">{{unitName}}</p>
        <p class="muted">{{agencyName}}</p>
        <p>{{t.ikm_report_basis}}</p>
        <nav class="ikm-noprint" aria-label="{{t.ikm_report_year}}">
          <ul class="mng-chips">{{#years}}<li><a href="{{href}}"{{#current}} aria-current="page"{{/current}}>{{year}}</a></li>{{/years}}<li><a href="{{jsonHref}}">{{t.ikm_report_json}}</a></li></ul>
        </nav>
        <section class="ikm-figures" aria-label="{{t.ikm_report_index}}">
          {{^suppressed}}
          <div class="card"><h2 class="dlg-h-small">{{t.ikm_report_index}}</h2><p class="ikm-grade">{{index}}</p></div>
          <div class="card"><h2 class="dlg-h-small">{{t.ikm_report_grade}}</h2><p class="ikm-grade">{{grade}}</p><p>{{t.ikm_report_performance}}: {{gradeLabel}}</p></div>
          {{/suppressed}}
          <div class="card"><h2 class="dlg-h-small">{{t.ikm_report_respondents}}</h2><p class="ikm-grade">{{respondents}}</p><p>{{channels}}</p><p class="muted">{{surveys}}</p></div>
        </section>
        {{#suppressed}}<p class="notice" role="status">{{suppressedText}}</p>{{/suppressed}}
        {{^suppressed}}
        <section>
          <h2>{{t.ikm_elements_title}}</h2>
          <p class="muted">{{t.ikm_report_formula}}</p>
          <div class="table-wrap"><table>
            <thead><tr>
              <th scope="col">{{t.ikm_col_element}}</th><th scope="col" class="num">{{t.ikm_col_nrr}}</th><th scope="col" class="num">{{t.ikm_col_weighted}}</th>
              <th scope="col" class="num">{{t.ikm_col_converted}}</th><th scope="col">{{t.ikm_col_grade}}</th><th scope="col">{{t.ikm_col_note}}</th>
            </tr></thead>
            <tbody>
            {{#elements}}
              <tr><th scope="row">{{code}} {{name}}</th><td class="num">{{nrr}}</td><td class="num">{{weighted}}</td><td class="num">{{converted}}</td><td>{{grade}}</td>
                <td>{{#lowest}}<span class="ikm-lowest">{{t.ikm_lowest}}</span>{{/lowest}}</td></tr>
            {{/elements}}
            <tr><th scope="row">{{t.ikm_total_weighted}}</th><td></td><td class="num">{{totalWeighted}}</td><td class="num">{{index}}</td><td>{{grade}}</td><td></td></tr>
            </tbody>
          </table></div>
        </section>
        <section>
          <h2>{{t.ikm_profile_title}}</h2>
          <div class="ikm-profile">
          {{#profile}}
            <div class="table-wrap"><table>
              <caption>{{title}}</caption>
              <thead><tr><th scope="col">{{t.ikm_col_group}}</th><th scope="col" class="num">{{t.ikm_col_respondents}}</th><th scope="col" class="num">{{t.ikm_col_share}}</th></tr></thead>
              <tbody>{{#counts}}<tr><th scope="row">{{label}}</th><td class="num">{{count}}</td><td class="num">{{share}}</td></tr>{{/counts}}</tbody>
            </table></div>
          {{/profile}}
          </div>
        </section>
        {{/suppressed}}
        {{^empty(counters)}}
        <section>
          <h2>{{t.ikm_counters_results}}</h2>
          <div class="table-wrap"><table>
            <thead><tr><th scope="col">{{t.ikm_paper_counter}}</th><th scope="col" class="num">{{t.ikm_col_respondents}}</th><th scope="col" class="num">{{t.ikm_report_index}}</th><th scope="col">{{t.ikm_col_grade}}</th></tr></thead>
            <tbody>{{#counters}}<tr><th scope="row">{{label}}</th><td class="num">{{respondents}}</td><td class="num">{{index}}</td><td>{{grade}}</td></tr>{{/counters}}</tbody>
          </table></div>
        </section>
        {{/empty(counters)}}
        <section>
          <h2>{{t.ikm_plan_title}}</h2>
          <p>{{t.ikm_plan_intro}}</p>
          {{^empty(plan)}}
          <div class="table-wrap"><table>
            <thead><tr><th scope="col">{{t.ikm_col_element}}</th><th scope="col">{{t.ikm_col_activity}}</th><th scope="col">{{t.ikm_col_owner}}</th><th scope="col">{{t.ikm_col_due}}</th><th scope="col">{{t.ikm_col_state}}</th></tr></thead>
            <tbody>{{#plan}}<tr><td>{{element}}</td><td><a href="/tindak-lanjut/{{id}}">{{title}}</a></td><td>{{owner}}</td><td>{{due}}</td><td>{{state}}{{#overdue}} <span class="badge bad">{{t.ikm_overdue}}</span>{{/overdue}}</td></tr>{{/plan}}</tbody>
          </table></div>
          {{/empty(plan)}}
          {{#empty(plan)}}<p class="muted">{{t.ikm_plan_none}}</p>{{/empty(plan)}}
          {{#canPlan}}
          <details class="dlg-details ikm-noprint"{{#planOpen}} open{{/planOpen}}>
            <summary>{{t.ikm_plan_add}}</summary>
            {{#planError}}<p class="error" role="alert">{{planError}}</p>{{/planError}}
            <form method="post" action="{{planAction}}" novalidate class="mng-form">
              <input type="hidden" name="_csrf" value="{{csrf}}">
              <div class="field"><label for="ikm-unsur">{{t.ikm_plan_element}}</label>
                <select id="ikm-unsur" name="unsur">{{#elementChoices}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/elementChoices}}</select></div>
              <div class="field"><label for="ikm-kegiatan">{{t.ikm_col_activity}}</label>
                <input type="text" id="ikm-kegiatan" name="kegiatan" value="{{planTitle}}" maxlength="200"{{#titleError}} aria-invalid="true" aria-describedby="ikm-kegiatan-error"{{/titleError}}>
                {{#titleError}}<p class="field-error" id="ikm-kegiatan-error">{{titleError}}</p>{{/titleError}}</div>
              <div class="dlg-row">
                <div class="field"><label for="ikm-pj">{{t.ikm_col_owner}}</label>
                  <input type="text" id="ikm-pj" name="pj" value="{{planOwner}}" inputmode="numeric" autocomplete="off" aria-describedby="ikm-pj-hint{{#ownerError}} ikm-pj-error{{/ownerError}}"{{#ownerError}} aria-invalid="true"{{/ownerError}}>
                  <p class="hint" id="ikm-pj-hint">{{t.ikm_plan_owner_hint}}</p>
                  {{#ownerError}}<p class="field-error" id="ikm-pj-error">{{ownerError}}</p>{{/ownerError}}</div>
                <div class="field"><label for="ikm-tenggat">{{t.ikm_col_due}}</label>
                  <input type="date" id="ikm-tenggat" name="tenggat" value="{{planDue}}"{{#dueError}} aria-invalid="true" aria-describedby="ikm-tenggat-error"{{/dueError}}>
                  {{#dueError}}<p class="field-error" id="ikm-tenggat-error">{{dueError}}</p>{{/dueError}}</div>
              </div>
              <div class="actions"><button type="submit">{{t.save}}</button></div>
            </form>
          </details>
          {{/canPlan}}
        </section>
        <section>
          <h2>{{t.ikm_trend_title}}</h2>
          {{{svg}}}
          <div class="table-wrap"><table>
            <thead><tr><th scope="col">{{t.ikm_col_year}}</th><th scope="col" class="num">{{t.ikm_col_respondents}}</th><th scope="col" class="num">{{t.ikm_report_index}}</th><th scope="col">{{t.ikm_col_grade}}</th></tr></thead>
            <tbody>{{#trend}}<tr><th scope="row">{{year}}</th><td class="num">{{respondents}}</td><td class="num">{{index}}</td><td>{{grade}}</td></tr>{{/trend}}</tbody>
          </table></div>
        </section>
        <p class="muted">{{generated}}</p>
        </article>
        """#
}
