#!/usr/bin/env python3
"""Every bad input gets a clear error and writes nothing; the CLI's history matches NumPy.
Usage: check_errors.py GDANIMATE

Each case runs gdanimate against an output folder that already holds a GIF, a PNG folder and a history
file, then checks: the exit status (non-zero for errors, 0 for the inputs that must work), the words the
message must contain, and that the folder is byte-for-byte as it was with no temporary file left.
Prints a line per case and 'N passed, N failed'.
"""
import hashlib, os, shutil, signal, subprocess, sys, tempfile, time

exe = os.path.abspath(sys.argv[1])
tmp = tempfile.mkdtemp(prefix="gdanimate-errors-")
out = os.path.join(tmp, "out")

def write(name, data):
    path = os.path.join(tmp, name)
    with open(path, "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode())
    return path

def snapshot(folder):
    state = {}
    for root, dirs, files in os.walk(folder):
        for name in files:
            p = os.path.join(root, name)
            state[os.path.relpath(p, folder)] = hashlib.sha256(open(p, "rb").read()).hexdigest()
    return state

def prime():
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(os.path.join(out, "contour"))
    for name, data in [("contour.gif", b"GIF89a old"), ("contour/frame-0000.png", b"old frame"), ("history.csv", b"old history")]:
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)

