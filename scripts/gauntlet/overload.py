#!/usr/bin/env python3
"""Overload and soak run of `vitrine serve` (issue 8).

Starts the release build on the bundled assets with a bounded memory cache, disk cache and
queue, measures the capacity of uncached work (frames that miss the cache, try-on posts)
briefly, then for DURATION seconds offers that work at FACTOR x capacity (open loop, a new
connection per request) while wrk asks for cached frames at a steady rate on keep-alive
connections. Bars (exit status 1 when one fails):

  * every status is 200, 304 or 503, and every 503 carries Retry-After;
  * uncached work was shed (some 503) and still served (some 200);
  * cached-frame p99 (wrk) < CACHED_P99_MS while the uncached work is shed;
  * RSS (sampled every 10 s) stays under ready RSS + memory cache bound + RSS_CONSTANT_MIB,
    and plateaus: the peak of the second half is at most PLATEAU_MIB above the first half's.

Usage: scripts/gauntlet/overload.py [--duration 600] [--factor 2] [--port 18731]
       [--bin .build/release/vitrine] [--sanitizer-log DIR] [--wrapper 'valgrind ...']
The 10-minute run goes under the quiet-machine lock:
  flock /work/wt/quiet.lock scripts/gauntlet/overload.py --duration 600
"""

import argparse
import asyncio
import json
import os
import random
import re
import shlex
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
ALLOWED = {200, 304, 503}


def parse_args():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--duration", type=float, default=600, help="seconds of overload (default 600)")
    p.add_argument("--factor", type=float, default=2.0, help="offered uncached load / capacity")
    p.add_argument("--capacity-seconds", type=float, default=8, help="seconds per capacity probe")
    p.add_argument("--port", type=int, default=18731)
    p.add_argument("--bin", default=os.path.join(ROOT, ".build/release/vitrine"))
    p.add_argument("--asset", default="sneaker")
    p.add_argument("--side", type=int, default=256, help="uncached frame side in pixels")
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--queue-limit", type=int, default=16)
    p.add_argument("--memory-cache-mb", type=int, default=64)
    p.add_argument("--disk-cache-mb", type=int, default=128)
    p.add_argument("--tryon-share", type=float, default=0.25, help="share of try-on posts in the uncached mix")
    p.add_argument("--cached-rate", type=int, default=400, help="cached frames per second asked by wrk")
    p.add_argument("--cached-p99-ms", type=float, default=5.0)
    p.add_argument("--baseline-seconds", type=float, default=30, help="cached frames alone first (the peer)")
    p.add_argument("--rss-constant-mib", type=float, default=192.0)
    p.add_argument("--plateau-mib", type=float, default=24.0)
    p.add_argument("--wrapper", default="", help="command prefix for the server (e.g. valgrind ...)")
    p.add_argument("--server-args", default="", help="more `vitrine serve` flags (e.g. --lazy)")
    p.add_argument("--ready-timeout", type=float, default=120)
    p.add_argument("--fixed-rate", type=float, default=0, help="skip the capacity probe, offer this rate")
    p.add_argument("--no-bars", action="store_true", help="report only (leak runs under valgrind)")
    p.add_argument("--json", help="write the figures here")
    return p.parse_args()


def shared_photos():
    for base in [os.environ.get("VITRINE_SHARED", ""), os.path.join(ROOT, "../shared"), "/work/shared"]:
        if base and os.path.isfile(os.path.join(base, "photos/astronaut.png")):
            return os.path.join(base, "photos")
    return None


def tryon_body(photos, boundary):
    def part(name, data, filename=None):
        head = f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"'
        if filename:
            head += f'; filename="{filename}"\r\nContent-Type: application/octet-stream'
        return head.encode() + b"\r\n\r\n" + data + b"\r\n"

    with open(os.path.join(photos, "astronaut.png"), "rb") as f:
        photo = f.read()
    with open(os.path.join(photos, "astronaut.keypoints.json"), "rb") as f:
        keypoints = f.read()
    return (
        part("photo", photo, "astronaut.png")
        + part("keypoints", keypoints, "k.json")
        + part("garment", b"tshirt-stripes")
        + part("format", b"jpeg")
        + f"--{boundary}--\r\n".encode()
    )


