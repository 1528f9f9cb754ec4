package org.primarypipeline.console.contacts;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.MustacheException;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Map;

/**
 * A script's merge fields, filled by Mustache (the project's template engine) with no HTML escaping here:
 * the page that shows the script escapes it once, as it does any text.
 */
final class MergeFields {

    private static final DefaultMustacheFactory FACTORY = new DefaultMustacheFactory() {
        @Override
        public void encode(String value, Writer writer) {
            try {
                writer.write(value);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    };

    private MergeFields() {}

    /** Refuses a script Mustache cannot read (an unclosed section), with the reason. */
    static void check(String script) {
        try {
            FACTORY.compile(new StringReader(script), "script");
        } catch (MustacheException e) {
            throw new IllegalArgumentException("the script's merge fields do not read: " + e.getMessage());
        }
    }

    static String fill(String script, Map<String, String> fields) {
        StringWriter out = new StringWriter();
        FACTORY.compile(new StringReader(script), "script").execute(out, fields);
        return out.toString();
    }
}
