package org.primarypipeline.contacts;

import java.util.List;

/** A universe frozen into a list of contacts to call, with the script (merge fields in braces) and survey. */
public record CallPacket(
        long id, String cycleId, long universeId, String name, String script, List<String> questions, String status) {}
