package dev.baton.wecom.internal;

import java.io.IOException;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * WeCom's callback XML (an envelope with {@code Encrypt}, and the message inside it) as its top-level elements'
 * text. Parsed with DTDs and external entities off: the envelope arrives from anyone before its signature is known.
 */
final class CallbackXml {

    private CallbackXml() {}

    static final class Unreadable extends Exception {
        Unreadable(String why) {
            super(why, null, false, false);
        }
    }

    static Map<String, String> read(String xml) throws Unreadable {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            Element root = f.newDocumentBuilder()
                    .parse(new InputSource(new StringReader(xml)))
                    .getDocumentElement();
            Map<String, String> out = new LinkedHashMap<>();
            NodeList children = root.getChildNodes();
            for (int i = 0; i < children.getLength(); i++) {
                Node n = children.item(i);
                if (n.getNodeType() == Node.ELEMENT_NODE) {
                    out.put(n.getNodeName(), n.getTextContent().strip());
                }
            }
            return out;
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new Unreadable("not XML: " + e.getMessage());
        }
    }
}
