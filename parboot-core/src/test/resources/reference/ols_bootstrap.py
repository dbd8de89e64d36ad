#!/usr/bin/env python3
"""Reference bootstraps of ols(y ~ x1 + x2) on the `regression` data of datasets.csv, for
RegressionBootstrapTest: the residual bootstrap written out in NumPy (Davison and Hinkley 1997,
algorithm 6.1, modified residuals), independent of parboot, and the case bootstrap by
scipy.stats.bootstrap over row indices. numpy 2.4.6, scipy 1.17.1; run from anywhere:

    python3 ols_bootstrap.py
"""
import os
import numpy as np
from scipy import stats
rows=[l.strip().split(',') for l in open(os.path.join(os.path.dirname(os.path.abspath(__file__)), 'datasets.csv'))]
D={ (r[0],r[1]): np.array([float(v) for v in r[2:]]) for r in rows}
x1, x2, y = D[('regression','x1')], D[('regression','x2')], D[('regression','y')]
n = len(y)
X = np.column_stack([np.ones(n), x1, x2])

def fit(Xm, yv):
    coef = np.linalg.lstsq(Xm, yv, rcond=None)[0]
    rss = np.sum((yv - Xm @ coef) ** 2)
    return np.r_[coef, 1 - rss / np.sum((yv - yv.mean()) ** 2)]

# Residual bootstrap, Davison & Hinkley algorithm 6.1 (modified residuals), B = 9999.
beta = np.linalg.lstsq(X, y, rcond=None)[0]
e = y - X @ beta
h = np.diag(X @ np.linalg.inv(X.T @ X) @ X.T)
r = e / np.sqrt(1 - h)
r = r - r.mean()
rng = np.random.default_rng(1)
stars = np.array([fit(X, X @ beta + r[rng.integers(0, n, n)]) for _ in range(9999)])
names = ["intercept", "x1", "x2", "r2"]
for j, name in enumerate(names):
    se = stars[:, j].std(ddof=1)
    lo, hi = np.percentile(stars[:, j], [2.5, 97.5])
    print(f'"ols(y ~ x1 + x2, resample=residuals)[{name}]; {se!r}; {lo!r}; {hi!r}",')
# Case resampling: scipy.stats.bootstrap over rows.
for j, name in enumerate(names):
    res = stats.bootstrap((np.arange(n),), lambda i: fit(X[i], y[i])[j], n_resamples=9999, vectorized=False,
                          rng=np.random.default_rng(1), method='percentile')
    print(f'"ols(y ~ x1 + x2)[{name}]; {res.standard_error!r}; {res.confidence_interval.low!r}; {res.confidence_interval.high!r}",')

# The same two ways on Seattle's temp_max ~ temp_min, the slope only.
tmin, tmax = D[('seattle', 'temp_min')], D[('seattle', 'temp_max')]
m = len(tmax)
Xs = np.column_stack([np.ones(m), tmin])
res = stats.bootstrap((np.arange(m),), lambda i: np.linalg.lstsq(Xs[i], tmax[i], rcond=None)[0][1], n_resamples=9999,
                      vectorized=False, rng=np.random.default_rng(1), method='percentile')
print(f'"ols(temp_max ~ temp_min)[temp_min]; {res.standard_error!r}; {res.confidence_interval.low!r}; '
      f'{res.confidence_interval.high!r}",')
bs = np.linalg.lstsq(Xs, tmax, rcond=None)[0]
es = tmax - Xs @ bs
hs = np.diag(Xs @ np.linalg.inv(Xs.T @ Xs) @ Xs.T)
rs = es / np.sqrt(1 - hs)
rs = rs - rs.mean()
rng = np.random.default_rng(1)
slopes = np.array([np.linalg.lstsq(Xs, Xs @ bs + rs[rng.integers(0, m, m)], rcond=None)[0][1] for _ in range(9999)])
print(f'"ols(temp_max ~ temp_min, resample=residuals)[temp_min]; {slopes.std(ddof=1)!r}; '
      f'{np.percentile(slopes, 2.5)!r}; {np.percentile(slopes, 97.5)!r}",')
