package io.aftercare.contracts.sample.jobs;

/** Misplaced: a job in a package of its own, which is no role. */
public class Compaction {

    public void run() {
    }
}
