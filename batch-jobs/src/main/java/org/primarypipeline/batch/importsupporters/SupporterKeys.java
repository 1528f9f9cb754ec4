package org.primarypipeline.batch.importsupporters;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.BitSet;
import java.util.Collection;
import javax.sql.DataSource;
import org.primarypipeline.core.supporter.InvalidField;
import org.primarypipeline.core.supporter.PhoneNumbers;

/**
 * Who is already on the list, by normalised email and by E.164 phone, held in memory for the length
 * of one import so that deciding new-or-known costs a hash lookup, not a query per row. Rows of the
 * import claim their keys here as they are written, so a second row with the same email (or, lacking
 * one, the same phone) in any partition is known as a duplicate. Existing members are stored with
 * their id, rows claimed by this import with {@link #CLAIMED}.
 *
 * <p>About 140 bytes per member with an email and a phone, in a few large arrays ({@link KeyTable}) that
 * the garbage collector never has to trace: a national list of ten million takes about 1.4 GB. Every
 * method holds the index's lock, and the writer holds it for a whole chunk's lookups at once.
 */
final class SupporterKeys {

    static final long CLAIMED = -1;

    private final KeyTable byEmail;
    private final KeyTable byPhone;
    /**
     * Members on the list with no address and no district (joined on the web, say): the first row that
     * matches them fills in both. A member with an address keeps it; moving them is re-assignment's job.
     */
    private final BitSet incomplete = new BitSet();
    /** Members who asked to join their group already. */
    private final BitSet joined = new BitSet();

    private SupporterKeys(int expected) {
        // sized for everyone already there and every row of the file: growing a map of millions rehashes it all
        byEmail = new KeyTable(expected);
        byPhone = new KeyTable(expected);
    }

    /**
     * @param runId the import: supporters it has already written (by a partition that ran earlier in this
     *              process or in another one) are loaded as claimed, so its rows find them as repeats
     * @param expectedRows about how many rows the file has, to size the index once
     */
    static SupporterKeys load(DataSource dataSource, long runId, long expectedRows) {
        long members;
        try (Connection c = dataSource.getConnection();
                PreparedStatement s =
                        c.prepareStatement("select reltuples::bigint from pg_class where oid = 'member'::regclass");
                ResultSet rs = s.executeQuery()) {
            members = rs.next() ? Math.max(0, rs.getLong(1)) : 0;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the supporters already on the list", e);
        }
        SupporterKeys keys = new SupporterKeys((int) Math.min(Integer.MAX_VALUE / 2, members + expectedRows));
        // streamed in batches (PostgreSQL streams a result only inside a transaction), not held whole
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement("""
                    select m.id, lower(m.email), m.phone,
                           m.zip is null and m.latitude is null and m.district_source is null,
                           m.joined_at is not null
                             or exists (select 1 from group_membership gm where gm.member_id = m.id and gm.left_at is null),
                           m.import_run_id is not distinct from r.id and m.created_at >= r.started_at
                    from member m, import_run r where r.id = ?
                    """)) {
                s.setLong(1, runId);
                s.setFetchSize(10_000);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        if (rs.getBoolean(6)) {
                            keys.claimedElsewhere(rs.getString(2), rs.getString(3));
                        } else {
                            keys.known(
                                    rs.getLong(1),
                                    rs.getString(2),
                                    rs.getString(3),
                                    rs.getBoolean(4),
                                    rs.getBoolean(5));
                        }
                    }
                }
            } finally {
                c.commit();
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the supporters already on the list", e);
        }
        return keys;
    }

    /** Records an existing member (at load, or when a concurrent writer added one during the import). */
    synchronized void known(long id, String email, String phone, boolean incomplete, boolean joined) {
        if (email != null) {
            byEmail.put(email, id);
        }
        if (phone != null) {
            try {
                byPhone.put(PhoneNumbers.toE164(phone), id);
            } catch (InvalidField e) {
                // a phone nobody can text is no key to match on
            }
        }
        if (incomplete) {
            this.incomplete.set(Math.toIntExact(id));
        }
        if (joined) {
            this.joined.set(Math.toIntExact(id));
        }
    }

    /**
     * Finds the supporter a row belongs to: by email first, then by phone. Returns an existing member's
     * id, {@link #CLAIMED} when an earlier row of this import has it, or 0 when the row is new, in which
     * case its keys are now claimed.
     */
    synchronized long resolveOrClaim(String email, String phone) {
        long found = email == null ? 0 : byEmail.get(email);
        if (found == 0 && phone != null) {
            found = byPhone.get(phone);
        }
        if (found != 0) {
            return found;
        }
        if (email != null) {
            byEmail.put(email, CLAIMED);
        }
        if (phone != null) {
            byPhone.put(phone, CLAIMED);
        }
        return 0;
    }

    /** Records a supporter this import wrote in another partition, seen in the table: rows with their keys are repeats. */
    synchronized void claimedElsewhere(String email, String phone) {
        if (email != null) {
            byEmail.put(email, CLAIMED);
        }
        if (phone != null) {
            byPhone.put(phone, CLAIMED);
        }
    }

    /** Gives back the keys of rows whose write was undone, before they are resolved again. */
    synchronized void release(Collection<String> emails, Collection<String> phones) {
        emails.forEach(e -> byEmail.remove(e, CLAIMED));
        phones.forEach(p -> byPhone.remove(p, CLAIMED));
    }

    /** True once per incomplete member: the first row that fills them in takes it. */
    synchronized boolean takeIncomplete(long id) {
        int i = Math.toIntExact(id);
        boolean was = incomplete.get(i);
        incomplete.clear(i);
        return was;
    }

    synchronized boolean isJoined(long id) {
        return joined.get(Math.toIntExact(id));
    }

    synchronized void markJoined(long id) {
        joined.set(Math.toIntExact(id));
    }
}