class Server:
    """`vitrine serve` as a child process; its output goes to a log file."""

    def __init__(self, args, work):
        self.log_path = os.path.join(work, "serve.log")
        self.cache_dir = os.path.join(work, "cache")
        cmd = shlex.split(args.wrapper) + [
            args.bin, "serve", "--assets", os.path.join(ROOT, "assets"), "--port", str(args.port),
            "--cache-dir", self.cache_dir, "--workers", str(args.workers), "--queue-limit", str(args.queue_limit),
            "--memory-cache-mb", str(args.memory_cache_mb), "--disk-cache-mb", str(args.disk_cache_mb),
            "--log-level", "warning",
        ] + shlex.split(args.server_args)
        self.log = open(self.log_path, "wb")
        self.proc = subprocess.Popen(cmd, stdout=self.log, stderr=subprocess.STDOUT, cwd=ROOT)
        self.pid = self.proc.pid
        self.base = f"http://127.0.0.1:{args.port}"

    def wait_ready(self, timeout):
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.proc.poll() is not None:
                raise SystemExit(f"server exited early:\n{open(self.log_path).read()}")
            try:
                with urllib.request.urlopen(self.base + "/readyz", timeout=2) as r:
                    if r.status == 200:
                        return
            except Exception:
                pass
            time.sleep(0.2)
        raise SystemExit("server did not become ready")

    def server_pid(self):
        """The server's pid (the wrapper's child when a wrapper such as valgrind execs it)."""
        return self.pid

    def rss_mib(self):
        try:
            with open(f"/proc/{self.server_pid()}/status") as f:
                for line in f:
                    if line.startswith("VmRSS:"):
                        return int(line.split()[1]) / 1024
        except OSError:
            return None
        return None

    def open_files(self):
        try:
            return len(os.listdir(f"/proc/{self.server_pid()}/fd"))
        except OSError:
            return None

    def stop(self, timeout=120):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.log.close()
        return self.proc.returncode


async def http(port, method, path, body=b"", headers=None, timeout=60):
    """One request on a new connection: (status, headers dict, body bytes, seconds)."""
    start = time.perf_counter()
    reader, writer = await asyncio.wait_for(asyncio.open_connection("127.0.0.1", port), timeout)
    try:
        head = f"{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
        for k, v in (headers or {}).items():
            head += f"{k}: {v}\r\n"
        if body or method in ("POST", "PUT"):
            head += f"Content-Length: {len(body)}\r\n"
        writer.write(head.encode() + b"\r\n" + body)
        await writer.drain()
        raw = await asyncio.wait_for(reader.read(-1), timeout)
    finally:
        writer.close()
    elapsed = time.perf_counter() - start
    head, _, payload = raw.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    if not lines or len(lines[0].split()) < 2:
        return (0, {}, b"", elapsed)
    status = int(lines[0].split()[1])
    fields = {}
    for line in lines[1:]:
        if ":" in line:
            k, v = line.split(":", 1)
            fields[k.strip().lower()] = v.strip()
    return (status, fields, payload, elapsed)


class Tally:
    """Statuses, missing Retry-After and latencies of one kind of request."""

    def __init__(self):
        self.statuses = {}
        self.no_retry_after = 0
        self.errors = {}
        self.latencies = []

    def add(self, status, fields, elapsed):
        self.statuses[status] = self.statuses.get(status, 0) + 1
        if status == 503 and "retry-after" not in fields:
            self.no_retry_after += 1
        if status == 200:
            self.latencies.append(elapsed)

    def error(self, what):
        self.errors[what] = self.errors.get(what, 0) + 1

    def count(self):
        return sum(self.statuses.values())


