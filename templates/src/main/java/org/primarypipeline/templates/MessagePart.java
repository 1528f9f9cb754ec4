package org.primarypipeline.templates;

import java.util.List;

/** The files a message folder may hold, one per part. */
public enum MessagePart {
    SUBJECT("subject.mustache"),
    HTML("html.mustache"),
    TEXT("text.mustache"),
    SMS("sms.mustache");

    static final List<MessagePart> ALL = List.of(values());

    private final String fileName;

    MessagePart(String fileName) {
        this.fileName = fileName;
    }

    public String fileName() {
        return fileName;
    }
}
