import BKProto
import BKRPC
import Foundation
import Hummingbird

/// `/dialog/:id`: one dialogue with its aspirations (most supported first), the leader's answers and
/// directions, the action items they opened, and the minutes once closed; the forms to raise and
/// support aspirations (the agency's staff, while open) and to answer, give directions and close (the
/// leader).
enum DialogueDetailPage {
    typealias Feedback = DialoguePages.Feedback

    /// Which form of the page was sent, what was typed in it, and what was wrong with it.
    struct FormState: Sendable {
        var form = ""
        var target = ""
        var values: [String: String] = [:]
        var errors: [String: String] = [:]
        var general: String?
    }

    static func register(_ web: WebApp) {
        web.get("/dialog/:id") { request, context in
            let session = try context.requireSession(request)
            return try await render(web, request: request, context: context, session: session, id: try id(context))
        }

        web.post("/dialog/:id/aspirasi") { request, context in
            let session = try context.requireSession(request)
            let form = try await FormData.read(request, context: context)
            let id = try id(context)
            let values = ["teks": form.text("teks"), "kategori": form.text("kategori"), "anonim": form.text("anonim") == "1" ? "1" : ""]
            var aspiration = Binakarier_Feedback_V1_Aspiration()
            aspiration.dialogueId = id
            aspiration.text = values["teks"]!
            aspiration.category = values["kategori"]!
            aspiration.anonymous = values["anonim"] == "1"
            if aspiration.text.isEmpty {
                return try await failed(web, request, context, session, id, FormState(
                    form: "raise", values: values, errors: ["teks": web.text("dlg_err_required", context)]), status: .badRequest)
            }
            do {
                let raised = try await feedback(web, context, session).raiseAspiration(.init(aspiration: aspiration))
                // The receipt of an anonymous aspiration is shown now, once, and kept in the author's browser.
                if raised.anonymous, !raised.receipt.isEmpty {
                    return DialogueScalePages.raised(web, request: request, context: context, session: session, aspiration: raised)
                }
                return web.redirect("/dialog/\(id)", message: aspiration.anonymous ? "dlg_raised_anonymous" : "dlg_raised")
            } catch let error as RPCError where DialogueForms.isFormError(error) {
                let (errors, general) = DialogueForms.violations(
                    error, context: context, fields: ["aspiration.text": "teks", "aspiration.category": "kategori"])
                return try await failed(web, request, context, session, id, FormState(
                    form: "raise", values: values, errors: errors, general: general), status: DialogueForms.status(error))
            }
        }

        web.post("/dialog/:id/aspirasi/:aspiration/dukung") { request, context in
            let session = try context.requireSession(request)
            _ = try await FormData.read(request, context: context)
            let id = try id(context)
            let aspiration = context.parameters.get("aspiration") ?? ""
            do {
                _ = try await feedback(web, context, session).supportAspiration(.init(id: aspiration))
                return web.redirect("/dialog/\(id)", message: "dlg_supported")
            } catch let error as RPCError where DialogueForms.isFormError(error) {
                let message = DialogueForms.capitalized(error.localized(context.language).message)
                return try await failed(web, request, context, session, id, FormState(form: "support", target: aspiration, general: message),
                                        status: DialogueForms.status(error))
            }
        }

        web.post("/dialog/:id/aspirasi/:aspiration/tanggapan") { request, context in
            let session = try context.requireSession(request)
            let form = try await FormData.read(request, context: context)
            let id = try id(context)
            let aspiration = context.parameters.get("aspiration") ?? ""
            let values = ["jawaban": form.text("jawaban"), "pj": form.text("pj"), "batas": form.text("batas")]
            var state = FormState(form: "answer", target: aspiration, values: values)
            if values["jawaban"]!.isEmpty { state.errors["jawaban"] = web.text("dlg_err_required", context) }
            if values["pj"]!.isEmpty, !values["batas"]!.isEmpty { state.errors["pj"] = web.text("dlg_err_owner_needed", context) }
            if !values["pj"]!.isEmpty, values["batas"]!.isEmpty { state.errors["batas"] = web.text("dlg_err_due_needed", context) }
            if !state.errors.isEmpty { return try await failed(web, request, context, session, id, state, status: .badRequest) }
            do {
                let owner = await resolveOwner(values["pj"]!, web: web, context: context, session: session)
                _ = try await feedback(web, context, session).answerAspiration(
                    .init(id: aspiration, answer: values["jawaban"]!, actionOwnerNip: owner, actionDueDate: values["batas"]!))
                return web.redirect("/dialog/\(id)", message: owner.isEmpty ? "dlg_answered" : "dlg_answered_action")
            } catch let error as RPCError where DialogueForms.isFormError(error) {
                (state.errors, state.general) = DialogueForms.violations(
                    error, context: context, fields: ["answer": "jawaban", "action_owner_nip": "pj", "action_due_date": "batas"])
                return try await failed(web, request, context, session, id, state, status: DialogueForms.status(error))
            }
        }

        web.post("/dialog/:id/arahan") { request, context in
            let session = try context.requireSession(request)
            let form = try await FormData.read(request, context: context)
            let id = try id(context)
            let values = ["arahan": form.text("arahan"), "pj": form.text("pj"), "batas": form.text("batas")]
            var state = FormState(form: "direction", values: values)
            if values["arahan"]!.isEmpty { state.errors["arahan"] = web.text("dlg_err_required", context) }
            if values["pj"]!.isEmpty, !values["batas"]!.isEmpty { state.errors["pj"] = web.text("dlg_err_owner_needed", context) }
            if !values["pj"]!.isEmpty, values["batas"]!.isEmpty { state.errors["batas"] = web.text("dlg_err_due_needed", context) }
            if !state.errors.isEmpty { return try await failed(web, request, context, session, id, state, status: .badRequest) }
            do {
                let owner = await resolveOwner(values["pj"]!, web: web, context: context, session: session)
                _ = try await feedback(web, context, session).giveDirection(
                    .init(dialogueId: id, text: values["arahan"]!, actionOwnerNip: owner, actionDueDate: values["batas"]!))
                return web.redirect("/dialog/\(id)", message: owner.isEmpty ? "dlg_direction_given" : "dlg_direction_given_action")
            } catch let error as RPCError where DialogueForms.isFormError(error) {
                (state.errors, state.general) = DialogueForms.violations(
                    error, context: context, fields: ["text": "arahan", "action_owner_nip": "pj", "action_due_date": "batas"])
                return try await failed(web, request, context, session, id, state, status: DialogueForms.status(error))
            }
        }

        web.post("/dialog/:id/tutup") { request, context in
            let session = try context.requireSession(request)
            let form = try await FormData.read(request, context: context)
            let id = try id(context)
            let values = ["kesimpulan": form.text("kesimpulan")]
            do {
                _ = try await feedback(web, context, session).closeDialogue(.init(id: id, summary: values["kesimpulan"]!))
                return web.redirect("/dialog/\(id)", message: "dlg_closed")
            } catch let error as RPCError where DialogueForms.isFormError(error) {
                let (errors, general) = DialogueForms.violations(error, context: context, fields: ["summary": "kesimpulan"])
                return try await failed(web, request, context, session, id, FormState(form: "close", values: values, errors: errors, general: general),
                                        status: DialogueForms.status(error))
            }
        }
    }

