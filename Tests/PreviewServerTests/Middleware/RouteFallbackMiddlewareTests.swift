import HTTPTypes
import Hummingbird
import Testing

@testable import PreviewServer

@Suite struct RouteFallbackMiddlewareTests {
    private let middleware = RouteFallbackMiddleware<BasicRequestContext>(routes: [
        ("/", .get), ("/v1/assets", .get), ("/v1/assets/{id}", .get), ("/v1/assets/{id}", .put),
        ("/v1/assets/{id}", .delete), ("/v1/assets/{id}/frame", .get), ("/v1/tryon", .post),
    ])

    @Test func templatesMatchTheirPathsWithAnyOneComponentForAParameter() {
        #expect(middleware.allowedMethods(path: "/") == [.get, .head])
        #expect(middleware.allowedMethods(path: "/v1/assets") == [.get, .head])
        #expect(Set(middleware.allowedMethods(path: "/v1/assets/chair") ?? []) == [.get, .head, .put, .delete])
        #expect(middleware.allowedMethods(path: "/v1/assets/%2e%2e/frame") == [.get, .head])
        #expect(middleware.allowedMethods(path: "/v1/tryon") == [.post])
    }

    @Test func otherPathsMatchNothing() {
        #expect(middleware.allowedMethods(path: "/v1/assets/chair/frame/extra") == nil)
        #expect(middleware.allowedMethods(path: "/v1/assets//frame") == nil)
        #expect(middleware.allowedMethods(path: "/v2/assets") == nil)
        #expect(middleware.allowedMethods(path: "/v1/garments") == nil)
    }
}