good = "x,y\n" + "".join(f"{i / 10},{3 * i / 10 + 4 + (i % 3) / 10}\n" for i in range(20))
cases = [
    # (name, extra args, expected exit: 'fail' or 0, words the message must contain)
    ("missing file", ["--data", os.path.join(tmp, "nope.csv")], "fail", ["nope.csv", "No such file"]),
    ("folder as data", ["--data", tmp], "fail", ["is a folder"]),
    ("empty file", ["--data", write("empty.csv", "")], "fail", ["empty.csv", "empty"]),
    ("header only", ["--data", write("header.csv", "x,y\n")], "fail", ["header but no data"]),
    ("one data row", ["--data", write("one.csv", "x,y\n1,2\n")], "fail", ["one point", "two points"]),
    ("ragged row", ["--data", write("ragged.csv", "x,y\n1,2\n3\n4,5\n")], "fail", ["ragged.csv:3", "1 field"]),
    ("abc cell", ["--data", write("abc.csv", "x,y\n1,2\n3,abc\n")], "fail", ["abc.csv:3, column 2", "\"abc\"", "not a decimal"]),
    ("1,2 in quotes", ["--data", write("q.csv", 'x,y\n1,2\n3,"1,2"\n')], "fail", ["q.csv:3, column 2", "\"1,2\""]),
    ("--1", ["--data", write("mm.csv", "x,y\n--1,2\n3,4\n")], "fail", ["mm.csv:2, column 1", "--1"]),
    ("NaN", ["--data", write("nan.csv", "x,y\n1,nan\n3,4\n")], "fail", ["nan.csv:2, column 2", "NaN"]),
    ("inf", ["--data", write("inf.csv", "x,y\n1,inf\n3,4\n")], "fail", ["inf.csv:2", "infinite"]),
    ("quote open to the end", ["--data", write("open.csv", 'x,y,note\n1,2,a\n3,4,"never\nclosed\n5,6,b\n')], "fail",
     ["open.csv:3", "quoted field", "not closed before the end of the file"]),
    ("CR-only line ends", ["--data", write("cr.csv", "x,y\r1,2\r2,4\r3,6.5\r")], "fail", ["cr.csv:1", "carriage return alone"]),
    ("';' with decimal commas", ["--data", write("semi.csv", "x;y\n1,5;2,5\n2,5;4\n")], "fail", ["semi.csv:2", "separated by ';' with decimal commas"]),
    ("a decimal comma in quotes", ["--data", write("dc.csv", 'x,y\n"1,5","2,5"\n')], "fail", ["dc.csv:2, column 1", "decimal comma"]),
    ("1e400", ["--data", write("big.csv", "x,y\n1,1e400\n3,4\n")], "fail", ["big.csv:2", "1e400", "too large"]),
    ("unknown column name", ["--data", write("cols.csv", good), "--x-column", "height"], "fail", ["'height' is not a column", "'x'"]),
    ("column index out of range", ["--data", write("cols2.csv", good), "--x-column", "5", "--y-column", "2"], "fail", ["column 5", "2 columns"]),
    ("duplicate header", ["--data", write("dup.csv", "x,x\n1,2\n2,3\n")], "fail", ["dup.csv:1", "alike"]),
    ("binary garbage", ["--data", write("bin.csv", bytes(range(256)) * 4)], "fail", ["bin.csv:1", "binary"]),
    ("invalid UTF-8", ["--data", write("utf.csv", b"x,y\n1,2\n\xff\xfe,3\n")], "fail", ["utf.csv:3", "UTF-8"]),
    ("all x equal", ["--data", write("flat.csv", "x,y\n2,1\n2,2\n2,3\n")], "fail", ["no slope"]),
    ("values too large", ["--data", write("huge.csv", "x,y\n" + "".join(f"{i}e160,{i}e160\n" for i in range(1, 9)))], "fail", ["overflow", "rescale"]),
    ("values too small", ["--data", write("tiny.csv", "x,y\n" + "".join(f"{i}e-170,{i}e-170\n" for i in range(1, 9)))], "fail", ["underflow", "rescale"]),
    ("lr 0", ["--lr", "0"], "fail", ["--lr", "positive"]),
    ("lr -1", ["--lr=-1"], "fail", ["--lr", "positive"]),
    ("lr nan", ["--lr", "nan"], "fail", ["--lr"]),
    ("epochs 0", ["--epochs", "0"], "fail", ["--epochs", "1 to 100000"]),
    ("epochs too many", ["--epochs", "100001"], "fail", ["--epochs", "100000"]),
    ("batch size 0", ["--optimizer", "minibatch", "--batch-size", "0"], "fail", ["--batch-size", "at least 1"]),
    ("batch size above data", ["--optimizer", "minibatch", "--batch-size", "500"], "fail", ["--batch-size 500", "100 points"]),
    ("width 10", ["--width", "10"], "fail", ["--width", "64 to 4096"]),
    ("height 5000", ["--height", "5000"], "fail", ["--height", "64 to 4096"]),
    ("chart too small to read", ["--mode", "line", "--width", "160", "--height", "120"], "fail", ["--mode line", "at least 200×150", "160×120"]),
    ("fps 0", ["--fps", "0"], "fail", ["--fps", "1 to 50"]),
    ("fps 60", ["--fps", "60"], "fail", ["--fps", "centiseconds"]),
    ("unknown mode", ["--mode", "spiral"], "fail", ["spiral", "line", "contour"]),
    ("unknown format", ["--format", "avi"], "fail", ["avi", "gif", "webp", "mp4", "png"]),
    ("unknown optimizer", ["--optimizer", "lbfgs"], "fail", ["lbfgs", "batch", "sgd", "minibatch", "adam", "rmsprop", "adagrad", "newton"]),
    ("unknown theme", ["--theme", "drak"], "fail", ["--theme", "drak", "light", "dark", "slide"]),
    ("unknown schedule", ["--lr-schedule", "cosin"], "fail", ["--lr-schedule", "'cosin'", "constant", "cosine", "inverse"]),
    ("unknown schedule in a list", ["--mode", "compare", "--lr-schedules", "constant,warmup"], "fail", ["--lr-schedules", "'warmup'"]),
    ("schedule twice", ["--mode", "compare", "--lr-schedules", "cosine,cosine"], "fail", ["--lr-schedules", "cosine twice"]),
    ("schedules outside compare", ["--mode", "loss", "--lr-schedules", "constant,cosine"], "fail", ["--lr-schedules", "--mode compare", "loss"]),
    ("setting of another schedule", ["--lr-schedule", "cosine", "--lr-gamma", "0.5"], "fail", ["--lr-gamma", "step or exponential", "cosine"]),
    ("lr-step 0", ["--lr-schedule", "step", "--lr-step", "0"], "fail", ["--lr-step", "at least 1"]),
    ("lr-step beyond the run", ["--lr-schedule", "step", "--lr-step", "100"], "fail", ["--lr-step 100", "--epochs 100", "never drop"]),
    ("one schedule and a list", ["--mode", "compare", "--lr-schedule", "cosine", "--lr-schedules", "constant,step"], "fail", ["--lr-schedule", "--lr-schedules", "alone"]),
    ("schedules and optimizers", ["--mode", "compare", "--lr-schedules", "constant,cosine", "--optimizers", "sgd,adam"], "fail", ["--lr-schedules", "--optimizers", "one of them"]),
    ("elevation straight up", ["--mode", "surface", "--elevation", "90"], "fail", ["--elevation", "90"]),
    ("elevation not a number", ["--mode", "surface", "--elevation", "high"], "fail", ["--elevation", "high"]),
    ("azimuth not finite", ["--mode", "surface", "--azimuth", "inf"], "fail", ["--azimuth", "inf"]),
    ("orbit too far", ["--mode", "surface", "--orbit", "-1e9"], "fail", ["--orbit", "-1000000000"]),
    ("steps with another optimizer", ["--mode", "steps", "--optimizer", "adam"], "fail", ["--mode steps", "--optimizer adam", "--optimizer batch"]),
    ("steps with sgd", ["--mode", "steps", "--optimizer", "sgd", "--snapshot", "step"], "fail", ["--mode steps", "--optimizer sgd"]),
    ("steps frame too small", ["--mode", "steps", "--width", "320", "--height", "240"], "fail", ["--mode steps", "at least 600×400", "320×240"]),
    ("steps frames zero", ["--mode", "steps", "--frames", "0"], "fail", ["--frames", "0"]),
    ("lr-gamma negative", ["--lr-schedule", "exponential", "--lr-gamma", "-0.5"], "fail", ["--lr-gamma", "positive", "-0.5"]),
    ("lr-min above lr", ["--lr-schedule", "cosine", "--lr-min", "0.2"], "fail", ["--lr-min", "below --lr 0.1", "0.2"]),
    ("lr-decay negative", ["--lr-schedule", "inverse", "--lr-decay", "-1"], "fail", ["--lr-decay", "at least 0", "-1"]),
    ("lr-step not a number", ["--lr-schedule", "step", "--lr-step", "ten"], "fail", ["--lr-step", "ten"]),
    ("unknown background", ["--background", "clear"], "fail", ["--background", "clear", "opaque", "transparent"]),
    ("slide theme, frame too small for a panel mode", ["--theme", "slide", "--mode", "lr-sweep", "--width", "300", "--height", "300"], "fail", ["--mode lr-sweep", "300×300"]),
    ("unknown optimizer in --optimizers", ["--mode", "compare", "--optimizers", "batch,lbfgs"], "fail", ["--optimizers", "'lbfgs'", "nesterov", "newton"]),
    ("optimizer twice in --optimizers", ["--mode", "compare", "--optimizers", "sgd,sgd"], "fail", ["--optimizers", "sgd twice"]),
    ("negative rate in --lrs", ["--mode", "lr-sweep", "--lrs", "0.1,-2"], "fail", ["--lrs", "'-2'"]),
    ("compare per update", ["--mode", "compare", "--snapshot", "step"], "fail", ["--snapshot step", "epoch by epoch"]),
    ("lr-sweep in a small frame", ["--mode", "lr-sweep", "--width", "320", "--height", "240"], "fail", ["lr-sweep", "4 panels", "at least 400×360", "320×240"]),
    ("frames 1", ["--frames", "1"], "fail", ["--frames", "2 to 10000"]),
    ("momentum 1", ["--momentum", "1"], "fail", ["--momentum", "below 1"]),
    ("beta2 negative", ["--beta2=-0.5"], "fail", ["--beta2"]),
    ("rms-decay 1", ["--optimizer", "rmsprop", "--rms-decay", "1"], "fail", ["--rms-decay", "at least 0 and below 1", "got 1.0"]),
    ("rms-decay negative", ["--optimizer", "rmsprop", "--rms-decay", "-0.1"], "fail", ["--rms-decay", "at least 0 and below 1", "got -0.1"]),
    ("rms-decay not a number", ["--optimizer", "rmsprop", "--rms-decay", "nan"], "fail", ["--rms-decay", "below 1"]),
    ("rms-decay missing its value", ["--optimizer", "rmsprop", "--rms-decay"], "fail", ["--rms-decay"]),
    ("rms-decay in a manifest", ["--manifest", write("rms.json", '{"title": "t", "visuals": [{"name": "a", "title": "A", "teaches": "T", "options": {"mode": "compare", "optimizers": "batch,rmsprop,newton", "rms-decay": 1.5}}]}')], "fail", ["visual 1 ('a')", "--rms-decay", "below 1"]),
    ("--name with --mode all", ["--mode", "all", "--name", "x"], "fail", ["--name", "--mode all"]),
    ("--name with a slash", ["--name", "a/b"], "fail", ["--name", "'/'"]),
    ("--name empty", ["--name", ""], "fail", ["--name is empty"]),
    ("compare batch size above data", ["--data", write("twenty.csv", good), "--mode", "compare", "--batch-size", "50"], "fail", ["--batch-size 50", "20 points"]),
    ("manifest with a per-visual option", ["--manifest", write("m-ok.json", '{"title": "t", "visuals": [{"name": "a", "title": "A", "teaches": "T", "options": {}}]}'), "--fps", "10"], "fail", ["--fps", "per-visual", "manifest"]),
    ("manifest not JSON", ["--manifest", write("bad.json", "{")], "fail", ["bad.json", "not valid JSON"]),
    ("manifest entry without teaches", ["--manifest", write("noteach.json", '{"title": "t", "visuals": [{"name": "a", "title": "A", "options": {}}]}')], "fail", ["noteach.json", "'teaches'", "visuals[1]"]),
    ("manifest unknown option", ["--manifest", write("unk.json", '{"title": "t", "visuals": [{"name": "a", "title": "A", "teaches": "T", "options": {"mode": "contour", "speed": 3}}]}')], "fail", ["unk.json", "visual 1 ('a')", "speed"]),
    ("manifest bad second entry writes nothing", ["--manifest", write("second.json", '{"title": "t", "visuals": [{"name": "contour", "title": "A", "teaches": "T", "options": {"mode": "contour"}}, {"name": "b", "title": "B", "teaches": "T", "options": {"mode": "loss", "lr": 0}}]}')], "fail", ["visual 2 ('b')", "--lr"]),
    ("manifest sets output", ["--manifest", write("out.json", '{"title": "t", "visuals": [{"name": "a", "title": "A", "teaches": "T", "options": {"output": "elsewhere"}}]}')], "fail", ["'output' applies to the whole set"]),
    ("manifest flag given a value", ["--manifest", write("flagval.json", '{"title": "t", "visuals": [{"name": "a", "title": "A", "teaches": "T", "options": {"mode": "bsweep", "readout": "off"}}]}')], "fail", ["flagval.json", "visual 1 ('a')", "'readout' is a flag"]),
    ("manifest name twice", ["--manifest", write("twice.json", '{"title": "t", "visuals": [{"name": "a", "title": "A", "teaches": "T", "options": {}}, {"name": "a", "title": "B", "teaches": "T", "options": {}}]}')], "fail", ["visual 2 ('a')", "used twice"]),
    ("--data with --dataset", ["--data", write("ok.csv", good), "--dataset", "wide"], "fail", ["--data", "--dataset"]),
    ("history with a bad suffix", ["--history", os.path.join(tmp, "h.txt")], "fail", ["--history", ".csv or .json"]),
    ("output is a file", ["--output", write("afile", "x")], "fail", ["afile", "not a folder"]),
    ("output under a file", ["--output", os.path.join(tmp, "afile", "sub")], "fail", ["afile", "not a folder"]),
    ("output cannot be created", ["--output", "/proc/gdanimate-out"], "fail", ["/proc/gdanimate-out", "cannot create"]),
    ("manifest entry without a GIF", ["--manifest", write("nogif.json", '{"title": "t", "visuals": [{"name": "a", "title": "A", "teaches": "T", "options": {"format": "png"}}]}')], "fail", ["nogif.json", "visual 1 ('a')", "includes gif"]),
    ("manifest data file missing", ["--manifest", write("nodata.json", '{"title": "t", "visuals": [{"name": "a", "title": "A", "teaches": "T", "options": {"data": "absent.csv"}}]}')], "fail", ["nodata.json", "visual 'a'", "absent.csv"]),
]
# Inputs that must work (written to a fresh folder, so the primed one must still be untouched).
ok_cases = [
    ("BOM accepted", ["--data", write("bom.csv", b"\xef\xbb\xbf" + good.encode())]),
    ("CRLF, comments, quotes", ["--data", write("crlf.csv", "# points\r\nx,y\r\n" + good.split("\n", 1)[1].replace(",", ",\"", 1).replace("\n", "\"\r\n", 1) + "\r\n")]),
    ("quoted notes over several lines", ["--data", write("notes.csv", 'x,"the\ny",note\n1,2,"two\nlines"\n2,4.1,plain\n3,6.2,"three\r\n\n# not a comment"\n4,8,x\n'),
                                          "--y-column", "the\ny"]),
    ("y constant", ["--data", write("yconst.csv", "x,y\n1,5\n2,5\n3,5\n")]),
    ("values near 1e150 (diverges, says so)", ["--data", write("e150.csv", "x,y\n" + "".join(f"{i}e150,{i}e150\n" for i in range(1, 9)))]),
    ("values near 1e-150", ["--data", write("em150.csv", "x,y\n" + "".join(f"{i}e-150,{2 * i + 1}e-150\n" for i in range(1, 9)))]),
    ("divergence is not an error", ["--lr", "0.6"]),
    ("negative starts, both spellings", ["--init-m", "-1.37", "--init-b=-0.35", "--fixed-m", "-2"]),
    ("--format none with --poster", ["--format", "none", "--poster"]),
]

