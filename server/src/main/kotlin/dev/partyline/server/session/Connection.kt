package dev.partyline.server.session

import dev.partyline.server.base.Clock
import dev.partyline.server.base.Outbox
import dev.partyline.server.base.ServerConfig
import dev.partyline.server.base.TokenBucket
import dev.partyline.server.metrics.ServerMetrics
import dev.partyline.shared.protocol.ErrorCode
import dev.partyline.shared.protocol.ErrorMessage
import dev.partyline.shared.protocol.Goodbye
import dev.partyline.shared.protocol.ServerMessage
import dev.partyline.shared.protocol.ServerPing
import dev.partyline.shared.protocol.WireCodec
import kotlinx.coroutines.CancellationException
import kotlinx.coroutines.CompletableDeferred
import kotlinx.coroutines.DelicateCoroutinesApi
import kotlinx.coroutines.Job
import kotlinx.coroutines.NonCancellable
import kotlinx.coroutines.channels.Channel
import kotlinx.coroutines.currentCoroutineContext
import kotlinx.coroutines.job
import kotlinx.coroutines.withContext
import kotlinx.coroutines.withTimeoutOrNull
import kotlinx.serialization.json.JsonElement
import kotlinx.serialization.json.JsonPrimitive
import java.util.concurrent.atomic.AtomicBoolean

/**
 * One client connection, whatever its transport: a bounded outbox drained by the transport's
 * writer, the rate limit and the heartbeat. Rooms only [offer]; when the outbox is full the
 * client is dropped, so no one ever waits for a slow client.
 */
