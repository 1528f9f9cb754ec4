package org.primarypipeline.nominations;

/**
 * Input refused because of one field of a public form, named as the form names it, so that the page
 * can say the sentence beside that field. Still an {@link IllegalArgumentException} for every caller
 * that only wants the sentence.
 */
public final class RefusedField extends IllegalArgumentException {

    private final String field;

    public RefusedField(String field, String sentence) {
        super(sentence);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
