package org.primarypipeline.certification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

/** What a recount found: whether everything matched, a one-paragraph summary, and the rows involved. */
public record RecountFindings(boolean matches, String summary, Map<String, Object> details) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public String detailsJson() {
        try {
            return JSON.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
