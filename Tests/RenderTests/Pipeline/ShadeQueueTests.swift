import Testing

@testable import Render

@Suite struct ShadeQueueTests {
    @Test func sortByMaterialGroupsStablyInOrderOfFirstAppearance() {
        let queue = ShadeQueue(samples: 1, materials: 5)
        defer { queue.deallocate() }
        let materials: [Int32] = [3, 1, 3, 0, 1, 3, 4]
        for (i, m) in materials.enumerated() { queue.materials[i] = m }
        let runs = queue.sortByMaterial(materials.count)
        #expect(runs == 4)
        #expect((0..<materials.count).map { queue.order[$0] } == [0, 2, 5, 1, 4, 3, 6])
        #expect((0..<runs).map { queue.runEnds[$0] } == [3, 5, 6, 7])
        // Counts are left zeroed for the next tile.
        #expect((0..<5).allSatisfy { queue.materialCounts[$0] == 0 })
    }

    @Test func sortByMaterialOfATileCoveredByOneMaterialKeepsPixelOrder() {
        let queue = ShadeQueue(samples: 4, materials: 2)
        defer { queue.deallocate() }
        let count = queue.capacity
        for i in 0..<count { queue.materials[i] = 1 }
        #expect(queue.sortByMaterial(count) == 1)
        #expect(queue.runEnds[0] == Int32(count))
        #expect((0..<count).allSatisfy { queue.order[$0] == Int32($0) })
    }
}
