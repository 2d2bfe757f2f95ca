"""Peer: QGIS "Distance to nearest hub (points)" (qgis:distancetonearesthubpoints), headless through PyQGIS.

  QT_QPA_PLATFORM=offscreen /usr/bin/python3 scripts/peers/nearest_qgis.py --dir DIR

Households and active agents are written as CSV in UTM zone 48S (EPSG:32748, pyproj), read by QGIS's
delimited-text provider and materialised into memory layers (not timed: load_s). Timed: processing.run of
the algorithm alone with a temporary (memory) output — it builds QGIS's spatial index of the hubs, finds
each household's nearest hub and measures the distance. (qgis_process prints no timing of its own, so the
algorithm is run through PyQGIS instead; the result is the same algorithm.) The answer goes to
DIR/qgis_agent.i32. If QGIS is missing or fails, prints {"peer": ..., "skipped": reason}.
"""
import os
import sys
import time

import numpy as np

from common import arg, emit, load


def main():
    d = arg("--dir")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("XDG_RUNTIME_DIR", "/tmp/runtime-root")
    try:
        from qgis.core import Qgis, QgsApplication, QgsFeatureRequest, QgsVectorLayer
    except ImportError as err:
        emit({"peer": "qgis", "skipped": f"PyQGIS not importable ({err}); apt-get install -y qgis"})
        return
    from pyproj import Transformer

    data = load(d)
    t0 = time.perf_counter()
    tr = Transformer.from_crs("EPSG:4326", "EPSG:32748", always_xy=True)
    ok = np.flatnonzero(data["ok"])
    act = data["active"]
    hx, hy = tr.transform(data["hh_lon"][ok], data["hh_lat"][ok])
    ax, ay = tr.transform(data["ag_lon"][act], data["ag_lat"][act])
    work = os.path.join(d, "qgis")
    os.makedirs(work, exist_ok=True)
    hh_csv = os.path.join(work, "households.csv")
    ag_csv = os.path.join(work, "agents.csv")
    fmt = ["%d", "%.3f", "%.3f"]
    np.savetxt(hh_csv, np.column_stack((ok, hx, hy)), fmt=fmt, delimiter=",", header="hh,x,y", comments="")
    np.savetxt(ag_csv, np.column_stack((act, ax, ay)), fmt=fmt, delimiter=",", header="agent,x,y", comments="")

    QgsApplication.setPrefixPath("/usr", True)
    app = QgsApplication([], False)
    app.initQgis()
    sys.path.append("/usr/share/qgis/python/plugins")
    import processing
    from processing.core.Processing import Processing

    Processing.initialize()

    def layer(path, name):
        uri = f"file://{path}?type=csv&xField=x&yField=y&crs=EPSG:32748"
        src = QgsVectorLayer(uri, name, "delimitedtext")
        if not src.isValid():
            raise RuntimeError(f"QGIS cannot read {path}")
        return src.materialize(QgsFeatureRequest())

    try:
        hh = layer(hh_csv, "households")
        ag = layer(ag_csv, "agents")
        load_s = time.perf_counter() - t0
        t1 = time.perf_counter()
        res = processing.run(
            "qgis:distancetonearesthubpoints",
            {"INPUT": hh, "HUBS": ag, "FIELD": "agent", "UNIT": 0, "OUTPUT": "TEMPORARY_OUTPUT"},
        )
        alg_s = time.perf_counter() - t1
    except Exception as err:  # noqa: BLE001
        emit({"peer": "qgis", "skipped": f"QGIS algorithm failed: {err}"})
        return
    out = res["OUTPUT"]
    answer = np.full(data["hh_lon"].shape[0], -1, dtype="<i4")
    hh_i = []
    hub_i = []
    for f in out.getFeatures():
        hh_i.append(int(f["hh"]))
        hub_i.append(int(float(f["HubName"])))
    answer[np.asarray(hh_i, dtype=np.int64)] = np.asarray(hub_i, dtype=np.int32)
    answer.tofile(os.path.join(d, "qgis_agent.i32"))
    emit(
        {
            "peer": "qgis:distancetonearesthubpoints",
            "version": Qgis.QGIS_VERSION,
            "algorithm_s": alg_s,
            "load_s": data["load_s"] + load_s,
        }
    )


if __name__ == "__main__":
    main()
