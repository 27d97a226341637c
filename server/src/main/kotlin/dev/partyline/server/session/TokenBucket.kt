package dev.partyline.server.session

/** A token bucket: [ratePerSecond] tokens refill continuously up to [burst]; one message takes one. */
class TokenBucket(private val ratePerSecond: Double, private val burst: Int, now: Long) {
    private var tokens = burst.toDouble()
    private var last = now

    fun tryTake(now: Long): Boolean {
        if (now > last) {
            tokens = minOf(burst.toDouble(), tokens + (now - last) * ratePerSecond / 1000.0)
            last = now
        }
        if (tokens < 1.0) return false
        tokens -= 1.0
        return true
    }
}
