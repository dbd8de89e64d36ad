#!/usr/bin/env python3
"""Reference values for parboot-core's statistic and interval tests.

Run from this directory with numpy 2.4 / scipy 1.17 (the versions the fixtures were made with):

    python3 make_statistics.py /work/shared/data/weather.csv

It writes, next to itself:

  datasets.csv          dataset,column,v1,v2,...   every value with repr() (round-trips exactly)
  statistics.csv        dataset,spec,expected      NumPy/SciPy value of each StatisticSpec
  intervals_exact.csv   case,method,level,low,high SciPy's own interval code on fixed replicates
  replicates.csv        case,dataset,spec,observed,r1,r2,...  the fixed replicates (numpy RNG)
  intervals_mc.csv      case,dataset,spec,method,level,mean_low,mean_high,sd_low,sd_high,runs
                        scipy.stats.bootstrap(n_resamples=9999) repeated over `runs` seeds

Nothing here depends on parboot: it is the independent side of the comparison.
"""
import csv
import os
import sys
from fractions import Fraction

import numpy as np
import scipy
from scipy import stats
from scipy.special import ndtr, ndtri
from scipy.stats import _resampling

HERE = os.path.dirname(os.path.abspath(__file__))


def r(v):
    return repr(float(v))


# --- datasets -------------------------------------------------------------------------------
def load_seattle(path):
    tmax, tmin = [], []
    with open(path, newline="") as f:
        for row in csv.DictReader(f):
            if row["location"] == "Seattle":
                tmax.append(float(row["temp_max"]))
                tmin.append(float(row["temp_min"]))
    return np.array(tmax), np.array(tmin)


tmax, tmin = load_seattle(sys.argv[1] if len(sys.argv) > 1 else "/work/shared/data/weather.csv")
rng = np.random.default_rng(20240611)
skewed = rng.lognormal(mean=1.0, sigma=0.8, size=60)
tiny = np.array([3.0, 1.0, 4.0, 1.0, 5.0])  # n = 5 with a tie
hard = 1e9 + np.random.default_rng(12345).standard_normal(1000)

DATASETS = {
    "seattle": {"temp_max": tmax, "temp_min": tmin},
    "skewed": {"x": skewed},
    "tiny": {"x": tiny},
    "hard": {"x": hard},
}

# A skewed pair with many ties, for the rank correlations (not in DATASETS: its columns get no
# one-column rows).
pair_rng = np.random.default_rng(20261129)
PAIRS = {"x": np.round(skewed * 2) / 2, "y": np.round(skewed * pair_rng.lognormal(0.0, 0.6, size=60))}

# A regression with two correlated terms and skewed errors (not in DATASETS either).
reg_rng = np.random.default_rng(20261130)
reg_x1 = np.round(reg_rng.normal(10, 3, size=80), 1)
reg_x2 = np.round(0.5 * reg_x1 + reg_rng.gamma(2.0, 1.5, size=80), 1)
REGRESSION = {"x1": reg_x1, "x2": reg_x2,
              "y": np.round(1.5 + 0.8 * reg_x1 - 1.2 * reg_x2 + reg_rng.gamma(1.5, 2.0, size=80), 2)}

with open(os.path.join(HERE, "datasets.csv"), "w") as f:
    for name, cols in list(DATASETS.items()) + [("pairs", PAIRS), ("regression", REGRESSION)]:
        for col, v in cols.items():
            f.write(",".join([name, col] + [r(x) for x in v]) + "\n")


