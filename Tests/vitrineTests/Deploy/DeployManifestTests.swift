import Foundation
import Testing
import VitrineTestSupport

/// deploy/k8s against the Kubernetes OpenAPI schemas (kubernetes-validate, strict: unknown
/// fields are errors) and the references between the manifests; the Containerfile through
/// hadolint. Both tools are pinned PyPI packages in `.build/pyenv-deploy`.
@Suite struct DeployManifestTests {
    struct Report: Decodable {
        var documents: Int
        var kinds: [String]
        var errors: [String]
    }

    static let validator = "scripts/cluster/validate_manifests.py"

    func validate(_ directory: URL) throws -> (status: Int32, report: Report) {
        let result = try DeployTools.runPython(Self.validator, [directory.path])
        let report = try JSONDecoder().decode(Report.self, from: Data(result.stdout.utf8))
        return (result.status, report)
    }

    @Test func everyManifestMatchesTheKubernetesSchemas() throws {
        let (status, report) = try validate(Fixtures.repo("deploy/k8s"))
        #expect(report.errors == [])
        #expect(status == 0)
        let expectedKinds = [
            "ConfigMap", "Deployment", "HorizontalPodAutoscaler", "Ingress", "Job", "Namespace",
            "PersistentVolumeClaim", "PodDisruptionBudget", "Secret", "Service",
        ]
        #expect(report.kinds == expectedKinds)
        #expect(report.documents >= 13)
    }

    /// The check is real: a misspelt field, a missing claim and a shard count that disagrees with
    /// the Job's completions are each reported, with the file named.
    @Test(arguments: [
        ("deployment.yaml", "periodSeconds: 5", "periodSecond: 5", "Additional properties are not allowed"),
        ("deployment.yaml", "claimName: vitrine-cache", "claimName: vitrine-cach", "no PersistentVolumeClaim"),
        ("prerender-job.yaml", "completions: 8", "completions: 6", "--shard"),
        ("hpa.yaml", "averageUtilization: 70", "averageUtilization: \"70\"", "is not of type"),
    ])
    func brokenManifestsAreReported(file: String, original: String, broken: String, message: String) throws {
        let folder = try DeployTools.temporaryFolder("k8s")
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = Fixtures.repo("deploy/k8s")
        for name in try FileManager.default.contentsOfDirectory(atPath: source.path) {
            var text = try String(contentsOf: source.appendingPathComponent(name), encoding: .utf8)
            if name == file {
                #expect(text.contains(original), "\(file) no longer contains '\(original)': update this test")
                text = text.replacingOccurrences(of: original, with: broken)
            }
            try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        let (status, report) = try validate(folder)
        #expect(status == 1)
        #expect(report.errors.contains { $0.hasPrefix(file) && $0.contains(message) }, "\(report.errors)")
    }

    @Test func containerfilePassesHadolint() throws {
        let hadolint = try DeployTools.pythonBin.get().appendingPathComponent("hadolint")
        let result = try VitrineBinary.run(
            hadolint, ["--no-color", "--failure-threshold", "style", Fixtures.repo("Containerfile").path])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    }

    @Test func containerfileBuildsTheBinaryWithItsResources() throws {
        // What a reviewer checks by eye, pinned: multi-stage, Swift 6 build image, slim runtime with
        // the three C libraries, the resource bundle beside the binary, a non-root user.
        let text = try String(contentsOf: Fixtures.repo("Containerfile"), encoding: .utf8)
        let stages = text.split(separator: "\n").filter { $0.hasPrefix("FROM ") }
        #expect(stages.count == 2)
        #expect(stages.first?.contains("swift:6.") == true)
        #expect(stages.last?.contains("-slim") == true)
        for library in ["libpng16-16", "libjpeg62-turbo", "libdeflate0"] { #expect(text.contains(library)) }
        #expect(text.contains("vitrine_PreviewServer.resources"))
        #expect(text.contains("USER 10001"))
        // Every folder the image copies from the repository exists.
        for line in text.split(separator: "\n") where line.hasPrefix("COPY ") && !line.contains("--from") {
            let source = line.split(separator: " ")[1]
            #expect(FileManager.default.fileExists(atPath: Fixtures.repo(String(source)).path), "\(line)")
        }
    }
}
