extension Templates {
    static let changeProject: [String: String] = [
        "ap_index": apIndex,
        "ap_list": apList,
        "ap_new": apNew,
        "ap_detail": apDetail,
        "ap_review": apReview,
        "ap_queue": apQueue,
        "ap_overview": apOverview,
    ]

    static let apIndex = #"""
        <h1>{{t.ap_title}}</h1>
        <p class="mng-lead">{{t.ap_lead}}</p>
        {{#hasQueue}}<p class="notice" role="status"><a href="/aksi-perubahan/mentor">{{t.ap_queue_link}} ({{queueCount}})</a></p>{{/hasQueue}}
        <h2>{{t.ap_mine}}</h2>
        {{#hasMine}}{{#mine}}{{> ap_list}}{{/mine}}{{/hasMine}}
        {{^hasMine}}<p class="muted">{{t.ap_none_mine}}</p>{{/hasMine}}
        <p><a href="/aksi-perubahan/baru">{{t.ap_new}}</a></p>
        {{#hasMentored}}<h2>{{t.ap_mentored}}</h2>{{#mentored}}{{> ap_list}}{{/mentored}}{{/hasMentored}}
        {{#hasCoached}}<h2>{{t.ap_coached}}</h2>{{#coached}}{{> ap_list}}{{/coached}}{{/hasCoached}}
        {{#hasAgency}}<h2>{{t.ap_agency}}</h2>{{#agency}}{{> ap_list}}{{/agency}}{{/hasAgency}}
        """#

    /// One project in a list.
    static let apList = #"""
        <article class="card ap-item" aria-label="{{title}}">
          <h3><a href="/aksi-perubahan/{{id}}">{{title}}</a></h3>
          <p>{{participant}} · {{training}} · {{session}}<br>
          <span class="muted">{{t.ap_progress}}: {{confirmed}} {{t.ap_progress_of}} {{total}} {{t.ap_progress_confirmed}}</span>{{#waiting}} <span class="badge">{{waiting}} {{t.ap_state_reported}}</span>{{/waiting}}{{#completed}} <span class="badge ok">{{t.ap_project_completed}}</span>{{/completed}}</p>
        </article>
        """#

    static let apNew = #"""
        <p class="mng-crumbs"><a href="/aksi-perubahan">{{t.ap_title}}</a></p>
        <h1>{{t.ap_new}}</h1>
        <p class="mng-lead">{{t.ap_new_lead}}</p>
        {{#hasErrors}}<p class="error" role="alert">{{#formError}}{{formError}}{{/formError}}{{^formError}}{{t.form_errors}}{{/formError}}</p>{{/hasErrors}}
        <form method="post" action="/aksi-perubahan/baru" novalidate>
          <input type="hidden" name="_csrf" value="{{csrf}}">
          <div class="field">
            <label for="sesi">{{t.ap_f_session}}</label>
            {{#err.sesi}}<p class="field-error" id="sesi-error">{{err.sesi}}</p>{{/err.sesi}}
            <input id="sesi" name="sesi" value="{{values.sesi}}" required aria-describedby="sesi-hint{{#err.sesi}} sesi-error{{/err.sesi}}"{{#err.sesi}} aria-invalid="true"{{/err.sesi}}>
            <p class="hint" id="sesi-hint">{{t.ap_f_session_hint}}</p>
          </div>
          <div class="field">
            <label for="judul">{{t.ap_f_title}}</label>
            {{#err.judul}}<p class="field-error" id="judul-error">{{err.judul}}</p>{{/err.judul}}
            <input id="judul" name="judul" value="{{values.judul}}" maxlength="400" required{{#err.judul}} aria-invalid="true" aria-describedby="judul-error"{{/err.judul}}>
          </div>
          <div class="field">
            <label for="isu">{{t.ap_f_problem}}</label>
            <textarea id="isu" name="isu" rows="3">{{values.isu}}</textarea>
          </div>
          <div class="field">
            <label for="tujuan">{{t.ap_f_goal}}</label>
            <textarea id="tujuan" name="tujuan" rows="3">{{values.tujuan}}</textarea>
          </div>
          <fieldset>
            <legend>{{t.ap_f_milestones}}</legend>
            <p class="hint" id="tahapan-hint">{{t.ap_f_milestones_hint}}</p>
            {{#err.tahapan}}<p class="field-error" id="tahapan-error">{{err.tahapan}}</p>{{/err.tahapan}}
            {{#rows}}
            <div class="card ap-row">
              <div class="field">
                <label for="t{{n}}-judul">{{t.ap_f_m_title}} {{n}}</label>
                {{#error}}<p class="field-error" id="t{{n}}-error">{{error}}</p>{{/error}}
                <input id="t{{n}}-judul" name="t{{n}}-judul" value="{{title}}" maxlength="400"{{#error}} aria-invalid="true" aria-describedby="t{{n}}-error"{{/error}}>
              </div>
              <div class="field">
                <label for="t{{n}}-jangka">{{t.ap_f_m_term}} {{n}}</label>
                <select id="t{{n}}-jangka" name="t{{n}}-jangka">
                  <option value="pendek"{{#short}} selected{{/short}}>{{t.ap_term_short}}</option>
                  <option value="menengah"{{#medium}} selected{{/medium}}>{{t.ap_term_medium}}</option>
                  <option value="panjang"{{#long}} selected{{/long}}>{{t.ap_term_long}}</option>
                </select>
              </div>
              <div class="field">
                <label for="t{{n}}-tenggat">{{t.ap_f_m_due}} {{n}}</label>
                <input id="t{{n}}-tenggat" name="t{{n}}-tenggat" type="date" value="{{due}}">
              </div>
              <div class="field">
                <label for="t{{n}}-keluaran">{{t.ap_f_m_output}} {{n}}</label>
                <input id="t{{n}}-keluaran" name="t{{n}}-keluaran" value="{{output}}" maxlength="400">
              </div>
            </div>
            {{/rows}}
          </fieldset>
          <button type="submit">{{t.ap_f_submit}}</button>
        </form>
        """#

    static let apDetail = #"""
        <p class="mng-crumbs"><a href="/aksi-perubahan">{{t.ap_title}}</a>{{#organizer}} · <a href="/kelola/sesi/{{session}}/aksi-perubahan">{{t.ap_overview_title}} {{session}}</a>{{/organizer}}</p>
        <h1>{{title}}</h1>
        {{#formError}}<p class="error" role="alert">{{formError}}</p>{{/formError}}
        <dl class="ap-facts">
          <dt>{{t.ap_participant}}</dt><dd>{{participant}}</dd>
          <dt>{{t.ap_training}}</dt><dd>{{training}} · {{t.ap_session}} <a href="/sesi/{{session}}">{{session}}</a></dd>
          <dt>{{t.ap_mentor}}</dt><dd>{{mentor}}</dd>
          <dt>{{t.ap_coach}}</dt><dd>{{coach}}</dd>
          <dt>{{t.ap_progress}}</dt><dd id="ap-progress">{{confirmed}} {{t.ap_progress_of}} {{total}} {{t.ap_progress_confirmed}}{{#completed}} <span class="badge ok">{{t.ap_project_completed}}</span>{{/completed}}</dd>
          {{#problem}}<dt>{{t.ap_problem}}</dt><dd>{{problem}}</dd>{{/problem}}
          {{#goal}}<dt>{{t.ap_goal}}</dt><dd>{{goal}}</dd>{{/goal}}
        </dl>
        <h2>{{t.ap_milestones}}</h2>
        {{#milestones}}
        <article class="card ap-milestone" id="tahapan-{{id}}" aria-labelledby="tahapan-{{id}}-h">
          <h3 id="tahapan-{{id}}-h">{{id}}. {{title}}</h3>
          <p>{{term}} · {{t.ap_col_due}} {{due}}{{#output}}<br><span class="muted">{{output}}</span>{{/output}}<br>
            <span class="badge{{#isConfirmed}} ok{{/isConfirmed}}{{#isReturned}} bad{{/isReturned}}">{{state}}</span></p>
          {{#report}}<p><strong>{{t.ap_report}}:</strong> {{report}}{{#evidence}}<br><span class="muted">{{t.ap_evidence}}: {{evidence}}</span>{{/evidence}}</p>{{/report}}
          {{#mentorNote}}<p><strong>{{t.ap_mentor_note}}:</strong> {{mentorNote}}</p>{{/mentorNote}}
          {{#error}}<p class="field-error" id="tahapan-{{id}}-error" role="alert">{{error}}</p>{{/error}}
          {{#canReport}}
          <form method="post" action="/aksi-perubahan/{{project}}/tahapan/{{id}}/lapor" novalidate>
            <input type="hidden" name="_csrf" value="{{csrf}}">
            <div class="field">
              <label for="laporan-{{id}}">{{t.ap_report}} ({{id}})</label>
              <textarea id="laporan-{{id}}" name="laporan" rows="3"{{#error}} aria-invalid="true" aria-describedby="tahapan-{{id}}-error"{{/error}}></textarea>
            </div>
            <div class="field">
              <label for="bukti-{{id}}">{{t.ap_evidence}}</label>
              <input id="bukti-{{id}}" name="bukti" maxlength="400">
            </div>
            <button type="submit">{{t.ap_report_submit}}<span class="mng-sr"> {{id}}</span></button>
          </form>
          {{/canReport}}
          {{#canReview}}{{> ap_review}}{{/canReview}}
        </article>
        {{/milestones}}
        <h2>{{t.ap_comments}}</h2>
        {{^hasComments}}<p class="muted">{{t.ap_no_comments}}</p>{{/hasComments}}
        {{#hasComments}}<ul class="ap-comments">{{#comments}}<li><strong>{{author}}</strong> <span class="muted">({{role}}, {{date}}{{#milestone}} · {{milestone}}{{/milestone}})</span><br>{{text}}</li>{{/comments}}</ul>{{/hasComments}}
        {{#canComment}}
        <form method="post" action="/aksi-perubahan/{{id}}/komentar" novalidate>
          <input type="hidden" name="_csrf" value="{{csrf}}">
          {{#commentError}}<p class="field-error" id="komentar-error">{{commentError}}</p>{{/commentError}}
          <div class="field">
            <label for="komentar-tahapan">{{t.ap_comment_on}}</label>
            <select id="komentar-tahapan" name="tahapan">
              <option value="">{{t.ap_comment_whole}}</option>
              {{#milestones}}<option value="{{id}}">{{id}}. {{title}}</option>{{/milestones}}
            </select>
          </div>
          <div class="field">
            <label for="komentar">{{t.ap_comment}}</label>
            <textarea id="komentar" name="komentar" rows="3"{{#commentError}} aria-invalid="true" aria-describedby="komentar-error"{{/commentError}}></textarea>
          </div>
          <button type="submit">{{t.ap_comment_submit}}</button>
        </form>
        {{/canComment}}
        """#

    /// The mentor's decision on one reported milestone (the project page and the mentor's queue).
    static let apReview = #"""
        <form method="post" action="/aksi-perubahan/{{project}}/tahapan/{{id}}/tinjau" class="apv-refuse" novalidate>
          <input type="hidden" name="_csrf" value="{{csrf}}">
          <input type="hidden" name="kembali" value="{{back}}">
          <label for="catatan-{{project}}-{{id}}">{{t.ap_note}}<span class="mng-sr"> {{id}}</span></label>
          <input id="catatan-{{project}}-{{id}}" name="catatan" maxlength="400"{{#error}} aria-invalid="true" aria-describedby="tahapan-{{id}}-error"{{/error}}>
          <button type="submit" name="keputusan" value="konfirmasi">{{t.ap_confirm}}<span class="mng-sr"> {{id}} {{title}}</span></button>
          <button type="submit" name="keputusan" value="kembalikan" class="secondary">{{t.ap_return}}<span class="mng-sr"> {{id}} {{title}}</span></button>
        </form>
        """#

    static let apQueue = #"""
        <p class="mng-crumbs"><a href="/aksi-perubahan">{{t.ap_title}}</a></p>
        <h1>{{t.ap_queue_title}}</h1>
        <p class="mng-lead">{{t.ap_queue_lead}}</p>
        {{#formError}}<p class="error" role="alert">{{formError}}</p>{{/formError}}
        {{^hasItems}}<p class="muted">{{t.ap_queue_none}}</p>{{/hasItems}}
        {{#items}}
        <article class="card ap-milestone" id="tahapan-{{id}}" aria-label="{{participant}}: {{title}}">
          <h2><a href="/aksi-perubahan/{{project}}">{{projectTitle}}</a></h2>
          <p>{{participant}} · {{session}}</p>
          <h3>{{id}}. {{title}} <span class="muted">({{term}}, {{t.ap_col_due}} {{due}})</span></h3>
          <p><strong>{{t.ap_report}}:</strong> {{report}}{{#evidence}}<br><span class="muted">{{t.ap_evidence}}: {{evidence}}</span>{{/evidence}}</p>
          {{#error}}<p class="field-error" id="tahapan-{{id}}-error" role="alert">{{error}}</p>{{/error}}
          {{> ap_review}}
        </article>
        {{/items}}
        """#

    static let apOverview = #"""
        <p class="mng-crumbs"><a href="/kelola">{{t.nav_kelola}}</a> · <a href="/kelola/sesi/{{session}}">{{session}}</a></p>
        <h1>{{t.ap_overview_title}} {{session}}</h1>
        <p class="mng-lead">{{t.ap_overview_lead}}</p>
        <p>{{enrolled}} {{t.ap_overview_counts}} {{written}}</p>
        <div class="table-wrap"><table>
          <caption class="mng-sr">{{t.ap_overview_title}} {{session}}</caption>
          <thead><tr><th scope="col">{{t.ap_col_participant}}</th><th scope="col">{{t.ap_col_project}}</th><th scope="col">{{t.ap_mentor}}</th><th scope="col">{{t.ap_coach}}</th><th scope="col">{{t.ap_col_confirmed}}</th><th scope="col">{{t.ap_col_waiting}}</th></tr></thead>
          <tbody>{{#rows}}<tr>
            <th scope="row">{{name}}<br><span class="muted">{{nip}}</span></th>
            <td>{{#id}}<a href="/aksi-perubahan/{{id}}">{{title}}</a>{{#completed}} <span class="badge ok">{{t.ap_project_completed}}</span>{{/completed}}{{/id}}{{^id}}<span class="muted">{{t.ap_no_project}}</span>{{/id}}</td>
            <td>{{mentor}}</td><td>{{coach}}</td>
            <td>{{#id}}{{confirmed}} / {{total}}{{/id}}</td><td>{{#id}}{{waiting}}{{/id}}</td>
          </tr>{{/rows}}</tbody>
        </table></div>
        """#
}
