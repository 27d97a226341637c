package dev.partyline.server.session

/**
 * A connection's way out that writes on one event loop without suspending (a WebSocket's Netty
 * channel): [Connection.drainOn] drains the outbox there in one task per batch, so no writer
 * coroutine wakes for each batch.
 */
interface LoopSink {
    /** Runs [task] on the sink's event loop. */
    fun execute(task: Runnable)

    /** Whether the peer takes more now; when it does not, [whenReady]'s action runs once it does. */
    val ready: Boolean

    /** False once the peer has gone or the connection is closing: nothing written reaches it. */
    val open: Boolean

    /** Writes [text] as one message, to go out at the next [push]. */
    fun put(text: String)

    /** Sends what was [put]. */
    fun push()

    /** Runs [action] each time the sink becomes ready again, and when it closes. */
    fun whenReady(action: Runnable)
}
