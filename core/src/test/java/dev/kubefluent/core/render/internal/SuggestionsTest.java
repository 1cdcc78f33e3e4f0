package dev.kubefluent.core.render.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {

    private static final List<String> POD_SPEC = List.of("containers", "initContainers", "volumes", "nodeName",
            "nodeSelector", "hostNetwork", "restartPolicy");

    @Test
    void suggests_the_closest_name_for_swaps_typos_and_case() {
        assertThat(Suggestions.closest("contianers", POD_SPEC)).isEqualTo("containers");
        assertThat(Suggestions.closest("container", POD_SPEC)).isEqualTo("containers");
        assertThat(Suggestions.closest("Containers", POD_SPEC)).isEqualTo("containers");
        assertThat(Suggestions.closest("volumez", POD_SPEC)).isEqualTo("volumes");
        assertThat(Suggestions.closest("nodeSelectr", POD_SPEC)).isEqualTo("nodeSelector");
    }

    @Test
    void suggests_nothing_when_no_name_is_close() {
        assertThat(Suggestions.closest("colour", POD_SPEC)).isNull();
        assertThat(Suggestions.closest("x", POD_SPEC)).isNull();
    }

    @Test
    void breaks_ties_alphabetically() {
        assertThat(Suggestions.closest("nodeNam", List.of("nodeNamf", "nodeName"))).isEqualTo("nodeName");
        assertThat(Suggestions.closest("cat", List.of("cut", "bat"))).isEqualTo("bat");
    }

    @Test
    void measures_optimal_string_alignment_distance() {
        assertThat(Suggestions.distance("contianers", "containers")).isEqualTo(1);
        assertThat(Suggestions.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(Suggestions.distance("", "abc")).isEqualTo(3);
        assertThat(Suggestions.distance("same", "same")).isZero();
    }
}
