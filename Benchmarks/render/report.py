#!/usr/bin/env python3
"""Prints the Vitrine vs llvmpipe table from Benchmarks/render/run.sh's JSON files.

Usage: report.py OUT_DIR [PEAK_RSS_KB]
"""
import glob
import json
import os
import sys

out = sys.argv[1]
rss = sys.argv[2] if len(sys.argv) > 2 else ''
peer = {}
for f in glob.glob(os.path.join(out, 'peer-*.json')):
    d = json.load(open(f))
    for r in d['runs']:
        aa = max(1, r['msaa'])
        peer[(d['model'], r['res'], aa, d['lp_num_threads'])] = r
rows = []
for f in sorted(glob.glob(os.path.join(out, 'vitrine-*.json'))):
    for r in json.load(open(f)):
        rows.append(r)
rows.sort(key=lambda r: (r['model'], r['size'], r['aa'], r['threads']))
print('| model | size | AA | threads | Vitrine median ms | p95 | llvmpipe median ms | p95 | speed-up (wall) | '
      'Vitrine CPU ms | llvmpipe CPU ms | speed-up (CPU) | llvmpipe bg cores | PNG encode ms | JPEG encode ms |')
print('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|')
for r in rows:
    p = peer.get((r['model'], r['size'], r['aa'], r['threads']))
    pm = f"{p['median_ms']:.1f}" if p else 'n/a'
    pp = f"{p['p95_ms']:.1f}" if p else 'n/a'
    ratio = f"{p['median_ms'] / r['medianMs']:.2f}x" if p and r['medianMs'] > 0 else 'n/a'
    pc = p.get('cpu_median_ms') if p else None
    cpu_ratio = f"{pc / r['cpuMedianMs']:.2f}x" if pc and r['cpuMedianMs'] > 0 else 'n/a'
    pcs = f"{pc:.1f}" if pc else 'n/a'
    bg = f"{p['bg_cores']:.2f}" if p else 'n/a'
    print(f"| {r['model']} | {r['size']}² | {r['aa']}x | {r['threads']} | {r['medianMs']:.1f} | {r['p95Ms']:.1f} | "
          f"{pm} | {pp} | {ratio} | {r['cpuMedianMs']:.1f} | {pcs} | {cpu_ratio} | {bg} | "
          f"{r['encodePNGMedianMs']:.1f} | {r['encodeJPEGMedianMs']:.1f} |")
print()
print('speed-up = llvmpipe / Vitrine at the same thread count (> 1: Vitrine faster per core); wall = median ms per')
print('frame; CPU = median process CPU ms per frame (all threads), less sensitive to other load on the machine;')
print('bg cores = CPU used by other processes during the llvmpipe configuration (> 0.2: contaminated).')
if rss:
    print(f'Peak RSS, SheenChair 1024² 4x AA, whole vitrine-bench process (/usr/bin/time -v): {int(rss) / 1024:.1f} MiB')
