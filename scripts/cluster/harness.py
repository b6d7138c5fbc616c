"""Local cluster harness: K `vitrine serve` instances and one nginx on loopback.

Everything it starts gets its own free port and its own temporary folder, and is stopped by
its process id (SIGTERM, then SIGKILL after a grace period), also when the script is
interrupted. Only the Python standard library is used.
"""

import atexit
import http.client
import os
import pathlib
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import time

REPO = pathlib.Path(__file__).resolve().parents[2]
NGINX_DIR = REPO / "deploy" / "nginx"

_started = []  # every Popen this process started, stopped at exit by pid
_lock = threading.Lock()


def _register(process):
    with _lock:
        _started.append(process)


def stop_process(process, grace_seconds=15.0, first_signal=signal.SIGTERM):
    """Stops one process we started, by its pid: first_signal, then SIGKILL after the grace."""
    if process.poll() is not None:
        return process.returncode
    try:
        os.kill(process.pid, first_signal)
        return process.wait(timeout=grace_seconds)
    except subprocess.TimeoutExpired:
        os.kill(process.pid, signal.SIGKILL)
        return process.wait()
    except ProcessLookupError:
        return process.wait()


def stop_everything():
    with _lock:
        processes = list(reversed(_started))
    for process in processes:
        stop_process(process, grace_seconds=5.0)


atexit.register(stop_everything)
for _signal in (signal.SIGINT, signal.SIGTERM):
    signal.signal(_signal, lambda number, frame: (stop_everything(), os._exit(128 + number)))


def free_port():
    """A port that was free a moment ago on 127.0.0.1."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def find_binary():
    """The built vitrine: $VITRINE_BINARY, else .build/release/vitrine of this repository."""
    if os.environ.get("VITRINE_BINARY"):
        return pathlib.Path(os.environ["VITRINE_BINARY"])
    for candidate in (REPO / ".build" / "release" / "vitrine", REPO / ".build" / "debug" / "vitrine"):
        if candidate.exists():
            return candidate
    raise SystemExit("no vitrine binary: run `swift build -c release` or set VITRINE_BINARY")


def http_get(port, path, timeout=30.0, headers=None):
    """(status, headers dict with lower-case names, body bytes) of one GET on 127.0.0.1."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request("GET", path, headers=headers or {})
        response = connection.getresponse()
        body = response.read()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, body
    finally:
        connection.close()


METRIC_LINE = re.compile(r'^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?:[^"}]|"(?:[^"\\]|\\.)*")*\})?\s+(\S+)$')
LABEL = re.compile(r'(\w+)="((?:[^"\\]|\\.)*)"')


def parse_metrics(text):
    """Prometheus text -> {(name, ((label, value), ...)): float}."""
    samples = {}
    for line in text.splitlines():
        match = METRIC_LINE.match(line.strip())
        if not match or line.startswith("#"):
            continue
        labels = tuple(sorted(LABEL.findall(match.group(2) or "")))
        samples[(match.group(1), labels)] = float(match.group(3))
    return samples


def metric_sum(samples, name, **labels):
    """Sum of `name` over the samples whose labels include `labels`."""
    wanted = set(labels.items())
    return sum(value for (metric, ls), value in samples.items() if metric == name and wanted <= set(ls))


class Instance:
    """One `vitrine serve` on 127.0.0.1 with its own port, log and (unless given) cache folder."""

    def __init__(self, name, binary, assets, cache_dir, workdir, port=None, workers=1, cpus=None,
                 queue_limit=64, environment=None, nice=0):
        self.name, self.binary, self.assets = name, binary, pathlib.Path(assets)
        self.cache_dir, self.workdir = pathlib.Path(cache_dir), pathlib.Path(workdir)
        self.port = port or free_port()
        self.workers, self.cpus, self.queue_limit = workers, cpus, queue_limit
        self.environment = environment or {}
        self.nice = nice
        self.process = None
        self.starts = 0

    @property
    def address(self):
        return f"127.0.0.1:{self.port}"

    def start(self, wait=True):
        command = [str(self.binary), "serve", "--host", "127.0.0.1", "--port", str(self.port),
                   "--assets", str(self.assets), "--cache-dir", str(self.cache_dir),
                   "--workers", str(self.workers), "--render-threads", "1",
                   "--queue-limit", str(self.queue_limit), "--log-level", "warning"]
        if self.cpus is not None:
            command = ["taskset", "-c", self.cpus] + command  # taskset execs: same pid
        if self.nice:
            command = ["nice", "-n", str(self.nice)] + command  # so does nice
        self.starts += 1
        log = open(self.workdir / f"{self.name}.{self.starts}.log", "wb")
        environment = dict(os.environ, **self.environment)
        self.process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=environment,
                                        start_new_session=True)
        log.close()
        _register(self.process)
        if wait:
            self.wait_ready()
        return self

    def wait_ready(self, timeout=120.0):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.name} exited with {self.process.returncode}: see {self.workdir}")
            try:
                if http_get(self.port, "/readyz", timeout=2.0)[0] == 200:
                    return
            except OSError:
                pass
            time.sleep(0.1)
        raise RuntimeError(f"{self.name} not ready after {timeout} s")

    def kill(self):
        """SIGKILL, no cleanup (a crash or an OOM kill)."""
        os.kill(self.process.pid, signal.SIGKILL)
        self.process.wait()

    def stop(self):
        return stop_process(self.process)

    def cpu_seconds(self):
        return process_cpu_seconds(self.process.pid)

    def metrics(self):
        return parse_metrics(http_get(self.port, "/metrics")[2].decode())

    def renders(self):
        return int(metric_sum(self.metrics(), "vitrine_renders_total"))


