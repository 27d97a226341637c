package dev.partyline.server.room

import dev.partyline.server.base.ServerConfig
import dev.partyline.shared.game.OptionReader
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive

/** Options every room has, whatever its game. */
data class RoomSettings(val public: Boolean, val maxPlayers: Int, val bots: Boolean) {
    /** These settings as the options that set them. */
    val options: JsonObject
        get() = JsonObject(mapOf("public" to JsonPrimitive(public), "maxPlayers" to JsonPrimitive(maxPlayers), "bots" to JsonPrimitive(bots)))

    companion object {
        private val keys = setOf("public", "maxPlayers", "bots")

        /** Reads the room's own options and returns them with the rest, which belong to the game; throws BadOption. */
        fun split(options: JsonObject, config: ServerConfig): Pair<RoomSettings, JsonObject> {
            val reader = OptionReader(JsonObject(options.filterKeys { it in keys }))
            val settings = RoomSettings(
                public = reader.bool("public", false),
                maxPlayers = reader.int("maxPlayers", config.defaultMaxPlayers, 1..config.maxPlayersCeiling),
                bots = reader.bool("bots", true),
            )
            return settings to JsonObject(options.filterKeys { it !in keys })
        }
    }
}
