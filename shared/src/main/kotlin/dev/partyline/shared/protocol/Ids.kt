package dev.partyline.shared.protocol

import kotlinx.serialization.Serializable

/** A player's public id, e.g. `p_3kq9xw2m`; stable across reconnects within the grace period. */
@Serializable
@JvmInline
value class PlayerId(val value: String) {
    override fun toString() = value
}

/** A room's 6-character join code. */
@Serializable
@JvmInline
value class RoomCode(val value: String) {
    override fun toString() = value
}

/** What a member is in a room. */
@Serializable
enum class Role {
    @kotlinx.serialization.SerialName("host") HOST,
    @kotlinx.serialization.SerialName("player") PLAYER,
    @kotlinx.serialization.SerialName("spectator") SPECTATOR,
}