class Nginx:
    """nginx in the foreground (daemon off) from deploy/nginx/nginx.conf.template."""

    KEEPALIVE = "        keepalive 32;\n        keepalive_timeout 20s;\n        keepalive_requests 10000;"

    def __init__(self, workdir, servers, balance="hash", proxy_cache=False, worker_processes=1, keepalive=True,
                 access_log=True, cpus=None):
        self.prefix = pathlib.Path(workdir) / "nginx"
        self.port = free_port()
        self.servers, self.balance = servers, balance
        self.proxy_cache, self.worker_processes = proxy_cache, worker_processes
        self.keepalive, self.access_log_on, self.cpus = keepalive, access_log, cpus
        self.process = None

    def render(self):
        """Writes nginx.conf (and proxy-cache.conf) under the prefix; returns the nginx.conf path."""
        self.prefix.mkdir(parents=True, exist_ok=True)
        proxy_cache = ""
        if self.proxy_cache:
            text = (NGINX_DIR / "proxy-cache.conf").read_text()
            text = text.replace("/var/cache/nginx/vitrine", str(self.prefix / "cache"))
            (self.prefix / "proxy-cache.conf").write_text(text)
            proxy_cache = f"    include {self.prefix / 'proxy-cache.conf'};"
        balance = {"hash": "hash $request_uri consistent;", "round-robin": "# round robin (the default)",
                   "least-conn": "least_conn;"}
        servers = "\n".join(f"        server {s} max_fails=1 fail_timeout=10s;" for s in self.servers)
        fields = {"PREFIX": str(self.prefix), "NGINX_DIR": str(NGINX_DIR), "LISTEN_PORT": str(self.port),
                  "WORKER_PROCESSES": str(self.worker_processes), "BALANCE": balance[self.balance],
                  "SERVERS": servers, "PROXY_CACHE": proxy_cache,
                  "KEEPALIVE": self.KEEPALIVE if self.keepalive else "        # no keep-alive to the instances"}
        text = (NGINX_DIR / "nginx.conf.template").read_text()
        for key, value in fields.items():
            text = text.replace("{{" + key + "}}", value)
        if not self.access_log_on:
            # Benchmarks: no log line (a write syscall) per request.
            text = re.sub(r"^(\s*)access_log .*$", r"\1access_log off;", text, count=1, flags=re.M)
        unfilled = re.search(r"\{\{\w+\}\}", text)
        if unfilled:
            raise RuntimeError("unfilled field in nginx.conf.template: " + unfilled.group(0))
        path = self.prefix / "nginx.conf"
        path.write_text(text)
        return path

    def command(self, *extra):
        return [nginx_binary(), "-p", str(self.prefix), "-c", str(self.prefix / "nginx.conf"),
                "-e", str(self.prefix / "error.log"), *extra]

    def start(self):
        self.render()
        command = self.command()
        if self.cpus is not None:
            command = ["taskset", "-c", self.cpus] + command  # the workers inherit the affinity
        self.process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                        start_new_session=True)
        _register(self.process)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError("nginx exited: " + (self.prefix / "error.log").read_text()[-2000:])
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.5).close()
                return self
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("nginx did not listen")

    def stop(self):
        # SIGQUIT: graceful; the master stops its own workers.
        return stop_process(self.process, first_signal=signal.SIGQUIT)

    def cpu_seconds(self):
        """CPU time of the master and its workers."""
        pids = [self.process.pid]
        children = pathlib.Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        if children.exists():
            pids += [int(p) for p in children.read_text().split()]
        return sum(process_cpu_seconds(pid) for pid in pids)

    def access_log(self):
        """[(status, [upstreams tried], [their statuses], uri)] from the vitrine_upstream log format."""
        entries = []
        pattern = re.compile(r'^(\d+) "([^"]*)" "([^"]*)" \S+ "([^"]*)"$')
        for line in (self.prefix / "access.log").read_text().splitlines():
            match = pattern.match(line)
            if match:
                split = lambda s: [x.strip() for x in re.split(r"[,:] ", s) if x.strip() and x.strip() != "-"]
                entries.append((int(match.group(1)), split(match.group(2)), split(match.group(3)), match.group(4)))
        return entries


def process_cpu_seconds(pid):
    """User + system CPU time of a process (all its threads), from /proc."""
    fields = pathlib.Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def load_average():
    return os.getloadavg()[0]


def nginx_binary():
    for candidate in (shutil.which("nginx"), "/usr/sbin/nginx"):
        if candidate and os.path.exists(candidate):
            return candidate
    raise SystemExit("nginx not found: apt-get install -y nginx")


def make_workdir(name):
    path = pathlib.Path(tempfile.mkdtemp(prefix=f"vitrine-cluster-{name}-"))
    path.chmod(0o755)  # nginx workers (user nobody when started as root) write their caches below
    return path
