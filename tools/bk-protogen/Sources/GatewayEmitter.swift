/// Writes the gateway's side of the `google.api.http` annotations (proto/HTTP.md): the route table
/// (`APIRoutes.swift`), each route decoding proto3 JSON into the request and calling the typed client,
/// and the OpenAPI 3.1 document (`OpenAPIDocument.swift`) with the protos' comments as descriptions.
struct GatewayEmitter {
    let emitter: Emitter
    let files: [ProtoFile]
    var messages: [String: ProtoMessageType] = [:]
    var enums: [String: ProtoEnumType] = [:]

    /// The daemons that serve a package's services: `binakarier.programs.v1` → `programs`.
    static let daemons: Set<String> = ["identity", "programs", "feedback", "reporting"]

    struct Route {
        var service: ProtoService
        var method: ProtoMethod
        var binding: HTTPBinding
        var daemon: String
        var input: ProtoMessageType
        var output: ProtoMessageType
        var pathVariables: [String]
    }

    init(emitter: Emitter, files: [ProtoFile]) {
        self.emitter = emitter
        self.files = files
        func add(_ m: ProtoMessageType) {
            messages[m.fullName] = m
            m.nestedMessages.forEach(add)
            for e in m.nestedEnums { enums[e.fullName] = e }
        }
        for file in files {
            file.messages.forEach(add)
            for e in file.enums { enums[e.fullName] = e }
        }
    }

    func routes() throws -> [Route] {
        var routes: [Route] = []
        var seen: Set<String> = []
        for file in files {
            for service in file.services {
                for method in service.methods {
                    guard let binding = method.http else { continue }
                    let where_ = "\(service.fullName).\(method.name)"
                    let parts = file.package.split(separator: ".")
                    guard parts.count >= 2, Self.daemons.contains(String(parts[1])) else {
                        throw EmitError("\(where_): package \(file.package) is served by no daemon the gateway knows")
                    }
                    guard binding.path.hasPrefix("/api/v1/") else { throw EmitError("\(where_): paths start with /api/v1/") }
                    guard seen.insert("\(binding.verb) \(binding.path)").inserted else {
                        throw EmitError("\(where_): \(binding.verb) \(binding.path) is bound twice")
                    }
                    let input = try message(method.input)
                    let variables = try Self.variables(binding.path, method: where_)
                    for variable in variables {
                        guard let field = input.fields.first(where: { $0.name == variable }), !field.isRepeated, field.kind != .message else {
                            throw EmitError("\(where_): {\(variable)} is not a top-level scalar field of \(input.fullName)")
                        }
                    }
                    if !binding.bodyIsRequest && !(binding.verb == "GET" || binding.verb == "DELETE") {
                        throw EmitError("\(where_): \(binding.verb) needs body: \"*\"")
                    }
                    if binding.bodyIsRequest && (binding.verb == "GET" || binding.verb == "DELETE") {
                        throw EmitError("\(where_): \(binding.verb) has no body")
                    }
                    routes.append(
                        Route(
                            service: service, method: method, binding: binding, daemon: String(parts[1]), input: input,
                            output: try message(method.output), pathVariables: variables))
                }
            }
        }
        return routes
    }

    /// `{field}` names in a path template, each a whole segment or a segment's start before `:verb`.
    static func variables(_ path: String, method: String) throws -> [String] {
        var names: [String] = []
        for segment in path.split(separator: "/", omittingEmptySubsequences: false).dropFirst() {
            guard segment.contains("{") else {
                guard !segment.isEmpty, !segment.contains("}") else { throw EmitError("\(method): bad segment '\(segment)' in \(path)") }
                continue
            }
            guard segment.first == "{", let close = segment.firstIndex(of: "}") else {
                throw EmitError("\(method): a variable must start its segment ('\(segment)' in \(path))")
            }
            let name = segment[segment.index(after: segment.startIndex)..<close]
            let rest = segment[segment.index(after: close)...]
            guard !name.contains("="), !name.contains("."), rest.isEmpty || (rest.first == ":" && rest.count > 1) else {
                throw EmitError("\(method): only {field} and {field}:verb segments are supported ('\(segment)')")
            }
            names.append(String(name))
        }
        return names
    }

    private func message(_ typeName: String) throws -> ProtoMessageType {
        guard let m = messages[String(typeName.dropFirst(typeName.hasPrefix(".") ? 1 : 0))] else { throw EmitError("unknown message \(typeName)") }
        return m
    }

