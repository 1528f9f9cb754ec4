package org.primarypipeline.core.vote.cli;

import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.primarypipeline.core.vote.Round;
import org.primarypipeline.core.vote.VoteResult;

/**
 * A count's result as one line of JSON, keys in sorted order. Numbers are written as decimal strings,
 * so no reader rounds a unit count through a double.
 */
final class TallyJson {

    private static final ObjectMapper JSON = new ObjectMapper(new JsonFactoryBuilder()
                    .characterEscapes(new LineSeparatorEscapes())
                    .build())
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
            .registerModule(new SimpleModule().addSerializer(Number.class, new NumberAsString()));

    private TallyJson() {}

    static String write(VoteResult result, BigDecimal quorum) {
        return write(map(result, quorum));
    }

    /**
     * Streams the object to {@code out} (a national count's weights would otherwise be held twice, as a map
     * and as one long string), with {@code setAside}: the ballots no rank of which could count, left out of
     * the object when there are none.
     */
    static void writeTo(Writer out, VoteResult result, BigDecimal quorum, int setAside) throws IOException {
        Map<String, Object> json = map(result, quorum);
        if (setAside > 0) {
            json.put("setAside", setAside);
        }
        try (JsonGenerator generator = JSON.getFactory().createGenerator(out)) {
            generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            JSON.writeValue(generator, json);
        }
    }

    static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, Object> map(VoteResult result, BigDecimal quorum) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("electorate", result.electorate());
        json.put("totalUnits", result.totalUnits());
        json.put("exercisedUnits", result.exercisedUnits());
        json.put("unexercisedUnits", result.unexercisedUnits());
        json.put("unexercisedDeadEnds", result.unexercisedDeadEnds());
        json.put("unexercisedCycles", result.unexercisedCycles());
        json.put("weights", result.weights());
        List<Object> rounds = new ArrayList<>();
        for (Round round : result.rounds()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("tallies", round.tallies());
            entry.put("exhausted", round.exhausted());
            entry.put("eliminated", round.eliminated());
            rounds.add(entry);
        }
        json.put("rounds", rounds);
        json.put("winner", result.winner());
        json.put("runnerUp", result.runnerUp());
        json.put("tieBreak", result.tieBreak());
        json.put("policy", result.policy().id());
        json.put("method", result.method().id());
        json.put("seed", result.seed());
        json.put("quorum", quorum.setScale(Math.max(2, quorum.scale()), RoundingMode.UNNECESSARY));
        json.put("quorumMet", result.quorumMet(quorum));
        if (!result.pairwise().isEmpty()) {
            json.put("pairwise", result.pairwise());
        }
        return json;
    }

    /** "50.000000000000", never 5.0E+1. */
    private static final class NumberAsString extends StdSerializer<Number> {

        private static final long serialVersionUID = 1L;

        NumberAsString() {
            super(Number.class);
        }

        @Override
        public void serialize(Number value, JsonGenerator out, SerializerProvider provider) throws IOException {
            out.writeString(value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString());
        }
    }

    /** Line and paragraph separators are legal JSON but break JavaScript readers. */
    private static final class LineSeparatorEscapes extends CharacterEscapes {

        private static final long serialVersionUID = 1L;

        @Override
        public int[] getEscapeCodesForAscii() {
            return standardAsciiEscapesForJSON();
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return ch == '\u2028'
                    ? new SerializedString("\\u2028")
                    : ch == '\u2029' ? new SerializedString("\\u2029") : null;
        }
    }
}
