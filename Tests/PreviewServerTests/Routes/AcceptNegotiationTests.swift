import Testing

@testable import PreviewServer

@Suite struct AcceptNegotiationTests {
    @Test(
        arguments: [
            (nil, FrameFormat.png), ("", .png), ("image/jpeg", .jpeg), ("image/png", .png),
            ("image/png;q=0.5, image/jpeg", .jpeg), ("image/jpeg;q=0.4, image/png;q=0.8", .png),
            ("image/*", .png), ("text/html, */*;q=0.8", .png), ("image/webp,image/jpeg;q=0.9,*/*;q=0.1", .jpeg),
            ("garbage;;;q=zz", .png),
        ] as [(String?, FrameFormat)])
    func picksTheFormat(accept: String?, expected: FrameFormat) {
        #expect(AcceptNegotiation.format(for: accept) == expected)
    }
}
