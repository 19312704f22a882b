#!/usr/bin/env python3
"""Checks gdanimate's GIFs with Pillow. Usage: check_gifs.py DIR FPS HOLD_SECONDS [GDANIMATE]

For DIR/<mode>.gif and its frames DIR/<mode>/frame-*.png: Pillow, ImageMagick's identify and
gifsicle --info agree on frame count, size and delays; the GIF loops forever, has the frames' size,
its delays add up to the frame timing (round(k*100/fps) edges) plus the hold (and the first frame's
hold for names ending in -holdstart; names with -framesN must have N frames), and the picture shown when
PNG frame k is due matches that PNG up to palette quantization (mean error < 1.5 levels, 99.5 % of pixels
within 40 levels). Prints one line per GIF and 'N passed, N failed'.

Every file also says what it shows and how to remake it, read here by Pillow: the GIF's comment
("DESCRIPTION\n\nRemake: COMMAND"), each PNG frame's and the poster's iTXt chunks Description and
Software, the WebP's XMP dc:description and xmp:CreatorTool. All carry the same description; the
commands differ only in --format (none for the GIF, webp, png, or 'none --poster'); no text holds DIR
(no machine-specific path). With GDANIMATE, each GIF's command is run and must write the same bytes.
DIR/all.describe, if there, is what `--mode all --describe --quiet` printed: the paragraphs of line,
loss, bsweep and contour, each the description its GIF carries.
"""
import glob
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

from PIL import Image, ImageChops, ImageSequence

