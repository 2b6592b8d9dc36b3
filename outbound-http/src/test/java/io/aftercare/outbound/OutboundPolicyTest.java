package io.aftercare.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OutboundPolicyTest {

    private final OutboundPolicy production = new OutboundPolicy(false, false);
    private final OutboundPolicy local = new OutboundPolicy(true, true);

    @ParameterizedTest
    @ValueSource(strings = {"https://127.0.0.1/hook", "https://127.0.0.1:8083/hook", "https://[::1]/hook",
            "https://0.0.0.0/", "https://[::]/", "https://169.254.169.254/latest/meta-data/", "https://10.0.0.5/",
            "https://172.20.1.1/", "https://192.168.0.1/", "https://100.64.1.1/", "https://[fe80::1]/",
            "https://[fd00::1]/", "https://224.0.0.251/", "https://[ff02::1]/", "https://[::ffff:127.0.0.1]/",
            "https://[::ffff:7f00:1]/", "https://[::ffff:169.254.169.254]/", "https://2130706433/",
            "https://0x7f000001/", "https://0177.0.0.1/", "https://0x7f.0.0.1/", "https://127.1/",
            "https://017700000001/", "https://localhost/", "https://LOCALHOST/"})
    void internalAddressesInEveryFormAreRefused(String url) {
        assertThat(production.refusal(url)).as(url).isPresent();
    }

    @Test
    void aNameThatResolvesToLoopbackIsRefusedUnlessLoopbackIsAllowed() throws Exception {
        assertThat(production.refusal("https://localhost:8443/hook"))
                .contains("must not name a host that resolves to a loopback address");
        assertThat(local.refusal("http://localhost:8443/hook")).isEmpty();
        assertThat(local.addresses("localhost")).allSatisfy(a -> assertThat(a.isLoopbackAddress()).isTrue());
    }

    @Test
    void allowingLoopbackAllowsNothingElseInternal() {
        assertThat(local.refusal("http://127.0.0.1:9000/")).isEmpty();
        assertThat(local.refusal("http://169.254.169.254/")).contains("must not be a link-local address");
        assertThat(local.refusal("http://10.1.2.3/")).contains("must not be a private address");
        assertThat(local.refusal("http://0x7f000001/")).get().asString().contains("four decimal numbers");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://hooks.clinic.example/x", "ftp://hooks.clinic.example/", "file:///etc/passwd",
            "gopher://hooks.clinic.example/"})
    void onlyHttpsInProduction(String url) {
        assertThat(production.refusal(url)).contains("must be an https URL");
    }

    @Test
    void aPublicHttpsUrlAndANameThatDoesNotResolveYetAreAccepted() {
        assertThat(production.refusal("https://8.8.8.8/hooks")).isEmpty();
        assertThat(production.refusal("https://[2606:4700:4700::1111]/hooks")).isEmpty();
        assertThat(production.refusal("https://hooks.clinic.example/aftercare")).isEmpty();
    }

    @Test
    void credentialsInTheUrlAreRefused() {
        assertThat(production.refusal("https://user:pw@hooks.clinic.example/")).get().asString()
                .contains("user name or password");
    }
}
