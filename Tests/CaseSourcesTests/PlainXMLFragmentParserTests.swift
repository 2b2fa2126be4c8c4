@testable import CaseSources
import Foundation
import XCTest

/// The census loader reads plain children with its own parser and everything else with
/// Foundation's `XMLParser`. For the plain form both must build the very same tree (names,
/// lines, texts); for anything else the plain parser must decline, so that `XMLParser`
/// reads it (and words its errors).
final class PlainXMLFragmentParserTests: XCTestCase {
    /// A tree as text: `name@line"text"{children}`, so that two trees compare in one
    /// assertion. Texts are compared trimmed: census elements are read only that way, and
    /// the plain parser leaves out white space that nothing follows.
    private func outline(_ node: XMLElementNode) -> String {
        "\(node.name)@\(node.line)\(String(reflecting: node.trimmedText)){\(node.children.map(outline).joined(separator: ","))}"
    }

    private func plain(_ xml: String, firstLine: Int = 1) -> XMLElementNode? {
        let bytes = Array(xml.utf8)
        return bytes.withUnsafeBytes { PlainXMLFragmentParser.parse($0, firstLine: firstLine) }
    }

    private func foundation(_ xml: String, firstLine: Int = 1) -> XMLElementNode? {
        guard case .success(let node) = XMLFragmentParser.parse(Data(xml.utf8), firstLine: firstLine) else { return nil }
        return node
    }

    /// Both parsers read `xml`, and build the same tree.
    private func assertSameTree(_ xml: String, firstLine: Int = 1, file: StaticString = #filePath, line: UInt = #line) {
        guard let mine = plain(xml, firstLine: firstLine) else {
            return XCTFail("the plain parser declined plain XML:\n\(xml)", file: file, line: line)
        }
        guard let theirs = foundation(xml, firstLine: firstLine) else {
            return XCTFail("XMLParser rejected the XML:\n\(xml)", file: file, line: line)
        }
        XCTAssertEqual(outline(mine), outline(theirs), file: file, line: line)
    }

    func testBuildsTheTreeXMLParserBuildsForAPlainChild() {
        assertSameTree("""
            <Child>
              <ChildIdentifiers>
                <LAchildID>DfEX0000001</LAchildID>
                <UPN>A123456789123</UPN>
              </ChildIdentifiers>
              <CINdetails><CINreferralDate>2024-05-01</CINreferralDate><ReferralNFA>0</ReferralNFA></CINdetails>
            </Child>
            """, firstLine: 57)
    }

    func testEntitiesCDATACommentsAndEmptyElementsReadAsXMLParserReadsThem() {
        assertSameTree("""
            <Child>
              <A>Smith &amp; Jones &lt;ltd&gt; &quot;q&quot; &apos;a&apos;</A>
              <B><![CDATA[x < y & z]]> and more</B>
              <!-- a comment, with <tags> & ampersands -->
              <C>before<!-- inside -->after</C>
              <D/>
              <E />
              <F></F>
              <G   >spaced tag</G   >
              <H>text with > in it</H>
              <I>
                 multi
                 line
              </I>
              <J><![CDATA[two
            lines]]></J>
            </Child>
            """, firstLine: 3)
    }

    func testWhiteSpaceInsideATextIsKeptAndTheLayoutBetweenElementsIsLeftOut() {
        let node = plain("<Child>\n  <A>one<!-- c -->  <!-- d -->two  </A>\n  <B> x &amp; y </B>\n</Child>")
        XCTAssertEqual(node?.children.map(\.text), ["one  two  ", " x & y "])
        XCTAssertEqual(node?.text, "", "the layout between a container's elements is not copied")
    }

