#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An opaque 24-bit colour, 0xRRGGBB: the pixel format of every frame.
public struct RGB: Hashable, Sendable {
    /// The colour as 0xRRGGBB; the top byte is always 0.
    public var value: UInt32

    /// The colour 0xRRGGBB; bits above the low 24 are dropped.
    public init(_ value: UInt32) { self.value = value & 0xFF_FFFF }

    /// The colour with red, green and blue levels 0…255 (a negative level counts as 0).
    public init(r: Int, g: Int, b: Int) {
        value = UInt32(clamping: r) << 16 | UInt32(clamping: g) << 8 | UInt32(clamping: b)
    }

    /// Red level, 0…255.
    public var r: Int { Int(value >> 16 & 0xFF) }
    /// Green level, 0…255.
    public var g: Int { Int(value >> 8 & 0xFF) }
    /// Blue level, 0…255.
    public var b: Int { Int(value & 0xFF) }

    /// This colour laid over `background` with opacity `alpha` in [0, 1].
    public func over(_ background: RGB, alpha: Double) -> RGB {
        let a = Int((max(0, min(1, alpha)) * 256).rounded())
        func mix(_ f: Int, _ g: Int) -> Int { (f * a + g * (256 - a) + 128) >> 8 }
        return RGB(r: mix(r, background.r), g: mix(g, background.g), b: mix(b, background.b))
    }
}

extension RGB {
    /// Relative luminance as WCAG 2 defines it: the sRGB levels linearised, weighted 0.2126, 0.7152, 0.0722.
    public var luminance: Double {
        func linear(_ v: Int) -> Double {
            let c = Double(v) / 255
            return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)
    }

    /// WCAG 2's contrast ratio with `other`, 1 to 21: (L₁ + 0.05) / (L₂ + 0.05), the lighter over the
    /// darker. Text needs 4.5 to meet level AA.
    public func contrast(with other: RGB) -> Double {
        let a = luminance, b = other.luminance
        return (max(a, b) + 0.05) / (min(a, b) + 0.05)
    }
}
