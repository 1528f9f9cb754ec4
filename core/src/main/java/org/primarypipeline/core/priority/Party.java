package org.primarypipeline.core.priority;

import java.util.Locale;

/** The side a candidate or member sits on, as far as the House majority is concerned. */
public enum Party {
    DEMOCRAT,
    REPUBLICAN,
    OTHER;

    /**
     * Reads every source's spelling: MEDSL ("DEMOCRAT", "DEMOCRATIC-FARMER-LABOR", "DEMOCRATIC-NPL"),
     * congress-legislators ("Democrat") and FEC ("DEM", "DFL", "REP"). Minnesota's and North
     * Dakota's Democrats run under their own labels but sit with the Democratic caucus.
     */
    public static Party fromLabel(String label) {
        if (label == null) {
            return OTHER;
        }
        String l = label.trim().toUpperCase(Locale.ROOT);
        if (l.equals("DEM") || l.equals("DFL") || l.startsWith("DEMOCRAT")) {
            return DEMOCRAT;
        }
        if (l.equals("REP") || l.startsWith("REPUBLICAN")) {
            return REPUBLICAN;
        }
        return OTHER;
    }

    public String initial() {
        return switch (this) {
            case DEMOCRAT -> "D";
            case REPUBLICAN -> "R";
            case OTHER -> "I";
        };
    }
}