    func testWindowsLineEndingsReadAsLineFeeds() {
        let xml = "<Child>\r\n  <A>one\r\ntwo</A>\r\n  <B><![CDATA[x\ny]]></B>\r\n  <C>3</C>\r\n</Child>"
        assertSameTree(xml, firstLine: 10)
        XCTAssertEqual(plain(xml)?.children.first?.text, "one\ntwo")
        XCTAssertEqual(plain(xml, firstLine: 10)?.children.last?.line, 15)
        // XMLParser keeps a CDATA section's carriage returns; such a child is left to it.
        XCTAssertNil(plain("<Child><B><![CDATA[x\r\ny]]></B></Child>"))
    }

    func testEveryChildOfTheSharedSamplesReadsAsXMLParserReadsIt() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../shared/formats/cin-census")
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path).filter({ $0.hasSuffix(".xml") }),
              !names.isEmpty else {
            throw XCTSkip("the shared CIN census samples (../shared/formats/cin-census) are not here")
        }
        var children = 0
        for name in names {
            let data = try Data(contentsOf: folder.appendingPathComponent(name))
            data.withUnsafeBytes { raw in
                var scanner = CINCensusScanner(bytes: raw)
                while let slice = scanner.nextChild() {
                    guard slice.closed else { continue }
                    let text = String(decoding: raw[slice.range], as: UTF8.self)
                    assertSameTree(text, firstLine: slice.line)
                    children += 1
                }
            }
        }
        XCTAssertGreaterThan(children, 0, "the samples hold children")
    }

    func testDeclinesWhatIsNotPlainSoThatXMLParserReadsIt() {
        let notPlain: [(String, String)] = [
            ("<Child id=\"1\"><A>1</A></Child>", "an attribute"),
            ("<Child><A>caf\u{E9}</A></Child>", "a byte outside ASCII"),
            ("<Child><A>&#65;</A></Child>", "a character reference"),
            ("<Child><A>&nbsp;</A></Child>", "an entity XML does not define"),
            ("<Child><A>&amp</A></Child>", "an entity without its ';'"),
            ("<Child><?pi data?><A>1</A></Child>", "a processing instruction"),
            ("<Child><A>1\r2</A></Child>", "a bare carriage return"),
            ("<Child><A><![CDATA[1\r\n2]]></A></Child>", "a carriage return in CDATA"),
            ("<Child><A>1</B></Child>", "a mismatched end tag"),
            ("<Child><A>1</A>", "an element left open"),
            ("<Child><A>1</A></Child><Child/>", "a second element after the first"),
            ("<Child><A>]]></A></Child>", "']]>' in text"),
            ("<Child><!-- a -- b --><A/></Child>", "'--' inside a comment"),
            ("<Child><A\n>1</A></Child>", "a tag broken over lines"),
            ("<Child><x:A>1</x:A></Child>", "a namespace prefix"),
            ("<Child><!DOCTYPE x><A/></Child>", "a declaration"),
            ("<Child><A>\u{1}</A></Child>", "a control character"),
            ("<Child><1A/></Child>", "a name starting with a digit"),
            ("<Child>", "an unclosed root"),
            ("", "nothing"),
        ]
        for (xml, what) in notPlain {
            XCTAssertNil(plain(xml), "the plain parser should decline \(what): \(xml)")
        }
    }

    func testAChildXMLParserMustReadStillLoadsThroughTheCensusLoader() {
        let xml = """
            <Message>
              <Header><CollectionDetails><ReferenceDate>2025-03-31</ReferenceDate></CollectionDetails></Header>
              <Children>
                <Child status="x">
                  <ChildIdentifiers><LAchildID>A&#49;</LAchildID></ChildIdentifiers>
                </Child>
                <Child>
                  <ChildIdentifiers><LAchildID>B2</LAchildID></ChildIdentifiers>
                </Child>
              </Children>
            </Message>
            """
        let result = CaseReader.read(text: xml, format: .cinCensus, file: "census.xml", schema: TestSchema.child)
        XCTAssertEqual(result.records.map(\.id), ["A1", "B2"])
        XCTAssertEqual(result.records.map(\.location.line), [4, 7])
    }
}
