package dev.partyline.server.jmh

import dev.partyline.server.base.Outbox
import dev.partyline.shared.protocol.Goodbye
import kotlinx.coroutines.channels.Channel

/**
 * A member's outbox that never waits: it counts the texts its room offers that start with
 * [counted] (the reply a command mix expects) and the errors, and signals [questions] when a
 * quiz question opens. Only its room's actor calls [offer], one command at a time.
 */
class CountingOutbox(override val connectionId: Long, private val counted: String, private val questions: Channel<Unit>?) : Outbox {
    var replies = 0L
        private set
    var errors = 0L
        private set

    override fun offer(text: String): Boolean {
        when {
            text.startsWith(counted) -> replies++
            text.startsWith(ERROR) -> errors++
            questions != null && text.startsWith(QUESTION) -> questions.trySend(Unit)
        }
        return true
    }

    override val isClosed: Boolean = false

    override fun close(goodbye: Goodbye) = Unit

    private companion object {
        const val ERROR = "{\"type\":\"error\""
        const val QUESTION = "{\"type\":\"question\""
    }
}
