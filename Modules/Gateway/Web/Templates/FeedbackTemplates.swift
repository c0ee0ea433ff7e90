extension Templates {
    /// The templates of `FeedbackPages`.
    static let feedback: [String: String] = [
        "fb_list": fbList,
        "fb_form": fbForm,
        "fb_ikm": fbIKM,
        "fb_question": fbQuestion,
        "fb_options": fbOptions,
        "fb_privacy": fbPrivacy,
        "fb_meta": fbMeta,
        "fb_thanks": fbThanks,
        "fb_answered": fbAnswered,
        "fb_message": fbMessage,
    ]

    /// `/evaluasi`: forms to fill in (cards) and forms answered (a table).
    static let fbList = #"""
        <h1>{{t.fb_list_title}}</h1>
        <p>{{t.fb_list_intro}}</p>
        <h2 id="fb-pending">{{t.fb_pending_heading}} ({{pendingCount}})</h2>
        {{^empty(pending)}}
        <ul class="fb-cards" aria-labelledby="fb-pending">
        {{#pending}}
          <li class="card fb-card">
            <h3 id="fb-p-{{index}}"><a href="{{href}}">{{title}}</a></h3>
            <p class="fb-badges">
              <span class="badge">{{purpose}}</span>
              {{#anonymous}}<span class="badge ok">{{t.fb_badge_anonymous}}</span>{{/anonymous}}
              {{^anonymous}}<span class="badge warn">{{t.fb_badge_named}}</span>{{/anonymous}}
            </p>
            <dl class="fb-facts">
              {{#program}}<dt>{{t.fb_col_program}}</dt><dd>{{program}}</dd>{{/program}}
              {{#subject}}<dt>{{t.fb_about_staff}}</dt><dd>{{subject}}</dd>{{/subject}}
              <dt>{{t.fb_col_deadline}}</dt><dd>{{deadline}} <span class="badge{{#urgent}} bad{{/urgent}}">{{left}}</span></dd>
            </dl>
            <p><a class="button" href="{{href}}" aria-label="{{t.fb_fill}}: {{title}}{{#subject}} ({{subject}}){{/subject}}">{{t.fb_fill}}</a></p>
          </li>
        {{/pending}}
        </ul>
        {{/empty(pending)}}
        {{#empty(pending)}}<p class="muted">{{t.fb_pending_none}}</p>{{/empty(pending)}}

        <h2>{{t.fb_answered_heading}} ({{answeredCount}})</h2>
        {{^empty(answered)}}
        <div class="table-wrap">
        <table>
          <thead><tr>
            <th scope="col">{{t.fb_col_form}}</th>
            <th scope="col">{{t.fb_col_program}}</th>
            <th scope="col">{{t.fb_col_purpose}}</th>
            <th scope="col">{{t.fb_col_privacy}}</th>
            <th scope="col">{{t.fb_col_state}}</th>
            <th scope="col" class="num">{{t.fb_col_result}}</th>
          </tr></thead>
          <tbody>
          {{#answered}}
            <tr>
              <td>{{#href}}<a href="{{href}}">{{title}}</a>{{/href}}{{^href}}{{title}}{{/href}}</td>
              <td>{{program}}</td>
              <td>{{purpose}}</td>
              <td>{{#anonymous}}<span class="badge ok">{{t.fb_badge_anonymous}}</span>{{/anonymous}}{{^anonymous}}<span class="badge warn">{{t.fb_badge_named}}</span>{{/anonymous}}</td>
              <td>{{state}}</td>
              <td class="num">{{score}}</td>
            </tr>
          {{/answered}}
          </tbody>
        </table>
        </div>
        {{/empty(answered)}}
        {{#empty(answered)}}<p class="muted">{{t.fb_answered_none}}</p>{{/empty(answered)}}
        """#

    /// The facts above a form: kind, program and session, the staff member assessed, the deadline.
    static let fbMeta = #"""
        <dl class="fb-facts">
          <dt>{{t.fb_form_purpose}}</dt><dd>{{metaPurpose}}</dd>
          {{#metaProgram}}<dt>{{t.fb_form_program}}</dt><dd>{{metaProgram}}</dd>{{/metaProgram}}
          {{#metaSubject}}<dt>{{t.fb_form_subject}}</dt><dd>{{metaSubject}}</dd>{{/metaSubject}}
          {{#metaDeadline}}<dt>{{t.fb_form_deadline}}</dt><dd>{{metaDeadline}}</dd>{{/metaDeadline}}
        </dl>
        """#

    /// What anonymity means for this form (or who sees the answers when it is named).
    static let fbPrivacy = #"""
        <section class="notice fb-privacy" aria-labelledby="fb-privacy-title">
          <h2 id="fb-privacy-title">{{privacyTitle}}</h2>
          <ul>{{#privacyPoints}}<li>{{point}}</li>{{/privacyPoints}}</ul>
        </section>
        """#

    /// Radio buttons or checkboxes, each a large target with its label.
    static let fbOptions = #"""
        {{#oList}}<label class="fb-opt" for="{{oId}}"><input type="{{oType}}" id="{{oId}}" name="{{oName}}" value="{{oValue}}"{{#oChecked}} checked{{/oChecked}}{{#oRequired}} required{{/oRequired}}{{#oInvalid}} aria-invalid="true" aria-describedby="{{oErrorId}}"{{/oInvalid}}><span>{{oLabel}}</span></label>{{/oList}}
        """#

    /// One question of any kind: a fieldset with its legend, hint, error and inputs.
    static let fbQuestion = #"""
        {{#qHeading}}<h2 class="fb-section">{{qHeading}}</h2>{{/qHeading}}
        <fieldset class="fb-q{{#qInvalid}} fb-q-invalid{{/qInvalid}}" id="{{qId}}"{{#qDescribedBy}} aria-describedby="{{qDescribedBy}}"{{/qDescribedBy}}>
          <legend id="{{qId}}-legend">{{#qElement}}<span class="fb-element">{{qElement}}</span> {{/qElement}}<span class="fb-qtext">{{qText}}</span>{{#qRequired}} <span class="fb-req">{{t.fb_required}}</span>{{/qRequired}}{{#qPoints}} <span class="fb-points">{{qPoints}}</span>{{/qPoints}}</legend>
          {{#qHint}}<p class="hint" id="{{qId}}-hint">{{qHint}}</p>{{/qHint}}
          {{#qInvalid}}<p class="field-error" id="{{qId}}-error"><span class="fb-sr">{{t.fb_error_prefix}} </span>{{qError}}</p>{{/qInvalid}}
          {{#qChoices}}
          <div class="fb-opts {{qLayout}}">{{> fb_options}}</div>
          {{#qNPS}}<p class="fb-anchors" aria-hidden="true"><span>0 · {{t.fb_nps_low}}</span><span>10 · {{t.fb_nps_high}}</span></p>{{/qNPS}}
          {{/qChoices}}
          {{#qNumber}}
          <input class="fb-number" type="text" id="{{qId}}-input" name="{{qName}}" value="{{qValue}}" inputmode="decimal" autocomplete="off" data-min="{{qMin}}" data-max="{{qMax}}" aria-labelledby="{{qId}}-legend"{{#qRequired}} required{{/qRequired}}{{#qInvalid}} aria-invalid="true" aria-describedby="{{qId}}-error"{{/qInvalid}}>
          {{/qNumber}}
          {{#qShort}}
          <input type="text" id="{{qId}}-input" name="{{qName}}" value="{{qValue}}" maxlength="500" aria-labelledby="{{qId}}-legend"{{#qRequired}} required{{/qRequired}}{{#qInvalid}} aria-invalid="true" aria-describedby="{{qId}}-error"{{/qInvalid}}>
          {{/qShort}}
          {{#qLong}}
          <textarea id="{{qId}}-input" name="{{qName}}" rows="4" aria-labelledby="{{qId}}-legend"{{#qRequired}} required{{/qRequired}}{{#qInvalid}} aria-invalid="true" aria-describedby="{{qId}}-error"{{/qInvalid}}>{{qValue}}</textarea>
          {{/qLong}}
          {{#qGroups}}
            <fieldset class="fb-sub">
              <legend>{{gLegend}}</legend>
              {{#gFixed}}<input type="hidden" name="{{gNameField}}" value="{{gNameValue}}">{{/gFixed}}
              {{#gFree}}<div class="field"><label for="{{gNameId}}">{{t.fb_facilitator_name}}</label><input type="text" id="{{gNameId}}" name="{{gNameField}}" value="{{gNameValue}}" autocomplete="off"{{#qInvalid}} aria-invalid="true" aria-describedby="{{qId}}-error"{{/qInvalid}}></div>{{/gFree}}
              <div class="fb-opts fb-row">{{> fb_options}}</div>
            </fieldset>
          {{/qGroups}}
        </fieldset>
        """#

    /// An evaluation form of a campaign.
    static let fbForm = #"""
        <h1>{{formTitle}}</h1>
        {{> fb_meta}}
        {{^empty(formErrors)}}
        <div class="fb-error-summary" role="alert">
          <p class="error">{{t.fb_errors_title}}</p>
          <ul>{{#formErrors}}<li>{{#eTarget}}<a href="#{{eTarget}}">{{eText}}</a>{{/eTarget}}{{^eTarget}}{{eText}}{{/eTarget}}</li>{{/formErrors}}</ul>
        </div>
        {{/empty(formErrors)}}
        {{> fb_privacy}}
        {{#description}}<p class="fb-description">{{description}}</p>{{/description}}
        {{#testNote}}<p>{{testNote}}</p>{{/testNote}}
        <p class="muted">{{t.fb_form_required_note}}</p>
        <form method="post" action="{{action}}" novalidate class="fb-form">
          <input type="hidden" name="_csrf" value="{{csrf}}">
          {{#subjectNip}}<input type="hidden" name="pegawai" value="{{subjectNip}}">{{/subjectNip}}
          {{#questions}}{{> fb_question}}{{/questions}}
          <div class="actions"><button type="submit" class="fb-submit">{{t.fb_submit}}</button></div>
        </form>
        <p><a href="/evaluasi">{{t.fb_back_list}}</a></p>
        """#

    /// The public IKM survey of a service unit (no login), made for a phone.
    static let fbIKM = #"""
        <div class="fb-public">
        <h1>{{formTitle}}</h1>
        {{#unit}}<p class="muted">{{t.fb_ikm_unit}}: {{unit}}</p>{{/unit}}
        {{#busy}}<p class="error" role="alert">{{busy}}</p>{{/busy}}
        {{^empty(formErrors)}}
        <div class="fb-error-summary" role="alert">
          <p class="error">{{t.fb_errors_title}}</p>
          <ul>{{#formErrors}}<li>{{#eTarget}}<a href="#{{eTarget}}">{{eText}}</a>{{/eTarget}}{{^eTarget}}{{eText}}{{/eTarget}}</li>{{/formErrors}}</ul>
        </div>
        {{/empty(formErrors)}}
        <p>{{intro}}</p>
        <details class="notice fb-privacy">
          <summary><strong>{{privacyTitle}}</strong> {{privacyLead}}</summary>
          <ul>{{#privacyPoints}}<li>{{point}}</li>{{/privacyPoints}}</ul>
        </details>
        <p class="muted">{{t.fb_form_required_note}}</p>
        <form method="post" action="{{action}}" novalidate class="fb-form">
          <input type="hidden" name="_csrf" value="{{csrf}}">
          {{#loket}}<input type="hidden" name="loket" value="{{loket}}"><p class="muted">{{t.ikm_counter_on_form}}: {{loket}}</p>{{/loket}}
          {{#questions}}{{> fb_question}}{{/questions}}
          {{> ikm_profile}}
          <div class="actions"><button type="submit" class="fb-submit">{{t.fb_submit}}</button></div>
        </form>
        </div>
        """#

    /// After an answer was saved: thanks, a test's score, the receipt of an anonymous answer.
    static let fbThanks = #"""
        <section class="fb-public">
        <h1>{{t.fb_thanks_title}}</h1>
        <p class="flash" role="status">{{thanksText}}</p>
        <p>{{formTitle}}</p>
        {{#scoreLine}}
        <div class="card fb-score">
          <p class="big">{{scoreValue}}</p>
          <p>{{scoreLine}}</p>
          {{#passLine}}<p><span class="badge {{passClass}}">{{passLine}}</span></p>{{/passLine}}
          {{#preNote}}<p class="muted">{{preNote}}</p>{{/preNote}}
        </div>
        {{/scoreLine}}
        {{#anonymousNote}}<p>{{anonymousNote}}</p>{{/anonymousNote}}
        {{#receipt}}
        <div class="card">
          <h2>{{t.fb_receipt}}</h2>
          <p class="fb-receipt">{{receipt}}</p>
          <p class="muted">{{t.fb_receipt_note}}</p>
        </div>
        {{/receipt}}
        {{^empty(links)}}<div class="actions">{{#links}}<a class="button{{#secondary}} secondary{{/secondary}}" href="{{href}}">{{label}}</a>{{/links}}</div>{{/empty(links)}}
        </section>
        """#

    /// A form already answered: for named ones, the answers given.
    static let fbAnswered = #"""
        <h1>{{t.fb_answered_title}}</h1>
        <p>{{formTitle}}</p>
        {{> fb_meta}}
        {{#anonymous}}<p class="notice">{{t.fb_answered_anonymous}}</p>{{/anonymous}}
        {{#scoreLine}}<p class="card">{{scoreLine}}</p>{{/scoreLine}}
        {{^empty(answers)}}
        <h2>{{t.fb_your_answers}}</h2>
        <dl class="fb-answers">
        {{#answers}}<dt>{{aQuestion}}</dt><dd>{{aText}}</dd>{{/answers}}
        </dl>
        {{/empty(answers)}}
        <p><a href="/evaluasi">{{t.fb_back_list}}</a></p>
        """#

    /// A form that cannot be answered (closed, not open yet, not for this person, already answered).
    static let fbMessage = #"""
        <section class="fb-public">
        <h1>{{messageTitle}}</h1>
        <p class="notice">{{messageText}}</p>
        {{#formTitle}}<p class="muted">{{formTitle}}</p>{{/formTitle}}
        {{#hasLinks}}<ul class="plain">{{#links}}<li><a href="{{href}}">{{label}}</a></li>{{/links}}</ul>{{/hasLinks}}
        {{#back}}<p><a href="/evaluasi">{{t.fb_back_list}}</a></p>{{/back}}
        </section>
        """#
}
