package org.primarypipeline.console.nominations;

import java.util.HashMap;
import java.util.Map;
import org.primarypipeline.nominations.RefusedField;
import org.springframework.util.MultiValueMap;

/** A posted public form: the first value of each field, and a size check before anything is echoed back. */
final class PostedForm {

    /** Form fields larger than this are refused before anything is read into the domain. */
    static final int MAX_FIELD = 10_000;

    private final Map<String, String> first = new HashMap<>();

    PostedForm(MultiValueMap<String, String> form) {
        form.forEach((name, values) -> first.put(name, values == null || values.isEmpty() ? null : values.get(0)));
    }

    String get(String name) {
        return first.get(name);
    }

    String getOrEmpty(String name) {
        String value = first.get(name);
        return value == null ? "" : value;
    }

    /** A field far over any limit is refused whole and emptied, so the page does not echo it back. */
    void requireSizes() {
        for (Map.Entry<String, String> field : first.entrySet()) {
            if (field.getValue() != null && field.getValue().length() > MAX_FIELD) {
                field.setValue("");
                throw new RefusedField(
                        field.getKey(),
                        "the field '" + field.getKey() + "' is far too long (" + "at most " + MAX_FIELD
                                + " characters are read)");
            }
        }
    }
}
