// bk-protogen: reads the FileDescriptorSet that protoc writes and emits, for every message, a Swift value
// type and its bridge to the protobuf-c struct; for every service, its server protocol, policy table and
// typed client. Run through tools/generate-protos, not by hand.
//
// The gateway's HTTP routes and OpenAPI document come from the google.api.http annotations (proto/HTTP.md).
//
// Usage: bk-protogen DESCRIPTOR_SET MESSAGES_DIR SERVICES_DIR GATEWAY_DIR

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

func fail(_ message: String) -> Never {
    var line = "bk-protogen: \(message)\n"
    line.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
    exit(1)
}

func readFile(_ path: String) -> [UInt8] {
    guard let file = fopen(path, "rb") else { fail("cannot open \(path)") }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 65536)
    while true {
        let count = fread(&chunk, 1, chunk.count, file)
        if count == 0 { break }
        bytes += chunk[0..<count]
    }
    return bytes
}

func writeFile(_ path: String, _ text: String) {
    guard let file = fopen(path, "wb") else { fail("cannot write \(path)") }
    defer { fclose(file) }
    var text = text
    text.withUTF8 { _ = fwrite($0.baseAddress, 1, $0.count, file) }
}

let arguments = CommandLine.arguments
guard arguments.count == 5 else { fail("usage: bk-protogen DESCRIPTOR_SET MESSAGES_DIR SERVICES_DIR GATEWAY_DIR") }
/// Files in the set only for their options: protoc-c compiles them, no Swift type is made for them.
let optionsOnly: Set<String> = ["google/protobuf/descriptor.proto", "google/api/annotations.proto", "google/api/http.proto"]
do {
    let files = try readDescriptorSet(readFile(arguments[1])).filter { !optionsOnly.contains($0.name) }
    let emitter = try Emitter(files: files)
    let gateway = GatewayEmitter(emitter: emitter, files: files)
    writeFile("\(arguments[4])/APIRoutes.swift", try gateway.emitRoutes())
    writeFile("\(arguments[4])/OpenAPIDocument.swift", try gateway.emitOpenAPI())
    for file in files {
        let name = file.name.replacingSuffix(".proto", with: "").split(separator: "/").joined(separator: "_")
        writeFile("\(arguments[2])/\(name).pb.swift", try emitter.emit(file))
        if let services = try emitter.emitServices(file) {
            writeFile("\(arguments[3])/\(name).services.swift", services)
        }
    }
} catch {
    fail("\(error)")
}

extension String {
    func replacingSuffix(_ suffix: String, with replacement: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) + replacement : self
    }
}
