package io.aftercare.notification;

import io.aftercare.contracts.LayeringTest;

class ArchitectureTest extends LayeringTest {

    @Override
    protected String basePackage() {
        return "io.aftercare.notification";
    }
}
