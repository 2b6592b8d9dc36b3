package io.aftercare.console;

import io.aftercare.contracts.LayeringTest;

class ArchitectureTest extends LayeringTest {

    @Override
    protected String basePackage() {
        return "io.aftercare.console";
    }
}
