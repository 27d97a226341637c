package dev.partyline.server.room

import dev.partyline.server.session.TokenBucket

/**
 * Joins of rooms that do not exist, counted per client address so that room codes cannot be
 * enumerated: each address may fail [perMinute] times in a burst, refilled at [perMinute] a minute,
 * and once it has none left every join by code from it is refused, even of a room that exists
 * (or the refusal itself would tell codes apart). Loopback addresses are exempt unless
 * [limitLoopback], so local bots and benchmarks are never throttled. Owned by [RoomRegistry]'s
 * actor; an address is forgotten once its allowance is whole again.
 */
internal class FailedJoins(private val perMinute: Int, private val limitLoopback: Boolean) {
    private val buckets = HashMap<String, TokenBucket>()

    /** False while [address] has no failures left to spend. */
    fun allowed(address: String, now: Long): Boolean = buckets[address]?.hasToken(now) ?: true

    /** Counts a join by [address] of a code that names no room. */
    fun failed(address: String, now: Long) {
        if (perMinute <= 0 || (!limitLoopback && isLoopback(address))) return
        if (buckets.size >= PRUNE_AT) buckets.values.removeIf { it.isFull(now) }
        buckets.getOrPut(address) { TokenBucket(perMinute / 60.0, perMinute, now) }.tryTake(now)
    }

    /** From the numeric address alone: a name lookup must never stall the registry's actor. */
    private fun isLoopback(address: String) =
        address.startsWith("127.") || address.startsWith("::ffff:127.") || address == "::1" || address == "0:0:0:0:0:0:0:1"

    private companion object {
        const val PRUNE_AT = 10_000
    }
}
