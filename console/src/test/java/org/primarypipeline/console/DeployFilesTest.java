package org.primarypipeline.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.primarypipeline.console.cli.CommandLineEntry;
import org.primarypipeline.console.config.TemporalProperties;
import org.primarypipeline.integrations.outreach.OutreachProperties;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.yaml.snakeyaml.Yaml;

/**
 * No container engine runs here, so the files in deploy/ are checked against the app's real
 * configuration instead: every variable they set binds to a setting the app reads (through Spring's
 * own relaxed binding), the settings a cluster must give are given, and ports, health paths, roles and
 * image names agree everywhere.
 */
class DeployFilesTest {

    private static final Path DEPLOY = Path.of("..", "deploy");
    private static final String IMAGE = "primary-pipeline:0.1.0";

    @Test
    void composeGivesEveryRoleAClusterConfigurationTheAppUnderstands() throws IOException {
        Map<String, Object> compose = yaml(DEPLOY.resolve("compose.yaml")).get(0);
        Map<String, Object> services = map(compose.get("services"));
        for (String role : CommandLineEntry.ROLES) {
            Map<String, Object> service = map(services.get(role));
            assertThat(service.get("image")).as(role).isEqualTo(IMAGE);
            assertThat(list(service.get("command"))).as(role).containsExactly(role);
            Map<String, String> env = strings(map(service.get("environment")));
            understood(env);
            assertThat(String.valueOf(map(service.get("healthcheck")).get("test")))
                    .contains("127.0.0.1:" + defaultPort() + "/actuator/health/readiness");
        }
        assertThat(services).containsKeys("postgres", "temporal", "temporal-ui", "mailcatcher");
        // Temporal's frontend and UI have no authentication: published to this host only, if at all
        for (String temporal : List.of("temporal", "temporal-ui")) {
            Object ports = map(services.get(temporal)).get("ports");
            if (ports != null) {
                assertThat(list(ports))
                        .as(temporal)
                        .allMatch(p -> String.valueOf(p).startsWith("127.0.0.1:"));
            }
        }
        // a batch worker reads an import's file at the path the console started it with
        assertThat(list(map(services.get("batch-worker")).get("volumes")))
                .isEqualTo(list(map(services.get("serve")).get("volumes")))
                .contains("imports:/imports");
        assertThat(map(compose.get("volumes"))).containsKey("imports");
    }

    @Test
    void kubernetesConsoleAndBatchWorkersMountTheImportsClaimAtOnePath() throws IOException {
        Map<String, String> mounts = new HashMap<>();
        List<String> claims = new ArrayList<>();
        try (Stream<Path> files = Files.list(DEPLOY.resolve("k8s"))) {
            for (Path file : files.sorted().toList()) {
                for (Map<String, Object> doc : yaml(file)) {
                    if ("PersistentVolumeClaim".equals(doc.get("kind"))) {
                        claims.add((String) map(doc.get("metadata")).get("name"));
                        assertThat(String.valueOf(map(doc.get("spec")).get("accessModes")))
                                .contains("ReadWriteMany");
                    }
                    if (!"Deployment".equals(doc.get("kind"))) {
                        continue;
                    }
                    Map<String, Object> pod =
                            map(map(map(doc.get("spec")).get("template")).get("spec"));
                    Map<String, Object> container =
                            map(list(pod.get("containers")).get(0));
                    String role = (String) list(container.get("args")).get(0);
                    if (container.get("volumeMounts") == null) {
                        continue;
                    }
                    Map<String, Object> mount =
                            map(list(container.get("volumeMounts")).get(0));
                    Map<String, Object> volume = map(list(pod.get("volumes")).get(0));
                    assertThat(volume.get("name")).isEqualTo(mount.get("name"));
                    mounts.put(
                            role,
                            mount.get("mountPath") + " <- "
                                    + map(volume.get("persistentVolumeClaim")).get("claimName"));
                }
            }
        }
        assertThat(mounts).containsOnlyKeys("serve", "batch-worker");
        assertThat(mounts.get("batch-worker")).isEqualTo(mounts.get("serve")).isEqualTo("/imports <- pp-imports");
        assertThat(claims).contains("pp-imports");
    }

    @Test
    void kubernetesDeploymentsProbeTheAppsHealthAndReadTheSharedSettings() throws IOException {
        Map<String, String> env = new HashMap<>();
        for (Map<String, Object> doc : yaml(DEPLOY.resolve("k8s").resolve("config.yaml"))) {
            env.putAll(strings(map(doc.getOrDefault("data", doc.get("stringData")))));
        }
        understood(env);
        List<String> roles = new ArrayList<>();
        try (Stream<Path> files = Files.list(DEPLOY.resolve("k8s"))) {
            for (Path file : files.sorted().toList()) {
                for (Map<String, Object> doc : yaml(file)) {
                    if (!"Deployment".equals(doc.get("kind"))) {
                        continue;
                    }
                    Map<String, Object> container = map(
                            list(map(map(map(doc.get("spec")).get("template")).get("spec"))
                                            .get("containers"))
                                    .get(0));
                    assertThat(container.get("image")).isEqualTo(IMAGE);
                    String role = (String) list(container.get("args")).get(0);
                    roles.add(role);
                    Object port = map(list(container.get("ports")).get(0)).get("containerPort");
                    assertThat(port).isEqualTo(defaultPort());
                    assertThat(path(container, "livenessProbe")).isEqualTo("/actuator/health/liveness");
                    assertThat(path(container, "readinessProbe")).isEqualTo("/actuator/health/readiness");
                    assertThat(String.valueOf(container.get("envFrom"))).contains("primary-pipeline");
                }
            }
        }
        assertThat(roles).containsExactlyInAnyOrderElementsOf(CommandLineEntry.ROLES);
    }

