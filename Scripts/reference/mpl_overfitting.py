#!/usr/bin/env python3
"""Reference: the overfitting lecture's three animations (issue 25) made the way a course notebook
makes them (NumPy for the maths, matplotlib.animation.FuncAnimation + PillowWriter for the GIF),
640x480 at dpi 100, 20 fps. The baseline `Scripts/bench` times gdanimate's new modes against.
Usage: mpl_overfitting.py MODE OUTDIR [FRAMES] [DATA.csv]
  MODE: degrees|penalty|lambda-path|all
  degrees:     wave data, 1/3 validation split, GD (1000 epochs, lr 0.05) and least squares at degrees 1, 3, 9, 15
  penalty:     correlated data, standardized; lasso (lambda = 1) by ISTA (lr 0.1), one epoch a frame, MSE contours
  lambda-path: correlated data plus x3, x4 (irrelevant features), 1/3 validation split; lasso path over
               100 lambdas from lambda_max down to lambda_max * 1e-4 by warm-started coordinate descent
Data (NumPy RandomState(0) unless DATA.csv is given), written to OUTDIR so gdanimate can run on it:
  data.csv (x,y): wave, 30 points, x ~ U[0,1) sorted, y = cos(1.5 pi x) + N(0, 0.1^2), as scikit-learn's
    "Underfitting vs. Overfitting";
  correlated.csv (x1,x2,y): 200 points, x1 = 2 + z1, x2 = 1 + 0.9 z1 + sqrt(0.19) z2, y = 4 + 3 x1 - 2 x2 + N(0, 0.5^2);
  features.csv (x1,x2,x3,x4,y): the same plus x3 = z3, x4 = 0.5 z1 + sqrt(0.75) z4 (true weights 0).
A DATA.csv replaces the data whose header it has (x,y / x1,x2,y / x1,..,x4,y). Validation: the last third
of RandomState(0).permutation(n). Scaling: J = MSE + lambda * ||w||_1 (scikit-learn's Lasso alpha = lambda / 2),
features standardized with the training set's mean and std, b never penalised.
"""
import sys, time, os
import numpy as np
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
from matplotlib.animation import FuncAnimation, PillowWriter

mode, outdir = sys.argv[1], sys.argv[2]
frames = int(sys.argv[3]) if len(sys.argv) > 3 else 101
csv = sys.argv[4] if len(sys.argv) > 4 else None
os.makedirs(outdir, exist_ok=True)

rng = np.random.RandomState(0)
xw = np.sort(rng.rand(30))
yw = np.cos(1.5 * np.pi * xw) + rng.randn(30) * 0.1
rng = np.random.RandomState(0)
z1, z2 = rng.randn(200), rng.randn(200)
Xc = np.c_[2 + z1, 1 + 0.9 * z1 + np.sqrt(0.19) * z2]
yc = 4 + 3 * Xc[:, 0] - 2 * Xc[:, 1] + rng.randn(200) * 0.5
z3, z4 = rng.randn(200), rng.randn(200)
Xf = np.c_[Xc, z3, 0.5 * z1 + np.sqrt(0.75) * z4]  # x3: pure noise; x4: a decoy correlated 0.5 with x1
if csv:
    D = np.genfromtxt(csv, delimiter=",", names=True)
    if "x3" in D.dtype.names:
        Xf, yc = np.c_[D["x1"], D["x2"], D["x3"], D["x4"]], D["y"]
        Xc = Xf[:, :2]
    elif "x1" in D.dtype.names:
        Xc, yc = np.c_[D["x1"], D["x2"]], D["y"]
    else:
        xw, yw = D["x"], D["y"]
def write(name, cols, header):
    np.savetxt(os.path.join(outdir, name), cols, delimiter=",", header=header, comments="", fmt="%.17g")
write("data.csv", np.c_[xw, yw], "x,y")
write("correlated.csv", np.c_[Xc, yc], "x1,x2,y")
write("features.csv", np.c_[Xf, yc], "x1,x2,x3,x4,y")

