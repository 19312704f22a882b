#!/usr/bin/env python3
"""Checks gdanimate's GIFs with Pillow. Usage: check_gifs.py DIR FPS HOLD_SECONDS [GDANIMATE]

For DIR/<mode>.gif and its frames DIR/<mode>/frame-*.png: Pillow, ImageMagick's identify and
gifsicle --info agree on frame count, size and delays; the GIF loops forever, has the frames' size,
its delays add up to the frame timing (round(k*100/fps) edges) plus the hold (and the first frame's
hold for names ending in -holdstart; names with -framesN must have N frames), and the picture shown when
PNG frame k is due matches that PNG up to palette quantization (mean error < 1.5 levels, 99.5 % of pixels
within 40 levels). The WebP and MP4 beside a GIF, when there, are checked against the same times and
frames (the MP4 with ffprobe and ffmpeg: frame count and duration the GIF's shown time within one frame).
Names containing -transparent were made with --background transparent: every frame of the GIF, the WebP
and the PNGs has a transparent corner, pictures are compared as laid over a coloured page, and a headless
Chromium shows the GIF over a green page with that green at the corners.
Prints one line per GIF and 'N passed, N failed'.

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

PAGE = (60, 179, 113)   # the page a transparent visual is checked against (#3cb371)

def flat(im):
    """The picture as seen over PAGE (an opaque picture is unchanged)."""
    rgba = im.convert("RGBA")
    page = Image.new("RGBA", rgba.size, PAGE + (255,))
    page.alpha_composite(rgba)
    return page.convert("RGB")

def corner_alpha(im):
    return im.convert("RGBA").getpixel((0, 0))[3]

def browser_check(gif_path):
    """Chromium (headless) draws the GIF on a PAGE-coloured page; the screenshot's corners are PAGE."""
    import shutil, tempfile
    chromium = shutil.which("chromium-headless-shell") or shutil.which("chromium")
    assert chromium, "no headless Chromium (Scripts/setup --python installs chromium-headless-shell)"
    w, h = Image.open(gif_path).size
    with tempfile.TemporaryDirectory() as d:
        page = os.path.join(d, "page.html")
        with open(page, "w") as f:
            f.write(f'<!doctype html><body style="margin:0;background:#{"%02x%02x%02x" % PAGE}">'
                    f'<img src="file://{os.path.abspath(gif_path)}" style="display:block"></body>')
        shot = os.path.join(d, "shot.png")
        subprocess.run([chromium, "--no-sandbox", "--disable-gpu", "--hide-scrollbars", f"--window-size={w},{h}",
                        f"--screenshot={shot}", f"file://{page}"], capture_output=True, check=True, timeout=60)
        im = Image.open(shot).convert("RGB")
        for xy in [(0, 0), (w - 1, 0), (0, h - 1), (w - 1, h - 1)]:
            got = im.getpixel(xy)
            assert max(abs(a - b) for a, b in zip(got, PAGE)) <= 2, f"Chromium shows {got} at {xy}, not the page {PAGE}"
        return "Chromium shows the page at the corners"

def check(gif_path, frames_dir, fps, hold, hold_start=False, frames=None, transparent=False):
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
        shown.append(flat(frame))
        if transparent:
            assert corner_alpha(frame) == 0, f"GIF frame {len(shown) - 1}: the corner is not transparent"
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
        assert not transparent or corner_alpha(src) == 0, f"{path}: the corner is not transparent"
        same_notes(png_notes(src, path), description, command, "png", path)
        ref = flat(src)
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
        result += "; " + check_webp(webp, pngs, due, total, im.size, transparent)
        same_notes(webp_notes(Image.open(webp)), description, command, "webp", webp)
    poster = gif_path[:-4] + ".png"
    if os.path.exists(poster):
        same_notes(png_notes(Image.open(poster), poster), description, command, "none --poster", poster)
    for text in (description, command):
        assert os.path.dirname(gif_path) not in text, "a file names the folder it was written to"
    result += "; every file says what it shows and how to remake it"
    mp4 = gif_path[:-4] + ".mp4"
    if os.path.exists(mp4):
        result += "; " + check_mp4(mp4, pngs, due, total, im.size, fps)
    if transparent:
        result += "; transparent corners in every frame; " + browser_check(gif_path)
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

