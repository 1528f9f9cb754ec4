package org.primarypipeline.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where client commands look for the app: PP_URL, else the data directory's port file, else PP_PORT or 8080. */
class AppAddressTest {

    @TempDir
    Path data;

    private ClientContext context(Map<String, String> env) {
        return new ClientContext(env, data, new ByteArrayInputStream(new byte[0]));
    }

    @Test
    void ppUrlFirstThenThePortFileThenThePort() throws Exception {
        assertThat(AppAddress.of(context(Map.of()))).isEqualTo("http://127.0.0.1:8080");
        assertThat(AppAddress.of(context(Map.of("PP_PORT", "9090")))).isEqualTo("http://127.0.0.1:9090");

        Files.writeString(data.resolve("http.port"), "18080\n");
        assertThat(AppAddress.of(context(Map.of("PP_PORT", "9090")))).isEqualTo("http://127.0.0.1:18080");

        assertThat(AppAddress.of(context(Map.of("PP_URL", "https://pp.example.org/"))))
                .isEqualTo("https://pp.example.org");
    }

    @Test
    void theTokenInTheEnvironmentWinsOverTheStoredOne() throws Exception {
        TokenFile stored = new TokenFile(
                context(Map.of("XDG_CONFIG_HOME", data.resolve("config").toString())));
        stored.store("pp_stored");
        assertThat(stored.path())
                .isEqualTo(data.resolve("config").resolve("primary-pipeline").resolve("token"));
        assertThat(stored.token()).contains("pp_stored");

        TokenFile scripted = new TokenFile(
                context(Map.of("XDG_CONFIG_HOME", data.resolve("config").toString(), "PP_TOKEN", "pp_from_env")));
        assertThat(scripted.token()).contains("pp_from_env");
        assertThat(new TokenFile(context(Map.of("HOME", data.toString()))).path())
                .isEqualTo(data.resolve(".config").resolve("primary-pipeline").resolve("token"));
    }
}