# --- statistics -----------------------------------------------------------------------------
def one_column(x):
    return {
        "mean": np.mean(x),
        "var(ddof=0)": np.var(x, ddof=0),
        "var(ddof=1)": np.var(x, ddof=1),
        "std(ddof=0)": np.std(x, ddof=0),
        "std(ddof=1)": np.std(x, ddof=1),
        "skew(bias=true)": stats.skew(x, bias=True),
        "skew(bias=false)": stats.skew(x, bias=False),
        "kurt(bias=true)": stats.kurtosis(x, fisher=True, bias=True),
        "kurt(bias=false)": stats.kurtosis(x, fisher=True, bias=False),
        "median": np.median(x),
        "quantile(0.1)": np.quantile(x, 0.1, method="linear"),
        "quantile(0.5)": np.quantile(x, 0.5, method="linear"),
        "quantile(0.9)": np.quantile(x, 0.9, method="linear"),
        "trimmed_mean(0.1)": stats.trim_mean(x, 0.1),
        "min": np.min(x),
        "max": np.max(x),
        "cv(ddof=1)": stats.variation(x, ddof=1),
        "cv(ddof=0)": stats.variation(x, ddof=0),
        "sem(ddof=1)": stats.sem(x, ddof=1),
        "sem(ddof=0)": stats.sem(x, ddof=0),
        "iqr": stats.iqr(x),  # quantile(0.75) - quantile(0.25), NumPy's linear rule
        "mad": stats.median_abs_deviation(x),
        "mad(scale=normal)": stats.median_abs_deviation(x, scale="normal"),
    }


def positive_only(x):
    """Statistics of positive data (the weather's temperatures go below zero)."""
    return {"geomean": stats.gmean(x), "hmean": stats.hmean(x)} if np.all(x > 0) else {}


# The share of rows meeting a condition, per dataset and column: around the middle of the data,
# and on `tiny` at a tie.
PROPS = {
    ("seattle", "temp_max"): [("temp_max > 15", lambda x: x > 15)],
    ("seattle", "temp_min"): [("temp_min <= 5", lambda x: x <= 5)],
    ("skewed", "x"): [("x > 3", lambda x: x > 3)],
    ("tiny", "x"): [("x == 1", lambda x: x == 1), ("x >= 3", lambda x: x >= 3)],
    ("hard", "x"): [("x < 1000000000", lambda x: x < 1e9)],
}
# (cv, sem and iqr were added on 2026-11-29 with numpy 2.4.6 / scipy 1.17.1, and mad, geomean, hmean,
# prop, spearman, kendall and ols later that day, likewise; their rows were appended
# to statistics.csv and the earlier rows kept: a rerun here moved corr and one skew replicate in the
# last bits, an effect of the BLAS build, not of the formulas.)


def exact_shape(x):
    """Skew and kurtosis in exact rational arithmetic (the data are exact binary fractions).

    Used for the `hard` dataset only: scipy.stats.skew/kurtosis take moments about the mean rounded
    to a double and do not correct for that rounding. For 1e9 + N(0, 1) the rounding is up to half
    an ulp of 1e9 (6e-8), which shifts M3 by 3 delta M2 and makes SciPy's skew wrong by 4e-6
    relative (checked against this exact computation). parboot corrects for it (d = s1 / m).
    """
    xs = [Fraction(float(v)) for v in x]
    n = len(xs)
    m = sum(xs) / n
    d = [v - m for v in xs]
    m2 = sum(v * v for v in d) / n
    m3 = sum(v ** 3 for v in d) / n
    m4 = sum(v ** 4 for v in d) / n
    g1 = float(m3) / float(m2) ** 1.5  # exact moments, rounded once each
    g2 = float(m4 / (m2 * m2) - 3)
    G1 = g1 * (n * (n - 1)) ** 0.5 / (n - 2)
    G2 = float(((n * n - 1) * (m4 / (m2 * m2)) - 3 * (n - 1) ** 2) / ((n - 2) * (n - 3)))
    return {"skew(bias=true)": g1, "skew(bias=false)": G1, "kurt(bias=true)": g2, "kurt(bias=false)": G2}


