#!/usr/bin/env python3
"""Reference values for parboot-core's two-sample and studentized tests.

Run from this directory with numpy 2.4 / scipy 1.17:

    python3 make_groups.py ../../../../../parboot-io/src/main/resources/org/parboot/io/weather.csv

It writes, next to itself:

  groups_data.csv       dataset,column,v1,v2,...   Seattle / New York temp_max, and two small samples
  two_sample_exact.csv  case,stat,observed,a_hat,level,low,high
                        SciPy's own _bca_interval for two samples on fixed replicates (replicates
                        in two_sample_replicates.csv), with stat(a) - stat(b)
  two_sample_replicates.csv  case,r1,r2,...
  two_sample_mc.csv     case,stat,method,level,mean_low,mean_high,sd_low,sd_high,runs
                        scipy.stats.bootstrap((seattle, newyork), stat(a) - stat(b), n_resamples=9999)
                        over `runs` seeds, for percentile, basic and BCa
  studentized_exact.csv case,observed,se0,level,low,high  the bootstrap-t formula on fixed replicates and
                        fixed per-resample standard errors (studentized_inputs.csv: case,kind,v1,...)
  studentized_mc.csv    case,level,mean_low,mean_high,sd_low,sd_high,runs
                        an independent NumPy bootstrap-t of the mean of Seattle temp_max with the
                        analytic se* = s*/sqrt(n) (ddof = 1), B = 9999, over `runs` seeds

Nothing here depends on parboot: it is the independent side of the comparison.
"""
import csv
import os
import sys

import numpy as np
from scipy import stats
from scipy.stats import _resampling

HERE = os.path.dirname(os.path.abspath(__file__))
RUNS = 10
LEVEL = 0.95
ALPHA = (1 - LEVEL) / 2


def r(v):
    return repr(float(v))


def load(path):
    out = {"Seattle": [], "New York": []}
    with open(path, newline="") as f:
        for row in csv.DictReader(f):
            out[row["location"]].append(float(row["temp_max"]))
    return np.array(out["Seattle"]), np.array(out["New York"])


STATS = {
    "mean": lambda x, axis=-1: np.mean(x, axis=axis),
    "std(ddof=1)": lambda x, axis=-1: np.std(x, ddof=1, axis=axis),
    "median": lambda x, axis=-1: np.median(x, axis=axis),
}


def diff(f):
    return lambda a, b, axis=-1: f(a, axis=axis) - f(b, axis=axis)


def write(name, rows):
    with open(os.path.join(HERE, name), "w", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows(rows)


def main(path):
    sea, ny = load(path)
    small_a, small_b = sea[:40], ny[:30]
    write("groups_data.csv", [["seattle", "temp_max", *map(r, sea)], ["newyork", "temp_max", *map(r, ny)],
                              ["small_a", "x", *map(r, small_a)], ["small_b", "x", *map(r, small_b)]])

    # Exact: SciPy's two-sample BCa on fixed replicates.
    rng = np.random.default_rng(20260101)
    exact, reps_rows = [["case", "stat", "observed", "a_hat", "level", "low", "high"]], []
    for name, f in STATS.items():
        g = diff(f)
        t0 = g(small_a, small_b)
        reps = t0 + rng.normal(0, 1.5, 999)
        a1, a2, a_hat = _resampling._bca_interval((small_a, small_b), g, axis=-1, alpha=ALPHA,
                                                   theta_hat_b=reps, batch=None, xp=np)
        lo, hi = stats.quantile(reps, [float(a1), float(a2)])
        exact.append(["small_" + name, name, r(t0), r(a_hat), r(LEVEL), r(lo), r(hi)])
        reps_rows.append(["small_" + name, *map(r, reps)])
    write("two_sample_exact.csv", exact)
    write("two_sample_replicates.csv", reps_rows)

    # Monte Carlo: scipy.stats.bootstrap on the two cities, one resampling per seed; the three
    # methods read the same bootstrap distribution (bootstrap_result), as SciPy's own code does.
    mc = [["case", "stat", "method", "level", "mean_low", "mean_high", "sd_low", "sd_high", "runs"]]
    for name, f in STATS.items():
        g = diff(f)
        ends = {m: [] for m in ("percentile", "basic", "bca")}
        for seed in range(RUNS):
            first = stats.bootstrap((sea, ny), g, n_resamples=9999, method="percentile", confidence_level=LEVEL,
                                    random_state=np.random.default_rng(seed))
            ends["percentile"].append(first.confidence_interval)
            for m in ("basic", "bca"):
                res = stats.bootstrap((sea, ny), g, n_resamples=0, method=m, confidence_level=LEVEL,
                                      bootstrap_result=first, random_state=np.random.default_rng(seed))
                ends[m].append(res.confidence_interval)
        for m, v in ends.items():
            v = np.array(v)
            mc.append(["cities_" + name, name, m, r(LEVEL), r(v[:, 0].mean()), r(v[:, 1].mean()),
                       r(v[:, 0].std(ddof=1)), r(v[:, 1].std(ddof=1)), RUNS])
    write("two_sample_mc.csv", mc)

    # Studentized, exact formula: fixed replicates and fixed se*, NumPy's linear quantile.
    rng = np.random.default_rng(7)
    t0, se0 = 1.25, 0.4
    reps = t0 + rng.normal(0, 0.4, 500) + rng.exponential(0.2, 500)
    se = 0.4 * np.exp(rng.normal(0, 0.2, 500))
    t = (reps - t0) / se
    lo = t0 - se0 * np.quantile(t, 1 - ALPHA)
    hi = t0 - se0 * np.quantile(t, ALPHA)
    write("studentized_inputs.csv", [["fixed", "replicates", *map(r, reps)], ["fixed", "se", *map(r, se)]])
    write("studentized_exact.csv", [["case", "observed", "se0", "level", "low", "high"],
                                    ["fixed", r(t0), r(se0), r(LEVEL), r(lo), r(hi)]])

    # Studentized, Monte Carlo: an independent bootstrap-t of the mean with analytic se.
    n = len(sea)
    m0 = sea.mean()
    s0 = sea.std(ddof=1) / np.sqrt(n)
    ends = []
    for seed in range(RUNS):
        idx = np.random.default_rng(seed).integers(0, n, (9999, n))
        x = sea[idx]
        tb = (x.mean(axis=1) - m0) / (x.std(ddof=1, axis=1) / np.sqrt(n))
        ends.append((m0 - s0 * np.quantile(tb, 1 - ALPHA), m0 - s0 * np.quantile(tb, ALPHA)))
    v = np.array(ends)
    write("studentized_mc.csv", [["case", "level", "mean_low", "mean_high", "sd_low", "sd_high", "runs"],
                                 ["seattle_mean", r(LEVEL), r(v[:, 0].mean()), r(v[:, 1].mean()),
                                  r(v[:, 0].std(ddof=1)), r(v[:, 1].std(ddof=1)), RUNS]])


if __name__ == "__main__":
    main(sys.argv[1])
