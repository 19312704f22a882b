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
    // Key frames: {frame, last, bitmap}; the first is the empty canvas before frame 0.
    var keys = [{ frame: -1, last: -1, bitmap: null }];
    var every = Math.max(8, Math.ceil(n / Math.max(1, Math.floor(192e6 / (W * H * 4)))));
    var loaded = -1;
    function loadKeys() {
    var c = document.createElement("canvas");
    c.width = W; c.height = H;
    var g = c.getContext("2d"), last = -1, f = 0;
    function next() {
    if (f >= n) { loaded = n - 1; root.dataset.ready = "true"; return; }
    var j = D.frames[f];
    var drawn = j < 0 ? Promise.resolve() : decode(j).then(function (b) { lay(g, j, b, last); last = j; b.close(); });
    return drawn.then(function () {
    loaded = f;
    if ((f + 1) % every === 0 && f + 1 < n) {
    var at = f, was = last;
    return createImageBitmap(c).then(function (b) { keys.push({ frame: at, last: was, bitmap: b }); f++; return next(); });
    }
    f++;
    return next();
    });
    }
    return next();
    }
    // What the canvas shows: frame `drawn`, with still `drawnLast` the last laid.
    var drawn = -2, drawnLast = -1, wanted = 0, queue = Promise.resolve();
    function compose(k) {
    var from = drawn, last = drawnLast, key = null;
    if (!(drawn <= k && drawn >= 0 && k - drawn <= every)) {
    for (var i = keys.length - 1; i >= 0; i--) if (keys[i].frame <= k) { key = keys[i]; break; }
    from = key.frame; last = key.last;
    }
    var need = [];
    for (var f = from + 1; f <= k; f++) if (D.frames[f] >= 0) need.push(D.frames[f]);
    return Promise.all(need.map(still)).then(function (bitmaps) {
    if (key) {
    ctx.clearRect(0, 0, W, H);
    if (key.bitmap) ctx.drawImage(key.bitmap, 0, 0);
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
