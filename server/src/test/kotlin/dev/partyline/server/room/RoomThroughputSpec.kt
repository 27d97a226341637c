package dev.partyline.server.room

import dev.partyline.server.base.Clock
import dev.partyline.server.base.Outbox
import dev.partyline.server.base.ServerConfig
import dev.partyline.server.metrics.ServerMetrics
import dev.partyline.server.room.Joiner
import dev.partyline.server.room.RoomActor
import dev.partyline.server.room.RoomSettings
import dev.partyline.shared.game.Setup
import dev.partyline.shared.game.quiz.Answer
import dev.partyline.shared.game.quiz.QuizGame
import dev.partyline.shared.protocol.CoreClientMessages
import dev.partyline.shared.protocol.Goodbye
import dev.partyline.shared.protocol.PlayerId
import dev.partyline.shared.protocol.Role
import dev.partyline.shared.protocol.RoomCode
import dev.partyline.shared.protocol.WireCodec
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import kotlinx.coroutines.CompletableDeferred
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.SupervisorJob
import kotlinx.coroutines.cancel
import kotlinx.coroutines.withTimeout
import kotlinx.serialization.json.Json
import kotlinx.serialization.json.JsonObject
import java.util.concurrent.atomic.AtomicLong

/**
 * A short benchmark of one room actor on real dispatchers: [PLAYERS] players answer every one of
 * [QUESTIONS] questions. It asserts that every answer was acknowledged and every question
 * revealed, and prints answers per second (a figure to read, not a pass mark).
 */
class RoomThroughputSpec : FunSpec({
    test("one room takes $PLAYERS players' answers to $QUESTIONS questions, and prints answers per second") {
        val scope = CoroutineScope(SupervisorJob() + Dispatchers.Default)
        val codec = WireCodec(listOf(QuizGame))
        val questions = Json.parseToJsonElement(
            "[" + List(QUESTIONS) { """{"kind":"single","text":"q$it","choices":["a","b"],"answer":[1],"seconds":120}""" }.joinToString(",") + "]",
        )
        val table = (QuizGame.setup(JsonObject(mapOf("questions" to questions, "revealSeconds" to Json.parseToJsonElement("0"))), 1) as Setup.Ready).table
        val acks = AtomicLong()
        val lastReveal = CompletableDeferred<Unit>()
        val opened = AtomicLong(-1)
        val hostBox = CountingOutbox(0) {
            if (it.startsWith("{\"type\":\"question\"")) opened.incrementAndGet()
            if (it.startsWith("{\"type\":\"game_over\"")) lastReveal.complete(Unit)
        }
        val room = RoomActor(RoomCode("BENCH1"), "quiz", table, RoomSettings(false, PLAYERS, true), scope, Clock.System,
            ServerConfig(), codec, ServerMetrics()) { }
        try {
            room.start(Joiner(PlayerId("p_host"), "host", false, hostBox))
            val players = List(PLAYERS) { PlayerId("p_$it") }
            players.forEachIndexed { i, p -> room.join(Joiner(p, "player$i", true, CountingOutbox(i + 1L) { if (it.startsWith("{\"type\":\"answer_ack\"")) acks.incrementAndGet() }), Role.PLAYER) shouldBe true }
            val started = System.nanoTime()
            room.submit(PlayerId("p_host"), CoreClientMessages.Start, null, System.currentTimeMillis())
            for (q in 0 until QUESTIONS) {
                withTimeout(10_000) { while (opened.get() < q) kotlinx.coroutines.yield() }
                for (p in players) room.submit(p, Answer(q, choice = q % 2), null, System.currentTimeMillis())
            }
            // The room closes each question once everyone has answered; the last one ends the game.
            withTimeout(10_000) { lastReveal.await() }
            val seconds = (System.nanoTime() - started) / 1e9
            acks.get() shouldBe PLAYERS.toLong() * QUESTIONS
            println("RoomThroughput: %d answers (%d players x %d questions) in %.3f s = %.0f answers/s through one room actor"
                .format(acks.get(), PLAYERS, QUESTIONS, seconds, acks.get() / seconds))
        } finally {
            scope.cancel()
        }
    }
})

private const val PLAYERS = 1000
private const val QUESTIONS = 50

/** An outbox that only looks at what it is offered. */
private class CountingOutbox(override val connectionId: Long, private val onText: (String) -> Unit) : Outbox {
    override fun offer(text: String): Boolean {
        onText(text)
        return true
    }

    override val isClosed: Boolean = false

    override fun close(goodbye: Goodbye) = Unit
}
