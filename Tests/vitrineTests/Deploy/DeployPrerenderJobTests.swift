import Foundation
import Testing
import VitrineTestSupport

/// deploy/k8s/prerender-job.yaml runs: its catalogue (the ConfigMap) and its container arguments,
/// with the pod's paths mapped to a temporary folder, are given to the built `vitrine prerender`
/// once per completion index, as the Indexed Job's pods would run them. Every shard must succeed,
/// the shards together render every frame exactly once, and the manifests get written.
@Suite struct DeployPrerenderJobTests {
    struct JobSpec: Decodable {
        var catalogue: String
        var args: [String]
        var completions: Int
    }

    static let extract = """
        import json, sys, yaml
        documents = list(yaml.safe_load_all(open(sys.argv[1])))
        config = next(d for d in documents if d["kind"] == "ConfigMap")
        job = next(d for d in documents if d["kind"] == "Job")
        container = job["spec"]["template"]["spec"]["containers"][0]
        print(json.dumps({"catalogue": config["data"]["catalogue.json"], "args": container["args"],
                          "completions": job["spec"]["completions"]}))
        """

    struct Summary: Decodable {
        var frames: Int
        var rendered: Int
        var failed: Int
        var manifests: Int
    }

    @Test func theJobsShardsRenderTheCatalogueOnce() throws {
        let binary = try #require(DeployTools.binary, "build the vitrine binary first")
        let python = try DeployTools.pythonBin.get().appendingPathComponent("python")
        let extracted = try VitrineBinary.run(
            python, ["-c", Self.extract, Fixtures.repo("deploy/k8s/prerender-job.yaml").path])
        try #require(extracted.status == 0, "\(extracted.stderr)")
        let job = try JSONDecoder().decode(JobSpec.self, from: Data(extracted.stdout.utf8))

        // The pod's file system: /srv/vitrine/{catalogue,assets}, /var/cache/vitrine-prerender.
        let root = try DeployTools.temporaryFolder("prerender-job")
        defer { try? FileManager.default.removeItem(at: root) }
        let srv = root.appendingPathComponent("srv/vitrine")
        try FileManager.default.createDirectory(
            at: srv.appendingPathComponent("catalogue"), withIntermediateDirectories: true)
        try job.catalogue.write(
            to: srv.appendingPathComponent("catalogue/catalogue.json"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(
            at: srv.appendingPathComponent("assets"), withDestinationURL: Fixtures.repo("assets"))
        let out = root.appendingPathComponent("var/cache/vitrine-prerender")
        var summaries: [Summary] = []
        for index in 0..<job.completions {
            let arguments = job.args.map {
                $0.replacingOccurrences(of: "/srv/vitrine", with: srv.path)
                    .replacingOccurrences(of: "/var/cache/vitrine-prerender", with: out.path)
                    .replacingOccurrences(of: "$(JOB_COMPLETION_INDEX)", with: "\(index)")
            }
            #expect(arguments.first == "prerender")
            #expect(arguments.contains("\(index)/\(job.completions)"))
            let result = try VitrineBinary.run(binary, arguments + ["--json", "--quiet"])
            try #require(result.status == 0, "\(arguments)\n\(result.stdout)\n\(result.stderr)")
            summaries.append(try JSONDecoder().decode(Summary.self, from: Data(result.stdout.utf8)))
        }
        let frames = summaries.map(\.frames).reduce(0, +)
        #expect(frames > 0)
        #expect(summaries.map(\.rendered).reduce(0, +) == frames)
        #expect(summaries.allSatisfy { $0.failed == 0 && $0.frames > 0 })
        #expect(summaries.map(\.manifests).reduce(0, +) == 2)
        let manifests = FileManager.default.enumerator(atPath: out.path)?.compactMap { $0 as? String }
            .filter { $0.hasSuffix("/manifest.json") }
        #expect(manifests?.count == 2, "\(manifests ?? [])")
    }
}
