package org.primarypipeline.templates;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.MustacheFactory;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * The national organizing toolkit: a call script, flyer text, social posts and an event guide, written
 * once under {@code templates/toolkit/{en,es}/} and filled with one candidate's data by the same Mustache
 * engine as the messages. Markdown out, nothing escaped (it is text to download, not a page).
 */
public final class Toolkit {

    /** The toolkit's items, in the order a volunteer needs them. */
    public static final List<String> ITEMS = List.of("call-script", "flyer", "social-posts", "event-guide");

    private static final MustacheFactory PLAIN = new DefaultMustacheFactory(TemplateRenderer.ROOT) {
        @Override
        public void encode(String value, Writer writer) {
            try {
                writer.write(value);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    };

    private Toolkit() {}

    /**
     * The item in {@code language} ("en" or "es"; anything else is English) filled with {@code model}, a
     * record or map whose names the templates use (candidate, districtId, statement, pledgeTitle,
     * principles, pageUrl, hostUrl, donateUrl, paidFor, electionDay).
     */
    public static String render(String item, String language, Object model) {
        if (!ITEMS.contains(item)) {
            throw new IllegalArgumentException("no toolkit item " + item + ": " + ITEMS);
        }
        String lang = "es".equals(language) ? "es" : "en";
        StringWriter out = new StringWriter();
        PLAIN.compile("toolkit/" + lang + "/" + item + ".md.mustache").execute(out, model);
        return out.toString();
    }
}
