"""Peer: geopandas.sjoin_nearest, households to their nearest active agent, in UTM zone 48S (EPSG:32748).

  /usr/bin/python3 scripts/peers/nearest_geopandas.py --dir DIR [--runs 1]

Timed: sjoin_nearest only (median of --runs). Building the GeoDataFrames and reprojecting them with to_crs is
reported separately as prepare_s. Ties (sjoin_nearest returns every equidistant agent) keep the first row.
The answer goes to DIR/geopandas_agent.i32 (-1 where none).
"""
import importlib.util
import os
import time
import warnings

import geopandas as gpd
import numpy as np

from common import arg, emit, load, median

warnings.filterwarnings("ignore")


def main():
    d = arg("--dir")
    runs = int(arg("--runs", "1"))
    import shapely

    if not (int(shapely.__version__.split(".")[0]) >= 2 or importlib.util.find_spec("pygeos")):
        emit(
            {
                "peer": "geopandas.sjoin_nearest",
                "skipped": f"geopandas {gpd.__version__} needs Shapely >= 2 or PyGEOS for sjoin_nearest; "
                f"this Python has Shapely {shapely.__version__} and no PyGEOS (Debian bookworm ships neither)",
            }
        )
        return
    data = load(d)
    ok = np.flatnonzero(data["ok"])
    act = data["active"]
    t0 = time.perf_counter()
    hh = gpd.GeoDataFrame(
        {"hh": ok}, geometry=gpd.points_from_xy(data["hh_lon"][ok], data["hh_lat"][ok]), crs="EPSG:4326"
    ).to_crs("EPSG:32748")
    ag = gpd.GeoDataFrame(
        {"agent": act}, geometry=gpd.points_from_xy(data["ag_lon"][act], data["ag_lat"][act]), crs="EPSG:4326"
    ).to_crs("EPSG:32748")
    prep_s = time.perf_counter() - t0
    times = []
    joined = None
    for _ in range(runs):
        t1 = time.perf_counter()
        joined = gpd.sjoin_nearest(hh, ag, how="left", distance_col="distance_m")
        times.append(time.perf_counter() - t1)
    joined = joined[~joined.index.duplicated(keep="first")]
    out = np.full(data["hh_lon"].shape[0], -1, dtype="<i4")
    out[joined["hh"].to_numpy()] = joined["agent"].to_numpy()
    out.tofile(os.path.join(d, "geopandas_agent.i32"))
    emit(
        {
            "peer": "geopandas.sjoin_nearest",
            "version": gpd.__version__,
            "crs": "EPSG:32748",
            "sjoin_nearest_s": median(times),
            "load_s": data["load_s"],
            "prepare_s": prep_s,
            "runs": runs,
        }
    )


if __name__ == "__main__":
    main()
