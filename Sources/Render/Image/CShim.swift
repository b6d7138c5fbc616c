/// Calls into the C shims (CPNG, CJPEG), which return 0 or a negative code and fill a message
/// buffer instead of longjmp-ing through Swift frames.
enum CShim {
    /// Size of the message buffer handed to C (the shims truncate longer messages).
    static let messageSize = 256

    /// Runs `body` with a zeroed message buffer and returns its result code and the message.
    @inline(__always)
    static func call(_ body: (UnsafeMutablePointer<CChar>, Int) throws -> Int32) rethrows -> (
        code: Int32, message: String
    ) {
        try withUnsafeTemporaryAllocation(of: CChar.self, capacity: messageSize) { buffer in
            buffer.initialize(repeating: 0)
            let code = try body(buffer.baseAddress!, messageSize)
            buffer[messageSize - 1] = 0
            return (code, String(cString: buffer.baseAddress!))
        }
    }
}
