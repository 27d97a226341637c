package dev.partyline.server.transport.ws

import io.netty.channel.EventLoop
import kotlinx.coroutines.CoroutineDispatcher
import kotlinx.coroutines.Dispatchers
import java.util.concurrent.RejectedExecutionException
import kotlin.coroutines.CoroutineContext

/**
 * Runs a connection's coroutines on its channel's Netty event loop, at once when already there
 * (as Ktor's Netty engine runs its calls): a frame read hands its message to the reader, and a
 * write reaches the socket, without a hop to another thread. Once the loop has shut down, work
 * goes to [Dispatchers.IO] so that connections still end cleanly.
 */
internal class EventLoopDispatcher(private val loop: EventLoop) : CoroutineDispatcher() {
    override fun isDispatchNeeded(context: CoroutineContext) = !loop.inEventLoop()

    override fun dispatch(context: CoroutineContext, block: Runnable) {
        try {
            loop.execute(block)
        } catch (e: RejectedExecutionException) {
            Dispatchers.IO.dispatch(context, block)
        }
    }
}
