import CWebP

extension FileMetadata {
    /// The XMP packet of this metadata: the description as Dublin Core's `dc:description` (a language
    /// alternative, `x-default`) and the command as `xmp:CreatorTool`, the tool that made the file, to
    /// the option; the text XML-escaped.
    public var xmp: String {
        """
        <?xpacket begin="\u{FEFF}" id="W5M0MpCehiHzreSzNTczkc9d"?>
        <x:xmpmeta xmlns:x="adobe:ns:meta/">
         <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
          <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
           <dc:description><rdf:Alt><rdf:li xml:lang="x-default">\(Self.xmlEscaped(description))</rdf:li></rdf:Alt></dc:description>
           <xmp:CreatorTool>\(Self.xmlEscaped(command))</xmp:CreatorTool>
          </rdf:Description>
         </rdf:RDF>
        </x:xmpmeta>
        <?xpacket end="r"?>
        """
    }

    /// `text` safe inside an XML element or attribute: `&`, `<`, `>`, `"` and `'` as entities.
    static func xmlEscaped(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for c in text {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default: out.append(c)
            }
        }
        return out
    }

    /// The WebP file `webp` with an `XMP ` chunk holding ``xmp``, through libwebp's mux API
    /// (`WebPMuxCreate`, `WebPMuxSetChunk`, `WebPMuxAssemble`), which also sets the XMP flag of the
    /// `VP8X` header (adding one to a still image); `webp` unchanged for nil.
    ///
    /// - Throws: ``EncodeError/webp(_:)`` with libwebp's error when it cannot read or rewrite the file.
    public static func webp(_ metadata: FileMetadata?, adding webp: [UInt8]) throws(EncodeError) -> [UInt8] {
        guard let metadata else { return webp }
        let mux: OpaquePointer? = webp.withUnsafeBufferPointer { b in
            var data = WebPData(bytes: b.baseAddress, size: b.count)
            return WebPMuxCreate(&data, 1)    // 1: the mux copies the bytes it keeps
        }
        guard let mux else { throw .webp("libwebp's mux could not read the file it was given") }
        defer { WebPMuxDelete(mux) }
        let packet = Array(metadata.xmp.utf8)
        let set = packet.withUnsafeBufferPointer { b in
            var data = WebPData(bytes: b.baseAddress, size: b.count)
            return WebPMuxSetChunk(mux, "XMP ", &data, 1)
        }
        guard set == WEBP_MUX_OK else { throw .webp("libwebp's mux could not add the XMP chunk (error \(set.rawValue))") }
        var out = WebPData()
        let assembled = WebPMuxAssemble(mux, &out)
        defer { WebPDataClear(&out) }
        guard assembled == WEBP_MUX_OK else { throw .webp("libwebp's mux could not assemble the file (error \(assembled.rawValue))") }
        return Array(UnsafeBufferPointer(start: out.bytes, count: out.size))
    }
}
