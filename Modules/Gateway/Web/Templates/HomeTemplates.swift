extension Templates {
    static let home = #"""
        <h1>{{t.home_greeting}}, {{greeting}}</h1>
        """#
}