passed = failed = 0
def report(name, problems):
    global passed, failed
    if problems:
        failed += 1
        print(f"FAIL  {name}: " + "; ".join(problems))
    else:
        passed += 1
        print(f"ok    {name}")

def failure_problems(r, words):
    """What is wrong with a run that should have failed with a message holding `words`."""
    problems = []
    if r.returncode == 0:
        problems.append("exit status 0")
    missing = [w for w in words if w not in r.stderr]
    if missing:
        problems.append(f"message lacks {missing}: {r.stderr.strip()[:300]!r}")
    return problems

for name, args, expect, words in cases:
    prime()
    before = snapshot(out)
    history = ["--history", os.path.join(out, "history.csv")] if "--history" not in args and "--manifest" not in args else []
    r = subprocess.run([exe, "--output", out, "--quiet", *history, *args], capture_output=True, text=True, errors="replace")
    problems = failure_problems(r, words)
    if r.stderr.count("\n") > 16:
        problems.append("message is not short")
    if "Fatal error" in r.stderr or "Stack dump" in r.stderr:
        problems.append("crashed")
    if snapshot(out) != before:
        problems.append("the output folder changed")
    report(name, problems)

# MP4 needs the ffmpeg program: with it hidden (PATH a folder without it; the built binary needs no PATH
# to find its libraries), a run asking for mp4 stops before drawing, names the format, the program and
# its package, and writes nothing: no NAME.mp4, no GIF either, the folder as it was. Also in a manifest.
nobin = os.path.join(tmp, "no-ffmpeg-bin")
os.makedirs(nobin, exist_ok=True)
hidden = {**os.environ, "PATH": nobin}
hidden.pop("GDANIMATE_FFMPEG", None)
mp4_manifest = write("mp4.json", '{"title": "t", "visuals": [{"name": "contour", "title": "A", "teaches": "T", "options": {"format": "gif,mp4"}}]}')
for name, args in [("mp4 without ffmpeg", ["--format", "gif,mp4", "--history", os.path.join(out, "history.csv")]),
                   ("mp4 without ffmpeg, --mode all", ["--mode", "all", "--format", "mp4"]),
                   ("mp4 without ffmpeg, in a manifest", ["--manifest", mp4_manifest])]:
    prime()
    before = snapshot(out)
    r = subprocess.run([exe, "--output", out, "--quiet", *args], capture_output=True, text=True, env=hidden)
    problems = failure_problems(r, ["--format mp4", "ffmpeg", "apt-get install -y ffmpeg"])
    if snapshot(out) != before or any(f.endswith(".mp4") or f.startswith(".") for f in os.listdir(out)):
        problems.append(f"the output folder changed: {sorted(os.listdir(out))}")
    report(name, problems)

