package org.primarypipeline.console.users;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.primarypipeline.platform.PublicDoor;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;

class PublicEndpointsCheckTest {

    @PublicDoor
    static class Webhook {
        public void receive() {}
    }

    static class StaffPage {
        public void show() {}
    }

    private final PublicEndpointsCheck check = new PublicEndpointsCheck(new StaticListableBeanFactory()
            .getBeanProvider(org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping.class));

    @Test
    void aPublicDoorThatTheListDoesNotOpenIsNamed() throws Exception {
        Map<RequestMappingInfo, HandlerMethod> handlers = everyListedPathServed();
        handlers.put(RequestMappingInfo.paths("/sms/{kind}").build(), handler(new Webhook(), "receive"));

        assertThat(check.problems(handlers))
                .containsExactly("/sms/{kind} (Webhook) is a public door but PublicEndpoints does not open it");
    }

    @Test
    void aListedPathThatNoControllerServesIsNamed() throws Exception {
        Map<RequestMappingInfo, HandlerMethod> handlers = everyListedPathServed();
        handlers.keySet().removeIf(info -> info.getPatternValues().contains("/twilio/1"));

        assertThat(check.problems(handlers))
                .containsExactly("/twilio/** is opened by PublicEndpoints but no controller serves it");
    }

    @Test
    void aStaffPageNeedsNoOpening() throws Exception {
        Map<RequestMappingInfo, HandlerMethod> handlers = everyListedPathServed();
        handlers.put(RequestMappingInfo.paths("/cycles/{id}").build(), handler(new StaffPage(), "show"));

        assertThat(check.problems(handlers)).isEmpty();
    }

    /** One public door under each opening the list makes (the actuator's excepted). */
    private static Map<RequestMappingInfo, HandlerMethod> everyListedPathServed() throws Exception {
        Map<RequestMappingInfo, HandlerMethod> handlers = new LinkedHashMap<>();
        for (String open : PublicEndpoints.MEMBERS_AND_PROVIDERS) {
            if (!open.startsWith("/actuator/")) {
                String path = open.replace("/**", "/1").replace("*", "1");
                handlers.put(RequestMappingInfo.paths(path).build(), handler(new Webhook(), "receive"));
            }
        }
        return handlers;
    }

    private static HandlerMethod handler(Object bean, String method) throws Exception {
        return new HandlerMethod(bean, bean.getClass().getMethod(method));
    }
}
