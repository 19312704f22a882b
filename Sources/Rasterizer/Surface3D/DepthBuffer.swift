/// Colour and depth per pixel for drawing in three dimensions: triangles filled with barycentric
/// interpolation and a z-test per pixel (the classic software rasterizer, as in ssloy's tinyrenderer), and
/// depth-tested anti-aliased lines. Written by hand: libgd draws in two dimensions only, and the few
/// thousand triangles of a bowl need no GPU.
///
/// Coordinates are pixels of this buffer (x right, y down, pixel centres at +0.5); depth grows towards the
/// viewer. A buffer at `scale` times the frame's resolution is averaged down (`resolve`) to anti-alias the
/// edges of what it holds.
final class DepthBuffer {
    let width: Int, height: Int
    private(set) var color: [RGB]
    private(set) var depth: [Float]

    /// A buffer of `fill` colour with nothing in it (depth −∞).
    init(width: Int, height: Int, fill: RGB) {
        self.width = max(1, width)
        self.height = max(1, height)
        color = Array(repeating: fill, count: self.width * self.height)
        depth = Array(repeating: -.infinity, count: self.width * self.height)
    }

    /// A vertex on screen: position, depth, and what is interpolated across the triangle.
    struct Vertex { var x: Double, y: Double, depth: Double, attributes: Vec3 = Vec3(0, 0, 0) }

    /// Fills the triangle abc where it is nearer than what is there; `shade` gives a pixel's colour
    /// from the attributes interpolated at its centre.
    func fillTriangle(_ a: Vertex, _ b: Vertex, _ c: Vertex, shade: (Vec3) -> RGB) {
        let area = (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x)
        guard abs(area) > 1e-12 else { return }
        let x0 = max(0, Int(min(a.x, b.x, c.x).rounded(.down))), x1 = min(width - 1, Int(max(a.x, b.x, c.x).rounded(.up)))
        let y0 = max(0, Int(min(a.y, b.y, c.y).rounded(.down))), y1 = min(height - 1, Int(max(a.y, b.y, c.y).rounded(.up)))
        guard x0 <= x1, y0 <= y1 else { return }
        let inv = 1 / area
        let w = width
        color.withUnsafeMutableBufferPointer { color in
            depth.withUnsafeMutableBufferPointer { depth in
                for py in y0...y1 {
                    let y = Double(py) + 0.5
                    for px in x0...x1 {
                        let x = Double(px) + 0.5
                        // Barycentric weights; a pixel centre on a shared edge belongs to both (the z-test decides).
                        let wa = ((b.x - x) * (c.y - y) - (b.y - y) * (c.x - x)) * inv
                        let wb = ((c.x - x) * (a.y - y) - (c.y - y) * (a.x - x)) * inv
                        let wc = 1 - wa - wb
                        guard wa >= -1e-9, wb >= -1e-9, wc >= -1e-9 else { continue }
                        let z = Float(wa * a.depth + wb * b.depth + wc * c.depth)
                        let i = py * w + px
                        guard z > depth[i] else { continue }
                        depth[i] = z
                        color[i] = shade(a.attributes * wa + b.attributes * wb + c.attributes * wc)
                    }
                }
            }
        }
    }

    /// Depth at a pixel (−∞ where nothing was drawn or outside).
    @inline(__always)
    func depth(_ x: Int, _ y: Int) -> Float { x >= 0 && y >= 0 && x < width && y < height ? depth[y * width + x] : -.infinity }

    /// A line from a to b, `halfWidth` pixels each side, anti-aliased, laid over what is there wherever it is
    /// no more than `slack` behind it (a line on a surface sits on it, not in front of it). It writes no depth.
    func strokeLine(_ a: Vertex, _ b: Vertex, halfWidth: Double, color c: RGB, alpha: Double = 1, slack: Double) {
        let dx = b.x - a.x, dy = b.y - a.y
        let l2 = dx * dx + dy * dy
        let reach = halfWidth + 1
        let x0 = max(0, Int((min(a.x, b.x) - reach).rounded(.down))), x1 = min(width - 1, Int((max(a.x, b.x) + reach).rounded(.up)))
        let y0 = max(0, Int((min(a.y, b.y) - reach).rounded(.down))), y1 = min(height - 1, Int((max(a.y, b.y) + reach).rounded(.up)))
        guard x0 <= x1, y0 <= y1 else { return }
        let length = l2.squareRoot()
        let w = width
        color.withUnsafeMutableBufferPointer { color in
        depth.withUnsafeBufferPointer { depth in
        for py in y0...y1 {
            let y = Double(py) + 0.5
            // Only the pixels of this row within reach of the line through a and b (a long diagonal's
            // bounding box is mostly empty).
            var lo = x0, hi = x1
            if abs(dy) > 1e-9 {
                let xc = a.x + (y - a.y) * dx / dy, half = reach * length / abs(dy)
                lo = max(x0, Int((xc - half).rounded(.down)))
                hi = min(x1, Int((xc + half).rounded(.up)))
            }
            guard lo <= hi else { continue }
            for px in lo...hi {
                let x = Double(px) + 0.5
                let t = l2 > 0 ? max(0, min(1, ((x - a.x) * dx + (y - a.y) * dy) / l2)) : 0
                let ex = a.x + t * dx - x, ey = a.y + t * dy - y
                let cover = halfWidth + 0.5 - (ex * ex + ey * ey).squareRoot()
                guard cover > 0 else { continue }
                let i = py * w + px
                guard Double(depth[i]) <= a.depth + (b.depth - a.depth) * t + slack else { continue }
                color[i] = c.over(color[i], alpha: min(1, cover) * alpha)
            }
        }
        }
        }
    }

    /// Averages `scale`×`scale` blocks into `canvas` from (x0, y0) on; returns each output pixel's depth
    /// (what later marks are tested against): the mean of its samples, the depth at its centre on a smooth
    /// surface, or the nearest where only some of them were drawn on (an edge).
    func resolve(into canvas: Canvas, x0: Int, y0: Int, scale: Int) -> [Float] {
        let w = width / scale, h = height / scale
        if scale == 1 {
            for oy in 0..<h where y0 + oy >= 0 && y0 + oy < canvas.height {
                let row = canvas.row(y0 + oy)
                for ox in 0..<w where x0 + ox >= 0 && x0 + ox < canvas.width { row[x0 + ox] = Int32(bitPattern: color[oy * width + ox].value) }
            }
            return depth
        }
        var nearest = [Float](repeating: -.infinity, count: w * h)
        let n = scale * scale
        color.withUnsafeBufferPointer { color in
            depth.withUnsafeBufferPointer { depth in
                for oy in 0..<h where y0 + oy >= 0 && y0 + oy < canvas.height {
                    let row = canvas.row(y0 + oy)
                    for ox in 0..<w {
                        var r = 0, g = 0, b = 0
                        var near: Float = -.infinity, sum: Float = 0
                        for sy in 0..<scale {
                            for sx in 0..<scale {
                                let i = (oy * scale + sy) * width + ox * scale + sx
                                let p = color[i]
                                r += p.r; g += p.g; b += p.b
                                near = max(near, depth[i])
                                sum += depth[i]
                            }
                        }
                        nearest[oy * w + ox] = sum.isFinite ? sum / Float(n) : near
                        guard x0 + ox >= 0, x0 + ox < canvas.width else { continue }
                        row[x0 + ox] = Int32(bitPattern: RGB(r: (r + n / 2) / n, g: (g + n / 2) / n, b: (b + n / 2) / n).value)
                    }
                }
            }
        }
        return nearest
    }
}
