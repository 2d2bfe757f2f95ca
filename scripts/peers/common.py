"""Shared helpers of the nearest-agent peer benchmarks (run with Debian's /usr/bin/python3).

The TypeScript benchmark (scripts/bench-coverage.ts) writes the coordinates as raw little-endian arrays in one
directory: hh_lon.f64, hh_lat.f64 (households), ag_lon.f64, ag_lat.f64, ag_active.u8 (agents) and meta.json
(with the engine's local plane: lon0, lat0, kx, ky). Each peer prints ONE JSON line on stdout with its timings
in seconds and writes its answer (nearest agent index per household, -1 when none) next to them.
"""
import json
import os
import sys
import time

import numpy as np


def load(dirname):
    t0 = time.perf_counter()
    with open(os.path.join(dirname, "meta.json")) as f:
        meta = json.load(f)
    hh_lon = np.fromfile(os.path.join(dirname, "hh_lon.f64"), dtype="<f8")
    hh_lat = np.fromfile(os.path.join(dirname, "hh_lat.f64"), dtype="<f8")
    ag_lon = np.fromfile(os.path.join(dirname, "ag_lon.f64"), dtype="<f8")
    ag_lat = np.fromfile(os.path.join(dirname, "ag_lat.f64"), dtype="<f8")
    ag_active = np.fromfile(os.path.join(dirname, "ag_active.u8"), dtype="u1")
    active = np.flatnonzero((ag_active != 0) & np.isfinite(ag_lon) & np.isfinite(ag_lat)).astype(np.int32)
    ok = np.isfinite(hh_lon) & np.isfinite(hh_lat)
    return {
        "meta": meta,
        "hh_lon": hh_lon,
        "hh_lat": hh_lat,
        "ag_lon": ag_lon,
        "ag_lat": ag_lat,
        "active": active,
        "ok": ok,
        "load_s": time.perf_counter() - t0,
    }


def arg(name, default=None):
    if name in sys.argv:
        return sys.argv[sys.argv.index(name) + 1]
    return default


def median(values):
    return float(np.median(np.asarray(values, dtype=float)))


def emit(obj):
    print(json.dumps(obj), flush=True)
