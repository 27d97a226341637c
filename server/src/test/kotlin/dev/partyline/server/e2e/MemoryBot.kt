package dev.partyline.server.e2e

import kotlinx.serialization.json.JsonObject
import kotlin.random.Random

/**
 * A memory player written from PROTOCOL.md alone: it knows only what its own connection was
 * told (faces from `flipped`, pairs from `match`, the turn from `board` and `turn`) and plays a
 * known pair when it has one, else an unknown card picked with a seeded [random].
 */
class MemoryBot(val client: TestClient, val id: String, private val random: Random = Random(0)) {
    private var cards = 0
    private val known = HashMap<Int, String>()
    private val up = ArrayList<Int>()

    /** Cards matched on the board this bot sees. */
    val matched = HashSet<Int>()

    /** Who is on turn (turns mode), as last announced. */
    var turn: String? = null
        private set

    /** Pairs per player, from `progress` (race). */
    val progress = HashMap<String, Int>()

    /** The game events this bot received, in order. */
    val events = ArrayList<JsonObject>()

    val pairs: Int get() = matched.size / 2

    /** The next game event (anything else is skipped), applied to what the bot knows. */
    suspend fun nextEvent(timeoutMs: Long = 3000): JsonObject {
        while (true) {
            val message = client.next(timeoutMs)
            if (message.type !in GAME_EVENTS) continue
            apply(message)
            return message
        }
    }

    /** Reads game events until one of [types] arrives; [check] sees every event on the way. */
    suspend fun awaitEvent(vararg types: String, check: (JsonObject) -> Unit = {}): JsonObject {
        while (true) {
            val event = nextEvent()
            check(event)
            if (event.type in types) return event
        }
    }

    suspend fun flip(card: Int) = client.send("""{"type":"flip","card":$card}""")

    /** The card this bot turns next. */
    fun pick(): Int {
        val open = (0 until cards).filter { it !in matched && it !in up }
        val unknown = open.filter { it !in known }
        if (up.size == 1) {
            val face = known[up.single()]
            return open.firstOrNull { known[it] == face } ?: unknown.randomOrNull(random) ?: open.random(random)
        }
        val pair = open.filter { it in known }.groupBy { known[it] }.values.firstOrNull { it.size >= 2 }
        return pair?.first() ?: unknown.randomOrNull(random) ?: open.random(random)
    }

    private fun apply(event: JsonObject) {
        events += event
        when (event.type) {
            "board" -> {
                cards = event.int("rows") * event.int("cols")
                turn = event.optional("turn")
            }
            "flipped" -> {
                known[event.int("card")] = event.str("face")
                up += event.int("card")
            }
            "match" -> event.cards().let { matched += it; up -= it.toSet() }
            "hide" -> up -= event.cards().toSet()
            "turn" -> turn = event.optional("player")
            "progress" -> progress[event.str("player")] = event.int("pairs")
        }
    }

    companion object {
        val GAME_EVENTS = setOf("board", "flipped", "match", "miss", "hide", "turn", "progress", "game_over", "paused", "resumed")
    }
}
