package dev.partyline.server.room

import dev.partyline.server.base.AddressAllowance

/**
 * Joins of rooms that do not exist, counted per client address so that room codes cannot be
 * enumerated: each address may fail [perMinute] times in a burst, refilled at [perMinute] a minute,
 * and once it has none left every join by code from it is refused, even of a room that exists
 * (or the refusal itself would tell codes apart). Loopback addresses are exempt unless
 * [limitLoopback]. Owned by [RoomRegistry]'s actor.
 */
internal class FailedJoins(perMinute: Int, limitLoopback: Boolean) {
    private val allowance = AddressAllowance(perMinute / 60.0, perMinute, limitLoopback)

    /** False while [address] has no failures left to spend. */
    fun allowed(address: String, now: Long): Boolean = allowance.hasAny(address, now)

    /** Counts a join by [address] of a code that names no room. */
    fun failed(address: String, now: Long) {
        allowance.spend(address, now)
    }
}
