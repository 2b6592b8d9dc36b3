package io.aftercare.console;

import jakarta.inject.Singleton;

import io.aftercare.localstack.testing.MutableClock;

/** The service's clock in tests (it replaces the default system clock bean); tests that move it reset it. */
@Singleton
public class TestClock extends MutableClock {
}
