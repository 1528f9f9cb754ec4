package org.primarypipeline.batch.importsupporters;

import java.sql.Connection;
import java.sql.Savepoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.primarypipeline.batch.copy.BinaryCopyRows;
import org.primarypipeline.batch.copy.CopyRows;
import org.primarypipeline.core.geo.Assignment;
import org.primarypipeline.core.supporter.ConsentFlag;
import org.primarypipeline.core.supporter.SupporterRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.item.Chunk;
import org.springframework.batch.item.ExecutionContext;
import org.springframework.batch.item.ItemStreamWriter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Writes a chunk of valid rows in the chunk's transaction:
 * <ul>
 *   <li>new supporters are copied straight into {@code member} (ids taken from its sequence first), with
 *       their district, and those who joined into {@code group_membership};</li>
 *   <li>a row that matches someone already on the list (email, then phone) fills in only what is blank,
 *       and joins them if the row says so; a row repeating another row of the file is counted, not written
 *       (partitions run in parallel, so which of the two is written is whichever comes first);</li>
 *   <li>every row's consent flags, repeats' included, go to the consent registry ({@code consent}, {@code consent_event}): a "no"
 *       opts the address out, a "yes" is recorded with its source unless the address already has a
 *       record, so an old list never re-subscribes someone who opted out since.</li>
 * </ul>
 * Writing new rows with COPY rather than INSERT ... ON CONFLICT is what keeps a million rows within
 * seconds; the in-memory key index ({@link SupporterKeys}) is what makes that safe. If someone joins on
 * the web with the same email while the chunk is written, the unique index refuses the COPY: the chunk
 * goes back to its savepoint, learns the new member and writes again (as often as that happens, up to ten times).
 */
public class SupporterWriter implements ItemStreamWriter<ImportBlock> {

    private static final Logger LOG = LoggerFactory.getLogger(SupporterWriter.class);
    private static final String COUNTS = "supporter-writer.";
    /** How an imported member who joined was confirmed: the organisation vouches for the list (member.joined_via). */
    static final String VOUCHED = "VOUCHED_LIST";
    /** Writes of one chunk that may meet someone committed meanwhile before the chunk gives up (and the step fails). */
    private static final int MAX_ATTEMPTS = 10;

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final ImportRunContext.Run run;
    private final RejectRecorder rejects;
    private final String partition;
    private long read;
    private long rejected;
    private long created;
    private long matched;
    private long duplicates;
    private long joined;
    private long provisional;
    private long unassigned;
    /** The new supporters' rows of a chunk, in one buffer reused for every chunk of the partition. */
    private BinaryCopyRows members;
    /** Their group memberships, likewise. */
    private BinaryCopyRows memberships;

