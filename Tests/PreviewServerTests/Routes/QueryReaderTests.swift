import Testing

@testable import PreviewServer

@Suite struct QueryReaderTests {
    private func yaw(_ text: String) throws -> Int {
        try QueryReader([("yaw", text)], allowed: ["yaw"]).hundredths("yaw", in: -3600...3600, default: 0)
    }

    @Test func decimalNumbersAreRead() throws {
        #expect(try yaw("30") == 3000)
        #expect(try yaw("-12.345") == -1235)
        #expect(try yaw("+1e2") == 10000)
        #expect(try yaw(".5") == 50)
    }

    /// Found by the hostile-request gauntlet: `Double(String)` reads through C's `strtod`, which
    /// stops at a NUL, so `yaw=1%00junk` rendered the frame for yaw 1 instead of a 400.
    @Test(arguments: ["1\0", "1\0junk", "0x1p3", "0x10", "nan", "inf", "Infinity", " 5", "5 ", "1_000", "١"])
    func anythingButDecimalNotationIsRefused(text: String) {
        #expect(throws: ParameterError.self) { try yaw(text) }
    }

    @Test func integersRefuseNULAndHexToo() {
        let reader = try? QueryReader([("w", "64\0"), ("h", "0x40")], allowed: ["w", "h"])
        #expect(throws: ParameterError.self) { try reader?.int("w", in: 16...2048, default: 512) }
        #expect(throws: ParameterError.self) { try reader?.int("h", in: 16...2048, default: 512) }
    }
}
