package org.primarypipeline.console.fuzz;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

/**
 * The bad input the fuzz pass sends, from jqwik's generators drawn with a fixed seed (so a failure names
 * an input that can be sent again): text of every awkward kind, numbers out of range, values of the
 * wrong type, and raw bytes that are not UTF-8.
 */
final class BadInput {

    private BadInput() {}

    static final List<String> FORMULAS = List.of(
            "=1+1", "=HYPERLINK(\"http://x\",\"y\")", "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1", "=cmd|' /C calc'!A0");

    static final List<String> UNICODE_EDGES = List.of(
            "\uFEFFAna",
            "Ana\u202Egnp.exe",
            "e\u0301e\u0301",
            "\uD835\uDD4F\uD835\uDD50",
            "\uD800",
            "Ana\uDC00Ortiz",
            "\u0000",
            "\uFFFE\uFFFF",
            "Z\u0351\u0354\u0300\u0301\u0302\u0303\u0304\u0305\u0306a",
            "\u05E9\u05DC\u05D5\u05DD",
            "\uD83D\uDC69\u200D\uD83D\uDC69\u200D\uD83D\uDC67",
            "\u3000\u2003 ",
            "\u0130stanbul",
            "\u00A0");

    static final List<String> NUMBERS = List.of(
            "99999999999999999999999",
            "-1",
            "0",
            "1e309",
            "NaN",
            "Infinity",
            "0x10",
            "9223372036854775808",
            "-9223372036854775809",
            "1.7976931348623157E309",
            "00000000000000000001",
            "1,000,000",
            "12.345");

    static final List<String> MARKUP = List.of(
            "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "javascript:alert(1)", "{{x}}", "%s%n");

    /** Bytes that are not UTF-8, as they would stand percent-encoded in a form or raw in a body. */
    static final List<String> INVALID_UTF8 =
            List.of("%C3%28", "%FF", "%FE%FF", "%ED%A0%80", "%C0%AF", "%E2%82", "%F8%88%80%80%80", "Ana%80Ortiz");

    /** Text a person would never mean: what each text field is sent. */
    static Arbitrary<String> text() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.strings().all().ofMaxLength(30)),
                Tuple.of(
                        2,
                        Arbitraries.strings()
                                .withCharRange('\u0000', '\u001f')
                                .withChars('\u007f', '\u0085', '\u2028', '\u2029')
                                .ofMinLength(1)
                                .ofMaxLength(6)
                                .map(c -> "Ana" + c + "Ortiz")),
                Tuple.of(2, Arbitraries.of(FORMULAS)),
                Tuple.of(1, Arbitraries.integers().between(5_000, 60_000).map(n -> "A".repeat(n))),
                Tuple.of(2, Arbitraries.of(UNICODE_EDGES)),
                Tuple.of(2, Arbitraries.of(NUMBERS)),
                Tuple.of(1, Arbitraries.of(MARKUP)),
                Tuple.of(1, Arbitraries.just("")),
                Tuple.of(1, Arbitraries.just("   ")));
    }

    /** A value for a form: the text URL-encoded, or bytes that are not UTF-8 percent-encoded as they are. */
    static Arbitrary<String> formValue() {
        return Arbitraries.frequencyOf(
                Tuple.of(9, text().map(BadInput::encode)), Tuple.of(1, Arbitraries.of(INVALID_UTF8)));
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** One draw from a generator, reproducible from the random it is given. */
    static <T> T draw(Arbitrary<T> arbitrary, Random random) {
        return arbitrary.generator(1000).next(random).value();
    }

    /**
     * A good form spoilt: one to three fields replaced with bad values (already encoded), sometimes a
     * field dropped, sometimes repeated, sometimes one added that the form does not have.
     */
    static Map<String, String> spoil(Map<String, String> good, Random random) {
        Map<String, String> form = new LinkedHashMap<>();
        good.forEach((k, v) -> form.put(encode(k), encode(v)));
        List<String> names = List.copyOf(form.keySet());
        int changes = 1 + random.nextInt(3);
        for (int i = 0; i < changes; i++) {
            String name = names.get(random.nextInt(names.size()));
            switch (random.nextInt(10)) {
                case 0 -> form.remove(name);
                case 1 -> form.put(name, form.getOrDefault(name, "") + "&" + name + "=" + draw(formValue(), random));
                case 2 -> form.put(encode(draw(text(), random)) + "x", draw(formValue(), random));
                default -> form.put(name, draw(formValue(), random));
            }
        }
        return form;
    }

    static String body(Map<String, String> encodedForm) {
        StringBuilder body = new StringBuilder();
        encodedForm.forEach((k, v) ->
                body.append(body.length() == 0 ? "" : "&").append(k).append('=').append(v));
        return body.toString();
    }

    /** A JSON string literal with every character outside printable ASCII escaped (lone surrogates too). */
    static String jsonString(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7e) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    /** A JSON value of a type no text field takes, or a number no field can hold. */
    static Arbitrary<String> wrongJsonValue() {
        return Arbitraries.of(
                "123",
                "-1e400",
                "1" + "0".repeat(400),
                "true",
                "null",
                "[]",
                "[\"a\",1]",
                "{}",
                "{\"a\":{\"b\":[]}}",
                "\"" + "\\ud800" + "\"");
    }
}