class Uncached:
    """Frames that miss the cache (a new yaw each time) and try-on posts."""

    def __init__(self, args, body, boundary):
        self.args = args
        self.body = body
        self.boundary = boundary
        self.counter = random.randrange(36_000)
        self.frames = Tally()
        self.tryons = Tally()

    async def one(self, tryon):
        tally = self.tryons if tryon else self.frames
        try:
            if tryon:
                ctype = f"multipart/form-data; boundary={self.boundary}"
                result = await http(self.args.port, "POST", "/v1/tryon", self.body, {"Content-Type": ctype})
            else:
                # Yaw and pitch are keyed in hundredths of a degree: 36000 x 60 distinct frames,
                # far more than both cache tiers hold, so these miss.
                self.counter += 1
                yaw = (self.counter % 36_000) / 100
                pitch = (self.counter // 36_000) % 60 - 30
                side = self.args.side
                path = f"/v1/assets/{self.args.asset}/frame?w={side}&h={side}&yaw={yaw:.2f}&pitch={pitch}"
                result = await http(self.args.port, "GET", path)
        except asyncio.TimeoutError:
            tally.error("timeout")
            return
        except OSError as e:
            tally.error(type(e).__name__)
            return
        tally.add(result[0], result[1], result[3])

    async def closed_loop(self, tryon, concurrency, seconds):
        """Requests back to back on `concurrency` clients: successes per second."""
        tally = self.tryons if tryon else self.frames
        before = tally.statuses.get(200, 0)
        stop = time.perf_counter() + seconds

        async def client():
            while time.perf_counter() < stop:
                await self.one(tryon)

        await asyncio.gather(*(client() for _ in range(concurrency)))
        return (tally.statuses.get(200, 0) - before) / seconds

    async def open_loop(self, rate, seconds):
        """Starts `rate` requests a second (Poisson arrivals) for `seconds`, whatever comes back."""
        pending = set()
        start = time.perf_counter()
        next_at = start
        while next_at < start + seconds:
            now = time.perf_counter()
            if next_at > now:
                await asyncio.sleep(next_at - now)
            task = asyncio.ensure_future(self.one(random.random() < self.args.tryon_share if self.body else False))
            pending.add(task)
            task.add_done_callback(pending.discard)
            next_at += random.expovariate(rate)
        if pending:
            await asyncio.wait(pending, timeout=90)


WRK_SCRIPT = """
counts = {}
no_retry = 0
local threads = {}
function setup(thread) table.insert(threads, thread) end
function delay() return %(delay_ms)d end
function response(status, headers, body)
  counts[status] = (counts[status] or 0) + 1
  if status == 503 and headers["Retry-After"] == nil and headers["retry-after"] == nil then
    no_retry = no_retry + 1
  end
end
function done(summary, latency, requests)
  local total = {}
  local missing = 0
  for _, t in ipairs(threads) do
    local c = t:get("counts")
    for k, v in pairs(c) do total[k] = (total[k] or 0) + v end
    missing = missing + t:get("no_retry")
  end
  local parts = {}
  for k, v in pairs(total) do table.insert(parts, string.format('"%%d": %%d', k, v)) end
  io.write(string.format('WRKJSON {"statuses": {%%s}, "no_retry_after": %%d, "p50_us": %%d, "p90_us": %%d, ' ..
    '"p99_us": %%d, "p999_us": %%d, "max_us": %%d, "requests": %%d, "errors": %%d}\\n',
    table.concat(parts, ", "), missing, latency:percentile(50), latency:percentile(90), latency:percentile(99),
    latency:percentile(99.9), latency.max, summary.requests,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
"""


def start_wrk(args, work, path, seconds):
    """wrk on keep-alive connections for a cached frame, paced by delay() to about cached_rate/s."""
    connections = 4
    delay_ms = max(1, int(1000 * connections / args.cached_rate))
    script = os.path.join(work, "cached.lua")
    with open(script, "w") as f:
        f.write(WRK_SCRIPT % {"delay_ms": delay_ms})
    cmd = ["wrk", "-t1", f"-c{connections}", f"-d{int(seconds)}s", "--timeout", "10s", "-s", script,
           f"http://127.0.0.1:{args.port}{path}"]
    return subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def percentile(values, q):
    if not values:
        return None
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q / 100 * len(ordered)))]


