"""Reference p-values for parboot's permutation tests, from scipy.stats.permutation_test (SciPy 1.17).

Writes
  permutation_data.csv   name,column,values...   (the samples)
  permutation_tests.csv  case,type,spec,alternative,resamples,exact,p_value,p_sd
where a case names its samples in permutation_data.csv ("ind_small" reads ind_small_a and
ind_small_b; the others read their own rows, column by column). Exact cases (every distinct
permutation fits in the resamples) must match to 1e-12; random ones were run with 200,000
permutations, and p_sd is the sd of a p-value from `resamples` permutations, sqrt(p(1-p)/B).

Run: python3 make_permutation.py   (from this folder)
"""
import csv
import numpy as np
from scipy import stats

rng = np.random.default_rng(20261129)
data = {}
def put(name, **cols):
    data[name] = cols

# Independent samples: a shifted skewed pair.
put("ind_small_a", x=rng.gamma(2.0, 1.0, 7) + 0.8)
put("ind_small_b", x=rng.gamma(2.0, 1.0, 6))
put("ind_large_a", x=rng.gamma(2.0, 1.0, 40) + 0.5)
put("ind_large_b", x=rng.gamma(2.0, 1.0, 35))
# Paired samples: y = x + a small shift + noise.
for name, n in (("pair_small", 11), ("pair_large", 40)):
    x = rng.normal(10, 2, n)
    y = x - 0.6 + rng.normal(0, 1, n)
    put(name, x=x, y=y, d=x - y)
# Association: y depends weakly on x.
for name, n in (("assoc_small", 7), ("assoc_large", 30)):
    x = rng.normal(0, 1, n)
    y = 0.4 * x + rng.normal(0, 1, n)
    put(name, x=x, y=y)

def spearman(x, y):
    return stats.spearmanr(x, y).statistic

def kendall(x, y):
    return stats.kendalltau(x, y).statistic

def corr(x, y, axis=-1):
    xm = x - x.mean(axis=axis, keepdims=True)
    ym = y - y.mean(axis=axis, keepdims=True)
    return (xm * ym).sum(axis=axis) / np.sqrt((xm ** 2).sum(axis=axis) * (ym ** 2).sum(axis=axis))

one = {
    "mean": lambda a, axis=-1: np.mean(a, axis=axis),
    "median": lambda a, axis=-1: np.median(a, axis=axis),
    "std(ddof=1)": lambda a, axis=-1: np.std(a, ddof=1, axis=axis),
}
rows = []


B = 9999
BIG = 200000
for alt in ("two-sided", "less", "greater"):
    # independent: statistic(a) - statistic(b)
    for case in ("ind_small", "ind_large"):
        a = data[case + "_a"]["x"]; b = data[case + "_b"]["x"]
        for spec, f in one.items():
            g = lambda a, b, axis=-1, f=f: f(a, axis=axis) - f(b, axis=axis)
            exact = case == "ind_small"
            res = stats.permutation_test((a, b), g, permutation_type="independent", vectorized=True,
                                         n_resamples=B if exact else BIG, alternative=alt, rng=1)
            rows.append([case, "independent", spec, alt, B, int(exact), repr(float(res.pvalue)),
                         0.0 if exact else repr(float(np.sqrt(res.pvalue * (1 - res.pvalue) / B)))])
    # samples: x and y swapped within pairs; one column: signs flipped
    for case in ("pair_small", "pair_large"):
        d = data[case]
        exact = case == "pair_small"
        n_res = B if exact else BIG
        res = stats.permutation_test((d["x"], d["y"]), lambda x, y, axis=-1: np.mean(x, axis=axis) - np.mean(y, axis=axis),
                                     permutation_type="samples", vectorized=True, n_resamples=n_res, alternative=alt, rng=2)
        rows.append([case, "samples", "mean(x) - mean(y)", alt, B, int(exact), repr(float(res.pvalue)),
                     0.0 if exact else repr(float(np.sqrt(res.pvalue * (1 - res.pvalue) / B)))])
        for spec in ("mean", "median"):
            res = stats.permutation_test((d["d"],), one[spec], permutation_type="samples", vectorized=True,
                                         n_resamples=n_res, alternative=alt, rng=3)
            rows.append([case, "samples", spec + "(d)", alt, B, int(exact), repr(float(res.pvalue)),
                         0.0 if exact else repr(float(np.sqrt(res.pvalue * (1 - res.pvalue) / B)))])
    # pairings: y permuted against x
    for case in ("assoc_small", "assoc_large"):
        d = data[case]
        exact = case == "assoc_small"
        n_res = B if exact else BIG
        for spec, f in (("corr(x,y)", corr), ("spearman(x,y)", spearman), ("kendall(x,y)", kendall)):
            vec = spec == "corr(x,y)"
            stat = (lambda y, axis=-1, x=d["x"]: corr(np.broadcast_to(x, y.shape), y, axis=axis)) if vec else (
                lambda y, f=f, x=d["x"]: f(x, y))
            res = stats.permutation_test((d["y"],), stat,
                                         permutation_type="pairings", vectorized=vec, n_resamples=n_res if vec else (B if exact else 40000),
                                         alternative=alt, rng=4)
            rows.append([case, "pairings", spec, alt, B, int(exact), repr(float(res.pvalue)),
                         0.0 if exact else repr(float(np.sqrt(res.pvalue * (1 - res.pvalue) / B)))])

with open("permutation_data.csv", "w", newline="") as f:
    w = csv.writer(f)
    for name, cols in data.items():
        for col, v in cols.items():
            w.writerow([name, col] + [repr(float(t)) for t in v])
with open("permutation_tests.csv", "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["case", "type", "spec", "alternative", "resamples", "exact", "p_value", "p_sd"])
    w.writerows(rows)
