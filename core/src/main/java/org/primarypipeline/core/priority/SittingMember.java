package org.primarypipeline.core.priority;

/**
 * Who holds the seat going into the election.
 *
 * @param yearsInHouse years served in the House up to the election year (all terms, any district)
 * @param standing     a Democrat's place in the caucus by roll-call scores, or null (not a
 *                     Democrat, or no score on record: new members, or no Congress before a backtest)
 */
public record SittingMember(String name, Party party, double yearsInHouse, CaucusStanding standing) {

    public SittingMember(String name, Party party, double yearsInHouse) {
        this(name, party, yearsInHouse, null);
    }
}