def fetch(base, path):
    with urllib.request.urlopen(base + path, timeout=30) as r:
        return r.read()


def metric_lines(base, prefixes):
    text = fetch(base, "/metrics").decode()
    return [line for line in text.splitlines() if line.startswith(prefixes)]


def main():
    args = parse_args()
    photos = shared_photos()
    boundary = "vitrinegauntlet"
    body = tryon_body(photos, boundary) if photos else None
    if body is None:
        print("no ../shared/photos: try-on posts left out of the mix")
    work = tempfile.mkdtemp(prefix="vitrine-overload-")
    server = Server(args, work)
    failures = []
    figures = {"uptime_before": open("/proc/loadavg").read().split()[:3]}
    try:
        server.wait_ready(args.ready_timeout)
        base = server.base
        asset = json.loads(fetch(base, f"/v1/assets/{args.asset}"))
        cached_path = f"/v1/assets/{args.asset}/frame?w=512&h=512&yaw=35&v={asset['contentHash']}"
        fetch(base, cached_path)  # rendered once, then cached
        load = Uncached(args, body, boundary)

        # --- peer: the same cached stream with no other load from this script --------------
        if args.baseline_seconds > 0:
            out, _ = start_wrk(args, work, cached_path, args.baseline_seconds).communicate(timeout=args.baseline_seconds + 60)
            match = re.search(r"WRKJSON (.*)", out)
            figures["cached_alone"] = json.loads(match.group(1)) if match else out
            print("cached frames alone:", figures["cached_alone"], flush=True)

        # --- capacity ---------------------------------------------------------------------
        if args.fixed_rate > 0:
            capacity = args.fixed_rate / args.factor
        else:
            frames_rate = asyncio.run(load.closed_loop(False, args.workers, args.capacity_seconds))
            tryon_rate = asyncio.run(load.closed_loop(True, args.workers, args.capacity_seconds)) if body else 0
            share = args.tryon_share if body else 0
            capacity = 1 / ((1 - share) / frames_rate + (share / tryon_rate if share else 0))
            figures.update(capacity_frames_per_s=round(frames_rate, 2), capacity_tryon_per_s=round(tryon_rate, 2))
        figures["capacity_mix_per_s"] = round(capacity, 2)
        rate = capacity * args.factor
        figures["offered_per_s"] = round(rate, 2)
        print(f"capacity {capacity:.1f}/s (frames {figures.get('capacity_frames_per_s')}/s, try-on "
              f"{figures.get('capacity_tryon_per_s')}/s); offering {rate:.1f}/s for {args.duration:.0f} s", flush=True)
        load.frames, load.tryons = Tally(), Tally()  # the bars count the overload only

        ready_rss = server.rss_mib()
        figures["rss_ready_mib"] = round(ready_rss, 1)
        samples = []
        fd_samples = []
        stop_sampling = threading.Event()

        def sampler():
            start = time.time()
            while not stop_sampling.is_set():
                rss = server.rss_mib()
                if rss is not None:
                    samples.append((round(time.time() - start), round(rss, 1)))
                    fds = server.open_files()
                    fd_samples.append(fds)
                    print(f"  t={samples[-1][0]:4d}s RSS {rss:7.1f} MiB  open files {fds}  frames "
                          f"{load.frames.statuses}  try-on {load.tryons.statuses}", flush=True)
                stop_sampling.wait(10)

        thread = threading.Thread(target=sampler, daemon=True)
        thread.start()
        wrk = start_wrk(args, work, cached_path, args.duration)
        asyncio.run(load.open_loop(rate, args.duration))
        wrk_out, _ = wrk.communicate(timeout=120)
        stop_sampling.set()
        thread.join()
        samples.append((round(args.duration), round(server.rss_mib() or 0, 1)))

        # --- figures ----------------------------------------------------------------------
        match = re.search(r"WRKJSON (.*)", wrk_out)
        if not match:
            failures.append(f"wrk gave no summary:\n{wrk_out}")
            cached = {"statuses": {}, "no_retry_after": 0, "p99_us": 0, "p50_us": 0, "requests": 0}
        else:
            cached = json.loads(match.group(1))
        figures["cached"] = cached
        for name, tally in (("frames", load.frames), ("tryon", load.tryons)):
            figures[name] = {
                "statuses": tally.statuses, "no_retry_after": tally.no_retry_after, "errors": tally.errors,
                "p50_ms_200": round(1000 * (percentile(tally.latencies, 50) or 0), 1),
                "p99_ms_200": round(1000 * (percentile(tally.latencies, 99) or 0), 1),
            }
        figures["rss_samples"] = samples
        figures["open_files_samples"] = fd_samples
        figures["metrics"] = metric_lines(
            base, ("vitrine_pool_rejected", "vitrine_pool_dropped", "vitrine_cache_bytes", "vitrine_cache_disk",
                   "vitrine_cache_evicted", "vitrine_cache_hits", "vitrine_cache_corrupt"))

        # --- bars -------------------------------------------------------------------------
        statuses = {}
        for source in (cached["statuses"], load.frames.statuses, load.tryons.statuses):
            for k, v in source.items():
                statuses[int(k)] = statuses.get(int(k), 0) + v
        figures["statuses"] = statuses
        bad = {k: v for k, v in statuses.items() if k not in ALLOWED}
        if bad:
            failures.append(f"statuses other than 200/304/503: {bad}")
        errors = {**load.frames.errors, **load.tryons.errors}
        if errors or cached.get("errors"):
            failures.append(f"transport errors: {errors}, wrk errors {cached.get('errors')}")
        missing = cached["no_retry_after"] + load.frames.no_retry_after + load.tryons.no_retry_after
        if missing:
            failures.append(f"{missing} answers 503 without Retry-After")
        shed = load.frames.statuses.get(503, 0) + load.tryons.statuses.get(503, 0)
        served = load.frames.statuses.get(200, 0) + load.tryons.statuses.get(200, 0)
        if not shed or not served:
            failures.append(f"uncached work not both shed and served (503: {shed}, 200: {served})")
        p99 = cached["p99_us"] / 1000
        if p99 >= args.cached_p99_ms:
            failures.append(f"cached-frame p99 {p99:.2f} ms >= {args.cached_p99_ms} ms")
        bound = ready_rss + args.memory_cache_mb + args.rss_constant_mib
        figures["rss_bound_mib"] = round(bound, 1)
        peak = max(rss for _, rss in samples)
        half = len(samples) // 2
        first, second = max(r for _, r in samples[:half]), max(r for _, r in samples[half:])
        figures.update(rss_peak_mib=peak, rss_first_half_peak_mib=first, rss_second_half_peak_mib=second)
        if peak > bound:
            failures.append(f"RSS peak {peak:.0f} MiB > bound {bound:.0f} MiB")
        if second - first > args.plateau_mib:
            failures.append(f"RSS still growing: second-half peak {second:.0f} MiB vs first half {first:.0f} MiB")
    finally:
        code = server.stop()
        figures["exit_status"] = code
        figures["uptime_after"] = open("/proc/loadavg").read().split()[:3]
    if code != 0:
        failures.append(f"server exit status {code} after SIGTERM")
    log = open(server.log_path, errors="replace").read()
    figures["log_tail"] = log.splitlines()[-15:]
    if args.json:
        with open(args.json, "w") as f:
            json.dump(figures, f, indent=1)
    print(json.dumps({k: v for k, v in figures.items() if k not in ("rss_samples", "log_tail")}, indent=1))
    print("RSS samples (s, MiB):", figures.get("rss_samples"))
    if args.no_bars:
        print("bars not checked (--no-bars); server log:", server.log_path)
        return 0
    for failure in failures:
        print("FAIL:", failure)
    print("PASS" if not failures else f"{len(failures)} bar(s) failed", "- server log:", server.log_path)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