with open(os.path.join(HERE, "statistics.csv"), "w") as f:
    f.write("dataset,spec,expected\n")
    for name, cols in DATASETS.items():
        for col, x in cols.items():
            values = one_column(x)
            values.update(positive_only(x))
            if name == "hard":
                values.update(exact_shape(x))
            for spec, v in values.items():
                # the spec names its column: mean -> mean(column=x), std(ddof=0) -> std(ddof=0,column=x)
                full = spec[:-1] + ",column=" + col + ")" if spec.endswith(")") else spec + "(column=" + col + ")"
                f.write(f'{name},"{full}",{r(v)}\n')
            for cond, test in PROPS[(name, col)]:
                f.write(f'{name},"prop({cond})",{r(np.mean(test(x)))}\n')
    x, y = tmax, tmin
    paired = {
        "corr(temp_max,temp_min)": np.corrcoef(x, y)[0, 1],
        "cov(temp_max,temp_min,ddof=1)": np.cov(x, y, ddof=1)[0, 1],
        "cov(temp_max,temp_min,ddof=0)": np.cov(x, y, ddof=0)[0, 1],
        "ratio(temp_max,temp_min)": np.mean(x) / np.mean(y),
        "mean_diff(temp_max,temp_min)": np.mean(x - y),
        "spearman(temp_max,temp_min)": stats.spearmanr(x, y).statistic,
        "kendall(temp_max,temp_min)": stats.kendalltau(x, y).statistic,  # tau-b
    }
    for spec, v in paired.items():
        f.write(f'seattle,"{spec}",{r(v)}\n')
    px, py = PAIRS["x"], PAIRS["y"]
    f.write(f'pairs,"spearman(x,y)",{r(stats.spearmanr(px, py).statistic)}\n')
    f.write(f'pairs,"kendall(x,y)",{r(stats.kendalltau(px, py).statistic)}\n')
    # ols: numpy.linalg.lstsq with an intercept column; r2 = 1 - RSS / TSS.
    for data, resp, terms in [("seattle", "temp_max", ["temp_min"]), ("regression", "y", ["x1", "x2"])]:
        cols = DATASETS[data] if data in DATASETS else REGRESSION
        X = np.column_stack([np.ones(len(cols[resp]))] + [cols[t] for t in terms])
        yv = cols[resp]
        coef = np.linalg.lstsq(X, yv, rcond=None)[0]
        rss = np.sum((yv - X @ coef) ** 2)
        r2v = 1 - rss / np.sum((yv - yv.mean()) ** 2)
        model = f"ols({resp} ~ {' + '.join(terms)})"
        for out, v in zip(["intercept"] + terms + ["r2"], list(coef) + [r2v]):
            f.write(f'{data},"{model}[{out}]",{r(v)}\n')


# --- intervals: SciPy's own code on fixed replicates ----------------------------------------
def corr_axis(x, y, axis=-1):
    xm = x - np.mean(x, axis=axis, keepdims=True)
    ym = y - np.mean(y, axis=axis, keepdims=True)
    return np.sum(xm * ym, axis=axis) / np.sqrt(np.sum(xm * xm, axis=axis) * np.sum(ym * ym, axis=axis))


ONE = {
    "mean": lambda x, axis=-1: np.mean(x, axis=axis),
    "std(ddof=1)": lambda x, axis=-1: np.std(x, ddof=1, axis=axis),
    "median": lambda x, axis=-1: np.median(x, axis=axis),
    "skew(bias=true)": lambda x, axis=-1: stats.skew(x, bias=True, axis=axis),
}


def case_data(dataset, spec):
    """(data tuple for SciPy, vectorised statistic, parboot spec)."""
    if spec == "corr(temp_max,temp_min)":
        x, y = DATASETS["seattle"]["temp_max"], DATASETS["seattle"]["temp_min"]
        # as scipy.stats.bootstrap(paired=True) does: resample row indices
        return (np.arange(len(x)),), (lambda i, axis=-1: corr_axis(x[i], y[i], axis)), spec
    col, x = next(iter(DATASETS[dataset].items()))
    return (x,), ONE[spec], spec


def stat_of(data, statistic):
    return float(statistic(*data, axis=-1))


