#!/usr/bin/env bash
# Vitrine vs the llvmpipe peer (pyrender on Mesa llvmpipe), same turntables, same session.
# Usage (from the repository root): Benchmarks/render/run.sh
# Knobs: MODELS (comma list), FRAMES (turntable frame indices, default 12 of the 36),
#        THREADS (default "1 2"), SKIP_BUILD=1, BUILD_FLAGS (extra swift build flags, e.g.
#        "-Xswiftc -enable-testing" to reuse a `make test` build), OUT (results), PEER_DIR (peer copy).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
SHARED=${SHARED:-}
for s in "$ROOT/../shared" "$ROOT/../../shared"; do
  [ -z "$SHARED" ] && [ -d "$s/peers/llvmpipe" ] && SHARED=$(cd "$s" && pwd)
done
[ -n "$SHARED" ] || { echo "shared folder (peers/llvmpipe, models) not found; set SHARED" >&2; exit 1; }
MODELS=${MODELS:-SheenChair,MaterialsVariantsShoe,ToyCar,MetalRoughSpheresNoTextures}
FRAMES=${FRAMES:-0,3,6,9,12,15,18,21,24,27,30,33}
THREADS=${THREADS:-1 2}
OUT=${OUT:-$ROOT/.build/render-bench}
PEER_DIR=${PEER_DIR:-/tmp/vitrine-llvmpipe-peer}
mkdir -p "$OUT"

# 1. Vitrine's benchmark binary (release).
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  VITRINE_BENCHMARKS=1 swift build -c release ${BUILD_FLAGS:-} --product vitrine-bench
fi
BENCH=$(VITRINE_BENCHMARKS=1 swift build -c release ${BUILD_FLAGS:-} --show-bin-path)/vitrine-bench

# 2. The peer: a writable copy of shared/peers/llvmpipe with its pinned venv (as its run.sh).
DEB="libegl1 libegl-mesa0 libgl1-mesa-dri libgbm1 libosmesa6 time"
missing=""
for p in $DEB; do dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing="$missing $p"; done
if [ -n "$missing" ]; then
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing
fi
mkdir -p "$PEER_DIR"
cp "$SHARED/peers/llvmpipe/bench.py" "$SHARED/peers/llvmpipe/requirements.txt" "$PEER_DIR/"
if ! "$PEER_DIR/.venv/bin/python" -c "import pyrender, trimesh, OpenGL, PIL, numpy" 2>/dev/null; then
  python3 -m venv "$PEER_DIR/.venv"
  "$PEER_DIR/.venv/bin/pip" install -q --disable-pip-version-check -r "$PEER_DIR/requirements.txt"
  "$PEER_DIR/.venv/bin/pip" install -q --disable-pip-version-check --no-deps PyOpenGL==3.1.10
fi

model_path() {
  local d="$SHARED/models/$1" f
  for f in "$d"/glTF-Binary/*.glb "$d"/glTF/*.gltf; do
    [ -f "$f" ] && { echo "$f"; return; }
  done
}

# 3. Per model and thread count: the peer, then Vitrine, back to back.
IFS=',' read -ra names <<<"$MODELS"
for m in "${names[@]}"; do
  path=$(model_path "$m")
  [ -n "$path" ] || { echo "model $m not found under $SHARED/models" >&2; exit 1; }
  for t in $THREADS; do
    echo "== $m, $t thread(s)"
    (cd "$PEER_DIR" && LP_NUM_THREADS=$t PYOPENGL_PLATFORM=egl .venv/bin/python bench.py worker \
      --model "$m" --path "$path" --modes pbr --pbr-frames "$FRAMES" --json-out "$OUT/peer-$m-$t.json") \
      | grep '^\[worker\].*median' || true
    "$BENCH" render --model "$path" --name "$m" --threads "$t" --frames "$FRAMES" --json-out "$OUT/vitrine-$m-$t.json"
  done
done

# 4. Peak RSS of a whole process rendering SheenChair at 1024² with 4x AA (GNU time).
chair=$(model_path SheenChair)
/usr/bin/time -v -o "$OUT/rss-sheenchair.txt" "$BENCH" render --model "$chair" --name SheenChair \
  --sizes 1024 --aa 4 --threads 2 --frames 0,9 >/dev/null
rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$OUT/rss-sheenchair.txt")

# 5. The table.
python3 "$ROOT/Benchmarks/render/report.py" "$OUT" "$rss"
