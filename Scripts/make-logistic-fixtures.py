#!/usr/bin/env python3
"""Reference fits and histories of logistic regression for TrainingTests/LogisticTests.swift, computed
independently of the Swift code: the optimum by scikit-learn, the updates by NumPy from the rules.

Usage: .venv/bin/python Scripts/make-logistic-fixtures.py   (writes Tests/TrainingTests/Fixtures/logistic-*)

Data sets:
- logistic-small.csv: 30 students (hours, passed) from NumPy's RandomState(7), one feature.
- logistic-features3.csv: 300 points of three correlated features with means away from zero, RandomState(5).
- gen(n, p, seed): points from gdanimate's SplitMix64 uniform stream, so that the Swift tests draw the same
  points without a file (10^5 points would be 3 MB of CSV). The k-th uniform of a seed is
  mix(seed + (k + 1)·0x9E3779B97F4A7C15) >> 11 · 2^-53 (SplitMix64's k-th output); point i takes uniforms
  i·(p+1) … i·(p+1)+p: x_j = 4u − 2, and the label is 1 when the last u < 0.5 + 0.5·z/(1 + |z|) with
  z = 1.5·x_1 (− 2·x_2) + 0.5: IEEE operations only, so both sides get the same bits.

The optimum: sklearn.linear_model.LogisticRegression(penalty=None or l2 with C, tol=1e-12, solver
'newton-cholesky', max_iter 1000); lbfgs's answer is printed beside it as a check. sklearn minimises
C·Σ logloss + ½‖w‖², i.e. the mean logloss + ‖w‖²/(2nC): gdanimate's l2 = 1/(2nC).

The histories (header epoch,w1..wp,b,loss): the loss np.mean(np.logaddexp(0, z) − y·z), σ = scipy's expit,
the gradient A^T(σ − y)/n with A = [X 1], Newton's Hessian A^T diag(σ(1 − σ)) A / n solved by
np.linalg.solve, momentum and Adam as torch.optim (and make-fixtures.py) write them, and SGD visiting the
points in gdanimate's epoch order (make-fixtures.py's epoch_order, imported).
"""
import importlib.util
import os
import warnings

import numpy as np
from scipy.special import expit
from sklearn.linear_model import LogisticRegression

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "Tests", "TrainingTests", "Fixtures")
spec = importlib.util.spec_from_file_location("make_fixtures", os.path.join(HERE, "make-fixtures.py"))
mf = importlib.util.module_from_spec(spec)
spec.loader.exec_module(mf)

GAMMA = np.uint64(0x9E3779B97F4A7C15)


def uniforms(seed, count):
    """The first `count` uniforms of SplitMix64(seed), vectorised (its state is a counter)."""
    with np.errstate(over="ignore"):
        z = np.uint64(seed) + GAMMA * np.arange(1, count + 1, dtype=np.uint64)
        z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        z = z ^ (z >> np.uint64(31))
    return (z >> np.uint64(11)).astype(np.float64) * 2.0 ** -53


def gen(n, p, seed):
    u = uniforms(seed, n * (p + 1)).reshape(n, p + 1)
    X = 4 * u[:, :p] - 2
    z = 1.5 * X[:, 0] + 0.5 if p == 1 else 1.5 * X[:, 0] - 2 * X[:, 1] + 0.5
    prob = 0.5 + 0.5 * z / (1 + np.abs(z))
    return X, (u[:, p] < prob).astype(np.float64)


def small():
    rng = np.random.RandomState(7)
    h = 6 * rng.rand(30)
    y = (rng.rand(30) < expit(1.2 * (h - 3))).astype(float)
    np.savetxt(os.path.join(OUT, "logistic-small.csv"), np.c_[h, y], delimiter=",", header="hours,passed", comments="", fmt="%.17g")
    return h[:, None], y


def features3():
    rng = np.random.RandomState(5)
    n = 300
    x1 = 3 + rng.randn(n)
    x2 = 0.7 * (x1 - 3) + 0.7 * rng.randn(n) - 1
    x3 = 10 * rng.rand(n)
    X = np.c_[x1, x2, x3]
    y = (rng.rand(n) < expit(1.2 * (x1 - 3) - 1.5 * (x2 + 1) + 0.3 * (x3 - 5))).astype(float)
    np.savetxt(os.path.join(OUT, "logistic-features3.csv"), np.c_[X, y], delimiter=",", header="a,c,e,y", comments="", fmt="%.17g")
    return X, y


def loss_at(A, y, t, l2=0.0):
    z = A @ t
    return float(np.mean(np.logaddexp(0, z) - y * z) + l2 * np.sum(t[:-1] ** 2))