    /// How a query or path parameter becomes a JSON value, or nil when the field cannot come from the query.
    static func parameterKind(_ field: ProtoField) -> String? {
        switch field.kind {
        case .string, .bytes: "string"
        case .int32, .sint32, .sfixed32, .uint32, .fixed32: "integer"
        case .int64, .sint64, .sfixed64, .uint64, .fixed64: "int64"
        case .double, .float: "number"
        case .bool: "bool"
        case .enum: "enumeration"
        case .message, .group: nil
        }
    }

    // MARK: routes

    func emitRoutes() throws -> String {
        var out = Output()
        out.line("// Generated by bk-protogen from the google.api.http annotations in proto/. DO NOT EDIT: change the .proto and run")
        out.line("// tools/generate-protos. The mapping is described in proto/HTTP.md.")
        out.line("")
        out.line("import BKProto")
        out.line("import BKRPC")
        out.line("")
        out.open("extension APIRoute")
        out.line("/// Every annotated RPC, in the order of the protos.")
        out.line("static let generated: [APIRoute] = [")
        out.indent += 1
        for route in try routes() {
            let input = try emitter.swiftTypeName(route.input.fullName)
            let output = try emitter.swiftTypeName(route.output.fullName)
            let service = try emitter.swiftTypeName(route.service.fullName, isService: true)
            let call = Emitter.escaped(Emitter.fieldName(Emitter.snake(route.method.name)))
            out.line("APIRoute(")
            out.indent += 1
            out.line("verb: .\(route.binding.verb.lowercased()), path: \"\(route.binding.path)\", bodyIsRequest: \(route.binding.bodyIsRequest),")
            out.line("rpc: \"\(route.service.fullName)/\(route.method.name)\", daemon: .\(route.daemon),")
            let parameters = route.input.fields.compactMap { field in
                Self.parameterKind(field).map { "\"\(field.name)\": .init(json: \"\(field.jsonName)\", kind: .\($0), repeated: \(field.isRepeated))" }
            }
            if parameters.isEmpty {
                out.line("fields: [:]")
            } else {
                out.line("fields: [")
                for parameter in parameters { out.line("    \(parameter),") }
                out.line("]")
            }
            out.indent -= 1
            out.line(") { json, rpc, metadata in")
            out.indent += 1
            out.line("let request = try ProtoJSON.decode(\(input).self, from: json)")
            out.line("return try ProtoJSON.encode(try await \(service).Client(rpc, metadata: metadata).\(call)(request))")
            out.indent -= 1
            out.line("},")
            _ = output
        }
        out.indent -= 1
        out.line("]")
        out.close()
        return out.text
    }

    // MARK: OpenAPI

