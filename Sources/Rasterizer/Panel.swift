/// Where a chart goes on the canvas: the whole frame for a scene of its own, a cell for a panel of a
/// dashboard or a small multiple. `status` keeps a band at the bottom for the per-frame readout.
public struct Panel: Sendable {
    var area: PixelRect
    var status: Bool
    /// Sizes shared by the panels of one page (nil: from the area's own size).
    var style: Style?

    init(area: PixelRect, status: Bool, style: Style? = nil) {
        self.area = area
        self.status = status
        self.style = style
    }

    /// The sizes of text and lines in this panel.
    var resolvedStyle: Style { style ?? Style(width: area.x1 - area.x0, height: area.y1 - area.y0) }

    /// The whole `width`×`height` frame, with a readout band unless `status` is false.
    static func full(width: Int, height: Int, status: Bool = true) -> Panel { Panel(area: PixelRect(x0: 0, y0: 0, x1: width, y1: height), status: status) }
}
