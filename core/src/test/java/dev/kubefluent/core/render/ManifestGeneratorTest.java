package dev.kubefluent.core.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubefluent.core.KubefluentException;
import dev.kubefluent.core.ManifestSet;
import dev.kubefluent.core.ManifestSource;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestGeneratorTest {

    @TempDir
    Path dir;

    public static final class Good implements ManifestSource {
        @Override
        public String name() {
            return "good";
        }

        @Override
        public ManifestSet manifests() {
            return ManifestSet.of(new ConfigMapBuilder().withNewMetadata().withName("cfg").withNamespace("shop")
                    .endMetadata().addToData("LOG_LEVEL", "info").build());
        }
    }

    static final class Bad implements ManifestSource {
        @Override
        public String name() {
            return "bad";
        }

        @Override
        public ManifestSet manifests() {
            return ManifestSet.of(new ConfigMapBuilder().withNewMetadata().withName("Bad_Name").withNamespace("shop")
                    .endMetadata().build());
        }
    }

    @Test
    void writes_one_yaml_file_per_source() throws Exception {
        List<Path> written = ManifestGenerator.generate(dir, List.of(new Good()));

        assertThat(written).containsExactly(dir.resolve("good.yaml"));
        assertThat(Files.readString(dir.resolve("good.yaml"))).isEqualTo(new Good().manifests().toYaml());
    }

    @Test
    void an_invalid_set_fails_with_the_validators_message_and_is_not_written() {
        assertThatThrownBy(() -> ManifestGenerator.generate(dir, List.of(new Good(), new Bad())))
                .isInstanceOf(KubefluentException.class)
                .hasMessageStartingWith("invalid manifests:\nbad.yaml was not written: ")
                .hasMessageContaining("ConfigMap \"Bad_Name\": metadata.name");
        assertThat(dir.resolve("bad.yaml")).doesNotExist();
        assertThat(dir.resolve("good.yaml")).exists();
    }

    @Test
    void a_source_name_must_be_a_dns_label() {
        ManifestSource source = new ManifestSource() {
            @Override
            public String name() {
                return "Shop Prod";
            }

            @Override
            public ManifestSet manifests() {
                return ManifestSet.empty();
            }
        };
        assertThatThrownBy(() -> ManifestGenerator.generate(dir, List.of(source)))
                .isInstanceOf(KubefluentException.class)
                .hasMessageEndingWith("name() must be a DNS-1123 label (lower-case letters, digits and '-')"
                        + " but was: \"Shop Prod\"");
    }

    @Test
    void main_instantiates_sources_by_class_name_and_honours_output() {
        ManifestGenerator.main(new String[] {"--output", dir.toString(), Good.class.getName()});

        assertThat(dir.resolve("good.yaml")).exists();
    }

    @Test
    void main_explains_unusable_classes() {
        assertThatThrownBy(() -> ManifestGenerator.main(new String[] {"com.example.Missing"}))
                .hasMessage("ManifestSource class not found: com.example.Missing");
        assertThatThrownBy(() -> ManifestGenerator.main(new String[] {String.class.getName()}))
                .hasMessage("java.lang.String does not implement dev.kubefluent.core.ManifestSource");
        assertThatThrownBy(() -> ManifestGenerator.main(new String[] {"--output", dir.toString()}))
                .hasMessageStartingWith("no ManifestSource given");
    }
}
