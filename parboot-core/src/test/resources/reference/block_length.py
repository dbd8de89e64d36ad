#!/usr/bin/env python3
"""Reference values for parboot's automatic block length (OptimalBlockLengthTest).

Run from this directory with numpy 2.4:

    python3 block_length.py /work/shared/data/weather.csv

An independent NumPy implementation of Politis & White (2004), "Automatic block-length selection
for the dependent bootstrap", Econometric Reviews 23(1), 53-70, with the correction of Patton,
Politis & White (2009), Econometric Reviews 28(4), 372-375, written to follow
arch.bootstrap.optimal_block_length (arch 7.x, arch/bootstrap/base.py, _single_optimal_block):
same K_N = max(5, int(log10 n)), M_max = ceil(sqrt n) + K_N, threshold 2 sqrt(log10(n)/n),
arch's autocorrelation normalisation, flat-top window, D_SB = 2 s^4, D_CB = 4/3 s^4, cap
ceil(min(3 sqrt n, n/3)). arch itself was not installed where these were made; the series and
values are here so anyone with arch can check: optimal_block_length(series) must give the same
two columns (stationary, circular).

Writes block_length_series.csv (name,v1,v2,...; repr, round-trips exactly) and
block_length.csv (name,n,stationary,circular).
"""
import csv
import os
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def optimal_block_length(x):
    x = np.asarray(x, dtype=float)
    n = x.shape[0]
    e = x - x.mean()
    b_max = np.ceil(min(3 * np.sqrt(n), n / 3))
    kn = max(5, int(np.log10(n)))
    m_max = int(np.ceil(np.sqrt(n))) + kn
    cv = 2 * np.sqrt(np.log10(n) / n)
    acv = np.zeros(m_max + 1)
    rho = np.zeros(m_max + 1)
    first = None
    for lag in range(m_max + 1):
        cross = float(np.dot(e[lag:], e[: n - lag]))
        left = float(np.dot(e[lag + 1:], e[lag + 1:]))
        right = float(np.dot(e[: n - lag - 1], e[: n - lag - 1]))
        acv[lag] = cross / n
        rho[lag] = abs(cross) / np.sqrt(left * right)
        if first is None and lag >= kn and np.all(rho[lag - kn: lag] < cv):
            first = lag - kn
    m = m_max if first is None else 2 * max(first, 1)
    m = min(m, m_max)
    k = np.arange(1, m + 1)
    lam = np.where(k / m <= 0.5, 1.0, 2 * (1 - k / m))
    g = float(np.sum(2 * lam * k * acv[1: m + 1]))
    s2 = float(acv[0] + np.sum(2 * lam * acv[1: m + 1]))
    b_sb = min((2 * g ** 2 / (2 * s2 ** 2)) ** (1 / 3) * n ** (1 / 3), b_max)
    b_cb = min((2 * g ** 2 / (4 / 3 * s2 ** 2)) ** (1 / 3) * n ** (1 / 3), b_max)
    return b_sb, b_cb


def ar1(phi, n, seed):
    rng = np.random.default_rng(seed)
    eps = rng.standard_normal(n)
    x = np.empty(n)
    x[0] = eps[0] / np.sqrt(1 - phi * phi)
    for t in range(1, n):
        x[t] = phi * x[t - 1] + eps[t]
    return x


def weather(path, location, column):
    with open(path, newline="") as f:
        return np.array([float(r[column]) for r in csv.DictReader(f) if r["location"] == location])


def main(weather_csv):
    series = {
        "ar1_phi0.5_n240": ar1(0.5, 240, 20260101),
        "ar1_phi0.9_n1000": ar1(0.9, 1000, 20260102),
        "white_noise_n300": np.random.default_rng(20260103).standard_normal(300),
        "seattle_temp_max": weather(weather_csv, "Seattle", "temp_max"),
        "new_york_temp_min": weather(weather_csv, "New York", "temp_min"),
    }
    with open(os.path.join(HERE, "block_length_series.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        for name, x in series.items():
            w.writerow([name] + [repr(float(v)) for v in x])
    with open(os.path.join(HERE, "block_length.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        for name, x in series.items():
            sb, cb = optimal_block_length(x)
            w.writerow([name, len(x), repr(float(sb)), repr(float(cb))])
            print(name, len(x), sb, cb)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/work/shared/data/weather.csv")
