import Testing

@testable import PreviewServer

@Suite struct URLSignerTests {
    let signer = URLSigner(key: "secret")

    @Test func aSignedURLVerifies() {
        let signed = signer.signed("/v1/assets/chair/frame?yaw=30&w=512")
        let (path, query) = URLSigner.split(signed)
        #expect(signer.isValid(path: path, rawQuery: query))
    }

    @Test func tamperingOrAnotherKeyFails() {
        let signed = signer.signed("/v1/assets/chair/frame?yaw=30&w=512")
        let (path, query) = URLSigner.split(signed)
        #expect(!signer.isValid(path: path, rawQuery: query.replacingOccurrences(of: "yaw=30", with: "yaw=31")))
        #expect(!signer.isValid(path: "/v1/assets/other/frame", rawQuery: query))
        #expect(!URLSigner(key: "other").isValid(path: path, rawQuery: query))
        #expect(!signer.isValid(path: path, rawQuery: "yaw=30&w=512"))
        #expect(!signer.isValid(path: path, rawQuery: query + "&sig=x"))
    }

    @Test func signatureIsKnownBase64URLOfHMACSHA256() {
        // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?".
        let sig = URLSigner(key: "Jefe").signature(path: "what do ya want for nothing?", query: "")
        #expect(sig == "W9zBRr9gdU5qBCQmCJV1x1oAPwidJzmDnexYuWTsOEM")
    }
}