for name, args in ok_cases:
    fresh = os.path.join(tmp, "fresh-" + str(passed + failed))
    r = subprocess.run([exe, "--output", fresh, "--quiet", "--epochs", "5", "--mode", "all", *args], capture_output=True, text=True)
    problems = [] if r.returncode == 0 else [f"exit {r.returncode}: {r.stderr.strip()[:300]!r}"]
    kind = ".png" if "--poster" in args and "none" in args else ".gif"
    if r.returncode == 0 and sorted(f for f in os.listdir(fresh) if f.endswith(kind)) != [m + kind for m in ["bsweep", "contour", "line", "loss"]]:
        problems.append(f"files: {os.listdir(fresh)}")
    report(name, problems)

# A manifest's relative data path is read beside the manifest, not in the folder it is run from.
write("beside.csv", good)
beside = os.path.join(tmp, "beside-out")
r = subprocess.run([exe, "--manifest", write("beside.json", '{"title": "t", "visuals": [{"name": "a", "title": "A", "teaches": "T", "options": {"data": "beside.csv"}}]}'),
                    "--output", beside, "--quiet"], capture_output=True, text=True)
report("manifest data beside the manifest", [] if r.returncode == 0 and os.path.exists(os.path.join(beside, "a.gif")) else [f"exit {r.returncode}: {r.stderr.strip()[:300]!r}"])