    static func id(_ context: GatewayContext) throws -> String {
        guard let id = context.parameters.get("id"), !id.isEmpty else {
            throw WebFailure(status: .notFound, message: Strings.dialogue["dlg_err_no_dialogue"]!)
        }
        return id
    }

    static func feedback(_ web: WebApp, _ context: GatewayContext, _ session: WebSession) -> Feedback {
        Feedback(web.daemons.feedback, metadata: context.metadata(session))
    }

    static func failed(
        _ web: WebApp, _ request: Request, _ context: GatewayContext, _ session: WebSession, _ id: String, _ state: FormState,
        status: HTTPResponse.Status
    ) async throws -> Response {
        var state = state
        if state.general == nil, !state.errors.isEmpty { state.general = web.text("form_errors", context) }
        return try await render(web, request: request, context: context, session: session, id: id, state: state, status: status)
    }

    /// A NIP as typed, or the NIP of the one member of the person's agency whose name was typed instead.
    static func resolveOwner(_ typed: String, web: WebApp, context: GatewayContext, session: WebSession) async -> String {
        guard !typed.isEmpty, !typed.allSatisfy(\.isNumber) else { return typed }
        let staff = await DialogueLookup.staff(web, context: context, session: session, agency: session.agencyCode)
        let matches = staff.values.filter { $0.name.caseInsensitiveCompare(typed) == .orderedSame }
        return matches.count == 1 ? matches[0].nip : typed
    }

