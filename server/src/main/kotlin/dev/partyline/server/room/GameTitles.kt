package dev.partyline.server.room

import dev.partyline.shared.game.memory.MemoryGame
import dev.partyline.shared.game.quiz.Packs
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive
import kotlinx.serialization.json.contentOrNull

/** The title a game is listed under when it does not play a saved quiz: its pack's, or its game's name. */
internal object GameTitles {
    fun of(game: String, options: JsonObject): String {
        val pack = (options["pack"] as? JsonPrimitive)?.contentOrNull?.let(Packs::byId)
        return when {
            pack != null -> pack.title
            game == MemoryGame.id -> "Memory ${options["rows"]} × ${options["cols"]}"
            else -> game.replaceFirstChar { it.uppercase() }
        }
    }
}
