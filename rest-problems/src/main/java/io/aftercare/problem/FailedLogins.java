package io.aftercare.problem;

import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;

/**
 * Failed sign-ins, counted per account and per source address in token buckets (Bucket4j): each failure takes a
 * token, time puts them back. An account or address whose bucket is empty is refused before its credentials are
 * checked, until a token returns, so guessing costs minutes per handful of tries instead of nothing. Successes take
 * nothing. The buckets live in bounded caches: names made up by an attacker evict each other, and an evicted
 * bucket only means a fresh allowance for that name, still limited by its address.
 */
@ApplicationScoped
public class FailedLogins {

    private static final int REMEMBERED_AT_MOST = 100_000;

    private final Cache<String, Bucket> accounts;
    private final Cache<String, Bucket> addresses;
    private final int perAccount;
    private final int perAddress;
    private final Duration per;

    public FailedLogins(
            @ConfigProperty(name = "aftercare.logins.failures-per-account", defaultValue = "10") int perAccount,
            @ConfigProperty(name = "aftercare.logins.failures-per-address", defaultValue = "30") int perAddress,
            @ConfigProperty(name = "aftercare.logins.per", defaultValue = "1M") Duration per) {
        this.perAccount = perAccount;
        this.perAddress = perAddress;
        this.per = per;
        this.accounts = Caffeine.newBuilder().maximumSize(REMEMBERED_AT_MOST).expireAfterAccess(per.multipliedBy(2))
                .build();
        this.addresses = Caffeine.newBuilder().maximumSize(REMEMBERED_AT_MOST).expireAfterAccess(per.multipliedBy(2))
                .build();
    }

    /** How long a sign-in as {@code account} from {@code address} is refused, if it is. */
    public Optional<Duration> refusedFor(String account, String address) {
        Duration wait = Duration.ZERO;
        for (Bucket bucket : new Bucket[]{bucket(accounts, account), bucket(addresses, address)}) {
            if (bucket != null && bucket.getAvailableTokens() < 1) {
                Duration refill = Duration.ofNanos(bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill());
                wait = refill.compareTo(wait) > 0 ? refill : wait;
            }
        }
        return wait.isZero() ? Optional.empty() : Optional.of(wait);
    }

    public void failed(String account, String address) {
        if (account != null) {
            accounts.get(account, name -> newBucket(perAccount)).tryConsume(1);
        }
        if (address != null) {
            addresses.get(address, name -> newBucket(perAddress)).tryConsume(1);
        }
    }

    private static Bucket bucket(Cache<String, Bucket> buckets, String name) {
        return name == null ? null : buckets.getIfPresent(name);
    }

    private Bucket newBucket(int capacity) {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, per).build())
                .build();
    }
}
