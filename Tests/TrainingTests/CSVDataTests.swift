import Testing
@testable import Training

struct CSVDataTests {
    func parse(_ text: String, x: String? = nil, y: String? = nil) throws(CSVData.ParseError) -> Dataset {
        try CSVData.parse(Array(text.utf8), file: "pts.csv", xColumn: x.map(CSVData.Column.init), yColumn: y.map(CSVData.Column.init))
    }

    func error(_ text: String, x: String? = nil, y: String? = nil) -> CSVData.ParseError? {
        do { _ = try parse(text, x: x, y: y); return nil } catch { return error }
    }

    @Test func headerCommentsBlankLinesCRLFQuotesAndBOM() throws {
        let d = try parse("\u{FEFF}# made by hand\r\nx,y\r\n\r\n1,2\r\n\"3.5\", 4e1 \r\n# end\r\n")
        #expect(d.xs == [1, 3.5] && d.ys == [2, 40])
    }

    @Test func noHeaderTakesTheFirstTwoNumericColumns() throws {
        let d = try parse("1,2,9\n3,4,9\n")
        #expect(d.xs == [1, 3] && d.ys == [2, 4])
    }

    @Test func columnsByNameAndByPosition() throws {
        let text = "id,height,weight\n1,150,50\n2,160,61\n"
        let byName = try parse(text, x: "height", y: "weight")
        #expect(byName.xs == [150, 160] && byName.ys == [50, 61])
        let byIndex = try parse(text, x: "3", y: "2")
        #expect(byIndex.xs == [50, 61] && byIndex.ys == [150, 160])
        // Without x/y names in the header: the first two numeric columns.
        let auto = try parse(text)
        #expect(auto.xs == [1, 2] && auto.ys == [150, 160])
        let quotedNames = try parse("\"a,b\",y\n1,2\n3,4\n", x: "a,b")
        #expect(quotedNames.xs == [1, 3])
    }

    /// Naming one column leaves the other to its default: the header's x or y, else the first numeric
    /// column not taken (it took the first two numeric columns, so `--x-column x` fitted y = id).
    @Test func oneColumnGivenLeavesTheOtherToItsDefault() throws {
        let text = "id,name,x,weight,y,note\n1,a,0.5,70,2.5,n\n2,b,1.5,80,6.5,m\n"
        let xOnly = try parse(text, x: "x")
        #expect(xOnly.xs == [0.5, 1.5] && xOnly.ys == [2.5, 6.5])
        let yOnly = try parse(text, y: "y")
        #expect(yOnly.xs == [0.5, 1.5] && yOnly.ys == [2.5, 6.5])
        let weight = try parse(text, x: "weight")
        #expect(weight.xs == [70, 80] && weight.ys == [2.5, 6.5])
        // The header's y chosen as x: y falls to the first numeric column left.
        let swapped = try parse(text, x: "y")
        #expect(swapped.xs == [2.5, 6.5] && swapped.ys == [1, 2])
        let noNames = try parse("id,height,weight\n1,150,50\n2,160,61\n", x: "weight")
        #expect(noNames.xs == [50, 61] && noNames.ys == [1, 2])
        // 0 is no column number.
        #expect(error(text, x: "0")?.description.contains("--x-column '0' is not a column of the header (column numbers start at 1)") == true)
    }

    @Test func errorsNameFileLineColumnAndText() throws {
        let bad = try #require(error("x,y\n1,2\n3,abc\n"))
        #expect(bad.description == "pts.csv:3, column 2: this is not a decimal number (found \"abc\")")
        let quoted = try #require(error("x,y\n1,\"1,2\"\n"))
        #expect(quoted.line == 2 && quoted.column == 2 && quoted.text == "1,2")
        #expect(error("x,y\n--1,2\n")?.column == 1)
        #expect(error("x,y\n1,1e400\n")?.message.contains("too large") == true)
        #expect(error("x,y\n1,nan\n")?.message.contains("NaN") == true)
        #expect(error("x,y\n1,2\n3\n")?.description.contains("pts.csv:3: the row has 1 field") == true)
        #expect(error("x,y\n")?.message.contains("header but no data") == true)
        #expect(error("")?.message.contains("empty") == true)
        #expect(error("x,y\n1,2\n", x: "z", y: "y")?.message.contains("'z' is not a column") == true)
        #expect(error("1,2\n", x: "x", y: "y")?.message.contains("no header") == true)
        #expect(error("x,x\n1,2\n")?.message.contains("alike") == true)
        #expect(error("x,y\n1,\"2\n")?.message.contains("not closed") == true)
        #expect(error("x,y\n1,2\n", x: "5", y: "1")?.message.contains("asks for column 5") == true)
        let binary = CSVData.ParseError.self
        _ = binary
        do {
            _ = try CSVData.parse([0x78, 0x2C, 0x79, 0x0A, 0xFF, 0xFE, 0x2C, 0x31, 0x0A], file: "bad.csv")
            Issue.record("invalid UTF-8 accepted")
        } catch { #expect(error.line == 2 && error.message.contains("UTF-8")) }
        do {
            _ = try CSVData.parse([0x31, 0x2C, 0x00, 0x0A], file: "bin.csv")
            Issue.record("NUL byte accepted")
        } catch { #expect(error.message.contains("binary")) }
    }

    @Test(arguments: ["1", "-2.5", "+3.", ".5", "1e3", "1E-3", " 7 ", "0.30000000000000004"])
    func acceptsDecimalNumbers(_ s: String) {
        #expect(CSVData.number(s) != nil)
    }

    @Test(arguments: ["", "abc", "--1", "1,2", "1e", "e3", "0x10", "inf", "nan", "1e400", "1.2.3", "+-1", "1 2"])
    func refusesEverythingElse(_ s: String) {
        #expect(CSVData.number(s) == nil)
    }
}
