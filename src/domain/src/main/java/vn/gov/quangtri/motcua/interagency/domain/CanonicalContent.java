package vn.gov.quangtri.motcua.interagency.domain;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * The content of a message after parsing, for idempotency (issue 11 §5): two serialisations of the same JSON
 * or XML document are the same message, a different content is not.
 *
 * <ul>
 *   <li><b>JSON</b> (every operation's document): object members in key order (Unicode code points), whitespace
 *       dropped, strings in one escaping, numbers by value ({@code 1}, {@code 1.0} and {@code 1e0} are equal;
 *       {@code 1} and {@code "1"} are not), arrays in their order (order matters in an array).</li>
 *   <li><b>XML</b> (a body starting with {@code <}): elements and attributes by namespace URI and local name
 *       (prefixes do not matter), attributes in name order, namespace declarations, comments and processing
 *       instructions dropped, character data and CDATA joined, whitespace-only text between elements dropped
 *       and text trimmed. DTDs are refused (no external entities).</li>
 *   <li>Anything else (unparseable) is compared as the exact text.</li>
 * </ul>
 */
public final class CanonicalContent {

    private CanonicalContent() {
    }

    /** Whether two message bodies carry the same content (null equals only null). */
    public static boolean same(String a, String b) {
        if (a == null || b == null) {
            return a == b;
        }
        return a.equals(b) || of(a).equals(of(b));
    }

    /**
     * The canonical text of a body: {@code json:…}, {@code xml:…} or {@code text:…} (the body unchanged when it
     * parses as neither).
     */
    public static String of(String body) {
        String t = body.strip();
        if (t.startsWith("<")) {
            String xml = xml(t);
            if (xml != null) {
                return "xml:" + xml;
            }
        } else if (t.startsWith("{") || t.startsWith("[")) {
            String json = json(t);
            if (json != null) {
                return "json:" + json;
            }
        }
        return "text:" + body;
    }

    private static String json(String text) {
        try (JsonReader r = TransferPayload.JSON.createReader(new StringReader(text))) {
            JsonValue v = r.readValue();
            StringBuilder out = new StringBuilder();
            write(v, out);
            return out.toString();
        } catch (jakarta.json.JsonException e) {
            return null;
        }
    }

    private static void write(JsonValue v, StringBuilder out) {
        switch (v.getValueType()) {
            case OBJECT -> {
                JsonObject o = v.asJsonObject();
                Map<String, JsonValue> sorted = new TreeMap<>(CanonicalContent::compareCodePoints);
                sorted.putAll(o);
                out.append('{');
                boolean first = true;
                for (Map.Entry<String, JsonValue> e : sorted.entrySet()) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    string(e.getKey(), out);
                    out.append(':');
                    write(e.getValue(), out);
                }
                out.append('}');
            }
            case ARRAY -> {
                JsonArray a = v.asJsonArray();
                out.append('[');
                for (int i = 0; i < a.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    write(a.get(i), out);
                }
                out.append(']');
            }
            case STRING -> string(((JsonString) v).getString(), out);
            case NUMBER -> out.append(number(((JsonNumber) v).bigDecimalValue()));
            case TRUE -> out.append("true");
            case FALSE -> out.append("false");
            default -> out.append("null");
        }
    }

    private static String number(BigDecimal d) {
        return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
    }

    private static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    /** A JSON string with only {@code "}, {@code \} and control characters escaped ({@code \}{@code uXXXX}). */
    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }

    private static String xml(String text) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            f.setCoalescing(true);
            f.setIgnoringComments(true);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            Element root = b.parse(new InputSource(new StringReader(text))).getDocumentElement();
            StringBuilder out = new StringBuilder();
            element(root, out);
            return out.toString();
        } catch (ParserConfigurationException | SAXException | IOException e) {
            return null;
        }
    }

    private static void element(Element e, StringBuilder out) {
        out.append('<');
        name(e, out);
        NamedNodeMap attrs = e.getAttributes();
        Map<String, String> sorted = new TreeMap<>(CanonicalContent::compareCodePoints);
        for (int i = 0; i < attrs.getLength(); i++) {
            Attr a = (Attr) attrs.item(i);
            if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(a.getNamespaceURI())) {
                continue;
            }
            StringBuilder n = new StringBuilder();
            name(a, n);
            sorted.put(n.toString(), a.getValue());
        }
        sorted.forEach((k, v) -> {
            out.append(' ').append(k).append('=');
            string(v, out);
        });
        out.append('>');
        StringBuilder text = new StringBuilder();
        for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
            switch (c.getNodeType()) {
                case Node.TEXT_NODE, Node.CDATA_SECTION_NODE -> text.append(c.getNodeValue());
                case Node.ELEMENT_NODE -> {
                    flush(text, out);
                    element((Element) c, out);
                }
                default -> {
                    // comments and processing instructions carry no content
                }
            }
        }
        flush(text, out);
        out.append("</>");
    }

    private static void flush(StringBuilder text, StringBuilder out) {
        String t = text.toString().strip();
        text.setLength(0);
        if (!t.isEmpty()) {
            string(t, out);
        }
    }

    private static void name(Node n, StringBuilder out) {
        String ns = n.getNamespaceURI();
        if (ns != null && !ns.isEmpty()) {
            out.append('{').append(ns).append('}');
        }
        out.append(n.getLocalName() == null ? n.getNodeName() : n.getLocalName());
    }
}
