package org.primarypipeline.batch.importcontacts;

import java.util.List;
import org.primarypipeline.core.geo.Assignment;
import org.primarypipeline.core.supporter.SupporterRecord;

/** A valid row of a contact file: the person as a supporter row reads, their district, and the extra columns. */
public record ContactRow(
        SupporterRecord person, Assignment assignment, String precinct, String party, Integer age, List<String> tags) {}
