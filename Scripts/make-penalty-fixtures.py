#!/usr/bin/env python3
"""References for the overfitting lecture's training code (issue 25): penalised optima from scikit-learn,
polynomial least squares from numpy.linalg.lstsq, penalised descent histories written from the update rules
with NumPy float64 and per-sample sums, and the presets `correlated` and `wave` re-implemented here from
their recipes (so the Swift presets are checked too).

Usage: .venv/bin/python Scripts/make-penalty-fixtures.py   (writes Tests/TrainingTests/Fixtures/penalty-*.csv;
Scripts/setup --python puts NumPy and scikit-learn in .venv)

Our objective is J(θ) = mean (y − Xw − b)² + λ·[(1 − r)·‖w‖₂² + r·‖w‖₁]. scikit-learn's estimators convert
as Penalty.swift states: Ridge(alpha) is λ = alpha/n, r = 0; Lasso(alpha) is λ = 2·alpha, r = 1;
ElasticNet(alpha, l1_ratio=ρ) is λ = alpha·(1 + ρ), r = 2ρ/(1 + ρ). This script writes scikit-learn's own
parameters; the Swift tests convert them with Penalty(scikitLearn:count:), so the conversion is tested by the
optima agreeing. Every scikit-learn solution is checked here against the optimality (KKT) conditions in our
scaling before it is written.

Descent histories follow ISTA: θ ← θ − α·∇(smooth part), then every weight soft-thresholded by α·λ·r (the
intercept never). The stochastic one visits points in gdanimate's epoch order (make-fixtures.py's epoch_order).
"""
import importlib.util
import math
import os
from functools import reduce

import warnings

import numpy as np
from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import ElasticNet, Lasso, Ridge, enet_path, lasso_path

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "Tests", "TrainingTests", "Fixtures")

spec = importlib.util.spec_from_file_location("make_fixtures", os.path.join(HERE, "make-fixtures.py"))
mf = importlib.util.module_from_spec(spec)
spec.loader.exec_module(mf)


class Generator(mf.SplitMix64):
    """gdanimate's SplitMix64 draws: uniform() from the top 53 bits, normal() by Marsaglia's polar method
    using both values of each accepted pair (SplitMix64.swift)."""

    def __init__(self, seed):
        super().__init__(seed)
        self.spare = None

    def uniform(self):
        return float(self.next() >> 11) * 2.0 ** -53

    def normal(self):
        if self.spare is not None:
            s, self.spare = self.spare, None
            return s
        while True:
            u = 2 * self.uniform() - 1
            v = 2 * self.uniform() - 1
            s = u * u + v * v
            if 0 < s < 1:
                f = math.sqrt(-2 * math.log(s) / s)
                self.spare = v * f
                return u * f


def preset_correlated(seed):
    g = Generator(seed)
    x1, x2 = [], []
    for _ in range(200):
        z1, z2 = g.normal(), g.normal()
        x1.append(2 + z1)
        x2.append(1 + 0.9 * z1 + math.sqrt(0.19) * z2)
    y = [4 + 3 * a - 2 * b + 0.5 * g.normal() for a, b in zip(x1, x2)]
    return np.c_[x1, x2], np.array(y)


def preset_wave(seed):
    """scikit-learn's "Underfitting vs. Overfitting": 30 x ~ U[0,1) sorted, y = cos(1.5πx) + 0.1·N(0,1)."""
    g = Generator(seed)
    x = sorted(g.uniform() for _ in range(30))
    y = [math.cos(1.5 * math.pi * v) + 0.1 * g.normal() for v in x]
    return np.array(x), np.array(y)


def seq_sum(values):
    """A left-to-right sum, as Swift's reduce(0, +) adds (NumPy sums pairwise)."""
    return reduce(lambda a, b: a + b, (float(v) for v in values), 0.0)


def standardize(column):
    """Dataset.standardizingFeatures() to the bit: mean and population deviation by sequential sums."""
    n = len(column)
    mean = seq_sum(column) / n
    sd = math.sqrt(seq_sum((v - mean) * (v - mean) for v in column) / n)
    return np.array([(v - mean) / sd for v in column])


def polynomial(x, degree):
    """PolynomialFeatures: z = (x − x̄)/σ, then z, z·z, … (each power the previous times z), standardized."""
    z = standardize(x)
    cols, p = [], np.ones_like(z)
    for _ in range(degree):
        p = p * z
        cols.append(standardize(p))
    return np.c_[cols].T


def sparse_data(n, seed):
    """Features with means away from zero, two of which play no part in y (one correlated with x1)."""
    rng = np.random.RandomState(seed)
    x1 = 2 + rng.randn(n)
    x2 = -1 + 1.5 * rng.randn(n)
    x3 = 0.7 * (x1 - 2) + 0.5 * rng.randn(n) + 3
    x4 = 5 * rng.rand(n)
    y = 1 + 2.5 * x1 - 1.2 * x2 + 0.8 * rng.randn(n)
    return np.c_[x1, x2, x3, x4], y


