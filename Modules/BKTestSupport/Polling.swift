/// Polls `probe` every 100 ms until it gives a value (errors count as "not yet"), for at most `limit`;
/// then asks once more and returns that answer, nil or not. What tests wait on: a daemon that follows a
/// feed, a form a scheduler opens, a restarted daemon that fetches keys.
public func eventually<T>(within limit: Duration = .seconds(60), _ probe: () async throws -> T?) async throws -> T? {
    let deadline = ContinuousClock.now.advanced(by: limit)
    while ContinuousClock.now < deadline {
        if let value = try? await probe() { return value }
        try await Task.sleep(for: .milliseconds(100))
    }
    return try await probe()
}

/// Every item of a paged list: `page` is called with "" and then each next page token until it is empty.
public func allPages<Item>(_ page: (_ token: String) async throws -> (items: [Item], next: String)) async throws -> [Item] {
    var items: [Item] = []
    var token = ""
    repeat {
        let answer = try await page(token)
        items += answer.items
        token = answer.next
    } while !token.isEmpty
    return items
}
