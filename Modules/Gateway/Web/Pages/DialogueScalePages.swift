import BKProto
import BKRPC
import CSodium
import Foundation
import Hummingbird

/// Dialogues at scale: the receipt of an anonymous aspiration (shown once, kept in the author's own
/// browser) and `/aspirasi-saya` that reads it back; the moderation queue (`/moderasi`) of held anonymous
/// aspirations; and every agency's public action board (`/papan-aksi/:agency`, no login).
///
/// Receipts are looked up without the person's token, and the gateway stores none of them: the only
/// place a receipt sits next to a person is the cookie in that person's browser.
enum DialogueScalePages {
    typealias Feedback = DialoguePages.Feedback
    typealias Aspiration = Binakarier_Feedback_V1_Aspiration

    static func register(_ web: WebApp) {
        web.get("/aspirasi-saya") { request, context in
            try await mine(web, request: request, context: context)
        }
        web.post("/aspirasi-saya") { request, context in
            let form = try await FormData.read(request, context: context)
            return try await lookup(web, request: request, context: context, form: form)
        }
        web.post("/aspirasi-saya/lupakan") { request, context in
            let form = try await FormData.read(request, context: context)
            let forgotten = ReceiptCookie.normalized(form.text("kode"))
            var response = web.redirect("/aspirasi-saya", message: "rcpt_forgotten")
            let kept = ReceiptCookie.read(request, session: context.session).filter { $0 != forgotten }
            response.headers.append(.init(name: .setCookie, value: ReceiptCookie.cookie(kept, web: web, session: context.session).description))
            return response
        }
        web.post("/dialog/:id/aspirasi/:aspiration/laporkan") { request, context in
            let session = try context.requireSession(request)
            let form = try await FormData.read(request, context: context)
            let id = try DialogueDetailPage.id(context)
            let aspiration = context.parameters.get("aspiration") ?? ""
            do {
                let reported = try await Feedback(web.daemons.feedback, metadata: context.metadata(session))
                    .reportAspiration(.init(id: aspiration, reason: form.text("alasan")))
                return web.redirect("/dialog/\(id)", message: reported.moderation == .held ? "mod_reported_held" : "mod_reported")
            } catch let error as RPCError {
                guard DialogueForms.isFormError(error) else { throw error }
                let message = DialogueForms.capitalized(error.localized(context.language).message)
                return try await DialogueDetailPage.failed(
                    web, request, context, session, id, .init(form: "support", target: aspiration, general: message), status: DialogueForms.status(error))
            }
        }
        web.get("/moderasi") { request, context in
            let session = try context.requireSession(request)
            return try await queue(web, request: request, context: context, session: session)
        }
        web.post("/moderasi/:aspiration") { request, context in
            let session = try context.requireSession(request)
            let form = try await FormData.read(request, context: context)
            return try await decide(web, request: request, context: context, session: session, form: form)
        }
        web.get("/papan-aksi") { request, context in
            let typed = (request.uri.queryParameters["opd"].map(String.init) ?? "").trimmingCharacters(in: .whitespaces).uppercased()
            if !typed.isEmpty, typed.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }), typed.count <= 32 {
                return WebRedirect(location: "/papan-aksi/\(typed)").response
            }
            var data: [String: Any] = ["value": typed]
            if request.uri.queryParameters["opd"] != nil { data["err"] = web.text("board_err_agency", context) }
            return web.page("board_index", title: web.text("board_title", context), data: data, request: request, context: context,
                            status: data["err"] == nil ? .ok : .badRequest)
        }
        web.get("/papan-aksi/:agency") { request, context in
            try await board(web, request: request, context: context)
        }
    }

    // MARK: the receipt, once

    /// The page that answers the post of an anonymous aspiration: its receipt, which the browser also keeps.
    static func raised(_ web: WebApp, request: Request, context: GatewayContext, session: WebSession, aspiration: Aspiration) -> Response {
        var data: [String: Any] = ["code": ReceiptCookie.grouped(aspiration.receipt), "dialogueId": aspiration.dialogueId]
        if aspiration.moderation == .held {
            data["held"] = true
            data["heldNotice"] = DialogueView.format("rcpt_held_notice", ["reason": aspiration.moderationReason], context.language)
        }
        var response = web.page("rcpt_raised", title: web.text("rcpt_raised_title", context), data: data, request: request, context: context)
        let kept = ReceiptCookie.read(request, session: session) + [aspiration.receipt]
        response.headers.append(.init(name: .setCookie, value: ReceiptCookie.cookie(kept, web: web, session: session).description))
        return response
    }

    // MARK: /aspirasi-saya

    static func mine(
        _ web: WebApp, request: Request, context: GatewayContext, found: [String] = [], values: [String: String] = [:], errors: [String: String] = [:],
        kept extra: [String] = [], known: [String: Binakarier_Feedback_V1_ReceiptAspiration] = [:], status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        // The newest first (the cookie keeps them in the order they came).
        let kept = ReceiptCookie.unique(ReceiptCookie.read(request, session: context.session) + extra).reversed().map { $0 }
        var looked = known
        looked.merge(try await lookupAll(web, context: context, receipts: ReceiptCookie.unique(kept + found).filter { known[$0] == nil })) { first, _ in first }
        let language = context.language
        func entries(_ receipts: [String], kept: Bool) -> [[String: Any]] {
            receipts.compactMap { receipt in looked[receipt].map { entry(web, $0, kept: kept, language: language) } }
        }
        let keptEntries = entries(kept.filter { looked[$0] != nil }, kept: true)
        let foundEntries = entries(found.filter { !kept.contains($0) }, kept: false)
        var data: [String: Any] = [
            "kept": keptEntries, "hasKept": !keptEntries.isEmpty, "keptCount": keptEntries.count,
            "found": foundEntries, "hasFound": !foundEntries.isEmpty,
            "values": values, "err": errors, "keep": context.session != nil && (values.isEmpty || values["simpan"] == "1"),
        ]
        if !errors.isEmpty { data["general"] = web.text("form_errors", context) }
        return web.page("rcpt_mine", title: web.text("rcpt_title", context), data: data, request: request, context: context, status: status)
    }

    static func lookup(_ web: WebApp, request: Request, context: GatewayContext, form: FormData) async throws -> Response {
        let typed = form.text("kode")
        let values = ["kode": typed, "simpan": form.text("simpan") == "1" ? "1" : "0"]
        let receipt = ReceiptCookie.normalized(typed)
        guard !typed.isEmpty else {
            return try await mine(web, request: request, context: context, values: values, errors: ["kode": web.text("rcpt_err_required", context)], status: .badRequest)
        }
        let found = ReceiptCookie.isWellFormed(receipt) ? try await lookupAll(web, context: context, receipts: [receipt]) : [:]
        guard found[receipt] != nil else {
            return try await mine(web, request: request, context: context, values: values, errors: ["kode": web.text("rcpt_err_unknown", context)], status: .notFound)
        }
        guard values["simpan"] == "1" else { return try await mine(web, request: request, context: context, found: [receipt], values: values, known: found) }
        let kept = ReceiptCookie.read(request, session: context.session) + [receipt]
        var response = try await mine(web, request: request, context: context, found: [receipt], values: values, kept: [receipt], known: found)
        response.headers.append(.init(name: .setCookie, value: ReceiptCookie.cookie(kept, web: web, session: context.session).description))
        return response
    }

    /// The aspirations of these receipts (the found ones), asked without any token.
    static func lookupAll(_ web: WebApp, context: GatewayContext, receipts: [String]) async throws -> [String: Binakarier_Feedback_V1_ReceiptAspiration] {
        let wellFormed = receipts.filter(ReceiptCookie.isWellFormed)
        guard !wellFormed.isEmpty else { return [:] }
        let feedback = Feedback(web.daemons.feedback, metadata: context.anonymousMetadata)
        var found: [String: Binakarier_Feedback_V1_ReceiptAspiration] = [:]
        for start in stride(from: 0, to: wellFormed.count, by: 50) {
            let answer = try await feedback.lookupAspirations(.init(receipts: Array(wellFormed[start..<min(start + 50, wellFormed.count)])))
            for entry in answer.aspirations where entry.found { found[entry.receipt] = entry }
        }
        return found
    }

    static func moderationKey(_ state: Binakarier_Feedback_V1_ModerationState) -> String {
        switch state {
        case .held: "rcpt_state_held"
        case .released: "rcpt_state_released"
        case .removed: "rcpt_state_removed"
        default: "rcpt_state_shown"
        }
    }

    static func moderationClass(_ state: Binakarier_Feedback_V1_ModerationState) -> String {
        switch state {
        case .held: "warn"
        case .removed: "bad"
        default: "ok"
        }
    }

    static func entry(_ web: WebApp, _ found: Binakarier_Feedback_V1_ReceiptAspiration, kept: Bool, language: Language) -> [String: Any] {
        let aspiration = found.aspiration ?? .init()
        let dialogue = found.dialogue ?? .init()
        let shown = aspiration.moderation != .held && aspiration.moderation != .removed
        var item: [String: Any] = [
            "receipt": found.receipt, "code": ReceiptCookie.grouped(found.receipt), "kept": kept,
            "topic": dialogue.topic, "agency": dialogue.agencyCode, "date": DialogueDates.long(dialogue.date, language),
            "dialogueState": Strings.text(dialogue.state == .closed ? "rcpt_dialogue_closed" : "rcpt_dialogue_open", language),
            "text": aspiration.text, "stateLabel": Strings.text(moderationKey(aspiration.moderation), language),
            "stateClass": moderationClass(aspiration.moderation), "showSupports": shown,
            "supportsLabel": DialogueView.format("rcpt_supports", ["n": "\(aspiration.supports)"], language),
        ]
        if aspiration.moderation != .shown, !aspiration.moderationReason.isEmpty { item["moderationReason"] = aspiration.moderationReason }
        if !aspiration.answer.isEmpty { item["answer"] = aspiration.answer }
        if let action = found.action {
            // The owner by NIP only: names come from identity, which this page does not ask on the author's behalf.
            item["action"] = DialogueView.action(action, staff: [:], language: language)
        }
        return item
    }

    // MARK: /moderasi

    struct Attempt: Sendable {
        var id = ""
        var values: [String: String] = [:]
        var errors: [String: String] = [:]
        var general: String?
    }

    static func queue(
        _ web: WebApp, request: Request, context: GatewayContext, session: WebSession, attempt: Attempt = .init(), status: HTTPResponse.Status = .ok,
        back: String? = nil
    ) async throws -> Response {
        let language = context.language
        // The queue as it was asked for: this GET's query, or (a decision sent back) the page it came from.
        let back = back ?? request.uri.path + (request.uri.query.map { "?" + $0 } ?? "")
        var query: [String: String] = [:]
        for item in URLComponents(string: "http://gateway" + back)?.queryItems ?? [] { query[item.name] = item.value ?? "" }
        let agency = session.isOrganizer ? (query["opd"] ?? "").uppercased() : ""
        let dialogue = query["dialog"] ?? ""
        let all = query["semua"] == "1"
        let feedback = Feedback(web.daemons.feedback, metadata: context.metadata(session))
        var request_ = Binakarier_Feedback_V1_ListHeldAspirationsRequest(pageSize: 500, agencyCode: agency, dialogueId: dialogue, includeDecided: all)
        var found: [Binakarier_Feedback_V1_HeldAspiration] = []
        repeat {
            let page = try await feedback.listHeldAspirations(request_)
            found += page.aspirations
            request_.pageToken = page.nextPageToken
        } while !request_.pageToken.isEmpty && found.count < 5_000
        // Held ones first (the work), then the decided ones.
        found.sort { ($0.aspiration?.moderation == .held ? 0 : 1, $0.aspiration?.id ?? "") < ($1.aspiration?.moderation == .held ? 0 : 1, $1.aspiration?.id ?? "") }
        let items: [[String: Any]] = found.map { held in
            let aspiration = held.aspiration ?? .init()
            let isHeld = aspiration.moderation == .held
            let mine = attempt.id == aspiration.id
            var item: [String: Any] = [
                "id": aspiration.id, "text": aspiration.text, "dialogueId": aspiration.dialogueId, "topic": held.dialogue?.topic ?? aspiration.dialogueId,
                "agency": held.dialogue?.agencyCode ?? "", "held": isHeld, "back": back,
                "stateLabel": Strings.text(moderationKey(aspiration.moderation), language), "stateClass": moderationClass(aspiration.moderation),
                "hasReports": aspiration.reports > 0, "reportsLabel": DialogueView.format("mod_reports", ["n": "\(aspiration.reports)"], language),
                "reportReasons": held.reportReasons, "itemErr": mine ? attempt.errors : [String: String](),
                "typedReason": mine ? attempt.values["alasan"] ?? "" : "",
                "chosenRelease": mine && attempt.values["keputusan"] == "lepas", "chosenRemove": mine && attempt.values["keputusan"] == "hapus",
                "reasonLabel": Strings.text(isHeld ? "mod_held_because" : "mod_decided_as", language),
            ]
            if !aspiration.moderationReason.isEmpty { item["reason"] = aspiration.moderationReason }
            if mine, let general = attempt.general { item["itemGeneral"] = general }
            return item
        }
        let heldCount = found.filter { $0.aspiration?.moderation == .held }.count
        var data: [String: Any] = [
            "items": items, "hasItems": !items.isEmpty, "organizer": session.isOrganizer, "all": all, "dialogue": dialogue,
            "countLabel": DialogueView.format("mod_count", ["n": "\(heldCount)"], language),
        ]
        if session.isOrganizer {
            let agencies = try await DialogueLookup.agencies(web, context: context, session: session, codes: [])
            data["agencyOptions"] = agencies.values.sorted { $0.name < $1.name }.map {
                ["code": $0.code, "name": $0.name, "selected": $0.code == agency] as [String: Any]
            }
        }
        return web.page("mod_queue", title: web.text("mod_title", context), data: data, request: request, context: context, status: status)
    }

    static func decide(_ web: WebApp, request: Request, context: GatewayContext, session: WebSession, form: FormData) async throws -> Response {
        let id = context.parameters.get("aspiration") ?? ""
        let values = ["keputusan": form.text("keputusan"), "alasan": form.text("alasan")]
        let sent = WebRedirect.localPath(form.text("kembali"), fallback: "/moderasi")
        let back = sent.hasPrefix("/moderasi?") ? sent : "/moderasi"
        var attempt = Attempt(id: id, values: values)
        let decision: Binakarier_Feedback_V1_ModerationState? = switch values["keputusan"] {
        case "lepas": .released
        case "hapus": .removed
        default: nil
        }
        if decision == nil { attempt.errors["keputusan"] = web.text("mod_err_choose", context) }
        if values["alasan"]!.isEmpty { attempt.errors["alasan"] = web.text("mod_err_reason", context) }
        guard attempt.errors.isEmpty, let decision else {
            attempt.general = web.text("form_errors", context)
            return try await queue(web, request: request, context: context, session: session, attempt: attempt, status: .badRequest, back: back)
        }
        do {
            _ = try await Feedback(web.daemons.feedback, metadata: context.metadata(session))
                .moderateAspiration(.init(id: id, decision: decision, reason: values["alasan"]!))
            return web.redirect(back, message: decision == .released ? "mod_released" : "mod_removed")
        } catch {
            guard DialogueForms.isFormError(error) else { throw error }
            (attempt.errors, attempt.general) = DialogueForms.violations(error, context: context, fields: ["reason": "alasan", "decision": "keputusan"])
            if attempt.general == nil { attempt.general = web.text("form_errors", context) }
            return try await queue(web, request: request, context: context, session: session, attempt: attempt, status: DialogueForms.status(error), back: back)
        }
    }

    // MARK: /papan-aksi/:agency

    static func board(_ web: WebApp, request: Request, context: GatewayContext) async throws -> Response {
        let language = context.language
        let code = (context.parameters.get("agency") ?? "").uppercased()
        let board: Binakarier_Feedback_V1_ActionBoard
        do {
            board = try await Feedback(web.daemons.feedback, metadata: context.anonymousMetadata).getActionBoard(.init(agencyCode: code))
        } catch {
            guard error.code == .notFound || error.code == .invalidArgument else { throw error }
            throw WebFailure(status: .notFound, message: LocalizedText(
                id: "Perangkat daerah \(code) tidak ditemukan.", en: "Agency \(code) not found."))
        }
        let heading = DialogueView.format("board_title_agency", ["agency": board.agencyName.isEmpty ? board.agencyCode : board.agencyName], language)
        let actions: [[String: Any]] = board.actions.map { action in
            var item: [String: Any] = [
                "id": action.id, "title": action.title, "owner": action.ownerName.isEmpty ? "—" : action.ownerName,
                "due": DialogueDates.long(action.dueDate, language), "overdue": action.overdue, "dialogue": action.dialogueTopic,
                "stateLabel": Strings.text(DialogueView.stateKey(action.state), language),
                "stateClass": DialogueView.stateClass(.init(state: action.state, overdue: action.overdue)),
            ]
            if !action.ownerPosition.isEmpty { item["position"] = action.ownerPosition }
            if !action.dialogueDate.isEmpty { item["dialogueDate"] = DialogueDates.long(action.dialogueDate, language) }
            if action.closeTimeUnix > 0 {
                let closed = Date(timeIntervalSince1970: TimeInterval(action.closeTimeUnix))
                item["closedOn"] = DialogueView.format("board_closed_on", ["date": DialogueDates.long(DialogueDates.today(closed), language)], language)
            }
            return item
        }
        let data: [String: Any] = [
            "heading": heading, "code": board.agencyCode, "actions": actions, "hasActions": !actions.isEmpty,
            "asOf": DialogueView.format("board_as_of", ["date": DialogueDates.long(board.today, language)], language),
            "summary": DialogueView.format("board_summary", [
                "open": "\(board.open)", "progress": "\(board.inProgress)", "done": "\(board.done)", "dropped": "\(board.dropped)",
                "late": "\(board.overdue)",
            ], language),
        ]
        return web.page("board_agency", title: heading, data: data, request: request, context: context)
    }
}

