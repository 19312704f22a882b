#!/usr/bin/env python3
"""Drives gdanimate's player pages (--format html) in a real browser, as a person would.

Usage: check_player.py GDANIMATE OUTDIR

Renders a few visuals (several modes and themes, a transparent page, a step schedule, a diverging sweep)
as html, png, webp and --history CSV, then opens each page from file:// in Debian's headless Chromium
through Playwright, with every request counted and anything but the page itself refused, and checks:
- no request leaves the page, no console error, no page error;
- with prefers-reduced-motion the page starts paused on frame 0, otherwise it plays;
- pressing → k times shows frame k: the canvas's pixels equal the WebP's frame exactly (decoded by
  Pillow) and the PNG frame k up to the palette (mean error < 1.5 levels, as check_gifs.py allows);
- the scrubber, Home, End, Shift+→, PageDown and a click on a chapter seek the same way;
- the numbers (the page's CSV download) equal row k of --history to the last bit, and the readout shows
  them to six significant digits; the live region speaks on a step, not while playing;
- playing at 2x takes half the time of 1x; reflect plays back; once stops on the last frame;
- every control is a real button, range or select with an accessible name; the canvas's accessible
  name is the visual's description.
Screenshots of paused players (1280 and 390 px wide, light and dark) and of the gallery go to
OUTDIR/shots; at 390 px nothing scrolls sideways. Prints one line per page and 'N passed, N failed'.
"""
import csv
import io
import json
import os
import subprocess
import sys
import time

from PIL import Image
from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium-headless-shell"
GDANIMATE, OUT = sys.argv[1], os.path.abspath(sys.argv[2])
SHOTS = os.path.join(OUT, "shots")

# name: (options, frames to step to, check the 1x/2x timing)
CASES = {
    "contour": (["--mode", "contour"], [1, 7, 40], False),
    "compare-dark": (["--mode", "compare", "--epochs", "40", "--theme", "dark"], [3, 20], False),
    "steps": (["--mode", "steps"], [5, 13], False),
    "line-transparent": (["--mode", "line", "--background", "transparent", "--epochs", "30"], [4, 30], False),
    "loss-step": (["--mode", "loss", "--lr-schedule", "step", "--epochs", "80", "--lr", "0.05"], [10], False),
    "short": (["--mode", "contour", "--epochs", "19", "--fps", "10", "--hold", "0"], [2], True),
    "sweep": (["--mode", "lr-sweep", "--epochs", "30"], [12], False),
}


def render(name, options):
    subprocess.run([GDANIMATE, *options, "--name", name, "--format", "html,png,webp", "--output", OUT,
                    "--history", os.path.join(OUT, name + "-history.csv"), "--quiet"], check=True)


def canvas_pixels(page):
    data = page.evaluate("""() => { const c = document.querySelector('.gd-player canvas');
        return Array.from(c.getContext('2d').getImageData(0, 0, c.width, c.height).data); }""")
    w, h = page.evaluate("() => { const c = document.querySelector('.gd-player canvas'); return [c.width, c.height]; }")
    return Image.frombytes("RGBA", (w, h), bytes(data))


def webp_frame(name, still):
    im = Image.open(os.path.join(OUT, name + ".webp"))
    im.seek(still)
    return im.convert("RGBA")


def clear(im):
    """The picture with every transparent pixel (0, 0, 0, 0): a canvas keeps no colour under alpha 0."""
    im = im.convert("RGBA")
    px = bytearray(im.tobytes())
    for i in range(3, len(px), 4):
        if px[i] == 0:
            px[i - 3:i] = b"\0\0\0"
    return Image.frombytes("RGBA", im.size, bytes(px))


def mean_error(a, b):
    page = Image.new("RGBA", a.size, (60, 179, 113, 255))
    fa, fb = page.copy(), page.copy()
    fa.alpha_composite(a)
    fb.alpha_composite(b.convert("RGBA"))
    diff = [abs(x - y) for x, y in zip(fa.convert("RGB").tobytes(), fb.convert("RGB").tobytes())]
    return sum(diff) / len(diff)


