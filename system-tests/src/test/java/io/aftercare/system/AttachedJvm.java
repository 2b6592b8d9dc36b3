package io.aftercare.system;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;

import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

import com.sun.management.ThreadMXBean;
import com.sun.tools.attach.VirtualMachine;

/**
 * A service's JVM reached through the attach API, as {@code jcmd} reaches it: its own count of the bytes its threads
 * allocated, and a way to load a profiler into it while it runs. Nothing is added to the service's command line, so
 * what is measured is the service as it runs anywhere.
 */
final class AttachedJvm implements AutoCloseable {

    private final long pid;
    private final VirtualMachine vm;
    private final JMXConnector jmx;
    private final ThreadMXBean threads;

    private AttachedJvm(long pid, VirtualMachine vm, JMXConnector jmx, ThreadMXBean threads) {
        this.pid = pid;
        this.vm = vm;
        this.jmx = jmx;
        this.threads = threads;
    }

    static AttachedJvm attach(long pid) throws Exception {
        VirtualMachine vm = VirtualMachine.attach(Long.toString(pid));
        JMXConnector jmx = JMXConnectorFactory.connect(new JMXServiceURL(vm.startLocalManagementAgent()));
        ThreadMXBean threads = ManagementFactory.newPlatformMXBeanProxy(jmx.getMBeanServerConnection(),
                ManagementFactory.THREAD_MXBEAN_NAME, ThreadMXBean.class);
        return new AttachedJvm(pid, vm, jmx, threads);
    }

    long pid() {
        return pid;
    }

    /** Every byte allocated on the heap by every thread since the JVM started, ended threads included. */
    long allocatedBytes() {
        return threads.getTotalThreadAllocatedBytes();
    }

    /** Loads a JVMTI agent (the profiler) into the running JVM with the given options. */
    void loadAgent(Path library, String options) throws Exception {
        vm.loadAgentPath(library.toAbsolutePath().toString(), options);
    }

    @Override
    public void close() throws IOException {
        jmx.close();
        vm.detach();
    }
}
