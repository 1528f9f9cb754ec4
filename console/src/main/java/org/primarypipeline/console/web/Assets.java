package org.primarypipeline.console.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Where the browser finds the scripts the console uses. They come from webjars on the classpath
 * (Maven Central) and Spring Boot serves them under /webjars/; the version in the path is read from
 * the jar found, so the pom is the one place that names it.
 */
@Component
public class Assets {

    private final String htmx;
    private final String chartJs;

    public Assets() {
        this.htmx = locate("htmx.org", "dist/htmx.min.js");
        this.chartJs = locate("chart.js", "dist/chart.umd.min.js");
    }

    public String htmx() {
        return htmx;
    }

    public String chartJs() {
        return chartJs;
    }

    static String locate(String webjar, String file) {
        try {
            Resource[] found = new PathMatchingResourcePatternResolver()
                    .getResources("classpath*:META-INF/resources/webjars/" + webjar + "/*/" + file);
            Pattern version =
                    Pattern.compile("/webjars/" + Pattern.quote(webjar) + "/([^/]+)/" + Pattern.quote(file) + "$");
            for (Resource resource : found) {
                Matcher m = version.matcher(resource.getURL().toString());
                if (m.find()) {
                    return "/webjars/" + webjar + "/" + m.group(1) + "/" + file;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException("webjar " + webjar + " with " + file + " is not on the classpath");
    }
}
