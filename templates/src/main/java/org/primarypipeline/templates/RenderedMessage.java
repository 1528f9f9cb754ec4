package org.primarypipeline.templates;

/**
 * The parts of one rendered message; a part the message's folder lacks is null. HTML and text come
 * wrapped in the shared layout.
 */
public record RenderedMessage(String name, String subject, String html, String text, String sms) {

    /** Email needs a subject and at least one body; asking a message for a part it lacks is a permanent error. */
    public RenderedMessage requireEmail() {
        if (subject == null || (html == null && text == null)) {
            throw new TemplateException("message '" + name + "' has no email parts (subject and html or text)");
        }
        return this;
    }

    public String requireSms() {
        if (sms == null || sms.isBlank()) {
            throw new TemplateException("message '" + name + "' has no SMS part (sms.mustache)");
        }
        return sms;
    }
}
