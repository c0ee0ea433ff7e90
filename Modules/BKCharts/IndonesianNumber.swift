/// Numbers written the Indonesian way: dot thousands separators and a decimal comma (`1.234.567,89`),
/// percent with a space (`79,2 %`). Locale-independent and deterministic: it rounds the shortest decimal
/// that reads back as the same `Double` (so 1.005 is 1.005, not 1.00499…), half up on a tie
/// (79.25 → 79,3), as a spreadsheet rounds. No negative zero: -0.04 → "0,0".
public enum IndonesianNumber {
    /// What a NaN or infinite value is written as.
    public static let notANumber = "—"

    /// `decimals` is clamped to 0…20.
    public static func format(_ value: Double, decimals: Int = 0) -> String {
        guard value.isFinite else { return notANumber }
        let decimals = min(max(decimals, 0), 20)
        var (digits, point) = shortestDecimal(value.magnitude)
        // value = 0.d₀d₁d₂… × 10^point; keep the digits down to 10^-decimals.
        let cut = point + decimals
        var kept: [UInt8]
        if cut <= 0 {
            kept = []
        } else if cut <= digits.count {
            kept = Array(digits[0..<cut])
        } else {
            kept = digits + Array(repeating: 0, count: cut - digits.count)
        }
        if cut >= 0, cut < digits.count, roundsUp(digits, at: cut) {
            var index = kept.count - 1
            while index >= 0, kept[index] == 9 {
                kept[index] = 0
                index -= 1
            }
            if index >= 0 { kept[index] += 1 } else { kept.insert(1, at: 0) }
        }
        digits = Array(kept.drop(while: { $0 == 0 }))
        if digits.count < decimals + 1 {
            digits = Array(repeating: 0, count: decimals + 1 - digits.count) + digits
        }
        let isZero = digits.allSatisfy { $0 == 0 }
        let integer = digits[0..<(digits.count - decimals)]
        let fraction = digits[(digits.count - decimals)...]

        var out = (value < 0 && !isZero) ? "-" : ""
        for (index, digit) in integer.enumerated() {
            if index > 0, (integer.count - index) % 3 == 0 { out += "." }
            out += String(digit)
        }
        if decimals > 0 {
            out += ","
            for digit in fraction { out += String(digit) }
        }
        return out
    }

    /// A value in percent points: `percent(79.2, decimals: 1)` is "79,2 %".
    public static func percent(_ value: Double, decimals: Int = 1) -> String {
        let number = format(value, decimals: decimals)
        return value.isFinite ? number + " %" : number
    }

    private static func roundsUp(_ digits: [UInt8], at cut: Int) -> Bool {
        // Half up, as officials checking a figure by hand or in a spreadsheet round.
        digits[cut] >= 5
    }

    /// The digits of Swift's shortest round-trip representation of a non-negative finite value, without
    /// leading zeros, and where the decimal point goes: value = 0.d₀d₁… × 10^point.
    private static func shortestDecimal(_ value: Double) -> (digits: [UInt8], point: Int) {
        let text = value.description  // "1234.5", "1e-05", "1.2345e+20"; no locale involved
        let parts = text.split(separator: "e", maxSplits: 1)
        let exponent = parts.count == 2 ? Int(parts[1]) ?? 0 : 0
        let mantissa = parts.first ?? "0"
        let pieces = mantissa.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let integerPart = pieces.first ?? ""
        let fractionPart = pieces.count == 2 ? pieces[1] : ""
        var digits = (integerPart + fractionPart).compactMap { $0.wholeNumberValue.map(UInt8.init) }
        var point = integerPart.count + exponent
        while let first = digits.first, first == 0 {
            digits.removeFirst()
            point -= 1
        }
        while let last = digits.last, last == 0 { digits.removeLast() }
        return (digits, digits.isEmpty ? 0 : point)
    }
}