def kkt_violation(X, y, w, lam, r):
    """Largest breach of the optimality conditions of our J (b eliminated), relative to max |Xᵀy|/n."""
    n = len(y)
    Xc, yc = X - X.mean(0), y - y.mean()
    g = -2 / n * Xc.T @ (yc - Xc @ w) + 2 * lam * (1 - r) * w   # gradient of the smooth part
    worst = 0.0
    for j in range(len(w)):
        if w[j] != 0:
            worst = max(worst, abs(g[j] + lam * r * np.sign(w[j])))
        else:
            worst = max(worst, max(0.0, abs(g[j]) - lam * r))
    return worst / np.max(np.abs(Xc.T @ yc / n))


def ours(estimator, alpha, rho, n):
    if estimator == "ridge":
        return alpha / n, 0.0
    if estimator == "lasso":
        return 2 * alpha, 1.0
    return alpha * (1 + rho), 2 * rho / (1 + rho)


def fit(estimator, alpha, rho, X, y):
    kw = dict(tol=1e-15, max_iter=1_000_000)
    with warnings.catch_warnings():
        # tol=1e-15 is below what the duality gap can show; the KKT check in optima() is the judge.
        warnings.simplefilter("ignore", ConvergenceWarning)
        if estimator == "ridge":
            m = Ridge(alpha=alpha, solver="svd").fit(X, y)
        elif estimator == "lasso":
            m = Lasso(alpha=alpha, **kw).fit(X, y)
        else:
            m = ElasticNet(alpha=alpha, l1_ratio=rho, **kw).fit(X, y)
    return m.coef_, float(m.intercept_)


def write_rows(name, header, rows):
    with open(os.path.join(OUT, name), "w") as f:
        f.write(header + "\n")
        for row in rows:
            f.write(",".join(v if isinstance(v, str) else repr(float(v)) for v in row) + "\n")


def save_data(name, X, y, names):
    np.savetxt(os.path.join(OUT, name), np.c_[X, y], delimiter=",", header=",".join(names) + ",y", comments="", fmt="%.17g")


def optima(sets):
    """Ridge, Lasso and ElasticNet on each set, checked against the KKT conditions in our scaling."""
    rows = []
    for name, X, y, cases in sets:
        for estimator, alpha, rho in cases:
            w, b = fit(estimator, alpha, rho, X, y)
            lam, r = ours(estimator, alpha, rho, len(y))
            v = kkt_violation(X, y, w, lam, r)
            assert v < 1e-10, f"{name} {estimator}({alpha}) not converged: KKT {v:.1e}"
            print(f"{name:12} {estimator:7} alpha={alpha:<8} l1_ratio={rho:<4} zeros={int(np.sum(w == 0))} KKT {v:.1e}")
            rows.append((name, estimator, alpha, rho, b, *w))
    write_rows("penalty-optima.csv", "data,estimator,alpha,l1_ratio,b,w...", rows)


def paths(sets):
    """lasso_path / enet_path on centred features (they fit no intercept), at scikit-learn's own grid of
    100 alphas from alpha_max down to 1e-3 of it. Every 11th alpha whose solution meets the optimality
    conditions to 1e-11 is kept (on the degree-9 powers coordinate descent stalls at the smallest alphas),
    and alpha_max itself."""
    rows = []
    for name, X, y, rho in sets:
        Xc, yc = X - X.mean(0), y - y.mean()
        kw = dict(alphas=100, tol=1e-14, max_iter=200_000)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ConvergenceWarning)
            alphas, coefs, _ = lasso_path(Xc, yc, **kw) if rho == 1 else enet_path(Xc, yc, l1_ratio=rho, **kw)
        rows.append((name, "alpha_max", rho, alphas[0]))
        kept = []
        for k in range(0, 100, 11):
            lam, r = ours("lasso" if rho == 1 else "elastic", alphas[k], rho, len(y))
            if kkt_violation(X, y, coefs[:, k], lam, r) < 1e-11:
                rows.append((name, "path", rho, alphas[k], *coefs[:, k]))
                kept.append(k)
        assert len(kept) >= 5, f"path {name}: only {kept} converged"
        print(f"path {name:10} l1_ratio={rho}: alpha_max {alphas[0]:.6g}, grid points kept {kept}, "
              f"zeros there {[int(np.sum(coefs[:, k] == 0)) for k in kept]}")
    write_rows("penalty-path.csv", "data,row,l1_ratio,alpha,w...", rows)


def lstsq_fixture(x, y):
    rows = []
    for d in range(1, 16):
        A = np.c_[polynomial(x, d), np.ones(len(y))]
        theta, *_ = np.linalg.lstsq(A, y, rcond=None)
        rows.append((d, *theta))
    write_rows("penalty-poly-lstsq.csv", "degree,w...,b", rows)


