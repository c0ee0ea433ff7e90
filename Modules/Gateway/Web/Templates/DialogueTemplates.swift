extension Templates {
    /// The templates of `DialoguePages`, `DialogueDetailPage` and `DialogueActionPages`.
    static let dialogue: [String: String] = [
        "dlg_list": dlgList, "dlg_new": dlgNew, "dlg_detail": dlgDetail, "dlg_actions": dlgActions, "dlg_action": dlgAction,
        "dlg_action_badges": dlgActionBadges, "dlg_staff_list": dlgStaffList, "dlg_action_line": dlgActionLine,
    ]

    /// The state badge of an action item (and "overdue" when late); the item is the context.
    static let dlgActionBadges = #"""
        <span class="badge {{stateClass}}">{{stateLabel}}</span>{{#overdue}} <span class="badge bad">{{t.dlg_overdue}}</span>{{/overdue}}
        """#

    /// The action item an aspiration or direction opened, in one line (its title repeats the text above it).
    static let dlgActionLine = #"""
        <p class="dlg-action-line">{{t.dlg_action_of}}: {{owner}}, {{t.dlg_due_by}} {{due}} {{> dlg_action_badges}} <a href="/tindak-lanjut/{{id}}">{{t.dlg_action_details}}<span class="dlg-vh"> {{id}}</span></a></p>
        """#

    /// The staff of the agency, offered to the NIP fields (`list="dlg-staff"`).
    static let dlgStaffList = #"""
        {{#hasStaff}}<datalist id="dlg-staff">{{#staffOptions}}<option value="{{nip}}">{{label}}</option>{{/staffOptions}}</datalist>{{/hasStaff}}
        """#

    static let dlgList = #"""
        <h1>{{t.dlg_title}}</h1>
        <p class="dlg-lead">{{t.dlg_intro}}</p>
        <div class="actions">
          {{#canCreate}}<a class="button" href="/dialog/baru">{{t.dlg_new}}</a>{{/canCreate}}
          <a class="button secondary" href="/tindak-lanjut">{{t.dlg_actions_link}}</a>
          <a class="button secondary" href="/aspirasi-saya">{{t.rcpt_title}}</a>
          {{#canModerate}}<a class="button secondary" href="/moderasi">{{t.mod_link}}</a>{{/canModerate}}
          {{#boardAgency}}<a class="button secondary" href="/papan-aksi/{{boardAgency}}">{{t.board_link}}</a>{{/boardAgency}}
        </div>
        {{#organizer}}
        <form method="get" action="/dialog" class="dlg-filters">
          <div class="field">
            <label for="dlg-f-opd">{{t.dlg_filter_agency}}</label>
            <select id="dlg-f-opd" name="opd">
              <option value="">{{t.dlg_all_agencies}}</option>
              {{#agencyOptions}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{name}}</option>{{/agencyOptions}}
            </select>
          </div>
          <div class="field"><button type="submit" class="secondary">{{t.dlg_filter_show}}</button></div>
        </form>
        {{/organizer}}

        <h2>{{t.dlg_upcoming}} ({{upcomingCount}})</h2>
        {{#hasUpcoming}}
        <ul class="dlg-cards">
          {{#upcoming}}
          <li class="card">
            <h3><a href="/dialog/{{id}}">{{topic}}</a></h3>
            <p class="dlg-when">{{when}}</p>
            {{#venue}}<p class="muted">{{venue}}</p>{{/venue}}
            <p>{{scope}}</p>
            <p><span class="badge{{#open}} ok{{/open}}">{{stateLabel}}</span> <span class="badge">{{aspirationsLabel}}</span></p>
          </li>
          {{/upcoming}}
        </ul>
        {{/hasUpcoming}}
        {{^hasUpcoming}}<p class="muted">{{t.dlg_none_upcoming}}</p>{{/hasUpcoming}}

        <h2>{{t.dlg_past}} ({{pastCount}})</h2>
        {{#hasPast}}
        <div class="table-wrap">
        <table class="dlg-table">
          <thead><tr>
            <th scope="col">{{t.dlg_col_date}}</th><th scope="col">{{t.dlg_col_topic}}</th><th scope="col">{{t.dlg_col_scope}}</th>
            <th scope="col">{{t.dlg_col_state}}</th><th scope="col" class="num">{{t.dlg_col_aspirations}}</th>
          </tr></thead>
          <tbody>
          {{#past}}
            <tr>
              <td class="dlg-nowrap">{{date}}</td>
              <td><a href="/dialog/{{id}}">{{topic}}</a></td>
              <td>{{scope}}</td>
              <td><span class="badge{{#open}} ok{{/open}}">{{stateLabel}}</span></td>
              <td class="num">{{aspirations}}</td>
            </tr>
          {{/past}}
          </tbody>
        </table>
        </div>
        {{/hasPast}}
        {{^hasPast}}<p class="muted">{{t.dlg_none_past}}</p>{{/hasPast}}
        """#

    static let dlgNew = #"""
        <p class="dlg-back"><a href="/dialog">{{t.dlg_back_list}}</a></p>
        <h1>{{t.dlg_new_title}}</h1>
        <p>{{t.dlg_new_intro}}</p>
        {{#general}}<p class="error" role="alert" id="dlg-new-errors">{{general}}</p>{{/general}}
        <form method="post" action="/dialog/baru" novalidate class="dlg-form">
          <input type="hidden" name="_csrf" value="{{csrf}}">
          <div class="field">
            <label for="dlg-topik">{{t.dlg_field_topic}}</label>
            {{#err.topik}}<p class="field-error" id="dlg-topik-error">{{err.topik}}</p>{{/err.topik}}
            <input id="dlg-topik" name="topik" value="{{values.topik}}" maxlength="400" required aria-describedby="{{#err.topik}}dlg-topik-error {{/err.topik}}dlg-topik-hint"{{#err.topik}} aria-invalid="true"{{/err.topik}}>
            <p class="hint" id="dlg-topik-hint">{{t.dlg_hint_topic}}</p>
          </div>
          <div class="dlg-row">
            <div class="field">
              <label for="dlg-tanggal">{{t.dlg_field_date}}</label>
              {{#err.tanggal}}<p class="field-error" id="dlg-tanggal-error">{{err.tanggal}}</p>{{/err.tanggal}}
              <input id="dlg-tanggal" name="tanggal" type="date" value="{{values.tanggal}}" required{{#err.tanggal}} aria-invalid="true" aria-describedby="dlg-tanggal-error"{{/err.tanggal}}>
            </div>
            <div class="field">
              <label for="dlg-waktu">{{t.dlg_field_time}}</label>
              {{#err.waktu}}<p class="field-error" id="dlg-waktu-error">{{err.waktu}}</p>{{/err.waktu}}
              <input id="dlg-waktu" name="waktu" type="time" value="{{values.waktu}}" aria-describedby="{{#err.waktu}}dlg-waktu-error {{/err.waktu}}dlg-waktu-hint"{{#err.waktu}} aria-invalid="true"{{/err.waktu}}>
              <p class="hint" id="dlg-waktu-hint">{{t.dlg_hint_time}}</p>
            </div>
          </div>
          <div class="field">
            <label for="dlg-tempat">{{t.dlg_field_venue}}</label>
            {{#err.tempat}}<p class="field-error" id="dlg-tempat-error">{{err.tempat}}</p>{{/err.tempat}}
            <input id="dlg-tempat" name="tempat" value="{{values.tempat}}" maxlength="400" aria-describedby="{{#err.tempat}}dlg-tempat-error {{/err.tempat}}dlg-tempat-hint"{{#err.tempat}} aria-invalid="true"{{/err.tempat}}>
            <p class="hint" id="dlg-tempat-hint">{{t.dlg_hint_venue}}</p>
          </div>
          <div class="field">
            <label for="dlg-cakupan">{{t.dlg_field_scope}}</label>
            {{#err.cakupan}}<p class="field-error" id="dlg-cakupan-error">{{err.cakupan}}</p>{{/err.cakupan}}
            <select id="dlg-cakupan" name="cakupan" required aria-describedby="{{#err.cakupan}}dlg-cakupan-error {{/err.cakupan}}dlg-cakupan-hint"{{#err.cakupan}} aria-invalid="true"{{/err.cakupan}}>
              <option value="">{{t.dlg_choose}}</option>
              {{#groups}}
              <optgroup label="{{name}}">
                {{#options}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/options}}
              </optgroup>
              {{/groups}}
            </select>
            <p class="hint" id="dlg-cakupan-hint">{{t.dlg_hint_scope}}</p>
          </div>
          {{#organizer}}
          <div class="field">
            <label for="dlg-pemimpin">{{t.dlg_field_leader}}</label>
            {{#err.pemimpin}}<p class="field-error" id="dlg-pemimpin-error">{{err.pemimpin}}</p>{{/err.pemimpin}}
            <input id="dlg-pemimpin" name="pemimpin" value="{{values.pemimpin}}" inputmode="numeric" maxlength="18" aria-describedby="{{#err.pemimpin}}dlg-pemimpin-error {{/err.pemimpin}}dlg-pemimpin-hint"{{#err.pemimpin}} aria-invalid="true"{{/err.pemimpin}}>
            <p class="hint" id="dlg-pemimpin-hint">{{t.dlg_hint_leader}}</p>
          </div>
          {{/organizer}}
          <div class="actions">
            <button type="submit">{{t.dlg_create_submit}}</button>
            <a class="button secondary" href="/dialog">{{t.cancel}}</a>
          </div>
        </form>
        """#

    static let dlgDetail = #"""
        <p class="dlg-back"><a href="/dialog">{{t.dlg_back_list}}</a></p>
        {{#d}}
        <h1>{{topic}}</h1>
        <div class="card dlg-facts-card">
          <dl class="dlg-facts">
            <div><dt>{{t.dlg_fact_when}}</dt><dd>{{when}}</dd></div>
            {{#venue}}<div><dt>{{t.dlg_fact_venue}}</dt><dd>{{venue}}</dd></div>{{/venue}}
            <div><dt>{{t.dlg_fact_scope}}</dt><dd>{{scope}}</dd></div>
            <div><dt>{{t.dlg_fact_leader}}</dt><dd>{{leader}}</dd></div>
            <div><dt>{{t.dlg_fact_state}}</dt><dd><span class="badge{{#open}} ok{{/open}}">{{stateLabel}}</span></dd></div>
          </dl>
          {{#summary}}<h2 class="dlg-h-small">{{t.dlg_summary_title}}</h2><p class="dlg-text">{{summary}}</p>{{/summary}}
        </div>
        {{/d}}
        {{^isOpen}}<p class="notice">{{t.dlg_closed_notice}}</p>{{/isOpen}}
        {{#hasHeld}}<p class="notice" id="dlg-held-notice">{{heldLabel}} <a href="/moderasi?dialog={{d.id}}">{{t.mod_link}}</a></p>{{/hasHeld}}
        {{> dlg_staff_list}}

        {{#canRaise}}
        <section class="card dlg-section" aria-labelledby="dlg-raise-h">
          <h2 id="dlg-raise-h">{{t.dlg_raise_title}}</h2>
          {{#raiseGeneral}}<p class="error" role="alert">{{raiseGeneral}}</p>{{/raiseGeneral}}
          <form method="post" action="/dialog/{{d.id}}/aspirasi" novalidate>
            <input type="hidden" name="_csrf" value="{{csrf}}">
            <div class="field">
              <label for="dlg-kategori">{{t.dlg_field_category}}</label>
              {{#raiseErr.kategori}}<p class="field-error" id="dlg-kategori-error">{{raiseErr.kategori}}</p>{{/raiseErr.kategori}}
              <select id="dlg-kategori" name="kategori"{{#raiseErr.kategori}} aria-invalid="true" aria-describedby="dlg-kategori-error"{{/raiseErr.kategori}}>
                {{#categories}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/categories}}
              </select>
            </div>
            <div class="field">
              <label for="dlg-teks">{{t.dlg_field_text}}</label>
              {{#raiseErr.teks}}<p class="field-error" id="dlg-teks-error">{{raiseErr.teks}}</p>{{/raiseErr.teks}}
              <textarea id="dlg-teks" name="teks" rows="4" required aria-describedby="{{#raiseErr.teks}}dlg-teks-error {{/raiseErr.teks}}dlg-teks-hint"{{#raiseErr.teks}} aria-invalid="true"{{/raiseErr.teks}}>{{raiseValues.teks}}</textarea>
              <p class="hint" id="dlg-teks-hint">{{t.dlg_hint_text}}</p>
            </div>
            <div class="field dlg-check">
              <input type="checkbox" id="dlg-anonim" name="anonim" value="1"{{#raiseValues.anonim}} checked{{/raiseValues.anonim}} aria-describedby="dlg-anonim-hint">
              <label for="dlg-anonim">{{t.dlg_field_anonymous}}</label>
              <p class="hint" id="dlg-anonim-hint">{{t.dlg_hint_anonymous}}</p>
            </div>
            <button type="submit">{{t.dlg_raise_submit}}</button>
          </form>
        </section>
        {{/canRaise}}

        <h2 id="dlg-h-aspirasi">{{t.dlg_aspirations_title}} ({{aspirationCount}})</h2>
        {{#hasAspirations}}
        <p class="muted">{{t.dlg_aspirations_sorted}}</p>
        <ol class="dlg-aspirations">
          {{#aspirations}}
          <li class="card" id="asp-{{id}}">
            <p class="dlg-asp-head">
              <span class="dlg-author{{#anonymous}} dlg-anon{{/anonymous}}"><span class="dlg-vh">{{t.dlg_by}}: </span>{{author}}</span>
              <span class="badge"><span class="dlg-vh">{{t.dlg_category}}: </span>{{category}}</span>
              {{#held}}<span class="badge warn">{{t.mod_badge_held}}</span>{{/held}}{{#removed}}<span class="badge bad">{{t.mod_badge_removed}}</span>{{/removed}}{{#released}}<span class="badge">{{t.mod_badge_released}}</span>{{/released}}
            </p>
            <p class="dlg-text" id="asp-{{id}}-text">{{text}}</p>
            {{#moderationReason}}<p class="muted">{{t.mod_held_because}}: {{moderationReason}}</p>{{/moderationReason}}
            {{#own}}{{#held}}<p class="notice">{{t.mod_own_held}}</p>{{/held}}{{/own}}
            <div class="dlg-support">
              <strong class="dlg-count">{{supportsLabel}}</strong>
              {{#own}}<span class="badge">{{t.dlg_own}}</span>{{/own}}
              {{#supportedByMe}}<span class="badge ok">{{t.dlg_supported_by_me}}</span>{{/supportedByMe}}
              {{#canSupport}}
              <form method="post" action="/dialog/{{d.id}}/aspirasi/{{id}}/dukung" class="inline">
                <input type="hidden" name="_csrf" value="{{csrf}}">
                <button type="submit" class="secondary dlg-small" aria-describedby="asp-{{id}}-text">{{t.dlg_support_button}}</button>
              </form>
              {{/canSupport}}
              {{#reportedByMe}}<span class="badge">{{t.mod_reported_by_me}}</span>{{/reportedByMe}}
            </div>
            {{#canReport}}
            <details class="dlg-details">
              <summary>{{t.mod_report_summary}}</summary>
              <form method="post" action="/dialog/{{d.id}}/aspirasi/{{id}}/laporkan">
                <input type="hidden" name="_csrf" value="{{csrf}}">
                <div class="field">
                  <label for="rep-{{id}}">{{t.mod_report_reason}}</label>
                  <input id="rep-{{id}}" name="alasan" maxlength="200">
                </div>
                <button type="submit" class="secondary dlg-small" aria-describedby="asp-{{id}}-text">{{t.mod_report_button}}</button>
              </form>
            </details>
            {{/canReport}}
            {{#supportError}}<p class="error" role="alert">{{supportError}}</p>{{/supportError}}
            <div class="dlg-answer">
              <p class="dlg-answer-label">{{t.dlg_answer_label}}</p>
              {{#answer}}<p class="dlg-text">{{answer}}</p>{{/answer}}
              {{^answer}}<p class="muted">{{t.dlg_not_answered}}</p>{{/answer}}
              {{#action}}{{> dlg_action_line}}{{/action}}
            </div>
            {{#canAnswer}}
            <details class="dlg-details"{{#answerOpen}} open{{/answerOpen}}>
              <summary>{{#answer}}{{t.dlg_answer_edit}}{{/answer}}{{^answer}}{{t.dlg_answer_open}}{{/answer}}</summary>
              {{#answerGeneral}}<p class="error" role="alert">{{answerGeneral}}</p>{{/answerGeneral}}
              <form method="post" action="/dialog/{{d.id}}/aspirasi/{{id}}/tanggapan" novalidate>
                <input type="hidden" name="_csrf" value="{{csrf}}">
                <div class="field">
                  <label for="ans-{{id}}">{{t.dlg_field_answer}}</label>
                  {{#answerErr.jawaban}}<p class="field-error" id="ans-{{id}}-error">{{answerErr.jawaban}}</p>{{/answerErr.jawaban}}
                  <textarea id="ans-{{id}}" name="jawaban" rows="3" required{{#answerErr.jawaban}} aria-invalid="true" aria-describedby="ans-{{id}}-error"{{/answerErr.jawaban}}>{{answerValues.jawaban}}</textarea>
                </div>
                {{^action}}
                <fieldset>
                  <legend>{{t.dlg_action_optional}}</legend>
                  <div class="dlg-row">
                    <div class="field">
                      <label for="ans-{{id}}-pj">{{t.dlg_field_owner}}</label>
                      {{#answerErr.pj}}<p class="field-error" id="ans-{{id}}-pj-error">{{answerErr.pj}}</p>{{/answerErr.pj}}
                      <input id="ans-{{id}}-pj" name="pj" list="dlg-staff" autocomplete="off" value="{{answerValues.pj}}" aria-describedby="{{#answerErr.pj}}ans-{{id}}-pj-error {{/answerErr.pj}}ans-{{id}}-pj-hint"{{#answerErr.pj}} aria-invalid="true"{{/answerErr.pj}}>
                      <p class="hint" id="ans-{{id}}-pj-hint">{{ownerHint}}</p>
                    </div>
                    <div class="field">
                      <label for="ans-{{id}}-batas">{{t.dlg_field_due}}</label>
                      {{#answerErr.batas}}<p class="field-error" id="ans-{{id}}-batas-error">{{answerErr.batas}}</p>{{/answerErr.batas}}
                      <input id="ans-{{id}}-batas" name="batas" type="date" min="{{today}}" value="{{answerValues.batas}}"{{#answerErr.batas}} aria-invalid="true" aria-describedby="ans-{{id}}-batas-error"{{/answerErr.batas}}>
                    </div>
                  </div>
                </fieldset>
                {{/action}}
                <button type="submit">{{t.dlg_answer_submit}}</button>
              </form>
            </details>
            {{/canAnswer}}
          </li>
          {{/aspirations}}
        </ol>
        {{/hasAspirations}}
        {{^hasAspirations}}<p class="muted">{{t.dlg_no_aspirations}}</p>{{/hasAspirations}}

        <h2 id="dlg-h-arahan">{{t.dlg_directions_title}} ({{directionCount}})</h2>
        {{#hasDirections}}
        <ol class="dlg-directions">
          {{#directions}}
          <li class="card">
            <p class="dlg-text">{{text}}</p>
            <p class="muted">{{givenBy}}</p>
            {{#action}}{{> dlg_action_line}}{{/action}}
          </li>
          {{/directions}}
        </ol>
        {{/hasDirections}}
        {{^hasDirections}}<p class="muted">{{t.dlg_no_directions}}</p>{{/hasDirections}}

        {{#canDirect}}
        <section class="card dlg-section" aria-labelledby="dlg-direction-h">
          <h3 id="dlg-direction-h">{{t.dlg_direction_title}}</h3>
          {{#dirGeneral}}<p class="error" role="alert">{{dirGeneral}}</p>{{/dirGeneral}}
          <form method="post" action="/dialog/{{d.id}}/arahan" novalidate>
            <input type="hidden" name="_csrf" value="{{csrf}}">
            <div class="field">
              <label for="dlg-arahan">{{t.dlg_field_direction}}</label>
              {{#dirErr.arahan}}<p class="field-error" id="dlg-arahan-error">{{dirErr.arahan}}</p>{{/dirErr.arahan}}
              <textarea id="dlg-arahan" name="arahan" rows="3" required aria-describedby="{{#dirErr.arahan}}dlg-arahan-error {{/dirErr.arahan}}dlg-arahan-hint"{{#dirErr.arahan}} aria-invalid="true"{{/dirErr.arahan}}>{{dirValues.arahan}}</textarea>
              <p class="hint" id="dlg-arahan-hint">{{t.dlg_hint_direction}}</p>
            </div>
            <fieldset>
              <legend>{{t.dlg_action_optional}}</legend>
              <div class="dlg-row">
                <div class="field">
                  <label for="dlg-arahan-pj">{{t.dlg_field_owner}}</label>
                  {{#dirErr.pj}}<p class="field-error" id="dlg-arahan-pj-error">{{dirErr.pj}}</p>{{/dirErr.pj}}
                  <input id="dlg-arahan-pj" name="pj" list="dlg-staff" autocomplete="off" value="{{dirValues.pj}}" aria-describedby="{{#dirErr.pj}}dlg-arahan-pj-error {{/dirErr.pj}}dlg-arahan-pj-hint"{{#dirErr.pj}} aria-invalid="true"{{/dirErr.pj}}>
                  <p class="hint" id="dlg-arahan-pj-hint">{{ownerHint}}</p>
                </div>
                <div class="field">
                  <label for="dlg-arahan-batas">{{t.dlg_field_due}}</label>
                  {{#dirErr.batas}}<p class="field-error" id="dlg-arahan-batas-error">{{dirErr.batas}}</p>{{/dirErr.batas}}
                  <input id="dlg-arahan-batas" name="batas" type="date" min="{{today}}" value="{{dirValues.batas}}"{{#dirErr.batas}} aria-invalid="true" aria-describedby="dlg-arahan-batas-error"{{/dirErr.batas}}>
                </div>
              </div>
            </fieldset>
            <button type="submit">{{t.dlg_direction_submit}}</button>
          </form>
        </section>
        {{/canDirect}}

        <h2 id="dlg-h-tindak-lanjut">{{t.dlg_dialogue_actions_title}} ({{actionCount}})</h2>
        {{#hasActions}}
        <div class="table-wrap">
        <table class="dlg-table">
          <thead><tr>
            <th scope="col">{{t.dlg_col_action}}</th><th scope="col">{{t.dlg_col_state}}</th>
            <th scope="col">{{t.dlg_col_due}}</th><th scope="col">{{t.dlg_col_owner}}</th>
          </tr></thead>
          <tbody>
          {{#actionRows}}
            <tr>
              <td><a href="/tindak-lanjut/{{id}}">{{title}}</a></td>
              <td>{{> dlg_action_badges}}</td>
              <td class="dlg-nowrap">{{due}}</td>
              <td>{{owner}}</td>
            </tr>
          {{/actionRows}}
          </tbody>
        </table>
        </div>
        {{/hasActions}}
        {{^hasActions}}<p class="muted">{{t.dlg_no_actions}}</p>{{/hasActions}}

        {{#minutes}}
        <h2 id="dlg-h-notulen">{{t.dlg_minutes_title}}</h2>
        <p class="muted">{{t.dlg_minutes_note}}</p>
        <pre class="dlg-minutes" lang="id">{{minutes}}</pre>
        {{/minutes}}

        {{#canClose}}
        <section class="card dlg-section" aria-labelledby="dlg-close-h">
          <h2 id="dlg-close-h">{{t.dlg_close_title}}</h2>
          <p>{{t.dlg_close_intro}}</p>
          {{#closeGeneral}}<p class="error" role="alert">{{closeGeneral}}</p>{{/closeGeneral}}
          <form method="post" action="/dialog/{{d.id}}/tutup" novalidate>
            <input type="hidden" name="_csrf" value="{{csrf}}">
            <div class="field">
              <label for="dlg-kesimpulan">{{t.dlg_field_summary}}</label>
              {{#closeErr.kesimpulan}}<p class="field-error" id="dlg-kesimpulan-error">{{closeErr.kesimpulan}}</p>{{/closeErr.kesimpulan}}
              <textarea id="dlg-kesimpulan" name="kesimpulan" rows="4"{{#closeErr.kesimpulan}} aria-invalid="true" aria-describedby="dlg-kesimpulan-error"{{/closeErr.kesimpulan}}>{{closeValues.kesimpulan}}</textarea>
            </div>
            <button type="submit">{{t.dlg_close_submit}}</button>
          </form>
        </section>
        {{/canClose}}
        """#

    static let dlgActions = #"""
        <h1>{{t.dlg_actions_title}}</h1>
        <p class="dlg-lead">{{t.dlg_actions_intro}}</p>
        <form method="get" action="/tindak-lanjut" class="dlg-filters" aria-label="{{t.dlg_filters}}">
          <div class="field">
            <label for="dlg-f-status">{{t.dlg_filter_status}}</label>
            <select id="dlg-f-status" name="status">
              <option value="">{{t.dlg_all_states}}</option>
              {{#states}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/states}}
            </select>
          </div>
          {{#organizer}}
          <div class="field">
            <label for="dlg-f-opd">{{t.dlg_filter_agency}}</label>
            <select id="dlg-f-opd" name="opd">
              <option value="">{{t.dlg_all_agencies}}</option>
              {{#agencyOptions}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{name}}</option>{{/agencyOptions}}
            </select>
          </div>
          {{/organizer}}
          <div class="field dlg-checks">
            <span class="dlg-check"><input type="checkbox" id="dlg-f-late" name="terlambat" value="1"{{#overdue}} checked{{/overdue}}> <label for="dlg-f-late">{{t.dlg_filter_overdue}}</label></span>
            {{#hasNip}}<span class="dlg-check"><input type="checkbox" id="dlg-f-mine" name="milik" value="saya"{{#mine}} checked{{/mine}}> <label for="dlg-f-mine">{{t.dlg_filter_mine}}</label></span>{{/hasNip}}
          </div>
          <div class="field dlg-filter-buttons">
            <button type="submit" class="secondary">{{t.dlg_filter_apply}}</button>
            {{#filtered}}<a href="/tindak-lanjut">{{t.dlg_filter_reset}}</a>{{/filtered}}
          </div>
        </form>
        <p role="status">{{countLabel}}</p>
        {{#hasRows}}
        <div class="table-wrap">
        <table class="dlg-table dlg-action-table">
          <thead><tr>
            <th scope="col">{{t.dlg_col_action}}</th><th scope="col">{{t.dlg_col_state}}</th>
            <th scope="col">{{t.dlg_col_due}}</th><th scope="col">{{t.dlg_col_owner}}</th>
            {{#showAgency}}<th scope="col">{{t.dlg_col_agency}}</th>{{/showAgency}}
            <th scope="col">{{t.dlg_col_source}}</th>
          </tr></thead>
          <tbody>
          {{#rows}}
            <tr>
              <td><a href="/tindak-lanjut/{{id}}">{{title}}</a></td>
              <td>{{> dlg_action_badges}}</td>
              <td class="dlg-nowrap">{{due}}</td>
              <td>{{owner}}{{#mine}} <span class="badge">{{t.dlg_mine}}</span>{{/mine}}</td>
              {{#showAgency}}<td>{{agency}}</td>{{/showAgency}}
              <td>{{source}}</td>
            </tr>
          {{/rows}}
          </tbody>
        </table>
        </div>
        {{/hasRows}}
        {{^hasRows}}<p class="muted">{{t.dlg_no_actions_found}}</p>{{/hasRows}}
        {{#pager}}
        <nav class="actions" aria-label="{{pager}}">
          {{#prev}}<a class="button secondary" href="{{prev}}">{{t.dlg_prev_page}}</a>{{/prev}}
          <span class="muted">{{pager}}</span>
          {{#next}}<a class="button secondary" href="{{next}}">{{t.dlg_next_page}}</a>{{/next}}
        </nav>
        {{/pager}}
        """#

    static let dlgAction = #"""
        <p class="dlg-back"><a href="/tindak-lanjut">{{t.dlg_back_actions}}</a></p>
        {{#a}}
        <p class="muted dlg-id">{{t.dlg_col_action}} {{id}}</p>
        <h1 class="dlg-h1-long">{{title}}</h1>
        <p>{{> dlg_action_badges}}</p>
        <div class="card">
          <dl class="dlg-facts">
            <div><dt>{{t.dlg_fact_owner}}</dt><dd>{{owner}}</dd></div>
            <div><dt>{{t.dlg_fact_due}}</dt><dd>{{due}}</dd></div>
            <div><dt>{{t.dlg_fact_agency}}</dt><dd>{{agency}}</dd></div>
            <div><dt>{{t.dlg_fact_source}}</dt><dd>{{source}}</dd></div>
            {{#dialogue}}<div><dt>{{t.dlg_fact_dialogue}}</dt><dd><a href="/dialog/{{id}}">{{topic}}</a> ({{date}})</dd></div>{{/dialogue}}
            <div><dt>{{t.dlg_fact_created}}</dt><dd>{{created}}</dd></div>
            {{#closedAt}}<div><dt>{{t.dlg_fact_closed}}</dt><dd>{{closedAt}}</dd></div>{{/closedAt}}
          </dl>
        </div>
        {{#evidence}}
        <h2>{{t.dlg_evidence_title}}</h2>
        {{#evidenceLink}}<p class="dlg-text"><a href="{{evidenceLink}}" rel="noopener noreferrer">{{evidence}}</a></p>{{/evidenceLink}}
        {{^evidenceLink}}<p class="dlg-text">{{evidence}}</p>{{/evidenceLink}}
        {{/evidence}}
        {{#reason}}<h2>{{t.dlg_reason_title}}</h2><p class="dlg-text">{{reason}}</p>{{/reason}}
        {{/a}}

        <h2>{{t.dlg_history_title}}</h2>
        <ol class="dlg-history">
          {{#history}}
          <li>
            <p class="muted">{{when}}{{#who}} · {{who}}{{/who}}</p>
            {{#what}}<p>{{what}}</p>{{/what}}
            {{#text}}<p class="dlg-text">{{text}}</p>{{/text}}
          </li>
          {{/history}}
        </ol>

        {{#final}}<p class="notice">{{finalNotice}}</p>{{/final}}
        {{#canUpdate}}
        {{> dlg_staff_list}}
        <section class="card dlg-section" aria-labelledby="dlg-update-h">
          <h2 id="dlg-update-h">{{t.dlg_update_title}}</h2>
          {{#general}}<p class="error" role="alert">{{general}}</p>{{/general}}
          <form method="post" action="/tindak-lanjut/{{a.id}}" novalidate>
            <input type="hidden" name="_csrf" value="{{csrf}}">
            <fieldset>
              <legend>{{t.dlg_filter_status}}</legend>
              <div class="choices">
                {{#moves}}<label for="{{id}}"><input type="radio" id="{{id}}" name="status" value="{{value}}"{{#checked}} checked{{/checked}}> {{label}}</label>{{/moves}}
              </div>
            </fieldset>
            <div class="field">
              <label for="dlg-catatan">{{t.dlg_field_note}}</label>
              {{#err.catatan}}<p class="field-error" id="dlg-catatan-error">{{err.catatan}}</p>{{/err.catatan}}
              <textarea id="dlg-catatan" name="catatan" rows="3" aria-describedby="{{#err.catatan}}dlg-catatan-error {{/err.catatan}}dlg-catatan-hint"{{#err.catatan}} aria-invalid="true"{{/err.catatan}}>{{values.catatan}}</textarea>
              <p class="hint" id="dlg-catatan-hint">{{t.dlg_hint_note}}</p>
            </div>
            <div class="field">
              <label for="dlg-bukti">{{t.dlg_field_evidence}}</label>
              {{#err.bukti}}<p class="field-error" id="dlg-bukti-error">{{err.bukti}}</p>{{/err.bukti}}
              <textarea id="dlg-bukti" name="bukti" rows="3" aria-describedby="{{#err.bukti}}dlg-bukti-error {{/err.bukti}}dlg-bukti-hint"{{#err.bukti}} aria-invalid="true"{{/err.bukti}}>{{values.bukti}}</textarea>
              <p class="hint" id="dlg-bukti-hint">{{t.dlg_hint_evidence}}</p>
            </div>
            {{#manages}}
            <div class="field">
              <label for="dlg-alasan">{{t.dlg_field_reason}}</label>
              {{#err.alasan}}<p class="field-error" id="dlg-alasan-error">{{err.alasan}}</p>{{/err.alasan}}
              <input id="dlg-alasan" name="alasan" maxlength="200" value="{{values.alasan}}" aria-describedby="{{#err.alasan}}dlg-alasan-error {{/err.alasan}}dlg-alasan-hint"{{#err.alasan}} aria-invalid="true"{{/err.alasan}}>
              <p class="hint" id="dlg-alasan-hint">{{t.dlg_hint_reason}}</p>
            </div>
            <fieldset>
              <legend>{{t.dlg_reassign_legend}}</legend>
              <div class="dlg-row">
                <div class="field">
                  <label for="dlg-pj">{{t.dlg_field_new_owner}}</label>
                  {{#err.pj}}<p class="field-error" id="dlg-pj-error">{{err.pj}}</p>{{/err.pj}}
                  <input id="dlg-pj" name="pj" list="dlg-staff" autocomplete="off" value="{{values.pj}}" aria-describedby="{{#err.pj}}dlg-pj-error {{/err.pj}}dlg-pj-hint"{{#err.pj}} aria-invalid="true"{{/err.pj}}>
                  <p class="hint" id="dlg-pj-hint">{{ownerHint}}</p>
                </div>
                <div class="field">
                  <label for="dlg-batas">{{t.dlg_field_new_due}}</label>
                  {{#err.batas}}<p class="field-error" id="dlg-batas-error">{{err.batas}}</p>{{/err.batas}}
                  <input id="dlg-batas" name="batas" type="date" value="{{values.batas}}" aria-describedby="{{#err.batas}}dlg-batas-error {{/err.batas}}dlg-batas-hint"{{#err.batas}} aria-invalid="true"{{/err.batas}}>
                  <p class="hint" id="dlg-batas-hint">{{t.dlg_hint_new_due}}</p>
                </div>
              </div>
            </fieldset>
            {{/manages}}
            <button type="submit">{{t.dlg_update_submit}}</button>
          </form>
        </section>
        {{/canUpdate}}
        """#
}
