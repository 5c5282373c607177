package clinic.healthcheck.decisions;

import java.io.ByteArrayInputStream;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Decision tables may be written in FEEL only. An expression in JUEL or a script language runs Java
 * on the server (reflection, files, the database), so a table naming any other language is refused
 * before anything in it is evaluated; FEEL cannot reach Java, as long as its external functions
 * stay off, which is the engine's default.
 */
final class ExpressionLanguages {

    /** The names the DMN engine reads as FEEL. */
    private static final Set<String> FEEL =
            Set.of(
                    "feel",
                    "http://www.omg.org/spec/feel/20140401",
                    "http://www.omg.org/spec/dmn/20180521/feel/",
                    "https://www.omg.org/spec/dmn/20191111/feel/",
                    "https://www.omg.org/spec/dmn/20211108/feel/",
                    "https://www.omg.org/spec/dmn/20230324/feel/");

    private static final String ATTRIBUTE = "expressionLanguage";

    private ExpressionLanguages() {}

    /** The first language other than FEEL the file names, or why it cannot be read. */
    static Optional<String> problemWith(String resourceName, byte[] model) {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        // a DMN file needs neither a DTD nor entities; refusing them keeps the file from
        // reading other files of the server
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        try {
            XMLStreamReader xml = factory.createXMLStreamReader(new ByteArrayInputStream(model));
            while (xml.hasNext()) {
                if (xml.next() != XMLStreamReader.START_ELEMENT) {
                    continue;
                }
                for (int i = 0; i < xml.getAttributeCount(); i++) {
                    String language = xml.getAttributeValue(i).trim();
                    if (xml.getAttributeLocalName(i).equals(ATTRIBUTE)
                            && !FEEL.contains(language.toLowerCase(Locale.ROOT))) {
                        return Optional.of(
                                resourceName
                                        + " writes an expression of "
                                        + xml.getLocalName()
                                        + " in '"
                                        + language
                                        + "'; decision tables here are written in FEEL only");
                    }
                }
            }
            return Optional.empty();
        } catch (XMLStreamException e) {
            return Optional.of(resourceName + " is not a valid DMN file: " + e.getMessage());
        }
    }
}
