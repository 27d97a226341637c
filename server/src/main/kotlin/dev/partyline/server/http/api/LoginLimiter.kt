package dev.partyline.server.http.api

import dev.partyline.server.base.AddressAllowance
import dev.partyline.server.base.Clock
import kotlinx.coroutines.CompletableDeferred
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.channels.Channel
import kotlinx.coroutines.channels.consumeEach
import kotlinx.coroutines.launch
import java.util.Locale
import kotlin.math.ceil

/**
 * Limits failed logins per account name and per client address: [attempts] in [windowMillis]
 * each, refilled steadily. An actor owns both allowances. Logins from loopback are not counted
 * unless [limitLoopback], like every per-address limit of the server.
 */
class LoginLimiter(attempts: Int, windowMillis: Long, limitLoopback: Boolean, private val clock: Clock) {
    private sealed interface Ask {
        class Allowed(val address: String, val name: String, val reply: CompletableDeferred<Boolean>) : Ask
        class Failed(val address: String, val name: String) : Ask
    }

    private val perSecond = attempts * 1000.0 / windowMillis

    /** How long one more attempt takes to come back: what a refused login is told to wait. */
    val retryAfterSeconds: Int = ceil(1 / perSecond).toInt()
    private val byAddress = AddressAllowance(perSecond, attempts, limitLoopback)
    private val byName = AddressAllowance(perSecond, attempts, limitLoopback = true) // a name may look like an address
    private val mailbox = Channel<Ask>(MAILBOX)

    fun start(scope: CoroutineScope) = scope.launch {
        mailbox.consumeEach { ask ->
            val now = clock.now()
            when (ask) {
                is Ask.Allowed -> ask.reply.complete(byAddress.hasAny(ask.address, now) && byName.hasAny(key(ask.name), now))
                is Ask.Failed -> {
                    byAddress.spend(ask.address, now)
                    byName.spend(key(ask.name), now)
                }
            }
        }
    }

    /** Whether a login as [name] from [address] may be tried now. */
    suspend fun allows(address: String, name: String): Boolean {
        if (!byAddress.applies(address)) return true
        return CompletableDeferred<Boolean>().also { mailbox.send(Ask.Allowed(address, name, it)) }.await()
    }

    /** Counts a failed login as [name] from [address]. */
    suspend fun failed(address: String, name: String) {
        if (byAddress.applies(address)) mailbox.send(Ask.Failed(address, name))
    }

    private fun key(name: String) = name.lowercase(Locale.ROOT)

    private companion object {
        const val MAILBOX = 1024
    }
}