def descend(X, y, lr, epochs, lam=0.0, r=0.0, batch=None, seed=0):
    """ISTA with per-sample sums: g = −2/|B|·Aᵀ(y − Aθ) + 2λ(1 − r)·w; θ −= α·g; w ← soft(w, α·λ·r)."""
    n, p = X.shape
    A = np.c_[X, np.ones(n)]
    theta = np.zeros(p + 1)

    def loss(t):
        res = y - A @ t
        return float(np.mean(res * res)) + lam * ((1 - r) * np.sum(t[:p] ** 2) + r * np.sum(np.abs(t[:p])))

    rows = [(0, theta.copy(), loss(theta))]
    rng = mf.SplitMix64(seed ^ mf.SHUFFLE_SALT)
    for epoch in range(1, epochs + 1):
        if batch is None:
            batches = [np.arange(n)]
        else:
            order = mf.epoch_order(n, rng)
            batches = [np.array(order[s:s + batch]) for s in range(0, n, batch)]
        for idx in batches:
            res = y[idx] - A[idx] @ theta
            g = -2 / len(idx) * (A[idx].T @ res)
            g[:p] += 2 * lam * (1 - r) * theta[:p]
            theta = theta - lr * g
            t = lr * lam * r
            if t > 0:
                theta[:p] = np.sign(theta[:p]) * np.maximum(np.abs(theta[:p]) - t, 0.0)
        rows.append((epoch, theta.copy(), loss(theta)))
    return rows


def write_history(name, rows):
    p = len(rows[0][1]) - 1
    with open(os.path.join(OUT, name), "w") as f:
        f.write("epoch," + ",".join(f"w{j + 1}" for j in range(p)) + ",b,loss\n")
        for e, t, l in rows:
            f.write(f"{e}," + ",".join(repr(float(v)) for v in t) + f",{float(l)!r}\n")
    zeros = [j + 1 for j in range(p) if rows[-1][1][j] == 0]
    print(f"{name}: final θ {np.round(rows[-1][1], 4)}, zero weights {zeros}")


def main():
    Xc, yc = preset_correlated(0)
    save_data("penalty-correlated.csv", Xc, yc, ["x1", "x2"])
    xw, yw = preset_wave(0)
    save_data("penalty-wave.csv", xw, yw, ["x"])
    Xs, ys = sparse_data(60, 5)
    save_data("penalty-sparse.csv", Xs, ys, ["x1", "x2", "x3", "x4"])

    Xcs = np.c_[standardize(Xc[:, 0]), standardize(Xc[:, 1])]
    W9 = polynomial(xw, 9)
    optima([
        ("correlated", Xcs, yc, [("ridge", 20.0, 0), ("ridge", 400.0, 0), ("lasso", 0.05, 0), ("lasso", 1.5, 0),
                                 ("elastic", 0.3, 0.5), ("elastic", 1.0, 0.8)]),
        ("wave9", W9, yw, [("ridge", 0.01, 0), ("ridge", 1.0, 0), ("lasso", 0.001, 0), ("lasso", 0.02, 0),
                           ("elastic", 0.01, 0.5), ("elastic", 0.002, 0.2)]),
        ("sparse", Xs, ys, [("ridge", 5.0, 0), ("lasso", 0.1, 0), ("lasso", 0.6, 0), ("elastic", 0.4, 0.7)]),
    ])
    paths([("wave9", W9, yw, 1.0), ("sparse", Xs, ys, 1.0), ("sparse", Xs, ys, 0.5)])
    lstsq_fixture(xw, yw)

    # Descent histories, 1,000 epochs each (the Swift tests run the same cases).
    write_history("penalty-sparse-batch-lr0.01.csv", descend(Xs, ys, 0.01, 1000))
    write_history("penalty-sparse-ridge1-lr0.01.csv", descend(Xs, ys, 0.01, 1000, lam=1.0))
    write_history("penalty-sparse-lasso0.8-lr0.01.csv", descend(Xs, ys, 0.01, 1000, lam=0.8, r=1.0))
    write_history("penalty-sparse-elastic0.6r0.5-lr0.01.csv", descend(Xs, ys, 0.01, 1000, lam=0.6, r=0.5))
    write_history("penalty-sparse-sgd-lasso0.8-lr0.001-seed3.csv", descend(Xs, ys, 0.001, 1000, lam=0.8, r=1.0, batch=1, seed=3))
    peer = np.loadtxt(os.path.join(OUT, "peer-data.csv"), delimiter=",", skiprows=1)
    write_history("penalty-line-ridge0.5-lr0.1.csv", descend(peer[:, :1], peer[:, 1], 0.1, 1000, lam=0.5))
    write_history("penalty-line-lasso2.5-lr0.1.csv", descend(peer[:, :1], peer[:, 1], 0.1, 1000, lam=2.5, r=1.0))


if __name__ == "__main__":
    main()
