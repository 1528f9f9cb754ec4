package org.primarypipeline.templates;

/**
 * A message cannot be rendered: unknown message, missing part or broken template. Retrying never
 * helps, so senders treat it as a permanent failure.
 */
public class TemplateException extends RuntimeException {

    public TemplateException(String message) {
        super(message);
    }
}
