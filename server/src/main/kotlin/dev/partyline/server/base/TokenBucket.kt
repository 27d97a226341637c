package dev.partyline.server.base

/** A token bucket: [ratePerSecond] tokens refill continuously up to [burst]; one message takes one. */
class TokenBucket(private val ratePerSecond: Double, private val burst: Int, now: Long) {
    private var tokens = burst.toDouble()
    private var last = now

    fun tryTake(now: Long): Boolean {
        if (!hasToken(now)) return false
        tokens -= 1.0
        return true
    }

    /** True when a take at [now] would succeed; takes nothing. */
    fun hasToken(now: Long): Boolean {
        refill(now)
        return tokens >= 1.0
    }

    /** True when the bucket has refilled to its burst by [now]. */
    fun isFull(now: Long): Boolean {
        refill(now)
        return tokens >= burst
    }

    private fun refill(now: Long) {
        if (now > last) {
            tokens = minOf(burst.toDouble(), tokens + (now - last) * ratePerSecond / 1000.0)
            last = now
        }
    }
}
