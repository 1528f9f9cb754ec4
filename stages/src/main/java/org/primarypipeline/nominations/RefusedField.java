package org.primarypipeline.nominations;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.primarypipeline.core.text.Sentence;

/**
 * Input refused because of one or more fields of a public form, each named as the form names it and
 * said as a sentence, so that the page can say every problem beside its field at once. Still an
 * {@link IllegalArgumentException} for every caller that only wants the sentences.
 */
public final class RefusedField extends IllegalArgumentException {

    private final Map<String, String> fields;

    public RefusedField(String field, String sentence) {
        this(Map.of(field, sentence));
    }

    /** Field name to what is wrong with it, in the form's order. */
    public RefusedField(Map<String, String> fields) {
        super(String.join(" ", sentences(fields).values()));
        this.fields = Collections.unmodifiableMap(sentences(fields));
    }

    /** The first field refused. */
    public String field() {
        return fields.keySet().iterator().next();
    }

    /** Every field refused, with its sentence, in the form's order. */
    public Map<String, String> fields() {
        return fields;
    }

    private static Map<String, String> sentences(Map<String, String> fields) {
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("a refusal names at least one field");
        }
        Map<String, String> said = new LinkedHashMap<>();
        fields.forEach((field, words) -> said.put(field, Sentence.of(words)));
        return said;
    }
}
