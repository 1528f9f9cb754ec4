package org.primarypipeline.core.vote;

import java.util.List;

/**
 * Where units ended up. {@code arrival[m]} is what reached member {@code m}: for a voter, the units their
 * ballot exercises; for a member with neither ballot nor proxy, units lost at that dead end; for members
 * passing units on, what passed through them (meaningless inside a closed cycle).
 */
record FlowSolution(double[] arrival, double deadEnds, double cycles, List<Trap> traps) {

    /** Units caught in one closed cycle: members who name only each other and none of whom votes. */
    record Trap(int[] members, double units) {}
}
