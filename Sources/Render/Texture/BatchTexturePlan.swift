/// How the batched path samples a material's textures, prepared once per material: the slots
/// that hold a texture (base colour first), the channels the material reads from each, and
/// groups of slots that read the same texel addresses (same UV set and transform, same texture
/// size and sampler: the usual glTF material has one group), so a group's level of detail,
/// addresses and weights are computed once per batch.
final class BatchTexturePlan: @unchecked Sendable {
    /// What a texture is for (the order of ``PreparedMaterial``'s slots).
    enum Role: Int, CaseIterable {
        case baseColor, metallicRoughness, normal, occlusion, emissive
        case sheenColor, sheenRoughness, clearcoat, clearcoatRoughness, clearcoatNormal
    }

    /// One texture to sample.
    struct Entry {
        /// The slot (UV set, transform) and its texture.
        let slot: TextureSlot
        let view: TextureView
        /// The channels the material reads.
        let channels: TexelChannels
        /// The group of entries with the same addresses (0, 1, ... in order of first entry).
        let group: Int
    }

    /// The entries, base colour first.
    let entries: UnsafeMutablePointer<Entry>
    /// Number of entries (0...10).
    let count: Int
    /// Index of each role's entry, -1 when the material has no texture there.
    let roleIndex: UnsafeMutablePointer<Int>
    /// The first entry of each group.
    let leaders: UnsafeMutablePointer<Int>
    /// Number of groups.
    let groupCount: Int

    /// Plans the textures of `slots` (role and slot; empty slots are skipped).
    init(_ slots: [(Role, TextureSlot)]) {
        let present = slots.filter { $0.1.view != nil }
        let entries = UnsafeMutablePointer<Entry>.allocate(capacity: max(present.count, 1))
        let roleIndex = UnsafeMutablePointer<Int>.allocate(capacity: Role.allCases.count)
        let leaders = UnsafeMutablePointer<Int>.allocate(capacity: max(present.count, 1))
        roleIndex.initialize(repeating: -1, count: Role.allCases.count)
        var groups = 0
        for (i, (role, slot)) in present.enumerated() {
            let earlier = (0..<i).first { slot.sharesAddress(with: entries[$0].slot) }
            let group = earlier.map { entries[$0].group } ?? groups
            if earlier == nil {
                leaders[groups] = i
                groups += 1
            }
            entries.advanced(by: i).initialize(
                to: Entry(slot: slot, view: slot.view!, channels: Self.channels(role), group: group))
            roleIndex[role.rawValue] = i
        }
        self.entries = entries
        self.roleIndex = roleIndex
        self.leaders = leaders
        count = present.count
        groupCount = groups
    }

    deinit {
        entries.deinitialize(count: count)
        entries.deallocate()
        roleIndex.deallocate()
        leaders.deallocate()
    }

    /// The channels a role reads (glTF: occlusion R, metallic B and roughness G, sheen roughness
    /// A, clearcoat R, clearcoat roughness G).
    static func channels(_ role: Role) -> TexelChannels {
        switch role {
        case .baseColor: return .all
        case .metallicRoughness: return [.g, .b]
        case .occlusion, .clearcoat: return .r
        case .clearcoatRoughness: return .g
        case .sheenRoughness: return .a
        case .normal, .emissive, .sheenColor, .clearcoatNormal: return .rgb
        }
    }
}
