package dev.partyline.server.e2e

import io.ktor.network.selector.SelectorManager
import io.ktor.network.sockets.InetSocketAddress
import io.ktor.network.sockets.ServerSocket
import io.ktor.network.sockets.Socket
import io.ktor.network.sockets.aSocket
import io.ktor.network.sockets.openReadChannel
import io.ktor.network.sockets.openWriteChannel
import io.ktor.utils.io.readAvailable
import io.ktor.utils.io.writeFully
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.SupervisorJob
import kotlinx.coroutines.awaitCancellation
import kotlinx.coroutines.cancel
import kotlinx.coroutines.isActive
import kotlinx.coroutines.launch

/**
 * A loopback TCP proxy in front of [targetPort] that can [freeze]: from then on it moves no byte
 * either way and closes nothing, like a phone whose network went dark. Bytes already in flight
 * stay in the kernel's buffers.
 */
class FreezingProxy private constructor(private val selector: SelectorManager, private val server: ServerSocket, private val targetPort: Int) : AutoCloseable {
    private val scope = CoroutineScope(Dispatchers.IO + SupervisorJob())

    @Volatile
    private var frozen = false

    val port: Int get() = (server.localAddress as InetSocketAddress).port

    private fun start() = scope.launch {
        while (isActive) {
            val client = server.accept()
            val upstream = aSocket(selector).tcp().connect("127.0.0.1", targetPort)
            pump(client, upstream)
            pump(upstream, client)
        }
    }

    fun freeze() {
        frozen = true
    }

    private fun pump(from: Socket, to: Socket) = scope.launch {
        val input = from.openReadChannel()
        val output = to.openWriteChannel(autoFlush = true)
        val buffer = ByteArray(4096)
        while (true) {
            val read = input.readAvailable(buffer)
            if (read < 0) break
            if (frozen) awaitCancellation()
            output.writeFully(buffer, 0, read)
        }
        to.close()
    }

    override fun close() {
        scope.cancel()
        server.close()
        selector.close()
    }

    companion object {
        suspend fun start(targetPort: Int): FreezingProxy {
            val selector = SelectorManager(Dispatchers.IO)
            return FreezingProxy(selector, aSocket(selector).tcp().bind("127.0.0.1", 0), targetPort).also { it.start() }
        }
    }
}
