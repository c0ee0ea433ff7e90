extension Templates {
    static let layout = #"""
        <!DOCTYPE html>
        <html lang="{{lang}}">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{title}} · {{t.app_name}}</title>
        <link rel="stylesheet" href="/aset/app.css">
        <link rel="icon" href="/aset/favicon.svg" type="image/svg+xml">
        {{#refreshSeconds}}<meta http-equiv="refresh" content="{{refreshSeconds}}">{{/refreshSeconds}}
        </head>
        <body>
        <a class="skip" href="#isi">{{t.skip}}</a>
        <header class="top">
          <div class="bar">
            <a class="brand" href="/beranda">{{t.app_name}}</a>
            <form method="post" action="/bahasa" class="inline">
              <input type="hidden" name="_csrf" value="{{csrf}}">
              <input type="hidden" name="kembali" value="{{path}}">
              <input type="hidden" name="bahasa" value="{{otherLang}}">
              <button type="submit" class="link" lang="{{otherLang}}">{{otherLangName}}</button>
            </form>
            {{#user}}
            <form method="post" action="/keluar" class="inline">
              <input type="hidden" name="_csrf" value="{{csrf}}">
              <button type="submit" class="link">{{t.logout}} ({{name}})</button>
            </form>
            {{/user}}
            {{^user}}<a href="/masuk">{{t.login}}</a>{{/user}}
          </div>
          {{#hasNav}}
          <nav aria-label="{{t.nav_label}}">
            <ul>
            {{#nav}}<li><a href="{{href}}"{{#current}} aria-current="page"{{/current}}>{{label}}</a></li>{{/nav}}
            </ul>
          </nav>
          {{/hasNav}}
        </header>
        <main id="isi">
        {{#flash}}<p class="flash" role="status">{{flash}}</p>{{/flash}}
        {{{body}}}
        </main>
        <footer class="bottom"><p>{{t.footer}}</p></footer>
        </body>
        </html>
        """#

    static let error = #"""
        <h1>{{t.error_title}}</h1>
        <p class="error-message">{{message}}</p>
        <p><a href="/beranda">{{t.error_home}}</a></p>
        """#

    static let login = #"""
        <section class="narrow">
        <h1>{{t.login_title}}</h1>
        {{#error}}<p class="error" role="alert" id="login-error">{{error}}</p>{{/error}}
        <form method="post" action="/masuk" novalidate>
          <input type="hidden" name="_csrf" value="{{csrf}}">
          <input type="hidden" name="lanjut" value="{{next}}">
          <div class="field">
            <label for="username">{{t.login_username}}</label>
            <input id="username" name="username" autocomplete="username" value="{{username}}" required aria-describedby="username-hint"{{#error}} aria-invalid="true"{{/error}}>
            <p class="hint" id="username-hint">{{t.login_username_hint}}</p>
          </div>
          <div class="field">
            <label for="password">{{t.login_password}}</label>
            <input id="password" name="password" type="password" autocomplete="current-password" required>
          </div>
          <button type="submit">{{t.login_submit}}</button>
        </form>
        </section>
        """#
}