def optimum(name, X, y, C=None):
    n = len(y)
    kw = dict(penalty=None) if C is None else dict(C=C)
    fits = {}
    for solver in ("newton-cholesky", "lbfgs"):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            m = LogisticRegression(tol=1e-12, max_iter=10000, solver=solver, **kw).fit(X, y)
        fits[solver] = np.r_[m.coef_[0], m.intercept_[0]]
    best = fits["newton-cholesky"]
    l2 = 0.0 if C is None else 1 / (2 * n * C)
    A = np.c_[X, np.ones(n)]
    print(f"{name}: newton-cholesky vs lbfgs max |diff| {np.max(np.abs(best - fits['lbfgs'])):.2e}")
    p = X.shape[1]
    with open(os.path.join(OUT, f"logistic-optimum-{name}.csv"), "w") as f:
        f.write(",".join(f"w{j + 1}" for j in range(p)) + ",b,loss,l2\n")
        f.write(",".join(repr(float(v)) for v in best) + f",{loss_at(A, y, best, l2)!r},{l2!r}\n")


def history(name, X, y, lr, epochs, rule="batch", batch=None, seed=0, **k):
    n, p = X.shape
    A = np.c_[X, np.ones(n)]
    theta = np.zeros(p + 1)
    rows = [(0, theta.copy(), loss_at(A, y, theta))]
    v, m1, m2 = np.zeros(p + 1), np.zeros(p + 1), np.zeros(p + 1)
    rng = mf.SplitMix64(seed ^ mf.SHUFFLE_SALT)
    for epoch in range(1, epochs + 1):
        if batch is None:
            batches = [np.arange(n)]
        else:
            order = mf.epoch_order(n, rng)
            batches = [np.array(order[s:s + batch]) for s in range(0, n, batch)]
        for idx in batches:
            s = expit(A[idx] @ theta)
            g = A[idx].T @ (s - y[idx]) / len(idx)
            if rule == "batch":
                theta = theta - lr * g
            elif rule == "momentum":
                v = k["beta"] * v + g
                theta = theta - lr * v
            elif rule == "adam":
                b1, b2 = k["beta1"], k["beta2"]
                m1 = b1 * m1 + (1 - b1) * g
                m2 = b2 * m2 + (1 - b2) * g * g
                step = lr / (1 - b1 ** epoch)
                root2 = (1 - b2 ** epoch) ** 0.5
                theta = theta - step * (m1 / (np.sqrt(m2) / root2 + 1e-8))
            elif rule == "newton":
                H = A.T @ (A * (s * (1 - s))[:, None]) / n
                theta = theta - lr * np.linalg.solve(H, g)
        rows.append((epoch, theta.copy(), loss_at(A, y, theta)))
    with open(os.path.join(OUT, f"logistic-{name}.csv"), "w") as f:
        f.write("epoch," + ",".join(f"w{j + 1}" for j in range(p)) + ",b,loss\n")
        for e, t, l in rows:
            f.write(f"{e}," + ",".join(repr(float(x)) for x in t) + f",{l!r}\n")


def main():
    Xs, ys = small()
    X3, y3 = features3()
    Xg, yg = gen(1000, 2, 11)
    X1, y1 = gen(2000, 1, 13)
    Xb, yb = gen(100_000, 2, 12)
    optimum("small", Xs, ys)
    optimum("features3", X3, y3)
    optimum("gen1000", Xg, yg)
    optimum("gen2000p1", X1, y1)
    optimum("gen100000", Xb, yb)
    optimum("gen1000-C0.05", Xg, yg, C=0.05)
    optimum("features3-C0.01", X3, y3, C=0.01)
    history("gen1000-batch-lr0.5", Xg, yg, 0.5, 1000)
    history("gen1000-momentum0.9-lr0.1", Xg, yg, 0.1, 1000, "momentum", beta=0.9)
    history("gen1000-adam-lr0.05", Xg, yg, 0.05, 1000, "adam", beta1=0.9, beta2=0.999)
    history("gen1000-newton-lr1", Xg, yg, 1.0, 8, "newton")
    history("small-batch-lr1", Xs, ys, 1.0, 1000)
    history("small-sgd-lr0.05-seed4", Xs, ys, 0.05, 1000, "batch", batch=1, seed=4)
    history("features3-batch-lr0.01", X3, y3, 0.01, 1000)
    history("features3-minibatch16-lr0.01-seed2", X3, y3, 0.01, 100, "batch", batch=16, seed=2)
    history("features3-newton-lr1", X3, y3, 1.0, 8, "newton")


if __name__ == "__main__":
    main()
