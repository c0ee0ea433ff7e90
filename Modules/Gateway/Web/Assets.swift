import Hummingbird

/// The static files of the web pages, served from memory under /aset/: one stylesheet and the icon.
/// Nothing is loaded from another site.
enum Assets {
    static let files: [String: (type: String, body: String)] = [
        "app.css": ("text/css; charset=utf-8", stylesheet),
        "favicon.svg": ("image/svg+xml", favicon),
    ]

    static func register(in router: Router<GatewayContext>) {
        router.get("/aset/:name") { _, context in
            guard let name = context.parameters.get("name"), let file = files[name] else {
                throw WebFailure(status: .notFound, message: .init(id: "Berkas tidak ditemukan.", en: "File not found."))
            }
            var headers = HTTPFields()
            headers[.contentType] = file.type
            headers[.cacheControl] = "public, max-age=3600"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: file.body)))
        }
    }

    static let favicon = ##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#0b5394"/><path d="M9 8h9a5 5 0 0 1 0 10h-5v6H9z" fill="#fff"/></svg>"##

    // Colours meet WCAG AA contrast; layout is one column on a phone, wider tables scroll.
    static let stylesheet = """
        :root { --ink: #1b1f24; --muted: #4a5560; --line: #c9d1d9; --brand: #0b5394; --brand-ink: #ffffff;
          --ok: #1e6b34; --bad: #a4161a; --warn: #7a4b00; --bg: #f6f8fa; --card: #ffffff; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; color: var(--ink); background: var(--bg); }
        a { color: var(--brand); } a:focus, button:focus, input:focus, select:focus, textarea:focus { outline: 3px solid #f2a900; outline-offset: 2px; }
        .skip { position: absolute; left: -999px; } .skip:focus { left: 8px; top: 8px; background: #fff; padding: 8px; z-index: 10; }
        header.top { background: var(--brand); color: var(--brand-ink); }
        header.top a, header.top .link { color: var(--brand-ink); }
        .bar { display: flex; flex-wrap: wrap; gap: 12px; align-items: center; padding: 8px 16px; max-width: 1100px; margin: 0 auto; }
        .brand { font-weight: 700; font-size: 1.2rem; text-decoration: none; margin-right: auto; }
        nav ul { list-style: none; margin: 0 auto; padding: 0 16px 8px; display: flex; flex-wrap: wrap; gap: 4px 16px; max-width: 1100px; }
        nav a[aria-current] { font-weight: 700; text-decoration: underline; }
        main { max-width: 1100px; margin: 0 auto; padding: 16px; }
        footer.bottom { max-width: 1100px; margin: 24px auto; padding: 0 16px; color: var(--muted); font-size: .9rem; }
        h1 { font-size: 1.6rem; margin: .5rem 0 1rem; } h2 { font-size: 1.25rem; margin: 1.5rem 0 .5rem; }
        .narrow { max-width: 28rem; }
        .cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr)); gap: 16px; }
        .card { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 16px; }
        .card h2, .card h3 { margin-top: 0; }
        .big { font-size: 2rem; font-weight: 700; }
        .muted, .hint { color: var(--muted); font-size: .9rem; }
        .field { margin: 0 0 16px; } label, legend { display: block; font-weight: 600; margin-bottom: 4px; }
        input, select, textarea { font: inherit; padding: 8px; border: 1px solid #6a737d; border-radius: 6px; width: 100%; max-width: 32rem; background: #fff; color: var(--ink); }
        input[type=checkbox], input[type=radio] { width: auto; }
        fieldset { border: 1px solid var(--line); border-radius: 8px; margin: 0 0 16px; padding: 12px; }
        .choices label { display: inline-flex; gap: 6px; align-items: center; font-weight: 400; margin: 0 16px 8px 0; }
        button, .button { font: inherit; background: var(--brand); color: var(--brand-ink); border: 0; border-radius: 6px; padding: 10px 16px; cursor: pointer; text-decoration: none; display: inline-block; }
        button.secondary, .button.secondary { background: #fff; color: var(--brand); border: 1px solid var(--brand); }
        button.link { background: none; color: inherit; padding: 0; text-decoration: underline; }
        form.inline { display: inline; }
        .error, .field-error { color: var(--bad); font-weight: 600; } [aria-invalid=true] { border-color: var(--bad); border-width: 2px; }
        .flash { background: #e6f4ea; border-left: 4px solid var(--ok); padding: 8px 12px; }
        .notice { background: #fff8e1; border-left: 4px solid var(--warn); padding: 8px 12px; }
        .table-wrap { overflow-x: auto; } table { border-collapse: collapse; width: 100%; background: #fff; }
        th, td { border: 1px solid var(--line); padding: 6px 8px; text-align: left; vertical-align: top; } th { background: #eef2f6; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
        .badge { display: inline-block; padding: 0 8px; border-radius: 999px; background: #eef2f6; font-size: .85rem; }
        .badge.ok { background: #e6f4ea; color: var(--ok); } .badge.bad { background: #fde8e8; color: var(--bad); } .badge.warn { background: #fff3cd; color: var(--warn); }
        .progress { background: #e1e4e8; border-radius: 999px; height: 12px; overflow: hidden; } .progress span { display: block; height: 100%; background: var(--ok); }
        figure.chart { margin: 16px 0; background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 8px; overflow-x: auto; }
        figure.chart svg { max-width: 100%; height: auto; }
        .actions { display: flex; flex-wrap: wrap; gap: 8px; margin: 12px 0; }
        ul.plain { list-style: none; padding: 0; } ul.plain li { padding: 8px 0; border-bottom: 1px solid var(--line); }
        .verdict-positive { border-left: 4px solid var(--ok); padding-left: 8px; } .verdict-negative { border-left: 4px solid var(--bad); padding-left: 8px; } .verdict-neutral { border-left: 4px solid #8d6e63; padding-left: 8px; }
        @media print { header.top, nav, footer.bottom, .actions, form { display: none !important; } body { background: #fff; } .card { border: 0; } }
        """
}