# A manifest refused before anything is drawn leaves no output folder behind.
never = os.path.join(tmp, "never-made")
r = subprocess.run([exe, "--manifest", write("refused.json", '{"title": "t", "visuals": [{"name": "a", "title": "A", "teaches": "T", "options": {"lr": -1}}]}'),
                    "--output", never, "--quiet"], capture_output=True, text=True)
report("a refused manifest makes no output folder", [] if r.returncode != 0 and "--lr" in r.stderr and not os.path.exists(never)
       else [f"exit {r.returncode}, folder made: {os.path.exists(never)}: {r.stderr.strip()[:300]!r}"])

# `--data -` reads standard input: points piped in train as from a file; a bad cell names standard input.
piped = os.path.join(tmp, "piped-out")
r = subprocess.run([exe, "--data", "-", "--output", piped, "--quiet", "--describe", "--mode", "line"], input=good, capture_output=True, text=True)
report("--data - reads standard input", [] if r.returncode == 0 and os.path.exists(os.path.join(piped, "line.gif")) and "20 points of standard input" in r.stdout
       else [f"exit {r.returncode}: {r.stdout.strip()[:200]!r} {r.stderr.strip()[:200]!r}"])
r = subprocess.run([exe, "--data", "-", "--output", piped, "--quiet"], input="x,y\n1,2\n2,abc\n", capture_output=True, text=True)
report("--data - with a bad cell", [] if r.returncode != 0 and "standard input:3, column 2" in r.stderr else [f"exit {r.returncode}: {r.stderr.strip()[:200]!r}"])

