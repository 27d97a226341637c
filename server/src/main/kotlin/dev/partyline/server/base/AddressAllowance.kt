package dev.partyline.server.base

/**
 * An allowance counted per client IP address: each address may spend [burst] at once, refilled
 * at [perSecond]. Loopback addresses are exempt unless [limitLoopback], so local bots, tests and
 * benchmarks are never throttled; a [burst] of 0 turns the allowance off. An address is
 * forgotten once its allowance is whole again, so the table stays small. Not thread-safe: one
 * actor owns it.
 */
class AddressAllowance(private val perSecond: Double, private val burst: Int, private val limitLoopback: Boolean) {
    private val buckets = HashMap<String, TokenBucket>()

    /** False while [address] has nothing left to spend. */
    fun hasAny(address: String, now: Long): Boolean = buckets[address]?.hasToken(now) ?: true

    /** Spends one from [address]'s allowance; false (and nothing spent) when it had none left. */
    fun spend(address: String, now: Long): Boolean {
        if (!applies(address)) return true
        if (buckets.size >= PRUNE_AT) buckets.values.removeIf { it.isFull(now) }
        return buckets.getOrPut(address) { TokenBucket(perSecond, burst, now) }.tryTake(now)
    }

    /** Whether [address] is counted at all; decided without any lookup, from the numeric address. */
    fun applies(address: String): Boolean = burst > 0 && (limitLoopback || !isLoopback(address))

    private fun isLoopback(address: String) =
        address.startsWith("127.") || address.startsWith("::ffff:127.") || address == "::1" || address == "0:0:0:0:0:0:0:1"

    private companion object {
        const val PRUNE_AT = 10_000
    }
}
