package dev.partyline.server.session

import dev.partyline.server.base.ServerConfig
import dev.partyline.server.metrics.ServerMetrics
import dev.partyline.shared.game.quiz.QuizGame
import dev.partyline.shared.protocol.Goodbye
import dev.partyline.shared.protocol.WireCodec
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.collections.shouldContainExactly
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import kotlinx.coroutines.CompletableDeferred
import kotlinx.coroutines.async
import kotlinx.coroutines.awaitCancellation
import kotlinx.coroutines.test.runCurrent
import kotlinx.coroutines.test.runTest
import kotlin.time.Duration.Companion.seconds

/** The outbox of one connection, drained by a fake transport under virtual time. */
class ConnectionSpec : FunSpec({
    fun connection(capacity: Int, clock: () -> Long = { 0L }) = Connection(
        1, "test", "127.0.0.1", ServerConfig(outboxCapacity = capacity), clock, WireCodec(listOf(QuizGame)), ServerMetrics(),
    )

    test("queued texts are written in order and flushed once per batch") {
        runTest {
            val conn = connection(capacity = 8)
            val written = mutableListOf<String>()
            var flushes = 0
            listOf("a", "b", "c").forEach { conn.offer(it) shouldBe true }
            val drain = async { conn.drainTo({ written += it }, { flushes++ }) }
            runCurrent()
            conn.finish()
            drain.await()
            written shouldContainExactly listOf("a", "b", "c")
            flushes shouldBe 1
        }
    }

    test("a client whose socket is full is dropped: the stuck writer ends and the goodbye is tried last") {
        runTest(timeout = 5.seconds) {
            val conn = connection(capacity = 2)
            val written = mutableListOf<String>()
            val socketFull = CompletableDeferred<Unit>()
            val drain = async {
                conn.drainTo({ text ->
                    written += text
                    if (written.size == 1) { socketFull.complete(Unit); awaitCancellation() }
                }, {})
            }
            conn.offer("first") shouldBe true
            socketFull.await() // the writer now hangs on a client that never reads
            conn.offer("second") shouldBe true
            conn.offer("third") shouldBe true
            conn.offer("fourth") shouldBe false // the outbox is full: dropped
            drain.join() // without the drop cancelling the writer, this would hang forever
            written.first() shouldBe "first"
            written.last() shouldContain Goodbye.SLOW
            conn.offer("fifth") shouldBe false
        }
    }

    for ((how, end) in listOf<Pair<String, (Connection) -> Unit>>(
        "closed with a goodbye" to { it.close(Goodbye(Goodbye.IDLE, "quiet")) },
        "left by its peer" to { it.finish() },
    )) {
        test("a connection $how whose write never returns is ended by the heartbeat a second later, not kept forever") {
            runTest(timeout = 5.seconds) {
                var now = 0L
                val conn = connection(capacity = 8) { now }
                val stuck = CompletableDeferred<Unit>()
                val drain = async { conn.drainTo({ stuck.complete(Unit); awaitCancellation() }, {}) }
                conn.offer("last words") shouldBe true
                stuck.await() // the writer hangs on a peer that has vanished
                end(conn)
                now = 999
                conn.beat(now) shouldBe true
                runCurrent()
                drain.isActive shouldBe true // still given its moment
                now = 1000
                conn.beat(now)
                drain.join() // without the bound this would hang forever
            }
        }
    }
})
