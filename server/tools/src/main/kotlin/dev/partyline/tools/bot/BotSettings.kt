package dev.partyline.tools.bot

import dev.partyline.client.Connector
import dev.partyline.client.Endpoint

/**
 * How a group of bots connects and plays: the server at [host], over raw TCP on [tcpPort] or, with
 * [webSocket], over a WebSocket at `ws://host:httpPort/ws`; the [room] code to join, [count] bots named `<namePrefix>-1`…, their [skill] (0..1: quiz speed, memory recall),
 * the base [thinkMillis] between moves (0 plays at once, for tests) and an optional [seed] that
 * makes every bot's choices repeatable. A bot reads server messages of up to [maxLineBytes].
 */
data class BotSettings(
    val host: String = "127.0.0.1",
    val tcpPort: Int = 7070,
    val httpPort: Int = 8080,
    val webSocket: Boolean = false,
    val room: String,
    val count: Int = 1,
    val skill: Double = 0.7,
    val thinkMillis: Long = DEFAULT_THINK_MILLIS,
    val seed: Long? = null,
    val namePrefix: String = "bot",
    val maxLineBytes: Int = Connector.MAX_MESSAGE_BYTES,
) {
    init {
        require(count >= 1) { "count must be at least 1" }
        require(skill in 0.0..1.0) { "skill must be within 0..1" }
        require(thinkMillis >= 0) { "think time must not be negative" }
    }

    /** Where the bots connect. */
    val endpoint: Endpoint get() = if (webSocket) Endpoint.WebSocket("ws://$host:$httpPort/ws") else Endpoint.Tcp(host, tcpPort)

    companion object {
        const val DEFAULT_THINK_MILLIS = 400L
    }
}
