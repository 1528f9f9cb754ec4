package org.primarypipeline.core.vote;

import java.util.Arrays;

/** Ids held as a sorted array; lookups are binary searches. */
final class SortedMemberIds implements MemberIds {

    private final String[] ids;

    /** Trusts the caller that {@code ids} is sorted and distinct, and takes ownership of the array. */
    SortedMemberIds(String[] ids) {
        this.ids = ids;
    }

    @Override
    public int size() {
        return ids.length;
    }

    @Override
    public String id(int index) {
        return ids[index];
    }

    @Override
    public int indexOf(String id) {
        if (id == null) {
            return -1;
        }
        int found = Arrays.binarySearch(ids, id);
        return found >= 0 ? found : -1;
    }
}
