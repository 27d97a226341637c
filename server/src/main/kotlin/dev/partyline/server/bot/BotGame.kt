package dev.partyline.server.bot

import kotlinx.serialization.json.JsonObject

/**
 * One game as a bot plays it: it learns from every server message, says when it has a move to
 * make and how long it thinks first, and produces the move. Single-threaded: [BotPlayer] calls it
 * from its one loop.
 */
internal interface BotGame {
    /** Learns from [message], any message of the room or a reply. */
    fun apply(message: JsonObject)

    /** True when the bot has a move to make now. */
    fun canMove(): Boolean

    /** How long to think before the move now possible (called once per move). */
    fun thinkMillis(): Long

    /** The move to send (one JSON line), or null if there is none after all. */
    fun move(): String?
}
