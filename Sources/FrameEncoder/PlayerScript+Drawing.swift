extension PlayerScriptParts {
    /// Decoding stills, composing frames from key frames, and showing frame k.
    static let drawing = #"""
    var stills = D.stills;
    function decode(j) {
    return createImageBitmap(new Blob([bytes(D.images[j])], { type: "image/webp" }));
    }
    // Decoded stills, most recently used last, within a budget of pixels.
    var cache = new Map(), cached = 0, CACHE = 48e6;
    function still(j) {
    var hit = cache.get(j);
    if (hit) { cache.delete(j); cache.set(j, hit); return hit; }
    var p = decode(j);
    cache.set(j, p);
    cached += stills[j][2] * stills[j][3] * 4;
    while (cached > CACHE && cache.size > 1) {
    var old = cache.keys().next().value;
    cached -= stills[old][2] * stills[old][3] * 4;
    cache.delete(old);
    }
    return p;
    }
    // Draws still j over context g as the WebP does; `last` is the still drawn before it (its disposal is due).
    function lay(g, j, bitmap, last) {
    if (last >= 0 && (stills[last][4] & 2)) g.clearRect(stills[last][0], stills[last][1], stills[last][2], stills[last][3]);
    var s = stills[j];
    if (!(s[4] & 1)) g.clearRect(s[0], s[1], s[2], s[3]);
    g.drawImage(bitmap, s[0], s[1]);
    }
    // Key frames: {frame, last, image}, composed while the page loads; the first is the empty canvas before frame 0.
    var keys = [{ frame: -1, last: -1, image: null }];
    var every = Math.max(8, Math.ceil(n / Math.max(1, Math.floor(192e6 / (W * H * 4)))));
    var loaded = -1, waiters = [];
    function flush() {
    waiters = waiters.filter(function (w) { if (loaded >= w.k) { w.done(); return false; } return true; });
    }
    function whenLoaded(k) { return new Promise(function (done) { waiters.push({ k: k, done: done }); flush(); }); }
    // Decodes 16 stills at a time and lays them in order on a canvas of its own, keeping every `every`-th frame.
    function loadKeys() {
    var c = document.createElement("canvas");
    c.width = W; c.height = H;
    var g = c.getContext("2d", { willReadFrequently: true }), last = -1, f = 0;
    function batch() {
    if (f >= n) { root.dataset.ready = "true"; return; }
    var js = D.frames.slice(f, Math.min(n, f + 16));
    return Promise.all(js.map(function (j) { return j < 0 ? null : decode(j); })).then(function (bitmaps) {
    for (var i = 0; i < js.length; i++, f++) {
    if (bitmaps[i]) { lay(g, js[i], bitmaps[i], last); last = js[i]; bitmaps[i].close(); }
    if ((f + 1) % every === 0 && f + 1 < n) keys.push({ frame: f, last: last, image: g.getImageData(0, 0, W, H) });
    loaded = f;
    }
    flush();
    return batch();
    });
    }
    return batch();
    }
    // What the canvas shows: frame `drawn`, with still `drawnLast` the last laid.
    var drawn = -2, drawnLast = -1, wanted = 0, queue = Promise.resolve();
    function compose(k) {
    var from = drawn, last = drawnLast, key = null;
    if (!(drawn <= k && drawn >= 0 && k - drawn <= every)) {
    for (var i = keys.length - 1; i >= 0; i--) if (keys[i].frame <= k) { key = keys[i]; break; }
    // Far past what has loaded: show it when its key frame is there, rather than decode the whole way.
    if (k - key.frame > 2 * every && loaded < k) {
    whenLoaded(k).then(function () { if (wanted === k) show(k); });
    return Promise.resolve();
    }
    from = key.frame; last = key.last;
    }
    var need = [];
    for (var f = from + 1; f <= k; f++) if (D.frames[f] >= 0) need.push(D.frames[f]);
    return Promise.all(need.map(still)).then(function (bitmaps) {
    if (key) {
    if (key.image) ctx.putImageData(key.image, 0, 0); else ctx.clearRect(0, 0, W, H);
    }
    for (var i = 0; i < need.length; i++) { lay(ctx, need[i], bitmaps[i], last); last = need[i]; }
    drawn = k; drawnLast = last;
    root.dataset.frame = String(k);
    });
    }
    function fail(e) {
    var p = q(".gd-error");
    p.hidden = false;
    p.textContent = "This browser could not draw the frames (" + (e && e.message || e) + "). Try a current Chrome, Edge, Firefox or Safari.";
    }
    // Shows frame k: the numbers at once, the picture as soon as its stills are decoded.
    function show(k) {
    k = Math.max(0, Math.min(n - 1, k));
    wanted = k;
    numbers(k);
    queue = queue.then(function () { if (wanted === k && drawn !== k) return compose(k); }).catch(fail);
    return queue;
    }
    """#
}
