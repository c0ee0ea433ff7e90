/// Who may call a method, declared when the method is registered and checked by the server before the
/// handler runs (UNAUTHENTICATED without a valid token where one is needed, PERMISSION_DENIED for a
/// caller the policy does not admit). Row-level rules (own agency, own record) stay in the handler.
/// A class, immutable: a route is copied on every call, and one reference is cheaper to copy than
/// the sets, closure and text inside.
public final class MethodPolicy: Sendable, CustomStringConvertible {
    /// Whether a valid token is required. When it is not, a token that is sent is still verified.
    public let requiresToken: Bool
    /// People's roles admitted; nil admits every authenticated person.
    public let roles: Set<Role>?
    /// Daemons (service tokens, by name) admitted.
    public let services: Set<String>
    /// A further check, for what roles cannot say (for example the socket peer).
    public let check: (@Sendable (Caller?, RPCServerContext) throws(RPCError) -> Void)?
    /// The rule in words, for the policy table the security review reads.
    public let description: String

    private init(
        requiresToken: Bool, roles: Set<Role>?, services: Set<String>, description: String,
        check: (@Sendable (Caller?, RPCServerContext) throws(RPCError) -> Void)? = nil
    ) {
        self.requiresToken = requiresToken
        self.roles = roles
        self.services = services
        self.check = check
        self.description = description
    }

    /// No token needed: login, public keys, health.
    public static let anyone = MethodPolicy(requiresToken: false, roles: [], services: [], description: "anyone")

    /// Any person with a valid token; `services` may call it too.
    public static func authenticated(services: Set<String> = []) -> MethodPolicy {
        MethodPolicy(requiresToken: true, roles: nil, services: services, description: describe("authenticated", services))
    }

    /// People with at least one of `roles`; `services` may call it too.
    public static func roles(_ roles: Set<Role>, services: Set<String> = []) -> MethodPolicy {
        let names = roles.map(\.logName).sorted().joined(separator: ",")
        return MethodPolicy(requiresToken: true, roles: roles, services: services, description: describe("roles:\(names)", services))
    }

    /// Only the named daemons, with service tokens.
    public static func services(_ services: Set<String>) -> MethodPolicy {
        MethodPolicy(requiresToken: true, roles: [], services: services, description: describe("", services))
    }

    /// A check of its own; `description` says what it admits.
    public static func custom(
        _ description: String, requiresToken: Bool,
        _ check: @escaping @Sendable (Caller?, RPCServerContext) throws(RPCError) -> Void
    ) -> MethodPolicy {
        MethodPolicy(requiresToken: requiresToken, roles: nil, services: [], description: "custom:\(description)", check: check)
    }

    private static func describe(_ people: String, _ services: Set<String>) -> String {
        let servicePart = services.isEmpty ? "" : "services:" + services.sorted().joined(separator: ",")
        return [people, servicePart].filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// Admits or refuses `caller` (nil: no token was sent). The server calls it before every handler and
    /// answers in the caller's language.
    public func authorize(_ caller: Caller?, _ context: RPCServerContext) throws(RPCError) {
        if requiresToken {
            guard let caller else { throw RPCError(.unauthenticated, RPCMessages.tokenMissing) }
            if let service = caller.serviceName {
                guard services.contains(service) else {
                    throw RPCError(.permissionDenied, RPCMessages.serviceNotAllowed(service))
                }
            } else if caller.roles.contains(.service) {
                throw RPCError(.permissionDenied, RPCMessages.roleNotAllowed(context.method))
            } else if let roles, caller.roles.isDisjoint(with: roles) {
                throw RPCError(.permissionDenied, RPCMessages.roleNotAllowed(context.method))
            }
        }
        try check?(caller, context)
    }
}
