package dev.partyline.server.reliability

import dev.partyline.server.e2e.TestClient
import dev.partyline.server.e2e.int
import dev.partyline.server.e2e.str
import dev.partyline.server.e2e.type
import dev.partyline.server.reliability.StormPlayer.Companion.WAIT_MS
import io.kotest.matchers.shouldBe
import kotlinx.coroutines.coroutineScope
import kotlinx.coroutines.launch
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive

/**
 * A quiz room over TCP for the storm: a host who does not play, and players. Every question stays
 * open for two minutes and every reveal for one, so nothing but the spec moves the room on; the
 * host stays connected throughout and watches.
 */
class StormRoom private constructor(val code: String, val host: TestClient, val players: List<StormPlayer>) : AutoCloseable {
    private var asks = 0

    /** Opens question [index] (the host's `start`, then `skip`); each player answers, right when [right] says so of its seat. */
    suspend fun play(index: Int, right: (Int) -> Boolean) {
        host.send(if (index == 0) """{"type":"start"}""" else """{"type":"skip"}""")
        coroutineScope {
            players.forEachIndexed { seat, player -> launch { player.answer(index, if (right(seat)) RIGHT else WRONG) } }
        }
        host.expect("reveal", WAIT_MS) { it.int("index") == index }
    }

    /** The host's `room` snapshot now (its `re` taken off), and whatever else the host heard first, pings aside. */
    suspend fun snapshot(): Pair<List<JsonObject>, JsonObject> {
        val id = JsonPrimitive("snap-${++asks}")
        host.send("""{"type":"join","room":"$code","id":$id}""")
        val before = mutableListOf<JsonObject>()
        while (true) {
            val heard = host.next(WAIT_MS)
            if (heard.type == "room" && heard["re"] == id) return before to JsonObject(heard - "re")
            before += heard
        }
    }

    /** Waits until the host has heard that every player's connection is [connected] now, and nothing else. */
    suspend fun awaitPresence(connected: Boolean) {
        val heard = players.map {
            val status = host.next(WAIT_MS)
            status.type shouldBe "player_status"
            status["connected"] shouldBe JsonPrimitive(connected)
            status.str("player")
        }
        heard.toSet() shouldBe players.map { it.id }.toSet()
    }

    override fun close() {
        host.close()
        players.forEach { it.client.close() }
    }

    companion object {
        const val RIGHT = 0
        const val WRONG = 1
        const val QUESTIONS = 3
        private val QUESTION = """{"kind":"single","text":"Pick a","choices":["a","b"],"answer":[$RIGHT],"seconds":120}"""
        private val OPTIONS = """{"revealSeconds":60,"questions":[${List(QUESTIONS) { QUESTION }.joinToString(",")}]}"""

        /** A room on [tcpPort] with [size] players who have joined it, one after the other. */
        suspend fun open(tcpPort: Int, label: String, size: Int): StormRoom {
            val host = TestClient.tcp(tcpPort, "$label-host")
            host.hello("host")
            host.send("""{"type":"create","game":"quiz","options":$OPTIONS}""")
            val code = host.expect("room", WAIT_MS).str("code")
            val players = (0 until size).map { seat ->
                val client = TestClient.tcp(tcpPort, "$label-$seat")
                val welcome = client.hello("p$seat")
                client.send("""{"type":"join","room":"$code"}""")
                client.expect("room", WAIT_MS)
                StormPlayer(client, welcome.str("player"), welcome.str("session"))
            }
            return StormRoom(code, host, players)
        }
    }
}
