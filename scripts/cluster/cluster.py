#!/usr/bin/env python3
"""Vitrine on several local instances behind nginx: the scenarios of Benchmarks/cluster/README.md.

    scripts/cluster/cluster.py hash          # (a) consistent hash vs round robin: renders per frame
    scripts/cluster/cluster.py kill          # (b) SIGKILL 1 of 3 mid-load, restart on the same cache
    scripts/cluster/cluster.py shared-cache  # (c) 3 instances writing one cache folder at once
    scripts/cluster/cluster.py scaling       # (d) 1 instance on 1 core vs 2 instances on 1 core each
    scripts/cluster/cluster.py ceiling       # nginx and instance requests/s on cached frames (wrk)
    scripts/cluster/cluster.py smoke         # short (a) + (b), used by `make test`
    scripts/cluster/cluster.py nginx-config --out DIR [--production] [--proxy-cache] [--round-robin]

Each scenario prints what it measured and ends with one JSON line (`RESULT {...}`). The binary is
$VITRINE_BINARY or .build/release/vitrine; assets default to assets/products. Everything started
is stopped by pid, and the temporary folders are removed unless --keep.
"""

import argparse
import hashlib
import http.client
import json
import os
import pathlib
import random
import shutil
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))

import cachecheck  # noqa: E402
from harness import (  # noqa: E402
    NGINX_DIR, REPO, Instance, Nginx, find_binary, http_get, load_average, make_workdir, metric_sum)
from load import drive  # noqa: E402


ALL_ASSETS = False


def catalogue(port):
    """Ids of the assets that import (the catalogue-wide request mix covers all of them)."""
    status, _, body = http_get(port, "/v1/assets")
    if status != 200:
        raise RuntimeError(f"/v1/assets answered {status}")
    return [a["id"] for a in json.loads(body)["assets"] if ALL_ASSETS or not a.get("error")]


def request_mix(distinct, passes, seed=7):
    """`passes` passes over the distinct frames, each in its own shuffled order (fixed seed), as
    shoppers ask for them: under round robin a frame's passes land on random instances."""
    generator = random.Random(seed)
    mix = []
    for _ in range(passes):
        order = list(distinct)
        generator.shuffle(order)
        mix += order
    return mix


def frame_paths(ids, frames_per_asset, size, yaw_offset=0.0, yaw_step=None):
    """Distinct frame URLs: `frames_per_asset` yaws of every asset, interleaved across assets."""
    step = yaw_step if yaw_step is not None else 360.0 / frames_per_asset
    paths = []
    for k in range(frames_per_asset):
        for asset in ids:
            yaw = round(yaw_offset + k * step, 2)
            query = urllib.parse.urlencode({"yaw": f"{yaw:g}", "w": size, "h": size, "format": "png"})
            paths.append(f"/v1/assets/{asset}/frame?{query}")
    return paths


class Cluster:
    """K instances (+ nginx) in one temporary folder; a context manager that stops them all."""

    def __init__(self, name, options, count, balance="hash", shared_cache=False, cpus=None, nginx_cpus=None,
                 access_log=True):
        self.options, self.workdir = options, make_workdir(name)
        binary = find_binary()
        shared = self.workdir / "cache-shared"
        self.instances = []
        for i in range(count):
            cache = shared if shared_cache else self.workdir / f"cache-{i}"
            self.instances.append(Instance(f"vitrine-{i}", binary, options.assets, cache, self.workdir,
                                           workers=options.workers, cpus=cpus[i] if cpus else None,
                                           nice=options.nice))
        self.nginx = Nginx(self.workdir, [i.address for i in self.instances], balance=balance,
                           keepalive=options.upstream_keepalive,
                           proxy_cache=options.proxy_cache, cpus=nginx_cpus,
                           access_log=access_log) if balance else None

    def __enter__(self):
        for instance in self.instances:
            instance.start(wait=False)
        for instance in self.instances:
            instance.wait_ready()
        if self.nginx:
            self.nginx.start()
        return self

    def __exit__(self, *exc):
        if self.nginx:
            self.nginx.stop()
        for instance in self.instances:
            instance.stop()
        if not self.options.keep:
            shutil.rmtree(self.workdir, ignore_errors=True)
        else:
            print(f"kept {self.workdir}")

    def renders(self):
        return [i.renders() for i in self.instances]


def report(name, result):
    print("RESULT " + json.dumps({"scenario": name, **result}, sort_keys=True))
    return result


