package org.primarypipeline.core.priority;

import org.primarypipeline.core.district.DistrictId;

/**
 * The labels of data gaps, in one place so that staff see the same words for the same gap and
 * tests can look for them. Each label starts with a fixed phrase; details follow a colon.
 */
public final class Gaps {

    public static final String ONE_PRESIDENTIAL = "only one presidential result on these lines";
    public static final String PRES_2020_FROM_CD119 = "2020 presidential from The Downballot's cd119 table";
    public static final String NO_PRESIDENTIAL = "no presidential result by district before";
    public static final String PRESIDENTIAL_ON_OTHER_LINES = "presidential result measured on other lines";
    public static final String REDRAWN_NO_HOUSE_RESULT = "redrawn: no House result on these lines";
    public static final String UNCONTESTED = "uncontested House race";
    public static final String NO_TWO_PARTY_CONTEST = "no Democrat-vs-Republican House race";
    public static final String NO_HOUSE_RESULT = "no previous House result";
    public static final String VACANT = "vacant seat";
    public static final String MEMBER_ON_OLD_LINES = "redrawn: sitting member elected on the old lines";
    public static final String NO_FEC = "no FEC spending on record";
    public static final String FEC_OLD_LINES = "race cost from the old lines";
    public static final String NO_DEMOGRAPHICS = "no census figures on these lines";
    public static final String NO_SUPPORTERS = "no supporters yet";
    public static final String TENURE_TRUNCATED = "tenure counted only from 2012";
    public static final String LEAN_FROM_HOUSE = "lean from a House result instead of a presidential one";
    public static final String LEAN_ASSUMED = "lean assumed from an uncontested seat";
    public static final String NO_LEAN = "no lean at all: even seat assumed";
    public static final String NO_ROLL_CALL_SCORE = "no roll-call score for the sitting Democrat";

    private Gaps() {}

    static String uncontested(HouseResult r) {
        String how =
                r.votesUncounted() ? " (recorded as 1 vote: Florida and a few states do not count such races)" : "";
        return UNCONTESTED + ": " + r.year() + ", " + r.winner() + " unopposed" + how
                + "; result not used for the lean";
    }

    static String noTwoPartyContest(HouseResult r) {
        return NO_TWO_PARTY_CONTEST + ": " + r.year() + " had no " + (r.demVotes() == 0 ? "Democrat" : "Republican")
                + " on the ballot; result not used for the lean";
    }

    static String vacant(HouseResult lastWinner) {
        if (lastWinner == null) {
            return VACANT + ": treated as open; no record of who held it";
        }
        return VACANT + ": treated as open; last won by " + lastWinner.winner() + " ("
                + lastWinner.winnerParty().initial() + ") in " + lastWinner.year()
                + (lastWinner.onSameLines() ? "" : " on the old lines");
    }

    static String memberOnOldLines(SittingMember m, DistrictId d) {
        return MEMBER_ON_OLD_LINES + ": " + m.name() + " won the old " + d + " and may run elsewhere";
    }
}
