package org.primarypipeline.console.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Status;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Before the start-up data is in, readiness is out of service and a request waits for it. */
class StartupGateTest {

    @Test
    void readinessWaitsForTheDistrictPlan() {
        StartupData data = new StartupData();
        assertThat(data.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
        data.markLoaded();
        assertThat(data.health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void aRequestDuringLoadingWaitsAndThenGoesThrough() throws Exception {
        StartupData data = new StartupData();
        StartupGate gate = new StartupGate(data, Duration.ofSeconds(20));
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        CompletableFuture<Void> join = CompletableFuture.runAsync(() -> {
            try {
                gate.doFilter(new MockHttpServletRequest("POST", "/api/districts/VT-01/members"), response, chain);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(300);
        assertThat(join).as("still waiting for the plan").isNotDone();
        data.markLoaded();
        join.get(10, TimeUnit.SECONDS);
        assertThat(chain.getRequest()).as("passed on once loaded").isNotNull();
    }

    @Test
    void pastItsPatienceARequestGetsA503WithASentence() throws Exception {
        StartupGate gate = new StartupGate(new StartupData(), Duration.ofMillis(50));
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        gate.doFilter(new MockHttpServletRequest("GET", "/"), response, chain);
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getContentAsString()).contains("still starting");
        assertThat(chain.getRequest()).isNull();
    }

    @Test
    void healthProbesAnswerAtOnce() throws Exception {
        StartupGate gate = new StartupGate(new StartupData(), Duration.ofSeconds(30));
        MockFilterChain chain = new MockFilterChain();
        gate.doFilter(
                new MockHttpServletRequest("GET", "/actuator/health/readiness"), new MockHttpServletResponse(), chain);
        assertThat(chain.getRequest()).isNotNull();
    }
}
