import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A rendered chart parsed back with Foundation's XML parser: parsing fails on anything not well-formed.
struct SVGDocument {
    final class Element {
        let name: String
        let attributes: [String: String]
        var children: [Element] = []
        var text = ""

        init(name: String, attributes: [String: String]) {
            self.name = name
            self.attributes = attributes
        }

        /// This element and all below it, in document order.
        var all: [Element] { [self] + children.flatMap(\.all) }
        var classes: [String] { (attributes["class"] ?? "").split(separator: " ").map(String.init) }
        func number(_ attribute: String) -> Double? { attributes[attribute].flatMap(Double.init) }
        /// The text of its `<title>` child, if any.
        var title: String? { children.first { $0.name == "title" }?.text }
    }

    struct ParseError: Error, CustomStringConvertible {
        let description: String
    }

    let root: Element

    init(_ svg: String) throws {
        let builder = Builder()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = builder
        guard parser.parse(), let root = builder.root else {
            throw ParseError(description: "not well-formed XML: \(parser.parserError.map { "\($0)" } ?? "no root")")
        }
        self.root = root
    }

    var elements: [Element] { root.all }
    func elements(named name: String) -> [Element] { elements.filter { $0.name == name } }
    func elements(withClass name: String) -> [Element] { elements.filter { $0.classes.contains(name) } }
    func element(id: String) -> Element? { elements.first { $0.attributes["id"] == id } }

    private final class Builder: NSObject, XMLParserDelegate {
        var root: Element?
        var stack: [Element] = []

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName: String?, attributes: [String: String] = [:]) {
            let element = Element(name: elementName, attributes: attributes)
            if let parent = stack.last { parent.children.append(element) } else { root = element }
            stack.append(element)
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
            stack.removeLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            stack.last?.text += string
        }
    }
}

extension SVGDocument.Element {
    /// The bars of one series (`bk-series-N` group), in category order.
    func bars(series: Int) -> [SVGDocument.Element] {
        all.filter { $0.classes.contains("bk-series-\(series)") && $0.classes.contains("bk-series") }
            .flatMap { $0.children.filter { $0.classes.contains("bk-bar") } }
    }
}
