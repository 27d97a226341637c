package dev.partyline.shared.game.replay

import dev.partyline.shared.protocol.Limits
import kotlinx.serialization.Serializable
import kotlinx.serialization.json.JsonObject

/**
 * The first line of a replay file: the [game] and the [options] its rules were set up with, the
 * room's [seed], and the versions of this format ([replay]) and of the wire protocol the moves
 * are written in.
 */
@Serializable
data class ReplayHeader(
    val game: String,
    val options: JsonObject,
    val seed: Long,
    val room: String? = null,
    val replay: Int = FORMAT,
    val protocol: Int = Limits.PROTOCOL_VERSION,
) {
    companion object {
        /** This version of the replay format. */
        const val FORMAT = 1
    }
}
