package org.primarypipeline.console.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The JSON a page carries in a {@code <script type="application/json">} block for app.js to draw a
 * chart from: the Content-Security-Policy forbids inline script, so data travels this way.
 */
public final class DataBlock {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DataBlock() {}

    public static String json(Object value) {
        try {
            // a stored name could contain "</script>"; escaping "<" keeps the data block a data block
            return JSON.writeValueAsString(value).replace("<", "\\u003c");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