    @Test
    void theImageRunsAsNonRootWithAHealthCheckOnTheAppsPort() throws IOException {
        String dockerfile = Files.readString(DEPLOY.resolve("Dockerfile"));
        assertThat(dockerfile)
                .contains(
                        "FROM maven:", " AS build", "FROM eclipse-temurin:17-jre", "USER pp", "EXPOSE " + defaultPort())
                .contains("http://127.0.0.1:" + defaultPort() + "/actuator/health/liveness")
                .contains("-t " + IMAGE);
        Properties app = applicationProperties();
        assertThat(app.getProperty("management.endpoint.health.probes.enabled")).isEqualTo("true");
    }

    /** Every variable binds to a real setting with the value given; the cluster ones are present. */
    private static void understood(Map<String, String> env) {
        StandardEnvironment environment = new StandardEnvironment();
        MutablePropertySources sources = environment.getPropertySources();
        sources.remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        sources.remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        // named like the real one: Spring maps PP_X_Y to pp.x.y only for a source of that name
        sources.addFirst(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new LinkedHashMap<>(env)));
        ConfigurationPropertySources.attach(environment);
        Binder binder = Binder.get(environment);

        DataSourceProperties db =
                binder.bind("spring.datasource", DataSourceProperties.class).get();
        TemporalProperties temporal =
                binder.bind("pp.temporal", TemporalProperties.class).get();
        OutreachProperties outreach =
                binder.bind("pp.outreach", OutreachProperties.class).orElseGet(OutreachProperties::new);

        Map<String, Object> read = new LinkedHashMap<>();
        read.put("SPRING_DATASOURCE_URL", db.getUrl());
        read.put("SPRING_DATASOURCE_USERNAME", db.getUsername());
        read.put("SPRING_DATASOURCE_PASSWORD", db.getPassword());
        read.put("PP_TEMPORAL_TARGET", temporal.target());
        read.put("PP_TEMPORAL_NAMESPACE", temporal.namespace());
        read.put("PP_TEMPORAL_WORKFLOWTASKSLOTS", Integer.toString(temporal.workflowTaskSlots()));
        read.put("PP_TEMPORAL_ACTIVITYSLOTS", Integer.toString(temporal.activitySlots()));
        read.put("PP_OUTREACH_EMAIL_HOST", outreach.getEmail().getHost());
        read.put("PP_OUTREACH_EMAIL_PORT", Integer.toString(outreach.getEmail().getPort()));
        read.put(
                "PP_OUTREACH_SMS_TWILIO_ACCOUNTSID",
                outreach.getSms().getTwilio().getAccountSid());
        read.put(
                "PP_OUTREACH_SMS_TWILIO_AUTHTOKEN",
                outreach.getSms().getTwilio().getAuthToken());
        // read with @Value in the app; the same placeholders resolve them here
        read.put("PP_PUBLIC_BASE_URL", environment.resolvePlaceholders("${pp.public-base-url:}"));
        read.put("PP_STRIPE_SECRET_KEY", environment.resolvePlaceholders("${pp.stripe.secret-key:}"));
        read.put("PP_STRIPE_WEBHOOK_SECRET", environment.resolvePlaceholders("${pp.stripe.webhook-secret:}"));
        read.put("PP_BATCH_PARTITIONING", environment.resolvePlaceholders("${pp.batch.partitioning:local}"));
        read.put("PP_BATCH_GRID_SIZE", environment.resolvePlaceholders("${pp.batch.grid-size:4}"));
        read.put("PP_PRODUCTION", environment.resolvePlaceholders("${pp.production:false}"));
        read.put("PP_SECURITY_TRUSTEDPROXIES", environment.resolvePlaceholders("${pp.security.trusted-proxies:}"));

        assertThat(read.keySet())
                .as("variables the deploy files set that the app never reads")
                .containsAll(env.keySet());
        env.forEach((name, value) ->
                assertThat(String.valueOf(read.get(name))).as(name).isEqualTo(value));
        assertThat(temporal.embedded())
                .as("a cluster must name its Temporal frontend")
                .isFalse();
        assertThat(db.getUrl()).as("a cluster must name its PostgreSQL").startsWith("jdbc:postgresql://");
        assertThat(environment.resolvePlaceholders("${pp.batch.partitioning:local}"))
                .as("a cluster sends partitions to its batch workers")
                .isEqualTo("remote");
    }

    private static int defaultPort() {
        String port = applicationProperties().getProperty("server.port");
        return Integer.parseInt(port.replaceAll("\\$\\{[A-Z_]+:(\\d+)}", "$1"));
    }

    private static Properties applicationProperties() {
        Properties properties = new Properties();
        try (InputStream in = DeployFilesTest.class.getResourceAsStream("/application.properties")) {
            properties.load(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return properties;
    }

    private static String path(Map<String, Object> container, String probe) {
        return (String) map(map(container.get(probe)).get("httpGet")).get("path");
    }

    private static List<Map<String, Object>> yaml(Path file) throws IOException {
        List<Map<String, Object>> docs = new ArrayList<>();
        for (Object doc : new Yaml().loadAll(Files.readString(file))) {
            if (doc != null) {
                docs.add(map(doc));
            }
        }
        return docs;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value == null ? Map.of() : (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        return (List<Object>) value;
    }

    /** Values as the container sees them: Compose's {@code ${VAR:-default}} gives its default here. */
    private static Map<String, String> strings(Map<String, Object> values) {
        Map<String, String> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, String.valueOf(v).replaceAll("\\$\\{[A-Z_]+:-([^}]*)}", "$1")));
        return out;
    }
}
