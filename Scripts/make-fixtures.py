#!/usr/bin/env python3
"""Reference histories for TrainingTests, computed independently of the Swift code with NumPy float64
and per-sample sums (the way the course notebooks compute them).

Usage: .venv/bin/python Scripts/make-fixtures.py   (writes Tests/TrainingTests/Fixtures/; Scripts/setup --python
puts NumPy in .venv)

Each history CSV has the header epoch,m,b,loss; row k holds the parameters after k epochs and the loss at
exactly those parameters (two-pass: residuals first, then their mean square). The stochastic optimizers
visit the points in gdanimate's epoch order (a Feistel permutation keyed from the same SplitMix64 stream,
seed ^ SHUFFLE_SALT; see epoch_order), so their paths can be checked too. The full-batch optimizers follow
the update rules torch.optim documents (SGD with momentum and nesterov, Adam, RMSprop and Adagrad with their
default eps and no other option) and Newton's method with the mean squared error's Hessian, built here from
per-sample means and solved with np.linalg.solve.
"""
import math
import os
import numpy as np

OUT = os.path.join(os.path.dirname(__file__), "..", "Tests", "TrainingTests", "Fixtures")
MASK = (1 << 64) - 1
SHUFFLE_SALT = 0x5348_5546_464C_4521


class SplitMix64:
    def __init__(self, seed):
        self.state = seed & MASK

    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)



def mix(z):
    """SplitMix64's output function."""
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
    return z ^ (z >> 31)


def epoch_order(n, rng):
    """One epoch's visiting order of 0..n-1 as gdanimate defines it (EpochOrder): six round keys drawn
    from the stream, a balanced Feistel network over 2h bits (the smallest 4^h >= n, h >= 1) whose round
    function is mix(half ^ key) masked to h bits, and cycle walking down to 0..n-1."""
    keys = [rng.next() for _ in range(6)]
    h = 1
    while h < 32 and (1 << (2 * h)) < n:
        h += 1
    mask = (1 << h) - 1

    def permute(v):
        a, b = v >> h, v & mask
        for r, key in enumerate(keys):
            if r % 2 == 0:
                a ^= mix(b ^ key) & mask
            else:
                b ^= mix(a ^ key) & mask
        return (a << h) | b

    order = []
    for k in range(n):
        v = permute(k)
        while v >= n:
            v = permute(v)
        order.append(v)
    assert sorted(order) == list(range(n)), "not a permutation"
    return order


def loss(x, y, m, b):
    r = y - (m * x + b)
    return float(np.mean(r * r))


