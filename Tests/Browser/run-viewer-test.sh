#!/usr/bin/env bash
# The viewer page in a real headless browser: starts `vitrine serve` on the bundled assets and
# Debian's chromium, then runs viewer-test.mjs (load, every frame, drag, arrow key, screenshots
# in .build/test-artifacts/server/) and tryon-test.mjs (the /tryon page with a shared photo,
# when ../shared/photos is there). Exits 0 with "SKIP: ..." when chromium or node is missing.
#   Tests/Browser/run-viewer-test.sh [path to the vitrine binary] [asset id]
set -euo pipefail
cd "$(dirname "$0")/../.."
BIN=${1:-$(swift build -c release --show-bin-path)/vitrine}
ASSET=${2:-sneaker}
CHROMIUM=$(command -v chromium || command -v chromium-browser || true)
[ -n "$CHROMIUM" ] || { echo "SKIP: chromium is not installed (apt-get install -y chromium)"; exit 0; }
command -v node >/dev/null || { echo "SKIP: node is not installed"; exit 0; }
node --experimental-websocket -e 'if (typeof WebSocket !== "function") process.exit(1)' 2>/dev/null \
    || { echo "SKIP: this node has no WebSocket (needs Node >= 20.10)"; exit 0; }

WORK=$(mktemp -d /tmp/vitrine-viewer-test.XXXXXX)
ARTEFACTS=.build/test-artifacts/server
mkdir -p "$ARTEFACTS"
SERVER_PID=""
BROWSER_PID=""
cleanup() {
    [ -n "$BROWSER_PID" ] && kill "$BROWSER_PID" 2>/dev/null || true
    [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null || true
    wait 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT

: >"$WORK/serve.log"
"$BIN" serve --assets assets --port 0 --log-level warning >"$WORK/serve.log" 2>&1 &
SERVER_PID=$!
VIEWER=""
for _ in $(seq 1 600); do
    VIEWER=$(sed -n 's/^viewer: \(http:[^ ]*\/viewer\/\).*/\1/p' "$WORK/serve.log" || true)
    [ -n "$VIEWER" ] && break
    kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK/serve.log"; echo "FAIL: the server exited"; exit 1; }
    sleep 0.1
done
[ -n "$VIEWER" ] || { cat "$WORK/serve.log"; echo "FAIL: the server did not print the viewer address"; exit 1; }

"$CHROMIUM" --headless=new --no-sandbox --disable-gpu --no-first-run --disable-dev-shm-usage \
    --remote-debugging-address=127.0.0.1 --remote-debugging-port=0 --user-data-dir="$WORK/profile" \
    about:blank >"$WORK/chromium.log" 2>&1 &
BROWSER_PID=$!
for _ in $(seq 1 300); do
    [ -s "$WORK/profile/DevToolsActivePort" ] && break
    sleep 0.1
done
[ -s "$WORK/profile/DevToolsActivePort" ] || { cat "$WORK/chromium.log"; echo "FAIL: chromium did not start"; exit 1; }
DEVTOOLS_PORT=$(head -1 "$WORK/profile/DevToolsActivePort")

node --experimental-websocket --no-warnings Tests/Browser/viewer-test.mjs "$DEVTOOLS_PORT" "$VIEWER$ASSET" "$ARTEFACTS"

# The try-on page, with a shared photo and its keypoints (VITRINE_SHARED, or a shared/ folder
# beside the repository or one of its parents, as Fixtures looks for it).
SHARED=${VITRINE_SHARED:-}
if [ -z "$SHARED" ]; then
    DIR=$(pwd)
    while [ "$DIR" != "/" ]; do
        [ -f "$DIR/shared/photos/astronaut.png" ] && { SHARED="$DIR/shared"; break; }
        DIR=$(dirname "$DIR")
    done
fi
if [ -n "$SHARED" ] && [ -f "$SHARED/photos/astronaut.png" ]; then
    node --experimental-websocket --no-warnings Tests/Browser/tryon-test.mjs "$DEVTOOLS_PORT" "${VIEWER%viewer/}tryon" \
        "$SHARED/photos/astronaut.png" "$SHARED/photos/astronaut.keypoints.json" "$ARTEFACTS"
else
    echo "tryon page: skipped (no shared/photos/astronaut.png)"
fi
