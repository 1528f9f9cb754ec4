package org.primarypipeline.core.priority;

/**
 * Who holds the seat going into the election.
 *
 * @param yearsInHouse years served in the House up to the election year (all terms, any district)
 */
public record SittingMember(String name, Party party, double yearsInHouse) {}