def check(gif_path, frames_dir, fps, hold, hold_start=False, frames=None):
    pngs = sorted(glob.glob(os.path.join(frames_dir, "frame-*.png")))
    assert pngs, f"no PNG frames in {frames_dir}"
    if frames is not None:
        assert len(pngs) == frames, f"{len(pngs)} PNG frames, expected {frames}"
    lead = round(hold * 100) if hold_start else 0
    edges = [(k * 200 + fps) // (2 * fps) + (lead if k > 0 else 0) for k in range(len(pngs) + 1)]
    due = edges[:-1]
    total = edges[-1] + round(hold * 100)
    im = Image.open(gif_path)
    assert im.format == "GIF", im.format
    assert im.info.get("loop") == 0, f"loop {im.info.get('loop')}"
    shown, starts, t = [], [], 0
    for frame in ImageSequence.Iterator(im):
        starts.append(t)
        shown.append(frame.convert("RGB").copy())
        t += frame.info["duration"] // 10
    assert t == total, f"delays add up to {t} cs, expected {total}"
    if hold_start:
        assert starts[1] >= lead, f"first frame shown {starts[1]} cs, --hold-start asks for at least {lead}"
    # Two more decoders must agree with Pillow on frame count, size and every delay.
    delays = [f.info["duration"] // 10 for f in ImageSequence.Iterator(Image.open(gif_path))]
    magick = subprocess.run(["identify", "-format", "%T %W %H\n", gif_path], capture_output=True, text=True, check=True).stdout.split("\n")
    magick = [line.split() for line in magick if line.strip()]
    assert [int(d) for d, _, _ in magick] == delays, f"ImageMagick delays differ: {[d for d, _, _ in magick][:5]}…"
    assert all((int(w), int(h)) == im.size for _, w, h in magick), "ImageMagick sees another size"
    info = subprocess.run(["gifsicle", "--info", gif_path], capture_output=True, text=True, check=True).stdout
    g_count = int(re.search(r"(\d+) images", info).group(1))
    g_delays = [round(float(d) * 100) for d in re.findall(r"delay ([0-9.]+)s", info)]
    assert g_count == len(delays), f"gifsicle counts {g_count} frames, Pillow {len(delays)}"
    assert g_delays == delays, "gifsicle delays differ"
    assert "loop forever" in info, "gifsicle does not see an infinite loop"
    assert re.search(r"logical screen (\d+)x(\d+)", info).groups() == tuple(map(str, im.size)), "gifsicle sees another screen size"
    first = Image.open(pngs[0])
    assert im.size == first.size, f"size {im.size} vs {first.size}"
    description, command = gif_notes(im, gif_path)
    worst = 0.0
    for k, path in enumerate(pngs):
        i = max(j for j, s in enumerate(starts) if s <= due[k])
        src = Image.open(path)
        same_notes(png_notes(src, path), description, command, "png", path)
        ref = src.convert("RGB")
        diff = ImageChops.difference(shown[i], ref).convert("L")
        hist = diff.histogram()
        n = sum(hist)
        mean = sum(v * c for v, c in enumerate(hist)) / n
        far = sum(hist[41:]) / n
        worst = max(worst, mean)
        assert mean < 1.5 and far < 0.005, f"frame {k}: mean error {mean:.2f}, {far:.2%} of pixels off by > 40"
    result = f"{len(pngs)} frames as {len(shown)} GIF frames, {im.size[0]}x{im.size[1]}, {t} cs, worst mean error {worst:.3f}; ImageMagick and gifsicle agree"
    webp = gif_path[:-4] + ".webp"
    if os.path.exists(webp):
        result += "; " + check_webp(webp, pngs, due, total, im.size)
        same_notes(webp_notes(Image.open(webp)), description, command, "webp", webp)
    poster = gif_path[:-4] + ".png"
    if os.path.exists(poster):
        same_notes(png_notes(Image.open(poster), poster), description, command, "none --poster", poster)
    for text in (description, command):
        assert os.path.dirname(gif_path) not in text, "a file names the folder it was written to"
    result += "; every file says what it shows and how to remake it"
    if remake_with:
        result += "; " + remake(gif_path, command)
    return result

def gif_notes(im, path):
    """The GIF's comment, split into its description and the command after 'Remake: '."""
    comment = im.info.get("comment")
    assert comment, f"{path} has no comment"
    description, sep, command = comment.decode("utf-8").partition("\n\nRemake: ")
    assert sep and description, f"{path}: the comment is not 'description, blank line, Remake: command'"
    name = os.path.basename(path)[:-4]
    words = shlex.split(command)
    assert words[:2] == ["gdanimate", "--mode"], f"{path}: the command starts {words[:2]}"
    assert words[2] == name or words[words.index("--name") + 1] == name, f"{path}: the command makes {words[2]}, not {name}"
    assert "--format" not in words and "--output" not in words, f"{path}: the GIF's command names {command}"
    return description, command

def same_notes(notes, description, command, fmt, path):
    """Another file of the GIF's scene carries the GIF's description, and the GIF's command with
    --format FMT (the words compared as a set: their order is the Swift tests' business)."""
    d, c = notes
    assert d == description, f"{path}: its description differs from the GIF's"
    assert sorted(shlex.split(c)) == sorted(shlex.split(command) + ["--format"] + fmt.split()), f"{path}: its command is {c}"

def png_notes(im, path):
    """(Description, Software) of a PNG's iTXt chunks."""
    d, c = im.info.get("Description"), im.info.get("Software")
    assert d and c, f"{path} lacks its Description or Software text"
    return str(d), str(c)

def webp_notes(im):
    xmp = im.info.get("xmp")
    assert xmp, "the WebP has no XMP"
    root = ET.fromstring(xmp)
    ns = {"dc": "http://purl.org/dc/elements/1.1/", "xmp": "http://ns.adobe.com/xap/1.0/",
          "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#"}
    d = root.find(".//dc:description/rdf:Alt/rdf:li", ns)
    c = root.find(".//xmp:CreatorTool", ns)
    assert d is not None and c is not None, "the XMP lacks dc:description or xmp:CreatorTool"
    return d.text, c.text

def remake(gif_path, command):
    """Runs the GIF's own command into a fresh folder; it must write the same bytes."""
    fresh = tempfile.mkdtemp(prefix="gdanimate-remake-")
    try:
        words = shlex.split(command)
        subprocess.run([remake_with] + words[1:] + ["--output", fresh, "--quiet"], check=True, capture_output=True)
        name = os.path.basename(gif_path)
        assert os.listdir(fresh) == [name], f"the command wrote {os.listdir(fresh)}"
        with open(gif_path, "rb") as a, open(os.path.join(fresh, name), "rb") as b:
            assert a.read() == b.read(), "its command makes other bytes"
        return "its command remakes it byte for byte"
    finally:
        shutil.rmtree(fresh)

def check_webp(path, pngs, due, total, size):
    """The WebP beside a GIF: Pillow (libwebp's demuxer and decoder) and webpmux agree on frames and
    durations; it loops forever, shows the GIF's times, and each PNG frame when it is due."""
    im = Image.open(path)
    assert im.format == "WEBP" and im.size == size, f"{im.format} {im.size}"
    assert im.info.get("loop") == 0, f"WebP loop {im.info.get('loop')}"
    shown, starts, t = [], [], 0
    for i in range(im.n_frames):
        im.seek(i)
        im.load()                        # Pillow fills the duration only once the frame is loaded
        starts.append(t)
        shown.append(im.convert("RGB").copy())
        t += im.info["duration"]
    assert t == total * 10, f"WebP durations add up to {t} ms, expected {total * 10}"
    info = subprocess.run(["webpmux", "-info", path], capture_output=True, text=True, check=True).stdout
    assert int(re.search(r"Number of frames: (\d+)", info).group(1)) == im.n_frames, "webpmux counts other frames"
    rows = [line.split() for line in info.splitlines() if re.match(r"\s*\d+:", line)]
    assert sum(int(r[6]) for r in rows) == t, "webpmux durations differ"
    assert all(r[10] == "lossless" for r in rows), "a lossy frame"
    worst = 0.0
    for k, p in enumerate(pngs):
        i = max(j for j, s in enumerate(starts) if s <= due[k] * 10)
        diff = ImageChops.difference(shown[i], Image.open(p).convert("RGB")).convert("L")
        hist = diff.histogram()
        n = sum(hist)
        mean = sum(v * c for v, c in enumerate(hist)) / n
        worst = max(worst, mean)
        assert mean < 1.5 and sum(hist[41:]) / n < 0.005, f"WebP frame {k}: mean error {mean:.2f}"
    return f"WebP {im.n_frames} frames, {t} ms, worst mean error {worst:.3f}, webpmux agrees"

remake_with = None

def main():
    # Names ending in -holdstart were made with --hold-start; -framesN with --frames N.
    global remake_with
    out, fps, hold = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
    remake_with = os.path.abspath(sys.argv[4]) if len(sys.argv) > 4 else None
    passed = failed = 0
    for gif in sorted(glob.glob(os.path.join(out, "*.gif"))):
        name = os.path.basename(gif)[:-4]
        try:
            m = re.search(r"-frames(\d+)", name)
            result = check(gif, os.path.join(out, name), fps, hold, hold_start=name.endswith("-holdstart"), frames=int(m.group(1)) if m else None)
            print(f"{name}.gif: ok: {result}")
            passed += 1
        except AssertionError as e:
            print(f"{name}.gif: FAILED: {e}")
            failed += 1
    described = os.path.join(out, "all.describe")
    if os.path.exists(described):
        paragraphs = open(described, encoding="utf-8").read().rstrip("\n").split("\n\n")
        carried = [Image.open(os.path.join(out, m + ".gif")).info["comment"].decode("utf-8").partition("\n\nRemake: ")[0]
                   for m in ("line", "loss", "bsweep", "contour")]
        if paragraphs == carried:
            print("--describe: ok: prints the four paragraphs the GIFs carry"); passed += 1
        else:
            print(f"--describe: FAILED: printed {len(paragraphs)} paragraphs, not the GIFs' four descriptions"); failed += 1
    if passed + failed == 0:
        print("no GIFs found"); failed = 1
    print(f"gifs: {passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)

main()
