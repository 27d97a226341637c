package dev.partyline.tools.bench

import kotlinx.coroutines.Deferred
import kotlinx.coroutines.ExperimentalCoroutinesApi
import kotlinx.coroutines.selects.onTimeout
import kotlinx.coroutines.selects.select

/**
 * A member's message loop: hands each message to [onMessage] until [stop] completes or
 * [onMessage] returns false. When [due] names a `System.nanoTime()` instant, [onDue] runs at it
 * (to the millisecond), between messages, so a member's state stays in its own coroutine. An
 * `error` goes to [onError] with its code (by default it ends the loop with a [BenchFailure]);
 * a `goodbye` or a closed connection always does. [onDue] and [onError] also return whether to go on.
 */
@OptIn(ExperimentalCoroutinesApi::class)
suspend fun BenchClient.serve(
    stop: Deferred<Unit>? = null,
    due: () -> Long? = { null },
    onDue: () -> Boolean = { true },
    onError: (String?) -> Boolean = { throw BenchFailure("error $it") },
    onMessage: (Received) -> Boolean,
) {
    while (true) {
        val at = due()
        val goOn = select {
            stop?.onAwait { false }
            inbox.onReceiveCatching { result ->
                val message = result.getOrNull() ?: throw BenchFailure("connection closed by the server")
                when (message.type) {
                    "error" -> onError(BenchWire.string(message.text, "code"))
                    "goodbye" -> throw BenchFailure("goodbye ${BenchWire.string(message.text, "reason")}")
                    else -> onMessage(message)
                }
            }
            if (at != null) onTimeout(((at - System.nanoTime()) / 1_000_000).coerceAtLeast(0)) { onDue() }
        }
        if (!goOn) return
    }
}
