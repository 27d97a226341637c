package dev.partyline.server.bot

import kotlinx.serialization.json.JsonObject
import kotlin.random.Random

/**
 * A bot's memory game: keeps a [MemorySight] of its board from the messages it is sent (in turns
 * mode it sees everyone's flips), and flips with a [MemoryRecall] whenever it may: on its turn in
 * turns mode, at any time in a race, and never while two cards show or a flip is on its way.
 */
internal class MemoryPlay(
    private val me: String,
    private val recall: MemoryRecall,
    private val thinkMillis: Long,
    private val random: Random,
) : BotGame {
    private var sight = MemorySight(0)
    private var race = false
    private var turn: String? = null
    private var paused = false
    private var over = false
    private var pending: Int? = null
    private var blocked = false

    override fun apply(message: JsonObject) {
        val type = message.type
        if (type in BOARD_EVENTS) blocked = false
        when (type) {
            "room" -> message.obj("board")?.let { board ->
                start(board)
                over = message.string("state") == "finished"
                paused = message.bool("paused")
                val found = board.faces("found")
                val faceUp = board.faces("faceUp")
                sight = sight.copy(seen = found + faceUp, matched = board.ints("matched").toSet(), up = faceUp.keys.toList())
            }
            "board" -> start(message)
            "flipped" -> {
                val card = message.int("card") ?: return
                val face = message.string("face") ?: return
                sight = sight.copy(seen = sight.seen + (card to face), up = sight.up + card)
                if (card == pending) pending = null
            }
            "match" -> message.ints("cards").let { sight = sight.copy(matched = sight.matched + it, up = sight.up - it.toSet()) }
            "hide" -> message.ints("cards").let { sight = sight.copy(up = sight.up - it.toSet()) }
            "turn" -> turn = message.string("player")
            "paused" -> paused = true
            "resumed" -> paused = false
            "game_over" -> over = true
            "error" -> if (message.string("re")?.startsWith("f") == true) {
                pending = null
                blocked = true // wait for news of the board before trying again
            }
        }
    }

    private fun start(board: JsonObject) {
        sight = MemorySight(cards = (board.int("rows") ?: 0) * (board.int("cols") ?: 0))
        race = board.string("mode") == "race"
        turn = board.string("turn")
        over = false
        pending = null
        blocked = false
    }

    override fun canMove(): Boolean =
        !over && !paused && !blocked && pending == null && sight.up.size < 2 && sight.open.isNotEmpty() && (race || turn == me)

    /** A few hundred ms, less for a skilled bot: `thinkMillis × (1.5 − recall skill)`, ±25 %. */
    override fun thinkMillis(): Long = (thinkMillis * (1.5 - skill) * (0.75 + random.nextDouble() * 0.5)).toLong()

    private val skill: Double get() = recall.skill

    override fun move(): String? {
        if (!canMove()) return null
        val card = recall.next(sight, random)
        pending = card
        return """{"type":"flip","card":$card,"id":"f$card"}"""
    }

    private companion object {
        val BOARD_EVENTS = setOf("board", "flipped", "match", "miss", "hide", "turn", "resumed")
    }
}