# MARK: - (a) consistent hash vs round robin

def scenario_hash(options, balances=("hash", "round-robin")):
    results = {}
    for balance in balances:
        with Cluster(f"a-{balance}", options, options.instances, balance=balance) as cluster:
            ids = catalogue(cluster.instances[0].port)
            distinct = frame_paths(ids, options.frames_per_asset, options.size)
            mix = request_mix(distinct, options.passes)
            before = cluster.renders()
            load = drive(cluster.nginx.port, mix, options.concurrency)
            per_instance = [a - b for a, b in zip(cluster.renders(), before)]
            results[balance.replace("-", "_")] = {"assets": len(ids), "distinct_frames": len(distinct), "requests": len(mix),
                                "renders": sum(per_instance), "renders_per_instance": per_instance,
                                "renders_per_distinct_frame": round(sum(per_instance) / len(distinct), 2),
                                **load.summary()}
            print(f"{balance:12s} {len(distinct)} distinct frames, {len(mix)} requests: "
                  f"{sum(per_instance)} renders {per_instance}, failed {len(load.failures)}, "
                  f"{load.requests_per_second:.1f} req/s")
    return report("hash", results)


# MARK: - (b) SIGKILL one of three mid-load

def scenario_kill(options):
    with Cluster("b-kill", options, 3) as cluster:
        ids = catalogue(cluster.instances[0].port)
        distinct = frame_paths(ids, options.frames_per_asset, options.size)
        mix = request_mix(distinct, options.passes)
        kill_at = int(len(mix) * options.kill_at)
        killed = threading.Event()
        killed_after = {}

        chosen = {}
        kill_lock = threading.Lock()

        def busiest_instance():
            # The instance that has answered the most frames so far (the hash ring depends on the
            # instances' ports, so a fixed victim may own few or none of a small mix's frames).
            answered = {}
            for _, ups, _, _ in cluster.nginx.access_log():
                if ups:
                    answered[ups[-1]] = answered.get(ups[-1], 0) + 1
            best = max(cluster.instances, key=lambda i: answered.get(i.address, 0))
            return best if answered.get(best.address, 0) > 0 else None

        def on_answer(answer, done):
            # SIGKILL once past the mark, the instance that has answered the most frames.
            if done < kill_at or killed.is_set():
                return
            with kill_lock:
                target = None if killed.is_set() else busiest_instance()
                if target is None:
                    return
                killed.set()
                chosen["victim"] = target
                killed_after["answers"] = done
                killed_after["time"] = time.monotonic()
                target.kill()

        load = drive(cluster.nginx.port, mix, options.concurrency, on_answer=on_answer)
        if "victim" not in chosen:
            raise SystemExit("kill scenario: no instance had answered a frame when the load ended")
        victim = chosen["victim"]
        log = cluster.nginx.access_log()
        # Frames the victim answered before it died, and how the others covered for it.
        answered_by_victim = {uri for status, ups, _, uri in log if ups and ups[-1] == victim.address}
        retried = [e for e in log if len(e[1]) > 1]
        covered = [e for e in log if victim.address in e[1][:-1] and e[1][-1] != victim.address]
        victim_etags = {a.path: a.etag for a in load.answers if a.path in answered_by_victim}
        print(f"killed {victim.name} (pid {victim.process.pid}) after {killed_after.get('answers')} of "
              f"{len(mix)} answers; failed client requests: {len(load.failures)}; "
              f"{len(retried)} requests retried on another instance, {len(covered)} of them after trying the victim")

        # Restart on the same disk cache: its old frames come from disk, nothing is rendered.
        victim.start()
        before = victim.renders()
        tiers, same_etag = {}, 0
        for path in sorted(answered_by_victim):
            status, headers, _ = http_get(victim.port, path)
            tiers[f"{status} {headers.get('x-vitrine-cache')}"] = tiers.get(f"{status} {headers.get('x-vitrine-cache')}", 0) + 1
            same_etag += headers.get("etag") is not None and headers.get("etag") == victim_etags.get(path)
        renders_after_restart = victim.renders() - before
        print(f"restarted {victim.name}: {len(answered_by_victim)} of its old frames asked directly: {tiers}, "
              f"renders {renders_after_restart:g}, same ETag {same_etag}")

        # Back in the pool once nginx's fail_timeout (10 s) has passed: the whole mix once more.
        time.sleep(options.rejoin_wait)
        before_all = cluster.renders()
        again = drive(cluster.nginx.port, distinct, options.concurrency)
        rejoined = sum(1 for s, ups, _, uri in cluster.nginx.access_log()[len(log):] if ups and ups[-1] == victim.address)
        renders_rejoin = [a - b for a, b in zip(cluster.renders(), before_all)]
        print(f"after rejoining: {len(distinct)} requests, failed {len(again.failures)}, "
              f"{rejoined} answered by {victim.name}, renders per instance {renders_rejoin}")
        return report("kill", {
            "requests": len(mix), "distinct_frames": len(distinct), "killed_after_answers": killed_after.get("answers"),
            "failed": len(load.failures), "failures": [(a.path, a.status, a.error) for a in load.failures[:5]],
            "statuses": load.statuses, "retried_requests": len(retried), "covered_after_victim_tried": len(covered),
            "victim_frames_before_kill": len(answered_by_victim), "restart_answers": tiers,
            "restart_renders": renders_after_restart, "restart_same_etag": same_etag,
            "rejoin_requests": len(distinct), "rejoin_failed": len(again.failures),
            "rejoin_answered_by_victim": rejoined, "rejoin_renders_per_instance": renders_rejoin,
            "load": load.summary()})


