"""Summarises a JMH JSON result (java -jar benchmarks.jar ... -rf json -rff FILE).

  python3 bench/jmh-summary.py FILE

For each benchmark and parameter set: the median and the minimum of the measurement iterations
(on a shared machine, interference only adds time, so the minimum is the least disturbed run),
and for KernelBench the nanoseconds per draw (score / n) and the ratio to the gather floor
(draw + gather) of the same n in the same run.
"""
import json
import sys
from statistics import median


def main():
    rows = json.load(open(sys.argv[1]))
    floor = {}
    table = []
    for r in rows:
        name = r["benchmark"].replace("org.parboot.bench.", "")
        params = r.get("params", {})
        raw = [v for fork in r["primaryMetric"]["rawData"] for v in fork]
        unit = r["primaryMetric"]["scoreUnit"]
        med, lo = median(raw), min(raw)
        n = int(params["n"]) if "n" in params and name.startswith("KernelBench") else None
        if n is not None and name.endswith(".gatherFloor"):
            floor[n] = (med, lo)
        table.append((name, params, unit, med, lo, n))
    print(f"{'benchmark':<34} {'params':<26} {'median':>12} {'min':>12} {'unit':<7} {'ns/draw med':>11} {'min':>6} {'x floor':>7}")
    for name, params, unit, med, lo, n in table:
        p = ",".join(f"{k}={v}" for k, v in params.items())
        extra = ""
        if n is not None:
            extra = f"{med / n:>11.3f} {lo / n:>6.3f}"
            if n in floor:
                extra += f" {med / floor[n][0]:>7.2f}"
        print(f"{name:<34} {p:<26} {med:>12.4g} {lo:>12.4g} {unit:<7} {extra}")


if __name__ == "__main__":
    main()
