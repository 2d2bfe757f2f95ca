"""Peer: scipy.spatial.cKDTree nearest active agent for every household.

  /usr/bin/python3 scripts/peers/nearest_scipy.py --dir DIR [--runs 3]

Two variants, each timed as tree build + query (median of --runs), single-threaded (workers=1); the plane
also with workers=-1 (all cores, the reference for the engine's all-cores search), same number of runs:
- plane: the engine's own equirectangular plane (meta.json: lon0, lat0, kx, ky), 2-D. The speed reference.
- sphere: 3-D unit vectors; chord length is monotonic in great-circle distance, so this ranks agents exactly as
  haversine does (up to rounding). The accuracy reference: its answer is written to DIR/scipy_sphere_agent.i32
  and its distance converted to great-circle metres (2R·asin(chord/2), R = 6,371,008.8) to
  DIR/scipy_sphere_dist.f64; the plane answer goes to DIR/scipy_plane_agent.i32.
Load time (reading the arrays, projecting) is reported separately and not counted.
"""
import os
import time

import numpy as np
from scipy import __version__ as scipy_version
from scipy.spatial import cKDTree

from common import arg, emit, load, median

R = 6371008.8


def unit(lon, lat):
    lo = np.radians(lon)
    la = np.radians(lat)
    c = np.cos(la)
    return np.column_stack((c * np.cos(lo), c * np.sin(lo), np.sin(la)))


def timed(points, queries, runs, workers):
    times = []
    result = None
    for _ in range(runs):
        t0 = time.perf_counter()
        tree = cKDTree(points)
        result = tree.query(queries, k=1, workers=workers)
        times.append(time.perf_counter() - t0)
    return median(times), result


def main():
    d = arg("--dir")
    runs = int(arg("--runs", "3"))
    data = load(d)
    t0 = time.perf_counter()
    m = data["meta"]
    act = data["active"]
    ok = data["ok"]
    qx = (data["hh_lon"][ok] - m["lon0"]) * m["kx"]
    qy = (data["hh_lat"][ok] - m["lat0"]) * m["ky"]
    plane_q = np.column_stack((qx, qy))
    plane_p = np.column_stack(((data["ag_lon"][act] - m["lon0"]) * m["kx"], (data["ag_lat"][act] - m["lat0"]) * m["ky"]))
    sphere_q = unit(data["hh_lon"][ok], data["hh_lat"][ok])
    sphere_p = unit(data["ag_lon"][act], data["ag_lat"][act])
    prep_s = time.perf_counter() - t0

    plane_s, (plane_d, plane_i) = timed(plane_p, plane_q, runs, 1)
    plane_all_s, _ = timed(plane_p, plane_q, runs, -1)
    sphere_s, (sphere_d, sphere_i) = timed(sphere_p, sphere_q, runs, 1)

    n = data["hh_lon"].shape[0]
    out_plane = np.full(n, -1, dtype="<i4")
    out_sphere = np.full(n, -1, dtype="<i4")
    out_dist = np.full(n, np.nan, dtype="<f8")
    if act.shape[0] > 0:
        out_plane[ok] = act[plane_i]
        out_sphere[ok] = act[sphere_i]
        out_dist[ok] = 2 * R * np.arcsin(np.minimum(1.0, sphere_d / 2))
    out_plane.tofile(os.path.join(d, "scipy_plane_agent.i32"))
    out_sphere.tofile(os.path.join(d, "scipy_sphere_agent.i32"))
    out_dist.tofile(os.path.join(d, "scipy_sphere_dist.f64"))
    emit(
        {
            "peer": "scipy.cKDTree",
            "version": scipy_version,
            "plane_s": plane_s,
            "plane_all_cores_s": plane_all_s,
            "sphere_s": sphere_s,
            "load_s": data["load_s"],
            "prepare_s": prep_s,
            "runs": runs,
        }
    )


if __name__ == "__main__":
    main()