    static func render(
        _ web: WebApp, request: Request, context: GatewayContext, session: WebSession, id: String, state: FormState = .init(),
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let language = context.language
        let client = feedback(web, context, session)
        let detail = try await client.getDialogue(.init(id: id))
        let dialogue = detail.dialogue ?? .init()
        let agencies = try await DialogueLookup.agencies(web, context: context, session: session, codes: [dialogue.agencyCode])
        let staff = await DialogueLookup.staff(web, context: context, session: session, agency: dialogue.agencyCode)
        let open = dialogue.state == .scheduled
        let leads = session.isOrganizer || (!session.nip.isEmpty && session.nip == dialogue.leaderNip)
        // The agency's staff raise and support aspirations; the one who holds the dialogue answers them.
        let member = !session.nip.isEmpty && session.agencyCode == dialogue.agencyCode && session.nip != dialogue.leaderNip
        var actions: [String: Binakarier_Feedback_V1_ActionItem] = [:]
        for action in detail.actions { actions[action.id] = action }

        var summary = DialogueView.summary(dialogue, agencies: agencies, language: language)
        summary["leader"] = DialogueLookup.name(dialogue.leaderNip, staff)
        if !dialogue.summary.isEmpty { summary["summary"] = dialogue.summary }

        let aspirations: [[String: Any]] = detail.aspirations.map { aspiration in
            let own = !aspiration.anonymous && !session.nip.isEmpty && aspiration.authorNip == session.nip
            // Held or removed by moderation: only its moderators (and a named author) get it from feedback.
            let shown = aspiration.moderation != .held && aspiration.moderation != .removed
            var item: [String: Any] = [
                "id": aspiration.id, "text": aspiration.text, "category": DialogueView.category(aspiration.category, language),
                "author": aspiration.anonymous ? web.text("dlg_anonymous", context) : DialogueLookup.name(aspiration.authorNip, staff),
                "anonymous": aspiration.anonymous, "supports": aspiration.supports,
                "supportsLabel": DialogueView.format("dlg_supports_n", ["n": "\(aspiration.supports)"], language),
                "supportedByMe": aspiration.supportedByMe, "own": own,
                "canSupport": open && member && !own && !aspiration.supportedByMe && shown,
                "canAnswer": leads && shown,
                "held": aspiration.moderation == .held, "removed": aspiration.moderation == .removed,
                "released": aspiration.moderation == .released,
                "canReport": member && aspiration.anonymous && shown && aspiration.moderation != .released && !aspiration.reportedByMe,
                "reportedByMe": aspiration.reportedByMe,
            ]
            if !shown, !aspiration.moderationReason.isEmpty { item["moderationReason"] = aspiration.moderationReason }
            if !aspiration.answer.isEmpty {
                item["answer"] = aspiration.answer
                item["answeredBy"] = DialogueLookup.name(aspiration.answeredBy, staff)
            }
            if let action = actions[aspiration.actionId] { item["action"] = DialogueView.action(action, staff: staff, language: language) }
            if state.form == "answer", state.target == aspiration.id {
                item["answerOpen"] = true
                item["answerValues"] = state.values
                item["answerErr"] = state.errors
                if let general = state.general { item["answerGeneral"] = general }
            } else {
                item["answerValues"] = ["jawaban": aspiration.answer]
                item["answerErr"] = [String: String]()
            }
            if state.form == "support", state.target == aspiration.id, let general = state.general { item["supportError"] = general }
            return item
        }

        let directions: [[String: Any]] = detail.directions.map { direction in
            var item: [String: Any] = ["text": direction.text, "givenBy": DialogueLookup.name(direction.givenBy, staff)]
            if let action = actions[direction.actionId] { item["action"] = DialogueView.action(action, staff: staff, language: language) }
            return item
        }

        var data: [String: Any] = [
            "d": summary, "aspirations": aspirations, "directions": directions,
            "actionRows": detail.actions.map { DialogueView.action($0, staff: staff, language: language) },
            "aspirationCount": detail.aspirations.count, "directionCount": detail.directions.count, "actionCount": detail.actions.count,
            "leads": leads, "isOpen": open, "canRaise": open && member, "canDirect": open && leads, "canClose": open && leads,
            "staffOptions": leads ? DialogueLookup.options(staff) : [], "hasStaff": leads && !staff.isEmpty,
            "hasAspirations": !aspirations.isEmpty, "hasDirections": !directions.isEmpty, "hasActions": !detail.actions.isEmpty,
            "heldCount": detail.aspirations.filter { $0.moderation == .held }.count,
            "heldLabel": DialogueView.format("mod_held_in_dialogue", ["n": "\(detail.aspirations.filter { $0.moderation == .held }.count)"], language),
            "hasHeld": leads && detail.aspirations.contains { $0.moderation == .held },
            "categories": DialogueView.categories.map { code in
                ["code": code, "label": Strings.text("dlg_cat_\(code)", language),
                 "selected": state.form == "raise" ? state.values["kategori"] == code : code == "lainnya"] as [String: Any]
            },
            "today": DialogueDates.today(),
            "ownerHint": DialogueView.format("dlg_hint_owner", ["agency": agencies[dialogue.agencyCode]?.name ?? dialogue.agencyCode], language),
        ]
        for (form, prefix) in [("raise", "raise"), ("direction", "dir"), ("close", "close")] {
            data[prefix + "Values"] = state.form == form ? state.values : [:]
            data[prefix + "Err"] = state.form == form ? state.errors : [:]
            if state.form == form, let general = state.general { data[prefix + "General"] = general }
        }
        if !open {
            data["minutes"] = try await client.getMinutes(.init(id: dialogue.id)).text
        }
        return web.page("dlg_detail", title: dialogue.topic, data: data, request: request, context: context, status: status)
    }
}
