package org.primarypipeline.console.outreach;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Mailbox pages' models. A message is shown as its text part with every http(s) address turned
 * into a link: the words go through Mustache's escaping like any other field and no HTML from the mail
 * reaches the page, so the console's CSP needs no exception (the HTML part is never rendered).
 */
final class MailboxPages {

    private MailboxPages() {}

    record Row(int number, String href, String to, String subject, String received) {}

    record ListPage(String title, boolean running, int port, List<Row> rows) {}

    /** A run of text, or a link when {@code href} is set. */
    record Piece(String text, String href) {}

    record MessagePage(
            String title,
            int number,
            String from,
            String to,
            String subject,
            String received,
            List<Piece> body,
            boolean htmlOnly) {}

    // stops before what ends a URL in running text: spaces, angle brackets, quotes
    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"']+");

    /** The text cut into plain runs and links; trailing punctuation stays outside the link. */
    static List<Piece> linked(String text) {
        List<Piece> pieces = new ArrayList<>();
        Matcher m = URL.matcher(text);
        int at = 0;
        while (m.find()) {
            String url = m.group();
            int end = url.length();
            while (end > 0 && ".,;:!?)]".indexOf(url.charAt(end - 1)) >= 0) {
                end--;
            }
            url = url.substring(0, end);
            if (m.start() > at) {
                pieces.add(new Piece(text.substring(at, m.start()), null));
            }
            pieces.add(new Piece(url, url));
            at = m.start() + end;
        }
        if (at < text.length()) {
            pieces.add(new Piece(text.substring(at), null));
        }
        return pieces;
    }

    /** What an HTML-only mail shows: its tags dropped, so its addresses can still be followed. */
    static String withoutTags(String html) {
        return html.replaceAll("(?is)<(script|style)[^>]*>.*?</\\1>", "")
                .replaceAll("(?i)<a\\s[^>]*href=\"([^\"]*)\"[^>]*>", " $1 ")
                .replaceAll("<[^>]+>", "")
                .replace("&amp;", "&")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"");
    }
}
