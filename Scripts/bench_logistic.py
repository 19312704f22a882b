"""Issue 26's bench line, imported by bench.py (or run alone: python Scripts/bench_logistic.py [REPS]).

Batch logistic regression on 10^6 points x 2 features for 100 epochs at rate 0.5 from theta = 0: gdanimate's
LogisticRegression (timed inside the release test LogisticBenchTests, on every core and on one, best of 3)
against a vectorised NumPy loop of the same updates (best of REPS): per epoch z = w1*x1 + w2*x2 + b, the mean
cross-entropy mean(max(z, 0) + log1p(exp(-|z|)) - y*z) that the run records, sigma from the same exp(-|z|),
and the gradient's three dot products. Both draw the points from the same SplitMix64 stream
(make-logistic-fixtures.py's gen(10^6, 2, 21)); the final thetas are compared too.
"""
import os, subprocess, sys, tempfile, time
import numpy as np

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
GAMMA = np.uint64(0x9E3779B97F4A7C15)


def uniforms(seed, count):
    """The first `count` uniforms of SplitMix64(seed) (its state is a counter), as make-logistic-fixtures.py."""
    with np.errstate(over="ignore"):
        z = np.uint64(seed) + GAMMA * np.arange(1, count + 1, dtype=np.uint64)
        z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        z = z ^ (z >> np.uint64(31))
    return (z >> np.uint64(11)).astype(np.float64) * 2.0 ** -53


def gen(n, seed):
    u = uniforms(seed, n * 3).reshape(n, 3)
    x1, x2 = 4 * u[:, 0] - 2, 4 * u[:, 1] - 2
    z = 1.5 * x1 - 2 * x2 + 0.5
    return x1, x2, (u[:, 2] < 0.5 + 0.5 * z / (1 + np.abs(z))).astype(np.float64)


def numpy_run(x1, x2, y, epochs=100, lr=0.5):
    n = len(y)
    w1 = w2 = b = 0.0
    losses = []
    for epoch in range(epochs + 1):
        z = x1 * w1 + x2 * w2 + b
        e = np.exp(-np.abs(z))
        losses.append(float(np.mean(np.maximum(z, 0) + np.log1p(e) - y * z)))
        if epoch == epochs:
            break
        inv = 1 / (1 + e)
        r = np.where(z >= 0, inv, e * inv) - y
        w1, w2, b = w1 - lr * (r @ x1) / n, w2 - lr * (r @ x2) / n, b - lr * r.sum() / n
    return (w1, w2, b), losses[-1]


def swift_run():
    with tempfile.NamedTemporaryFile("r", suffix=".txt") as f:
        env = dict(os.environ, GDANIMATE_BENCH_LOGISTIC=f.name)
        subprocess.run(["swift", "test", "-c", "release", "-Xswiftc", "-enable-testing", "--filter", "LogisticBenchTests"],
                       cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        rows = [line.split() for line in open(f.name).read().splitlines()]
    return {int(r[0]): (float(r[1]), [float(v) for v in r[2:]]) for r in rows}


def bench(reps=3):
    x1, x2, y = gen(1_000_000, 21)
    times = []
    for _ in range(reps):
        t = time.perf_counter()
        theta, loss = numpy_run(x1, x2, y)
        times.append(time.perf_counter() - t)
    t_numpy = min(times)
    ours = swift_run()
    cores = max(ours)
    t_ours, final = ours[cores]
    t_one = ours[1][0]
    diff = max(abs(a - b) for a, b in zip(list(theta) + [loss], final))
    same = ours[1][1] == final
    print(f"\nlogistic regression, 10^6 points x 2 features, 100 batch epochs: NumPy {t_numpy:.3f} s, gdanimate {t_ours:.3f} s on "
          f"{cores} threads ({t_numpy / t_ours:.1f}x), {t_one:.3f} s on 1 ({t_numpy / t_one:.1f}x); final theta and loss differ by {diff:.1e}; "
          f"1 and {cores} threads bit-identical: {'yes' if same else 'NO'}")
    return dict(numpy=t_numpy, ours=t_ours, one=t_one, ratio=t_numpy / t_ours, diff=diff, same=same, cores=cores)


if __name__ == "__main__":
    bench(int(sys.argv[1]) if len(sys.argv) > 1 else 3)
