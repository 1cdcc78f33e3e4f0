package dev.kubefluent.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The CIDR parsing and containment of {@code ValidateIPBlock}, with strict IP validation off (its default). */
class CidrTest {

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.0/8", "010.000.000.005/8", "10.0.0.5/08", "0.0.0.0/0", "255.255.255.255/32",
            "2001:db8::/32", "::/0", "::1/128", "fe80::abc/64", "FE80:0:0:0:0:0:0:0abc/64", "::ffff:10.0.0.0/104",
            "1:2:3:4:5:6:1.2.3.4/96"})
    void accepts_what_the_api_server_accepts(String text) {
        assertThat(Cidr.parse(text)).as(text).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.0", "10.0.0.0/33", "10.0.0/8", "10.0.0.256/8", "10.0.0.0/+8", "10.0.0.0/-1",
            "10.0.0.0/", "10.0.0.0/8/8", "2001:db8::/129", "2001:db8:::/32", "1::2::3/64", "12345::/16",
            "1:2:3:4:5:6:7:1.2.3.4/96", "::ffff:10.0.0/104", "host.example/24", "", "/8"})
    void rejects_what_the_api_server_rejects(String text) {
        assertThat(Cidr.parse(text)).as(text).isNull();
    }

    @ParameterizedTest(name = "{0} except {1}: {2}")
    @CsvSource({
            "10.0.0.0/8, 10.1.0.0/16, true",
            "10.0.0.5/8, 10.255.255.255/32, true",
            "10.0.0.0/8, 10.0.0.0/8, false",
            "10.0.0.0/16, 10.0.0.0/8, false",
            "10.0.0.0/8, 11.0.0.0/16, false",
            "2001:db8::/32, 2001:db8:1::/48, true",
            "2001:db8::/32, 2001:db9::/48, false",
            "10.0.0.0/8, ::ffff:10.1.0.0/112, true",
            "::ffff:10.0.0.0/104, 10.1.0.0/16, false",
            "::ffff:10.0.0.0/104, ::ffff:10.1.0.0/112, true",
            "2001:db8::/32, 10.1.0.0/16, false",
            "0.0.0.0/0, 2001:db8::/32, false",
    })
    void except_must_be_a_strict_subset_of_the_same_family(String cidr, String except, boolean inside) {
        assertThat(Cidr.parse(cidr).contains(Cidr.parse(except))).isEqualTo(inside);
    }
}
