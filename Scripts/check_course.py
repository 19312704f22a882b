#!/usr/bin/env python3
"""Checks a rendered course set against its manifest. Usage: check_course.py MANIFEST DIR

For every visual: DIR/NAME.gif decodes (Pillow), loops forever, has the frame count its options imply
(epochs + 1, or --frames, or the default schedule's 200 past 201 snapshots) shown for exactly the time
the frame rate and holds give, a first delay of at least --hold when --hold-start is
set, and a poster DIR/NAME.png of the same size. DIR/index.html shows every GIF once, with its title
and a command naming the visual. Prints one line per visual and 'N passed, N failed'.
"""
import html
import json
import os
import sys

from PIL import Image, ImageSequence

manifest, folder = sys.argv[1], sys.argv[2]
course = json.load(open(manifest))
page = open(os.path.join(folder, "index.html"), encoding="utf-8").read()
passed = failed = 0
for v in course["visuals"]:
    name, o = v["name"], v["options"]
    try:
        gif = Image.open(os.path.join(folder, name + ".gif"))
        assert gif.format == "GIF" and gif.info.get("loop") == 0, "not a looping GIF"
        delays = [f.info["duration"] for f in ImageSequence.Iterator(gif)]
        snapshots = o.get("epochs", 100) + 1
        expected = min(snapshots, o["frames"]) if "frames" in o else (snapshots if snapshots <= 201 else 200)
        # A frame identical to the one before is merged into its delay, so the shown time is checked
        # exactly and the GIF frame count only bounded.
        hold = round(o.get("hold", 2) * 100) * 10
        if "hold-start" in o:
            assert delays[0] >= hold, f"first frame {delays[0]} ms, --hold-start asks for {hold}"
        fps = o.get("fps", 20)
        lead = hold if "hold-start" in o else 0
        total = sum(delays)
        want = round(expected * 1000 / fps / 10) * 10 + hold + lead
        assert total == want, f"{total} ms shown, {expected} frames at {fps} fps + holds = {want} ms"
        assert 2 <= len(delays) <= expected, f"{len(delays)} GIF frames for {expected} frames"
        poster = Image.open(os.path.join(folder, name + ".png"))
        assert poster.size == gif.size, f"poster {poster.size} vs GIF {gif.size}"
        assert page.count(f'src="{html.escape(name)}.gif"') == 1, "index.html does not show it exactly once"
        assert html.escape(v["title"], quote=True) in page, "index.html lacks its title"
        assert f"--name {name}" in page, "index.html lacks its command"
        print(f"ok    {name}: {len(delays)} GIF frames for {expected}, {total / 1000:.2f} s, {gif.size[0]}x{gif.size[1]}")
        passed += 1
    except (AssertionError, OSError) as e:
        print(f"FAIL  {name}: {e}")
        failed += 1
print(f"course: {passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