/// The receipts of a person's anonymous aspirations, in a cookie of their own browser: never on the
/// server. Each account on a shared browser has its own cookie (named after a hash of the account), so
/// a colleague who logs in there next does not see them.
enum ReceiptCookie {
    static let alphabet = Set("abcdefghijkmnpqrstuvwxyz23456789")
    /// Enough for years of dialogues; the oldest go first.
    static let limit = 40

    static func normalized(_ typed: String) -> String {
        String(typed.lowercased().filter { $0.isASCII && ($0.isLetter || $0.isNumber) })
    }

    static func isWellFormed(_ receipt: String) -> Bool {
        receipt.count == 20 && receipt.allSatisfy { alphabet.contains($0) }
    }

    /// "abcd-efgh-ijkm-npqr-stuv".
    static func grouped(_ receipt: String) -> String {
        stride(from: 0, to: receipt.count, by: 4).map { String(receipt.dropFirst($0).prefix(4)) }.joined(separator: "-")
    }

    static func name(_ session: WebSession?) -> String {
        guard let session else { return "bk_aspirasi" }
        let bytes = Array("binakarier-aspirasi:\(session.username)".utf8)
        var digest = [UInt8](repeating: 0, count: Int(crypto_hash_sha256_BYTES))
        crypto_hash_sha256(&digest, bytes, UInt64(bytes.count))
        return "bk_aspirasi_" + digest.prefix(8).map { String(format: "%02x", $0) }.joined()
    }

    static func read(_ request: Request, session: WebSession?) -> [String] {
        let value = request.cookies[name(session)]?.value ?? ""
        return value.split(separator: ".").map(String.init).filter(isWellFormed)
    }

    /// Well-formed receipts, each once, in their first order.
    static func unique(_ receipts: [String]) -> [String] {
        var unique: [String] = []
        for receipt in receipts where isWellFormed(receipt) && !unique.contains(receipt) { unique.append(receipt) }
        return unique
    }

    static func cookie(_ receipts: [String], web: WebApp, session: WebSession?) -> Cookie {
        let kept = unique(receipts).suffix(limit)
        return Cookie(
            name: name(session), value: kept.joined(separator: "."), maxAge: kept.isEmpty ? 0 : 2 * 365 * 24 * 3600, path: "/",
            secure: web.cookies.secure, httpOnly: true, sameSite: .strict)
    }
}