class Connection(
    override val connectionId: Long,
    val remote: String,
    /** The client's IP address, as limits per address count it. */
    val address: String,
    private val config: ServerConfig,
    private val clock: Clock,
    private val codec: WireCodec,
    private val metrics: ServerMetrics,
) : Outbox {
    private val queue = Channel<String>(config.outboxCapacity)

    /** Set when the connection is dropped with a goodbye that could not be queued; the writer sends it last. */
    @Volatile
    private var dropNotice: String? = null

    /** When the client last sent anything; written by the reader, read by the heartbeat. */
    @Volatile
    private var lastHeard: Long = clock.now()

    @Volatile
    private var over = false

    /** When the connection began to close (a goodbye queued, or the peer gone); [beat] ends a writer still busy [CLOSING_MILLIS] later. */
    @Volatile
    private var closingSince = OPEN

    /** The coroutine in [drainTo]; a drop cancels it, since it may be stuck writing to a full socket. */
    @Volatile
    private var writer: Job? = null

    /** When the heartbeat last pinged; owned by the [Heartbeat] loop. */
    private var lastPingAt = Long.MIN_VALUE / 2

    private val bucket = TokenBucket(config.ratePerSecond, config.rateBurst, clock.now())
    private var strikes = 0
    private var lastStrikeAt = Long.MIN_VALUE / 2

    /** Set while [drainOn] drains: schedules a drain on the sink's loop after each offer. */
    @Volatile
    private var wake: Runnable? = null

    @OptIn(DelicateCoroutinesApi::class)
    override val isClosed: Boolean get() = queue.isClosedForSend

    // region docs:outbox
    override fun offer(text: String): Boolean {
        val sent = queue.trySend(text)
        if (sent.isSuccess) {
            wake?.run()
            return true
        }
        if (!sent.isClosed) { // full, not already closing: the client is too slow
            metrics.droppedSlow()
            drop(Goodbye(Goodbye.SLOW, "you fell too far behind"))
        }
        return false
    }
    // endregion

    fun send(message: ServerMessage, re: JsonElement? = null) = offer(codec.encode(message, re = re))

    fun sendError(code: ErrorCode, message: String, re: JsonElement? = null) = send(ErrorMessage(code.wire, message), re)

    override fun close(goodbye: Goodbye) {
        val sent = queue.trySend(codec.encode(goodbye))
        if (sent.isSuccess) closeQueue() else if (!sent.isClosed) drop(goodbye) // once closing, the first goodbye stands
    }

    /** Ends the connection without a goodbye: the peer has gone. */
    fun finish() = closeQueue()

    /** Lets the writer drain what is queued, then end; [beat] bounds how long that may take. */
    private fun closeQueue() {
        if (closingSince == OPEN) closingSince = clock.now()
        queue.close()
        wake?.run()
    }

    private fun drop(goodbye: Goodbye) {
        if (dropNotice == null) dropNotice = codec.encode(goodbye)
        queue.cancel()
        writer?.cancel()
    }

    // region docs:drain
    /**
     * Writes queued text with [write] until the connection ends, calling [flush] once per batch
     * so that several events for this client go out in one write. A drop ends it even while a
     * write is stuck on a client that stopped reading; the drop's goodbye is then tried for a
     * moment.
     */
    suspend fun drainTo(write: suspend (String) -> Unit, flush: suspend () -> Unit) {
        writer = currentCoroutineContext().job
        try {
            while (true) {
                val text = queue.receiveCatching().getOrNull() ?: break
                write(text)
                var batch = 1
                while (true) {
                    write(queue.tryReceive().getOrNull() ?: break)
                    batch++
                }
                flush()
                metrics.sent(batch)
            }
        } catch (e: CancellationException) {
            if (dropNotice == null) throw e
        }
        dropNotice?.let { notice ->
            withContext(NonCancellable) {
                withTimeoutOrNull(GOODBYE_WRITE_MILLIS) {
                    write(notice)
                    flush()
                }
            }
        }
    }
    // endregion

    /**
     * Does what [drainTo] does for a [LoopSink]: each offer schedules one drain task on the sink's
     * loop (unless one is already due), which puts what is queued while the peer takes it and
     * pushes once per batch; a sink that is not ready resumes draining when it is. Returns when the
     * outbox has closed and been drained, or the sink has closed; a drop ends it at once, after
     * its goodbye is put.
     */
    suspend fun drainOn(sink: LoopSink) {
        writer = currentCoroutineContext().job
        val ended = CompletableDeferred<Unit>()
        val due = AtomicBoolean()
        val drain = Runnable {
            due.set(false)
            var batch = 0
            while (sink.ready) {
                val next = queue.tryReceive()
                sink.put(next.getOrNull() ?: break)
                batch++
            }
            if (batch > 0) {
                sink.push()
                metrics.sent(batch)
            }
            @OptIn(DelicateCoroutinesApi::class)
            if (!sink.open || queue.isClosedForReceive) ended.complete(Unit)
        }
        val schedule = Runnable { if (due.compareAndSet(false, true)) sink.execute(drain) }
        wake = schedule
        sink.whenReady(schedule)
        schedule.run()
        try {
            ended.await()
        } catch (e: CancellationException) {
            if (dropNotice == null) throw e
        } finally {
            wake = null
        }
        dropNotice?.let { notice ->
            sink.put(notice)
            sink.push()
        }
    }

    /** Stamps an arrival and applies the rate limit; false means the message is dropped unread. */
    fun admit(now: Long): Boolean {
        lastHeard = now
        if (bucket.tryTake(now)) {
            if (now - lastStrikeAt > STRIKE_RESET_MILLIS) strikes = 0
            return true
        }
        metrics.rateLimitHit()
        if (now - lastStrikeAt >= 1000) {
            lastStrikeAt = now
            strikes++
            if (strikes >= config.rateStrikes) close(Goodbye(Goodbye.RATE_LIMITED, "too many messages for too long"))
            else sendError(ErrorCode.RATE_LIMITED, "slow down: at most ${config.ratePerSecond.toInt()} messages a second")
        }
        return false
    }

    /** The connection has ended; [beat] reports it so [Heartbeat] lets go of it. */
    fun ended() {
        over = true
    }

    /**
     * One heartbeat check at [now], called by [Heartbeat]: pings a client silent for a ping
     * interval (again each interval it stays silent), closes one silent for the idle timeout, and
     * ends the writer of one still closing [CLOSING_MILLIS] after it began: a write to a peer that
     * vanished or stopped reading may never return. False once the connection has ended.
     */
    fun beat(now: Long): Boolean {
        if (over) return false
        val closing = closingSince
        if (closing != OPEN) {
            if (now - closing >= CLOSING_MILLIS) writer?.cancel()
            return true
        }
        val silent = now - lastHeard
        when {
            silent >= config.idleTimeoutMillis -> close(Goodbye(Goodbye.IDLE, "no message for ${config.idleTimeoutMillis / 1000} s"))
            silent >= config.pingIntervalMillis && now - lastPingAt >= config.pingIntervalMillis -> {
                lastPingAt = now
                send(ServerPing(JsonPrimitive(now)))
            }
        }
        return true
    }

    private companion object {
        const val OPEN = Long.MIN_VALUE
        const val CLOSING_MILLIS = 1000L
        const val GOODBYE_WRITE_MILLIS = 1000L
        const val STRIKE_RESET_MILLIS = 5000L
    }
}