def check_mp4(path, pngs, due, total, size, fps):
    """The MP4 beside a GIF, read by ffprobe and decoded by ffmpeg: H.264 in yuv420p at the frame rate,
    the GIF's size made even, the index before the frames (+faststart), frame count and duration equal
    to the GIF's shown time (holds included) within one frame, and at each PNG frame's due time the
    picture on screen is that PNG up to lossy compression (mean error < 3 levels)."""
    probe = subprocess.run(["ffprobe", "-v", "error", "-count_frames", "-select_streams", "v:0", "-show_entries",
                            "stream=codec_name,pix_fmt,width,height,r_frame_rate,nb_read_frames:format=duration",
                            "-of", "default=noprint_wrappers=1", path], capture_output=True, text=True, check=True).stdout
    f = dict(line.split("=", 1) for line in probe.splitlines() if "=" in line)
    w, h = size[0] + size[0] % 2, size[1] + size[1] % 2
    assert (f["codec_name"], f["pix_fmt"]) == ("h264", "yuv420p"), f"MP4 is {f['codec_name']} {f['pix_fmt']}"
    assert (int(f["width"]), int(f["height"])) == (w, h), f"MP4 is {f['width']}x{f['height']}, expected {w}x{h}"
    assert f["r_frame_rate"] == f"{fps}/1", f"MP4 frame rate {f['r_frame_rate']}"
    frames, duration = int(f["nb_read_frames"]), float(f["duration"])
    assert abs(frames / fps - total / 100) <= 1 / fps, f"MP4 has {frames} frames ({frames / fps:.3f} s), the GIF shows {total / 100} s"
    assert abs(duration - total / 100) <= 1 / fps, f"MP4 lasts {duration} s, the GIF shows {total / 100} s"
    head = open(path, "rb").read(1 << 16)
    assert 0 <= head.find(b"moov") < head.find(b"mdat") or b"mdat" not in head, "the MP4's index is not before its frames (+faststart)"
    raw = subprocess.run(["ffmpeg", "-v", "error", "-i", path, "-f", "rawvideo", "-pix_fmt", "rgb24", "pipe:1"], capture_output=True, check=True).stdout
    assert len(raw) == frames * w * h * 3, "ffmpeg decodes another number of frames"
    worst = 0.0
    for k, p in enumerate(pngs):
        j = min(frames - 1, (due[k] * fps * 2 + 100) // 200)     # the video frame on screen at due[k] cs
        shown = Image.frombytes("RGB", (w, h), raw[j * w * h * 3:(j + 1) * w * h * 3]).crop((0, 0) + size)
        hist = ImageChops.difference(shown, Image.open(p).convert("RGB")).convert("L").histogram()
        mean = sum(v * c for v, c in enumerate(hist)) / sum(hist)
        worst = max(worst, mean)
        assert mean < 3, f"MP4 frame {j} (PNG {k}): mean error {mean:.2f}"
    return f"MP4 {frames} frames, {duration} s, {w}x{h}, worst mean error {worst:.3f}, ffprobe agrees"

def check_webp(path, pngs, due, total, size, transparent):
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
        shown.append(flat(im))
        if transparent:
            assert corner_alpha(im) == 0, f"WebP frame {i}: the corner is not transparent"
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
        diff = ImageChops.difference(shown[i], flat(Image.open(p))).convert("L")
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
            result = check(gif, os.path.join(out, name), fps, hold, hold_start=name.endswith("-holdstart"), frames=int(m.group(1)) if m else None,
                           transparent="-transparent" in name)
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
