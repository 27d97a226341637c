package dev.partyline.server.transport

import dev.partyline.server.base.AddressAllowance
import dev.partyline.server.base.Clock
import kotlinx.coroutines.CompletableDeferred
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.channels.Channel
import kotlinx.coroutines.channels.consumeEach
import kotlinx.coroutines.launch

/**
 * Caps new connections per client address, across TCP and WebSocket alike: an actor owning an
 * [AddressAllowance] of [perSecond] a second in a burst of [burst]. Loopback addresses pass
 * without a word to the actor unless [limitLoopback].
 */
class ConnectionGate(perSecond: Double, burst: Int, limitLoopback: Boolean, private val clock: Clock) {
    private class Ask(val address: String, val reply: CompletableDeferred<Boolean>)

    private val allowance = AddressAllowance(perSecond, burst, limitLoopback)
    private val mailbox = Channel<Ask>(MAILBOX)

    fun start(scope: CoroutineScope) = scope.launch {
        mailbox.consumeEach { it.reply.complete(allowance.spend(it.address, clock.now())) }
    }

    /** Whether connections from [address] are counted at all (loopback is not, unless asked). */
    fun counts(address: String): Boolean = allowance.applies(address)

    /** Whether a new connection from [address] may go on; each one admitted spends from its allowance. */
    suspend fun admit(address: String): Boolean {
        if (!counts(address)) return true
        return CompletableDeferred<Boolean>().also { mailbox.send(Ask(address, it)) }.await()
    }

    private companion object {
        const val MAILBOX = 1024
    }
}
