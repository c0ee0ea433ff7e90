import Foundation

/// CSV files being uploaded in chunks, held in memory until they are finished (an upload that is not
/// finished was never acknowledged, so losing it in a crash loses nothing promised).
actor ImportSessions {
    /// Open imports per person, and in all: one person cannot block everyone.
    static let maximumOpenPerOwner = 2
    static let maximumOpen = 16
    static let maximumBytes = 64 << 20
    static let maximumChunk = 1 << 20
    static let idleLimit: Int64 = 30 * 60

    private struct Session {
        var owner: String
        var data: [UInt8]
        var touched: Int64
    }

    private var sessions: [String: Session] = [:]

    func start(owner: String, now: Int64) throws(IdentityError) -> String {
        sessions = sessions.filter { now - $0.value.touched < Self.idleLimit }
        guard sessions.values.count(where: { $0.owner == owner }) < Self.maximumOpenPerOwner else {
            throw .resourceExhausted(.init(id: "Anda sudah membuka \(Self.maximumOpenPerOwner) impor; selesaikan atau batalkan salah satunya", en: "you already have \(Self.maximumOpenPerOwner) imports open; finish or cancel one of them"))
        }
        guard sessions.count < Self.maximumOpen else {
            throw .resourceExhausted(.init(id: "terlalu banyak impor yang sedang berjalan; coba lagi nanti", en: "too many imports in progress; try again later"))
        }
        let id = UUID().uuidString.lowercased()
        sessions[id] = Session(owner: owner, data: [], touched: now)
        return id
    }

    func append(_ id: String, owner: String, _ chunk: [UInt8], now: Int64) throws(IdentityError) -> Int {
        guard var session = sessions[id], session.owner == owner else {
            throw .notFound(.init(id: "impor \(id) tidak ditemukan atau sudah kedaluwarsa; mulai lagi", en: "import \(id) not found or expired; start again"))
        }
        guard chunk.count <= Self.maximumChunk else { throw .resourceExhausted(.init(id: "potongan lebih dari 1 MiB", en: "chunk larger than 1 MiB")) }
        guard session.data.count + chunk.count <= Self.maximumBytes else {
            sessions[id] = nil
            throw .resourceExhausted(.init(id: "berkas impor lebih dari 64 MiB; bagi menjadi beberapa berkas", en: "import file larger than 64 MiB; split it into several files"))
        }
        session.data += chunk
        session.touched = now
        sessions[id] = session
        return session.data.count
    }

    /// The uploaded file; the session ends (a dry run too: its memory is released at once).
    func take(_ id: String, owner: String) throws(IdentityError) -> [UInt8] {
        guard let session = sessions[id], session.owner == owner else {
            throw .notFound(.init(id: "impor \(id) tidak ditemukan atau sudah kedaluwarsa; mulai lagi", en: "import \(id) not found or expired; start again"))
        }
        sessions[id] = nil
        return session.data
    }

    /// Ends an import without reading it.
    func cancel(_ id: String, owner: String) throws(IdentityError) {
        guard let session = sessions[id], session.owner == owner else {
            throw .notFound(.init(id: "impor \(id) tidak ditemukan atau sudah kedaluwarsa", en: "import \(id) not found or expired"))
        }
        _ = session
        sessions[id] = nil
    }
}
