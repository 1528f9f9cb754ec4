package org.primarypipeline.supporters;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.primarypipeline.core.text.Sentence;

/**
 * Input refused because of one or more fields, each with a sentence to act on, named as the request
 * names them: the API answers them beside its usual {@code error}, a page beside each field. Still an
 * {@link IllegalArgumentException} for callers that only want the sentence.
 */
public final class RefusedFields extends IllegalArgumentException {

    private final Map<String, String> fields;

    public RefusedFields(Map<String, String> fields) {
        super(String.join(" ", sentences(fields).values()));
        this.fields = Collections.unmodifiableMap(sentences(fields));
    }

    /** Each check's words said as a sentence (a capital first letter, a full stop). */
    private static Map<String, String> sentences(Map<String, String> fields) {
        Map<String, String> said = new LinkedHashMap<>();
        fields.forEach((field, words) -> said.put(field, Sentence.of(words)));
        return said;
    }

    /** Field name to the sentence about it, in the request's order. */
    public Map<String, String> fields() {
        return fields;
    }
}
