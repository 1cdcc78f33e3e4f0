package dev.kubefluent.core.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffPolicyTest {

    @Test
    void delays_double_up_to_the_cap() {
        BackoffPolicy p = BackoffPolicy.exponential(Duration.ofMillis(100), Duration.ofMillis(500), 6);
        assertThat(p.delayBefore(1)).isEqualTo(Duration.ofMillis(100));
        assertThat(p.delayBefore(2)).isEqualTo(Duration.ofMillis(200));
        assertThat(p.delayBefore(3)).isEqualTo(Duration.ofMillis(400));
        assertThat(p.delayBefore(4)).isEqualTo(Duration.ofMillis(500));
        assertThat(p.delayBefore(60)).isEqualTo(Duration.ofMillis(500));
        assertThat(p.maxRetries()).isEqualTo(6);
        assertThat(BackoffPolicy.none().maxRetries()).isZero();
        assertThat(BackoffPolicy.defaults().toString())
                .isEqualTo("exponential backoff from PT0.1S to PT5S, at most 10 retries");
    }

    @Test
    void bad_arguments_are_refused_with_the_value() {
        assertThatThrownBy(() -> BackoffPolicy.exponential(Duration.ofSeconds(2), Duration.ofSeconds(1), 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("max must not be smaller than initial (PT2S) but was: PT1S");
        assertThatThrownBy(() -> BackoffPolicy.exponential(Duration.ofSeconds(1), Duration.ofSeconds(1), -1))
                .hasMessage("maxRetries must not be negative but was: -1");
        assertThatThrownBy(() -> BackoffPolicy.defaults().delayBefore(0)).hasMessage("retry must be at least 1 but was: 0");
    }
}
