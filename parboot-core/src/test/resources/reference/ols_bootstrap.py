#!/usr/bin/env python3
"""Reference bootstraps of ols for RegressionBootstrapTest, independent of parboot: the residual
bootstrap written out in NumPy (Davison and Hinkley 1997, algorithm 6.1: modified residuals
e / sqrt(1 - h), centred, drawn iid and added to the fitted values) and the case bootstrap by
scipy.stats.bootstrap over row indices, both B = 9999 with numpy's default_rng(1). On the
`regression` data of datasets.csv (y ~ x1 + x2, every output) and Seattle's temp_max ~ temp_min
(the slope). numpy 2.4.6, scipy 1.17.1; run from anywhere:

    python3 ols_bootstrap.py
"""
import os

import numpy as np
from scipy import stats

HERE = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(HERE, "datasets.csv")) as f:
    D = {(r[0], r[1]): np.array([float(v) for v in r[2:]]) for r in (line.strip().split(",") for line in f)}


def fit(X, y):
    """The coefficients (intercept first) and r2 of y on X, which has a column of ones."""
    coef = np.linalg.lstsq(X, y, rcond=None)[0]
    rss = np.sum((y - X @ coef) ** 2)
    return np.r_[coef, 1 - rss / np.sum((y - y.mean()) ** 2)]


def residual_bootstrap(X, y, B=9999):
    """Every resample's fit of fitted + r*, r* drawn from the centred modified residuals."""
    n = len(y)
    beta = np.linalg.lstsq(X, y, rcond=None)[0]
    h = np.diag(X @ np.linalg.inv(X.T @ X) @ X.T)
    r = (y - X @ beta) / np.sqrt(1 - h)
    r = r - r.mean()
    rng = np.random.default_rng(1)
    return np.array([fit(X, X @ beta + r[rng.integers(0, n, n)]) for _ in range(B)])


def case_bootstrap(X, y, j):
    """scipy.stats.bootstrap of output j over the rows."""
    return stats.bootstrap((np.arange(len(y)),), lambda i: fit(X[i], y[i])[j], n_resamples=9999, vectorized=False,
                           rng=np.random.default_rng(1), method="percentile")


def show(label, se, low, high):
    print(f'"{label}; {float(se)!r}; {float(low)!r}; {float(high)!r}",')


def both(X, y, model, residual_model, outputs):
    stars = residual_bootstrap(X, y)
    for j, name in outputs:
        show(f"{residual_model}[{name}]", stars[:, j].std(ddof=1), *np.percentile(stars[:, j], [2.5, 97.5]))
    for j, name in outputs:
        res = case_bootstrap(X, y, j)
        show(f"{model}[{name}]", res.standard_error, res.confidence_interval.low, res.confidence_interval.high)


x1, x2, y = D[("regression", "x1")], D[("regression", "x2")], D[("regression", "y")]
both(np.column_stack([np.ones(len(y)), x1, x2]), y, "ols(y ~ x1 + x2)", "ols(y ~ x1 + x2, resample=residuals)",
     list(enumerate(["intercept", "x1", "x2", "r2"])))
tmin, tmax = D[("seattle", "temp_min")], D[("seattle", "temp_max")]
both(np.column_stack([np.ones(len(tmax)), tmin]), tmax, "ols(temp_max ~ temp_min)",
     "ols(temp_max ~ temp_min, resample=residuals)", [(1, "temp_min")])