# MARK: - (c) one cache folder, three writers

def scenario_shared_cache(options):
    with Cluster("c-shared", options, 3, balance=None, shared_cache=True) as cluster:
        ids = catalogue(cluster.instances[0].port)
        distinct = frame_paths(ids, options.frames_per_asset, options.size)
        # Each frame is asked of all three instances at the same moment (same key, three
        # concurrent writers), while the other threads write other keys.
        answers, lock = [], threading.Lock()
        tasks = [(instance, path) for path in distinct for instance in cluster.instances]

        def run(chunk):
            for instance, path in chunk:
                status, headers, body = http_get(instance.port, path)
                with lock:
                    answers.append((path, status, headers.get("etag"), body))

        per_thread = [tasks[k::options.concurrency] for k in range(options.concurrency)]
        threads = [threading.Thread(target=run, args=(chunk,)) for chunk in per_thread]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        renders = sum(cluster.renders())
        bodies = {}
        conflicting = 0
        for path, status, etag, body in answers:
            if status == 200 and etag:
                key, digest = etag.strip('"'), hashlib.sha256(body).hexdigest()
                conflicting += bodies.setdefault(key, digest) != digest
        statuses = {}
        for _, status, _, _ in answers:
            statuses[str(status)] = statuses.get(str(status), 0) + 1
        for instance in cluster.instances:
            instance.stop()
        check = cachecheck.check_directory(cluster.instances[0].cache_dir, bodies)
        self_test = cachecheck.self_test(cluster.instances[0].cache_dir, cluster.workdir / "self-test")
        print(f"checker self-test on damaged copies of one entry: {self_test}")
        print(f"{len(answers)} requests ({len(distinct)} keys x 3 instances at once): {statuses}, {renders:g} renders; "
              f"cache: {check['entries']} entries, {len(check['bad'])} bad, "
              f"{check['compared_with_client_bodies']} equal to the clients' bodies "
              f"({len(check['mismatched'])} not), {check['leftover_temporary_files']} temporary files left")
        # A fresh instance on the folder serves every frame from disk.
        fresh = cluster.instances[0]
        fresh.start()
        tiers = {}
        for path in distinct:
            status, headers, body = http_get(fresh.port, path)
            tier = f"{status} {headers.get('x-vitrine-cache')}"
            tiers[tier] = tiers.get(tier, 0) + 1
        corrupt = metric_sum(fresh.metrics(), "vitrine_cache_corrupt_total")
        print(f"fresh instance on the shared folder: {tiers}, renders {fresh.renders():g}, corrupt {corrupt:g}")
        return report("shared-cache", {
            "requests": len(answers), "statuses": statuses, "distinct_keys": len(distinct), "renders": renders,
            "bodies_differing_for_one_etag": conflicting, **check, "bad": check["bad"][:5],
            "fresh_instance_answers": tiers, "fresh_instance_renders": fresh.renders(),
            "fresh_instance_corrupt": corrupt, "checker_self_test": self_test})


# MARK: - (d) one core vs two cores

