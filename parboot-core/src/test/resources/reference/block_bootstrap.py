#!/usr/bin/env python3
"""Reference bootstrap standard errors for parboot's schemes (SchemeReferenceTest).

Run from this directory with numpy 2.4, after block_length.py (it reads its AR(1) series):

    python3 block_bootstrap.py

Independent of parboot's index streams: closed forms where they exist, else NumPy's own
generator (PCG64) with many resamples. The series is ar1_phi0.5_n240 of block_length_series.csv
(x_t = 0.5 x_{t-1} + e_t, e ~ N(0,1), default_rng(20260101)), block length L = 10 (divides n).

  iid, mean:            exact, sqrt(mean((x - xbar)^2) / n)
  moving-block, mean:   exact (Kunsch 1989): mean* is the average of n/L block means drawn
                        uniformly from the n-L+1 overlapping ones, so Var* = var(block means) / (n/L)
  circular-block, mean: exact, the same with the n wrapping blocks
  stationary, mean:     exact (Politis & Romano 1994, JASA 89, eq. 3 / Lahiri 1999):
                        n Var* = C0 + 2 sum_{i=1}^{n-1} b(i) C_i with the sample autocovariances
                        C_i = sum_{j<n-i} e_j e_{j+i} / n and b(i) = (1 - i/n) q^i + (i/n) q^(n-i),
                        q = 1 - 1/L;
                        also checked here by NumPy Monte Carlo
  poisson, mean/median: Monte Carlo, counts = rng.poisson(1, (R, n)), weighted mean and the
                        median of the sample expanded by the counts
  balanced, mean:       Monte Carlo, R boot's construction: a permutation of B copies of 0..n-1
                        cut into B rows (B = 10000 per design, 20 designs)

Writes block_bootstrap.csv: scheme,L,stat,se,how
"""
import csv
import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
L = 10


def series():
    with open(os.path.join(HERE, "block_length_series.csv")) as f:
        for row in csv.reader(f):
            if row[0] == "ar1_phi0.5_n240":
                return np.array([float(v) for v in row[1:]])
    raise SystemExit("run block_length.py first")


def block_means(x, circular):
    n = len(x)
    starts = n if circular else n - L + 1
    xx = np.concatenate([x, x[:L]])
    return np.array([xx[s:s + L].mean() for s in range(starts)])


def stationary_exact(x):
    n = len(x)
    e = x - x.mean()
    q = 1 - 1 / L
    c = np.array([np.dot(e[: n - i], e[i:]) / n for i in range(n)])  # the paper's C_i, divisor n
    i = np.arange(1, n)
    b = (1 - i / n) * q ** i + (i / n) * q ** (n - i)
    return np.sqrt((c[0] + 2 * np.sum(b * c[1:])) / n)


def stationary_mc(x, rng, reps, chunk=20000):
    n = len(x)
    means = []
    t = np.arange(n)
    for _ in range(reps // chunk):
        new = rng.random((chunk, n)) < 1 / L
        new[:, 0] = True
        starts = rng.integers(0, n, (chunk, n))
        last = np.maximum.accumulate(np.where(new, t, 0), axis=1)
        idx = (np.take_along_axis(starts, last, axis=1) + (t - last)) % n
        means.append(x[idx].mean(axis=1))
    return np.concatenate(means).std()


def poisson_mc(x, rng, reps, chunk=20000):
    n = len(x)
    order = np.argsort(x, kind="stable")
    xs = x[order]
    means, medians = [], []
    for _ in range(reps // chunk):
        c = rng.poisson(1.0, (chunk, n))
        m = c.sum(axis=1)
        keep = m > 0
        c, m = c[keep], m[keep]
        means.append(c @ x / m)
        cs = np.cumsum(c[:, order], axis=1)
        lo = (cs < ((m - 1) // 2 + 1)[:, None]).sum(axis=1)
        hi = (cs < (m // 2 + 1)[:, None]).sum(axis=1)
        medians.append((xs[lo] + xs[hi]) / 2)
    return np.concatenate(means).std(), np.concatenate(medians).std()


def balanced_mc(x, rng, designs=20, b=10000):
    n = len(x)
    means = []
    for _ in range(designs):
        idx = rng.permutation(np.tile(np.arange(n, dtype=np.int32), b)).reshape(b, n)
        means.append(x[idx].mean(axis=1))
    return np.concatenate(means).std()


def main():
    x = series()
    n = len(x)
    rng = np.random.default_rng(20260104)
    rows = [
        ("iid", 0, "mean", np.sqrt(np.mean((x - x.mean()) ** 2) / n), "exact"),
        ("moving-block", L, "mean", np.sqrt(block_means(x, False).var() / (n / L)), "exact (Kunsch)"),
        ("circular-block", L, "mean", np.sqrt(block_means(x, True).var() / (n / L)), "exact"),
        ("stationary", L, "mean", stationary_exact(x), "exact (Politis-Romano)"),
    ]
    mc = stationary_mc(x, rng, 200000)
    print("stationary exact", rows[-1][3], "monte carlo (R=200000)", mc)
    pm, pmed = poisson_mc(x, rng, 200000)
    rows.append(("poisson", 0, "mean", pm, "monte carlo R=200000"))
    rows.append(("poisson", 0, "median", pmed, "monte carlo R=200000"))
    rows.append(("balanced", 0, "mean", balanced_mc(x, rng), "monte carlo R=200000 (20 designs of B=10000)"))
    with open(os.path.join(HERE, "block_bootstrap.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        for r in rows:
            w.writerow([r[0], r[1], r[2], repr(float(r[3])), r[4]])
            print(*r)


if __name__ == "__main__":
    main()