def schedule(kind, lr, epochs, **p):
    """The rate of 0-based epoch k under a learning-rate schedule (torch's StepLR, ExponentialLR,
    CosineAnnealingLR with T_max = epochs, and inverse-time decay), written from their definitions."""
    if kind == "step":
        return lambda k: lr * p["gamma"] ** (k // p["every"])
    if kind == "exponential":
        return lambda k: lr * p["gamma"] ** k
    if kind == "cosine":
        return lambda k: p["minimum"] + (lr - p["minimum"]) * (1 + math.cos(math.pi * k / epochs)) / 2
    if kind == "inverse":
        return lambda k: lr / (1 + p["decay"] * k)
    return lambda k: lr


def train(x, y, lr, epochs, m=0.0, b=0.0, batch=None, seed=0, fixed_m=None):
    n = len(x)
    if fixed_m is not None:
        m = fixed_m
    rows = [(0, m, b, loss(x, y, m, b))]
    rng = SplitMix64(seed ^ SHUFFLE_SALT)
    rate = lr if callable(lr) else (lambda k: lr)
    for epoch in range(1, epochs + 1):
        lr_k = rate(epoch - 1)
        if batch is None:
            batches = [np.arange(n)]
        else:
            order = epoch_order(n, rng)
            batches = [np.array(order[s:s + batch]) for s in range(0, n, batch)]
        for idx in batches:
            xb, yb = x[idx], y[idx]
            r = yb - (m * xb + b)
            dm = -2 / len(idx) * np.sum(xb * r)
            db = -2 / len(idx) * np.sum(r)
            if fixed_m is None:
                m = m - lr_k * dm
            b = b - lr_k * db
        rows.append((epoch, m, b, loss(x, y, m, b)))
    return rows


def train_with(x, y, lr, epochs, rule, m=0.0, b=0.0, fixed_m=None, **k):
    """Full-batch gradients turned into steps as torch.optim does it (SGD momentum, nesterov, Adam,
    RMSprop, Adagrad), or by Newton's method. With fixed_m only b is descended (the b-only run)."""
    if fixed_m is not None:
        m = fixed_m
    rows = [(0, m, b, loss(x, y, m, b))]
    n = len(x)
    vm = vb = 0.0
    m1 = [0.0, 0.0]
    m2 = [0.0, 0.0]
    sq = np.zeros(2)  # RMSprop's square_avg, Adagrad's state_sum: torch's state, zero at the start
    rate = lr if callable(lr) else (lambda k: lr)
    for epoch in range(1, epochs + 1):
        lr = rate(epoch - 1)
        r = y - (m * x + b)
        g = [-2 / n * np.sum(x * r), -2 / n * np.sum(r)]
        if rule in ("rmsprop", "adagrad", "newton"):
            g = np.array(g)
            if rule == "rmsprop":
                # torch.optim.RMSprop(lr, alpha, eps=1e-8), momentum 0, centered False:
                # square_avg = alpha * square_avg + (1 - alpha) * grad**2; param -= lr * grad / (sqrt(square_avg) + eps)
                alpha = k["alpha"]
                sq = alpha * sq + (1 - alpha) * g * g
                step = lr * g / (np.sqrt(sq) + 1e-8)
            elif rule == "adagrad":
                # torch.optim.Adagrad(lr), lr_decay 0, initial_accumulator_value 0, eps=1e-10:
                # state_sum += grad**2; param -= lr * grad / (sqrt(state_sum) + eps)
                sq = sq + g * g
                step = lr * g / (np.sqrt(sq) + 1e-10)
            elif fixed_m is None:
                # Newton: theta -= lr * H^-1 grad, H the Hessian of the mean squared error.
                H = 2 * np.array([[np.mean(x * x), np.mean(x)], [np.mean(x), 1.0]])
                step = lr * np.linalg.solve(H, g)
            else:
                step = np.array([0.0, lr * g[1] / 2])  # d2J/db2 = 2
            if fixed_m is None:
                m = m - step[0]
            b = b - step[1]
            rows.append((epoch, float(m), float(b), loss(x, y, m, b)))
            continue
        if rule in ("momentum", "nesterov"):
            beta = k["beta"]
            vm, vb = beta * vm + g[0], beta * vb + g[1]
            if rule == "momentum":
                m, b = m - lr * vm, b - lr * vb
            else:
                m, b = m - lr * (g[0] + beta * vm), b - lr * (g[1] + beta * vb)
        else:  # adam
            b1, b2, eps = k["beta1"], k["beta2"], 1e-8
            p = [m, b]
            step = lr / (1 - b1 ** epoch)
            root2 = (1 - b2 ** epoch) ** 0.5
            for i in range(2):
                m1[i] = b1 * m1[i] + (1 - b1) * g[i]
                m2[i] = b2 * m2[i] + (1 - b2) * g[i] * g[i]
                p[i] = p[i] - step * (m1[i] / (m2[i] ** 0.5 / root2 + eps))
            m, b = p
        rows.append((epoch, m, b, loss(x, y, m, b)))
    return rows


def train_features(X, y, lr, epochs, rule="batch", theta0=0.0, b0=0.0, batch=None, seed=0, **k):
    """Several features (issue 23): theta = (w_1..w_p, b), y_hat = X w + b, the mean squared error, its
    gradient from per-sample sums and the same update rules as train_with (torch.optim's, Newton's with the
    Hessian 2/n [X 1]^T [X 1] built here from the points and solved by np.linalg.solve). batch=k visits the
    points in gdanimate's epoch order, k per update (SGD and mini-batch)."""
    n, p = X.shape
    A = np.c_[X, np.ones(n)]
    theta = np.r_[np.full(p, float(theta0)), float(b0)]

    def loss_at(t):
        r = y - A @ t
        return float(np.mean(r * r))

    rows = [(0, theta.copy(), loss_at(theta))]
    v = np.zeros(p + 1)
    m1, m2 = np.zeros(p + 1), np.zeros(p + 1)
    sq = np.zeros(p + 1)
    H = 2 / n * A.T @ A
    rng = SplitMix64(seed ^ SHUFFLE_SALT)
    for epoch in range(1, epochs + 1):
        if batch is None:
            batches = [np.arange(n)]
        else:
            order = epoch_order(n, rng)
            batches = [np.array(order[s:s + batch]) for s in range(0, n, batch)]
        for idx in batches:
            r = y[idx] - A[idx] @ theta
            g = -2 / len(idx) * (A[idx].T @ r)
            if rule in ("batch", "sgd", "minibatch"):
                theta = theta - lr * g
            elif rule == "momentum":
                v = k["beta"] * v + g
                theta = theta - lr * v
            elif rule == "nesterov":
                v = k["beta"] * v + g
                theta = theta - lr * (g + k["beta"] * v)
            elif rule == "adam":
                b1, b2 = k["beta1"], k["beta2"]
                m1 = b1 * m1 + (1 - b1) * g
                m2 = b2 * m2 + (1 - b2) * g * g
                step = lr / (1 - b1 ** epoch)
                root2 = (1 - b2 ** epoch) ** 0.5
                theta = theta - step * (m1 / (np.sqrt(m2) / root2 + 1e-8))
            elif rule == "rmsprop":
                sq = k["alpha"] * sq + (1 - k["alpha"]) * g * g
                theta = theta - lr * g / (np.sqrt(sq) + 1e-8)
            elif rule == "adagrad":
                sq = sq + g * g
                theta = theta - lr * g / (np.sqrt(sq) + 1e-10)
            elif rule == "newton":
                theta = theta - lr * np.linalg.solve(H, g)
        rows.append((epoch, theta.copy(), loss_at(theta)))
    return rows


def write_features(name, rows):
    p = len(rows[0][1]) - 1
    with open(os.path.join(OUT, name), "w") as f:
        f.write("epoch," + ",".join(f"w{j + 1}" for j in range(p)) + ",b,loss\n")
        for e, t, l in rows:
            f.write(f"{e}," + ",".join(repr(float(v)) for v in t) + f",{float(l)!r}\n")


def features_fixtures():
    """Three correlated features with means away from zero, and the least-squares optimum by lstsq."""
    rng = np.random.RandomState(2)
    n = 200
    x1 = 3 + rng.randn(n)
    x2 = 0.8 * (x1 - 3) + 0.6 * rng.randn(n) - 1
    x3 = 10 * rng.rand(n)
    X = np.c_[x1, x2, x3]
    y = 1.5 * x1 - 2 * x2 + 0.3 * x3 + 4 + 0.5 * rng.randn(n)
    np.savetxt(os.path.join(OUT, "features3.csv"), np.c_[X, y], delimiter=",", header="a,c,e,y", comments="", fmt="%.17g")
    A = np.c_[X, np.ones(n)]
    best, *_ = np.linalg.lstsq(A, y, rcond=None)
    r = y - A @ best
    H = 2 / n * A.T @ A
    with open(os.path.join(OUT, "features3-optimum.csv"), "w") as f:
        f.write("w1,w2,w3,b,loss,stability\n")
        f.write(",".join(repr(float(v)) for v in best) + f",{float(np.mean(r * r))!r},{float(2 / np.linalg.eigvalsh(H).max())!r}\n")
    write_features("features3-batch-lr0.01.csv", train_features(X, y, 0.01, 1000))
    write_features("features3-sgd-lr0.002-seed5.csv", train_features(X, y, 0.002, 30, "sgd", batch=1, seed=5))
    write_features("features3-minibatch10-lr0.005-seed1.csv", train_features(X, y, 0.005, 60, "minibatch", batch=10, seed=1))
    write_features("features3-momentum0.9-lr0.002.csv", train_features(X, y, 0.002, 500, "momentum", beta=0.9))
    write_features("features3-nesterov0.9-lr0.002.csv", train_features(X, y, 0.002, 500, "nesterov", beta=0.9))
    write_features("features3-adam-lr0.05.csv", train_features(X, y, 0.05, 500, "adam", beta1=0.9, beta2=0.999))
    write_features("features3-rmsprop-lr0.01.csv", train_features(X, y, 0.01, 500, "rmsprop", alpha=0.99))
    write_features("features3-adagrad-lr0.5.csv", train_features(X, y, 0.5, 500, "adagrad"))
    write_features("features3-newton-lr1.csv", train_features(X, y, 1.0, 20, "newton", theta0=1.0, b0=-2.0))


def write(name, rows):
    with open(os.path.join(OUT, name), "w") as f:
        f.write("epoch,m,b,loss\n")
        for e, m, b, l in rows:
            f.write(f"{e},{float(m)!r},{float(b)!r},{float(l)!r}\n")


def main():
    os.makedirs(OUT, exist_ok=True)
    rng = np.random.RandomState(0)
    x = 2 * rng.rand(100)
    y = 4 + 3 * x + rng.randn(100)
    np.savetxt(os.path.join(OUT, "peer-data.csv"), np.c_[x, y], delimiter=",", header="x,y", comments="", fmt="%.17g")
    write("batch-lr0.1.csv", train(x, y, 0.1, 1000))
    write("batch-lr0.3-from-5,-3.csv", train(x, y, 0.3, 1000, m=5.0, b=-3.0))
    write("sgd-lr0.01-seed7.csv", train(x, y, 0.01, 60, batch=1, seed=7))
    write("minibatch16-lr0.05-seed3.csv", train(x, y, 0.05, 100, batch=16, seed=3))
    write("bonly-m2.5-lr0.1.csv", train(x, y, 0.1, 300, fixed_m=2.5))
    write("momentum0.9-lr0.05.csv", train_with(x, y, 0.05, 300, "momentum", beta=0.9))
    write("nesterov0.8-lr0.05-from-5,-3.csv", train_with(x, y, 0.05, 300, "nesterov", m=5.0, b=-3.0, beta=0.8))
    write("adam-lr0.1.csv", train_with(x, y, 0.1, 300, "adam", beta1=0.9, beta2=0.999))
    # Learning-rate schedules (issue 14): the rate of epoch k applies to every update of that epoch.
    write("batch-lr0.3-cosine.csv", train(x, y, schedule("cosine", 0.3, 200, minimum=0.0), 200))
    write("batch-lr0.4-cosine-min0.01.csv", train(x, y, schedule("cosine", 0.4, 150, minimum=0.01), 150))
    write("sgd-lr0.05-step10x0.5-seed2.csv", train(x, y, schedule("step", 0.05, 40, every=10, gamma=0.5), 40, batch=1, seed=2))
    write("momentum0.9-lr0.05-exp0.97.csv", train_with(x, y, schedule("exponential", 0.05, 200, gamma=0.97), 200, "momentum", beta=0.9))
    write("adam-lr0.2-inverse0.05.csv", train_with(x, y, schedule("inverse", 0.2, 200, decay=0.05), 200, "adam", beta1=0.9, beta2=0.999))
    # RMSprop, Adagrad and Newton's method (issue 23): torch's rules with their default eps, full-batch gradients.
    write("rmsprop-lr0.01.csv", train_with(x, y, 0.01, 1000, "rmsprop", alpha=0.99))
    write("rmsprop-lr0.05-from-5,-3.csv", train_with(x, y, 0.05, 300, "rmsprop", m=5.0, b=-3.0, alpha=0.99))
    # rho = 0.9 at a small rate: at lr 0.02 the same start swings m ever wider from epoch ~260 and doubles
    # any rounding difference every epoch, which no two implementations could match to 1e-9.
    write("rmsprop0.9-lr0.005-from-5,-3.csv", train_with(x, y, 0.005, 500, "rmsprop", m=5.0, b=-3.0, alpha=0.9))
    write("rmsprop-lr0.1-exp0.98.csv", train_with(x, y, schedule("exponential", 0.1, 300, gamma=0.98), 300, "rmsprop", alpha=0.99))
    write("adagrad-lr0.5.csv", train_with(x, y, 0.5, 1000, "adagrad"))
    write("adagrad-lr1-from-5,-3.csv", train_with(x, y, 1.0, 500, "adagrad", m=5.0, b=-3.0))
    write("adagrad-lr0.5-cosine.csv", train_with(x, y, schedule("cosine", 0.5, 300, minimum=0.0), 300, "adagrad"))
    write("newton-lr1.csv", train_with(x, y, 1.0, 300, "newton"))
    write("newton-lr0.3-from-5,-3.csv", train_with(x, y, 0.3, 300, "newton", m=5.0, b=-3.0))
    write("newton-lr0.5-step10x0.5.csv", train_with(x, y, schedule("step", 0.5, 300, every=10, gamma=0.5), 300, "newton"))
    write("newton-bonly-m2.5-lr0.5.csv", train_with(x, y, 0.5, 300, "newton", fixed_m=2.5))

    # y ≈ 10⁶ plus unit noise: raw sums would lose digits of the loss here.
    rng = np.random.RandomState(1)
    xl = 10 * rng.rand(200)
    yl = 1e6 + 0.5 * xl + rng.randn(200)
    np.savetxt(os.path.join(OUT, "large-y.csv"), np.c_[xl, yl], delimiter=",", header="x,y", comments="", fmt="%.17g")
    write("large-y-batch-lr0.01-from-0,1e6.csv", train(xl, yl, 0.01, 1000, m=0.0, b=1e6))
    write("large-y-newton-lr1-from-0,1e6.csv", train_with(xl, yl, 1.0, 300, "newton", m=0.0, b=1e6))

    features_fixtures()


if __name__ == "__main__":
    main()
