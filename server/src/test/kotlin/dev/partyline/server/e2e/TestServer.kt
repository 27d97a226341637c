package dev.partyline.server.e2e

import dev.partyline.server.PartylineServer
import dev.partyline.server.base.ServerConfig

/** Starts a real server on free loopback ports for a spec; unless [config] names a data directory, its files go to a temporary one. */
suspend fun startTestServer(config: ServerConfig = ServerConfig()): PartylineServer {
    val dataDir = if (config.dataDir == DEFAULT_DATA_DIR) TempDirs.create("partyline-data") else config.dataDir
    return PartylineServer(config.copy(host = "127.0.0.1", httpPort = 0, tcpPort = 0, dataDir = dataDir)).start()
}

private val DEFAULT_DATA_DIR = ServerConfig().dataDir
