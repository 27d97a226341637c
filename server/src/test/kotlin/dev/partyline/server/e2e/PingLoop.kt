package dev.partyline.server.e2e

import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.cancel
import kotlinx.coroutines.delay
import kotlinx.coroutines.isActive
import kotlinx.coroutines.launch

/** Keeps [client] from going idle in specs that run with a short idle timeout. */
class PingLoop(client: TestClient, periodMillis: Long = 200) {
    private val scope = CoroutineScope(Dispatchers.IO)

    init {
        scope.launch {
            while (isActive) {
                client.send("""{"type":"ping","t":0}""")
                delay(periodMillis)
            }
        }
    }

    fun stop() = scope.cancel()
}
