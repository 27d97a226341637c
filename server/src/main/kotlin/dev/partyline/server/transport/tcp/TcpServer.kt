package dev.partyline.server.transport.tcp

import dev.partyline.server.base.ServerConfig
import dev.partyline.server.session.Connection
import dev.partyline.server.transport.ConnectionRunner
import dev.partyline.server.transport.Transport
import dev.partyline.shared.protocol.Inbound
import dev.partyline.shared.protocol.LineFramer
import io.ktor.network.selector.Selectable
import io.ktor.network.selector.SelectorManager
import io.ktor.network.sockets.InetSocketAddress
import io.ktor.network.sockets.ServerSocket
import io.ktor.network.sockets.Socket
import io.ktor.network.sockets.SocketAddress
import io.ktor.network.sockets.aSocket
import io.ktor.network.sockets.openReadChannel
import io.ktor.network.sockets.openWriteChannel
import io.ktor.utils.io.ByteReadChannel
import io.ktor.utils.io.ByteWriteChannel
import io.ktor.utils.io.availableForRead
import io.ktor.utils.io.discard
import io.ktor.utils.io.readByteArray
import io.ktor.utils.io.writeByte
import io.ktor.utils.io.writeStringUtf8
import java.io.IOException
import java.net.InetAddress
import java.net.StandardSocketOptions
import java.nio.channels.SocketChannel
import java.util.concurrent.Executors
import kotlinx.coroutines.CancellationException
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.asCoroutineDispatcher
import kotlinx.coroutines.Job
import kotlinx.coroutines.delay
import kotlinx.coroutines.isActive
import kotlinx.coroutines.launch
import kotlinx.coroutines.withTimeoutOrNull

/** The raw TCP listener: one JSON message per line, each connection run by [ConnectionRunner]. */
class TcpServer(private val config: ServerConfig, private val runner: ConnectionRunner) {
    // The selector's loop blocks in select(), so it gets a thread of its own rather than one of
    // the few Dispatchers.IO threads (see IoThreads), which run every socket's reads and writes.
    private val selectorThread = Executors.newSingleThreadExecutor { task -> Thread(task, "partyline-tcp-selector").apply { isDaemon = true } }
    private val selector = SelectorManager(selectorThread.asCoroutineDispatcher())
    private lateinit var server: ServerSocket

    @Volatile
    private var stopped = false

    /** The port actually bound (useful with port 0). */
    val port: Int get() = (server.localAddress as InetSocketAddress).port

    // region docs:accept-loop
    /** Binds, then accepts connections on [scope] until it is cancelled. */
    suspend fun start(scope: CoroutineScope): Job {
        // A storm of reconnections (a venue's Wi-Fi coming back) opens hundreds at once: a queue of
        // Ktor's default 511 overflowed, and the kernel reset the connections it could not queue.
        server = aSocket(selector).tcp().bind(config.host, config.tcpPort) { backlogSize = ACCEPT_BACKLOG }
        return scope.launch {
            while (isActive) {
                val socket = try {
                    server.accept()
                } catch (e: IOException) {
                    if (stopped) break
                    delay(ACCEPT_RETRY_MILLIS) // e.g. out of file descriptors: wait, then accept again
                    continue
                }
                launch {
                    try {
                        val peer = socket.remoteAddress
                        runner.run(peer.toString(), ipOf(peer), LineTransport(socket, config.maxLineBytes))
                    } catch (e: CancellationException) {
                        throw e
                    } catch (e: Exception) {
                        // One connection's failure never reaches the accept loop or the other connections.
                        socket.close()
                    }
                }
            }
        }
    }
    // endregion

    /** Closes the listening socket; connections already accepted go on. */
    fun stopAccepting() {
        stopped = true
        if (::server.isInitialized) server.close()
    }

    fun stop() {
        stopAccepting()
        selector.close()
        selectorThread.shutdown()
    }
}

private const val ACCEPT_RETRY_MILLIS = 50L

/** Connections the kernel may hold for the accept loop (capped by net.core.somaxconn, as Netty's HTTP listener is). */
private const val ACCEPT_BACKLOG = 4096

/** The numeric IP address of [peer], as WebSocket connections report theirs (no name lookup). */
private fun ipOf(peer: SocketAddress): String =
    (peer as? InetSocketAddress)?.resolveAddress()?.let { InetAddress.getByAddress(it).hostAddress } ?: peer.toString()

/** Lines over a TCP socket. */
private class LineTransport(private val socket: Socket, maxLineBytes: Int) : Transport {
    private val input: ByteReadChannel = socket.openReadChannel()
    private val output: ByteWriteChannel = socket.openWriteChannel(autoFlush = false)
    private val framer = LineFramer(maxLineBytes)
    override val kind = "tcp"

    // region docs:line-read
    override suspend fun read(onFrame: suspend (Inbound) -> Boolean) {
        // No read buffer is held while waiting: an idle connection keeps no bytes of its own.
        while (input.awaitContent()) {
            val chunk = input.readByteArray(minOf(input.availableForRead, READ_CHUNK))
            for (frame in framer.feed(chunk, chunk.size)) if (!onFrame(frame)) return
        }
    }
    // endregion

    override suspend fun drain(outbox: Connection) = outbox.drainTo(::write, output::flush)

    private suspend fun write(text: String) {
        output.writeStringUtf8(text)
        output.writeByte('\n'.code.toByte())
    }

    override suspend fun close() {
        withTimeoutOrNull(CLOSE_FLUSH_MILLIS) { runCatching { output.flushAndClose() } }
        // Closing with unread input resets the connection, and the reset can overtake the goodbye
        // on its way (a flooder would never learn why it was closed): drop what the peer still
        // sends until it closes its side, for a moment at most.
        withTimeoutOrNull(LINGER_MILLIS) { runCatching { input.discard() } }
        socket.close()
        // Ktor closes the socket only once all it holds is written, which a peer that stopped
        // reading never allows: after a moment, reset it, or the socket and its buffers stay.
        if (withTimeoutOrNull(CLOSE_FLUSH_MILLIS) { socket.socketContext.join() } == null) reset()
    }

    /** Closes the socket at once with a reset, throwing away whatever is still queued for the peer. */
    private fun reset() {
        val channel = (socket as? Selectable)?.channel as? SocketChannel ?: return
        runCatching {
            channel.setOption(StandardSocketOptions.SO_LINGER, 0)
            channel.close()
        }
    }

    private companion object {
        const val READ_CHUNK = 4096
        const val CLOSE_FLUSH_MILLIS = 1000L
        const val LINGER_MILLIS = 1000L
    }
}
