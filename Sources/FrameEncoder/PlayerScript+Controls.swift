extension PlayerScriptParts {
    /// The readout and table, playback with its speed and repeat, the keys, chapters and the CSV download.
    static let controls = #"""
    var many = runs.length > 1;
    function cell(tag, text) { var c = document.createElement(tag); c.textContent = text; return c; }
    function headRow(extra) {
    var tr = document.createElement("tr");
    extra.forEach(function (t) { tr.appendChild(cell("th", t)); });
    columns.forEach(function (c) { tr.appendChild(cell("th", c.label)); });
    return tr;
    }
    var readout = q(".gd-readout"), readCells = [];
    if (!columns.length) readout.hidden = true;
    q(".gd-readout thead").appendChild(headRow(many ? ["run"] : []));
    runs.forEach(function (r) {
    var tr = document.createElement("tr"), cells = [];
    if (many) tr.appendChild(cell("th", r.label));
    columns.forEach(function () { var td = cell("td", ""); tr.appendChild(td); cells.push(td); });
    q(".gd-readout tbody").appendChild(tr);
    readCells.push(cells);
    });
    var playing = false, timer = 0, due = 0, direction = 1, plays = 0, speed = 1, tableRows = null, marked = [];
    function numbers(k) {
    runs.forEach(function (r, i) {
    columns.forEach(function (c, j) { readCells[i][j].textContent = fmt(r.columns[j][k], c.count); });
    });
    scrub.value = String(k);
    var at = "Frame " + (k + 1) + " of " + n + (when(k) ? ", " + when(k) : "");
    scrub.setAttribute("aria-valuetext", at);
    pos.textContent = (k + 1) + " / " + n;
    var c = chapterAt(k);
    chapterText.textContent = c ? c.title : "";
    chapterButtons.forEach(function (b, i) { b.setAttribute("aria-current", String(c !== null && chapters[i] === c)); });
    if (!q(".gd-chapters").contains(document.activeElement)) rove(c);
    marked.forEach(function (tr) { tr.removeAttribute("aria-current"); });
    marked = tableRows && tableRows[k] ? tableRows[k] : [];
    marked.forEach(function (tr) { tr.setAttribute("aria-current", "true"); });
    if (!playing) say(k);
    }
    // The live region speaks on pause and step, never while playing.
    function say(k) {
    var parts = runs.map(function (r) {
    var text = many ? r.label + ": " : "";
    return text + columns.filter(function (c) { return !c.count; }).map(function (c) {
    return c.label + " = " + fmt(r.columns[columns.indexOf(c)][k], false);
    }).join(", ");
    });
    live.textContent = "Frame " + (k + 1) + " of " + n + (when(k) ? ", " + when(k) : "") + ". " + parts.join(". ");
    }
    var chapterButtons = chapters.map(function (c) {
    var b = document.createElement("button");
    b.type = "button";
    b.style.left = (n > 1 ? 100 * c.frame / (n - 1) : 0) + "%";
    b.setAttribute("aria-label", "Chapter: " + c.title + " (frame " + (c.frame + 1) + ")");
    b.title = c.title;
    b.tabIndex = -1;
    b.addEventListener("click", function () { pause(); show(c.frame); });
    q(".gd-chapters").appendChild(b);
    return b;
    });
    // The chapters are one Tab stop: the current one; ← and → move between them there.
    function rove(c) { chapterButtons.forEach(function (b, i) { b.tabIndex = chapters[i] === c || (!c && i === 0) ? 0 : -1; }); }
    rove(null);
    // Markers closer than 14 px become thin ticks, so a chapter per beat stays legible on a phone.
    function spacing() { q(".gd-chapters").classList.toggle("gd-dense", chapters.length * 14 > scrub.clientWidth); }
    function setPlaying(p) {
    playing = p;
    root.dataset.playing = String(p);
    var b = q("[data-act=play]");
    b.setAttribute("aria-label", p ? "Pause" : "Play");
    b.title = (p ? "Pause" : "Play") + " (Space)";
    }
    function tick() {
    var k = wanted, mode = repeatSelect.value, next = k + direction;
    if (next >= n || next < 0) {
    // A play ends at the last frame (reflect: back at the first); --loop N asks for N + 1 plays.
    // (a reflected play is there and back).
    if (mode === "reflect" && next >= n) { direction = -1; next = k - 1; }
    else {
    var more = D.plays === 0 || ++plays < D.plays;
    if (mode === "reflect" && more) { direction = 1; next = k + 1; }
    else if (mode === "loop" && more) next = 0;
    else { pause(); return; }
    }
    }
    show(next);
    schedule();
    }
    function schedule() {
    // After a stall (a busy page, a hidden tab's slowed timers) play on from now instead of racing to catch up.
    var now = performance.now();
    if (due < now - 250) due = now;
    due += D.delays[wanted] / speed;
    timer = setTimeout(tick, Math.max(0, due - performance.now()));
    }
    function play() {
    if (playing || n < 2) return;
    plays = 0;
    if (direction > 0 && wanted === n - 1) show(0);
    setPlaying(true);
    due = performance.now();
    schedule();
    }
    function pause() {
    if (!playing) return;
    clearTimeout(timer);
    setPlaying(false);
    say(wanted);
    }
    function step(d) { pause(); show(wanted + d); }
    function setSpeed(s) {
    speed = s;
    speedSelect.value = String(s);
    if (playing) { clearTimeout(timer); due = performance.now(); schedule(); }
    }
    function nudgeSpeed(d) {
    var i = speeds.indexOf(speed) + d;
    if (i >= 0 && i < speeds.length) setSpeed(speeds[i]);
    }
    function chapterStep(d) {
    var k = wanted, target = null;
    if (d > 0) { for (var i = 0; i < chapters.length; i++) if (chapters[i].frame > k) { target = chapters[i]; break; } }
    else { for (var j = chapters.length - 1; j >= 0; j--) if (chapters[j].frame < k) { target = chapters[j]; break; } }
    pause();
    show(target ? target.frame : (d > 0 ? n - 1 : 0));
    }
    var actions = {
    first: function () { pause(); show(0); }, last: function () { pause(); show(n - 1); },
    back: function () { step(-1); }, fwd: function () { step(1); },
    play: function () { if (playing) pause(); else play(); }, csv: download
    };
    root.addEventListener("click", function (e) {
    var b = e.target.closest("[data-act]");
    if (b && root.contains(b)) actions[b.dataset.act]();
    });
    scrub.max = String(n - 1);
    scrub.addEventListener("input", function () { pause(); show(Number(scrub.value)); });
    speedSelect.addEventListener("change", function () { setSpeed(Number(speedSelect.value)); });
    repeatSelect.addEventListener("change", function () { if (repeatSelect.value !== "reflect") direction = 1; });
    function key(e) {
    if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
    var t = e.target, tag = t && t.tagName;
    if (tag === "SELECT" || tag === "TEXTAREA" || (tag === "INPUT" && t.type !== "range") || (t && t.isContentEditable)) return;
    // The tables scroll with the keys when they have the focus.
    if (t && t.closest && t.closest(".gd-table, .gd-readout")) return;
    if (t && t.parentNode === q(".gd-chapters") && (e.key === "ArrowRight" || e.key === "ArrowLeft")) {
    var i = chapterButtons.indexOf(t) + (e.key === "ArrowRight" ? 1 : -1);
    if (i >= 0 && i < chapterButtons.length) { rove(chapters[i]); chapterButtons[i].focus(); }
    e.preventDefault();
    return;
    }
    if ((tag === "BUTTON" || tag === "SUMMARY") && (e.key === " " || e.key === "Enter")) return;
    var ten = e.shiftKey ? 10 : 1;
    switch (e.key) {
    case " ": actions.play(); break;
    case "ArrowRight": step(ten); break;
    case "ArrowLeft": step(-ten); break;
    case "Home": actions.first(); break;
    case "End": actions.last(); break;
    case "+": case "=": nudgeSpeed(1); break;
    case "-": case "_": nudgeSpeed(-1); break;
    case "PageDown": chapterStep(1); break;
    case "PageUp": chapterStep(-1); break;
    default: return;
    }
    e.preventDefault();
    }
    root.addEventListener("keydown", key);
    if (document.querySelectorAll(".gd-player").length === 1) {
    document.addEventListener("keydown", function (e) { if (!root.contains(e.target)) key(e); });
    }
    // Every frame's row, built when the table is first opened; a click on a row shows its frame.
    q(".gd-numbers").addEventListener("toggle", function () {
    if (tableRows || !q(".gd-numbers").open) return;
    q(".gd-table thead").appendChild(headRow(many ? ["frame", "run"] : ["frame"]));
    var body = q(".gd-table tbody");
    tableRows = [];
    // Built 500 frames at a time between paints, so a long run's table never freezes the page.
    function build(from) {
    var part = document.createDocumentFragment();
    for (var f = from; f < Math.min(n, from + 500); f++) {
    tableRows[f] = runs.map(function (r) {
    var tr = document.createElement("tr");
    tr.dataset.frame = String(f);
    tr.appendChild(cell("td", String(f + 1)));
    if (many) { var name = cell("td", r.label); name.className = "gd-name"; tr.appendChild(name); }
    columns.forEach(function (c, j) { tr.appendChild(cell("td", fmt(r.columns[j][f], c.count))); });
    part.appendChild(tr);
    return tr;
    });
    }
    body.appendChild(part);
    if (from + 500 < n) setTimeout(function () { build(from + 500); }, 0);
    else root.dataset.table = "ready";
    }
    build(0);
    body.addEventListener("click", function (e) {
    var tr = e.target.closest("tr");
    if (tr) { pause(); show(Number(tr.dataset.frame)); }
    });
    numbers(wanted);
    });
    q(".gd-source").textContent = D.source;
    function download() {
    var lines = [["frame"].concat(many ? ["run"] : [], columns.map(function (c) { return c.name; })).join(",")];
    for (var f = 0; f < n; f++) {
    runs.forEach(function (r) {
    var label = '"' + r.label.replace(/"/g, '""') + '"';
    lines.push([String(f + 1)].concat(many ? [label] : [], r.columns.map(function (v) { return String(v[f]); })).join(","));
    });
    }
    var a = document.createElement("a");
    a.href = URL.createObjectURL(new Blob([lines.join("\n") + "\n"], { type: "text/csv" }));
    a.download = (D.title.split(":")[0] || "numbers") + "-numbers.csv";
    root.appendChild(a);
    a.click();
    a.remove();
    }
    function canvasLook() {
    spacing();
    var ratio = canvas.clientWidth * (window.devicePixelRatio || 1) / W;
    canvas.style.imageRendering = ratio >= 2 ? "pixelated" : "auto";
    }
    canvas.addEventListener("click", function () { actions.play(); });
    if (window.ResizeObserver) new ResizeObserver(canvasLook).observe(canvas);
    canvasLook();
    var still0 = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    show(0).then(function () {
    loadKeys();
    if (!still0 && n > 1) play();
    });
    })();
    """#
}
