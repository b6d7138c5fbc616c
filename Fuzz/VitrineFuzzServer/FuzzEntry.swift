import CFuzzMain
import Foundation
import FuzzServerHarness

/// The target this process fuzzes, from `VITRINE_FUZZ_TARGET` (`query` or `multipart`; read
/// once, libFuzzer calls the entry point millions of times).
let selectedTarget = ProcessInfo.processInfo.environment["VITRINE_FUZZ_TARGET"] ?? ""

/// libFuzzer's entry point for the service's request parsers. Thrown parser errors are the
/// expected outcome for junk; a crash, a sanitizer report, a hang, an out-of-memory or a
/// failed round trip (a `preconditionFailure`, so that libFuzzer saves the input) is a bug.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    switch selectedTarget {
    case "query":
        QueryFuzz.run(String(decoding: bytes, as: UTF8.self))
    case "multipart":
        do {
            _ = try MultipartReplay.multipart(bytes)
        } catch let error as MultipartReplay.RoundTripError {
            preconditionFailure("\(error)")
        } catch {}
    default:
        FileHandle.standardError.write(Data("set VITRINE_FUZZ_TARGET to query or multipart\n".utf8))
        exit(2)
    }
    return 0
}
