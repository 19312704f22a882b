import Dispatch

/// Reading the data lines in pieces on several threads (see ``CSVReader``).
extension CSVReader {
    /// Reads the gathered lines in pieces, on up to `threads` threads, and joins them in order; the first bad
    /// line in order is thrown.
    ///
    /// The pieces are fixed by the text alone: from where a piece starts, it runs to the first record that
    /// ends (its line feed) at or past the next multiple of ``pieceBytes`` bytes of the data lines, counted
    /// from the first of them, wherever the batches end. The reading thread guesses the starts by cutting at
    /// the first line end past each multiple, and every task reads its piece from its guessed start; a record
    /// whose quoted field holds a line end across a cut runs its piece on past the cut, and the piece after it
    /// is read again from where that one really ended (on this thread). Records that run past the batch wait
    /// for the next one unless this is the `final` text. Each task counts its own lines, and line numbers are
    /// put right once the pieces before are counted.
    mutating func flush(final: Bool) throws(CSVData.ParseError) {
        guard !batch.isEmpty, let layout else { return }
        let count = batch.count, offset = batchOffset
        /// The last byte of the piece that starts at `start`: one before the next multiple of pieceBytes.
        func target(_ start: Int) -> Int { (offset + start) / Self.pieceBytes * Self.pieceBytes + Self.pieceBytes - offset - 1 }
        var guesses: [(start: Int, target: Int)] = []
        batch.withUnsafeBufferPointer { b in
            var start = 0
            while start < count {
                var e = max(start, target(start))
                while e < count && b[e] != 0x0A { e += 1 }
                if e >= count {
                    if final { guesses.append((start, target(start))) }
                    break
                }
                guesses.append((start, target(start)))
                start = e + 1
            }
        }
        let pieces = guesses
        var made = CSVRows(layout: layout, file: file, keeping: keeping)
        if labels != nil { made.labelled = LabelledRows() }
        let template = made
        let results = ResultBox(count: pieces.count)
        batch.withUnsafeBufferPointer { b in
            let base = UncheckedPointer(b.baseAddress!)
            let work: @Sendable (Int) -> Void = { (k: Int) in
                results.set(k, Self.piece(template, base.pointer, pieces[k].start, pieces[k].target, count, final))
            }
            let workers = min(threads, pieces.count)
            if workers == 1 {
                for k in pieces.indices { work(k) }
            } else {
                // Worker w reads pieces w, w + workers, …: which thread reads a piece changes nothing.
                DispatchQueue.concurrentPerform(iterations: workers) { w in
                    for k in stride(from: w, to: pieces.count, by: workers) { work(k) }
                }
            }
        }
        // Join in order from the first byte: a piece read from where the one before really ended is taken as it
        // is; where none was (a record ran on past a cut), the piece is read here.
        var cursor = 0, first = batchFirstLine, k = 0
        while cursor < count {
            while k < pieces.count && pieces[k].start < cursor { k += 1 }
            let result: Result<CSVRows, CSVData.ParseError>
            if k < pieces.count && pieces[k].start == cursor {
                result = results.get(k)
            } else {
                // The rest of the batch is short of a whole piece: it waits for more text.
                if !final && target(cursor) >= count { break }
                result = batch.withUnsafeBufferPointer { b in Self.piece(template, b.baseAddress!, cursor, target(cursor), count, final) }
            }
            var rows: CSVRows
            switch result {
            case .success(let read):
                rows = read
                if var failure = rows.labelled?.failure {
                    // The piece's labels before its error first, then the error.
                    join(rows, lineOffset: first - 1)
                    if let error = labels?.error { throw error }
                    failure.line = failure.line.map { $0 + first - 1 }
                    throw failure
                }
            case .failure(var error):
                error.line = error.line.map { $0 + first - 1 }
                throw error
            }
            // Its records run on past the batch: they wait for more text.
            guard let end = rows.end else { break }
            join(rows, lineOffset: first - 1)
            if let error = labels?.error { throw error }
            first += rows.lines
            cursor = end
        }
        batch.removeFirst(cursor)
        batchOffset += cursor
        batchFirstLine = first
        lineNumber = first - 1
    }

    /// The records of one piece (see ``flush(final:)``), read by a copy of `template`.
    private static func piece(_ template: CSVRows, _ p: UnsafePointer<UInt8>, _ start: Int, _ target: Int, _ limit: Int,
                              _ final: Bool) -> Result<CSVRows, CSVData.ParseError> {
        var rows = template
        do throws(CSVData.ParseError) {
            try rows.unit(p, start: start, target: target, limit: limit, final: final)
            return .success(rows)
        } catch {
            // A labelled piece keeps the labels read before its error: one of them may be a problem on an earlier line.
            if rows.labelled != nil {
                rows.labelled!.failure = error
                return .success(rows)
            }
            return .failure(error)
        }
    }
}

/// A pointer handed to the threads that read pieces of one buffer (each reads only its own piece).
private struct UncheckedPointer: @unchecked Sendable {
    let pointer: UnsafePointer<UInt8>
    init(_ pointer: UnsafePointer<UInt8>) { self.pointer = pointer }
}

/// The pieces' results, each slot written by one thread.
private final class ResultBox: @unchecked Sendable {
    private var slots: [Result<CSVRows, CSVData.ParseError>?]
    private let lock = DispatchQueue(label: "csv.pieces")
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ k: Int, _ r: Result<CSVRows, CSVData.ParseError>) { lock.sync { slots[k] = r } }
    func get(_ k: Int) -> Result<CSVRows, CSVData.ParseError> { lock.sync { slots[k]! } }
}
