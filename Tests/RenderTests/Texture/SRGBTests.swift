import Foundation
import Testing

@testable import Render

@Suite struct SRGBTests {
    @Test func eightBitRoundTripIsIdentity() {
        for k in 0...255 {
            #expect(SRGB.encode8(SRGB.decode8(UInt8(k))) == UInt8(k), "code \(k)")
        }
    }

    @Test func decodeMatchesTheTransferFunction() {
        #expect(SRGB.decode8(0) == 0)
        #expect(SRGB.decode8(255) == 1)
        #expect(abs(SRGB.decode8(10) - Float(10.0 / 255 / 12.92)) < 1e-7)
        #expect(abs(SRGB.decode8(128) - 0.215_861) < 1e-5)
    }

    @Test func encodeRoundsExactlyAgainstDoublePrecision() {
        // Every 997th float bit pattern in [2^-14, 1]: the code nearest in sRGB space.
        var bits: UInt32 = 0x3880_0000
        var checked = 0
        while bits <= 0x3F80_0000 {
            let x = Float(bitPattern: bits)
            let exact = Self.exactEncode(Double(x))
            let got = Double(SRGB.encode8(x))
            // Ties are impossible to hit exactly; allow the neighbour only within 1e-4 of a half.
            if abs(exact - exact.rounded(.down) - 0.5) > 1e-4 {
                #expect(got == exact.rounded(), "x = \(x)")
            }
            bits += 997
            checked += 1
        }
        #expect(checked > 10000)
    }

    @Test func encodeClampsOutOfRange() {
        #expect(SRGB.encode8(-1) == 0)
        #expect(SRGB.encode8(.nan) == 0)
        #expect(SRGB.encode8(1e-9) == 0)
        #expect(SRGB.encode8(1) == 255)
        #expect(SRGB.encode8(7) == 255)
        #expect(SRGB.encode8(.infinity) == 255)
    }

    /// 255 x the sRGB OETF, in double precision.
    static func exactEncode(_ x: Double) -> Double {
        let c = x <= 0.003_130_8 ? x * 12.92 : 1.055 * pow(x, 1 / 2.4) - 0.055
        return c * 255
    }
}
