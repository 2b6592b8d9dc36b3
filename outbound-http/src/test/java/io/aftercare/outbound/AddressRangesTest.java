package io.aftercare.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AddressRangesTest {

    @ParameterizedTest
    @CsvSource({
            "127.0.0.1, LOOPBACK", "127.255.255.254, LOOPBACK", "::1, LOOPBACK",
            "0.0.0.0, UNSPECIFIED", "0.1.2.3, UNSPECIFIED", "::, UNSPECIFIED",
            "10.0.0.1, PRIVATE", "172.16.0.1, PRIVATE", "172.31.255.255, PRIVATE", "192.168.1.1, PRIVATE",
            "100.64.0.1, SHARED", "100.127.255.255, SHARED",
            "169.254.169.254, LINK_LOCAL", "fe80::1, LINK_LOCAL", "febf::1, LINK_LOCAL",
            "fc00::1, UNIQUE_LOCAL", "fd12:3456::1, UNIQUE_LOCAL",
            "224.0.0.1, MULTICAST", "239.255.255.250, MULTICAST", "ff02::1, MULTICAST",
            "255.255.255.255, RESERVED", "240.0.0.1, RESERVED", "198.18.0.1, RESERVED", "192.0.0.8, RESERVED",
            "::ffff:127.0.0.1, LOOPBACK", "::ffff:169.254.169.254, LINK_LOCAL", "::ffff:10.1.2.3, PRIVATE",
            "64:ff9b::a9fe:a9fe, LINK_LOCAL", "2002:7f00:1::1, LOOPBACK", "::127.0.0.1, LOOPBACK"})
    void internalAddressesAreNamed(String address, AddressRanges.Kind kind) throws UnknownHostException {
        assertThat(AddressRanges.internal(InetAddress.getByName(address))).contains(kind);
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "1.1.1.1", "172.15.255.255", "172.32.0.1", "100.63.255.255", "100.128.0.1",
            "169.253.1.1", "192.169.0.1", "223.255.255.255", "2606:4700:4700::1111", "2a00:1450:4001::200e",
            "::ffff:8.8.8.8", "2002:0808:0808::1"})
    void publicAddressesAreNot(String address) throws UnknownHostException {
        assertThat(AddressRanges.internal(InetAddress.getByName(address))).isEmpty();
    }

    /** The JDK turns a parsed ::ffff:a.b.c.d into an IPv4 address; one built from its 16 bytes stays IPv6. */
    @ParameterizedTest
    @CsvSource({"127.0.0.1, LOOPBACK", "169.254.169.254, LINK_LOCAL", "192.168.0.10, PRIVATE"})
    void anIpv4MappedIpv6AddressIsJudgedByItsIpv4Address(String ipv4, AddressRanges.Kind kind)
            throws UnknownHostException {
        byte[] v4 = InetAddress.getByName(ipv4).getAddress();
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        System.arraycopy(v4, 0, mapped, 12, 4);
        InetAddress address = Inet6Address.getByAddress(null, mapped, -1);

        assertThat(address).isInstanceOf(Inet6Address.class);
        assertThat(AddressRanges.internal(address)).isEqualTo(Optional.of(kind));
    }
}
