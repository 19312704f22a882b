/// Where a chart goes on the canvas: the whole frame for a scene of its own, a cell for a panel of a
/// dashboard or a small multiple. `status` keeps a band at the bottom for the per-frame readout.
public struct Panel: Sendable {
    var area: PixelRect
    var status: Bool
    /// Sizes and colours: shared by the panels of one page, else from the area's own size.
    let style: Style

    init(area: PixelRect, status: Bool, style: Style) {
        self.area = area
        self.status = status
        self.style = style
    }

    /// The whole `width`×`height` frame in `theme`, with a readout band unless `status` is false.
    static func full(width: Int, height: Int, status: Bool = true, theme: Theme = .light) -> Panel {
        Panel(area: PixelRect(x0: 0, y0: 0, x1: width, y1: height), status: status, style: Style(width: width, height: height, theme: theme))
    }
}
