package org.primarypipeline.console.fundraising;

import java.util.List;
import org.primarypipeline.activities.fundraiser.FinanceReports;
import org.primarypipeline.activities.fundraiser.Money;

/** Escaping and the few shared pieces of the fundraising pages, which are plain server-rendered HTML. */
final class Html {

    private Html() {
    }

    static String esc(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    static String page(String title, String body) {
        return """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s</title>
                <style>
                body{font-family:Helvetica,Arial,sans-serif;max-width:44rem;margin:2rem auto;padding:0 1rem;color:#18181b}
                .bar{background:#e4e4e7;border-radius:4px;height:1.2rem}.bar>div{background:#b91c1c;height:100%%;border-radius:4px}
                label{display:block;margin:.5rem 0}fieldset{margin:1rem 0;border:1px solid #d4d4d8}
                .problems{color:#b91c1c}.fine{font-size:.85rem;color:#52525b}
                </style></head><body>
                %s
                </body></html>
                """.formatted(esc(title), body);
    }

    /** Bars of each day's gifts (and refunds and disputes, below the line), as SVG attributes only: no scripts, no inline CSS. */
    static String dailyChart(List<FinanceReports.Day> days) {
        long max = 1;
        for (FinanceReports.Day d : days) {
            max = Math.max(max, Math.max(d.grossCents(), -(d.refundCents() + d.disputeCents())));
        }
        int width = Math.max(200, days.size() * 14);
        StringBuilder svg = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"daily totals\" width=\"")
                .append(width).append("\" height=\"220\" viewBox=\"0 0 ").append(width).append(" 220\">")
                .append("<line x1=\"0\" y1=\"160\" x2=\"").append(width).append("\" y2=\"160\" stroke=\"#71717a\"/>");
        for (int i = 0; i < days.size(); i++) {
            FinanceReports.Day d = days.get(i);
            long up = d.grossCents() * 150 / max;
            long down = -(d.refundCents() + d.disputeCents()) * 50 / max;
            int x = i * 14 + 2;
            svg.append("<rect x=\"").append(x).append("\" y=\"").append(160 - up).append("\" width=\"10\" height=\"").append(up)
                    .append("\" fill=\"#15803d\"><title>").append(d.day()).append(": ").append(Money.dollars(d.grossCents()))
                    .append(" in</title></rect>");
            if (down > 0) {
                svg.append("<rect x=\"").append(x).append("\" y=\"160\" width=\"10\" height=\"").append(down)
                        .append("\" fill=\"#b91c1c\"><title>").append(d.day()).append(": ")
                        .append(Money.dollars(-(d.refundCents() + d.disputeCents()))).append(" refunds and disputes</title></rect>");
            }
        }
        if (!days.isEmpty()) {
            svg.append("<text x=\"0\" y=\"215\" font-size=\"11\">").append(days.get(0).day()).append("</text>")
                    .append("<text x=\"").append(width).append("\" y=\"215\" font-size=\"11\" text-anchor=\"end\">")
                    .append(days.get(days.size() - 1).day()).append("</text>");
        }
        return svg.append("</svg>").toString();
    }
}
