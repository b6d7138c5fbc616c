#!/bin/sh
# Frames/s of `vitrine prerender` over the sample catalogue (588 frames) on 1 and 2 workers,
# interleaved run by run so that machine noise hits both alike. Each run starts from an empty
# output folder. Prints one JSON summary per run (see docs/batch.md for the fields).
# Usage: Benchmarks/prerender/run.sh [runs per setting, default 2] [vitrine binary...]
# With several binaries (e.g. a build of main and one of a branch), every run goes through each
# of them in turn, for a before/after comparison in the same session.
set -eu
RUNS=${1:-2}
[ $# -gt 0 ] && shift
[ $# -gt 0 ] || set -- .build/release/vitrine
OUT=${TMPDIR:-/tmp}/vitrine-prerender-bench
for run in $(seq 1 "$RUNS"); do
    for jobs in 1 2; do
        for bin in "$@"; do
            rm -rf "$OUT"
            echo "== run $run, --jobs $jobs, $bin"
            /usr/bin/time -f "cpu_user_s %U cpu_sys_s %S wall_s %e" \
                "$bin" prerender samples/catalogue.json --out "$OUT" --jobs "$jobs" --json --quiet
        done
    done
done
rm -rf "$OUT"
