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

/** The outbox of one connection, drained by a fake transport under virtual time, and on an event loop run by hand. */
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

    test("drained on an event loop, the outbox takes one task per batch, stops while the peer is full and goes on when it is ready") {
        runTest(timeout = 5.seconds) {
            val conn = connection(capacity = 8)
            val sink = HandRunSink()
            val drain = async { conn.drainOn(sink) }
            runCurrent()
            listOf("a", "b", "c").forEach { conn.offer(it) shouldBe true }
            sink.tasks.size shouldBe 1 // three offers, one drain due
            sink.runTasks()
            sink.pushed shouldContainExactly listOf(listOf("a", "b", "c"))
            sink.ready = false
            conn.offer("d")
            sink.runTasks()
            sink.pushed.size shouldBe 1 // the peer takes nothing now: "d" waits in the outbox
            sink.ready = true
            sink.becameReady()
            sink.runTasks()
            sink.pushed.last() shouldContainExactly listOf("d")
            conn.finish()
            sink.runTasks()
            drain.await()
        }
    }

    test("drained on an event loop, a dropped client's drain ends at once with the goodbye put last") {
        runTest(timeout = 5.seconds) {
            val conn = connection(capacity = 2)
            val sink = HandRunSink().apply { ready = false } // a peer that stopped reading
            val drain = async { conn.drainOn(sink) }
            runCurrent()
            conn.offer("first") shouldBe true
            conn.offer("second") shouldBe true
            conn.offer("third") shouldBe false // the outbox is full: dropped
            drain.join()
            sink.written.last() shouldContain Goodbye.SLOW
            sink.written.size shouldBe 1 // only the goodbye: what waited for the peer is thrown away
        }
    }
})

/** A [LoopSink] whose event loop is a list of tasks a spec runs by hand. */
private class HandRunSink : LoopSink {
    val tasks = ArrayDeque<Runnable>()
    val written = mutableListOf<String>()
    val pushed = mutableListOf<List<String>>()
    private var batch = mutableListOf<String>()
    private var onReady: Runnable? = null
    override var ready = true
    override val open = true

    override fun execute(task: Runnable) {
        tasks += task
    }

    fun runTasks() {
        while (tasks.isNotEmpty()) tasks.removeFirst().run()
    }

    fun becameReady() = onReady?.run()

    override fun put(text: String) {
        written += text
        batch += text
    }

    override fun push() {
        pushed += batch.toList()
        batch.clear()
    }

    override fun whenReady(action: Runnable) {
        onReady = action
    }
}
