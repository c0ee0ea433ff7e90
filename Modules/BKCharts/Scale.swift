import Foundation

/// The value axis: a domain that always holds zero, widened to "nice" ticks (steps of 1, 2 or 5 × 10ⁿ).
struct ValueScale {
    let lower: Double
    let upper: Double
    let step: Double
    let ticks: [Double]
    /// Decimals that tell the ticks apart (0 for steps of 1 or more, 1 for 0.5, …).
    let tickDecimals: Int

    /// `minimum` and `maximum` are finite (values beyond ±1e100 are dropped before this).
    /// `minimumStep`: no finer than the values are written (1 for counts, so no tick at 0,5).
    init(minimum: Double, maximum: Double, minimumStep: Double, targetTicks: Int = 5) {
        let low = min(minimum, 0), high = max(maximum, 0)
        guard high - low > 1e-200 else {  // all zero (or too close to zero to tell apart)
            let step = max(0.2, minimumStep)
            self.init(lower: 0, upper: step * (1 / step).rounded(.up), step: step)
            return
        }
        let step = max(ValueScale.niceStep((high - low) / Double(max(targetTicks, 1))), minimumStep)
        self.init(lower: (low / step).rounded(.down) * step, upper: (high / step).rounded(.up) * step, step: step)
    }

    /// A fixed domain (0…100 for percentage stacks).
    init(lower: Double, upper: Double, step: Double) {
        self.lower = lower
        self.upper = upper
        self.step = step
        let ratio = ((upper - lower) / step).rounded()
        let count = ratio.isFinite ? Int(min(max(ratio, 1), 100)) : 1
        // Each tick from its index (no accumulated error), snapped to the step's decimals.
        let exponent = -log10(step) - 1e-9
        let decimals = exponent.isFinite ? max(0, Int(min(exponent, 400).rounded(.up))) : 0
        let snap = pow(10, Double(decimals))
        self.ticks = (0...count).map { index in
            let tick = lower + Double(index) * step
            let snapped = decimals <= 15 ? (tick * snap).rounded() / snap : tick
            return snapped == 0 ? 0 : snapped  // no "-0"
        }
        self.tickDecimals = decimals
    }

    /// Where `value` lies between lower (0) and upper (1).
    func fraction(_ value: Double) -> Double {
        (value - lower) / (upper - lower)
    }

    static func niceStep(_ raw: Double) -> Double {
        let magnitude = pow(10, log10(raw).rounded(.down))
        let residual = raw / magnitude
        let nice: Double = residual <= 1 ? 1 : residual <= 2 ? 2 : residual <= 5 ? 5 : 10
        return nice * magnitude
    }
}
