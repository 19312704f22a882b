#!/usr/bin/env python3
"""Checks a rendered course set against its manifest. Usage: check_course.py MANIFEST DIR

For every visual: DIR/NAME.gif decodes (Pillow), loops forever, has the frame count its options imply
(epochs + 1, or --frames, or the default schedule's 200 past 201 snapshots) shown for exactly the time
the frame rate and holds give, a first delay of at least --hold when --hold-start is
set, and a poster DIR/NAME.png of the same size. DIR/index.html shows every GIF once, with its title
and a command naming the visual. Prints one line per visual and 'N passed, N failed'.

The picture's alt text is the description the GIF carries in its comment (and the poster in its
Description text). An entry whose format includes webp has DIR/NAME.webp, carrying the same description
in its XMP, and the page shows it as <picture><source srcset="NAME.webp" type="image/webp"><img
src="NAME.gif" …></picture>; an entry without has a bare <img>.
"""
import html
import json
import re
import os
import sys
from html.parser import HTMLParser

from PIL import Image, ImageSequence

class Pictures(HTMLParser):
    """Every <img> of the page: its attributes, and the <source> of the <picture> around it (if any)."""
    def __init__(self):
        super().__init__()
        self.images, self.source, self.inside = [], None, False
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "picture":
            self.inside, self.source = True, None
        elif tag == "source" and self.inside:
            self.source = a
        elif tag == "img":
            self.images.append((a, self.source if self.inside else None))
    def handle_endtag(self, tag):
        if tag == "picture":
            self.inside, self.source = False, None

manifest, folder = sys.argv[1], sys.argv[2]
course = json.load(open(manifest))
page = open(os.path.join(folder, "index.html"), encoding="utf-8").read()
parser = Pictures()
parser.feed(page)
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
        if o.get("mode") == "steps":
            # Four beats per shown epoch (--frames of them, default 10), 1.2, 1.8, 2.2 and 1.8 s,
            # at 0.6 of that after the first two epochs.
            epochs = min(o.get("frames", 10), snapshots - 1)
            expected = 4 * epochs
            seconds = sum(b * (1 if i < 2 else 0.6) for i in range(epochs) for b in (1.2, 1.8, 2.2, 1.8))
            want = round(seconds * 100) * 10 + hold + lead
        assert total == want, f"{total} ms shown, {expected} frames at {fps} fps + holds = {want} ms"
        assert 2 <= len(delays) <= expected, f"{len(delays)} GIF frames for {expected} frames"
        poster = Image.open(os.path.join(folder, name + ".png"))
        assert poster.size == gif.size, f"poster {poster.size} vs GIF {gif.size}"
        assert page.count(f'src="{html.escape(name)}.gif"') == 1, "index.html does not show it exactly once"
        comment = gif.info.get("comment", b"").decode("utf-8")
        description = comment.partition("\n\nRemake: ")[0]
        assert description and comment.startswith(description + "\n\nRemake: gdanimate --mode"), "the GIF carries no description and command"
        assert poster.info.get("Description") == description, "the poster carries another description"
        (img, source), = [(a, src) for a, src in parser.images if a.get("src") == name + ".gif"]
        assert img.get("alt") == description, "the alt text is not the GIF's description"
        if "webp" in o.get("format", "gif").split(","):
            webp = Image.open(os.path.join(folder, name + ".webp"))
            assert webp.format == "WEBP" and webp.size == gif.size, "no WebP of the GIF's size"
            assert html.escape(description, quote=False) in webp.info.get("xmp", b"").decode("utf-8").replace("&apos;", "'").replace("&quot;", '"'), "the WebP's XMP lacks the description"
            assert source == {"srcset": name + ".webp", "type": "image/webp"}, f"the WebP is not offered first: {source}"
        else:
            assert source is None and not os.path.exists(os.path.join(folder, name + ".webp")), "a <picture> or WebP the entry did not ask for"
        if "html" in o.get("format", "gif").split(","):
            # The player: its frame times are the GIF's, its canvas is named by the same description,
            # and the gallery opens it from the picture.
            player = open(os.path.join(folder, name + ".html"), encoding="utf-8").read()
            data = json.loads(re.search(r'<script type="application/json" class="gd-data">(.*?)</script>', player, re.S).group(1))
            assert sum(data["delays"]) == total, f"the player lasts {sum(data['delays'])} ms, the GIF {total} ms"
            assert len(data["frames"]) == expected, f"the player has {len(data['frames'])} frames for {expected}"
            assert html.escape(description, quote=False) in player.replace("&quot;", "\""), "the player lacks the description"
            assert not re.search(r'(src|href)="(https?:)?//', player), "the player names a remote file"
            assert f'href="{html.escape(name)}.html"' in page, "index.html does not open its player"
        else:
            assert not os.path.exists(os.path.join(folder, name + ".html")), "a player the entry did not ask for"
        assert html.escape(v["title"], quote=True) in page, "index.html lacks its title"
        assert f"--name {name}" in page, "index.html lacks its command"
        print(f"ok    {name}: {len(delays)} GIF frames for {expected}, {total / 1000:.2f} s, {gif.size[0]}x{gif.size[1]}")
        passed += 1
    except (AssertionError, OSError) as e:
        print(f"FAIL  {name}: {e}")
        failed += 1
print(f"course: {passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
