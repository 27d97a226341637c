package dev.partyline.server.store

import dev.partyline.shared.protocol.Role
import kotlinx.serialization.ExperimentalSerializationApi
import kotlinx.serialization.SerialName
import kotlinx.serialization.Serializable
import kotlinx.serialization.json.Json
import kotlinx.serialization.json.JsonClassDiscriminator
import kotlinx.serialization.json.JsonObject

/**
 * What a running game's room logs about its members, beside the game's journal: enough, with the
 * journal, to seat everyone again after a restart. Folded in order by the room's rebuilder.
 */
@OptIn(ExperimentalSerializationApi::class)
@Serializable
@JsonClassDiscriminator("event")
sealed interface RoomEvent {
    /** The game began in a room with these room [options] (`public`, `maxPlayers`, `bots`), created by [creator]. */
    @Serializable @SerialName("opened")
    data class Opened(val options: JsonObject, val creator: String) : RoomEvent

    /**
     * [player] is a member as [role]. [tokenHash] is the SHA-256 of their session token (null for a
     * bot the server runs); [skill] is set for a bot the server runs.
     */
    @Serializable @SerialName("seated")
    data class Seated(
        val player: String,
        val name: String,
        val bot: Boolean,
        val role: Role,
        val tokenHash: String? = null,
        val skill: Double? = null,
    ) : RoomEvent

    /** [player] took over as host. */
    @Serializable @SerialName("host")
    data class Host(val player: String) : RoomEvent

    /** [player] left the room; [banned] when the host removed them and they may not come back. */
    @Serializable @SerialName("gone")
    data class Gone(val player: String, val banned: Boolean = false) : RoomEvent

    companion object {
        val json = Json { encodeDefaults = false; explicitNulls = false }
    }
}
