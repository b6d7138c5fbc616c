#!/usr/bin/env bash
# CPU time per cached-frame request (user + system of the whole process, from /proc/<pid>/stat),
# next to nginx serving the same bytes: a figure that a busy machine moves much less than
# requests/s. Each binary and nginx are measured in turn, ROUNDS times (wrk -t1 -c16, 5 s).
# Usage: Benchmarks/server/cpu-per-request.sh label:/path/to/vitrine [label:/path/to/other-vitrine ...]
# Run it under `flock /work/wt/quiet.lock` on the shared machine.
set -uo pipefail
cd "$(dirname "$0")/../.."
PORT=${PORT:-18680}
NGINX_PORT=$((PORT + 1))
# shellcheck source=Benchmarks/server/nginx-static.sh
. Benchmarks/server/nginx-static.sh
WORK=$(mktemp -d /tmp/vitrine-cpu-per-request.XXXXXX)
mkdir -p "$WORK/www"
chmod 755 "$WORK"  # nginx's workers run as another user
SERVER_PID=""
NGINX_PID=""
trap '[ -n "$SERVER_PID" ] && kill $SERVER_PID 2>/dev/null; [ -n "$NGINX_PID" ] && kill $NGINX_PID 2>/dev/null' EXIT

cpu_ticks() {  # pids... -> user + system clock ticks (all threads)
    local sum=0
    for pid in "$@"; do sum=$((sum + $(awk '{ print $14 + $15 }' "/proc/$pid/stat"))); done
    echo "$sum"
}
hammer() {  # url pids... -> "req/s p99 cpu-us-per-request"
    local url=$1; shift
    wrk -t1 -c16 -d1s "$url" >/dev/null
    local before after out
    before=$(cpu_ticks "$@")
    out=$(wrk -t1 -c16 -d5s --latency "$url")
    after=$(cpu_ticks "$@")
    echo "$out" | awk -v ticks=$((after - before)) -v hz="$(getconf CLK_TCK)" '
        /requests in/ { n = $1 } /Requests\/sec/ { r = $2 } / 99%/ { p = $2 }
        END { printf "%8.0f req/s   p99 %8s   CPU %5.1f us/request\n", r, p, ticks * 1e6 / hz / n }'
}

for round in $(seq 1 "${ROUNDS:-3}"); do
    for spec in "$@"; do
        label=${spec%%:*}
        bin=${spec#*:}
        : >"$WORK/serve.log"
        "$bin" serve --assets assets --port "$PORT" --workers 2 --render-threads 1 --log-level error \
            >"$WORK/serve.log" 2>&1 &
        SERVER_PID=$!
        for _ in $(seq 1 600); do grep -q '^viewer: ' "$WORK/serve.log" && break; sleep 0.1; done
        hash=$(curl -s "http://127.0.0.1:$PORT/v1/assets/sneaker" | python3 -c 'import json,sys; print(json.load(sys.stdin)["contentHash"])')
        url="http://127.0.0.1:$PORT/v1/assets/sneaker/frame?w=512&h=512&yaw=35&v=$hash"
        curl -s -o "$WORK/www/frame.png" "$url"
        chmod -R a+rX "$WORK/www"
        printf "round %d  %-10s %s\n" "$round" "$label" "$(hammer "$url" "$SERVER_PID")"
        kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null; SERVER_PID=""
    done
    write_nginx_static_conf "$WORK" "$NGINX_PORT"
    nginx -c "$WORK/nginx.conf" -p "$WORK" &
    NGINX_PID=$!
    sleep 0.5
    printf "round %d  %-10s %s\n" "$round" "nginx" \
        "$(hammer "http://127.0.0.1:$NGINX_PORT/frame.png" $(pgrep -P "$NGINX_PID"))"
    kill "$NGINX_PID"; wait "$NGINX_PID" 2>/dev/null; NGINX_PID=""
done
