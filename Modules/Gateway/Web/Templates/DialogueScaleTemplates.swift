extension Templates {
    /// The templates of `DialogueScalePages`.
    static let dialogueScale: [String: String] = [
        "rcpt_raised": rcptRaised, "rcpt_mine": rcptMine, "rcpt_entry": rcptEntry, "mod_queue": modQueue, "board_index": boardIndex,
        "board_agency": boardAgency,
    ]

    /// Shown once, in answer to the post that raised an anonymous aspiration.
    static let rcptRaised = #"""
        <h1>{{t.rcpt_raised_title}}</h1>
        <p>{{t.rcpt_raised_lead}}</p>
        <div class="card rcpt-card">
          <p class="rcpt-label" id="rcpt-code-label">{{t.rcpt_code_label}}</p>
          <p class="rcpt-code" aria-labelledby="rcpt-code-label"><strong id="rcpt-code">{{code}}</strong></p>
          <p>{{t.rcpt_once}}</p>
          <p class="muted">{{t.rcpt_cookie_note}}</p>
        </div>
        {{#held}}<p class="notice" role="status">{{heldNotice}}</p>{{/held}}
        <div class="actions">
          <a class="button" href="/aspirasi-saya">{{t.rcpt_mine_link}}</a>
          <a class="button secondary" href="/dialog/{{dialogueId}}">{{t.rcpt_back_dialogue}}</a>
        </div>
        """#

    /// One aspiration found by its receipt.
    static let rcptEntry = #"""
        <li class="card rcpt-entry" id="rcpt-{{receipt}}">
          <p class="muted"><span class="dlg-vh">{{t.rcpt_code_label}}: </span><code>{{code}}</code></p>
          <h3>{{t.rcpt_dialogue}}: {{topic}}</h3>
          <p class="muted">{{agency}} · {{date}} · {{dialogueState}}</p>
          <p class="rcpt-h">{{t.rcpt_text}}</p>
          <p class="dlg-text">{{text}}</p>
          <p><span class="rcpt-h">{{t.rcpt_state}}:</span> <span class="badge {{stateClass}}">{{stateLabel}}</span>{{#moderationReason}} <span class="muted">({{moderationReason}})</span>{{/moderationReason}}</p>
          {{#showSupports}}<p class="muted">{{supportsLabel}}</p>{{/showSupports}}
          <div class="dlg-answer">
            <p class="dlg-answer-label">{{t.rcpt_answer}}</p>
            {{#answer}}<p class="dlg-text rcpt-answer">{{answer}}</p>{{/answer}}
            {{^answer}}<p class="muted">{{t.rcpt_not_answered}}</p>{{/answer}}
          </div>
          {{#action}}
          <p class="rcpt-action"><span class="rcpt-h">{{t.rcpt_action}}:</span> {{title}} — {{owner}}, {{t.dlg_due_by}} {{due}} {{> dlg_action_badges}}</p>
          {{/action}}
          {{#kept}}
          <form method="post" action="/aspirasi-saya/lupakan" class="inline">
            <input type="hidden" name="_csrf" value="{{csrf}}">
            <input type="hidden" name="kode" value="{{receipt}}">
            <button type="submit" class="secondary dlg-small">{{t.rcpt_forget}}<span class="dlg-vh"> {{code}}</span></button>
          </form>
          {{/kept}}
        </li>
        """#

    static let rcptMine = #"""
        <h1>{{t.rcpt_title}}</h1>
        <p class="dlg-lead">{{t.rcpt_intro}}</p>
        <section class="card dlg-section" aria-labelledby="rcpt-lookup-h">
          <h2 id="rcpt-lookup-h">{{t.rcpt_lookup_title}}</h2>
          {{#general}}<p class="error" role="alert">{{general}}</p>{{/general}}
          <form method="post" action="/aspirasi-saya" novalidate>
            <input type="hidden" name="_csrf" value="{{csrf}}">
            <div class="field">
              <label for="rcpt-kode">{{t.rcpt_field_code}}</label>
              {{#err.kode}}<p class="field-error" id="rcpt-kode-error">{{err.kode}}</p>{{/err.kode}}
              <input id="rcpt-kode" name="kode" value="{{values.kode}}" autocomplete="off" spellcheck="false" maxlength="64" aria-describedby="{{#err.kode}}rcpt-kode-error {{/err.kode}}rcpt-kode-hint"{{#err.kode}} aria-invalid="true"{{/err.kode}}>
              <p class="hint" id="rcpt-kode-hint">{{t.rcpt_hint_code}}</p>
            </div>
            <div class="field dlg-check">
              <input type="checkbox" id="rcpt-simpan" name="simpan" value="1"{{#keep}} checked{{/keep}}>
              <label for="rcpt-simpan">{{t.rcpt_field_keep}}</label>
            </div>
            <button type="submit">{{t.rcpt_submit}}</button>
          </form>
          <p class="muted">{{t.rcpt_privacy}}</p>
        </section>
        {{#hasFound}}
        <h2>{{t.rcpt_found_title}}</h2>
        <ol class="dlg-aspirations rcpt-list">{{#found}}{{> rcpt_entry}}{{/found}}</ol>
        {{/hasFound}}
        <h2>{{t.rcpt_kept_title}} ({{keptCount}})</h2>
        {{#hasKept}}<ol class="dlg-aspirations rcpt-list">{{#kept}}{{> rcpt_entry}}{{/kept}}</ol>{{/hasKept}}
        {{^hasKept}}<p class="muted">{{t.rcpt_none_kept}}</p>{{/hasKept}}
        """#

    static let modQueue = #"""
        <p class="dlg-back"><a href="/dialog">{{t.dlg_back_list}}</a></p>
        <h1>{{t.mod_title}}</h1>
        <p class="dlg-lead">{{t.mod_intro}}</p>
        <form method="get" action="/moderasi" class="dlg-filters">
          {{#organizer}}
          <div class="field">
            <label for="mod-f-opd">{{t.dlg_filter_agency}}</label>
            <select id="mod-f-opd" name="opd">
              <option value="">{{t.dlg_all_agencies}}</option>
              {{#agencyOptions}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{name}}</option>{{/agencyOptions}}
            </select>
          </div>
          {{/organizer}}
          {{#dialogue}}<input type="hidden" name="dialog" value="{{dialogue}}">{{/dialogue}}
          <div class="field dlg-checks">
            <span class="dlg-check"><input type="checkbox" id="mod-f-all" name="semua" value="1"{{#all}} checked{{/all}}> <label for="mod-f-all">{{t.mod_show_decided}}</label></span>
          </div>
          <div class="field dlg-filter-buttons"><button type="submit" class="secondary">{{t.mod_filter}}</button></div>
        </form>
        <p role="status">{{countLabel}}</p>
        {{#hasItems}}
        <ol class="dlg-aspirations mod-list">
          {{#items}}
          <li class="card" id="mod-{{id}}">
            <p class="dlg-asp-head"><span class="badge {{stateClass}}">{{stateLabel}}</span> <span class="muted">{{agency}} · <a href="/dialog/{{dialogueId}}">{{topic}}</a></span></p>
            <p class="dlg-text" id="mod-{{id}}-text">{{text}}</p>
            {{#reason}}<p><span class="rcpt-h">{{reasonLabel}}:</span> {{reason}}</p>{{/reason}}
            {{#hasReports}}<p class="muted">{{reportsLabel}}{{#reportReasons}} · {{.}}{{/reportReasons}}</p>{{/hasReports}}
            {{#held}}
            {{#itemGeneral}}<p class="error" role="alert">{{itemGeneral}}</p>{{/itemGeneral}}
            <form method="post" action="/moderasi/{{id}}" novalidate>
              <input type="hidden" name="_csrf" value="{{csrf}}">
              <input type="hidden" name="kembali" value="{{back}}">
              <fieldset>
                <legend>{{t.mod_decision}}</legend>
                {{#itemErr.keputusan}}<p class="field-error" id="mod-{{id}}-keputusan-error">{{itemErr.keputusan}}</p>{{/itemErr.keputusan}}
                <span class="dlg-check"><input type="radio" id="mod-{{id}}-lepas" name="keputusan" value="lepas"{{#chosenRelease}} checked{{/chosenRelease}}> <label for="mod-{{id}}-lepas">{{t.mod_release}}</label></span>
                <span class="dlg-check"><input type="radio" id="mod-{{id}}-hapus" name="keputusan" value="hapus"{{#chosenRemove}} checked{{/chosenRemove}}> <label for="mod-{{id}}-hapus">{{t.mod_remove}}</label></span>
              </fieldset>
              <div class="field">
                <label for="mod-{{id}}-alasan">{{t.mod_field_reason}}</label>
                {{#itemErr.alasan}}<p class="field-error" id="mod-{{id}}-alasan-error">{{itemErr.alasan}}</p>{{/itemErr.alasan}}
                <input id="mod-{{id}}-alasan" name="alasan" value="{{typedReason}}" maxlength="200" aria-describedby="{{#itemErr.alasan}}mod-{{id}}-alasan-error {{/itemErr.alasan}}mod-{{id}}-alasan-hint"{{#itemErr.alasan}} aria-invalid="true"{{/itemErr.alasan}}>
                <p class="hint" id="mod-{{id}}-alasan-hint">{{t.mod_hint_reason}}</p>
              </div>
              <button type="submit" aria-describedby="mod-{{id}}-text">{{t.mod_submit}}</button>
            </form>
            {{/held}}
          </li>
          {{/items}}
        </ol>
        {{/hasItems}}
        {{^hasItems}}<p class="muted">{{t.mod_none}}</p>{{/hasItems}}
        """#

    static let boardIndex = #"""
        <h1>{{t.board_title}}</h1>
        <p class="dlg-lead">{{t.board_index_intro}}</p>
        <form method="get" action="/papan-aksi" class="dlg-filters" novalidate>
          <div class="field">
            <label for="board-opd">{{t.board_field_agency}}</label>
            {{#err}}<p class="field-error" id="board-opd-error">{{err}}</p>{{/err}}
            <input id="board-opd" name="opd" value="{{value}}" maxlength="32" autocapitalize="characters"{{#err}} aria-invalid="true" aria-describedby="board-opd-error"{{/err}}>
          </div>
          <div class="field dlg-filter-buttons"><button type="submit">{{t.board_show}}</button></div>
        </form>
        """#

    static let boardAgency = #"""
        <h1>{{heading}}</h1>
        <p class="dlg-lead">{{t.board_intro}}</p>
        <p class="muted">{{asOf}}</p>
        <p role="status" class="board-summary">{{summary}}</p>
        {{#hasActions}}
        <div class="table-wrap">
        <table class="dlg-table board-table">
          <caption class="dlg-vh">{{heading}}</caption>
          <thead><tr>
            <th scope="col">{{t.board_col_item}}</th><th scope="col">{{t.board_col_owner}}</th><th scope="col">{{t.board_col_due}}</th>
            <th scope="col">{{t.board_col_state}}</th><th scope="col">{{t.board_col_dialogue}}</th>
          </tr></thead>
          <tbody>
          {{#actions}}
            <tr id="board-{{id}}"{{#overdue}} class="board-late"{{/overdue}}>
              <td>{{title}}</td>
              <td>{{owner}}{{#position}}<br><span class="muted">{{position}}</span>{{/position}}</td>
              <td class="dlg-nowrap">{{due}}</td>
              <td>{{> dlg_action_badges}}{{#closedOn}}<br><span class="muted">{{closedOn}}</span>{{/closedOn}}</td>
              <td>{{dialogue}}{{#dialogueDate}}<br><span class="muted">{{dialogueDate}}</span>{{/dialogueDate}}</td>
            </tr>
          {{/actions}}
          </tbody>
        </table>
        </div>
        {{/hasActions}}
        {{^hasActions}}<p class="muted">{{t.board_none}}</p>{{/hasActions}}
        <p><a href="/api/v1/action-boards/{{code}}">{{t.board_json}}</a></p>
        """#
}
