package org.primarypipeline.console.cli;

import java.util.concurrent.Callable;
import org.primarypipeline.templates.RenderedMessage;
import org.primarypipeline.templates.SampleModels;
import org.primarypipeline.templates.TemplateException;
import org.primarypipeline.templates.TemplateRenderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pp templates}: the candidates' email steps, listed or rendered with sample data. Plain Java, no Spring. */
@Command(
        name = "templates",
        mixinStandardHelpOptions = true,
        description = "The candidates' automated email steps (templates/): list them, or preview one with sample data.",
        subcommands = {TemplatesCommand.ListTemplates.class, TemplatesCommand.Preview.class})
public final class TemplatesCommand implements Runnable {

    @Override
    public void run() {
        new ListTemplates().call();
    }

    @Command(name = "list", description = "The messages that have sample data for a preview.")
    static final class ListTemplates implements Callable<Integer> {
        @Override
        public Integer call() {
            SampleModels.names().forEach(System.out::println);
            return 0;
        }
    }

    @Command(name = "preview", description = "Render a message with sample data: subject, plain text and HTML.")
    static final class Preview implements Callable<Integer> {
        @Parameters(paramLabel = "NAME", description = "e.g. candidate-invitation")
        String name;

        @Option(names = "--part", defaultValue = "all", description = "subject, text, html, sms or all (default).")
        String part;

        @Option(names = "--lang", defaultValue = "en", description = "en (default) or es: the words' language.")
        String lang;

        @Override
        public Integer call() {
            RenderedMessage message;
            try {
                message = new TemplateRenderer().render(name, SampleModels.of(name, lang));
            } catch (TemplateException e) {
                System.err.println(e.getMessage());
                return 2;
            }
            switch (part) {
                case "subject" -> System.out.println(message.subject());
                case "text" -> System.out.println(message.text());
                case "html" -> System.out.println(message.html());
                case "sms" -> System.out.println(message.sms() == null ? "(no SMS version)" : message.sms());
                default -> {
                    System.out.println("Subject: " + message.subject());
                    System.out.println();
                    System.out.println("---- text ----");
                    System.out.println(message.text());
                    if (message.sms() != null) {
                        System.out.println("---- sms ----");
                        System.out.println(message.sms());
                    }
                    System.out.println("---- html ----");
                    System.out.println(message.html());
                }
            }
            return 0;
        }
    }
}
