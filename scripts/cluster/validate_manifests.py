#!/usr/bin/env python3
"""Checks the Kubernetes manifests of deploy/k8s.

1. Every document of every *.yaml file (but kustomization.yaml) against the Kubernetes
   OpenAPI schemas, strictly (unknown fields are errors), with the PyPI package
   kubernetes-validate.
2. The references between them: ConfigMaps, Secrets and claims named by pods exist, the
   Service and PodDisruptionBudget select the Deployment's pods, probes name a declared
   port, the HPA scales the Deployment, the Job's shard count equals its completions,
   kustomization.yaml lists files that exist and every manifest but the optional ones.

Usage: validate_manifests.py [DIR] [--kubernetes-version 1.33.0]
Prints one JSON object: {"documents": N, "errors": [...]}; exits 1 when there are errors.
"""

import argparse
import json
import pathlib
import re
import sys

import kubernetes_validate
import yaml

# Applied by hand, not by `kubectl apply -k`: the Secret holds real keys, the Job runs on demand.
OPTIONAL = {"secret.example.yaml", "prerender-job.yaml"}


def load(directory):
    documents = []
    for path in sorted(directory.glob("*.yaml")):
        if path.name == "kustomization.yaml":
            continue
        for document in yaml.safe_load_all(path.read_text()):
            if document is not None:
                documents.append((path.name, document))
    return documents


def schema_errors(documents, version):
    errors = []
    for name, document in documents:
        kind = document.get("kind", "?")
        try:
            kubernetes_validate.validate(document, version, strict=True)
        except kubernetes_validate.ValidationError as error:
            where = "/".join(str(p) for p in error.path)
            errors.append(f"{name}: {kind}: {where}: {error.message}")
        except (kubernetes_validate.SchemaNotFoundError, kubernetes_validate.InvalidSchemaError) as error:
            errors.append(f"{name}: {kind}: no schema: {error}")
    return errors


def pod_specs(documents):
    """(file, owner, labels, pod spec) of each Deployment and Job."""
    for name, document in documents:
        if document.get("kind") in ("Deployment", "Job"):
            template = document["spec"]["template"]
            yield name, document, template.get("metadata", {}).get("labels", {}), template["spec"]


def reference_errors(documents):
    errors = []
    names = {(d.get("kind"), d["metadata"]["name"]) for _, d in documents}
    for name, owner, labels, spec in pod_specs(documents):
        where = f"{name}: {owner['kind']} {owner['metadata']['name']}"
        for volume in spec.get("volumes", []):
            if "persistentVolumeClaim" in volume:
                claim = volume["persistentVolumeClaim"]["claimName"]
                if ("PersistentVolumeClaim", claim) not in names:
                    errors.append(f"{where}: volume {volume['name']}: no PersistentVolumeClaim {claim}")
            if "configMap" in volume and ("ConfigMap", volume["configMap"]["name"]) not in names:
                errors.append(f"{where}: volume {volume['name']}: no ConfigMap {volume['configMap']['name']}")
        volume_names = {v["name"] for v in spec.get("volumes", [])}
        for container in spec["containers"]:
            for mount in container.get("volumeMounts", []):
                if mount["name"] not in volume_names:
                    errors.append(f"{where}: mount {mount['name']} names no volume")
            for source in container.get("envFrom", []):
                for kind, key in (("ConfigMap", "configMapRef"), ("Secret", "secretRef")):
                    if key in source and (kind, source[key]["name"]) not in names:
                        errors.append(f"{where}: envFrom: no {kind} {source[key]['name']}")
            ports = {p.get("name") for p in container.get("ports", [])} | {
                p["containerPort"] for p in container.get("ports", [])
            }
            for probe in ("startupProbe", "readinessProbe", "livenessProbe"):
                port = container.get(probe, {}).get("httpGet", {}).get("port")
                if port is not None and port not in ports:
                    errors.append(f"{where}: {probe} port {port} is not a declared container port")
            if owner["kind"] == "Job" and owner["spec"].get("completionMode") == "Indexed":
                arguments = container.get("args", [])
                if "--shard" in arguments:
                    shard = arguments[arguments.index("--shard") + 1]
                    match = re.fullmatch(r"\$\(JOB_COMPLETION_INDEX\)/(\d+)", shard)
                    if not match or int(match.group(1)) != owner["spec"]["completions"]:
                        errors.append(f"{where}: --shard {shard} must be $(JOB_COMPLETION_INDEX)/completions")
                    declared = {e["name"] for e in container.get("env", [])}
                    if "JOB_COMPLETION_INDEX" not in declared:
                        errors.append(f"{where}: $(JOB_COMPLETION_INDEX) expands only when declared in env")
    deployments = {d["metadata"]["name"]: labels for _, d, labels, _ in pod_specs(documents) if d["kind"] == "Deployment"}
    for name, document in documents:
        kind = document.get("kind")
        if kind == "Service" or kind == "PodDisruptionBudget":
            selector = document["spec"]["selector"]
            selector = selector.get("matchLabels", selector) if kind == "PodDisruptionBudget" else selector
            if not any(selector.items() <= labels.items() for labels in deployments.values()):
                errors.append(f"{name}: {kind} selector {selector} matches no Deployment's pods")
        if kind == "HorizontalPodAutoscaler":
            target = document["spec"]["scaleTargetRef"]
            if target["kind"] != "Deployment" or target["name"] not in deployments:
                errors.append(f"{name}: scaleTargetRef {target} is not a Deployment here")
        if kind == "Ingress":
            for rule in document["spec"].get("rules", []):
                for path in rule["http"]["paths"]:
                    service = path["backend"]["service"]["name"]
                    if ("Service", service) not in names:
                        errors.append(f"{name}: backend Service {service} does not exist")
    return errors


def kustomization_errors(directory):
    path = directory / "kustomization.yaml"
    if not path.exists():
        return ["kustomization.yaml is missing"]
    listed = set(yaml.safe_load(path.read_text()).get("resources", []))
    files = {p.name for p in directory.glob("*.yaml")} - {"kustomization.yaml"}
    errors = [f"kustomization.yaml lists {name}, which does not exist" for name in sorted(listed - files)]
    errors += [f"kustomization.yaml does not list {name}" for name in sorted(files - listed - OPTIONAL)]
    return errors


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    default = pathlib.Path(__file__).resolve().parents[2] / "deploy" / "k8s"
    parser.add_argument("directory", nargs="?", type=pathlib.Path, default=default)
    parser.add_argument("--kubernetes-version", default="1.33.0")
    options = parser.parse_args()
    documents = load(options.directory)
    errors = schema_errors(documents, options.kubernetes_version)
    if not errors:
        errors = reference_errors(documents)
    errors += kustomization_errors(options.directory)
    print(json.dumps({"documents": len(documents), "kinds": sorted({d["kind"] for _, d in documents}), "errors": errors}))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
