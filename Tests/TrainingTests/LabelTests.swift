import Testing
@testable import Training

/// Labels read from a CSV column for logistic regression (issue 26): the mappings, and each error's file,
/// line, column and value, written out here by hand.
struct LabelTests {
    static func parse(_ text: String, x: [String] = [], y: String? = nil) throws(CSVData.ParseError) -> LabelledData {
        try CSVData.parseLabelled(Array(text.utf8), file: "f.csv", xColumns: x.map(CSVData.Column.init), yColumn: y.map(CSVData.Column.init))
    }

    static func error(_ text: String, x: [String] = [], y: String? = nil) -> String {
        do {
            _ = try parse(text, x: x, y: y)
            return "no error"
        } catch {
            return error.description
        }
    }

    @Test func wordsAreMappedInAnyCase() throws {
        let read = try Self.parse("hours,passed\n1.5,no\n2,Yes\n3,YES\n0.5,No\n", y: "passed")
        #expect(read.mapping.description == "no → 0, Yes → 1")
        #expect(read.data.xs == [1.5, 2, 3, 0.5] && read.data.ys == [0, 1, 1, 0])
        #expect(read.data.featureNames == ["hours"])
        let tf = try Self.parse("x,y\n1,TRUE\n2,false\n3,True\n")
        #expect(tf.mapping == LabelMapping(zero: "false", one: "TRUE") && tf.data.ys == [1, 0, 1])
    }

    @Test func twoNumbersMapTheSmallerToZero() throws {
        let read = try Self.parse("a,b,label\n1,2,1\n3,4,-1\n5,6,1.0\n", x: ["a", "b"], y: "label")
        #expect(read.mapping.description == "-1 → 0, 1 → 1")
        #expect(read.data.xs == [1, 3, 5] && read.data.extraFeatures == [[2, 4, 6]] && read.data.ys == [1, 0, 1])
        #expect(read.data.featureNames == ["a", "b"])
        // No header: the last column is the label.
        let bare = try Self.parse("0.5,7\n1.5,3\n")
        #expect(bare.mapping == LabelMapping(zero: "3", one: "7") && bare.data.ys == [1, 0] && bare.data.xs == [0.5, 1.5])
        // Quoted fields and spaces go by the general path, with the same result.
        let quoted = try Self.parse("x,y\n1,\"yes\"\n2, no \n")
        #expect(quoted.mapping.description == "no → 0, yes → 1" && quoted.data.ys == [1, 0])
    }

    @Test func errorsNameFileLineColumnAndValue() {
        #expect(Self.error("x,y\n1,0\n2,1\n3,2\n")
                == "f.csv:4, column 2: a third label: the column's labels so far are '0' (line 2) and '1' (line 3); logistic regression needs exactly two classes (found \"2\")")
        #expect(Self.error("x,y\n1,no\n# note\n2,maybe\n")
                == "f.csv:4, column 2: this is not a label; a label is yes or no, true or false (any case), or one of two numbers (found \"maybe\")")
        #expect(Self.error("x,y\n1,yes\n2,YES\n")
                == "f.csv:2, column 2: every label in the column is 'yes' (2 rows); logistic regression needs two classes, so both must appear (found \"yes\")")
        #expect(Self.error("x,y\n1,yes\n2,1\n")
                == "f.csv:3, column 2: a number, but the label on line 2 is the word 'yes'; labels are yes/no, true/false or two numbers, not a mix (found \"1\")")
        #expect(Self.error("x,y\n1,yes\n2,true\n")
                == "f.csv:3, column 2: this does not pair with 'yes' on line 2; labels are yes/no or true/false, not a mix (found \"true\")")
        #expect(Self.error("x,y\n1,yes\n2,\n") == "f.csv:3, column 2: the label is empty; a label is yes or no, true or false (any case), or one of two numbers (found \"\")")
        #expect(Self.error("x,y\n1,yes\nz,no\n") == "f.csv:3, column 1: this is not a decimal number (found \"z\")")
    }

    /// A file of many pieces, read in chunks on 1 and 4 threads: the same points as written, and a third
    /// label far into the file reported at its own line whatever the threads.
    @Test func piecesAndThreadsGiveTheSamePointsAndLines() throws {
        var text = "x1,x2,label\n", x1: [Double] = [], x2: [Double] = [], ys: [Double] = []
        var rng = SplitMix64(seed: 5)
        for i in 0..<150_000 {
            let a = rng.uniform() * 10 - 5, b = rng.normal()
            let positive = rng.uniform() < 0.5
            x1.append(a); x2.append(b); ys.append(positive ? 1 : 0)
            text += "\(a),\(b),\(positive ? (i % 3 == 0 ? "True" : "true") : "false")\n"
        }
        func read(_ text: String, threads: Int) throws(CSVData.ParseError) -> LabelledData {
            var reader = CSVReader(file: "big.csv", xColumns: [.name("x1"), .name("x2")], labelColumn: .name("label"), threads: threads)
            let bytes = Array(text.utf8)
            var start = 0
            while start < bytes.count {
                let end = min(bytes.count, start + 777_777)
                try bytes[start..<end].withUnsafeBufferPointer { b throws(CSVData.ParseError) in try reader.read(b) }
                start = end
            }
            return try reader.finishLabelled()
        }
        for threads in [1, 4] {
            let got = try read(text, threads: threads)
            #expect(got.data.xs == x1 && got.data.extraFeatures == [x2] && got.data.ys == ys)
            #expect(got.mapping.zero == "false" && got.mapping.one.lowercased() == "true")
        }
        let bad = text + "1,2,false\n3,4,no\n5,6,maybe\n"
        for threads in [1, 4] {
            #expect(throws: CSVData.ParseError.self) { try read(bad, threads: threads) }
            do { _ = try read(bad, threads: threads) } catch {
                #expect(error.line == 150_003 && error.column == 3 && error.text == "no")
            }
        }
    }
}
