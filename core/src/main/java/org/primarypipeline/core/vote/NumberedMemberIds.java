package org.primarypipeline.core.vote;

/** Ids computed from the index; fixed width keeps string order equal to index order. */
final class NumberedMemberIds implements MemberIds {

    private final String prefix;
    private final int count;
    private final int width;

    NumberedMemberIds(String prefix, int count) {
        if (count < 0) {
            throw new IllegalArgumentException("negative member count: " + count);
        }
        this.prefix = prefix;
        this.count = count;
        this.width = Integer.toString(Math.max(0, count - 1)).length();
    }

    @Override
    public int size() {
        return count;
    }

    @Override
    public String id(int index) {
        if (index < 0 || index >= count) {
            throw new IndexOutOfBoundsException(index);
        }
        String digits = Integer.toString(index);
        StringBuilder id = new StringBuilder(prefix.length() + width).append(prefix);
        for (int pad = digits.length(); pad < width; pad++) {
            id.append('0');
        }
        return id.append(digits).toString();
    }

    @Override
    public int indexOf(String id) {
        if (id == null || id.length() != prefix.length() + width || !id.startsWith(prefix)) {
            return -1;
        }
        int index = 0;
        for (int i = prefix.length(); i < id.length(); i++) {
            char c = id.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            index = index * 10 + (c - '0');
        }
        return index < count ? index : -1;
    }
}
