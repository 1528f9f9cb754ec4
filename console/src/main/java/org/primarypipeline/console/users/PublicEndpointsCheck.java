package org.primarypipeline.console.users;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.primarypipeline.platform.PublicDoor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Component;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Refuses to start when {@link PublicEndpoints} and the controllers disagree: a {@link PublicDoor}
 * path that the list does not open (Twilio's webhooks were once refused by the sign-in for months), or
 * a listed path that no controller serves any more (a stale opening).
 */
@Component
class PublicEndpointsCheck implements SmartInitializingSingleton {

    /** Served by the actuator, not by a controller. */
    private static final String ACTUATOR = "/actuator/";

    private final ObjectProvider<RequestMappingHandlerMapping> mappings;
    private final AntPathMatcher paths = new AntPathMatcher();

    PublicEndpointsCheck(ObjectProvider<RequestMappingHandlerMapping> mappings) {
        this.mappings = mappings;
    }

    @Override
    public void afterSingletonsInstantiated() {
        // the app's own mapping and the actuator's: every controller path the app serves
        Map<RequestMappingInfo, HandlerMethod> handlers = new LinkedHashMap<>();
        mappings.orderedStream().forEach(mapping -> handlers.putAll(mapping.getHandlerMethods()));
        if (handlers.isEmpty()) {
            return; // a command-line context: no web server, nothing public
        }
        List<String> problems = problems(handlers);
        if (!problems.isEmpty()) {
            throw new IllegalStateException(
                    "PublicEndpoints and the controllers disagree: " + String.join("; ", problems));
        }
    }

    List<String> problems(Map<RequestMappingInfo, HandlerMethod> handlers) {
        List<String> problems = new ArrayList<>();
        List<String> served = new ArrayList<>();
        handlers.forEach((info, handler) -> {
            boolean meantPublic = AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), PublicDoor.class)
                    || AnnotatedElementUtils.hasAnnotation(handler.getMethod(), PublicDoor.class);
            for (String pattern : info.getPatternValues()) {
                String sample = sample(pattern);
                served.add(sample);
                if (meantPublic && !open(sample)) {
                    problems.add(pattern + " (" + handler.getBeanType().getSimpleName()
                            + ") is a public door but PublicEndpoints does not open it");
                }
            }
        });
        for (String open : PublicEndpoints.MEMBERS_AND_PROVIDERS) {
            if (!open.startsWith(ACTUATOR) && served.stream().noneMatch(path -> paths.match(open, path))) {
                problems.add(open + " is opened by PublicEndpoints but no controller serves it");
            }
        }
        return problems;
    }

    private boolean open(String path) {
        return Arrays.stream(PublicEndpoints.MEMBERS_AND_PROVIDERS).anyMatch(open -> paths.match(open, path))
                || Arrays.stream(PublicEndpoints.MEMBERS_OPEN).anyMatch(open -> paths.match(open, path));
    }

    /** A concrete path for a pattern: each {variable} becomes one segment. */
    private static String sample(String pattern) {
        return pattern.replaceAll("\\{[^}]+}", "1");
    }
}
