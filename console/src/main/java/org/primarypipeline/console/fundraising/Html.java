package org.primarypipeline.console.fundraising;


/** Escaping and the page frame of the public donor pages, which are plain server-rendered HTML outside the console. */
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
}
