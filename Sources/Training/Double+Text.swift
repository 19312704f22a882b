extension Double {
    /// Swift's shortest text that reads back as this value, without a trailing ".0": "0.1", "100",
    /// "-1.5", "1e-05". For command lines and captions that must round-trip.
    package var roundTripText: String {
        let text = description
        return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }
}
