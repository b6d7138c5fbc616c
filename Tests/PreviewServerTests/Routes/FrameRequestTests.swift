import Testing

@testable import PreviewServer

@Suite struct FrameRequestTests {
    private func parse(_ query: [(String, String)], accept: FrameFormat = .png) throws -> FrameRequest {
        try FrameRequest(
            query: QueryReader(query, allowed: FrameRequest.parameterNames), maxSide: 2048, defaultSide: 512,
            environments: ["studio", "sunset"], acceptedFormat: accept)
    }

    @Test func noParametersGiveTheDefaultProductShot() throws {
        let request = try parse([])
        #expect(request == FrameRequest())
        #expect(request.width == 512 && request.height == 512 && request.samples == 4)
        #expect(request.renderOptions.background == .transparent)
    }

    @Test func equalPicturesGetEqualCanonicalText() throws {
        #expect(try parse([("yaw", "30")]).canonical == parse([("yaw", "30.001")]).canonical)
        #expect(try parse([("yaw", "-90")]).canonical == parse([("yaw", "270")]).canonical)
        #expect(try parse([("yaw", "755")]).canonical == parse([]).canonical)  // 35°: the three-quarter view
        #expect(try parse([("quality", "50")]).canonical == parse([]).canonical)  // PNG has no quality
        #expect(try parse([("format", "jpeg"), ("quality", "50")]).canonical != parse([("format", "jpeg")]).canonical)
        #expect(try parse([("bg", "#FFFFFF")]).canonical == parse([("bg", "ffffffff")]).canonical)
    }

    @Test func jpegHasNoTransparency() throws {
        #expect(try parse([("format", "jpeg")]).background == "ffffffff")
        #expect(try parse([], accept: .jpeg).background == "ffffffff")
        #expect(try parse([("format", "jpeg"), ("bg", "10203040")]).background == "102030ff")
    }

    @Test(arguments: [
        ("w", "5000", "16...2048"), ("w", "0", "16...2048"), ("h", "-1", "16...2048"), ("w", "12abc", "integer"),
        ("yaw", "nan", "finite"), ("yaw", "inf", "finite"), ("yaw", "1e300", "finite"), ("pitch", "90", "-89...89"),
        ("quality", "101", "1...100"), ("aa", "3", "1, 2, 4, 8"), ("exposure", "11", "-10...10"),
        ("format", "gif", "png, jpeg"), ("bg", "red", "RRGGBB"), ("env", "moon", "studio, sunset"),
        ("zoom", "0", "0.25...8"), ("variant", String(repeating: "x", count: 65), "variant"),
    ])
    func outOfRangeParametersNameThemselvesAndTheirRange(name: String, value: String, expected: String) {
        do {
            _ = try parse([(name, value)])
            Issue.record("\(name)=\(value) was accepted")
        } catch let error as ParameterError {
            #expect(error.description.contains("'\(name)'"))
            #expect(error.description.contains(expected))
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func unknownAndRepeatedParametersAreRefused() {
        #expect(throws: ParameterError.self) { try parse([("width", "5")]) }
        #expect(throws: ParameterError.repeated(name: "w")) { try parse([("w", "64"), ("w", "65")]) }
    }

    @Test func turntableCellsStepYawAndSpreadRows() throws {
        let query = try QueryReader([("frames", "4"), ("rows", "3")], allowed: TurntableRequest.parameterNames)
        let sheet = try TurntableRequest(
            query: query, maxSide: 2048, maxSheetPixels: 1 << 24, environments: ["studio"], acceptedFormat: .png)
        #expect(sheet.base.width == 256)
        #expect((0..<4).map { sheet.cell(column: $0, row: 1).yawHundredths } == [0, 9000, 18000, 27000])
        #expect((0..<3).map { sheet.cell(column: 0, row: $0).pitchHundredths } == [-500, 1500, 3500])
    }

    @Test func oversizedSheetsAreRefused() throws {
        let query = try QueryReader(
            [("frames", "72"), ("rows", "5"), ("w", "2048"), ("h", "2048")], allowed: TurntableRequest.parameterNames)
        #expect(throws: ParameterError.self) {
            try TurntableRequest(
                query: query, maxSide: 2048, maxSheetPixels: 24 << 20, environments: ["studio"], acceptedFormat: .png)
        }
    }
}
