package dev.kubefluent.testing.sim;

import static dev.kubefluent.testing.sim.Fixtures.configMap;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapList;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

@DisplayName("SimulatedCluster list pages with limit and continue")
class ListPagingTest extends SharedClusterTest {

    private static List<String> names(ConfigMapList list) {
        return list.getItems().stream().map(c -> c.getMetadata().getName()).toList();
    }

    private static ConfigMapList page(NonNamespaceOperation<ConfigMap, ConfigMapList, Resource<ConfigMap>> cms,
            String token) {
        return cms.list(new ListOptionsBuilder().withLimit(2L).withContinue(token).build());
    }

    private static void createAll(NonNamespaceOperation<ConfigMap, ConfigMapList, Resource<ConfigMap>> cms,
            String... names) {
        for (String n : names) {
            cms.resource(configMap(n, Map.of("k", "v"))).create();
        }
    }

    @Test
    @DisplayName("later pages show the list as of the first page: writes in between neither add, move nor drop items")
    void pages_are_a_consistent_snapshot(TestInfo info) {
        var cms = client.configMaps().inNamespace(ns(info));
        createAll(cms, "a", "b", "c", "d", "e");
        ConfigMapList first = page(cms, null);
        String listRv = first.getMetadata().getResourceVersion();
        assertThat(names(first)).containsExactly("a", "b");
        assertThat(first.getMetadata().getRemainingItemCount()).isEqualTo(3L);
        String dBefore = cms.withName("d").get().getMetadata().getResourceVersion();

        createAll(cms, "bb", "cc");
        cms.withName("d").delete();
        cms.withName("e").edit(c -> {
            c.getData().put("k", "changed");
            return c;
        });
        cms.withName("a").delete();

        ConfigMapList second = page(cms, first.getMetadata().getContinue());
        assertThat(names(second)).containsExactly("c", "d");
        assertThat(second.getMetadata().getResourceVersion()).isEqualTo(listRv);
        assertThat(second.getMetadata().getRemainingItemCount()).isEqualTo(1L);
        assertThat(second.getItems().get(1).getMetadata().getResourceVersion()).isEqualTo(dBefore);
        ConfigMapList third = page(cms, second.getMetadata().getContinue());
        assertThat(names(third)).containsExactly("e");
        assertThat(third.getItems().get(0).getData()).containsEntry("k", "v");
        assertThat(third.getMetadata().getContinue()).isNull();
        assertThat(third.getMetadata().getResourceVersion()).isEqualTo(listRv);

        assertThat(names(cms.list())).containsExactly("b", "bb", "c", "cc", "e");
    }

    @Test
    @DisplayName("a selector filters every page of the snapshot")
    void selectors_apply_to_every_page(TestInfo info) {
        var cms = client.configMaps().inNamespace(ns(info));
        for (String n : List.of("a", "b", "c", "d")) {
            ConfigMap cm = configMap(n, Map.of("k", "v"));
            cm.getMetadata().setLabels(Map.of("keep", n.equals("b") ? "no" : "yes"));
            cms.resource(cm).create();
        }
        var selected = cms.withLabel("keep", "yes");
        ConfigMapList first = selected.list(new ListOptionsBuilder().withLimit(2L).build());
        assertThat(names(first)).containsExactly("a", "c");
        cms.withName("d").edit(c -> {
            c.getMetadata().getLabels().put("keep", "no");
            return c;
        });
        ConfigMapList second = selected.list(new ListOptionsBuilder().withLimit(2L)
                .withContinue(first.getMetadata().getContinue()).build());
        assertThat(names(second)).containsExactly("d");
    }

    @Test
    @DisplayName("a token older than the retained history gets 410 Expired and a token that continues at the current"
            + " state")
    void expired_token(TestInfo info) {
        var cms = client.configMaps().inNamespace(ns(info));
        createAll(cms, "a", "b", "c", "d");
        ConfigMapList first = page(cms, null);
        createAll(cms, "e");
        cluster.compact();
        assertThatThrownBy(() -> page(cms, first.getMetadata().getContinue()))
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(410);
                    assertThat(e.getStatus().getReason()).isEqualTo("Expired");
                    assertThat(e.getStatus().getMessage())
                            .contains("The provided continue parameter is too old to display a consistent list");
                    String inconsistent = e.getStatus().getMetadata().getContinue();
                    assertThat(inconsistent).isNotEmpty();
                    ConfigMapList rest = cms.list(new ListOptionsBuilder().withLimit(10L).withContinue(inconsistent)
                            .build());
                    assertThat(names(rest)).containsExactly("c", "d", "e");
                });
    }

    @Test
    @DisplayName("a token expires once more writes happened than the cluster keeps history for")
    void expires_after_the_history_limit() {
        try (SimulatedCluster small = SimulatedCluster.builder().withoutControllers().watchHistory(3).start()) {
            var cms = small.client().configMaps();
            createAll(cms, "a", "b", "c");
            ConfigMapList first = page(cms, null);
            createAll(cms, "d", "e");
            assertThat(names(page(cms, first.getMetadata().getContinue()))).containsExactly("c");
            createAll(cms, "f", "g");
            assertThatThrownBy(() -> page(cms, first.getMetadata().getContinue()))
                    .isInstanceOfSatisfying(KubernetesClientException.class, e -> {
                        assertThat(e.getCode()).isEqualTo(410);
                        assertThat(e.getStatus().getReason()).isEqualTo("Expired");
                    });
        }
    }

    @Test
    @DisplayName("a malformed continue token is a 400")
    void malformed_token(TestInfo info) {
        var cms = client.configMaps().inNamespace(ns(info));
        assertThatThrownBy(() -> page(cms, "not-a-token"))
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(400);
                    assertThat(e.getStatus().getMessage()).contains("continue key is not valid");
                });
    }
}
