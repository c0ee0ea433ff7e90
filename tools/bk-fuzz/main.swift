// bk-fuzz: fuzz targets for every decoder that reads outside bytes (see FuzzTarget.swift).
//
//   tools/fuzz [SECONDS]            build with libFuzzer (-sanitize=fuzzer,address) and fuzz
//   bk-fuzz FILE_OR_DIR...          (plain build) replay inputs, e.g. Tests/FuzzCorpus: exit 0 if none crashes
import Foundation

#if FUZZING
// Built with -sanitize=fuzzer the Swift main below would shadow libFuzzer's; hand control to its driver.
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

var argc = CommandLine.argc
var argv = CommandLine.unsafeArgv
exit(runFuzzerDriver(&argc, &argv) { data, size in fuzzOneInput(data, size) })
#else

var files: [String] = []
for argument in CommandLine.arguments.dropFirst() {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory) else {
        FileHandle.standardError.write(Data("bk-fuzz: no such file \(argument)\n".utf8))
        exit(2)
    }
    if isDirectory.boolValue {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: argument)) ?? []
        files += names.sorted().map { "\(argument)/\($0)" }
    } else {
        files.append(argument)
    }
}
for file in files {
    let bytes = [UInt8](FileManager.default.contents(atPath: file) ?? Data())
    bytes.withUnsafeBytes { FuzzTarget.run($0) }
}
print("bk-fuzz: replayed \(files.count) inputs without a crash")
#endif
