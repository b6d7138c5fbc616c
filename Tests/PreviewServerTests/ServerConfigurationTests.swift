import PreviewServer
import Testing

@Suite struct ServerConfigurationTests {
    @Test func defaultsBindLoopback() {
        let config = ServerConfiguration()
        #expect(config.host == "127.0.0.1")
        #expect(config.port == 8080)
    }
}
