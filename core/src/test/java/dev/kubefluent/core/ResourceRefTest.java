package dev.kubefluent.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import org.junit.jupiter.api.Test;

class ResourceRefTest {

    @Test
    void house_form_names_kind_and_name() {
        var ref = ResourceRef.of(new ConfigMapBuilder().withNewMetadata().withName("cfg").withNamespace("shop")
                .endMetadata().build());
        assertThat(ref).hasToString("ConfigMap \"cfg\"");
        assertThat(ref.qualifiedName()).isEqualTo("shop/cfg");
    }

    @Test
    void blank_kind_is_rejected_with_the_value() {
        assertThatThrownBy(() -> ResourceRef.of(" ", "ns", "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("kind must not be blank but was: \" \"");
    }
}
