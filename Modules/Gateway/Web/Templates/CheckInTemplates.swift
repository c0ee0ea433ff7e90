extension Templates {
    static let checkIn: [String: String] = [
        "checkin_screen": checkinScreen,
        "checkin_form": checkinForm,
        "checkin_done": checkinDone,
    ]

    static let checkinScreen = #"""
        <p class="mng-crumbs"><a href="/kelola">{{t.mng_overview_title}}</a> › <a href="{{program.href}}">{{program.code}}</a> › <a href="{{s.href}}">{{s.id}}</a></p>
        <h1>{{t.qr_title}} {{s.id}}</h1>
        <p class="mng-lead">{{program.title}} · <span class="badge {{s.stateClass}}">{{s.state}}</span></p>
        {{> mng_tabs}}
        {{#unavailable}}<p class="notice" role="status">{{unavailable}}</p>{{/unavailable}}
        {{#code}}
        <section class="qr-screen" aria-labelledby="qr-day">
          <h2 id="qr-day">{{dayText}}</h2>
          <p class="qr-instruction">{{t.qr_instruction}}</p>
          <div class="qr-code">{{{qr}}}</div>
          <p class="muted">{{t.qr_rotates}} <strong>{{nextChange}} WIB</strong>.</p>
          <p><strong>{{marked}}</strong> {{t.qr_of}} {{total}} {{t.qr_marked_today}}</p>
          <p class="hint">{{t.qr_grid_note}} <a href="{{gridHref}}">{{t.qr_to_grid}}</a></p>
          <details><summary>{{t.qr_show_code}}</summary><p class="qr-text"><code>{{code}}</code></p></details>
        </section>
        {{/code}}
        """#

    static let checkinForm = #"""
        <section class="narrow">
        <h1>{{t.qr_checkin_title}}</h1>
        {{#error}}<p class="error" role="alert">{{error}}</p>{{/error}}
        <form method="post" action="/hadir" novalidate>
          <input type="hidden" name="_csrf" value="{{csrf}}">
          {{#hasCode}}
          <p>{{t.qr_checkin_lead}} <strong>{{name}}</strong>.</p>
          <input type="hidden" name="kode" value="{{kode}}">
          <button type="submit" class="mng-big">{{t.qr_checkin_submit}}</button>
          {{/hasCode}}
          {{^hasCode}}
          <p>{{t.qr_checkin_scan}}</p>
          <div class="field">
            <label for="kode">{{t.qr_checkin_code}}</label>
            <input id="kode" name="kode" autocomplete="off" required>
          </div>
          <button type="submit">{{t.qr_checkin_submit}}</button>
          {{/hasCode}}
        </form>
        </section>
        """#

    static let checkinDone = #"""
        <section class="narrow">
        <h1>{{t.qr_checkin_title}}</h1>
        <p class="flash" role="status">{{message}}</p>
        <p>{{program}} ({{session}}) · {{dayText}}</p>
        {{#late}}<p class="muted">{{t.qr_late_note}}</p>{{/late}}
        <p><a href="/beranda">{{t.error_home}}</a></p>
        </section>
        """#
}