# Exit status: 64 for an option's value (found when parsed, or only once planned, as a frame too small for
# the mode's panels), 1 for bad data.
codes = {what: subprocess.run([exe, "--output", piped, "--quiet", *args], capture_output=True, text=True).returncode
         for what, args in [("--width 10", ["--width", "10"]), ("--width 100", ["--width", "100"]),
                            ("--mode dashboard --width 300", ["--mode", "dashboard", "--width", "300", "--height", "200"]),
                            ("a bad cell", ["--data", write("cell.csv", "x,y\n1,2\n3,abc\n")])]}
report("exit status 64 for option values, 1 for data", [f"{w}: exit {c}" for w, c in codes.items() if c != (1 if w == "a bad cell" else 64)])

# --history naming the --data file (however spelled) is refused before anything is written: the data file
# stays as it was (it was replaced by the history).
same = write("same.csv", good)
r = subprocess.run([exe, "--data", same, "--history", os.path.join(tmp, ".", "same.csv"), "--output", piped, "--quiet"], capture_output=True, text=True)
report("--history is the --data file", failure_problems(r, ["--history", "is the --data file"]) + ([] if open(same).read() == good else ["the data file changed"]))

# --x-column alone: y stays the header's y (it took the first numeric column left, the id).
named = write("named.csv", "id,x,weight,y\n" + "".join(f"{i},{i / 10},{70 + i},{3 * i / 10 + 4}\n" for i in range(20)))
r = subprocess.run([exe, "--data", named, "--x-column", "x", "--output", piped, "--format", "none"], capture_output=True, text=True)
report("--x-column alone keeps y the header's y", [] if r.returncode == 0 and "m* = 3  b* = 4" in r.stdout else [f"exit {r.returncode}: {r.stdout.strip()[-200:]!r}"])

# A named pipe as --data can be read once only: a line scene copies it as it streams in and counts the
# density from the copy (it hung once, waiting for a second writer).
fifo = os.path.join(tmp, "points.fifo")
os.mkfifo(fifo)
writer = subprocess.Popen(["sh", "-c", f"cat > {fifo}"], stdin=subprocess.PIPE)
writer.stdin.write(good.encode())
writer.stdin.close()
try:
    r = subprocess.run([exe, "--data", fifo, "--output", piped, "--quiet", "--mode", "line", "--name", "fifo"], capture_output=True, text=True, timeout=60)
    report("a named pipe as --data, line scene", [] if r.returncode == 0 and os.path.exists(os.path.join(piped, "fifo.gif"))
           else [f"exit {r.returncode}: {r.stderr.strip()[:200]!r}"])
except subprocess.TimeoutExpired:
    report("a named pipe as --data, line scene", ["still running after 60 s"])
writer.wait(timeout=10)

