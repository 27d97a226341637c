package dev.partyline.server.base

import kotlinx.coroutines.CancellationException
import kotlinx.coroutines.channels.ReceiveChannel
import org.slf4j.Logger

/**
 * An actor's loop: hands each command of this mailbox to [handle], one at a time, until the
 * mailbox closes. A command whose handling throws (a bug) is logged as [actor]'s and given to
 * [failed], which answers whoever waits for it; then the loop goes on, so one bad command never
 * stops the actor.
 */
suspend fun <C : Any> ReceiveChannel<C>.serveEach(log: Logger, actor: String, failed: (C, Exception) -> Unit, handle: (C) -> Unit) {
    for (command in this) {
        try {
            handle(command)
        } catch (e: CancellationException) {
            throw e
        } catch (e: Exception) {
            log.error("{}: {} failed", actor, command::class.simpleName, e)
            failed(command, e)
        }
    }
}
