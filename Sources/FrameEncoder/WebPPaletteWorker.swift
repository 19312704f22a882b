import Rasterizer

/// Maps each frame to a WebP sink's palette, on its own rendering thread: opaque pixels to the palette
/// colour nearest them, a transparent page's pixels to 0 (transparent black). Shared by ``WebPSink`` and
/// ``HTMLSink``, whose pages hold the same frames as the WebP.
final class WebPPaletteWorker: FrameWorker {
    var map: PaletteMap
    let colors: [UInt32]
    init(_ palette: Palette) {
        map = PaletteMap(palette)
        colors = palette.colors.map(\.value)
    }
    var needsPreviousFrame: Bool { false }

    func prepare(_ frame: Frame, index: Int, after previous: Frame?) throws -> PreparedFrame {
        var mapped = frame
        var map = self.map   // a local copy: no exclusivity check per pixel
        if frame.hasTransparency {
            // Alpha in the top byte, as WebPPictureImportBGRA reads it: opaque, or a transparent page.
            colors.withUnsafeBufferPointer { colors in
                mapped.pixels.withUnsafeMutableBufferPointer { px in
                    for i in px.indices {
                        let p = px[i]
                        px[i] = p & Frame.transparentBit != 0 ? 0 : 0xFF00_0000 | colors[Int(map.index(of: p))]
                    }
                }
            }
            self.map = map
            return .frame(mapped)
        }
        colors.withUnsafeBufferPointer { colors in
            mapped.pixels.withUnsafeMutableBufferPointer { px in
                var last: UInt32 = 0, lastMapped = colors[Int(map.index(of: 0))]
                for i in px.indices {
                    let p = px[i]
                    if p != last { last = p; lastMapped = colors[Int(map.index(of: p))] }
                    px[i] = lastMapped
                }
            }
        }
        self.map = map
        return .frame(mapped)
    }
}