EXACT = [  # case, dataset, spec, B, seed
    ("seattle_mean", "seattle", "mean", 1999, 1),
    ("skewed_std", "skewed", "std(ddof=1)", 999, 2),
    ("tiny_median", "tiny", "median", 999, 3),
    ("skewed_skew", "skewed", "skew(bias=true)", 999, 4),
    ("seattle_corr", "seattle", "corr(temp_max,temp_min)", 999, 5),
]
LEVELS = [0.95, 0.8]

with open(os.path.join(HERE, "replicates.csv"), "w") as rf, open(os.path.join(HERE, "intervals_exact.csv"), "w") as ef:
    ef.write("case,method,level,low,high\n")
    for case, dataset, spec, B, seed in EXACT:
        data, statistic, _ = case_data(dataset, spec)
        n = len(data[0])
        idx = np.random.default_rng(seed).integers(0, n, size=(B, n))
        reps = statistic(*[d[idx] for d in data], axis=-1)
        t0 = stat_of(data, statistic)
        rf.write(",".join([case, dataset, '"' + spec + '"', r(t0)] + [r(v) for v in reps]) + "\n")
        for level in LEVELS:
            alpha = (1 - level) / 2
            lo, hi = stats.quantile(reps, np.asarray([alpha, 1 - alpha]))
            ef.write(f"{case},percentile,{level},{r(lo)},{r(hi)}\n")
            ef.write(f"{case},basic,{level},{r(2 * t0 - hi)},{r(2 * t0 - lo)}\n")
            # R boot.ci norm.ci: t0 - bias -/+ sqrt(var(t)) * qnorm((1 + conf) / 2)
            bias = np.mean(reps) - t0
            merr = np.std(reps, ddof=1) * ndtri((1 + level) / 2)
            ef.write(f"{case},normal,{level},{r(t0 - bias - merr)},{r(t0 - bias + merr)}\n")
            a1, a2, _ = _resampling._bca_interval(data, statistic, axis=-1, alpha=alpha, theta_hat_b=reps,
                                                  batch=None, xp=np)
            lo, hi = stats.quantile(reps, np.asarray([float(a1), float(a2)]))
            ef.write(f"{case},bca,{level},{r(lo)},{r(hi)}\n")


# --- intervals: scipy.stats.bootstrap itself, Monte Carlo -----------------------------------
MC = [  # case, dataset, spec
    ("seattle_std", "seattle", "std(ddof=1)"),
    ("skewed_mean", "skewed", "mean"),
    ("skewed_median", "skewed", "median"),
    ("seattle_corr", "seattle", "corr(temp_max,temp_min)"),
]
RUNS = 20
with open(os.path.join(HERE, "intervals_mc.csv"), "w") as f:
    f.write("case,dataset,spec,method,level,mean_low,mean_high,sd_low,sd_high,runs\n")
    for case, dataset, spec in MC:
        data, statistic, _ = case_data(dataset, spec)
        t0 = stat_of(data, statistic)
        ends = {m: [] for m in ("percentile", "basic", "bca", "normal")}
        for seed in range(RUNS):
            for m in ("percentile", "basic", "bca"):
                res = stats.bootstrap(data, statistic, n_resamples=9999, method=m, vectorized=True,
                                      confidence_level=0.95, rng=np.random.default_rng(1000 + seed))
                ends[m].append((res.confidence_interval.low, res.confidence_interval.high))
            reps = res.bootstrap_distribution
            merr = np.std(reps, ddof=1) * ndtri(0.975)
            bias = np.mean(reps) - t0
            ends["normal"].append((t0 - bias - merr, t0 - bias + merr))
        for m, e in ends.items():
            e = np.array(e)
            mean, sd = e.mean(axis=0), e.std(axis=0, ddof=1)
            f.write(f'{case},{dataset},"{spec}",{m},0.95,{r(mean[0])},{r(mean[1])},{r(sd[0])},{r(sd[1])},{RUNS}\n')

print("numpy", np.__version__, "scipy", scipy.__version__)
