import BKProto
import BKRPC
import Foundation

/// One RPC on HTTP, as its `google.api.http` annotation binds it (proto/HTTP.md). The table of them,
/// `APIRoute.generated`, is written by bk-protogen; nothing here is specific to an RPC.
struct APIRoute: Sendable {
    enum Verb: String, Sendable, CaseIterable {
        case get = "GET", put = "PUT", post = "POST", delete = "DELETE", patch = "PATCH"
    }

    /// How a path or query parameter becomes a JSON value of the request.
    struct Field: Sendable {
        enum Kind: Sendable { case string, integer, int64, number, bool, enumeration }
        var json: String
        var kind: Kind
        var repeated: Bool
    }

    typealias Call = @Sendable (_ json: [UInt8], _ rpc: RPCClient, _ metadata: RPCMetadata) async throws -> String

    let verb: Verb
    let path: String
    let bodyIsRequest: Bool
    /// `binakarier.programs.v1.ProgramsService/GetProgram`.
    let rpc: String
    let daemon: DaemonName
    /// The request's top-level scalar and enum fields by proto name: what a path or query can set.
    let fields: [String: Field]
    /// Decodes the request's proto3 JSON, calls the daemon, encodes the response.
    let call: Call
    let template: PathTemplate

    init(verb: Verb, path: String, bodyIsRequest: Bool, rpc: String, daemon: DaemonName, fields: [String: Field], call: @escaping Call) {
        self.verb = verb
        self.path = path
        self.bodyIsRequest = bodyIsRequest
        self.rpc = rpc
        self.daemon = daemon
        self.fields = fields
        self.call = call
        self.template = PathTemplate(path)
    }
}

/// A path template of `/literal` segments, `{field}` segments and a `{field}:verb` last segment.
struct PathTemplate: Sendable {
    enum Segment: Sendable, Equatable {
        case literal(String)
        case variable(String, suffix: String)
    }

    let segments: [Segment]

    init(_ path: String) {
        segments = path.split(separator: "/").map { part in
            guard part.first == "{", let close = part.firstIndex(of: "}") else { return .literal(String(part)) }
            return .variable(String(part[part.index(after: part.startIndex)..<close]), suffix: String(part[part.index(after: close)...]))
        }
    }

    /// The variables' values when `path` (already split, percent-decoded segments) matches, else nil.
    func match(_ parts: [String]) -> [String: String]? {
        guard parts.count == segments.count else { return nil }
        var values: [String: String] = [:]
        for (segment, part) in zip(segments, parts) {
            switch segment {
            case .literal(let text):
                guard part == text else { return nil }
            case .variable(let name, let suffix):
                guard part.hasSuffix(suffix), part.count > suffix.count else { return nil }
                values[name] = String(part.dropLast(suffix.count))
            }
        }
        return values
    }
}

/// Finds the route of a request and builds the JSON request it stands for.
struct APIRouter: Sendable {
    let routes: [APIRoute]

    enum Match {
        case found(APIRoute, variables: [String: String])
        /// The path exists with other methods: 405 with `Allow`.
        case methodNotAllowed(allowed: [String])
        case notFound
    }

    init(routes: [APIRoute] = APIRoute.generated) { self.routes = routes }

    /// The generated routes, matched once per process.
    static let shared = APIRouter()

    func match(verb: String, path: String) -> Match {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map {
            String($0).removingPercentEncoding ?? String($0)
        }
        var allowed: [String] = []
        for route in routes {
            guard let variables = route.template.match(parts) else { continue }
            if route.verb.rawValue == verb { return .found(route, variables: variables) }
            allowed.append(route.verb.rawValue)
        }
        return allowed.isEmpty ? .notFound : .methodNotAllowed(allowed: allowed)
    }

    /// The request's JSON: the body's object (when the body is the request), then each query parameter,
    /// then the path variables, which win. Values are typed by the field they set.
    static func requestJSON(
        route: APIRoute, variables: [String: String], query: [(String, String)], body: [UInt8]
    ) throws(APIRequestError) -> [UInt8] {
        var object: [String: Any] = [:]
        // The body is the whole request: a query parameter would be silently dropped, so it is refused.
        if route.bodyIsRequest, let (name, _) = query.first { throw .unknownParameter(name) }
        if route.bodyIsRequest {
            let text = body.drop(while: { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 })
            if !text.isEmpty {
                guard let parsed = try? JSONSerialization.jsonObject(with: Data(body), options: [.fragmentsAllowed]) else {
                    throw .badBody(reason: "body is not JSON")
                }
                guard let dictionary = parsed as? [String: Any] else { throw .badBody(reason: "body must be a JSON object") }
                object = dictionary
            }
        } else if !query.isEmpty {
            let byJSON = Dictionary(route.fields.map { ($0.value.json, $0.value) }, uniquingKeysWith: { first, _ in first })
            var repeated: [String: [Any]] = [:]
            for (name, value) in query {
                let field: APIRoute.Field
                if let found = byJSON[name] {
                    field = found
                } else if let found = route.fields[name] {
                    field = found
                } else {
                    throw .unknownParameter(name)
                }
                guard !variables.keys.contains(where: { route.fields[$0]?.json == field.json }) else { continue }
                let json = try jsonValue(value, field: field, name: name)
                if field.repeated {
                    repeated[field.json, default: []].append(json)
                } else {
                    guard object[field.json] == nil else { throw .badParameter(name, reason: "given more than once") }
                    object[field.json] = json
                }
            }
            for (name, values) in repeated { object[name] = values }
        }
        for (name, value) in variables {
            guard let field = route.fields[name] else { continue }
            object.removeValue(forKey: name)
            object[field.json] = try jsonValue(value, field: field, name: name)
        }
        guard let data = try? JSONSerialization.data(withJSONObject: object) else { throw .badBody(reason: "body cannot be read") }
        return Array(data)
    }

    private static func jsonValue(_ text: String, field: APIRoute.Field, name: String) throws(APIRequestError) -> Any {
        switch field.kind {
        case .string, .enumeration, .int64:
            return text
        case .integer:
            guard let value = Int64(text) else { throw .badParameter(name, reason: "'\(text)' is not a whole number") }
            return value
        case .number:
            guard let value = Double(text), value.isFinite else { throw .badParameter(name, reason: "'\(text)' is not a number") }
            return value
        case .bool:
            switch text.lowercased() {
            case "true", "1": return true
            case "false", "0": return false
            default: throw .badParameter(name, reason: "'\(text)' is not true or false")
            }
        }
    }
}

/// What is wrong with an HTTP request before it becomes an RPC (a 400 that names the part at fault).
enum APIRequestError: Error, Sendable {
    case unknownParameter(String)
    case badParameter(String, reason: String)
    case badBody(reason: String)
}
