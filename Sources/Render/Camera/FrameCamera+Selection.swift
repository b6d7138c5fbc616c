import Foundation

extension FrameCamera {
    /// The camera a frame's options ask for.
    /// - Parameters:
    ///   - options: camera selection and image size.
    ///   - scene: the prepared scene (bounds and glTF cameras).
    ///   - sceneIndex: the glTF scene drawn.
    /// - Throws: ``RenderError/emptyScene(source:scene:)`` when an orbit camera has nothing to
    ///   frame, ``RenderError/cameraIndexOutOfRange(_:count:)``,
    ///   ``RenderError/cameraNotInScene(_:scene:)``, ``RenderError/invalidCamera(reason:)``.
    static func resolve(_ options: RenderOptions, scene: PreparedScene, sceneIndex: Int) throws -> FrameCamera {
        let (w, h) = (options.width, options.height)
        let camera: FrameCamera
        switch options.camera {
        case .orbit(let orbit):
            guard let bounds = scene.bounds(sceneIndex: sceneIndex) else {
                throw RenderError.emptyScene(source: scene.source, scene: sceneIndex)
            }
            guard orbit.yawDegrees.isFinite, orbit.pitchDegrees.isFinite else {
                throw RenderError.invalidOption(name: "yaw/pitch", reason: "must be finite numbers")
            }
            guard orbit.fovDegrees > 0, orbit.fovDegrees < 180 else {
                throw RenderError.invalidOption(name: "field of view", reason: "must be between 0 and 180 degrees")
            }
            guard orbit.zoom > 0, orbit.zoom.isFinite else {
                throw RenderError.invalidOption(name: "zoom", reason: "must be a positive number")
            }
            camera = OrbitFraming.camera(bounds: bounds, orbit: orbit, width: w, height: h)
        case .gltf(let index):
            guard scene.cameras.indices.contains(index) else {
                throw RenderError.cameraIndexOutOfRange(index, count: scene.cameras.count)
            }
            guard let node = scene.roots[sceneIndex].cameraNodes.first(where: { $0.camera == index }) else {
                throw RenderError.cameraNotInScene(index, scene: sceneIndex)
            }
            camera = try gltf(scene.cameras[index], world: node.worldMatrix, width: w, height: h)
        case .matrices(let view, let projection):
            camera = FrameCamera(view: view, projection: projection, width: w, height: h)
        }
        let vp = camera.viewProjection
        for column in [vp.c0, vp.c1, vp.c2, vp.c3] {
            guard column.x.isFinite, column.y.isFinite, column.z.isFinite, column.w.isFinite else {
                throw RenderError.invalidCamera(reason: "the view-projection matrix is not finite")
            }
        }
        guard vp.inverse != nil else {
            throw RenderError.invalidCamera(reason: "the view-projection matrix is singular")
        }
        return camera
    }

    /// A glTF camera at a node: the view is the inverse of the node's rigid transform (scale
    /// removed); the projection uses the image's aspect ratio (glTF's `aspectRatio` is ignored
    /// so that pixels stay square) and an infinite far plane when `zfar` is absent.
    static func gltf(_ camera: Camera, world: Matrix4, width: Int, height: Int) throws -> FrameCamera {
        let x = normalize(SIMD3(world.c0.x, world.c0.y, world.c0.z))
        let y0 = SIMD3(world.c1.x, world.c1.y, world.c1.z)
        let y = normalize(y0 - x * dot(x, y0))
        let z = cross(x, y)
        let eye = SIMD3(world.c3.x, world.c3.y, world.c3.z)
        guard length(x) > 0, length(y) > 0 else {
            throw RenderError.invalidCamera(reason: "the camera node's transform is degenerate")
        }
        let view = Matrix4(
            SIMD4(x.x, y.x, z.x, 0), SIMD4(x.y, y.y, z.y, 0), SIMD4(x.z, y.z, z.z, 0),
            SIMD4(-dot(x, eye), -dot(y, eye), -dot(z, eye), 1))
        let aspect = Float(width) / Float(height)
        let projection: Matrix4
        switch camera {
        case .perspective(_, let yfov, _, let znear, let zfar):
            guard yfov > 0, yfov < .pi, znear > 0 else {
                throw RenderError.invalidCamera(reason: "glTF perspective camera needs 0 < yfov < pi and znear > 0")
            }
            if let zfar, zfar > znear {
                projection = .perspective(yfov: yfov, aspect: aspect, near: znear, far: zfar)
            } else {
                let f = 1 / Foundation.tan(yfov / 2)
                projection = Matrix4(
                    SIMD4(f / aspect, 0, 0, 0), SIMD4(0, f, 0, 0), SIMD4(0, 0, -1, -1), SIMD4(0, 0, -2 * znear, 0))
            }
        case .orthographic(_, let xmag, let ymag, let znear, let zfar):
            guard xmag != 0, ymag != 0, zfar > znear else {
                throw RenderError.invalidCamera(
                    reason: "glTF orthographic camera needs non-zero xmag, ymag and zfar > znear")
            }
            // Keep square pixels: fit ymag, derive the x extent from the image aspect.
            let xm = abs(ymag) * aspect
            projection = Matrix4(
                SIMD4(1 / xm, 0, 0, 0), SIMD4(0, 1 / abs(ymag), 0, 0), SIMD4(0, 0, 2 / (znear - zfar), 0),
                SIMD4(0, 0, (zfar + znear) / (znear - zfar), 1))
        }
        return FrameCamera(view: view, projection: projection, width: width, height: height)
    }
}
