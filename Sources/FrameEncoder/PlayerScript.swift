/// The script of a player page. It reads the page's JSON, decodes each WebP still natively
/// (`createImageBitmap`), and composes frame k on the canvas from the nearest key frame at or before it:
/// key frames are composed in memory while the page loads (every few frames, as many as ~192 MB of pixels
/// allow), never stored in the file. Drawing a still follows the WebP's own rules (blend or replace its
/// rectangle; clear it after its time when it disposes), so the canvas shows exactly the WebP's pixels.
///
/// Everything is found from the script's own `.gd-player` element, so two players on one page (a
/// notebook) do not meet; the keys work anywhere on a page that has one player. Written readable and
/// sent with its indentation and comment lines stripped (``minified``).
enum PlayerScript {
    /// ``source`` with leading white space and whole-line comments removed; line breaks are kept, so
    /// nothing that relies on them changes.
    static let minified: String = source.split(separator: "\n", omittingEmptySubsequences: true)
        .map { $0.drop { $0 == " " } }
        .filter { !$0.isEmpty && !$0.hasPrefix("//") }
        .joined(separator: "\n")

    /// The one script sent as text: it unpacks the player's script (sent compressed by zlib, a third of its
    /// size) with the browser's own `DecompressionStream` and runs it beside itself, or says what the
    /// browser lacks.
    static let bootstrap = #"""
    (function (s) {
    var p = s.closest(".gd-player"), c = p.querySelector(".gd-code");
    if (!window.DecompressionStream || !window.createImageBitmap) {
    var e = p.querySelector(".gd-error"); e.hidden = false;
    e.textContent = "This browser cannot run the player (it lacks DecompressionStream or createImageBitmap). Try a current Chrome, Edge, Firefox or Safari.";
    return;
    }
    var b = Uint8Array.from(atob(c.textContent), function (ch) { return ch.charCodeAt(0); });
    new Response(new Blob([b]).stream().pipeThrough(new DecompressionStream("deflate"))).text().then(function (t) {
    var x = document.createElement("script"); x.textContent = t; s.after(x);
    });
    })(document.currentScript);
    """#

    static let source = PlayerScriptParts.setup + PlayerScriptParts.drawing + PlayerScriptParts.controls
}
