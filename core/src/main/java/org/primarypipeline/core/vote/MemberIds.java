package org.primarypipeline.core.vote;

/**
 * The electorate's ids by index. Index order must be the ids' natural string order, so that anything
 * listed by index (weights, explanations) comes out sorted, whichever way the input was written.
 */
public interface MemberIds {

    int size();

    String id(int index);

    /** The index of {@code id}, or -1 if no such member. */
    int indexOf(String id);

    /** Ids that must already be distinct and in ascending order; the array is copied. */
    static MemberIds sorted(String... ids) {
        String[] copy = ids.clone();
        for (int i = 1; i < copy.length; i++) {
            if (copy[i - 1].compareTo(copy[i]) >= 0) {
                throw new IllegalArgumentException(
                        "member ids must be distinct and ascending: '" + copy[i - 1] + "' then '" + copy[i] + "'");
            }
        }
        return new SortedMemberIds(copy);
    }

    /**
     * {@code count} generated ids, {@code prefix} then a zero-padded number, for synthetic electorates
     * too large to hold a string per member.
     */
    static MemberIds numbered(String prefix, int count) {
        return new NumberedMemberIds(prefix, count);
    }
}