    public SupporterWriter(DataSource dataSource, JdbcClient jdbc, ImportRunContext.Run run, String partition) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.run = run;
        this.partition = partition;
        this.rejects = new RejectRecorder(dataSource, run.id());
    }

    @Override
    public void open(ExecutionContext context) {
        read = context.getLong(COUNTS + "read", 0);
        rejected = context.getLong(COUNTS + "rejected", 0);
        created = context.getLong(COUNTS + "created", 0);
        matched = context.getLong(COUNTS + "matched", 0);
        duplicates = context.getLong(COUNTS + "duplicates", 0);
        joined = context.getLong(COUNTS + "joined", 0);
        provisional = context.getLong(COUNTS + "provisional", 0);
        unassigned = context.getLong(COUNTS + "unassigned", 0);
    }

    @Override
    public void update(ExecutionContext context) {
        context.putLong(COUNTS + "read", read);
        context.putLong(COUNTS + "rejected", rejected);
        context.putLong(COUNTS + "created", created);
        context.putLong(COUNTS + "matched", matched);
        context.putLong(COUNTS + "duplicates", duplicates);
        context.putLong(COUNTS + "joined", joined);
        context.putLong(COUNTS + "provisional", provisional);
        context.putLong(COUNTS + "unassigned", unassigned);
    }

    /** The counts of one partition, as saved with its last chunk. */
    static ImportRuns.Counts counts(ExecutionContext context, long read, long rejected) {
        return new ImportRuns.Counts(
                read,
                rejected,
                context.getLong(COUNTS + "created", 0),
                context.getLong(COUNTS + "matched", 0),
                context.getLong(COUNTS + "duplicates", 0),
                context.getLong(COUNTS + "joined", 0),
                context.getLong(COUNTS + "provisional", 0),
                context.getLong(COUNTS + "unassigned", 0));
    }

    @Override
    public void write(Chunk<? extends ImportBlock> chunk) throws Exception {
        List<ImportRow> items = new ArrayList<>(chunk.size() * 500);
        List<ImportBlock.Reject> rejectedHere = new ArrayList<>();
        long readHere = 0;
        for (ImportBlock block : chunk) {
            items.addAll(block.rows());
            rejectedHere.addAll(block.rejects());
            readHere += block.size();
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            Savepoint savepoint = connection.setSavepoint();
            Resolved resolved = resolve(items);
            // each conflict teaches the chunk who was committed since it last looked; another writer (a web
            // sign-up, a partition in another process) may commit one more while it writes again
            for (int attempt = 1; ; attempt++) {
                try {
                    apply(resolved);
                    break;
                } catch (CopyRows.CopyFailed e) {
                    // partitions in two processes hold no claims in common: one may wait on a repeat the other
                    // wrote while the other waits on one of its, until PostgreSQL cancels one of the two
                    if (!(e.uniqueViolation() || e.deadlock()) || attempt == MAX_ATTEMPTS) {
                        throw e;
                    }
                    connection.rollback(savepoint);
                    LOG.info(
                            "import {} {}: a chunk met someone added meanwhile (attempt {}), writing it again",
                            run.id(),
                            partition,
                            attempt);
                    undo(resolved);
                    learnConcurrentMembers(items);
                    resolved = resolve(items);
                }
            }
            connection.releaseSavepoint(savepoint);
            rejects.record(rejectedHere);
            count(resolved);
            read += readHere;
            rejected += rejectedHere.size();
            recordProgress();
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /**
     * This partition's counts so far, written with the chunk: whoever watches the import (the command line,
     * the console, another process) reads committed progress, never a chunk that may still roll back.
     */
    private void recordProgress() {
        jdbc.sql("""
                insert into import_progress (run_id, partition, rows_read, rows_written, rows_rejected, updated_at)
                values (?, ?, ?, ?, ?, now())
                on conflict (run_id, partition) do update set rows_read = excluded.rows_read,
                    rows_written = excluded.rows_written, rows_rejected = excluded.rows_rejected, updated_at = now()
                """)
                .params(run.id(), partition, read, read - rejected, rejected)
                .update();
    }

    /** What each row of a chunk turned out to be. */
    private static final class Resolved {
        final List<ImportRow> fresh = new ArrayList<>();
        final List<ImportRow> fill = new ArrayList<>();
        final List<Long> fillIds = new ArrayList<>();
        final List<Long> joinExisting = new ArrayList<>();
        final List<ImportRow> consent = new ArrayList<>();
        int matched;
        int duplicates;
        int joinedNew;
        int joinedExisting;
    }

    private Resolved resolve(List<? extends ImportRow> rows) {
        Resolved r = new Resolved();
        SupporterKeys keys = run.keys();
        // the whole chunk under the index's lock at once: taken for every row, the partitions' threads
        // met on it a million times an import
        synchronized (keys) {
            resolve(rows, keys, r);
        }
        return r;
    }

    private void resolve(List<? extends ImportRow> rows, SupporterKeys keys, Resolved r) {
        for (ImportRow row : rows) {
            SupporterRecord s = row.supporter();
            long id = keys.resolveOrClaim(s.email(), s.phone());
            if (id == 0) {
                r.fresh.add(row);
                r.consent.add(row);
            } else if (id == SupporterKeys.CLAIMED) {
                // the row that claimed this person is written by its own chunk; a repeat's consent still counts
                r.duplicates++;
                r.consent.add(row);
            } else {
                r.matched++;
                r.consent.add(row);
                if (keys.takeIncomplete(id)) {
                    r.fill.add(row);
                    r.fillIds.add(id);
                } else if (wantsToJoin(s) && !keys.isJoined(id)) {
                    r.joinExisting.add(id);
                }
            }
        }
    }

    private void undo(Resolved r) {
        List<String> emails = new ArrayList<>();
        List<String> phones = new ArrayList<>();
        for (ImportRow row : r.fresh) {
            if (row.supporter().email() != null) {
                emails.add(row.supporter().email());
            }
            if (row.supporter().phone() != null) {
                phones.add(row.supporter().phone());
            }
        }
        run.keys().release(emails, phones);
        for (long id : r.fillIds) {
            run.keys().known(id, null, null, true, false);
        }
    }

    /**
     * Someone was added outside this partition's view while it ran: look up the chunk's keys in the table
     * itself. A supporter written by another partition of this import that runs in another process (a
     * batch worker, with a key index of its own) is a repeat within the file, as it would be here.
     */
    private void learnConcurrentMembers(List<? extends ImportRow> rows) {
        List<String> emails = rows.stream()
                .map(r -> r.supporter().email())
                .filter(e -> e != null)
                .toList();
        List<String> phones = rows.stream()
                .map(r -> r.supporter().phone())
                .filter(p -> p != null)
                .toList();
        jdbc.sql("""
                select m.id, lower(m.email), m.phone, m.zip is null and m.latitude is null and m.district_source is null,
                       m.joined_at is not null, m.import_run_id is not distinct from r.id and m.created_at >= r.started_at
                from member m, import_run r
                where r.id = ? and (lower(m.email) = any(?) or m.phone = any(?))
                """)
                .params(run.id(), emails.toArray(String[]::new), phones.toArray(String[]::new))
                .query(rs -> {
                    if (rs.getBoolean(6)) {
                        run.keys().claimedElsewhere(rs.getString(2), rs.getString(3));
                    } else {
                        run.keys()
                                .known(
                                        rs.getLong(1),
                                        rs.getString(2),
                                        rs.getString(3),
                                        rs.getBoolean(4),
                                        rs.getBoolean(5));
                    }
                });
    }

    private void apply(Resolved r) {
        Instant now = Instant.now();
        // the sequence by name: pg_get_serial_sequence per row would cost a catalog lookup each
        List<Long> ids = r.fresh.isEmpty()
                ? List.of()
                : jdbc.sql("select nextval('" + run.memberSequence() + "'::regclass) from generate_series(1, ?)")
                        .param(r.fresh.size())
                        .query(Long.class)
                        .list();
        members = members == null ? new BinaryCopyRows(20, r.fresh.size()) : members.clear();
        // binary as the members: two numbers a row, neither formatted nor parsed as text
        memberships = memberships == null ? new BinaryCopyRows(2, r.fresh.size() / 4) : memberships.clear();
        for (int i = 0; i < r.fresh.size(); i++) {
            ImportRow row = r.fresh.get(i);
            SupporterRecord s = row.supporter();
            Assignment a = row.assignment();
            boolean join = wantsToJoin(s);
            long id = ids.get(i);
            members.startRow()
                    .add(id)
                    .add(s.fullName())
                    .add(s.email())
                    .add(s.phone())
                    .add(s.street())
                    .add(s.city())
                    .add(s.state())
                    .add(s.zip())
                    .add(s.latitude())
                    .add(s.longitude())
                    .add(s.source())
                    .add(run.id())
                    .add(join ? now : null)
                    .add(run.plan().id())
                    .add(a.assigned() ? run.key(a.districtId()) : null)
                    .add(a.source() == null ? null : a.source().name())
                    .add(a.provisional())
                    .add(a.reason())
                    .add(now)
                    // the organisation vouches for the list it imports with --join: no link to follow
                    .add(join ? VOUCHED : null);
            if (join && a.assigned()) {
                memberships.startRow().add(run.groups().get(a.districtId())).add(id);
            }
        }
        members.copyInto(dataSource, """
                member (id, full_name, email, phone, street, city, state, zip, latitude, longitude, source, import_run_id,
                        joined_at, district_plan_id, district_id, district_source, district_provisional, district_reason,
                        district_assigned_at, joined_via)""");
        memberships.copyInto(dataSource, "group_membership (group_id, member_id)");
        r.joinedNew = memberships.rows();
        writeConsent(r.consent);
        fill(r);
        joinExisting(r);
    }

    private void writeConsent(List<ImportRow> rows) {
        List<String> channels = new ArrayList<>();
        List<String> addresses = new ArrayList<>();
        List<Boolean> optedOut = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        for (ImportRow row : rows) {
            SupporterRecord s = row.supporter();
            // email in the US is opt-out (CAN-SPAM): a "yes" is what the registry assumes without a record,
            // so only a "no" is written; texting needs evidence of consent (TCPA), so an SMS "yes" is kept too
            boolean email = s.email() != null && s.emailConsent() == ConsentFlag.NO;
            boolean sms = s.phone() != null && s.smsConsent() != ConsentFlag.UNKNOWN;
            if (!email && !sms) {
                continue;
            }
            if (email) {
                channels.add("EMAIL");
                addresses.add(s.email());
                optedOut.add(true);
                lines.add(s.line());
            }
            if (sms) {
                channels.add("SMS");
                addresses.add(s.phone());
                optedOut.add(s.smsConsent() == ConsentFlag.NO);
                lines.add(s.line());
            }
        }
        if (channels.isEmpty()) {
            return;
        }
        // the chunk's answers go in as four arrays of one statement: a temporary table (created if missing,
        // filled by COPY, emptied at every commit) cost three round trips and a truncation a chunk.
        // Keys in one order in every partition: two chunks never wait on each other's rows crosswise.
        // The evidence (the row's line) is spelled out by the server, only for the rows it keeps.
        jdbc.sql("""
                with incoming as (
                    select distinct on (channel, address) channel, address, opted_out, line
                    from unnest(?::text[], ?::text[], ?::boolean[], ?::bigint[]) as t (channel, address, opted_out, line)
                    order by channel, address, opted_out desc
                ), changed as (
                    insert into consent (channel, address, opted_out, source, evidence)
                    select channel, address, opted_out, ?, 'import ' || ?::bigint || ' line ' || line
                    from incoming order by channel, address
                    on conflict (channel, address) do update
                        set opted_out = true, source = excluded.source, evidence = excluded.evidence, changed_at = now()
                        where excluded.opted_out and not consent.opted_out
                    returning channel, address, opted_out, source, evidence
                )
                insert into consent_event (channel, address, opted_out, source, evidence)
                select channel, address, opted_out, source, evidence from changed
                """)
                .params(
                        channels.toArray(String[]::new),
                        addresses.toArray(String[]::new),
                        optedOut.toArray(Boolean[]::new),
                        lines.toArray(Long[]::new),
                        "import",
                        run.id())
                .update();
    }

    private void fill(Resolved r) {
        if (r.fill.isEmpty()) {
            return;
        }
        jdbc.sql("""
                create temp table if not exists import_fill_chunk (member_id bigint, street text, city text, state text,
                    zip text, latitude double precision, longitude double precision, source text, district_id text,
                    district_source text, district_provisional boolean, district_reason text, joined boolean)
                on commit delete rows""").update();
        CopyRows rows = new CopyRows(r.fill.size());
        for (int i = 0; i < r.fill.size(); i++) {
            SupporterRecord s = r.fill.get(i).supporter();
            Assignment a = r.fill.get(i).assignment();
            rows.add(r.fillIds.get(i))
                    .add(s.street())
                    .add(s.city())
                    .add(s.state())
                    .add(s.zip())
                    .add(s.latitude())
                    .add(s.longitude())
                    .add(s.source())
                    .add(a.assigned() ? run.key(a.districtId()) : null)
                    .add(a.source() == null ? null : a.source().name())
                    .add(a.provisional())
                    .add(a.reason())
                    .add(wantsToJoin(s))
                    .endRow();
        }
        rows.copyInto(dataSource, """
                import_fill_chunk (member_id, street, city, state, zip, latitude, longitude, source, district_id,
                                   district_source, district_provisional, district_reason, joined)""");
        // a member who joined a group on the web chose that district: it stays, as their confirmation
        jdbc.sql("""
                update member m set street = f.street, city = f.city, state = f.state, zip = f.zip,
                    latitude = f.latitude, longitude = f.longitude, source = coalesce(m.source, f.source),
                    import_run_id = coalesce(m.import_run_id, ?), district_plan_id = ?,
                    district_id = coalesce(chosen.district_id, f.district_id),
                    district_source = case when chosen.district_id is not null then 'MEMBER_CONFIRMED' else f.district_source end,
                    district_provisional = chosen.district_id is null and f.district_provisional,
                    district_reason = case when chosen.district_id is null then f.district_reason end,
                    district_assigned_at = now(),
                    joined_at = case when f.joined or chosen.district_id is not null then coalesce(m.joined_at, now()) else m.joined_at end,
                    joined_via = case when f.joined and (m.joined_via is null or m.joined_via = 'UNCONFIRMED') then 'VOUCHED_LIST'
                                      else m.joined_via end
                from import_fill_chunk f
                left join lateral (
                    select g.district_id from group_membership gm join district_group g on g.id = gm.group_id
                    where gm.member_id = f.member_id and gm.left_at is null and g.plan_id = ? limit 1
                ) chosen on true
                where m.id = f.member_id and m.zip is null and m.latitude is null and m.district_source is null
                """).params(run.id(), run.plan().id(), run.plan().id()).update();
        r.joinedExisting += jdbc.sql("""
                insert into group_membership (group_id, member_id)
                select g.id, m.id from import_fill_chunk f join member m on m.id = f.member_id
                join district_group g on g.plan_id = m.district_plan_id and g.district_id = m.district_id
                where m.joined_at is not null
                on conflict (group_id, member_id) do nothing
                """).update();
    }

    private void joinExisting(Resolved r) {
        if (r.joinExisting.isEmpty()) {
            return;
        }
        Long[] ids = r.joinExisting.toArray(Long[]::new);
        jdbc.sql("""
                update member set joined_at = coalesce(joined_at, now()),
                    joined_via = case when joined_via is null or joined_via = 'UNCONFIRMED' then 'VOUCHED_LIST' else joined_via end
                where id = any(?) and (joined_at is null or joined_via is null or joined_via = 'UNCONFIRMED')
                """).param(ids).update();
        r.joinedExisting += jdbc.sql("""
                insert into group_membership (group_id, member_id)
                select g.id, m.id from member m join district_group g on g.plan_id = m.district_plan_id and g.district_id = m.district_id
                where m.id = any(?) and m.district_plan_id = ?
                  and not exists (select 1 from group_membership o where o.member_id = m.id and o.left_at is null)
                on conflict (group_id, member_id) do nothing
                """).params(ids, run.plan().id()).update();
    }

    private void count(Resolved r) {
        created += r.fresh.size();
        matched += r.matched;
        duplicates += r.duplicates;
        joined += r.joinedNew + r.joinedExisting;
        for (ImportRow row : r.fresh) {
            tally(row.assignment());
        }
        for (ImportRow row : r.fill) {
            tally(row.assignment());
        }
        for (long id : r.joinExisting) {
            run.keys().markJoined(id);
        }
        for (int i = 0; i < r.fill.size(); i++) {
            if (wantsToJoin(r.fill.get(i).supporter())) {
                run.keys().markJoined(r.fillIds.get(i));
            }
        }
    }

    private void tally(Assignment a) {
        if (!a.assigned()) {
            unassigned++;
        } else if (a.provisional()) {
            provisional++;
        }
    }

    private boolean wantsToJoin(SupporterRecord s) {
        return s.joined() == null ? run.joinByDefault() : s.joined();
    }
}
