// bk-system: what tools/run needs to know about the system, from the one list in Swift
// (`DaemonName.system`), so that a shell script never keeps a second copy of it.
//
//   bk-system daemons     the system's daemon executables, one per line, in start order
import BKRPC

#if canImport(Glibc)
import Glibc
#endif

let arguments = CommandLine.arguments.dropFirst()
switch arguments.first {
case "daemons":
    for daemon in DaemonName.system { print("\(daemon.executableName) \(daemon.rawValue)") }
default:
    var message = "usage: bk-system daemons\n"
    message.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
    exit(2)
}
