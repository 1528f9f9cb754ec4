package org.primarypipeline.templates;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import com.github.mustachejava.MustacheFactory;
import java.io.StringWriter;
import java.io.Writer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Renders one outgoing message from its folder {@code templates/<message-name>/} on the classpath:
 * {@code subject.mustache}, {@code html.mustache}, {@code text.mustache} and {@code sms.mustache}, each
 * optional. HTML parts are HTML-escaped and wrapped in the shared layout {@code templates/_layout/html.mustache};
 * text parts use {@code _layout/text.mustache}. Subject, text and SMS are never HTML-escaped, since a
 * recipient reading "Fish &amp;amp; Chips" in a plain-text mail or an SMS would see the entity.
 *
 * <p>Model fields every layout understands: {@code orgName}, and {@code unsubscribeUrl} (present only
 * on messages a recipient may unsubscribe from), and {@code locale} ({@code en} or {@code es}): the
 * words of a template come from {@link MessageTexts} in that language. Thread-safe; compiled templates
 * are cached.
 */
public final class TemplateRenderer {

    public static final String ROOT = "templates";
    private static final String LAYOUT = "_layout";

    private final MustacheFactory html;
    private final MustacheFactory plain;
    private final ClassLoader classLoader;
    private final Map<String, Boolean> partExists = new ConcurrentHashMap<>();

    public TemplateRenderer() {
        this(TemplateRenderer.class.getClassLoader());
    }

    public TemplateRenderer(ClassLoader classLoader) {
        this.classLoader = classLoader;
        this.html = new DefaultMustacheFactory(ROOT);
        this.plain = new DefaultMustacheFactory(ROOT) {
            @Override
            public void encode(String value, Writer writer) {
                try {
                    writer.write(value);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        };
    }

    /** True when a folder for this message exists with at least one part. */
    public boolean exists(String messageName) {
        return MessagePart.ALL.stream().anyMatch(part -> has(messageName, part));
    }

    /** True when the message has this part, e.g. whether it can go out by SMS. */
    public boolean has(String messageName, MessagePart part) {
        checkName(messageName);
        return partExists.computeIfAbsent(
                messageName + "/" + part.fileName(), path -> classLoader.getResource(ROOT + "/" + path) != null);
    }

    /** Renders every part the message has; parts it lacks are null in the result. */
    public RenderedMessage render(String messageName, Map<String, ?> model) {
        if (!exists(messageName)) {
            throw new TemplateException(
                    "no templates for message '" + messageName + "' under " + ROOT + "/" + messageName + "/");
        }
        Map<String, ?> scope = model == null ? Map.of() : model;
        MessageTexts.Scope words = MessageTexts.scope(MessageTexts.language(scope.get("locale")));
        String subject = part(messageName, MessagePart.SUBJECT, words, scope);
        String htmlBody = part(messageName, MessagePart.HTML, words, scope);
        String textBody = part(messageName, MessagePart.TEXT, words, scope);
        String sms = part(messageName, MessagePart.SMS, words, scope);
        return new RenderedMessage(
                messageName,
                subject == null ? null : oneLine(subject),
                htmlBody == null ? null : layout(html, "html.mustache", htmlBody, subject, words, scope),
                textBody == null ? null : layout(plain, "text.mustache", textBody.strip(), subject, words, scope),
                sms == null ? null : sms.strip());
    }

    private String part(String messageName, MessagePart part, MessageTexts.Scope words, Map<String, ?> scope) {
        if (!has(messageName, part)) {
            return null;
        }
        MustacheFactory factory = part == MessagePart.HTML ? html : plain;
        // the model comes after the words, so a model field wins over the scope's names
        return execute(compile(factory, messageName + "/" + part.fileName()), List.of(words, scope));
    }

    private String layout(
            MustacheFactory factory,
            String file,
            String content,
            String subject,
            MessageTexts.Scope words,
            Map<String, ?> scope) {
        Map<String, Object> frame = new HashMap<>();
        frame.put("content", content);
        frame.put("subject", subject == null ? "" : oneLine(subject));
        // the frame comes last so that a model field named "content" cannot replace the rendered body
        return execute(compile(factory, LAYOUT + "/" + file), List.of(words, scope, frame));
    }

    private static Mustache compile(MustacheFactory factory, String path) {
        try {
            return factory.compile(path);
        } catch (MustacheException e) {
            throw new TemplateException("cannot compile " + ROOT + "/" + path + ": " + e.getMessage());
        }
    }

    private static String execute(Mustache mustache, List<Object> scopes) {
        StringWriter out = new StringWriter();
        try {
            mustache.execute(out, scopes.toArray());
        } catch (MustacheException e) {
            throw new TemplateException("cannot render " + mustache.getName() + ": " + e.getMessage());
        }
        return out.toString();
    }

    /** Mail headers cannot carry line breaks; a template's trailing newline must not leak into one. */
    private static String oneLine(String text) {
        return text.strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }

    private static void checkName(String messageName) {
        if (messageName == null || !messageName.matches("[a-z0-9][a-z0-9-]*")) {
            throw new TemplateException("not a message name: '" + messageName + "' (lower-case words joined by '-')");
        }
    }
}
