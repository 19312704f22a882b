/// The player's script in three parts, each a JavaScript text: reading the data, drawing frames, and the
/// controls (``PlayerScript`` joins them).
enum PlayerScriptParts {
    /// Reads the page's JSON: the stills, the frame times, each run's columns, the chapters.
    static let setup = #"""
    (function () {
    "use strict";
    var root = document.currentScript.closest(".gd-player");
    var q = function (s) { return root.querySelector(s); };
    var D = JSON.parse(q(".gd-data").textContent);
    var n = D.frames.length, W = D.width, H = D.height;
    var canvas = q("canvas"), ctx = canvas.getContext("2d");
    var scrub = q(".gd-scrub input"), pos = q(".gd-pos"), live = q(".gd-live"), chapterText = q(".gd-chapter");
    var speedSelect = q("select[name=speed]"), repeatSelect = q("select[name=repeat]");
    var speeds = [0.25, 0.5, 1, 1.5, 2, 4];
    function bytes(b64) {
    var s = atob(b64), a = new Uint8Array(s.length);
    for (var i = 0; i < s.length; i++) a[i] = s.charCodeAt(i);
    return a;
    }
    // A column: whole numbers, one repeated value, or little-endian doubles in Base64.
    function column(c) {
    if (typeof c === "number") { var a = new Float64Array(n); a.fill(c); return a; }
    if (typeof c !== "string") return c;
    var v = new DataView(bytes(c).buffer), out = new Float64Array(n);
    for (var i = 0; i < n; i++) out[i] = v.getFloat64(8 * i, true);
    return out;
    }
    var runs = D.runs.map(function (r) { return { label: r.label, columns: r.columns.map(column) }; });
    var columns = D.columns.map(function (c) { return { name: c[0], label: c[1], count: c[2] === 1 }; });
    var chapters = D.chapters.map(function (c) { return { frame: c[0], title: c[1] }; });
    function col(name) { for (var i = 0; i < columns.length; i++) if (columns[i].name === name) return i; return -1; }
    var EPOCH = col("epoch"), UPDATE = col("update");
    // What people read: six significant digits, a real minus sign, exponents for the very small and large.
    function fmt(x, count) {
    if (count) return String(x);
    if (x === 0) return "0";
    if (!isFinite(x)) return String(x);
    var a = Math.abs(x), s;
    if (a >= 1e-4 && a < 1e7) {
    s = x.toPrecision(6);
    if (s.indexOf(".") >= 0 && s.indexOf("e") < 0) s = s.replace(/0+$/, "").replace(/\.$/, "");
    } else {
    s = x.toExponential(4).replace(/\.?0+e/, "e");
    }
    return s.replace("-", "\u2212");
    }
    function when(f) {
    if (!runs.length || EPOCH < 0) return "";
    var r = runs[0].columns, text = "epoch " + r[EPOCH][f];
    if (UPDATE >= 0 && r[UPDATE][f] !== r[EPOCH][f]) text += ", update " + r[UPDATE][f];
    return text;
    }
    function chapterAt(f) {
    var c = null;
    for (var i = 0; i < chapters.length && chapters[i].frame <= f; i++) c = chapters[i];
    return c;
    }
    """#
}
