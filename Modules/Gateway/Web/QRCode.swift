import BKCharts
import CQREncode

/// QR codes as inline SVG, drawn from Debian's libqrencode (through `CQREncode`): the certificate page
/// carries one that points at the public verification page.
///
/// The SVG is self-contained (no script, no style, no outside reference): one white square and one path
/// of dark modules, a quiet zone of four modules around the symbol, `role="img"` and an `aria-label`
/// naming what it holds. It is markup this module builds and escapes itself, so templates place it with
/// `{{{qr}}}` (a name in `Templates.trustedHTML`).
enum QRCode {
    /// Modules of light margin around the symbol, as ISO/IEC 18004 asks.
    static let quietZone = 4

    /// The QR code of `text` (8-bit mode, error correction level M), `modulePixels` wide per module on
    /// screen (it scales in print), or nil when libqrencode cannot encode it (text too long, no memory).
    static func svg(_ text: String, label: String, modulePixels: Int = 4) -> String? {
        guard let matrix = modules(text) else { return nil }
        let width = matrix.width
        let size = width + 2 * quietZone
        var path = ""
        // One horizontal run of dark modules at a time: a few hundred short sub-paths at most.
        for y in 0..<width {
            var x = 0
            while x < width {
                guard matrix.dark[y * width + x] else {
                    x += 1
                    continue
                }
                let start = x
                while x < width, matrix.dark[y * width + x] { x += 1 }
                path += "M\(start + quietZone) \(y + quietZone)h\(x - start)v1h-\(x - start)z"
            }
        }
        let pixels = size * max(1, modulePixels)
        return """
            <svg xmlns="http://www.w3.org/2000/svg" class="qr" viewBox="0 0 \(size) \(size)" width="\(pixels)" height="\(pixels)" \
            role="img" aria-label="\(Markup.escape(label))" shape-rendering="crispEdges">\
            <rect width="\(size)" height="\(size)" fill="#ffffff"/><path fill="#000000" d="\(path)"/></svg>
            """
    }

    /// The symbol's modules, row by row (`dark[y * width + x]`): bit 0 of each libqrencode byte.
    static func modules(_ text: String) -> (width: Int, dark: [Bool])? {
        guard !text.isEmpty, let code = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1) else { return nil }
        defer { QRcode_free(code) }
        let width = Int(code.pointee.width)
        guard width > 0, let data = code.pointee.data else { return nil }
        var dark = [Bool](repeating: false, count: width * width)
        for index in 0..<(width * width) { dark[index] = data[index] & 1 == 1 }
        return (width, dark)
    }
}