# A run interrupted by a signal leaves no temporary file and the old outputs as they were, and ends
# promptly by that signal, whenever it comes (a signal handler that allocated once hung a run for good:
# hence several moments, from set-up to rendering and writing).
for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
    problems = []
    for delay in (0.05, 0.2, 0.45, 0.7, 1.0, 1.5):
        prime()
        before = snapshot(out)
        p = subprocess.Popen([exe, "--output", out, "--quiet", "--mode", "all", "--format", "both", "--epochs", "3000", "--history", os.path.join(out, "history.csv")],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        p.send_signal(sig)
        try:
            code = p.wait(timeout=10)
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait()
            problems.append(f"at {delay} s: still running 10 s after the signal")
            continue
        leftovers = [f for f in os.listdir(out) if f.startswith(".")]
        if code != -sig:
            problems.append(f"at {delay} s: exit {code}, not ended by the signal" + (" (finished first; make the run longer)" if code == 0 else ""))
        if leftovers:
            problems.append(f"at {delay} s: left {leftovers}")
        if snapshot(out) != before:
            problems.append(f"at {delay} s: the output folder changed")
    report(f"interrupted by {signal.Signals(sig).name} (6 moments)", problems)

# A signal during an MP4 stops and reaps its ffmpeg too: none is left running or unreaped (a finished ffmpeg
# waited, defunct, for a parent to collect it where the first process does not reap orphans).
def ffmpegs():
    r = subprocess.run(["ps", "-eo", "pid=,comm="], capture_output=True, text=True)
    return {line.split()[0] for line in r.stdout.splitlines() if line.split()[-1] == "ffmpeg"}
if shutil.which("ffmpeg") and shutil.which("ps"):
    prime()
    earlier = ffmpegs()
    p = subprocess.Popen([exe, "--output", out, "--quiet", "--mode", "contour", "--format", "mp4", "--width", "1600", "--height", "1200", "--epochs", "3000"],
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 20
    while not (ffmpegs() - earlier) and time.time() < deadline and p.poll() is None:
        time.sleep(0.05)
    started = bool(ffmpegs() - earlier)
    p.send_signal(signal.SIGTERM)
    code = p.wait(timeout=20)
    time.sleep(0.3)
    left = ffmpegs() - earlier
    report("SIGTERM during an MP4 leaves no ffmpeg behind", ([] if started else ["ffmpeg never started"]) + ([] if code == -signal.SIGTERM else [f"exit {code}"])
           + ([f"ffmpeg processes left: {sorted(left)}"] if left else []))

# A signal the caller ignores (nohup and SIGHUP) stays ignored: the run completes.
prime()
p = subprocess.Popen([exe, "--output", out, "--quiet", "--mode", "all", "--format", "both", "--epochs", "3000"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                     preexec_fn=lambda: signal.signal(signal.SIGHUP, signal.SIG_IGN))
time.sleep(0.5)
running = p.poll() is None
p.send_signal(signal.SIGHUP)
code = p.wait(timeout=60)
report("SIGHUP under nohup is ignored", ([] if code == 0 else [f"exit {code}"]) + ([] if running else ["finished before the signal"]))

# Permissions, as an unprivileged user (root reads and writes everything): an unreadable data file and an
# output folder that cannot be written.
if os.geteuid() == 0 and shutil.which("setpriv"):
    os.chmod(tmp, 0o755)
    as_nobody = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
    secret = write("secret.csv", good)
    os.chmod(secret, 0o000)
    locked = os.path.join(tmp, "locked")
    os.makedirs(locked)
    with open(os.path.join(locked, "contour.gif"), "wb") as f:
        f.write(b"GIF89a old")
    os.chmod(locked, 0o555)
    for name, args, words, folder in [
        ("unreadable data file", ["--data", secret, "--output", os.path.join(tmp, "nobody-out")], ["secret.csv", "Permission denied"], None),
        ("output folder not writable", ["--output", locked], ["locked", "not writable"], locked),
    ]:
        before = snapshot(folder) if folder else None
        r = subprocess.run(as_nobody + [exe, "--quiet", *args], capture_output=True, text=True)
        problems = failure_problems(r, words)
        if folder and snapshot(folder) != before:
            problems.append("the folder changed")
        if not folder and os.path.exists(os.path.join(tmp, "nobody-out")):
            problems.append("an output folder was created")
        report(name, problems)
    os.chmod(locked, 0o755)
else:
    print("skip  permissions (needs root to switch to an unprivileged user)")

# A full disk: a 300 KiB tmpfs (needs root; skipped, and said so, elsewhere).
disk = os.path.join(tmp, "disk")
os.makedirs(disk)
if os.geteuid() == 0 and subprocess.run(["mount", "-t", "tmpfs", "-o", "size=300k", "tmpfs", disk], capture_output=True).returncode == 0:
    try:
        with open(os.path.join(disk, "contour.gif"), "wb") as f:
            f.write(b"GIF89a old")
        before = snapshot(disk)
        r = subprocess.run([exe, "--output", disk, "--quiet", "--mode", "all", "--epochs", "200"], capture_output=True, text=True)
        problems = []
        if r.returncode == 0:
            problems.append("exit status 0")
        if "No space left" not in r.stderr:
            problems.append(f"message: {r.stderr.strip()[:300]!r}")
        if snapshot(disk) != before or [f for f in os.listdir(disk) if f.startswith(".")]:
            problems.append("the folder changed or kept a temporary file")
        report("disk full", problems)
    finally:
        subprocess.run(["umount", disk])
else:
    print("skip  disk full (needs root and tmpfs)")

# No font: fontconfig with an empty configuration and the fonts folder hidden under an empty tmpfs in a
# private mount namespace (needs root and unshare; skipped, and said so, elsewhere).
empty_conf = write("empty-fonts.conf", "<?xml version=\"1.0\"?>\n<fontconfig></fontconfig>\n")
prime()
before = snapshot(out)
script = f'mount -t tmpfs none /usr/share/fonts && exec "$0" "$@"'
r = subprocess.run(["unshare", "--mount", "sh", "-c", script, exe, "--output", out, "--quiet", "--mode", "all"],
                   capture_output=True, text=True, env={**os.environ, "FONTCONFIG_FILE": empty_conf}) if os.geteuid() == 0 else None
if r is not None and "mount" not in r.stderr:
    problems = failure_problems(r, ["no usable font", "DejaVu", "fonts-dejavu-core"])
    if snapshot(out) != before:
        problems.append("the output folder changed")
    report("no font installed", problems)
else:
    print("skip  no font installed (needs root and unshare --mount)")

# A 300 MiB file of one line of NUL bytes is refused early, in bounded memory (files have no size limit;
# a line of over 1 MiB is no table of numbers).
huge = os.path.join(tmp, "huge-line.csv")
with open(huge, "wb") as f:
    f.truncate(300 << 20)  # 300 MiB of NUL bytes, sparse on disk
r = subprocess.run(["/usr/bin/time", "-f", "%M", exe, "--data", huge, "--output", out, "--quiet"], capture_output=True, text=True)
peak_mib = int(r.stderr.strip().splitlines()[-1]) / 1024
problems = []
if r.returncode == 0:
    problems.append("exit status 0")
if "huge-line.csv:1:" not in r.stderr or "NUL byte" not in r.stderr:
    problems.append(f"message: {r.stderr.strip()[:200]!r}")
if peak_mib > 60:
    problems.append(f"peak memory {peak_mib:.0f} MiB")
report(f"300 MiB file (peak {peak_mib:.0f} MiB)", problems)

# The CLI's --history against the NumPy reference (Tests/TrainingTests/Fixtures), 1e-9 relative per value.
fixtures = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Tests", "TrainingTests", "Fixtures")
for fmt in ("csv", "json"):
    hist = os.path.join(tmp, "history." + fmt)
    r = subprocess.run([exe, "--data", os.path.join(fixtures, "peer-data.csv"), "--lr", "0.3", "--epochs", "1000", "--init-m", "5",
                        "--init-b=-3", "--format", "none", "--history", hist, "--quiet"], capture_output=True, text=True)
    problems = [] if r.returncode == 0 else [f"exit {r.returncode}: {r.stderr.strip()[:200]!r}"]
    if not problems:
        if fmt == "csv":
            ours = [l.split(",") for l in open(hist).read().split("\n")[1:] if l]
        else:
            import json
            doc = json.load(open(hist))
            ours = [[s["epoch"], s["m"], s["b"], s["loss"]] for s in doc["snapshots"]]
            if doc["parameters"]["lr"] != 0.3 or doc["parameters"]["initM"] != 5 or "m" not in doc["leastSquares"]:
                problems.append("JSON parameters or leastSquares missing")
        ref = [l.split(",") for l in open(os.path.join(fixtures, "batch-lr0.3-from-5,-3.csv")).read().split("\n")[1:] if l]
        if len(ours) != len(ref):
            problems.append(f"{len(ours)} rows, NumPy has {len(ref)}")
        worst = max(abs(float(a) - float(b)) / max(abs(float(b)), 1e-300) for o, n in zip(ours, ref) for a, b in zip(o[1:], n[1:]))
        if worst > 1e-9:
            problems.append(f"worst relative difference {worst:.2e}")
    report(f"--history {fmt} matches NumPy over 1000 epochs", problems)

shutil.rmtree(tmp, ignore_errors=True)
print(f"errors: {passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
