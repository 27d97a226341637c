package dev.partyline.server.client

import io.ktor.network.selector.SelectorManager
import io.ktor.network.sockets.InetSocketAddress
import io.ktor.network.sockets.ServerSocket
import io.ktor.network.sockets.Socket
import io.ktor.network.sockets.aSocket
import io.ktor.network.sockets.openReadChannel
import io.ktor.network.sockets.openWriteChannel
import io.ktor.utils.io.copyAndClose
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.SupervisorJob
import kotlinx.coroutines.cancel
import kotlinx.coroutines.isActive
import kotlinx.coroutines.launch
import java.util.concurrent.ConcurrentLinkedQueue

/**
 * A TCP relay to 127.0.0.1:[target] whose connections a spec can [cut], as a network that drops:
 * neither side gets a goodbye. New connections through it still work after a cut.
 */
class CuttableProxy private constructor(private val target: Int, private val selector: SelectorManager, private val server: ServerSocket) : AutoCloseable {
    private val scope = CoroutineScope(SupervisorJob() + Dispatchers.IO)
    private val open = ConcurrentLinkedQueue<Socket>()

    /** The port clients connect to. */
    val port: Int get() = (server.localAddress as InetSocketAddress).port

    /** How many connections it has relayed. */
    @Volatile
    var accepted = 0
        private set

    private fun start() {
        scope.launch {
            while (isActive) {
                val client = server.accept()
                val upstream = aSocket(selector).tcp().connect("127.0.0.1", target)
                accepted++
                open += client
                open += upstream
                launch { client.openReadChannel().copyAndClose(upstream.openWriteChannel()) }
                launch { upstream.openReadChannel().copyAndClose(client.openWriteChannel()) }
            }
        }
    }

    /** Drops every connection it relays now; the reconnection a drop brings about is not among them. */
    fun cut() {
        val now = open.toList() // taken before the first close, so a client reconnecting at once is not cut again
        open.removeAll(now.toSet())
        now.forEach { it.close() }
    }

    override fun close() {
        scope.cancel()
        cut()
        server.close()
        selector.close()
    }

    companion object {
        suspend fun to(target: Int): CuttableProxy {
            val selector = SelectorManager(Dispatchers.IO)
            return CuttableProxy(target, selector, aSocket(selector).tcp().bind("127.0.0.1", 0)).also { it.start() }
        }
    }
}
