package org.renda.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.renda.shared.web.ClientAddress;
import org.springframework.mock.web.MockHttpServletRequest;

class ClientAddressTest {

    @Test
    void anIpv4ClientCountsByItsAddressAndAnIpv6OneByItsSlash64() {
        assertThat(ClientAddress.key("203.0.113.7")).isEqualTo("203.0.113.7");
        assertThat(ClientAddress.key("2001:db8:1:2:aaaa::1")).isEqualTo(ClientAddress.key("2001:db8:1:2:ffff::9"))
                .isEqualTo("2001:db8:1:2::/64");
        assertThat(ClientAddress.key("2001:db8:1:3::1")).isNotEqualTo(ClientAddress.key("2001:db8:1:2::1"));
        assertThat(ClientAddress.key(null)).isEqualTo("unknown");
    }

    @Test
    void aForwardedForHeaderIsNotBelievedByItself() {
        var request = new MockHttpServletRequest();
        request.setRemoteAddr("198.51.100.4");
        request.addHeader("X-Forwarded-For", "10.0.0.1");
        assertThat(ClientAddress.of(request)).isEqualTo("198.51.100.4");
    }
}