def frame_of(page):
    return int(page.evaluate("document.querySelector('.gd-player').dataset.frame"))


def wait_until(page, condition, timeout=5000):
    """Waits for `condition` (a JS expression of p, the player) to hold, polled from here: the page's
    Content-Security-Policy forbids eval, which Playwright's wait_for_function needs in the page."""
    t0 = time.monotonic()
    expression = f"(p => {condition})(document.querySelector('.gd-player'))"
    while not page.evaluate(expression):
        assert time.monotonic() - t0 < timeout / 1000, f"timed out waiting for {condition}"
        time.sleep(0.01)


def wait_frame(page, k):
    wait_until(page, f"p.dataset.frame === '{k}'")


def numbers(page):
    """Every frame's numbers as the page's "Download CSV" saves them (the Numbers view opened first)."""
    if not page.locator(".gd-numbers").evaluate("e => e.open"):
        page.click(".gd-numbers summary")
    with page.expect_download() as d:
        page.click("[data-act=csv]")
    rows = list(csv.DictReader(io.StringIO(open(d.value.path()).read())))
    return rows


def history(name):
    with open(os.path.join(OUT, name + "-history.csv")) as f:
        return list(csv.DictReader(f))


def check_page(browser, name, steps, timing):
    path = os.path.join(OUT, name + ".html")
    errors, requests = [], []
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, reduced_motion="reduce", accept_downloads=True)
    page = ctx.new_page()
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))

    def route(r):
        requests.append(r.request.url)
        if r.request.url == "file://" + path:
            r.continue_()
        else:
            r.abort()
    page.route("**/*", route)
    page.on("request", lambda r: requests.append(r.url) if not r.url.startswith(("file://" + path, "data:", "blob:")) else None)
    page.goto("file://" + path)
    page.wait_for_selector(".gd-player[data-ready=true]", timeout=20000)
    player = page.locator(".gd-player")
    assert player.get_attribute("data-playing") == "false", "reduced motion: the page must start paused"
    assert frame_of(page) == 0
    data = json.loads(page.locator(".gd-data").text_content())
    n = len(data["frames"])
    hist = history(name)
    rows = numbers(page)
    assert len(rows) == n * len(data["runs"]), f"CSV has {len(rows)} rows for {n} frames"
    # The canvas is named by the description; every control has a name.
    described = page.locator(".gd-about p").first.text_content()
    assert page.get_by_role("img").first.get_attribute("aria-labelledby") == page.locator(".gd-about p").first.get_attribute("id")
    for control in page.locator(".gd-bar button, .gd-bar select, .gd-scrub input").all():
        tag = control.evaluate("e => e.tagName")
        label = control.get_attribute("aria-label") or control.evaluate("e => e.closest('label') ? e.closest('label').textContent : ''")
        assert tag in ("BUTTON", "SELECT", "INPUT") and label.strip(), f"{tag} has no accessible name"
    assert described and len(described) > 40
    # → k times shows frame k, pixel for pixel the WebP's, and the PNG's up to the palette.
    worst, at = 0.0, 0
    page.locator("body").click(position={"x": 2, "y": 2})
    for k in steps:
        k = min(k, n - 1)
        for _ in range(k - at):
            page.keyboard.press("ArrowRight")
        at = k
        wait_frame(page, k)
        shown = canvas_pixels(page)
        still = max(data["frames"][j] for j in range(k + 1) if data["frames"][j] >= 0)
        webp = webp_frame(name, still)
        assert clear(shown).tobytes() == clear(webp).tobytes(), f"frame {k}: canvas differs from WebP frame {still}"
        err = mean_error(shown, Image.open(os.path.join(OUT, name, f"frame-{k:04d}.png")))
        assert err < 1.5, f"frame {k}: mean error {err:.2f} against the PNG"
        worst = max(worst, err)
        # The numbers of frame k are the history's row for its epoch (or update), to the last bit.
        row = rows[k * len(data["runs"])] if len(data["runs"]) > 1 else rows[k]
        key = "update" if "step" in hist[0] else "epoch"
        match = [h for h in hist if int(h.get("step", h["epoch"])) == int(float(row[key]))] if key == "update" else \
            [h for h in hist if int(h["epoch"]) == int(float(row["epoch"]))]
        if len(data["runs"]) == 1 or name.startswith("compare"):
            assert match, f"frame {k}: no history row for {key} {row[key]}"
            h = match[0]
            for col in ("m", "b", "loss"):
                assert float(row[col]) == float(h[col]), f"frame {k}: {col} {row[col]} != history {h[col]}"
            shown_m = page.locator(".gd-readout tbody tr").first.locator("td").nth(2).text_content().replace("\u2212", "-")
            assert abs(float(shown_m) - float(row["m"])) <= 5e-6 * max(1, abs(float(row["m"]))), f"readout m {shown_m} != {row['m']}"
        live = page.locator(".gd-live").text_content()
        assert live.startswith(f"Frame {k + 1} of {n}"), f"live region says {live!r} at frame {k}"
    # Seeking: Home, End, Shift+→, the scrubber, PageDown, a chapter.
    page.keyboard.press("Home"); wait_frame(page, 0)
    page.keyboard.press("End"); wait_frame(page, n - 1)
    page.keyboard.press("Home"); page.keyboard.press("Shift+ArrowRight"); wait_frame(page, min(10, n - 1))
    page.eval_on_selector(".gd-scrub input", "(e, v) => { e.value = v; e.dispatchEvent(new Event('input', {bubbles: true})); }", n // 2)
    wait_frame(page, n // 2)
    chapters = data["chapters"]
    if len(chapters) > 1:
        page.keyboard.press("Home")
        page.keyboard.press("PageDown"); wait_frame(page, chapters[1][0])
        page.locator(".gd-chapters button").last.click(); wait_frame(page, chapters[-1][0])
    # Any seek gives the same pixels as stepping there.
    page.keyboard.press("End"); wait_frame(page, n - 1)
    k = steps[0]
    page.eval_on_selector(".gd-scrub input", "(e, v) => { e.value = v; e.dispatchEvent(new Event('input', {bubbles: true})); }", k)
    wait_frame(page, k)
    still = max(data["frames"][j] for j in range(k + 1) if data["frames"][j] >= 0)
    assert clear(canvas_pixels(page)).tobytes() == clear(webp_frame(name, still)).tobytes(), f"seek back to {k}: canvas differs"
    # Playing: the live region stays quiet; reflect plays back; once stops at the end.
    page.keyboard.press("Home"); wait_frame(page, 0)
    said = page.locator(".gd-live").text_content()
    page.select_option("select[name=speed]", "4")
    page.evaluate("document.activeElement.blur()")   # Space on a focused select opens it
    page.keyboard.press("Space")
    wait_until(page, "+p.dataset.frame >= 2")
    assert player.get_attribute("data-playing") == "true"
    assert page.locator(".gd-live").text_content() == said, "the live region spoke while playing"
    page.keyboard.press("Space")
    assert player.get_attribute("data-playing") == "false"
    if n > 4:
        page.select_option("select[name=repeat]", "reflect")
        page.evaluate("document.activeElement.blur()")
        page.keyboard.press("End"); page.keyboard.press("ArrowLeft"); page.keyboard.press("ArrowLeft"); wait_frame(page, n - 3)
        seen = page.evaluate("""() => new Promise(done => { const p = document.querySelector('.gd-player'), got = [];
            new MutationObserver(() => { got.push(+p.dataset.frame); if (got.length >= 5) done(got); })
              .observe(p, {attributes: true, attributeFilter: ['data-frame']});
            p.querySelector('[data-act=play]').click(); })""")
        page.keyboard.press("Space")
        assert seen[:2] == [n - 2, n - 1] and seen[2] == n - 2, f"reflect played {seen}"
    if timing:
        page.select_option("select[name=repeat]", "once")
        times = {}
        for speed in ("1", "2"):
            page.keyboard.press("Home"); wait_frame(page, 0)
            page.select_option("select[name=speed]", speed)
            times[speed] = page.evaluate("""n => new Promise(done => { const p = document.querySelector('.gd-player');
                const t0 = performance.now();
                new MutationObserver(() => { if (p.dataset.playing === 'false') done(performance.now() - t0); })
                  .observe(p, {attributes: true, attributeFilter: ['data-playing']});
                p.querySelector('[data-act=play]').click(); })""", n)
        total = sum(data["delays"])
        assert abs(times["1"] - total) < 0.15 * total, f"1x played in {times['1']:.0f} ms, the frames last {total} ms"
        ratio = times["2"] / times["1"]
        assert 0.42 < ratio < 0.58, f"2x took {ratio:.2f} of 1x's time"
    # Without reduced motion it plays by itself.
    other = browser.new_context(viewport={"width": 1280, "height": 900})
    p2 = other.new_page()
    p2.route("**/*", route)
    p2.goto("file://" + path)
    wait_until(p2, "p.dataset.playing === 'true'", 10000)
    other.close()
    assert not errors, f"console errors: {errors}"
    assert not [u for u in requests if u != "file://" + path], f"requests left the page: {requests}"
    # Screenshots, paused, at desktop and phone widths, light and dark.
    for width in (1280, 390):
        page.set_viewport_size({"width": width, "height": 900})
        page.keyboard.press("Home"); page.keyboard.press("ArrowRight"); page.keyboard.press("ArrowRight")
        wait_frame(page, min(2, n - 1))
        wide = page.evaluate("document.documentElement.scrollWidth")
        assert wide <= width, f"{width} px wide: the page is {wide} px wide (scrolls sideways)"
        page.screenshot(path=os.path.join(SHOTS, f"{name}-{width}.png"), full_page=True)
    ctx.close()
    rate = "" if not timing else f", 2x in {ratio:.2f} of 1x"
    return f"{n} frames, {len(data['images'])} stills, {os.path.getsize(path)} bytes; steps {steps} exact against the WebP, worst PNG error {worst:.3f}{rate}"


def check_gallery(browser, index):
    ctx = browser.new_context(viewport={"width": 390, "height": 900})
    page = ctx.new_page()
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file://") else r.abort())
    page.goto("file://" + index)
    wide = page.evaluate("document.documentElement.scrollWidth")
    page.screenshot(path=os.path.join(SHOTS, "gallery-390.png"), full_page=False)
    assert wide <= 390, f"the gallery is {wide} px wide at 390 px"
    links = page.locator("a[href$='.html']").count()
    ctx.close()
    return f"gallery at 390 px: {wide} px wide, {links} player links"


def main():
    os.makedirs(SHOTS, exist_ok=True)
    passed = failed = 0
    for name, (options, steps, timing) in CASES.items():
        render(name, options)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        for name, (options, steps, timing) in CASES.items():
            try:
                print(f"{name}: {check_page(browser, name, steps, timing)}")
                passed += 1
            except Exception as e:  # one line per failing page, then the count
                line = e.__traceback__.tb_next.tb_lineno if e.__traceback__.tb_next else "?"
                print(f"{name}: FAILED at line {line}: {type(e).__name__}: {e}")
                failed += 1
        index = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "outputs", "index.html")
        if os.path.exists(index):
            try:
                print(check_gallery(browser, os.path.abspath(index)))
                passed += 1
            except Exception as e:
                print(f"gallery: FAILED {e}")
                failed += 1
        browser.close()
    print(f"player: {passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


main()
