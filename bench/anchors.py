"""The Python anchors of bench/compare.sh, timed in-process around the bootstrap call only.

  python3 anchors.py scipy    DATA.csv B SEED   # scipy.stats.bootstrap, vectorized, percentile
  python3 anchors.py tutorial DATA.csv B SEED   # the tutorial's 8-thread queue design
  python3 anchors.py make     DATA.csv N SEED   # write N rows of a skewed column x

Prints one line: "<seconds> <mean of the std replicates>" (the second number is a sanity check
that every tool bootstrapped the same thing).
"""
import queue
import sys
import threading
import time

import numpy as np
import scipy.stats


def load(path):
    return np.loadtxt(path, delimiter=",", skiprows=1, dtype=np.float64)


def std0(a, axis=-1):
    return np.std(a, axis=axis)


def skew_g1(a, axis=-1):
    return scipy.stats.skew(a, axis=axis, bias=True)


def run_scipy(x, b, seed, batch):
    # One call per statistic, as scipy.stats.bootstrap takes one statistic; vectorized=True is the
    # fast path (a batch of resamples as one 2-D array). batch bounds its memory (B x n doubles).
    rng = np.random.default_rng(seed)
    t = time.perf_counter()
    out = []
    for stat in (np.mean, std0, skew_g1):
        r = scipy.stats.bootstrap((x,), stat, n_resamples=b, method="percentile", vectorized=True,
                                  batch=batch, rng=rng)
        out.append(r.bootstrap_distribution)
    return time.perf_counter() - t, float(np.mean(out[1]))


def run_tutorial(x, b, seed, workers=8):
    # The tutorial: a queue of resample numbers, 8 threading.Thread workers, one shared generator,
    # results appended to a shared list; then percentile intervals of each statistic.
    rng = np.random.default_rng(seed)
    n = len(x)
    tasks = queue.Queue()
    results = []

    def worker():
        while True:
            item = tasks.get()
            if item is None:
                return
            sample = rng.choice(x, size=n, replace=True)
            results.append((np.mean(sample), np.std(sample), scipy.stats.skew(sample)))

    t = time.perf_counter()
    threads = [threading.Thread(target=worker) for _ in range(workers)]
    for th in threads:
        th.start()
    for i in range(b):
        tasks.put(i)
    for _ in threads:
        tasks.put(None)
    for th in threads:
        th.join()
    reps = np.array(results)
    np.percentile(reps, [2.5, 97.5], axis=0)
    return time.perf_counter() - t, float(np.mean(reps[:, 1]))


def main():
    mode, path, count, seed = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    if mode == "make":
        rng = np.random.default_rng(seed)
        x = 10 + rng.gamma(2.0, 3.0, size=count)
        np.savetxt(path, x, fmt="%.10g", header="x", comments="")
        return
    x = load(path)
    if mode == "scipy":
        batch = int(sys.argv[5]) if len(sys.argv) > 5 else None
        secs, check = run_scipy(x, count, seed, batch)
    elif mode == "tutorial":
        secs, check = run_tutorial(x, count, seed)
    else:
        raise SystemExit("unknown mode " + mode)
    print(f"{secs:.6f} {check:.6g}")


if __name__ == "__main__":
    main()
