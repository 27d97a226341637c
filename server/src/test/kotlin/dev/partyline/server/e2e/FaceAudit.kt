package dev.partyline.server.e2e

import dev.partyline.shared.game.memory.Faces
import kotlinx.serialization.json.JsonArray
import kotlinx.serialization.json.JsonElement
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive

/**
 * Audits the memory faces one client was shown. Every face name anywhere in its messages (a
 * string value, an object key, or a word of a human `message` or `text`) must sit in a face
 * field — `flipped.face`, or a `room` snapshot's `board.faceUp` / `board.found` — must be the
 * card's true face in [deck], and must be visible to that client then: in turns any flip is
 * public, in a race only the client's own; a snapshot may show only cards face up or matched
 * on the client's board at its `seq`. The [seed] gives the board away, so it must not appear
 * before `game_over`.
 */
class FaceAudit(private val deck: List<String>, private val race: Boolean, private val seed: Long) {
    /** What the audit found: [leaks] described one per line, and how many [faces] were legitimately shown. */
    class Result(val leaks: List<String>, val faces: Int)

    /**
     * Audits [messages], received by [viewer]; [history] holds the events that tell which cards of
     * the viewer's board were up or matched at each seq (turns: the whole room's; race: those of
     * the viewer's own connections; nothing for a race spectator).
     */
    fun audit(viewer: String, messages: List<JsonObject>, history: List<JsonObject>): Result {
        val events = history.filter { it.seq != null && it.type in BOARD_EVENTS && (!race || it.str("by") == viewer) }.sortedBy { it.seq }
        val leaks = mutableListOf<String>()
        var faces = 0
        var over = false
        for (message in messages) {
            if (message.type == "game_over") over = true
            if (!over && primitives(message).any { it.content == seed.toString() }) leaks += "seed before game_over: $message"
            for ((path, face) in faceNames(message)) {
                val why = judge(viewer, message, path, face, events)
                if (why == null) faces++ else leaks += "$why at ${path.joinToString(".")}: $message"
            }
        }
        return Result(leaks, faces)
    }

    /** Null when [face] at [path] of [message] may be shown to [viewer], else why not. */
    private fun judge(viewer: String, message: JsonObject, path: List<String>, face: String, events: List<JsonObject>): String? = when {
        message.type == "flipped" && path == listOf("face") -> when {
            race && message.str("by") != viewer -> "another player's race flip"
            face != deck[message.int("card")] -> "not the card's face"
            else -> null
        }
        message.type == "room" && path.size == 3 && path[0] == "board" && path[1] in setOf("faceUp", "found") -> {
            val card = path[2].toIntOrNull()
            val (up, matched) = boardAt(events, message.seq ?: Long.MAX_VALUE)
            when {
                card == null || card !in deck.indices -> "not a card index"
                face != deck[card] -> "not the card's face"
                path[1] == "faceUp" && card !in up -> "a card that is not face up"
                path[1] == "found" && card !in matched -> "a card that is not matched"
                else -> null
            }
        }
        else -> "a face outside a face field"
    }

    /** The face-up and matched cards after every event up to [seq]. */
    private fun boardAt(events: List<JsonObject>, seq: Long): Pair<Set<Int>, Set<Int>> {
        val up = HashSet<Int>()
        val matched = HashSet<Int>()
        for (event in events.takeWhile { it.seq!! <= seq }) {
            when (event.type) {
                "flipped" -> up += event.int("card")
                "match" -> event.cards().let { matched += it; up -= it.toSet() }
                "hide" -> up -= event.cards().toSet()
            }
        }
        return up to matched
    }

    private companion object {
        val BOARD_EVENTS = setOf("flipped", "match", "hide")
        val FACES = Faces.all.toSet()
        val WORDS = Regex("\\b(${Faces.all.joinToString("|")})\\b")
        val HUMAN_TEXT = setOf("message", "text")

        /** Every face name in [element] with its path; a key is marked so it never counts as a face field. */
        fun faceNames(element: JsonElement, path: List<String> = emptyList()): List<Pair<List<String>, String>> = when (element) {
            is JsonObject -> element.flatMap { (key, value) ->
                (if (key in FACES) listOf(path + "{key}" to key) else emptyList()) + faceNames(value, path + key)
            }
            is JsonArray -> element.flatMapIndexed { i, value -> faceNames(value, path + "$i") }
            is JsonPrimitive -> when {
                !element.isString -> emptyList()
                element.content in FACES -> listOf(path to element.content)
                path.lastOrNull() in HUMAN_TEXT -> WORDS.findAll(element.content).map { path + "{word}" to it.value }.toList()
                else -> emptyList()
            }
        }

        fun primitives(element: JsonElement): List<JsonPrimitive> = when (element) {
            is JsonObject -> element.values.flatMap(::primitives)
            is JsonArray -> element.flatMap(::primitives)
            is JsonPrimitive -> listOf(element)
        }
    }
}
