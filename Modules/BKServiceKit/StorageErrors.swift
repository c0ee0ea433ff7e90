import BKRPC
import GRDB

/// What a caller is told when SQLite itself refuses a write or read (RPCError's mapping consults this):
/// a full disk and a busy or failing disk are the operator's to fix and say so (and are logged); a full
/// disk or a busy database saved nothing, because each call's write is one transaction, while a failed
/// write or fsync at commit may or may not have. Anything else stays INTERNAL, its detail logged only.
extension DatabaseError: RPCErrorConvertible {
    public var rpcError: RPCError {
        switch resultCode {
        case .SQLITE_FULL:
            RPCError(.resourceExhausted, .init(
                id: "penyimpanan server penuh: tidak ada yang disimpan; minta operator mengosongkan ruang disk, lalu coba lagi",
                en: "the server's disk is full: nothing was saved; ask the operator to free disk space, then try again"))
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            RPCError(.unavailable, .init(
                id: "basis data sedang sibuk: tidak ada yang disimpan; coba lagi sebentar lagi",
                en: "the database is busy: nothing was saved; try again shortly"))
        case .SQLITE_IOERR, .SQLITE_READONLY, .SQLITE_CANTOPEN:
            RPCError(.unavailable, .init(
                id: "penyimpanan server gagal dibaca atau ditulis: perubahan mungkin tidak tersimpan; periksa lalu coba lagi, dan minta operator memeriksa disk",
                en: "the server's storage failed to read or write: the change may not have been saved; check, then try again, and ask the operator to check the disk"))
        case .SQLITE_CORRUPT, .SQLITE_NOTADB:
            RPCError(.dataLoss, .init(
                id: "basis data layanan rusak; operator perlu memulihkannya dari cadangan",
                en: "the service's database is damaged; the operator must restore it from a backup"))
        default:
            RPCError(.internal, "internal error")
        }
    }

    public var needsOperator: Bool {
        [.SQLITE_FULL, .SQLITE_BUSY, .SQLITE_LOCKED, .SQLITE_IOERR, .SQLITE_READONLY, .SQLITE_CANTOPEN, .SQLITE_CORRUPT, .SQLITE_NOTADB].contains(resultCode)
    }
}
