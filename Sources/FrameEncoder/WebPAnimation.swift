import CWebP
import Rasterizer

/// The one owner of a libwebp animation encoder: created in `init`, deleted in `deinit`; every failure
/// comes back as ``EncodeError/webp(_:)`` with libwebp's own message.
final class WebPAnimation {
    private let encoder: OpaquePointer
    private var config = WebPConfig()
    let width: Int
    let height: Int

    /// `transparent`: the frames have a transparent page, so the canvas behind them is transparent too
    /// (libwebp's default background is opaque white, which a viewer may paint around a cropped frame).
    init(width: Int, height: Int, loop: Int, transparent: Bool = false) throws(EncodeError) {
        var options = WebPAnimEncoderOptions()
        guard WebPAnimEncoderOptionsInit(&options) != 0, WebPConfigInit(&config) != 0 else { throw .webp("libwebp's version does not match its headers") }
        // A GIF's loop count is repeats after the first play, WebP's is plays in all (gif2webp adds 1 too).
        options.anim_params.loop_count = Int32(loop == 0 ? 0 : min(loop + 1, 65535))
        if transparent { options.anim_params.bgcolor = 0 }
        options.kmin = 0
        options.kmax = 0                  // no key frames: each frame is coded against the last
        config.lossless = 1
        // libwebp's default effort, as gif2webp: measured on the benchmark's four scenes, method 6 and
        // quality 100 save 0.3 % at 16× the time, method 1 costs 1 % more bytes for no time saved.
        config.method = 4
        config.quality = 75
        guard let e = WebPAnimEncoderNew(Int32(width), Int32(height), &options) else { throw .webp("could not start an animation of \(width)×\(height)") }
        encoder = e
        self.width = width
        self.height = height
    }

    deinit { WebPAnimEncoderDelete(encoder) }

    /// The palette sampled from `samples` (``WebPSink/paletteColors``, the animation's key colours kept)
    /// and an encoder for `animation`, transparent when a sample is: how the WebP and the player start alike.
    static func start(_ animation: AnimationInfo, samples: () throws -> [Frame]) throws -> (Palette, WebPAnimation) {
        let sampled = try samples()
        let palette = Palette(sampling: sampled, maxColors: WebPSink.paletteColors, keep: animation.keyColors)
        let encoder = try WebPAnimation(width: animation.width, height: animation.height, loop: animation.timing.loop,
                                        transparent: sampled.contains { $0.hasTransparency })
        return (palette, encoder)
    }

    /// Adds `frame`, shown from `ms` milliseconds.
    func add(_ frame: Frame, atMilliseconds ms: Int) throws(EncodeError) {
        var picture = WebPPicture()
        guard WebPPictureInit(&picture) != 0 else { throw .webp("libwebp's version does not match its headers") }
        picture.width = Int32(width)
        picture.height = Int32(height)
        picture.use_argb = 1
        defer { WebPPictureFree(&picture) }
        // 0xAARRGGBB words are B, G, R, A bytes in memory on a little-endian machine.
        let imported = frame.pixels.withUnsafeBytes { raw in
            let bytes = raw.baseAddress!.assumingMemoryBound(to: UInt8.self)
            return frame.hasTransparency ? WebPPictureImportBGRA(&picture, bytes, Int32(width * 4))
                                         : WebPPictureImportBGRX(&picture, bytes, Int32(width * 4))
        }
        guard imported != 0 else { throw .webp("out of memory for a \(width)×\(height) frame") }
        guard WebPAnimEncoderAdd(encoder, &picture, Int32(ms), &config) != 0 else { throw .webp(message()) }
    }

    /// The whole file, the last frame ending at `ms` milliseconds.
    func assemble(endMilliseconds ms: Int) throws(EncodeError) -> [UInt8] {
        guard WebPAnimEncoderAdd(encoder, nil, Int32(ms), nil) != 0 else { throw .webp(message()) }
        var data = WebPData()
        guard WebPAnimEncoderAssemble(encoder, &data) != 0 else { throw .webp(message()) }
        defer { WebPDataClear(&data) }
        return Array(UnsafeBufferPointer(start: data.bytes, count: data.size))
    }

    private func message() -> String {
        guard let text = WebPAnimEncoderGetError(encoder) else { return "unknown libwebp error" }
        return String(cString: text)
    }
}
