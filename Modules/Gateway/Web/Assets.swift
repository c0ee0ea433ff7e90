import Hummingbird

/// The static files of the web pages, served from memory under /aset/: one stylesheet and the icon.
/// Nothing is loaded from another site.
enum Assets {
    static let files: [String: (type: String, body: String)] = [
        "app.css": ("text/css; charset=utf-8", stylesheet),
        "favicon.svg": ("image/svg+xml", favicon),
        "surat.css": ("text/css; charset=utf-8", letterStylesheet),
    ]

    /// The duty letter's page (`/surat-tugas/…`): an A4 letter, alone (the CSP allows no inline style).
    static let letterStylesheet = """
        @page { size: A4; margin: 20mm 22mm; }
        body { font-family: "Times New Roman", serif; font-size: 12pt; line-height: 1.5; color: #000; background: #fff; max-width: 170mm; margin: 16px auto; padding: 0 12px; }
        header { text-align: center; border-bottom: 3px double #000; padding-bottom: 6px; margin-bottom: 16px; }
        header p { margin: 0; } header .gov { font-size: 14pt; font-weight: bold; } header .unit { font-size: 16pt; font-weight: bold; }
        h1 { text-align: center; font-size: 13pt; text-decoration: underline; margin: 16px 0 0; }
        .number { text-align: center; margin: 0 0 16px; }
        table { border-collapse: collapse; margin: 4px 0 12px 24px; } td { padding: 1px 6px; vertical-align: top; }
        .sign { margin-left: 55%; margin-top: 24px; } .sign .space { height: 64px; }
        .print-hint { font-family: sans-serif; font-size: 10pt; color: #4a5560; } @media print { .print-hint { display: none; } body { margin: 0; padding: 0; } }
        """

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
        /* approvals (apv_): a row past its time limit stands out; the refusal form keeps its reason field */
        tr.apv-overdue th { border-left: 4px solid var(--bad); } form.apv-refuse { display: flex; flex-wrap: wrap; gap: 4px; align-items: end; margin-top: 6px; }
        form.apv-refuse label { width: 100%; font-size: .85rem; }
        /* QR attendance (qr_): the organiser's screen, read from across a room */
        .qr-screen { text-align: center; } .qr-code svg { width: min(82vw, 62vh, 520px); height: auto; } .qr-text code { word-break: break-all; }
        /* dialogue group (dlg_): dialogues, aspirations, action items */
        .dlg-vh { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
        .dlg-lead { max-width: 48rem; } .dlg-back { margin: 0 0 4px; font-size: .95rem; } .dlg-id { margin: 0; }
        .dlg-h1-long { font-size: 1.35rem; } .dlg-h-small { font-size: 1.05rem; margin: 12px 0 4px; }
        .dlg-text { white-space: pre-line; overflow-wrap: anywhere; margin: 4px 0; } .dlg-nowrap { white-space: nowrap; }
        .dlg-filters { display: flex; flex-wrap: wrap; gap: 0 16px; align-items: flex-end; background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 12px 12px 0; margin: 12px 0; }
        .dlg-filters .field { margin-bottom: 12px; } .dlg-filters select { width: auto; max-width: 100%; }
        .dlg-checks { display: flex; flex-wrap: wrap; gap: 4px 16px; }
        .dlg-check { display: flex; flex-wrap: wrap; gap: 4px 8px; align-items: baseline; } .dlg-check label { display: inline; margin: 0; } .dlg-check .hint { flex-basis: 100%; margin: 0 0 0 28px; }
        .dlg-check input[type=checkbox] { width: 20px; height: 20px; margin: 0; align-self: center; }
        .dlg-cards { list-style: none; padding: 0; margin: 0; display: grid; grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr)); gap: 16px; }
        .dlg-cards h3 { font-size: 1.1rem; margin: 0 0 8px; } .dlg-cards p { margin: 4px 0; } .dlg-when { font-weight: 600; }
        .dlg-row { display: flex; flex-wrap: wrap; gap: 0 16px; } .dlg-row .field { flex: 1 1 14rem; }
        .dlg-facts { display: grid; grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr)); gap: 8px 16px; margin: 0; }
        .dlg-facts dt { font-weight: 600; color: var(--muted); font-size: .9rem; } .dlg-facts dd { margin: 0; overflow-wrap: anywhere; }
        .dlg-section { margin: 16px 0; } .dlg-section h2, .dlg-section h3 { margin-top: 0; }
        .dlg-aspirations, .dlg-directions { list-style: none; padding: 0; margin: 0; display: grid; gap: 12px; }
        .dlg-asp-head { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; justify-content: space-between; margin: 0 0 4px; }
        .dlg-author { font-weight: 600; } .dlg-anon { font-style: italic; color: var(--muted); }
        .dlg-support { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; margin: 8px 0; }
        button.dlg-small { padding: 6px 12px; font-size: .95rem; }
        .dlg-answer { border-left: 4px solid var(--brand); background: #f1f6fb; padding: 6px 12px; margin: 8px 0; }
        .dlg-answer p { margin: 4px 0; } .dlg-answer-label { font-weight: 600; font-size: .9rem; }
        .dlg-details { margin-top: 8px; } .dlg-details summary { cursor: pointer; color: var(--brand); font-weight: 600; padding: 4px 0; }
        .dlg-details form { margin-top: 8px; }
        .dlg-minutes { white-space: pre-wrap; overflow-wrap: anywhere; background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 12px; font-size: .9rem; }
        .rcpt-code { font-family: monospace; font-size: 1.5rem; letter-spacing: .05em; overflow-wrap: anywhere; }
        .rcpt-h { font-weight: 600; }
        .board-late td:first-child { border-left: 4px solid var(--bad); }
        .dlg-history { list-style: none; padding: 0 0 0 12px; border-left: 3px solid var(--line); } .dlg-history li { margin: 0 0 12px; } .dlg-history p { margin: 2px 0; }
        .dlg-table td:first-child { min-width: 13rem; }
        .dlg-table .badge { white-space: nowrap; } .dlg-filter-buttons { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: center; }
        .dlg-facts-card .dlg-h-small { margin-top: 16px; }
        /* feedback (fb_): evaluation forms and the public IKM survey */
        .fb-cards { list-style: none; padding: 0; display: grid; grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr)); gap: 16px; }
        .fb-card { display: flex; flex-direction: column; } .fb-card h3 { margin: 0 0 8px; font-size: 1.1rem; } .fb-card p { margin: 0 0 8px; } .fb-card > p:last-child { margin: auto 0 0; }
        .fb-card .fb-facts { grid-template-columns: 1fr; overflow-wrap: anywhere; } .fb-card .fb-facts dd { margin: 0 0 6px; }
        .fb-badges { display: flex; flex-wrap: wrap; gap: 6px; }
        .fb-facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 0 0 12px; }
        .fb-facts dt { font-weight: 600; color: var(--muted); } .fb-facts dd { margin: 0; }
        .fb-privacy { margin: 16px 0; max-width: 48rem; } .fb-privacy h2 { margin: 0 0 4px; font-size: 1.1rem; } .fb-privacy ul { margin: 0; padding-left: 20px; }
        .fb-description { white-space: pre-line; max-width: 48rem; }
        .fb-form { max-width: 48rem; }
        .fb-section { border-bottom: 2px solid var(--line); padding-bottom: 4px; }
        fieldset.fb-q { background: var(--card); padding: 12px 16px 16px; }
        fieldset.fb-q > legend { float: left; width: 100%; padding: 0; margin: 0 0 4px; }
        fieldset.fb-q > legend + * { clear: both; }
        .fb-q-invalid { border-color: var(--bad); border-width: 2px; }
        .fb-req { color: var(--bad); font-weight: 400; font-size: .9rem; white-space: nowrap; }
        .fb-element { display: block; font-size: .85rem; text-transform: uppercase; letter-spacing: .03em; color: var(--brand); }
        .fb-points { font-weight: 400; color: var(--muted); font-size: .9rem; }
        .fb-q .hint, .fb-q .field-error { margin: 0 0 4px; }
        .fb-opts { display: flex; flex-wrap: wrap; gap: 8px; margin: 8px 0 0; }
        .fb-opts.fb-stack { flex-direction: column; align-items: stretch; }
        .fb-opt { display: flex; gap: 8px; align-items: center; font-weight: 400; margin: 0; padding: 8px 12px; min-height: 44px; border: 1px solid #6a737d; border-radius: 6px; background: #fff; cursor: pointer; }
        .fb-opt:has(input:checked) { border-color: var(--brand); background: #e8f0fa; box-shadow: inset 0 0 0 1px var(--brand); }
        .fb-opts.fb-nps { gap: 6px; } .fb-opts.fb-nps .fb-opt { min-width: 2.9rem; padding: 8px 6px; justify-content: center; gap: 4px; }
        .fb-anchors { display: flex; justify-content: space-between; gap: 8px; max-width: 40rem; color: var(--muted); font-size: .85rem; margin: 4px 0 0; }
        .fb-groups { display: grid; gap: 8px; } fieldset.fb-sub { margin: 8px 0 0; padding: 8px 12px; } fieldset.fb-sub > legend { font-weight: 600; }
        .fb-number { max-width: 12rem; }
        .fb-error-summary { border: 2px solid var(--bad); border-radius: 8px; padding: 8px 16px; background: #fff; margin: 12px 0; max-width: 48rem; }
        .fb-sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
        .fb-receipt { font-family: ui-monospace, monospace; font-size: 1.1rem; overflow-wrap: anywhere; }
        .fb-score .big { margin: 0; }
        .fb-answers { max-width: 48rem; } .fb-answers dt { font-weight: 600; margin-top: 12px; } .fb-answers dd { margin: 4px 0 0; padding-left: 12px; border-left: 3px solid var(--line); }
        .fb-opt input { width: 1.25rem; height: 1.25rem; margin: 0; flex: none; }
        .fb-public { max-width: 40rem; } details.fb-privacy summary { cursor: pointer; } details.fb-privacy ul { margin-top: 8px; }
        @media (max-width: 40rem) { .fb-opts.fb-row { flex-direction: column; align-items: stretch; } .fb-submit { width: 100%; padding: 14px; font-size: 1.05rem; } .fb-facts { grid-template-columns: 1fr; } .fb-facts dd { margin-bottom: 6px; } fieldset.fb-q { padding: 10px 12px 12px; } .fb-public h1 { font-size: 1.35rem; } }
        /* report group (rpt_): report pages; .report holds BKReportView's content (ReportView.content) */
        .rpt-back { margin: 0 0 4px; font-size: .95rem; } .rpt-eyebrow { margin: 0; color: var(--muted); font-size: .9rem; text-transform: uppercase; letter-spacing: .04em; }
        .rpt-subtitle { font-size: 1.1rem; margin: 0 0 4px; }
        .rpt-hub { margin-bottom: 8px; } .rpt-form select, .rpt-form input { max-width: 100%; }
        .rpt-tools { display: grid; gap: 12px; background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 12px 16px; margin: 16px 0; }
        .rpt-chooser { display: flex; flex-wrap: wrap; gap: 0 16px; align-items: flex-end; } .rpt-chooser .field { margin-bottom: 4px; } .rpt-chooser select { width: auto; }
        .rpt-label { font-weight: 600; margin: 0; } .rpt-downloads .actions { list-style: none; padding: 0; margin: 6px 0; } .rpt-downloads .hint { margin: 0; }
        .rpt-publish { border-top: 1px solid var(--line); padding-top: 12px; } .rpt-publish .hint { margin: 0 0 8px; max-width: 48rem; }
        .rpt-facts { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 0 0 8px; }
        .rpt-facts dt { font-weight: 600; color: var(--muted); } .rpt-facts dd { margin: 0; min-width: 0; } .rpt-hash { overflow-wrap: anywhere; word-break: break-all; font-size: .85rem; }
        @media (max-width: 600px) { .rpt-facts { grid-template-columns: 1fr; } .rpt-facts dd { margin-bottom: 6px; } }
        .report section { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 4px 16px 12px; margin: 16px 0; }
        .report h2 { margin-top: 12px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
        .report .conclusions ul { list-style: none; padding: 0; margin: 0; }
        .report .conclusions li { background: var(--bg); border-left: 4px solid var(--muted); padding: 8px 12px; margin: 8px 0; }
        .report .conclusions li.verdict-positive { border-left-color: var(--ok); } .report .conclusions li.verdict-negative { border-left-color: var(--bad); }
        .report .conclusions li.verdict-neutral { border-left-color: #8d6e63; }
        .report .conclusions small { color: var(--muted); font-size: .9rem; }
        .report .topic { display: inline-block; min-width: 3rem; font-weight: 700; color: var(--brand); }
        .report .conclusions .badge { border: 1px solid var(--line); color: var(--ink); }
        .report .table-wrap { margin: 8px 0; } .report table { font-size: .95rem; }
        .report caption { text-align: left; font-weight: 600; padding: 4px 0; caption-side: top; }
        .report tbody th { background: var(--card); font-weight: 400; }
        .report tr.total th, .report tr.total td { font-weight: 700; border-top: 2px solid var(--ink); }
        .report td.hidden, .report th.hidden, .report td.missing, .report th.missing { display: table-cell; visibility: visible; color: var(--muted); }
        .report .note, .report .report-note { color: var(--muted); font-size: .9rem; margin: 4px 0 8px; }
        .report figure.chart { margin: 12px 0; } .report figcaption { color: var(--muted); font-size: .9rem; margin-top: 4px; }
        .report td.num { white-space: nowrap; }
        @media (max-width: 600px) { .report figure.chart svg { width: 560px; max-width: none; height: auto; } .report section { padding: 4px 10px 10px; } }
        @media print { .report section { border: 0; padding: 0; break-inside: avoid; } .rpt-tools, .rpt-back { display: none !important; } }
        /* manage (mng_): organisers' pages, the attendance grid made for a phone at the door */
        .mng-wrap { position: relative; } .mng-wrap .badge { white-space: nowrap; }
        .mng-form input[type=checkbox], .mng-form input[type=radio] { width: 20px; height: 20px; flex: none; }
        .mng-comp th:last-child { width: 10rem; } .mng-form fieldset { min-width: 0; }
        .mng-sr { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
        .mng-crumbs { margin: 0; font-size: .9rem; } .mng-lead { margin: -.5rem 0 .75rem; color: var(--muted); }
        .mng-req { font-weight: 400; color: var(--muted); font-size: .9rem; }
        .mng-tabs ul, .mng-days ul { list-style: none; display: flex; flex-wrap: wrap; gap: 8px; padding: 0; margin: 8px 0 16px; max-width: none; }
        .mng-tabs a, .mng-days a { display: inline-block; padding: 8px 14px; border: 1px solid var(--brand); border-radius: 999px; text-decoration: none; background: #fff; min-height: 44px; line-height: 1.6; }
        .mng-tabs a[aria-current], .mng-days a[aria-current] { background: var(--brand); color: var(--brand-ink); text-decoration: none; }
        .mng-days a { display: flex; flex-direction: column; border-radius: 8px; line-height: 1.3; }
        .mng-days .mng-count, .mng-days .mng-today { font-size: .85rem; }
        .mng-summary .big { margin: 0; } .mng-summary h2 { font-size: 1rem; }
        .mng-chips { list-style: none; padding: 0; margin: 0 0 6px; display: flex; flex-wrap: wrap; gap: 4px 12px; }
        .mng-chips li { white-space: nowrap; } .mng-title { font-weight: 400; } .mng-links a { margin-right: 8px; white-space: nowrap; }
        .mng-add { white-space: nowrap; font-size: .95rem; }
        .mng-form h2 { border-bottom: 1px solid var(--line); padding-bottom: 4px; margin-top: 2rem; }
        fieldset.mng-plain { border: 0; padding: 0; margin: 0 0 16px; } fieldset.mng-plain legend { font-size: 1rem; }
        .mng-checks { columns: 16rem auto; column-gap: 24px; } .mng-checks label { display: flex; gap: 8px; align-items: flex-start; font-weight: 400; margin: 0 0 6px; break-inside: avoid; }
        .mng-checks input { margin-top: 4px; } .mng-stack label { display: flex; }
        .mng-row { display: flex; flex-wrap: wrap; gap: 0 24px; }
        input.mng-short, select.mng-short { max-width: 10rem; } input.mng-medium { max-width: 16rem; } select.mng-level { max-width: 9rem; }
        input.mng-jp { max-width: 5rem; } input.mng-nip-input { min-width: 12rem; }
        .mng-days-table input { min-width: 7rem; } .mng-days-table td { vertical-align: middle; }
        .mng-comp td { vertical-align: middle; } .mng-inline-label { display: inline; }
        .mng-row-error, .mng-row-error th, .mng-row-error td { background: #fde8e8 !important; }
        .mng-row-msg { display: block; font-size: .9rem; }
        .mng-facts { display: grid; grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr)); gap: 8px 16px; margin: 0 0 16px; }
        .mng-facts div { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 8px 12px; } .mng-facts dt { font-weight: 600; font-size: .9rem; color: var(--muted); } .mng-facts dd { margin: 0; }
        .mng-break { overflow-wrap: anywhere; } .mng-caption { text-align: left; font-weight: 600; padding: 4px 0; }
        .mng-moves { display: grid; grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr)); gap: 12px; } .mng-moves p { margin-top: 0; }
        button.mng-danger { background: var(--bad); }
        .mng-decide { min-width: 14rem; } .mng-decide .actions { margin: 8px 0 0; } .mng-nip { font-variant-numeric: tabular-nums; color: var(--muted); font-size: .9rem; }
        .mng-results { margin: 0 0 16px; } .mng-others { margin: 16px 0; } .mng-others summary { cursor: pointer; font-weight: 600; min-height: 44px; }
        .mng-legend span { white-space: nowrap; margin-right: 8px; } .mng-legend abbr { text-decoration: none; font-weight: 700; }
        .mng-grid { width: auto; min-width: 100%; } .mng-grid th, .mng-grid td { vertical-align: middle; padding: 0 6px; }
        .mng-grid th.mng-person { position: sticky; left: 0; z-index: 1; background: #fff; min-width: 9rem; max-width: 15rem; padding: 6px 8px; font-weight: 400; }
        .mng-grid thead th.mng-person { background: #eef2f6; font-weight: 600; }
        .mng-grid .mng-name { display: block; font-weight: 600; line-height: 1.25; } .mng-grid .mng-nip { display: block; }
        .mng-grid th.mng-mark-col { text-align: center; padding: 6px 4px; font-size: .9rem; } .mng-abbr { display: none; }
        .mng-grid td.mng-mark { padding: 0; text-align: center; }
        .mng-grid td.mng-mark label { display: flex; align-items: center; justify-content: center; gap: 4px; min-width: 52px; min-height: 52px; margin: 0; cursor: pointer; font-weight: 400; }
        .mng-grid td.mng-mark input { width: 24px; height: 24px; margin: 0; accent-color: var(--brand); cursor: pointer; }
        .mng-grid td.mng-mark:has(input:checked) { background: #e6f0fa; } .mng-grid td.mng-att-5:has(input:checked) { background: #fde8e8; } .mng-grid td.mng-att-2:has(input:checked), .mng-grid td.mng-att-3:has(input:checked), .mng-grid td.mng-att-4:has(input:checked) { background: #fff3cd; }
        .mng-cell-abbr { font-size: .8rem; color: var(--muted); min-width: 1ch; }
        .mng-grid tr.mng-unmarked th.mng-person { border-left: 4px solid var(--warn); }
        .mng-grid td.mng-note { padding: 4px 6px; } .mng-grid td.mng-note input { min-width: 10rem; padding: 6px; }
        .mng-grid-actions { position: sticky; bottom: 0; z-index: 2; background: var(--bg); padding: 8px 0; margin: 0; border-top: 1px solid var(--line); }
        button.mng-big { padding: 14px 20px; font-weight: 700; }
        .mng-countitem { white-space: nowrap; }
        @media (max-width: 640px) {
          .mng-grid .mng-full { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
          .mng-grid .mng-abbr { display: inline; font-weight: 700; }
          .mng-grid th.mng-person { min-width: 6.5rem; width: 7.5rem; max-width: 7.5rem; padding: 4px; font-size: .85rem; }
          .mng-grid .mng-nip { font-size: .75rem; letter-spacing: -.02em; }
          .mng-grid th.mng-mark-col { padding: 4px 0; }
          .mng-grid td.mng-mark label { min-width: 44px; min-height: 52px; } .mng-cell-abbr { display: none; }
          .mng-grid-actions .button, .mng-grid-actions button { flex: 1 1 100%; text-align: center; }
          .mng-days a { padding: 6px 10px; }
        }
        /* catalogue (cat_): catalogue, sessions, JP, certificates, verification, home */
        .cat-sr { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
        .cat-filters { display: grid; grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr)); gap: 0 16px; align-items: end; margin-bottom: 8px; }
        .cat-filters .actions { margin: 0 0 16px; }
        ul.cat-list { list-style: none; padding: 0; margin: 0; }
        .cat-list .card h3 { font-size: 1.1rem; }
        .cat-facts { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 0; }
        .cat-facts dt { font-weight: 600; } .cat-facts dd { margin: 0; }
        .cat-section { margin-top: 24px; }
        .cat-jp { font-size: 1.6rem; font-weight: 700; margin: 0 0 4px; }
        .cat-sub { font-size: 1rem; margin: 12px 0 4px; }
        meter { display: block; width: 100%; max-width: 24rem; height: 1.25rem; }
        td meter { max-width: 10rem; }
        .cat-numbers { margin-bottom: 16px; }
        .cat-reject { display: flex; flex-wrap: wrap; gap: 4px 8px; align-items: center; }
        .cat-reject label { margin: 0; } .cat-reject input { width: auto; flex: 1 1 12rem; } .cat-reject .field-error { flex-basis: 100%; margin: 0; }
        .cat-url { overflow-wrap: anywhere; word-break: break-word; font-size: .9rem; }
        .cat-certificate { background: #fff; border: 6px double var(--brand); border-radius: 4px; padding: 32px 24px; text-align: center; max-width: 820px; margin: 8px auto; }
        .cat-certificate h1 { font-size: 2.2rem; letter-spacing: .2em; text-transform: uppercase; margin: 8px 0; }
        .cat-cert-issuer { font-weight: 600; color: var(--muted); margin: 0; }
        .cat-cert-number { color: var(--muted); margin-top: 0; }
        .cat-cert-name { font-size: 1.8rem; font-weight: 700; margin: 4px 0; }
        .cat-cert-program { font-size: 1.3rem; font-weight: 600; margin: 4px 0; }
        .cat-cert-foot { display: flex; flex-wrap: wrap; gap: 16px 24px; align-items: center; justify-content: center; text-align: left; margin-top: 24px; }
        .cat-cert-foot > div:last-child { flex: 1 1 16rem; max-width: 28rem; }
        .cat-qr svg { display: block; width: 148px; height: 148px; }
        .cat-verdict { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 16px; }
        .cat-verdict-ok { border-left: 8px solid var(--ok); } .cat-verdict-ok h1 { color: var(--ok); }
        .cat-verdict-bad { border-left: 8px solid var(--bad); } .cat-verdict-bad h1 { color: var(--bad); }
        @media (max-width: 600px) {
          .cat-facts { grid-template-columns: 1fr; } .cat-facts dd { margin-bottom: 8px; }
          .cat-certificate { padding: 20px 12px; } .cat-certificate h1 { font-size: 1.6rem; letter-spacing: .1em; }
          .cat-cert-name { font-size: 1.4rem; }
        }
        @media print {
          @page { size: A4 portrait; margin: 12mm; }
          .cat-noprint, .flash { display: none !important; }
          main { max-width: none; padding: 0; }
          .cat-certificate { border: 8px double #000; max-width: none; min-height: 260mm; margin: 0; display: flex; flex-direction: column; justify-content: center; break-inside: avoid; }
          .cat-certificate a { color: #000; text-decoration: none; }
          .cat-qr svg { width: 40mm; height: 40mm; }
        }
        /* IKM of service units (ikm_): posters per unit and counter (A4 each), paper entry, the yearly publication */
        .ikm-poster { background: #fff; border: 6px solid var(--brand); border-radius: 8px; padding: 24px; margin: 16px auto; max-width: 760px; text-align: center; }
        .ikm-poster h2 { font-size: 2rem; margin: 0 0 4px; } .ikm-poster-unit { font-size: 1.4rem; font-weight: 600; margin: 0; }
        .ikm-poster-counter { display: inline-block; font-size: 1.6rem; font-weight: 700; background: var(--brand); color: var(--brand-ink); border-radius: 8px; padding: 4px 16px; margin: 12px 0; }
        .ikm-poster-qr svg { width: min(70vw, 340px); height: auto; } .ikm-poster-url { font-family: monospace; overflow-wrap: anywhere; }
        .ikm-poster ol { text-align: left; max-width: 34rem; margin: 12px auto; font-size: 1.15rem; } .ikm-poster-note { color: var(--muted); }
        .ikm-lowest { font-weight: 700; color: var(--bad); } .ikm-grade { font-size: 2.4rem; font-weight: 700; margin: 0; }
        .ikm-figures { display: flex; flex-wrap: wrap; gap: 16px; } .ikm-figures .card { flex: 1 1 12rem; margin: 0; }
        .ikm-profile { display: grid; grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr)); gap: 16px; }
        .ikm-units { list-style: none; padding: 0; display: grid; gap: 12px; }
        @media print {
          .ikm-poster { border: 6mm solid #000; max-width: none; min-height: 265mm; margin: 0; break-after: page; break-inside: avoid; display: flex; flex-direction: column; justify-content: center; }
          .ikm-poster:last-of-type { break-after: auto; } .ikm-poster-counter { background: #000; color: #fff; }
          .ikm-poster-qr svg { width: 110mm; height: 110mm; } .ikm-noprint { display: none !important; }
          .ikm-report section { break-inside: avoid; } .ikm-report a { color: #000; text-decoration: none; }
        }
        """
}
