import Testing
@testable import gdanimate

/// The gallery's picture of a visual: the description as `alt` (escaped), and the WebP offered first
/// when the entry wrote one, the GIF as the fallback.
struct GalleryTests {
    @Test func pictureWithAndWithoutWebP() {
        let alt = #"J < 2/λmax & "m" fell"#
        let gif = Gallery.Entry(command: ["gdanimate"], alt: alt, hasWebP: false)
        #expect(Gallery.picture("a&b", gif) == #"<img src="a&amp;b.gif" alt="J &lt; 2/λmax &amp; &quot;m&quot; fell" loading="lazy">"#)
        let webp = Gallery.Entry(command: ["gdanimate"], alt: alt, hasWebP: true)
        #expect(Gallery.picture("s", webp) == #"<picture><source srcset="s.webp" type="image/webp"><img src="s.gif" alt="J &lt; 2/λmax &amp; &quot;m&quot; fell" loading="lazy"></picture>"#)
    }
}