def split(n):
    """Training and validation indices: the last third of RandomState(0).permutation(n) validates."""
    perm = np.random.RandomState(0).permutation(n)
    return np.sort(perm[: n - n // 3]), np.sort(perm[n - n // 3:])

tr, va = split(len(xw))

def save(anim, fig, name):
    t = time.perf_counter()
    anim.save(os.path.join(outdir, name), writer=PillowWriter(fps=20), dpi=100)
    plt.close(fig)
    print(f"{name}: {time.perf_counter()-t:.2f}s {os.path.getsize(os.path.join(outdir, name))} bytes")

def poly(x, d, mu=None, sd=None):
    """Columns x, x^2, ..., x^d, standardized with the training set's mean and std."""
    P = np.column_stack([x ** k for k in range(1, d + 1)])
    if mu is None:
        mu, sd = P.mean(axis=0), P.std(axis=0)
    return (P - mu) / sd, mu, sd

def mse(X, y, w, b):
    return np.mean((y - X @ w - b) ** 2)

def gd(X, y, epochs, lr, keep):
    """Batch gradient descent on MSE from w = 0, b = 0; returns (w, b) after each epoch in `keep`."""
    w, b, n, out = np.zeros(X.shape[1]), 0.0, len(y), {}
    for k in range(epochs + 1):
        if k in keep:
            out[k] = (w.copy(), b)
        r = y - X @ w - b
        w, b = w + lr * 2 / n * X.T @ r, b + lr * 2 / n * r.sum()
    return out

def degrees():
    degs, epochs, lr = [1, 3, 9, 15], 1000, 0.05  # lr < 2/trace(2X'X/n) = 1/d: stable for every degree here
    ks = np.round(np.linspace(0, epochs, frames)).astype(int)
    xs = np.linspace(0, 1, 200)
    fits = []
    for d in degs:
        Xt, mu, sd = poly(xw[tr], d)
        Xv, Xs = poly(xw[va], d, mu, sd)[0], poly(xs, d, mu, sd)[0]
        A = np.c_[np.ones(len(tr)), Xt]
        th = np.linalg.lstsq(A, yw[tr], rcond=None)[0]
        ls = (mse(Xt, yw[tr], th[1:], th[0]), mse(Xv, yw[va], th[1:], th[0]))
        fits.append(dict(d=d, Xt=Xt, Xv=Xv, Xs=Xs, ls=ls, ys_ls=Xs @ th[1:] + th[0], H=gd(Xt, yw[tr], epochs, lr, set(ks))))
    best = min(fits, key=lambda f: f["ls"][1])
    fig, axes = plt.subplots(2, 2, figsize=(6.4, 4.8), sharex=True, sharey=True)
    arts = []
    for ax, f in zip(axes.flat, fits):
        verdict = "fits" if f["ls"][1] <= 1.5 * best["ls"][1] else ("underfits" if f["d"] < best["d"] else "overfits")
        ax.scatter(xw[tr], yw[tr], s=12, c="C0", label="train")
        ax.scatter(xw[va], yw[va], s=14, facecolors="none", edgecolors="C0", label="validation")
        ax.plot(xs, f["ys_ls"], "k--", lw=1, label="least squares")
        (ln,) = ax.plot([], [], "r-", lw=2, label="gradient descent")
        txt = ax.text(0.03, 0.04, "", transform=ax.transAxes, fontsize=7, family="monospace")
        ax.set_xlim(0, 1); ax.set_ylim(-1.6, 1.6); ax.set_title(f"degree {f['d']}: {verdict}", fontsize=9)
        ax.tick_params(labelsize=7)
        arts.append((f, ln, txt))
    axes[0, 0].legend(fontsize=6, loc="upper right")
    sup = fig.suptitle("Polynomial degree")  # placeholder: tight_layout keeps room for it
    fig.tight_layout()
    def upd(i):
        k = ks[i]
        for f, ln, txt in arts:
            w, b = f["H"][k]
            ln.set_data(xs, f["Xs"] @ w + b)
            txt.set_text(f"train {mse(f['Xt'], yw[tr], w, b):.3f} (LS {f['ls'][0]:.3g})\n"
                         f"val   {mse(f['Xv'], yw[va], w, b):.3f} (LS {f['ls'][1]:.3g})")
        sup.set_text(f"Polynomial degree: gradient descent, epoch {k}")
    save(FuncAnimation(fig, upd, frames=frames), fig, "degrees.gif")

def standardized():
    X = (Xc - Xc.mean(axis=0)) / Xc.std(axis=0)
    return X, yc

def ista(X, y, lam, lr, epochs):
    """Proximal gradient on MSE + lam*||w||_1 from w = 0: a gradient step, then soft-thresholding of w.
    b starts at its optimum, mean(y) (the features have mean 0), so the MSE read out is the contour's."""
    w, b, n, H = np.zeros(X.shape[1]), y.mean(), len(y), []
    for _ in range(epochs + 1):
        H.append((w[0], w[1], b))
        r = y - X @ w - b
        w, b = w + lr * 2 / n * X.T @ r, b + lr * 2 / n * r.sum()
        w = np.sign(w) * np.maximum(np.abs(w) - lr * lam, 0)
    return np.array(H)

def penalty():
    X, y = standardized()
    lam, lr, epochs = 1.0, 0.1, frames - 1
    H = ista(X, y, lam, lr, epochs)
    w_opt = ista(X, y, lam, lr, 20000)[-1]
    w_ls = np.linalg.lstsq(np.c_[np.ones(len(y)), X], y, rcond=None)[0][1:]
    W1, W2 = np.meshgrid(np.linspace(-1.5, 4.5, 200), np.linspace(-3.5, 1.5, 200))
    r0 = y - y.mean()  # b at its optimum: the features have mean 0
    J = np.mean((r0[None, None, :] - W1[..., None] * X[:, 0] - W2[..., None] * X[:, 1]) ** 2, axis=2)
    fig, ax = plt.subplots(figsize=(6.4, 4.8))
    cs = ax.contourf(W1, W2, J, levels=np.logspace(np.log10(J.min()), np.log10(J.max()), 20), cmap="viridis")
    ax.contour(W1, W2, J, levels=cs.levels, colors="k", linewidths=0.3)
    fig.colorbar(cs, ax=ax, label="MSE (b at its optimum)")
    ax.plot(*w_ls, "*", color="gold", ms=14, mec="k", label="least squares")
    ax.plot(w_opt[0], w_opt[1], "o", color="white", ms=8, mec="k", label=f"lasso optimum λ={lam:g}")
    ax.axhline(0, color="w", lw=0.5); ax.axvline(0, color="w", lw=0.5)
    (path,) = ax.plot([], [], "r.-", lw=1.2, ms=3)
    (pt,) = ax.plot([], [], "ro", ms=7, mec="k")
    (dia,) = ax.plot([], [], "w-", lw=1.5, label="|w1|+|w2| = ‖w‖₁")
    ax.set_aspect("equal"); ax.set_xlabel("w1 (standardized x1)"); ax.set_ylabel("w2 (standardized x2)")
    ax.legend(fontsize=7, loc="lower left")
    title = ax.set_title("epoch 0\nw1", fontsize=8, family="monospace")  # placeholder: tight_layout keeps room for it
    fig.tight_layout()
    def upd(i):
        w1, w2, b = H[i]
        r = np.abs(w1) + np.abs(w2)
        dia.set_data([r, 0, -r, 0, r], [0, r, 0, -r, 0])
        path.set_data(H[: i + 1, 0], H[: i + 1, 1]); pt.set_data([w1], [w2])
        m = mse(X, y, np.array([w1, w2]), b)
        title.set_text(f"epoch {i}  λ = {lam:g}  MSE = {m:.3f}  penalty = {lam * r:.3f}\nw1 = {w1:.3f}  w2 = {w2:.3f}")
    save(FuncAnimation(fig, upd, frames=frames), fig, "penalty.gif")

def lasso_cd(X, y, lam, w, sweeps=10000, tol=1e-8):
    """Coordinate descent on MSE + lam*||w||_1 for centred y and standardized X, from w (warm start)."""
    n = len(y)
    for _ in range(sweeps):
        w_old = w.copy()
        for j in range(X.shape[1]):
            r = y - X @ w + X[:, j] * w[j]
            rho = X[:, j] @ r / n
            w[j] = np.sign(rho) * max(abs(rho) - lam / 2, 0) / (X[:, j] @ X[:, j] / n)
        if np.max(np.abs(w - w_old)) < tol:
            break
    return w

def lambda_path():
    d = Xf.shape[1]
    ft, fv = split(len(yc))
    mu, sd = Xf[ft].mean(axis=0), Xf[ft].std(axis=0)
    Xt, Xv = (Xf[ft] - mu) / sd, (Xf[fv] - mu) / sd
    b = yc[ft].mean()
    lam_max = np.max(np.abs(2 / len(ft) * Xt.T @ (yc[ft] - b)))
    lams = np.logspace(np.log10(lam_max), np.log10(lam_max * 1e-4), 100)
    t = time.perf_counter()
    W, w = [], np.zeros(d)
    for lam in lams:
        w = lasso_cd(Xt, yc[ft] - b, lam, w.copy())
        W.append(w.copy())
    W = np.array(W)
    print(f"lasso path: {time.perf_counter()-t:.2f}s")
    val = np.array([mse(Xv, yc[fv], w, b) for w in W])
    best = np.argmin(val)
    fig, (ax, bx) = plt.subplots(2, 1, figsize=(6.4, 4.8), sharex=True, gridspec_kw=dict(height_ratios=[2, 1]))
    for j in range(d):
        ax.plot(lams, W[:, j], lw=1.5, label=f"x{j + 1}")
    ax.axhline(0, color="0.6", lw=0.5, zorder=0)
    ax.set_xscale("log"); ax.set_xlim(lams[0], lams[-1])  # large λ on the left
    ax.set_ylabel("weight (standardized)"); ax.legend(fontsize=7, ncol=2, loc="lower left")
    bx.plot(lams, val, "k-", lw=1.5)
    bx.plot(lams[best], val[best], "r*", ms=12, label=f"min at λ = {lams[best]:.2g}")
    bx.set_yscale("log"); bx.set_xlabel("λ  (J = MSE + λ‖w‖₁)"); bx.set_ylabel("validation MSE")
    bx.legend(fontsize=7, loc="upper right")
    va_line, vb_line = ax.axvline(lams[0], color="k", ls=":", lw=1.5), bx.axvline(lams[0], color="k", ls=":", lw=1.5)
    (vpt,) = bx.plot([], [], "ko", ms=5)
    title = ax.set_title("lasso: λ = 0", fontsize=9, family="monospace")  # placeholder: tight_layout keeps room for it
    fig.tight_layout()
    idx = np.round(np.linspace(0, len(lams) - 1, frames)).astype(int)
    def upd(i):
        k = idx[i]
        va_line.set_xdata([lams[k]]); vb_line.set_xdata([lams[k]]); vpt.set_data([lams[k]], [val[k]])
        title.set_text(f"lasso: λ = {lams[k]:.3g}  nonzero {np.count_nonzero(W[k])}/{d}  val MSE = {val[k]:.4f}")
    save(FuncAnimation(fig, upd, frames=frames), fig, "lambda-path.gif")

t0 = time.perf_counter()
for name in (["degrees", "penalty", "lambda-path"] if mode == "all" else [mode]):
    globals()[name.replace("-", "_")]()
print(f"total {time.perf_counter()-t0:.2f}s")
