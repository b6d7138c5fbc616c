import Testing

@testable import PreviewServer

@Suite struct AdmissionGateTests {
    @Test func admitsUpToTheLimitAndAgainAfterALeave() {
        let gate = AdmissionGate(limit: 2)
        #expect(gate.tryEnter())
        #expect(gate.tryEnter())
        #expect(!gate.tryEnter())
        #expect(gate.current == 2)
        gate.leave()
        #expect(gate.tryEnter())
        gate.leave()
        gate.leave()
        #expect(gate.current == 0)
        gate.leave()  // an extra leave never admits more than the limit
        #expect(gate.tryEnter() && gate.tryEnter() && !gate.tryEnter())
    }

    @Test func aLimitBelowOneAdmitsOne() {
        let gate = AdmissionGate(limit: 0)
        #expect(gate.limit == 1)
        #expect(gate.tryEnter())
        #expect(!gate.tryEnter())
    }
}
