import Foundation
import Testing

@testable import AssetGenerator

@Suite struct DMathTests {
    @Test func matchesTheSystemLibraryClosely() {
        for k in -400...400 {
            let x = Double(k) * 0.0371
            #expect(abs(DMath.sin(x) - Foundation.sin(x)) < 1e-14, "sin \(x)")
            #expect(abs(DMath.cos(x) - Foundation.cos(x)) < 1e-14, "cos \(x)")
            #expect(abs(DMath.atan2(x, 1.3) - Foundation.atan2(x, 1.3)) < 1e-14, "atan2 \(x)")
            #expect(abs(DMath.atan2(-1.1, x) - Foundation.atan2(-1.1, x)) < 1e-14, "atan2 \(x)")
            let y = abs(x) + 0.01
            #expect(abs(DMath.log(y) - Foundation.log(y)) < 1e-14 * max(1, abs(Foundation.log(y))), "log \(y)")
            #expect(abs(DMath.exp(x / 3) - Foundation.exp(x / 3)) < 1e-13 * Foundation.exp(x / 3), "exp \(x)")
            #expect(abs(DMath.pow(y, 0.6) - Foundation.pow(y, 0.6)) < 1e-13 * Foundation.pow(y, 0.6), "pow \(y)")
        }
    }

    @Test func exactCases() {
        #expect(DMath.sin(0.0) == 0 && DMath.cos(0.0) == 1)
        #expect(DMath.pow(2, 2) == 4 && DMath.pow(9, 0.5) == 3 && DMath.pow(5, 0) == 1)
        #expect(DMath.atan2(0, 0) == 0 && DMath.atan2(1, 0) == DMath.pi / 2)
        #expect(DMath.sin(Double.nan).isNaN)
    }
}
