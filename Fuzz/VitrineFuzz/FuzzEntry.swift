import CFuzzMain
import Foundation
import Render

/// The target this process fuzzes, from `VITRINE_FUZZ_TARGET` (read once; libFuzzer calls the
/// entry point millions of times).
let selectedTarget: FuzzTarget? = ProcessInfo.processInfo.environment["VITRINE_FUZZ_TARGET"]
    .flatMap(FuzzTarget.init(rawValue:))

/// libFuzzer's entry point: feeds one input to the selected parser. Thrown errors are the
/// expected outcome for junk; a crash, a sanitizer report, a hang or an out-of-memory is a bug.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let target = selectedTarget else {
        let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ")
        FileHandle.standardError.write(Data("set VITRINE_FUZZ_TARGET to one of: \(names)\n".utf8))
        exit(2)
    }
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    target.run(bytes)
    return 0
}
