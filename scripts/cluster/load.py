"""A closed-loop HTTP load client: `concurrency` threads, each with one keep-alive connection,
take the next path of a shared list until it is used up. Every answer is recorded."""

import collections
import hashlib
import http.client
import threading
import time


class Answer:
    __slots__ = ("index", "path", "status", "etag", "tier", "body_sha256", "seconds", "error")

    def __init__(self, index, path, status, etag=None, tier=None, body_sha256=None, seconds=0.0, error=None):
        self.index, self.path, self.status, self.etag, self.tier = index, path, status, etag, tier
        self.body_sha256, self.seconds, self.error = body_sha256, seconds, error


class LoadResult:
    def __init__(self, answers, elapsed):
        self.answers, self.elapsed = answers, elapsed

    @property
    def statuses(self):
        return dict(collections.Counter(a.status for a in self.answers))

    @property
    def failures(self):
        """Answers that are not 200/304 (status 0 = no HTTP answer at all)."""
        return [a for a in self.answers if a.status not in (200, 304)]

    @property
    def requests_per_second(self):
        return len(self.answers) / self.elapsed if self.elapsed > 0 else 0.0

    def median_seconds(self):
        values = sorted(a.seconds for a in self.answers)
        return values[len(values) // 2] if values else 0.0

    def summary(self):
        return {"requests": len(self.answers), "seconds": round(self.elapsed, 2),
                "requests_per_second": round(self.requests_per_second, 2),
                "median_latency_ms": round(self.median_seconds() * 1000, 1),
                "statuses": {str(k): v for k, v in sorted(self.statuses.items())},
                "failed": len(self.failures)}


def drive(port, paths, concurrency, on_answer=None, timeout=120.0, headers=None, digest=True):
    """GETs every path once on 127.0.0.1:port. `on_answer(answer, answered_count)` is called
    after each answer (from the worker threads). `digest=False` skips the SHA-256 of every body
    (benchmarks: less client CPU per request)."""
    lock = threading.Lock()
    state = {"next": 0, "done": 0}
    answers = [None] * len(paths)

    def worker():
        connection = None
        while True:
            with lock:
                index = state["next"]
                if index >= len(paths):
                    break
                state["next"] += 1
            path = paths[index]
            started = time.monotonic()
            try:
                if connection is None:
                    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
                connection.request("GET", path, headers=headers or {})
                response = connection.getresponse()
                body = response.read()
                answer = Answer(index, path, response.status, response.getheader("ETag"),
                                response.getheader("X-Vitrine-Cache"), hashlib.sha256(body).hexdigest() if digest else None,
                                time.monotonic() - started)
                if response.getheader("Connection", "").lower() == "close":
                    connection.close()
                    connection = None
            except (OSError, http.client.HTTPException) as error:
                answer = Answer(index, path, 0, seconds=time.monotonic() - started, error=repr(error))
                if connection is not None:
                    connection.close()
                connection = None
            answers[index] = answer
            with lock:
                state["done"] += 1
                done = state["done"]
            if on_answer:
                on_answer(answer, done)
        if connection is not None:
            connection.close()

    started = time.monotonic()
    threads = [threading.Thread(target=worker, daemon=True) for _ in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return LoadResult(answers, time.monotonic() - started)
