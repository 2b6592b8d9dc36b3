package io.aftercare.notification.service;

import java.util.function.IntUnaryOperator;

import io.quarkus.narayana.jta.QuarkusTransaction;

/** Deletes in small batches, each its own short transaction, until a batch comes back short. */
final class BatchDeletes {

    private BatchDeletes() {
    }

    /**
     * @param deleteBatch deletes at most the given number of rows and says how many it deleted
     * @return how many were deleted in all
     */
    static int inBatches(int batchSize, IntUnaryOperator deleteBatch) {
        int total = 0;
        int deleted;
        do {
            deleted = QuarkusTransaction.requiringNew().call(() -> deleteBatch.applyAsInt(batchSize));
            total += deleted;
        } while (deleted == batchSize);
        return total;
    }
}