    func emitOpenAPI() throws -> String {
        let routes = try routes()
        var paths: [(String, [(String, JSON)])] = []
        var schemaNames: [String] = []
        var pending: [String] = []
        func want(_ name: String) {
            guard !schemaNames.contains(name), !pending.contains(name) else { return }
            pending.append(name)
        }
        for route in routes {
            let operation = operation(route, want: want)
            let path = route.binding.path
            if let index = paths.firstIndex(where: { $0.0 == path }) {
                paths[index].1.append((route.binding.verb.lowercased(), operation))
            } else {
                paths.append((path, [(route.binding.verb.lowercased(), operation)]))
            }
        }
        var schemas: [(String, JSON)] = []
        while let name = pending.first {
            pending.removeFirst()
            schemaNames.append(name)
            schemas.append((name, try schema(forType: name, want: want)))
        }
        schemas.sort { $0.0 < $1.0 }
        schemas.append(("Error", Self.errorSchema))
        let document: JSON = .object([
            ("openapi", .string("3.1.0")),
            (
                "info",
                .object([
                    ("title", .string("BinaKarier API")),
                    ("version", .string("v1")),
                    (
                        "description",
                        .string(
                            "The HTTP/JSON face of BinaKarier's identity, programs, feedback and reporting services, generated from their protos (proto/HTTP.md). Bodies are proto3 JSON. Send a token from POST /api/v1/auth:login as `Authorization: Bearer …`, or the web session cookie. Errors carry the status code name, a message in the caller's language (Accept-Language) and the field violations."
                        )),
                ])
            ),
            ("paths", .object(paths.map { ($0.0, .object($0.1)) })),
            (
                "components",
                .object([
                    ("schemas", .object(schemas)),
                    (
                        "securitySchemes",
                        .object([
                            ("bearerAuth", .object([("type", .string("http")), ("scheme", .string("bearer"))])),
                            ("sessionCookie", .object([("type", .string("apiKey")), ("in", .string("cookie")), ("name", .string("bk_sesi"))])),
                        ])
                    ),
                ])
            ),
            ("security", .array([.object([("bearerAuth", .array([]))]), .object([("sessionCookie", .array([]))]), .object([])])),
        ])
        var out = Output()
        out.line("// Generated by bk-protogen from the google.api.http annotations and comments in proto/. DO NOT EDIT: change the")
        out.line("// .proto and run tools/generate-protos.")
        out.line("")
        out.open("enum OpenAPIDocument")
        out.line("/// The OpenAPI 3.1 document of /api/v1, served at /api/v1/openapi.json.")
        out.line("static let json = #\"\"\"")
        var text = ""
        document.render(into: &text, indent: 0)
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) { out.line(String(line)) }
        out.line("\"\"\"#")
        out.close()
        return out.text
    }

    static let errorSchema: JSON = .object([
        ("type", .string("object")),
        ("description", .string("A failed call: the RPC status code name, its HTTP status, a message for people and the fields at fault.")),
        (
            "properties",
            .object([
                (
                    "error",
                    .object([
                        ("type", .string("object")),
                        (
                            "properties",
                            .object([
                                ("code", .object([("type", .string("integer")), ("description", .string("The HTTP status."))])),
                                ("status", .object([("type", .string("string")), ("description", .string("The RPC status code name, e.g. INVALID_ARGUMENT."))])),
                                ("message", .object([("type", .string("string"))])),
                                (
                                    "fieldViolations",
                                    .object([
                                        ("type", .string("array")),
                                        (
                                            "items",
                                            .object([
                                                ("type", .string("object")),
                                                ("properties", .object([("field", .object([("type", .string("string"))])), ("description", .object([("type", .string("string"))]))])),
                                            ])
                                        ),
                                    ])
                                ),
                            ])
                        ),
                        ("required", .array([.string("code"), .string("status"), .string("message")])),
                    ])
                )
            ])
        ),
        ("required", .array([.string("error")])),
    ])

    private func operation(_ route: Route, want: (String) -> Void) -> JSON {
        var parameters: [JSON] = []
        for variable in route.pathVariables {
            guard let field = route.input.fields.first(where: { $0.name == variable }) else { continue }
            parameters.append(
                .object([
                    ("name", .string(variable)), ("in", .string("path")), ("required", .bool(true)),
                    ("description", .string(field.comment)), ("schema", fieldSchema(field, want: want)),
                ]))
        }
        if !route.binding.bodyIsRequest {
            for field in route.input.fields where !route.pathVariables.contains(field.name) && Self.parameterKind(field) != nil {
                var entries: [(String, JSON)] = [("name", .string(field.jsonName)), ("in", .string("query"))]
                if !field.comment.isEmpty { entries.append(("description", .string(field.comment))) }
                entries.append(("schema", fieldSchema(field, want: want)))
                if field.isRepeated { entries.append(("explode", .bool(true))) }
                parameters.append(.object(entries))
            }
        }
        let summary = route.method.comment.split(separator: "\n").first.map(String.init) ?? route.method.name
        var entries: [(String, JSON)] = [
            ("operationId", .string("\(route.service.name)_\(route.method.name)")),
            ("tags", .array([.string(route.service.name)])),
            ("summary", .string(summary)),
        ]
        if !route.method.comment.isEmpty { entries.append(("description", .string(route.method.comment))) }
        if !parameters.isEmpty { entries.append(("parameters", .array(parameters))) }
        if route.binding.bodyIsRequest {
            want(route.input.fullName)
            entries.append(
                (
                    "requestBody",
                    .object([
                        ("required", .bool(true)),
                        ("content", .object([("application/json", .object([("schema", Self.ref(route.input.fullName))]))])),
                    ])
                ))
        }
        want(route.output.fullName)
        entries.append(
            (
                "responses",
                .object([
                    (
                        "200",
                        .object([
                            ("description", .string(route.output.comment.isEmpty ? route.output.name : route.output.comment)),
                            ("content", .object([("application/json", .object([("schema", Self.ref(route.output.fullName))]))])),
                        ])
                    ),
                    (
                        "default",
                        .object([
                            ("description", .string("The call failed: see the status and message.")),
                            ("content", .object([("application/json", .object([("schema", .object([("$ref", .string("#/components/schemas/Error"))]))]))])),
                        ])
                    ),
                ])
            ))
        return .object(entries)
    }

    static func ref(_ fullName: String) -> JSON { .object([("$ref", .string("#/components/schemas/\(fullName)"))]) }

    private func schema(forType fullName: String, want: (String) -> Void) throws -> JSON {
        if let e = enums[fullName] { return enumSchema(e) }
        let m = try message(fullName)
        switch m.fullName {
        case "google.protobuf.FieldMask":
            return .object([("type", .string("string")), ("description", .string("Field paths separated by commas, in lowerCamel."))])
        case "google.protobuf.Any":
            return .object([("type", .string("object")), ("properties", .object([("@type", .object([("type", .string("string"))]))]))])
        default: break
        }
        var properties: [(String, JSON)] = []
        for field in m.fields { properties.append((field.jsonName, fieldSchema(field, want: want))) }
        var entries: [(String, JSON)] = [("type", .string("object"))]
        if !m.comment.isEmpty { entries.append(("description", .string(m.comment))) }
        entries.append(("properties", .object(properties)))
        return .object(entries)
    }

    private func enumSchema(_ e: ProtoEnumType) -> JSON {
        var entries: [(String, JSON)] = [("type", .string("string"))]
        let described = e.values.filter { !$0.comment.isEmpty }.map { "\($0.name): \($0.comment)" }
        let text = ([e.comment] + described).filter { !$0.isEmpty }.joined(separator: "\n")
        if !text.isEmpty { entries.append(("description", .string(text))) }
        entries.append(("enum", .array(e.values.map { .string($0.name) })))
        return .object(entries)
    }

    private func fieldSchema(_ field: ProtoField, want: (String) -> Void) -> JSON {
        let typeName = String(field.typeName.dropFirst())
        if field.isRepeated, field.kind == .message, let m = messages[typeName], m.isMapEntry,
            let value = m.fields.first(where: { $0.number == 2 })
        {
            var entries: [(String, JSON)] = [("type", .string("object")), ("additionalProperties", elementSchema(value, want: want))]
            if !field.comment.isEmpty { entries.insert(("description", .string(field.comment)), at: 0) }
            return .object(entries)
        }
        let element = elementSchema(field, want: want)
        guard field.isRepeated else {
            guard !field.comment.isEmpty else { return element }
            if case .object(let entries) = element, entries.first?.0 == "$ref" {
                return .object([("description", .string(field.comment)), ("allOf", .array([element]))])
            }
            if case .object(let entries) = element { return .object([("description", .string(field.comment))] + entries) }
            return element
        }
        var entries: [(String, JSON)] = [("type", .string("array")), ("items", element)]
        if !field.comment.isEmpty { entries.insert(("description", .string(field.comment)), at: 0) }
        return .object(entries)
    }

    private func elementSchema(_ field: ProtoField, want: (String) -> Void) -> JSON {
        switch field.kind {
        case .string: return .object([("type", .string("string"))])
        case .bytes: return .object([("type", .string("string")), ("contentEncoding", .string("base64"))])
        case .bool: return .object([("type", .string("boolean"))])
        case .int32, .sint32, .sfixed32: return .object([("type", .string("integer")), ("format", .string("int32"))])
        case .uint32, .fixed32: return .object([("type", .string("integer")), ("format", .string("int64")), ("minimum", .number("0")), ("maximum", .number("4294967295"))])
        case .int64, .sint64, .sfixed64:
            return .object([("type", .string("string")), ("format", .string("int64")), ("pattern", .string("^-?[0-9]{1,18}$"))])
        case .uint64, .fixed64:
            return .object([("type", .string("string")), ("format", .string("uint64")), ("pattern", .string("^[0-9]{1,19}$"))])
        case .double, .float: return .object([("type", .string("number"))])
        case .enum, .message, .group:
            let name = String(field.typeName.dropFirst())
            want(name)
            return Self.ref(name)
        }
    }
}

