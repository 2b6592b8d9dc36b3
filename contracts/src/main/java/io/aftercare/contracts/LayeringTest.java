package io.aftercare.contracts;

import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import com.tngtech.archunit.core.domain.JavaClasses;

/** Each service's architecture test: the {@link ArchitectureRules}, one test each, on the service's classes. */
public abstract class LayeringTest {

    /** The package the service's classes live under, e.g. {@code io.aftercare.scheduling}. */
    protected abstract String basePackage();

    @TestFactory
    protected Stream<DynamicTest> layering() {
        JavaClasses classes = ArchitectureRules.classesOf(basePackage());
        return ArchitectureRules.of(basePackage()).stream()
                .map(rule -> DynamicTest.dynamicTest(rule.getDescription(), () -> rule.check(classes)));
    }
}
