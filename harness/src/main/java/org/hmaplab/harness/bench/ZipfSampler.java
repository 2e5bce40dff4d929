package org.hmaplab.harness.bench;

import java.util.SplittableRandom;

/**
 * Draws ranks 0..n-1 with probability proportional to {@code 1 / (rank + 1)^theta}, by the
 * method of Gray et al., "Quickly generating billion-record synthetic databases" (SIGMOD 1994),
 * the one YCSB's ZipfianGenerator uses: one O(n) pass for zeta(n), then O(1) per draw. Used only
 * in benchmark setup, never in a timed loop.
 */
final class ZipfSampler {
    private final int n;
    private final double theta;
    private final double alpha;
    private final double zetan;
    private final double eta;
    private final double halfPowTheta;

    ZipfSampler(int n, double theta) {
        if (n < 1) {
            throw new IllegalArgumentException("Zipf needs at least one rank, got " + n);
        }
        this.n = n;
        this.theta = theta;
        this.zetan = zeta(n, theta);
        double zeta2 = zeta(Math.min(n, 2), theta);
        this.alpha = 1.0 / (1.0 - theta);
        this.eta = n == 1 ? 0 : (1 - Math.pow(2.0 / n, 1 - theta)) / (1 - zeta2 / zetan);
        this.halfPowTheta = 1 + Math.pow(0.5, theta);
    }

    private static double zeta(int n, double theta) {
        double sum = 0;
        for (int i = 1; i <= n; i++) {
            sum += 1.0 / Math.pow(i, theta);
        }
        return sum;
    }

    /** The next rank, 0 being the most popular. */
    int next(SplittableRandom random) {
        double u = random.nextDouble();
        double uz = u * zetan;
        if (uz < 1.0) {
            return 0;
        }
        if (uz < halfPowTheta) {
            return Math.min(1, n - 1);
        }
        int rank = (int) (n * Math.pow(eta * u - eta + 1, alpha));
        return Math.min(rank, n - 1);
    }

    double theta() {
        return theta;
    }
}
