import Foundation

/// Figures for benchmarks (tools/): latencies in microseconds and process CPU from /proc.
public enum Measurements {
    public static func microseconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1e6 + Double(duration.components.attoseconds) / 1e12
    }

    public static func seconds(_ duration: Duration) -> Double { microseconds(duration) / 1e6 }

    /// p50 and p99 of `values` (sorted in place).
    public static func percentiles(_ values: inout [Double]) -> (p50: Double, p99: Double) {
        guard !values.isEmpty else { return (0, 0) }
        values.sort()
        return (values[values.count / 2], values[min(values.count - 1, values.count * 99 / 100)])
    }

    /// utime + stime of a process, in microseconds.
    public static func cpuMicroseconds(_ pid: Int32) -> Double {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return 0 }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        // After the command name: utime and stime are fields 14 and 15 (1-based), indices 11 and 12 here.
        guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return 0 }
        return (user + system) * 1e6 / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    public static func residentKiB(_ pid: Int32) -> Int {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") {
            return Int(line.split(separator: " ")[1]) ?? 0
        }
        return 0
    }
}
