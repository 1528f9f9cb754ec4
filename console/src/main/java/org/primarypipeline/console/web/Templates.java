package org.primarypipeline.console.web;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.MustacheFactory;
import java.io.StringWriter;

/**
 * The one Mustache engine of the web pages, console and public alike: templates under
 * {@code console/pages/} on the classpath, compiled once and HTML-escaped by default. A scope may be a
 * record: {@code {{name}}} calls its accessor {@code name()}.
 */
final class Templates {

    static final String ROOT = "console/pages";

    private static final MustacheFactory MUSTACHE = new DefaultMustacheFactory(ROOT);
    private static final ClassLoader CLASSES = Templates.class.getClassLoader();

    private Templates() {}

    /** Later scopes win when two hold the same name. */
    static String render(String template, Object... scopes) {
        StringWriter out = new StringWriter();
        MUSTACHE.compile(template + ".mustache").execute(out, scopes);
        return out.toString();
    }

    static boolean exists(String template) {
        return CLASSES.getResource(ROOT + "/" + template + ".mustache") != null;
    }
}
