package dev.kubefluent.core.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubefluent.core.ResourceRef;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A result built by hand, for tests of code that handles results. */
class RolloutResultBuilderTest {

    @Test
    void builds_a_result_with_what_was_set() {
        ResourceRef old = ResourceRef.of("ConfigMap", "shop", "old");

        RolloutResult result = RolloutResult.builder(RolloutStatus.ROLLED_BACK, "shop")
                .message("ImagePullBackOff")
                .revision(3)
                .pruned(List.of(old))
                .build();

        assertThat(result.status()).isEqualTo(RolloutStatus.ROLLED_BACK);
        assertThat(result.release()).isEqualTo("shop");
        assertThat(result.message()).isEqualTo("ImagePullBackOff");
        assertThat(result.revision()).isEqualTo(3);
        assertThat(result.pruned()).containsExactly(old);
        assertThat(result.applied()).isEmpty();
        assertThat(result.problems()).isEmpty();
        assertThat(result.isSucceeded()).isFalse();
        assertThat(result).hasToString("ROLLED_BACK (release shop, revision 3): ImagePullBackOff");
    }

    @Test
    void defaults_to_an_empty_message_and_revision_zero() {
        RolloutResult result = RolloutResult.builder(RolloutStatus.SUCCEEDED, "shop").build();

        assertThat(result.message()).isEmpty();
        assertThat(result.revision()).isZero();
        assertThat(result.isSucceeded()).isTrue();
    }

    @Test
    void refuses_bad_input_naming_it() {
        assertThatThrownBy(() -> RolloutResult.builder(null, "shop"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("status must not be null");
        assertThatThrownBy(() -> RolloutResult.builder(RolloutStatus.FAILED, " "))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("release must not be blank but was: \" \"");
        RolloutResult.Builder builder = RolloutResult.builder(RolloutStatus.FAILED, "shop");
        assertThatThrownBy(() -> builder.revision(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("revision must be 0 or more but was: -1");
        assertThatThrownBy(() -> builder.message(null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("message must not be null");
        assertThatThrownBy(() -> builder.pruned(Arrays.asList(ResourceRef.of("ConfigMap", "shop", "a"), null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("pruned[1] must not be null");
        assertThatThrownBy(() -> builder.problems(null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("problems must not be null");
    }

    @Test
    void the_built_result_does_not_change_with_the_lists_given() {
        List<ResourceRef> pruned = new ArrayList<>(List.of(ResourceRef.of("ConfigMap", "shop", "a")));
        RolloutResult result = RolloutResult.builder(RolloutStatus.SUCCEEDED, "shop").pruned(pruned).build();

        pruned.clear();

        assertThat(result.pruned()).hasSize(1);
    }
}
