import BKTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import Gateway

/// `/api/v1/openapi.json`: the OpenAPI 3.1 document bk-protogen writes from the same annotations as the
/// route table, with the protos' comments as descriptions.
@Suite("Gateway API: the OpenAPI document", .timeLimit(.minutes(1)))
struct OpenAPITests {
    static let methods = ["get", "put", "post", "delete", "patch"]

    /// The document as served.
    static func served() async throws -> [String: Any] {
        try await GatewayWorld.with(serving: []) { world in
            try await world.test { client in
                let response = try await client.execute(uri: "/api/v1/openapi.json", method: .get)
                #expect(response.status == .ok)
                #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
                let object = try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView))
                return try #require(object as? [String: Any])
            }
        }
    }

    @Test func itIsOpenAPI31WithOneOperationPerRoute() async throws {
        let document = try await Self.served()
        #expect(document["openapi"] as? String == "3.1.0")
        #expect((document["info"] as? [String: Any])?["title"] != nil)
        let paths = try #require(document["paths"] as? [String: [String: Any]])
        var operations: [String] = []
        var operationIDs: [String] = []
        for (path, item) in paths {
            for method in Self.methods {
                guard let operation = item[method] as? [String: Any] else { continue }
                operations.append("\(method.uppercased()) \(path)")
                if let id = operation["operationId"] as? String { operationIDs.append(id) }
            }
        }
        let routes = APIRoute.generated.map { "\($0.verb.rawValue) \($0.path)" }
        #expect(Set(routes).count == routes.count, "no route twice in the table")
        #expect(operations.count == routes.count)
        #expect(Set(operations) == Set(routes), "missing: \(Set(routes).subtracting(operations)); extra: \(Set(operations).subtracting(routes))")
        #expect(Set(operationIDs).count == operations.count, "every operation has its own operationId")
    }

    @Test func parametersMatchTheRouteTable() async throws {
        let paths = try #require(try await Self.served()["paths"] as? [String: [String: Any]])
        var problems: [String] = []
        for route in APIRoute.generated {
            guard let operation = paths[route.path]?[route.verb.rawValue.lowercased()] as? [String: Any] else {
                problems.append("no operation for \(route.verb.rawValue) \(route.path)")
                continue
            }
            let parameters = operation["parameters"] as? [[String: Any]] ?? []
            let inPath = Set(parameters.filter { $0["in"] as? String == "path" }.compactMap { $0["name"] as? String })
            let variables = Set(route.template.segments.compactMap { segment -> String? in
                if case .variable(let name, _) = segment { return name }
                return nil
            })
            if inPath != variables { problems.append("\(route.path): path parameters \(inPath.sorted()) ≠ \(variables.sorted())") }
            if !route.bodyIsRequest {
                let inQuery = Set(parameters.filter { $0["in"] as? String == "query" }.compactMap { $0["name"] as? String })
                let fields = Set(route.fields.filter { !variables.contains($0.key) }.map(\.value.json))
                if inQuery != fields { problems.append("\(route.verb.rawValue) \(route.path): query \(inQuery.sorted()) ≠ fields \(fields.sorted())") }
                if operation["requestBody"] != nil { problems.append("\(route.verb.rawValue) \(route.path) has a body") }
            } else if operation["requestBody"] == nil {
                problems.append("\(route.verb.rawValue) \(route.path) has no body")
            }
        }
        #expect(problems.isEmpty, "\(problems)")
    }

    @Test func everyReferenceResolves() async throws {
        let document = try await Self.served()
        var references: [String] = []
        func walk(_ value: Any) {
            if let object = value as? [String: Any] {
                if let reference = object["$ref"] as? String { references.append(reference) }
                object.values.forEach(walk)
            } else if let array = value as? [Any] {
                array.forEach(walk)
            }
        }
        walk(document)
        #expect(references.count > 100)
        var unresolved: Set<String> = []
        for reference in Set(references) {
            guard reference.hasPrefix("#/") else {
                unresolved.insert(reference)
                continue
            }
            var node: Any? = document
            for token in reference.dropFirst(2).split(separator: "/", omittingEmptySubsequences: false) {
                let key = token.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
                node = (node as? [String: Any])?[key]
            }
            if node == nil { unresolved.insert(reference) }
        }
        #expect(unresolved.isEmpty, "\(unresolved.sorted())")
    }

    @Test func descriptionsComeFromTheProtoComments() async throws {
        let document = try await Self.served()
        let paths = try #require(document["paths"] as? [String: [String: Any]])
        let getEmployee = try #require(paths["/api/v1/employees/{nip}"]?["get"] as? [String: Any])
        // The RPC's comment in identity.proto.
        #expect(getEmployee["description"] as? String == "NOT_FOUND: no such employee, or not visible to the caller.")
        // A field's comment (Account.effective_roles).
        let schemas = try #require((document["components"] as? [String: Any])?["schemas"] as? [String: Any])
        let account = try #require(schemas["binakarier.identity.v1.Account"] as? [String: Any])
        let properties = try #require(account["properties"] as? [String: [String: Any]])
        #expect(
            properties["effectiveRoles"]?["description"] as? String
                == "Granted roles plus those that follow from the records (supervisor, agency head).")
        #expect(properties["username"]?["description"] as? String == "The NIP for an ASN's account; any other name for an operator account.")
        // An enum value's comment (feedback.proto's Purpose).
        let text = String(decoding: try JSONSerialization.data(withJSONObject: document), as: UTF8.self)
        #expect(text.contains("Kirkpatrick 1: the participants' reaction, right after the session."))
    }

    @Test func theErrorSchemaDescribesTheErrorBody() async throws {
        let document = try await Self.served()
        let schemas = try #require((document["components"] as? [String: Any])?["schemas"] as? [String: Any])
        let error = try #require(schemas["Error"] as? [String: Any])
        let properties = try #require(error["properties"] as? [String: Any])
        let inner = try #require((properties["error"] as? [String: Any])?["properties"] as? [String: Any])
        #expect(Set(inner.keys).isSuperset(of: ["code", "status", "message", "fieldViolations"]))
    }
}