/// A JSON value written with its keys in the order given, so the document is the same on every run.
indirect enum JSON {
    case object([(String, JSON)])
    case array([JSON])
    case string(String)
    case number(String)
    case bool(Bool)

    func render(into out: inout String, indent: Int) {
        let pad = String(repeating: "  ", count: indent + 1)
        let closing = String(repeating: "  ", count: indent)
        switch self {
        case .object(let entries):
            guard !entries.isEmpty else { out += "{}"; return }
            out += "{\n"
            for (index, (key, value)) in entries.enumerated() {
                out += pad
                JSON.string(key).render(into: &out, indent: indent + 1)
                out += ": "
                value.render(into: &out, indent: indent + 1)
                out += index == entries.count - 1 ? "\n" : ",\n"
            }
            out += closing + "}"
        case .array(let values):
            guard !values.isEmpty else { out += "[]"; return }
            out += "[\n"
            for (index, value) in values.enumerated() {
                out += pad
                value.render(into: &out, indent: indent + 1)
                out += index == values.count - 1 ? "\n" : ",\n"
            }
            out += closing + "]"
        case .string(let text):
            out += "\""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                default:
                    if scalar.value < 0x20 {
                        let hex = String(scalar.value, radix: 16)
                        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                    } else {
                        out.unicodeScalars.append(scalar)
                    }
                }
            }
            out += "\""
        case .number(let text): out += text
        case .bool(let value): out += value ? "true" : "false"
        }
    }
}
