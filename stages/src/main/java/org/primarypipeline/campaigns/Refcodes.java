package org.primarypipeline.campaigns;

import java.security.SecureRandom;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every member's share code: made on first need, eight letters and digits from an alphabet without
 * look-alikes (32^8, about 10^12 codes, drawn at random: not the member id and not guessable from it),
 * kept in {@code refcode}. Links a member shares carry it as {@code ?r=CODE}.
 */
@Component
public class Refcodes {

    /** No 0/O, 1/I/L: a code read aloud or typed from a flyer survives. */
    static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZa";

    private static final Pattern SHAPE = Pattern.compile("[2-9A-HJKMNP-Za]{8}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;

    public Refcodes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The member's code, made now if they have none (two callers at once both get the one kept). */
    @Transactional
    public String codeFor(long memberId) {
        Optional<String> known = find(memberId);
        if (known.isPresent()) {
            return known.get();
        }
        for (int attempt = 0; attempt < 5; attempt++) {
            int added = jdbc.sql("insert into refcode (code, member_id) values (?, ?) on conflict do nothing")
                    .params(fresh(), memberId)
                    .update();
            if (added == 1) {
                break;
            }
            known = find(memberId);
            if (known.isPresent()) {
                return known.get();
            }
        }
        return find(memberId).orElseThrow(() -> new IllegalStateException("no refcode for member " + memberId));
    }

    public Optional<String> find(long memberId) {
        return jdbc.sql("select code from refcode where member_id = ?")
                .param(memberId)
                .query(String.class)
                .optional();
    }

    /** Whether the text has a code's shape: anything else in {@code ?r=} is ignored before any lookup. */
    public static boolean wellFormed(String code) {
        return code != null && SHAPE.matcher(code).matches();
    }

    /** The code when it is one we issued, else empty. */
    public Optional<String> known(String code) {
        if (!wellFormed(code)) {
            return Optional.empty();
        }
        return jdbc.sql("select code from refcode where code = ?")
                .param(code)
                .query(String.class)
                .optional();
    }

    static String fresh() {
        char[] code = new char[8];
        for (int i = 0; i < code.length; i++) {
            code[i] = ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length()));
        }
        return new String(code);
    }
}
