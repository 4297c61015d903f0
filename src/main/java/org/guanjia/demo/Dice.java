package org.guanjia.demo;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The generator's only source of randomness: a {@link SplittableRandom} whose seed is mixed from
 * the run's seed and a few keys (area, estate, unit, ...). Each area and unit draws from its
 * own stream, so results never depend on processing order, the wall clock or hash order.
 */
final class Dice {

    private final SplittableRandom random;

    Dice(long seed, long... keys) {
        long s = mix(seed);
        for (long k : keys) {
            s = mix(s ^ mix(k + 0x9E3779B97F4A7C15L));
        }
        this.random = new SplittableRandom(s);
    }

    /** A key from a short name, so streams read as {@code new Dice(seed, key("fees"), i)}. */
    static long key(String name) {
        long h = 1125899906842597L;
        for (int i = 0; i < name.length(); i++) {
            h = 31 * h + name.charAt(i);
        }
        return h;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    boolean chance(double p) {
        return random.nextDouble() < p;
    }

    /** Uniform in [lo, hi], both inclusive. */
    int between(int lo, int hi) {
        return lo + random.nextInt(hi - lo + 1);
    }

    double uniform(double lo, double hi) {
        return lo + random.nextDouble() * (hi - lo);
    }

    /** Exponentially distributed with the given mean. */
    double exponential(double mean) {
        return random.nextExponential() * mean;
    }

    /** Log-normal with the given median; sigma is the spread of the underlying normal. */
    double logNormal(double median, double sigma) {
        return median * Math.exp(sigma * random.nextGaussian());
    }

    int poisson(double lambda) {
        if (lambda <= 0) {
            return 0;
        }
        if (lambda > 30) {
            return Math.max(0, (int) Math.round(lambda + Math.sqrt(lambda) * random.nextGaussian()));
        }
        double limit = Math.exp(-lambda);
        double p = random.nextDouble();
        int k = 0;
        while (p > limit) {
            p *= random.nextDouble();
            k++;
        }
        return k;
    }

    <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    <T> T pick(T[] array) {
        return array[random.nextInt(array.length)];
    }

    /** An index drawn with the given (not necessarily normalised) weights. */
    int weighted(double... weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double x = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    /** A score 1-5 around the given mean. */
    int score(double mean) {
        return (int) Math.max(1, Math.min(5, Math.round(mean + 0.8 * random.nextGaussian())));
    }
}
