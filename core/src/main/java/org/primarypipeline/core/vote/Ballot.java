package org.primarypipeline.core.vote;

import java.util.List;

/** A member's ranking of the ballot's nominees, most preferred first. */
public record Ballot(String memberId, List<String> ranking) {}