def scenario_scaling(options):
    """1 instance on core 0 vs 2 instances on cores 0 and 1, every request a cache miss.

    nginx and this client must run somewhere on a 2-core machine. With `--harness same` (the
    default) they are pinned to the instances' cores in both layouts (core 0, then cores 0-1), so
    each layout pays the same proxy + client CPU per frame out of its own cores; with `--harness
    free` they float over both cores (the 1-instance layout then gets a free second core for them,
    the 2-instance layout does not). nginx logs nothing and the client does not hash the bodies."""
    labels = ("1 instance x 1 core", "2 instances x 1 core")
    runs = {label: [] for label in labels}
    per_cpu = {label: [] for label in labels}
    utilisation = {label: [] for label in labels}
    harness_cpu = {label: [] for label in labels}
    split = {label: [] for label in labels}
    loads = []
    offset = 0.0
    everything = os.sched_getaffinity(0)
    for round_index in range(options.rounds):
        for label, cpus in zip(labels, (["0"], ["0", "1"])):
            pinned = ",".join(cpus) if options.harness == "same" else None
            with Cluster("d-scaling", options, len(cpus), balance=options.balance, cpus=cpus, nginx_cpus=pinned,
                         access_log=False) as cluster:
                ids = catalogue(cluster.instances[0].port)
                count = options.frames_per_core * len(cpus)
                # Distinct yaws 0.01 degree apart: every request is a cache miss of equal cost.
                paths = frame_paths(ids, count // len(ids) + 1, options.size, yaw_offset=offset, yaw_step=0.01)[:count]
                offset += 10.0
                renders_before = cluster.renders()
                cpu_before = [i.cpu_seconds() for i in cluster.instances]
                if pinned:
                    os.sched_setaffinity(0, {int(c) for c in cpus})  # the client threads inherit it
                try:
                    other_before = cluster.nginx.cpu_seconds() + sum(os.times()[:2])
                    load = drive(cluster.nginx.port, paths, options.concurrency_per_core * len(cpus), digest=False)
                    other = cluster.nginx.cpu_seconds() + sum(os.times()[:2]) - other_before
                finally:
                    os.sched_setaffinity(0, everything)
                cpu = sum(i.cpu_seconds() for i in cluster.instances) - sum(cpu_before)
                harness_cpu[label].append(round(1000 * other / count, 2))
                per_instance = [b - a for a, b in zip(renders_before, cluster.renders())]
                renders = sum(per_instance)
                split[label].append(per_instance)
                frames_per_second = renders / load.elapsed
                runs[label].append(round(frames_per_second, 3))
                per_cpu[label].append(round(renders / cpu, 3))
                utilisation[label].append(round(cpu / (load.elapsed * len(cpus)), 3))
                loads.append(round(load_average(), 2))
                print(f"round {round_index + 1} {label}: {renders:g} renders {per_instance} in {load.elapsed:.2f} s = "
                      f"{frames_per_second:.2f} frames/s, {renders / cpu:.2f} frames per instance CPU-second, "
                      f"pinned cores {100 * cpu / (load.elapsed * len(cpus)):.0f}% busy with vitrine, "
                      f"nginx + client {1000 * other / count:.2f} ms CPU a frame, "
                      f"failed {len(load.failures)}, load average {loads[-1]}")
    one, two = (statistics.median(runs[k]) for k in labels)
    cpu_one, cpu_two = (statistics.median(per_cpu[k]) for k in labels)
    ratios = [round(b / a, 3) for a, b in zip(*runs.values())]
    print(f"median frames/s: 1 core {one:.2f}, 2 cores {two:.2f}, ratio of medians {two / one:.2f}x "
          f"(per round {ratios}); frames per instance CPU-second: {cpu_one:.2f} vs {cpu_two:.2f} "
          f"(ratio {cpu_two / cpu_one:.3f}); balance {options.balance}, harness {options.harness}")
    return report("scaling", {"frames_per_second": runs, "median_one": one, "median_two": two,
                              "ratio_of_medians": round(two / one, 3), "ratios_per_round": ratios,
                              "frames_per_cpu_second": per_cpu, "pinned_core_utilisation": utilisation,
                              "nginx_and_client_cpu_ms_per_frame": harness_cpu, "renders_per_instance": split,
                              "balance": options.balance, "harness": options.harness,
                              "load_average_1min": loads, "size": options.size})


# MARK: - ceiling: requests/s of cached frames through nginx vs direct

def scenario_ceiling(options):
    wrk = shutil.which("wrk")
    if not wrk:
        raise SystemExit("wrk not found: apt-get install -y wrk")
    results = {}
    with Cluster("ceiling", options, 1) as cluster:
        ids = catalogue(cluster.instances[0].port)
        path = frame_paths(ids, 1, options.size)[0]
        http_get(cluster.nginx.port, path)  # render it once
        status, headers, body = http_get(cluster.nginx.port, path)
        for label, port in (("direct", cluster.instances[0].port), ("through nginx", cluster.nginx.port)):
            output = subprocess.run([wrk, "-t1", "-c16", f"-d{options.seconds}s", f"http://127.0.0.1:{port}{path}"],
                                    capture_output=True, text=True, check=True).stdout
            rate = float(next(line for line in output.splitlines() if line.startswith("Requests/sec")).split()[1])
            results[label] = rate
            print(f"{label}: {rate:.0f} requests/s of one cached {len(body)}-byte frame ({headers.get('x-vitrine-cache')})")
        results["frame_bytes"] = len(body)
    return report("ceiling", results)


# MARK: - the optional nginx cache tier

def scenario_proxy_cache(options):
    """deploy/nginx/proxy-cache.conf in front of one instance: repeats and revalidations are
    answered by nginx; the instance sees a frame once; health answers are never cached."""
    options.proxy_cache = True
    with Cluster("proxy-cache", options, 1) as cluster:
        instance = cluster.instances[0]
        path = frame_paths(catalogue(instance.port), 1, options.size, yaw_offset=3.33)[0]
        answers = [http_get(cluster.nginx.port, path) for _ in range(3)]
        etag = answers[0][1].get("etag")
        revalidation = http_get(cluster.nginx.port, path, headers={"If-None-Match": etag})
        health = [http_get(cluster.nginx.port, "/readyz")[1].get("x-cache-status") for _ in range(2)]
        frame_requests = metric_sum(instance.metrics(), "vitrine_http_requests_total", route="/v1/assets/{id}/frame")
        result = {"statuses": [a[0] for a in answers], "cache_status": [a[1].get("x-cache-status") for a in answers],
                  "same_body": len({a[2] for a in answers}) == 1, "etag_passed": bool(etag),
                  "cache_control": answers[0][1].get("cache-control"),
                  "revalidation": [revalidation[0], revalidation[1].get("x-cache-status")],
                  "instance_frame_requests": int(frame_requests), "instance_renders": instance.renders(),
                  "readyz_cache_status": health}
        print(f"proxy cache: {result}")
        return report("proxy-cache", result)


# MARK: - keep-alive contract

def scenario_keepalive(options):
    """What nginx's upstream keep-alive needs from an instance: after any answer, the connection
    either stays usable or the answer says `Connection: close` (nginx then does not reuse it).
    Otherwise nginx sends the next request into a closed connection, counts the instance as
    failed (max_fails) and retries the frame on another instance, which renders it again."""
    with Cluster("keepalive", options, 1, balance=None) as cluster:
        instance = cluster.instances[0]
        ids = catalogue(instance.port)
        results = []
        for label, path in (("rendered", frame_paths(ids, 1, options.size, yaw_offset=7.77)[0]),
                            ("memory", frame_paths(ids, 1, options.size, yaw_offset=7.77)[0]),
                            ("healthz", "/healthz")):
            connection = http.client.HTTPConnection("127.0.0.1", instance.port, timeout=30)
            connection.request("GET", path)
            response = connection.getresponse()
            response.read()
            says_close = (response.getheader("Connection") or "").lower() == "close"
            time.sleep(0.2)  # the instance has closed by now if it is going to
            try:
                connection.request("GET", "/healthz")
                reused = connection.getresponse().status == 200
            except (OSError, http.client.HTTPException):
                reused = False
            connection.close()
            results.append({"answer": label, "tier": response.getheader("X-Vitrine-Cache"),
                            "connection_close_header": says_close, "connection_reusable": reused,
                            "safe_for_keepalive": says_close or reused})
            print(f"{label}: Connection: close header {says_close}, connection reusable afterwards {reused}")
        return report("keepalive", {"answers": results, "safe": all(r["safe_for_keepalive"] for r in results)})


# MARK: - nginx configuration for `nginx -t`

def nginx_config(options):
    """Writes a checkable configuration under --out: the harness's (template) or the production one."""
    out = pathlib.Path(options.out)
    out.mkdir(parents=True, exist_ok=True)
    if options.production:
        # deploy/nginx as installed in /etc/nginx/vitrine/, with the paths moved under `out`.
        target = out / "vitrine"
        target.mkdir(exist_ok=True)
        for name in ("vitrine.conf", "vitrine-proxy.conf", "proxy-cache.conf"):
            text = (NGINX_DIR / name).read_text().replace("/etc/nginx/vitrine/", f"{target}/")
            text = text.replace("/var/cache/nginx/vitrine", str(out / "cache"))
            (target / name).write_text(text)
        cache = f"    include {target}/proxy-cache.conf;\n" if options.proxy_cache else ""
        temp = "".join(f"    {kind}_temp_path {out}/{kind};\n" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
        path = out / "nginx.conf"
        path.write_text(f"pid {out}/nginx.pid;\nerror_log {out}/error.log;\nevents {{}}\nhttp {{\n"
                        f"    access_log off;\n{temp}{cache}    include {target}/vitrine.conf;\n}}\n")
    else:
        servers = options.servers or ["127.0.0.1:18081", "127.0.0.1:18082", "127.0.0.1:18083"]
        nginx = Nginx(out, servers, balance="round-robin" if options.round_robin else "hash",
                      proxy_cache=options.proxy_cache, keepalive=options.upstream_keepalive)
        path = nginx.render()
    print(path)


def main():
    parser = argparse.ArgumentParser(description="Vitrine cluster scenarios on loopback.")
    parser.add_argument("scenario", choices=["hash", "kill", "shared-cache", "scaling", "ceiling", "smoke", "keepalive", "proxy-cache",
                                             "all", "nginx-config"])
    parser.add_argument("--binary", help="the vitrine executable (default: $VITRINE_BINARY, .build/release)")
    parser.add_argument("--assets", default=str(REPO / "assets" / "products"))
    parser.add_argument("--instances", type=int, default=3)
    parser.add_argument("--workers", type=int, default=1, help="render workers per instance")
    parser.add_argument("--size", type=int, default=256, help="frame width and height")
    parser.add_argument("--frames-per-asset", type=int, default=12)
    parser.add_argument("--passes", type=int, default=3, help="times the whole mix is asked for")
    parser.add_argument("--concurrency", type=int, default=6)
    parser.add_argument("--kill-at", type=float, default=0.3, help="fraction of answers before the SIGKILL")
    parser.add_argument("--rejoin-wait", type=float, default=11.0, help="seconds (> nginx fail_timeout)")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--frames-per-core", type=int, default=40)
    parser.add_argument("--concurrency-per-core", type=int, default=2)
    parser.add_argument("--seconds", type=int, default=5)
    parser.add_argument("--balance", choices=["hash", "least-conn", "round-robin"], default="hash",
                        help="scaling: nginx balancing (hash as shipped; every request is a miss either way)")
    parser.add_argument("--harness", choices=["same", "free"], default="same",
                        help="scaling: nginx + client pinned to the instances' cores (same) or floating (free)")
    parser.add_argument("--nice", type=int, default=0,
                        help="scheduling priority of the instances (negative: ahead of other work on a shared machine)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folders (logs, caches)")
    parser.add_argument("--out", help="nginx-config: output folder")
    parser.add_argument("--servers", nargs="*", help="nginx-config: upstream host:port list")
    parser.add_argument("--production", action="store_true", help="nginx-config: deploy/nginx/vitrine.conf")
    parser.add_argument("--proxy-cache", action="store_true")
    parser.add_argument("--round-robin", action="store_true")
    parser.add_argument("--no-upstream-keepalive", dest="upstream_keepalive", action="store_false",
                        help="nginx opens a connection per request to the instances (see the README)")
    options = parser.parse_args()
    if options.binary:
        os.environ["VITRINE_BINARY"] = options.binary
    if options.scenario == "nginx-config":
        return nginx_config(options)
    if options.scenario == "smoke":
        scenario_hash(options)
        scenario_kill(options)
        return
    scenarios = {"hash": [scenario_hash], "kill": [scenario_kill], "shared-cache": [scenario_shared_cache],
                 "scaling": [scenario_scaling], "ceiling": [scenario_ceiling], "keepalive": [scenario_keepalive], "proxy-cache": [scenario_proxy_cache],
                 "all": [scenario_hash, scenario_kill, scenario_shared_cache, scenario_scaling, scenario_ceiling]}
    for scenario in scenarios[options.scenario]:
        scenario(options)


if __name__ == "__main__":
    main()
