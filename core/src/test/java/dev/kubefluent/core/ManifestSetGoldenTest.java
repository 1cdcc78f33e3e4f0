package dev.kubefluent.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The Deployment and Service, rendered byte for byte as the golden file says. */
class ManifestSetGoldenTest {

    static String resource(String name) throws IOException {
        try (InputStream in = ManifestSetGoldenTest.class.getResourceAsStream("/render/" + name)) {
            assertThat(in).as("test resource /render/%s", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void renders_deployment_and_service_exactly_as_the_golden_file() throws IOException {
        String yaml = ManifestSet.of(TestManifests.web(), TestManifests.webService()).toYaml();

        assertThat(yaml).isEqualTo(resource("web-golden.yaml"));
    }
}
